package typeset

import (
	"slices"
	"strings"
	"testing"

	"dubao/model"
)

func TestRules(t *testing.T) {
	tests := []struct {
		name string
		text string
		w    int
		opt  Options
		want []string
	}{
		{"comma pushes the character before it down", "一二三四，五六", 8, Options{}, []string{"一二三", "四，五六"}},
		{"hanging comma", "一二三四，五六", 8, Options{Hanging: true}, []string{"一二三四，", "五六"}},
		{"hanging full stop", "一二三四。五六", 8, Options{Hanging: true}, []string{"一二三四。", "五六"}},
		{"no hang before a closing quote", "一二三四。”五六", 8, Options{Hanging: true}, []string{"一二三", "四。”五", "六"}},
		{"closing quote pushes out", "一二三四。”五六", 8, Options{}, []string{"一二三", "四。”五", "六"}},
		{"opening quote never ends a line", "一二三“四五”", 8, Options{}, []string{"一二三", "“四五”"}},
		{"了。”|“你 may break", "说完了。”“你好", 10, Options{}, []string{"说完了。”", "“你好"}},
		{"”| before CJK may break", "一二“三”四五六", 8, Options{}, []string{"一二“三”", "四五六"}},
		{"dash pair kept", "一二三——四五", 7, Options{}, []string{"一二三", "——四五"}},
		{"ellipsis pair kept", "一二三……四", 7, Options{}, []string{"一二", "三……四"}},
		{"number with multiplier and unit", "收入1100万美元。", 12, Options{}, []string{"收入", "1100万美元。"}},
		{"decimal with unit", "距离48.7公里", 10, Options{}, []string{"距离", "48.7公里"}},
		{"percent", "增长12.3%以上", 8, Options{}, []string{"增长", "12.3%以", "上"}},
		{"ordinal", "今年第12届", 7, Options{}, []string{"今年", "第12届"}},
		{"Latin word kept", "使用iPhone手机", 8, Options{}, []string{"使用", "iPhone手", "机"}},
		{"word longer than the line", "abcdefghij", 4, Options{}, []string{"abcd", "efgh", "ij"}},
		{"spaces hidden at a break", "alpha beta gamma", 10, Options{}, []string{"alpha beta", "gamma"}},
		{"ZWJ emoji whole", "👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 4, Options{}, []string{"👨‍👩‍👧‍👦👨‍👩‍👧‍👦", "👨‍👩‍👧‍👦"}},
		{"combining mark whole", "ééé", 2, Options{}, []string{"éé", "é"}},
		{"tab expanded", "a\tb", 20, Options{}, []string{"a    b"}},
		{"control dropped", "a\x07b\x1b[31mc", 20, Options{}, []string{"ab[31mc"}},
		{"newline breaks", "一二\r\n三四\n", 20, Options{}, []string{"一二", "三四"}},
		{"W below 2 is 2", "一二", 0, Options{}, []string{"一", "二"}},
		{"comma shown full-width", "强劲,规模", 20, Options{}, []string{"强劲，规模"}},
		{"stored punctuation kept on request", "强劲,规模", 20, Options{HalfWidthPunct: true}, []string{"强劲,规模"}},
		{"numbers keep their comma", "共1,000元", 20, Options{}, []string{"共1,000元"}},
		{"colon before a time", "时间:10:30", 20, Options{}, []string{"时间：10:30"}},
		{"exclamation at the end", "我们这么干!", 20, Options{}, []string{"我们这么干！"}},
		{"comma after a number", "2024,我们", 20, Options{}, []string{"2024，我们"}},
		{"English comma kept", "hello,世界", 20, Options{}, []string{"hello,世界"}},
		{"parentheses around CJK", "讯 (记者何天宇)企业", 40, Options{}, []string{"讯 （记者何天宇）企业"}},
		{"parentheses around a year", "(2024年)", 20, Options{}, []string{"（2024年）"}},
		{"parentheses around Latin", "中(abc)文", 20, Options{}, []string{"中(abc)文"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Width = tt.w
			lines := Text(tt.text, 0, model.Intertitle, tt.opt)
			checkGuarantees(t, tt.text, model.Intertitle, tt.opt, lines)
			if got := texts(lines); !slices.Equal(got, tt.want) {
				t.Errorf("W=%d %q\n got %q\nwant %q", tt.w, tt.text, got, tt.want)
			}
		})
	}
}

func TestIndent(t *testing.T) {
	tests := []struct {
		name string
		text string
		typ  model.BlockType
		opt  Options
		want string
	}{
		{"Chinese paragraph", "中文段落", model.Paragraph, Options{Width: 20}, "\u3000\u3000中文段落"},
		{"starting with a number", "2024年", model.Paragraph, Options{Width: 20}, "\u3000\u30002024年"},
		{"source indent replaced", "  \u3000中文", model.Paragraph, Options{Width: 20}, "\u3000\u3000中文"},
		{"turned off", "中文段落", model.Paragraph, Options{Width: 20, NoIndent: true}, "中文段落"},
		{"intertitle", "中文段落", model.Intertitle, Options{Width: 20}, "中文段落"},
		{"caption", "中文段落", model.Caption, Options{Width: 20}, "中文段落"},
		{"English paragraph", "Hello there", model.Paragraph, Options{Width: 20}, "Hello there"},
		{"narrow measure", "中文段落", model.Paragraph, Options{Width: 9}, "中文段落"},
		{"leading combining mark", "\u0301中文", model.Paragraph, Options{Width: 20}, "\u0301中文"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := Text(tt.text, 0, tt.typ, tt.opt)
			checkGuarantees(t, tt.text, tt.typ, tt.opt, lines)
			if lines[0].Text != tt.want {
				t.Errorf("first line %q, want %q", lines[0].Text, tt.want)
			}
		})
	}
}

