// Package htmltext turns HTML (an article page's content, an EPUB chapter, a
// feed item's body) into the blocks of a model.Article: paragraphs, headings
// as intertitles, pictures with their captions. Scripts, styles, navigation,
// forms, ads, share and like buttons are dropped; everything else that is
// text is kept, in order. For an article page, MarkCaptions finds the
// captions a site did not mark up, and Options.TrimEdges drops the page
// furniture left at the body's edges.
package htmltext

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/model"
)

// Options adjust a conversion.
type Options struct {
	// Image maps an <img> src to the reference kept in model.Block.Image
	// (resolved against the page's URL, or a path inside an EPUB). Nil
	// keeps src as written.
	Image func(src string) string
	// Drop reports whether an element is left out with all it holds, in
	// addition to the elements Dropped names (calibre's navigation bars in
	// an EPUB, say). May be nil.
	Drop func(n *html.Node) bool

	// Split reports whether a new Part starts at element n (ConvertParts
	// only): an EPUB's chapters can start at an anchor inside a file.
	Split func(n *html.Node) bool

	// TrimEdges drops the page furniture an article page leaves at the
	// start and end of its body (see trimEdges): a gallery label, a like
	// counter ("+1"), a whole-link promotion (点击进入…>>). Convert and
	// FromString only.
	TrimEdges bool
	// Headline, with TrimEdges, is the story's headline: an intertitle
	// that repeats it at the start of the body goes too (readability keeps
	// the page's <h1> in the content).
	Headline string

	noMarkers bool // no list markers: the lossless tests compare text only
}

// Part is a run of blocks: those before the first element Options.Split
// picked (Start nil), or from one such element to the next.
type Part struct {
	// Start is the element the part starts at; nil for the first part.
	Start *html.Node
	// Blocks are the part's blocks.
	Blocks []model.Block
}

// ConvertParts converts n as Convert does, cut into parts where
// Options.Split says. The first part (Start nil) is always there.
func ConvertParts(n *html.Node, opt Options) []Part {
	c := newConverter(opt)
	if n != nil {
		c.walk(n)
	}
	blocks := c.finish()
	parts := make([]Part, 0, len(c.starts)+1)
	from := 0
	for i, start := range append([]*html.Node{nil}, c.starts...) {
		to := len(blocks)
		if i < len(c.bounds) {
			to = c.bounds[i]
		}
		parts = append(parts, Part{Start: start, Blocks: blocks[from:to:to]})
		from = to
	}
	return parts
}

// maxBoldIntertitle is the longest paragraph, in runes, that is read as an
// intertitle when all of it is bold: Chinese papers mark 小标题 that way.
const maxBoldIntertitle = 40

// FromString parses s as the content of an HTML <body> and converts it.
func FromString(s string, opt Options) []model.Block {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		return nil
	}
	c := newConverter(opt)
	for _, n := range nodes {
		c.walk(n)
	}
	return c.result()
}

// Convert converts the content of n (an element, or a whole document).
func Convert(n *html.Node, opt Options) []model.Block {
	if n == nil {
		return nil
	}
	c := newConverter(opt)
	c.walk(n)
	return c.result()
}

// converter accumulates blocks.
type converter struct {
	opt    Options
	blocks []model.Block
	buf    strings.Builder // inline text of the block being built
	// bold counts the runes of buf written inside <b>/<strong>, to tell a
	// bold intertitle from a paragraph.
	bold, plain int
	inBold      int
	// runes counts the runes of buf that came from the page, linked those
	// of them inside a link: a block that is all link may be furniture.
	runes, linked int
	inLink        int
	linkOnly      []bool // for each of blocks, whether all its text was linked
	heading       int    // depth inside h1–h6
	lists         []*list
	starts        []*html.Node // the elements where Split started a part
	bounds        []int        // len(blocks) at each start
}

// list is an open <ul> or <ol>.
type list struct {
	ordered bool
	n       int
}

