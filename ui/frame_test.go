package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/uax29/v2/graphemes"

	"dubao/model"
	"dubao/seeds"
	"dubao/typeset"
	"dubao/ui/common"
)

// seed parses the embedded edition, as dubao does with no arguments.
func seed(t testing.TB) *model.Edition {
	t.Helper()
	ed, err := model.Parse(seeds.Default, model.Options{Source: "seed:" + seeds.Name, Title: seeds.Title})
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

// newModel returns the reader on ed at w x h, in English unless lang says.
func newModel(t testing.TB, ed *model.Edition, w, h int, lang common.Lang) Model {
	t.Helper()
	m := New(ed, Options{Lang: lang})
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send delivers msgs to m in order, running the commands they return (and
// the commands those messages return) as the Bubble Tea loop would, and
// checks the frame after each message.
func send(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			next, cmd := m.Update(queue[0])
			m = next.(Model)
			queue = append(queue[1:], run(cmd)...)
		}
		if tt, ok := t.(*testing.T); ok {
			checkFrame(tt, m)
		}
	}
	return m
}

// run runs cmd and returns the messages it produces, dropping those only the
// real program can act on (quit, terminal queries).
func run(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, run(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// press makes key presses from names: "enter", "esc", "space", "tab",
// "shift+tab", "pgdown", "down", ... or a single character.
func press(names ...string) []tea.Msg {
	special := map[string]tea.Key{
		"enter": {Code: tea.KeyEnter}, "esc": {Code: tea.KeyEscape},
		"space": {Code: tea.KeySpace, Text: " "}, "tab": {Code: tea.KeyTab},
		"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift}, "pgdown": {Code: tea.KeyPgDown},
		"pgup": {Code: tea.KeyPgUp}, "down": {Code: tea.KeyDown}, "up": {Code: tea.KeyUp},
		"left": {Code: tea.KeyLeft}, "right": {Code: tea.KeyRight}, "home": {Code: tea.KeyHome},
		"end": {Code: tea.KeyEnd}, "backspace": {Code: tea.KeyBackspace},
		"ctrl+c": {Code: 'c', Mod: tea.ModCtrl},
	}
	var out []tea.Msg
	for _, n := range names {
		if k, ok := special[n]; ok {
			out = append(out, tea.KeyPressMsg(k))
			continue
		}
		for _, r := range n {
			out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
		}
	}
	return out
}

// screen returns the frame as plain text rows.
func screen(m Model) []string {
	return strings.Split(ansi.Strip(m.View().Content), "\n")
}

// checkFrame is the frame checker every UI test runs: the frame has exactly
// the terminal's height in rows, every row is exactly the terminal's width
// in cells (measured with typeset.Width on the row without its styles), and
// every box's edges line up, corner to corner.
func checkFrame(t *testing.T, m Model) {
	t.Helper()
	w, h := m.lay.Width, m.lay.Height
	if w == 0 || h == 0 {
		return
	}
	rows := screen(m)
	if len(rows) != h {
		t.Fatalf("%dx%d: frame has %d rows", w, h, len(rows))
	}
	for i, r := range rows {
		if got := typeset.Width(r); got != w {
			t.Fatalf("%dx%d: row %d is %d cells wide:\n%q", w, h, i, got, r)
		}
	}
	checkBoxes(t, rows, m.common.Styles.Border)
}

// cells splits a plain row into one string per cell: a grapheme cluster
// fills its first cell and leaves "" in the others it takes (one for a
// wide character, five for 👨‍👩‍👧 measured by code point).
func cells(row string) []string {
	var out []string
	g := graphemes.FromString(row)
	for g.Next() {
		c := g.Value()
		w := typeset.Width(c)
		if w == 0 && len(out) > 0 {
			// A zero-width cluster (ZWSP, a stray combining mark) takes no
			// cell of its own: it goes with the one before.
			out[len(out)-1] += c
			continue
		}
		out = append(out, c)
		for range w - 1 {
			out = append(out, "")
		}
	}
	return out
}

type box struct{ top, left, bottom, right int }

func (b box) covers(r, c int) bool { return r >= b.top && r <= b.bottom && c >= b.left && c <= b.right }

func checkBoxes(t *testing.T, rows []string, b lipgloss.Border) {
	t.Helper()
	if err := findBoxError(rows, b); err != nil {
		t.Fatal(err)
	}
}

// findBoxError finds every box by its top corners and follows its sides
// down to its bottom corners. A side may be hidden only where another, intact
// box (an overlay) is drawn over it.
func findBoxError(rows []string, b lipgloss.Border) error {
	grid := make([][]string, len(rows))
	for i, r := range rows {
		grid[i] = cells(r)
	}
	at := func(r, c int) string {
		if r < len(grid) && c < len(grid[r]) {
			return grid[r][c]
		}
		return ""
	}
	var intact []box
	type partial struct {
		box
		gaps [][2]int
	}
	var broken []partial
	consumed := map[[2]int]bool{} // bottom corners of boxes found
	for r := range grid {
		left := -1
		for c := range grid[r] {
			if consumed[[2]int{r, c}] {
				continue
			}
			// A top edge always has a fill glyph next to each corner, which
			// tells an ASCII corner from a + in the text.
			switch {
			case left < 0 && grid[r][c] == b.TopLeft && at(r, c+1) == b.Top:
				left = c
			case left >= 0 && grid[r][c] == b.TopRight && at(r, c-1) == b.Top:
				bx := box{top: r, left: left, right: c, bottom: -1}
				left = -1
				var gaps [][2]int
				for rr := r + 1; rr < len(grid); rr++ {
					l, rt := at(rr, bx.left), at(rr, bx.right)
					if l == b.BottomLeft && rt == b.BottomRight {
						bx.bottom = rr
						consumed[[2]int{rr, bx.left}], consumed[[2]int{rr, bx.right}] = true, true
						break
					}
					if l != b.Left {
						gaps = append(gaps, [2]int{rr, bx.left})
					}
					if rt != b.Right {
						gaps = append(gaps, [2]int{rr, bx.right})
					}
				}
				if bx.bottom < 0 {
					return fmt.Errorf("box with top corners at row %d, columns %d and %d has no bottom corners in line:\n%s",
						r, bx.left, bx.right, strings.Join(rows, "\n"))
				}
				if len(gaps) == 0 {
					intact = append(intact, bx)
				} else {
					broken = append(broken, partial{bx, gaps})
				}
			}
		}
	}
	for _, p := range broken {
		for _, g := range p.gaps {
			covered := false
			for _, o := range intact {
				covered = covered || o.covers(g[0], g[1])
			}
			if !covered {
				return fmt.Errorf("box at row %d, columns %d-%d: side broken at row %d, column %d:\n%s",
					p.top, p.left, p.right, g[0], g[1], strings.Join(rows, "\n"))
			}
		}
	}
	return nil
}
