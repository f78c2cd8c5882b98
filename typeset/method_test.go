package typeset

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/model"
)

// scriptCases are clusters on which grapheme clustering (mode 2027) and
// measuring by code point disagree, or are easy to get wrong, with both
// widths. codePoints is what tmux 3.3a draws (measured there, cursor_x
// after printing ForTerminal of the text) and the renderer's WcWidth counts.
var scriptCases = []struct {
	name                  string
	s                     string
	graphemes, codePoints int
}{
	{"ZWJ family", "👨\u200d👩\u200d👧", 2, 6},
	{"ZWJ family of four", "👨\u200d👩\u200d👧\u200d👦", 2, 8},
	{"ZWJ with VS16 (rainbow flag)", "🏳\ufe0f\u200d🌈", 2, 3},
	{"ZWJ and skin tone", "👩🏽\u200d💻", 2, 6},
	{"flag", "🇨🇳", 2, 2},
	{"two flags", "🇻🇳🇹🇭", 4, 4},
	{"lone regional indicator", "🇨", 2, 1},
	{"skin tone", "👍🏽", 2, 4},
	{"VS16 on a text-default base", "❤\ufe0f", 2, 1},
	{"keycap", "1\ufe0f\u20e3", 2, 1},
	{"é as e+U+0301", "e\u0301", 1, 1},
	{"Vietnamese, precomposed", "Tiếng Việt", 10, 10},
	{"Vietnamese, two marks on a base", "Tie\u0302\u0301ng Vie\u0323\u0302t", 10, 10},
	{"Thai SARA AM", "ทำ", 1, 2},
	{"Thai above vowel, tone mark and SARA AM", "น้ำ", 1, 2},
	{"Thai above vowel and tone mark", "กี่", 1, 1},
	{"Thai word", "สวัสดี", 4, 4},
	{"Arabic with harakat", "مَرْحَبًا", 5, 5},
	{"Arabic lam-alef", "لا", 2, 2},
	{"Devanagari conjunct", "नमस्ते", 3, 4},
	{"Devanagari with ZWJ", "क्\u200dष", 1, 2},
	{"Hangul jamo", "\u1112\u1161\u11ab\u1100\u116e\u11a8", 4, 4},
	{"Hangul syllables", "한국", 4, 4},
	{"CJK", "中文", 4, 4},
}

// withMethod runs f under m and puts the method back.
func withMethod(t testing.TB, m Method, f func()) {
	t.Helper()
	old := CurrentMethod()
	SetMethod(m)
	defer SetMethod(old)
	f()
}

func TestWidthMethods(t *testing.T) {
	defer SetAmbiguousWide(AmbiguousWide())
	SetAmbiguousWide(false)
	for _, c := range scriptCases {
		withMethod(t, Graphemes, func() {
			if got := Width(c.s); got != c.graphemes {
				t.Errorf("%s %q: Graphemes %d, want %d", c.name, c.s, got, c.graphemes)
			}
			// The renderer in GraphemeWidth mode, and Lip Gloss.
			if an := ansi.StringWidth(c.s); an != c.graphemes {
				t.Errorf("%s: ansi.StringWidth %d", c.name, an)
			}
			if ForTerminal(c.s) != c.s {
				t.Errorf("%s: ForTerminal changed the text under Graphemes", c.name)
			}
		})
		withMethod(t, CodePoints, func() {
			if got := Width(c.s); got != c.codePoints {
				t.Errorf("%s %q: CodePoints %d, want %d", c.name, c.s, got, c.codePoints)
			}
			// What is written is as wide, by the renderer's WcWidth, as
			// Width said, and holds the same characters.
			out := ForTerminal(c.s)
			if wc := ansi.StringWidthWc(out); wc != c.codePoints {
				t.Errorf("%s: the renderer counts %d cells of %q", c.name, wc, out)
			}
			if strings.Contains(c.s, "\u200d") && !strings.Contains(out, "\u200d\u200b") {
				t.Errorf("%s: no zero-width space after the ZWJ: %q", c.name, out)
			}
			if w := Width(c.s + "ab"); w != c.codePoints+2 {
				t.Errorf("%s: %d cells with two letters after it", c.name, w)
			}
		})
	}
}

