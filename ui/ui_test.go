package ui

import (
	"fmt"
	"image/color"
	"os"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
)

// sizes are the terminal sizes the issue asks the reader to be driven at.
var sizes = []struct{ w, h int }{{120, 40}, {80, 24}, {60, 20}, {40, 15}}

func forSizes(t *testing.T, f func(t *testing.T, w, h int)) {
	for _, s := range sizes {
		t.Run(fmt.Sprintf("%dx%d", s.w, s.h), func(t *testing.T) { f(t, s.w, s.h) })
	}
}

func shows(t *testing.T, m Model, want ...string) {
	t.Helper()
	text := strings.Join(screen(m), "\n")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Fatalf("screen does not show %q:\n%s", w, text)
		}
	}
}

func hides(t *testing.T, m Model, unwanted ...string) {
	t.Helper()
	text := strings.Join(screen(m), "\n")
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Fatalf("screen shows %q:\n%s", w, text)
		}
	}
}

func TestFirstHeadlineShown(t *testing.T) {
	ed := seed(t)
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		shows(t, m, "“一核”“六区”战略", "1 三厂工业园区", "section 1/3")
	})
}

func TestDigitShowsSection(t *testing.T) {
	ed := seed(t)
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		hides(t, m, "全区基层理论")
		m = send(t, m, press("2")...)
		if m.sec != 1 {
			t.Fatalf("section %d after 2", m.sec+1)
		}
		shows(t, m, "section 2/3", "三“度”并重", "全区基层理论")
		hides(t, m, "整治不松劲")
		// A digit reported without its text (a keypad, some keyboard
		// protocols) goes to the section too.
		m = send(t, m, tea.KeyPressMsg{Code: '3'})
		if m.sec != 2 {
			t.Fatalf("section %d after a 3 without text", m.sec+1)
		}
	})
}

func TestPagingMovesIndicatorAndText(t *testing.T) {
	ed := seed(t)
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		m = send(t, m, press("enter")...)
		_, pages := m.article.Pages()
		if pages < 2 {
			t.Fatalf("the first story fits one page at %dx%d", w, h)
		}
		before := screen(m)
		shows(t, m, fmt.Sprintf("page 1/%d", pages))
		m = send(t, m, press("space")...)
		shows(t, m, fmt.Sprintf("page 2/%d", pages))
		if top := m.article.TopLine(); top != m.lay.ArticleInner.H {
			t.Fatalf("space moved the top line to %d, want %d", top, m.lay.ArticleInner.H)
		}
		if strings.Join(screen(m), "\n") == strings.Join(before, "\n") {
			t.Fatal("text did not change")
		}
		m = send(t, m, press("b")...)
		shows(t, m, fmt.Sprintf("page 1/%d", pages))
		m = send(t, m, press("G")...)
		shows(t, m, fmt.Sprintf("page %d/%d", pages, pages))
	})
}

func TestChineseLocalePageLabel(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.Chinese)
	_, pages := m.article.Pages()
	shows(t, m, fmt.Sprintf("第 1/%d 页", pages), "版 1/3")
}

func TestNextCrossesIntoNextSection(t *testing.T) {
	ed := seed(t)
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		m = send(t, m, press("G")...) // last story of section 1
		if m.list.Index() != len(ed.Sections[0].Articles)-1 {
			t.Fatalf("G selected story %d", m.list.Index()+1)
		}
		m = send(t, m, press("enter", "n")...)
		if m.sec != 1 || m.list.Index() != 0 {
			t.Fatalf("n from the last story of section 1 went to %d-%d", m.sec+1, m.list.Index()+1)
		}
		if got := m.article.Article().Headline; got != ed.Sections[1].Articles[0].Headline {
			t.Fatalf("article pane shows %q", got)
		}
		shows(t, m, "section 2/3 · story 1/4", "三“度”并重")
	})
}

func TestSpaceOnLastPageContinues(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("enter", "G", "space")...)
	if m.list.Index() != 1 {
		t.Fatalf("space on the last page went to story %d", m.list.Index()+1)
	}
	if m.article.TopLine() != 0 {
		t.Fatal("the next story did not open at its start")
	}
}

func TestSearchFindsAcrossEdition(t *testing.T) {
	ed := seed(t)
	want := "打好执法“组合拳” 落实长江“禁渔令”"
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		m = send(t, m, press("/", "禁渔")...)
		if len(m.search.Results()) != 1 || m.search.Results()[0].Headline != want {
			t.Fatalf("results for 禁渔: %+v", m.search.Results())
		}
		shows(t, m, "/ 禁渔", "打好执法")
		m = send(t, m, press("enter")...)
		if m.article.Article().Headline != want || m.focus != focusArticle {
			t.Fatalf("enter opened %q", m.article.Article().Headline)
		}
		if m.article.Matches() == 0 || m.article.CurrentMatch() != 0 {
			t.Fatalf("matches %d, current %d", m.article.Matches(), m.article.CurrentMatch())
		}
		shows(t, m, "/禁渔", fmt.Sprintf("match 1/%d", len(m.hits)))
		// While a search is in force n goes to the next match, not the next
		// story.
		m = send(t, m, press("n")...)
		if len(m.hits) > 1 && m.hit != 1 {
			t.Fatalf("n went to match %d", m.hit+1)
		}
		m = send(t, m, press("esc")...)
		if m.query != "" || m.article.Matches() != 0 {
			t.Fatal("esc did not end the search")
		}
	})
}

