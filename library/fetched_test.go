package library

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dubao/fetch/fetchtest"
	"dubao/formats"
	"dubao/model"
)

// TestShelfOfFetchedEditions opens the papers directory dubao update
// fills — two days of a feed subscription and an e-paper — as a shelf:
// each DATE folder is one edition, newest first, never its item pages;
// staging folders and lock files are passed over; the editions load,
// and search finds text from the saved pages.
func TestShelfOfFetchedEditions(t *testing.T) {
	dir := t.TempDir()
	feeds := fetchtest.FeedSite(t, fetchtest.Items[:2])
	day1 := time.Date(2026, 12, 1, 7, 0, 0, 0, time.Local)
	first := fetchtest.FetchInto(t, dir, "时政", feeds.URL+fetchtest.FeedPath, day1)
	feeds.SetFeed(fetchtest.Items[2:3])
	second := fetchtest.FetchInto(t, dir, "时政", feeds.URL+fetchtest.FeedPath, day1.Add(24*time.Hour))
	paper := fetchtest.EPaperSite(t)
	epaper := fetchtest.FetchInto(t, dir, "rmrb", fetchtest.EPaperURL(paper), day1)
	// An update killed half-way leaves a staging folder.
	writeFile(t, dir, "时政/.2026-12-03.partial/001.html", fetchtest.ItemHTML(fetchtest.Items[0]))

	st, err := Open(Options{Memory: true}) // formats.Parse, as dubao reads

	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sh := openWait(t, st, dir)
	if f := sh.Failed(); len(f) != 0 {
		t.Errorf("failed: %v", f)
	}
	var got []string
	byPath := map[string]Edition{}
	for _, e := range editions(t, sh) {
		rel, _ := filepath.Rel(dir, e.Path)
		got = append(got, rel+" "+e.Date+" "+e.Title)
		byPath[e.Path] = e
	}
	want := []string{
		filepath.Join("时政", "2026-12-02") + " 2026-12-02 " + fetchtest.FeedTitle,
		filepath.Join("时政", "2026-12-01") + " 2026-12-01 " + fetchtest.FeedTitle,
		filepath.Join("rmrb", "2024-03-05") + " 2024-03-05 " + fetchtest.EPaperPaper,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("shelf lists\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e := byPath[first]; e.Articles != 2 || e.Unread != 2 {
		t.Errorf("first day: %d articles, %d unread", e.Articles, e.Unread)
	}
	if e := byPath[second]; e.Articles != 1 {
		t.Errorf("second day: %d articles", e.Articles)
	}
	ed, rec, err := sh.Load(context.Background(), byPath[epaper])
	if err != nil {
		t.Fatal(err)
	}
	if len(ed.Sections) != 3 || ed.Sections[1].Name != "经济" || ed.Sections[1].Articles[1].Headline != "小商品市场年交易额创新高" {
		t.Errorf("e-paper loaded as %+v", ed.Sections)
	}
	if err := st.MarkRead(context.Background(), rec.ID, "1-1"); err != nil {
		t.Fatal(err)
	}
	if e := editions(t, sh)[2]; e.Unread != e.Articles-1 || e.Articles != 5 {
		t.Errorf("e-paper after a read: %d unread of %d", e.Unread, e.Articles)
	}
	// The text of an item's page, not in its feed, is found.
	res, err := st.Search(context.Background(), "栈道", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || res.Hits[0].Edition.Path != first || res.Hits[0].Headline != fetchtest.Items[0].Title {
		t.Errorf("search 栈道: %+v", res.Hits)
	}
	// The subscription's folder alone is a shelf of its days.
	sub := openWait(t, st, filepath.Join(dir, "时政"))
	if n := len(editions(t, sub)); n != 2 {
		t.Errorf("时政 alone lists %d editions, want 2", n)
	}
}

// Reopen takes in the editions an update saved since the shelf was opened,
// on a shelf of the papers directory and on the library shelf, keeping
// read marks.
func TestReopenTakesInNewEditions(t *testing.T) {
	dir := t.TempDir()
	feeds := fetchtest.FeedSite(t, fetchtest.Items[:2])
	day1 := time.Date(2026, 12, 1, 7, 0, 0, 0, time.Local)
	first := fetchtest.FetchInto(t, dir, "时政", feeds.URL+fetchtest.FeedPath, day1)
	st, err := Open(Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sh := openWait(t, st, dir)
	lib := openWait(t, st)
	_, rec, err := sh.Load(context.Background(), editions(t, sh)[0])
	if err != nil {
		t.Fatal(err)
	}
	st.MarkRead(context.Background(), rec.ID, "1-1")

	feeds.SetFeed(fetchtest.Items[2:3])
	second := fetchtest.FetchInto(t, dir, "时政", feeds.URL+fetchtest.FeedPath, day1.Add(24*time.Hour))
	if n := len(editions(t, sh)); n != 1 {
		t.Fatalf("the shelf lists %d editions before Reopen", n)
	}
	for name, old := range map[string]*Shelf{"papers": sh, "library": lib} {
		re, err := old.Reopen(context.Background(), second)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(re.Close)
		if err := re.Wait(); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range editions(t, re) {
			if e.Path == first || e.Path == second {
				got = append(got, e.Date+" "+strconv.Itoa(e.Unread)+"/"+strconv.Itoa(e.Articles))
			}
		}
		if want := []string{"2026-12-02 1/1", "2026-12-01 1/2"}; !slices.Equal(got, want) {
			t.Errorf("%s shelf reopened lists %v, want %v", name, got, want)
		}
	}
}

// A fetched folder found unchanged (its time, as fetch replaces a folder
// whole) is not read again when the shelf is opened again; one an update
// rebuilt is.
func TestFetchedFolderReadOnlyWhenReplaced(t *testing.T) {
	dir := t.TempDir()
	feeds := fetchtest.FeedSite(t, fetchtest.Items[:1])
	day1 := time.Date(2026, 12, 1, 7, 0, 0, 0, time.Local)
	path := fetchtest.FetchInto(t, dir, "时政", feeds.URL+fetchtest.FeedPath, day1)
	var reads atomic.Int64
	st, err := Open(Options{Memory: true, Parse: func(data []byte, opt model.Options) (*model.Edition, error) {
		reads.Add(1)
		return formats.Parse(data, opt)
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	openWait(t, st, dir)
	base := reads.Load()
	// A page changed in place, which fetch never does: the folder's time
	// stays, so the shelf does not read it again (had it, the new bytes
	// would have been parsed).
	page := filepath.Join(path, "001.html")
	data, _ := os.ReadFile(page)
	os.WriteFile(page, append(data, "<!-- 改 -->"...), 0o644)
	openWait(t, st, dir)
	if n := reads.Load(); n != base {
		t.Errorf("reopened: %d parses, want none", n-base)
	}
	feeds.SetFeed(fetchtest.Items[:2])
	fetchtest.FetchInto(t, dir, "时政", feeds.URL+fetchtest.FeedPath, day1.Add(time.Hour))
	sh := openWait(t, st, dir)
	if e := editions(t, sh); len(e) != 1 || e[0].Articles != 2 {
		t.Errorf("after the update: %+v", e)
	}
}
