// Package article is the article pane: the headline stack and the body of one
// story, typeset for the pane's width and shown a page at a time.
//
// The pane typesets once per article, width and display options, and only
// as far as has been shown (layout.go); drawing a frame only styles the
// lines on screen, so its cost does not grow with the article's length.
package article

import (
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/script"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// MaxMeasure is the widest line of text the pane sets, in cells: 42 Chinese
// characters, about the longest line that still reads comfortably. A wider
// pane centres the text column.
const MaxMeasure = 84

// captionIndent is how far captions are set in from both sides, so that the
// photo's caption stands apart from the running text.
const captionIndent = 2

// KeyMap are the article pane's keys.
type KeyMap struct {
	keys.Nav
	// Continue is the page-down key that, on the last page, goes on to the
	// next story.
	Continue key.Binding
}

// DefaultKeyMap returns the pane's default keys.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Nav:      keys.ArticleNav(),
		Continue: key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "on the last page: next story")),
	}
}

// EndMsg says the reader paged past the end of Article.
type EndMsg struct{ Article *model.Article }

// Pos is a reading position: a part and a byte offset in its text as
// stored. It survives a change of width, display options or script.
type Pos struct{ Part, Offset int }

// line is one row of the article: a typeset line and how to draw it.
type line struct {
	typeset.Line
	role Role
	// indent is blank cells drawn before Text.
	indent int
}

// match is one search match: a part and a byte range of its text as
// shown.
type match struct{ part, start, end int }

// layoutKey is what the typeset lines depend on.
type layoutKey struct {
	art     *model.Article
	measure int
	opt     typeset.Options
	// method is how typeset measured; a terminal's late answer about
	// mode 2027 changes it.
	method typeset.Method
	script script.Script
}

// Model is the article pane.
type Model struct {
	common.Common
	// KeyMap is the pane's keys.
	KeyMap KeyMap

	art   *model.Article
	parts []Part
	opt   typeset.Options

	// maxMeasure is the widest line set, MaxMeasure unless configured.
	maxMeasure int

	// script is the script the text is shown in, conv what converts it;
	// shown holds each part's text as shown, with its map to the stored
	// text's offsets, which positions and search use.
	script script.Script
	conv   *script.Cache
	shown  []script.Text

	laid layoutKey
	lay  *layout // nil with no article or no room
	top  int     // first line on screen
	pos  Pos     // reading position of lines[top]

	query   string
	matches []match
	current int // index into matches of the match n/N went to, or -1

	mark mark // the lookup cursor
}

var _ common.Pane = (*Model)(nil)

// New returns an empty article pane.
func New(c common.Common) Model {
	return Model{Common: c, KeyMap: DefaultKeyMap(), current: -1}
}

// Article returns the article shown, or nil.
func (m Model) Article() *model.Article { return m.art }

// SetArticle shows a from its start.
func (m *Model) SetArticle(a *model.Article) {
	if a == m.art {
		return
	}
	m.art = a
	m.parts = nil
	if a != nil {
		m.parts = Parts(a)
	}
	m.top, m.pos = 0, Pos{}
	m.convert()
	m.findMatches()
	m.relayout()
	m.KeyMap.setEnabled(a != nil)
}

// setEnabled switches every key on or off: with no story they do nothing,
// and the help must not list them.
func (k *KeyMap) setEnabled(on bool) {
	for _, b := range []*key.Binding{&k.Up, &k.Down, &k.PageDown, &k.PageUp, &k.HalfPageDown, &k.HalfPageUp,
		&k.Top, &k.Bottom, &k.Continue} {
		b.SetEnabled(on)
	}
}

// SetSize sets the content size; the reading position is kept.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.relayout()
}

// Options returns the typesetting options in use.
func (m Model) Options() typeset.Options { return m.opt }

// SetOptions changes the display options; the reading position is kept.
func (m *Model) SetOptions(opt typeset.Options) {
	m.opt = opt
	m.relayout()
}

// SetMaxMeasure sets the widest line the pane sets, in cells; 0 or less
// is MaxMeasure.
func (m *Model) SetMaxMeasure(n int) {
	m.maxMeasure = n
	m.relayout()
}

