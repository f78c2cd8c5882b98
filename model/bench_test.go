package model

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// benchEdition builds an edition of at least size bytes from the
// generator's real-looking articles, sections three blank lines apart.
func benchEdition(size int) []byte {
	var b strings.Builder
	for seed := uint64(0); b.Len() < size; seed++ {
		text, _ := newGenerator(seed).edition()
		b.WriteString(text)
		b.WriteString("\n\n\n")
	}
	return []byte(b.String())
}

// BenchmarkParse parses editions of 1 MB and 10 MB; time per byte should
// stay flat. The peer, decode+lines, only validates the UTF-8 and walks the
// lines and runes: the floor any parser of this text sits on.
func BenchmarkParse(b *testing.B) {
	for _, mb := range []int{1, 10} {
		data := benchEdition(mb << 20)
		b.Run(fmt.Sprintf("parse/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(data, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("peer=decode+lines/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				text, _, _ := Decode(data)
				n := 0
				for line := range strings.Lines(text) {
					n += utf8.RuneCountInString(strings.TrimSpace(line))
				}
				if n == 0 {
					b.Fatal("no text")
				}
			}
		})
	}
}
