package htmltext

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file holds what tells a picture's caption line from the story's
// text: the credit its text ends in, and the type it is set in.

// creditEnd matches the photo credit a caption ends in: 新华社记者 X 摄,
// X/摄影, 受访者供图, 视觉中国 资料, 资料图片, 图片来源：网络.
var creditEnd = regexp.MustCompile(`(?:摄影?|攝影?|[供提][图圖]|` +
	`资料图片?|資料圖片?|资料照片|資料照片|网络图片|網絡圖片|` +
	`(?:视觉中国|視覺中國|东方IC|東方IC|CFP|IC ?photo|图虫创意|圖蟲創意|人民视觉|人民視覺|新华社|新華社|中新社|` +
	`Getty ?Images|路透社|法新社|美联社|美聯社)\s*(?:[/／]?\s*(?:发|發|供图|供圖|资料|資料|资料图|資料圖|图|圖|图片|圖片|照片))?|` +
	`[/／]\s*[图圖摄攝]|` +
	`(?:图片来源|圖片來源|图源|圖源|图片来自|圖片來自|图片提供|圖片提供)\s*[:：]?\s*[^\s:：。]{1,30})$`)

// captionStart matches the words a caption opens with: 图为, 上图：, 图片说明.
var captionStart = regexp.MustCompile(`^(?:[上下左右中]?[图圖](?:为|為|[：:/／])|图片说明|圖片說明|图注|圖註)`)

// photoCredit reports whether text reads as a photo's caption by its words:
// it ends in a photo credit, perhaps in brackets, or opens with 图为.
func photoCredit(text string) bool {
	t := strings.TrimRight(text, " )）]】。.")
	if strings.HasSuffix(t, "拍摄") || strings.HasSuffix(t, "拍攝") {
		return false // filming, said of someone: a sentence's verb
	}
	return creditEnd.MatchString(t) || captionStart.MatchString(text)
}

// metaLine matches the words of a story's date, source or editor line
// (来源：新华网, 责任编辑：X), which sites set in grey or small type too.
var metaLine = regexp.MustCompile(`(?:来源|來源|编辑|編輯|责编|責編|作者|时间|時間)\s*[:：]|发布时间|發佈時間`).MatchString

// bracketed reports whether text is all in brackets: （完）, （本报记者 X）,
// the end or the byline of a story rather than a caption.
func bracketed(text string) bool {
	return (strings.HasPrefix(text, "（") && strings.HasSuffix(text, "）")) ||
		(strings.HasPrefix(text, "(") && strings.HasSuffix(text, ")")) ||
		(strings.HasPrefix(text, "【") && strings.HasSuffix(text, "】"))
}

// numberedHeading matches the numbers of intertitles: 一、 （二） 3、 第四部分.
var numberedHeading = regexp.MustCompile(`^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百\d]+[）)]|` +
	`\d{1,2}(?:[、．]|\.\D)|第[一二三四五六七八九十百\d]+[章节節部篇个個条條]|[①-⑳])`).MatchString

// lineType is how a caption line is set.
type lineType struct {
	grey, small, centred bool
	captionClass         bool // a class such as caption, wp-caption-text, pic-txt
	indented             bool // text-indent, as the story's paragraphs
}

// lineStyle reads how line is set: from the elements that hold all of it
// and nothing else, and from the box it shares with picture p alone.
func lineStyle(p *html.Node, line []*html.Node) lineType {
	var els []*html.Node
	if len(line) == 1 {
		for n := line[0]; n != nil && n.Type == html.ElementNode; n = soleElement(n) {
			els = append(els, n)
		}
	}
	if box := line[0].Parent; box != nil && contains(box, p) && holdsOnlyPicture(box, p, line) {
		els = append(els, box)
	}
	var t lineType
	for _, n := range els {
		decl := styleDecls(Attr(n, "style"))
		color := decl["color"]
		size := decl["font-size"]
		if n.DataAtom == atom.Font {
			color = orElse(color, Attr(n, "color"))
			if s := strings.TrimSpace(Attr(n, "size")); s == "1" || s == "2" || strings.HasPrefix(s, "-") {
				t.small = true
			}
		}
		t.grey = t.grey || isGrey(color)
		t.small = t.small || n.DataAtom == atom.Small || smallSize(size)
		align := strings.ToLower(strings.TrimSpace(Attr(n, "align")))
		t.centred = t.centred || n.DataAtom == atom.Center || decl["text-align"] == "center" || align == "center" || align == "middle"
		t.captionClass = t.captionClass || captionClass(Attr(n, "class"))
		if v := decl["text-indent"]; v != "" && strings.Trim(v, "0.pxemrt% ") != "" && !strings.HasPrefix(v, "-") {
			t.indented = true
		}
	}
	return t
}

// holdsOnlyPicture reports whether box holds nothing but picture p and
// line, besides what is blank. It looks no further than the first other
// thing, so that a page of many pictures is not read once for each.
func holdsOnlyPicture(box, p *html.Node, line []*html.Node) bool {
	inLine := map[*html.Node]bool{}
	for _, n := range line {
		inLine[n] = true
	}
	for c := box.FirstChild; c != nil; c = c.NextSibling {
		if inLine[c] || contains(c, p) {
			continue
		}
		if !blank(c) {
			return false
		}
	}
	return true
}

