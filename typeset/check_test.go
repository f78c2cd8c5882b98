package typeset

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"

	"dubao/model"
)

// This file holds the test oracles. They are written from the text,
// not from the package's tables, so that a wrong table fails them.

// Marks that may not begin or end a line, as the issue lists them.
const (
	checkNoStart     = "、，。．；：？！”’」』）］｝〕】〗〙》〉–～·・‧／"
	checkHalfNoStart = ",.;:?!)]}"
	checkNoEnd       = "“‘「『（［｛〔【〖〘《〈"
	checkHalfNoEnd   = "([{"
	checkRepeat      = "—…"
	// checkUnitStart holds characters that begin the units of the issue's
	// examples and of the seed.
	checkUnitStart = "%％万亿元美公米个家年月日号亩吨项条"
)

// violation is one broken rule in a run of lines.
type violation struct {
	line int
	rule string
}

func (v violation) String() string { return fmt.Sprintf("line %d: %s", v.line, v.rule) }

// violations checks the lines that block text src was set into, as shown
// (trailing spaces, which Lip Gloss pads with, are ignored), against the
// issue's rules. src tells a split word from two words whose space was
// hidden at the break.
func violations(lines []string, w int, src string) []violation {
	var out []violation
	for k, line := range lines {
		line = strings.TrimRight(line, " ")
		if Width(line) > w {
			out = append(out, violation{k, fmt.Sprintf("width %d > %d", Width(line), w)})
		}
		if !utf8.ValidString(line) || strings.IndexFunc(line, unicode.IsControl) >= 0 {
			out = append(out, violation{k, "control character or invalid UTF-8"})
		}
		if k == len(lines)-1 {
			continue
		}
		next := strings.TrimLeft(strings.TrimRight(lines[k+1], " "), " ")
		last, _ := utf8.DecodeLastRuneInString(line)
		first, _ := utf8.DecodeRuneInString(next)
		if rule := splitRule(last, first, line, next, src); rule != "" {
			out = append(out, violation{k + 1, rule})
		}
	}
	return out
}

// splitRule names the rule a break between line, ending with last, and
// next, beginning with first, breaks, or "".
func splitRule(last, first rune, line, next, src string) string {
	cjkBefore := isCheckCJK(last)
	// joined reports whether the run of letters and digits the break cuts
	// stood whole in the source.
	joined := func() bool {
		tail := line[strings.LastIndexFunc(line, notWordRune)+1:]
		head := next
		if i := strings.IndexFunc(next, notWordRune); i >= 0 {
			head = next[:max(i, utf8.RuneLen(first))]
		}
		return strings.Contains(src, tail+head)
	}
	switch {
	case strings.ContainsRune(checkNoStart, first):
		return fmt.Sprintf("line starts with %q", first)
	case strings.ContainsRune(checkHalfNoStart, first) && cjkBefore:
		return fmt.Sprintf("line starts with %q after CJK", first)
	case strings.ContainsRune(checkNoEnd, last):
		return fmt.Sprintf("line ends with %q", last)
	case strings.ContainsRune(checkHalfNoEnd, last) && isCheckCJK(first):
		return fmt.Sprintf("line ends with %q before CJK", last)
	case strings.ContainsRune(checkRepeat, last) && last == first:
		return fmt.Sprintf("%c%c split", last, first)
	case isCheckDigit(last) && (isCheckDigit(first) || strings.ContainsRune(checkUnitStart, first)) && joined():
		return fmt.Sprintf("number split at %c|%c", last, first)
	case (last == '.' || last == ',') && isCheckDigit(first) && numberEnd(line) && joined():
		return fmt.Sprintf("number split at %c|%c", last, first)
	case isASCIILetter(last) && isASCIILetter(first) && joined():
		return fmt.Sprintf("word split at %c|%c", last, first)
	}
	return ""
}

func numberEnd(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line[:len(line)-1])
	return isCheckDigit(r)
}

func isCheckCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF01 && r <= 0xFF60
}

func notWordRune(r rune) bool {
	return !isASCIILetter(r) && !isCheckDigit(r) && r != '.' && r != ','
}

func isCheckDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// texts returns the lines' texts.
func texts(lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.Text
	}
	return out
}

