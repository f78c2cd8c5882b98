package fetch

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The fixture sites below are laid out as calibre's recipes record the real
// ones (../shared/formats/calibre-recipes): 人民日报's channel feeds under
// /rss/*.xml with article pages whose text is in div.text_c, and its
// e-paper, html/YYYY-MM/DD/nbs.D110000renmrb_NN.htm for each 版面 with
// links to nw.D110000renmrb_YYYYMMDD_N-NN.htm articles, served in GBK. The
// text is our own.

// site is an httptest server serving fixed pages, counting requests.
type site struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]sitePage
	hits  map[string]int
	// hook, when set, runs before each request is served.
	hook func(path string, n int)
}

type sitePage struct {
	contentType string
	body        []byte
	etag        string
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]sitePage{}, hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	n := 0
	for _, v := range s.hits {
		n += v
	}
	p, ok := s.pages[r.URL.Path]
	hook := s.hook
	s.mu.Unlock()
	if hook != nil {
		hook(r.URL.Path, n)
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	if p.etag != "" {
		w.Header().Set("ETag", p.etag)
		if r.Header.Get("If-None-Match") == p.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	if p.contentType != "" {
		w.Header().Set("Content-Type", p.contentType)
	}
	w.Write(p.body)
}

func (s *site) setHook(h func(path string, n int)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hook = h
}

func (s *site) put(path, contentType string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = sitePage{contentType: contentType, body: body}
}

func (s *site) putTagged(path, contentType, etag string, body []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = sitePage{contentType: contentType, body: body, etag: etag}
}

func (s *site) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, v := range s.hits {
		n += v
	}
	return n
}

func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// articleHTML is an article page in the layout of 人民网's channel pages.
func articleHTML(charset, title, body string) string {
	return `<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html;charset=` + charset + `">
<title>` + title + `--人民网</title></head><body>
<div class="layout rm_txt cf"><h1>` + title + `</h1>
<div class="box01"><div class="fl">2026年12月01日08:12 | 来源：人民网</div></div>
<div class="rm_txt_con cf"><div class="text_c"><p>　　` + body + `</p></div></div>
<div class="edit cf">(责编：林小溪)</div></div></body></html>`
}

// feedItem is one item of rssFeed.
type feedItem struct{ guid, path, title string }

func rssFeed(base string, items []feedItem) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>时政频道</title><link>` + base + `/</link><description>测试频道</description>
`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link><guid>%s</guid><pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate><description>%s的摘要</description></item>\n",
			it.title, base, it.path, it.guid, it.title)
	}
	b.WriteString("</channel></rss>\n")
	return b.String()
}

// feedSite serves /rss/politics.xml with items, and their pages.
func feedSite(t *testing.T, items []feedItem) *site {
	s := newSite(t)
	s.putTagged("/rss/politics.xml", "application/rss+xml", `"v1"`, []byte(rssFeed(s.URL, items)))
	for _, it := range items {
		s.put(it.path, "text/html; charset=utf-8", []byte(articleHTML("utf-8", it.title, it.title+"。这是本站为测试写的正文，共有两句。")))
	}
	return s
}

var threeItems = []feedItem{
	{"c1001", "/n1/2026/1201/c1001-1.html", "河口湿地迎来越冬候鸟"},
	{"c1002", "/n1/2026/1201/c1001-2.html", "老街改造后重新开市"},
	{"c1003", "/n1/2026/1201/c1001-3.html", "山区小学通上了宽带"},
}

// epaperPage is one 版面 of the fixture e-paper.
type epaperPage struct {
	name    string   // 要闻
	stories []string // headlines
}

var epaperPages = []epaperPage{
	{"要闻", []string{"江边新城开工建设", "冬季供暖全面启动"}},
	{"经济", []string{"渔港码头扩建完工", "小商品市场年交易额创新高", "果农合作社尝试线上销售"}},
	{"文化", []string{"县图书馆夜间开放"}},
}

const epaperDir = "/rmrb/html/2024-03/05/"

// epaperSite serves a three-版面 e-paper in GBK (declared by <meta>
// only, as the old e-paper systems do), an index page that sends readers to
// the first 版面 with a <meta refresh>, and links that fetch must not
// follow: another site, another day.
func epaperSite(t *testing.T) *site {
	s := newSite(t)
	var list strings.Builder
	for i, p := range epaperPages {
		fmt.Fprintf(&list, `<div class="swiper-slide"><a id="pageLink" href="nbs.D110000renmrb_%02d.htm">%02d版：%s</a></div>`+"\n", i+1, i+1, p.name)
	}
	for i, p := range epaperPages {
		var stories strings.Builder
		for j, h := range p.stories {
			fmt.Fprintf(&stories, `<li><a href="nw.D110000renmrb_20240305_%d-%02d.htm">%s</a></li>`+"\n", j+1, i+1, h)
		}
		page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>人民日报-第` + fmt.Sprintf("%02d", i+1) + `版</title></head><body>
<div class="paper-bot"><div class="swiper-container">` + list.String() + `</div>
<p class="date">2024年03月05日 星期二</p><a href="../04/nbs.D110000renmrb_01.htm">往期回顾</a>
<a href="http://other.example/ad.htm">广告</a>
<ul class="news-list">` + stories.String() + `</ul>
<map name="pagepicmap"><area shape="rect" coords="1,1,2,2" href="nw.D110000renmrb_20240305_1-` + fmt.Sprintf("%02d", i+1) + `.htm"></map>
</div></body></html>`
		s.put(epaperDir+fmt.Sprintf("nbs.D110000renmrb_%02d.htm", i+1), "text/html", gbk(t, page))
		for j, h := range p.stories {
			body := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>` + h + `</title></head><body>
<div class="article"><h3>第` + fmt.Sprintf("%02d", i+1) + `版：` + p.name + `</h3><h1>` + h + `</h1><p class="sec">本报记者  王小川</p>
<div id="ozoom"><p>　　` + h + `。这一段是为测试写的正文，它用国标码存储。</p></div></div></body></html>`
			s.put(epaperDir+fmt.Sprintf("nw.D110000renmrb_20240305_%d-%02d.htm", j+1, i+1), "text/html", gbk(t, body))
		}
	}
	s.put("/rmrb/index.htm", "text/html", []byte(`<html><head><meta http-equiv="REFRESH" content="0; URL=html/2024-03/05/nbs.D110000renmrb_01.htm"></head><body></body></html>`))
	return s
}

// testClient has no per-host wait and records the backoff it would sleep.
type sleeps struct {
	mu sync.Mutex
	d  []time.Duration
}

func (s *sleeps) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.d = append(s.d, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeps) got() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.d...)
}

func testClient(opt Options) (*Client, *sleeps) {
	sl := &sleeps{}
	if opt.MinInterval == 0 {
		opt.MinInterval = -1
	}
	if opt.Sleep == nil {
		opt.Sleep = sl.sleep
	}
	return NewClient(opt), sl
}

var testNow = time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)

func testFetcher(t *testing.T, opt Options) *Fetcher {
	c, _ := testClient(opt)
	return &Fetcher{Client: c, Dir: t.TempDir(), Now: func() time.Time { return testNow }}
}
