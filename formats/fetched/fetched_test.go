package fetched_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"dubao/fetch"
	"dubao/fetch/fetchtest"
	"dubao/formats"
	"dubao/formats/fetched"
	"dubao/model"
)

var day1 = time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)

func load(t *testing.T, path string) *model.Edition {
	t.Helper()
	if !formats.IsEditionFolder(path) {
		t.Fatalf("%s is not taken for an edition folder", path)
	}
	ed, err := formats.Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return ed
}

func bodyText(a model.Article) string {
	var b []string
	for _, bl := range a.Body {
		b = append(b, bl.Text)
	}
	return strings.Join(b, "\n")
}

func TestFetchedEPaper(t *testing.T) {
	s := fetchtest.EPaperSite(t)
	path := fetchtest.FetchInto(t, t.TempDir(), "rmrb", fetchtest.EPaperURL(s), day1)
	ed := load(t, path)
	if ed.Title != fetchtest.EPaperPaper || ed.Date != fetchtest.EPaperDate || ed.Encoding != "gb18030" {
		t.Errorf("edition %q dated %q in %q", ed.Title, ed.Date, ed.Encoding)
	}
	if len(ed.Sections) != len(fetchtest.EPaper) {
		t.Fatalf("%d sections, want %d", len(ed.Sections), len(fetchtest.EPaper))
	}
	for i, p := range fetchtest.EPaper {
		sec := ed.Sections[i]
		if sec.Name != p.Name || sec.Page != "0"+string(rune('1'+i)) || sec.Index != i+1 {
			t.Errorf("section %d: %q page %q index %d, want %q", i+1, sec.Name, sec.Page, sec.Index, p.Name)
		}
		if len(sec.Articles) != len(p.Stories) {
			t.Errorf("section %s: %d articles, want %d", p.Name, len(sec.Articles), len(p.Stories))
			continue
		}
		for j, st := range p.Stories {
			a := sec.Articles[j]
			url := s.URL + fetchtest.EPaperDir + fetchtest.StoryFile(i, j)
			if a.Headline != st.Headline || a.Kicker != st.Kicker || a.URL != url {
				t.Errorf("%s: headline %q kicker %q url %q, want %q %q %q", a.ID, a.Headline, a.Kicker, a.URL, st.Headline, st.Kicker, url)
			}
			if a.Byline.Raw != st.Byline || len(a.Byline.Reporters)+len(a.Byline.Correspondents) != 1 {
				t.Errorf("%s: byline %+v, want %q", a.ID, a.Byline, st.Byline)
			}
			if got, want := bodyText(a), strings.Join(st.Body, "\n"); got != want {
				t.Errorf("%s: body %q, want %q", a.ID, got, want)
			}
		}
	}
}

func TestFetchedFeed(t *testing.T) {
	s := fetchtest.FeedSite(t, fetchtest.Items)
	path := fetchtest.FetchInto(t, t.TempDir(), "时政", s.URL+fetchtest.FeedPath, day1)
	ed := load(t, path)
	if ed.Title != fetchtest.FeedTitle || ed.Date != "2026-12-01" {
		t.Errorf("edition %q dated %q", ed.Title, ed.Date)
	}
	var names []string
	for _, sec := range ed.Sections {
		names = append(names, sec.Name)
	}
	if !slices.Equal(names, []string{"要闻", "经济"}) {
		t.Fatalf("sections %v, want 要闻 经济", names)
	}
	items := fetchtest.Items
	type want struct {
		headline, byline, url, body string
	}
	wants := [][]want{{
		// The page's full text over the feed's summary; the feed's author.
		{items[0].Title, "李青", s.URL + items[0].Path, strings.Join(items[0].Body, "\n")},
		// No author in the feed: the page's byline.
		{items[1].Title, "赵明", s.URL + items[1].Path, strings.Join(items[1].Body, "\n")},
	}, {
		// The feed's content is longer than the page's: it stays.
		{items[2].Title, "", s.URL + items[2].Path, "山里的果农合作社开了网店，第一个月就卖出了两千箱脐橙。\n社员们轮流在镜头前讲果园的故事，讲得比广告还动人。\n快递车每天下午进山一趟。"},
		// No link: all of it is in the feed.
		{items[3].Title, "", "", items[3].Summary},
		// The page is gone: the summary.
		{items[4].Title, "", s.URL + items[4].Path, items[4].Summary},
	}}
	for i, ws := range wants {
		arts := ed.Sections[i].Articles
		if len(arts) != len(ws) {
			t.Errorf("section %s: %d articles, want %d", ed.Sections[i].Name, len(arts), len(ws))
			continue
		}
		for j, w := range ws {
			a := arts[j]
			if a.Headline != w.headline || a.URL != w.url || bodyText(a) != w.body {
				t.Errorf("%s: %q %q body %q, want %q %q %q", a.ID, a.Headline, a.URL, bodyText(a), w.headline, w.url, w.body)
			}
			if w.byline != "" && !strings.Contains(a.Byline.People()+a.Byline.Raw, w.byline) {
				t.Errorf("%s: byline %+v, want %s", a.ID, a.Byline, w.byline)
			}
		}
	}
}