// checkGuarantees asserts what the issue guarantees for any input: every
// line within the measure (plus the gutter for a hanging mark), Width right,
// no control character, the lines tiling the source, and the lines, less the
// indent and the display substitutions, giving back the source.
func checkGuarantees(t *testing.T, text string, typ model.BlockType, opt Options, lines []Line) {
	t.Helper()
	w := max(opt.Width, 2)
	if len(lines) == 0 {
		t.Fatalf("no lines for %q", text)
	}
	prevEnd := 0
	for k, l := range lines {
		limit := w
		if opt.Hanging && strings.ContainsAny(lastCluster(l.Text), "，。、") {
			limit += HangingGutter
		}
		switch {
		case l.Width > limit:
			t.Errorf("W=%d line %d %q: width %d", w, k, l.Text, l.Width)
		case Width(l.Text) != l.Width:
			t.Errorf("W=%d line %d %q: Width field %d, measured %d", w, k, l.Text, l.Width, Width(l.Text))
		case !utf8.ValidString(l.Text) || strings.IndexFunc(l.Text, unicode.IsControl) >= 0:
			t.Errorf("W=%d line %d %q: control character or invalid UTF-8", w, k, l.Text)
		case l.Start != prevEnd || l.End < l.Start:
			t.Errorf("W=%d line %d: range [%d,%d) after %d", w, k, l.Start, l.End, prevEnd)
		case l.Type != typ:
			t.Errorf("W=%d line %d: type %q", w, k, l.Type)
		}
		prevEnd = l.End
		shown := l.Text
		if k == 0 {
			shown = strings.TrimPrefix(shown, "\u3000\u3000")
		}
		if l.End >= l.Start && l.End <= len(text) && !gives(text[l.Start:l.End], shown) {
			t.Errorf("W=%d line %d: %q does not show source %q", w, k, l.Text, text[l.Start:l.End])
		}
	}
	if prevEnd != len(text) {
		t.Errorf("W=%d: lines end at %d of %d", w, prevEnd, len(text))
	}
}

// lastCluster returns the first rune of s's last grapheme cluster.
func lastCluster(s string) string {
	last := ""
	for g := graphemes.FromString(s); g.Next(); {
		last = g.Value()
	}
	_, size := utf8.DecodeRuneInString(last)
	return last[:size]
}

// gives reports whether shown is src less what the issue lets the
// typesetter drop or change: blanks at the edges, control characters, tabs
// as four spaces (and a zero-width space when a mark follows), half-width punctuation shown full-width, and bad bytes as
// U+FFFD.
func gives(src, shown string) bool {
	if src == "" {
		return strings.Trim(shown, "\u200b") == "" // kept a mark from a tab
	}
	// Blanks at the start may be hidden, or shown when a mark sits on
	// one: try each number of hidden ones.
	for k := 0; ; {
		if givesFrom(src[k:], shown) {
			return true
		}
		r, size := utf8.DecodeRuneInString(src[k:])
		if k == len(src) || !hideable(r) {
			return false
		}
		k += size
	}
}

func givesFrom(src, shown string) bool {
	si, di := 0, 0
	for si < len(src) {
		r, size := utf8.DecodeRuneInString(src[si:])
		d, dsize := utf8.DecodeRuneInString(shown[di:])
		if d == '\u200b' && r != d && r != utf8.RuneError && len(graphemes.FromString(" "+string(r)).First()) > 1 {
			di += dsize // kept a mark from joining a tab's last space
			continue
		}
		switch {
		case di < len(shown) && r == d && (r != utf8.RuneError || size == dsize):
			di += dsize
		case di < len(shown) && strings.ContainsRune(",:;!?()", r) && d == r-0x21+0xFF01:
			di += dsize
		case r == utf8.RuneError && size == 1 && d == '\uFFFD':
			di += dsize
		case r == '\t' && strings.HasPrefix(shown[di:], "    "):
			di += 4
		case r == '\t' && strings.TrimLeft(shown[di:], " ") == "":
			di = len(shown) // a tab at a line's end, partly hidden
		case unicode.IsControl(r) || r == 0x2028 || r == 0x2029:
		case di == len(shown) && hideable(r):
		default:
			return false
		}
		si += size
	}
	return di == len(shown) || strings.HasSuffix(src, "\t") && shown[di:] == "\u200b"
}

func hideable(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u3000' || unicode.IsControl(r) || r == 0x2028 || r == 0x2029
}