func TestSearchHighlightsMatch(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("/", "禁渔", "enter")...)
	if !strings.Contains(m.View().Content, m.common.Styles.Article.CurrentMatch.Render("禁渔")) {
		t.Fatal("the current match is not drawn in the current-match style")
	}
}

func TestHelpOverlay(t *testing.T) {
	ed := seed(t)
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		m = send(t, m, press("?")...)
		shows(t, m, "keys", "next page")
		m = send(t, m, press("G")...)
		shows(t, m, "clear", "cancel") // the last group
		m = send(t, m, press("g")...)
		shows(t, m, "next page")
		m = send(t, m, press("?")...)
		hides(t, m, "previous section")
	})
}

// esc closes the help box from wherever it was opened, also from the story
// list, where esc itself has nothing to go back from and is switched off.
func TestEscClosesHelp(t *testing.T) {
	for _, keys := range [][]string{nil, {"enter"}, {"/", "禁渔", "enter"}} {
		m := newModel(t, seed(t), 100, 30, common.English)
		m = send(t, m, press(keys...)...)
		m = send(t, m, press("?")...)
		shows(t, m, "keys", "next page")
		m = send(t, m, press("esc")...)
		if m.overlay != overlayNone {
			t.Fatalf("after %q, ? and esc the help box is still open", keys)
		}
	}
}

func TestResizeKeepsPosition(t *testing.T) {
	ed := seed(t)
	for _, to := range sizes[1:] {
		t.Run(fmt.Sprintf("to %dx%d", to.w, to.h), func(t *testing.T) {
			m := newModel(t, ed, 120, 40, common.English)
			m = send(t, m, press("enter", "space", "j", "j")...)
			pos := m.article.Position()
			m = send(t, m, tea.WindowSizeMsg{Width: to.w, Height: to.h})
			top := m.article.Line(m.article.TopLine())
			if top.Block != pos.Part || pos.Offset < top.Start || pos.Offset >= top.End {
				t.Fatalf("position %+v; top line now part %d bytes %d-%d", pos, top.Block, top.Start, top.End)
			}
			m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
			if got := m.article.Position(); got.Part != pos.Part || got.Offset > pos.Offset {
				t.Fatalf("back at 120x40 the position is %+v, was %+v", got, pos)
			}
		})
	}
}

func TestSectionPicker(t *testing.T) {
	m := newModel(t, seed(t), 80, 24, common.English)
	m = send(t, m, press("s")...)
	shows(t, m, "sections", "3  打好执法")
	m = send(t, m, press("j", "j", "enter")...)
	if m.sec != 2 || m.overlay != overlayNone {
		t.Fatalf("picker chose section %d", m.sec+1)
	}
	shows(t, m, "长江保护宣传进社区")
}

func TestOnePaneEnterAndBack(t *testing.T) {
	m := newModel(t, seed(t), 60, 20, common.English)
	// The article's frame has the page in its bottom edge, the list's the
	// story.
	edge := m.common.Styles.Border.Bottom
	hides(t, m, edge+" page 1/")
	m = send(t, m, press("enter")...)
	shows(t, m, edge+" page 1/")
	hides(t, m, edge+" story 1/2")
	m = send(t, m, press("esc")...)
	if m.focus != focusList {
		t.Fatal("esc did not go back to the list")
	}
	hides(t, m, edge+" page 1/")
}

func TestToggles(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("i")...)
	if !m.article.Options().NoIndent {
		t.Fatal("i did not turn the indent off")
	}
	shows(t, m, "no indent")
	m = send(t, m, press("w")...)
	if !m.article.Options().HalfWidthPunct {
		t.Fatal("w did not switch to half-width punctuation")
	}
	shows(t, m, "half-width punctuation")
	m = send(t, m, press("i", "w")...)
	hides(t, m, "no indent", "half-width")
}

func TestNeverPanicsAtAnySize(t *testing.T) {
	ed := seed(t)
	for w := 1; w <= 82; w += 3 {
		for h := 1; h <= 26; h += 2 {
			m := newModel(t, ed, w, h, common.Chinese)
			send(t, m, press("enter", "space", "?", "esc", "/", "禁", "enter", "s", "esc", "n", "2", "G")...)
		}
	}
}