func newConverter(opt Options) *converter { return &converter{opt: opt} }

func (c *converter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		c.text(n.Data)
		return
	case html.CommentNode, html.DoctypeNode, html.RawNode:
		return
	case html.ElementNode:
		if Dropped(n) || (c.opt.Drop != nil && c.opt.Drop(n)) {
			return
		}
		if c.opt.Split != nil && c.opt.Split(n) {
			c.flush(model.Paragraph)
			c.starts = append(c.starts, n)
			c.bounds = append(c.bounds, len(c.blocks))
		}
		c.element(n)
		return
	}
	c.children(n)
}

func (c *converter) children(n *html.Node) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(ch)
	}
}

func (c *converter) text(s string) {
	c.buf.WriteString(s)
	if strings.TrimSpace(s) == "" {
		return
	}
	k := utf8.RuneCountInString(s)
	c.runes += k
	if c.inLink > 0 {
		c.linked += k
	}
	if c.inBold > 0 {
		c.bold += k
	} else {
		c.plain += k
	}
}

func (c *converter) element(n *html.Node) {
	switch n.DataAtom {
	case atom.Br:
		c.flush(model.Paragraph)
	case atom.Img:
		c.image(n, "")
	case atom.Figure:
		c.figure(n)
	case atom.Div:
		if hasClassWord(n, "figure") {
			// EPUB 2 and XHTML 1 have no <figure>: pandoc writes
			// div.figure with a p.caption.
			c.figure(n)
			return
		}
		c.flush(model.Paragraph)
		c.children(n)
		c.flush(model.Paragraph)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.flush(model.Paragraph)
		c.heading++
		c.children(n)
		c.heading--
		c.flush(model.Intertitle)
	case atom.B, atom.Strong:
		c.inBold++
		c.children(n)
		c.inBold--
	case atom.A:
		c.inLink++
		c.children(n)
		c.inLink--
	case atom.Ul, atom.Ol:
		c.flush(model.Paragraph)
		c.lists = append(c.lists, &list{ordered: n.DataAtom == atom.Ol, n: startOf(n)})
		c.children(n)
		c.lists = c.lists[:len(c.lists)-1]
		c.flush(model.Paragraph)
	case atom.Li:
		c.flush(model.Paragraph)
		c.marker()
		c.children(n)
		c.flush(model.Paragraph)
	default:
		if isBlock(n.DataAtom) {
			c.flush(model.Paragraph)
			c.children(n)
			c.flush(model.Paragraph)
			return
		}
		c.children(n)
	}
}

// startOf returns the number an <ol> counts from, less one.
func startOf(n *html.Node) int {
	for _, a := range n.Attr {
		if a.Key == "start" {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil && v > -1000000 && v < 1000000 {
				return v - 1
			}
		}
	}
	return 0
}

// marker starts a list item with its bullet or number.
func (c *converter) marker() {
	if len(c.lists) == 0 || c.opt.noMarkers {
		return
	}
	l := c.lists[len(c.lists)-1]
	l.n++
	if l.ordered {
		c.buf.WriteString(strconv.Itoa(l.n) + ". ")
	} else {
		c.buf.WriteString("• ")
	}
	c.plain-- // the marker is not text the source had
}

// figure turns a <figure> into a caption per picture, the figcaption's text
// going with the first.
func (c *converter) figure(n *html.Node) {
	c.flush(model.Paragraph)
	var imgs []*html.Node
	var caption *html.Node
	var rest []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.Type == html.ElementNode && (Dropped(ch) || (c.opt.Drop != nil && c.opt.Drop(ch))):
			case ch.Type == html.ElementNode && ch.DataAtom == atom.Img:
				imgs = append(imgs, ch)
			case ch.Type == html.ElementNode && isCaption(ch) && caption == nil:
				caption = ch
			case ch.Type == html.ElementNode && ch.FirstChild != nil && !isCaption(ch):
				find(ch)
			default:
				rest = append(rest, ch)
			}
		}
	}
	find(n)
	text := ""
	if caption != nil {
		// The caption may hold paragraphs or line breaks: its text is kept
		// whole, as one caption.
		var parts []string
		opt := c.opt
		opt.TrimEdges = false // a caption's text is all kept
		for _, b := range Convert(caption, opt) {
			parts = append(parts, b.Text)
		}
		text = strings.Join(parts, " ")
	}
	for i, img := range imgs {
		if i == 0 {
			c.image(img, text)
		} else {
			c.image(img, "")
		}
	}
	if len(imgs) == 0 && text != "" {
		c.add(model.Block{Type: model.Caption, Text: text}, false)
	}
	for _, r := range rest {
		c.walk(r)
	}
	c.flush(model.Paragraph)
}

