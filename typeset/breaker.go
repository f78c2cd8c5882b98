package typeset

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/displaywidth"
	"github.com/go-text/typesetting/segmenter"

	"dubao/model"
)

// cluster is one grapheme cluster of a block's display text.
type cluster struct {
	off int32  // display byte offset
	r   rune   // first rune, which classes the cluster
	f   uint16 // class flags (rules.go)
	w   int8   // width in cells
	b   uint8  // break flags for the boundary before the cluster
}

// Break flags.
const (
	bAllow uint8 = 1 << iota // a line may break before this cluster
	bSoft                    // a break here breaks no clreq rule: where an unbreakable run is cut
	bGlue                    // inside a number and its unit
)

// setter holds the buffers one Blocks or Text call reuses from block to
// block, so that setting allocates little more than the lines.
type setter struct {
	opt   Options
	w     int
	dw    displaywidth.Options
	seg   segmenter.Segmenter
	cut   cutState  // clusters' progress in cutting the text for the segmenter
	cl    []cluster // the block's clusters and a sentinel at its end
	buf   []byte    // the display text being built
	edits []edit    // every block's edits; lines keep slices of it
	// parens and stack plan which parentheses show full-width.
	parens, stack []int32
	// scratch says the display text and the edits may be written over
	// for the next chunk (Stream.Scratch).
	scratch bool
	// chunk and force are chunkBytes and forceBytes, but for tests.
	chunk, force int
}

func newSetter(opt Options) *setter {
	return &setter{
		opt: opt,
		w:   max(opt.Width, 2),
		dw:  displaywidth.Options{EastAsianWidth: AmbiguousWide()},

		chunk: chunkBytes,
		force: forceBytes,
	}
}

// estimate guesses how many lines size bytes of text in blocks blocks will
// take, so the line slice is allocated once: Chinese is three bytes for two
// cells.
func (s *setter) estimate(size, blocks int) int {
	return size*2/3/s.w + blocks*(2+s.opt.Gap)
}

// set appends the lines of one block to out. A long block is set chunk by
// chunk (chunk.go), so that the setter's buffers stay bounded.
func (s *setter) set(out []Line, text string, block int, t model.BlockType) []Line {
	if len(text) > s.chunk {
		st := s.stream(text, block, t)
		for {
			l, ok := st.Next()
			if !ok {
				return out
			}
			out = append(out, l)
		}
	}
	lead := leadingBlanks(text)
	indented := s.indented(text[lead:], t)
	s.planParens(text)
	d, edits := s.displayChunk(text, lead, indented, false)
	s.prepare(d, indented)
	first := len(out)
	n := len(s.cl) - 1
	for pos := 0; pos < n; {
		l, end, _ := s.next(d, edits, pos, block, t)
		out = append(out, l)
		pos = end
	}
	if len(out) == first {
		return append(out, Line{Block: block, Type: t, End: len(text)})
	}
	out[first].Start, out[len(out)-1].End = 0, len(text)
	return out
}

// indented reports whether a block of type t whose shown text begins with
// text opens with the indent.
func (s *setter) indented(text string, t model.BlockType) bool {
	return t == model.Paragraph && !s.opt.NoIndent && s.w >= minIndentWidth && chinese(text)
}

// prepare finds the clusters of display text d and their break flags.
func (s *setter) prepare(d string, indented bool) {
	s.clusters(d, indented)
	s.rules()
}

// next sets the line whose first cluster is pos, of the display text d
// that s.cl holds the clusters of. It returns the line, the cluster after
// it, and reach: the furthest cluster the decision looked at.
func (s *setter) next(d string, edits []edit, pos, block int, t model.BlockType) (l Line, end, reach int) {
	cl := s.cl
	n := len(cl) - 1
	vis := pos
	for vis < n && cl[vis].f&fSpace != 0 {
		vis++
	}
	end, cut, reach := s.fit(vis)
	if cut && cl[vis].f&fIndent != 0 {
		// A run that fits the measure but not beside the indent:
		// drop the indent rather than cut the run.
		vis += len(indent) / len("\u3000")
		var r2 int
		end, _, r2 = s.fit(vis)
		reach = max(reach, r2)
	}
	ve := end
	for ve > vis && cl[ve-1].f&(fSpace|fNewline) != 0 {
		ve--
	}
	w := 0
	for _, c := range cl[vis:ve] {
		w += int(c.w)
	}
	return Line{
		Text: d[cl[vis].off:cl[ve].off], Width: w, Block: block, Type: t,
		Start: toSource(edits, int(cl[pos].off)), End: toSource(edits, int(cl[end].off)),
		edits: edits, dFrom: int(cl[vis].off),
	}, end, max(reach, end)
}

