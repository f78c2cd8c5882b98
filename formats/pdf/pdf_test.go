package pdf

import (
	"errors"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dubao/model"
)

// needPdftotext skips the test when pdftotext is not installed, unless
// DUBAO_E2E=1 (as .ci/run sets, having installed poppler-utils) says the
// test must run.
func needPdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath(Command); err != nil {
		if os.Getenv("DUBAO_E2E") == "1" {
			t.Fatal("DUBAO_E2E=1 but pdftotext is not installed (poppler-utils)")
		}
		t.Skip("pdftotext not installed (poppler-utils)")
	}
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestThreeColumns reads the page Chromium printed from threecol.html:
// masthead, page header, five stories with their headline stacks and
// bylines, and the paragraphs as written, each one block, those that cross
// a column or the page included.
func TestThreeColumns(t *testing.T) {
	needPdftotext(t)
	e, err := Parse(readFixture(t, "threecol.pdf"), model.Options{Source: "threecol.pdf", Title: "threecol"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Title != "海门日报 2024年3月19日 星期二" || e.Date != "2024-03-19" {
		t.Errorf("title %q, date %q; want the masthead and 2024-03-19", e.Title, e.Date)
	}
	if len(e.Sections) != 1 || e.Sections[0].Header != "第2版：要闻" {
		t.Fatalf("want one section, 第2版：要闻; got %d: %+v", len(e.Sections), e.Sections)
	}
	type story struct {
		kicker, headline, sub string
		reporters             []string
		paragraphs            int
	}
	want := []story{
		{"", "国道228海门段争创安全精品路", "预计7月底前完工", []string{"陆俊杰"}, 4},
		{"区农业综合行政执法大队联合多部门", "打好执法“组合拳”落实长江“禁渔令”", "", []string{"陆俊杰"}, 3},
		{"", "全区基层理论宣讲骨干 集中“充电”", "", []string{"钱丽君"}, 3},
		{"", "长江保护宣传进社区", "", []string{"施春晓"}, 1},
		{"", "临江新区举办农家书屋管理员业务培训", "", []string{"施春晓"}, 1},
	}
	arts := e.Sections[0].Articles
	if len(arts) != len(want) {
		t.Fatalf("%d articles, want %d", len(arts), len(want))
	}
	for i, w := range want {
		a := arts[i]
		if a.Kicker != w.kicker || a.Headline != w.headline || a.Subheadline != w.sub {
			t.Errorf("article %d: kicker %q headline %q sub %q; want %q %q %q",
				i+1, a.Kicker, a.Headline, a.Subheadline, w.kicker, w.headline, w.sub)
		}
		if strings.Join(a.Byline.Reporters, ",") != strings.Join(w.reporters, ",") {
			t.Errorf("article %d: reporters %v, want %v (byline %q)", i+1, a.Byline.Reporters, w.reporters, a.Byline.Raw)
		}
		if a.Paragraphs() != w.paragraphs || len(a.Body) != w.paragraphs {
			t.Errorf("article %d: %d paragraphs in %d blocks, want %d", i+1, a.Paragraphs(), len(a.Body), w.paragraphs)
		}
	}
	// Each pair ends a line, a column or a page and starts the next; the
	// paragraph must be one block across the break.
	breaks := []struct {
		before, after string
		kind          breakKind
	}{
		{"对辖区", "内销售长江鱼类", columnBreak},
		{"与各区镇理论宣讲骨", "干代表围绕", columnBreak},
		{"对数字农家书屋信息管", "理系统的认知", pageBreak},
		{"国道228（海门段）公路安全精", "品路创建工作", lineBreak},
	}
	for _, br := range breaks {
		checkBreak(t, br.before, br.after, br.kind)
		if !hasBlock(e, br.before+br.after) {
			t.Errorf("no block holds %q: the break is not repaired", br.before+br.after)
		}
	}
}

// breakKind is where in the fixture one line of a paragraph ends and the
// next begins.
type breakKind int

const (
	lineBreak   breakKind = iota // the next line down the column
	columnBreak                  // the top of the next column
	pageBreak                    // the next page
)

// checkBreak checks in the fixture's word list that the line ending in
// before and the line starting with after meet at a break of kind, so that
// the test above tests a real break.
func checkBreak(t *testing.T, before, after string, kind breakKind) {
	t.Helper()
	checkBreakIn(t, "threecol.pdf", before, after, kind)
}

// checkBreakIn is checkBreak in the fixture named.
func checkBreakIn(t *testing.T, fixture, before, after string, kind breakKind) {
	t.Helper()
	out, err := extract(readFixture(t, fixture))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := readWords(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := groupLines(pages)
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if !strings.HasSuffix(a.text, before) || !strings.HasPrefix(b.text, after) {
			continue
		}
		var got breakKind
		switch {
		case a.page != b.page:
			got = pageBreak
		case b.x0 >= a.x1 && b.y0 < a.y0:
			got = columnBreak
		case b.y0 > a.y0 && b.x0 < a.x1:
			got = lineBreak
		default:
			t.Fatalf("%q then %q: lines neither below nor in the next column", before, after)
		}
		if got != kind {
			t.Errorf("%q then %q: break of kind %d, want %d", before, after, got, kind)
		}
		return
	}
	t.Errorf("the fixture has no line ending %q followed by one starting %q", before, after)
}

// sourceParagraphs returns the text of the <p> elements in the <main> of
// the fixture's HTML source, in order.
func sourceParagraphs(t *testing.T, name string) []string {
	t.Helper()
	src := string(readFixture(t, name))
	main := src[strings.Index(src, "<main>"):]
	var out []string
	for _, m := range regexp.MustCompile(`<p>(.*?)</p>`).FindAllStringSubmatch(main, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// paragraphs returns the edition's paragraphs as the source wrote them:
// the byline the parser took off a story's first paragraph put back.
func paragraphs(e *model.Edition) []string {
	var out []string
	for _, sec := range e.Sections {
		for _, a := range sec.Articles {
			for i, b := range a.Body {
				text := b.Text
				if i == 0 && !a.Byline.AtEnd {
					text = a.Byline.Raw + text
				}
				out = append(out, text)
			}
		}
	}
	return out
}

// TestParagraphsAsWritten compares every paragraph read from the PDFs
// with the HTML they were printed from, character for character; the
// ragged page comes from two producers, Chromium and calibre.
func TestParagraphsAsWritten(t *testing.T) {
	needPdftotext(t)
	for _, tc := range []struct{ pdf, html string }{
		{"threecol.pdf", "threecol.html"},
		{"ragged.pdf", "ragged.html"},
		{"ragged-calibre.pdf", "ragged.html"},
	} {
		name := tc.pdf
		e, err := Parse(readFixture(t, tc.pdf), model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, want := paragraphs(e), sourceParagraphs(t, tc.html)
		if len(got) != len(want) {
			t.Errorf("%s: %d paragraphs, want %d:\n%s", name, len(got), len(want), strings.Join(got, "\n"))
			continue
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: paragraph %d\n got %s\nwant %s", name, i+1, got[i], want[i])
			}
		}
	}
}

// TestRagged reads stories set ragged right with centred headlines over
// three lines of a narrow column and paragraphs apart, not indented.
func TestRagged(t *testing.T) {
	needPdftotext(t)
	e, err := Parse(readFixture(t, "ragged.pdf"), model.Options{Title: "ragged"})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Sections) != 1 || e.Sections[0].Header != "第3版：综合" {
		t.Fatalf("sections: %+v", e.Sections)
	}
	var heads []string
	for _, a := range e.Sections[0].Articles {
		heads = append(heads, a.Kicker+"|"+a.Headline+"|"+a.Subheadline+"|"+strings.Join(a.Byline.Reporters, ","))
	}
	want := []string{"|全区基层理论宣讲骨干 集中“充电”||钱丽君", "|国道228海门段争创安全精品路||陆俊杰"}
	if strings.Join(heads, "\n") != strings.Join(want, "\n") {
		t.Errorf("stories:\n%s\nwant\n%s", strings.Join(heads, "\n"), strings.Join(want, "\n"))
	}
	// A line that ends short because 山， (a character and the comma that
	// may not start a line) did not fit, and a column's last line, go on
	// in one paragraph (TestParagraphsAsWritten checks its text).
	checkBreakIn(t, "ragged.pdf", "负责人顾青", "山，与各区镇", lineBreak)
	checkBreakIn(t, "ragged.pdf", "青山理论", "武装工作室", columnBreak)
}

func hasBlock(e *model.Edition, s string) bool {
	for _, sec := range e.Sections {
		for _, a := range sec.Articles {
			for _, b := range a.Body {
				if strings.Contains(b.Text, s) {
					return true
				}
			}
		}
	}
	return false
}

func TestScanHasNoText(t *testing.T) {
	needPdftotext(t)
	_, err := Parse(readFixture(t, "scan.pdf"), model.Options{})
	if !errors.Is(err, ErrNoText) {
		t.Fatalf("err = %v, want ErrNoText", err)
	}
	if !strings.Contains(err.Error(), "no text layer") {
		t.Errorf("error %q does not say the PDF has no text layer", err)
	}
}

// TestRejected checks that a PDF pdftotext refuses gives one line that
// says why.
func TestRejected(t *testing.T) {
	needPdftotext(t)
	whole := readFixture(t, "threecol.pdf")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"truncated", whole[:len(whole)/3], "xref"},
		{"encrypted", readFixture(t, "encrypted.pdf"), "encrypted (Incorrect password)"},
		{"not a PDF", []byte("%PDF-1.7\nnot really\n"), "pdftotext cannot read this PDF"},
		{"empty", nil, "pdftotext cannot read this PDF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Parse(tc.data, model.Options{})
			var rej *RejectedError
			if !errors.As(err, &rej) {
				t.Fatalf("Parse = %v, %v; want a RejectedError", e, err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || strings.ContainsAny(msg, "\n\r") || rej.Reason == "" {
				t.Errorf("error %q: want one line with a reason, saying %q", msg, tc.want)
			}
		})
	}
}

// TestNoPdftotext runs with a PATH where pdftotext is not to be found.
func TestNoPdftotext(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := Parse([]byte("%PDF-1.4\n"), model.Options{})
	if !errors.Is(err, ErrNoPdftotext) {
		t.Fatalf("err = %v, want ErrNoPdftotext", err)
	}
	if !strings.Contains(err.Error(), "install poppler-utils") {
		t.Errorf("error %q does not say what to install", err)
	}
}

// TestTimeout puts a pdftotext that never ends first on the PATH: Parse
// gives up with ErrTimeout rather than hang.
func TestTimeout(t *testing.T) {
	dir := t.TempDir()
	script := "#!/bin/sh\nexec sleep 600\n"
	if err := os.WriteFile(filepath.Join(dir, Command), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("sleep"); err != nil {
		t.Skip("no sleep")
	}
	sleep, _ := exec.LookPath("sleep")
	t.Setenv("PATH", dir+string(os.PathListSeparator)+filepath.Dir(sleep))
	saved := timeout
	timeout = 50 * time.Millisecond
	t.Cleanup(func() { timeout = saved })
	if _, err := Parse([]byte("%PDF-1.4\n"), model.Options{}); !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
}

// TestReasonOneLine checks what is kept of pdftotext's complaints: the
// last line, without its prefix or control characters.
func TestReasonOneLine(t *testing.T) {
	for _, tc := range []struct {
		stderr string
		code   int
		want   string
	}{
		{"Syntax Error: Couldn't find trailer dictionary\nSyntax Error: Couldn't read xref table\n", 1, "Couldn't read xref table"},
		{"Command Line Error: Incorrect password\n", 1, "encrypted (Incorrect password)"},
		{"", 3, "the PDF's permissions forbid copying its text"},
		{"", 99, "exit status 99"},
		{"Error: \x1b[31mred\x07\n", 1, "[31mred"},
	} {
		if got := reason(tc.stderr, tc.code); got != tc.want {
			t.Errorf("reason(%q, %d) = %q, want %q", tc.stderr, tc.code, got, tc.want)
		}
	}
}
