package html

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/htmltext"
	"dubao/model"
)

// newsPage is an article page of no known site, read by readability: a
// gallery label above the story, a like button under it, a picture whose
// caption is a grey line, an empty box where a picture was cut out with
// its centred caption, and a centred bold intertitle that must stay one.
const newsPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>城东新桥今日通车-读报网</title></head><body>
<div class="top"><a href="/">首页</a> <a href="/local/">本地</a></div>
<div id="detail"><h1>城东新桥今日通车</h1>
<div class="lb"><span class="tj">图集</span> <span class="origin"></span><div class="swiper-wrapper"> </div></div>
<p>　　本报讯 城东新桥今日上午正式通车，全长一千二百米，双向六车道，是本市跨度最大的一座斜拉桥，建设历时三年。</p>
<div style="text-align:center;"><img src="/img/bridge.jpg" width="600" height="400" alt=""></div><span style="color: rgb(128, 128, 128);">新桥夜景。读报网 资料</span><br>
<p>　　据测算，市民从城东到老城区的时间将缩短二十分钟，早晚高峰时段的拥堵将明显缓解，沿线公交线路同步调整。</p>
<center style="text-align: center;"><strong></strong></center><center><strong>通车现场</strong><br></center>
<p>　　通车仪式上，建设者代表讲述了三年来的施工故事，现场市民纷纷拍照留念，不少人专程从老城区赶来。</p>
<p style="text-align: center;"><strong>交通组织</strong></p>
<p>　　交管部门在桥两端设置了诱导屏，并增派警力疏导车流，提醒驾驶人提前规划路线，注意限速标志。</p>
<div class="tadd"><div class="zan-wap"><a href="javascript:void(0);" class="zan"> </a><div class="zan-i">+1</div></div></div>
</div></body></html>`

func TestPageFurnitureAndCaptions(t *testing.T) {
	ed, err := Parse([]byte(newsPage), model.Options{Source: "news.html"})
	if err != nil {
		t.Fatal(err)
	}
	a := ed.Sections[0].Articles[0]
	P, I, C := model.Paragraph, model.Intertitle, model.Caption
	want := []model.Block{
		{Type: P, Text: "城东新桥今日上午正式通车，全长一千二百米，双向六车道，是本市跨度最大的一座斜拉桥，建设历时三年。"},
		{Type: C, Text: "新桥夜景。读报网 资料", Image: "/img/bridge.jpg"},
		{Type: P, Text: "据测算，市民从城东到老城区的时间将缩短二十分钟，早晚高峰时段的拥堵将明显缓解，沿线公交线路同步调整。"},
		{Type: C, Text: "通车现场"},
		{Type: P, Text: "通车仪式上，建设者代表讲述了三年来的施工故事，现场市民纷纷拍照留念，不少人专程从老城区赶来。"},
		{Type: I, Text: "交通组织"},
		{Type: P, Text: "交管部门在桥两端设置了诱导屏，并增派警力疏导车流，提醒驾驶人提前规划路线，注意限速标志。"},
	}
	if !sameBlocks(a.Body, want) {
		t.Errorf("body\n%s\nwant\n%s", blockList(a.Body), blockList(want))
	}
	if a.Byline.Raw != "本报讯" {
		t.Errorf("byline %+v", a.Byline)
	}
}

// peoplePromoPage is a 人民网 page whose body opens with a red link to a
// channel.
const peoplePromoPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>城东新桥今日通车--社会--人民网</title></head><body>
<div class="text_title"><h3 class="pre">城市建设迎来新进展</h3><h1>城东新桥今日通车</h1></div>
<div class="box_con" id="rwb_zw"><div class="box_pic"></div>
<p style="text-indent: 2em;">
	<a href="http://society.example.com/" target="_blank"><span style="color: rgb(255, 0, 0); display: block;"><strong>点击进入“城市生活”</strong><strong>&gt;&gt;</strong></span></a></p>
<p style="text-align: center;"><a href="/n1/2.html"><img alt="" src="/bridge.jpg" width="600"></a></p>
<p style="text-indent: 2em;">
	城东新桥今日上午正式通车。</p>
<p style="text-indent: 2em;"><strong>交通组织</strong></p>
<p style="text-indent: 2em;">交管部门在桥两端设置了诱导屏。<a href="/n1/3.html">点击查看路线图&gt;&gt;</a></p>
</div></body></html>`