// fit finds where the line whose first shown cluster is vis ends: the last
// break opportunity that keeps it within the measure. cut is true when there
// was none and a run had to be cut between grapheme clusters. reach is the
// furthest cluster looked at.
func (s *setter) fit(vis int) (end int, cut bool, reach int) {
	cl := s.cl
	n := len(cl) - 1
	col, last := 0, -1
	reach = vis
	for i := vis; i < n; i++ {
		c := &cl[i]
		if i > vis && c.b&bAllow != 0 {
			last = i
		}
		switch {
		case c.f&fNewline != 0:
			return i + 1, false, i + 1
		case c.f&fSpace != 0 || col+int(c.w) <= s.w:
			// Blanks are hidden at a line's end, so they never overflow it.
			col += int(c.w)
			continue
		case s.opt.Hanging && c.f&fHang != 0 && col+int(c.w) <= s.w+HangingGutter:
			j, looked := s.afterHang(i)
			if j >= 0 {
				return j, false, looked
			}
			reach = looked
		}
		reach = max(reach, i)
		if last > vis {
			return last, false, reach
		}
		for k := i; k > vis; k-- {
			if cl[k].b&bSoft != 0 {
				return k, true, reach
			}
		}
		return i, true, reach
	}
	return n, false, n
}

// afterHang returns where the line ends if cluster i hangs, or -1 when the
// line may not end after it (”，would then begin the next line), and the
// furthest cluster it looked at.
func (s *setter) afterHang(i int) (end, looked int) {
	cl := s.cl
	n := len(cl) - 1
	j := i + 1
	for j < n && cl[j].f&fSpace != 0 {
		j++
	}
	switch {
	case j == n:
		return n, n
	case cl[j].f&fNewline != 0:
		return j + 1, j + 1
	case cl[j].b&bAllow != 0:
		return j, j
	}
	return -1, j
}

