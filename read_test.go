package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/seeds"
	"dubao/ui"
	"dubao/ui/ambiwidth"
)

func TestParseReadArgs(t *testing.T) {
	tests := []struct {
		args    []string
		paths   []string
		dataDir string
		mode    ambiwidth.Mode
		bad     string // in the message on stderr, when the line is refused
	}{
		{args: nil},
		{args: []string{"a.txt"}, paths: []string{"a.txt"}},
		{args: []string{"papers", "--data-dir", "/d", "b.txt"}, paths: []string{"papers", "b.txt"}, dataDir: "/d"},
		{args: []string{"--ambiguous", "wide", "-"}, paths: []string{"-"}, mode: ambiwidth.Wide},
		{args: []string{"--", "--data-dir"}, paths: []string{"--data-dir"}},
		{args: []string{"--ambiguous", "huge"}, bad: "--ambiguous"},
		{args: []string{"--colour"}, bad: "colour"},
		{args: []string{"-", "a.txt"}, bad: "standard input"},
	}
	for _, tt := range tests {
		var errOut strings.Builder
		ra, err := parseReadArgs(tt.args, &errOut)
		if tt.bad != "" {
			if err == nil || !strings.Contains(errOut.String(), tt.bad) {
				t.Errorf("%q: err %v, stderr %q", tt.args, err, errOut.String())
			}
			continue
		}
		if err != nil || !slices.Equal(ra.paths, tt.paths) || ra.dataDir != tt.dataDir || ra.mode != tt.mode {
			t.Errorf("%q: %+v, %v", tt.args, ra, err)
		}
	}
}

// Into a pipe the reader prints, whatever reader flags it was given.
func TestRunReadIntoPipe(t *testing.T) {
	file := filepath.Join(t.TempDir(), "2024-03-19.txt")
	os.WriteFile(file, seeds.Default, 0o644)
	code, out, errOut := runDubao(t, "", "--data-dir", t.TempDir(), "--ambiguous", "narrow", file)
	if code != 0 || errOut != "" || !strings.Contains(out, "落实长江") {
		t.Fatalf("exit %d, stderr %q, %d bytes out", code, errOut, len(out))
	}
	code, out, _ = runDubao(t, string(seeds.Default), "-")
	if code != 0 || !strings.Contains(out, "落实长江") {
		t.Fatalf("stdin: exit %d", code)
	}
	missing := filepath.Join(t.TempDir(), "missing.txt")
	for _, args := range [][]string{{missing}, {"--bogus"}, {"-", missing}} {
		code, out, errOut = runDubao(t, "", args...)
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") < 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if _, _, errOut := runDubao(t, "", missing); strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("a missing file: stderr %q", errOut)
	}
}

