package fetch

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"dubao/model"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// Charset says how a page's bytes are encoded: from the HTTP header's
// charset, else the page's own declaration (<meta charset>, the XML
// declaration), else the bytes themselves (UTF-8 if they are valid UTF-8,
// else GB18030 or Big5, whichever decodes more of the text as common
// characters). A page that declares a Chinese legacy charset but whose
// bytes are valid UTF-8 with non-ASCII text is taken as UTF-8: sites that
// moved to UTF-8 often kept the old <meta>. The name is the WHATWG label
// ("utf-8", "gbk", "big5", …), lower case.
func Charset(contentType string, body []byte) (name string, enc encoding.Encoding) {
	if name, enc := fromHeader(contentType); enc != nil {
		return name, enc
	}
	if bytes.HasPrefix(body, []byte("\xef\xbb\xbf")) {
		return "utf-8", unicode.UTF8
	}
	if name, enc := declared(body); enc != nil {
		if name != "utf-8" && isLegacyChinese(name) && hasNonASCII(body) && utf8.Valid(body) {
			return "utf-8", unicode.UTF8
		}
		return name, enc
	}
	return sniff(body)
}

// Decode returns body as UTF-8 text, by Charset; bytes the encoding cannot
// map become U+FFFD.
func Decode(contentType string, body []byte) (text, name string) {
	name, enc := Charset(contentType, body)
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD"), name
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name
}

func fromHeader(contentType string) (string, encoding.Encoding) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return "", nil
	}
	return lookup(params["charset"])
}

func lookup(label string) (string, encoding.Encoding) {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return "", nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", nil
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		return "", nil
	}
	// GBK is read as GB18030, its superset: pages labelled gb2312 or gbk
	// often hold characters only GB18030 has.
	if name == "gbk" {
		return name, simplifiedchinese.GB18030
	}
	return name, enc
}

// declared finds the page's own charset: <meta charset> or http-equiv in
// the first 1024 bytes of HTML (the HTML standard's prescan), or the
// encoding of an XML declaration.
func declared(body []byte) (string, encoding.Encoding) {
	head := body[:min(len(body), 1024)]
	if bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n"), []byte("<?xml")) {
		end := bytes.Index(head, []byte("?>"))
		if end > 0 {
			decl := string(head[:end])
			if i := strings.Index(decl, "encoding="); i >= 0 {
				v := strings.TrimLeft(decl[i+len("encoding="):], " ")
				if v != "" && (v[0] == '"' || v[0] == '\'') {
					if j := strings.IndexByte(v[1:], v[0]); j >= 0 {
						return lookup(v[1 : 1+j])
					}
				}
			}
		}
	}
	// DetermineEncoding with no header runs the prescan; it is "certain"
	// only for a BOM, so tell a found declaration from its guess by
	// looking for one.
	if !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return "", nil
	}
	_, name, _ := charset.DetermineEncoding(head, "text/html")
	return lookup(name)
}

func isLegacyChinese(name string) bool {
	switch name {
	case "gbk", "gb18030", "big5", "gb2312":
		return true
	}
	return false
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// sniff guesses from the bytes alone, as dubao reads a text file
// (model.Decode): UTF-8, else GB18030 or Big5 by which yields common
// Chinese characters. Bytes nothing explains are taken as GB18030, the
// likelier of the two on a Chinese site.
func sniff(body []byte) (string, encoding.Encoding) {
	if utf8.Valid(body) {
		return "utf-8", unicode.UTF8
	}
	if _, name, err := model.Decode(body); err == nil && name == "big5" {
		return "big5", traditionalchinese.Big5
	}
	return "gb18030", simplifiedchinese.GB18030
}
