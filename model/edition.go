// Package model defines what a newspaper edition is (sections, articles and
// their blocks) and turns plain text into one. It knows nothing of terminals:
// the typesetter, the reader and the library all read the tree it builds.
package model

import "strings"

// Edition is one parsed newspaper edition: a title, where it came from, and
// its sections in reading order.
type Edition struct {
	// Title is the edition's name: a masthead or top-level heading in the
	// text, else what the caller supplied (usually from the file name).
	Title string `json:"title"`
	// Masthead is the masthead line or top-level heading as written, when
	// the text has one.
	Masthead string `json:"masthead,omitempty"`
	// Source names where the text came from: a path, "-" for standard input,
	// or "seed:NAME" for the embedded edition.
	Source string `json:"source"`
	// Date is the edition's date as YYYY-MM-DD when the text states one in a
	// masthead or page header; empty otherwise.
	Date string `json:"date,omitempty"`
	// Encoding names the character encoding the bytes were decoded from
	// ("utf-8", "utf-16le", "gb18030", "big5", ...).
	Encoding string `json:"encoding,omitempty"`
	// InvalidBytes counts the bytes that were not valid in that encoding
	// and became U+FFFD (see DecodeCounting); 0 for a clean file.
	InvalidBytes int `json:"invalid_bytes,omitempty"`
	// Sections holds the edition's pages or sections, in order.
	Sections []Section `json:"sections"`
}

// Section is a page or section of an edition.
type Section struct {
	// Index is the section's 1-based position in the edition.
	Index int `json:"index"`
	// Name is short enough for a tab: the page header's name when the text
	// has one (要闻 from 第2版:要闻), else the lead story's kicker or headline,
	// shortened.
	Name string `json:"name"`
	// Page is the page number a header gave (2, A02), if any.
	Page string `json:"page,omitempty"`
	// Header is the page header line as written (第2版:要闻), without
	// Markdown markup, and after it, a space apart, the page's data lines
	// under it (a date line, an empty 栏目：); empty when the section had
	// none.
	Header string `json:"header,omitempty"`
	// Articles are the section's stories in reading order.
	Articles []Article `json:"articles"`
}

// Kind says what sort of story an article is.
type Kind string

// The kinds of article.
const (
	// KindNews is an ordinary story: a headline stack and body text.
	KindNews Kind = "news"
	// KindPhoto is a photo story: a headline, a caption and a photo credit.
	KindPhoto Kind = "photo"
	// KindBrief is a short item: text with no headline of its own, or a
	// single short paragraph with neither byline nor dateline.
	KindBrief Kind = "brief"
)

// BlockType says what a body block is.
type BlockType string

// The types of body block.
const (
	// Paragraph is running text.
	Paragraph BlockType = "paragraph"
	// Intertitle is a subheading (小标题) inside an article.
	Intertitle BlockType = "intertitle"
	// Caption is the text that goes with a photo.
	Caption BlockType = "caption"
)

// Block is one unit of an article's body.
type Block struct {
	// Type is paragraph, intertitle or caption.
	Type BlockType `json:"type"`
	// Text is the source text after decoding and column-break repair; line
	// breaks inside a paragraph are removed, nothing else is changed.
	Text string `json:"text"`
	// Image is the reference of the picture a caption goes with (its URL,
	// or its path inside an EPUB or a saved page), when the source had one,
	// so that a reader can show the picture.
	Image string `json:"image,omitempty"`
}

// Byline says who wrote a story and where it was filed.
type Byline struct {
	// Raw is the byline as written: 本报讯 (记者何天宇 通讯员叶平).
	Raw string `json:"raw,omitempty"`
	// Dateline is the agency or place-and-date part: 本报讯,
	// 新华社北京3月5日电.
	Dateline string `json:"dateline,omitempty"`
	// Reporters are the names given as 记者.
	Reporters []string `json:"reporters,omitempty"`
	// Correspondents are the names given as 通讯员 (and 实习生).
	Correspondents []string `json:"correspondents,omitempty"`
	// Photographers are the names given as 摄影 or in a photo credit.
	Photographers []string `json:"photographers,omitempty"`
	// Authors are writers named with no role, as a signed column's author
	// line under the headline gives them (◆张明).
	Authors []string `json:"authors,omitempty"`
	// AtEnd is true when the byline stood after the body (本报记者 左妍 on
	// the story's last line) rather than before it.
	AtEnd bool `json:"at_end,omitempty"`
}

