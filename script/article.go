package script

import (
	"strings"
	"sync"

	"dubao/model"
)

// Cache converts the text of an edition's articles for display and keeps
// what it converted: each text once per script, so that drawing a frame,
// turning a page or coming back to a story converts nothing. Its methods
// are safe for concurrent use; the zero value is not, use NewCache.
type Cache struct {
	mu     sync.Mutex
	source map[*model.Article]Script
	texts  map[textKey]Text
}

type textKey struct {
	from, to Script
	text     string
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{source: map[*model.Article]Script{}, texts: map[textKey]Text{}}
}

// Source returns the script a is written in (see Detect), read once.
func (c *Cache) Source(a *model.Article) Script {
	c.mu.Lock()
	s, ok := c.source[a]
	c.mu.Unlock()
	if ok {
		return s
	}
	s = Detect(sample(a))
	c.mu.Lock()
	c.source[a] = s
	c.mu.Unlock()
	return s
}

// sample is the text of a that Detect reads.
func sample(a *model.Article) string {
	var b strings.Builder
	b.WriteString(a.Kicker)
	b.WriteString(a.Headline)
	b.WriteString(a.Subheadline)
	for _, blk := range a.Body {
		b.WriteString(blk.Text)
	}
	return b.String()
}

// Text returns text, one of a's texts, converted to the script to.
func (c *Cache) Text(a *model.Article, to Script, text string) Text {
	if to == Original || text == "" {
		return Same(text)
	}
	k := textKey{from: c.Source(a), to: to, text: text}
	c.mu.Lock()
	t, ok := c.texts[k]
	c.mu.Unlock()
	if ok {
		return t
	}
	t = Convert(text, k.from, to)
	c.mu.Lock()
	c.texts[k] = t
	c.mu.Unlock()
	return t
}

// String returns text, one of a's texts, as shown in the script to.
func (c *Cache) String(a *model.Article, to Script, text string) string {
	return c.Text(a, to, text).Shown
}

// Article returns a copy of a with its text in the script to, for export;
// its URL and the lines that are not its text stay as they are.
func Article(a *model.Article, to Script) *model.Article {
	out := *a
	if to == Original {
		return &out
	}
	from := Detect(sample(a))
	conv := func(s string) string {
		if s == "" {
			return s
		}
		return Convert(s, from, to).Shown
	}
	list := func(names []string) []string {
		if names == nil {
			return nil
		}
		o := make([]string, len(names))
		for i, n := range names {
			o[i] = conv(n)
		}
		return o
	}
	out.Kicker, out.KickerTail = conv(a.Kicker), conv(a.KickerTail)
	out.Headline, out.Subheadline, out.Column = conv(a.Headline), conv(a.Subheadline), conv(a.Column)
	out.PhotoCredit = conv(a.PhotoCredit)
	b := a.Byline
	b.Raw, b.Dateline = conv(b.Raw), conv(b.Dateline)
	b.Reporters, b.Correspondents = list(b.Reporters), list(b.Correspondents)
	b.Photographers, b.Authors = list(b.Photographers), list(b.Authors)
	out.Byline = b
	out.Body = make([]model.Block, len(a.Body))
	for i, blk := range a.Body {
		blk.Text = conv(blk.Text)
		out.Body[i] = blk
	}
	return &out
}

// Edition returns a copy of ed with its text in the script to, for
// printing: its title, masthead, section names and page headers, and every
// article (see Article, which tells each article's own script). The
// edition's own lines are read as written in the script most of them are.
func Edition(ed *model.Edition, to Script) *model.Edition {
	out := *ed
	if to == Original {
		return &out
	}
	var lines strings.Builder
	lines.WriteString(ed.Title)
	lines.WriteString(ed.Masthead)
	for i := range ed.Sections {
		lines.WriteString(ed.Sections[i].Name)
		lines.WriteString(ed.Sections[i].Header)
	}
	from := Detect(lines.String())
	conv := func(s string) string {
		if s == "" {
			return s
		}
		return Convert(s, from, to).Shown
	}
	out.Title, out.Masthead = conv(ed.Title), conv(ed.Masthead)
	out.Sections = make([]model.Section, len(ed.Sections))
	for i, s := range ed.Sections {
		s.Name, s.Header = conv(s.Name), conv(s.Header)
		arts := make([]model.Article, len(s.Articles))
		for j := range s.Articles {
			arts[j] = *Article(&s.Articles[j], to)
		}
		s.Articles = arts
		out.Sections[i] = s
	}
	return &out
}
