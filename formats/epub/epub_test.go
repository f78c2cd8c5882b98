package epub

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/formats/internal/formattest"
	"dubao/model"
)

func parseFile(t *testing.T, path string) *model.Edition {
	t.Helper()
	return formattest.ParseFile(t, Parse, path)
}

// layout lists an edition's sections and their headlines.
func layout(ed *model.Edition) string {
	var b strings.Builder
	for _, s := range ed.Sections {
		b.WriteString(s.Name + ":")
		for i, a := range s.Articles {
			if i > 0 {
				b.WriteString("|")
			}
			b.WriteString(a.Headline)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestCalibrePeriodical(t *testing.T) {
	ed := parseFile(t, "testdata/periodical.epub")
	if ed.Title != "读报日报" || ed.Masthead != "读报日报" || ed.Date != "2026-12-01" {
		t.Errorf("title %q masthead %q date %q", ed.Title, ed.Masthead, ed.Date)
	}
	want := "要闻:城东新桥今日通车|春耕备耕有序展开\n文化:春季图书市集开幕|老剧场重新开放\n体育:市民马拉松报名开启\n"
	if got := layout(ed); got != want {
		t.Fatalf("layout\n%s\nwant\n%s", got, want)
	}
	a := ed.Sections[0].Articles[0]
	if a.ID != "1-1" || a.URL != "http://127.0.0.1:18765/yw1.html" || a.Byline.People() != "记者 王小明" {
		t.Errorf("article %q url %q byline %+v", a.ID, a.URL, a.Byline)
	}
	wantBody := []model.Block{
		{Type: model.Paragraph, Text: "本报讯\u3000城东新桥今日上午正式通车，全长一千二百米，双向六车道。"},
		{Type: model.Intertitle, Text: "通勤时间缩短"},
		{Type: model.Paragraph, Text: "据测算，市民从城东到老城区的时间将缩短二十分钟。"},
		{Type: model.Caption, Text: "新桥", Image: "feed_0/article_0/images/img1.png"},
		{Type: model.Paragraph, Text: "新桥夜景。记者 王小明 摄"},
	}
	if len(a.Body) != len(wantBody) {
		t.Fatalf("body %q", a.Body)
	}
	for i := range wantBody {
		if a.Body[i] != wantBody[i] {
			t.Errorf("block %d %q, want %q", i, a.Body[i], wantBody[i])
		}
	}
	// calibre's navigation bars (Next | Section menu | Main menu, and
	// "This article was downloaded by calibre") are not in any article.
	for _, s := range ed.Sections {
		for _, a := range s.Articles {
			for _, b := range a.Body {
				if strings.Contains(b.Text, "Section menu") || strings.Contains(b.Text, "downloaded by") || strings.Contains(b.Text, "Main menu") {
					t.Errorf("%s: navigation bar text %q", a.ID, b.Text)
				}
			}
		}
	}
	if got := ed.Sections[1].Articles[0].Body; len(got) != 4 || got[1].Text != "• 儿童读物专区" {
		t.Errorf("list in 文化 %q", got)
	}
}

func TestPandocBooks(t *testing.T) {
	for _, f := range []string{"testdata/book-epub3.epub", "testdata/book-epub2.epub"} {
		ed := parseFile(t, f)
		if ed.Title != "读报小集" || ed.Date != "2024-03-19" {
			t.Errorf("%s: title %q date %q", f, ed.Title, ed.Date)
		}
		if len(ed.Sections) != 1 || ed.Sections[0].Name != "读报小集" {
			t.Fatalf("%s: a book is one section of chapters:\n%s", f, layout(ed))
		}
		var chapters []*model.Article
		for i := range ed.Sections[0].Articles {
			if a := &ed.Sections[0].Articles[i]; strings.HasPrefix(a.Headline, "第") {
				chapters = append(chapters, a)
			}
		}
		if len(chapters) != 3 || chapters[1].Headline != "第二章\u3000编辑部的一天" {
			t.Fatalf("%s: chapters\n%s", f, layout(ed))
		}
		// The second chapter holds its two sections, the list and the
		// picture, in order.
		var texts []string
		for _, b := range chapters[1].Body {
			texts = append(texts, string(b.Type[0])+":"+b.Text)
		}
		got := strings.Join(texts, "\n")
		want := strings.Join([]string{
			"p:上午九点，编辑部开早会，各版面汇报当天的选题。",
			"i:选题会",
			"p:本报讯（记者 王小明）今天的头版头条定为城东新桥通车。",
			"p:会议决定：",
			"p:• 头版刊发新桥照片", "p:• 二版刊发交通评论", "p:• 三版刊发市民采访",
			"i:夜班",
			"p:夜班编辑要在零点前签发最后一个版面。",
			"c:新桥夜景。记者 王小明 摄",
		}, "\n")
		if got != want {
			t.Errorf("%s: chapter 2\n%s\nwant\n%s", f, got, want)
		}
		last := chapters[1].Body[len(chapters[1].Body)-1]
		if !strings.HasSuffix(last.Image, ".png") || !strings.HasPrefix(last.Image, "EPUB/") {
			t.Errorf("%s: image reference %q", f, last.Image)
		}
		if q := chapters[0].Body[len(chapters[0].Body)-1].Text; q != "报纸是写给明天的历史。" {
			t.Errorf("%s: quote %q", f, q)
		}
	}
}

func TestSharedCalibreBook(t *testing.T) {
	p := filepath.Join("..", "..", "..", "shared", "formats", "epub", "calibre_quick_start_eng.epub")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared material absent (%s)", p)
	}
	ed := parseFile(t, p)
	if ed.Title != "Quick Start Guide" {
		t.Errorf("title %q", ed.Title)
	}
	var names []string
	for _, s := range ed.Sections {
		names = append(names, s.Name)
	}
	if strings.Join(names, "|") != "Quick Start Guide|Common Tasks|Quick Start Guide" {
		t.Errorf("sections %q", names)
	}
	tasks := ed.Sections[1].Articles
	if len(tasks) != 7 || tasks[2].Headline != "Task 2: Conversion" || tasks[2].Runes() < 10000 {
		t.Errorf("Common Tasks:\n%s", layout(ed))
	}
}

// zipOf builds a zip from name/content pairs, mimetype first and stored.
func zipOf(t testing.TB, files ...string) []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for i := 0; i+1 < len(files); i += 2 {
		method := zip.Deflate
		if files[i] == "mimetype" {
			method = zip.Store
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: files[i], Method: method})
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(files[i+1]))
	}
	w.Close()
	return buf.Bytes()
}