// image adds a caption for img: caption when given, else its alt text. A
// picture with neither is kept only as a reference inside a caption when
// it has a caption; a bare <img> without alt text adds nothing.
func (c *converter) image(img *html.Node, caption string) {
	src, alt := Attr(img, "src"), Clean(Attr(img, "alt"))
	if src == "" {
		src = Attr(img, "data-src")
	}
	text := caption
	if text == "" {
		text = alt
	}
	if text == "" {
		return
	}
	c.flush(model.Paragraph)
	if src != "" && c.opt.Image != nil {
		src = c.opt.Image(src)
	}
	c.add(model.Block{Type: model.Caption, Text: text, Image: Clean(src)}, false)
}

// flush ends the block being built; typ is what it is unless all of it was
// bold and short, which makes it an intertitle, or it stands inside a
// heading.
func (c *converter) flush(typ model.BlockType) {
	text := Clean(c.buf.String())
	bold, plain := c.bold, c.plain
	linkOnly := c.linked > 0 && c.linked == c.runes
	c.buf.Reset()
	c.bold, c.plain, c.runes, c.linked = 0, 0, 0, 0
	if text == "" {
		return
	}
	if c.heading > 0 {
		typ = model.Intertitle
	}
	if typ == model.Paragraph && bold > 0 && plain <= 0 && len(c.lists) == 0 &&
		utf8.RuneCountInString(text) <= maxBoldIntertitle {
		typ = model.Intertitle
	}
	c.add(model.Block{Type: typ, Text: text}, linkOnly)
}

// add appends a block; linkOnly says whether all its text was a link.
func (c *converter) add(b model.Block, linkOnly bool) {
	c.blocks = append(c.blocks, b)
	c.linkOnly = append(c.linkOnly, linkOnly)
}

func (c *converter) finish() []model.Block {
	c.flush(model.Paragraph)
	return c.blocks
}

// result finishes a whole conversion, trimming its edges when asked.
func (c *converter) result() []model.Block {
	blocks := c.finish()
	if c.opt.TrimEdges {
		blocks = trimEdges(blocks, c.linkOnly, c.opt.Headline)
	}
	return blocks
}

// isCaption reports whether n is a picture's caption: <figcaption>, or an
// element of class caption (pandoc's EPUB 2, many CMSs).
func isCaption(n *html.Node) bool {
	return n.DataAtom == atom.Figcaption || hasClassWord(n, "caption") || hasClassWord(n, "figcaption")
}

// hasClassWord reports whether n has class c.
func hasClassWord(n *html.Node, c string) bool {
	for _, f := range strings.Fields(Attr(n, "class")) {
		if strings.EqualFold(f, c) {
			return true
		}
	}
	return false
}

// Attr returns n's attribute key, or "" when it has none; the readers of
// pages, folders and EPUBs look attributes up through it.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// isBlock reports whether an element starts a new block.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote,
		atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Dl, atom.Dt, atom.Dd,
		atom.Header, atom.Footer, atom.Address, atom.Figcaption, atom.Hr, atom.Center,
		atom.Body, atom.Html, atom.Caption, atom.Details, atom.Summary, atom.Tbody, atom.Thead,
		atom.Tfoot:
		return true
	}
	return false
}
