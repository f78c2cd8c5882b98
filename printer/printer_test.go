package printer

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
)

// edition is a small edition with every kind of part.
func edition() *model.Edition {
	return &model.Edition{
		Title: "海门日报", Date: "2024-03-20",
		Sections: []model.Section{{
			Index: 1, Name: "要闻", Header: "第1版:要闻",
			Articles: []model.Article{
				{
					Kicker: "三厂工业园区", KickerTail: ":", Headline: "“一核”“六区”战略",
					Subheadline: "满弓紧弦", Column: "2024,我们这么干!",
					Byline: model.Byline{Raw: "本报讯 (记者何天宇 通讯员叶平)", Reporters: []string{"何天宇"}, Correspondents: []string{"叶平"}},
					Body: []model.Block{
						{Type: model.Paragraph, Text: "企业发展势头强劲,规模以上企业订单饱和。"},
						{Type: model.Paragraph, Text: "开局即冲刺。"},
						{Type: model.Intertitle, Text: "靶向推进"},
						{Type: model.Paragraph, Text: "冬训期间。"},
					},
				},
				{
					Headline: "整治不松劲", PhotoCredit: "记者蔡佳楠摄",
					Byline: model.Byline{Raw: "记者蔡佳楠摄", Photographers: []string{"蔡佳楠"}},
					Body:   []model.Block{{Type: model.Caption, Text: "3月17日,村民开展清洁活动。"}},
				},
				{Headline: "短讯", Byline: model.Byline{Raw: "本报记者 左妍", AtEnd: true}, Body: []model.Block{{Type: model.Paragraph, Text: "正文。"}}},
			},
		}},
	}
}

func TestWrite(t *testing.T) {
	var out bytes.Buffer
	if err := Write(&out, edition(), Options{Width: 20}); err != nil {
		t.Fatal(err)
	}
	want := `海门日报  2024-03-20
====================

【第1版：要闻】

三厂工业园区：
“一核”“六区”战略
满弓紧弦
【2024，我们这么
干！】
记者 何天宇 · 通讯员
叶平

　　企业发展势头强
劲，规模以上企业订单
饱和。
　　开局即冲刺。

靶向推进

　　冬训期间。

--------------------

整治不松劲

3月17日，村民开展清
洁活动。
记者蔡佳楠摄

--------------------

短讯
本报记者 左妍

　　正文。
`
	if got := out.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// sgr matches a Select Graphic Rendition sequence.
var sgr = regexp.MustCompile("\x1b\\[([0-9;]*)m")

func TestStyledIsPlainPlusAttributes(t *testing.T) {
	for _, w := range []int{12, 30, 80} {
		var plain, styled bytes.Buffer
		Write(&plain, edition(), Options{Width: w})
		Write(&styled, edition(), Options{Width: w, Styled: true})
		if ansi.Strip(styled.String()) != plain.String() {
			t.Errorf("W=%d: styled output is not the plain text with attributes", w)
		}
		if strings.Contains(plain.String(), "\x1b") {
			t.Errorf("W=%d: escape sequence in plain output", w)
		}
		if !strings.Contains(styled.String(), "\x1b[1m") {
			t.Errorf("W=%d: no bold in styled output", w)
		}
		for _, m := range sgr.FindAllStringSubmatch(styled.String(), -1) {
			for p := range strings.SplitSeq(m[1], ";") {
				if n, _ := strconv.Atoi(p); n >= 30 && n <= 49 || n >= 90 {
					t.Errorf("W=%d: colour %q in styled output", w, m[0])
				}
			}
		}
		for _, line := range strings.Split(styled.String(), "\n") {
			if typeset.Width(line) > w {
				t.Errorf("W=%d: %q is %d wide", w, line, typeset.Width(line))
			}
		}
	}
}

// TestLongBlockPrintedWhole prints a story whose paragraph is longer than
// a chunk of the typesetter: every line is the paragraph's line as set
// whole, in order, none wider than the measure.
func TestLongBlockPrintedWhole(t *testing.T) {
	para := strings.Repeat("企业发展势头强劲,规模以上企业订单饱和。“开局即冲刺”(2024年)", 4000)
	ed := &model.Edition{Title: "长", Sections: []model.Section{{Index: 1, Name: "一",
		Articles: []model.Article{{Headline: "长文", Body: []model.Block{{Type: model.Paragraph, Text: para}}}}}}}
	var buf bytes.Buffer
	if err := Write(&buf, ed, Options{Width: 40}); err != nil {
		t.Fatal(err)
	}
	want := typeset.Text(para, 0, model.Paragraph, typeset.Options{Width: 40})
	var wantText strings.Builder
	for _, l := range want {
		wantText.WriteString(l.Text + "\n")
	}
	if !strings.Contains(buf.String(), wantText.String()) {
		t.Fatal("the long paragraph is not printed as it is set")
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		if typeset.Width(l) > 40 {
			t.Fatalf("line %q is wider than 40", l)
		}
	}
}
