package formats

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dubao/model"
	"dubao/seeds"
)

func TestSniff(t *testing.T) {
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	folder, err := ReadFolder("html/testdata/epaper")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want Format
	}{
		{"seed", seeds.Default, Text},
		{"markdown with a comment", []byte("<!-- note -->\n# 晨报\n\n正文"), Text},
		{"EPUB 3", read("epub/testdata/book-epub3.epub"), EPUB},
		{"calibre EPUB", read("epub/testdata/periodical.epub"), EPUB},
		{"broken EPUB", read("epub/testdata/periodical.epub")[:300], EPUB},
		{"e-paper folder", folder, Epaper},
		{"RSS", read("feed/testdata/rss.xml"), Feed},
		{"RSS in Big5 without declaration", read("feed/testdata/rss-big5.xml"), Feed},
		{"Atom", read("feed/testdata/atom.xml"), Feed},
		{"JSON Feed", read("feed/testdata/feed.json"), Feed},
		{"HTML page", read("html/testdata/people.html"), HTML},
		{"HTML after a saved-from comment", []byte("<!--http://x.cn/a.htm-->\n<!DOCTYPE HTML>\n<html><body>x</body></html>"), HTML},
		{"XHTML", []byte(`<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"></html>`), HTML},
		{"UTF-16 HTML", append([]byte{0xFF, 0xFE}, []byte("<\x00h\x00t\x00m\x00l\x00>\x00")...), HTML},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), PDF},
		{"other zip", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), Zip},
		{"JSON that is no feed", []byte(`{"title": "x", "sections": []}`), Data},
		{"XML that is no feed", []byte(`<?xml version="1.0"?><svg></svg>`), Data},
		{"empty", nil, Text},
	}
	for _, tt := range tests {
		if got := Sniff(tt.data); got != tt.want {
			t.Errorf("%s: Sniff = %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestParseDispatches(t *testing.T) {
	for _, tt := range []struct{ path, title string }{
		{"epub/testdata/periodical.epub", "读报日报"},
		{"feed/testdata/rss.xml", "读报晨刊"},
		{"html/testdata/people.html", "城东新桥今日通车"},
		{"html/testdata/epaper", "读报日报"},
	} {
		ed, err := Load(tt.path)
		if err != nil {
			t.Errorf("%s: %v", tt.path, err)
			continue
		}
		if ed.Title != tt.title || ed.Source != tt.path || ed.Articles() == 0 {
			t.Errorf("%s: title %q source %q, %d articles", tt.path, ed.Title, ed.Source, ed.Articles())
		}
	}
	ed, err := Parse(seeds.Default, model.Options{Title: "seed"})
	want, _ := model.Parse(seeds.Default, model.Options{Title: "seed"})
	if err != nil || ed.Articles() != want.Articles() || ed.Title != want.Title {
		t.Errorf("text falls back to the text parser: %v", err)
	}
}

// TestPDFGoesToPdftotext checks that a PDF is read through formats/pdf:
// its text layer when pdftotext is installed, and a one-line reason when a
// PDF cannot be read.
func TestPDFGoesToPdftotext(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("DUBAO_E2E") == "1" {
			t.Fatal("DUBAO_E2E=1 but pdftotext is not installed (poppler-utils)")
		}
		t.Skip("pdftotext not installed (poppler-utils)")
	}
	data, err := os.ReadFile(filepath.Join("pdf", "testdata", "threecol.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Parse(data, model.Options{Source: "threecol.pdf"})
	if err != nil {
		t.Fatal(err)
	}
	if e.Articles() != 5 || e.Sections[0].Articles[0].Headline != "国道228海门段争创安全精品路" {
		t.Errorf("the three-column PDF read as %d articles, the first %q", e.Articles(), e.Sections[0].Articles[0].Headline)
	}
	_, err = Parse([]byte("%PDF-1.4\n"), model.Options{})
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("a truncated PDF: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile("epub/testdata/book-epub3.epub")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, reason string }{
		{write("broken.epub", string(good[:len(good)/3])), "broken zip"},
		{write("empty-feed.xml", `<rss version="2.0"><channel><title>空</title></channel></rss>`), "feed has no items"},
		{write("nothing.html", `<html><body><nav>导航</nav></body></html>`), "no article found"},
		{write("data.json", `{"a": 1}`), "not a feed"},
		{filepath.Join(dir, "missing.txt"), "no such file"},
		{dir, "not an edition"},
	}
	for _, tt := range tests {
		_, err := Load(tt.path)
		var ie *model.InputError
		if !errors.As(err, &ie) || ie.Name != tt.path {
			t.Errorf("%s: %v is not an InputError naming the file", tt.path, err)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, tt.reason) || strings.Contains(msg, "\n") || !strings.HasPrefix(msg, tt.path+": ") {
			t.Errorf("%s: error %q, want one line naming the file and %q", tt.path, msg, tt.reason)
		}
	}
}

func TestEditionNames(t *testing.T) {
	for name, want := range map[string]bool{
		"a.txt": true, "b.MD": true, "c.html": true, "d.epub": true, "e.pdf": true, "f.xml": true,
		"feed.json": true, "news.feed.json": true, "dump.json": false, "g.png": false, "h.css": false,
	} {
		if IsEditionName(name) != want {
			t.Errorf("IsEditionName(%q) = %v", name, !want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, p := range []string{"feed/testdata/rss.xml", "feed/testdata/feed.json", "html/testdata/people.html",
		"html/testdata/epaper/layout/202403/19/node_01.html"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("PK\x03\x04\x14\x00\x00\x00\x00\x00mimetypeapplication/epub+zip"))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"title":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		format := Sniff(data)
		ed, err := Parse(data, model.Options{Title: "fuzz"})
		if err == nil && ed == nil {
			t.Fatalf("%s: no edition and no error", format)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("%s: error of several lines: %q", format, err)
		}
	})
}

func TestSamplesParse(t *testing.T) {
	want := []Format{HTML, Feed, EPUB, Fetched}
	for i, data := range Samples() {
		if f := Sniff(data); f != want[i] {
			t.Errorf("sample %d is %s, want %s", i, f, want[i])
		}
		ed, err := Parse(data, model.Options{})
		if err != nil || ed.Articles() != 1 {
			t.Errorf("sample %d (%s): %v", i, want[i], err)
		}
	}
}
