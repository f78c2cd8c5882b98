// Package search is the search pane: a query typed after /, matched as a
// substring (CJK included) against the headlines and bodies of the whole
// edition, and the stories it was found in, listed with a snippet.
package search

import (
	"context"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"dubao/model"
	"dubao/script"
	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/keys"
	"dubao/ui/styles"
)

// itemHeight is the rows a result takes: headline, snippet line and a blank
// separator.
const itemHeight = 3

// headerRows are the input row and the count row above the results.
const headerRows = 2

// snippetContext is how many characters of context the snippet shows before
// a match: enough to read it in, few enough that the match itself is still
// on a narrow list's row.
const snippetContext = 4

// Hit is one match: the story it is in and its index among the story's
// matches, in the order article.Parts lists the story's text.
type Hit struct {
	Section, Article, Match int
}

// Result is one story with matches.
type Result struct {
	Hit      // the story's first match
	Count    int
	Headline string
	// Snippet is text from just before the first match in the body, or
	// empty when only the headline matched.
	Snippet string
}

// Find searches ed for q and returns the matching stories and every match,
// both in reading order.
func Find(ed *model.Edition, q string) ([]Result, []Hit) {
	return FindContext(context.Background(), ed, q)
}

// FindContext is Find, giving up (with what it found so far) once ctx is
// done: the pane searches off the UI path, and the next key typed cancels
// the search for the query before it.
func FindContext(ctx context.Context, ed *model.Edition, q string) ([]Result, []Hit) {
	if q == "" || ed == nil {
		return nil, nil
	}
	var results []Result
	var hits []Hit
	for si := range ed.Sections {
		sec := &ed.Sections[si]
		for ai := range sec.Articles {
			a := &sec.Articles[ai]
			r := Result{Hit: Hit{Section: si, Article: ai}, Headline: a.Title()}
			for _, p := range article.Parts(a) {
				if ctx.Err() != nil {
					return results, hits
				}
				if !p.Searchable {
					continue
				}
				for _, sp := range article.Find(p.Text, q) {
					if r.Snippet == "" && p.Role >= article.RoleParagraph {
						r.Snippet = snippet(p.Text, sp.Start)
					}
					hits = append(hits, Hit{Section: si, Article: ai, Match: r.Count})
					r.Count++
				}
			}
			if r.Count > 0 {
				results = append(results, r)
			}
		}
	}
	return results, hits
}

// snippet returns text from a little before byte offset at to the end of
// the block; the view cuts it to the row.
func snippet(text string, at int) string {
	start := at
	for range snippetContext {
		if start == 0 {
			break
		}
		_, n := utf8.DecodeLastRuneInString(text[:start])
		start -= n
	}
	s := text[start:]
	if start > 0 {
		s = common.Ellipsis + s
	}
	return s
}

// PreviewMsg says the selected result changed: show its story.
type PreviewMsg struct {
	Query string
	Hit   Hit
}

// OpenMsg says the reader chose a result.
type OpenMsg struct {
	Query string
	Hit   Hit
	Hits  []Hit
}

// CancelMsg says the reader left the search.
type CancelMsg struct{}

// FoundMsg brings the results of the search for Query.
type FoundMsg struct {
	seq     int
	Query   string
	Results []Result
	Hits    []Hit
}

// ScopeMsg asks to search the library (Library true) or the edition shown
// instead, for Query.
type ScopeMsg struct {
	Query   string
	Library bool
}

// Model is the search pane.
type Model struct {
	common.Common
	// KeyMap is the pane's keys.
	KeyMap  keys.Search
	ed      *model.Edition
	query   string
	results []Result
	hits    []Hit
	sel     int
	top     int
	seq     int // the latest search asked for
	// cancel stops the search running; nil when none is.
	cancel context.CancelFunc
	// script is the script the results are shown in, conv what converts
	// them (and keeps the conversions, so a frame converts nothing twice).
	script script.Script
	conv   *script.Cache
}

var _ common.Pane = (*Model)(nil)

