package ui

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/dict"
	"dubao/model"
	"dubao/ui/common"
	"dubao/ui/lookup"
)

// lookupSizes are the sizes the lookup mode is driven at.
var lookupSizes = []struct{ w, h int }{{120, 40}, {80, 24}, {40, 15}}

// seedDictionary loads the hand-written test dictionary of the seed's words.
func seedDictionary() (*dict.Dict, error) {
	data, err := os.ReadFile("../dict/testdata/seed.u8")
	if err != nil {
		return nil, err
	}
	return dict.Parse(data)
}

// lookupModel is the reader on ed at w x h with the test dictionary, the
// first story open in the article pane.
func lookupModel(t *testing.T, ed *model.Edition, w, h int, lang common.Lang, load lookup.Loader) Model {
	t.Helper()
	m := New(ed, Options{Lang: lang, Dictionary: load})
	m = send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	return send(t, m, press("enter")...)
}

// cursorWord returns the word under the lookup cursor and its line.
func cursorWord(t *testing.T, m Model) (string, int) {
	t.Helper()
	line, _, word, ok := m.lookup.Cursor(&m.article)
	if !ok {
		t.Fatal("lookup mode is off")
	}
	return word, line
}

func TestLookupCursorMoves(t *testing.T) {
	ed := seed(t)
	for _, s := range lookupSizes {
		t.Run(sizeName(s.w, s.h), func(t *testing.T) {
			m := lookupModel(t, ed, s.w, s.h, common.English, seedDictionary)
			m = send(t, m, press("L")...)
			if !m.lookup.Active() {
				t.Fatal("L did not start the lookup mode")
			}
			shows(t, m, "look up")
			if s.h >= helpMinHeight {
				shows(t, m, "→/l next word")
			}
			// The kicker 三厂工业园区 comes first: 三 | 厂 | 工业园区.
			for _, want := range []string{"三", "厂", "工业园区"} {
				if got, _ := cursorWord(t, m); got != want {
					t.Fatalf("cursor on %q, want %q", got, want)
				}
				m = send(t, m, press("right")...)
			}
			m = send(t, m, press("left", "h")...)
			if got, _ := cursorWord(t, m); got != "厂" {
				t.Fatalf("left twice from 工业园区's next: %q", got)
			}
			m = send(t, m, press("l")...)
			// Down goes to a word on a later line, up comes back.
			_, line := cursorWord(t, m)
			m = send(t, m, press("down")...)
			w2, line2 := cursorWord(t, m)
			if line2 <= line {
				t.Fatalf("down: line %d, was %d", line2, line)
			}
			m = send(t, m, press("k")...)
			if w, l := cursorWord(t, m); l != line || w == w2 {
				t.Fatalf("up: %q on line %d, want line %d", w, l, line)
			}
			// j down the page scrolls the article when the cursor leaves it.
			top := m.article.TopLine()
			for range m.article.Height + 2 {
				m = send(t, m, press("j")...)
			}
			_, line = cursorWord(t, m)
			if m.article.TopLine() == top || line < m.article.TopLine() || line >= m.article.TopLine()+m.article.Height {
				t.Fatalf("cursor on line %d, page from %d (was %d)", line, m.article.TopLine(), top)
			}
			// and k back up turns the page back.
			for range m.article.Height + 2 {
				m = send(t, m, press("k")...)
			}
			if m.article.TopLine() != top {
				t.Fatalf("k did not scroll back: top %d, want %d", m.article.TopLine(), top)
			}
			// Space turns a page and puts the cursor on it.
			m = send(t, m, press("space")...)
			_, line = cursorWord(t, m)
			if m.article.TopLine() == top || line < m.article.TopLine() {
				t.Fatalf("space: cursor on line %d, page from %d", line, m.article.TopLine())
			}
			// Keys of the reader do nothing in the mode: n stays on the story.
			art := m.article.Article()
			m = send(t, m, press("n", "tab")...)
			if m.article.Article() != art || m.focus != focusArticle || !m.lookup.Active() {
				t.Fatal("a reader key acted in the lookup mode")
			}
			m = send(t, m, press("esc")...)
			if m.lookup.Active() {
				t.Fatal("esc did not leave the mode")
			}
			hides(t, m, "→/l next word")
		})
	}
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

// TestLookupRightAcrossParts walks every word of the story with → and
// finds the words of its later paragraphs, in order.
func TestLookupRightAcrossParts(t *testing.T) {
	m := lookupModel(t, seed(t), 80, 24, common.English, seedDictionary)
	m = send(t, m, press("L")...)
	var got []string
	for range 400 {
		w, _ := cursorWord(t, m)
		got = append(got, w)
		m = send(t, m, press("right")...)
	}
	text := strings.Join(got, "|")
	for _, want := range []string{"记者|何|天|宇", "企业|发展", "高质量|发展", "8000|万元"} {
		if !strings.Contains(text, want) {
			t.Errorf("the walk misses %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, "，") || strings.Contains(text, "|“|") {
		t.Error("the cursor stopped on punctuation")
	}
}

func TestLookupBox(t *testing.T) {
	ed := seed(t)
	for _, s := range lookupSizes {
		t.Run(sizeName(s.w, s.h), func(t *testing.T) {
			m := lookupModel(t, ed, s.w, s.h, common.English, seedDictionary)
			m = send(t, m, press("L", "l", "l", "enter")...)
			shows(t, m, "工业园区 工業園區", "gōng yè yuán qū", "industrial park", "CC-CEDICT, CC BY-SA 4.0", "─ look up ─")
			// The box follows the cursor.
			m = send(t, m, press("h")...)
			shows(t, m, "厂 廠  chǎng", "factory; plant", "CC-CEDICT, CC BY-SA 4.0")
			hides(t, m, "industrial park")
			// Two readings of 厂: both, in the file's order.
			shows(t, m, "(variant of 廠|厂) factory")
			// esc closes the box, then leaves the mode.
			m = send(t, m, press("esc")...)
			hides(t, m, "CC-CEDICT", "─ look up ─")
			if !m.lookup.Active() {
				t.Fatal("the first esc left the mode")
			}
			m = send(t, m, press("h", "enter")...)
			shows(t, m, "三  sān", "three")
			m = send(t, m, press("esc", "esc")...)
			if m.lookup.Active() {
				t.Fatal("esc esc did not leave the mode")
			}
			hides(t, m, "CC-CEDICT")
		})
	}
}

// TestLookupUnknownWord shows a character the dictionary has not.
func TestLookupUnknownWord(t *testing.T) {
	m := lookupModel(t, seed(t), 80, 24, common.Chinese, seedDictionary)
	m = send(t, m, press("L")...)
	m = cursorTo(t, m, "何", 60)
	m = send(t, m, press("enter")...)
	shows(t, m, "─ 查词 ─", "词典中没有这个词", "CC-CEDICT, CC BY-SA 4.0")
}

// TestLookupBoxCut gives a word more senses than the box has rows: the
// last row shown ends in an ellipsis and the attribution stays.
func TestLookupBoxCut(t *testing.T) {
	senses := make([]string, 30)
	for i := range senses {
		senses[i] = "sense number " + strconv.Itoa(i+1) + " of a word with very many senses to wrap"
	}
	load := func() (*dict.Dict, error) {
		return dict.Parse([]byte("三 三 [san1] /" + strings.Join(senses, "/") + "/\n"))
	}
	for _, s := range lookupSizes {
		t.Run(sizeName(s.w, s.h), func(t *testing.T) {
			m := lookupModel(t, seed(t), s.w, s.h, common.English, load)
			m = send(t, m, press("L", "enter")...)
			shows(t, m, "三  sān", "1 sense number 1", "…", "CC-CEDICT, CC BY-SA 4.0")
			hides(t, m, "sense number 30")
		})
	}
}

// TestLookupTraditional looks a word up in a traditional text: the box
// gives the form printed first, then the simplified.
func TestLookupTraditional(t *testing.T) {
	ed := model.ParseText("經濟發展\n\n今年企業發展經濟，推動建設。\n", model.Options{Title: "t"})
	m := lookupModel(t, ed, 80, 24, common.English, seedDictionary)
	m = send(t, m, press("L")...)
	m = cursorTo(t, m, "發展", 20)
	m = send(t, m, press("enter")...)
	shows(t, m, "發展 发展  fā zhǎn", "1 to develop; to grow", "2 development")
}

func TestLookupClick(t *testing.T) {
	ed := seed(t)
	for _, s := range lookupSizes {
		t.Run(sizeName(s.w, s.h), func(t *testing.T) {
			m := lookupModel(t, ed, s.w, s.h, common.English, seedDictionary)
			m = send(t, m, press("L")...)
			y, x := findCell(t, screen(m), "记者")
			m = send(t, m, tea.MouseClickMsg{X: x + 1, Y: y, Button: tea.MouseLeft})
			shows(t, m, "记者 記者  jì zhě", "reporter; journalist")
			if w, _ := cursorWord(t, m); w != "记者" {
				t.Fatalf("cursor on %q after the click", w)
			}
			// A click off the article leaves the mode.
			m = send(t, m, press("esc")...)
			m = send(t, m, tea.MouseClickMsg{X: 0, Y: 0, Button: tea.MouseLeft})
			if m.lookup.Active() {
				t.Fatal("a click on the tabs did not leave the mode")
			}
		})
	}
}

// findCell returns the row and cell where s is first shown.
func findCell(t *testing.T, rows []string, s string) (int, int) {
	t.Helper()
	for y, r := range rows {
		if i := strings.Index(r, s); i >= 0 {
			return y, len(cells(r[:i]))
		}
	}
	t.Fatalf("%q not on screen", s)
	return 0, 0
}

// TestLookupLoads checks the dictionary is loaded once, by a command, the
// first time L is pressed, and that a load that fails says why.
func TestLookupLoads(t *testing.T) {
	calls := 0
	load := func() (*dict.Dict, error) { calls++; return seedDictionary() }
	m := New(seed(t), Options{Lang: common.English, Dictionary: load})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, press("enter")...)
	if calls != 0 {
		t.Fatal("the dictionary was loaded before L")
	}
	next, cmd := m.Update(press("L")[0])
	m = next.(Model)
	if cmd == nil || calls != 0 || m.lookup.Active() {
		t.Fatal("L should load the dictionary in a command")
	}
	shows(t, m, "loading dictionary…")
	// Keys typed while it loads are the mode's: j does not scroll, l
	// does not move to the list; the mode takes them once it opens.
	top := m.article.TopLine()
	m = send(t, m, press("l", "l", "enter")...)
	if m.article.TopLine() != top || m.focus != focusArticle {
		t.Fatalf("keys acted while the dictionary loaded: top %d (was %d), focus %v", m.article.TopLine(), top, m.focus)
	}
	shows(t, m, "loading dictionary…")
	m = send(t, m, run(cmd)...)
	if calls != 1 || !m.lookup.Active() {
		t.Fatalf("after the load: %d calls, active %v", calls, m.lookup.Active())
	}
	hides(t, m, "loading dictionary…")
	shows(t, m, "industrial park") // 三 → 厂 → 工业园区, enter
	m = send(t, m, press("esc", "esc", "L")...)
	if calls != 1 || !m.lookup.Active() {
		t.Fatalf("L again: %d calls, active %v", calls, m.lookup.Active())
	}

	// esc while it loads gives up: the mode does not open.
	m = New(seed(t), Options{Lang: common.English, Dictionary: seedDictionary})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, press("enter")...)
	next, cmd = m.Update(press("L")[0])
	m = next.(Model)
	m = send(t, m, press("esc")...)
	m = send(t, m, run(cmd)...)
	if m.lookup.Active() || m.focus != focusArticle {
		t.Fatalf("esc while loading: active %v, focus %v", m.lookup.Active(), m.focus)
	}

	bad := func() (*dict.Dict, error) { return nil, errors.New("no dictionary here") }
	m = lookupModel(t, seed(t), 80, 24, common.English, bad)
	m = send(t, m, press("L")...)
	shows(t, m, "failed: no dictionary here")
	if m.lookup.Active() {
		t.Fatal("the mode opened without a dictionary")
	}
}

// TestLookupOnlyInArticle: L in the story list does nothing.
func TestLookupOnlyInArticle(t *testing.T) {
	m := New(seed(t), Options{Lang: common.English, Dictionary: seedDictionary})
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m = send(t, m, press("L")...)
	if m.lookup.Active() || m.lookup.Loading() {
		t.Fatal("L worked in the story list")
	}
	m = send(t, m, press("?")...)
	shows(t, m, "L", "look up words (on a story)", "next word (in lookup)", "close box, then leave")
}

// TestLookupWheel scrolls the article under the cursor with the wheel:
// the cursor stays on the page.
func TestLookupWheel(t *testing.T) {
	for _, s := range lookupSizes {
		t.Run(sizeName(s.w, s.h), func(t *testing.T) {
			m := lookupModel(t, seed(t), s.w, s.h, common.English, seedDictionary)
			m = send(t, m, press("L")...)
			in := m.lay.ArticleInner
			for range 5 {
				m = send(t, m, tea.MouseWheelMsg{X: in.X + 1, Y: in.Y + 1, Button: tea.MouseWheelDown})
			}
			if m.article.TopLine() == 0 {
				t.Fatal("the wheel did not scroll")
			}
			_, line := cursorWord(t, m)
			if top := m.article.TopLine(); line < top || line >= top+m.article.Height {
				t.Fatalf("cursor on line %d, page %d..%d", line, top, top+m.article.Height-1)
			}
		})
	}
}

// TestLookupLeave: L in the mode leaves it at once, box and all.
func TestLookupLeave(t *testing.T) {
	m := lookupModel(t, seed(t), 80, 24, common.English, seedDictionary)
	m = send(t, m, press("L", "enter")...)
	shows(t, m, "CC-CEDICT, CC BY-SA 4.0")
	m = send(t, m, press("L")...)
	if m.lookup.Active() {
		t.Fatal("L did not leave the mode")
	}
	hides(t, m, "CC-CEDICT")
}

// cursorTo moves the lookup cursor right, at most n words, until it is on
// word, and fails the test if it never gets there.
func cursorTo(t *testing.T, m Model, word string, n int) Model {
	t.Helper()
	for range n {
		if w, _ := cursorWord(t, m); w == word {
			return m
		}
		m = send(t, m, press("l")...)
	}
	t.Fatalf("the cursor never came to %s", word)
	return m
}
