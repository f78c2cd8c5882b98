// Package typeset turns an article's blocks into terminal lines of a given
// width by Chinese line-breaking rules. It is pure: no terminal, no
// bubbletea, no styles. It also owns the one width function that everything in
// dubao measures with.
//
// PLACEHOLDER: the line breaker below is a naive greedy wrap written only to
// fix the API; the typesetting work (issue 3) replaces it.
package typeset

import (
	"strings"

	"dubao/model"
)

// Options control how blocks are set.
type Options struct {
	// Width is the measure in cells. Below 2 it is taken as 2.
	Width int
	// NoIndent turns off the first-line indent of two ideographic spaces
	// that Chinese paragraphs get by default.
	NoIndent bool
	// HalfWidthPunct shows punctuation as stored; by default a half-width
	// , : ; ! ? ( ) between CJK characters is shown full-width.
	HalfWidthPunct bool
	// Hanging lets one of ，。、 hang into a gutter past Width instead of
	// pushing the previous character down. The caller reserves the gutter.
	Hanging bool
	// Gap is the number of blank lines set between blocks.
	Gap int
}

// Line is one line of set text and where it came from.
type Line struct {
	// Text is what to draw: no control characters, at most the measure wide
	// (plus the gutter when hanging).
	Text string
	// Width is Text's width in cells.
	Width int
	// Block is the index of the block this line came from.
	Block int
	// Type is that block's type.
	Type model.BlockType
	// Start and End are the byte range of the block's Text that this line
	// shows. A blank gap line has Start == End.
	Start, End int
}

// Blocks sets every block at the given options and returns the lines in
// order.
func Blocks(blocks []model.Block, opt Options) []Line {
	var lines []Line
	for i, b := range blocks {
		if i > 0 {
			for range opt.Gap {
				lines = append(lines, Line{Block: i, Type: b.Type})
			}
		}
		lines = append(lines, Text(b.Text, i, b.Type, opt)...)
	}
	return lines
}

// Text sets one block's text.
func Text(text string, block int, t model.BlockType, opt Options) []Line {
	w := max(opt.Width, 2)
	var lines []Line
	start, cur := 0, 0
	var sb strings.Builder
	for i, r := range text {
		rw := Width(string(r))
		if cur+rw > w && cur > 0 {
			lines = append(lines, Line{Text: sb.String(), Width: cur, Block: block, Type: t, Start: start, End: i})
			sb.Reset()
			start, cur = i, 0
		}
		sb.WriteRune(r)
		cur += rw
	}
	lines = append(lines, Line{Text: sb.String(), Width: cur, Block: block, Type: t, Start: start, End: len(text)})
	return lines
}

// Width returns the width of s in terminal cells.
func Width(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Truncate cuts s to at most w cells, ending it with tail when it was cut.
func Truncate(s string, w int, tail string) string {
	if Width(s) <= w {
		return s
	}
	tw := Width(tail)
	var sb strings.Builder
	cur := 0
	for _, r := range s {
		rw := Width(string(r))
		if cur+rw+tw > w {
			break
		}
		sb.WriteRune(r)
		cur += rw
	}
	if cur+tw <= w {
		sb.WriteString(tail)
	}
	return sb.String()
}
