package typeset

import (
	"sort"
	"unicode/utf8"

	"dubao/model"
)

// A long block (a file of one line) is set a chunk at a time: the clusters
// and break flags of a bounded window of its text, from which lines are set
// until one would need text beyond the window. Memory then depends on the
// chunk, not the block, and the first lines come at once.
//
// A chunk ends and begins at a seam, a place where whole-block setting
// looks at nothing across: between eight ideographs (none of them a unit
// multiplier, 十百千万亿兆, which a number could carry across), or after a
// space between two Latin words of four letters or more. No rule of
// UAX #14, UAX #29 or this package's Chinese rules looks more than three
// characters past such a place, so the chunk's clusters and flags are those
// of the whole block, and its lines are the same lines. A line whose
// decision looked into the last chunkMargin clusters of a chunk is set
// again from a later chunk.
//
// Text with no seam for forceBytes (a megabyte of digits, a script without
// spaces) is cut anyway: the next chunk then begins where the next line
// begins, and that line alone may break differently within its first three
// characters than whole-block setting would break it.
const (
	chunkBytes  = 32 << 10
	forceBytes  = 8 * chunkBytes
	chunkMargin = 16
)

// Stream sets one block's lines one at a time, as Text would set them, a
// chunk of the text at a time: its memory is bounded by the chunk, not by
// the block (see chunk.go).
type Stream struct {
	s     *setter
	text  string
	block int
	t     model.BlockType
	lead  int
	// indent says the block opens with the indent; plan holds the source
	// offsets of the parentheses shown full-width, over the whole block.
	indent bool
	plan   []int32

	// The chunk text[base:end] is in s.cl, shown as d.
	base, end int
	d         string
	edits     []edit
	loaded    bool
	pos       int // cluster where the next line starts
	src       int // source offset where the next line starts
	lines     int
	done      bool
}

// NewStream returns a Stream of the lines of one block's text; block and t
// are copied into the lines.
func NewStream(text string, block int, t model.BlockType, opt Options) *Stream {
	return newSetter(opt).stream(text, block, t)
}

func (s *setter) stream(text string, block int, t model.BlockType) *Stream {
	st := &Stream{s: s, text: text, block: block, t: t}
	st.lead = leadingBlanks(text)
	st.indent = s.indented(text[st.lead:], t)
	s.planParens(text)
	st.plan, s.parens = s.parens, nil
	return st
}

// Next returns the next line, or false after the last. Every block gives
// at least one line.
func (st *Stream) Next() (Line, bool) {
	for !st.done {
		if !st.loaded {
			st.load(0, st.s.nextSeam(st.text, st.s.chunk))
		}
		n := len(st.s.cl) - 1
		final := st.end == len(st.text)
		if st.pos >= n {
			if !final {
				st.reload()
				continue
			}
			st.done = true
			if st.lines == 0 {
				st.lines++
				return Line{Block: st.block, Type: st.t, End: len(st.text)}, true
			}
			break
		}
		l, end, reach := st.s.next(st.d, st.edits, st.pos, st.block, st.t)
		if !final && reach > n-chunkMargin {
			st.reload()
			continue
		}
		if st.lines == 0 {
			l.Start = 0
		}
		if final && end == n {
			l.End = len(st.text)
		}
		st.lines++
		st.pos, st.src = end, l.End
		return l, true
	}
	return Line{}, false
}

// Scratch lets the Stream reuse its buffers from chunk to chunk, so that
// setting allocates next to nothing: a line's Text and Span are then good
// only until the next call to Next. It suits a caller that writes each line
// out at once, as print does.
func (st *Stream) Scratch() { st.s.scratch = true }

// Offset returns the source offset where the next line starts: how much
// of the block has been set.
func (st *Stream) Offset() int { return st.src }

// Len returns the length of the block's text.
func (st *Stream) Len() int { return len(st.text) }

// reload moves the window on so that it holds the next line: it begins at
// the last seam before that line and reaches at least a chunk past it, and
// past the window it replaces.
func (st *Stream) reload() {
	from := lastSeam(st.text, st.src, st.base)
	if from == st.base && st.src-st.base > st.s.force {
		from = st.src
	}
	st.load(from, st.s.nextSeam(st.text, max(st.src+st.s.chunk, st.end+1)))
}

// load sets up the chunk text[from:to] and finds the cluster of st.src in
// it.
func (st *Stream) load(from, to int) {
	s := st.s
	st.base, st.end, st.loaded = from, to, true
	// Lines keep slices of the edits: a new array for each chunk, so that
	// a chunk's are freed with its lines.
	if s.scratch {
		s.edits = s.edits[:0]
	} else {
		s.edits = make([]edit, 0, (to-from)/32+4)
	}
	s.parens = s.parens[:0]
	i := sort.Search(len(st.plan), func(i int) bool { return int(st.plan[i]) >= from })
	for ; i < len(st.plan) && int(st.plan[i]) < to; i++ {
		s.parens = append(s.parens, st.plan[i]-int32(from))
	}
	chunk := st.text[from:to]
	// The blanks a block begins with are not shown, however long.
	lead := min(max(st.lead-from, 0), len(chunk))
	if from == 0 {
		st.d, st.edits = s.displayChunk(chunk, lead, st.indent, false)
	} else {
		st.d, st.edits = s.displayChunk(chunk, lead, false, true)
		for i := range st.edits {
			st.edits[i].src += int32(from)
			st.edits[i].srcEnd += int32(from)
		}
	}
	s.prepare(st.d, st.indent && from == 0)
	st.pos = 0
	if st.lines == 0 {
		return // the indent, inserted at 0, is part of the first line
	}
	d := toDisplay(st.edits, st.src, false)
	cl := s.cl
	st.pos = sort.Search(len(cl)-1, func(i int) bool { return int(cl[i].off) >= d })
}

// nextSeam returns the first seam at or after from, or where the text is
// cut when there is none for forceBytes, or the end of text.
func (s *setter) nextSeam(text string, from int) int {
	limit := min(from+s.force, len(text))
	for p := from; p < limit; p++ {
		if isSeam(text, p) {
			return p
		}
	}
	for limit < len(text) && !utf8.RuneStart(text[limit]) {
		limit++
	}
	return limit
}

// lastSeam returns the last seam after base and at or before p, else base.
func lastSeam(text string, p, base int) int {
	for ; p > base; p-- {
		if isSeam(text, p) {
			return p
		}
	}
	return base
}

// isSeam reports whether text may be cut at p (see chunk.go).
func isSeam(text string, p int) bool {
	if p >= 12 && p+12 <= len(text) && text[p] >= 0xE4 && text[p] <= 0xE9 {
		for k := p - 12; k < p+12; k += 3 {
			r, size := utf8.DecodeRuneInString(text[k:])
			if size != 3 || r < 0x4E00 || r > 0x9FFF || isMultiplier(r) {
				return false
			}
		}
		return true
	}
	if p >= 5 && p+4 <= len(text) && text[p-1] == ' ' {
		for k := p - 5; k < p+4; k++ {
			if c := text[k] | 0x20; k != p-1 && (c < 'a' || c > 'z') {
				return false
			}
		}
		return true
	}
	return false
}

// isMultiplier reports whether r is one of unitMultipliers.
func isMultiplier(r rune) bool {
	switch r {
	case '十', '百', '千', '万', '亿', '兆':
		return true
	}
	return false
}
