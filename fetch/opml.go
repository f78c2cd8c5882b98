package fetch

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Outline is one subscription in an OPML file: a feed (xmlUrl) or, for
// dubao's own export, any URL dubao fetches.
type Outline struct {
	// Text is its name (the text attribute, else title).
	Text string
	// Title is the paper's title, if the file gives one besides Text.
	Title string
	// URL is the xmlUrl (else url or htmlUrl).
	URL string
}

type opmlDoc struct {
	XMLName xml.Name    `xml:"opml"`
	Version string      `xml:"version,attr"`
	Head    opmlHead    `xml:"head"`
	Body    opmlOutline `xml:"body"`
}

type opmlHead struct {
	Title       string `xml:"title,omitempty"`
	DateCreated string `xml:"dateCreated,omitempty"`
	Generator   string `xml:"docs,omitempty"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr,omitempty"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	URL      string        `xml:"url,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
}

// maxOPML bounds the file ReadOPML reads.
const maxOPML = 16 << 20

// ReadOPML returns the subscriptions of an OPML file (1.0 or 2.0), depth
// first, in file order; outlines that are only folders are walked into.
func ReadOPML(r io.Reader) ([]Outline, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxOPML+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxOPML {
		return nil, fmt.Errorf("OPML file larger than %d bytes", maxOPML)
	}
	dec := xml.NewDecoder(strings.NewReader(string(data)))
	dec.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not OPML: %s", oneLine(err.Error()))
	}
	var out []Outline
	var walk func(o opmlOutline)
	walk = func(o opmlOutline) {
		u := firstNonEmpty(o.XMLURL, o.URL, o.HTMLURL)
		if u != "" && len(o.Outlines) == 0 || o.XMLURL != "" {
			text := squash(firstNonEmpty(o.Text, o.Title))
			title := squash(o.Title)
			if title == text {
				title = ""
			}
			out = append(out, Outline{Text: text, Title: title, URL: strings.TrimSpace(u)})
		}
		for _, c := range o.Outlines {
			walk(c)
		}
	}
	for _, o := range doc.Body.Outlines {
		walk(o)
	}
	if doc.XMLName.Local != "opml" {
		return nil, errors.New("not OPML: no <opml> element")
	}
	return out, nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// WriteOPML writes subscriptions as an OPML 2.0 document titled title.
func WriteOPML(w io.Writer, title string, subs []Outline, now time.Time) error {
	doc := opmlDoc{Version: "2.0", Head: opmlHead{Title: title, DateCreated: now.UTC().Format(time.RFC1123Z), Generator: "http://opml.org/spec2.opml"}}
	for _, s := range subs {
		doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{Text: s.Text, Title: firstNonEmpty(s.Title, s.Text), Type: "rss", XMLURL: s.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