const container = `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`

func TestBadEPUBs(t *testing.T) {
	good, err := os.ReadFile("testdata/book-epub3.epub")
	if err != nil {
		t.Fatal(err)
	}
	noSpine := `<package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata/><manifest/><spine/></package>`
	tests := []struct {
		name string
		data []byte
		want string
		is   error
	}{
		{"truncated zip", good[:len(good)/2], "broken zip", nil},
		{"not a zip", []byte("PK\x03\x04 nonsense"), "broken zip", nil},
		{"no spine", zipOf(t, "mimetype", "application/epub+zip", "META-INF/container.xml", container, "OEBPS/content.opf", noSpine), "", ErrNoSpine},
		{"no package", zipOf(t, "mimetype", "application/epub+zip", "README", "x"), "no package document", nil},
		{"encrypted (DRM)", zipOf(t, "mimetype", "application/epub+zip", "META-INF/encryption.xml", `<encryption><EncryptedData/></encryption>`), "", ErrEncrypted},
		{"empty chapters", zipOf(t, "mimetype", "application/epub+zip", "META-INF/container.xml", container,
			"OEBPS/content.opf", `<package><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>`,
			"OEBPS/c.xhtml", `<html><body><script>x</script></body></html>`), "", ErrNoText},
	}
	for _, tt := range tests {
		_, err := Parse(tt.data, model.Options{})
		switch {
		case err == nil:
			t.Errorf("%s: no error", tt.name)
		case tt.is != nil && !errors.Is(err, tt.is):
			t.Errorf("%s: %v, want %v", tt.name, err, tt.is)
		case tt.want != "" && !strings.Contains(err.Error(), tt.want):
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		case strings.Contains(err.Error(), "\n"):
			t.Errorf("%s: error is not one line: %q", tt.name, err)
		}
	}
	// A password-protected zip entry.
	enc := zipOf(t, "mimetype", "application/epub+zip", "META-INF/container.xml", container)
	i := bytes.Index(enc, []byte("PK\x03\x04"))
	enc[i+6] |= 1
	j := bytes.Index(enc, []byte("PK\x01\x02"))
	enc[j+8] |= 1
	if _, err := Parse(enc, model.Options{}); !errors.Is(err, ErrEncrypted) {
		t.Errorf("encrypted zip entry: %v", err)
	}
}