func TestPeoplePromotionDropped(t *testing.T) {
	ed, err := Parse([]byte(peoplePromoPage), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := ed.Sections[0].Articles[0]
	P, I := model.Paragraph, model.Intertitle
	want := []model.Block{
		{Type: P, Text: "城东新桥今日上午正式通车。"},
		{Type: I, Text: "交通组织"},
		// A link inside a paragraph is the paragraph's.
		{Type: P, Text: "交管部门在桥两端设置了诱导屏。点击查看路线图>>"},
	}
	if !sameBlocks(a.Body, want) {
		t.Errorf("body\n%s\nwant\n%s", blockList(a.Body), blockList(want))
	}
}

func sameBlocks(a, b []model.Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Type != b[i].Type || a[i].Text != b[i].Text || !strings.HasSuffix(a[i].Image, b[i].Image) {
			return false
		}
	}
	return true
}

func blockList(bs []model.Block) string {
	var b strings.Builder
	for _, x := range bs {
		b.WriteString(string(x.Type) + " " + x.Text)
		if x.Image != "" {
			b.WriteString(" [" + x.Image + "]")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestSharedPagesFurniture checks the four real pages: no gallery label,
// like counter or channel promotion left at the body's edges, the grey
// line under a picture and the centred lines under the emptied picture
// boxes read as captions; and every paragraph of the story still there,
// in order.
func TestSharedPagesFurniture(t *testing.T) {
	pages := []struct {
		file string
		// paragraphs picks the story's paragraphs out of the page's DOM.
		paragraphs func(doc *html.Node) []*html.Node
		// furniture are the texts of the page's DOM that must not be in
		// the body.
		furniture []string
		captions  []string // blocks that must be captions
	}{
		{file: "gne_xinhuanet_1.html", furniture: []string{"图集", "+1"},
			paragraphs: func(doc *html.Node) []*html.Node {
				return findAll(first(doc, func(n *html.Node) bool { return htmltext.Attr(n, "id") == "p-detail" }), tag(atom.P))
			}},
		{file: "gne_people_1.html", furniture: []string{"点击进入“文艺星青年”>>"},
			paragraphs: func(doc *html.Node) []*html.Node {
				return findAll(first(doc, func(n *html.Node) bool { return htmltext.Attr(n, "id") == "rwb_zw" }), tag(atom.P))
			}},
		{file: "gne_thepaper_1.html", captions: []string{"共享充电宝。视觉中国 资料"},
			paragraphs: func(doc *html.Node) []*html.Node {
				// The story is one div of text and <br>s: its text nodes.
				var out []*html.Node
				var rec func(*html.Node)
				rec = func(n *html.Node) {
					for c := n.FirstChild; c != nil; c = c.NextSibling {
						if c.Type == html.TextNode {
							out = append(out, c)
						} else if c.Type == html.ElementNode && !htmltext.Dropped(c) {
							rec(c)
						}
					}
				}
				rec(first(doc, tagClass(atom.Div, "news_txt")))
				return out
			}},
		{file: "gne_cjddsb_1.html", captions: []string{"活动现场", "志愿者们积极向市民宣传金融知识"},
			paragraphs: func(doc *html.Node) []*html.Node {
				return findAll(first(doc, tagClass(atom.Div, "single-content")), func(n *html.Node) bool {
					return n.DataAtom == atom.P || n.DataAtom == atom.Center
				})
			}},
	}
	for _, pg := range pages {
		t.Run(pg.file, func(t *testing.T) {
			path := shared(t, pg.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := html.Parse(strings.NewReader(string(data)))
			if err != nil {
				t.Fatal(err)
			}
			ed := parseFile(t, path)
			a := ed.Sections[0].Articles[0]
			for _, i := range []int{0, len(a.Body) - 1} {
				for _, f := range pg.furniture {
					if a.Body[i].Text == f {
						t.Errorf("block %d is %q", i, f)
					}
				}
			}
			for _, b := range a.Body {
				for _, f := range pg.furniture {
					if strings.Contains(b.Text, f) {
						t.Errorf("block %q holds %q", b.Text, f)
					}
				}
			}
			for _, c := range pg.captions {
				found := false
				for _, b := range a.Body {
					if b.Text == c {
						found = true
						if b.Type != model.Caption {
							t.Errorf("%q is a %s", c, b.Type)
						}
					}
				}
				if !found {
					t.Errorf("%q not in the body", c)
				}
			}
			// Every paragraph, in order: the byline split off the first
			// is the story's text too.
			got := squeeze(a.Byline.Raw + bodyText(&a))
			at := 0
			for _, p := range pg.paragraphs(doc) {
				var b strings.Builder
				if p.Type == html.TextNode {
					b.WriteString(p.Data)
				} else {
					b.WriteString(htmltext.Text(p))
				}
				w := squeeze(htmltext.Clean(b.String()))
				if w == "" || contains(pg.furniture, w) {
					continue
				}
				i := strings.Index(got[at:], w)
				if i < 0 {
					t.Fatalf("paragraph lost or out of order: %q", w)
				}
				at += i + len(w)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if squeeze(x) == s {
			return true
		}
	}
	return false
}
