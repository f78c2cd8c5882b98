package article

import (
	"sort"
	"strings"

	"charm.land/lipgloss/v2"

	"dubao/typeset"
	"dubao/ui/common"
)

// SetQuery highlights the occurrences of q; an empty q clears them.
func (m *Model) SetQuery(q string) {
	if q == m.query {
		return
	}
	m.query = q
	m.findMatches()
}

// Matches returns the number of matches of the query in the article.
func (m Model) Matches() int { return len(m.matches) }

// CurrentMatch returns the index of the match n/N went to, or -1.
func (m Model) CurrentMatch() int { return m.current }

func (m *Model) findMatches() {
	m.matches, m.current = nil, -1 // not [:0]: a copy of the model may hold them
	for i, p := range m.parts {
		if !p.Searchable {
			continue
		}
		// Search finds the stored text; the shown text may be converted.
		shown := m.shown[i]
		for _, sp := range Find(p.Text, m.query) {
			m.matches = append(m.matches, match{part: i, start: shown.ToShown(sp.Start, false), end: shown.ToShown(sp.End, true)})
		}
	}
}

// ShowMatch makes match i (in the order Parts gives) the current one and
// turns to the page it is on.
func (m *Model) ShowMatch(i int) {
	if i < 0 || i >= len(m.matches) {
		m.current = -1
		return
	}
	m.current = i
	mt := m.matches[i]
	li := m.lineAt(Pos{Part: mt.part, Offset: mt.start})
	if li >= m.top && li < m.top+m.Height {
		return
	}
	h := max(m.Height, 1)
	m.scrollTo(li / h * h)
}

// View draws the lines on screen: exactly Height rows of Width cells.
func (m Model) View() string {
	w, h := m.Width, m.Height
	if h <= 0 {
		return ""
	}
	margin := max((w-m.measure()-m.gutter())/2, 0)
	rows := make([]string, 0, h)
	if m.lay != nil {
		m.lay.ensure(m.top + h - 1)
	}
	lines := m.lines()
	for i := m.top; i < len(lines) && len(rows) < h; i++ {
		rows = append(rows, m.renderLine(lines[i], margin, w))
	}
	for len(rows) < h {
		rows = append(rows, common.Pad(w))
	}
	return strings.Join(rows, "\n")
}

// renderLine styles one line, with its search matches, in exactly w cells.
func (m Model) renderLine(l line, margin, w int) string {
	if l.role == RoleGap || w <= 0 {
		return common.Pad(w)
	}
	lead, text := m.place(l, margin, w)
	tw := typeset.Width(text)
	st := m.roleStyle(l.role)
	var sb strings.Builder
	sb.WriteString(common.Pad(lead))
	from := 0
	for _, r := range m.spans(l) {
		if r.from < from || r.to > len(text) {
			continue
		}
		sb.WriteString(st.Render(text[from:r.from]))
		sb.WriteString(r.style.Render(text[r.from:r.to]))
		from = r.to
	}
	sb.WriteString(st.Render(text[from:]))
	sb.WriteString(common.Pad(w - lead - tw))
	return sb.String()
}

// styledSpan is a byte range of a line's Text drawn in its own style.
type styledSpan struct {
	from, to int
	style    lipgloss.Style
}

// spans returns the matches on l as byte ranges of its Text, in order. The
// matches are sorted, so finding those of one line is a binary search: the
// cost does not depend on the article's length.
func (m Model) spans(l line) []styledSpan {
	out := m.matchSpans(l)
	if mk, ok := m.markSpan(l); ok {
		out = withMark(out, mk)
	}
	return out
}

func (m Model) matchSpans(l line) []styledSpan {
	if len(m.matches) == 0 || l.Start == l.End {
		return nil
	}
	i := sort.Search(len(m.matches), func(i int) bool {
		mt := m.matches[i]
		return mt.part > l.Block || (mt.part == l.Block && mt.end > l.Start)
	})
	var out []styledSpan
	for ; i < len(m.matches); i++ {
		mt := m.matches[i]
		if mt.part != l.Block || mt.start >= l.End {
			break
		}
		from, to, ok := l.Span(mt.start, mt.end)
		if !ok {
			continue
		}
		st := m.Styles.Article.Match
		if i == m.current {
			st = m.Styles.Article.CurrentMatch
		}
		out = append(out, styledSpan{from: from, to: to, style: st})
	}
	return out
}

func (m Model) roleStyle(r Role) lipgloss.Style {
	st := m.Styles.Article
	switch r {
	case RoleKicker:
		return st.Kicker
	case RoleHeadline:
		return st.Headline
	case RoleSubheadline:
		return st.Subheadline
	case RoleColumn:
		return st.Column
	case RoleByline:
		return st.Byline
	case RoleURL:
		return st.URL
	case RoleIntertitle:
		return st.Intertitle
	case RoleCaption:
		return st.Caption
	case RoleCredit:
		return st.Credit
	}
	return st.Paragraph
}

// MatchAt returns the index of the first match at or after byte offset of
// body block block (for block -1, the first in the headline stack), to show
// a library search hit; -1 when there is none there.
func (m Model) MatchAt(block, offset int) int {
	for i, mt := range m.matches {
		p := m.parts[mt.part]
		if p.Block == block && (block < 0 || mt.end > m.shown[mt.part].ToShown(offset, false)) {
			return i
		}
	}
	return -1
}
