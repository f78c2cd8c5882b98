package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
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
// lines and runes: the floor any parser of this text sits on. interleaved
// runs the two in turn and reports their ratio.
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
				decodeAndWalk(b, data)
			}
		})
		// The two side by side, a parse then a peer run in each
		// iteration, so that a load that comes and goes weighs on both
		// alike: parse/peer is the figure to compare across runs on a
		// shared machine.
		b.Run(fmt.Sprintf("interleaved/%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var parse, peer time.Duration
			for b.Loop() {
				t0 := time.Now()
				if _, err := Parse(data, Options{}); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				decodeAndWalk(b, data)
				parse, peer = parse+t1.Sub(t0), peer+time.Since(t1)
			}
			mbs := func(d time.Duration) float64 { return float64(len(data)) * float64(b.N) / 1e6 / d.Seconds() }
			b.ReportMetric(mbs(parse), "parse-MB/s")
			b.ReportMetric(mbs(peer), "peer-MB/s")
			b.ReportMetric(float64(parse)/float64(peer), "parse/peer")
		})
	}
}

// decodeAndWalk is the peer: it decodes data and walks its lines and runes.
func decodeAndWalk(b *testing.B, data []byte) {
	text, _, _ := Decode(data)
	n := 0
	for line := range strings.Lines(text) {
		n += utf8.RuneCountInString(strings.TrimSpace(line))
	}
	if n == 0 {
		b.Fatal("no text")
	}
}
