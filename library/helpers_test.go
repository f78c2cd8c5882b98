package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"dubao/model"
)

// openTest opens a store in dir (in memory when dir is "") that parses with
// splitParse, counting parses in *parses when parses is not nil.
func openTest(t testing.TB, dir string, parses *atomic.Int64) *Store {
	t.Helper()
	parse := func(data []byte, opt model.Options) (*model.Edition, error) {
		if parses != nil {
			parses.Add(1)
		}
		return splitParse(data, opt)
	}
	st, err := Open(Options{Dir: dir, Memory: dir == "", Parse: parse})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Unsaved(); err != nil && dir != "" {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// forEachStore runs f against a store on disk and one in memory: every
// reading-state feature must work in both.
func forEachStore(t *testing.T, f func(t *testing.T, st *Store)) {
	t.Run("disk", func(t *testing.T) { f(t, openTest(t, t.TempDir(), nil)) })
	t.Run("memory", func(t *testing.T) { f(t, openTest(t, "", nil)) })
}

// writeFile writes text to dir/name, creating directories, and returns the
// path.
func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// setMtime moves a file's modification time so a shelf sees it as changed
// even within the file system's time resolution.
func setMtime(t testing.TB, path string, d time.Duration) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, info.ModTime().Add(d), info.ModTime().Add(d)); err != nil {
		t.Fatal(err)
	}
}

// openWait opens a shelf on paths and waits for its indexing to finish.
func openWait(t testing.TB, st *Store, paths ...string) *Shelf {
	t.Helper()
	sh, err := st.OpenShelf(context.Background(), paths...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(sh.Close)
	if err := sh.Wait(); err != nil {
		t.Fatal(err)
	}
	return sh
}

// editions lists a shelf's editions or fails the test.
func editions(t testing.TB, sh *Shelf) []Edition {
	t.Helper()
	list, err := sh.Editions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// story returns an edition text in splitParse's layout: a masthead (when
// date is not empty) and one page holding one story per headline, each with
// a byline and one paragraph taken from body.
func story(paper, date string, headlines []string, body ...string) string {
	s := ""
	if date != "" {
		var y, m, d int
		if t, err := time.Parse(time.DateOnly, date); err == nil {
			y, m, d = t.Year(), int(t.Month()), t.Day()
		}
		s += fmt.Sprintf("%s %d年%d月%d日\n\n\n\n", paper, y, m, d)
	}
	s += "第1版:要闻\n\n"
	for i, h := range headlines {
		if i > 0 {
			s += "\n\n\n\n"
		}
		p := "正文。"
		if i < len(body) {
			p = body[i]
		}
		s += h + "\n\n本报讯 (记者何天宇)" + p
	}
	return s
}
