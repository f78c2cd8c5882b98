// Package typeset turns an article's blocks into terminal lines of a given
// width by Chinese line-breaking rules. It is pure: no terminal, no
// bubbletea, no styles. It also owns the one width function that everything in
// dubao measures with (see Width).
//
// Break opportunities come from UAX #14 (go-text/typesetting/segmenter); the
// basic rules of W3C "Requirements for Chinese Text Layout" (clreq) go on top:
//
//   - 、，。．；：？！”’」』）］｝〕】〗〙》〉–～·・‧／ never begin a line, nor do the
//     half-width , . ; : ? ! ) ] } after CJK text;
//   - “‘「『（［｛〔【〖〘《〈 never end a line, nor do ( [ { before CJK text;
//   - —— and …… are never split; a number stays with its sign, percent and
//     unit (1100万美元, 48.7公里, 12.3%), and a Latin word stays whole, unless
//     it is wider than the line, when it is broken between grapheme clusters;
//   - in CJK text “ ‘ open and ” ’ close, as ICU does for zh, so 了。”|“你
//     may break.
//
// A mark that may not begin a line pushes the character before it down
// (push-out); with Options.Hanging one of ，。、 may hang into a gutter
// instead. Chinese paragraphs open with two ideographic spaces. In Chinese
// text a half-width , : ; ! ? ( ) shows full-width; the source is never
// changed, and Line.Span maps source offsets to what is shown.
//
// A block longer than a chunk (32 KB; a file of one line) is set a chunk at
// a time, cut only where no rule looks across (chunk.go), so that its lines
// are those of the block set whole while memory stays that of a chunk;
// Stream hands them out one at a time.
package typeset

import (
	"dubao/model"
)

// HangingGutter is the width in cells of the gutter a caller reserves to the
// right of the measure when it sets Options.Hanging: one full-width mark.
const HangingGutter = 2

// Options control how blocks are set.
type Options struct {
	// Width is the measure in cells. Below 2 it is taken as 2.
	Width int
	// NoIndent turns off the first-line indent of two ideographic spaces
	// that Chinese paragraphs get by default (and that measures narrower
	// than ten cells never get).
	NoIndent bool
	// HalfWidthPunct shows punctuation as stored; by default a half-width
	// , : ; ! ? ( ) between CJK characters is shown full-width.
	HalfWidthPunct bool
	// Hanging lets one of ，。、 hang into a gutter past Width instead of
	// pushing the previous character down. The caller reserves the gutter,
	// HangingGutter cells.
	Hanging bool
	// Gap is the number of blank lines set between blocks.
	Gap int
}

// Line is one line of set text and where it came from.
type Line struct {
	// Text is what to draw: no control characters, valid UTF-8, at most
	// the measure wide (plus HangingGutter when a mark hangs).
	Text string
	// Width is Text's width in cells, as Width measures it.
	Width int
	// Block is the index of the block this line came from.
	Block int
	// Type is that block's type.
	Type model.BlockType
	// Start and End are the byte range of the block's Text that this line
	// shows. The lines of a block tile its text: the first starts at 0,
	// each starts where the one before ended, the last ends at len(Text).
	// Blanks hidden at a line's edges belong to the line. A blank gap
	// line has Start == End.
	Start, End int

	// edits map the block's source to its display text; dFrom is the
	// display offset of Text[0].
	edits []edit
	dFrom int
}

// Span maps the source byte range [srcStart, srcEnd) of the line's block to
// the byte range [from, to) of Text that shows it, for highlighting a match.
// The range is first clipped to the line's own [Start, End). ok is false when
// nothing of it is shown on this line. A range that covers part of a
// substituted character (a tab, a mark shown full-width) covers all of it.
func (l Line) Span(srcStart, srcEnd int) (from, to int, ok bool) {
	srcStart, srcEnd = max(srcStart, l.Start), min(srcEnd, l.End)
	if srcStart >= srcEnd {
		return 0, 0, false
	}
	from = toDisplay(l.edits, srcStart, false) - l.dFrom
	to = toDisplay(l.edits, srcEnd, true) - l.dFrom
	from, to = min(max(from, 0), len(l.Text)), min(max(to, 0), len(l.Text))
	return from, to, from < to
}

// Blocks sets every block at the given options and returns the lines in
// order, Gap blank lines between blocks. Every block gives at least one line.
func Blocks(blocks []model.Block, opt Options) []Line {
	s := newSetter(opt)
	size := 0
	for _, b := range blocks {
		size += len(b.Text)
	}
	lines := make([]Line, 0, s.estimate(size, len(blocks)))
	// Chinese text has an edit (a mark shown full-width) every few dozen
	// bytes; sized once, the edits are not copied as they grow.
	s.edits = make([]edit, 0, size/48+len(blocks))
	for i, b := range blocks {
		if i > 0 {
			for range opt.Gap {
				lines = append(lines, Line{Block: i, Type: b.Type})
			}
		}
		lines = s.set(lines, b.Text, i, b.Type)
	}
	return lines
}

// Text sets one block's text. block and t are copied into the lines.
func Text(text string, block int, t model.BlockType, opt Options) []Line {
	s := newSetter(opt)
	return s.set(make([]Line, 0, s.estimate(len(text), 1)), text, block, t)
}
