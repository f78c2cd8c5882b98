package model

import (
	"strings"
	"testing"
)

func exportEdition() (*Edition, *Article) {
	a := Article{
		ID: "2-1", Kicker: "区公共资源交易中心", KickerTail: "——",
		Headline: "三“度”并重,推动党员冬训竞“优”走“新”", Subheadline: "靶向推进 有“力度”",
		Column: "2024,我们这么干!",
		Byline: Byline{Raw: "本报讯 (记者钱丽君)", Reporters: []string{"钱丽君"}},
		Body: []Block{
			{Type: Paragraph, Text: "冬训期间,针对交易分散、规则不一等问题,全力推进限额平台。"},
			{Type: Intertitle, Text: "初心坚守,“海易优服+N”有“温度”"},
			{Type: Paragraph, Text: "1. 提供*进现场*、送政策_服务"},
			{Type: Caption, Text: "# 志愿者在社区宣传"},
		},
		PhotoCredit: "记者蔡佳楠摄",
	}
	ed := &Edition{Title: "海门日报", Date: "2024-03-19", Sections: []Section{
		{Index: 1, Name: "要闻"},
		{Index: 2, Name: "综合", Page: "2", Header: "第2版:综合", Articles: []Article{a}},
	}}
	return ed, &ed.Sections[1].Articles[0]
}

func TestMarkdown(t *testing.T) {
	ed, a := exportEdition()
	got := ArticleMarkdown(ed, a)
	want := []string{
		"**2024,我们这么干!**",
		"*区公共资源交易中心——*",
		"# 三“度”并重,推动党员冬训竞“优”走“新”",
		"## 靶向推进 有“力度”",
		"本报讯 (记者钱丽君)",
		"冬训期间,针对交易分散、规则不一等问题,全力推进限额平台。",
		"### 初心坚守,“海易优服+N”有“温度”",
		`1\. 提供\*进现场\*、送政策\_服务`, // not a list, not emphasis
		`*\# 志愿者在社区宣传*`,
		"*记者蔡佳楠摄*",
		"---",
		"*海门日报 · 2024-03-19 · 第2版:综合*",
	}
	if g := strings.Split(strings.TrimSpace(got), "\n\n"); strings.Join(g, "\n") != strings.Join(want, "\n") {
		t.Errorf("Markdown =\n%s\nwant paragraphs\n%s", got, strings.Join(want, "\n"))
	}
	if strings.Count(got, "\n# ") != 1 {
		t.Error("want exactly one level-1 heading")
	}
}

func TestText(t *testing.T) {
	ed, a := exportEdition()
	got := ArticleText(ed, a)
	want := "2024,我们这么干!\n区公共资源交易中心——\n三“度”并重,推动党员冬训竞“优”走“新”\n靶向推进 有“力度”\n\n" +
		"本报讯 (记者钱丽君)\n\n冬训期间,针对交易分散、规则不一等问题,全力推进限额平台。\n\n" +
		"初心坚守,“海易优服+N”有“温度”\n\n1. 提供*进现场*、送政策_服务\n\n# 志愿者在社区宣传\n\n记者蔡佳楠摄\n\n" +
		"—— 海门日报 · 2024-03-19 · 第2版:综合\n"
	if got != want {
		t.Errorf("Text =\n%s\nwant\n%s", got, want)
	}
}

// A byline that stood after the body is printed there.
func TestExportBylinePlacement(t *testing.T) {
	ed, a := exportEdition()
	a.Byline = Byline{Raw: "本报记者 左妍", AtEnd: true}
	md := ArticleMarkdown(ed, a)
	if i, j := strings.Index(md, "本报记者 左妍"), strings.Index(md, a.Body[0].Text); i < j {
		t.Errorf("a byline that stood at the end comes before the body:\n%s", md)
	}
}

// Export says a story stops mid-sentence; the dump adds nothing to the text.
func TestExportContinued(t *testing.T) {
	ed, a := exportEdition()
	a.Continued = true
	if !strings.Contains(ArticleMarkdown(ed, a), "*（未完）*") || !strings.Contains(ArticleText(ed, a), "\n（未完）\n") {
		t.Error("export of a continued story does not say 未完")
	}
	var dump strings.Builder
	if err := WriteMarkdown(&dump, ed); err != nil || strings.Contains(dump.String(), "未完") {
		t.Errorf("dump added text: %v %q", err, dump.String())
	}
}

// Export and dump write the story's source URL, after the story: as an
// autolink in Markdown, with what an autolink cannot hold percent-encoded.
func TestExportURL(t *testing.T) {
	ed, a := exportEdition()
	a.URL = "https://www.example.cn/2024-03/19/c_1.htm?a=1&b=<2> 3"
	const link = "<https://www.example.cn/2024-03/19/c_1.htm?a=1&b=%3C2%3E%203>"
	md := ArticleMarkdown(ed, a)
	if !strings.Contains(md, "\n\n"+link+"\n\n---\n") {
		t.Errorf("Markdown export does not end the story with %s:\n%s", link, md)
	}
	txt := ArticleText(ed, a)
	if !strings.Contains(txt, "\n\n"+a.URL+"\n\n—— ") {
		t.Errorf("text export does not end the story with the URL:\n%s", txt)
	}
	var dumpMD, dumpText strings.Builder
	if err := WriteMarkdown(&dumpMD, ed); err != nil || !strings.Contains(dumpMD.String(), link) {
		t.Errorf("dump --format markdown has no %s: %v\n%s", link, err, dumpMD.String())
	}
	if err := WriteText(&dumpText, ed); err != nil || !strings.HasSuffix(dumpText.String(), "\n\n"+a.URL+"\n") {
		t.Errorf("dump --format text does not end the story with its URL: %v\n%s", err, dumpText.String())
	}

	// A path (inside an EPUB, say) is no link: written as text.
	a.URL = "OEBPS/feed_0/article_1/index.html"
	if md := ArticleMarkdown(ed, a); !strings.Contains(md, "\n\nOEBPS/feed\\_0/article\\_1/index.html\n\n") ||
		strings.Contains(md, "<OEBPS") {
		t.Errorf("a URL without a scheme:\n%s", md)
	}
	// No URL, no line for it.
	a.URL = ""
	if md := ArticleMarkdown(ed, a); strings.Contains(md, "<") {
		t.Errorf("a story without a URL got a link:\n%s", md)
	}
}
