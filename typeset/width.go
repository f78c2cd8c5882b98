package typeset

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/displaywidth"
	"github.com/clipperhouse/uax29/v2/graphemes"
	"github.com/mattn/go-runewidth"
)

// ambiguousWide says whether East Asian Ambiguous characters (“ ” ‘ ’ … — ·
// ─) take two cells. It is package state on purpose: the width of those
// characters is a property of the user's terminal, the same for every
// measurement in the process, and Lip Gloss keeps the same setting as package
// state in charmbracelet/x/ansi. It is atomic because the UI measures from
// more than one goroutine.
var ambiguousWide atomic.Bool

func init() {
	// Parsed exactly as charmbracelet/x/ansi parses it (method.go), so that
	// typeset and Lip Gloss start from the same answer.
	if ea, err := strconv.ParseBool(os.Getenv("RUNEWIDTH_EASTASIAN")); err == nil && ea {
		ambiguousWide.Store(true)
	}
}

// SetAmbiguousWide sets whether East Asian Ambiguous characters (“ ” ‘ ’ … —
// · ─) are two cells wide (true) or one (false). The default comes from the
// environment variable RUNEWIDTH_EASTASIAN, read as strconv.ParseBool reads
// it; the locale never matters.
//
// Lip Gloss reads RUNEWIDTH_EASTASIAN once, when the program starts, and has
// no setter: a program that sets a different value here should also arrange
// for that variable to be set before it starts (for example by re-executing
// itself) or Lip Gloss will pad by the other width.
func SetAmbiguousWide(wide bool) {
	ambiguousWide.Store(wide)
}

// AmbiguousWide reports whether East Asian Ambiguous characters are measured
// as two cells.
func AmbiguousWide() bool {
	return ambiguousWide.Load()
}

// widthOptions returns the displaywidth options every measurement uses:
// ambiguous characters as configured, and 7-bit escape sequences (SGR,
// OSC 8 hyperlinks) as zero-width, so that styled strings measure as Lip
// Gloss measures them.
func widthOptions() displaywidth.Options {
	return displaywidth.Options{EastAsianWidth: ambiguousWide.Load(), ControlSequences: true}
}

// Method is how the terminal moves the cursor over text, which decides
// how wide a string is drawn.
type Method int32

// The methods.
const (
	// Graphemes is a terminal that clusters graphemes (Unicode mode 2027):
	// a cluster is one glyph, as wide as displaywidth and Lip Gloss say, so
	// 👨‍👩‍👧 is two cells and a combining mark or a Thai vowel adds nothing.
	// It is the default: Lip Gloss and the ultraviolet renderer in
	// GraphemeWidth mode measure this way, and it is the right answer for
	// text that goes to a file.
	Graphemes Method = iota
	// CodePoints is a terminal that has not said it clusters graphemes
	// (tmux 3.3, xterm, most others): it advances the cursor by wcwidth of
	// each code point, so 👨‍👩‍👧 is six cells, 👍🏽 four, ทำ two. It is
	// what the Bubble Tea renderer assumes until the terminal reports mode
	// 2027 (ansi.WcWidth).
	CodePoints
)

var method atomic.Int32

// SetMethod sets how Width measures. The reader chooses once, at start,
// from the terminal's answer to DECRQM 2027, and again only if a late
// answer arrives; the Bubble Tea renderer must be told the same.
func SetMethod(m Method) { method.Store(int32(m)) }

// CurrentMethod reports how Width measures.
func CurrentMethod() Method { return Method(method.Load()) }

// Width returns the width of s in terminal cells, as the terminal will draw
// ForTerminal(s). It is the one width function of dubao. A CJK character
// is two cells, an ambiguous character one or two as SetAmbiguousWide says,
// escape sequences and control characters are zero; the rest depends on
// the Method.
//
// Under Graphemes it sums the widths of s's grapheme clusters as Lip Gloss
// v2 does (ansi.StringWidth, through clipperhouse/displaywidth): an emoji
// sequence joined by ZWJ or completed by VS16 is two cells, a combining
// mark adds nothing.
//
// Under CodePoints it sums the widths of s's code points as the renderer's
// WcWidth method does (ansi.StringWidthWc), with the two corrections
// ForTerminal makes to what is written: conjoining Hangul jamo are composed
// (ᄀ+ᅡ+ᆨ is 각, two cells, where WcWidth counts four and wcwidth two), and
// a ZWJ does not fold the next character into its cluster.
func Width(s string) int {
	if CurrentMethod() == CodePoints {
		return codePointWidth(s)
	}
	return widthOptions().String(s)
}

// clusterWidth is the width of one grapheme cluster v whose grapheme width
// is gw, under the current method; the typesetter measures by clusters.
func clusterWidth(v string, gw int) int {
	if CurrentMethod() == CodePoints {
		return codePointWidth(v)
	}
	return gw
}

// ansiAmbiguousWide is x/ansi's own ambiguous setting, read from the same
// variable when it started; WcWidth has no setter. It is asked the first
// time it is needed, not at start: the first width x/ansi measures past
// the lowest code points builds go-runewidth's table of every code point,
// some 7 ms, which no command but the reader in a terminal that measures
// by code point needs (see WarmCodePoints).
var ansiAmbiguousWide = sync.OnceValue(func() bool { return ansi.StringWidthWc("“") == 2 })

// WarmCodePoints builds, now, the tables measuring by code point needs, so
// that a reader can have them built on another core while it reads and
// parses the edition, rather than before its first frame.
func WarmCodePoints() { ansiAmbiguousWide() }

