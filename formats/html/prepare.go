package html

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/htmltext"
)

// prune removes from the page's body the elements htmltext drops (ads,
// share buttons, scripts, navigation), before readability scores the page:
// readability strips the class names that mark them.
func prune(doc *html.Node) {
	body := first(doc, tag(atom.Body))
	if body == nil {
		return
	}
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && htmltext.Dropped(c) {
				n.RemoveChild(c)
			} else {
				rec(c)
			}
			c = next
		}
	}
	rec(body)
}

// paragraphize wraps the runs of inline content that <br>s separate in
// <p> elements. Many Chinese sites write a story as one <div> of text and
// <br>s; readability drops lone <br>s, which would run its paragraphs
// together.
func paragraphize(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			paragraphize(c)
		}
	}
	if n.Type != html.ElementNode || n.DataAtom == atom.P || !hasChild(n, atom.Br) {
		return
	}
	var run []*html.Node
	wrap := func(before *html.Node) {
		if len(run) == 0 {
			return
		}
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		n.InsertBefore(p, before)
		for _, r := range run {
			n.RemoveChild(r)
			p.AppendChild(r)
		}
		run = run[:0]
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br:
			wrap(c)
			n.RemoveChild(c)
		case c.Type == html.ElementNode && isBlockElement(c):
			wrap(c)
		default:
			run = append(run, c)
		}
		c = next
	}
	wrap(nil)
}

func hasChild(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return true
		}
	}
	return false
}

func isBlockElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Blockquote, atom.Ul, atom.Ol, atom.Table,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figure, atom.Pre, atom.Hr, atom.Center, atom.Dl:
		return true
	}
	return false
}

// siteWords mark the part of a <title> that names the site, not the story.
var siteWords = []string{"网", "报", "新闻", "频道", "News", "Paper", "Times", "Daily", "Post"}

// titleSeparators part a page <title>'s headline from the site's name.
var titleSeparators = []string{" - ", " | ", "--", "－", "-", "_", "|", "—"}

// headline picks the story's headline: the page's <h1> when the <title>
// holds it, else the <title> less the site names after it. It returns the
// site name it cut off too.
func headline(doc *html.Node, title string) (string, string) {
	for _, h := range findAll(doc, tag(atom.H1)) {
		if t := htmltext.Text(h); t != "" && strings.Contains(title, t) {
			return t, siteSuffix(title[strings.Index(title, t)+len(t):])
		}
	}
	site := ""
	for {
		cut := -1
		sepLen := 0
		for _, sep := range titleSeparators {
			if i := strings.LastIndex(title, sep); i > cut {
				cut, sepLen = i, len(sep)
			}
		}
		if cut <= 0 {
			return title, site
		}
		suffix := strings.TrimSpace(title[cut+sepLen:])
		prefix := strings.TrimSpace(title[:cut])
		if utf8.RuneCountInString(prefix) < 4 || utf8.RuneCountInString(suffix) > 16 || !siteLike(suffix) {
			return title, site
		}
		if site == "" {
			site = suffix
		}
		title = prefix
	}
}

// siteSuffix returns the site name in what follows the headline in a
// <title>: "-新华网" gives 新华网.
func siteSuffix(s string) string {
	s = strings.TrimSpace(s)
	for _, sep := range titleSeparators {
		s = strings.TrimSpace(strings.TrimPrefix(s, strings.TrimSpace(sep)))
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(s, sep); i >= 0 {
			s = strings.TrimSpace(s[i+len(sep):])
		}
	}
	if utf8.RuneCountInString(s) > 16 {
		return ""
	}
	return s
}

func siteLike(s string) bool {
	for _, w := range siteWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
