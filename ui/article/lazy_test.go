package article

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
)

// longArticle is a story whose body is one paragraph of about size bytes,
// the seed's text on one line, as a file of one line arrives, with a
// marker near its end for a search to find.
func longArticle(t testing.TB, size int) *model.Article {
	t.Helper()
	seed := seedArticle(t, "1-1")
	var b strings.Builder
	for b.Len() < size {
		for _, bl := range seed.Body {
			b.WriteString(bl.Text)
		}
	}
	b.WriteString("终点标记在此。")
	return &model.Article{Headline: seed.Headline, Byline: seed.Byline, Body: []model.Block{
		{Type: model.Paragraph, Text: b.String()},
		{Type: model.Paragraph, Text: "最后一段。"},
	}}
}

// checkRows asserts the pane draws exactly its size, and that its rows are
// the rows of an article set whole at the same size and top line.
func checkRows(t *testing.T, m Model, what string) {
	t.Helper()
	rows := strings.Split(m.View(), "\n")
	if len(rows) != m.Height {
		t.Fatalf("%s: %d rows for a height of %d", what, len(rows), m.Height)
	}
	for _, r := range rows {
		if typeset.Width(r) != m.Width {
			t.Fatalf("%s: row %q is %d cells, not %d", what, ansi.Strip(r), typeset.Width(r), m.Width)
		}
	}
	whole := newPane(m.art, m.Width, m.Height)
	lines := allLines(whole)
	for i := 0; i < m.Height && m.top+i < len(lines); i++ {
		if got, want := m.Line(m.top+i), lines[m.top+i].Line; got.Text != want.Text || got.Start != want.Start {
			t.Fatalf("%s: line %d is %q, set whole %q", what, m.top+i, got.Text, want.Text)
		}
	}
}

// TestLongArticleSetLazily opens a story of four megabytes on one line: the
// first page is set without the rest, the page count is an estimate shown
// with ≈, and paging on, the end, a search hit near the end and a resize
// all land on the lines the whole article set at once has.
func TestLongArticleSetLazily(t *testing.T) {
	a := longArticle(t, 4<<20)
	m := newPane(a, 70, 20)
	if m.Exact() || len(m.lines()) > 2000 {
		t.Fatalf("first page: %d lines set, exact %v", len(m.lines()), m.Exact())
	}
	if f := m.Footer(); !strings.Contains(f, "≈") {
		t.Fatalf("footer %q does not say the page count is estimated", f)
	}
	if _, pages := m.Pages(); pages < 1000 {
		t.Fatalf("estimated %d pages", pages)
	}
	if m.Percent() >= 100 {
		t.Fatalf("percent %d on the first page", m.Percent())
	}
	checkRows(t, m, "first page")
	for range 30 {
		m, _ = m.Update(press("f"))
	}
	if m.top != 30*m.Height || m.Exact() {
		t.Fatalf("30 pages on: top %d, exact %v", m.top, m.Exact())
	}
	checkRows(t, m, "30 pages on")
	m, _ = m.Update(press("b"))
	if m.top != 29*m.Height {
		t.Fatalf("a page back: top %d", m.top)
	}
	m, _ = m.Update(press("G"))
	if !m.Exact() || m.Percent() != 100 || !strings.Contains(m.Footer(), "page") || strings.Contains(m.Footer(), "≈") {
		t.Fatalf("at the end: exact %v, percent %d, footer %q", m.Exact(), m.Percent(), m.Footer())
	}
	page, pages := m.Pages()
	if page != pages || m.top != (pages-1)*m.Height {
		t.Fatalf("at the end: page %d/%d, top %d", page, pages, m.top)
	}
	checkRows(t, m, "last page")

	m = newPane(a, 70, 20)
	m.SetQuery("终点标记")
	if m.Matches() != 1 {
		t.Fatalf("%d matches", m.Matches())
	}
	m.ShowMatch(0)
	if top := m.Line(m.top).Text; m.top == 0 {
		t.Fatalf("the match near the end did not turn the page: top %d %q", m.top, top)
	}
	found := false
	for i := m.top; i < m.top+m.Height; i++ {
		found = found || strings.Contains(m.Line(i).Text, "终点")
	}
	if !found {
		t.Fatal("the match is not on the page shown")
	}
	checkRows(t, m, "search hit")

	pos := m.Position()
	m.SetSize(50, 16)
	if l := m.Line(m.top); l.Block != pos.Part || l.Start > pos.Offset || l.End <= pos.Offset {
		t.Fatalf("after a resize the top line [%d,%d) of part %d does not hold %v", l.Start, l.End, l.Block, pos)
	}
	checkRows(t, m, "resized")
}

// TestShortArticleExact checks that a story set in one go has exact pages
// and no ≈.
func TestShortArticleExact(t *testing.T) {
	m := newPane(seedArticle(t, "1-2"), 60, 40)
	if !m.Exact() || strings.Contains(m.Footer(), "≈") {
		t.Fatalf("a short story: exact %v, footer %q", m.Exact(), m.Footer())
	}
}

// BenchmarkFirstFrameLongLine measures what the reader does for a story of
// 50 MB on one line before its first frame: from the model.Article to the
// article pane's first View. The peer, whole, is setting the same story at
// once, as the pane did before.
func BenchmarkFirstFrameLongLine(b *testing.B) {
	a := longArticle(b, 50<<20)
	b.Run("first-frame", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := newPane(a, 84, 40)
			_ = m.View()
		}
	})
	b.Run("peer=whole", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			m := newPane(a, 84, 40)
			allLines(m)
		}
	})
}
