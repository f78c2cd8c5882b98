package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/model"
	"dubao/typeset"
)

// seedEdition parses the embedded edition as print does.
func seedEdition(t *testing.T) *model.Edition {
	t.Helper()
	ed, err := loadEdition("", nil)
	if err != nil {
		t.Fatal(err)
	}
	return ed
}

// checkPrinted asserts that every line is at most w cells, plain, and that
// every headline's first typeset line appears, in edition order.
func checkPrinted(t *testing.T, out string, w int) {
	t.Helper()
	if strings.Contains(out, "\x1b") {
		t.Error("escape sequence in output to a pipe")
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if lw := typeset.Width(line); lw > w {
			t.Errorf("line %d is %d cells, more than %d: %q", i+1, lw, w, line)
		}
	}
	rest := out
	for _, s := range seedEdition(t).Sections {
		for _, a := range s.Articles {
			title := a.Headline
			if title == "" {
				continue
			}
			first := typeset.Text(title, 0, model.Intertitle, typeset.Options{Width: w})[0].Text
			i := strings.Index(rest, first+"\n")
			if i < 0 {
				t.Errorf("headline %q (%q) missing or out of order", title, first)
				continue
			}
			rest = rest[i:]
		}
	}
}

func TestPrintWidths(t *testing.T) {
	for _, w := range []string{"40", "20", "80"} {
		code, out, errOut := runDubao(t, "", "print", "--width", w)
		if code != 0 || errOut != "" {
			t.Fatalf("W=%s: exit %d, stderr %q", w, code, errOut)
		}
		n := map[string]int{"20": 20, "40": 40, "80": 80}[w]
		checkPrinted(t, out, n)
	}
}

func TestPrintDefaultWidthIs80OffATerminal(t *testing.T) {
	_, out, _ := runDubao(t, "", "print")
	checkPrinted(t, out, 80)
	if !strings.Contains(out, strings.Repeat("=", 80)+"\n") {
		t.Error("title rule is not 80 wide")
	}
}

func TestPrintParts(t *testing.T) {
	_, out, _ := runDubao(t, "", "print", "--width", "120")
	ed := seedEdition(t)
	for _, want := range []string{
		ed.Title + "\n",
		"【" + ed.Sections[0].Name + "】\n", // section
		"记者 何天宇 · 通讯员 叶平\n",               // byline, as a reader says it
		"　　企业发展势头强劲，规模以上企业",               // indented paragraph, display punctuation
		"记者蔡佳楠摄\n",                        // photo credit
		"【2024，我们这么干！】\n",                 // column label
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "\n\n\n") {
		t.Error("two blank lines in a row")
	}
}

func TestPrintStandardInputAndFile(t *testing.T) {
	text := "第1版:要闻\n\n标题在这里\n\n本报讯 正文第一段,有逗号。\n"
	code, fromStdin, errOut := runDubao(t, text, "print", "--width", "30", "-")
	if code != 0 || !strings.Contains(fromStdin, "正文第一段，有逗号。") {
		t.Fatalf("exit %d, stderr %q, output %q", code, errOut, fromStdin)
	}
	path := filepath.Join(t.TempDir(), "ed.txt")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, fromFile, errOut := runDubao(t, "", "print", "--width", "30", path)
	if code != 0 || !strings.Contains(fromFile, "正文第一段，有逗号。") {
		t.Errorf("exit %d, stderr %q, output %q", code, errOut, fromFile)
	}
}

func TestPrintAmbiguousWide(t *testing.T) {
	defer typeset.SetAmbiguousWide(typeset.AmbiguousWide())
	code, out, _ := runDubao(t, "", "print", "--ambiguous", "wide", "--width", "40")
	if code != 0 || !typeset.AmbiguousWide() {
		t.Fatalf("exit %d, wide %v", code, typeset.AmbiguousWide())
	}
	checkPrinted(t, out, 40)
	if _, narrow, _ := runDubao(t, "", "print", "--ambiguous", "narrow", "--width", "40"); narrow == out {
		t.Error("ambiguous width changed no line")
	}
}

