package fetch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func mustFetch(t *testing.T, f *Fetcher, req Request) *Result {
	t.Helper()
	res, err := f.Fetch(context.Background(), req)
	if err != nil {
		t.Fatalf("Fetch(%s): %v", req.URL, err)
	}
	return res
}

func files(t *testing.T, idx *Index) []string {
	t.Helper()
	var out []string
	for _, e := range idx.Files {
		out = append(out, e.File)
	}
	return out
}

// listDir returns the names in dir, sorted, hidden ones included.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func TestFetchFeedSavesFeedAndItemPages(t *testing.T) {
	s := feedSite(t, threeItems)
	f := testFetcher(t, Options{})
	res := mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml", Source: "people"})
	want := filepath.Join(f.Dir, "people", "2026-12-01")
	if res.Path != want || res.Kind != KindFeed {
		t.Fatalf("Path %q kind %q, want %q feed", res.Path, res.Kind, want)
	}
	if res.Validators.ETag != `"v1"` {
		t.Errorf("validators %+v, want the ETag", res.Validators)
	}
	idx, err := ReadIndex(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	if got, wantFiles := files(t, idx), []string{"feed.xml", "001.html", "002.html", "003.html"}; !slices.Equal(got, wantFiles) {
		t.Fatalf("files %v, want %v", got, wantFiles)
	}
	if got := listDir(t, res.Path); !slices.Equal(got, []string{"001.html", "002.html", "003.html", "feed.xml", "index.json"}) {
		t.Errorf("folder holds %v", got)
	}
	if idx.Title != "时政频道" || idx.Kind != KindFeed || idx.Date != "2026-12-01" {
		t.Errorf("index %+v", idx)
	}
	for i, it := range threeItems {
		e := idx.Files[i+1]
		if e.URL != s.URL+it.path || e.ID != it.guid || e.Title != it.title || e.Role != "item" || e.Charset != "utf-8" {
			t.Errorf("entry %d = %+v, want %s %s", i+1, e, it.path, it.guid)
		}
		got, _ := os.ReadFile(filepath.Join(res.Path, e.File))
		if !bytes.Equal(got, s.pages[it.path].body) {
			t.Errorf("%s is not what the site served", e.File)
		}
	}
	got, _ := os.ReadFile(filepath.Join(res.Path, "feed.xml"))
	if !bytes.Equal(got, s.pages["/rss/politics.xml"].body) {
		t.Error("feed.xml is not what the site served")
	}
	// The parent folder holds the edition and nothing half-done (.lock
	// keeps two dubao processes from writing one edition).
	if got := listDir(t, filepath.Join(f.Dir, "people")); !slices.Equal(got, []string{".lock", "2026-12-01"}) {
		t.Errorf("shelf holds %v", got)
	}
}

// Items seen before are not fetched again; a new item joins today's
// edition, and the items already in it stay.
func TestFetchFeedOnlyNewItems(t *testing.T) {
	s := feedSite(t, threeItems[:2])
	f := testFetcher(t, Options{})
	req := Request{URL: s.URL + "/rss/politics.xml", Source: "people"}
	first := mustFetch(t, f, req)
	// Same feed again: nothing new, nothing fetched but the feed.
	before := s.total()
	again := mustFetch(t, f, req)
	if again.Path != first.Path || !again.Existing || len(again.Added) != 0 {
		t.Errorf("second fetch of an unchanged feed: %+v", again)
	}
	if s.total() != before+1 {
		t.Errorf("second fetch made %d requests, want 1 (the feed)", s.total()-before)
	}
	// A third item appears.
	s.put("/rss/politics.xml", "application/rss+xml", []byte(rssFeed(s.URL, threeItems)))
	s.put(threeItems[2].path, "text/html", []byte(articleHTML("utf-8", threeItems[2].title, "正文")))
	third := mustFetch(t, f, req)
	if third.Path != first.Path {
		t.Fatalf("new item went to %q, want today's %q", third.Path, first.Path)
	}
	idx, _ := ReadIndex(third.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"feed.xml", "001.html", "002.html", "003.html"}) {
		t.Errorf("files %v", got)
	}
	if idx.Files[3].ID != "c1003" {
		t.Errorf("003.html is %+v", idx.Files[3])
	}
	for _, it := range threeItems {
		if n := s.hitsOf(it.path); n != 1 {
			t.Errorf("%s fetched %d times, want once", it.path, n)
		}
	}
	// Seen (the library's record) keeps an item out even on a new day's
	// folder.
	f.Dir = t.TempDir()
	res := mustFetch(t, f, Request{URL: req.URL, Source: "people", Seen: func(id string) bool { return id != "c1002" }})
	idx, _ = ReadIndex(res.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"feed.xml", "001.html"}) || idx.Files[1].ID != "c1002" {
		t.Errorf("with Seen: files %v", idx.Files)
	}
	if !slices.Equal(res.Items, []string{"c1002"}) {
		t.Errorf("with Seen: items %v", res.Items)
	}
	// Everything seen, on a day with no edition yet: no edition is made.
	f.Dir = t.TempDir()
	res = mustFetch(t, f, Request{URL: req.URL, Source: "people", Seen: func(string) bool { return true }})
	if res.Path != "" || !slices.Equal(listDir(t, filepath.Join(f.Dir, "people")), []string{".lock"}) {
		t.Errorf("all seen: %+v, shelf %v", res, listDir(t, f.Dir))
	}
}