// orElse returns a, or b when a is empty.
func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// soleElement returns n's one child element when n holds nothing else, nil
// otherwise.
func soleElement(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.Br && !Dropped(c) {
			if only != nil {
				return nil
			}
			only = c
		}
	}
	if only == nil || !holdsOnly(n, only) {
		return nil
	}
	return only
}

// isCentred reports whether n is set centred.
func isCentred(n *html.Node) bool {
	align := strings.ToLower(strings.TrimSpace(Attr(n, "align")))
	return n.DataAtom == atom.Center || align == "center" || align == "middle" ||
		styleDecls(Attr(n, "style"))["text-align"] == "center"
}

// styleDecls reads a style attribute's declarations, lower-cased, the
// last of a property winning.
func styleDecls(s string) map[string]string {
	if s == "" {
		return nil
	}
	m := map[string]string{}
	for _, d := range strings.Split(strings.ToLower(s), ";") {
		if k, v, ok := strings.Cut(d, ":"); ok {
			v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
			m[strings.TrimSpace(k)] = v
		}
	}
	return m
}

// isGrey reports whether a CSS or <font> colour is a grey lighter than
// body text (#666, #808080, rgb(153,153,153), gray): the colour of
// captions, where a heading is set in red or blue.
func isGrey(c string) bool {
	c = strings.ToLower(strings.TrimSpace(c))
	switch c {
	case "":
		return false
	case "gray", "grey", "darkgray", "darkgrey", "dimgray", "dimgrey", "silver", "lightgray", "lightgrey":
		return true
	}
	var rgb [3]int
	switch {
	case strings.HasPrefix(c, "rgb"):
		_, args, ok := strings.Cut(c, "(")
		parts := strings.Split(strings.TrimSuffix(strings.TrimSpace(args), ")"), ",")
		if !ok || len(parts) < 3 {
			return false
		}
		for i := range rgb {
			v, err := strconv.Atoi(strings.TrimSpace(parts[i]))
			if err != nil || v < 0 || v > 255 {
				return false
			}
			rgb[i] = v
		}
	default:
		h := strings.TrimPrefix(c, "#")
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) != 6 {
			return false
		}
		for i := range rgb {
			v, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
			if err != nil {
				return false
			}
			rgb[i] = int(v)
		}
	}
	lo, hi := min(rgb[0], rgb[1], rgb[2]), max(rgb[0], rgb[1], rgb[2])
	return hi-lo <= 24 && lo >= 0x60 && hi <= 0xdd
}

// smallSize reports whether a CSS font-size is smaller than body text:
// 13px or less (Chinese sites set their text in 14px or more), 10pt or
// less, under 1em, or a smaller keyword.
func smallSize(s string) bool {
	switch s {
	case "small", "smaller", "x-small", "xx-small":
		return true
	}
	for _, u := range []struct {
		unit string
		max  float64
	}{{"px", 13}, {"pt", 10}, {"rem", 0.95}, {"em", 0.95}, {"%", 95}} {
		if v, ok := strings.CutSuffix(s, u.unit); ok {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			return err == nil && f > 0 && f <= u.max
		}
	}
	return false
}

// captionClass reports whether a class attribute names a caption: a class
// with caption in it (wp-caption-text, img_caption) or a picture's text
// (pic-txt, img_desc).
func captionClass(v string) bool {
	for _, f := range strings.Fields(strings.ToLower(v)) {
		f = strings.NewReplacer("-", "", "_", "").Replace(f)
		switch {
		case strings.Contains(f, "caption"):
			return true
		case f == "pictxt" || f == "pictext" || f == "imgtxt" || f == "imgtext" || f == "imgdesc" || f == "picdesc" || f == "picnote" || f == "photodesc":
			return true
		}
	}
	return false
}

// allBold reports whether all the text of line is bold.
func allBold(line []*html.Node) bool {
	seen, plain := false, false
	var rec func(n *html.Node, bold bool)
	rec = func(n *html.Node, bold bool) {
		switch n.Type {
		case html.TextNode:
			if Clean(n.Data) != "" {
				seen = true
				plain = plain || !bold
			}
			return
		case html.ElementNode:
			if Dropped(n) {
				return
			}
			bold = bold || isBold(n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, bold)
		}
	}
	for _, n := range line {
		rec(n, false)
	}
	return seen && !plain
}

// isBold reports whether element n sets its text bold.
func isBold(n *html.Node) bool {
	if n.DataAtom == atom.B || n.DataAtom == atom.Strong {
		return true
	}
	switch styleDecls(Attr(n, "style"))["font-weight"] {
	case "bold", "bolder", "600", "700", "800", "900":
		return true
	}
	return false
}

// inBold reports whether n stands inside a bold element.
func inBold(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && isBold(a) {
			return true
		}
	}
	return false
}

// holdsBold reports whether n is or holds a bold element.
func holdsBold(n *html.Node) bool { return isBold(n) || first(n, isBold) != nil }

// pixels reads an HTML width or height.
func pixels(v string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), "px"))
	return n, err == nil
}
