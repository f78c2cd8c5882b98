package htmltext

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MarkCaptions finds, under root, the pictures that have no caption of
// their own (no alt text, no <figure>) and are followed by a line that
// reads as their caption, and makes each picture and its line a <figure>
// with a <figcaption>, which Convert, and readability before it, keep
// together. Chinese sites rarely mark a caption up: it is the short line
// under the picture, set in grey, small or centred type, or ending in the
// photo's credit (新华社记者 X 摄, 视觉中国, 供图). An empty centred box
// where a saved page has lost its picture (<center><strong></strong>
// </center>) stands for the picture; its caption line must be centred.
// Nothing is dropped: the line's nodes are moved, with the picture, into
// the figure where the line stood.
func MarkCaptions(root *html.Node) {
	if root == nil {
		return
	}
	var pictures []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode || Dropped(c):
			case c.DataAtom == atom.Figure || isCaption(c):
				// Marked up already.
			case c.DataAtom == atom.Img:
				if uncaptioned(c) {
					pictures = append(pictures, c)
				}
			case isPictureSlot(c):
				pictures = append(pictures, c)
			default:
				find(c)
			}
		}
	}
	find(root)
	for _, p := range pictures {
		if line := captionLine(root, p); line != nil {
			makeFigure(p, line)
		}
	}
}

// uncaptioned reports whether img is a picture with no caption of its
// own: no alt text, and not an icon (a side under minIconSide pixels).
func uncaptioned(img *html.Node) bool {
	if Clean(Attr(img, "alt")) != "" || (Attr(img, "src") == "" && Attr(img, "data-src") == "") {
		return false
	}
	for _, k := range []string{"width", "height"} {
		if v, ok := pixels(Attr(img, k)); ok && v < minIconSide {
			return false
		}
	}
	return true
}

// minIconSide is the side, in pixels, under which an <img> is an icon or
// a spacer rather than a picture.
const minIconSide = 40

// isPictureSlot reports whether n is the box a saved page's picture was
// cut out of: a centred element holding only the empty bold or link
// elements that wrapped the picture (<center><strong></strong></center>).
// Not a blank line: no text, not even a no-break space, and no <br>; nor
// an editor's empty <span>.
func isPictureSlot(n *html.Node) bool {
	if !isCentred(n) || n.FirstChild == nil {
		return false
	}
	elements := 0
	var empty func(*html.Node) bool
	empty = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if strings.Trim(c.Data, " \t\r\n") != "" {
					return false
				}
			case html.ElementNode:
				switch c.DataAtom {
				case atom.Strong, atom.B, atom.A:
				default:
					return false
				}
				elements++
				if !empty(c) {
					return false
				}
			}
		}
		return true
	}
	return empty(n) && elements > 0
}

// maxBreaksBeforeCaption is the most <br>s between a picture and its
// caption line; after a blank line or two more, the text is the story's.
const maxBreaksBeforeCaption = 2

// captionLine returns the nodes of the line right after picture p when
// they read as its caption, else nil.
func captionLine(root, p *html.Node) []*html.Node {
	t := firstTextAfter(root, p)
	if t == nil {
		return nil
	}
	for a := t.Parent; a != nil && a != root; a = a.Parent {
		if isHeading(a.DataAtom) || a.DataAtom == atom.Li || a.DataAtom == atom.Pre || a.DataAtom == atom.Figure || isCaption(a) {
			// A heading stays a heading, a list item an item.
			return nil
		}
	}
	line := lineFrom(root, p, t)
	if line == nil {
		return nil
	}
	var b strings.Builder
	for _, n := range line {
		writeText(&b, n)
	}
	raw := b.String()
	text := Clean(raw)
	if text == "" {
		return nil
	}
	n := utf8.RuneCountInString(text)
	if photoCredit(text) {
		if n <= maxCreditedCaption {
			return line
		}
		return nil
	}
	if n > maxStyledCaption || numberedHeading(text) || metaLine(text) || bracketed(text) ||
		strings.HasSuffix(text, "：") || strings.HasSuffix(text, ":") {
		return nil
	}
	st := lineStyle(p, line)
	if st.indented || strings.HasPrefix(strings.TrimLeft(raw, " \t\r\n"), "\u3000") {
		return nil // set as the story's paragraphs are
	}
	bold := allBold(line)
	// A centred line followed by more centred text is verse or a centred
	// passage, not a caption.
	centred := st.centred && !centredTextFollows(root, line[len(line)-1])
	if p.DataAtom != atom.Img {
		// An empty box is weak evidence of a picture: only a short line
		// centred as the box is, in the box's own weight, is its caption.
		return when(centred && n <= maxSlotCaption && bold == holdsBold(p), line)
	}
	if st.grey || st.small || st.captionClass {
		return line
	}
	// A centred line is a caption, but a centred bold line is an
	// intertitle unless the picture is set in bold too: then the bold is
	// the picture's box's, not a heading's.
	return when(centred && (!bold || inBold(p)), line)
}