// IsZero reports whether the byline holds nothing.
func (b Byline) IsZero() bool {
	return b.Raw == "" && b.Dateline == "" && len(b.Reporters) == 0 &&
		len(b.Correspondents) == 0 && len(b.Photographers) == 0 && len(b.Authors) == 0
}

// People returns the byline as a reader would say it, for example
// "记者 何天宇 · 通讯员 叶平" (an author is named alone: "张明"); empty when no
// names are known. A byline in a
// Latin script (By Jane Smith) is given as written.
func (b Byline) People() string {
	if b.Raw != "" && mostlyLatin(b.Raw) {
		return b.Raw
	}
	var parts []string
	if len(b.Authors) > 0 {
		parts = append(parts, strings.Join(b.Authors, " "))
	}
	add := func(role string, names []string) {
		if len(names) > 0 {
			parts = append(parts, role+" "+strings.Join(names, " "))
		}
	}
	add("记者", b.Reporters)
	add("通讯员", b.Correspondents)
	add("摄影", b.Photographers)
	return strings.Join(parts, " · ")
}

// Article is one story.
type Article struct {
	// ID identifies the article within its edition: "S-N" for the N-th
	// article of section S, both 1-based.
	ID string `json:"id"`
	// Kind is news, photo or brief.
	Kind Kind `json:"kind"`
	// Kicker is the line above the headline (引题), without the punctuation
	// that ties it to the headline in print.
	Kicker string `json:"kicker,omitempty"`
	// KickerTail is that punctuation (—— or :), kept so no source text is
	// lost.
	KickerTail string `json:"kicker_tail,omitempty"`
	// Headline is the main title (主题). It is empty only for a brief that
	// had none.
	Headline string `json:"headline,omitempty"`
	// Subheadline is the line below the headline (副题).
	Subheadline string `json:"subheadline,omitempty"`
	// Column is the label of the column the story runs under (栏目), such as
	// 2024,我们这么干!, without its Markdown bold markers.
	Column string `json:"column,omitempty"`
	// Byline is who wrote the story and where it was filed.
	Byline Byline `json:"byline,omitzero"`
	// PhotoCredit is the photo's credit as written: 记者蔡佳楠摄.
	PhotoCredit string `json:"photo_credit,omitempty"`
	// Continued is true when the text stops mid-sentence: the story was cut
	// off, or continues on another page (转版).
	Continued bool `json:"continued,omitempty"`
	// Body is the story's text, in order.
	Body []Block `json:"body"`
	// Meta holds lines that came with the story but are not its text, as
	// written: a Markdown title line that repeats the headline below it.
	Meta []string `json:"meta,omitempty"`
	// URL is where the story was published, when the source says so (an
	// HTML page's address, a feed item's link); empty for plain text.
	URL string `json:"url,omitempty"`
}

// Title returns the headline, or for a story without one the start of its
// text, so that every article has something to list it by.
func (a *Article) Title() string {
	if a.Headline != "" {
		return a.Headline
	}
	for _, b := range a.Body {
		if b.Text != "" {
			return firstWords(b.Text, 24)
		}
	}
	return a.Column
}

// Credits returns the byline as a reader is shown it: the people (记者
// 何天宇 · 通讯员 叶平), else the byline as written (新华社北京3月5日电); nothing
// when it names only the photographer, whom the photo credit names already.
func (a *Article) Credits() string {
	b := a.Byline
	if a.PhotoCredit != "" && len(b.Reporters) == 0 && len(b.Correspondents) == 0 {
		return ""
	}
	if people := b.People(); people != "" {
		return people
	}
	return b.Raw
}

// Paragraphs counts the body's paragraph blocks.
func (a *Article) Paragraphs() int {
	n := 0
	for _, b := range a.Body {
		if b.Type == Paragraph {
			n++
		}
	}
	return n
}

// Runes counts the characters of the article's body text, for reading-time
// estimates.
func (a *Article) Runes() int {
	n := 0
	for _, b := range a.Body {
		n += len([]rune(b.Text))
	}
	return n
}

// Articles returns the number of articles in the edition.
func (e *Edition) Articles() int {
	n := 0
	for _, s := range e.Sections {
		n += len(s.Articles)
	}
	return n
}

// Article returns the article with the given ID, or nil.
func (e *Edition) Article(id string) *Article {
	for si := range e.Sections {
		for ai := range e.Sections[si].Articles {
			if e.Sections[si].Articles[ai].ID == id {
				return &e.Sections[si].Articles[ai]
			}
		}
	}
	return nil
}

// firstWords returns s cut to at most n runes, with an ellipsis when cut.
func firstWords(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}