func TestPrintBadInput(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"print", "--ambiguous", "huge"}, "--ambiguous"},
		{[]string{"print", "--width", "-3"}, "--width"},
		{[]string{"print", "a", "b"}, "at most one FILE"},
		{[]string{"print", filepath.Join(t.TempDir(), "missing.txt")}, "missing.txt"},
	}
	for _, tt := range tests {
		code, out, errOut := runDubao(t, "", tt.args...)
		if code != exitUsage || out != "" || !strings.Contains(errOut, tt.want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, out, errOut)
		}
	}
}

// dubao print sets the text as the config file's display settings say,
// as the reader does, and its flags win over the file.
func TestPrintFollowsConfig(t *testing.T) {
	text := "第1版:要闻\n\n标题在这里\n\n本报讯 正文第一段,发展经济。\n\n第二段正文,推动改革开放。\n"
	configHome(t, "")
	_, plain, _ := runDubao(t, text, "print", "--width", "30", "-")
	if !strings.Contains(plain, "　　正文第一段，发展经济。") {
		t.Fatalf("defaults: indent and full-width commas expected:\n%s", plain)
	}
	configHome(t, "[display]\nfull-width-punctuation = false\nparagraph-indent = false\nscript = \"hant-tw\"\n")
	code, out, errOut := runDubao(t, text, "print", "--width", "30", "-")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(out, "\n正文第一段,發展經濟。") || strings.Contains(out, "　　") {
		t.Errorf("no indent, commas as stored, 繁體 expected:\n%s", out)
	}
	if _, out, _ := runDubao(t, text, "print", "--width", "30", "--script", "original", "-"); !strings.Contains(out, "\n正文第一段,发展经济。") {
		t.Errorf("--script original did not win over the file's script:\n%s", out)
	}
	// The reader, its output not a terminal, hands its flags on.
	if _, out, _ := runDubao(t, text, "--script", "hans", "-"); !strings.Contains(out, "正文第一段,发展经济。") {
		t.Errorf("the reader into a pipe with --script hans:\n%s", out)
	}
	if _, out, _ := runDubao(t, text, "--script", "hant-hk", "-"); !strings.Contains(out, "發展經濟") {
		t.Errorf("the reader into a pipe with --script hant-hk:\n%s", out)
	}
}

// The widest line of the config file or --max-line-length bounds the
// measure print chooses, not one --width gives; hanging marks stay within
// the measure.
func TestPrintMeasure(t *testing.T) {
	widest := func(out string) int {
		w := 0
		for line := range strings.Lines(out) {
			w = max(w, typeset.Width(strings.TrimSuffix(line, "\n")))
		}
		return w
	}
	configHome(t, "[display]\nmax-line-length = 30\nhanging-punctuation = true\n")
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"print"}, 30},
		{[]string{"print", "--max-line-length", "44"}, 44},
		{[]string{"print", "--width", "50"}, 50},
	} {
		if _, out, _ := runDubao(t, "", tt.args...); widest(out) != tt.want {
			t.Errorf("%v: lines up to %d cells, want %d", tt.args, widest(out), tt.want)
		}
	}
	// With marks hanging, text is set two cells narrower and only a mark
	// reaches into them; without, text fills them.
	full := func(out string) (marks, text int) {
		for line := range strings.Lines(out) {
			line = strings.TrimSuffix(line, "\n")
			if typeset.Width(line) <= 50-typeset.HangingGutter || strings.Trim(line, "=-") == "" {
				continue
			}
			if r, _ := utf8.DecodeLastRuneInString(line); strings.ContainsRune("，。、", r) {
				marks++
			} else {
				text++
			}
		}
		return marks, text
	}
	_, out, _ := runDubao(t, "", "print", "--width", "50")
	if marks, text := full(out); marks == 0 || text != 0 {
		t.Errorf("hanging: %d lines reach into the gutter with a mark, %d with text; want some, none", marks, text)
	}
	configHome(t, "")
	_, out, _ = runDubao(t, "", "print", "--width", "50")
	if _, text := full(out); text == 0 {
		t.Error("without hanging no line of text fills the measure: the test tells nothing")
	}
}