func TestFetchConditionalNotModified(t *testing.T) {
	s := feedSite(t, threeItems)
	f := testFetcher(t, Options{})
	res := mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml", Source: "people", Validators: Validators{ETag: `"v1"`}})
	if !res.NotModified || res.Path != "" {
		t.Errorf("conditional fetch: %+v, want not modified", res)
	}
	if s.total() != 1 {
		t.Errorf("%d requests, want 1", s.total())
	}
}

// Feeds are told by their content, whatever the server calls them.
func TestFetchDetectsAtomAndJSONFeed(t *testing.T) {
	s := newSite(t)
	s.put("/a.html", "text/html", []byte(articleHTML("utf-8", "条目一", "正文")))
	s.put("/atom", "text/plain", []byte(`<?xml version="1.0" encoding="utf-8"?>
<!-- a comment first -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>早报</title><id>urn:x</id><updated>2026-12-01T00:00:00Z</updated>
<entry><title>条目一</title><id>urn:1</id><link href="/a.html"/><updated>2026-12-01T00:00:00Z</updated></entry></feed>`))
	s.put("/feed.json", "application/octet-stream", []byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "周末",
"items": [{"id": "j1", "url": "`+s.URL+`/a.html", "title": "条目一", "content_text": "正文"}]}`))
	for _, tt := range []struct{ path, file, id string }{{"/atom", "feed.xml", "urn:1"}, {"/feed.json", "feed.json", "j1"}} {
		f := testFetcher(t, Options{})
		res := mustFetch(t, f, Request{URL: s.URL + tt.path})
		if res.Kind != KindFeed {
			t.Errorf("%s: kind %q", tt.path, res.Kind)
			continue
		}
		idx, _ := ReadIndex(res.Path)
		if got := files(t, idx); !slices.Equal(got, []string{tt.file, "001.html"}) || idx.Files[1].ID != tt.id || idx.Files[1].URL != s.URL+"/a.html" {
			t.Errorf("%s: files %+v", tt.path, idx.Files)
		}
		if filepath.Base(filepath.Dir(res.Path)) != "127.0.0.1" {
			t.Errorf("%s: source folder %q, want the host", tt.path, filepath.Dir(res.Path))
		}
	}
}

func TestFetchEPaperGBK(t *testing.T) {
	s := epaperSite(t)
	f := testFetcher(t, Options{})
	// Through the front door: a <meta refresh> to the first 版面.
	res := mustFetch(t, f, Request{URL: s.URL + "/rmrb/index.htm", Source: "rmrb"})
	want := filepath.Join(f.Dir, "rmrb", "2024-03-05")
	if res.Path != want || res.Kind != KindEPaper {
		t.Fatalf("Path %q kind %q, want %q epaper", res.Path, res.Kind, want)
	}
	idx, err := ReadIndex(res.Path)
	if err != nil {
		t.Fatal(err)
	}
	wantFiles := []string{"01.html", "01-01.html", "01-02.html", "02.html", "02-01.html", "02-02.html", "02-03.html", "03.html", "03-01.html"}
	if got := files(t, idx); !slices.Equal(got, wantFiles) {
		t.Fatalf("files %v, want %v", got, wantFiles)
	}
	for _, e := range idx.Files {
		body, err := os.ReadFile(filepath.Join(res.Path, e.File))
		if err != nil {
			t.Fatal(err)
		}
		u := strings.TrimPrefix(e.URL, s.URL)
		if !bytes.Equal(body, s.pages[u].body) {
			t.Errorf("%s: not the bytes served at %s", e.File, u)
		}
		if e.Charset != "gbk" {
			t.Errorf("%s: charset %q, want gbk", e.File, e.Charset)
		}
	}
	if e := idx.Files[0]; e.Role != "page" || e.Title != "01版：要闻" || e.URL != s.URL+epaperDir+"nbs.D110000renmrb_01.htm" {
		t.Errorf("first entry %+v", e)
	}
	if e := idx.Files[5]; e.Role != "story" || e.Page != "02.html" || e.Title != "小商品市场年交易额创新高" {
		t.Errorf("02-02 entry %+v", e)
	}
	if s.hitsOf("/rmrb/html/2024-03/04/nbs.D110000renmrb_01.htm") != 0 {
		t.Error("followed a link to another day's paper")
	}
	// Every page and story fetched once, though each page links to all
	// pages and the image map repeats a story link.
	for p, n := range s.hits {
		if n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	// An edition on the shelf is not fetched again.
	before := s.total()
	again := mustFetch(t, f, Request{URL: s.URL + epaperDir + "nbs.D110000renmrb_02.htm", Source: "rmrb"})
	if !again.Existing || again.Path != want || s.total() != before+1 {
		t.Errorf("second fetch: %+v after %d requests", again, s.total()-before)
	}
}

// Starting from a later 版面 still saves the whole edition in page order.
func TestFetchEPaperFromLaterPage(t *testing.T) {
	s := epaperSite(t)
	f := testFetcher(t, Options{})
	res := mustFetch(t, f, Request{URL: s.URL + epaperDir + "nbs.D110000renmrb_03.htm"})
	idx, _ := ReadIndex(res.Path)
	if len(idx.Files) != 9 || idx.Files[0].File != "01.html" || idx.Files[0].URL != s.URL+epaperDir+"nbs.D110000renmrb_01.htm" {
		t.Errorf("files %+v", files(t, idx))
	}
	if filepath.Base(res.Path) != "2024-03-05" {
		t.Errorf("path %q", res.Path)
	}
}

func TestFetchEPaperLimits(t *testing.T) {
	s := epaperSite(t)
	f := testFetcher(t, Options{})
	f.MaxPages, f.MaxStories = 2, 3
	var warnings []error
	f.Warn = func(err error) { warnings = append(warnings, err) }
	res := mustFetch(t, f, Request{URL: s.URL + epaperDir + "nbs.D110000renmrb_01.htm"})
	idx, _ := ReadIndex(res.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"01.html", "01-01.html", "01-02.html", "02.html", "02-01.html"}) {
		t.Errorf("files %v", got)
	}
	if len(warnings) < 2 {
		t.Errorf("warnings %v, want the page and the article limit", warnings)
	}
}

// A story that is gone (404) is skipped with a warning; the edition is
// still saved.
func TestFetchEPaperMissingStory(t *testing.T) {
	s := epaperSite(t)
	delete(s.pages, epaperDir+"nw.D110000renmrb_20240305_2-02.htm")
	f := testFetcher(t, Options{})
	var warnings []string
	f.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	res := mustFetch(t, f, Request{URL: s.URL + epaperDir + "nbs.D110000renmrb_01.htm"})
	idx, _ := ReadIndex(res.Path)
	if len(idx.Files) != 8 || slices.Contains(files(t, idx), "02-02.html") {
		t.Errorf("files %v", files(t, idx))
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "nw.D110000renmrb_20240305_2-02.htm: 404 Not Found") {
		t.Errorf("warnings %q", warnings)
	}
}

// A page that is not a feed and has no 版面 list is one article, dated by
// its URL.
func TestFetchArticle(t *testing.T) {
	s := newSite(t)
	page := gbk(t, articleHTML("gbk", "山区小学通上了宽带", "正文一句。"))
	s.put("/n1/2026/1130/c1001-9.html", "text/html; charset=GBK", page)
	s.put("/n1/2026/1130/c1001-10.html", "text/html; charset=GBK", page)
	f := testFetcher(t, Options{})
	res := mustFetch(t, f, Request{URL: s.URL + "/n1/2026/1130/c1001-9.html"})
	if res.Kind != KindArticle || filepath.Base(res.Path) != "2026-11-30" {
		t.Fatalf("%+v", res)
	}
	idx, _ := ReadIndex(res.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"001.html"}) || idx.Files[0].Title != "山区小学通上了宽带--人民网" || idx.Files[0].Charset != "gbk" {
		t.Errorf("index %+v", idx.Files)
	}
	// A second article of the day joins the same edition; the first one
	// again changes nothing.
	mustFetch(t, f, Request{URL: s.URL + "/n1/2026/1130/c1001-10.html"})
	again := mustFetch(t, f, Request{URL: s.URL + "/n1/2026/1130/c1001-9.html"})
	idx, _ = ReadIndex(again.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"001.html", "002.html"}) || !again.Existing {
		t.Errorf("files %v, existing %v", got, again.Existing)
	}
}

// Broken HTML is read as a browser would: the links are found, and the
// bytes are saved as they came.
func TestFetchBrokenHTML(t *testing.T) {
	s := newSite(t)
	broken := []byte("<html><head><title>残缺</title><body><div><table><tr><td><a href=nbs.D1_01.htm>01版：要闻<a href='nbs.D1_02.htm'>02版：国内</td>" +
		"<ul><li><a href=\"nw.D1_1-01.htm\">一篇<b>没有闭合\x00\xff\xfe<li><a href=nw.D1_2-01.htm>另一篇</a></p></p></div></span><!-- unterminated")
	s.put("/e/nbs.D1_01.htm", "text/html", broken)
	s.put("/e/nbs.D1_02.htm", "text/html", []byte("<p>第二版<a href=nw.D1_1-02.htm>一篇</a"))
	s.put("/e/nw.D1_1-01.htm", "text/html", []byte("<h1>未完"))
	s.put("/e/nw.D1_2-01.htm", "text/html", []byte("</html></html>"))
	s.put("/e/nw.D1_1-02.htm", "text/html", []byte{0xff, 0xfe, 0x00, '<'})
	f := testFetcher(t, Options{})
	res := mustFetch(t, f, Request{URL: s.URL + "/e/nbs.D1_01.htm", Source: "e"})
	idx, _ := ReadIndex(res.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"01.html", "01-01.html", "01-02.html", "02.html", "02-01.html"}) {
		t.Errorf("files %v", got)
	}
	got, _ := os.ReadFile(filepath.Join(res.Path, "01.html"))
	if !bytes.Equal(got, broken) {
		t.Error("broken page not saved byte for byte")
	}
}

func TestSourceNameAndDate(t *testing.T) {
	for _, tt := range []struct{ in, source, date string }{
		{"http://paper.people.com.cn/rmrb/html/2024-03/05/nbs.D110000renmrb_01.htm", "paper.people.com.cn", "2024-03-05"},
		{"https://www.zaobao.com.sg/news/china/story20241202-5512345", "zaobao.com.sg", "2024-12-02"},
		{"https://epaper.example.cn:8080/html/2023/11/09/node_2.htm", "epaper.example.cn", "2023-11-09"},
		{"https://news.example/a/12345678901.html", "news.example", "2026-12-01"},
		{"https://news.example/2024-13-45/x.html", "news.example", "2026-12-01"},
	} {
		u := mustURL(t, tt.in)
		if got := SourceName(u); got != tt.source {
			t.Errorf("SourceName(%s) = %q, want %q", tt.in, got, tt.source)
		}
		if got := DateOf(u, testNow); got != tt.date {
			t.Errorf("DateOf(%s) = %q, want %q", tt.in, got, tt.date)
		}
	}
	for _, ok := range []string{"人民日报(海外版)", "a+b", "rmrb"} {
		if err := checkName(ok); err != nil {
			t.Errorf("checkName(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"", ".", "..", "../x", "a/b", "a\\b", ".hidden", "a\x1bb"} {
		if err := checkName(bad); err == nil {
			t.Errorf("checkName(%q) accepted", bad)
		}
	}
	for in, want := range map[string]string{"人民日报": "人民日报", "../etc": "-etc", ".x": "x", "a/b c": "a-b-c", "": "paper"} {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Item pages that cannot be had for good — gone, too large, not http —
// are skipped with a warning each; the feed and the other items are saved.
func TestFetchFeedSkipsUnfetchableItems(t *testing.T) {
	s := feedSite(t, threeItems)
	feed := strings.Replace(string(s.pages["/rss/politics.xml"].body), s.URL+threeItems[0].path, "ftp://files.example/a.html", 1)
	s.put("/rss/politics.xml", "application/rss+xml", []byte(feed))
	s.put(threeItems[1].path, "text/html", bytes.Repeat([]byte("大"), 1<<20))
	delete(s.pages, threeItems[2].path)
	f := testFetcher(t, Options{MaxBytes: 64 << 10})
	var warnings []string
	f.Warn = func(err error) { warnings = append(warnings, err.Error()) }
	res := mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml"})
	idx, _ := ReadIndex(res.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"feed.xml"}) {
		t.Errorf("files %v", got)
	}
	if len(warnings) != 3 || !strings.Contains(warnings[0], "only http and https") || !strings.Contains(warnings[1], "larger than 65536 bytes") || !strings.Contains(warnings[2], "404") {
		t.Errorf("warnings %q", warnings)
	}
}

// While one fetch writes into a source folder another is refused, in one
// line; once the first is done the folder is free again.
func TestFetchOneWriterPerSource(t *testing.T) {
	s := feedSite(t, threeItems)
	f := testFetcher(t, Options{})
	second := &Fetcher{Client: f.Client, Dir: f.Dir, Now: f.Now}
	var secondErr error
	s.setHook(func(path string, n int) {
		if path == threeItems[0].path {
			_, secondErr = second.Fetch(context.Background(), Request{URL: s.URL + "/rss/politics.xml", Source: "people"})
		}
	})
	mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml", Source: "people"})
	if secondErr == nil || !strings.Contains(secondErr.Error(), "another dubao is fetching into it") {
		t.Errorf("second fetch during the first: %v", secondErr)
	}
	s.setHook(nil)
	if _, err := second.Fetch(context.Background(), Request{URL: s.URL + "/rss/politics.xml", Source: "people"}); err != nil {
		t.Errorf("after the first: %v", err)
	}
}

// A staging folder of another day that no run touched for a week is
// removed; a recent one stays to be resumed.
func TestFetchRemovesStaleStaging(t *testing.T) {
	s := feedSite(t, threeItems)
	f := testFetcher(t, Options{})
	paper := filepath.Join(f.Dir, "people")
	for _, name := range []string{".2026-11-01.partial", ".2026-11-30.partial"} {
		if err := os.MkdirAll(filepath.Join(paper, name), 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(paper, name, progressFile), []byte("{}"), 0o644)
	}
	old := testNow.AddDate(0, -1, 0)
	os.Chtimes(filepath.Join(paper, ".2026-11-01.partial", progressFile), old, old)
	mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml", Source: "people"})
	if got := listDir(t, paper); !slices.Equal(got, []string{".2026-11-30.partial", ".lock", "2026-12-01"}) {
		t.Errorf("shelf holds %v", got)
	}
}

// Two feeds of one site fetched the same day share the day's edition, each
// feed in its own file.
func TestFetchTwoFeedsOneSource(t *testing.T) {
	s := feedSite(t, threeItems[:1])
	s.put("/rss/world.xml", "application/rss+xml", []byte(rssFeed(s.URL, threeItems[1:2])))
	s.put(threeItems[1].path, "text/html", []byte(articleHTML("utf-8", threeItems[1].title, "正文")))
	f := testFetcher(t, Options{})
	mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml"})
	mustFetch(t, f, Request{URL: s.URL + "/rss/world.xml"})
	res := mustFetch(t, f, Request{URL: s.URL + "/rss/politics.xml"})
	idx, _ := ReadIndex(res.Path)
	if got := files(t, idx); !slices.Equal(got, []string{"feed.xml", "001.html", "feed-2.xml", "002.html"}) {
		t.Errorf("files %v", got)
	}
}