// measure is the width the text is set to: the pane's width, less the
// gutter a hanging mark takes, up to the widest line.
func (m Model) measure() int {
	most := m.maxMeasure
	if most <= 0 {
		most = MaxMeasure
	}
	return min(m.Width-m.gutter(), most)
}

// gutter is the room kept right of the measure for a hanging mark.
func (m Model) gutter() int {
	if m.opt.Hanging && m.Width > typeset.HangingGutter+2 {
		return typeset.HangingGutter
	}
	return 0
}

// Script returns the script the text is shown in.
func (m Model) Script() script.Script { return m.script }

// SetScript shows the text in the script s, converted through conv (which
// keeps each conversion); the reading position and the search matches are
// kept.
func (m *Model) SetScript(s script.Script, conv *script.Cache) {
	m.script, m.conv = s, conv
	m.convert()
	current := m.current
	m.findMatches() // the same matches, where the shown text has them
	if current < len(m.matches) {
		m.current = current
	}
	m.relayout()
}

// convert sets shown from the parts. The URL stays as it is.
func (m *Model) convert() {
	m.shown = make([]script.Text, len(m.parts))
	for i, p := range m.parts {
		if m.conv == nil || m.script == script.Original || p.Role == RoleURL {
			m.shown[i] = script.Same(p.Text)
		} else {
			m.shown[i] = m.conv.Text(m.art, m.script, p.Text)
		}
	}
}

// relayout typesets the article when what the lines depend on changed, and
// puts the reading position back on screen.
func (m *Model) relayout() {
	k := layoutKey{art: m.art, measure: m.measure(), opt: m.opt, method: typeset.CurrentMethod(), script: m.script}
	if m.art == nil || k.measure <= 0 {
		m.lay, m.laid, m.top = nil, layoutKey{}, 0
		return
	}
	if k != m.laid {
		m.lay = newLayout(m.parts, m.shown, k.measure, m.opt)
		m.laid = k
	}
	m.scrollTo(m.lineOf(m.pos))
}

// lines returns the lines set so far.
func (m Model) lines() []line {
	if m.lay == nil {
		return nil
	}
	return m.lay.lines
}

// total returns the number of lines, estimated until the article is all
// set (layout.total).
func (m Model) total() int {
	if m.lay == nil {
		return 0
	}
	return m.lay.total()
}

// Exact reports whether the article is all set, so that Pages and Percent
// are exact rather than estimated.
func (m Model) Exact() bool { return m.lay == nil || m.lay.done }

// lineOf returns the index of the line showing pos, setting the article
// that far.
func (m Model) lineOf(p Pos) int {
	if p.Part < len(m.shown) {
		p.Offset = m.shown[p.Part].ToShown(p.Offset, false)
	}
	return m.lineAt(p)
}

// lineAt returns the index of the line showing byte offset p.Offset of the
// part's text as shown.
func (m Model) lineAt(p Pos) int {
	if m.lay == nil {
		return 0
	}
	m.lay.until(p)
	lines := m.lay.lines
	i := sort.Search(len(lines), func(i int) bool {
		l := lines[i]
		return l.Block > p.Part || (l.Block == p.Part && l.End > p.Offset)
	})
	return min(i, max(len(lines)-1, 0))
}

// Pages returns the page shown and the number of pages; a page is the
// pane's height. After scrolling by lines (or a resize) the top line may sit
// between page starts: the page shown is then the nearest. Until the
// article is all set (Exact) the number of pages is an estimate.
func (m Model) Pages() (page, pages int) {
	h := max(m.Height, 1)
	pages = max((m.total()+h-1)/h, 1)
	return min((m.top+h/2)/h+1, pages), pages
}

// Percent returns how much of the article has been on screen, 0–100. It
// is 100 only once the end has been.
func (m Model) Percent() int {
	total := m.total()
	if total == 0 {
		return 100
	}
	p := min((m.top+m.Height)*100/total, 100)
	if !m.Exact() {
		p = min(p, 99)
	}
	return p
}

// Footer is the page label the frame shows under the pane; ≈ marks an
// estimated number of pages.
func (m Model) Footer() string {
	if m.art == nil {
		return ""
	}
	if !m.Exact() {
		return m.Lang.PageAbout(m.Pages())
	}
	return m.Lang.Page(m.Pages())
}

// Position returns the reading position: where the top line on screen
// starts.
func (m Model) Position() Pos { return m.pos }

