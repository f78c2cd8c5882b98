// Package picker is the section picker: a box listing the edition's
// sections with their story counts, opened with s.
package picker

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// ChosenMsg says the reader picked section Index (0-based).
type ChosenMsg struct{ Index int }

// CloseMsg says the reader closed the picker without choosing.
type CloseMsg struct{}

// Model is the section picker.
type Model struct {
	common.Common
	// KeyMap is the picker's keys.
	KeyMap keys.Picker
	labels []string
	sel    int
	top    int
}

var _ common.Pane = (*Model)(nil)

// New returns a picker over ed's sections.
func New(c common.Common, ed *model.Edition) Model {
	m := Model{Common: c, KeyMap: keys.DefaultPicker()}
	for i, s := range ed.Sections {
		m.labels = append(m.labels, strconv.Itoa(i+1)+"  "+s.Name+"  ("+strconv.Itoa(len(s.Articles))+")")
	}
	return m
}

// Open selects section i, the current one, as the picker opens.
func (m *Model) Open(i int) {
	m.sel = max(min(i, len(m.labels)-1), 0)
	m.scroll()
}

// Size returns the content size the picker would like: its widest label and
// one row per section.
func (m Model) Size() (w, h int) {
	for _, l := range m.labels {
		w = max(w, common.Width(l))
	}
	return w, len(m.labels)
}

// SetSize sets the content size.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.scroll()
}

func (m *Model) scroll() {
	h := max(m.Height, 1)
	m.top = max(min(m.top, m.sel), m.sel-h+1, 0)
}

// Update moves the selection and chooses.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, m.KeyMap.Close):
		return m, func() tea.Msg { return CloseMsg{} }
	case key.Matches(k, m.KeyMap.Choose):
		i := m.sel
		return m, func() tea.Msg { return ChosenMsg{Index: i} }
	case key.Matches(k, m.KeyMap.Up):
		m.sel = max(m.sel-1, 0)
	case key.Matches(k, m.KeyMap.Down):
		m.sel = min(m.sel+1, len(m.labels)-1)
	case len(k.Text) == 1 && k.Text[0] >= '1' && k.Text[0] <= '9':
		if i := int(k.Text[0] - '1'); i < len(m.labels) {
			return m, func() tea.Msg { return ChosenMsg{Index: i} }
		}
	}
	m.scroll()
	return m, nil
}

// View draws the sections: exactly Height rows of Width cells.
func (m Model) View() string {
	rows := make([]string, 0, m.Height)
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
func (m Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }
