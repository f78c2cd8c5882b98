package script

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dubao/seeds"
)

// TestShortConvert checks the conversions Spellings runs through the
// dictionary entries a query holds (shortConvert) against the same
// conversions through opencc's tries (convert), on the keys of
// a sample of the dictionaries (each key alone and run together with the
// next two) and on runs of the seed edition's text in both scripts.
func TestShortConvert(t *testing.T) {
	texts := map[string]string{}
	for name, d := range dictionaries() {
		texts[name] = d.text
	}
	for _, chain := range shortChains {
		for _, step := range chain {
			for _, name := range step {
				if texts[name] == "" {
					t.Fatalf("opencc's dictionary %s not found: has opencc moved its files?", name)
				}
				for line := range strings.Lines(texts[name]) {
					if r, _ := utf8.DecodeRuneInString(line); unicode.IsSpace(r) {
						t.Fatalf("%s has a line starting with a space, which entriesIn does not look for: %q", name, line)
					}
				}
			}
		}
	}
	var inputs []string
	for _, name := range []string{"STPhrases", "TWPhrasesRev", "TSPhrases", "TWVariantsRevPhrases", "TWPhrases", "HKVariants"} {
		var keys []string
		for line := range strings.Lines(texts[name]) {
			if key, _, ok := strings.Cut(line, "\t"); ok {
				keys = append(keys, key)
			}
		}
		// A sample of each dictionary (reading the phrases for each
		// input takes a millisecond), spread over it.
		step := max(len(keys)/150, 1)
		for i := 0; i < len(keys); i += step {
			inputs = append(inputs, keys[i])
			if i+2 < len(keys) {
				inputs = append(inputs, keys[i]+keys[i+1]+keys[i+2])
			}
		}
	}
	seed := []rune(string(seeds.Default))
	trad := []rune(convert("s2twp", string(seeds.Default)).Shown)
	r := rand.New(rand.NewPCG(1, 2))
	for range 150 {
		for _, text := range [][]rune{seed, trad} {
			i := r.IntN(len(text) - 20)
			inputs = append(inputs, string(text[i:i+1+r.IntN(20)]))
		}
	}
	bad := 0
	for _, name := range []string{"tw2sp", "s2twp", "s2hk"} {
		for _, in := range inputs {
			if len(in) > maxShort || !utf8.ValidString(in) {
				continue
			}
			got, ok := shortConvert(name, in)
			if want := convert(name, in).Shown; !ok || got != want {
				t.Errorf("%s(%q) = %q, %v; the tries give %q", name, in, got, ok, want)
				if bad++; bad > 20 {
					t.FailNow()
				}
			}
		}
	}
	if _, ok := shortConvert("s2twp", strings.Repeat("发", maxShort)); ok {
		t.Error("shortConvert took a text longer than maxShort")
	}
}
