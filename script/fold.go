package script

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// foldTable maps each traditional character to its simplified form (the
// first OpenCC gives), and each simplified form to every character that
// folds to it, itself included unless it folds further.
type foldTable struct {
	simple map[rune]rune
	orbit  map[rune][]rune
}

var (
	foldOnce sync.Once
	table    foldTable
)

// hanRanges are the blocks whose characters the fold table covers: the
// unified ideographs, extension A and the compatibility ideographs. OpenCC
// maps few characters beyond them.
var hanRanges = [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}}

// folds builds the fold table the first time: every character of
// hanRanges, one per line so that no phrase spans two, through OpenCC's
// t2s characters.
func folds() foldTable {
	foldOnce.Do(func() { table = buildFolds() })
	return table
}

func buildFolds() foldTable {
	var b strings.Builder
	var in []rune
	for _, r := range hanRanges {
		for c := r[0]; c <= r[1]; c++ {
			in = append(in, c)
			b.WriteRune(c)
			b.WriteByte('\n')
		}
	}
	out := strings.Split(convert("t2s", b.String()).Shown, "\n")
	table := foldTable{simple: map[rune]rune{}, orbit: map[rune][]rune{}}
	for i, c := range in {
		if i >= len(out) {
			break
		}
		s, n := utf8.DecodeRuneInString(out[i])
		if n != len(out[i]) || s == c || s == utf8.RuneError {
			continue
		}
		table.simple[c] = s
		table.orbit[s] = append(table.orbit[s], c)
	}
	for s := range table.orbit {
		if _, folds := table.simple[s]; !folds {
			table.orbit[s] = append(table.orbit[s], s)
		}
	}
	return table
}

// Fold returns the simplified form of a traditional character (發 gives
// 发, 臺 gives 台) and any other rune unchanged: two texts that differ only
// in script fold alike.
func Fold(r rune) rune {
	if !isHan(r) {
		return r
	}
	if s, ok := folds().simple[r]; ok {
		return s
	}
	return r
}

// Orbit returns every character that folds as r does, r among them (发 gives
// 发, 發 and 髮); nil when r is the only one.
func Orbit(r rune) []rune {
	if !isHan(r) {
		return nil
	}
	t := folds()
	if s, ok := t.simple[r]; ok {
		r = s
	}
	return t.orbit[r]
}

// HasHan reports whether s holds a Chinese character, for which a search
// looks in every script.
func HasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func isHan(r rune) bool { return r >= 0x3400 && unicode.Is(unicode.Han, r) }

// Detect tells whether text is written in simplified (Hans) or traditional
// (HantTW, standing for any traditional) characters, by which it has more
// of: characters that have a simplified form, or simplified forms of other
// characters. Text with neither is Hans.
func Detect(text string) Script {
	t := folds()
	trad, simp := 0, 0
	for _, r := range text {
		if r < 0x3400 {
			continue
		}
		if _, ok := t.simple[r]; ok {
			trad++
		} else if len(t.orbit[r]) > 1 {
			simp++
		}
	}
	if trad > simp {
		return HantTW
	}
	return Hans
}

// Spellings returns q as each script writes it, q first: simplified (with
// the mainland's vocabulary), Taiwan's traditional (with Taiwan's: 软件 is
// 軟體, 内存 記憶體) and Hong Kong's, each once. A search of text stored as
// printed looks for every one.
func Spellings(q string) []string {
	out := []string{q}
	if !HasHan(q) {
		return out
	}
	hans := spell("tw2sp", q)
	for _, s := range []string{hans, spell("s2twp", hans), spell("s2hk", hans)} {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// spell converts a query by conversion name: through the entries of the
// dictionaries it holds (shortConvert), else the tries.
func spell(name, q string) string {
	if out, ok := shortConvert(name, q); ok {
		return out
	}
	return convert(name, q).Shown
}

// Variants returns the Spellings of q that differ when folded (see Fold),
// q first: what a search that folds characters looks for. 发展 is one
// (發展 folds as it), 软件 two (軟體 does not fold as 软件).
func Variants(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range Spellings(q) {
		if f := FoldString(s); !seen[f] {
			seen[f] = true
			out = append(out, s)
		}
	}
	return out
}

// FoldString folds every rune of s (see Fold).
func FoldString(s string) string {
	return strings.Map(Fold, s)
}
