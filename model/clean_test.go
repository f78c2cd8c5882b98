package model

import (
	"strings"
	"testing"
	"unicode"
)

func TestCleanRemovesWholeEscapeSequences(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"CSI colour", "红\x1b[1;31m色\x1b[0m字", "红色字"},
		{"CSI private", "\x1b[?1049h\x1b[2J\x1b[H版面", "版面"},
		{"CSI intermediate", "a\x1b[2 qb", "ab"},
		{"OSC title, BEL", "\x1b]0;TITLE\x07\x1b[2J要闻", "要闻"},
		{"OSC title, ST", "\x1b]2;标题\x1b\\要闻", "要闻"},
		{"OSC hyperlink", "\x1b]8;;http://evil.example/\x1b\\点击\x1b]8;;\x1b\\此处", "点击此处"},
		{"OSC clipboard", "前\x1b]52;c;ZXZpbA==\x07后", "前后"},
		{"DCS", "前\x1bP+q544e\x1b\\后", "前后"},
		{"APC", "前\x1b_Gf=100;AAAA\x1b\\后", "前后"},
		{"PM", "前\x1b^privacy\x1b\\后", "前后"},
		{"SOS", "前\x1bXstring\x1b\\后", "前后"},
		{"charset", "前\x1b(B后\x1b)0", "前后"},
		{"single", "前\x1b7\x1b8\x1bc后", "前后"},
		{"8-bit CSI", "前\u009b31m后", "前后"},
		{"8-bit OSC, 8-bit ST", "前\u009d0;T\u009c后", "前后"},
		{"8-bit DCS", "前\u0090q\u009c后", "前后"},
		{"8-bit APC, 7-bit ST", "前\u009fdata\x1b\\后", "前后"},
		{"OSC cancelled", "前\x1b]0;T\x18后", "前后"},
		{"OSC ends at another escape", "前\x1b]0;T\x1b[31m后", "前后"},
		// Cut short: a terminal ends the sequence at the odd byte.
		{"CSI cut short", "前\x1b[31后", "前后"},
		// No terminator before the line ends: the text after it stays.
		{"OSC unterminated", "前\x1b]这是一段正文\n下一行", "前这是一段正文\n下一行"},
		{"lone ESC", "前\x1b", "前"},
		{"ESC before text", "前\x1b\u4e2d后", "前中后"},
	}
	for _, tc := range tests {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("%s: clean(%q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

// The sequence must go whole even as a section name: the case.
func TestEscapeSequenceNotASectionName(t *testing.T) {
	e := ParseText("第1版：\x1b]0;TITLE\x07\x1b[2J要闻\n\n标题\n\n本报讯 正文。\n", Options{})
	for _, s := range e.Sections {
		if strings.ContainsAny(s.Name+s.Header, "[];") || strings.Contains(s.Name+s.Header, "TITLE") {
			t.Errorf("section %q (header %q) keeps part of an escape sequence", s.Name, s.Header)
		}
	}
}

func TestCleanRemovesFormatControls(t *testing.T) {
	removed := []rune{0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
		0x200E, 0x200F, 0x061C, 0x00AD, 0x2060, 0x2061, 0x206A, 0x206F, 0xFEFF, 0xFFF9, 0xFFFB, 0x180E, 0xE0001, 0xE0041, 0x1D173}
	for _, r := range removed {
		in := "甲" + string(r) + "乙"
		if got := clean(in); got != "甲乙" {
			t.Errorf("U+%04X: clean(%q) = %q", r, in, got)
		}
	}
	// The bidi override the issue saw: text reordered by the terminal.
	if got := clean("价格\u202e001\u202c元"); got != "价格001元" {
		t.Errorf("RLO kept: %q", got)
	}
	kept := []string{"👨\u200d👩\u200d👧", "می\u200cخواهم", "a\u200bb", "☺\ufe0f", "葛\U000E0100", "\u0600١", "e\u0301", "“引号”……——，。"}
	for _, s := range kept {
		if got := clean(s); got != s {
			t.Errorf("clean(%q) = %q, want it kept", s, got)
		}
	}
	if got := clean("一\u2028二\u2029三"); got != "一\n二\n\n三" {
		t.Errorf("separators: %q", got)
	}
}

// Every format character is either removed or one of the few kept on
// purpose; none is missed by the fast byte checks.
func TestCleanFindsEveryFormatCharacter(t *testing.T) {
	for _, rng := range unicode.Cf.R16 {
		for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
			checkFormat(t, r)
		}
	}
	for _, rng := range unicode.Cf.R32 {
		for r := rune(rng.Lo); r <= rune(rng.Hi); r += rune(rng.Stride) {
			checkFormat(t, r)
		}
	}
}

func checkFormat(t *testing.T, r rune) {
	t.Helper()
	in := "“甲" + string(r) + "乙”"
	got := clean(in)
	if removedFormat(r) != (got == "“甲乙”") || !removedFormat(r) && got != in {
		t.Errorf("U+%04X: clean gives %q, removedFormat %v", r, got, removedFormat(r))
	}
	if needsClean(in) != removedFormat(r) {
		t.Errorf("U+%04X: needsClean %v, removedFormat %v", r, needsClean(in), removedFormat(r))
	}
}

// BenchmarkClean cleans 1 MB of edition text: as it is (nothing to remove,
// only needsClean runs) and with a control character in front (the whole
// text is rebuilt). The peer copies the text once, the floor of a rebuild.
func BenchmarkClean(b *testing.B) {
	text := string(benchEdition(1 << 20))
	dirty := "\x1b[0m" + text
	for _, bc := range []struct {
		name string
		f    func() string
	}{
		{"clean/nothing", func() string { return clean(text) }},
		{"clean/rebuild", func() string { return clean(dirty) }},
		{"peer=copy", func() string { return strings.Clone(dirty) }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if bc.f() == "" {
					b.Fatal("empty")
				}
			}
		})
	}
}
