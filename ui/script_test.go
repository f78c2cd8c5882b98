package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/script"
	"dubao/ui/common"
)

// t cycles as printed → 简体 → 繁體 (Taiwan) → 繁體 (Hong Kong) → as
// printed; the story list's titles and the article change with it, every
// row still the terminal's width (send checks each frame).
func TestScriptCycles(t *testing.T) {
	ed := seed(t)
	for _, sz := range []struct{ w, h int }{{120, 40}, {40, 15}} {
		for _, lang := range []common.Lang{common.English, common.Chinese} {
			m := newModel(t, ed, sz.w, sz.h, lang)
			shows(t, m, "“六区”战略")
			steps := []struct {
				want   script.Script
				shown  string // in the list's first title
				hidden string
			}{
				{script.Hans, "“六区”战略", "“六區”戰略"},
				{script.HantTW, "“六區”戰略", "“六区”战略"},
				{script.HantHK, "“六區”戰略", "“六区”战略"},
				{script.Original, "“六区”战略", "“六區”戰略"},
			}
			for _, s := range steps {
				m = send(t, m, press("t")...)
				if m.script != s.want {
					t.Fatalf("%dx%d: t gave %v, want %v", sz.w, sz.h, m.script, s.want)
				}
				shows(t, m, s.shown, lang.Script(s.want))
				hides(t, m, s.hidden)
			}
			// The story, in the article pane.
			m = send(t, m, press("t", "t", "enter")...)
			shows(t, m, "三廠工業園區")
			hides(t, m, "三厂工业园区")
			m = send(t, m, press("j")...)
			hides(t, m, lang.Script(script.HantTW)) // the note lasts until the next key
			if sz.w >= 120 {
				shows(t, m, lang.ScriptFlag(script.HantTW), "高質量發展活力")
			}
		}
	}
}

// Hong Kong writes 台灣, Taiwan 臺灣; 优化 is 最佳化 in Taiwan's vocabulary,
// one character longer, and the search highlight covers it there.
func TestScriptHighlightsWhereShown(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("/", "优化", "enter")...)
	cur := m.common.Styles.Article.CurrentMatch
	if !strings.Contains(m.View().Content, cur.Render("优化")) {
		t.Fatal("the current match is not drawn as printed")
	}
	m = send(t, m, press("t", "t")...)
	shows(t, m, "最佳化營商環境")
	if !strings.Contains(m.View().Content, cur.Render("最佳化")) {
		t.Fatalf("the current match is not 最佳化 as shown:\n%s", strings.Join(screen(m), "\n"))
	}
	// The search in the other script finds the same, in the same place.
	n := len(m.hits)
	m = send(t, m, press("esc", "/")...)
	m = send(t, m, press("最佳化", "enter")...)
	if len(m.hits) != n || !strings.Contains(m.View().Content, cur.Render("最佳化")) {
		t.Fatalf("最佳化 found %d times, 优化 %d", len(m.hits), n)
	}
	m = send(t, m, press("esc", "/", "發展", "enter")...)
	hits := len(m.hits)
	m = send(t, m, press("esc", "/", "发展", "enter")...)
	if hits == 0 || len(m.hits) != hits {
		t.Fatalf("發展 found %d times, 发展 %d", hits, len(m.hits))
	}
	if !strings.Contains(m.View().Content, cur.Render("發展")) {
		t.Fatal("the current match of 发展 is not drawn on 發展 as shown")
	}
}

// The reading position is the stored text's: changing the script keeps the
// line at the top of the page.
func TestScriptKeepsPosition(t *testing.T) {
	m := newModel(t, seed(t), 80, 24, common.English)
	m = send(t, m, press("enter", "space", "j", "j")...)
	pos := m.article.Position()
	for range 4 {
		m = send(t, m, press("t")...)
		if got := m.article.Position(); got.Part != pos.Part || got.Offset > pos.Offset {
			t.Fatalf("%v: position %+v, was %+v", m.script, got, pos)
		}
	}
	if got := m.article.Position(); got != pos {
		t.Fatalf("back as printed at %+v, was %+v", got, pos)
	}
}

// Options.Script starts in a script; a bad name is as printed.
func TestScriptOption(t *testing.T) {
	ed := seed(t)
	m := send(t, New(ed, Options{Script: "hant-hk"}), tea.WindowSizeMsg{Width: 100, Height: 30})
	shows(t, m, "“六區”戰略")
	m = send(t, New(ed, Options{Script: "klingon"}), tea.WindowSizeMsg{Width: 100, Height: 30})
	shows(t, m, "“六区”战略")
}

// The script t chose is remembered in the store for the shelf it was
// chosen on.
func TestScriptRemembered(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 80, 24, common.English)
	send(t, m, press("t", "t", "q")...)
	f.close()

	f = openShelf(t, dir, data)
	m = f.reader(t, 80, 24, common.English)
	if m.script != script.HantTW {
		t.Fatalf("reopened in %v", m.script)
	}
	shows(t, m, "“六區”戰略", "繁體 TW")
	f.close()

	// Another shelf in the same library keeps its own script.
	other, _ := shelfDir(t)
	f = openShelf(t, other, data)
	m = f.reader(t, 80, 24, common.English)
	if m.script != script.Original {
		t.Fatalf("another shelf opened in %v", m.script)
	}
}

// The edition's search lists its results in the script shown, the match
// marked there; the library search finds across scripts too.
func TestScriptSearchResults(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("t", "t", "/", "优化")...)
	if !strings.Contains(m.View().Content, m.common.Styles.Search.Match.Render("最佳化")) {
		t.Fatalf("the results do not mark 最佳化:\n%s", strings.Join(screen(m), "\n"))
	}
	hides(t, m, "优化营商")
}

func TestLibrarySearchAcrossScripts(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m = send(t, m, ctrl('f'))
	m = send(t, m, press("禁漁")...)
	if n := len(m.libsearch.Hits()); n != 2 {
		t.Fatalf("%d library hits for 禁漁, want the 2 of 禁渔", n)
	}
	m = send(t, m, press("enter")...)
	if m.article.CurrentMatch() < 0 || !strings.Contains(m.View().Content, m.common.Styles.Article.CurrentMatch.Render("禁渔")) {
		t.Fatal("the match of 禁漁 is not on 禁渔")
	}
}

// The library search lists its results in the script shown, the match
// marked where the converted snippet has it.
func TestLibrarySearchResultsInScript(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m = send(t, m, press("t", "t")...)
	m = send(t, m, ctrl('f'))
	m = send(t, m, press("优化")...)
	if len(m.libsearch.Hits()) == 0 {
		t.Fatal("no library hits for 优化")
	}
	if !strings.Contains(m.View().Content, m.common.Styles.Search.Match.Render("最佳化")) {
		t.Fatalf("the results do not mark 最佳化:\n%s", strings.Join(screen(m), "\n"))
	}
	hides(t, m, "优化营商")
}
