// Package html reads news in HTML: a single article page of a news site, or
// an e-paper saved as a folder (see ReadFolder). A page is read by its own
// structure where the site's is known (人民网's h3.pre / h1 / h4.sub /
// p.author; the Founder 方正 e-paper systems' h3 / h1 / h2 / p.sec /
// founder-content / p.ban), else by readability.
package html

import (
	"errors"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/charset"
	"dubao/formats/htmltext"
	"dubao/model"
)

// ErrNoArticle means the page holds no article text that could be found.
var ErrNoArticle = errors.New("no article found on the page")

// story is one article read from a page, with what the page says about
// where it stands.
type story struct {
	article model.Article
	site    string // the site or paper's name (人民网, 中国青年报)
	date    string // YYYY-MM-DD
	page    string // the page header (第05版：冰点周刊), on an e-paper
}

// Parse reads data, one article page, as an edition of one section and one
// article.
func Parse(data []byte, opt model.Options) (*model.Edition, error) {
	st, enc, err := readPage(data, "")
	if err != nil {
		return nil, err
	}
	ed := &model.Edition{Title: opt.Title, Source: opt.Source, Encoding: enc, Date: st.date}
	if st.article.Headline != "" {
		ed.Title = st.article.Headline
	}
	ed.Masthead = st.site
	sec := model.Section{Index: 1, Name: st.site}
	if st.page != "" {
		sec.Header = st.page
		sec.Page, sec.Name = pageHeader(st.page)
	}
	if sec.Name == "" {
		sec.Name = shorten(ed.Title, 12)
	}
	st.article.ID = "1-1"
	sec.Articles = []model.Article{st.article}
	ed.Sections = []model.Section{sec}
	return ed, nil
}

// readPage decodes and reads one article page. base is the page's address
// when the caller knows it (a saved e-paper's page); the page's own
// canonical address wins.
func readPage(data []byte, base string) (story, string, error) {
	text, enc, err := charset.Decode(data)
	if err != nil {
		return story{}, "", err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return story{}, "", err
	}
	pageURL := pageAddress(doc, text)
	if pageURL == "" {
		pageURL = base
	}
	st, ok := founderPage(doc)
	if !ok {
		st, ok = peoplePage(doc)
	}
	if !ok {
		st, ok = readablePage(doc, pageURL)
	}
	if !ok {
		return story{}, enc, ErrNoArticle
	}
	a := &st.article
	a.URL = pageURL
	if a.Kind == "" {
		a.Kind = model.KindNews
	}
	if a.Headline == "" {
		a.Kind = model.KindBrief
	}
	resolveImages(a.Body, pageURL)
	htmltext.SplitLeadByline(a)
	if st.site == "" {
		st.site = metaContent(doc, "og:site_name")
	}
	if st.date == "" {
		st.date = findDate(metaContent(doc, "article:published_time") + " " + metaContent(doc, "publishdate") + " " + pageURL)
	}
	return st, enc, nil
}

// hasText reports whether blocks hold any text.
func hasText(blocks []model.Block) bool {
	for _, b := range blocks {
		if b.Text != "" {
			return true
		}
	}
	return false
}

// savedFrom matches the comment browsers and GNE put before a saved page:
// <!-- saved from url=(0060)http://... --> or <!--http://...-->.
var savedFrom = regexp.MustCompile(`^\s*(?:<!DOCTYPE[^>]*>\s*)?<!--\s*(?:saved from url=\(\d+\))?\s*(https?://[^\s>]+?)\s*-->`)

// pageAddress returns the page's address: its canonical link, og:url, or
// the address a saved page's first comment gives.
func pageAddress(doc *html.Node, text string) string {
	var canon string
	walk(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Link && strings.EqualFold(htmltext.Attr(n, "rel"), "canonical") {
			canon = htmltext.Attr(n, "href")
			return false
		}
		return canon == ""
	})
	for _, u := range []string{canon, metaContent(doc, "og:url")} {
		if u = strings.TrimSpace(u); strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			return htmltext.Clean(u)
		}
	}
	if m := savedFrom.FindStringSubmatch(text[:min(len(text), 4096)]); m != nil {
		return htmltext.Clean(m[1])
	}
	return ""
}

// resolveImages makes the captions' picture references absolute against
// the page's address.
func resolveImages(blocks []model.Block, pageURL string) {
	base, err := url.Parse(pageURL)
	if err != nil || pageURL == "" {
		return
	}
	for i := range blocks {
		if blocks[i].Image == "" {
			continue
		}
		if ref, err := url.Parse(blocks[i].Image); err == nil {
			blocks[i].Image = base.ResolveReference(ref).String()
		}
	}
}

