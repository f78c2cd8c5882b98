package fetched

import (
	"cmp"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/charset"
	"dubao/formats/feed"
	fhtml "dubao/formats/html"
	"dubao/formats/htmltext"
	"dubao/model"
)

// ErrNoArticles means a fetched edition has no file an article could be
// read from.
var ErrNoArticles = errors.New("no articles in the fetched edition (its pages and feeds could not be read)")

// uncategorised names the section of articles that fit no other.
const uncategorised = "其他"

// reader assembles one edition from an unpacked archive.
type reader struct {
	idx   *index
	files map[string][]byte
	byURL map[string]int  // story and item entries by URL
	used  map[string]bool // files read into an article
	enc   string          // the first encoding other than UTF-8 met
	site  string          // the paper's name, as its pages give it
	err   error           // why a feed could not be read, for ErrNoArticles
}

// Parse reads an archive ReadFolder made as an edition: the 版面 pages (in
// index.json's order, page order) are sections with the articles they link
// to, in the order linked; each feed's items are articles, in sections by
// category as formats/feed makes them, the body taken from the item's saved
// page when the feed's is shorter (a summary), the feed's headline, author
// and link kept; item pages no feed lists, and articles fetched alone, are
// an article each. Article URLs are those index.json gives.
func Parse(data []byte, opt model.Options) (*model.Edition, error) {
	idx, files, err := unpack(data)
	if err != nil {
		return nil, err
	}
	r := &reader{idx: idx, files: files, byURL: map[string]int{}, used: map[string]bool{}}
	for i, e := range idx.Files {
		if e.Role == roleStory || e.Role == roleItem {
			if _, ok := r.byURL[e.URL]; !ok && e.URL != "" {
				r.byURL[e.URL] = i
			}
		}
	}
	ed := &model.Edition{Title: opt.Title, Source: opt.Source, Date: idx.Date}
	ed.Sections = append(ed.Sections, r.pages()...)
	paper := len(ed.Sections)
	feedSecs, feedTitle, plain := r.feeds(opt)
	ed.Sections = append(ed.Sections, feedSecs...)
	ed.Sections = r.rest(ed.Sections, plain)
	if len(feedSecs) > 0 {
		r.saveOrder(ed.Sections[paper:])
	}
	for i := range ed.Sections {
		s := &ed.Sections[i]
		s.Index = i + 1
		for j := range s.Articles {
			s.Articles[j].ID = strconv.Itoa(i+1) + "-" + strconv.Itoa(j+1)
		}
	}
	if ed.Articles() == 0 {
		if r.err != nil {
			return nil, r.err
		}
		return nil, ErrNoArticles
	}
	title := feedTitle
	if title == "" {
		title = cmp.Or(r.site, paperTitle(idx.Title))
	}
	if title != "" {
		ed.Title, ed.Masthead = title, title
	} else {
		ed.Title = cmp.Or(htmltext.Clean(idx.Source), ed.Title)
	}
	ed.Encoding = cmp.Or(r.enc, "utf-8")
	return ed, nil
}

// text returns a saved file's bytes as UTF-8, decoded by the charset
// index.json gives, checked against the bytes.
func (r *reader) text(e entry) ([]byte, bool) {
	data, ok := r.files[e.File]
	if !ok {
		return nil, false
	}
	text, enc, err := charset.DecodeWith(data, e.Charset)
	if err != nil {
		return nil, false
	}
	if enc != "utf-8" && r.enc == "" {
		r.enc = enc
	}
	return []byte(text), true
}

// article reads the saved page of entry e as an article, as formats/html
// finds it. A page on which no article is found still gives one, its
// headline the link that led to it, so that the story is listed and its
// URL can be opened.
func (r *reader) article(e entry) (model.Article, bool) {
	data, ok := r.text(e)
	if !ok {
		return model.Article{}, false
	}
	r.used[e.File] = true
	var a model.Article
	if p, err := fhtml.ReadPage(data, e.URL); err == nil {
		a = p.Article
		r.site = cmp.Or(r.site, p.Site)
	}
	if a.Headline == "" && len(a.Body) == 0 {
		if e.Title == "" {
			return model.Article{}, false
		}
		a = model.Article{Kind: model.KindNews, Headline: htmltext.Clean(e.Title)}
	}
	if a.Headline == "" && e.Title != "" {
		a.Headline, a.Kind = htmltext.Clean(e.Title), model.KindNews
	}
	a.URL = cmp.Or(e.URL, a.URL)
	if a.Body == nil {
		a.Body = []model.Block{}
	}
	return a, true
}

