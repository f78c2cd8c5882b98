package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/formats/internal/formattest"
	"dubao/model"
)

func parseFile(t *testing.T, path string) *model.Edition {
	t.Helper()
	return formattest.ParseFile(t, Parse, path)
}

func TestRSS(t *testing.T) {
	ed := parseFile(t, "testdata/rss.xml")
	if ed.Title != "读报晨刊" || ed.Date != "2024-03-19" || ed.Encoding != "utf-8" {
		t.Errorf("edition %q %q %q", ed.Title, ed.Date, ed.Encoding)
	}
	var names []string
	for _, s := range ed.Sections {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, ","); got != "要闻,文化,其他" {
		t.Fatalf("sections %s", got)
	}
	news := ed.Sections[0].Articles
	if len(news) != 2 || news[0].Headline != "城东新桥今日通车" || news[1].Headline != "气温回升\u3000注意防风" {
		t.Fatalf("要闻 articles %+v", news)
	}
	a := news[0]
	if a.ID != "1-1" || a.URL != "https://paper.example.org/2024/03/19/bridge.html" {
		t.Errorf("id %q url %q", a.ID, a.URL)
	}
	if a.Byline.People() != "记者 王小明 · 通讯员 李华" {
		t.Errorf("byline %+v", a.Byline)
	}
	want := []model.Block{
		{Type: model.Paragraph, Text: "本报讯\u3000城东新桥今日上午正式通车，全长一千二百米。"},
		{Type: model.Intertitle, Text: "通勤时间缩短"},
		{Type: model.Paragraph, Text: "据测算，市民从城东到老城区的时间将缩短二十分钟。"},
		{Type: model.Caption, Text: "新桥夜景。记者 王小明 摄", Image: "https://paper.example.org/img/bridge.jpg"},
	}
	if len(a.Body) != len(want) {
		t.Fatalf("body %q", a.Body)
	}
	for i := range want {
		if a.Body[i] != want[i] {
			t.Errorf("block %d: %q, want %q", i, a.Body[i], want[i])
		}
	}
	books := ed.Sections[1].Articles[0]
	if books.Byline.Raw == "" || !strings.Contains(books.Byline.Raw, "陈静") {
		t.Errorf("author of an RSS <author> %+v", books.Byline)
	}
	if len(books.Body) != 2 || books.Body[0].Text != "春季图书市集在中心广场开幕，三百家书店参展。" {
		t.Errorf("description as body %q", books.Body)
	}
	weather := news[1]
	if len(weather.Body) != 2 || weather.Body[1].Text != "午后风力较大，请注意防风。" {
		t.Errorf("plain-text description %q", weather.Body)
	}
	if ed.Sections[2].Articles[0].ID != "3-1" {
		t.Errorf("uncategorised ID %q", ed.Sections[2].Articles[0].ID)
	}
}

func TestAtom(t *testing.T) {
	ed := parseFile(t, "testdata/atom.xml")
	if ed.Title != "读报周刊" || ed.Date != "2024-03-22" || len(ed.Sections) != 1 || ed.Sections[0].Name != "读报周刊" {
		t.Fatalf("edition %+v", ed)
	}
	arts := ed.Sections[0].Articles
	if len(arts) != 2 || arts[0].Byline.Raw != "赵敏" || arts[0].URL != "https://weekly.example.org/library.html" {
		t.Fatalf("articles %+v", arts)
	}
	if len(arts[0].Body) != 2 || arts[0].Body[1].Text != "孩子们每天课后都来读书。" {
		t.Errorf("body %q", arts[0].Body)
	}
	if len(arts[1].Body) != 1 || arts[1].Body[0].Text != "老街改造完成，游人如织。" {
		t.Errorf("summary as body %q", arts[1].Body)
	}
}

