// Package tabs is the header row: the edition's title and the numbered
// section tabs, the current one highlighted. Tabs that do not fit scroll to
// keep the current one in view; they never wrap.
package tabs

import (
	"strconv"
	"strings"

	"dubao/typeset"
	"dubao/ui/common"
)

// Scroll indicators, ASCII so that they are one cell wide in every terminal.
const (
	moreLeft  = "< "
	moreRight = " >"
)

// gap separates the title from the tabs and the tabs from each other.
const gap = "  "

// maxTitleShare is the most of the row the title may take (1/3), so the tabs
// keep room on a narrow terminal.
const maxTitleShare = 3

// Model is the header row.
type Model struct {
	common.Common
	title  string
	names  []string
	counts []int
	active int
}

// New returns a header for an edition's title and section names.
func New(c common.Common, title string, names []string) Model {
	return Model{Common: c, title: title, names: names}
}

// SetNames replaces the title and the section names, as the text is shown
// in another script.
func (m *Model) SetNames(title string, names []string) { m.title, m.names = title, names }

// SetActive highlights section i.
func (m *Model) SetActive(i int) { m.active = i }

// SetCounts sets the unread count shown on each tab, by section; nil shows
// none, and a section with none unread shows no count.
func (m *Model) SetCounts(counts []int) { m.counts = counts }

// tab is one tab as placed on the row: its section and where it is drawn.
type tab struct {
	index, x int
	label    string // number, space, name, count; cut to fit
	count    string // the count as it ends an uncut label, such as " (3)"
}

// count is the unread count of section i as its tab shows it.
func (m Model) count(i int) string {
	if i < len(m.counts) && m.counts[i] > 0 {
		return " (" + strconv.Itoa(m.counts[i]) + ")"
	}
	return ""
}

// place lays the row out: the title cell width, the tabs on screen and
// whether tabs are hidden to either side. View and TabAt both use it, so a
// click lands on what was drawn.
func (m Model) place() (title string, tabs []tab, left, right bool) {
	w := m.Width
	title = common.Cut(m.title, w/maxTitleShare)
	x := typeset.Width(title)
	if x > 0 {
		x += typeset.Width(gap)
	}
	avail := w - x
	labels := make([]string, len(m.names))
	widths := make([]int, len(m.names))
	for i, n := range m.names {
		labels[i] = common.Cut(strconv.Itoa(i+1)+" "+n+m.count(i), max(avail-typeset.Width(moreLeft+moreRight), 1))
		widths[i] = typeset.Width(labels[i])
	}
	// The first tab on screen is the earliest that still lets the active
	// one fit, counting the indicators it needs.
	first := 0
	for ; first < m.active; first++ {
		need := 0
		if first > 0 {
			need += typeset.Width(moreLeft)
		}
		for i := first; i <= m.active; i++ {
			need += widths[i] + typeset.Width(gap)
		}
		if m.active < len(m.names)-1 {
			need += typeset.Width(moreRight)
		}
		if need <= avail {
			break
		}
	}
	left = first > 0
	if left {
		x += typeset.Width(moreLeft)
	}
	end := w
	for i := first; i < len(m.names); i++ {
		room := end - x
		if i < len(m.names)-1 {
			room -= typeset.Width(moreRight)
		}
		if widths[i] > room {
			right = true
			break
		}
		tabs = append(tabs, tab{index: i, x: x, label: labels[i], count: m.count(i)})
		x += widths[i] + typeset.Width(gap)
	}
	return title, tabs, left, right
}

// TabAt returns the section whose tab is drawn at column x.
func (m Model) TabAt(x int) (int, bool) {
	_, tabs, _, _ := m.place()
	for _, t := range tabs {
		if x >= t.x && x < t.x+typeset.Width(t.label) {
			return t.index, true
		}
	}
	return 0, false
}

// View draws the row, exactly Width cells.
func (m Model) View() string {
	w := m.Width
	if w <= 0 {
		return ""
	}
	st := m.Styles.Header
	title, tabs, left, right := m.place()
	var sb strings.Builder
	col := 0
	put := func(s string, style func(...string) string, at int) {
		if at > col {
			sb.WriteString(common.Pad(at - col))
			col = at
		}
		sb.WriteString(style(s))
		col += typeset.Width(s)
	}
	if title != "" {
		put(title, st.Title.Render, 0)
	}
	if left && len(tabs) > 0 {
		put(moreLeft, st.More.Render, tabs[0].x-typeset.Width(moreLeft))
	}
	for _, t := range tabs {
		num, name, _ := strings.Cut(t.label, " ")
		ns, ts := st.Number, st.Tab
		if t.index == m.active {
			ns, ts = st.ActiveNumber, st.ActiveTab
		}
		put(num, ns.Render, t.x)
		count := ""
		if t.count != "" && strings.HasSuffix(name, t.count) {
			name, count = strings.TrimSuffix(name, t.count), t.count
		}
		if name != "" {
			put(" ", st.Tab.Render, col)
			put(name, ts.Render, col)
		}
		if count != "" {
			put(count, st.Count.Render, col)
		}
	}
	if right {
		put(moreRight, st.More.Render, w-typeset.Width(moreRight))
	}
	return common.FitStyled(sb.String(), w)
}
