package fetched_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"dubao/fetch"
	"dubao/fetch/fetchtest"
	"dubao/formats/fetched"
	fhtml "dubao/formats/html"
	"dubao/model"
)

// benchFolder fetches the fixture e-paper once and returns its folder,
// packed, and its article pages.
func benchFolder(b *testing.B) (packed []byte, pages [][]byte) {
	s := fetchtest.EPaperSite(b)
	f := &fetch.Fetcher{Client: fetch.NewClient(fetch.Options{MinInterval: -1, Retries: -1}), Dir: b.TempDir(), Now: func() time.Time { return day1 }}
	res, err := f.Fetch(context.Background(), fetch.Request{URL: fetchtest.EPaperURL(s), Source: "rmrb"})
	if err != nil {
		b.Fatal(err)
	}
	packed, err = fetched.ReadFolder(res.Path)
	if err != nil {
		b.Fatal(err)
	}
	names, _ := filepath.Glob(filepath.Join(res.Path, "*-*.html"))
	for _, n := range names {
		data, _ := os.ReadFile(n)
		pages = append(pages, data)
	}
	return packed, pages
}

// BenchmarkParseEPaper reads a fetched e-paper edition; its peer,
// BenchmarkParseEPaperPages, reads the same article pages one by one, as
// formats/html reads a page: the difference is what assembling the edition
// costs (the 版面 pages, the links mapped to files, the archive).
func BenchmarkParseEPaper(b *testing.B) {
	packed, _ := benchFolder(b)
	b.SetBytes(int64(len(packed)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fetched.Parse(packed, model.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseEPaperPages(b *testing.B) {
	packed, pages := benchFolder(b)
	b.SetBytes(int64(len(packed)))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			if _, err := fhtml.Parse(p, model.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}
