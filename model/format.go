package model

import (
	"fmt"
	"io"
	"regexp"
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
		line(&b, "== "+s.Title()+" ==")
		for i := range s.Articles {
			b.WriteString("\n")
			writeArticleText(&b, &s.Articles[i])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the edition as Markdown: the title as a level-1
// heading, sections as level-2, articles as ArticleMarkdown sets them, one
// level down.
func WriteMarkdown(w io.Writer, e *Edition) error {
	var b strings.Builder
	line(&b, "# "+escapeMarkdown(e.Title))
	for _, s := range e.Sections {
		b.WriteString("\n")
		line(&b, "## "+escapeMarkdown(s.Title()))
		for i := range s.Articles {
			b.WriteString("\n")
			writeArticleMarkdown(&b, &s.Articles[i], 3)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ArticleMarkdown renders one article as a Markdown document: the column
// label in bold, the kicker in italics, the headline as the one level-1
// heading, the subheadline as level 2, the byline, the body (intertitles as
// level-3 headings, captions in italics), the source URL as a link, and a
// closing line naming the paper, date and page; a story that stops mid-sentence says so (未完).
// Text Markdown would read as markup is escaped.
func ArticleMarkdown(e *Edition, a *Article) string {
	var b strings.Builder
	writeArticleMarkdown(&b, a, 1)
	if a.Continued {
		b.WriteString("\n*（未完）*\n")
	}
	if o := origin(e, a); o != "" {
		b.WriteString("\n---\n\n*" + escapeMarkdown(o) + "*\n")
	}
	return b.String()
}

// ArticleText renders one article as plain text: the headline stack a line
// each, then the byline and blocks separated by blank lines, the source
// URL, then where it was printed.
func ArticleText(e *Edition, a *Article) string {
	var b strings.Builder
	writeArticleText(&b, a)
	if a.Continued {
		b.WriteString("\n（未完）\n")
	}
	if o := origin(e, a); o != "" {
		b.WriteString("\n—— " + o + "\n")
	}
	return b.String()
}

// writeArticleText writes an article's text with no markup.
func writeArticleText(b *strings.Builder, a *Article) {
	for _, s := range []string{a.Column, a.Kicker + a.KickerTail, a.Title(), a.Subheadline} {
		line(b, s)
	}
	para := func(s string) {
		if s != "" {
			b.WriteString("\n" + s + "\n")
		}
	}
	if !a.Byline.AtEnd {
		para(a.Byline.Raw)
	}
	for _, blk := range a.Body {
		para(blk.Text)
	}
	para(a.PhotoCredit)
	if a.Byline.AtEnd {
		para(a.Byline.Raw)
	}
	para(a.URL)
}

// writeArticleMarkdown writes an article as Markdown with its headline at
// heading level.
func writeArticleMarkdown(b *strings.Builder, a *Article, level int) {
	heading := func(extra int) string { return strings.Repeat("#", level+extra) + " " }
	var paras []string
	add := func(s string) {
		if s != "" {
			paras = append(paras, s)
		}
	}
	if a.Column != "" {
		add("**" + escapeMarkdown(a.Column) + "**")
	}
	if a.Kicker != "" {
		add("*" + escapeMarkdown(a.Kicker+a.KickerTail) + "*")
	}
	add(heading(0) + escapeMarkdown(a.Title()))
	if a.Subheadline != "" {
		add(heading(1) + escapeMarkdown(a.Subheadline))
	}
	if !a.Byline.AtEnd {
		add(escapeMarkdown(a.Byline.Raw))
	}
	for _, blk := range a.Body {
		switch blk.Type {
		case Intertitle:
			add(heading(2) + escapeMarkdown(blk.Text))
		case Caption:
			add("*" + escapeMarkdown(blk.Text) + "*")
		default:
			add(escapeMarkdown(blk.Text))
		}
	}
	if a.PhotoCredit != "" {
		add("*" + escapeMarkdown(a.PhotoCredit) + "*")
	}
	if a.Byline.AtEnd {
		add(escapeMarkdown(a.Byline.Raw))
	}
	if a.URL != "" {
		add(markdownURL(a.URL))
	}
	b.WriteString(strings.Join(paras, "\n\n") + "\n")
}

// autolinkScheme is how a URL starts that CommonMark makes a link of
// between < and >.
var autolinkScheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:`)

// markdownURL writes a story's URL as a Markdown autolink, <https://…>,
// with the characters an autolink cannot hold (spaces, < >, controls)
// percent-encoded; an address without a scheme (a path inside an EPUB) is
// written as text.
func markdownURL(u string) string {
	if !autolinkScheme.MatchString(u) {
		return escapeMarkdown(u)
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		switch c := u[i]; {
		case c <= ' ' || c == '<' || c == '>' || c == 0x7f:
			fmt.Fprintf(&b, "%%%02X", c)
		default:
			b.WriteByte(c)
		}
	}
	return "<" + b.String() + ">"
}

// Title is the section's header as written, else its name.
func (s *Section) Title() string {
	if s.Header != "" {
		return s.Header
	}
	return s.Name
}

// origin names where a was printed, as far as known: the paper, the date
// and the page, as in "海门日报 · 2024-03-19 · 第2版:要闻".
func origin(e *Edition, a *Article) string {
	var parts []string
	for _, p := range []string{e.Title, e.Date} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	for i := range e.Sections {
		s := &e.Sections[i]
		if !s.holds(a) {
			continue
		}
		switch {
		case s.Header != "":
			parts = append(parts, s.Header)
		case s.Page != "":
			parts = append(parts, "第"+s.Page+"版")
		}
	}
	return strings.Join(parts, " · ")
}

// holds reports whether a is one of the section's articles.
func (s *Section) holds(a *Article) bool {
	for i := range s.Articles {
		if &s.Articles[i] == a {
			return true
		}
	}
	return false
}

// markdownInline escapes the characters CommonMark reads as inline markup.
var markdownInline = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`,
	`[`, `\[`, `]`, `\]`, `<`, `\<`, `&`, `\&`)

// escapeMarkdown escapes s so that Markdown shows it as written: inline
// markup characters anywhere, and at the start of the line what would open a
// heading, quote, list or rule.
func escapeMarkdown(s string) string {
	s = markdownInline.Replace(s)
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '=', '|', '~':
		return `\` + s
	}
	// An ordered-list marker: digits then "." or ")".
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

// line writes s and a newline, or nothing when s is empty.
func line(b *strings.Builder, s string) {
	if s != "" {
		b.WriteString(s)
		b.WriteString("\n")
	}
}