// clusters splits the display text into grapheme clusters, as Lip Gloss
// measures them, and marks the UAX #14 break opportunities before them,
// except those before a mark that the Chinese rules never let begin a line.
//
// Before an ideograph that follows an ideograph or a full-width closing mark
// a break is always allowed (rule LB31) and no rule looks across that
// boundary, so the text is cut there, and likewise at full-width opening
// brackets and beside quote marks whose breaks the Chinese rules decide
// alone. The segmenter, which is most of the cost of setting, only sees the
// stretches between that hold a boundary whose answer matters: numbers,
// Latin words and their neighbours. One pass does both, so that each
// character is decoded once.
func (s *setter) clusters(d string, indented bool) {
	s.cl = s.cl[:0]
	if len(d) > 1<<16 {
		// A long block: size the slice once, at most a cluster per
		// rune, rather than copy it as it doubles.
		if n := utf8.RuneCountInString(d) + 1; cap(s.cl) < n {
			s.cl = make([]cluster, 0, n)
		}
	}
	wt := &simpleWidths[0]
	if s.dw.EastAsianWidth {
		wt = &simpleWidths[1]
	}
	s.cut = cutState{prev: -1, decided: true}
	off := 0
	nr, nsize := decodeAt(d, 0)
	for off < len(d) {
		// Most clusters are one character that joins neither neighbour
		// (simple.go): those skip the grapheme iterator.
		r, size := nr, nsize
		nr, nsize = decodeAt(d, off+size)
		if p := s.cut.prev; size == 3 && r >= 0x4E00 && r <= 0x9FFF && isIdeograph(p) && s.cut.decided &&
			(nsize == 0 || wt.width(nr) >= 0) && !(indented && off < len(indent)) {
			// An ideograph after an ideograph, standing alone: most of
			// Chinese text, a cluster of two cells with a break before
			// it and a cut for the segmenter (cutAt).
			s.cl = append(s.cl, cluster{off: int32(off), r: r, w: 2, f: fCJK, b: bAllow})
			s.cut = cutState{from: off, fromCl: len(s.cl) - 1, prev: r, prev2: p, decided: true}
			off += 3
			continue
		}
		var v string
		w := wt.width(r)
		if w >= 0 && (nsize == 0 || wt.width(nr) >= 0) {
			v = d[off : off+size]
		} else {
			g := s.dw.StringGraphemes(d[off:])
			g.Next()
			v, w = g.Value(), g.Width()
			r, size = utf8.DecodeRuneInString(v)
			nr, nsize = decodeAt(d, off+len(v))
		}
		single := size == len(v)
		first := r
		for size < len(v) && isPrepend(r) {
			// A prepended mark (U+0600 ...) leans on what follows it,
			// and that is what the rules must see.
			var n int
			r, n = utf8.DecodeRuneInString(v[size:])
			size += n
		}
		c := cluster{off: int32(off), r: r, w: int8(clusterWidth(v, w)), f: classify(r)}
		if !single {
			c.f &^= fSpace // a blank with a mark on it is shown
		}
		if r == '\u200b' && joins(" ", d[off+len(v):]) {
			c.f |= fHoldsMark
		}
		if indented && off < len(indent) {
			c.f = fIndent
		}
		if c.f == fIndent {
			// The rules decide every boundary of the indent, and its
			// first character begins the text for the segmenter.
			s.cl = append(s.cl, c)
		} else if p := s.cut.prev; isIdeograph(first) && isIdeograph(p) {
			// An ideograph after an ideograph, most of Chinese text:
			// a break, and a cut (cutAt).
			c.b = bAllow
			s.cl = append(s.cl, c)
			if !s.cut.decided {
				s.segment(d, s.cut.from, off, s.cut.fromCl)
			}
			s.cut = cutState{from: off, fromCl: len(s.cl) - 1, prev: first, prev2: p, decided: true}
		} else {
			s.cl = append(s.cl, c)
			s.cutAt(d, off, first)
		}
		if !single {
			for i, r := range v {
				if i > 0 {
					s.cutAt(d, off+i, r)
				}
			}
		}
		off += len(v)
	}
	if !s.cut.decided {
		s.segment(d, s.cut.from, len(d), s.cut.fromCl)
	}
	s.cl = append(s.cl, cluster{off: int32(len(d))})
}

// cutState is where clusters is in cutting the text for the segmenter: the
// stretch since the last cut begins at display offset from, the first
// cluster at or after it is fromCl, prev and prev2 are the characters
// before, and
// decided is false once the stretch holds a boundary only the segmenter
// can answer. quotes counts the quote marks just before.
type cutState struct {
	from, fromCl int
	prev, prev2  rune
	decided      bool
	quotes       int
}