func TestComposeJamo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\u1112\u1161\u11ab", "한"},
		{"\u1100\u116e\u11a8", "국"},
		{"\u1100\u1161", "가"},
		{"a\u1100\u1161b", "a가b"},
		{"\u1100\u119e", "\u1100\u119e"}, // old Hangul: no syllable
		{"\u1161", "\u1161"},             // a lone vowel
		{"\u1100", "\u1100"},
	}
	for _, tt := range tests {
		if !hasJamo(tt.in) {
			t.Errorf("%q: no jamo seen", tt.in)
		}
		if got := composeJamo(tt.in); got != tt.want {
			t.Errorf("composeJamo(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
	if hasJamo("한국 中文 ᾶ") {
		t.Error("jamo seen in syllables")
	}
}

func TestTruncateCodePoints(t *testing.T) {
	withMethod(t, CodePoints, func() {
		tests := []struct {
			s    string
			w    int
			tail string
			want string
		}{
			// The family is six cells here: it does not fit in five, and
			// is never split.
			{"👨\u200d👩\u200d👧ab", 5, "", ""},
			{"👨\u200d👩\u200d👧ab", 7, "…", "👨\u200d👩\u200d👧…"},
			{"家庭👨\u200d👩\u200d👧与彩虹", 12, "…", "家庭👨\u200d👩\u200d👧…"},
			{"ทำน้ำ", 3, "", "ทำ"},
			{"👍🏽👍🏽", 6, "", "👍🏽"},
			{"\x1b[1m👍🏽中\x1b[0m", 5, "", "\x1b[1m👍🏽\x1b[0m"},
			{"中文", 4, "…", "中文"},
		}
		for _, tt := range tests {
			got := Truncate(tt.s, tt.w, tt.tail)
			if got != tt.want {
				t.Errorf("Truncate(%q, %d, %q) = %q, want %q", tt.s, tt.w, tt.tail, got, tt.want)
			}
			if Width(got) > tt.w {
				t.Errorf("Truncate(%q, %d) is %d wide", tt.s, tt.w, Width(got))
			}
		}
	})
}

// TestCodePointsAmbiguous: SetAmbiguousWide holds under CodePoints too,
// whatever x/ansi read from the environment.
func TestCodePointsAmbiguous(t *testing.T) {
	defer SetAmbiguousWide(AmbiguousWide())
	withMethod(t, CodePoints, func() {
		SetAmbiguousWide(true)
		if w := Width("“中”👍🏽"); w != 10 {
			t.Errorf("wide: %d", w)
		}
		SetAmbiguousWide(false)
		if w := Width("“中”👍🏽"); w != 8 {
			t.Errorf("narrow: %d", w)
		}
	})
}

// TestTypesetByMethod: the typesetter fills lines by the method's widths,
// so a line of emoji sequences set under CodePoints is never wider than the
// measure there, and every line is as wide as it says.
func TestTypesetByMethod(t *testing.T) {
	text := strings.Repeat("一家人👨\u200d👩\u200d👧\u200d👦点赞👍🏽,ทำน้ำ नमस्ते ", 8)
	for _, m := range []Method{Graphemes, CodePoints} {
		withMethod(t, m, func() {
			for _, l := range Text(text, 0, model.Paragraph, Options{Width: 30}) {
				if w := Width(l.Text); w > 30 || w != l.Width {
					t.Errorf("method %d: line %q is %d cells, says %d", m, l.Text, w, l.Width)
				}
			}
		})
	}
}

// FuzzCodePoints: under CodePoints, what ForTerminal writes is as wide by
// the renderer's WcWidth as Width says, keeps every character but for the
// jamo it composes and the zero-width spaces it adds, and Truncate is never
// wider than asked.
func FuzzCodePoints(f *testing.F) {
	for _, c := range scriptCases {
		f.Add(c.s, 3)
	}
	f.Add("\x1b[1m👨\u200d👩\x1b[0m\u1100\u1161x", 2)
	f.Fuzz(func(t *testing.T, s string, w int) {
		withMethod(t, CodePoints, func() {
			out := ForTerminal(s)
			if got, want := ansi.StringWidthWc(out), Width(s); got != want {
				t.Fatalf("%+q: written %d cells wide, Width %d", s, got, want)
			}
			if back := strings.ReplaceAll(out, "\u200d\u200b", "\u200d"); back != composeJamo(s) {
				t.Fatalf("%+q: written as %+q", s, out)
			}
			w = w % (Width(s) + 2)
			if w < 0 {
				w = -w
			}
			if tr := Truncate(s, w, "…"); Width(tr) > w {
				t.Fatalf("Truncate(%+q, %d) is %d wide: %+q", s, w, Width(tr), tr)
			}
		})
	})
}

// BenchmarkWidthMethods measures the seed's text under each method, the
// grapheme method (today's, Lip Gloss's) being the peer.
func BenchmarkWidthMethods(b *testing.B) {
	text := strings.Repeat("一家人👨\u200d👩\u200d👧\u200d👦在终端里,“一核”“六区”战略 激发东城高质量发展活力 Tiếng Việt ", 200)
	for _, m := range []struct {
		name string
		m    Method
	}{{"graphemes", Graphemes}, {"codepoints", CodePoints}} {
		b.Run(m.name+"/Width", func(b *testing.B) {
			withMethod(b, m.m, func() {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					Width(text)
				}
			})
		})
		b.Run(m.name+"/Text", func(b *testing.B) {
			withMethod(b, m.m, func() {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					Text(text, 0, model.Paragraph, Options{Width: 60})
				}
			})
		})
		b.Run(m.name+"/ForTerminal", func(b *testing.B) {
			withMethod(b, m.m, func() {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					ForTerminal(text)
				}
			})
		})
	}
}