// TestIndentGivesWayToARun: a word that fits the measure but not beside the
// indent is not cut; the indent goes.
func TestIndentGivesWayToARun(t *testing.T) {
	lines := Text("Internationalization是", 0, model.Paragraph, Options{Width: 21})
	if got := texts(lines); !slices.Equal(got, []string{"Internationalization", "是"}) {
		t.Errorf("got %q", got)
	}
}

func TestNarrowWidthsAreTwo(t *testing.T) {
	text := "项目建设是经济工作的“主抓手”,重大项目。"
	want := texts(Text(text, 0, model.Paragraph, Options{Width: 2}))
	for _, w := range []int{-5, 0, 1} {
		if got := texts(Text(text, 0, model.Paragraph, Options{Width: w})); !slices.Equal(got, want) {
			t.Errorf("W=%d: %q, want %q", w, got, want)
		}
	}
}

func TestBlocksGapAndOrder(t *testing.T) {
	blocks := []model.Block{
		{Type: model.Paragraph, Text: "一二三四五六七八九十"},
		{Type: model.Intertitle, Text: "小标题"},
		{Type: model.Caption, Text: ""},
	}
	lines := Blocks(blocks, Options{Width: 12, Gap: 1})
	var got []string
	for _, l := range lines {
		got = append(got, l.Text+"|"+string(l.Type))
	}
	want := []string{
		"\u3000\u3000一二三四|paragraph", "五六七八九十|paragraph",
		"|intertitle", "小标题|intertitle",
		"|caption", "|caption",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	for _, l := range lines {
		if l.Block != slices.IndexFunc(blocks, func(b model.Block) bool { return b.Type == l.Type }) {
			t.Errorf("line %q has block %d", l.Text, l.Block)
		}
	}
}

func TestSpan(t *testing.T) {
	text := "强劲,规模\t以上"
	lines := Text(text, 0, model.Paragraph, Options{Width: 14})
	if got := texts(lines); !slices.Equal(got, []string{"\u3000\u3000强劲，规模", "以上"}) {
		t.Fatalf("lines %q", got)
	}
	tests := []struct {
		name     string
		line     int
		find     string
		want     string
		wantOK   bool
		occurIdx int
	}{
		{"after the indent", 0, "强劲", "强劲", true, 0},
		{"substituted comma", 0, ",", "，", true, 0},
		{"across a substitution", 0, "劲,规", "劲，规", true, 0},
		{"second line", 1, "以上", "以上", true, 0},
		{"not on this line", 1, "强劲", "", false, 0},
		{"clipped to the line", 0, "模\t以", "模", true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(text, tt.find)
			from, to, ok := lines[tt.line].Span(at, at+len(tt.find))
			if ok != tt.wantOK || ok && lines[tt.line].Text[from:to] != tt.want {
				t.Errorf("Span(%q) = %d,%d,%v on %q; want %q", tt.find, from, to, ok, lines[tt.line].Text, tt.want)
			}
		})
	}
}

// TestSpanCoversEveryShownByte: mapping each line's whole source range
// gives its whole text, less the indent.
func TestSpanCoversEveryShownByte(t *testing.T) {
	for _, b := range seedBlocks(t)[:12] {
		for _, l := range Text(b.Text, 0, b.Type, Options{Width: 33}) {
			from, to, ok := l.Span(l.Start, l.End)
			want := strings.TrimPrefix(l.Text, "\u3000\u3000")
			if !ok || l.Text[from:to] != want {
				t.Errorf("Span(%d,%d) of %q = %q", l.Start, l.End, l.Text, l.Text[from:to])
			}
		}
	}
}

func TestSourceUntouched(t *testing.T) {
	blocks := []model.Block{{Type: model.Paragraph, Text: "强劲,规模\t(记者)"}}
	before := blocks[0].Text
	Blocks(blocks, Options{Width: 10})
	if blocks[0].Text != before {
		t.Errorf("block text changed to %q", blocks[0].Text)
	}
}

func TestChecker(t *testing.T) {
	tests := []struct {
		lines []string
		want  int
	}{
		{[]string{"English", "words"}, 0},
		{[]string{"一二三", "四，五"}, 0},
		{[]string{"一二三四", "，五"}, 1},
		{[]string{"一二三四", ",五"}, 1},
		{[]string{"abc", ",d"}, 0},
		{[]string{"一二“", "三"}, 1},
		{[]string{"一二—", "—三"}, 1},
		{[]string{"收入11", "00万"}, 1},
		{[]string{"收入1100", "万美元"}, 1},
		{[]string{"iPh", "one"}, 1},
		{[]string{"一二三四五六"}, 1}, // width 12 > 10
		{[]string{"一\x07"}, 1},
	}
	for _, tt := range tests {
		src := strings.Join(tt.lines, "")
		if tt.lines[0] == "English" {
			src = "English words"
		}
		if got := violations(tt.lines, 10, src); len(got) != tt.want {
			t.Errorf("%q: %v, want %d", tt.lines, got, tt.want)
		}
	}
	if gives("abc", "abd") || !gives("a,b\t c ", "a，b     c") || gives("ab", "a") {
		t.Error("gives is wrong")
	}
}

// TestClassifyTables: the cached classes of the punctuation blocks, and the
// ideograph shortcut, agree with classing each rune the slow way.
func TestClassifyTables(t *testing.T) {
	for r := rune(0x80); r < 0x30000; r++ {
		if got, want := classify(r), classifyRune(r); got != want {
			t.Fatalf("classify(%U) = %b, want %b", r, got, want)
		}
	}
}
