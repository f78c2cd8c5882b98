package html

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/htmltext"
	"dubao/formats/internal/formattest"
	"dubao/model"
)

func parseFile(t *testing.T, path string) *model.Edition {
	t.Helper()
	return formattest.ParseFile(t, Parse, path)
}

func bodyText(a *model.Article) string {
	var parts []string
	for _, b := range a.Body {
		parts = append(parts, b.Text)
	}
	return strings.Join(parts, "\n")
}

func TestPeopleStructure(t *testing.T) {
	ed := parseFile(t, "testdata/people.html")
	a := ed.Sections[0].Articles[0]
	if a.Kicker != "城市建设迎来新进展" || a.Headline != "城东新桥今日通车" || a.Subheadline != "全长一千二百米" {
		t.Errorf("stack %q / %q / %q", a.Kicker, a.Headline, a.Subheadline)
	}
	if a.Byline.People() != "记者 王小明" || ed.Date != "2024-03-19" || ed.Masthead != "人民网－人民日报" {
		t.Errorf("byline %+v date %q masthead %q", a.Byline, ed.Date, ed.Masthead)
	}
	if a.URL != "http://society.people.com.cn/n1/2024/0319/c1008-40000001.html" || ed.Encoding != "utf-8" {
		t.Errorf("url %q encoding %q", a.URL, ed.Encoding)
	}
	want := strings.Join([]string{
		"城东新桥今日上午正式通车，全长一千二百米，双向六车道。",
		"据测算，市民从城东到老城区的时间将缩短二十分钟。沿线公交线路同步调整。",
		"交通组织",
		"交管部门在桥两端设置了诱导屏。",
		"(责编：张三、李四)",
	}, "\n")
	if got := bodyText(&a); got != want {
		t.Errorf("body\n%s\nwant\n%s", got, want)
	}
	if a.Body[2].Type != model.Intertitle {
		t.Errorf("bold line is %s", a.Body[2].Type)
	}
}

func TestFounderArticlePage(t *testing.T) {
	ed := parseFile(t, "testdata/epaper/content/202403/19/content_1001.html")
	a := ed.Sections[0].Articles[0]
	if a.Kicker != "城市建设迎来新进展" || a.Headline != "城东新桥今日通车" || a.Subheadline != "全长一千二百米\u3000通勤时间缩短二十分钟" {
		t.Errorf("stack %q / %q / %q", a.Kicker, a.Headline, a.Subheadline)
	}
	if ed.Encoding != "gb18030" || a.Byline.People() != "记者 王小明" {
		t.Errorf("encoding %q byline %+v", ed.Encoding, a.Byline)
	}
	s := ed.Sections[0]
	if s.Header != "第01版：要闻" || s.Page != "01" || s.Name != "要闻" || ed.Title != "城东新桥今日通车" || ed.Masthead != "读报日报" {
		t.Errorf("section %+v title %q masthead %q", s, ed.Title, ed.Masthead)
	}
	if got := bodyText(&a); got != "本报讯\u3000城东新桥今日上午正式通车，全长一千二百米，双向六车道。\n据测算，市民从城东到老城区的时间将缩短二十分钟。" {
		t.Errorf("body %q", got)
	}
	// An empty <h2> is no subheadline; a page that declares GB2312 but is
	// UTF-8 reads as UTF-8.
	ed = parseFile(t, "testdata/epaper/content/202403/19/content_1002.html")
	if a := ed.Sections[0].Articles[0]; a.Subheadline != "" || a.Kicker != "" || a.Headline != "春耕备耕有序展开" || ed.Encoding != "utf-8" {
		t.Errorf("second page: %q %q %q %q", a.Kicker, a.Headline, a.Subheadline, ed.Encoding)
	}
}

func TestNoArticle(t *testing.T) {
	data, err := os.ReadFile("testdata/noarticle.html")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(data, model.Options{}); !errors.Is(err, ErrNoArticle) {
		t.Errorf("err %v, want ErrNoArticle", err)
	}
}

func TestEpaperFolder(t *testing.T) {
	dir := "testdata/epaper"
	if !IsFolder(dir) {
		t.Fatal("testdata/epaper is not seen as an e-paper folder")
	}
	if IsFolder("testdata") {
		t.Error("testdata, which holds the e-paper in a subfolder beside other pages, is taken as an e-paper")
	}
	if IsFolder(filepath.Join(dir, "content")) {
		t.Error("a folder of article pages alone is taken as an e-paper")
	}
	data, err := ReadFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := ReadFolder(dir)
	if string(again) != string(data) {
		t.Error("packing the same folder twice gives different bytes")
	}
	ed, err := ParseFolder(data, model.Options{Title: "epaper"})
	if err != nil {
		t.Fatal(err)
	}
	if ed.Title != "读报日报" || ed.Date != "2024-03-19" {
		t.Errorf("title %q date %q", ed.Title, ed.Date)
	}
	var got []string
	for _, s := range ed.Sections {
		var hs []string
		for _, a := range s.Articles {
			hs = append(hs, a.ID+" "+a.Headline)
		}
		got = append(got, s.Page+"|"+s.Name+"|"+s.Header+": "+strings.Join(hs, ", "))
	}
	want := []string{
		"01|要闻|01版：要闻: 1-1 城东新桥今日通车, 1-2 春耕备耕有序展开",
		"02|文化|02版：文化: 2-1 春季图书市集开幕",
		"|其他|: 3-1 老剧场重新开放",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sections\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := ed.Sections[0].Articles[0]; a.Kicker != "城市建设迎来新进展" || a.Byline.People() != "记者 王小明" || len(a.Body) != 2 {
		t.Errorf("first article %+v", a)
	}
}

// shared returns the path of a page in ../shared/formats/html-news-article,
// skipping the test when the shared material is not there.
func shared(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join("..", "..", "..", "shared", "formats", "html-news-article", name)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared material absent (%s)", p)
	}
	return p
}

