package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// TestEveryActionHasOneName: every binding has a name; no key map holds two
// bindings of one name; and bindings of different panes that share a name
// share their keys, so that one name in [keys] means one action.
func TestEveryActionHasOneName(t *testing.T) {
	s := reboundKeySet(nil)
	byName := map[string][]string{}
	for _, km := range s.maps() {
		seen := map[string]bool{}
		for _, b := range keys.Bindings(km) {
			name := keys.Name(*b)
			if name == "" {
				t.Errorf("%T: a binding (%v) without a name", km, b.Keys())
			}
			if seen[name] {
				t.Errorf("%T: two bindings named %q", km, name)
			}
			seen[name] = true
			if prev, ok := byName[name]; ok && !slices.Equal(prev, b.Keys()) {
				t.Errorf("%q is %v in one pane and %v in %T", name, prev, b.Keys(), km)
			}
			byName[name] = b.Keys()
		}
	}
	if len(byName) < 40 {
		t.Fatalf("only %d actions found", len(byName))
	}
}

// TestEveryActionRebinds: each action, bound to another key, answers to
// that key alone in every pane it is in, its label says so, and no other
// action changes.
func TestEveryActionRebinds(t *testing.T) {
	defaults := Actions(nil)
	for name := range defaults {
		s := reboundKeySet(map[string][]string{name: {"f12", "ctrl+b"}})
		found := 0
		for _, b := range s.all() {
			if keys.Name(*b) != name {
				if !slices.Equal(b.Keys(), defaults[keys.Name(*b)]) {
					t.Errorf("rebinding %q changed %q", name, keys.Name(*b))
				}
				continue
			}
			found++
			if !slices.Equal(b.Keys(), []string{"f12", "ctrl+b"}) || b.Help().Key != "f12/ctrl+b" {
				t.Errorf("%q rebound: keys %v, label %q", name, b.Keys(), b.Help().Key)
			}
		}
		if found == 0 {
			t.Errorf("%q is in no key map", name)
		}
	}
}

// TestEveryBindingHasAMessage: the help can say every action in every
// language.
func TestEveryBindingHasAMessage(t *testing.T) {
	for name := range Actions(nil) {
		for _, l := range []common.Lang{common.Chinese, common.Traditional} {
			if l.T(name) == name {
				t.Errorf("%q has no %v message", name, l)
			}
		}
	}
}

// TestDefaultKeysPass: the defaults, and the whole set dubao config
// prints, pass the checks a config file's [keys] gets.
func TestDefaultKeysPass(t *testing.T) {
	if err := CheckKeys(nil); err != nil {
		t.Fatal(err)
	}
	if err := CheckKeys(Actions(nil)); err != nil {
		t.Fatalf("the printed keys do not read back: %v", err)
	}
	// Bound to what they are, as a config file with every action gives
	// them, the bindings keep their labels and keys.
	plain, all := newKeySet(nil), newKeySet(Actions(nil))
	a, b := plain.all(), all.all()
	for i := range a {
		if a[i].Help() != b[i].Help() || !slices.Equal(a[i].Keys(), b[i].Keys()) {
			t.Errorf("%q: %v %v, bound to its own keys %v %v", keys.Name(*a[i]), a[i].Help(), a[i].Keys(), b[i].Help(), b[i].Keys())
		}
	}
}

// TestRebindingTakesEffect: in the reader, a rebound action answers to its
// new keys and no longer to its old ones, and the help shows the new.
func TestRebindingTakesEffect(t *testing.T) {
	bound := map[string][]string{"next page": {"z"}, "quit": {"Q"}, "next story": {"J"}, "hanging punctuation": {"H"}}
	if err := CheckKeys(bound); err != nil {
		t.Fatal(err)
	}
	m := New(seed(t), Options{Lang: common.English, Keys: bound})
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = send(t, m, press("enter")...)
	if p, _ := m.article.Pages(); p != 1 {
		t.Fatalf("page %d", p)
	}
	m = send(t, m, press("space")...)
	if p, _ := m.article.Pages(); p != 1 {
		t.Fatal("space still pages on")
	}
	m = send(t, m, press("z")...)
	if p, _ := m.article.Pages(); p != 2 {
		t.Fatal("z does not page on")
	}
	shows(t, m, "z next page")
	hides(t, m, "space/f next page")
	story := m.article.Article()
	m = send(t, m, press("n")...)
	if m.article.Article() != story {
		t.Fatal("n still goes to the next story")
	}
	m = send(t, m, press("J")...)
	if m.article.Article() == story {
		t.Fatal("J does not go to the next story")
	}
	m = send(t, m, press("H")...)
	if !m.article.Options().Hanging {
		t.Fatal("H does not hang punctuation")
	}
	if _, cmd := m.Update(press("q")[0]); quits(cmd) {
		t.Fatal("q still quits")
	}
	if _, cmd := m.Update(press("Q")[0]); !quits(cmd) {
		t.Fatal("Q does not quit")
	}
	m = send(t, m, press("?")...)
	shows(t, m, "z        next page", "Q             quit")
}

// quits reports whether cmd, run as Bubble Tea would, ends the program.
func quits(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		return slices.ContainsFunc(msg, quits)
	}
	return false
}

