package charset

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func TestDecode(t *testing.T) {
	gbPage := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>人民日报今日出版</body></html>`
	gbBytes, _ := simplifiedchinese.GBK.NewEncoder().String(gbPage)
	big5Bytes, _ := traditionalchinese.Big5.NewEncoder().String(`<?xml version="1.0" encoding="big5"?><rss><title>讀報晚報今日出版，港口貨運量創新高</title></rss>`)
	tests := []struct {
		name, in, enc, contains string
	}{
		{"declares GB2312 and is", gbBytes, "gb18030", "人民日报今日出版"},
		{"declares GB2312 but is UTF-8", gbPage, "utf-8", "人民日报今日出版"},
		{"XML declaration", big5Bytes, "big5", "讀報晚報"},
		{"BOM wins", "\xef\xbb\xbf<meta charset=gbk>中文", "utf-8", "中文"},
		{"meta charset", `<meta charset="big5">` + big5Bytes[len(`<?xml version="1.0" encoding="big5"?>`):], "big5", "港口"},
	}
	for _, tt := range tests {
		text, enc, err := Decode([]byte(tt.in))
		if err != nil || enc != tt.enc || !contains(text, tt.contains) {
			t.Errorf("%s: %q %v, text %.60q", tt.name, enc, err, text)
		}
	}
	if _, _, err := Decode([]byte("\x00\x01binary")); err == nil {
		t.Error("binary decoded")
	}
}

func TestStripDeclaration(t *testing.T) {
	if got := StripDeclaration(`<?xml version="1.0" encoding='GB2312'?><rss/>`); got != `<?xml version="1.0" encoding='utf-8'?><rss/>` {
		t.Errorf("got %q", got)
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// DecodeWith takes the charset the caller was told (an HTTP header) for a
// document that declares none, and still lets the bytes decide.
func TestDecodeWith(t *testing.T) {
	text := "<rss><channel><title>讀報晚報</title><item><title>港口貨運量創新高</title></item></channel></rss>"
	big5, _ := traditionalchinese.Big5.NewEncoder().String(text)
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("<p>人民日报今日出版</p>")
	tests := []struct {
		name, in, label, enc, want string
	}{
		{"Big5 told by the header", big5, "big5", "big5", text},
		{"GBK told by the header", gbk, "gbk", "gb18030", "<p>人民日报今日出版</p>"},
		{"told GBK, but UTF-8", text, "gbk", "utf-8", text},
		{"told nothing", gbk, "", "gb18030", "<p>人民日报今日出版</p>"},
		{"told a label that does not fit the bytes", gbk, "shift_jis", "gb18030", "<p>人民日报今日出版</p>"},
	}
	for _, tt := range tests {
		got, enc, err := DecodeWith([]byte(tt.in), tt.label)
		if err != nil || enc != tt.enc || got != tt.want {
			t.Errorf("%s: %q in %q (%v), want %q in %q", tt.name, got, enc, err, tt.want, tt.enc)
		}
	}
}
