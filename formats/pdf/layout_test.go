package pdf

import (
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"dubao/model"
)

// column sets lines of 10-point type in a column from x0 to x1, starting at
// y: a line given with a leading "|" is indented two characters, one
// ending in "<" stops short of the right edge (a paragraph's last line).
func column(x0, x1, y float64, lines ...string) []Word {
	const em, pitch = 10, 16
	var ws []Word
	for i, l := range lines {
		start, end := x0, x1
		if rest, ok := strings.CutPrefix(l, "|"); ok {
			l, start = rest, x0+2*em
		}
		if rest, ok := strings.CutSuffix(l, "<"); ok {
			l = rest
			end = start + float64(cellWidth(l))*em/2
		}
		top := y + float64(i)*pitch
		ws = append(ws, Word{X0: start, Y0: top, X1: end, Y1: top + em*1.2, Text: l})
	}
	return ws
}

func TestLayout(t *testing.T) {
	var words []Word
	// Column 1: a paragraph that runs into column 2 (its last line here
	// is full, column 2 starts flush), then column 2's paragraph that
	// ends exactly at the bottom, and column 3 that starts a new,
	// indented paragraph.
	words = append(words, column(0, 100, 0,
		"|第一段开头八个字",
		"第一段接着写满十个字",
		"第一段在栏底写满十字")...)
	words = append(words, column(110, 210, 0,
		"转到第二栏继续写完。<",
		"|第二段开头八个字",
		"第二段在栏底正好写完")...)
	words = append(words, column(220, 320, 0,
		"|第三段另起一段写",
		"完。<")...)
	got := Layout([]Page{{Words: words}})
	want := "第一段开头八个字第一段接着写满十个字第一段在栏底写满十字转到第二栏继续写完。\n\n" +
		"第二段开头八个字第二段在栏底正好写完\n\n" +
		"第三段另起一段写完。\n"
	if got != want {
		t.Errorf("Layout =\n%s\nwant\n%s", got, want)
	}
}

func TestLayoutHeadlines(t *testing.T) {
	body := column(0, 100, 60, "|正文第一行写八字", "正文第二行写满十字", "正文完。<")
	words := []Word{
		// A headline in 20-point type on two lines, wrapped at a space
		// between Latin words, and one wrapped between characters.
		{X0: 0, Y0: 0, X1: 60, Y1: 24, Text: "Dubao"},
		{X0: 0, Y0: 26, X1: 50, Y1: 50, Text: "reads"},
	}
	words = append(words, body...)
	got := Layout([]Page{{Words: words}})
	if !strings.HasPrefix(got, "Dubao reads\n\n正文第一行写八字正文第二行写满十字正文完。\n") {
		t.Errorf("Layout =\n%s", got)
	}
}

// TestLayoutWordGaps checks that words on one line are joined with a space
// only where the gap is one: Chinese punctuation set tight overlaps.
func TestLayoutWordGaps(t *testing.T) {
	words := []Word{
		{X0: 0, Y0: 0, X1: 80, Y1: 12, Text: "决定着未来。"}, // 6 characters, 13⅓ pt each
		{X0: 78, Y0: 0, X1: 90, Y1: 12, Text: "”"},
		{X0: 94, Y0: 0, X1: 120, Y1: 12, Text: "本报讯"},
	}
	if got := Layout([]Page{{Words: words}}); got != "决定着未来。” 本报讯\n" {
		t.Errorf("Layout = %q", got)
	}
}

// TestVertical reads a headline set top to bottom beside a paragraph:
// pdftotext gives it a character at a time, each a word.
func TestVertical(t *testing.T) {
	var words []Word
	for i, r := range "长江保护宣传进社区" {
		y := float64(i/3) * 16 // i counts bytes; a character is three
		words = append(words, Word{X0: 32, Y0: 12 + y, X1: 48, Y1: 54 + y, Text: string(r)})
	}
	words = append(words, column(66, 166, 30, "|本报讯近日区委老", "干部局联合海门街道海", "开展活动。<")...)
	got := Layout([]Page{{Words: words}})
	if want := "长江保护宣传进社区\n\n本报讯近日区委老干部局联合海门街道海开展活动。\n"; got != want {
		t.Errorf("Layout =\n%s\nwant\n%s", got, want)
	}
}

