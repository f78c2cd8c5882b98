package model

import (
	"fmt"
	"strings"
	"testing"
)

// outline describes an edition's structure in a few lines, one a section
// and one an article, so a test can state a whole parse at a glance.
func outline(e *Edition) string {
	var b strings.Builder
	if e.Masthead != "" {
		fmt.Fprintf(&b, "masthead %s date %s\n", e.Masthead, e.Date)
	}
	for _, s := range e.Sections {
		fmt.Fprintf(&b, "§%d %s", s.Index, s.Name)
		if s.Header != "" {
			fmt.Fprintf(&b, " [%s]", s.Header)
		}
		b.WriteString("\n")
		for _, a := range s.Articles {
			fmt.Fprintf(&b, "%s %s", a.ID, a.Kind)
			for _, f := range []struct{ k, v string }{
				{"K", a.Kicker + a.KickerTail}, {"H", a.Headline}, {"S", a.Subheadline}, {"C", a.Column},
				{"D", a.Byline.Dateline}, {"R", strings.Join(a.Byline.Reporters, "/")},
				{"T", strings.Join(a.Byline.Correspondents, "/")},
				{"P", strings.Join(a.Byline.Photographers, "/")}, {"credit", a.PhotoCredit},
			} {
				if f.v != "" {
					fmt.Fprintf(&b, " %s=%s", f.k, f.v)
				}
			}
			if a.Byline.AtEnd {
				b.WriteString(" byline-at-end")
			}
			if a.Continued {
				b.WriteString(" continued")
			}
			b.WriteString(" ")
			for _, blk := range a.Body {
				b.WriteByte(map[BlockType]byte{Paragraph: 'p', Intertitle: 'i', Caption: 'c'}[blk.Type])
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestParseShapes(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "page headers, indented paragraphs without blank lines, full-width punctuation, trailing byline",
			text: "人民日报 2024年3月5日 星期二\n\n第1版:要闻\n\n政府工作报告提请审议\n" +
				"新华社北京3月5日电（记者 林晖 王琳琳）十四届全国人大二次会议5日上午开幕。\n" +
				"　　报告指出，2023年是开局之年。\n　　报告说，今年发展主要预期目标是：\n　　国内生产总值增长5%左右。\n" +
				"\n第A02版：上海新闻\n\n上海加快建设国际科创中心\n　　本报讯（记者 孟群舒）上海将加快推进建设。\n" +
				"　　据介绍，今年将推动一批设施建设。\n本报记者  左妍\n\n“十四五”规划纲要实施进展良好\n" +
				"　　【新华社四平街十一日电】记者从有关部门获悉，进展良好。\n\n江边春色\n　　市民在滨江步道赏花踏青。\n新华社记者 张三 摄\n",
			want: "masthead 人民日报 2024年3月5日 星期二 date 2024-03-05\n" +
				"§1 要闻 [第1版:要闻]\n1-1 news H=政府工作报告提请审议 D=新华社北京3月5日电 R=林晖/王琳琳 pppp\n" +
				"§2 上海新闻 [第A02版：上海新闻]\n2-1 news H=上海加快建设国际科创中心 D=本报讯 R=孟群舒/左妍 ppp\n" +
				"2-2 news H=“十四五”规划纲要实施进展良好 D=新华社四平街十一日电 p\n" +
				"2-3 photo H=江边春色 P=张三 credit=新华社记者 张三 摄 c\n",
		},
		{
			name: "byline at the end closes the story",
			text: "小区加装电梯\n\n今年全市计划为老旧小区加装电梯三百台，目前已完成一百二十台。\n\n本报记者  左妍\n\n" +
				"明起调整公交线路\n\n市交通委昨天发布通知，明起调整部分公交线路走向，方便市民出行。\n",
			want: "§1 小区加装电梯\n1-1 news H=小区加装电梯 R=左妍 byline-at-end p\n" +
				"1-2 brief H=明起调整公交线路 p\n",
		},
		{
			name: "kicker with colon, column label in bold, jump to another page",
			text: "【要闻】\n\n浦东新区：\n\n打造改革开放新高地\n\n——来自一线的报道**走进新时代**\n\n" +
				"本报讯 (记者 王小明、李华 通讯员 赵六)浦东新区今年将推出一批改革举措，\n\n继续深化改革。（下转第2版）\n",
			want: "§1 要闻 [【要闻】]\n1-1 news K=浦东新区： H=打造改革开放新高地 S=——来自一线的报道 C=走进新时代 D=本报讯 R=王小明/李华 T=赵六 continued p\n",
		},
		{
			name: "form feeds and Markdown headings make sections",
			text: "# 晚报\n\n## 时政\n\n### 市长调研\n\n市长昨天调研。\n\f\n### 体育快讯\n\n本队获胜。\n",
			want: "masthead 晚报 date \n§1 时政 [时政]\n1-1 brief H=市长调研 p\n§2 体育快讯\n2-1 brief H=体育快讯 p\n",
		},
		{
			name: "two or more blank lines start a section when blocks are one blank line apart",
			text: "标题甲\n\n本报讯 甲文正文。\n\n\n标题乙\n\n本报讯 乙文正文。\n\n标题丙\n\n本报讯 丙文正文。\n",
			want: "§1 标题甲\n1-1 news H=标题甲 D=本报讯 p\n§2 标题乙\n2-1 news H=标题乙 D=本报讯 p\n2-2 news H=标题丙 D=本报讯 p\n",
		},
		{
			name: "briefs that start with a dateline and no headline",
			text: "简讯\n\n本报讯 区图书馆本周末举办读书会，欢迎市民参加。\n\n本报讯 区体育馆即日起延长开放时间。\n",
			want: "§1 简讯\n1-1 news H=简讯 D=本报讯 p\n1-2 brief D=本报讯 p\n",
		},
		{
			name: "indented paragraphs, stories set apart by a blank line, no bylines",
			text: "春耕备耕忙\n　　连日来，各地抢抓农时开展春耕。\n　　农技人员深入田间指导。\n\n" +
				"老街焕发新生机\n　　经过改造，老街重新开放。\n",
			want: "§1 春耕备耕忙\n1-1 news H=春耕备耕忙 pp\n1-2 brief H=老街焕发新生机 p\n",
		},
		{
			name: "end notes and rules close a story",
			text: "标题甲\n\n正文甲很长很长的一段话。\n\n（完）\n\n标题乙\n\n正文乙。\n\n（责任编辑：张三）\n\n————\n\n标题丙\n\n正文丙。\n",
			want: "§1 标题甲\n1-1 news H=标题甲 pp\n1-2 news H=标题乙 ppp\n1-3 brief H=标题丙 p\n",
		},
		{
			name: "a page of a national daily: speech kicker, agency dateline, photo, editorial, briefs, page note",
			text: "第01版：要闻\n\n习近平在参加江苏代表团审议时强调\n因地制宜发展新质生产力\n\n" +
				"　　新华社北京3月5日电　习近平5日下午在参加江苏代表团审议时强调，要牢牢把握高质量发展这个首要任务。\n" +
				"　　江苏代表团审议现场气氛热烈。\n\n两会现场\n　　3月5日，十四届全国人大二次会议在北京开幕。\n" +
				"　　新华社记者　谢环驰　摄\n\n本版责编：张三　李四\n\n第02版：要闻\n\n坚定不移推动高质量发展\n" +
				"——论学习贯彻全国两会精神\n本报评论员\n　　推动高质量发展，是根本要求。\n　　我们要完整、准确、全面贯彻新发展理念。\n\n" +
				"简讯\n　　■本报北京3月5日电　全国政协举行全体会议。\n　　■本报北京3月5日电　国务院新闻办公室举行发布会。\n",
			want: "§1 要闻 [第01版：要闻]\n1-1 news K=习近平在参加江苏代表团审议时强调 H=因地制宜发展新质生产力 D=新华社北京3月5日电 pp\n" +
				"1-2 photo H=两会现场 P=谢环驰 credit=新华社记者　谢环驰　摄 cp\n" +
				"§2 要闻 [第02版：要闻]\n2-1 news H=坚定不移推动高质量发展 S=——论学习贯彻全国两会精神 pp\n" +
				"2-2 news H=简讯 D=本报北京3月5日电 p\n2-3 brief D=本报北京3月5日电 p\n",
		},
		{
			name: "hard-wrapped Latin text with a hyphen-broken word",
			text: "### Budget approved\n\nBy Jane Smith and John Doe\n\nThe council voted on Tuesday to approve a budget that\n" +
				"increases spending on buses, after a long debate about cap-\nturing carbon.\n",
			want: "§1 Budget approved\n1-1 news H=Budget approved R=Jane Smith/John Doe p\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := ParseText(tc.text, Options{})
			if got := outline(e); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			assertNothingLost(t, tc.text, e)
		})
	}
}

func TestJoinBroken(t *testing.T) {
	tests := []struct{ a, b, want string }{
		{"规模以上工业企业销售17亿元;到", "账外资1100万美元", "规模以上工业企业销售17亿元;到账外资1100万美元"},
		{"一级公路段沿线村镇密集,", "中央分隔带开口较多", "一级公路段沿线村镇密集,中央分隔带开口较多"},
		{"the cost of", "carbon", "the cost of carbon"},
		{"a long debate about cap-", "turing carbon", "a long debate about capturing carbon"},
		{"budgets, fares,", "and buses", "budgets, fares, and buses"},
		{"全长48.7", "公里", "全长48.7公里"},
		{"announced by Apple", "公司", "announced by Apple公司"},
		{"一团队、", "“一战图”", "一团队、“一战图”"},
		{"well-", "Known", "well-Known"},
	}
	for _, tc := range tests {
		if got := joinBroken(tc.a, tc.b); got != tc.want {
			t.Errorf("joinBroken(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBylines(t *testing.T) {
	tests := []struct {
		in, raw, rest, dateline string
		reporters, corr         string
	}{
		{"本报讯 (记者何天宇 通讯员叶平)企业发展", "本报讯 (记者何天宇 通讯员叶平)", "企业发展", "本报讯", "何天宇", "叶平"},
		{"本报讯（记者 孟群舒）记者从市科委获悉", "本报讯（记者 孟群舒）", "记者从市科委获悉", "本报讯", "孟群舒", ""},
		{"【新华社四平街十一日电】记者从", "【新华社四平街十一日电】", "记者从", "新华社四平街十一日电", "", ""},
		{"新华社北京3月5日电（记者 X Y）十四届", "新华社北京3月5日电（记者 X Y）", "十四届", "新华社北京3月5日电", "X/Y", ""},
		{"本报南京讯 昨天", "本报南京讯", "昨天", "本报南京讯", "", ""},
		{"■本报讯（记者 张三、李四 实习生 王五）正文", "■本报讯（记者 张三、李四 实习生 王五）", "正文", "本报讯", "张三/李四", "王五"},
		{"据新华社电 正文", "据新华社电", "正文", "据新华社电", "", ""},
	}
	for _, tc := range tests {
		raw, rest, b, ok := parseLeadByline(tc.in)
		if !ok || raw != tc.raw || rest != tc.rest || b.Dateline != tc.dateline ||
			strings.Join(b.Reporters, "/") != tc.reporters || strings.Join(b.Correspondents, "/") != tc.corr {
			t.Errorf("parseLeadByline(%q) = %q, %q, %+v, %v", tc.in, raw, rest, b, ok)
		}
	}
	for _, s := range []string{"电视台报道，今年", "本报记者 左妍", "新华社的记者说，", "记者从市科委获悉", "合作社社员来电话说"} {
		if _, _, _, ok := parseLeadByline(s); ok && s != "本报记者 左妍" {
			t.Errorf("parseLeadByline(%q) took a byline", s)
		}
	}
	standalone := map[string]string{
		"本报记者  左妍":      "左妍",
		"（记者 孟群舒）":      "孟群舒",
		"记者 张三 通讯员 李四":  "张三",
		"文/本报记者 王五":     "王五",
		"By Jane Smith": "Jane Smith",
		"本报讯 (记者 陆俊杰)":  "陆俊杰",
		"新华社记者 阿卜杜拉·艾尼": "阿卜杜拉·艾尼",
	}
	for in, first := range standalone {
		b, ok := parseStandaloneByline(in)
		if !ok || len(b.Reporters) == 0 || b.Reporters[0] != first || b.Raw != in {
			t.Errorf("parseStandaloneByline(%q) = %+v, %v", in, b, ok)
		}
	}
	for _, s := range []string{"记者看到，志愿者们两人一组", "本报记者昨天从市里获悉，今年的工作重点在于", "通讯员培训班开班"} {
		if b, ok := parseStandaloneByline(s); ok {
			t.Errorf("parseStandaloneByline(%q) = %+v", s, b)
		}
	}
}

func TestCredits(t *testing.T) {
	credits := map[string]string{
		"记者蔡佳楠摄":          "蔡佳楠",
		"张三 摄":            "张三",
		"张三/摄":            "张三",
		"（新华社记者 李四 摄）":    "李四",
		"图/王五":            "王五",
		"本报记者 赵六 钱七 摄":    "赵六/钱七",
		"通讯员 孙八 摄影":       "孙八",
		"Photo by 张三 摄 x": "",
	}
	for in, want := range credits {
		names, ok := parseCredit(in)
		if got := strings.Join(names, "/"); ok != (want != "") || got != want {
			t.Errorf("parseCredit(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	caption, credit, names, ok := splitTrailingCredit("市民在滨江步道赏花踏青。（新华社记者 李四 摄）")
	if !ok || caption != "市民在滨江步道赏花踏青。" || credit != "（新华社记者 李四 摄）" || names[0] != "李四" {
		t.Errorf("splitTrailingCredit = %q %q %q %v", caption, credit, names, ok)
	}
}

func TestPageHeaders(t *testing.T) {
	tests := map[string]pageHeader{
		"第2版:要闻":            {"2", "要闻"},
		"第A02版：上海新闻":        {"A02", "上海新闻"},
		"第二版 国内新闻":          {"二", "国内新闻"},
		"第3版":               {"3", "第3版"},
		"A12版 | 体育":         {"A12", "体育"},
		"【要闻】":              {"", "要闻"},
		"第5版：文化 2024年3月19日": {"5", "文化"},
	}
	for in, want := range tests {
		if got, ok := parsePageHeader(in); !ok || got != want {
			t.Errorf("parsePageHeader(%q) = %+v, %v; want %+v", in, got, ok, want)
		}
	}
	for _, s := range []string{"10版块联动发展", "第一次全体会议召开", "【新华社四平街十一日电】", "3月17日，江苏"} {
		if got, ok := parsePageHeader(s); ok {
			t.Errorf("parsePageHeader(%q) = %+v", s, got)
		}
	}
}
