package script

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// FuzzConvert converts any text to every script: it never panics, every
// offset maps into the shown text, in order, and back no further than it
// was; valid text converts as opencc's own Convert converts it.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"发展软件和内存", "臺灣的記憶體", "头发\xff乾隆", "", "a\u0301b", "𠀀𪚥"} {
		f.Add(s)
	}
	cc, err := opencc.New("s2twp")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, from := range []Script{Hans, HantTW} {
			for _, to := range []Script{Original, Hans, HantTW, HantHK} {
				tx := Convert(in, from, to)
				last := 0
				for i := 0; i <= len(in); i++ {
					o := tx.ToShown(i, false)
					e := tx.ToShown(i, true)
					if o < last || o > e || e > len(tx.Shown) {
						t.Fatalf("%v→%v %q: offset %d maps to %d, %d (after %d)", from, to, in, i, o, e, last)
					}
					last = o
					if b := tx.ToOriginal(o); b < 0 || b > i {
						t.Fatalf("%v→%v %q: %d maps to %d and back to %d", from, to, in, i, o, b)
					}
				}
			}
		}
		// opencc's Convert loses and repeats text at a control character
		// (\x01举 gives 舉舉): compare only text without.
		if utf8.ValidString(in) && !strings.ContainsFunc(in, unicode.IsControl) {
			want, err := cc.Convert(in)
			if err == nil && want != Convert(in, Hans, HantTW).Shown {
				t.Fatalf("%q: %q, opencc %q", in, Convert(in, Hans, HantTW).Shown, want)
			}
		}
	})
}
