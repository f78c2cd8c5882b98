package pdf

import (
	"testing"

	"dubao/model"
)

// BenchmarkParse measures the steps of reading the three-column fixture,
// each beside the others: pdftotext itself, reading its word list, and
// putting the words into paragraphs (bytes are the word list's).
func BenchmarkParse(b *testing.B) {
	needPdftotext(b)
	pdfData := readFixture(b, "threecol.pdf")
	words, err := extract(pdfData)
	if err != nil {
		b.Fatal(err)
	}
	pages, err := readWords(words)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("pdftotext", func(b *testing.B) {
		b.SetBytes(int64(len(words)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := extract(pdfData); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("readWords", func(b *testing.B) {
		b.SetBytes(int64(len(words)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := readWords(words); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Layout", func(b *testing.B) {
		b.SetBytes(int64(len(words)))
		b.ReportAllocs()
		for b.Loop() {
			Layout(pages)
		}
	})
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(words)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(pdfData, model.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