// New returns a search pane over ed.
func New(c common.Common, ed *model.Edition) Model {
	return Model{Common: c, KeyMap: keys.DefaultSearch(), ed: ed}
}

// SetScript shows the results' headlines and snippets in the script s,
// converted through conv; their highlights are found again on the text as
// shown, as search matches across scripts.
func (m *Model) SetScript(s script.Script, conv *script.Cache) { m.script, m.conv = s, conv }

// shown returns text, of the story r found, in the script shown.
func (m Model) shown(r Result, text string) string {
	if m.conv == nil || m.script == script.Original {
		return text
	}
	return m.conv.String(&m.ed.Sections[r.Section].Articles[r.Article], m.script, text)
}

// Query returns the text typed so far.
func (m Model) Query() string { return m.query }

// Hits returns every match of the query, in reading order.
func (m Model) Hits() []Hit { return m.hits }

// Results returns the stories found.
func (m Model) Results() []Result { return m.results }

// Pending reports whether a search is running.
func (m Model) Pending() bool { return m.cancel != nil }

// SetQuery replaces the query and returns the command that searches for
// it, off the UI path; the search for the query before is cancelled, and
// its results, should they come, are dropped.
func (m *Model) SetQuery(q string) tea.Cmd {
	m.Stop()
	m.query, m.results, m.hits = q, nil, nil
	m.sel, m.top = 0, 0
	if q == "" || m.ed == nil {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.seq++
	m.cancel = cancel
	seq, ed := m.seq, m.ed
	return func() tea.Msg {
		defer cancel()
		results, hits := FindContext(ctx, ed, q)
		if ctx.Err() != nil {
			return nil
		}
		return FoundMsg{seq: seq, Query: q, Results: results, Hits: hits}
	}
}

// Stop cancels a running search.
func (m *Model) Stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// SetSize sets the content size.
func (m *Model) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.scrollToSelection()
}

// perPage is how many results fit under the input and count rows in
// height rows, at least one; the last needs no separator below it.
func perPage(height int) int { return max((height-headerRows+1)/itemHeight, 1) }

func (m *Model) scrollToSelection() {
	m.top = common.ScrollTop(m.top, m.sel, perPage(m.Height))
}

func (m Model) preview() tea.Cmd {
	if len(m.results) == 0 {
		return nil
	}
	msg := PreviewMsg{Query: m.query, Hit: m.results[m.sel].Hit}
	return func() tea.Msg { return msg }
}

// Update edits the query and moves through the results.
func (m Model) Update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case FoundMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.cancel = nil
		m.results, m.hits = msg.Results, msg.Hits
		m.sel, m.top = 0, 0
		return m, m.preview()
	case tea.PasteMsg:
		return m, m.SetQuery(pasted(m.query, msg.Content))
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Model) handleKey(k tea.KeyPressMsg) (Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.KeyMap.Cancel):
		m.Stop()
		return m, func() tea.Msg { return CancelMsg{} }
	case key.Matches(k, m.KeyMap.Scope):
		msg := ScopeMsg{Query: m.query, Library: true}
		return m, func() tea.Msg { return msg }
	case key.Matches(k, m.KeyMap.Open):
		if len(m.results) == 0 {
			return m, nil
		}
		msg := OpenMsg{Query: m.query, Hit: m.results[m.sel].Hit, Hits: m.hits}
		return m, func() tea.Msg { return msg }
	case key.Matches(k, m.KeyMap.Up), key.Matches(k, m.KeyMap.Down):
		to := m.sel + 1
		if key.Matches(k, m.KeyMap.Up) {
			to = m.sel - 1
		}
		if to < 0 || to >= len(m.results) {
			return m, nil
		}
		m.sel = to
		m.scrollToSelection()
		return m, m.preview()
	}
	if q, ok := edit(m.query, k, m.KeyMap.Clear); ok {
		return m, m.SetQuery(q)
	}
	return m, nil
}

