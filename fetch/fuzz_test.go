package fetch

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// Whatever a site sends, reading it never panics, links found are absolute
// http(s) URLs, and titles hold no control characters.
func FuzzParsePage(f *testing.F) {
	f.Add([]byte(`<a href="nbs.D110000renmrb_02.htm">02版：要闻</a><a href=nw.D1_1-01.htm>一篇</a><meta http-equiv=refresh content="0;url=x">`), "text/html")
	f.Add([]byte("<title>\x1b[31m残缺"), "")
	f.Add([]byte("<?xml version=\"1.0\" encoding=\"gb2312\"?><rss>"), "application/xml; charset=big5")
	f.Add([]byte("<base href='javascript:x'><a href='//evil/'>x</a><a href='mailto:a@b'>m</a>"), "text/html; charset=utf-8")
	base, _ := url.Parse("http://paper.example/rmrb/html/2024-03/05/nbs.D110000renmrb_01.htm")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		text, _ := Decode(contentType, body)
		if !utf8.ValidString(text) {
			t.Fatal("Decode returned invalid UTF-8")
		}
		sniffKind(body)
		p := parsePage(text, base)
		for _, l := range append(p.pageList(base), p.stories(base)...) {
			if l.URL.Scheme != "http" && l.URL.Scheme != "https" || !sameSite(l.URL, base) {
				t.Fatalf("link %s", l.URL)
			}
			if strings.ContainsFunc(l.Text, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
				t.Fatalf("link text %q", l.Text)
			}
		}
		if strings.ContainsFunc(p.Title, func(r rune) bool { return r < 0x20 }) {
			t.Fatalf("title %q", p.Title)
		}
		if p.Refresh != nil && p.Refresh.Scheme != "http" && p.Refresh.Scheme != "https" {
			t.Fatalf("refresh to %s", p.Refresh)
		}
	})
}

func FuzzReadOPML(f *testing.F) {
	f.Add([]byte(`<opml version="2.0"><body><outline text="a" xmlUrl="http://a/"><outline text="b" url="http://b/"/></outline></body></opml>`))
	f.Add([]byte(`<?xml version="1.0" encoding="gbk"?><opml><body><outline/></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := ReadOPML(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, s := range subs {
			if s.URL == "" {
				t.Fatalf("outline without URL: %+v", s)
			}
		}
	})
}
