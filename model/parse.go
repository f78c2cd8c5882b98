package model

import (
	"strings"
)

// Options tell the parser where the text came from.
type Options struct {
	// Source names the input (a path, "-", or "seed:NAME").
	Source string
	// Title is used when the text has no masthead or top-level heading.
	Title string
}

// Parse decodes data and parses it into an edition.
//
// PLACEHOLDER implementation while the real parser is written.
func Parse(data []byte, opt Options) (*Edition, error) {
	text := string(data)
	e := &Edition{Title: opt.Title, Source: opt.Source, Encoding: "utf-8"}
	sec := Section{Index: 1, Name: "1"}
	art := Article{ID: "1-1", Kind: KindNews}
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if art.Headline == "" {
			art.Headline = p
			continue
		}
		art.Body = append(art.Body, Block{Type: Paragraph, Text: p})
	}
	sec.Articles = append(sec.Articles, art)
	e.Sections = append(e.Sections, sec)
	return e, nil
}
