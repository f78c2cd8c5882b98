// Package charset decodes the bytes of an HTML page or an XML document
// (a feed, an EPUB's XHTML) to UTF-8: from a byte-order mark, else the
// charset the document declares, checked against the bytes (a page that
// declares GB2312 but is UTF-8 is read as UTF-8), else by model.Decode's
// detection of UTF-8, GB18030 and Big5.
package charset

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"

	"dubao/model"
)

// prescanBytes is how far into a document its charset declaration is looked
// for: HTML's prescan reads 1024 bytes; saved pages often put a long
// comment or script first, so this looks further.
const prescanBytes = 8 << 10

var (
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)`)
	xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']`)
)

// Declared returns the charset label a document declares: an XML
// declaration's encoding, else an HTML <meta charset> or http-equiv
// Content-Type; "" when it declares none.
func Declared(data []byte) string {
	head := data[:min(len(data), prescanBytes)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// Decode returns data as UTF-8 text and the name of the encoding it was
// read in. A byte-order mark decides; else bytes that are valid UTF-8 are
// UTF-8 whatever the document declares; else the declared charset is used
// when it decodes the bytes cleanly; else model.Decode detects GB18030 or
// Big5. Binary data and text no encoding explains are errors
// (model.ErrBinary, model.ErrEncoding).
func Decode(data []byte) (string, string, error) {
	if hasBOM(data) || utf8.Valid(data) {
		return model.Decode(data)
	}
	if label := Declared(data); label != "" {
		if enc, name := lookup(label); enc != nil && name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(data); err == nil && clean(out) {
				return string(out), name, nil
			}
		}
	}
	return model.Decode(data)
}

// lookup finds the encoding a label names, reading GB2312 and GBK as
// GB18030, their superset, since papers that declare one use the others'
// characters too.
func lookup(label string) (encoding.Encoding, string) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, ""
	}
	name, _ := htmlindex.Name(enc)
	switch strings.ToLower(name) {
	case "gbk", "gb18030", "gb2312":
		return simplifiedchinese.GB18030, "gb18030"
	}
	return enc, strings.ToLower(name)
}

// clean reports whether decoded text has no NUL and next to no replacement
// characters.
func clean(out []byte) bool {
	if bytes.IndexByte(out, 0) >= 0 {
		return false
	}
	return bytes.Count(out, []byte("\uFFFD"))*100 <= utf8.RuneCount(out)
}

func hasBOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) ||
		bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF})
}

// StripDeclaration rewrites an XML declaration's encoding to UTF-8, for a
// document Decode has turned into UTF-8 text, so that an XML parser does
// not decode it a second time.
func StripDeclaration(text string) string {
	m := xmlEncoding.FindStringSubmatchIndex(text)
	if m == nil {
		return text
	}
	return text[:m[2]] + "utf-8" + text[m[3]:]
}

// DecodeWith is Decode for bytes whose encoding the caller was told (by
// the HTTP header they were served with, say): label is tried before what
// the document declares, and the bytes still decide as Decode's do (a
// byte-order mark, valid UTF-8, a label that does not decode them cleanly
// falls back to Decode).
func DecodeWith(data []byte, label string) (string, string, error) {
	if label != "" && !hasBOM(data) && !utf8.Valid(data) {
		if enc, name := lookup(label); enc != nil && name != "utf-8" {
			if out, err := enc.NewDecoder().Bytes(data); err == nil && clean(out) {
				return string(out), name, nil
			}
		}
	}
	return Decode(data)
}
