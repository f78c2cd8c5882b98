package typeset

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/clipperhouse/displaywidth"
)

// TestSimpleWidths checks the table the setter's fast path reads against
// the grapheme iterator and displaywidth, for every character it covers
// and every CJK unified ideograph.
func TestSimpleWidths(t *testing.T) {
	for k, wide := range []bool{false, true} {
		opt := displaywidth.Options{EastAsianWidth: wide}
		for _, rg := range [][2]rune{{0, 0x80}, {0x2000, 0x2070}, {0x3000, 0x3100}, {0x4E00, 0xA000}, {0xFF00, 0xFFF0}} {
			for r := rg[0]; r < rg[1]; r++ {
				w := simpleWidths[k].width(r)
				if w < 0 {
					continue
				}
				s := string(r)
				if count("中"+s+"a"+s+s) != 5 {
					t.Errorf("%U joins a neighbour", r)
				}
				if got := opt.String(s); got != w {
					t.Errorf("%U: table %d, displaywidth %d (wide %v)", r, w, got, wide)
				}
			}
		}
	}
	for _, r := range []rune{'\n', '\t', 0x200B, 0x200D, 0x3099, 0x302A, 0xFE0F, 0x0301} {
		if simpleWidths[0].width(r) >= 0 {
			t.Errorf("%U in the fast path", r)
		}
	}
}

// TestClustersAgree checks that the setter's clusters, found with the fast
// path, are the grapheme iterator's, with its widths.
func TestClustersAgree(t *testing.T) {
	pieces := []string{"中", "文", "，", "“", "”", "a", " ", "1", "\u0301", "\u200d", "👨", "\ufe0f", "🇨", "🇳",
		"\u3099", "か", "\u200b", "—", "…", "\u0600", "ก", "\u0e31", "\n", "ᄀ", "ᅡ", "\u302a", "ｱ", "ﾞ"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range r.IntN(20) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		d := b.String()
		for _, wide := range []bool{false, true} {
			s := newSetter(Options{})
			s.dw.EastAsianWidth = wide
			s.clusters(d, false)
			g := s.dw.StringGraphemes(d)
			i, off := 0, 0
			for g.Next() {
				if i >= len(s.cl)-1 || int(s.cl[i].off) != off || int(s.cl[i].w) != g.Width() {
					t.Fatalf("%q (wide %v): cluster %d at %d, width %d; setter has %+v", d, wide, i, off, g.Width(), s.cl)
				}
				off += len(g.Value())
				i++
			}
			if i != len(s.cl)-1 {
				t.Fatalf("%q: %d clusters, setter %d", d, i, len(s.cl)-1)
			}
		}
	}
}
