package search

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/seeds"
	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/styles"
)

func seed(t *testing.T) *model.Edition {
	t.Helper()
	ed, err := model.Parse(seeds.Default, model.Options{Title: seeds.Title})
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

func newSearch(ed *model.Edition, w, h int) Model {
	m := New(common.Common{Styles: styles.New(styles.Config{Dark: true}), Lang: common.English}, ed)
	m.SetSize(w, h)
	return m
}

func typeText(m Model, s string) (Model, []tea.Msg) {
	var msgs []tea.Msg
	for _, r := range s {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		m, msgs = settle(m, cmd, msgs)
	}
	return m, msgs
}

// settle runs cmd as the Bubble Tea loop would, handing the search's
// results back to the pane, and collects the messages on the way.
func settle(m Model, cmd tea.Cmd, msgs []tea.Msg) (Model, []tea.Msg) {
	for cmd != nil {
		msg := cmd()
		msgs = append(msgs, msg)
		cmd = nil
		if f, ok := msg.(FoundMsg); ok {
			m, cmd = m.Update(f)
		}
	}
	return m, msgs
}

// Typing searches off the UI path: a key returns at once with the search
// to run, the next key cancels it, and results that come late for an older
// query are dropped.
func TestSearchOffTheUIPath(t *testing.T) {
	m := newSearch(seed(t), 30, 10)
	m, first := m.Update(tea.KeyPressMsg{Code: '禁', Text: "禁"})
	if first == nil || !m.Pending() || len(m.Results()) != 0 {
		t.Fatalf("a key searched in Update: pending %v, %d results", m.Pending(), len(m.Results()))
	}
	if rows := strings.Split(ansi.Strip(m.View()), "\n"); !strings.Contains(rows[1], "searching") {
		t.Errorf("while searching the count row says %q", rows[1])
	}
	m, second := m.Update(tea.KeyPressMsg{Code: '渔', Text: "渔"})
	if msg := first(); msg != nil {
		t.Errorf("the search for 禁 ran on after the next key: %#v", msg)
	}
	found := second().(FoundMsg)
	stale := FoundMsg{seq: found.seq - 1, Query: "禁", Results: []Result{{Headline: "stale"}}}
	m, _ = m.Update(found)
	m, _ = m.Update(stale)
	if m.Pending() || len(m.Results()) != 1 || m.Results()[0].Headline == "stale" {
		t.Fatalf("results %+v, pending %v", m.Results(), m.Pending())
	}
	// esc stops a search running.
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if m.Pending() {
		t.Error("esc left the search running")
	}
}

func TestFindAgreesWithArticlePane(t *testing.T) {
	ed := seed(t)
	for _, q := range []string{"禁渔", "项目", "“", "三厂", "2024", "长江"} {
		results, hits := Find(ed, q)
		perStory := map[[2]int]int{}
		for _, h := range hits {
			if h.Match != perStory[[2]int{h.Section, h.Article}] {
				t.Fatalf("%q: hits out of order at %+v", q, h)
			}
			perStory[[2]int{h.Section, h.Article}]++
		}
		if len(results) != len(perStory) {
			t.Fatalf("%q: %d results for %d stories", q, len(results), len(perStory))
		}
		for _, r := range results {
			a := &ed.Sections[r.Section].Articles[r.Article]
			pane := article.New(common.Common{Styles: styles.New(styles.Config{})})
			pane.SetArticle(a)
			pane.SetQuery(q)
			if pane.Matches() != r.Count || r.Count != perStory[[2]int{r.Section, r.Article}] {
				t.Fatalf("%q in %q: search counts %d, the pane %d", q, a.Title(), r.Count, pane.Matches())
			}
		}
	}
}

func TestTypingSearches(t *testing.T) {
	m := newSearch(seed(t), 30, 10)
	m, msgs := typeText(m, "禁渔")
	if m.Query() != "禁渔" || len(m.Results()) != 1 {
		t.Fatalf("query %q, %d results", m.Query(), len(m.Results()))
	}
	p, ok := msgs[len(msgs)-1].(PreviewMsg)
	if !ok || p.Hit.Section != 2 || p.Hit.Article != 0 {
		t.Fatalf("preview %+v", msgs[len(msgs)-1])
	}
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "/ 禁渔") || !strings.Contains(view, "打好执法") {
		t.Fatalf("view:\n%s", view)
	}
	for _, r := range strings.Split(m.View(), "\n") {
		if typeset.Width(r) != 30 {
			t.Fatalf("row %q is %d cells", ansi.Strip(r), typeset.Width(r))
		}
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	if m.Query() != "禁" {
		t.Fatalf("backspace left %q", m.Query())
	}
	m, _ = m.Update(tea.PasteMsg{Content: "\x1b[2J渔\n"})
	if m.Query() != "禁[2J渔" {
		t.Fatalf("paste left %q", m.Query())
	}
	m, _ = settle(m, m.SetQuery("禁"), nil)
	m, cmd := m.Update(tea.PasteMsg{Content: "渔\n"})
	m, _ = settle(m, cmd, nil)
	if m.Query() != "禁渔" {
		t.Fatalf("paste left %q", m.Query())
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if o, ok := cmd().(OpenMsg); !ok || o.Query != "禁渔" || len(o.Hits) != 2 {
		t.Fatalf("enter gave %+v", cmd())
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if _, ok := cmd().(CancelMsg); !ok {
		t.Fatal("esc did not cancel")
	}
}

func TestResultsMove(t *testing.T) {
	m := newSearch(seed(t), 40, 12)
	m, _ = typeText(m, "区")
	if len(m.Results()) < 3 {
		t.Fatalf("%d results", len(m.Results()))
	}
	m, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	if p, ok := cmd().(PreviewMsg); !ok || p.Hit != m.Results()[1].Hit {
		t.Fatalf("down gave %+v", cmd())
	}
	m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyUp})
	if p := cmd().(PreviewMsg); p.Hit != m.Results()[0].Hit {
		t.Fatalf("up gave %+v", p)
	}
	if _, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyUp}); cmd != nil {
		t.Fatal("up from the first result did something")
	}
}

