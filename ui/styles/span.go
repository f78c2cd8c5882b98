package styles

import (
	"strings"

	"charm.land/lipgloss/v2"
)

// Span is a style rendered once: what Lip Gloss writes before and after a
// line of text in it. A frame styles hundreds of runs of text; writing the
// two around each is what Render does for such a style, without building
// the style's escape sequences again every time.
type Span struct {
	style     lipgloss.Style
	pre, post string
	// exact is false for a style Render does more with than wrap the text
	// (padding, widths, borders): Span then calls Render.
	exact bool
}

// NewSpan renders st once. Only styles of colours and attributes wrap
// text alone; any other kind falls back to Render, so a Span always
// renders what st.Render does.
func NewSpan(st lipgloss.Style) Span {
	const probe = "x"
	s := Span{style: st}
	out := st.Render(probe)
	pre, post, ok := strings.Cut(out, probe)
	if !ok {
		return s
	}
	s.pre, s.post = pre, post
	// The same wrapping around other text, blank and wide included.
	for _, t := range []string{"", " ", "中文 ab ", "a b"} {
		if st.Render(t) != pre+t+post {
			return s
		}
	}
	s.exact = true
	return s
}

// wraps reports whether text can be wrapped as it is: Lip Gloss turns tabs
// into spaces and styles each line of text on its own.
func (s Span) wraps(text string) bool {
	return s.exact && !strings.ContainsAny(text, "\t\n\r")
}

// Render returns text in the span's style, as lipgloss.Style.Render does.
func (s Span) Render(text string) string {
	if !s.wraps(text) {
		return s.style.Render(text)
	}
	return s.pre + text + s.post
}

// Write writes text in the span's style to sb.
func (s Span) Write(sb *strings.Builder, text string) {
	if !s.wraps(text) {
		sb.WriteString(s.style.Render(text))
		return
	}
	sb.WriteString(s.pre)
	sb.WriteString(text)
	sb.WriteString(s.post)
}

// Len is the bytes Write adds to text of n bytes, for sizing a buffer.
func (s Span) Len(n int) int { return len(s.pre) + n + len(s.post) }

// ArticleSpans are ArticleStyles as spans, for the lines of the article
// pane.
type ArticleSpans struct {
	Kicker, Headline, Subheadline, Column, Byline Span
	Paragraph, Intertitle, Caption, Credit, URL   Span
	Match, CurrentMatch                           Span
	// Marked are the same spans in reverse video: the lookup mode's cursor
	// on a line of each kind, which keeps the line's weight and colour (a
	// word of a headline stays bold under it).
	Marked *ArticleSpans
}

func newArticleSpans(a ArticleStyles) ArticleSpans {
	s := spansOf(a)
	marked := spansOf(a.reversed())
	s.Marked = &marked
	return s
}

func spansOf(a ArticleStyles) ArticleSpans {
	return ArticleSpans{
		Kicker: NewSpan(a.Kicker), Headline: NewSpan(a.Headline), Subheadline: NewSpan(a.Subheadline),
		Column: NewSpan(a.Column), Byline: NewSpan(a.Byline), Paragraph: NewSpan(a.Paragraph),
		Intertitle: NewSpan(a.Intertitle), Caption: NewSpan(a.Caption), Credit: NewSpan(a.Credit),
		URL: NewSpan(a.URL), Match: NewSpan(a.Match), CurrentMatch: NewSpan(a.CurrentMatch),
	}
}

// reversed returns a with every style in reverse video.
func (a ArticleStyles) reversed() ArticleStyles {
	for _, st := range []*lipgloss.Style{&a.Kicker, &a.Headline, &a.Subheadline, &a.Column, &a.Byline,
		&a.Paragraph, &a.Intertitle, &a.Caption, &a.Credit, &a.URL, &a.Match, &a.CurrentMatch} {
		*st = st.Reverse(true)
	}
	return a
}

// PaneSpans are PaneStyles' colours as spans, for the panes' frames.
type PaneSpans struct {
	Border, FocusedBorder, Title, FocusedTitle, Footer Span
}

func newPaneSpans(p PaneStyles) PaneSpans {
	return PaneSpans{Border: NewSpan(p.Border), FocusedBorder: NewSpan(p.FocusedBorder),
		Title: NewSpan(p.Title), FocusedTitle: NewSpan(p.FocusedTitle), Footer: NewSpan(p.Footer)}
}

// buildSpans fills in the spans from the styles; New calls it last.
func (s *Styles) buildSpans() *Styles {
	s.ArticleSpans = newArticleSpans(s.Article)
	s.PaneSpans = newPaneSpans(s.Pane)
	return s
}
