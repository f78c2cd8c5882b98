package fetch

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestHelperFetch is not a test: TestFetchKilledMidwayResumes runs the test
// binary again with DUBAO_FETCH_HELPER set to make this process the fetch
// it kills.
func TestHelperFetch(t *testing.T) {
	if os.Getenv("DUBAO_FETCH_HELPER") == "" {
		t.Skip("helper process for TestFetchKilledMidwayResumes")
	}
	f := &Fetcher{Client: NewClient(Options{MinInterval: -1}), Dir: os.Getenv("DUBAO_FETCH_DIR")}
	if _, err := f.Fetch(context.Background(), Request{URL: os.Getenv("DUBAO_FETCH_URL"), Source: "rmrb"}); err != nil {
		t.Fatal(err)
	}
}

// A fetch killed with SIGKILL after saving part of an edition leaves the
// shelf as it was; the next fetch completes it without fetching again what
// was saved.
func TestFetchKilledMidwayResumes(t *testing.T) {
	s := epaperSite(t)
	shelf := t.TempDir()
	// Requests come one after another: when the fifth arrives, the child
	// has saved the four files before it. The fifth is held until the
	// child is gone.
	reached := make(chan struct{})
	gone := make(chan struct{})
	s.setHook(func(path string, n int) {
		if n == 5 {
			close(reached)
			<-gone
		}
	})
	start := s.URL + epaperDir + "nbs.D110000renmrb_01.htm"
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFetch$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DUBAO_FETCH_HELPER=1", "DUBAO_FETCH_DIR="+shelf, "DUBAO_FETCH_URL="+start)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-reached:
	case err := <-waited:
		t.Fatalf("helper ended before the fifth request: %v", err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-waited
	close(gone)

	// The shelf shows nothing new: only the hidden staging folder, holding
	// the four files saved.
	paper := filepath.Join(shelf, "rmrb")
	if got := listDir(t, paper); !slices.Equal(got, []string{".2024-03-05.partial", ".lock"}) {
		t.Fatalf("after the kill the shelf holds %v", got)
	}
	var saved []string
	for _, n := range listDir(t, filepath.Join(paper, ".2024-03-05.partial")) {
		if filepath.Ext(n) == ".html" {
			saved = append(saved, n)
		}
	}
	if !slices.Equal(saved, []string{"01-01.html", "01-02.html", "01.html", "02.html"}) {
		t.Fatalf("staging folder holds %v", saved)
	}

	s.setHook(nil)
	f := &Fetcher{Client: NewClient(Options{MinInterval: -1}), Dir: shelf}
	res := mustFetch(t, f, Request{URL: start, Source: "rmrb"})
	idx, err := ReadIndex(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if len(idx.Files) != 9 {
		t.Errorf("resumed edition has %v", files(t, idx))
	}
	if got := listDir(t, paper); !slices.Equal(got, []string{".lock", "2024-03-05"}) {
		t.Errorf("after resuming the shelf holds %v", got)
	}
	// Saved before the kill, so not fetched again (the first 版面 is, as
	// the start of every fetch).
	for p, want := range map[string]int{
		"nbs.D110000renmrb_01.htm":           2,
		"nw.D110000renmrb_20240305_1-01.htm": 1,
		"nw.D110000renmrb_20240305_2-01.htm": 1,
		"nbs.D110000renmrb_02.htm":           1,
		"nw.D110000renmrb_20240305_1-02.htm": 2, // the one held when the child was killed
	} {
		if got := s.hitsOf(epaperDir + p); got != want {
			t.Errorf("%s fetched %d times, want %d", p, got, want)
		}
	}
}