// pages makes a section of each 版面 page, with the articles it links to.
func (r *reader) pages() []model.Section {
	var out []model.Section
	for _, e := range r.idx.Files {
		if e.Role != rolePage {
			continue
		}
		data, ok := r.text(e)
		if !ok {
			continue
		}
		r.used[e.File] = true
		header := htmltext.Clean(e.Title)
		if p, _ := fhtml.SplitPageHeader(header); p == "" {
			header = cmp.Or(fhtml.LayoutHeader(data), header)
		}
		sec := model.Section{Header: header}
		sec.Page, sec.Name = fhtml.SplitPageHeader(header)
		if sec.Name == "" {
			sec.Name = header
		}
		if sec.Name == "" {
			sec.Name = "第" + strconv.Itoa(len(out)+1) + "版"
		}
		// The saved page keeps the site's links: its articles are the
		// saved files fetched from them, in the order the page lists them.
		for _, u := range pageLinks(data, e.URL) {
			if i, ok := r.byURL[u]; ok && r.idx.Files[i].Role == roleStory && !r.used[r.idx.Files[i].File] {
				if a, ok := r.article(r.idx.Files[i]); ok {
					sec.Articles = append(sec.Articles, a)
				}
			}
		}
		// Stories fetch found on the page whose links read otherwise now.
		for _, s := range r.idx.Files {
			if s.Role == roleStory && s.Page == e.File && !r.used[s.File] {
				if a, ok := r.article(s); ok {
					sec.Articles = append(sec.Articles, a)
				}
			}
		}
		if len(sec.Articles) > 0 {
			out = append(out, sec)
		}
	}
	return out
}

