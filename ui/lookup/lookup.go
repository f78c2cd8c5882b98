// Package lookup is the article pane's word lookup mode: a cursor on the
// words of the page shown, moved by word and by line, and a box with the
// word under it in both scripts, its pinyin and its English senses from
// the dictionary.
//
// The words come from segmenting each part of the article on screen against
// the dictionary, once per part; the cursor is drawn by the article pane as
// a mark over the word's bytes, so it follows the pane's own typesetting.
// The dictionary is loaded by a command the first time the mode is
// entered, off the UI's goroutine.
package lookup

import (
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/dict"
	"dubao/model"
	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// Loader returns the dictionary; it is called once, in a command.
type Loader func() (*dict.Dict, error)

// LoadedMsg brings the dictionary, or why it could not be loaded.
type LoadedMsg struct {
	Dict *dict.Dict
	Err  error
}

// spot is where the cursor is: token tok of part's segmentation, on line
// (the line it was reached on, for a word broken across two).
type spot struct{ part, tok, line int }

// place is a word on a line: its token and the cells it covers in the pane.
type place struct {
	tok    int
	x0, x1 int
}

// Model is the lookup mode.
type Model struct {
	common.Common
	// KeyMap is the mode's keys.
	KeyMap keys.Lookup

	load    Loader
	dict    *dict.Dict
	loading bool
	// pending is set while the dictionary loads for an L pressed: the mode
	// opens when it arrives, and then takes the keys queued meanwhile.
	pending bool
	queued  []tea.KeyPressMsg

	active bool
	art    *model.Article
	// segs caches the segmentation of art's parts, by part.
	segs map[int][]dict.Token
	cur  spot
	// want is the column up and down aim for: where the cursor was put by
	// a move along the line.
	want int

	box     bool
	word    string
	entries []dict.Entry
}

// New returns the mode, off, with the dictionary load will load.
func New(c common.Common, load Loader) Model {
	return Model{Common: c, KeyMap: keys.DefaultLookup(), load: load}
}

// Active reports whether the cursor is on.
func (m Model) Active() bool { return m.active }

// BoxOpen reports whether the word's box is shown.
func (m Model) BoxOpen() bool { return m.active && m.box }

// Loading reports whether the dictionary is on its way.
func (m Model) Loading() bool { return m.loading }

// Pending reports whether L was pressed and the dictionary is still on its
// way: the mode opens when it comes.
func (m Model) Pending() bool { return m.pending }

// Cancel drops a pending start: the mode will not open when the dictionary
// comes.
func (m *Model) Cancel() { m.pending, m.queued = false, nil }

// maxQueued is how many keys typed while the dictionary loads are kept.
const maxQueued = 32

// Queue keeps a key typed while the dictionary loads, for the mode to take
// once it opens.
func (m *Model) Queue(k tea.KeyPressMsg) {
	if m.pending && len(m.queued) < maxQueued {
		m.queued = append(m.queued, k)
	}
}

// Article returns the article the cursor is on.
func (m Model) Article() *model.Article { return m.art }

// Start enters the mode on the page a shows. The first time it returns the
// command that loads the dictionary; the mode opens when LoadedMsg comes.
func (m *Model) Start(a *article.Model) tea.Cmd {
	if a.Article() == nil {
		return nil
	}
	if m.dict == nil {
		m.pending = true
		if m.loading {
			return nil
		}
		m.loading = true
		load := m.load
		return func() tea.Msg {
			d, err := load()
			return LoadedMsg{Dict: d, Err: err}
		}
	}
	m.open(a)
	return nil
}

// Loaded takes the dictionary in and opens the mode if it was asked for
// meanwhile; it returns the load's error.
func (m *Model) Loaded(msg LoadedMsg, a *article.Model) error {
	m.loading = false
	pending, queued := m.pending, m.queued
	m.pending, m.queued = false, nil
	if msg.Err != nil || msg.Dict == nil {
		return msg.Err
	}
	m.dict = msg.Dict
	if pending {
		m.open(a)
		for _, k := range queued {
			m.Update(k, a)
		}
	}
	return nil
}

// open segments the parts on the page shown and puts the cursor on its
// first word; with none there the mode stays off.
func (m *Model) open(a *article.Model) {
	m.art, m.segs, m.box = a.Article(), map[int][]dict.Token{}, false
	top := a.TopLine()
	// Every part on the page is segmented now, so that moving over the
	// page costs nothing more.
	for li := top; li < top+a.Height && li < a.LineCount(); li++ {
		m.tokens(a, a.Line(li).Block)
	}
	for li := top; li < top+a.Height && li < a.LineCount(); li++ {
		if ps := m.onLine(a, li); len(ps) > 0 {
			m.active = true
			m.moveTo(a, spot{part: a.Line(li).Block, tok: ps[0].tok, line: li}, true)
			return
		}
	}
	m.Close(a)
}

// Close leaves the mode and takes the cursor off the article.
func (m *Model) Close(a *article.Model) {
	m.active, m.box, m.entries, m.word = false, false, nil, ""
	a.SetMark(0, 0, 0)
}

// Update handles a key in the mode and reports whether it was the mode's.
// A key for another article than the one the cursor is on closes the mode
// and is not handled.
func (m *Model) Update(k tea.KeyPressMsg, a *article.Model) bool {
	if !m.active {
		return false
	}
	if a.Article() != m.art {
		m.Close(a)
		return false
	}
	km := m.KeyMap
	switch {
	case key.Matches(k, km.Close):
		if m.box {
			m.box = false
		} else {
			m.Close(a)
		}
	case key.Matches(k, km.Leave):
		m.Close(a)
	case key.Matches(k, km.Show):
		m.show(a)
	case key.Matches(k, km.Left):
		m.step(a, -1)
	case key.Matches(k, km.Right):
		m.step(a, 1)
	case key.Matches(k, km.Up):
		m.vertical(a, -1)
	case key.Matches(k, km.Down):
		m.vertical(a, 1)
	case key.Matches(k, km.PageDown):
		m.page(a, 1)
	case key.Matches(k, km.PageUp):
		m.page(a, -1)
	default:
		return false
	}
	return true
}

// Click puts the cursor on the word at cell (x, y) of the pane and shows
// it; it reports whether there was a word there.
func (m *Model) Click(a *article.Model, x, y int) bool {
	if !m.active || a.Article() != m.art || y < 0 || y >= a.Height {
		return false
	}
	li := a.TopLine() + y
	for _, p := range m.onLine(a, li) {
		if x >= p.x0 && x < p.x1 {
			m.moveTo(a, spot{part: a.Line(li).Block, tok: p.tok, line: li}, true)
			m.show(a)
			return true
		}
	}
	return false
}

// Follow keeps the cursor on the page after the article scrolled under
// it (the mouse wheel): a cursor that left the page goes to its first
// word.
func (m *Model) Follow(a *article.Model) {
	if !m.active {
		return
	}
	if a.Article() != m.art {
		m.Close(a)
		return
	}
	m.cur.line = m.lineOf(a, m.cur)
	if top := a.TopLine(); m.cur.line < top || m.cur.line >= top+a.Height {
		m.toPage(a, false)
	}
}

// Cursor returns the cursor's line, its first cell in the pane's row and
// the word under it; ok is false outside the mode.
func (m Model) Cursor(a *article.Model) (line, x int, word string, ok bool) {
	if !m.active || a.Article() != m.art {
		return 0, 0, "", false
	}
	line = m.lineOf(a, m.cur)
	for _, p := range m.onLine(a, line) {
		if p.tok == m.cur.tok && a.Line(line).Block == m.cur.part {
			x = p.x0
		}
	}
	return line, x, m.text(a, m.cur), true
}

// show opens the box for the word under the cursor.
func (m *Model) show(a *article.Model) {
	m.box = true
	m.word = m.text(a, m.cur)
	m.entries = m.dict.Lookup(m.word)
}

// text is the word at s.
func (m *Model) text(a *article.Model, s spot) string {
	toks := m.tokens(a, s.part)
	if s.tok < 0 || s.tok >= len(toks) {
		return ""
	}
	return a.PartText(s.part)[toks[s.tok].Start:toks[s.tok].End]
}

// tokens returns part's segmentation, made once.
func (m *Model) tokens(a *article.Model, part int) []dict.Token {
	if t, ok := m.segs[part]; ok {
		return t
	}
	if m.segs == nil {
		m.segs = map[int][]dict.Token{}
	}
	t := m.dict.Segment(a.PartText(part))
	m.segs[part] = t
	return t
}

// wordKind reports whether a token is something to look up.
func wordKind(k dict.Kind) bool { return k != dict.Other }

// onLine returns the words shown on line li, in order.
func (m *Model) onLine(a *article.Model, li int) []place {
	l := a.Line(li)
	if li < 0 || li >= a.LineCount() || l.Start == l.End {
		return nil
	}
	toks := m.tokens(a, l.Block)
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > l.Start })
	lead, text := a.LineLead(li)
	var out []place
	for ; i < len(toks) && toks[i].Start < l.End; i++ {
		tk := toks[i]
		if !wordKind(tk.Kind) {
			continue
		}
		from, to, ok := l.Span(tk.Start, tk.End)
		if !ok || to > len(text) {
			continue
		}
		x0 := lead + typeset.Width(text[:from])
		out = append(out, place{tok: i, x0: x0, x1: x0 + typeset.Width(text[from:to])})
	}
	return out
}