// centredTextFollows reports whether the next thing after last, the end
// of a line, is more centred text (and not a photo credit, nor another
// picture).
func centredTextFollows(root, last *html.Node) bool {
	for n := following(root, last); n != nil; n = following(root, n) {
		switch {
		case n.Type == html.ElementNode && (n.DataAtom == atom.Img || isPictureSlot(n) || first(n, tag(atom.Img)) != nil):
			return false
		case blank(n):
			continue
		case n.Type != html.ElementNode:
			return false
		}
		for e := n; e != nil; e = soleElement(e) {
			if isCentred(e) {
				return !photoCredit(Text(n))
			}
		}
		return false
	}
	return false
}

// maxCreditedCaption is the longest line ending in a photo credit taken for
// a caption (the text parser's limit); maxStyledCaption the longest taken
// for one by its type alone, and maxSlotCaption under an empty picture box.
const (
	maxCreditedCaption = 200
	maxStyledCaption   = 60
	maxSlotCaption     = 40
)

func when(ok bool, line []*html.Node) []*html.Node {
	if ok {
		return line
	}
	return nil
}

// firstTextAfter returns the first text node with text that follows p in
// the document, nil when another picture, or more than a couple of line
// breaks, come first.
func firstTextAfter(root, p *html.Node) *html.Node {
	breaks := 0
	for n := following(root, p); n != nil; {
		switch {
		case n.Type == html.TextNode:
			if Clean(n.Data) != "" {
				return n
			}
		case n.Type != html.ElementNode || Dropped(n):
		case n.DataAtom == atom.Img || isPictureSlot(n):
			return nil
		case n.DataAtom == atom.Br:
			if breaks++; breaks > maxBreaksBeforeCaption {
				return nil
			}
		case n.FirstChild != nil:
			n = n.FirstChild
			continue
		}
		n = following(root, n)
	}
	return nil
}

// following returns the node after n and all it holds, in document order,
// inside root; nil at root's end.
func following(root, n *html.Node) *html.Node {
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// lineFrom returns the nodes that make up the line text t starts: the
// largest element around t that holds nothing else, and, when that is
// inline, the inline nodes after it up to a <br> or a block. Nil when the
// line holds a picture.
func lineFrom(root, p, t *html.Node) []*html.Node {
	top := t
	for a := top.Parent; a != nil && a != root && !contains(a, p) && holdsOnly(a, top); a = top.Parent {
		top = a
	}
	line := []*html.Node{top}
	if !(top.Type == html.ElementNode && isBlock(top.DataAtom)) {
		for n := top.NextSibling; n != nil; n = n.NextSibling {
			if n.Type == html.ElementNode && (n.DataAtom == atom.Br || isBlock(n.DataAtom) || n.DataAtom == atom.Figure ||
				n.DataAtom == atom.Ul || n.DataAtom == atom.Ol || isHeading(n.DataAtom)) {
				break
			}
			line = append(line, n)
		}
	}
	for _, n := range line {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Img || first(n, func(c *html.Node) bool {
			return c.DataAtom == atom.Img || isHeading(c.DataAtom) || c.DataAtom == atom.Li
		}) != nil) {
			return nil
		}
	}
	return line
}

// holdsOnly reports whether all a holds, besides its child c, is blank.
func holdsOnly(a, c *html.Node) bool {
	for n := a.FirstChild; n != nil; n = n.NextSibling {
		if n != c && !blank(n) {
			return false
		}
	}
	return true
}

// blank reports whether n shows nothing: white space, a comment, a line
// break, an empty or dropped element.
func blank(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		return Clean(n.Data) == ""
	case html.ElementNode:
		if Dropped(n) || n.DataAtom == atom.Br {
			return true
		}
		return n.DataAtom != atom.Img && Text(n) == "" && first(n, tag(atom.Img)) == nil
	}
	return true
}

// makeFigure moves picture p (an <img>; an empty box stays where it is)
// and the nodes of its caption line into a new <figure>, which takes the
// line's place.
func makeFigure(p *html.Node, line []*html.Node) {
	parent := line[0].Parent
	fig := &html.Node{Type: html.ElementNode, Data: "figure", DataAtom: atom.Figure}
	caption := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
	parent.InsertBefore(fig, line[0])
	if p.DataAtom == atom.Img {
		p.Parent.RemoveChild(p)
		fig.AppendChild(p)
	}
	for _, n := range line {
		parent.RemoveChild(n)
		caption.AppendChild(n)
	}
	fig.AppendChild(caption)
}

// contains reports whether n is a or inside it.
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// first returns the first element under n that matches, or nil.
func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if match(c) {
			return c
		}
		if f := first(c, match); f != nil {
			return f
		}
	}
	return nil
}

// tag matches elements of tag a.
func tag(a atom.Atom) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.DataAtom == a }
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