// Line returns line i of the typeset article, or a zero Line when there is
// none. Its offsets are in the text as shown.
func (m Model) Line(i int) typeset.Line {
	if m.lay != nil && i >= 0 {
		m.lay.ensure(i)
	}
	lines := m.lines()
	if i < 0 || i >= len(lines) {
		return typeset.Line{}
	}
	return lines[i].Line
}

// TopLine returns the index of the first line on screen.
func (m Model) TopLine() int { return m.top }

// maxTop is the last top line: the first line of the last page. Until the
// article is all set it is the last top line whose page is set, past the
// top line on screen.
func (m Model) maxTop() int {
	h := max(m.Height, 1)
	if !m.Exact() {
		return max(len(m.lines())-h, 0)
	}
	_, pages := m.Pages()
	return (pages - 1) * h
}

// scrollTo puts line i at the top, clamped, and records the position. It
// sets the article as far as the line after that page, so that the page
// is whole and the end, if it is on it, is known.
func (m *Model) scrollTo(i int) {
	if m.lay != nil {
		m.lay.ensure(max(i, 0) + max(m.Height, 1))
	}
	m.top = max(min(i, m.maxTop()), 0)
	m.pos = Pos{}
	if lines := m.lines(); m.top < len(lines) {
		l := lines[m.top]
		m.pos = Pos{Part: l.Block, Offset: l.Start}
		if l.Block < len(m.shown) {
			m.pos.Offset = m.shown[l.Block].ToOriginal(l.Start)
		}
	}
}

// ScrollBy scrolls by n lines (the mouse wheel).
func (m *Model) ScrollBy(n int) { m.scrollTo(m.top + n) }

// Update scrolls and pages. Paging on with space from the last page returns
// EndMsg.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || m.art == nil {
		return m, nil
	}
	h := max(m.Height, 1)
	switch {
	case key.Matches(k, m.KeyMap.Up):
		m.ScrollBy(-1)
	case key.Matches(k, m.KeyMap.Down):
		m.ScrollBy(1)
	case m.top >= m.maxTop() && key.Matches(k, m.KeyMap.Continue):
		// Continue's own test, not PageDown's: rebound apart, each still
		// does what the help says.
		msg := EndMsg{Article: m.art}
		return m, func() tea.Msg { return msg }
	case key.Matches(k, m.KeyMap.PageDown):
		m.ScrollBy(h)
	case key.Matches(k, m.KeyMap.PageUp):
		m.ScrollBy(-h)
	case key.Matches(k, m.KeyMap.HalfPageDown):
		m.ScrollBy(max(h/2, 1))
	case key.Matches(k, m.KeyMap.HalfPageUp):
		m.ScrollBy(-max(h/2, 1))
	case key.Matches(k, m.KeyMap.Top):
		m.scrollTo(0)
	case key.Matches(k, m.KeyMap.Bottom):
		if m.lay != nil {
			m.lay.all()
		}
		m.scrollTo(m.maxTop())
	}
	return m, nil
}

// ShortHelp implements help.KeyMap.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.KeyMap.PageDown, m.KeyMap.PageUp, m.KeyMap.Down, m.KeyMap.Up}
}

// FullHelp implements help.KeyMap.
func (m Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(m.KeyMap.Nav.Bindings(), m.KeyMap.Continue)}
}

// BodyPosition returns the reading position as the library saves it: the
// index in the article's Body of the block at the top of the pane and the
// byte offset in its text, or -1 and 0 in the headline stack.
func (m Model) BodyPosition() (block, offset int) {
	if m.pos.Part >= len(m.parts) || m.parts[m.pos.Part].Block < 0 {
		return -1, 0
	}
	return m.parts[m.pos.Part].Block, m.pos.Offset
}

// ShowBodyPosition turns to a position BodyPosition returned: the line
// holding byte offset of body block block goes to the top, as near as the
// last page allows. Block -1 is the article's start.
func (m *Model) ShowBodyPosition(block, offset int) {
	m.pos = Pos{}
	if block >= 0 {
		for i, p := range m.parts {
			if p.Block >= block {
				m.pos = Pos{Part: i}
				if p.Block == block {
					m.pos.Offset = min(max(offset, 0), len(p.Text))
				}
				break
			}
		}
	}
	m.relayout()
}