// metaContent returns the content of <meta property|name=key>.
func metaContent(doc *html.Node, key string) string {
	var v string
	walk(doc, func(n *html.Node) bool {
		if n.DataAtom == atom.Meta && (strings.EqualFold(htmltext.Attr(n, "property"), key) || strings.EqualFold(htmltext.Attr(n, "name"), key)) {
			v = htmltext.Clean(htmltext.Attr(n, "content"))
			return false
		}
		return v == "" && n.DataAtom != atom.Body
	})
	return v
}

// datePattern finds a date: 2019-06-15, 2019/06/15, 2019年06月15日, or the
// /201906/15/ and /2019-06/15/ of e-paper addresses.
var datePattern = regexp.MustCompile(`((?:19|20)\d\d)(?:年|[-/.]|)(\d{1,2})(?:月|[-/.]|/)(\d{1,2})(?:日|[^\d]|$)`)

// findDate returns the first real date s states, as YYYY-MM-DD.
func findDate(s string) string {
	for _, m := range datePattern.FindAllStringSubmatch(s, -1) {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		if mo >= 1 && mo <= 12 && d >= 1 && d <= 31 {
			return strconv.Itoa(y) + "-" + pad2(mo) + "-" + pad2(d)
		}
	}
	return ""
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// pageHeaderPattern reads an e-paper page name: 第05版：冰点周刊, 01版：要闻,
// A02版 国内.
var pageHeaderPattern = regexp.MustCompile(`^第?\s*([A-Za-z]?\d+)\s*版\s*[:：]?\s*(.*)$`)

// pageHeader splits a page header into its page number and name; a header
// of another shape is all name.
func pageHeader(h string) (page, name string) {
	if m := pageHeaderPattern.FindStringSubmatch(h); m != nil {
		return m[1], strings.TrimSpace(m[2])
	}
	return "", h
}

// shorten cuts s to n runes, with an ellipsis when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// walk calls f on every element under n in document order; f returns false
// to stop the walk.
func walk(n *html.Node, f func(*html.Node) bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if !f(c) || !walk(c, f) {
			return false
		}
	}
	return true
}

// findAll returns the elements under n that match.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(c *html.Node) bool {
		if match(c) {
			out = append(out, c)
		}
		return true
	})
	return out
}

// first returns the first element under n that matches, or nil.
func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if match(c) {
			found = c
			return false
		}
		return true
	})
	return found
}

// hasClass reports whether n has class c.
func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(htmltext.Attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// tagClass matches elements of tag a (any tag when 0) with class c.
func tagClass(a atom.Atom, c string) func(*html.Node) bool {
	return func(n *html.Node) bool { return (a == 0 || n.DataAtom == a) && hasClass(n, c) }
}

// tag matches elements of tag a.
func tag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

// Page is what ReadPage finds on an article page.
type Page struct {
	// Article is the story, found as Parse finds it; its URL is the page's
	// canonical address, else the base ReadPage was given.
	Article model.Article
	// Site is the site or paper's name (人民网, 中国青年报), if the page says.
	Site string
	// Date is the date the page states, YYYY-MM-DD, if any.
	Date string
	// Header is the e-paper page header the page states (第05版：冰点周刊).
	Header string
	// Encoding is the encoding the bytes were read in.
	Encoding string
}

// ReadPage reads data, one article page, as Parse does, for a caller that
// assembles an edition of pages itself. base is the page's address when
// the caller knows it. A page with no article is ErrNoArticle.
func ReadPage(data []byte, base string) (Page, error) {
	st, enc, err := readPage(data, base)
	if err != nil {
		return Page{}, err
	}
	return Page{Article: st.article, Site: st.site, Date: st.date, Header: st.page, Encoding: enc}, nil
}

// LayoutHeader returns the page name a 版面 page states (第01版：要闻, from
// its .ban element or its text outside links), "" when it states none.
func LayoutHeader(data []byte) string {
	text, _, err := charset.Decode(data)
	if err != nil {
		return ""
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return ""
	}
	return layoutHeader(doc)
}

// SplitPageHeader splits an e-paper page header into its page number and
// name (01 and 要闻 from 01版：要闻); a header of another shape is all name.
func SplitPageHeader(h string) (page, name string) { return pageHeader(h) }