// edit applies a key to a query being typed: a character, backspace, or
// clear. It reports false for any other key.
func edit(q string, k tea.KeyPressMsg, clear key.Binding) (string, bool) {
	switch {
	case key.Matches(k, clear):
		return "", true
	case k.Code == tea.KeyBackspace:
		_, n := utf8.DecodeLastRuneInString(q)
		return q[:len(q)-n], n > 0
	case k.Text != "" && k.Mod&^tea.ModShift == 0:
		return q + common.Plain(k.Text), true
	}
	return q, false
}

// pasted is the query with pasted text added, on one line and without
// control characters: the query is drawn as typed.
func pasted(q, text string) string {
	return q + strings.Join(strings.Fields(common.Plain(text)), " ")
}

// View draws the query, the count and the results: exactly Height rows of
// Width cells.
func (m Model) View() string {
	w, h := m.Width, m.Height
	if h <= 0 {
		return ""
	}
	st := m.Styles.Search
	rows := make([]string, 0, h+itemHeight)
	rows = append(rows, m.inputRow(w))
	count := ""
	switch {
	case m.Pending():
		count = m.Lang.Title("searching")
	case m.query != "":
		count = m.Lang.Matches(len(m.results), len(m.hits))
	}
	rows = append(rows, st.Count.Render(common.Fit(count, w)))
	for i := m.top; i < len(m.results) && len(rows) < h; i++ {
		r := m.results[i]
		head, snip := st.Headline, st.Snippet
		if i == m.sel {
			head, snip = st.Selected, st.Selected
		}
		rows = append(rows,
			m.highlight(m.shown(r, r.Headline), w, head),
			m.highlight(strings.Join(nonEmpty(m.Lang.Count(r.Count), m.shown(r, r.Snippet)), " · "), w, snip),
			common.Pad(w))
	}
	for len(rows) < h {
		rows = append(rows, common.Pad(w))
	}
	return strings.Join(rows[:h], "\n")
}

// inputRow draws "/ query▏", keeping the end of a long query in view.
func (m Model) inputRow(w int) string { return inputRow(m.Styles.Search, "/ ", m.query, w) }

func inputRow(st styles.SearchStyles, prompt, q string, w int) string {
	pw := typeset.Width(prompt)
	if w <= pw {
		return st.Prompt.Render(common.Fit(prompt, w))
	}
	room := w - pw - 1 // one cell for the cursor
	for typeset.Width(q) > room {
		_, n := utf8.DecodeRuneInString(q)
		q = q[n:]
	}
	return st.Prompt.Render(prompt) + st.Input.Render(q) + st.Cursor.Render(" ") +
		common.Pad(room-typeset.Width(q))
}

// highlight cuts s to w cells and draws it in base with the query's
// occurrences in the match style.
func (m Model) highlight(s string, w int, base lipgloss.Style) string {
	s = common.Fit(s, w)
	return styleSpans(s, article.Find(s, m.query), base, m.Styles.Search.Match)
}

// styleSpans draws s in base with the byte ranges spans in match.
func styleSpans(s string, spans []article.Span, base, match lipgloss.Style) string {
	var sb strings.Builder
	from := 0
	for _, sp := range spans {
		if sp.Start < from || sp.End > len(s) {
			continue
		}
		sb.WriteString(base.Render(s[from:sp.Start]))
		sb.WriteString(match.Render(s[sp.Start:sp.End]))
		from = sp.End
	}
	sb.WriteString(base.Render(s[from:]))
	return sb.String()
}

func nonEmpty(ss ...string) []string {
	out := ss[:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ShortHelp implements help.KeyMap.
func (m Model) ShortHelp() []key.Binding { return shortHelp(m.KeyMap) }

// FullHelp implements help.KeyMap.
func (m Model) FullHelp() [][]key.Binding { return fullHelp(m.KeyMap) }

func shortHelp(k keys.Search) []key.Binding {
	return []key.Binding{k.Down, k.Up, k.Open, k.Scope, k.Cancel}
}

func fullHelp(k keys.Search) [][]key.Binding {
	return [][]key.Binding{{k.Down, k.Up, k.Open, k.Clear, k.Scope, k.Cancel}}
}
