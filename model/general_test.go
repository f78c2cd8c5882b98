package model

import (
	"slices"
	"strings"
	"testing"
)

// The texts below are written for these tests; each imitates a layout seen
// in real editions of one kind of paper.

// TestLayouts states whole parses of editions laid out as real papers lay
// them out, one outline line an article.
func TestLayouts(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "blank-line layout: headline and ——subheadline, padded byline, two-line intertitles, closing note",
			text: "第01版：要闻\n\n" +
				"春风吹绿千村万户\n——来自乡村振兴一线的观察\n\n本报记者  何  聪  姚雪青\n\n" +
				"开春以来，各地抓紧农时，田间地头一派繁忙景象。\n\n" +
				"走进田野\n\n一束束光，照亮希望\n\n清晨的村庄，薄雾还没有散去，农机已经开进了田里。\n\n" +
				"村民们说，今年的种子好，肥料足，心里有底。\n\n" +
				"（本报记者张三、李四参与采写）\n\n\n" +
				"过去一年，全省农业稳中有进\n粮食总产再创新高\n\n本报记者  王乐文  方敏  张文豪\n\n" +
				"全省粮食总产量比上年增长百分之二，创历史新高。\n\n" +
				"专家认为，这得益于良种良法的推广。\n",
			want: "§1 要闻 [第01版：要闻]\n" +
				"1-1 news H=春风吹绿千村万户 S=——来自乡村振兴一线的观察 R=何聪/姚雪青 piippp\n" +
				"1-2 news K=过去一年，全省农业稳中有进 H=粮食总产再创新高 R=王乐文/方敏/张文豪 pp\n",
		},
		{
			name: "indented layout: flush stacks, indented body with indented intertitles, no blank lines",
			text: "第02版:要闻\n伟大出自平凡  奋斗成就梦想\n——基层民警群像\n本报记者  金  歆\n" +
				"\u3000\u3000平凡街巷，他们默默坚守，护佑平安。\n" +
				"\u3000\u3000初心如磐  矢志为民\n" +
				"\u3000\u3000翻看他三十年的从警经历，保护群众的信念早已成为本能。\n" +
				"\u3000\u3000淬炼本领  恪守正义\n" +
				"\u3000\u3000二十五年从警之路，他把责任落实到每一次行动中。\n" +
				"搬进新家  温暖过冬\n本报记者  刘温馨\n" +
				"\u3000\u3000首批村民住进了活动板房，屋里暖意融融。\n" +
				"\u3000\u3000工作人员说，板房里配了电暖器和棉被。\n",
			want: "§1 要闻 [第02版:要闻]\n" +
				"1-1 news H=伟大出自平凡  奋斗成就梦想 S=——基层民警群像 R=金歆 pipip\n" +
				"1-2 news H=搬进新家  温暖过冬 R=刘温馨 pp\n",
		},
		{
			name: "four-space indents, spread header, byline run into the last paragraph, kicker with a colon",
			text: "第1版:要闻\n\n全市明天开展核酸检测\n今天先进行一次抗原检测\n\n" +
				"    市卫健委负责人说，全市将开展新一轮筛查。\n" +
				"    大家在检测时要严格按照操作说明。本报记者  左妍\n\n\n" +
				"第4/5版:上海新闻\n\n方舱医院今天起分批送走符合条件的出院者\n“我战胜了病毒！ 我要出院了！”\n\n" +
				"    方舱，出院！首个方舱医院运行满一周了。\n" +
				"    感染者讲述\n" +
				"    安心隔离治疗  积极志愿服务\n" +
				"    他说自己要努力转阴，尽快回到家人身边。\n\n\n" +
				"第8版:综合新闻\n\n警方提示：市民应配合进行核酸检测\n应检未检将被依法处理\n\n" +
				"    对无正当理由拒不参加检测的，公安机关将依法处理。特约通讯员  忻文轲\n" +
				"    本报记者  潘高峰\n",
			want: "§1 要闻 [第1版:要闻]\n" +
				"1-1 news H=全市明天开展核酸检测 S=今天先进行一次抗原检测 R=左妍 byline-at-end pp\n" +
				"§2 上海新闻 [第4/5版:上海新闻]\n" +
				"2-1 news K=方舱医院今天起分批送走符合条件的出院者 H=“我战胜了病毒！ 我要出院了！” piip\n" +
				"§3 综合新闻 [第8版:综合新闻]\n" +
				"3-1 news K=警方提示：市民应配合进行核酸检测 H=应检未检将被依法处理 R=潘高峰 T=忻文轲 byline-at-end p\n",
		},
		{
			name: "signed columns: an author line under the headline, bulleted, bare or with an affiliation",
			text: "第9版:夜光杯\n\n打开春天的方式\n\n◆周立民\n\n    茶梅、含笑、桃花次第开放，春天如约而至。\n\n\n" +
				"第10版:夜光杯\n\n明天，我想重新喜欢上自己\n\n林夏萨摩\n\n    好久不见，见字如面。\n\n\n" +
				"第11版:快乐作文\n\n一起向未来\n\n许瓒  北京市第一中学  初三（20）班\n\n    过年前，我随社团到福利院演出。\n",
			want: "§1 夜光杯 [第9版:夜光杯]\n1-1 news H=打开春天的方式 p\n" +
				"§2 夜光杯 [第10版:夜光杯]\n2-1 news H=明天，我想重新喜欢上自己 p\n" +
				"§3 快乐作文 [第11版:快乐作文]\n3-1 news H=一起向未来 p\n",
		},
		{
			name: "a compiled report with several datelines is one article; a dateline after a signed story is a brief",
			text: "第3版\n\n各地掀起春耕热潮\n\n" +
				"【新华社北京十日电】记者从农业农村部获悉，全国春播粮食已完成一成。\n\n" +
				"专家表示，今年墒情总体适宜。\n\n" +
				"【新华社上海十日电】上海郊区的农民也忙着育秧，抢抓农时。\n\n" +
				"（记者 王五、赵六）\n\n" +
				"本报讯 区图书馆本周末举办读书会，欢迎市民参加。\n",
			want: "§1 第3版 [第3版]\n" +
				"1-1 news H=各地掀起春耕热潮 D=新华社北京十日电 R=王五/赵六 pppp\n" +
				"1-2 brief D=本报讯 p\n",
		},
		{
			name: "metadata: a date under the page header, an empty field label, a Markdown title repeated below",
			text: "第2版：要闻\n2024-03-19\n栏目：\n\n### 江苏以湖为卷写新篇\n太湖重回良好湖泊——\n江苏以湖为卷写新篇\n\n" +
				"本报记者  何聪\n\n太湖水质持续改善，重回良好湖泊。\n",
			want: "§1 要闻 [第2版：要闻 2024-03-19 栏目：]\n" +
				"1-1 news K=太湖重回良好湖泊—— H=江苏以湖为卷写新篇 R=何聪 meta=江苏以湖为卷写新篇 p\n",
		},
		{
			name: "Markdown: a deeper heading under a headline is its subheadline, above it its kicker, after text an intertitle",
			text: "## 第02版：要闻\n\n### 标题甲\n\n#### 副题甲\n\n本报记者  王五\n\n正文第一段。\n\n#### 小标题一\n\n正文第二段。\n\n" +
				"**小标题二**\n\n正文第三段。\n\n#### 引题乙\n### 标题乙\n\n正文乙。\n",
			want: "§1 要闻 [第02版：要闻]\n1-1 news H=标题甲 S=副题甲 R=王五 pipip\n1-2 brief K=引题乙 H=标题乙 p\n",
		},
		{
			name: "page headers of every form, and page-end lines that belong to the page before",
			text: "第3版\n\n标题甲一\n\n正文甲一很长很长的一段话，说完了。\n\n版式设计：王五\n\n" +
				"A12版 | 体育\n\n标题乙一\n\n正文乙一很长很长的一段话，说完了。\n\n本版责编：赵六\n\n" +
				"第A02版：上海新闻\n\n标题丙一\n\n正文丙一。（下转第2版）\n",
			want: "§1 第3版 [第3版]\n1-1 news H=标题甲一 pp\n" +
				"§2 体育 [A12版 | 体育]\n2-1 news H=标题乙一 pp\n" +
				"§3 上海新闻 [第A02版：上海新闻]\n3-1 brief H=标题丙一 continued p\n",
		},
		{
			name: "an English OCR page: masthead, decks in capitals, run-in heads, datelines, broken words",
			text: "VOLUME XXXI. LAURENS, SOUTH CAROLINA, WEDNESDAY NUMBER 34\n" +
				"CITY PRIMARY TO\nBE HELD NEXT TUESDAY\nGeneral Election Will Fol\nlow April 4th\n" +
				"At the meeting of the City Demo\ncratic club held Thursday afternoon\nthe time for the primary was set.\n" +
				"THE MARTIN CASE\nNOW BEING TRIED\n" +
				"The court of general sessions con\nvened Monday afternoon with Judge\nWilson on the bench.\n" +
				"Magill Here.\n" +
				"Geo. T. Magill, Esq., of Greenwood, was\nin the city yesterday.\n" +
				"DEFENDS THE BILL\n" +
				"LONDON, March 15.—The minister spoke\nin the house last night.\n",
			want: "masthead VOLUME XXXI. LAURENS, SOUTH CAROLINA, WEDNESDAY NUMBER 34 date \n" +
				"§1 CITY PRIMARY TO\n" +
				"1-1 brief H=CITY PRIMARY TO S=BE HELD NEXT TUESDAY General Election Will Fol low April 4th p\n" +
				"1-2 brief H=THE MARTIN CASE S=NOW BEING TRIED p\n" +
				"1-3 brief H=Magill Here. p\n" +
				"1-4 news H=DEFENDS THE BILL D=LONDON, March 15.— p\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ParseText(tt.text, Options{})
			if got := outlineMeta(e); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
			assertNothingLost(t, tt.text, e)
		})
	}
}

