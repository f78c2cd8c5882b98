package article

import (
	"sort"
	"strings"

	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
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

// View draws the lines on screen: exactly Height rows of Width cells. The
// rows are written into one buffer, each run of text between the styles'
// escape sequences rendered once (styles.Span).
func (m Model) View() string {
	w, h := m.Width, m.Height
	if h <= 0 {
		return ""
	}
	margin := max((w-m.measure()-m.gutter())/2, 0)
	var sb strings.Builder
	// A row is at most w cells of three bytes (CJK) and a few sequences.
	sb.Grow(h * (3*max(w, 0) + 64))
	if m.lay != nil {
		m.lay.ensure(m.top + h - 1)
	}
	lines := m.lines()
	n := 0
	for i := m.top; i < len(lines) && n < h; i++ {
		if n > 0 {
			sb.WriteByte('\n')
		}
		m.writeLine(&sb, lines[i], margin, w)
		n++
	}
	for ; n < h; n++ {
		if n > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(common.Pad(w))
	}
	return sb.String()
}

// writeLine writes one line, with its search matches, in exactly w cells.
func (m Model) writeLine(sb *strings.Builder, l line, margin, w int) {
	if l.role == RoleGap || w <= 0 {
		sb.WriteString(common.Pad(w))
		return
	}
	lead, text := m.place(l, margin, w)
	tw := typeset.Width(text)
	st := roleSpan(m.Styles.ArticleSpans, l.role)
	sb.WriteString(common.Pad(lead))
	from := 0
	m.eachSpan(l, func(r styledSpan) {
		if r.from < from || r.to > len(text) {
			return
		}
		st.Write(sb, text[from:r.from])
		r.style.Write(sb, text[r.from:r.to])
		from = r.to
	})
	st.Write(sb, text[from:])
	sb.WriteString(common.Pad(w - lead - tw))
}

// styledSpan is a byte range of a line's Text drawn in its own style.
type styledSpan struct {
	from, to int
	style    styles.Span
}

// eachSpan calls f with the matches on l as byte ranges of its Text, in
// order, and the lookup mode's mark, which hides the matches it overlaps.
func (m Model) eachSpan(l line, f func(styledSpan)) {
	mk, ok := m.markSpan(l)
	if !ok {
		m.eachMatch(l, f)
		return
	}
	var spans []styledSpan
	m.eachMatch(l, func(s styledSpan) { spans = append(spans, s) })
	for _, s := range withMark(spans, mk) {
		f(s)
	}
}

// eachMatch calls f with the matches on l as byte ranges of its Text, in
// order. The matches are sorted, so finding those of one line is a binary
// search: the cost does not depend on the article's length.
func (m Model) eachMatch(l line, f func(styledSpan)) {
	if len(m.matches) == 0 || l.Start == l.End {
		return
	}
	i := sort.Search(len(m.matches), func(i int) bool {
		mt := m.matches[i]
		return mt.part > l.Block || (mt.part == l.Block && mt.end > l.Start)
	})
	for ; i < len(m.matches); i++ {
		mt := m.matches[i]
		if mt.part != l.Block || mt.start >= l.End {
			break
		}
		from, to, ok := l.Span(mt.start, mt.end)
		if !ok {
			continue
		}
		st := m.Styles.ArticleSpans.Match
		if i == m.current {
			st = m.Styles.ArticleSpans.CurrentMatch
		}
		f(styledSpan{from: from, to: to, style: st})
	}
}

// roleSpan is the span of st a line of role r is drawn in.
func roleSpan(st styles.ArticleSpans, r Role) styles.Span {
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
