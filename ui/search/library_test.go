package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/library"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
)

// fakeLibrary answers every query with total hits, a page at a time, each
// snippet holding the query after a long run of text, and counts calls.
type fakeLibrary struct {
	total int
	calls []library.SearchOptions
}

func (f *fakeLibrary) search(_ context.Context, q string, opt library.SearchOptions) (library.Results, error) {
	f.calls = append(f.calls, opt)
	var hits []library.Hit
	for i := opt.Offset; i < min(opt.Offset+opt.Limit, f.total); i++ {
		before := "…" + strings.Repeat("前文", 14)
		hits = append(hits, library.Hit{
			Edition:  library.Edition{Date: "2024-03-19", Title: "海门日报"},
			Article:  fmt.Sprintf("1-%d", i+1),
			Headline: fmt.Sprintf("第%d条 打好执法“组合拳”", i+1),
			Snippet:  before + q + "后文…",
			Match:    [2]int{len(before), len(before) + len(q)},
			Block:    0,
		})
	}
	return library.Results{Hits: hits, Total: f.total}, nil
}

func newLibrary(f *fakeLibrary, w, h int) Library {
	m := NewLibrary(common.Common{Styles: styles.New(styles.Config{Dark: true}), Lang: common.Chinese}, f.search)
	m.SetSize(w, h)
	return m
}

// deliver runs cmd and hands its message back to m.
func deliver(m Library, cmd tea.Cmd) (Library, tea.Msg) {
	if cmd == nil {
		return m, nil
	}
	msg := cmd()
	if _, ok := msg.(ResultsMsg); ok {
		m, _ = m.Update(msg)
	}
	return m, msg
}

func TestLibraryPane(t *testing.T) {
	f := &fakeLibrary{total: 120}
	m := newLibrary(f, 30, 14)
	var stale tea.Cmd
	for _, r := range "禁渔" {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		if stale == nil {
			stale = cmd // the search for 禁 alone, answered late
			continue
		}
		m, _ = deliver(m, cmd)
	}
	m, _ = deliver(m, stale)
	if m.Query() != "禁渔" || len(m.Hits()) != pageSize || m.Total() != 120 {
		t.Fatalf("query %q, %d hits of %d", m.Query(), len(m.Hits()), m.Total())
	}
	if got := m.Hits()[0].Snippet; !strings.Contains(got, "禁渔") {
		t.Fatalf("a late answer for 禁 replaced 禁渔's: %q", got)
	}
	rows := strings.Split(m.View(), "\n")
	if len(rows) != 14 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, r := range rows {
		if typeset.Width(r) != 30 {
			t.Fatalf("row %d is %d cells: %q", i, typeset.Width(r), r)
		}
	}
	// The match stays in view on a narrow row, highlighted.
	if !strings.Contains(rows[3], m.Styles.Search.Match.Render("禁渔")) {
		t.Fatalf("snippet row %q", ansi.Strip(rows[3]))
	}
	if !strings.Contains(ansi.Strip(rows[2]), "2024-03-19 第1条") || !strings.Contains(ansi.Strip(rows[1]), "120 篇") {
		t.Fatalf("rows:\n%s", ansi.Strip(m.View()))
	}
	// Moving down near the end of the page fetches the next, once.
	calls := len(f.calls)
	for range pageSize - 2 {
		var cmd tea.Cmd
		m, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
		m, _ = deliver(m, cmd)
	}
	if len(f.calls) != calls+1 || f.calls[calls].Offset != pageSize || len(m.Hits()) != 100 {
		t.Fatalf("%d more calls, %d hits", len(f.calls)-calls, len(m.Hits()))
	}
	_, msg := deliver(m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}))
	if o, ok := msg.(LibraryOpenMsg); !ok || o.Hit.Article != fmt.Sprintf("1-%d", pageSize-1) || o.Query != "禁渔" {
		t.Fatalf("enter sent %+v", msg)
	}
	if _, msg = deliver(m.Update(tea.KeyPressMsg{Code: 'f', Mod: tea.ModCtrl})); msg != (ScopeMsg{Query: "禁渔"}) {
		t.Fatalf("ctrl+f sent %+v", msg)
	}
	if _, msg = deliver(m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})); msg != (LibraryCancelMsg{}) {
		t.Fatalf("esc sent %+v", msg)
	}
}

// A match in the headline is highlighted there; the second row names the
// paper rather than repeat the headline.
func TestLibraryPaneHeadlineHit(t *testing.T) {
	search := func(context.Context, string, library.SearchOptions) (library.Results, error) {
		h := library.Hit{Edition: library.Edition{Date: "2024-03-19", Title: "海门日报"}, Headline: "落实长江“禁渔令”",
			Snippet: "落实长江“禁渔令”", Match: [2]int{18, 24}, Block: -1}
		return library.Results{Hits: []library.Hit{h}, Total: 1}, nil
	}
	m := NewLibrary(common.Common{Styles: styles.New(styles.Config{Dark: true}), Lang: common.English}, search)
	m.SetSize(40, 8)
	m, _ = deliver(m, m.SetQuery("禁渔"))
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "2024-03-19 落实长江“禁渔令”") || !strings.Contains(view, "海门日报") || strings.Count(view, "禁渔令") != 1 {
		t.Fatalf("view:\n%s", view)
	}
	if !strings.Contains(m.View(), m.Styles.Search.Match.Render("禁渔")) {
		t.Fatal("the headline's match is not highlighted")
	}
}