// outlineMeta is outline with each article's metadata lines.
func outlineMeta(e *Edition) string {
	lines := strings.SplitAfter(outline(e), "\n")
	k := 0
	for i, l := range lines {
		if k >= e.Articles() || !strings.Contains(l, "-") || strings.HasPrefix(l, "§") || strings.HasPrefix(l, "masthead") {
			continue
		}
		a := nthArticle(e, k)
		k++
		if len(a.Meta) > 0 {
			cut := strings.LastIndexByte(l[:len(l)-1], ' ')
			lines[i] = l[:cut] + " meta=" + strings.Join(a.Meta, "/") + l[cut:]
		}
	}
	return strings.Join(lines, "")
}

func nthArticle(e *Edition, k int) *Article {
	for si := range e.Sections {
		if k < len(e.Sections[si].Articles) {
			return &e.Sections[si].Articles[k]
		}
		k -= len(e.Sections[si].Articles)
	}
	return nil
}

// TestBylineForms checks each byline form real papers print.
func TestBylineForms(t *testing.T) {
	tests := []struct {
		line                          string
		reporters, correspondents, ph []string
		authors                       []string
	}{
		{line: "本报记者  何  聪  姚雪青", reporters: []string{"何聪", "姚雪青"}},
		{line: "本报记者  王乐文  方敏  张文豪", reporters: []string{"王乐文", "方敏", "张文豪"}},
		{line: "本报特约通讯员  陈一  记者  周二", reporters: []string{"周二"}, correspondents: []string{"陈一"}},
		{line: "本报记者", reporters: nil},
		{line: "（记者 姜赟、袁泉）", reporters: []string{"姜赟", "袁泉"}},
		{line: "本报评论员"},
		{line: "By JOHN SMITH", reporters: []string{"JOHN SMITH"}},
	}
	for _, tt := range tests {
		b, ok := parseStandaloneByline(tt.line)
		if !ok {
			t.Errorf("%q: not a byline", tt.line)
			continue
		}
		if !slices.Equal(b.Reporters, tt.reporters) || !slices.Equal(b.Correspondents, tt.correspondents) {
			t.Errorf("%q: reporters %q correspondents %q, want %q %q", tt.line, b.Reporters, b.Correspondents, tt.reporters, tt.correspondents)
		}
	}
	credits := []struct {
		line  string
		names []string
	}{
		{"新华社记者  周  华摄", []string{"周华"}},
		{"李明摄（人民视觉）", []string{"李明"}},
		{"王五  赵六  摄影报道", []string{"王五", "赵六"}},
		{"记者蔡佳楠摄", []string{"蔡佳楠"}},
	}
	for _, c := range credits {
		names, ok := parseCredit(c.line)
		if !ok || !slices.Equal(names, c.names) {
			t.Errorf("credit %q: %q %v, want %q", c.line, names, ok, c.names)
		}
	}
	authors := []struct {
		line string
		name string
		ok   bool
	}{
		{"◆韩浩月", "韩浩月", true},
		{"◆  何建明", "何建明", true},
		{"许瓒  北京市第一七一中学  初三（20）班", "许瓒", true},
		{"初心如磐  矢志为民", "", false}, // parallel phrases: a title, not a name and an affiliation
		{"本报记者", "", false},
	}
	for _, a := range authors {
		b, _, ok := parseAuthorLine(a.line)
		if ok != a.ok || ok && !slices.Equal(b.Authors, []string{a.name}) {
			t.Errorf("author %q: %q %v, want %q %v", a.line, b.Authors, ok, a.name, a.ok)
		}
	}
	// A byline run into the end of a paragraph is cut off it; a mention of
	// a reporter in the text is not.
	for _, c := range []struct{ text, tail string }{
		{"抗原检测结果为阳性的，请第一时间报告。本报记者  左妍", "本报记者  左妍"},
		{"疫情要防住、经济要稳住。（记者 王五）", "（记者 王五）"},
		{"本报记者采访了管控区的居民、志愿者和农业带头人。", ""},
	} {
		_, tail, ok := cutTrailingByline(c.text)
		if ok != (c.tail != "") || tail != c.tail {
			t.Errorf("%q: trailing byline %q %v, want %q", c.text, tail, ok, c.tail)
		}
	}
}

