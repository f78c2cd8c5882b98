package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
)

// scriptsEdition is an edition (our own text) whose headlines and stories
// hold what terminals measure in different ways: ZWJ emoji sequences, skin
// tones, flags, VS16, combining marks (decomposed Vietnamese and French),
// Thai with SARA AM and above and below vowels, Arabic with harakat and
// lam-alef, Devanagari conjuncts and a ZWJ, Hangul jamo.
const scriptsEdition = `世界文字:

家庭👨‍👩‍👧与彩虹🏳️‍🌈 表情符号的读法

本报讯 (记者 王文)一家人👨‍👩‍👧‍👦在终端里该占几格?点赞👍🏽、点赞👍🏿、❤️、1️⃣、国旗🇨🇳🇻🇳🇹🇭,还有程序员👩🏽‍💻。每一行的右边框都要对齐。

越南语 Tie` + "\u0302\u0301" + `ng Vie` + "\u0323\u0302" + `t 与组合符号

本报讯 (记者 李明)越南语写作 Tiếng Việt,也可以用组合符号写成 Tie` + "\u0302\u0301" + `ng Vie` + "\u0323\u0302" + `t;法语的 café 可写作 cafe` + "\u0301" + `。河内的报纸叫 Nhân Dân,意思是人民。

泰文 ภาษาไทย 的元音 น้ำ ทำ

本报讯 (记者 陈静)泰文 สวัสดีครับ 意为你好;น้ำ 是水,ทำ 是做,ค่ำ 是晚上,กี่ 是多少,ปู่ 是祖父。上下元音不占格子,SARA AM ำ 却占一格。

阿拉伯文 مَرْحَبًا 与连字 لا

本报讯 (记者 赵红)阿拉伯文 مَرْحَبًا 意为欢迎,السَّلَامُ عَلَيْكُمْ 是问候,لا 是不。连字 لا 由 lam 和 alef 组成。

印地文 नमस्ते 与韩文字母 ` + "\u1112\u1161\u11ab" + `

本报讯 (记者 周强)印地文 नमस्ते 意为你好,क्` + "\u200d" + `ष 带零宽连接符,हिन्दी 是印地语。韩文 한국어,也可以用字母拼写 ` + "\u1112\u1161\u11ab\u1100\u116e\u11a8" + ` 与 한국。
`

// scripts parses scriptsEdition.
func scripts(t testing.TB) *model.Edition {
	t.Helper()
	ed, err := model.Parse([]byte(scriptsEdition), model.Options{Source: "scripts.txt", Title: "scripts"})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(ed.Sections[0].Articles); n != 5 {
		t.Fatalf("%d stories, want 5", n)
	}
	return ed
}

// withMethod runs f with typeset measuring by m.
func withMethod(t *testing.T, m typeset.Method, f func()) {
	t.Helper()
	old := typeset.CurrentMethod()
	typeset.SetMethod(m)
	defer typeset.SetMethod(old)
	f()
}

// rendererWidth is the width the Bubble Tea renderer gives a row written
// under method m: ultraviolet measures by ansi.GraphemeWidth once the
// terminal reported mode 2027, by ansi.WcWidth before.
func rendererWidth(m typeset.Method, row string) int {
	if m == typeset.CodePoints {
		return ansi.WcWidth.StringWidth(row)
	}
	return ansi.GraphemeWidth.StringWidth(row)
}

// checkRendererRows checks that the renderer measures every row of the
// frame m writes as exactly the terminal's width: nothing is cut off the
// right (the border) and nothing falls short.
func checkRendererRows(t *testing.T, method typeset.Method, m Model, what string) {
	t.Helper()
	content := m.View().Content
	if method == typeset.CodePoints && strings.Count(content, "\u200d") != strings.Count(content, "\u200d\u200b") {
		// tmux 3.3 would fold what follows the ZWJ into its cell.
		t.Fatalf("%s: a ZWJ written without a zero-width space after it", what)
	}
	for i, r := range strings.Split(content, "\n") {
		if got := rendererWidth(method, r); got != m.lay.Width {
			t.Fatalf("method %d, %dx%d, %s: the renderer measures row %d as %d cells:\n%q", method, m.lay.Width, m.lay.Height, what, i, got, ansi.Strip(r))
		}
	}
}