// lineOf returns the line s is on: s.line while it still shows the word
// (a resize sets the lines again), else the line its word starts on.
func (m *Model) lineOf(a *article.Model, s spot) int {
	for _, p := range m.onLine(a, s.line) {
		if p.tok == s.tok && a.Line(s.line).Block == s.part {
			return s.line
		}
	}
	toks := m.tokens(a, s.part)
	if s.tok < 0 || s.tok >= len(toks) {
		return s.line
	}
	return a.LineOf(s.part, toks[s.tok].Start)
}

// moveTo puts the cursor at s, scrolls the page to it and, when setWant,
// makes its column the one up and down aim for. An open box shows the new
// word.
func (m *Model) moveTo(a *article.Model, s spot, setWant bool) {
	m.cur = s
	toks := m.tokens(a, s.part)
	tk := toks[s.tok]
	a.SetMark(s.part, tk.Start, tk.End)
	m.scrollTo(a, s.line)
	if setWant {
		for _, p := range m.onLine(a, s.line) {
			if p.tok == s.tok {
				m.want = p.x0
				break
			}
		}
	}
	if m.box {
		m.show(a)
	}
}

// scrollTo turns the page until line li is on it.
func (m *Model) scrollTo(a *article.Model, li int) {
	h := max(a.Height, 1)
	for range a.LineCount()/h + 2 {
		top := a.TopLine()
		switch {
		case li >= top+h:
			a.ScrollBy(h)
		case li < top:
			a.ScrollBy(-h)
		default:
			return
		}
		if a.TopLine() == top {
			return
		}
	}
}