// open runs openReading on the command line args (flags included), with
// stdin, and closes what it opened at the end of the test.
func open(t *testing.T, stdin string, args ...string) (*reading, error) {
	t.Helper()
	ra, err := parseReadArgs(args, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	r, err := openReading(context.Background(), ra, strings.NewReader(stdin))
	if err == nil {
		t.Cleanup(r.close)
	}
	return r, err
}

// The embedded edition, with no arguments, keeps its state in the data
// directory: --data-dir, else DUBAO_DATA_DIR.
func TestOpenReadingEmbedded(t *testing.T) {
	env, flagDir := t.TempDir(), t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", env)
	r, err := open(t, "")
	if err != nil {
		t.Fatal(err)
	}
	if r.rec.Path != "seed:"+seeds.Name || r.rec.ID == 0 || r.st.Dir() != env || r.ed.Title != "海门日报" {
		t.Fatalf("opened %+v in %q", r.rec, r.st.Dir())
	}
	r, err = open(t, "", "--data-dir", flagDir)
	if err != nil || r.st.Dir() != flagDir {
		t.Fatalf("--data-dir: store in %q (%v)", r.st.Dir(), err)
	}
}

// Standard input is read into a store in memory: the reader's keys work,
// and nothing is written to the data directory.
func TestOpenReadingStdin(t *testing.T) {
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	r, err := open(t, string(seeds.Default), "-")
	if err != nil {
		t.Fatal(err)
	}
	if r.st.Dir() != "" || r.st.Unsaved() != nil || r.rec.ID == 0 || r.ed.Articles() == 0 {
		t.Fatalf("stdin opened %+v in %q", r.rec, r.st.Dir())
	}
	if entries, _ := os.ReadDir(data); len(entries) != 0 {
		t.Fatalf("the data directory holds %d files", len(entries))
	}
	_, err = open(t, "\x00\x01\x02binary\x00", "-")
	var ie *model.InputError
	if !errors.As(err, &ie) || ie.Name != "standard input" {
		t.Fatalf("binary stdin: %v", err)
	}
}

// A folder opens at its newest edition that can be read; a file that
// cannot is passed over and reported once. A bad file named alone is an
// error, as is a folder with no editions.
func TestOpenReadingShelf(t *testing.T) {
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	older := write("2024-03-18.txt", seeds.Default)
	write("2024-03-19.txt", seeds.Default)
	bad := write("2024-03-20.txt", []byte("\x00\x01\x02binary\x00"))

	r, err := open(t, "", dir)
	if err != nil {
		t.Fatal(err)
	}
	r.sh.Wait()
	if r.rec.Date != "2024-03-19" || len(r.skipped()) != 1 || !strings.Contains(r.skipped()[0].Error(), bad) {
		t.Fatalf("opened %s, skipped %v", r.rec.Date, r.skipped())
	}

	// The bad file is passed over at start, or the indexer found it bad
	// before the shelf was listed; either way it is named once.
	r, err = open(t, "", bad, older)
	if err != nil {
		t.Fatal(err)
	}
	r.sh.Wait()
	if r.rec.Date != "2024-03-18" || len(r.skipped()) != 1 || !strings.Contains(r.skipped()[0].Error(), bad) {
		t.Fatalf("bad and good file: opened %s, skipped %v", r.rec.Date, r.skipped())
	}

	_, err = open(t, "", bad)
	var ie *model.InputError
	if !errors.As(err, &ie) || ie.Name != bad {
		t.Fatalf("a bad file alone: %v", err)
	}
	for _, path := range []string{t.TempDir(), filepath.Join(dir, "missing.txt")} {
		if _, err := open(t, "", path); !errors.As(err, &ie) {
			t.Errorf("%s: %v", path, err)
		}
	}
}

// BenchmarkShelfFirstFrame is the work from the command line to the first
// full frame on a shelf: open the store and the shelf, read the newest
// edition and its reading state, build, size and draw the reader. The shelf
// is two editions, or the folder DUBAO_BENCH_SHELF indexed in the data
// directory DUBAO_BENCH_DATA (such as the library benchmarks' archive and
// store under $TMPDIR/dubao-bench). Beside it, the same frame of the
// embedded edition without a store.
func BenchmarkShelfFirstFrame(b *testing.B) {
	dir, data := os.Getenv("DUBAO_BENCH_SHELF"), os.Getenv("DUBAO_BENCH_DATA")
	if dir == "" || data == "" {
		dir, data = b.TempDir(), b.TempDir()
		for _, name := range []string{"2024-03-18.txt", "2024-03-19.txt"} {
			os.WriteFile(filepath.Join(dir, name), seeds.Default, 0o644)
		}
	}
	ctx := context.Background()
	frame := func(b *testing.B, m ui.Model) {
		next, _ := m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		if v := next.(ui.Model).View(); !strings.Contains(v.Content, "1/") {
			b.Fatal("no frame")
		}
	}
	b.Run("shelf", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, err := openReading(ctx, readArgs{dataDir: data, paths: []string{dir}}, nil)
			if err != nil {
				b.Fatal(err)
			}
			m := ui.New(r.ed, ui.Options{Store: r.st, Shelf: r.sh, Edition: r.rec})
			next, _ := m.Update(m.Restore()())
			frame(b, next.(ui.Model))
			r.close()
		}
	})
	b.Run("embedded-no-store", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ed, err := loadEdition("", nil)
			if err != nil {
				b.Fatal(err)
			}
			frame(b, ui.New(ed, ui.Options{}))
		}
	})
}

// A shelf whose newest edition has no stories opens the newest that has;
// a shelf of empty editions still opens, on the newest.
func TestOpenReadingSkipsEmptyEditions(t *testing.T) {
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	dir := t.TempDir()
	for name, data := range map[string]string{"2024-03-21.txt": "", "2024-03-20.txt": "\n\n   \n", "2024-03-19.txt": string(seeds.Default)} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r, err := open(t, "", dir)
	if err != nil || r.rec.Date != "2024-03-19" || r.ed.Articles() == 0 {
		t.Fatalf("opened %v with %v stories, %v", r.rec.Date, r.ed, err)
	}
	r, err = open(t, "", filepath.Join(dir, "2024-03-21.txt"), filepath.Join(dir, "2024-03-20.txt"))
	if err != nil || r.rec.Date != "2024-03-21" {
		t.Fatalf("empty editions only: opened %v, %v", r.rec.Date, err)
	}
}

// closerFunc closes by calling itself.
type closerFunc func()

func (f closerFunc) close() { f() }

// The reader's end waits for the library to close, but not for an index
// write that cannot be interrupted: it says so and goes.
func TestCloseWithinGivesUp(t *testing.T) {
	var out strings.Builder
	if !closeWithin(closerFunc(func() {}), time.Hour, &out) || out.Len() != 0 {
		t.Fatalf("a quick close: %q", out.String())
	}
	release := make(chan struct{})
	defer close(release)
	if closeWithin(closerFunc(func() { <-release }), time.Millisecond, &out) {
		t.Fatal("a close that never ends was waited for")
	}
	if !strings.Contains(out.String(), "quit while indexing") {
		t.Fatalf("nothing said: %q", out.String())
	}
}
