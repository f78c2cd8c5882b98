package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dubao/model"
)

// TestDumpReadsEveryFormat runs dump on an EPUB, a feed, an article page
// and an e-paper folder: each gives its edition, with the url and image
// fields the text format never has.
func TestDumpReadsEveryFormat(t *testing.T) {
	for _, tt := range []struct{ path, title, url, image string }{
		{"formats/epub/testdata/periodical.epub", "读报日报", "http://127.0.0.1:18765/yw1.html", "feed_0/article_0/images/img1.png"},
		{"formats/feed/testdata/rss.xml", "读报晨刊", "https://paper.example.org/2024/03/19/bridge.html", "https://paper.example.org/img/bridge.jpg"},
		{"formats/html/testdata/people.html", "城东新桥今日通车", "http://society.people.com.cn/n1/2024/0319/c1008-40000001.html", ""},
		{"formats/html/testdata/epaper", "读报日报", "", ""},
	} {
		code, out, errOut := runDubao(t, "", "dump", tt.path)
		if code != 0 || errOut != "" {
			t.Errorf("%s: exit %d, stderr %q", tt.path, code, errOut)
			continue
		}
		var ed model.Edition
		if err := json.Unmarshal([]byte(out), &ed); err != nil {
			t.Fatal(err)
		}
		a := ed.Sections[0].Articles[0]
		if ed.Title != tt.title || a.URL != tt.url {
			t.Errorf("%s: title %q url %q", tt.path, ed.Title, a.URL)
		}
		if tt.image != "" && !strings.Contains(out, `"image": "`+tt.image+`"`) {
			t.Errorf("%s: no image %q in the JSON", tt.path, tt.image)
		}
		if tt.url != "" && !strings.Contains(out, `"url": "`+tt.url+`"`) {
			t.Errorf("%s: no url field in the JSON", tt.path)
		}
	}
}

func TestBadFormatsExitTwo(t *testing.T) {
	dir := t.TempDir()
	bad := map[string]string{
		"broken.epub": "PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00mimetypeapplication/epub+zip",
		"empty.xml":   `<rss version="2.0"><channel><title>空</title></channel></rss>`,
		"empty.html":  `<html><body><nav>导航</nav></body></html>`,
	}
	for name, content := range bad {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, cmd := range []string{"dump", "print"} {
			code, out, errOut := runDubao(t, "", cmd, p)
			if code != exitUsage || out != "" || !strings.HasPrefix(errOut, "dubao: "+p+": ") || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%s %s: exit %d, stdout %q, stderr %q", cmd, name, code, out, errOut)
			}
		}
	}
}

// An e-paper folder named alone opens as one edition; a shelf folder
// mixing formats opens at its newest and passes over what it cannot read.
func TestOpenReadingFolders(t *testing.T) {
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	r, err := open(t, "", "formats/html/testdata/epaper")
	if err != nil {
		t.Fatal(err)
	}
	r.sh.Wait()
	if r.ed.Title != "读报日报" || r.ed.Sections[0].Header != "01版：要闻" || len(r.skipped()) != 0 {
		t.Errorf("e-paper folder: %q %+v, skipped %v", r.ed.Title, r.ed.Sections[0], r.skipped())
	}

	dir := t.TempDir()
	for _, f := range []string{"formats/epub/testdata/periodical.epub", "formats/feed/testdata/atom.xml"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad := filepath.Join(dir, "empty.xml")
	if err := os.WriteFile(bad, []byte(`<rss version="2.0"><channel><title>空</title></channel></rss>`), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err = open(t, "", dir)
	if err != nil {
		t.Fatal(err)
	}
	r.sh.Wait()
	// Which of the two opens first depends on whether they were indexed
	// (and so dated) before the shelf was listed; both are on it.
	list, err := r.sh.Editions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, e := range list {
		titles = append(titles, e.Title)
	}
	slices.Sort(titles)
	if (r.ed.Masthead != "读报周刊" && r.ed.Masthead != "读报日报") || len(titles) != 2 ||
		len(r.skipped()) != 1 || !strings.Contains(r.skipped()[0].Error(), bad+": feed has no items") {
		t.Errorf("shelf: opened %q, lists %q, skipped %v", r.ed.Masthead, titles, r.skipped())
	}
}
