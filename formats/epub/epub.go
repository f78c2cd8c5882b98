package epub

import (
	"bytes"
	"errors"
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/charset"
	"dubao/formats/htmltext"
	"dubao/model"
)

// ErrNoText means the EPUB opened but none of its chapters holds text.
var ErrNoText = errors.New("EPUB has no readable text")

// Parse reads data, an EPUB file, as an edition.
func Parse(data []byte, opt model.Options) (*model.Edition, error) {
	b, err := open(data)
	if err != nil {
		return nil, err
	}
	ed := &model.Edition{Title: opt.Title, Source: opt.Source, Encoding: "utf-8"}
	masthead, titleDate := splitTitleDate(htmltext.Clean(b.meta.title))
	if masthead != "" {
		ed.Title, ed.Masthead = masthead, masthead
	}
	if ed.Date = isoDate(b.meta.date); ed.Date == "" {
		ed.Date = titleDate
	}
	plan := b.plan(ed.Title)
	b.fill(plan)
	for _, s := range plan {
		sec := model.Section{Index: len(ed.Sections) + 1, Name: s.name}
		for _, a := range s.articles {
			if !a.read || (!hasText(a.art.Body) && a.art.Headline == "") {
				continue
			}
			a.art.ID = strconv.Itoa(sec.Index) + "-" + strconv.Itoa(len(sec.Articles)+1)
			sec.Articles = append(sec.Articles, a.art)
		}
		if len(sec.Articles) > 0 {
			ed.Sections = append(ed.Sections, sec)
		}
	}
	if ed.Articles() == 0 || !editionHasText(ed) {
		return nil, ErrNoText
	}
	return ed, nil
}

// section and story are the edition as the table of contents lays it out,
// before the chapters are read.
type section struct {
	name     string
	articles []*story
}

type story struct {
	file, fragment string
	art            model.Article
	read           bool // its start was found in a chapter
}

// plan lays the edition out from the table of contents: with two levels
// (a calibre periodical, a book in parts) the first level gives sections
// and what is under each its articles; with one level, or none (the spine
// alone), one section of chapters named after the edition.
func (b *book) plan(title string) []*section {
	toc := b.toc()
	twoLevels := false
	for _, e := range toc {
		if len(e.children) > 0 {
			twoLevels = true
		}
	}
	var out []*section
	switch {
	case len(toc) == 0:
		s := &section{name: title}
		for _, f := range b.spine {
			s.articles = append(s.articles, &story{file: f})
		}
		out = append(out, s)
	case !twoLevels && b.calibreFeeds(toc) != nil:
		return b.calibreFeeds(toc)
	case !twoLevels:
		s := &section{name: title}
		for _, e := range toc {
			s.articles = append(s.articles, storyOf(e))
		}
		out = append(out, s)
	default:
		var loose *section // childless top-level entries, gathered
		for _, e := range toc {
			if len(e.children) == 0 || subsectionsOnly(e) {
				// A chapter (with sections of its own, in its own file)
				// is an article.
				if loose == nil {
					loose = &section{name: title}
					out = append(out, loose)
				}
				loose.articles = append(loose.articles, storyOf(e))
				continue
			}
			loose = nil
			s := &section{name: e.label}
			if !b.childFile(e) && !isMenu(b, e.file) {
				// A part's own page, with text of its own.
				s.articles = append(s.articles, storyOf(e))
			}
			var leaves func([]entry)
			leaves = func(es []entry) {
				for _, c := range es {
					if len(c.children) > 0 && subsectionsOnly(c) {
						s.articles = append(s.articles, storyOf(c))
						continue
					}
					s.articles = append(s.articles, storyOf(c))
					leaves(c.children)
				}
			}
			leaves(e.children)
			out = append(out, s)
		}
	}
	return out
}

// calibreArticle matches where calibre's news output puts an article:
// feed_N/article_M/.
var calibreArticle = regexp.MustCompile(`^(?:.*/)?feed_(\d+)/article_\d+/`)

// calibreFeeds lays out a calibre periodical whose table of contents has
// one level (calibre writes it so for a recipe of one feed): a section per
// feed_N folder, named by its section menu's title. It returns nil when the
// entries are not all calibre articles.
func (b *book) calibreFeeds(toc []entry) []*section {
	var out []*section
	byFeed := map[string]*section{}
	for _, e := range toc {
		m := calibreArticle.FindStringSubmatch(e.file)
		if m == nil {
			return nil
		}
		s, ok := byFeed[m[1]]
		if !ok {
			s = &section{name: b.feedTitle(path.Dir(path.Dir(e.file)))}
			byFeed[m[1]] = s
			out = append(out, s)
		}
		s.articles = append(s.articles, storyOf(e))
	}
	return out
}

