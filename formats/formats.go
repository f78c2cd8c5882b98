// Package formats reads an edition in any format dubao knows: it finds the
// format from the content (Sniff) and hands the bytes to the package that
// reads it: formats/epub, formats/feed, formats/html (pages and e-paper
// folders), formats/fetched (the folders dubao fetch writes), PDF, and for anything else the text parser, model.Parse.
package formats

import (
	"archive/zip"
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"dubao/formats/epub"
	"dubao/formats/feed"
	"dubao/formats/fetched"
	"dubao/formats/html"
	"dubao/model"
)

// Format is a kind of edition file.
type Format string

// The formats Sniff tells apart.
const (
	Text   Format = "text"
	HTML   Format = "html"
	EPUB   Format = "epub"
	Feed   Format = "feed" // RSS, Atom or JSON Feed
	PDF    Format = "pdf"
	Epaper Format = "epaper" // an e-paper folder packed by ReadFolder
	// Fetched is an edition folder dubao fetch wrote, packed by
	// ReadFolder.
	Fetched Format = "fetched"
	Zip     Format = "zip" // a zip archive that is no EPUB
	// Data is XML or JSON that is no feed: not an edition.
	Data Format = "data"
)

// Errors for input of no edition format.
var (
	// ErrZip means the input is a zip archive but not an EPUB.
	ErrZip = errors.New("zip archive that is not an EPUB")
	// ErrData means the input is XML that is not a feed, or JSON that is
	// not a JSON Feed.
	ErrData = errors.New("XML or JSON that is not a feed (RSS, Atom or JSON Feed)")
)

// sniffBytes is how much of the input Sniff looks at.
const sniffBytes = 4096

// Sniff finds the format of an edition from its first bytes: PK and an
// EPUB mimetype (or META-INF/container.xml), %PDF, <rss, <rdf:RDF or <feed,
// JSON with a JSON Feed version, <html (or <!DOCTYPE html, <head, <body);
// anything else is text.
func Sniff(data []byte) Format {
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06")) {
		return sniffZip(data)
	}
	head := data[:min(len(data), sniffBytes)]
	if i := bytes.Index(head, []byte("%PDF-")); i >= 0 && i < 1024 {
		return PDF
	}
	head = utf8Head(head)
	rest := skipProlog(head)
	switch {
	case hasPrefixFold(rest, "<rss"), hasPrefixFold(rest, "<rdf:rdf"), hasPrefixFold(rest, "<feed"):
		return Feed
	case hasPrefixFold(rest, "<html"), hasPrefixFold(rest, "<!doctype html"), hasPrefixFold(rest, "<head"), hasPrefixFold(rest, "<body"):
		return HTML
	case len(rest) > 0 && rest[0] == '{' && isJSONFeed(head):
		return Feed
	case len(rest) > 1 && (rest[0] == '{' || rest[0] == '[') && isJSONStart(rest[1:]),
		len(rest) > 1 && rest[0] == '<' && isLetter(rest[1]) && len(rest) < len(bytes.TrimLeft(head, " \t\r\n\f")):
		// JSON, or XML after a declaration or comment: data, not an
		// edition's text.
		return Data
	}
	return Text
}

// sniffZip tells an EPUB (or a packed e-paper folder) from another zip.
// The mimetype entry comes first and stored, so its name and content are
// in the first bytes; a zip that breaks the rule is still an EPUB when it
// has META-INF/container.xml.
func sniffZip(data []byte) Format {
	if len(data) > 38 && string(data[30:38]) == "mimetype" {
		content := data[38:min(len(data), 38+64)]
		switch {
		case bytes.HasPrefix(content, []byte("application/epub+zip")):
			return EPUB
		case bytes.HasPrefix(content, []byte(html.FolderMIME)):
			return Epaper
		case bytes.HasPrefix(content, []byte(fetched.MIME)):
			return Fetched
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		// A broken zip that says it is an EPUB is read as one, to say
		// what is broken.
		if bytes.Contains(data[:min(len(data), 200)], []byte("application/epub+zip")) {
			return EPUB
		}
		return Zip
	}
	for _, f := range zr.File {
		if f.Name == "META-INF/container.xml" {
			return EPUB
		}
	}
	return Zip
}

// utf8Head returns the start of data as UTF-8, for a UTF-16 page or feed
// with a byte-order mark, and without a UTF-8 byte-order mark.
func utf8Head(head []byte) []byte {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return head[3:]
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		out, _ := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(head[:len(head)&^1])
		return out
	}
	return head
}

// skipProlog skips whitespace, an XML declaration, processing
// instructions and comments.
func skipProlog(b []byte) []byte {
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return nil
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b[4:], []byte("-->"))
			if i < 0 {
				return nil
			}
			b = b[4+i+3:]
		default:
			return b
		}
	}
}

// isJSONStart reports whether b continues a JSON object or array: a
// quote, brace, bracket, digit or the start of true, false or null after
// whitespace.
func isJSONStart(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && (bytes.IndexByte([]byte("\"{}[]-0123456789tfn"), b[0]) >= 0)
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && bytes.EqualFold(b[:len(prefix)], []byte(prefix))
}

// isJSONFeed reports whether JSON text names a JSON Feed version.
func isJSONFeed(head []byte) bool {
	return utf8.Valid(head[:max(0, len(head)-utf8.UTFMax)]) &&
		bytes.Contains(head, []byte(`"version"`)) && bytes.Contains(head, []byte("jsonfeed.org/version"))
}

// Parse reads an edition in any format, with the signature of model.Parse:
// the format is sniffed from data, and what is not one of the others is
// text for model.Parse.
func Parse(data []byte, opt model.Options) (*model.Edition, error) {
	switch Sniff(data) {
	case EPUB:
		return epub.Parse(data, opt)
	case Epaper:
		return html.ParseFolder(data, opt)
	case Fetched:
		return fetched.Parse(data, opt)
	case Feed:
		return feed.Parse(data, opt)
	case HTML:
		return html.Parse(data, opt)
	case PDF:
		return parsePDF(data, opt)
	case Zip:
		return nil, ErrZip
	case Data:
		return nil, ErrData
	}
	return model.Parse(data, opt)
}
