package model

import (
	"slices"
	"strings"
	"testing"

	"dubao/seeds"
)

func parseSeed(t testing.TB) *Edition {
	t.Helper()
	e, err := Parse(seeds.Default, Options{Source: "seed", Title: seeds.Title})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// wantArticle is what the issue says the seed's articles are.
type wantArticle struct {
	section                      int
	kind                         Kind
	kicker, kickerTail, headline string
	subheadline, column          string
	dateline                     string
	reporters, correspondents    []string
	credit                       string
	paragraphs, intertitles      int
	captions                     int
	continued                    bool
}

func TestSeedArticles(t *testing.T) {
	want := []wantArticle{
		{section: 1, kind: KindNews, kicker: "三厂工业园区", kickerTail: ":",
			headline: "“一核”“六区”战略 激发东城高质量发展活力", subheadline: "满弓紧弦“竞”出新图景",
			column: "2024,我们这么干!", dateline: "本报讯", reporters: []string{"何天宇"},
			correspondents: []string{"叶平"}, paragraphs: 7},
		{section: 1, kind: KindPhoto, headline: "整治不松劲 全力提“颜值”", credit: "记者蔡佳楠摄", captions: 1},
		{section: 2, kind: KindNews, kicker: "区公共资源交易中心", kickerTail: "——",
			headline: "三“度”并重,推动党员冬训竞“优”走“新”", paragraphs: 4, intertitles: 3, continued: true},
		{section: 2, kind: KindNews, headline: "全区基层理论宣讲骨干 集中“充电”", dateline: "本报讯",
			reporters: []string{"钱丽君"}, paragraphs: 3},
		{section: 2, kind: KindNews, headline: "国道228海门段争创安全精品路", subheadline: "预计7月底前完工",
			dateline: "本报讯", reporters: []string{"陆俊杰"}, correspondents: []string{"孙京"}, paragraphs: 5},
		{section: 2, kind: KindNews, headline: "临江新区举办 农家书屋管理员业务培训", dateline: "本报讯",
			reporters: []string{"施春晓"}, correspondents: []string{"龚雪雯"}, paragraphs: 1},
		{section: 3, kind: KindNews, headline: "打好执法“组合拳” 落实长江“禁渔令”", dateline: "本报讯",
			reporters: []string{"陆俊杰"}, correspondents: []string{"李兵"}, paragraphs: 3},
		{section: 3, kind: KindNews, headline: "长江保护宣传进社区", dateline: "本报讯",
			reporters: []string{"施春晓"}, correspondents: []string{"陆琦"}, paragraphs: 1},
	}
	e := parseSeed(t)
	if len(e.Sections) != 3 {
		t.Fatalf("got %d sections, want 3", len(e.Sections))
	}
	var got []*Article
	var sections []int
	for _, s := range e.Sections {
		for i := range s.Articles {
			got = append(got, &s.Articles[i])
			sections = append(sections, s.Index)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d articles, want %d", len(got), len(want))
	}
	for i, w := range want {
		a := got[i]
		count := map[BlockType]int{}
		for _, b := range a.Body {
			count[b.Type]++
		}
		checks := []struct {
			what      string
			got, want any
		}{
			{"section", sections[i], w.section},
			{"kind", a.Kind, w.kind},
			{"kicker", a.Kicker, w.kicker},
			{"kicker tail", a.KickerTail, w.kickerTail},
			{"headline", a.Headline, w.headline},
			{"subheadline", a.Subheadline, w.subheadline},
			{"column", a.Column, w.column},
			{"dateline", a.Byline.Dateline, w.dateline},
			{"reporters", strings.Join(a.Byline.Reporters, "|"), strings.Join(w.reporters, "|")},
			{"correspondents", strings.Join(a.Byline.Correspondents, "|"), strings.Join(w.correspondents, "|")},
			{"photo credit", a.PhotoCredit, w.credit},
			{"paragraphs", count[Paragraph], w.paragraphs},
			{"intertitles", count[Intertitle], w.intertitles},
			{"captions", count[Caption], w.captions},
			{"continued", a.Continued, w.continued},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("article %d (%s): %s = %v, want %v", i+1, a.ID, c.what, c.got, c.want)
			}
		}
	}
}

func TestSeedSectionNamesAndIDs(t *testing.T) {
	e := parseSeed(t)
	var names []string
	for _, s := range e.Sections {
		names = append(names, s.Name)
	}
	if want := []string{"三厂工业园区", "区公共资源交易中心", "打好执法“组合拳”"}; !slices.Equal(names, want) {
		t.Errorf("section names %q, want %q", names, want)
	}
	if a := e.Article("2-4"); a == nil || a.Headline != "临江新区举办 农家书屋管理员业务培训" {
		t.Errorf("article 2-4 = %+v", a)
	}
	if e.Articles() != 8 {
		t.Errorf("Articles() = %d", e.Articles())
	}
}

func TestSeedBylineIsNotBodyText(t *testing.T) {
	a := parseSeed(t).Article("1-1")
	if a.Byline.Raw != "本报讯 (记者何天宇 通讯员叶平)" {
		t.Errorf("byline raw %q", a.Byline.Raw)
	}
	if first := a.Body[0].Text; !strings.HasPrefix(first, "企业发展势头强劲") {
		t.Errorf("first paragraph starts %q", first[:30])
	}
	if got := a.Byline.People(); got != "记者 何天宇 · 通讯员 叶平" {
		t.Errorf("People() = %q", got)
	}
}

func TestSeedColumnBreaksRepaired(t *testing.T) {
	e := parseSeed(t)
	var all strings.Builder
	for _, s := range e.Sections {
		for _, a := range s.Articles {
			for _, b := range a.Body {
				all.WriteString(b.Text + "\n")
			}
		}
	}
	text := all.String()
	for _, joined := range []string{
		"规模以上工业企业销售17亿元;到账外资1100万美元,提前完成半年目标任务。",
		"始终坚持“项目为王”的发展理念,紧扣“重大项目攻坚突破”主题,",
		"推进乐轻食品项目竣工,",
		"协商解决项目推进过程中",
		"推出重大项目“一项目、一团队、一战图”模式",
		"负责人顾青山,与各区镇",
		"一级公路段沿线村镇密集,中央分隔带开口较多",
		"数字农家书屋信息管理系统的认知",
		"及相关菜肴行为",
		"播放专题纪录片、以案释法等方式",
	} {
		if !strings.Contains(text, joined) {
			t.Errorf("not rejoined: %q", joined)
		}
	}
	last := e.Article("2-1").Body
	if got := last[len(last)-1].Text; !strings.HasSuffix(got, "三链融合,通过") {
		t.Errorf("article 2-1 should stop at 三链融合,通过; ends %q", got[len(got)-30:])
	}
}
