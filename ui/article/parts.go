package article

import (
	"strings"

	"dubao/library"
	"dubao/model"
)

// Role says what a part of an article is, and so how its lines are drawn.
type Role int

// The roles, in the order an article's parts appear.
const (
	RoleKicker Role = iota
	RoleHeadline
	RoleSubheadline
	RoleColumn
	RoleByline
	// RoleURL is the address the story was published at, on one line
	// under the byline.
	RoleURL
	RoleParagraph
	RoleIntertitle
	RoleCaption
	RoleCredit
	// RoleGap is a blank line between parts.
	RoleGap
)

// Part is one block of an article as the pane sets it: the lines of the
// headline stack and the byline, the source URL, then the body's blocks,
// then the photo credit. Search walks
// the same list, so the k-th match it reports in an article is the k-th match
// the pane highlights.
type Part struct {
	Role Role
	// Text is the part's source text; search offsets index into it.
	Text string
	// Searchable is true for the headline stack and the body, the text a
	// search covers.
	Searchable bool
	// Block is the part's index in the article's Body, or -1 for the
	// headline stack, the byline, the URL and the photo credit. Saved reading
	// positions and library search hits name body blocks so.
	Block int
}

// Parts lists the parts of a in reading order.
func Parts(a *model.Article) []Part {
	var ps []Part
	block := -1
	add := func(r Role, text string, searchable bool) {
		if strings.TrimSpace(text) != "" {
			ps = append(ps, Part{Role: r, Text: text, Searchable: searchable, Block: block})
		}
	}
	add(RoleKicker, a.Kicker, true)
	add(RoleHeadline, a.Headline, true)
	add(RoleSubheadline, a.Subheadline, true)
	add(RoleColumn, a.Column, false)
	add(RoleByline, a.Credits(), false)
	add(RoleURL, a.URL, false)
	for i, b := range a.Body {
		block = i
		switch b.Type {
		case model.Intertitle:
			add(RoleIntertitle, b.Text, true)
		case model.Caption:
			add(RoleCaption, b.Text, true)
		default:
			add(RoleParagraph, b.Text, true)
		}
	}
	block = -1
	add(RoleCredit, a.PhotoCredit, false)
	return ps
}

// Span is a byte range of a text.
type Span struct{ Start, End int }

// Find returns the non-overlapping occurrences of q in text, matched as the
// library's search matches (library.Match: ignoring case and the width of
// punctuation), so the reader highlights what a search found. An empty q
// matches nothing.
func Find(text, q string) []Span {
	if q == "" {
		return nil
	}
	var out []Span
	for off := 0; off < len(text); {
		s, e := library.Match(text[off:], q)
		if s < 0 {
			break
		}
		out = append(out, Span{off + s, off + e})
		off += e
	}
	return out
}