// cutAt moves the cut state past character r at display offset i, the
// last cluster's start or inside it, marking a break opportunity before
// the last cluster when the boundary before r is one.
func (s *setter) cutAt(d string, i int, r rune) {
	st := &s.cut
	prev, prev2 := st.prev, st.prev2
	st.prev, st.prev2 = r, prev
	quotes := st.quotes
	if isQuote(r) {
		st.quotes++
	} else {
		st.quotes = 0
	}
	stop := false
	switch {
	case prev < 0:
		return
	case isIdeograph(r) && (isIdeograph(prev) || closesFW(prev) || isDigit(prev)):
		stop = true
	case r == ' ' && isIdeograph(prev) && st.decided:
		// No break before a space (LB7); and past it none of the
		// rules that look back through spaces starts at an ideograph.
		return
	case (isIdeograph(r) || opensFW(r)) && prev == ' ' && isIdeograph(prev2) && st.decided:
		stop = true // a break after spaces (LB18)
	case (r == '…' || r == '—') && (isIdeograph(prev) || prev == r) && st.decided:
		// No break before an ellipsis (LB22) nor inside a dash
		// (LB17); before a dash after an ideograph (LB31) the break
		// is marked in clusters.
		if last := len(s.cl) - 1; r == '—' && prev != r && int(s.cl[last].off) == i {
			s.cl[last].b = bAllow
		}
		return
	case isIdeograph(r) && (prev == '…' || prev == '—') && st.decided:
		stop = true // after an ellipsis or a dash (LB31)
	case isDigit(r) && isIdeograph(prev):
		// A number after an ideograph: a break (LB31; LB25 looks back
		// only through digits and their separators).
		stop = true
	case isDigit(r) && isDigit(prev) && st.decided:
		// Inside a number (LB25).
		return
	case (isIdeograph(r) || opensFW(r)) && (opensFW(prev) || isQuote(prev)):
		// Never a break after an opening bracket (LB14); after a quote
		// mark the Chinese rules alone decide, and no rule looks back
		// past an ideograph or a bracket that opens.
	case opensFW(r) && (isIdeograph(prev) || closesFW(prev)):
		// A break before a full-width opening bracket (LB30 does not
		// hold East Asian brackets to what precedes them).
		stop = true
	case isQuote(r) && (isIdeograph(prev) || closesFW(prev) || st.decided && isQuote(prev) && quotes == 1):
		// The Chinese rules decide both sides of a quote mark beside
		// an ideograph or a closing mark, or of a second quote mark
		// after one.
		return
	case !closesFW(r):
		st.decided = false
		return
	default:
		return
	}
	// A cut before r.
	last := len(s.cl) - 1
	if !st.decided {
		s.segment(d, st.from, i, st.fromCl)
	}
	st.from, st.fromCl, st.decided = i, last, true
	if int(s.cl[last].off) != i {
		st.fromCl = last + 1 // inside the cluster: the next one is first
	} else if stop {
		s.cl[last].b = bAllow
	}
}

// closesFW reports whether r is a full-width closing mark (line-break class
// CL, CP, EX or NS) that may never begin a line.
func closesFW(r rune) bool {
	switch r {
	case '，', '。', '、', '；', '：', '！', '？', '）', '」', '』', '》':
		return true
	}
	return false
}

// opensFW reports whether r is a full-width opening bracket (line-break
// class OP, East Asian Width F or W).
func opensFW(r rune) bool {
	switch r {
	case '（', '《', '「', '『', '【', '〔', '〖', '〘', '〈', '｛', '［':
		return true
	}
	return false
}

// isDigit reports whether r is an ASCII digit.
func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isQuote reports whether r is one of the quote marks “ ” ‘ ’.
func isQuote(r rune) bool {
	return r == '“' || r == '”' || r == '‘' || r == '’'
}

// segment marks the break opportunities inside d[from:to] on the clusters
// that begin there, from cluster k on.
func (s *setter) segment(d string, from, to, k int) {
	if _, size := utf8.DecodeRuneInString(d[from:to]); size == to-from {
		return
	}
	if s.seg.InitWithString(d[from:to]) != nil {
		return
	}
	it := s.seg.LineIterator()
	for it.Next() {
		l := it.Line()
		end := from + l.OffsetInBytes + l.LengthInBytes
		if end >= to {
			break
		}
		for k < len(s.cl) && int(s.cl[k].off) < end {
			k++
		}
		if k < len(s.cl) && int(s.cl[k].off) == end {
			s.cl[k].b = bAllow
		}
	}
}

// isIdeograph reports whether r is a CJK ideograph, line-break class ID.
func isIdeograph(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FFFD
}