// An item that has left the feed since its page was saved stays in the
// edition, read from its page.
func TestFetchedFeedItemGoneFromFeed(t *testing.T) {
	items := fetchtest.Items[:2]
	s := fetchtest.FeedSite(t, items)
	dir := t.TempDir()
	fetchtest.FetchInto(t, dir, "时政", s.URL+fetchtest.FeedPath, day1)
	later := []fetchtest.Item{fetchtest.Items[1], {Path: "/n1/2026/1201/c1001-9.html", GUID: "c1009", Title: "夜市开张", Category: "要闻",
		Summary: "夜市。", Byline: "本报记者 钱多", Body: []string{"城南夜市今晚开张，摊位排了半条街。"}}}
	s.SetFeed(later)
	path := fetchtest.FetchInto(t, dir, "时政", s.URL+fetchtest.FeedPath, day1.Add(time.Hour))
	ed := load(t, path)
	var got []string
	for _, sec := range ed.Sections {
		for _, a := range sec.Articles {
			got = append(got, sec.Name+":"+a.Headline)
		}
	}
	want := []string{"要闻:老街改造后重新开市", "要闻:夜市开张", "其他:" + items[0].Title}
	if !slices.Equal(got, want) {
		t.Errorf("articles %v, want %v", got, want)
	}
	last := ed.Sections[len(ed.Sections)-1].Articles[0]
	if bodyText(last) != strings.Join(items[0].Body, "\n") || last.URL != s.URL+items[0].Path {
		t.Errorf("the item gone from the feed: %q %q", bodyText(last), last.URL)
	}
}

// Articles fetched one by one into a day's folder are an article each.
func TestFetchedArticles(t *testing.T) {
	s := fetchtest.FeedSite(t, fetchtest.Items)
	dir := t.TempDir()
	var path string
	for _, it := range fetchtest.Items[:2] {
		path = fetchtest.FetchInto(t, dir, "people", s.URL+it.Path, day1)
	}
	ed := load(t, path)
	if len(ed.Sections) != 1 || len(ed.Sections[0].Articles) != 2 {
		t.Fatalf("sections %+v", ed.Sections)
	}
	for i, a := range ed.Sections[0].Articles {
		it := fetchtest.Items[i]
		if a.Headline != it.Title || a.URL != s.URL+it.Path || bodyText(a) != strings.Join(it.Body, "\n") || a.ID != "1-"+string(rune('1'+i)) {
			t.Errorf("article %d: %s %q %q %q", i, a.ID, a.Headline, a.URL, bodyText(a))
		}
	}
	if ed.Sections[0].Name != "人民网－人民日报" && ed.Sections[0].Name != "people" {
		t.Errorf("section named %q", ed.Sections[0].Name)
	}
}

// What fetch leaves beside an edition is no edition: the staging folder
// of an interrupted run, the lock file; a folder with no index.json, or
// one that is not JSON, is not a fetched edition.
func TestNotFetchedFolders(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{".2026-12-01.partial", "broken", "empty"} {
		os.MkdirAll(filepath.Join(dir, name), 0o755)
	}
	os.WriteFile(filepath.Join(dir, ".2026-12-01.partial", ".progress.json"), []byte(`{"kind":"feed","files":[{"file":"feed.xml","role":"feed"}]}`), 0o644)
	os.WriteFile(filepath.Join(dir, "broken", "index.json"), []byte(`{"kind":`), 0o644)
	os.WriteFile(filepath.Join(dir, "empty", "index.json"), []byte(`{"kind":"feed","files":[]}`), 0o644)
	for _, name := range []string{".2026-12-01.partial", "broken", "empty"} {
		if formats.IsEditionFolder(filepath.Join(dir, name)) {
			t.Errorf("%s taken for an edition", name)
		}
	}
}

