package pdf

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// Page is one page of a text layer: its words in the order the producer
// drew them.
type Page struct{ Words []Word }

// Word is one word of the text layer and its box, in points from the
// page's top left corner. pdftotext splits words at spaces; a run of
// Chinese text is one word.
type Word struct {
	X0, Y0, X1, Y1 float64
	Text           string
}

// errBadWordList says pdftotext wrote something that is not its word list.
var errBadWordList = errors.New("pdftotext gave an unreadable word list")

// readWords reads the word list pdftotext -bbox writes (XHTML with one
// <page> element a page and one <word> a word).
func readWords(data []byte) ([]Page, error) {
	d := xml.NewDecoder(bytes.NewReader(xmlSafe(data)))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	var pages []Page
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return pages, nil
		}
		if err != nil {
			return nil, errBadWordList
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch start.Name.Local {
		case "page":
			pages = append(pages, Page{})
		case "word":
			var w struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			}
			if err := d.DecodeElement(&w, &start); err != nil {
				return nil, errBadWordList
			}
			if len(pages) == 0 {
				pages = append(pages, Page{})
			}
			word := Word{X0: w.XMin, Y0: w.YMin, X1: w.XMax, Y1: w.YMax, Text: strings.TrimSpace(w.Text)}
			if word.Text != "" && finite(word.X0, word.Y0, word.X1, word.Y1) {
				p := &pages[len(pages)-1]
				p.Words = append(p.Words, word)
			}
		}
	}
}

// xmlSafe returns data with what XML does not allow (invalid UTF-8, control
// characters, U+FFFE and U+FFFF) replaced, since pdftotext copies a PDF's
// text as it finds it; the text parser drops control characters later.
func xmlSafe(data []byte) []byte {
	bad := func(r rune) bool { return !xmlChar(r) }
	if utf8.Valid(data) && !bytes.ContainsFunc(data, bad) {
		return data
	}
	var b bytes.Buffer
	b.Grow(len(data))
	for _, r := range string(data) { // invalid bytes arrive as U+FFFD
		if bad(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}

// xmlChar reports whether XML allows r as text.
func xmlChar(r rune) bool {
	if r < 0x20 {
		return r == '\t' || r == '\n' || r == '\r'
	}
	return r != 0xFFFE && r != 0xFFFF
}

func finite(fs ...float64) bool {
	for _, f := range fs {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
	}
	return true
}
