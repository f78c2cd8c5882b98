package common

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"dubao/typeset"
)

var samples = []string{
	"", "abc", "国道228海门段争创安全精品路", "打好执法“组合拳” 落实长江“禁渔令”",
	"满弓紧弦“竞”出新图景", "a中b文c", "……——", "iPhone 与 “一核”",
}

func TestFitIsExact(t *testing.T) {
	for _, s := range samples {
		for w := 0; w <= 40; w++ {
			got := Fit(s, w)
			if typeset.Width(got) != w {
				t.Fatalf("Fit(%q, %d) = %q, %d cells", s, w, got, typeset.Width(got))
			}
			if typeset.Width(s) > w && w > 1 && !strings.Contains(got, Ellipsis) {
				t.Fatalf("Fit(%q, %d) = %q cut without an ellipsis", s, w, got)
			}
			if typeset.Width(s) <= w && strings.TrimRight(got, " ") != strings.TrimRight(s, " ") {
				t.Fatalf("Fit(%q, %d) = %q changed text that fits", s, w, got)
			}
		}
	}
}

func TestFitStyledIsExact(t *testing.T) {
	st := lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("1"))
	for _, s := range samples {
		styled := st.Render(s) + "x" + st.Render(s)
		for w := 0; w <= 40; w++ {
			if got := FitStyled(styled, w); typeset.Width(got) != w {
				t.Fatalf("FitStyled(%q, %d) = %q, %d cells", styled, w, got, typeset.Width(got))
			}
		}
	}
}

func TestCenter(t *testing.T) {
	got := Center("终端", 10)
	if got != "   终端   " {
		t.Fatalf("Center = %q", got)
	}
	if typeset.Width(Center("终端太小", 3)) != 3 {
		t.Fatal("Center does not cut to the width")
	}
}

func TestFrameRender(t *testing.T) {
	style := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).Padding(0, 1)
	f := NewFrame(style, lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle())
	for innerW := 0; innerW <= 30; innerW++ {
		rows := []string{Pad(innerW), Pad(innerW)}
		out := f.Render(rows, innerW, "三厂工业园区", "第 2/5 页")
		if len(out) != len(rows)+2 {
			t.Fatalf("%d rows", len(out))
		}
		want := innerW + style.GetHorizontalFrameSize()
		for i, r := range out {
			if typeset.Width(r) != want {
				t.Fatalf("inner %d: row %d is %d cells: %q", innerW, i, typeset.Width(r), r)
			}
		}
		if innerW == 30 {
			if !strings.HasPrefix(out[0], "╭─ 三厂工业园区 ─") || !strings.HasSuffix(out[0], "─╮") {
				t.Fatalf("top edge %q", out[0])
			}
			if !strings.HasSuffix(out[3], "─ 第 2/5 页 ─╯") {
				t.Fatalf("bottom edge %q", out[3])
			}
		}
	}
}

func TestLangFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"}, Traditional},
	}
	for _, tt := range tests {
		got := LangFromEnv(func(k string) string { return tt.env[k] })
		if got != tt.want {
			t.Errorf("%v: %v", tt.env, got)
		}
	}
	if English.Page(2, 5) != "page 2/5" || Chinese.Page(2, 5) != "第 2/5 页" {
		t.Fatal("page labels")
	}
}

// Labels can come from file names and error messages: no control character
// they hold may reach the terminal, and the row stays exact.
func TestFitDropsControls(t *testing.T) {
	for _, s := range []string{"a\x1b]0;owned\x07b", "报\t纸\n第一版", "x\u009b31my\x7f", "\x1b[2J"} {
		for w := 0; w <= 12; w++ {
			for _, got := range []string{Fit(s, w), Cut(s, w), Center(s, w)} {
				if strings.ContainsFunc(got, func(r rune) bool { return r < 0x20 || r >= 0x7f && r <= 0x9f }) {
					t.Fatalf("%q at %d: %q holds a control character", s, w, got)
				}
			}
			if got := Fit(s, w); typeset.Width(got) != w {
				t.Fatalf("Fit(%q, %d) = %q, %d cells", s, w, got, typeset.Width(got))
			}
		}
	}
	if got := Plain("报\t纸\n第一版\x1b"); got != "报 纸 第一版" {
		t.Fatalf("Plain = %q", got)
	}
}

func TestScrollTop(t *testing.T) {
	tests := []struct{ top, sel, per, want int }{
		{0, 0, 5, 0},   // in view
		{0, 4, 5, 0},   // last row shown
		{0, 5, 5, 1},   // one past: scroll one
		{3, 1, 5, 1},   // above: scroll up to it
		{2, 9, 3, 7},   // far below: it ends the page
		{6, 20, 1, 20}, // one row
	}
	for _, tt := range tests {
		if got := ScrollTop(tt.top, tt.sel, tt.per); got != tt.want {
			t.Errorf("ScrollTop(%d, %d, %d) = %d, want %d", tt.top, tt.sel, tt.per, got, tt.want)
		}
	}
}

func TestOpening(t *testing.T) {
	if got := English.Opening("firefox", "https://example.cn/"); got != "opening https://example.cn/ with firefox" {
		t.Errorf("English: %q", got)
	}
	if got := Chinese.Opening("firefox", "https://example.cn/"); got != "正在用 firefox 打开 https://example.cn/" {
		t.Errorf("Chinese: %q", got)
	}
}
