package script

import (
	"embed"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	_ "unsafe" // for go:linkname
)

// openccDictionaries is opencc's embedded dictionary folder (its files are
// dictionary/NAME.txt, a key, a tab and space-separated values a line),
// which the package keeps to itself: it only builds whole tries of them,
// and building those of STPhrases, a megabyte of phrases, takes some 40 ms
// and 20 MB. Spellings converts a query of a few characters, for which a
// pass over the text picking the few entries that occur in the query is a
// hundred times cheaper (see shortConvert). TestShortConvert checks it
// against the tries, so a new opencc that moves its files fails there.
//
//go:linkname openccDictionaries github.com/longbridgeapp/opencc.df
var openccDictionaries embed.FS

// shortChains are the conversions Spellings runs, as opencc's
// configurations (config/NAME.json) chain their dictionaries: a step after
// another, and within a step the first dictionary that has an entry at a
// place wins. s2hk is s2twp's first step and t2hk's, as sharedS2HK builds
// it.
var shortChains = map[string][][]string{
	"tw2sp": {{"TWPhrasesRev", "TWVariantsRevPhrases", "TWVariantsRev"}, {"TSPhrases", "TSCharacters"}},
	"s2twp": {{"STPhrases", "STCharacters"}, {"TWPhrases"}, {"TWVariants"}},
	"s2hk":  {{"STPhrases", "STCharacters"}, {"HKVariants"}},
}

// maxShort is the longest text, in bytes, that shortConvert takes: a
// query. Longer text goes through the tries.
const maxShort = 256

// dictionary is the text of one of opencc's dictionaries, with where each
// line starts and its first rune.
type dictionary struct {
	text   string
	starts []int32
	firsts []rune
}

// dictionaries returns those of shortChains that are there, by name,
// read the first time.
var dictionaries = sync.OnceValue(func() map[string]*dictionary {
	m := map[string]*dictionary{}
	for _, chain := range shortChains {
		for _, step := range chain {
			for _, name := range step {
				if _, done := m[name]; done {
					continue
				}
				if data, err := openccDictionaries.ReadFile("dictionary/" + name + ".txt"); err == nil {
					m[name] = indexLines(string(data))
				}
			}
		}
	}
	return m
})

// indexLines finds the lines of text and their first runes.
func indexLines(text string) *dictionary {
	n := strings.Count(text, "\n") + 1
	d := &dictionary{text: text, starts: make([]int32, 0, n), firsts: make([]rune, 0, n)}
	for at := 0; at < len(text); {
		r, _ := utf8.DecodeRuneInString(text[at:])
		d.starts = append(d.starts, int32(at))
		d.firsts = append(d.firsts, r)
		nl := strings.IndexByte(text[at:], '\n')
		if nl < 0 {
			break
		}
		at += nl + 1
	}
	return d
}

// shortConvert converts s (at most maxShort bytes) by conversion name as
// convert does, reading from each dictionary only the entries whose keys
// occur in the text of that step. ok is false when it cannot (a
// conversion or dictionary it does not know), for the caller to convert
// through the tries.
func shortConvert(name, s string) (out string, ok bool) {
	chain, known := shortChains[name]
	if !known || len(s) > maxShort {
		return "", false
	}
	all := dictionaries()
	for _, step := range chain {
		dicts := make([]map[string]string, len(step))
		for i, name := range step {
			d, found := all[name]
			if !found {
				return "", false
			}
			dicts[i] = d.entriesIn(s)
		}
		s = convertStep(dicts, s)
	}
	return s, true
}

// entriesIn returns the entries of the dictionary whose keys occur in s,
// each key's first value, read as opencc's loader (da.Build) reads them: a
// line is trimmed and split at tabs; a line of one field, or the last one
// when it has no line break, is passed over; of two lines with one key the
// later wins; the values are the second field split at spaces, or every
// further field when there are more. Only the lines that start with a
// character of s are read: no line of opencc's files starts with a space,
// which trimming would take off its key (TestShortConvert checks).
func (d *dictionary) entriesIn(s string) map[string]string {
	var runes []rune
	for _, r := range s {
		if !slices.Contains(runes, r) {
			runes = append(runes, r)
		}
	}
	var starts []int32
	for i, r := range d.firsts {
		if slices.Contains(runes, r) {
			starts = append(starts, d.starts[i])
		}
	}
	text := d.text
	m := map[string]string{}
	for _, start := range starts {
		at := int(start)
		nl := strings.IndexByte(text[at:], '\n')
		if nl < 0 {
			continue
		}
		line := strings.TrimSpace(text[at : at+nl])
		key, _, _ := strings.Cut(line, "\t")
		if !strings.Contains(s, key) {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 {
			continue
		}
		value := fields[1]
		if len(fields) == 2 {
			if vs := strings.Fields(fields[1]); len(vs) > 0 {
				value = vs[0]
			} else {
				value = fields[0]
			}
		}
		m[fields[0]] = value
	}
	return m
}

// convertStep is one step of convert over dictionaries of entries: at each
// place the longest entry, at most maxPhrase runes, of the first
// dictionary that has one, else the rune unchanged.
func convertStep(dicts []map[string]string, s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		// The ends of the first maxPhrase runes at i.
		var ends [maxPhrase]int
		n := 0
		for j := i; j < len(s) && n < maxPhrase; n++ {
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
			ends[n] = j
		}
		matched := false
		for _, d := range dicts {
			for k := n - 1; k >= 0 && len(d) > 0; k-- {
				if v, ok := d[s[i:ends[k]]]; ok {
					b.WriteString(v)
					i = ends[k]
					matched = true
					break
				}
			}
			if matched {
				break
			}
		}
		if !matched {
			b.WriteString(s[i:ends[0]])
			i = ends[0]
		}
	}
	return b.String()
}
