package library

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dubao/model"
)

// copyTree copies src (a file or a folder) to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestShelfMixesFormats opens a folder holding an EPUB, a feed, an article
// page, an e-paper saved as a folder, a text edition, a broken EPUB, the
// assets folder a browser saves beside a page and a JSON file that is no
// feed: every edition is listed, the e-paper folder as one, and the broken
// file is reported.
func TestShelfMixesFormats(t *testing.T) {
	dir := t.TempDir()
	fixtures := filepath.Join("..", "formats")
	copyTree(t, filepath.Join(fixtures, "epub", "testdata", "periodical.epub"), filepath.Join(dir, "periodical.epub"))
	copyTree(t, filepath.Join(fixtures, "feed", "testdata", "rss.xml"), filepath.Join(dir, "rss.xml"))
	copyTree(t, filepath.Join(fixtures, "html", "testdata", "people.html"), filepath.Join(dir, "people.html"))
	copyTree(t, filepath.Join(fixtures, "html", "testdata", "epaper"), filepath.Join(dir, "epaper"))
	writeFile(t, dir, "people_files/frame.html", "<html><body><p>广告框</p></body></html>")
	writeFile(t, dir, "dump.json", `{"title": "not an edition"}`)
	writeFile(t, dir, "broken.epub", "PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00mimetypeapplication/epub+zip")
	writeFile(t, dir, "2024-03-18.txt", "旧闻一则\n\n　　旧闻的正文，写得很长，一直写到句号为止。\n")

	st, err := Open(Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	sh := openWait(t, st, dir)
	got := map[string]Edition{}
	for _, e := range editions(t, sh) {
		rel, _ := filepath.Rel(dir, e.Path)
		got[rel] = e
	}
	want := map[string]string{ // path: title
		"periodical.epub": "读报日报", "rss.xml": "读报晨刊", "people.html": "城东新桥今日通车",
		"epaper": "读报日报", "2024-03-18.txt": "2024-03-18",
	}
	for path, title := range want {
		e, ok := got[path]
		if !ok || e.Title != title || !e.Indexed {
			t.Errorf("%s: listed %v, title %q, indexed %v", path, ok, e.Title, e.Indexed)
		}
	}
	if len(got) != len(want) {
		t.Errorf("shelf lists %d editions, want %d: %v", len(got), len(want), got)
	}
	if e := got["epaper"]; e.Articles != 4 || e.Date != "2024-03-19" {
		t.Errorf("e-paper folder: %d articles, date %q", e.Articles, e.Date)
	}
	failed := sh.Failed()
	var ie *model.InputError
	if len(failed) != 1 || !errors.As(failed[0], &ie) || ie.Name != filepath.Join(dir, "broken.epub") {
		t.Errorf("failed %v, want broken.epub alone", failed)
	}

	// Opened again, the folder stays on the shelf and is not parsed anew.
	sh2 := openWait(t, st, dir)
	if n := len(editions(t, sh2)); n != len(want) {
		t.Errorf("reopened shelf lists %d editions", n)
	}
	ed, _, err := sh2.Load(t.Context(), got["epaper"])
	if err != nil || ed.Sections[0].Header != "01版：要闻" {
		t.Errorf("loading the e-paper folder: %v", err)
	}
}

// TestShelfFindsEPapersAtAnyDepth opens a folder with e-papers saved
// folders deep beside text editions, and an e-paper folder itself: a
// shelf folder is read once and only folders whose trees hold pages are
// looked at as e-papers, so each must still be found, as one edition.
func TestShelfFindsEPapersAtAnyDepth(t *testing.T) {
	dir := t.TempDir()
	epaper := filepath.Join("..", "formats", "html", "testdata", "epaper")
	copyTree(t, epaper, filepath.Join(dir, "2024", "03", "19"))
	copyTree(t, epaper, filepath.Join(dir, "more", "deeper", "epaper"))
	writeFile(t, dir, "2024/2024-03-18.txt", "旧闻一则\n\n　　旧闻的正文，写得很长，一直写到句号为止。\n")
	writeFile(t, dir, "2024/03/lone.html", "<html><body><p>一页</p></body></html>")
	st, err := Open(Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var got []string
	for _, e := range editions(t, openWait(t, st, dir)) {
		rel, _ := filepath.Rel(dir, e.Path)
		got = append(got, rel)
		if e.Title == "读报日报" && e.Articles != 4 {
			t.Errorf("e-paper %s: %d articles, want 4", rel, e.Articles)
		}
	}
	slices.Sort(got)
	want := []string{"2024/03/19", "2024/03/lone.html", "2024/2024-03-18.txt", "more/deeper/epaper"}
	if !slices.Equal(got, want) {
		t.Errorf("shelf lists %q, want %q", got, want)
	}
	list := editions(t, openWait(t, st, filepath.Join(dir, "more", "deeper", "epaper")))
	if len(list) != 1 || list[0].Articles != 4 {
		t.Errorf("e-paper folder opened as a shelf lists %+v, want itself", list)
	}
}

// TestShelfFolderThroughSymlink opens a shelf folder named by a symbolic
// link to it: its editions are listed, under the link's path, as a folder
// named directly would have them.
func TestShelfFolderThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "papers/2024-03-18.txt", "旧闻一则\n\n　　旧闻的正文，写得很长，一直写到句号为止。\n")
	writeFile(t, dir, "papers/2024/2024-03-19.txt", "新闻一则\n\n　　新闻的正文，写得很长，一直写到句号为止。\n")
	link := filepath.Join(dir, "link")
	if err := os.Symlink(filepath.Join(dir, "papers"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	st, err := Open(Options{Memory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var got []string
	for _, e := range editions(t, openWait(t, st, link)) {
		got = append(got, e.Path)
	}
	want := []string{filepath.Join(link, "2024", "2024-03-19.txt"), filepath.Join(link, "2024-03-18.txt")}
	if !slices.Equal(got, want) {
		t.Errorf("shelf through a link lists %q, want %q", got, want)
	}
}
