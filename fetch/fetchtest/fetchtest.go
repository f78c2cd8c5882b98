// Package fetchtest serves small newspaper sites from httptest servers, for
// tests of what dubao fetch saves and of how the reader opens it: a feed
// site (RSS with categories, authors and summaries, and 人民网-style item
// pages with the full text) and an e-paper in GBK (人民日报's layout:
// nbs.…_NN.htm 版面 pages linking to nw.… article pages in the Founder 方正
// structure). The layouts are those calibre's news recipes record for the
// real sites; the text is our own. Nothing here talks to the internet.
package fetchtest

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"dubao/fetch"
)

// FetchInto saves url with the real fetch code into dir (as the source
// named source), as of now, and returns the edition folder it wrote.
func FetchInto(t testing.TB, dir, source, url string, now time.Time) string {
	t.Helper()
	f := &fetch.Fetcher{
		Client: fetch.NewClient(fetch.Options{MinInterval: -1, Retries: -1}),
		Dir:    dir,
		Now:    func() time.Time { return now },
	}
	res, err := f.Fetch(context.Background(), fetch.Request{URL: url, Source: source})
	if err != nil {
		t.Fatalf("fetch %s: %v", url, err)
	}
	return res.Path
}

// Site is an httptest server serving fixed pages.
type Site struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]page
}

type page struct {
	contentType string
	body        []byte
}

