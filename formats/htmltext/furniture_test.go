package htmltext

import (
	"testing"

	"dubao/model"
)

func TestLikeButtonsDropped(t *testing.T) {
	got := FromString(`<p>正文一段。</p><div class="zan-wap"><a class="zan" href="#"></a><div class="zan-i">+1</div></div>`+
		`<span class="like"><a href="#">赞 <i>0</i></a></span><div id="dianzan">点赞</div><p>正文二段。</p>`, Options{})
	want := []model.Block{{Type: model.Paragraph, Text: "正文一段。"}, {Type: model.Paragraph, Text: "正文二段。"}}
	if !equalBlocks(got, want) {
		t.Errorf("got %q", got)
	}
}

func TestTrimEdges(t *testing.T) {
	P, I, C := model.Paragraph, model.Intertitle, model.Caption
	body := []model.Block{{Type: P, Text: "正文一段。"}, {Type: P, Text: "正文二段。"}}
	tests := []struct {
		name string
		in   string
		want []model.Block
	}{
		{"gallery label above the story",
			`<span class="tj">图集</span> <span class="origin"></span><p>正文一段。</p><p>正文二段。</p>`, body},
		{"letterless like counter below it",
			`<p>正文一段。</p><p>正文二段。</p><div>+1</div>`, body},
		{"buttons in brackets",
			`<p>【打印】 【关闭窗口】</p><p>正文一段。</p><p>正文二段。</p><p>分享到：</p>`, body},
		{"whole-link promotion of a channel",
			`<p><a href="/channel/"><span><strong>点击进入“文艺星青年”</strong><strong>&gt;&gt;</strong></span></a></p><p>正文一段。</p><p>正文二段。</p>`, body},
		{"whole-link invitation at the end",
			`<p>正文一段。</p><p>正文二段。</p><p><a href="/more">更多精彩内容，请看专题》》</a></p>`, body},
		{"a picture at the edge is kept and looked past",
			`<figure><img src="a.jpg"><figcaption>新桥</figcaption></figure><p>图集</p><p>正文一段。</p>`,
			[]model.Block{{Type: C, Text: "新桥", Image: "a.jpg"}, {Type: P, Text: "正文一段。"}}},

		// What could be the story's own text stays.
		{"a label inside the body stays",
			`<p>正文一段。</p><p>图集</p><p>正文二段。</p>`,
			[]model.Block{{Type: P, Text: "正文一段。"}, {Type: P, Text: "图集"}, {Type: P, Text: "正文二段。"}}},
		{"a promotion that is not a link stays",
			`<p><strong>点击进入下一环节</strong></p><p>正文一段。</p>`,
			[]model.Block{{Type: I, Text: "点击进入下一环节"}, {Type: P, Text: "正文一段。"}}},
		{"a link that does not promote stays",
			`<p>正文一段。</p><p><a href="/book">《新桥记》</a></p>`,
			[]model.Block{{Type: P, Text: "正文一段。"}, {Type: P, Text: "《新桥记》"}}},
		{"part of a paragraph linked stays",
			`<p><a href="/x">点击</a>这里的人很多。</p><p>正文一段。</p>`,
			[]model.Block{{Type: P, Text: "点击这里的人很多。"}, {Type: P, Text: "正文一段。"}}},
		{"a date with no letters stays",
			`<p>正文一段。</p><p>2019.12.10</p>`,
			[]model.Block{{Type: P, Text: "正文一段。"}, {Type: P, Text: "2019.12.10"}}},
		{"a body of nothing else is kept",
			`<p>图集</p><div>+1</div>`,
			[]model.Block{{Type: P, Text: "图集"}, {Type: P, Text: "+1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromString(tt.in, Options{TrimEdges: true})
			if !equalBlocks(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
	// Without the option nothing goes.
	if got := FromString(`<span>图集</span><p>正文。</p><div>+1</div>`, Options{}); len(got) != 3 {
		t.Errorf("untrimmed: %q", got)
	}
}

// trimmedAtEdges checks that TrimEdges only takes blocks away, none of
// them a picture, all of them before or after the text it keeps, and never
// all the text.
func trimmedAtEdges(t *testing.T, in string) {
	t.Helper()
	all := FromString(in, Options{})
	kept := FromString(in, Options{TrimEdges: true})
	var text []int // the indexes in all of the kept blocks that are not pictures
	j := 0
	for i, b := range all {
		if j < len(kept) && kept[j] == b {
			if !isPicture(b) {
				text = append(text, i)
			}
			j++
			continue
		}
		if isPicture(b) {
			t.Fatalf("picture %q dropped from %q", b.Text, in)
		}
	}
	if j != len(kept) {
		t.Fatalf("trimmed blocks %q are not a part of %q", kept, all)
	}
	hasText := false
	for _, b := range all {
		hasText = hasText || !isPicture(b)
	}
	if hasText && len(text) == 0 {
		t.Fatalf("all the text of %q dropped", in)
	}
	if len(text) > 0 && text[len(text)-1]-text[0]+1 != len(text)+pictures(all[text[0]:text[len(text)-1]]) {
		t.Fatalf("a block inside the body dropped: %q from %q", kept, all)
	}
}

func pictures(bs []model.Block) int {
	n := 0
	for _, b := range bs {
		if isPicture(b) {
			n++
		}
	}
	return n
}
