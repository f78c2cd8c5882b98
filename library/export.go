package library

import (
	"strings"
	"unicode"

	"dubao/model"
)

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
