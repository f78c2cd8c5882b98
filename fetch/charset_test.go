package fetch

import (
	"testing"

	"golang.org/x/text/encoding/traditionalchinese"
)

func TestCharsetOrder(t *testing.T) {
	text := "江边新城开工建设，冬季供暖全面启动。渔港码头扩建完工，小商品市场年交易额创新高。"
	gb := gbk(t, text)
	b5, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte("江邊新城開工建設，冬季供暖全面啟動。漁港碼頭擴建完工，小商品市場年交易額創新高。"))
	if err != nil {
		t.Fatal(err)
	}
	meta := func(cs string, body []byte) []byte {
		return append([]byte(`<html><head><meta charset="`+cs+`"></head><body>`), body...)
	}
	for _, tt := range []struct {
		name, contentType string
		body              []byte
		want              string
	}{
		{"header wins over the page", "text/html; charset=GBK", meta("utf-8", gb), "gbk"},
		{"header gb2312 is read as gbk", "text/html;charset=gb2312", gb, "gbk"},
		{"page's meta when the header has none", "text/html", meta("gb2312", gb), "gbk"},
		{"http-equiv meta", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=big5">`), b5...), "big5"},
		{"XML declaration", "application/rss+xml", append([]byte(`<?xml version="1.0" encoding="GB2312"?><rss>`), gb...), "gbk"},
		{"a stale gb2312 meta over UTF-8 bytes", "text/html", meta("gb2312", []byte(text)), "utf-8"},
		{"bytes: UTF-8", "text/html", []byte("<p>" + text), "utf-8"},
		{"bytes: GBK", "text/html", append([]byte("<p>"), gb...), "gb18030"},
		{"bytes: Big5", "", append([]byte("<p>"), b5...), "big5"},
		{"an unknown header charset falls through", "text/html; charset=x-klingon", meta("gbk", gb), "gbk"},
		{"a BOM", "", append([]byte("\xef\xbb\xbf"), meta("gbk", []byte(text))...), "utf-8"},
	} {
		got, _ := Charset(tt.contentType, tt.body)
		if got != tt.want {
			t.Errorf("%s: Charset = %q, want %q", tt.name, got, tt.want)
		}
	}
	if s, name := Decode("text/html; charset=gbk", gb); s != text || name != "gbk" {
		t.Errorf("Decode = %q, %q", s, name)
	}
}

func TestSniffKind(t *testing.T) {
	for in, want := range map[string]Kind{
		`<?xml version="1.0"?><rss version="2.0">`:                               KindFeed,
		"\xef\xbb\xbf\n<?xml version='1.0'?>\n<!-- c -->\n<feed xmlns=\"x\">":    KindFeed,
		`<?xml version="1.0"?><?xml-stylesheet href="a"?><rdf:RDF xmlns:rdf="">`: KindFeed,
		`{"version": "https://jsonfeed.org/version/1", "items": []}`:             KindFeed,
		`{"version": "1.0"}`: KindArticle,
		`<!DOCTYPE html><html><head><link rel="alternate" href="/rss">`: KindArticle,
		`<html><body>about <rss> feeds</body></html>`:                   KindArticle,
		``: KindArticle,
	} {
		if got := sniffKind([]byte(in)); got != want {
			t.Errorf("sniffKind(%q) = %q, want %q", in, got, want)
		}
	}
}