func TestLongQueryKeepsEndInView(t *testing.T) {
	m := newSearch(seed(t), 12, 4)
	m, _ = typeText(m, "一二三四五六七八九十")
	row := ansi.Strip(strings.Split(m.View(), "\n")[0])
	if typeset.Width(row) != 12 || !strings.Contains(row, "九十") {
		t.Fatalf("input row %q", row)
	}
}

// A query finds its words whichever script it and the text are in, and the
// same matches: 发展 and 發展, 优化 and Taiwan's 最佳化, 台湾 and 臺灣.
func TestFindAcrossScripts(t *testing.T) {
	ed := seed(t)
	for _, pair := range [][2]string{{"发展", "發展"}, {"优化", "最佳化"}, {"项目", "專案"}} {
		wantRes, wantHits := Find(ed, pair[0])
		gotRes, gotHits := Find(ed, pair[1])
		if len(wantHits) == 0 || len(gotHits) != len(wantHits) || len(gotRes) != len(wantRes) {
			t.Errorf("%s: %d hits in %d stories; %s: %d in %d", pair[0], len(wantHits), len(wantRes),
				pair[1], len(gotHits), len(gotRes))
		}
	}
	tw, err := model.Parse([]byte("臺灣日報 2024年3月20日\n\n\n\n第1版:要聞\n\n臺灣的軟體產業\n\n本報訊 臺灣的軟體產業發展。"), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"台湾", "臺灣", "台灣", "软件", "軟體"} {
		if _, hits := Find(tw, q); len(hits) != 2 {
			t.Errorf("%s: %d hits in the traditional edition, want 2", q, len(hits))
		}
	}
	// The snippet and its highlight are the text as printed.
	m := newSearch(ed, 60, 20)
	m, _ = typeText(m, "發展")
	if v := m.View(); !strings.Contains(v, m.Styles.Search.Match.Render("发展")) {
		t.Errorf("the results do not mark 发展 for 發展:\n%s", ansi.Strip(v))
	}
}