// pageLinks returns the URLs a page links to (<a> and image-map <area>),
// resolved against its address, without fragments, in order.
func pageLinks(data []byte, address string) []string {
	base, err := url.Parse(address)
	if err != nil {
		return nil
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		return nil
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Base:
				if u, err := base.Parse(strings.TrimSpace(htmltext.Attr(n, "href"))); err == nil && htmltext.Attr(n, "href") != "" {
					base = u
				}
			case atom.A, atom.Area:
				if href := strings.TrimSpace(htmltext.Attr(n, "href")); href != "" && !strings.HasPrefix(href, "#") {
					if u, err := base.Parse(href); err == nil {
						u.Fragment = ""
						out = append(out, u.String())
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// feeds reads each saved feed: its items as articles, in its sections,
// enriched from the items' saved pages. It returns the sections, the
// first feed's title, and whether the feeds were one without categories
// (one section named after the feed).
func (r *reader) feeds(opt model.Options) (out []model.Section, title string, plain bool) {
	byName := map[string]int{}
	plain = true
	for _, e := range r.idx.Files {
		if e.Role != roleFeed {
			continue
		}
		data, ok := r.text(e)
		if !ok {
			continue
		}
		r.used[e.File] = true
		fe, err := feed.Parse(data, model.Options{Source: opt.Source, Title: cmp.Or(htmltext.Clean(e.Title), r.idx.Source)})
		if err != nil {
			r.err = cmp.Or(r.err, error(&model.InputError{Name: e.File, Err: err}))
			continue
		}
		if title == "" && fe.Masthead != "" {
			title = fe.Masthead
		}
		plain = plain && len(fe.Sections) == 1 && fe.Sections[0].Name == fe.Title
		base, _ := url.Parse(e.URL)
		for _, s := range fe.Sections {
			for j := range s.Articles {
				r.enrich(&s.Articles[j], base)
			}
			// Two feeds of one source may share a category.
			if i, ok := byName[s.Name]; ok {
				out[i].Articles = append(out[i].Articles, s.Articles...)
				continue
			}
			byName[s.Name] = len(out)
			out = append(out, s)
		}
	}
	return out, title, plain && len(out) == 1
}

// enrich gives a feed's article the body of its saved page when the
// feed's own is shorter (a summary), and the page's byline when the feed
// names no author; its headline and link stay the feed's.
func (r *reader) enrich(a *model.Article, base *url.URL) {
	link := a.URL
	if base != nil {
		if u, err := base.Parse(strings.TrimSpace(a.URL)); err == nil {
			link = u.String()
		}
	}
	i, ok := r.byURL[link]
	if !ok || r.idx.Files[i].Role != roleItem || r.used[r.idx.Files[i].File] {
		return
	}
	e := r.idx.Files[i]
	page, ok := r.article(e)
	if !ok {
		return
	}
	a.URL = e.URL
	if textLen(page.Body) > textLen(a.Body) {
		a.Body = page.Body
		if page.Headline == a.Headline {
			a.Kicker, a.KickerTail = cmp.Or(a.Kicker, page.Kicker), cmp.Or(a.KickerTail, page.KickerTail)
			a.Subheadline = cmp.Or(a.Subheadline, page.Subheadline)
		}
	}
	if a.Byline.IsZero() {
		a.Byline = page.Byline
	}
}

// rest puts the saved pages no 版面 page or feed took — item pages that have
// left the feed since, articles fetched alone, stories of a missing 版面
// page — an article each, in index.json's order: into the one section of
// a feed without categories (plain), else into a section of their own
// (named after the site when there is nothing else).
func (r *reader) rest(secs []model.Section, plain bool) []model.Section {
	var arts []model.Article
	for _, e := range r.idx.Files {
		if (e.Role == roleItem || e.Role == roleStory) && !r.used[e.File] {
			if a, ok := r.article(e); ok {
				arts = append(arts, a)
			}
		}
	}
	if len(arts) == 0 {
		return secs
	}
	switch {
	case plain && len(secs) == 1:
		secs[0].Articles = append(secs[0].Articles, arts...)
		return secs
	case len(secs) == 0:
		return []model.Section{{Name: cmp.Or(r.site, r.idx.Source, uncategorised), Articles: arts}}
	}
	for i := range secs {
		if secs[i].Name == uncategorised {
			secs[i].Articles = append(secs[i].Articles, arts...)
			return secs
		}
	}
	return append(secs, model.Section{Name: uncategorised, Articles: arts})
}

// saveOrder puts a feed edition's articles in the order their pages were
// saved (index.json's: the feed's order at the first fetch of the day,
// items new later after), and the sections in the order of their first
// article, so that an edition that grows through the day keeps its
// articles' IDs, and the read marks kept by them. Articles with no saved
// page (all of them in the feed) come last, in the feed's order; so does
// the section of articles of no category.
func (r *reader) saveOrder(secs []model.Section) {
	pos := func(a model.Article) int {
		if i, ok := r.byURL[a.URL]; ok {
			return i
		}
		return len(r.idx.Files)
	}
	first := map[string]int{}
	for i := range secs {
		slices.SortStableFunc(secs[i].Articles, func(a, b model.Article) int { return cmp.Compare(pos(a), pos(b)) })
		first[secs[i].Name] = len(r.idx.Files)
		if len(secs[i].Articles) > 0 && secs[i].Name != uncategorised {
			first[secs[i].Name] = pos(secs[i].Articles[0])
		}
	}
	slices.SortStableFunc(secs, func(a, b model.Section) int { return cmp.Compare(first[a.Name], first[b.Name]) })
}

// textLen counts the runes of text in blocks.
func textLen(blocks []model.Block) int {
	n := 0
	for _, b := range blocks {
		n += len([]rune(b.Text))
	}
	return n
}

// pageSuffix is what an e-paper's first 版面 page adds to the paper's name
// in its <title>: 人民日报-第01版.
var pageSuffix = regexp.MustCompile(`\s*[-－_|]*\s*第?\s*[A-Za-z]?[0-9]{1,3}\s*版.*$`)

// paperTitle is the paper's name in the <title> of its first 版面 page.
func paperTitle(t string) string {
	return strings.TrimSpace(pageSuffix.ReplaceAllString(htmltext.Clean(t), ""))
}
