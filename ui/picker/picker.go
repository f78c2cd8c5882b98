// Package picker is a box listing things to choose, one a row: the
// sections of the edition (s), the editions on the shelf (e) and the saved
// stories (').
package picker

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// Owner says which box a picker is; its messages carry it, so the root
// knows what was chosen.
type Owner int

// The pickers.
const (
	Sections Owner = iota
	Editions
	Bookmarks
)

// ChosenMsg says the reader picked row Index (from 0) of the Owner's box.
type ChosenMsg struct {
	Owner Owner
	Index int
}

// CloseMsg says the reader closed the Owner's box without choosing.
type CloseMsg struct{ Owner Owner }

// Model is a picker.
type Model struct {
	common.Common
	// KeyMap is the picker's keys.
	KeyMap keys.Picker
	owner  Owner
	labels []string
	widest int
	// empty is shown when there is nothing to choose.
	empty string
	sel   int
	top   int
}

var _ common.Pane = (*Model)(nil)

// New returns an empty picker for owner with keys km.
func New(c common.Common, owner Owner, km keys.Picker) Model {
	return Model{Common: c, KeyMap: km, owner: owner}
}

// NewSections returns the section picker over ed's sections, with their
// story counts; 1-9 choose a section at once.
func NewSections(c common.Common, ed *model.Edition) Model {
	m := New(c, Sections, keys.DefaultPicker())
	m.SetLabels(SectionLabels(c.Lang, ed, nil), "")
	return m
}

// SectionLabels are the section picker's rows: number, name and how many
// stories the section has, or with unread (by section, as the tabs count
// them) how many of them are unread, labelled so either way.
func SectionLabels(lang common.Lang, ed *model.Edition, unread []int) []string {
	labels := make([]string, len(ed.Sections))
	for i, s := range ed.Sections {
		count := lang.Stories(len(s.Articles))
		if i < len(unread) {
			count = lang.UnreadOf(unread[i], len(s.Articles))
		}
		labels[i] = strconv.Itoa(i+1) + "  " + s.Name + "  " + count
	}
	return labels
}

// SetLabels replaces the rows, keeping the selection's place; empty is
// what the box says when there are none.
func (m *Model) SetLabels(labels []string, empty string) {
	m.labels, m.empty = labels, empty
	m.widest = typeset.Width(empty)
	for _, l := range labels {
		m.widest = max(m.widest, typeset.Width(l))
	}
	m.sel = max(min(m.sel, len(labels)-1), 0)
	m.scroll()
}

// Len returns the number of rows.
func (m Model) Len() int { return len(m.labels) }

// Selected returns the selected row.
func (m Model) Selected() int { return m.sel }

// Open selects row i, such as the current section, as the picker opens.
func (m *Model) Open(i int) {
	m.sel = max(min(i, len(m.labels)-1), 0)
	m.top = 0
	m.scroll()
}

// Size returns the content size the picker would like: its widest row and
// one row per item.
func (m Model) Size() (w, h int) { return m.widest, max(len(m.labels), 1) }

// SetSize sets the content size.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.scroll()
}

func (m *Model) scroll() {
	m.top = common.ScrollTop(m.top, m.sel, max(m.Height, 1))
}

// Update moves the selection and chooses.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	page := max(m.Height-1, 1)
	owner := m.owner
	switch {
	case key.Matches(k, m.KeyMap.Close):
		return m, func() tea.Msg { return CloseMsg{Owner: owner} }
	case key.Matches(k, m.KeyMap.Choose):
		if len(m.labels) == 0 {
			return m, nil
		}
		i := m.sel
		return m, func() tea.Msg { return ChosenMsg{Owner: owner, Index: i} }
	case key.Matches(k, m.KeyMap.Up):
		m.sel--
	case key.Matches(k, m.KeyMap.Down):
		m.sel++
	case key.Matches(k, m.KeyMap.PageUp):
		m.sel -= page
	case key.Matches(k, m.KeyMap.PageDown):
		m.sel += page
	case key.Matches(k, m.KeyMap.Top):
		m.sel = 0
	case key.Matches(k, m.KeyMap.Bottom):
		m.sel = len(m.labels) - 1
	case key.Matches(k, m.KeyMap.Jump):
		// The binding matched one of "1".."9".
		if i := int(k.String()[0] - '1'); i < len(m.labels) {
			return m, func() tea.Msg { return ChosenMsg{Owner: owner, Index: i} }
		}
	}
	m.sel = max(min(m.sel, len(m.labels)-1), 0)
	m.scroll()
	return m, nil
}

// View draws the rows: exactly Height rows of Width cells.
func (m Model) View() string {
	rows := make([]string, 0, m.Height)
	if len(m.labels) == 0 && m.Height > 0 {
		rows = append(rows, m.Styles.Overlay.Item.Render(common.Fit(m.empty, m.Width)))
	}
	for i := m.top; i < len(m.labels) && len(rows) < m.Height; i++ {
		st := m.Styles.Overlay.Item
		if i == m.sel {
			st = m.Styles.Overlay.Selected
		}
		rows = append(rows, st.Render(common.Fit(m.labels[i], m.Width)))
	}
	for len(rows) < m.Height {
		rows = append(rows, common.Pad(m.Width))
	}
	return strings.Join(rows, "\n")
}

// ShortHelp implements help.KeyMap.
func (m Model) ShortHelp() []key.Binding {
	return []key.Binding{m.KeyMap.Down, m.KeyMap.Up, m.KeyMap.Choose, m.KeyMap.Close}
}

// FullHelp implements help.KeyMap.
func (m Model) FullHelp() [][]key.Binding {
	k := m.KeyMap
	return [][]key.Binding{{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom, k.Choose, k.Close}}
}