// NewSite starts an empty site, closed when tb's test ends.
func NewSite(tb testing.TB) *Site {
	s := &Site{pages: map[string]page{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	p, ok := s.pages[r.URL.Path]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	if p.contentType != "" {
		w.Header().Set("Content-Type", p.contentType)
	}
	w.Write(p.body)
}

// Put serves body at path.
func (s *Site) Put(path, contentType string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = page{contentType: contentType, body: body}
}

// Remove stops serving path (it answers 404).
func (s *Site) Remove(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.pages, path)
}

// Item is one item of the feed site.
type Item struct {
	// Path is the item page's path; "" for an item with no link, all of it
	// in the feed.
	Path string
	// GUID, Title, Category and Author are the feed's.
	GUID, Title, Category, Author string
	// Summary is the feed's description.
	Summary string
	// Content, if not empty, is the feed's content:encoded (HTML).
	Content string
	// Byline and Body are the item page's: its p.author and paragraphs.
	Byline string
	Body   []string
	// Gone: the item page answers 404.
	Gone bool
}

// FeedPath is where the feed site serves its feed.
const FeedPath = "/rss/politics.xml"

// FeedTitle is the feed's title.
const FeedTitle = "时政频道"

// Items are the feed site's items: two categories; an item with an author
// in the feed and one without (whose page names one); an item whose
// content:encoded is longer than its page; one with no link; one whose page
// is gone.
var Items = []Item{
	{Path: "/n1/2026/1201/c1001-1.html", GUID: "c1001", Title: "河口湿地迎来越冬候鸟", Category: "要闻", Author: "记者 李青",
		Summary: "湿地来了候鸟。", Byline: "本报记者 李青",
		Body: []string{"入冬以来，河口湿地迎来第一批越冬候鸟，观鸟的人沿着栈道慢慢走。", "保护站的工作人员说，今年记录到的种类比去年多了六种。"}},
	{Path: "/n1/2026/1201/c1001-2.html", GUID: "c1002", Title: "老街改造后重新开市", Category: "要闻",
		Summary: "老街开市。", Byline: "本报记者 赵明",
		Body: []string{"改造了一年的老街重新开市，青石板路上又响起了吆喝声。", "老字号的店主们把招牌擦得锃亮。"}},
	{Path: "/n1/2026/1201/c1002-3.html", GUID: "c1003", Title: "果农合作社尝试线上销售", Category: "经济",
		Summary: "合作社卖果子。",
		Content: "<p>山里的果农合作社开了网店，第一个月就卖出了两千箱脐橙。</p><p>社员们轮流在镜头前讲果园的故事，讲得比广告还动人。</p><p>快递车每天下午进山一趟。</p>",
		Byline:  "本报记者 孙禾", Body: []string{"合作社开了网店。"}},
	{GUID: "c1004", Title: "今日天气", Category: "经济", Summary: "晴，北风二级。"},
	{Path: "/n1/2026/1201/c1002-5.html", GUID: "c1005", Title: "港口吞吐量再创新高", Category: "经济",
		Summary: "港口忙。", Gone: true},
}

// FeedXML is the RSS the feed site serves for items.
func FeedXML(base string, items []Item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>` + FeedTitle + `</title><link>` + base + `/</link><description>测试频道</description>
`)
	for _, it := range items {
		b.WriteString("<item><title>" + it.Title + "</title>")
		if it.Path != "" {
			b.WriteString("<link>" + base + it.Path + "</link>")
		}
		fmt.Fprintf(&b, "<guid isPermaLink=\"false\">%s</guid><category>%s</category><pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate>", it.GUID, it.Category)
		if it.Author != "" {
			b.WriteString("<author>" + it.Author + "</author>")
		}
		b.WriteString("<description>" + it.Summary + "</description>")
		if it.Content != "" {
			b.WriteString("<content:encoded>" + html.EscapeString(it.Content) + "</content:encoded>")
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// ItemHTML is an item page in 人民网's layout: h3.pre kicker, h1, p.author,
// the body in div.box_con.
func ItemHTML(it Item) string {
	var body strings.Builder
	for _, p := range it.Body {
		body.WriteString("<p>　　" + p + "</p>\n")
	}
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + it.Title + `--人民网</title></head><body>
<div class="nav">首页 | 时政 | 经济</div>
<div class="clearfix w1000_320 text_title"><h3 class="pre"></h3><h1>` + it.Title + `</h1><h4 class="sub"></h4>
<p class="author">` + it.Byline + `</p>
<div class="box01"><div class="fl">2026年12月01日08:12 | 来源：人民网－人民日报</div></div></div>
<div class="box_con">` + body.String() + `</div>
<div class="edit">(责编：林小溪)</div></body></html>`
}

// FeedSite serves the feed of items at FeedPath and their pages.
func FeedSite(tb testing.TB, items []Item) *Site {
	s := NewSite(tb)
	s.SetFeed(items)
	return s
}

// SetFeed makes the site serve the feed of items and their pages (pages
// served before stay).
func (s *Site) SetFeed(items []Item) {
	s.Put(FeedPath, "application/rss+xml", []byte(FeedXML(s.URL, items)))
	for _, it := range items {
		if it.Path == "" {
			continue
		}
		if it.Gone {
			s.Remove(it.Path)
			continue
		}
		s.Put(it.Path, "text/html; charset=utf-8", []byte(ItemHTML(it)))
	}
}

// Story is an article of the e-paper.
type Story struct {
	Kicker, Headline, Byline string
	Body                     []string
}

// Page is a 版面 of the e-paper.
type Page struct {
	Name    string // 要闻
	Stories []Story
}

// EPaperDate is the date of the e-paper's edition.
const EPaperDate = "2024-03-05"

// EPaperDir is the folder of the e-paper's pages on its site.
const EPaperDir = "/rmrb/html/2024-03/05/"

// EPaperPaper is the paper's name, as its pages' titles give it.
const EPaperPaper = "人民日报"

// EPaper is the e-paper's edition.
var EPaper = []Page{
	{"要闻", []Story{
		{"冬日里的好消息", "江边新城开工建设", "本报记者 王小川", []string{"江边新城今天开工，第一批安置房明年交付。", "新城规划了三所学校和一座医院。"}},
		{"", "冬季供暖全面启动", "本报记者 陈雪", []string{"全市供暖管网昨日全部通热。"}},
	}},
	{"经济", []Story{
		{"", "渔港码头扩建完工", "本报记者 刘海", []string{"扩建后的码头可同时停靠二百条渔船。"}},
		{"", "小商品市场年交易额创新高", "本报通讯员 周一", []string{"市场今年的交易额比去年多了两成。", "外地来的采购商越来越多。"}},
	}},
	{"文化", []Story{
		{"", "县图书馆夜间开放", "本报记者 吴桐", []string{"县图书馆从本周起开放到晚上十点。"}},
	}},
}

// EPaperURL is the URL of the e-paper's first 版面 page on s.
func EPaperURL(s *Site) string { return s.URL + EPaperDir + "nbs.D110000renmrb_01.htm" }

// StoryFile is the file name of story j (from 0) of page i (from 0) on the
// site, as 人民日报 names them.
func StoryFile(i, j int) string {
	return fmt.Sprintf("nw.D110000renmrb_20240305_%d-%02d.htm", j+1, i+1)
}

// EPaperSite serves EPaper in GBK (declared by <meta> only, as the old
// e-paper systems do): 版面 pages listing the edition's pages and their
// stories (the first again in an image map), links to another day and another site that
// fetch must not follow, and article pages in the Founder structure.
func EPaperSite(tb testing.TB) *Site {
	s := NewSite(tb)
	var list strings.Builder
	for i, p := range EPaper {
		fmt.Fprintf(&list, `<div class="swiper-slide"><a id="pageLink" href="nbs.D110000renmrb_%02d.htm">%02d版：%s</a></div>`+"\n", i+1, i+1, p.Name)
	}
	for i, p := range EPaper {
		var stories strings.Builder
		for j, st := range p.Stories {
			fmt.Fprintf(&stories, `<li><a href="%s">%s</a></li>`+"\n", StoryFile(i, j), st.Headline)
		}
		pg := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>` + EPaperPaper + `-第` + fmt.Sprintf("%02d", i+1) + `版</title></head><body>
<div class="paper-bot"><div class="swiper-container">` + list.String() + `</div>
<p class="date">2024年03月05日 星期二</p><a href="../04/nbs.D110000renmrb_01.htm">往期回顾</a>
<a href="http://other.example/ad.htm">广告</a>
<ul class="news-list">` + stories.String() + `</ul>
<map name="pagepicmap"><area shape="rect" coords="1,1,2,2" href="` + StoryFile(i, 0) + `"></map>
</div></body></html>`
		s.Put(EPaperDir+fmt.Sprintf("nbs.D110000renmrb_%02d.htm", i+1), "text/html", gbk(pg))
		for j, st := range p.Stories {
			var body strings.Builder
			for _, para := range st.Body {
				body.WriteString("<p>　　" + para + "</p>\n")
			}
			art := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>` + st.Headline + ` - ` + EPaperPaper + `</title></head><body>
<div class="w1000"><p class="ban">第` + fmt.Sprintf("%02d", i+1) + `版：` + p.Name + `</p>
<div class="article"><h3>` + st.Kicker + `</h3><h1>` + st.Headline + `</h1><h2></h2><p class="sec">` + st.Byline + `</p>
<founder-content>` + body.String() + `</founder-content></div></div></body></html>`
			s.Put(EPaperDir+StoryFile(i, j), "text/html", gbk(art))
		}
	}
	return s
}

func gbk(s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic("fetchtest: text not in GBK: " + err.Error())
	}
	return b
}
