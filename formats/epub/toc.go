package epub

import (
	"bytes"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/htmltext"
)

// entry is one entry of the table of contents.
type entry struct {
	label    string
	file     string // full path in the zip
	fragment string
	children []entry
}

// maxTOCDepth bounds the nesting read from a table of contents: no real
// one is deeper, and a hostile one must not exhaust the stack.
const maxTOCDepth = 32

// toc reads the table of contents: the EPUB 3 navigation document when
// there is one, else the NCX. It returns nil when the EPUB has neither, or
// they list nothing.
func (b *book) toc() []entry {
	for _, it := range b.manifest {
		if strings.Contains(" "+it.properties+" ", " nav ") {
			if es := b.navTOC(it.href); len(es) > 0 {
				return es
			}
		}
	}
	ncx, ok := b.manifest[b.tocID]
	if !ok {
		for _, it := range b.manifest {
			if it.mediaType == "application/x-dtbncx+xml" {
				ncx, ok = it, true
				break
			}
		}
	}
	if ok {
		return b.ncxTOC(ncx.href)
	}
	return nil
}

// navPoint is an NCX entry.
type navPoint struct {
	Label   string `xml:"navLabel>text"`
	Content struct {
		Src string `xml:"src,attr"`
	} `xml:"content"`
	Points []navPoint `xml:"navPoint"`
}

func (b *book) ncxTOC(name string) []entry {
	data, err := b.read(name)
	if err != nil {
		return nil
	}
	var doc struct {
		Points []navPoint `xml:"navMap>navPoint"`
	}
	if err := decodeXML(data, &doc); err != nil {
		return nil
	}
	dir := path.Dir(name)
	var conv func([]navPoint, int) []entry
	conv = func(ps []navPoint, depth int) []entry {
		if depth > maxTOCDepth {
			return nil
		}
		var out []entry
		for _, p := range ps {
			e := b.entry(dir, htmltext.Clean(p.Label), p.Content.Src)
			e.children = conv(p.Points, depth+1)
			out = append(out, e)
		}
		return out
	}
	return conv(doc.Points, 0)
}

func (b *book) entry(dir, label, src string) entry {
	_, frag, _ := strings.Cut(src, "#")
	return entry{label: label, file: b.resolve(dir, src), fragment: unescape(frag)}
}

// navTOC reads the <nav epub:type="toc"> of an EPUB 3 navigation document
// (or its first <nav>).
func (b *book) navTOC(name string) []entry {
	data, err := b.read(name)
	if err != nil {
		return nil
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	var navs []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.Nav {
			navs = append(navs, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if len(navs) == 0 {
		return nil
	}
	nav := navs[0]
	for _, n := range navs {
		if strings.Contains(" "+attrOf(n, "epub:type")+" ", " toc ") || attrOf(n, "role") == "doc-toc" {
			nav = n
			break
		}
	}
	dir := path.Dir(name)
	var list func(*html.Node, int) []entry
	list = func(ol *html.Node, depth int) []entry {
		if depth > maxTOCDepth {
			return nil
		}
		var out []entry
		for li := ol.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode || li.DataAtom != atom.Li {
				continue
			}
			var e entry
			for c := li.FirstChild; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode {
					continue
				}
				switch c.DataAtom {
				case atom.A:
					e = b.entry(dir, htmltext.Text(c), attrOf(c, "href"))
				case atom.Span:
					if e.label == "" {
						e.label = htmltext.Text(c)
					}
				case atom.Ol, atom.Ul:
					e.children = list(c, depth+1)
				}
			}
			out = append(out, e)
		}
		return out
	}
	for c := nav.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Ol || c.DataAtom == atom.Ul) {
			return list(c, 0)
		}
	}
	return nil
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key || (a.Namespace != "" && a.Namespace+":"+a.Key == key) {
			return a.Val
		}
	}
	return ""
}