// TestSearchKeepsRebindingOfNextStory: while a search is in force "next
// match" takes n from "next story", whatever "next story" is bound to, and
// gives it back after.
func TestSearchKeepsRebindingOfNextStory(t *testing.T) {
	m := New(seed(t), Options{Lang: common.English, Keys: map[string][]string{"next story": {"n", "]"}, "next section": {"}"}}})
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = send(t, m, press("/", "禁渔", "enter")...)
	if got := m.keys.NextArticle.Keys(); !slices.Equal(got, []string{"]"}) {
		t.Fatalf("next story answers to %v in a search", got)
	}
	m = send(t, m, press("esc")...)
	if got := m.keys.NextArticle.Keys(); !slices.Equal(got, []string{"n", "]"}) {
		t.Fatalf("next story answers to %v after the search", got)
	}
}

// TestHelpInChinese: under a zh locale the help box is Chinese (simplified
// or traditional), from the first row to the marks' explanation at its end,
// and fits the terminal at every size: send checks that every row is the
// terminal's width, measured by typeset.Width, and the box's edges.
func TestHelpInChinese(t *testing.T) {
	ed := seed(t)
	for _, tc := range []struct {
		lang                        common.Lang
		title, nextPage, photo, esc string
	}{
		{common.Chinese, "按键", "space/f  下一页", "图 图片", "esc      取消"},
		{common.Traditional, "按鍵", "space/f  下一頁", "图 圖片", "esc      取消"},
		{common.English, "keys", "space/f  next page", "图 photo", "esc      cancel"},
	} {
		for _, sz := range []struct{ w, h int }{{120, 40}, {80, 24}, {40, 15}} {
			t.Run(fmt.Sprintf("%v_%dx%d", tc.lang, sz.w, sz.h), func(t *testing.T) {
				m := newModel(t, ed, sz.w, sz.h, tc.lang)
				m = send(t, m, press("?")...)
				shows(t, m, tc.title, tc.nextPage)
				m = send(t, m, press("G")...)
				shows(t, m, tc.photo)
				if tc.lang != common.English {
					for _, english := range []string{"next page", "photo", "bookmarked", "quit"} {
						hides(t, m, english)
					}
				}
				for _, r := range screen(m) {
					if typeset.Width(r) != sz.w {
						t.Fatalf("row %q is %d cells", r, typeset.Width(r))
					}
				}
			})
		}
	}
}

// TestHintsInChinese: the hint row and the search box's hints follow the
// language.
func TestHintsInChinese(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.Traditional)
	shows(t, m, "j/↓ 下移", "? 幫助")
	m = send(t, m, press("/")...)
	shows(t, m, "↓/ctrl+n 下一條結果", "搜尋")
	m = send(t, m, press("禁渔")...)
	shows(t, m, "2 處，1 篇")
	m = newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("/", "禁渔")...)
	shows(t, m, "2 matches in 1 story")
}

// TestHangingPunctuation: , lets ，。、 hang into a gutter kept right of
// the measure, and says so on the status line; again, it stops.
func TestHangingPunctuation(t *testing.T) {
	ed := seed(t)
	hangs := 0
	for w := 60; w <= 100; w += 3 {
		m := newModel(t, ed, w, 30, common.English)
		m = send(t, m, press("enter", ",")...)
		if !m.article.Options().Hanging {
			t.Fatal(", did not turn hanging punctuation on")
		}
		shows(t, m, "hanging punctuation")
		measure := min(m.lay.ArticleInner.W-typeset.HangingGutter, article.MaxMeasure)
		for i := range 2000 {
			l := m.article.Line(i)
			if l.Width > measure {
				if l.Width > measure+typeset.HangingGutter || !strings.ContainsAny(l.Text[len(l.Text)-3:], "，。、") {
					t.Fatalf("width %d: line %q is %d cells, the measure %d", w, l.Text, l.Width, measure)
				}
				hangs++
			}
		}
		m = send(t, m, press(",")...)
		hides(t, m, "hanging punctuation")
	}
	if hangs == 0 {
		t.Fatal("no mark hung at any width")
	}
}

// TestOptionsFromConfig: the config file's settings reach the reader: the
// toggles' defaults, the widest line and a fixed theme that the terminal's
// background does not change.
func TestOptionsFromConfig(t *testing.T) {
	opt := Options{Lang: common.English, Theme: "light", MaxMeasure: 40,
		Typeset: typeset.Options{NoIndent: true, Hanging: true}}
	m := New(seed(t), opt)
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40}, tea.BackgroundColorMsg{Color: nil})
	if m.dark {
		t.Fatal("the light theme is dark")
	}
	m = send(t, m, press("enter")...)
	if o := m.article.Options(); !o.NoIndent || !o.Hanging {
		t.Fatalf("options %+v", o)
	}
	for i := 0; i < 20; i++ {
		if l := m.article.Line(i); l.Width > 40+typeset.HangingGutter {
			t.Fatalf("line %q is %d cells, wider than 40", l.Text, l.Width)
		}
	}
	shows(t, m, "no indent", "hanging punctuation")
}

// TestRememberedTogglesOverConfig: a toggle pressed before, remembered by
// the store, wins over the config file's default; one never pressed keeps
// the default.
func TestRememberedTogglesOverConfig(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	opt := Options{Lang: common.English, Typeset: typeset.Options{NoIndent: true, HalfWidthPunct: true}}
	m := f.readerWith(t, 100, 30, opt)
	if o := m.article.Options(); !o.NoIndent || !o.HalfWidthPunct {
		t.Fatalf("the config's defaults were not kept: %+v", o)
	}
	m = send(t, m, press("i")...) // the indent back on, remembered
	f.close()
	f = openShelf(t, dir, data)
	defer f.close()
	m = f.readerWith(t, 100, 30, opt)
	if o := m.article.Options(); o.NoIndent || !o.HalfWidthPunct {
		t.Fatalf("options %+v: want the remembered indent and the config's punctuation", o)
	}
}
