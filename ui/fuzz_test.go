package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/seeds"
	"dubao/ui/common"
)

// FuzzScreen takes arbitrary bytes the whole way to the screen: decoded and
// parsed as an edition, typeset and drawn at a w x h terminal, with a story
// opened and paged. Every frame is exactly the terminal's size with aligned
// boxes (checkFrame), and nothing in it can drive the terminal: the only
// escape sequences are the reader's own SGR styles, and no control or
// display-changing format character from the input survives.
func FuzzScreen(f *testing.F) {
	f.Add(seeds.Default, uint8(100), uint8(30))
	f.Add([]byte("第1版：\x1b]0;TITLE\x07\x1b[2J要闻\n\n标题\u202e反转\u202c\n\n本报讯 正文\x9b31m。\u2066x\u2069\n"), uint8(80), uint8(24))
	f.Add([]byte("# T\n\n## S\n\n### H\n\n**bold**\n\ntext\f\x1b[31mred\u0085 \x1bP+q\x1b\\ \x1b_G\x1b\\"), uint8(40), uint8(15))
	f.Add([]byte("\xff\xfeA\x00B\x00\n\x00"), uint8(30), uint8(10))
	// Grapheme clusters the terminal may draw wider (ZWJ emoji, Thai,
	// Arabic, combining marks) are left out: see the mode 2027 item.
	f.Add([]byte("标题\n\n本报讯 正\xff文 soft\u00adhyphen\u200b。"), uint8(61), uint8(17))
	f.Fuzz(func(t *testing.T, data []byte, w, h uint8) {
		ed, err := model.Parse(data, model.Options{Source: "fuzz", Title: "fuzz"})
		if err != nil {
			return
		}
		width, height := int(w)%150+1, int(h)%60+1
		m := New(ed, Options{Lang: common.Chinese})
		m = send(t, m, tea.WindowSizeMsg{Width: width, Height: height})
		checkSafe(t, m)
		m = send(t, m, press("enter", "space", "j")...)
		checkSafe(t, m)
	})
}

// checkSafe fails if the frame holds an escape sequence other than SGR, a
// control character other than newline, or a format character that
// reorders or hides text.
func checkSafe(t *testing.T, m Model) {
	t.Helper()
	s := m.View().Content
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				t.Fatalf("escape sequence %q in the frame", s[i:min(i+12, len(s))])
			}
			j++
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j >= len(s) || s[j] != 'm' {
				t.Fatalf("escape sequence %q in the frame", s[i:min(j+1, len(s))])
			}
			i = j + 1
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r <= 0x9f ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c {
			t.Fatalf("character %U in the frame: %q", r, s[max(i-20, 0):min(i+20, len(s))])
		}
		i += size
	}
	if !strings.Contains(s, "\n") && m.lay.Height > 1 {
		t.Fatal("one row for a taller terminal")
	}
}
