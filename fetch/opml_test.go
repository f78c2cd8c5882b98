package fetch

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestOPMLRoundTrip(t *testing.T) {
	subs := []Outline{
		{Text: "rmrb", Title: "人民日报", URL: "http://paper.example/rmrb/index.htm"},
		{Text: "zaobao", URL: "https://feed.example/realtime/china?a=1&b=2"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "dubao subscriptions", subs, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{`<?xml version="1.0" encoding="UTF-8"?>`, `<opml version="2.0">`, `<title>dubao subscriptions</title>`,
		`<dateCreated>Tue, 01 Dec 2026 00:00:00 +0000</dateCreated>`, `xmlUrl="https://feed.example/realtime/china?a=1&amp;b=2"`, `text="rmrb" title="人民日报" type="rss"`} {
		if !strings.Contains(out, want) {
			t.Errorf("OPML lacks %s:\n%s", want, out)
		}
	}
	got, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// zaobao had no title; the export gives its text as title, which reads
	// back as no separate title.
	if !reflect.DeepEqual(got, subs) {
		t.Errorf("read back %+v, want %+v", got, subs)
	}
}

func TestReadOPMLFoldersAndOthers(t *testing.T) {
	in := `<?xml version="1.0" encoding="GB2312"?>
<opml version="1.0"><head><title>x</title></head><body>
<outline text="新闻">
  <outline text="时政" type="rss" xmlUrl="http://a.example/rss/politics.xml" htmlUrl="http://a.example/"/>
  <outline title="只有标题" xmlUrl="http://b.example/atom"/>
</outline>
<outline text="没有地址"/>
<outline text="page" url="http://c.example/epaper/"/>
</body></opml>`
	enc := gbk(t, in)
	got, err := ReadOPML(bytes.NewReader(enc))
	if err != nil {
		t.Fatal(err)
	}
	want := []Outline{
		{Text: "时政", URL: "http://a.example/rss/politics.xml"},
		{Text: "只有标题", URL: "http://b.example/atom"},
		{Text: "page", URL: "http://c.example/epaper/"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	for _, bad := range []string{"", "<html></html>", "<opml><body><outline", "not xml at all"} {
		if _, err := ReadOPML(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadOPML(%q): no error", bad)
		}
	}
}
