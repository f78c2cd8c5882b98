package search

import (
	"context"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/library"
	"dubao/script"
	"dubao/typeset"
	"dubao/ui/article"
	"dubao/ui/common"
	"dubao/ui/keys"
)

// Searcher runs a library search, returning one page of results. The
// library pane calls it from a command, never while drawing.
type Searcher func(ctx context.Context, query string, opt library.SearchOptions) (library.Results, error)

// ResultsMsg is a page of library results, for the library pane that asked:
// it drops a page for a query it no longer shows.
type ResultsMsg struct {
	seq     int
	Query   string
	Offset  int
	Results library.Results
	Err     error
	// shown are Results.Hits in the script the pane shows.
	shown []library.Hit
}

// LibraryOpenMsg says the reader chose a library result: open its edition
// and article at the match.
type LibraryOpenMsg struct {
	Query string
	Hit   library.Hit
}

// LibraryCancelMsg says the reader closed the library search.
type LibraryCancelMsg struct{}

// pageSize is how many results one search fetches; the next page is
// fetched when the selection comes within a screen of the end.
const pageSize = library.DefaultLimit

// Library is the library search pane: a query, and the stories of every
// edition on the shelf that hold it, each with its edition's date and a
// snippet with the match highlighted. Searches run as commands and are
// cancelled when the query changes.
type Library struct {
	common.Common
	// KeyMap is the pane's keys.
	KeyMap keys.Search

	search Searcher
	query  string
	hits   []library.Hit
	// shown are hits as the pane shows them: their headlines and snippets
	// in script, converted when they came, never per frame.
	shown  []library.Hit
	script script.Script
	total  int
	seq    int // the latest search asked for
	err    error
	// cancel stops the search running; nil when none is.
	cancel context.CancelFunc
	sel    int
	top    int
}

var _ common.Pane = (*Library)(nil)

// NewLibrary returns a library search pane that searches with s.
func NewLibrary(c common.Common, s Searcher) Library {
	return Library{Common: c, KeyMap: keys.DefaultLibrarySearch(), search: s}
}

// Query returns the text typed so far.
func (m Library) Query() string { return m.query }

// SetScript shows the results in the script s.
func (m *Library) SetScript(s script.Script) {
	if s != m.script {
		m.script = s
		m.shown = showHits(m.hits, s)
	}
}

// showHits returns hits with their headlines, snippets and edition titles
// in the script s, each snippet's match where the converted text has it.
func showHits(hits []library.Hit, s script.Script) []library.Hit {
	out := slices.Clone(hits)
	if s == script.Original {
		return out
	}
	for i := range out {
		h := &out[i]
		from := script.Detect(h.Headline + h.Snippet)
		h.Headline = script.Convert(h.Headline, from, s).Shown
		h.Edition.Title = script.Convert(h.Edition.Title, from, s).Shown
		tx := script.Convert(h.Snippet, from, s)
		if h.Match[0] >= 0 && h.Match[0] <= h.Match[1] && h.Match[1] <= len(h.Snippet) {
			h.Match = [2]int{tx.ToShown(h.Match[0], false), tx.ToShown(h.Match[1], true)}
		}
		h.Snippet = tx.Shown
	}
	return out
}

// Hits returns the results fetched so far.
func (m Library) Hits() []library.Hit { return m.hits }

// Total returns how many stories the query was found in, once known.
func (m Library) Total() int { return m.total }

// Pending reports whether a search is running.
func (m Library) Pending() bool { return m.cancel != nil }

// SetQuery replaces the query and returns the command that searches for it.
func (m *Library) SetQuery(q string) tea.Cmd {
	m.Stop()
	m.query, m.hits, m.shown, m.total, m.err = q, nil, nil, 0, nil
	m.sel, m.top = 0, 0
	if strings.TrimSpace(q) == "" || m.search == nil {
		return nil
	}
	return m.fetch(0)
}

// Stop cancels a running search.
func (m *Library) Stop() {
	if m.cancel != nil {
		m.cancel()
		m.cancel = nil
	}
}

// fetch returns the command that fetches the page of results at offset.
func (m *Library) fetch(offset int) tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	m.seq++
	m.cancel = cancel
	seq, q, search, s := m.seq, m.query, m.search, m.script
	return func() tea.Msg {
		defer cancel()
		res, err := search(ctx, q, library.SearchOptions{Limit: pageSize, Offset: offset})
		return ResultsMsg{seq: seq, Query: q, Offset: offset, Results: res, Err: err, shown: showHits(res.Hits, s)}
	}
}

// SetSize sets the content size.
func (m *Library) SetSize(w, h int) {
	m.Common.SetSize(w, h)
	m.scrollToSelection()
}

func (m *Library) scrollToSelection() {
	m.top = common.ScrollTop(m.top, m.sel, perPage(m.Height))
}

// Update edits the query, moves through the results and takes in pages of
// results.
func (m Library) Update(msg tea.Msg) (Library, tea.Cmd) {
	switch msg := msg.(type) {
	case ResultsMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.cancel = nil
		m.err = msg.Err
		if msg.Err == nil {
			m.hits = append(m.hits[:min(msg.Offset, len(m.hits))], msg.Results.Hits...)
			if msg.shown == nil {
				msg.shown = showHits(msg.Results.Hits, m.script)
			}
			m.shown = append(m.shown[:min(msg.Offset, len(m.shown))], msg.shown...)
			m.total = msg.Results.Total
		}
		return m, nil
	case tea.PasteMsg:
		return m, m.SetQuery(pasted(m.query, msg.Content))
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	}
	return m, nil
}

