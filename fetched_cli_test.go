package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dubao/fetch/fetchtest"
	"dubao/model"
)

// What dubao update saves opens like any edition: dump of one day's
// folder, search and export over the papers directory, print.
func TestUpdatedEditionsOpen(t *testing.T) {
	clock := fastNetwork(t, fetchDay)
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	feeds := fetchtest.FeedSite(t, fetchtest.Items[:2])
	paper := fetchtest.EPaperSite(t)
	runDubao(t, "", "subscribe", "add", "时政", feeds.URL+fetchtest.FeedPath)
	runDubao(t, "", "subscribe", "add", "rmrb", fetchtest.EPaperURL(paper))
	if code, _, errOut := runDubao(t, "", "update"); code != 0 {
		t.Fatalf("update: exit %d: %s", code, errOut)
	}
	*clock = fetchDay.Add(24 * time.Hour)
	feeds.SetFeed(fetchtest.Items[2:3])
	if code, _, errOut := runDubao(t, "", "update"); code != 0 {
		t.Fatalf("update the next day: exit %d: %s", code, errOut)
	}
	papers := filepath.Join(data, "papers")
	day1 := filepath.Join(papers, "时政", "2026-12-01")

	code, out, errOut := runDubao(t, "", "dump", day1)
	if code != 0 || errOut != "" {
		t.Fatalf("dump %s: exit %d, stderr %q", day1, code, errOut)
	}
	var ed model.Edition
	if err := json.Unmarshal([]byte(out), &ed); err != nil {
		t.Fatal(err)
	}
	a := ed.Sections[0].Articles[0]
	if ed.Title != fetchtest.FeedTitle || ed.Date != "2026-12-01" || a.Headline != fetchtest.Items[0].Title ||
		a.URL != feeds.URL+fetchtest.Items[0].Path || !strings.Contains(a.Body[0].Text, "栈道") {
		t.Errorf("dump: %q %q, first article %+v", ed.Title, ed.Date, a)
	}

	code, out, errOut = runDubao(t, "", "search", "供暖管网", papers)
	if code != 0 || !strings.HasPrefix(out, "2024-03-05\t1-2\t冬季供暖全面启动\t") {
		t.Fatalf("search: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runDubao(t, "", "export", "2024-03-05/1-2", papers)
	if code != 0 || !strings.Contains(out, "冬季供暖全面启动") || !strings.Contains(out, "<"+paper.URL+fetchtest.EPaperDir+fetchtest.StoryFile(0, 1)+">") {
		t.Errorf("export: exit %d, %q", code, out)
	}
	code, out, _ = runDubao(t, "", "search", "脐橙", papers)
	if code != 0 || !strings.HasPrefix(out, "2026-12-02\t1-1\t") {
		t.Errorf("search the second day: exit %d, %q", code, out)
	}
	code, out, _ = runDubao(t, "", "print", "--width", "60", filepath.Join(papers, "rmrb", "2024-03-05"))
	if code != 0 || !strings.Contains(out, "县图书馆夜间开放") {
		t.Errorf("print: exit %d, %q", code, out)
	}
}
