package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dubao/fetch/fetchtest"
	"dubao/library"
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

// U's update is dubao update's: off without subscriptions; with them it
// reports each subscription, saves into the papers directory and records
// what it saved, and says which failed; stopped, it ends.
func TestReaderUpdater(t *testing.T) {
	fastNetwork(t, fetchDay)
	data := t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	st, err := openSubscriptions("", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	if u, _ := readerUpdater(ctx, st, ""); u != nil {
		t.Fatal("U on without subscriptions")
	}
	feeds := fetchtest.FeedSite(t, fetchtest.Items[:2])
	st.AddSubscription(ctx, library.Subscription{Name: "时政", URL: feeds.URL + fetchtest.FeedPath})
	st.AddSubscription(ctx, library.Subscription{Name: "坏报", URL: feeds.URL + "/gone.xml"})
	u, wait := readerUpdater(ctx, st, "")
	if u == nil {
		t.Fatal("U off with subscriptions")
	}
	var reports []string
	changed, failed := u(ctx, func(done, total int) { reports = append(reports, fmt.Sprintf("%d/%d", done, total)) })
	want := filepath.Join(data, "papers", "时政", "2026-12-01")
	if len(changed) != 1 || changed[0] != want || len(failed) != 1 || failed[0].Error() != "坏报: 404 Not Found" ||
		strings.Join(reports, " ") != "1/2 2/2" {
		t.Fatalf("changed %v, failed %v, reports %v", changed, failed, reports)
	}
	// Nothing new the second time.
	if changed, _ = u(ctx, func(int, int) {}); len(changed) != 0 {
		t.Errorf("second update changed %v", changed)
	}
	stop()
	if changed, failed = u(ctx, func(int, int) { t.Error("reported after stop") }); len(changed)+len(failed) != 0 {
		t.Errorf("stopped update: %v %v", changed, failed)
	}
	wait()
}
