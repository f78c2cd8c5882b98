package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dubao/fetch"
)

// paperSite is a feed site for the command tests: /rss.xml lists items,
// each an article page; the feed has an ETag that changes with it.
type paperSite struct {
	*httptest.Server
	mu    sync.Mutex
	items []string // paths, newest last
	hits  map[string]int
	fail  bool // answer everything with 500
	// hold, when set, runs (without the lock) before a request is served.
	hold func(path string)
}

func newPaperSite(t *testing.T, items ...string) *paperSite {
	s := &paperSite{items: items, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *paperSite) serve(w http.ResponseWriter, r *http.Request) {
	// Counted on arrival, so a request held and never answered counts.
	s.mu.Lock()
	s.hits[r.URL.Path]++
	hold := s.hold
	s.mu.Unlock()
	if hold != nil {
		hold(r.URL.Path)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fail {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	if r.URL.Path == "/rss.xml" {
		etag := fmt.Sprintf(`"%d"`, len(s.items))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>晚报</title><link>`+s.URL+`</link>`)
		for _, p := range s.items {
			fmt.Fprintf(w, `<item><title>标题%s</title><link>%s%s</link><guid>%s</guid></item>`, p, s.URL, p, p)
		}
		fmt.Fprint(w, `</channel></rss>`)
		return
	}
	for _, p := range s.items {
		if p == r.URL.Path {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<html><head><title>标题%s</title></head><body><p>正文。</p></body></html>`, p)
			return
		}
	}
	http.NotFound(w, r)
}

func (s *paperSite) add(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, path)
}

func (s *paperSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *paperSite) setHold(h func(path string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hold = h
}

func (s *paperSite) setFail(b bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = b
}

// fastNetwork makes fetch and update not wait between requests or before
// retrying, and fixes the clock; restored when the test ends.
func fastNetwork(t *testing.T, at time.Time) *time.Time {
	t.Helper()
	oldClient, oldNow := newClient, now
	clock := at
	newClient = func() *fetch.Client {
		return fetch.NewClient(fetch.Options{MinInterval: -1, Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }})
	}
	now = func() time.Time { return clock }
	t.Cleanup(func() { newClient, now = oldClient, oldNow })
	return &clock
}

var fetchDay = time.Date(2026, 12, 1, 7, 0, 0, 0, time.Local)

func TestFetchCommandSavesFeedEdition(t *testing.T) {
	fastNetwork(t, fetchDay)
	s := newPaperSite(t, "/a/1.html", "/a/2.html")
	shelf := t.TempDir()
	// Flags may follow the URL.
	code, out, errOut := runDubao(t, "", "fetch", s.URL+"/rss.xml", "--into", shelf, "--name", "wanbao")
	want := filepath.Join(shelf, "wanbao", "2026-12-01")
	if code != 0 || out != want+"\n" || errOut != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want the path %s", code, out, errOut, want)
	}
	idx, err := fetch.ReadIndex(want)
	if err != nil || len(idx.Files) != 3 || idx.Files[0].File != "feed.xml" || idx.Files[2].URL != s.URL+"/a/2.html" {
		t.Fatalf("index %+v, %v", idx, err)
	}
}

func TestFetchCommandDefaultShelf(t *testing.T) {
	fastNetwork(t, fetchDay)
	s := newPaperSite(t, "/n/2026/1130/x.html")
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	code, out, errOut := runDubao(t, "", "fetch", s.URL+"/n/2026/1130/x.html")
	want := filepath.Join(data, "papers", "127.0.0.1", "2026-11-30")
	if code != 0 || out != want+"\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q; want %s", code, out, errOut, want)
	}
	if _, err := os.Stat(filepath.Join(want, "001.html")); err != nil {
		t.Error(err)
	}
}

func TestFetchCommandFailures(t *testing.T) {
	fastNetwork(t, fetchDay)
	s := newPaperSite(t)
	shelf := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{s.URL + "/missing.html"}, 1, "dubao: fetch: " + s.URL + "/missing.html: 404 Not Found\n"},
		{[]string{"ftp://example.com/paper"}, 1, "dubao: fetch: ftp://example.com/paper: scheme \"ftp\" not allowed: only http and https\n"},
		{[]string{}, 2, fetchUsage + "\n"},
		{[]string{"a", "b"}, 2, fetchUsage + "\n"},
		{[]string{"--name", "../x", s.URL}, 2, ""},
	} {
		code, out, errOut := runDubao(t, "", append([]string{"fetch", "--into", shelf}, tt.args...)...)
		if code != tt.code || out != "" || tt.want != "" && errOut != tt.want || strings.Count(errOut, "\n") != 1 {
			t.Errorf("fetch %q: exit %d, stdout %q, stderr %q; want %d, %q", tt.args, code, out, errOut, tt.code, tt.want)
		}
	}
	s.setFail(true)
	code, _, errOut := runDubao(t, "", "fetch", "--into", shelf, s.URL+"/rss.xml")
	if code != 1 || errOut != "dubao: fetch: "+s.URL+"/rss.xml: 500 Internal Server Error (after 4 tries)\n" {
		t.Errorf("500: exit %d, stderr %q", code, errOut)
	}
	if ents, _ := os.ReadDir(shelf); len(ents) != 0 {
		t.Errorf("failed fetches left %v on the shelf", ents)
	}
}
