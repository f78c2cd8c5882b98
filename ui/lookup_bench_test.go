package ui

import (
	"dubao/internal/cputime"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/dict"
	"dubao/ui/common"
	"dubao/ui/lookup"
)

// lookupReady is the reader at 200x60 on story sec's first page (turned to
// its middle when middle), CC-CEDICT loaded into the lookup mode, the mode
// off.
func lookupReady(b *testing.B, big bool) Model {
	d, err := dict.Default()
	if err != nil {
		b.Fatal(err)
	}
	ed := seed(b)
	if big {
		ed = bigEdition(b, 1<<20)
	}
	m := newModel(b, ed, 200, 60, common.Chinese)
	if big {
		m = send(b, m, tea.KeyPressMsg{Code: '4', Text: "4"})
	}
	m = send(b, m, tea.KeyPressMsg{Code: tea.KeyEnter})
	if big {
		_, pages := m.article.Pages()
		m.article.ScrollBy(pages / 2 * m.lay.ArticleInner.H)
	}
	m.lookup.Loaded(lookup.LoadedMsg{Dict: d}, &m.article)
	return m
}

// BenchmarkLookup measures the lookup mode against CC-CEDICT at 200x60:
// open is L, segmenting the parts on the page and placing the cursor (on
// the seed's first story and in the middle of a 1 MB one: the cost is the
// page's, not the article's); show is enter, looking the word up and
// drawing the frame with its box; frame, the peer, draws the same frame
// without the box.
func BenchmarkLookup(b *testing.B) {
	for _, big := range []bool{false, true} {
		name := "open-seed"
		if big {
			name = "open-1MB-middle"
		}
		b.Run(name, func(b *testing.B) {
			m := lookupReady(b, big)
			b.ReportAllocs()
			start := cputime.Now()
			for b.Loop() {
				l, a := m.lookup, m.article
				l.Start(&a)
				if !l.Active() {
					b.Fatal("no cursor")
				}
			}
			cputime.Report(b, start)
		})
	}
	m := lookupReady(b, false)
	m.lookup.Start(&m.article)
	b.Run("show", func(b *testing.B) {
		b.ReportAllocs()
		start := cputime.Now()
		for b.Loop() {
			l, a := m.lookup, m.article
			l.Update(tea.KeyPressMsg{Code: tea.KeyEnter}, &a)
			mm := m
			mm.lookup, mm.article = l, a
			_ = mm.View()
		}
		cputime.Report(b, start)
	})
	b.Run("frame", func(b *testing.B) {
		b.ReportAllocs()
		start := cputime.Now()
		for b.Loop() {
			_ = m.View()
		}
		cputime.Report(b, start)
	})
}
