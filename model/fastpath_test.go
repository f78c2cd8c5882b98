package model

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dubao/seeds"
)

// The parser passes over most lines by cheap tests (facts, first runes,
// one-pass counts) before the recognisers that would reject them. These
// tests hold each cheap test to what it stands in for, on every line the
// package's tests, the seed and generated editions hold, and on lines
// made of the pieces bylines, credits and datelines are made of.

// fastPathLines returns the lines the fast-path tests check.
func fastPathLines(t *testing.T) []string {
	var texts []string
	texts = append(texts, string(seeds.Default))
	texts = append(texts, testTexts(t)...)
	var palette []string
	for _, s := range texts {
		palette = append(palette, strings.Split(s, "\n")...)
	}
	rng := rand.New(rand.NewPCG(3, 5))
	for k := range 300 {
		text, _ := newGenerator(uint64(k)).edition()
		texts = append(texts, mixLines(rng, text, palette))
	}
	pieces := []string{"本报记者", "记者", "通讯员", "实习生", "摄", "摄影", "报道", "图/", "文／", "新华社", "北京", "3月5日",
		"电", "讯", "本报讯", "据", "（", "）", "(", ")", "【", "】", "版", "第2版", "下转", "上接", "完", "责任编辑", "：", "——",
		" ", "  ", "\u3000", "王明", "何", "聪", "李", "By ", "LONDON, March 15.—", "John Smith", "◆", "■", "评论员", "编辑部",
		"，", "。", "！", "”", "“", "春风", "吹绿", "a", "Z", "7", "/", "電", "訊", "記者", "攝", "圖/", "·", "部", "员"}
	var lines []string
	for _, s := range texts {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	return lines
}

func TestFastPaths(t *testing.T) {
	for _, s := range fastPathLines(t) {
		checkFastPaths(t, s)
	}
}

// FuzzFastPaths holds the cheap tests to what they stand in for on any
// line.
func FuzzFastPaths(f *testing.F) {
	for _, s := range []string{"本报记者  何  聪", "记者蔡佳楠摄", "（下转第2版）", "新华社北京3月5日电（记者 林晖）",
		"By JOHN SMITH", "LONDON, March 15.—The", "◆张明", "“春风”吹绿千村万户！\r", "图/王明",
		"\xed\xa0\x80", "\xe0\x80\x80", "\xf4\x90\x80\x80", "\xc2\x85", "\u2028", "\u202e", "\ufeff", "\U0001F600", "a\rb", "■■  【新华社北京十日电】", "[LONDON, March 15.—]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFastPaths(t, s) })
}

func checkFastPaths(t testing.TB, s string) {
	t.Helper()
	f := factsOf(s)
	if _, ok := parseCredit(s); ok && !f.mayBeCredit() {
		t.Errorf("%q is a credit, but its facts say it cannot be", s)
	}
	if _, ok := parseStandaloneByline(s); ok && !f.mayBeByline() {
		t.Errorf("%q is a byline, but its facts say it cannot be", s)
	}
	if m, _ := isJumpMarker(s); m && !f.mayBeJumpMarker() {
		t.Errorf("%q is a jump note, but its facts say it cannot be", s)
	}
	if _, _, _, ok := parseLeadByline(s); ok && !f.mayHoldDateline() {
		t.Errorf("%q opens with a dateline, but its facts say it cannot", s)
	}
	if w, n := widthAndRunes(s, maxWrapMeasure+1, maxShortLine); w != approxWidth(s, maxWrapMeasure+1) || n != runeCountMax(s, maxShortLine) {
		t.Errorf("widthAndRunes(%q) = %d, %d; want %d, %d", s, w, n, approxWidth(s, maxWrapMeasure+1), runeCountMax(s, maxShortLine))
	}
	if got, want := lastMark(s), refLastMark(s); got != want {
		t.Errorf("lastMark(%q) = %q, want %q", s, got, want)
	}
	if got, want := mayOpenWithDateline(s), refMayOpenWithDateline(s); got != want {
		t.Errorf("mayOpenWithDateline(%q) = %v, want %v", s, got, want)
	}
	if got, want := isLeadIn(s), strings.ContainsAny(strings.TrimRight(s, "：:—-"), "，,：:"); got != want {
		t.Errorf("isLeadIn(%q) = %v, want %v", s, got, want)
	}
	if _, _, _, ok := parseLeadByline(s); ok && !mayHoldDatelineAtStart(s) {
		t.Errorf("%q opens with a dateline, but mayHoldDatelineAtStart says it cannot", s)
	}
	if got, want := trimSpace(s), strings.TrimFunc(s, isSpace); got != want {
		t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
	}
	if valid, plain := validPlain([]byte(s)); valid != utf8.ValidString(s) || valid && plain == needsCleanBesidesCRLF(s) {
		t.Errorf("validPlain(%q) = %v, %v; want %v, %v", s, valid, plain, utf8.ValidString(s), !needsCleanBesidesCRLF(s))
	}
	// Text that needs no cleaning but for its CRLF pairs is split as the
	// cleaned text is.
	for _, text := range []string{s, strings.ReplaceAll(s, "\n", "\r\n"), s + "\r\n" + s + "\r\n\r\n"} {
		if got, want := splitUnits(cleanLines(text)), splitUnits(clean(text)); !reflect.DeepEqual(got, want) {
			t.Errorf("units of %q:\n%+v\nwant\n%+v", text, got, want)
		}
	}
}

// refLastMark is lastMark as first written, with the set of closers.
func refLastMark(s string) rune {
	s = strings.TrimRightFunc(s, isSpace)
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !strings.ContainsRune(closers, r) {
			return r
		}
		s = s[:len(s)-size]
	}
	return 0
}

// refMayOpenWithDateline is mayOpenWithDateline as first written.
func refMayOpenWithDateline(s string) bool {
	head := s[:min(len(s), 3*8)]
	if head == "" {
		return false
	}
	if c := head[0]; c == '[' || c >= 'A' && c <= 'Z' || c == ' ' || c == '\t' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(head)
	return strings.ContainsRune("【本據据"+bylineMarks, r) || strings.ContainsAny(head, "社网台报網報")
}

func TestCommonSurnameTable(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		if got, want := isCommonSurname(r), strings.ContainsRune(commonSurnames, r); got != want {
			t.Fatalf("isCommonSurname(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if got, want := isSpace(r), unicode.IsSpace(r) || r == 0xFEFF; got != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
}