func (m Library) handleKey(k tea.KeyPressMsg) (Library, tea.Cmd) {
	switch {
	case key.Matches(k, m.KeyMap.Cancel):
		m.Stop()
		return m, func() tea.Msg { return LibraryCancelMsg{} }
	case key.Matches(k, m.KeyMap.Scope):
		m.Stop()
		msg := ScopeMsg{Query: m.query}
		return m, func() tea.Msg { return msg }
	case key.Matches(k, m.KeyMap.Open):
		if m.sel >= len(m.hits) {
			return m, nil
		}
		msg := LibraryOpenMsg{Query: m.query, Hit: m.hits[m.sel]}
		return m, func() tea.Msg { return msg }
	case key.Matches(k, m.KeyMap.Up):
		m.sel = max(m.sel-1, 0)
		m.scrollToSelection()
		return m, nil
	case key.Matches(k, m.KeyMap.Down):
		m.sel = max(min(m.sel+1, len(m.hits)-1), 0)
		m.scrollToSelection()
		// Fetch the next page before the reader reaches the end.
		if !m.Pending() && len(m.hits) < m.total && m.sel+perPage(m.Height) >= len(m.hits) {
			return m, m.fetch(len(m.hits))
		}
		return m, nil
	}
	if q, ok := edit(m.query, k, m.KeyMap.Clear); ok {
		return m, m.SetQuery(q)
	}
	return m, nil
}

// View draws the query, the count and the results: exactly Height rows of
// Width cells.
func (m Library) View() string {
	w, h := m.Width, m.Height
	if h <= 0 {
		return ""
	}
	st := m.Styles.Search
	rows := make([]string, 0, h+itemHeight)
	rows = append(rows, inputRow(st, "/ ", m.query, w))
	rows = append(rows, st.Count.Render(common.Fit(m.count(), w)))
	for i := m.top; i < len(m.hits) && len(rows) < h; i++ {
		r := m.hits[i]
		if len(m.shown) == len(m.hits) {
			r = m.shown[i]
		}
		date, head, snip := st.Count, st.Headline, st.Snippet
		if i == m.sel {
			date, head, snip = st.Selected, st.Selected, st.Selected
		}
		when := r.Edition.Date
		if when == "" {
			when = r.Edition.Title
		}
		when = common.Cut(when, w/2) + " "
		ww := typeset.Width(when)
		title := common.Fit(r.Headline, w-ww)
		second := m.snippet(r, w, snip)
		if r.Block < 0 && strings.Contains(r.Headline, strings.Trim(r.Snippet, common.Ellipsis)) {
			// The match is in the headline, highlighted above: name the
			// paper instead of repeating it (unless its name is the date).
			paper := r.Edition.Title
			if paper == r.Edition.Date {
				paper = ""
			}
			second = snip.Render(common.Fit(paper, w))
		}
		rows = append(rows, date.Render(when)+styleSpans(title, article.Find(title, m.query), head, st.Match), second, common.Pad(w))
	}
	for len(rows) < h {
		rows = append(rows, common.Pad(w))
	}
	return strings.Join(rows[:h], "\n")
}

// count is the line under the query: searching, an error, or how many
// stories hold the query.
func (m Library) count() string {
	switch {
	case m.err != nil:
		return m.err.Error()
	case m.Pending() && len(m.hits) == 0:
		return m.Lang.Title("searching")
	case strings.TrimSpace(m.query) == "":
		return ""
	}
	return m.Lang.Stories(m.total)
}

// snippet draws r's snippet in w cells with its match highlighted. When the
// match would end past the edge, the text before it is cut to a third of
// the row.
func (m Library) snippet(r library.Hit, w int, base lipgloss.Style) string {
	s, at := r.Snippet, r.Match
	if at[0] < 0 || at[0] > at[1] || at[1] > len(s) {
		return base.Render(common.Fit(s, w))
	}
	before, match := s[:at[0]], s[at[0]:at[1]]
	if bw := typeset.Width(before); bw+typeset.Width(match) > w && bw > w/3 {
		keep := max(w/3-typeset.Width(common.Ellipsis), 0)
		before = common.Ellipsis + ansi.TruncateLeft(before, bw-keep, "")
	}
	line := before + s[at[0]:]
	fitted := common.Fit(line, w)
	sp := article.Span{Start: len(before), End: len(before) + len(match)}
	if sp.End > len(fitted) || fitted[:sp.End] != line[:sp.End] {
		// The match itself is cut: no highlight on half a character.
		return base.Render(fitted)
	}
	return styleSpans(fitted, []article.Span{sp}, base, m.Styles.Search.Match)
}

// ShortHelp implements help.KeyMap.
func (m Library) ShortHelp() []key.Binding { return shortHelp(m.KeyMap) }

// FullHelp implements help.KeyMap.
func (m Library) FullHelp() [][]key.Binding { return fullHelp(m.KeyMap) }