// isPrepend reports whether r has Grapheme_Cluster_Break=Prepend: it joins
// the character after it into its cluster.
func isPrepend(r rune) bool {
	switch {
	case r >= 0x600 && r <= 0x605, r == 0x6DD, r == 0x70F, r == 0x890, r == 0x891, r == 0x8E2, r == 0xD4E,
		r == 0x110BD, r == 0x110CD, r == 0x111C2, r == 0x111C3, r == 0x1193F, r == 0x11941, r == 0x11A3A,
		r >= 0x11A84 && r <= 0x11A89, r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}

// rules applies the Chinese rules to the UAX #14 opportunities.
func (s *setter) rules() {
	cl := s.cl
	n := len(cl) - 1
	for i := range n {
		c := &cl[i]
		switch {
		case c.f&(fOpenQ|fCloseQ) != 0:
			if quoteInCJK(cl, i) {
				c.f |= fQuoteCJK
			}
		case c.r >= utf8.RuneSelf:
		case halfNoStart(c.r) && i > 0 && cl[i-1].f&fCJK != 0:
			c.f |= fNoStart
		case halfNoEnd(c.r) && i+1 < n && cl[i+1].f&fCJK != 0:
			c.f |= fNoEnd
		}
	}
	glueNumbers(cl)
	// Blanks are hidden at a line's edges, so a rule sees through them: a
	// break before " ，" is a break before "，".
	ahead := uint16(0)
	for i := n - 1; i >= 0; i-- {
		if cl[i].f&fSpace == 0 {
			ahead = cl[i].f
		} else if ahead&(fNoStart|fNewline) != 0 {
			cl[i].f |= fBlankBefore
		}
	}
	behind := cl[0].f
	for i := 1; i < n; i++ {
		a, c := cl[i-1], &cl[i]
		allow, soft := c.b&bAllow != 0, true
		switch {
		case c.f&fOpenQ != 0 && c.f&fQuoteCJK != 0 && a.f&(fSpace|fNewline) == 0:
			allow = true // 了。”|“你
		case a.f&fCloseQ != 0 && a.f&fQuoteCJK != 0 && c.f&fCJK != 0:
			allow = true // ”|企业
		}
		if behind&(fNoEnd|fIndent) != 0 || c.f&(fNoStart|fNewline|fBlankBefore) != 0 ||
			a.f&c.f&fRepeat != 0 && a.r == c.r || a.f&fHoldsMark != 0 {
			allow, soft = false, false
		}
		if c.b&bGlue != 0 {
			allow = false
		}
		c.b = 0
		if allow {
			c.b |= bAllow
		}
		if soft {
			c.b |= bSoft
		}
		if c.f&fSpace == 0 {
			behind = c.f
		}
	}
	cl[0].b = 0
}

// quoteInCJK reports whether the quote mark at i stands beside CJK text,
// looking past neighbouring quote marks.
func quoteInCJK(cl []cluster, i int) bool {
	n := len(cl) - 1
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if cl[j].f&(fOpenQ|fCloseQ) == 0 {
			if cl[j].f&fCJK != 0 {
				return true
			}
			break
		}
	}
	for j := i + 1; j < n && j <= i+3; j++ {
		if cl[j].f&(fOpenQ|fCloseQ) == 0 {
			return cl[j].f&fCJK != 0
		}
	}
	return false
}

// glueNumbers marks the boundaries inside each number and its sign, percent
// and unit (1100万美元, 48.7公里, 12.3%, 第2版) as unbreakable.
func glueNumbers(cl []cluster) {
	n := len(cl) - 1
	for i := 0; i < n; {
		if cl[i].f&fDigit == 0 {
			i++
			continue
		}
		start := i
		if i > 0 && numberSign(cl[i-1].r) {
			start = i - 1
		}
		j := i
		for j < n {
			if cl[j].f&fDigit != 0 {
				j++
			} else if j+1 < n && numberJoiner(cl[j].r) && cl[j+1].f&fDigit != 0 {
				j += 2
			} else {
				break
			}
		}
		j = matchUnit(cl, j)
		for k := start + 1; k < j; k++ {
			cl[k].b |= bGlue
		}
		i = j
	}
}

// numberJoiner reports whether r joins two runs of digits into one number:
// 48.7, 1,000, 10:30, 1-2, 3/4.
func numberJoiner(r rune) bool {
	return strings.ContainsRune(".,．:：-–~～/", r)
}

// matchUnit returns the end of the multipliers and unit that follow a
// number ending at cluster j, or j when none does.
func matchUnit(cl []cluster, j int) int {
	n := len(cl) - 1
	for j < n && strings.ContainsRune(unitMultipliers, cl[j].r) {
		j++
	}
	best := j
	if j == n {
		return best
	}
	for _, u := range unitIndex[cl[j].r] {
		k := j
		for _, r := range u {
			if k == n || cl[k].r != r {
				k = -1
				break
			}
			k++
		}
		best = max(best, k)
	}
	return best
}

// unitIndex lists the units by their first rune. It is built once and only
// read.
var unitIndex = func() map[rune][]string {
	m := make(map[rune][]string)
	for _, u := range units {
		r, _ := utf8.DecodeRuneInString(u)
		m[r] = append(m[r], u)
	}
	return m
}()
