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
