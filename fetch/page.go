package fetch

import (
	"bytes"
	"encoding/json"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Kind is what a fetched URL turned out to be.
type Kind string

// The kinds of edition Fetch makes.
const (
	KindFeed    Kind = "feed"    // RSS, Atom or JSON Feed
	KindEPaper  Kind = "epaper"  // a 版面 page of an e-paper edition
	KindArticle Kind = "article" // any other page: one article
)

// link is an <a href> of a page, resolved against the page's URL.
type link struct {
	URL  *url.URL
	Text string
}

// page is what fetch reads from an HTML page: never its text, only what
// finding the rest of the edition needs.
type page struct {
	Title   string
	Links   []link
	Refresh *url.URL // <meta http-equiv=refresh> target, if any
}

// parsePage reads text (UTF-8) as HTML served from base. Broken HTML is
// read as browsers read it (x/net/html never fails on bad markup).
func parsePage(text string, base *url.URL) *page {
	p := &page{}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return p
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "base":
				if u, err := base.Parse(attr(n, "href")); err == nil && attr(n, "href") != "" {
					base = u
				}
			case "title":
				if p.Title == "" {
					p.Title = squash(textOf(n))
				}
			case "meta":
				if strings.EqualFold(attr(n, "http-equiv"), "refresh") {
					if u := refreshTarget(attr(n, "content"), base); u != nil && p.Refresh == nil {
						p.Refresh = u
					}
				}
			case "a", "area":
				href := strings.TrimSpace(attr(n, "href"))
				if href != "" && !strings.HasPrefix(href, "#") {
					if u, err := base.Parse(href); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
						u.Fragment = ""
						text := squash(textOf(n))
						if text == "" {
							text = squash(attr(n, "title") + attr(n, "alt"))
						}
						p.Links = append(p.Links, link{URL: u, Text: text})
					}
				}
			case "script", "style":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return p
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// squash folds runs of white space (and U+3000) into one space and drops
// control characters, for titles kept in index.json.
func squash(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

var refreshURL = regexp.MustCompile(`(?i)^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]+)`)

func refreshTarget(content string, base *url.URL) *url.URL {
	m := refreshURL.FindStringSubmatch(content)
	if m == nil || strings.TrimSpace(m[1]) == "" {
		return nil
	}
	u, err := base.Parse(strings.TrimSpace(m[1]))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	return u
}

// sniffKind tells a feed from a page by its content: <rss, <feed, <rdf:RDF
// as the first element, or a JSON object with a jsonfeed.org version.
func sniffKind(body []byte) Kind {
	head := body[:min(len(body), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var v struct {
			Version string `json:"version"`
		}
		// Decoding the whole body is the only sure way to read a JSON
		// field; the body is within the size limit already.
		if json.Unmarshal(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")), &v) == nil && strings.Contains(v.Version, "jsonfeed.org") {
			return KindFeed
		}
		return KindArticle
	}
	rest := trimmed
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			rest = skipPast(rest, "?>")
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			rest = skipPast(rest, "-->")
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			rest = skipPast(rest, ">")
			continue
		}
		break
	}
	lower := bytes.ToLower(rest[:min(len(rest), 16)])
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if bytes.HasPrefix(lower, []byte(tag)) {
			return KindFeed
		}
	}
	return KindArticle
}

func skipPast(b []byte, end string) []byte {
	i := bytes.Index(b, []byte(end))
	if i < 0 {
		return nil
	}
	return b[i+len(end):]
}

// The e-paper systems Chinese papers run name their files alike: 人民日报's
// nbs.D110000renmrb_01.htm (a 版面) and nw.D110000renmrb_20240305_1-01.htm
// (an article); 方正's node_2.htm and content_12345.htm; others
// …/page_01.html or …/01/node.html and …/article/….html. A link's text
// names a 版面 as 第01版、A02版、01版：要闻.
var (
	pageText  = regexp.MustCompile(`^\s*第?\s*[A-Za-z]?\s*[0-9０-９]{1,3}\s*(?:版|版面)(?:\s|[:：]|$)`)
	pageFile  = regexp.MustCompile(`(?i)(?:^nbs\.|^node_\d+\.s?html?$|^page_?\d+\.s?html?$|^layout_?\d+\.s?html?$|^bm_?\d+\.s?html?$)`)
	storyFile = regexp.MustCompile(`(?i)(?:^nw\.|^content_\d+|^article_?\d+|^detail_?\d+)`)
	storyPath = regexp.MustCompile(`(?i)/(?:content|article|detail)s?/`)
)

// isPageLink says whether l looks like a link to a 版面 of an e-paper.
func isPageLink(l link) bool {
	return pageText.MatchString(l.Text) || pageFile.MatchString(path.Base(l.URL.Path))
}

// isStoryLink says whether l, on a 版面 page at pageURL, looks like a link
// to one of its articles.
func isStoryLink(l link) bool {
	base := path.Base(l.URL.Path)
	return storyFile.MatchString(base) || storyPath.MatchString(l.URL.Path)
}

// sameSite: the same host, ignoring a leading "www.".
func sameSite(a, b *url.URL) bool {
	return strings.TrimPrefix(strings.ToLower(a.Hostname()), "www.") == strings.TrimPrefix(strings.ToLower(b.Hostname()), "www.")
}

// pageList returns the 版面 pages a page links to, same site, in order,
// each once: the edition's page list. Fewer than two means the page is not
// a 版面.
func (p *page) pageList(self *url.URL) []link {
	var out []link
	seen := map[string]int{} // URL → index in out
	for _, l := range p.Links {
		// An edition's 版面 pages share a folder; a 版面 link elsewhere
		// is another day's paper (往期).
		if !sameSite(l.URL, self) || !isPageLink(l) || path.Dir(l.URL.Path) != path.Dir(self.Path) {
			continue
		}
		k := l.URL.String()
		if i, ok := seen[k]; ok {
			// Keep the first time a page is named, but take a better name
			// (the list's "01版：要闻" over an image map's blank).
			if out[i].Text == "" {
				out[i].Text = l.Text
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, l)
	}
	return out
}

// stories returns the page's article links, same site, in order, each once.
func (p *page) stories(self *url.URL) []link {
	var out []link
	seen := map[string]int{}
	for _, l := range p.Links {
		if !sameSite(l.URL, self) || isPageLink(l) || !isStoryLink(l) {
			continue
		}
		k := l.URL.String()
		if i, ok := seen[k]; ok {
			// The headline over an image map's blank or a "详细" link.
			if utf8.RuneCountInString(out[i].Text) < utf8.RuneCountInString(l.Text) {
				out[i].Text = l.Text
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, l)
	}
	return out
}
