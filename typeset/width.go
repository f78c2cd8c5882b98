package typeset

import (
	"os"
	"strconv"
	"sync/atomic"

	"github.com/clipperhouse/displaywidth"
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

// Width returns the width of s in terminal cells. It is the one width
// function of dubao: it sums the widths of s's grapheme clusters as Lip Gloss
// v2 does (ansi.StringWidth, through clipperhouse/displaywidth), so a CJK
// character is two cells, an emoji sequence joined by ZWJ or completed by
// VS16 is two, a combining mark adds nothing, an ambiguous character is one
// or two as SetAmbiguousWide says, and escape sequences and control
// characters are zero.
//
// The Bubble Tea v2 renderer (ultraviolet) measures the same way once the
// terminal reports Unicode mode 2027. Without it the renderer counts code
// points (WcWidth: go-runewidth with the same ambiguous setting), which agrees
// for CJK, ambiguous characters, combining marks and flags, but not for a ZWJ
// sequence (👨‍👩‍👧‍👦: 2 here, 8 there) or VS16 after a text-style character
// (❤️: 2 here, 1 there); Lip Gloss lays the page out, so Width follows it.
func Width(s string) int {
	return widthOptions().String(s)
}

// Truncate cuts s to at most w cells, between grapheme clusters, and ends it
// with tail when it was cut. The result is never wider than w: a tail wider
// than w is itself cut. Escape sequences after the cut are kept, so a styled
// string keeps its closing reset.
func Truncate(s string, w int, tail string) string {
	if w <= 0 {
		return ""
	}
	opt := widthOptions()
	if opt.String(tail) > w {
		tail = opt.TruncateString(tail, w, "")
	}
	return opt.TruncateString(s, w, tail)
}