// step moves to the next (d 1) or previous (d -1) word, across parts.
func (m *Model) step(a *article.Model, d int) {
	part, i := m.cur.part, m.cur.tok+d
	for a.PartText(part) != "" {
		toks := m.tokens(a, part)
		for ; i >= 0 && i < len(toks); i += d {
			if wordKind(toks[i].Kind) {
				m.moveTo(a, spot{part: part, tok: i, line: a.LineOf(part, toks[i].Start)}, true)
				return
			}
		}
		part += d
		if d > 0 {
			i = 0
		} else {
			i = len(m.tokens(a, part)) - 1
		}
	}
}

// vertical moves to the word of the next line up (d -1) or down (d 1)
// nearest the column aimed for, skipping lines with no other word.
func (m *Model) vertical(a *article.Model, d int) {
	from := m.lineOf(a, m.cur)
	for li := from + d; li >= 0 && li < a.LineCount(); li += d {
		part := a.Line(li).Block
		best, bestDist := -1, 0
		for _, p := range m.onLine(a, li) {
			if part == m.cur.part && p.tok == m.cur.tok {
				continue // the same word broken across the lines
			}
			dist := 0
			switch {
			case m.want < p.x0:
				dist = p.x0 - m.want
			case m.want >= p.x1:
				dist = m.want - p.x1 + 1
			}
			if best < 0 || dist < bestDist {
				best, bestDist = p.tok, dist
			}
		}
		if best >= 0 {
			m.moveTo(a, spot{part: part, tok: best, line: li}, false)
			return
		}
	}
}

// page turns a page down (d 1) or up and puts the cursor on the new page's
// first word; on the last page, down goes to its last word.
func (m *Model) page(a *article.Model, d int) {
	top := a.TopLine()
	a.ScrollBy(d * max(a.Height, 1))
	m.toPage(a, d > 0 && a.TopLine() == top)
}

// toPage puts the cursor on the first (or, if last, the last) word of the
// page shown.
func (m *Model) toPage(a *article.Model, last bool) {
	top := a.TopLine()
	bottom := min(top+a.Height, a.LineCount()) - 1
	start, end, d := top, bottom+1, 1
	if last {
		start, end, d = bottom, top-1, -1
	}
	for li := start; li != end; li += d {
		if ps := m.onLine(a, li); len(ps) > 0 {
			p := ps[0]
			if last {
				p = ps[len(ps)-1]
			}
			m.moveTo(a, spot{part: a.Line(li).Block, tok: p.tok, line: li}, true)
			return
		}
	}
}

// ShortHelp implements help.KeyMap.
func (m Model) ShortHelp() []key.Binding {
	k := m.KeyMap
	return []key.Binding{k.Left, k.Right, k.Up, k.Down, k.Show, k.Close}
}

// FullHelp implements help.KeyMap: the mode's keys, each saying it is
// the mode's, since most mean something else outside it.
func (m Model) FullHelp() [][]key.Binding {
	var out []key.Binding
	for _, b := range m.KeyMap.Bindings() {
		h := b.Help()
		b.SetHelp(h.Key, m.Lang.T("desc when", m.Lang.T(h.Desc), m.Lang.T("in lookup")))
		out = append(out, b)
	}
	return [][]key.Binding{out}
}