func TestSharedPages(t *testing.T) {
	tests := []struct {
		file, kicker, headline, site, date, url string
		byline                                  string
		first, last                             string // body text the article starts and ends with
		minRunes                                int
	}{
		{file: "gne_people_1.html", headline: "女儿出嫁，郑板桥画了几笔兰花当嫁妆", site: "人民网-文化频道", date: "2019-06-15",
			first: "父亲的教诲像一盏灯", last: "(责编：汤诗瑶、丁涛)", minRunes: 700},
		{file: "gne_xinhuanet_1.html", headline: "法国全国大罢工再次严重影响交通", site: "新华网", date: "2019-12-10",
			url: "http://www.xinhuanet.com/world/2019-12/10/c_1125327450.htm", byline: "记者 唐霁",
			first: "法国9日再次爆发全国跨行业大罢工", last: "总理菲利普将于11日宣布退休制度改革的总体架构。", minRunes: 500},
		{file: "gne_thepaper_1.html", headline: "共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性", date: "2019-09-24",
			first: "共享充电宝。视觉中国 资料", minRunes: 2000},
		{file: "gne_cjddsb_1.html", headline: "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动", site: "当代商报",
			first: "为持续推动金融消费者教育和金融知识普及工作", minRunes: 600},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			ed := parseFile(t, shared(t, tt.file))
			a := ed.Sections[0].Articles[0]
			if a.Headline != tt.headline || a.Kicker != tt.kicker {
				t.Errorf("headline %q kicker %q", a.Headline, a.Kicker)
			}
			if tt.site != "" && ed.Masthead != tt.site {
				t.Errorf("masthead %q", ed.Masthead)
			}
			if tt.date != "" && ed.Date != tt.date {
				t.Errorf("date %q", ed.Date)
			}
			if tt.url != "" && a.URL != tt.url {
				t.Errorf("url %q", a.URL)
			}
			if tt.byline != "" && a.Byline.People() != tt.byline {
				t.Errorf("byline %+v", a.Byline)
			}
			if ed.Encoding != "utf-8" {
				t.Errorf("encoding %q", ed.Encoding)
			}
			body := bodyText(&a)
			if !strings.HasPrefix(body, tt.first) || (tt.last != "" && !strings.HasSuffix(body, tt.last)) {
				t.Errorf("body starts %.80q ends %q", body, body[max(0, len(body)-80):])
			}
			if n := a.Runes(); n < tt.minRunes {
				t.Errorf("body has %d characters, want ≥ %d", n, tt.minRunes)
			}
			for _, junk := range []string{"分享到", "function(", "【1】", "var "} {
				if strings.Contains(body, junk) {
					t.Errorf("body holds %q", junk)
				}
			}
		})
	}
}

// TestSharedPeopleNothingLost checks that every character of the 人民网
// page's article paragraphs is in the body, in order, less the link to a
// channel the page opens with.
func TestSharedPeopleNothingLost(t *testing.T) {
	p := shared(t, "gne_people_1.html")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	box := first(doc, func(n *html.Node) bool { return htmltext.Attr(n, "id") == "rwb_zw" })
	var want strings.Builder
	for _, para := range findAll(box, tag(atom.P)) {
		if text := htmltext.Text(para); !strings.HasPrefix(text, "点击进入") {
			want.WriteString(squeeze(text))
		}
	}
	ed := parseFile(t, p)
	a := ed.Sections[0].Articles[0]
	got := squeeze(bodyText(&a))
	if !strings.Contains(got, want.String()) {
		t.Errorf("paragraph text lost:\nwant %s\ngot  %s", want.String(), got)
	}
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestEpaperSavedPageByPage reads the e-paper saved from a browser page by
// page into one folder: the links still point to the site, and are
// matched to the pages by the addresses the pages were saved from.
func TestEpaperSavedPageByPage(t *testing.T) {
	dir := "testdata/epaper-saved"
	if !IsFolder(dir) {
		t.Fatal("not seen as an e-paper folder")
	}
	data, err := ReadFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := ParseFolder(data, model.Options{Title: "saved"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range ed.Sections {
		for _, a := range s.Articles {
			got = append(got, s.Name+" "+a.ID+" "+a.Headline)
		}
	}
	want := "要闻 1-1 城东新桥今日通车|要闻 1-2 春耕备耕有序展开|文化 2-1 春季图书市集开幕"
	if strings.Join(got, "|") != want || ed.Date != "2024-03-19" || ed.Title != "读报日报" {
		t.Errorf("got %s (date %q, title %q), want %s", strings.Join(got, "|"), ed.Date, ed.Title, want)
	}
	if u := ed.Sections[0].Articles[0].URL; u != "http://paper.example.org/dbrb/pc/content/202403/19/content_1001.html" {
		t.Errorf("url %q", u)
	}
}