func TestSpineWithoutNav(t *testing.T) {
	data := zipOf(t, "mimetype", "application/epub+zip", "META-INF/container.xml", container,
		"OEBPS/content.opf", `<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>无目录</dc:title></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b%20c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>`,
		"OEBPS/a.xhtml", `<html><body><h1>甲章</h1><p>甲的正文。</p></body></html>`,
		"OEBPS/b c.xhtml", `<html><body><h2>乙章</h2><p>乙的正文。</p></body></html>`)
	ed, err := Parse(data, model.Options{Title: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if got := layout(ed); got != "无目录:甲章|乙章\n" {
		t.Errorf("layout %q", got)
	}
}

// FuzzEPUB builds EPUBs from a fuzzed package document, navigation
// document, NCX and chapter: Parse must never panic, and an edition it
// returns has text.
func FuzzEPUB(f *testing.F) {
	f.Add(`<package><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/><item id="n" href="nav.xhtml" properties="nav"/><item id="x" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest><spine toc="x"><itemref idref="c"/></spine></package>`,
		`<nav epub:type="toc"><ol><li><a href="c.xhtml#a">甲</a><ol><li><a href="c.xhtml#b">乙</a></li></ol></li></ol></nav>`,
		`<ncx><navMap><navPoint><navLabel><text>甲</text></navLabel><content src="c.xhtml"/><navPoint><navLabel><text>乙</text></navLabel><content src="c.xhtml#b"/></navPoint></navPoint></navMap></ncx>`,
		`<html><body><h1 id="a">甲</h1><p>正文</p><div class="calibre_navbar"><a rel="articlenextlink">Next</a></div><h2 id="b">乙</h2><p>更多</p></body></html>`)
	f.Fuzz(func(t *testing.T, opf, nav, ncx, chapter string) {
		data := zipOf(t, "mimetype", "application/epub+zip", "META-INF/container.xml", container,
			"OEBPS/content.opf", opf, "OEBPS/nav.xhtml", nav, "OEBPS/toc.ncx", ncx, "OEBPS/c.xhtml", chapter)
		ed, err := Parse(data, model.Options{})
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error of several lines: %q", err)
			}
			return
		}
		if !editionHasText(ed) {
			t.Fatal("an edition without text")
		}
	})
}

func TestCalibreOneFeed(t *testing.T) {
	// calibre writes the table of contents of a one-feed recipe with one
	// level: the section still comes from the feed's folder and menu.
	ed := parseFile(t, "testdata/periodical-one-feed.epub")
	if got := layout(ed); got != "要闻:城东新桥今日通车|春耕备耕有序展开\n" {
		t.Errorf("layout %q", got)
	}
	if ed.Masthead != "读报日报" || ed.Sections[0].Articles[1].URL != "http://127.0.0.1:18765/yw2.html" {
		t.Errorf("masthead %q, url %q", ed.Masthead, ed.Sections[0].Articles[1].URL)
	}
}

// Articles that start at anchors in one file are cut there, and a file the
// table of contents does not name (calibre's index_split_001.html)
// continues the article before it.
func TestAnchorsAndSplitFiles(t *testing.T) {
	data := zipOf(t, "mimetype", "application/epub+zip", "META-INF/container.xml", container,
		"OEBPS/content.opf", `<package><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>合订本</dc:title></metadata><manifest>`+
			`<item id="a" href="a.html" media-type="application/xhtml+xml"/><item id="s" href="a_split_001.html" media-type="application/xhtml+xml"/>`+
			`<item id="b" href="b.html" media-type="application/xhtml+xml"/><item id="n" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>`+
			`<spine toc="n"><itemref idref="a"/><itemref idref="s"/><itemref idref="b"/></spine></package>`,
		"OEBPS/toc.ncx", `<ncx><navMap>`+
			`<navPoint><navLabel><text>甲</text></navLabel><content src="a.html#jia"/></navPoint>`+
			`<navPoint><navLabel><text>乙</text></navLabel><content src="a.html#yi"/></navPoint>`+
			`<navPoint><navLabel><text>丙</text></navLabel><content src="b.html"/></navPoint></navMap></ncx>`,
		"OEBPS/a.html", `<html><body><h2 id="jia">甲</h2><p>甲一</p><h2 id="yi">乙</h2><p>乙一</p></body></html>`,
		"OEBPS/a_split_001.html", `<html><body><p>乙二</p></body></html>`,
		"OEBPS/b.html", `<html><body><h2>丙</h2><p>丙一</p></body></html>`)
	ed, err := Parse(data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range ed.Sections[0].Articles {
		got = append(got, a.Headline+":"+strings.TrimSpace(func() string {
			var s string
			for _, b := range a.Body {
				s += b.Text + " "
			}
			return s
		}()))
	}
	if strings.Join(got, "|") != "甲:甲一|乙:乙一 乙二|丙:丙一" {
		t.Errorf("articles %q", got)
	}
}
