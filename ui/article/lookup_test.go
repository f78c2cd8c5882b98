package article

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/styles"
)

// reversed returns the text drawn in reverse video on each row of view.
func reversed(view string) []string {
	var out []string
	for _, row := range strings.Split(view, "\n") {
		var sb strings.Builder
		for _, part := range strings.Split(row, "\x1b[7m")[1:] {
			end := strings.Index(part, "\x1b[")
			if end < 0 {
				end = len(part)
			}
			sb.WriteString(part[:end])
		}
		out = append(out, sb.String())
	}
	return out
}

// TestMarkAcrossLines draws the lookup mark over a word that a line break
// splits: both halves are in reverse video, each on its own row, and rows
// keep their width.
func TestMarkAcrossLines(t *testing.T) {
	a := &model.Article{Headline: "题", Body: []model.Block{{Type: model.Paragraph, Text: "一二三四五六七八九十甲乙丙丁"}}}
	m := newPane(a, 10, 8) // 5 characters a line: the paragraph breaks after 五 (after 三 with the indent)
	part := -1
	for i := 0; m.PartText(i) != ""; i++ {
		if strings.HasPrefix(m.PartText(i), "一二") {
			part = i
		}
	}
	if part < 0 {
		t.Fatal("no part for the paragraph")
	}
	text := m.PartText(part)
	li := m.LineOf(part, 0)
	l := m.Line(li)
	// The two characters either side of the first line's end.
	start := l.End - len("三")
	m.SetMark(part, start, l.End+len("四"))
	got := reversed(m.View())
	want := text[start:l.End] + "|" + text[l.End:l.End+len("四")]
	if joined := got[li-m.TopLine()] + "|" + got[li+1-m.TopLine()]; joined != want {
		t.Fatalf("reversed on rows %d and %d: %q, want %q", li, li+1, joined, want)
	}
	for i, row := range strings.Split(m.View(), "\n") {
		if w := typeset.Width(ansi.Strip(row)); w != 10 {
			t.Fatalf("row %d is %d cells", i, w)
		}
	}
	// LineLead places the text as View draws it.
	lead, shown := m.LineLead(li)
	row := ansi.Strip(strings.Split(m.View(), "\n")[li-m.TopLine()])
	if !strings.HasPrefix(row, strings.Repeat(" ", lead)+shown) {
		t.Fatalf("LineLead %d %q, row %q", lead, shown, row)
	}
	// The mark belongs to its article: another shows none.
	m.SetArticle(&model.Article{Headline: "另", Body: a.Body})
	for _, r := range reversed(m.View()) {
		if r != "" {
			t.Fatalf("the mark shows on another article: %q", r)
		}
	}
	m.SetArticle(a)
	m.SetMark(0, 0, 0)
	for _, r := range reversed(m.View()) {
		if r != "" {
			t.Fatalf("an empty mark shows: %q", r)
		}
	}
}

// TestMarkOverMatch: the mark hides the search match it overlaps and keeps
// the others.
func TestMarkOverMatch(t *testing.T) {
	a := &model.Article{Headline: "题", Body: []model.Block{{Type: model.Paragraph, Text: "发展发展"}}}
	m := newPane(a, 40, 6)
	m.SetQuery("发展")
	if m.Matches() != 2 {
		t.Fatalf("%d matches", m.Matches())
	}
	part := 1
	if !strings.HasPrefix(m.PartText(part), "发展") {
		t.Fatalf("part 1 is %q", m.PartText(part))
	}
	plain := m.View()
	m.SetMark(part, 0, len("发展"))
	marked := m.View()
	if marked == plain || !strings.Contains(strings.Join(reversed(marked), ""), "发展") {
		t.Fatalf("no mark drawn:\n%q", marked)
	}
	if ansi.Strip(marked) != ansi.Strip(plain) {
		t.Fatal("the mark changed the text")
	}
}

// TestMarkKeepsTheLineStyle: the lookup cursor on a word of the headline
// is the headline's style in reverse video, bold included, and on a word
// of a paragraph the paragraph's; it was the paragraph's reversed on
// every line, so a headline's word lost its weight under it.
func TestMarkKeepsTheLineStyle(t *testing.T) {
	a := &model.Article{Headline: "标题文字", Body: []model.Block{{Type: model.Paragraph, Text: "正文第一段"}}}
	m := newPane(a, 30, 8)
	spans := m.Styles.ArticleSpans
	for _, tt := range []struct {
		prefix string
		want   styles.Span
	}{
		{"标题", spans.Marked.Headline},
		{"正文", spans.Marked.Paragraph},
	} {
		part := -1
		for i := 0; m.PartText(i) != ""; i++ {
			if strings.HasPrefix(m.PartText(i), tt.prefix) {
				part = i
			}
		}
		if part < 0 {
			t.Fatalf("no part starts with %s", tt.prefix)
		}
		m.SetMark(part, 0, len(tt.prefix))
		var want strings.Builder
		tt.want.Write(&want, tt.prefix)
		if !strings.Contains(m.View(), want.String()) {
			t.Errorf("the mark on %s is not drawn as %q:\n%q", tt.prefix, want.String(), m.View())
		}
	}
	hl := m.Styles.Article.Headline
	if got, want := spans.Marked.Headline.Render("字"), hl.Reverse(true).Render("字"); !hl.GetBold() || got != want {
		t.Errorf("the headline's mark %q, want %q (bold %v)", got, want, hl.GetBold())
	}
}