// TestScriptsRowsByMethod reads every story of scriptsEdition under each
// method, at three sizes, with the list and then the article focused:
// every row is the terminal's width by the renderer's measure for that
// method, and by typeset.Width.
func TestScriptsRowsByMethod(t *testing.T) {
	for _, method := range []typeset.Method{typeset.CodePoints, typeset.Graphemes} {
		withMethod(t, method, func() {
			for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 15}} {
				m := newModel(t, scripts(t), size[0], size[1], common.English)
				for range 5 {
					checkRendererRows(t, method, m, "list")
					m = send(t, m, press("enter")...)
					checkRendererRows(t, method, m, "article")
					m = send(t, m, press("esc", "j")...)
				}
			}
		})
	}
}

// TestLateGraphemesReport: a mode 2027 report that arrives after frames were
// drawn by code point switches typeset with the renderer and sets the page
// again, so the next frame is right by grapheme widths; a report that the
// terminal does not know the mode changes nothing.
func TestLateGraphemesReport(t *testing.T) {
	withMethod(t, typeset.CodePoints, func() {
		m := newModel(t, scripts(t), 80, 24, common.English)
		m = send(t, m, press("enter")...)
		checkRendererRows(t, typeset.CodePoints, m, "before the report")
		for _, v := range []ansi.ModeSetting{ansi.ModeNotRecognized, ansi.ModePermanentlyReset} {
			m = send(t, m, tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: v})
			if typeset.CurrentMethod() != typeset.CodePoints {
				t.Fatalf("report %v switched to graphemes", v)
			}
		}
		m = send(t, m, tea.ModeReportMsg{Mode: ansi.ModeSynchronizedOutput, Value: ansi.ModeReset})
		if typeset.CurrentMethod() != typeset.CodePoints {
			t.Fatal("mode 2026 switched to graphemes")
		}
		m = send(t, m, tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset})
		if typeset.CurrentMethod() != typeset.Graphemes {
			t.Fatal("mode 2027 reset (known) did not switch to graphemes")
		}
		checkRendererRows(t, typeset.Graphemes, m, "after the report")
		// The page was set again: the screen is the one a reader started
		// under graphemes shows, lines filled by grapheme widths.
		fresh := newModel(t, scripts(t), 80, 24, common.English)
		fresh = send(t, fresh, press("enter")...)
		if got, want := strings.Join(screen(m), "\n"), strings.Join(screen(fresh), "\n"); got != want {
			t.Fatalf("after the report:\n%s\nstarted under graphemes:\n%s", got, want)
		}
	})
}

// TestGraphemesHeldUntilRendererTold: when the terminal said before the
// start that it clusters graphemes, nothing is drawn until the renderer has
// been told so (by the message Init sends, which the Bubble Tea loop hands
// the renderer before the model).
func TestGraphemesHeldUntilRendererTold(t *testing.T) {
	withMethod(t, typeset.Graphemes, func() {
		m := New(scripts(t), Options{Graphemes: true})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		m = next.(Model)
		if c := m.View().Content; c != "" {
			t.Fatalf("a frame before the renderer measures by graphemes:\n%s", c)
		}
		var told bool
		for _, msg := range run(m.Init()) {
			if r, ok := msg.(tea.ModeReportMsg); ok && r.Mode == ansi.ModeUnicodeCore && clustersGraphemes(r.Value) {
				told = true
				next, _ = m.Update(r)
				m = next.(Model)
			}
		}
		if !told {
			t.Fatal("Init does not tell the renderer")
		}
		checkRendererRows(t, typeset.Graphemes, m, "after Init")
	})
	// Without the option nothing is held or sent.
	m := New(scripts(t), Options{})
	if m.announceGraphemes() != nil || m.widthHeld {
		t.Fatal("graphemes announced without the terminal's report")
	}
}
