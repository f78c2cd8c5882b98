package model

import "unicode/utf8"

// facts records, from one pass over a short line, which of the characters
// that bylines, credits, datelines and jump notes are made of it holds.
// Each recogniser below needs one of them, so a line without any is passed
// over unread: most short lines are headlines, which hold none.
type facts uint8

const (
	// fCredit: 摄 攝 图 圖, one of which every photo credit holds (X摄,
	// 图/X, 摄影/X).
	fCredit facts = 1 << iota
	// fDian: 电 讯 電 訊, which end every Chinese dateline (本报讯,
	// 新华社北京3月5日电).
	fDian
	// fRole: a character every role word holds (记者, 通讯员, 实习生,
	// 摄影, 文/, 图/, and their traditional forms) and the 员 and 部 of the
	// collective authors (本报评论员, 编辑部).
	fRole
	// fBan: 版, which every jump note (下转第2版) holds.
	fBan
	// fUpper: an ASCII capital, which English datelines (LONDON, March
	// 15.—) and bylines (By JOHN SMITH) open with.
	fUpper
)

// factsOf reads s once for its facts.
func factsOf(s string) facts {
	var f facts
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				f |= fUpper
			case c == '/':
				f |= fRole
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '摄', '攝':
			f |= fCredit | fRole
		case '图', '圖':
			f |= fCredit
		case '电', '讯', '電', '訊':
			f |= fDian
		case '记', '記', '员', '員', '生', '／', '部':
			f |= fRole
		case '版':
			f |= fBan
		}
	}
	return f
}

// mayHoldDateline reports whether a line with facts f could hold a
// dateline: a Chinese one ends in 电 or 讯, an English one opens with a
// capital.
func (f facts) mayHoldDateline() bool { return f&(fDian|fUpper) != 0 }

// mayBeByline reports whether a line with facts f could be a standalone
// byline (see parseStandaloneByline): a dateline with its people, an
// English byline (By ...), a collective author or a role word and names.
func (f facts) mayBeByline() bool { return f&(fDian|fUpper|fRole) != 0 }

// mayBeCredit reports whether a line with facts f could be a photo credit.
func (f facts) mayBeCredit() bool { return f&fCredit != 0 }

// mayBeJumpMarker reports whether a line with facts f could be a jump note.
func (f facts) mayBeJumpMarker() bool { return f&fBan != 0 }

// hanSet is a set of CJK ideographs of the basic block (U+4E00–U+9FFF),
// one bit each: a lookup in place of a search through a string or a map.
type hanSet [(0xA000 - 0x4E00) / 64]uint64

// newHanSet returns the set of the first runes of words (all of them when
// first is false).
func newHanSet(words []string, first bool) *hanSet {
	var t hanSet
	for _, w := range words {
		for _, r := range w {
			if r < 0x4E00 || r >= 0xA000 {
				panic("hanSet: " + string(r) + " is outside the CJK block")
			}
			t[(r-0x4E00)/64] |= 1 << ((r - 0x4E00) % 64)
			if first {
				break
			}
		}
	}
	return &t
}

// has reports whether r is in the set.
func (t *hanSet) has(r rune) bool {
	return r >= 0x4E00 && r < 0xA000 && t[(r-0x4E00)/64]&(1<<((r-0x4E00)%64)) != 0
}

// surnameSet holds commonSurnames.
var surnameSet = newHanSet([]string{commonSurnames}, false)

// isCommonSurname reports whether r is one of commonSurnames.
func isCommonSurname(r rune) bool { return surnameSet.has(r) }
