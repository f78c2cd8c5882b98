// Package feed reads RSS 2.0, Atom and JSON Feed files (through gofeed) as
// editions: the feed is the edition, its items the articles, grouped into
// sections by their first category when the items carry categories.
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"dubao/formats/charset"
	"dubao/formats/htmltext"
	"dubao/model"
)

// ErrNoItems means the feed parsed but holds no items to read.
var ErrNoItems = errors.New("feed has no items")

// uncategorised names the section of items without a category in a feed
// whose other items have one.
const uncategorised = "其他"

// Parse reads data, an RSS, Atom or JSON feed, as an edition.
func Parse(data []byte, opt model.Options) (*model.Edition, error) {
	text, enc, err := charset.Decode(data)
	if err != nil {
		return nil, err
	}
	f, err := gofeed.NewParser().ParseString(charset.StripDeclaration(text))
	if err != nil {
		return nil, fmt.Errorf("not a readable feed: %w", plainFeedError(err))
	}
	if len(f.Items) == 0 {
		return nil, ErrNoItems
	}
	ed := &model.Edition{Title: opt.Title, Source: opt.Source, Encoding: enc}
	if t := htmltext.Clean(f.Title); t != "" {
		ed.Title, ed.Masthead = t, t
	}
	ed.Date = feedDate(f)
	ed.Sections = sections(f, ed.Title)
	if len(ed.Sections) == 0 {
		return nil, ErrNoItems
	}
	return ed, nil
}

// plainFeedError shortens gofeed's errors to one line.
func plainFeedError(err error) error {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return errors.New(s)
}

// feedDate is the feed's own date, else its newest item's, as YYYY-MM-DD
// in the time zone the feed wrote it in (gofeed gives UTC: a paper dated
// 06:00 in Beijing is of that day, not the day before).
func feedDate(f *gofeed.Feed) string {
	if d := localDate(f.Published, f.PublishedParsed); d != "" {
		return d
	}
	if d := localDate(f.Updated, f.UpdatedParsed); d != "" {
		return d
	}
	var newest time.Time
	date := ""
	for _, it := range f.Items {
		for _, c := range []struct {
			raw string
			t   *time.Time
		}{{it.Published, it.PublishedParsed}, {it.Updated, it.UpdatedParsed}} {
			if c.t != nil && c.t.After(newest) {
				newest, date = *c.t, localDate(c.raw, c.t)
			}
		}
	}
	return date
}

// dateLayouts are the forms of RSS's RFC 822 and Atom's RFC 3339 dates.
var dateLayouts = []string{time.RFC1123Z, time.RFC1123, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"}

// localDate returns the date raw states in its own time zone, else the
// date of parsed.
func localDate(raw string, parsed *time.Time) string {
	raw = strings.TrimSpace(raw)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, raw); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if parsed == nil || parsed.IsZero() {
		return ""
	}
	return parsed.Format(time.DateOnly)
}

// sections groups the items by their first category, sections in the order
// their first item comes; with no categories at all, one section named
// after the feed.
func sections(f *gofeed.Feed, title string) []model.Section {
	categorised := false
	for _, it := range f.Items {
		if category(it) != "" {
			categorised = true
			break
		}
	}
	var out []model.Section
	index := map[string]int{}
	for _, it := range f.Items {
		a := article(it)
		if a.Headline == "" && len(a.Body) == 0 {
			continue // an item with neither title nor text: nothing to read
		}
		name := title
		if categorised {
			if name = category(it); name == "" {
				name = uncategorised
			}
		}
		i, ok := index[name]
		if !ok {
			i = len(out)
			index[name] = i
			out = append(out, model.Section{Index: i + 1, Name: name})
		}
		s := &out[i]
		a.ID = strconv.Itoa(s.Index) + "-" + strconv.Itoa(len(s.Articles)+1)
		s.Articles = append(s.Articles, a)
	}
	return out
}

func category(it *gofeed.Item) string {
	for _, c := range it.Categories {
		if c = htmltext.Clean(c); c != "" {
			return c
		}
	}
	return ""
}

// article turns an item into a story: its full content when it has one,
// else its description.
func article(it *gofeed.Item) model.Article {
	a := model.Article{Kind: model.KindNews, Headline: htmltext.Clean(it.Title), URL: htmltext.Clean(it.Link)}
	if a.URL == "" && len(it.Links) > 0 {
		a.URL = htmltext.Clean(it.Links[0])
	}
	if names := authors(it); names != "" {
		a.Byline = byline(names)
	}
	content := it.Content
	if strings.TrimSpace(content) == "" {
		content = it.Description
	}
	a.Body = body(content, a.URL)
	htmltext.SplitLeadByline(&a)
	if a.Headline == "" {
		a.Kind = model.KindBrief
	}
	if a.Body == nil {
		a.Body = []model.Block{}
	}
	return a
}

// authors joins the item's authors' names (or e-mail addresses when they
// give no name).
func authors(it *gofeed.Item) string {
	var names []string
	people := it.Authors
	if len(people) == 0 && it.Author != nil {
		people = []*gofeed.Person{it.Author}
	}
	for _, p := range people {
		if p == nil {
			continue
		}
		n := htmltext.Clean(p.Name)
		if n == "" {
			n = htmltext.Clean(p.Email)
		}
		if n != "" {
			names = append(names, n)
		}
	}
	return strings.Join(names, " ")
}

// byline reads an author line as the text parser reads a byline (记者 张三
// 通讯员 李四), else keeps it as written.
func byline(s string) model.Byline {
	if b, ok := model.ParseByline(s); ok {
		return b
	}
	return model.Byline{Raw: s}
}

// tagged matches an HTML tag or entity: content without one is plain text.
var tagged = regexp.MustCompile(`<[A-Za-z/!]|&[#A-Za-z0-9]+;`)

// body converts an item's content: HTML through htmltext, pictures'
// addresses made absolute against the item's link; plain text a paragraph
// a line.
func body(s, link string) []model.Block {
	if tagged.MatchString(s) {
		base, err := url.Parse(link)
		opt := htmltext.Options{}
		if err == nil && base.IsAbs() {
			opt.Image = func(src string) string {
				if ref, err := url.Parse(strings.TrimSpace(src)); err == nil {
					return base.ResolveReference(ref).String()
				}
				return src
			}
		}
		return htmltext.FromString(s, opt)
	}
	var out []model.Block
	for _, line := range bytes.Split([]byte(s), []byte("\n")) {
		if t := htmltext.Clean(string(line)); t != "" {
			out = append(out, model.Block{Type: model.Paragraph, Text: t})
		}
	}
	return out
}
