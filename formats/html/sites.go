package html

import (
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/htmltext"
	"dubao/model"
)

// founderPage reads a page of the Founder (方正) e-paper systems that
// 人民日报, 中国青年报 and many provincial papers use: the body's <p>s inside
// founder-content (an element of that name, class or id), and before it an
// <h3> kicker, <h1> headline, <h2> subheadline (often empty) and the byline
// in p.sec; the page name is in p.ban (第05版：冰点周刊).
func founderPage(doc *html.Node) (story, bool) {
	content := first(doc, func(n *html.Node) bool {
		return n.Data == "founder-content" || hasClass(n, "founder-content") || htmltext.Attr(n, "id") == "founder-content"
	})
	if content == nil {
		return story{}, false
	}
	// The headline stack is in the nearest ancestor that has an <h1>.
	box := content.Parent
	for box != nil && first(box, tag(atom.H1)) == nil {
		box = box.Parent
	}
	var st story
	a := &st.article
	if box != nil {
		a.Kicker = htmltext.Text(first(box, tag(atom.H3)))
		a.Headline = htmltext.Text(first(box, tag(atom.H1)))
		a.Subheadline = htmltext.Text(first(box, tag(atom.H2)))
		if sec := first(box, tagClass(0, "sec")); sec != nil {
			a.Byline = byline(htmltext.Text(sec))
		}
	}
	htmltext.MarkCaptions(content)
	a.Body = htmltext.Convert(content, htmltext.Options{TrimEdges: true})
	if ban := first(doc, tagClass(0, "ban")); ban != nil {
		st.page = htmltext.Text(ban)
	}
	st.site = paperName(doc)
	return st, hasText(a.Body) || a.Headline != ""
}

// paperName is an e-paper's name: the <title>'s part that is not the
// story's (人民日报 from "标题 - 人民日报"), when it has one.
func paperName(doc *html.Node) string {
	t := titleText(doc)
	for _, sep := range []string{" - ", "－", "--", "_", "|"} {
		if i := strings.LastIndex(t, sep); i >= 0 {
			return strings.TrimSpace(t[i+len(sep):])
		}
	}
	return ""
}

// titleText returns the text of the page's <title>.
func titleText(doc *html.Node) string {
	t := first(doc, tag(atom.Title))
	if t == nil {
		return ""
	}
	var b strings.Builder
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return htmltext.Clean(b.String())
}

// peoplePage reads a 人民网 article page: h3.pre kicker, h1 headline,
// h4.sub subheadline, p.author byline, the date and source in .box01, and
// the body in div.box_con (#rwb_zw) less its pager.
func peoplePage(doc *html.Node) (story, bool) {
	body := first(doc, func(n *html.Node) bool {
		return htmltext.Attr(n, "id") == "rwb_zw" || (n.DataAtom == atom.Div && (hasClass(n, "box_con") || hasClass(n, "rm_txt_con")))
	})
	pre := first(doc, tagClass(atom.H3, "pre"))
	if body == nil || pre == nil {
		return story{}, false
	}
	var st story
	a := &st.article
	box := pre.Parent
	a.Kicker = htmltext.Text(pre)
	a.Headline = htmltext.Text(first(box, tag(atom.H1)))
	a.Subheadline = htmltext.Text(first(box, tagClass(atom.H4, "sub")))
	if au := first(box, tagClass(atom.P, "author")); au != nil {
		if s := htmltext.Text(au); s != "" {
			a.Byline = byline(s)
		}
	}
	htmltext.MarkCaptions(body)
	a.Body = htmltext.Convert(body, htmltext.Options{TrimEdges: true, Drop: func(n *html.Node) bool {
		// The pager (【1】【2】) and the empty picture slots.
		return hasClass(n, "zdfy") || hasClass(n, "box_pic") || (n.DataAtom == atom.Center && first(n, tag(atom.Img)) != nil && htmltext.Text(n) == "")
	}})
	if info := first(doc, tagClass(0, "box01")); info != nil {
		s := htmltext.Text(info)
		st.date = findDate(s)
		if _, src, ok := strings.Cut(s, "来源："); ok {
			st.site = strings.TrimSpace(src)
		}
	}
	if st.site == "" {
		st.site = "人民网"
	}
	return st, hasText(a.Body)
}

// readablePage finds the article of any other page with readability.
func readablePage(doc *html.Node, pageURL string) (story, bool) {
	u, _ := url.Parse(pageURL)
	if pageURL == "" {
		u = nil
	}
	title, site := headline(doc, titleText(doc))
	date := dateNearHeadline(doc, title)
	prune(doc)
	// Before readability, which strips the styles that set a caption apart.
	htmltext.MarkCaptions(first(doc, tag(atom.Body)))
	paragraphize(doc)
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, u)
	if err != nil || art.Node == nil {
		return story{}, false
	}
	var st story
	a := &st.article
	a.Headline = title
	if a.Headline == "" {
		a.Headline = htmltext.Clean(art.Title())
	}
	if b := htmltext.Clean(art.Byline()); b != "" && plausibleByline(b) {
		a.Byline = byline(b)
	}
	a.Body = htmltext.Convert(art.Node, htmltext.Options{TrimEdges: true, Headline: a.Headline})
	st.site = htmltext.Clean(art.SiteName())
	if st.site == "" {
		st.site = site
	}
	if t, err := art.PublishedTime(); err == nil {
		st.date = t.Format("2006-01-02")
	}
	if st.date == "" {
		st.date = date
	}
	return st, hasText(a.Body)
}

// dateNearHeadline returns the date stated next to the page's <h1> (in the
// box that holds it and the lines under it), where news sites print the
// time of a story.
func dateNearHeadline(doc *html.Node, title string) string {
	for _, h := range findAll(doc, tag(atom.H1)) {
		if htmltext.Text(h) != title || h.Parent == nil {
			continue
		}
		if d := findDate(htmltext.Text(h.Parent)); d != "" {
			return d
		}
	}
	return ""
}

// plausibleByline reports whether readability's byline is one: it takes
// any "author"-classed box, which on Chinese sites is often a copyright
// notice.
func plausibleByline(s string) bool {
	if _, ok := model.ParseByline(s); ok {
		return true
	}
	return utf8.RuneCountInString(s) <= 24 && !strings.ContainsAny(s, "：:")
}

// byline reads an author line as the text parser reads a byline, else
// keeps it as written.
func byline(s string) model.Byline {
	if s == "" {
		return model.Byline{}
	}
	if b, ok := model.ParseByline(s); ok {
		return b
	}
	return model.Byline{Raw: s}
}
