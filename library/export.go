package library

import (
	"strings"
	"unicode"

	"dubao/model"
)

// Markdown returns article a of edition ed as Markdown: the column label,
// the headline stack (kicker, headline as the one level-1 heading,
// subheadline), the byline, the body (intertitles as level-3 headings,
// captions in italics) and a closing line naming the paper, date and page.
// Set ed.Date first if the date is known only from the file name
// (Edition.Date). Text that Markdown would read as markup is escaped.
func Markdown(ed *model.Edition, a *model.Article) string {
	var b strings.Builder
	para := func(s string) {
		if s != "" {
			b.WriteString(s)
			b.WriteString("\n\n")
		}
	}
	if a.Column != "" {
		para("**" + escapeMarkdown(a.Column) + "**")
	}
	if a.Kicker != "" {
		para("*" + escapeMarkdown(a.Kicker+a.KickerTail) + "*")
	}
	para("# " + escapeMarkdown(a.Title()))
	if a.Subheadline != "" {
		para("## " + escapeMarkdown(a.Subheadline))
	}
	byline, atEnd := bylineLine(a)
	if !atEnd {
		para(escapeMarkdown(byline))
	}
	for _, blk := range a.Body {
		switch blk.Type {
		case model.Intertitle:
			para("### " + escapeMarkdown(blk.Text))
		case model.Caption:
			para("*" + escapeMarkdown(blk.Text) + "*")
		default:
			para(escapeMarkdown(blk.Text))
		}
	}
	para(escapeMarkdown(a.PhotoCredit))
	if atEnd {
		para(escapeMarkdown(byline))
	}
	if a.Continued {
		para("*(未完)*")
	}
	if o := origin(ed, a); o != "" {
		b.WriteString("---\n\n*" + escapeMarkdown(o) + "*\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Text returns article a of edition ed as plain text laid out like
// Markdown's output without the markup: headline stack lines, then
// paragraphs separated by blank lines, then the closing line.
func Text(ed *model.Edition, a *model.Article) string {
	var head, b strings.Builder
	for _, s := range []string{a.Column, a.Kicker + a.KickerTail, a.Title(), a.Subheadline} {
		if s != "" {
			head.WriteString(s + "\n")
		}
	}
	b.WriteString(head.String() + "\n")
	para := func(s string) {
		if s != "" {
			b.WriteString(s + "\n\n")
		}
	}
	byline, atEnd := bylineLine(a)
	if !atEnd {
		para(byline)
	}
	for _, blk := range a.Body {
		para(blk.Text)
	}
	para(a.PhotoCredit)
	if atEnd {
		para(byline)
	}
	if a.Continued {
		para("(未完)")
	}
	if o := origin(ed, a); o != "" {
		b.WriteString("—— " + o + "\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// bylineLine returns the byline to print and whether it goes after the
// body. It is empty when the body's first block already starts with it, as
// a lead paragraph 本报讯 (记者…)… may.
func bylineLine(a *model.Article) (string, bool) {
	raw := a.Byline.Raw
	if raw == "" {
		raw = a.Byline.People()
	}
	if raw == "" || (!a.Byline.AtEnd && len(a.Body) > 0 && strings.HasPrefix(a.Body[0].Text, raw)) {
		return "", a.Byline.AtEnd
	}
	return raw, a.Byline.AtEnd
}

// origin names where a was printed: the paper, the date and the page, as
// far as known; for example "海门日报 · 2024-03-19 · 第2版:要闻".
func origin(ed *model.Edition, a *model.Article) string {
	var parts []string
	if ed.Title != "" {
		parts = append(parts, ed.Title)
	}
	if ed.Date != "" {
		parts = append(parts, ed.Date)
	}
	for i := range ed.Sections {
		s := &ed.Sections[i]
		if !hasArticle(s, a) {
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

func hasArticle(s *model.Section, a *model.Article) bool {
	for i := range s.Articles {
		if &s.Articles[i] == a || s.Articles[i].ID == a.ID {
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

// ExportName returns a file name for article a exported as Markdown: the
// edition date (when known), the article ID and the start of its headline,
// such as "2024-03-19_1-2_打好执法组合拳落实长江禁渔令.md". It holds no path
// separators, quotes or control characters.
func ExportName(date string, a *model.Article) string {
	var title strings.Builder
	n := 0
	for _, r := range a.Title() {
		if n == 24 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			title.WriteRune(r)
			n++
		}
	}
	parts := []string{a.ID}
	if date != "" {
		parts = []string{date, a.ID}
	}
	if title.Len() > 0 {
		parts = append(parts, title.String())
	}
	return strings.Join(parts, "_") + ".md"
}