func TestJSONFeed(t *testing.T) {
	ed := parseFile(t, "testdata/feed.json")
	if ed.Title != "读报快讯" || ed.Date != "2024-03-20" || len(ed.Sections) != 2 {
		t.Fatalf("edition %+v", ed)
	}
	a := ed.Sections[0].Articles[0]
	if ed.Sections[0].Name != "交通" || a.Headline != "地铁三号线延长" || a.URL != "https://news.example.org/1" ||
		a.Byline.People() != "记者 孙丽" || len(a.Body) != 1 {
		t.Errorf("first item %+v", a)
	}
	b := ed.Sections[1].Articles[0]
	if len(b.Body) != 2 || b.Body[1].Text != "门票免费。" {
		t.Errorf("content_text %q", b.Body)
	}
}

func TestLegacyEncodings(t *testing.T) {
	gb := parseFile(t, "testdata/rss-gb2312.xml")
	utf := parseFile(t, "testdata/rss.xml")
	if gb.Encoding != "gb18030" {
		t.Errorf("encoding %q", gb.Encoding)
	}
	if gb.Sections[0].Articles[0].Body[0] != utf.Sections[0].Articles[0].Body[0] || gb.Title != utf.Title {
		t.Errorf("GB2312 feed reads differently: %q", gb.Sections[0].Articles[0].Body[0])
	}
	big5 := parseFile(t, "testdata/rss-big5.xml")
	if big5.Encoding != "big5" || big5.Title != "讀報晚報" || big5.Sections[0].Articles[0].Headline != "港口貨運量創新高" {
		t.Errorf("Big5 feed: %q %q", big5.Encoding, big5.Title)
	}
}

func TestBadFeeds(t *testing.T) {
	for _, in := range []string{
		`<rss version="2.0"><channel><title>空</title></channel></rss>`,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>空</title></feed>`,
		`{"version": "https://jsonfeed.org/version/1", "title": "空", "items": []}`,
	} {
		if _, err := Parse([]byte(in), model.Options{}); !errors.Is(err, ErrNoItems) {
			t.Errorf("%s: err %v, want ErrNoItems", in, err)
		}
	}
	if _, err := Parse([]byte(`<rss><channel><item><title>x`), model.Options{}); err == nil {
		t.Log("truncated feed read leniently")
	}
	if _, err := Parse([]byte("\x00\x01\x02"), model.Options{}); err == nil {
		t.Error("binary input read as a feed")
	}
}

// shared returns the path of a file in ../shared/formats, skipping the
// test when the shared material is not there.
func shared(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "formats", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared material absent (%s): %v", p, err)
	}
	return p
}

func TestSharedLegacyFeeds(t *testing.T) {
	gb := parseFile(t, shared(t, "rss/feedparser_illformed_chardet_gb2312.xml"))
	if gb.Encoding != "gb18030" || gb.Sections[0].Articles[0].Headline != "不归移民漫画系列：专业工作" {
		t.Errorf("undeclared GB2312: %q %+v", gb.Encoding, gb.Sections)
	}
	for _, name := range []string{"rss/feedparser_encoding_big5.xml", "rss/feedparser_encoding_http_application_atom_xml_gb2312_charset.xml", "rss/feedparser_illformed_chardet_big5.xml"} {
		data, err := os.ReadFile(shared(t, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(data, model.Options{}); !errors.Is(err, ErrNoItems) {
			t.Errorf("%s (no items): err %v", name, err)
		}
	}
}

func TestRelativeImagesResolved(t *testing.T) {
	in := `<rss version="2.0"><channel><title>t</title><item><title>图</title><link>https://paper.example.org/2024/03/19/a.html</link>` +
		`<description><![CDATA[<figure><img src="../img/p.jpg"><figcaption>说明</figcaption></figure>]]></description></item></channel></rss>`
	ed, err := Parse([]byte(in), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b := ed.Sections[0].Articles[0].Body; len(b) != 1 || b[0].Image != "https://paper.example.org/2024/03/img/p.jpg" {
		t.Errorf("body %q", b)
	}
}

func TestEmptyItemsAreNoItems(t *testing.T) {
	in := `<rss version="2.0"><channel><title>t</title><item><link>https://x.org/1</link></item><item><guid>2</guid></item></channel></rss>`
	if _, err := Parse([]byte(in), model.Options{}); !errors.Is(err, ErrNoItems) {
		t.Errorf("items with neither title nor text: %v", err)
	}
}