// TestStackRule checks the rule for two stacked title lines with no
// marks between them: kicker and headline when the second line reads as
// the headline or the first as a lead-in, or the second is the longer;
// headline and subheadline otherwise.
func TestStackRule(t *testing.T) {
	tests := []struct {
		first, second    string
		kicker, headline string
	}{
		{"河南省文旅集团发挥龙头作用", "打造文旅品牌  推动融合发展", "河南省文旅集团发挥龙头作用", "打造文旅品牌  推动融合发展"},
		{"曲洛乡受灾群众开始入住活动板房", "搬进新家  温暖过冬（在现场）", "曲洛乡受灾群众开始入住活动板房", "搬进新家  温暖过冬（在现场）"},
		{"过去一年，政法机关忠诚履职", "为现代化贡献政法力量", "过去一年，政法机关忠诚履职", "为现代化贡献政法力量"},
		{"长江保护", "宣传活动走进社区和校园", "长江保护", "宣传活动走进社区和校园"},
		{"全市明天开展核酸检测", "今天先进行抗原检测", "", "全市明天开展核酸检测"},
		{"国道228海门段争创安全精品路", "预计7月底前完工", "", "国道228海门段争创安全精品路"},
	}
	for _, tt := range tests {
		text := tt.first + "\n" + tt.second + "\n\n本报讯（记者 王五）正文第一句。\n"
		e := ParseText(text, Options{})
		a := nthArticle(e, 0)
		if a.Kicker != tt.kicker || a.Headline != tt.headline {
			t.Errorf("%s / %s: kicker %q headline %q, want %q %q", tt.first, tt.second, a.Kicker, a.Headline, tt.kicker, tt.headline)
		}
	}
}