func TestOddEditions(t *testing.T) {
	for _, ed := range []*model.Edition{
		{Title: "空"},
		{Title: "空版", Sections: []model.Section{{Index: 1, Name: "要闻"}, {Index: 2, Name: "国际"}}},
		{Title: "短", Sections: []model.Section{{Index: 1, Articles: []model.Article{{Body: []model.Block{{Text: "只有一句。"}}}}}}},
	} {
		for _, sz := range sizes {
			m := newModel(t, ed, sz.w, sz.h, common.Chinese)
			send(t, m, press("enter", "space", "n", "p", "2", "]", "[", "s", "esc", "/", "x", "enter", "esc", "?", "esc", "G", "w", "i")...)
		}
	}
}

// An edition's title may be its file name, which may hold anything: no
// control character of it reaches the terminal, in the frame or the
// window title.
func TestTitleControlsNeverReachTerminal(t *testing.T) {
	ed := seed(t)
	ed.Title = "报\x1b]0;owned\x07\t纸\u009b2J"
	m := newModel(t, ed, 100, 30, common.Chinese)
	v := m.View()
	if strings.ContainsAny(v.WindowTitle, "\x1b\x07\t\u009b") {
		t.Fatalf("window title %q", v.WindowTitle)
	}
	if strings.ContainsAny(v.Content, "\x07\t\u009b") || strings.Contains(v.Content, "\x1b]") {
		t.Fatalf("frame holds a control character:\n%q", v.Content)
	}
	shows(t, m, "报]0;owned 纸2J")
}

func TestBackgroundColourRebuildsStyles(t *testing.T) {
	m := newModel(t, seed(t), 80, 24, common.English)
	dark := m.common.Styles
	m = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.dark || m.common.Styles == dark {
		t.Fatal("a light background did not rebuild the styles")
	}
	if m.list.Styles != m.common.Styles || m.article.Styles != m.common.Styles || m.tabs.Styles != m.common.Styles {
		t.Fatal("a pane kept the old styles")
	}
	if m.common.Styles.Pane.FocusedBorder.GetForeground() == dark.Pane.FocusedBorder.GetForeground() {
		t.Fatal("the light styles have the dark colours")
	}
}

func TestTooSmall(t *testing.T) {
	m := newModel(t, seed(t), 29, 10, common.English)
	shows(t, m, "too small")
	m = send(t, m, tea.WindowSizeMsg{Width: 30, Height: 10})
	hides(t, m, "too small")
}

func TestMouse(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, tea.MouseWheelMsg{X: m.lay.ArticleInner.X + 5, Y: 10, Button: tea.MouseWheelDown})
	if m.article.TopLine() != wheelLines {
		t.Fatalf("wheel scrolled to line %d", m.article.TopLine())
	}
	m = send(t, m, tea.MouseWheelMsg{X: m.lay.ListInner.X + 5, Y: 10, Button: tea.MouseWheelDown})
	if m.list.Index() != 1 {
		t.Fatalf("wheel over the list selected story %d", m.list.Index()+1)
	}
	// The first story's headline is the first row of its item.
	m = send(t, m, tea.MouseClickMsg{X: m.lay.ListInner.X + 2, Y: m.lay.ListInner.Y, Button: tea.MouseLeft})
	if m.list.Index() != 0 {
		t.Fatalf("click selected story %d", m.list.Index()+1)
	}
	row := screen(m)[0]
	x := typeset.Width(row[:strings.Index(row, "3 打好")])
	m = send(t, m, tea.MouseClickMsg{X: x + 4, Y: 0, Button: tea.MouseLeft})
	if m.sec != 2 {
		t.Fatalf("click on tab 3 went to section %d", m.sec+1)
	}
}

// TestAmbiguousWide runs the frame tests again in a process started with
// RUNEWIDTH_EASTASIAN=1, as dubao re-executes itself on a terminal that
// draws ambiguous characters wide: Lip Gloss reads the variable only at
// start, so only a new process measures as that terminal does.
func TestAmbiguousWide(t *testing.T) {
	if typeset.AmbiguousWide() {
		t.Skip("this is the wide run")
	}
	run := "^(TestFirstHeadlineShown|TestDigitShowsSection|TestPagingMovesIndicatorAndText|" +
		"TestNextCrossesIntoNextSection|TestSearchFindsAcrossEdition|TestHelpOverlay|TestResizeKeepsPosition|" +
		"TestSectionPicker|TestOnePaneEnterAndBack|TestNeverPanicsAtAnySize|" +
		"TestShelfOpensNewestAndPicksEditions|TestBookmarksAcrossEditions|TestLibrarySearch)$"
	cmd := exec.Command(os.Args[0], "-test.run="+run, "-test.v")
	cmd.Env = append(os.Environ(), "RUNEWIDTH_EASTASIAN=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("wide run failed: %v\n%s", err, out)
	}
	if n := strings.Count("\n"+string(out), "\n--- PASS: Test"); n != 13 {
		t.Fatalf("wide run passed %d tests, want 13:\n%s", n, out)
	}
}
