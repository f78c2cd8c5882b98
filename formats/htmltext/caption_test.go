package htmltext

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/model"
)

// captioned parses in as a page's body, marks its captions and converts
// it.
func captioned(t *testing.T, in string) []model.Block {
	t.Helper()
	doc, err := html.Parse(strings.NewReader("<body>" + in))
	if err != nil {
		t.Fatal(err)
	}
	body := find(doc, atom.Body)
	MarkCaptions(body)
	return Convert(body, Options{})
}

func TestMarkCaptions(t *testing.T) {
	P, I, C := model.Paragraph, model.Intertitle, model.Caption
	after := model.Block{Type: P, Text: "后面是正文，写得很长。"}
	tests := []struct {
		name string
		in   string
		want []model.Block
	}{
		{"grey line after a centred picture",
			`<div class="txt"><div style="text-align:center;"><img src="a.jpg" width="600" alt=""></div>` +
				`<span style="color: rgb(128, 128, 128);">新桥夜景。本报资料</span><br><div class="h"></div>后面是正文，写得很长。</div>`,
			[]model.Block{{Type: C, Text: "新桥夜景。本报资料", Image: "a.jpg"}, after}},
		{"line ending in a photo credit",
			`<p align="center"><img src="a.jpg"></p><p>3月5日，市民在新桥上散步。新华社记者 王小明 摄</p><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "3月5日，市民在新桥上散步。新华社记者 王小明 摄", Image: "a.jpg"}, after}},
		{"credit in brackets after a line break",
			`<p><a href="big.jpg"><img src="a.jpg"></a><br>新桥夜景（受访者供图）<br>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "新桥夜景（受访者供图）", Image: "a.jpg"}, after}},
		{"图为 opens it",
			`<p><img src="a.jpg"></p><p>图为新桥通车现场</p><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "图为新桥通车现场", Image: "a.jpg"}, after}},
		{"centred line",
			`<p style="text-align: center"><img src="a.jpg"></p><p style="text-align: center">新桥夜景</p><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "新桥夜景", Image: "a.jpg"}, after}},
		{"small grey font in a layout table",
			`<table><tr><td><img src="a.jpg"></td></tr><tr><td><font color="#666666" size="2">新桥夜景</font></td></tr></table><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "新桥夜景", Image: "a.jpg"}, after}},
		{"a caption class",
			`<div><img src="a.jpg"></div><p class="pic-txt">新桥夜景</p><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "新桥夜景", Image: "a.jpg"}, after}},
		{"bold centred line under a bold picture",
			`<center><strong><img src="a.jpg"></strong></center><center><strong>活动现场</strong></center><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "活动现场", Image: "a.jpg"}, after}},
		{"centred line under the empty box of a lost picture",
			`<center style="text-align: center;"><strong></strong></center><center><strong>活动现场</strong><br></center><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: C, Text: "活动现场"}, after}},

		// The story's own lines stay what they are.
		{"centred bold intertitle under a picture",
			`<p style="text-align:center"><img src="a.jpg"></p><p style="text-align:center"><strong>回归商业本质</strong></p><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: I, Text: "回归商业本质"}, after}},
		{"centred bold intertitle under a blank line",
			`<p>前文。</p><p style="text-align:center"><strong>&nbsp;</strong></p><p style="text-align:center"><strong>回归商业本质</strong></p><p align="center"><br></p><center><strong>再起航</strong></center><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: P, Text: "前文。"}, {Type: I, Text: "回归商业本质"}, {Type: I, Text: "再起航"}, after}},
		{"heading under a picture",
			`<p><img src="a.jpg"></p><h3 style="text-align:center">新桥夜景</h3><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: I, Text: "新桥夜景"}, after}},
		{"numbered line under a picture",
			`<p align="center"><img src="a.jpg"></p><p align="center">一、基本情况</p><p>后面是正文，写得很长。</p>`,
			[]model.Block{{Type: P, Text: "一、基本情况"}, after}},
		{"indented paragraph under a picture",
			`<p align="center"><img src="a.jpg"></p><p style="text-indent: 2em; text-align: center">新桥夜景</p><p>　　新桥夜景很美</p>`,
			[]model.Block{{Type: P, Text: "新桥夜景"}, {Type: P, Text: "新桥夜景很美"}}},
		{"grey words running on into the text",
			`<div><img src="a.jpg"><span style="color:#999">灰字</span>接着是正文</div>`,
			[]model.Block{{Type: P, Text: "灰字接着是正文"}}},
		{"a long grey paragraph",
			`<p><img src="a.jpg"></p><p style="color:#999">` + strings.Repeat("很长的灰色段落。", 10) + `</p>`,
			[]model.Block{{Type: P, Text: strings.Repeat("很长的灰色段落。", 10)}}},
		{"a picture with alt text keeps it",
			`<p><img src="a.jpg" alt="新桥"></p><p style="color:#999">灰色的一行</p>`,
			[]model.Block{{Type: C, Text: "新桥", Image: "a.jpg"}, {Type: P, Text: "灰色的一行"}}},
		{"an icon is no picture",
			`<p><img src="i.gif" width="16" height="16"><span style="color:#999">灰色的一行</span></p>`,
			[]model.Block{{Type: P, Text: "灰色的一行"}}},
		{"an empty box before an uncentred line",
			`<center><strong></strong></center><p><strong>活动现场</strong></p>`,
			[]model.Block{{Type: I, Text: "活动现场"}}},
		{"a red line is no caption",
			`<p><img src="a.jpg"></p><p style="color:#ff0000">红色的一行</p>`,
			[]model.Block{{Type: P, Text: "红色的一行"}}},
		{"a centred poem under a picture",
			`<p align="center"><img src="a.jpg"></p><p align="center">静夜思</p><p align="center">床前明月光</p><p align="center">疑是地上霜</p>`,
			[]model.Block{{Type: P, Text: "静夜思"}, {Type: P, Text: "床前明月光"}, {Type: P, Text: "疑是地上霜"}}},
		{"a centred caption over its centred credit",
			`<p align="center"><img src="a.jpg"></p><p align="center">新桥夜景</p><p align="center">本报记者 王小明 摄</p>`,
			[]model.Block{{Type: C, Text: "新桥夜景", Image: "a.jpg"}, {Type: P, Text: "本报记者 王小明 摄"}}},
		{"a grey source line under a logo",
			`<div><img src="logo.png" width="200"></div><p style="color:#999">2024年03月19日 来源：读报网</p>`,
			[]model.Block{{Type: P, Text: "2024年03月19日 来源：读报网"}}},
		{"the end mark under a picture",
			`<p align="center"><img src="a.jpg"></p><p align="center">（完）</p>`,
			[]model.Block{{Type: P, Text: "（完）"}}},
		{"an empty span is no picture box",
			`<p>正文。</p><p style="text-align:center"><span></span></p><p style="text-align:center">二〇二四年三月</p>`,
			[]model.Block{{Type: P, Text: "正文。"}, {Type: P, Text: "二〇二四年三月"}}},
		{"text between picture and line",
			`<p><img src="a.jpg"></p><p>正文。</p><p style="color:#999">灰色的一行</p>`,
			[]model.Block{{Type: P, Text: "正文。"}, {Type: P, Text: "灰色的一行"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := captioned(t, tt.in); !equalBlocks(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestPhotoCredit(t *testing.T) {
	for _, s := range []string{
		"新华社记者 王小明 摄", "市民在散步。（王小明 摄）", "王小明/摄影", "受访者供图", "共享充电宝。视觉中国 资料",
		"资料图片", "新桥。图片来源：网络", "新桥。新华社发", "新桥（视觉中国/图）", "图为新桥", "上图：新桥", "新桥。CFP",
	} {
		if !photoCredit(s) {
			t.Errorf("%q not a credit", s)
		}
	}
	for _, s := range []string{
		"新桥今日通车", "资金由政府提供", "来源：人民日报", "他拍摄", "记者 王小明", "图书馆开门了",
	} {
		if photoCredit(s) {
			t.Errorf("%q taken for a credit", s)
		}
	}
}

func TestIsGrey(t *testing.T) {
	for c, want := range map[string]bool{
		"rgb(128, 128, 128)": true, "#666": true, "#999999": true, "gray": true, "#a0a0a8": true,
		"#000": false, "#333333": false, "#ff0000": false, "rgb(0,0,255)": false, "#fff": false, "": false, "bogus": false,
	} {
		if isGrey(c) != want {
			t.Errorf("isGrey(%q) = %v", c, !want)
		}
	}
}

// markedLossless checks, as lossless does, that marking the captions of in
// loses and reorders none of its text.
func markedLossless(t *testing.T, in string, ordered bool) {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(in), root)
	if err != nil {
		return
	}
	var want string
	for _, n := range nodes {
		want += keptText(n)
		root.AppendChild(n)
	}
	MarkCaptions(root)
	var got strings.Builder
	for _, b := range Convert(root, Options{noMarkers: true}) {
		if b.Text == "" {
			t.Fatalf("empty block in %q", in)
		}
		got.WriteString(squeeze(b.Text))
	}
	if g := got.String(); ordered && !subsequence(want, g) {
		t.Fatalf("captions marked, text lost or reordered:\nkept %q\ngot  %q", want, g)
	}
}
