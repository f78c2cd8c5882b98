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
		for _, sp := range Find(p.Text, m.query) {
			m.matches = append(m.matches, match{part: i, start: sp.Start, end: sp.End})
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
	li := m.lineOf(Pos{Part: mt.part, Offset: mt.start})
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
	margin := max((w-m.measure())/2, 0)
	var sb strings.Builder
	// A row is at most w cells of three bytes (CJK) and a few sequences.
	sb.Grow(h * (3*max(w, 0) + 64))
	n := 0
	for i := m.top; i < len(m.lines) && n < h; i++ {
		if n > 0 {
			sb.WriteByte('\n')
		}
		m.writeLine(&sb, m.lines[i], margin, w)
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
	text := l.Text
	lead := margin + l.indent
	tw := typeset.Width(text)
	if lead+tw > w {
		lead = max(w-tw, 0)
		if tw > w {
			text = common.Cut(text, w)
			tw = typeset.Width(text)
		}
	}
	st := m.roleSpan(l.role)
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
// order. The matches are sorted, so finding those of one line is a binary
// search: the cost does not depend on the article's length.
func (m Model) eachSpan(l line, f func(styledSpan)) {
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

func (m Model) roleSpan(r Role) styles.Span {
	st := m.Styles.ArticleSpans
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
		if p.Block == block && (block < 0 || mt.end > offset) {
			return i
		}
	}
	return -1
}
