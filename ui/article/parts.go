package article

import (
	"strings"

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
	RoleParagraph
	RoleIntertitle
	RoleCaption
	RoleCredit
	// RoleGap is a blank line between parts.
	RoleGap
)

// Part is one block of an article as the pane sets it: the lines of the
// headline stack, then the body's blocks, then the photo credit. Search walks
// the same list, so the k-th match it reports in an article is the k-th match
// the pane highlights.
type Part struct {
	Role Role
	// Text is the part's source text; search offsets index into it.
	Text string
	// Searchable is true for the headline stack and the body, the text a
	// search covers.
	Searchable bool
}

// Parts lists the parts of a in reading order.
func Parts(a *model.Article) []Part {
	var ps []Part
	add := func(r Role, text string, searchable bool) {
		if strings.TrimSpace(text) != "" {
			ps = append(ps, Part{Role: r, Text: text, Searchable: searchable})
		}
	}
	add(RoleKicker, a.Kicker, true)
	add(RoleHeadline, a.Headline, true)
	add(RoleSubheadline, a.Subheadline, true)
	add(RoleColumn, a.Column, false)
	people := a.Byline.People()
	if people == "" {
		people = a.Byline.Raw
	}
	b := a.Byline
	if a.PhotoCredit != "" && len(b.Reporters) == 0 && len(b.Correspondents) == 0 {
		// The byline names only the photographer, whom the credit under
		// the caption names already.
		people = ""
	}
	add(RoleByline, people, false)
	for _, b := range a.Body {
		switch b.Type {
		case model.Intertitle:
			add(RoleIntertitle, b.Text, true)
		case model.Caption:
			add(RoleCaption, b.Text, true)
		default:
			add(RoleParagraph, b.Text, true)
		}
	}
	add(RoleCredit, a.PhotoCredit, false)
	return ps
}

// Find returns the byte offsets of the non-overlapping occurrences of q in
// text. An empty q matches nothing.
func Find(text, q string) []int {
	if q == "" {
		return nil
	}
	var at []int
	for off := 0; ; {
		i := strings.Index(text[off:], q)
		if i < 0 {
			return at
		}
		at = append(at, off+i)
		off += i + len(q)
	}
}
