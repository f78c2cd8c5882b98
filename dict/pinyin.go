package dict

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// toneMarks are the vowels with the marks of tones 1 to 4.
var toneMarks = map[rune][4]rune{
	'a': {'ā', 'á', 'ǎ', 'à'}, 'e': {'ē', 'é', 'ě', 'è'}, 'i': {'ī', 'í', 'ǐ', 'ì'},
	'o': {'ō', 'ó', 'ǒ', 'ò'}, 'u': {'ū', 'ú', 'ǔ', 'ù'}, 'ü': {'ǖ', 'ǘ', 'ǚ', 'ǜ'},
	'A': {'Ā', 'Á', 'Ǎ', 'À'}, 'E': {'Ē', 'É', 'Ě', 'È'}, 'I': {'Ī', 'Í', 'Ǐ', 'Ì'},
	'O': {'Ō', 'Ó', 'Ǒ', 'Ò'}, 'U': {'Ū', 'Ú', 'Ǔ', 'Ù'}, 'Ü': {'Ǖ', 'Ǘ', 'Ǚ', 'Ǜ'},
}

// combiningTones are the combining marks of tones 1 to 4, for syllables
// with no vowel (m2 呣, ng2 嗯): composed with the m or n where Unicode
// has the letter (ḿ, ń, ň, ǹ), left combining where it has not (m̀).
var combiningTones = [4]rune{'\u0304', '\u0301', '\u030C', '\u0300'}

// Marks turns CC-CEDICT's numbered pinyin into pinyin with tone marks:
// "fa1 zhan3" is "fā zhǎn", "nu:3 er2" is "nǚ ér" (u: and v are ü), and
// the neutral tone 5 has no mark ("ma5" is "ma"). The mark goes on a or e
// when the syllable has one, on the o of ou, else on the last vowel.
// Syllables that are not pinyin (a Latin letter, "·", ",") are kept as they
// are.
func Marks(numbered string) string {
	words := strings.Split(numbered, " ")
	for i, w := range words {
		words[i] = markSyllable(w)
	}
	return strings.Join(words, " ")
}

// markSyllable marks one syllable such as "zhan3" or "Lu:4".
func markSyllable(s string) string {
	if s == "" {
		return s
	}
	tone := int(s[len(s)-1] - '0')
	body := s
	if tone >= 1 && tone <= 5 {
		body = s[:len(s)-1]
	} else {
		tone = 0
	}
	if body == "" || !isPinyinBody(body) {
		return s
	}
	body = strings.NewReplacer("u:", "ü", "U:", "Ü", "v", "ü", "V", "Ü").Replace(body)
	if tone == 0 || tone == 5 {
		return body
	}
	rs := []rune(body)
	at := markIndex(rs)
	if at < 0 {
		// No vowel: m, n, ng, hm, hng carry the mark on their m or n.
		for i, r := range rs {
			if r == 'm' || r == 'n' || r == 'M' || r == 'N' {
				out := string(rs[:i+1]) + string(combiningTones[tone-1]) + string(rs[i+1:])
				return norm.NFC.String(out)
			}
		}
		return body
	}
	rs[at] = toneMarks[rs[at]][tone-1]
	return string(rs)
}

// isPinyinBody reports whether s is made of the letters of pinyin (and the
// colon of u:), so that a tone digit after it is a tone.
func isPinyinBody(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == ':') {
			return false
		}
	}
	return true
}

// markIndex returns the index in rs of the vowel that takes the tone mark,
// or -1 when there is none.
func markIndex(rs []rune) int {
	last := -1
	for i, r := range rs {
		switch r {
		case 'a', 'e', 'A', 'E':
			return i
		case 'o', 'O':
			if i+1 < len(rs) && (rs[i+1] == 'u' || rs[i+1] == 'U') {
				return i
			}
			last = i
		case 'i', 'u', 'ü', 'I', 'U', 'Ü':
			last = i
		}
	}
	return last
}
