package model

import (
	"io"
	"strings"
)

// WriteText writes the edition as plain text: the source text of every
// field after decoding and column-break repair, nothing more, one block a
// paragraph with blank lines between.
func WriteText(w io.Writer, e *Edition) error {
	var b strings.Builder
	line(&b, e.Title)
	for _, s := range e.Sections {
		b.WriteString("\n")
		line(&b, "== "+sectionTitle(&s)+" ==")
		for i := range s.Articles {
			b.WriteString("\n")
			b.WriteString(ArticleText(&s.Articles[i]))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the edition as Markdown: the title as a level-1
// heading, sections as level-2, articles as ArticleMarkdown gives them.
func WriteMarkdown(w io.Writer, e *Edition) error {
	var b strings.Builder
	line(&b, "# "+e.Title)
	for _, s := range e.Sections {
		b.WriteString("\n")
		line(&b, "## "+sectionTitle(&s))
		for i := range s.Articles {
			b.WriteString("\n")
			b.WriteString(articleMarkdown(&s.Articles[i], "###"))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sectionTitle is the section's header as written, else its name.
func sectionTitle(s *Section) string {
	if s.Header != "" {
		return s.Header
	}
	return s.Name
}

// ArticleText renders one article as plain text: the headline stack a line
// each, the byline, then the body, blocks separated by blank lines.
func ArticleText(a *Article) string {
	var b strings.Builder
	line(&b, a.Kicker+a.KickerTail)
	line(&b, a.Title())
	line(&b, a.Subheadline)
	if a.Column != "" {
		line(&b, "【"+a.Column+"】")
	}
	if !a.Byline.AtEnd {
		line(&b, a.Byline.Raw)
	}
	for _, blk := range a.Body {
		b.WriteString("\n")
		line(&b, blk.Text)
	}
	if a.Byline.AtEnd {
		b.WriteString("\n")
		line(&b, a.Byline.Raw)
	}
	if a.PhotoCredit != "" {
		b.WriteString("\n")
		line(&b, a.PhotoCredit)
	}
	return b.String()
}

// ArticleMarkdown renders one article as a Markdown document: the headline
// as a level-1 heading with the kicker above and subheadline below, the
// byline, then the body with intertitles as level-2 headings and captions
// in italics.
func ArticleMarkdown(a *Article) string {
	return articleMarkdown(a, "#")
}

// articleMarkdown renders an article with its headline at the given
// heading level.
func articleMarkdown(a *Article, level string) string {
	var b strings.Builder
	if a.Column != "" {
		line(&b, "【"+a.Column+"】")
		b.WriteString("\n")
	}
	if a.Kicker != "" {
		line(&b, a.Kicker+a.KickerTail)
		b.WriteString("\n")
	}
	line(&b, level+" "+a.Title())
	if a.Subheadline != "" {
		b.WriteString("\n")
		line(&b, "**"+a.Subheadline+"**")
	}
	if a.Byline.Raw != "" && !a.Byline.AtEnd {
		b.WriteString("\n")
		line(&b, a.Byline.Raw)
	}
	for _, blk := range a.Body {
		b.WriteString("\n")
		switch blk.Type {
		case Intertitle:
			line(&b, level+"# "+blk.Text)
		case Caption:
			line(&b, "*"+blk.Text+"*")
		default:
			line(&b, blk.Text)
		}
	}
	if a.Byline.AtEnd && a.Byline.Raw != "" {
		b.WriteString("\n")
		line(&b, a.Byline.Raw)
	}
	if a.PhotoCredit != "" {
		b.WriteString("\n")
		line(&b, "*"+a.PhotoCredit+"*")
	}
	return b.String()
}

// line writes s and a newline, or nothing when s is empty.
func line(b *strings.Builder, s string) {
	if s != "" {
		b.WriteString(s)
		b.WriteString("\n")
	}
}