// feedTitle returns the title of the section menu in calibre's feed folder
// dir (feed_0/index.html, which calibre may rename index_u3.html).
func (b *book) feedTitle(dir string) string {
	for _, file := range b.spine {
		if path.Dir(file) != dir || !isMenu(b, file) {
			continue
		}
		if doc := b.parseChapter(file); doc != nil {
			if t := titleOf(doc); t != "" {
				return t
			}
		}
	}
	return path.Base(dir)
}

// titleOf returns the text of a page's <title>.
func titleOf(doc *html.Node) string {
	var t string
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && t == ""; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Title {
				for x := c.FirstChild; x != nil; x = x.NextSibling {
					if x.Type == html.TextNode {
						t += x.Data
					}
				}
				t = htmltext.Clean(t)
				return
			}
			if c.Type == html.ElementNode {
				rec(c)
			}
		}
	}
	rec(doc)
	return t
}

// subsectionsOnly reports whether all of e's children point inside e's own
// file: a chapter's sections, not a part's chapters or a periodical's
// articles.
func subsectionsOnly(e entry) bool {
	for _, c := range e.children {
		if c.file != e.file || !subsectionsOnly(c) {
			return false
		}
	}
	return true
}

// childFile reports whether one of e's children starts at the top of e's
// file, which then holds no text of e's own.
func (b *book) childFile(e entry) bool {
	for _, c := range e.children {
		if c.file == e.file && c.fragment == "" {
			return true
		}
	}
	return false
}

func storyOf(e entry) *story {
	return &story{file: e.file, fragment: e.fragment, art: model.Article{Kind: model.KindNews, Headline: e.label}}
}

// fill reads the chapters into the planned articles. Each article runs from
// where its entry points (a file, or an anchor in one) to where the next
// article starts, following the spine, so a chapter calibre split into
// several files is read whole. Files before the first article (cover,
// title page) and the section menus of a periodical are left out.
func (b *book) fill(plan []*section) {
	var all []*story
	starts := map[string][]*story{} // by file
	for _, s := range plan {
		for _, a := range s.articles {
			if _, ok := b.files[a.file]; !ok {
				continue
			}
			all = append(all, a)
			starts[a.file] = append(starts[a.file], a)
		}
	}
	var current *story
	done := map[string]bool{}
	for _, file := range b.spine {
		if done[file] {
			continue
		}
		done[file] = true
		here := starts[file]
		if len(here) == 0 && (current == nil || isMenu(b, file)) {
			continue
		}
		doc := b.parseChapter(file)
		if doc == nil {
			continue
		}
		ids := map[string]*story{}
		var atTop []*story
		for _, a := range here {
			if a.fragment == "" {
				atTop = append(atTop, a)
			} else {
				ids[a.fragment] = a
			}
		}
		dir := path.Dir(file)
		parts := htmltext.ConvertParts(doc, htmltext.Options{
			Drop:  isNavbar,
			Image: func(src string) string { return b.resolve(dir, src) },
			Split: func(n *html.Node) bool {
				id := attrOf(n, "id")
				if id == "" {
					id = attrOf(n, "name")
				}
				_, ok := ids[id]
				return ok
			},
		})
		url := downloadedFrom(doc)
		for i, p := range parts {
			if i == 0 {
				// The top of the file belongs to the article that starts
				// there, else continues the one before.
				if len(atTop) > 0 {
					for _, a := range atTop {
						a.art.URL, a.read = url, true
					}
					current = atTop[len(atTop)-1]
					current.art.URL = url
				}
			} else {
				id := attrOf(p.Start, "id")
				if id == "" {
					id = attrOf(p.Start, "name")
				}
				if next := ids[id]; next != nil {
					current = next
					current.read = true
					delete(ids, id)
				}
			}
			if current != nil {
				current.art.Body = append(current.art.Body, p.Blocks...)
			}
		}
	}
	for _, a := range all {
		tidy(&a.art)
	}
}

// tidy drops the headline the chapter repeats as its first heading, and
// fills in what the table of contents left empty.
func tidy(a *model.Article) {
	// The chapter's own heading, near its top, repeats the headline: it
	// goes, and a byline line right after it becomes the byline.
	for i := 0; i < len(a.Body) && i < 3; i++ {
		blk := a.Body[i]
		if blk.Type != model.Intertitle || (a.Headline != "" && blk.Text != a.Headline) {
			continue
		}
		a.Headline = blk.Text
		a.Body = append(a.Body[:i:i], a.Body[i+1:]...)
		if i < len(a.Body) && a.Body[i].Type == model.Paragraph && a.Byline.IsZero() {
			if b, ok := model.ParseByline(a.Body[i].Text); ok {
				a.Byline = b
				a.Body = append(a.Body[:i:i], a.Body[i+1:]...)
			}
		}
		break
	}
	if a.Body == nil {
		a.Body = []model.Block{}
	}
	if a.Headline == "" {
		a.Kind = model.KindBrief
	}
	htmltext.SplitLeadByline(a)
}

