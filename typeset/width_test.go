package typeset

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// widthCases are strings whose widths terminals, Lip Gloss and the Bubble
// Tea renderer have disagreed on. wc says whether the renderer's default
// WcWidth method (per code point, used when the terminal does not report
// Unicode mode 2027) agrees with Lip Gloss; when it does not, typeset
// follows Lip Gloss, which lays the page out.
var widthCases = []struct {
	name string
	s    string
	wc   bool
}{
	{"CJK", "中文字符", true},
	{"full-width punctuation", "，。：；！？（）", true},
	{"ideographic space", "\u3000", true},
	{"half-width katakana", "ｶﾀｶﾅ", true},
	{"Hangul", "한국어", true},
	{"ambiguous quotes and marks", "“”‘’…—·─", true},
	{"ambiguous symbols", "°×①Ω", true},
	{"combining mark", "e\u0301", true},
	{"zero-width space", "a\u200bb", true},
	{"emoji presentation", "😀", true},
	{"flag", "🇨🇳", true},
	{"mixed", "iPhone 15，售价5999元", true},
	{"SGR styled", "\x1b[1;31m粗体\x1b[0m", true},
	{"OSC 8 link", "\x1b]8;;https://example.com\x1b\\链接\x1b]8;;\x1b\\", true},
	{"ZWJ sequence", "👨\u200d👩\u200d👧\u200d👦", false},
	{"VS16 on a text-default base", "❤\ufe0f", false},
}

// TestWidthAgreesWithLipgloss compares Width with lipgloss.Width and
// ansi.StringWidth in whichever ambiguity mode the process started in;
// TestWidthModes runs it again in each mode.
func TestWidthAgreesWithLipgloss(t *testing.T) {
	if want := os.Getenv("TYPESET_WANT_WIDE"); want != "" && AmbiguousWide() != (want == "1") {
		t.Fatalf("RUNEWIDTH_EASTASIAN=%q LANG=%q: AmbiguousWide() = %v", os.Getenv("RUNEWIDTH_EASTASIAN"), os.Getenv("LANG"), AmbiguousWide())
	}
	for _, c := range widthCases {
		got := Width(c.s)
		if lg, an := lipgloss.Width(c.s), ansi.StringWidth(c.s); got != lg || got != an {
			t.Errorf("%s %q: Width %d, lipgloss.Width %d, ansi.StringWidth %d", c.name, c.s, got, lg, an)
		}
		if wc := ansi.StringWidthWc(c.s); (wc == got) != c.wc {
			t.Errorf("%s %q: Width %d, renderer's WcWidth %d; agreement expected: %v", c.name, c.s, got, wc, c.wc)
		}
	}
	want := 8
	if AmbiguousWide() {
		want = 16
	}
	if got := Width("“”‘’…—·─"); got != want {
		t.Errorf("ambiguous marks: %d cells, want %d (wide=%v)", got, want, AmbiguousWide())
	}
}

// TestWidthModes re-runs the agreement test in fresh processes, since
// charmbracelet/x/ansi reads RUNEWIDTH_EASTASIAN only when it starts, and
// shows that a Chinese locale changes nothing.
func TestWidthModes(t *testing.T) {
	if os.Getenv("TYPESET_WANT_WIDE") != "" {
		t.Skip("child process")
	}
	tests := []struct {
		name string
		env  []string
		wide string
	}{
		{"narrow", []string{"RUNEWIDTH_EASTASIAN=0"}, "0"},
		{"wide", []string{"RUNEWIDTH_EASTASIAN=1"}, "1"},
		{"wide, spelled true", []string{"RUNEWIDTH_EASTASIAN=true"}, "1"},
		{"Chinese locale, unset", []string{"LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8", "LC_CTYPE=zh_CN.UTF-8"}, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^(TestWidthAgreesWithLipgloss|TestTruncateAgreesWithAnsi)$", "-test.count=1", "-test.v")
			cmd.Env = slices.DeleteFunc(os.Environ(), func(kv string) bool {
				return strings.HasPrefix(kv, "RUNEWIDTH_EASTASIAN=") || strings.HasPrefix(kv, "LANG=") || strings.HasPrefix(kv, "LC_")
			})
			cmd.Env = append(cmd.Env, tt.env...)
			cmd.Env = append(cmd.Env, "TYPESET_WANT_WIDE="+tt.wide)
			out, err := cmd.CombinedOutput()
			if err != nil || !strings.Contains(string(out), "--- PASS: TestWidthAgreesWithLipgloss") {
				t.Errorf("%v: %v\n%s", tt.env, err, out)
			}
		})
	}
}

func TestSetAmbiguousWide(t *testing.T) {
	defer SetAmbiguousWide(AmbiguousWide())
	SetAmbiguousWide(true)
	if !AmbiguousWide() || Width("“中”") != 6 {
		t.Errorf("wide: %d", Width("“中”"))
	}
	SetAmbiguousWide(false)
	if AmbiguousWide() || Width("“中”") != 4 {
		t.Errorf("narrow: %d", Width("“中”"))
	}
}

func TestTruncate(t *testing.T) {
	defer SetAmbiguousWide(AmbiguousWide())
	SetAmbiguousWide(false)
	tests := []struct {
		s    string
		w    int
		tail string
		want string
	}{
		{"中文字符串", 5, "…", "中文…"},
		{"中文字符串", 10, "…", "中文字符串"},
		{"中文字符串", 0, "…", ""},
		{"abcdef", 2, "...", ".."},
		{"👨\u200d👩\u200d👧\u200d👦ab", 1, "", ""},
		{"e\u0301e\u0301e\u0301", 2, "", "e\u0301e\u0301"},
		{"\x1b[1m中文字\x1b[0m", 4, "", "\x1b[1m中文\x1b[0m"},
	}
	for _, tt := range tests {
		got := Truncate(tt.s, tt.w, tt.tail)
		if got != tt.want {
			t.Errorf("Truncate(%q, %d, %q) = %q, want %q", tt.s, tt.w, tt.tail, got, tt.want)
		}
		if Width(got) > max(tt.w, 0) {
			t.Errorf("Truncate(%q, %d) is %d wide", tt.s, tt.w, Width(got))
		}
	}
}

// TestTruncateAgreesWithAnsi: where the tail fits, Truncate cuts where
// ansi.Truncate (Lip Gloss's) cuts.
func TestTruncateAgreesWithAnsi(t *testing.T) {
	for _, c := range widthCases {
		for w := 1; w <= Width(c.s)+1; w++ {
			if got, want := Truncate(c.s, w, "…"), ansi.Truncate(c.s, w, "…"); w >= Width("…") && got != want {
				t.Errorf("%s W=%d: %q, ansi %q", c.name, w, got, want)
			}
		}
	}
}