// A folder whose files are gone or unreadable is a one-line error naming
// it, not a panic; index.json cannot name a file outside the folder.
func TestFetchedBadFolder(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(dir, "secret.html")
	os.WriteFile(outside, []byte("<html><body><h1>外面</h1><p>不该读到的文字。</p></body></html>"), 0o644)
	ed := filepath.Join(dir, "src", "2026-12-01")
	os.MkdirAll(ed, 0o755)
	os.WriteFile(filepath.Join(ed, "index.json"), []byte(`{"kind":"article","files":[
		{"file":"../../secret.html","role":"item","url":"http://x/1"},
		{"file":"missing.html","role":"item","url":"http://x/2"}]}`), 0o644)
	_, err := formats.Load(ed)
	if err == nil || !strings.HasPrefix(err.Error(), ed+": no articles") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("Load: %v, want one line naming the folder", err)
	}
}

// FuzzParse feeds Parse archives made from a fetched e-paper and feed,
// and broken ones: it must never panic.
func FuzzParse(f *testing.F) {
	dir := f.TempDir()
	es := fetchtest.EPaperSite(f)
	fs := fetchtest.FeedSite(f, fetchtest.Items)
	for _, u := range []string{fetchtest.EPaperURL(es), fs.URL + fetchtest.FeedPath} {
		fe := &fetch.Fetcher{Client: fetch.NewClient(fetch.Options{MinInterval: -1, Retries: -1}), Dir: dir, Now: func() time.Time { return day1 }}
		res, err := fe.Fetch(context.Background(), fetch.Request{URL: u, Source: "src"})
		if err != nil {
			f.Fatal(err)
		}
		data, err := fetched.ReadFolder(res.Path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ed, err := fetched.Parse(data, model.Options{Source: "fuzz"})
		if err == nil && ed.Articles() == 0 {
			t.Error("an edition with no articles and no error")
		}
	})
}

// Items new later in the day come after those of the morning, whatever
// the feed's order, so the articles keep their IDs (and read marks).
func TestFetchedFeedKeepsIDsAsItGrows(t *testing.T) {
	items := fetchtest.Items[:2]
	s := fetchtest.FeedSite(t, items)
	dir := t.TempDir()
	morning := load(t, fetchtest.FetchInto(t, dir, "时政", s.URL+fetchtest.FeedPath, day1))
	s.SetFeed([]fetchtest.Item{{Path: "/n1/2026/1201/c1002-7.html", GUID: "c1007", Title: "午间快讯", Category: "经济", Summary: "快讯。", Body: []string{"午间的快讯正文。"}},
		{Path: "/n1/2026/1201/c1001-8.html", GUID: "c1008", Title: "午后新闻", Category: "要闻", Summary: "新闻。", Body: []string{"午后的新闻正文。"}},
		items[0], items[1]})
	noon := load(t, fetchtest.FetchInto(t, dir, "时政", s.URL+fetchtest.FeedPath, day1.Add(3*time.Hour)))
	ids := func(ed *model.Edition) map[string]string {
		m := map[string]string{}
		for _, sec := range ed.Sections {
			for _, a := range sec.Articles {
				m[a.Headline] = a.ID
			}
		}
		return m
	}
	before, after := ids(morning), ids(noon)
	for h, id := range before {
		if after[h] != id {
			t.Errorf("%s was %s in the morning, %s at noon", h, id, after[h])
		}
	}
	if after["午后新闻"] != "1-3" || after["午间快讯"] != "2-1" || len(after) != 4 {
		t.Errorf("noon IDs %v", after)
	}
}

// The papers directory and a source's folder in it are shelves, found so
// without reading their pages.
func TestShelfOfFetchedIsNoEdition(t *testing.T) {
	s := fetchtest.EPaperSite(t)
	dir := t.TempDir()
	path := fetchtest.FetchInto(t, dir, "rmrb", fetchtest.EPaperURL(s), day1)
	for _, d := range []string{dir, filepath.Dir(path)} {
		if !fetched.Holds(d) || formats.IsEditionFolder(d) {
			t.Errorf("%s: holds %v, taken for an edition %v", d, fetched.Holds(d), formats.IsEditionFolder(d))
		}
	}
	if fetched.Holds(path) {
		t.Errorf("the edition folder %s holds editions", path)
	}
}