func (b *book) parseChapter(file string) *html.Node {
	data, err := b.read(file)
	if err != nil {
		return nil
	}
	// EPUB says UTF-8 or UTF-16; old files made in China are often GBK.
	text, _, err := charset.Decode(data)
	if err != nil {
		return nil
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil
	}
	return doc
}

// isMenu reports whether a file is one of calibre's index pages: the main
// menu (ul.calibre_feed_list) or a section's (ul.calibre_article_list).
func isMenu(b *book, file string) bool {
	data, err := b.read(file)
	if err != nil {
		return false
	}
	return bytes.Contains(data, []byte("calibre_feed_list")) || bytes.Contains(data, []byte("calibre_article_list"))
}

// calibreLink matches the links of calibre's per-article navigation bars:
// ../index.html#article_3, ../../index.html#feed_1.
var calibreLink = regexp.MustCompile(`(^|/)index\.html#(article|feed)_\d+$`)

// isNavbar reports whether n is one of calibre's navigation bars (Next |
// Section menu | Main menu | Previous, and "This article was downloaded by
// calibre from URL" at the bottom). calibre's EPUB output may rename the
// calibre_navbar class, so its links tell it too.
func isNavbar(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Table {
		return false
	}
	for _, c := range strings.Fields(attrOf(n, "class")) {
		if c == "calibre_navbar" || c == "touchscreen_navbar" {
			return true
		}
	}
	// The bar's links are its children, or in a <p> of it (the bottom
	// bar's "downloaded from" line); links deeper, under a <div>, are an
	// article's, so an article holding a bar is not itself one.
	found := false
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			switch {
			case c.Type != html.ElementNode || c.DataAtom == atom.Div || c.DataAtom == atom.Table:
			case c.DataAtom == atom.A:
				switch attrOf(c, "rel") {
				case "articlenextlink", "articleprevlink", "calibre-downloaded-from":
					found = true
				}
				found = found || calibreLink.MatchString(attrOf(c, "href"))
			default:
				rec(c)
			}
		}
	}
	rec(n)
	return found && len([]rune(htmltext.Text(n))) < 400
}

// downloadedFrom returns the address calibre's bottom navigation bar says
// the article was downloaded from.
func downloadedFrom(doc *html.Node) string {
	var url string
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && url == ""; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.A && attrOf(c, "rel") == "calibre-downloaded-from" {
				url = htmltext.Clean(attrOf(c, "href"))
				return
			}
			rec(c)
		}
	}
	rec(doc)
	return url
}

// titleDate matches the date calibre appends to a periodical's title:
// 人民日报 [Tue, 19 Mar 2024], The Economist [2024-03-19].
var titleDate = regexp.MustCompile(`^(.*?)\s*\[([^\[\]]+)\]\s*$`)

// splitTitleDate splits calibre's " [date]" off a title.
func splitTitleDate(title string) (string, string) {
	m := titleDate.FindStringSubmatch(title)
	if m == nil {
		return title, ""
	}
	for _, layout := range []string{"Mon, 02 Jan 2006", "Mon, 2 Jan 2006", "2006-01-02", "02 Jan 2006", "Jan 2, 2006", "2006年1月2日", "2006年01月02日"} {
		if t, err := time.Parse(layout, strings.TrimSpace(m[2])); err == nil {
			return m[1], t.Format(time.DateOnly)
		}
	}
	return title, ""
}

// isoDate reads an OPF date (2024-03-19, 2024-03-19T06:00:00+08:00) as
// YYYY-MM-DD; calibre writes 0101-01-01 for "unknown".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	t, err := time.Parse(time.DateOnly, s[:10])
	if err != nil || t.Year() < 1800 {
		return ""
	}
	return s[:10]
}

func hasText(blocks []model.Block) bool {
	for _, b := range blocks {
		if b.Text != "" {
			return true
		}
	}
	return false
}

func editionHasText(ed *model.Edition) bool {
	for _, s := range ed.Sections {
		for _, a := range s.Articles {
			if hasText(a.Body) {
				return true
			}
		}
	}
	return false
}
