package htmltext

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/model"
)

func TestFromString(t *testing.T) {
	P, I, C := model.Paragraph, model.Intertitle, model.Caption
	tests := []struct {
		name string
		in   string
		want []model.Block
	}{
		{"paragraphs and indents",
			"<p>\u3000\u3000第一段，\n  接着写。</p><p>&nbsp;&nbsp;第二段&amp;引号&ldquo;好&rdquo;</p>",
			[]model.Block{{Type: P, Text: "第一段，接着写。"}, {Type: P, Text: "第二段&引号“好”"}}},
		{"latin words keep their spaces",
			"<p>Hello\n   world,  and\tmore</p>",
			[]model.Block{{Type: P, Text: "Hello world, and more"}}},
		{"br splits paragraphs",
			"<div>\u3000\u3000一<br>\u3000\u3000二<br/><br/>三</div>",
			[]model.Block{{Type: P, Text: "一"}, {Type: P, Text: "二"}, {Type: P, Text: "三"}}},
		{"headings and bold intertitles",
			"<h2>小标题</h2><p>正文。</p><p><strong>一、加强管理</strong></p><p><b>粗体</b>开头的段落。</p>",
			[]model.Block{{Type: I, Text: "小标题"}, {Type: P, Text: "正文。"}, {Type: I, Text: "一、加强管理"}, {Type: P, Text: "粗体开头的段落。"}}},
		{"figure with caption",
			`<figure><img src="a.jpg" alt="替代"><figcaption>图为<br>会场。</figcaption></figure><p>后文</p>`,
			[]model.Block{{Type: C, Text: "图为 会场。", Image: "a.jpg"}, {Type: P, Text: "后文"}}},
		{"img alt alone",
			`<p>前文<img src="b.png" alt="一张图">后文</p><p><img src="c.png"></p>`,
			[]model.Block{{Type: P, Text: "前文"}, {Type: C, Text: "一张图", Image: "b.png"}, {Type: P, Text: "后文"}}},
		{"lists",
			`<ul><li>甲</li><li>乙</li></ul><ol start="3"><li>丙</li><li>丁</li></ol>`,
			[]model.Block{{Type: P, Text: "• 甲"}, {Type: P, Text: "• 乙"}, {Type: P, Text: "3. 丙"}, {Type: P, Text: "4. 丁"}}},
		{"quote",
			`<blockquote><p>引文一</p><p>引文二</p></blockquote>`,
			[]model.Block{{Type: P, Text: "引文一"}, {Type: P, Text: "引文二"}}},
		{"furniture dropped",
			`<script>var x="脚本";</script><style>p{}</style><nav>导航</nav><div class="bdsharebuttonbox">分享到</div>` +
				`<div id="ad-top">广告</div><p style="display: none">隐藏</p><div class="header"><p>保留</p></div><form>表单</form>`,
			[]model.Block{{Type: P, Text: "保留"}}},
		{"control characters and escapes removed",
			"<p>a\x1b[31mb\u202ec\u0085d</p>",
			[]model.Block{{Type: P, Text: "a[31mbcd"}}},
		{"ideographic space inside kept",
			"<p>\u3000记者\u3000何天宇\u3000</p>",
			[]model.Block{{Type: P, Text: "记者\u3000何天宇"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromString(tt.in, Options{})
			if !equalBlocks(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestImageOption(t *testing.T) {
	got := FromString(`<figure><img src="../images/a.jpg"><figcaption>说明</figcaption></figure>`,
		Options{Image: func(s string) string { return "OEBPS/" + strings.TrimPrefix(s, "../") }})
	if len(got) != 1 || got[0].Image != "OEBPS/images/a.jpg" || got[0].Text != "说明" {
		t.Errorf("got %q", got)
	}
}

func TestText(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader("<h1>\n  标题\n  第二行 <script>x</script><span>Big  News</span></h1>"))
	h1 := find(doc, atom.H1)
	if got := Text(h1); got != "标题第二行 Big News" {
		t.Errorf("Text = %q", got)
	}
}

func find(n *html.Node, a atom.Atom) *html.Node {
	if n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

func equalBlocks(a, b []model.Block) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// keptText returns the text of the text nodes a conversion keeps, without
// whitespace or control characters, in document order. Each node's text is
// cleaned apart: bytes of broken UTF-8 at the ends of two nodes are no
// character the page has.
func keptText(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && Dropped(n) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(squeeze(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || isControl(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
}

// lossless checks that every character of the kept text nodes is in the
// blocks, and (when ordered) in the same order. Alt text may add more.
func lossless(t *testing.T, in string, ordered bool) {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(in), ctx)
	if err != nil {
		return
	}
	var want strings.Builder
	for _, n := range nodes {
		want.WriteString(keptText(n))
	}
	var got strings.Builder
	for _, b := range FromString(in, Options{noMarkers: true}) {
		if strings.ContainsFunc(b.Text, isControl) {
			t.Fatalf("control character in %q", b.Text)
		}
		if b.Text == "" {
			t.Fatalf("empty block in %q", in)
		}
		got.WriteString(squeeze(b.Text))
	}
	w, g := want.String(), got.String()
	if ordered {
		if !subsequence(w, g) {
			t.Fatalf("text lost or reordered:\nkept %q\ngot  %q", w, g)
		}
		return
	}
	count := map[rune]int{}
	for _, r := range g {
		count[r]++
	}
	for _, r := range w {
		if count[r]--; count[r] < 0 {
			t.Fatalf("%q lost:\nkept %q\ngot  %q", r, w, g)
		}
	}
}

// subsequence reports whether the runes of w appear in g in order.
func subsequence(w, g string) bool {
	gr := []rune(g)
	i := 0
	for _, r := range w {
		for i < len(gr) && gr[i] != r {
			i++
		}
		if i == len(gr) {
			return false
		}
		i++
	}
	return true
}

func TestNothingLost(t *testing.T) {
	for _, in := range []string{
		"<p>一<b>二</b>三<br>四</p><h3>五</h3><ul><li>六<ul><li>七</li></ul>八</li></ul>",
		"<table><tr><td>甲</td><td>乙<p>丙</p></td></tr></table>丁",
		"<div>文字<div>嵌套<span>行内</span></div>尾巴</div>",
		"<p>&lt;script&gt; 不是脚本 &#x4e2d;</p>",
	} {
		lossless(t, in, true)
	}
}

func FuzzFromString(f *testing.F) {
	for _, s := range []string{
		"<p>\u3000\u3000第一段</p><p>第二段</p>",
		"<figure><img src=a alt=b><p>x</p><figcaption>c<br>d</figcaption><img src=e></figure>",
		"<ol start=-5><li>a<ol><li>b</li></ol></li></ol>",
		"<h1><b>标题</b></h1><strong>粗</strong>正<script>x</script>",
		"<div class=share>a</div><table><td>b<td>c</table>",
		`<div style="text-align:center"><img src=a alt=""></div><span style="color:#999">说明 摄</span><br>正文`,
		"<center><strong></strong></center><center><strong>现场</strong><br></center><p>正文</p>",
		`<span class=tj>图集</span><p><a href=x>点击进入>></a></p><p>正文</p><div>+1</div>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		ordered := !strings.Contains(strings.ToLower(in), "<fig")
		lossless(t, in, ordered)
		markedLossless(t, in, ordered)
		trimmedAtEdges(t, in)
	})
}

func TestXHTMLFigure(t *testing.T) {
	// pandoc's EPUB 2 writes a figure as div.figure with p.caption.
	got := FromString(`<div class="figure"><img src="../media/a.png" alt=""/><p class="caption">新桥夜景</p></div><p>后文</p>`, Options{})
	want := []model.Block{{Type: model.Caption, Text: "新桥夜景", Image: "../media/a.png"}, {Type: model.Paragraph, Text: "后文"}}
	if !equalBlocks(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestConvertParts(t *testing.T) {
	doc, _ := html.Parse(strings.NewReader(`<p>前言</p><h2 id="a">甲</h2><p>甲文</p><section id="b"><h2>乙</h2><p>乙文</p></section>`))
	parts := ConvertParts(doc, Options{Split: func(n *html.Node) bool { return Attr(n, "id") != "" }})
	if len(parts) != 3 || parts[0].Start != nil || Attr(parts[1].Start, "id") != "a" || Attr(parts[2].Start, "id") != "b" {
		t.Fatalf("parts %+v", parts)
	}
	if len(parts[0].Blocks) != 1 || len(parts[1].Blocks) != 2 || parts[2].Blocks[1].Text != "乙文" {
		t.Errorf("blocks %q | %q | %q", parts[0].Blocks, parts[1].Blocks, parts[2].Blocks)
	}
}
