// Package article is the article pane: the headline stack and the body of one
// story, typeset for the pane's width and shown a page at a time.
//
// The pane typesets once per article, width and display options; drawing a
// frame only styles the lines on screen, so its cost does not grow with the
// article's length.
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
	script  script.Script
}

// Model is the article pane.
type Model struct {
	common.Common
	// KeyMap is the pane's keys.
	KeyMap KeyMap

	art   *model.Article
	parts []Part
	opt   typeset.Options

	// script is the script the text is shown in, conv what converts it;
	// shown holds each part's text as shown, with its map to the stored
	// text's offsets, which positions and search use.
	script script.Script
	conv   *script.Cache
	shown  []script.Text

	laid  layoutKey
	lines []line
	top   int // first line on screen
	pos   Pos // reading position of lines[top]

	query   string
	matches []match
	current int // index into matches of the match n/N went to, or -1
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

// measure is the width the text is set to.
func (m Model) measure() int { return min(m.Width, MaxMeasure) }

// relayout typesets the article when what the lines depend on changed, and
// puts the reading position back on screen.
func (m *Model) relayout() {
	k := layoutKey{art: m.art, measure: m.measure(), opt: m.opt, script: m.script}
	if m.art == nil || k.measure <= 0 {
		m.lines, m.laid, m.top = nil, layoutKey{}, 0
		return
	}
	if k != m.laid {
		m.lines = setLines(m.parts, m.shown, k.measure, m.opt)
		m.laid = k
	}
	m.scrollTo(m.lineOf(m.pos))
}

// setLines typesets parts, whose text is shown, at measure.
func setLines(parts []Part, shown []script.Text, measure int, opt typeset.Options) []line {
	var out []line
	header := opt
	header.NoIndent = true
	for i, p := range parts {
		// A blank line sets the body apart from the headline stack, the
		// byline and the URL under it, and its blocks from each other.
		if i > 0 && p.Role != RoleURL && (p.Role >= RoleParagraph || parts[i-1].Role >= RoleByline) {
			out = append(out, line{Line: typeset.Line{Block: i}, role: RoleGap})
		}
		text := shown[i].Shown
		if p.Role == RoleURL {
			out = append(out, urlLine(text, i, measure))
			continue
		}
		o, w, indent := opt, measure, 0
		switch p.Role {
		case RoleParagraph:
		case RoleCaption:
			w, indent = max(measure-2*captionIndent, 2), captionIndent
			o.NoIndent = true
		default:
			o = header
		}
		bt := model.Paragraph
		switch p.Role {
		case RoleIntertitle:
			bt = model.Intertitle
		case RoleCaption:
			bt = model.Caption
		}
		o.Width = w
		for _, l := range typeset.Text(text, i, bt, o) {
			if p.Role == RoleCredit {
				indent = max(measure-l.Width, 0)
			}
			out = append(out, line{Line: l, role: p.Role, indent: indent})
		}
	}
	return out
}

// urlLine sets a URL on one line, cut to measure: broken across lines
// it could not be copied from the screen, and its start is what names the
// site.
func urlLine(url string, part, measure int) line {
	text := common.Cut(url, measure)
	return line{Line: typeset.Line{Text: text, Width: typeset.Width(text), Block: part, End: len(url)}, role: RoleURL}
}

// lineOf returns the index of the line showing pos.
func (m Model) lineOf(p Pos) int {
	if p.Part < len(m.shown) {
		p.Offset = m.shown[p.Part].ToShown(p.Offset, false)
	}
	return m.lineAt(p)
}

// lineAt returns the index of the line showing byte offset p.Offset of the
// part's text as shown.
func (m Model) lineAt(p Pos) int {
	i := sort.Search(len(m.lines), func(i int) bool {
		l := m.lines[i]
		return l.Block > p.Part || (l.Block == p.Part && l.End > p.Offset)
	})
	return min(i, max(len(m.lines)-1, 0))
}

// Pages returns the page shown and the number of pages; a page is the
// pane's height. After scrolling by lines (or a resize) the top line may sit
// between page starts: the page shown is then the nearest.
func (m Model) Pages() (page, pages int) {
	h := max(m.Height, 1)
	pages = max((len(m.lines)+h-1)/h, 1)
	return min((m.top+h/2)/h+1, pages), pages
}

// Percent returns how much of the article has been on screen, 0–100.
func (m Model) Percent() int {
	if len(m.lines) == 0 {
		return 100
	}
	return min((m.top+m.Height)*100/len(m.lines), 100)
}

// Footer is the page label the frame shows under the pane.
func (m Model) Footer() string {
	if m.art == nil {
		return ""
	}
	return m.Lang.Page(m.Pages())
}

// Position returns the reading position: where the top line on screen
// starts.
func (m Model) Position() Pos { return m.pos }

// Line returns line i of the typeset article, or a zero Line when there is
// none. Its offsets are in the text as shown.
func (m Model) Line(i int) typeset.Line {
	if i < 0 || i >= len(m.lines) {
		return typeset.Line{}
	}
	return m.lines[i].Line
}

// TopLine returns the index of the first line on screen.
func (m Model) TopLine() int { return m.top }

// maxTop is the last top line: the first line of the last page.
func (m Model) maxTop() int {
	_, pages := m.Pages()
	return (pages - 1) * max(m.Height, 1)
}

// scrollTo puts line i at the top, clamped, and records the position.
func (m *Model) scrollTo(i int) {
	m.top = max(min(i, m.maxTop()), 0)
	m.pos = Pos{}
	if m.top < len(m.lines) {
		l := m.lines[m.top]
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
	case key.Matches(k, m.KeyMap.PageDown):
		if m.top >= m.maxTop() && key.Matches(k, m.KeyMap.Continue) {
			msg := EndMsg{Article: m.art}
			return m, func() tea.Msg { return msg }
		}
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