func codePointWidth(s string) int {
	if hasJamo(s) {
		s = composeJamo(s)
	}
	if AmbiguousWide() == ansiAmbiguousWide() {
		return ansi.StringWidthWc(s)
	}
	// SetAmbiguousWide said otherwise than the environment x/ansi read:
	// measure rune by rune and give the ambiguous ones our width.
	w := 0
	for _, r := range ansi.Strip(s) {
		rw := ansi.StringWidthWc(string(r))
		if rw > 0 && runewidth.IsAmbiguousWidth(r) {
			rw = 1
			if AmbiguousWide() {
				rw = 2
			}
		}
		w += rw
	}
	return w
}

const (
	zwj  = "\u200d"
	zwsp = "\u200b"
)

// ForTerminal returns s as it is to be written to a terminal measured by
// the current method: under Graphemes, s itself; under CodePoints, s with
// conjoining Hangul jamo composed into syllables and a zero-width space
// after every ZWJ. tmux 3.3 folds the character after a ZWJ into the cell
// before it (👨‍👩‍👧 is two cells there) while the renderer and wcwidth give
// it its own cells; with the zero-width space in between, the space is
// what tmux folds, and every terminal that measures by code point draws
// the sequence as its parts side by side, as wide as Width says. Nothing
// else changes: every character of s is still written, in order.
//
// Apply it to a whole frame, after it is laid out: it changes no width.
func ForTerminal(s string) string {
	if CurrentMethod() != CodePoints {
		return s
	}
	if hasJamo(s) {
		s = composeJamo(s)
	}
	if strings.Contains(s, zwj) {
		s = strings.ReplaceAll(s, zwj, zwj+zwsp)
	}
	return s
}

// hasJamo reports whether s holds a conjoining jamo (U+1100..U+11FF, UTF-8
// E1 84 80..E1 87 BF); a byte scan, as most text has none.
func hasJamo(s string) bool {
	for i := strings.IndexByte(s, 0xe1); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c >= 0x84 && c <= 0x87 {
			return true
		}
		j := strings.IndexByte(s[i+1:], 0xe1)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// The conjoining jamo and syllables (The Unicode Standard, section 3.12).
const (
	jamoL, jamoV, jamoT    = 0x1100, 0x1161, 0x11a7
	countL, countV, countT = 19, 21, 28
	syllableBase           = 0xac00
)

// composeJamo composes each leading consonant + vowel (+ trailing
// consonant) of modern Hangul into its precomposed syllable, as NFC does,
// leaving everything else (old Hangul, lone jamo) as it is: a terminal
// draws a syllable in two cells, but the decomposed jamo wcwidth gives
// 2+0+0 and WcWidth 2+1+1.
func composeJamo(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		l := r - jamoL
		if l < 0 || l >= countL {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		v, vn := utf8.DecodeRuneInString(s[i+n:])
		v -= jamoV
		if v < 0 || v >= countV {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		syl := syllableBase + (l*countV+v)*countT
		i += n + vn
		if t, tn := utf8.DecodeRuneInString(s[i:]); t > jamoT && t < jamoT+countT {
			syl += t - jamoT
			i += tn
		}
		b.WriteRune(syl)
	}
	return b.String()
}

// Truncate cuts s to at most w cells, between grapheme clusters, and ends it
// with tail when it was cut. The result is never wider than w: a tail wider
// than w is itself cut. Escape sequences after the cut are kept, so a styled
// string keeps its closing reset.
func Truncate(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	if CurrentMethod() == CodePoints {
		if Width(tail) > w {
			tail = truncateCodePoints(tail, w, "")
		}
		return truncateCodePoints(s, w, tail)
	}
	opt := widthOptions()
	if opt.String(tail) > w {
		tail = opt.TruncateString(tail, w, "")
	}
	return opt.TruncateString(s, w, tail)
}

// truncateCodePoints is Truncate under CodePoints. ansi.WcWidth.Truncate
// will not do: it decides whether to cut by grapheme widths (x/ansi
// v0.11.9), so a title holding 👨‍👩‍👧 came back whole and two cells too wide.
// It cuts between grapheme clusters all the same, so a cluster is never
// split, and keeps every escape sequence.
func truncateCodePoints(s string, w int, tail string) string {
	if codePointWidth(s) <= w {
		return s
	}
	// Measured whole and cluster by cluster, malformed UTF-8 can differ:
	// cut shorter until the whole fits.
	for room := w - codePointWidth(tail); room >= 0; room-- {
		if t := cutCodePoints(s, room, tail); codePointWidth(t) <= w {
			return t
		}
	}
	return ""
}

// cutCodePoints keeps the clusters of s that fit in room cells, then tail
// if anything was left out, and every escape sequence.
func cutCodePoints(s string, room int, tail string) string {
	var b strings.Builder
	b.Grow(len(s) + len(tail))
	var state byte
	col, cut := 0, false
	for i := 0; i < len(s); {
		seq, sw, n, next := ansi.DecodeSequenceWc(s[i:], state, nil)
		if n <= 0 {
			n = 1
		}
		if c := s[i]; sw > 0 || c >= 0xc0 || c >= 0x20 && c < 0x7f {
			// Text: take the whole grapheme cluster, however the decoder
			// split it.
			cl := graphemes.FromString(s[i:]).First()
			if len(cl) < len(seq) {
				cl = seq
			}
			cw := codePointWidth(cl)
			switch {
			case cut:
			case col+cw <= room:
				b.WriteString(cl)
				col += cw
			default:
				cut = true
				b.WriteString(tail)
			}
			i += len(cl)
			state = 0
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
		state = next
	}
	return b.String()
}
