package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"dubao/fetch"
)

func itemFiles(t *testing.T, dir string) []string {
	t.Helper()
	idx, err := fetch.ReadIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range idx.Files {
		out = append(out, e.File+"="+strings.TrimPrefix(e.ID, "/a/"))
	}
	return out
}

// update fetches only what is new: a conditional GET of the feed (a 304
// saves nothing), and items already stored are not fetched again, on the
// same day or the next.
func TestUpdateFetchesOnlyWhatIsNew(t *testing.T) {
	clock := fastNetwork(t, fetchDay)
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	s := newPaperSite(t, "/a/1.html", "/a/2.html")
	runDubao(t, "", "subscribe", "add", "wanbao", s.URL+"/rss.xml")

	code, out, errOut := runDubao(t, "", "update")
	day1 := filepath.Join(data, "papers", "wanbao", "2026-12-01")
	if code != 0 || out != day1+"\n" || errOut != "" {
		t.Fatalf("first update: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if got := itemFiles(t, day1); !slices.Equal(got, []string{"feed.xml=", "001.html=1.html", "002.html=2.html"}) {
		t.Errorf("day 1: %v", got)
	}

	// Nothing changed: the server answers 304, nothing is printed.
	code, out, _ = runDubao(t, "", "update", "wanbao")
	if code != 0 || out != "" || s.hitsOf("/rss.xml") != 2 || s.hitsOf("/a/1.html") != 1 {
		t.Errorf("unchanged: exit %d, stdout %q, feed hits %d", code, out, s.hitsOf("/rss.xml"))
	}

	// A new item the same day joins the day's edition.
	s.add("/a/3.html")
	code, out, _ = runDubao(t, "", "update")
	if code != 0 || out != day1+"\n" {
		t.Errorf("new item: exit %d, stdout %q", code, out)
	}
	if got := itemFiles(t, day1); !slices.Equal(got, []string{"feed.xml=", "001.html=1.html", "002.html=2.html", "003.html=3.html"}) {
		t.Errorf("day 1 after the new item: %v", got)
	}

	// The next day: a new edition holding only the new item.
	*clock = fetchDay.Add(24 * time.Hour)
	s.add("/a/4.html")
	code, out, _ = runDubao(t, "", "update")
	day2 := filepath.Join(data, "papers", "wanbao", "2026-12-02")
	if code != 0 || out != day2+"\n" {
		t.Fatalf("day 2: exit %d, stdout %q", code, out)
	}
	if got := itemFiles(t, day2); !slices.Equal(got, []string{"feed.xml=", "001.html=4.html"}) {
		t.Errorf("day 2: %v", got)
	}
	for _, p := range []string{"/a/1.html", "/a/2.html", "/a/3.html", "/a/4.html"} {
		if n := s.hitsOf(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	_, list, _ := runDubao(t, "", "subscribe", "list")
	if !strings.Contains(list, "updated 2026-12-02") {
		t.Errorf("list: %q", list)
	}
}

// A failed fetch is one line on stderr naming the subscription, the URL
// and the status; the others are still updated, and the status is 1.
func TestUpdateFailureExitStatus(t *testing.T) {
	fastNetwork(t, fetchDay)
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	good := newPaperSite(t, "/a/1.html")
	bad := newPaperSite(t)
	bad.setFail(true)
	runDubao(t, "", "subscribe", "add", "bad", bad.URL+"/rss.xml")
	runDubao(t, "", "subscribe", "add", "good", good.URL+"/rss.xml")
	code, out, errOut := runDubao(t, "", "update", "--into", filepath.Join(data, "shelf"))
	if code != exitFetchFailed {
		t.Errorf("exit %d, want %d", code, exitFetchFailed)
	}
	if out != filepath.Join(data, "shelf", "good", "2026-12-01")+"\n" {
		t.Errorf("stdout %q", out)
	}
	wantErr := "dubao: update bad: " + bad.URL + "/rss.xml: 500 Internal Server Error (after 4 tries)\n"
	if errOut != wantErr {
		t.Errorf("stderr %q, want %q", errOut, wantErr)
	}
	_, list, _ := runDubao(t, "", "subscribe", "list")
	if !strings.Contains(list, "bad\t"+bad.URL+"/rss.xml\tnever updated; last update failed: "+bad.URL+"/rss.xml: 500") {
		t.Errorf("list: %q", list)
	}
	// The server is back: the next update succeeds and clears the error.
	bad.setFail(false)
	if code, _, errOut := runDubao(t, "", "update", "bad"); code != 0 || errOut != "" {
		t.Errorf("after recovery: %d %q", code, errOut)
	}
	if _, list, _ := runDubao(t, "", "subscribe", "list"); strings.Contains(list, "failed") {
		t.Errorf("list after recovery: %q", list)
	}
}

func TestUpdateNames(t *testing.T) {
	fastNetwork(t, fetchDay)
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	code, _, errOut := runDubao(t, "", "update")
	if code != 0 || !strings.Contains(errOut, "no subscriptions") {
		t.Errorf("no subscriptions: %d %q", code, errOut)
	}
	runDubao(t, "", "subscribe", "add", "a", "http://127.0.0.1:1/")
	code, _, errOut = runDubao(t, "", "update", "nobody")
	if code != exitUsage || errOut != "dubao: nobody: no such subscription (see dubao subscribe list)\n" {
		t.Errorf("unknown name: %d %q", code, errOut)
	}
}

func TestUpdateExpandsDateInURL(t *testing.T) {
	at := time.Date(2024, 3, 5, 6, 0, 0, 0, time.Local)
	for in, want := range map[string]string{
		"http://p.example/rmrb/html/{yyyy}-{mm}/{dd}/nbs.D110000renmrb_01.htm": "http://p.example/rmrb/html/2024-03/05/nbs.D110000renmrb_01.htm",
		"http://p.example/{date}/node_1.htm":                                   "http://p.example/2024-03-05/node_1.htm",
		"http://p.example/{yyyymmdd}.htm":                                      "http://p.example/20240305.htm",
		"http://p.example/rss.xml":                                             "http://p.example/rss.xml",
	} {
		if got := expandDate(in, at); got != want {
			t.Errorf("expandDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHelperUpdate is not a test: TestUpdateKilledMidwayResumes runs the
// test binary again with DUBAO_UPDATE_HELPER set to make this process the
// `dubao update` it kills.
func TestHelperUpdate(t *testing.T) {
	if os.Getenv("DUBAO_UPDATE_HELPER") == "" {
		t.Skip("helper process for TestUpdateKilledMidwayResumes")
	}
	fastNetwork(t, fetchDay)
	os.Exit(run([]string{"update"}, nil, os.Stdout, os.Stderr))
}

// `dubao update` killed with SIGKILL in the middle of a feed leaves the
// shelf and the store as they were; the next update saves the whole
// edition, fetching again only the page it was waiting for.
func TestUpdateKilledMidwayResumes(t *testing.T) {
	fastNetwork(t, fetchDay)
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	s := newPaperSite(t, "/a/1.html", "/a/2.html", "/a/3.html")
	runDubao(t, "", "subscribe", "add", "wanbao", s.URL+"/rss.xml")
	reached, gone := make(chan struct{}), make(chan struct{})
	s.setHold(func(path string) {
		if path == "/a/3.html" {
			close(reached)
			<-gone
		}
	})
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperUpdate$", "-test.count=1")
	cmd.Env = append(os.Environ(), "DUBAO_UPDATE_HELPER=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case <-reached:
	case err := <-waited:
		t.Fatalf("helper ended before the third item: %v", err)
	}
	cmd.Process.Kill()
	<-waited
	close(gone)
	s.setHold(nil)

	paper := filepath.Join(data, "papers", "wanbao")
	ents, _ := os.ReadDir(paper)
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), ".") {
			t.Errorf("after the kill the shelf holds %s", e.Name())
		}
	}
	if _, list, _ := runDubao(t, "", "subscribe", "list"); !strings.Contains(list, "never updated") {
		t.Errorf("the killed update was recorded: %q", list)
	}

	code, out, errOut := runDubao(t, "", "update")
	day := filepath.Join(paper, "2026-12-01")
	if code != 0 || out != day+"\n" {
		t.Fatalf("resumed update: exit %d, %q, %q", code, out, errOut)
	}
	if got := itemFiles(t, day); !slices.Equal(got, []string{"feed.xml=", "001.html=1.html", "002.html=2.html", "003.html=3.html"}) {
		t.Errorf("edition: %v", got)
	}
	for p, want := range map[string]int{"/a/1.html": 1, "/a/2.html": 1, "/a/3.html": 2, "/rss.xml": 2} {
		if got := s.hitsOf(p); got != want {
			t.Errorf("%s fetched %d times, want %d", p, got, want)
		}
	}
	// All three were recorded as saved, those saved before the kill too:
	// the next day's edition has only the new item.
	fastNetwork(t, fetchDay.AddDate(0, 0, 1))
	s.add("/a/4.html")
	if code, out, _ := runDubao(t, "", "update"); code != 0 || out == "" {
		t.Fatalf("next day: %d %q", code, out)
	}
	if got := itemFiles(t, filepath.Join(paper, "2026-12-02")); !slices.Equal(got, []string{"feed.xml=", "001.html=4.html"}) {
		t.Errorf("next day's edition: %v", got)
	}
}

// An e-paper subscription whose URL names the day: one edition a day,
// fetched once; the next day's URL is the next day's paper.
func TestUpdateEPaperOneEditionADay(t *testing.T) {
	clock := fastNetwork(t, time.Date(2024, 3, 5, 6, 0, 0, 0, time.Local))
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	hits := map[string]int{}
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.URL.Path]++
		mu.Unlock()
		dir, file := path.Split(r.URL.Path)
		day := strings.ReplaceAll(strings.TrimPrefix(strings.TrimSuffix(dir, "/"), "/html/"), "/", "")
		switch {
		case strings.HasPrefix(file, "nbs."):
			fmt.Fprintf(w, `<a href="nbs.D1_01.htm">01版：要闻</a><a href="nbs.D1_02.htm">02版：经济</a>
<a href="nw.D1_%s_1-%s.htm">%s的头条</a>`, day, file[len("nbs.D1_"):len("nbs.D1_")+2], day)
		case strings.HasPrefix(file, "nw."):
			fmt.Fprintf(w, "<h1>%s</h1>", file)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	runDubao(t, "", "subscribe", "add", "rmrb", srv.URL+"/html/{yyyy}-{mm}/{dd}/nbs.D1_01.htm")
	code, out, errOut := runDubao(t, "", "update")
	day1 := filepath.Join(data, "papers", "rmrb", "2024-03-05")
	if code != 0 || out != day1+"\n" {
		t.Fatalf("update: %d %q %q", code, out, errOut)
	}
	if got := itemFiles(t, day1); !slices.Equal(got, []string{"01.html=", "01-01.html=", "02.html=", "02-01.html="}) {
		t.Errorf("edition %v", got)
	}
	// Again the same day: the edition is there, only the first 版面 is
	// asked for, nothing is printed.
	code, out, _ = runDubao(t, "", "update")
	mu.Lock()
	first, second := hits["/html/2024-03/05/nbs.D1_01.htm"], hits["/html/2024-03/05/nbs.D1_02.htm"]
	mu.Unlock()
	if code != 0 || out != "" || first != 2 || second != 1 {
		t.Errorf("second update: %d %q, hits %v", code, out, hits)
	}
	*clock = clock.AddDate(0, 0, 1)
	code, out, _ = runDubao(t, "", "update")
	if day2 := filepath.Join(data, "papers", "rmrb", "2024-03-06"); code != 0 || out != day2+"\n" {
		t.Errorf("next day: %d %q", code, out)
	}
}