func TestJoiner(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"新质生产力的重要意义”", "“对推动高质量发展", ""},
		{"国道228（海门段）公路安全精", "品路创建工作", ""},
		{"2024", "年3月", ""},
		{"the paper", "reads", " "},
		{"he said.”", "Then", " "},
		{"(2024)", "[A]", " "},
		{"a well-", "made reader", ""},
		{"Xinhua", "新华社", ""},
	} {
		if got := joiner(tc.a, tc.b); got != tc.want {
			t.Errorf("joiner(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestLetterSpacing: single characters evenly apart (a headline justified
// or spaced out) take no spaces between them; a real space does.
func TestLetterSpacing(t *testing.T) {
	var words []Word
	x := 0.0
	for _, r := range "打好执法“组合" {
		words = append(words, Word{X0: x, Y0: 0, X1: x + 15, Y1: 20, Text: string(r)})
		x += 15 + 5
	}
	words = append(words, Word{X0: x, Y0: 0, X1: x + 30, Y1: 20, Text: "拳”"})
	got := lineText(words, false)
	if got != "打好执法“组合拳”" {
		t.Errorf("letter-spaced line = %q", got)
	}
	spaced := []Word{
		{X0: 0, Y0: 0, X1: 15, Y1: 20, Text: "干"},
		{X0: 19, Y0: 0, X1: 79, Y1: 20, Text: "集中“充"},
	}
	if got := lineText(spaced, false); got != "干 集中“充" {
		t.Errorf("a space after one character = %q", got)
	}
	// Two characters apart are too few to tell from two words with a
	// space between: the space is kept.
	if got := lineText(words[:2], false); got != "打 好" {
		t.Errorf("two characters apart = %q", got)
	}
}

func TestMasthead(t *testing.T) {
	words := []Word{{X0: 0, Y0: 0, X1: 120, Y1: 40, Text: "海门日报"}}
	words = append(words, column(0, 100, 50, "2024年3月19日<")...)
	words = append(words, column(0, 100, 80, "|正文第一行写八字", "正文第二行写满十字", "正文完。<")...)
	text := Layout([]Page{{Words: words}})
	e := model.ParseText(text, model.Options{})
	if e.Date != "2024-03-19" || !strings.HasPrefix(e.Title, "海门日报") {
		t.Errorf("title %q date %q from\n%s", e.Title, e.Date, text)
	}
	// A headline with a subheadline that mentions a date is no masthead.
	words[0].Text = "新规"
	words[1].Text = "2024年3月19日起实施"
	if text := Layout([]Page{{Words: words}}); !strings.HasPrefix(text, "新规\n\n2024年3月19日起实施\n\n") {
		t.Errorf("headline and subheadline joined:\n%s", text)
	}
}

// FuzzLayout reads any bytes as pdftotext's word list: no panic, and every
// character of every word comes out, in order (only white space may be
// added or dropped).
func FuzzLayout(f *testing.F) {
	f.Add([]byte(`<doc><page width="595" height="842">
<word xMin="42.7" yMin="122.9" xMax="199.7" yMax="167.1">国道228海门段争创</word>
<word xMin="42.7" yMin="144.7" xMax="127.7" yMax="188.8">安全精品路</word>
<word xMin="64.7" yMin="201.8" xMax="99.1" yMax="230.4">本报讯</word>
<word xMin="103.3" yMin="201.8" xMax="172.8" yMax="230.4">（记者陆俊杰</word>
</page><page><word xMin="1e308" yMin="-0" xMax="NaN" yMax="3">&lt;&amp;&#1;</word></page></doc>`))
	f.Add([]byte("<page><word xMin=\"0\" yMin=\"0\" xMax=\"0\" yMax=\"0\">\xff\x00</word></page>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := readWords(data)
		if err != nil {
			return
		}
		var want strings.Builder
		for _, p := range pages {
			for _, w := range p.Words {
				want.WriteString(w.Text)
			}
		}
		got := Layout(pages)
		if dropSpace(got) != dropSpace(want.String()) {
			t.Fatalf("Layout lost or moved text:\n got %q\nwant %q", dropSpace(got), dropSpace(want.String()))
		}
	})
}

func dropSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// FuzzParse runs pdftotext on mutations of the fixtures: whatever it makes
// of them, Parse returns an edition or an error, never panics or hangs.
// Each run starts pdftotext, so it finds little per second; run it for a
// minute or two after touching this package.
func FuzzParse(f *testing.F) {
	if _, err := exec.LookPath(Command); err != nil {
		f.Skip("pdftotext not installed (poppler-utils)")
	}
	for _, name := range []string{"scan.pdf", "encrypted.pdf"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Parse(data, model.Options{})
		if (e == nil) == (err == nil) {
			t.Fatalf("Parse = %v, %v: want an edition or an error", e, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\n\r") {
			t.Fatalf("error is not one line: %q", err)
		}
	})
}

// FuzzLayoutWords builds pages of words from the bytes (seven a word: its
// box, its page and its text from a mixed alphabet), so that the fuzzer
// explores the geometry rather than the XML: every character comes out, in
// order.
func FuzzLayoutWords(f *testing.F) {
	f.Add([]byte("\x10\x10\x50\x0c\x00\x01\x02\x10\x18\x50\x0c\x00\x03\x04\x60\x10\x50\x0c\x00\x05\x06"))
	f.Add([]byte("\x00\x00\xff\x28\x00\x07\x08\x00\x30\x20\x0c\x00\x09\x0a\x00\x38\x80\x0c\x01\x0b\x0c"))
	alphabet := []string{"国", "道", "，", "。", "“", "”", "a", "B", "7", "-", "新", "……", "（", "）", "版", "x y"}
	f.Fuzz(func(t *testing.T, data []byte) {
		var pages []Page
		var want strings.Builder
		for i := 0; i+7 <= len(data); i += 7 {
			c := data[i : i+7]
			if len(pages) == 0 || c[4]&1 == 1 {
				pages = append(pages, Page{})
			}
			x0, y0 := float64(c[0])*2, float64(c[1])*3
			w := Word{X0: x0, Y0: y0, X1: x0 + float64(c[2]) + 1, Y1: y0 + float64(c[3]%40) + 1,
				Text: alphabet[c[5]%16] + alphabet[c[6]%16]}
			p := &pages[len(pages)-1]
			p.Words = append(p.Words, w)
			want.WriteString(w.Text)
		}
		got := Layout(pages)
		if dropSpace(got) != dropSpace(want.String()) {
			t.Fatalf("Layout lost or moved text:\n got %q\nwant %q", dropSpace(got), dropSpace(want.String()))
		}
	})
}
