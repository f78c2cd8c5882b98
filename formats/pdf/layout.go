package pdf

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textLine is a line of type: words on one baseline, in order.
type textLine struct {
	page           int
	x0, y0, x1, y1 float64
	text           string
	// firstWord is the width of the line's first word, which a line
	// before it that wrapped had no room for.
	firstWord float64
	// left and right are the edges of the column the line is in, as the
	// body text around it sets them.
	left, right float64
	// em is the size of a full-width character in the line's type.
	em float64
	// body is true for lines in the body type, the size most text is set
	// in.
	body bool
	// vertical is true for a line set top to bottom (竖排), which
	// pdftotext gives a character at a time; lastY0 is the top of its
	// last character.
	vertical bool
	lastY0   float64
}

// height is the size of the line's type: the height of a line set across,
// the width of one set top to bottom.
func (l *textLine) height() float64 {
	if l.vertical {
		return l.x1 - l.x0
	}
	return l.y1 - l.y0
}

// Layout turns the words of a text layer into text the text parser reads:
// each paragraph, headline or other block on one line, blocks separated by
// a blank line. Lines are joined into a block when the line before wrapped
// (it had no room left for the next line's first word or character) and
// the next is in the same type, close below it, or at the top of the next
// column or page, and, in body type, not indented. So a paragraph that
// crosses a column or a page is one block, a headline set on two lines is
// one line, and a paragraph's first line, indented, starts a new block.
func Layout(pages []Page) string {
	lines := groupLines(pages)
	if len(lines) == 0 {
		return ""
	}
	bodyH := measure(lines)
	var blocks []block
	for i := range lines {
		l := &lines[i]
		if i > 0 && continues(&lines[i-1], l) {
			last := &blocks[len(blocks)-1]
			last.parts = append(last.parts, joiner(lines[i-1].text, l.text), l.text)
			continue
		}
		blocks = append(blocks, block{parts: []string{l.text}, height: l.height(), page: l.page})
	}
	blocks = joinMasthead(blocks, bodyH)
	var b strings.Builder
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for _, p := range bl.parts {
			b.WriteString(p)
		}
	}
	b.WriteString("\n")
	return b.String()
}

// block is a paragraph, headline or other run of lines Layout joined.
type block struct {
	// parts are its lines and what goes between them, joined only when
	// written, so that a long block costs no more than its length.
	parts  []string
	height float64 // of its lines' type
	page   int
}

func (b *block) text() string { return strings.Join(b.parts, "") }

// mastheadScale is how much larger than the body type a paper's name is
// set at least, on the masthead of its front page.
const mastheadScale = 1.5

// dateRe is a date line as papers print it under their name: the date
// first, then perhaps the weekday and the lunar date after a space
// (2024年3月19日 星期二), not a line that only mentions a date.
var dateRe = regexp.MustCompile(`^(19|20)\d\d\s*(年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-./]\d{1,2}[-./]\d{1,2})(\s|$)`)

// joinMasthead puts the paper's name and the date printed under it on one
// line, as the text parser reads a masthead: the page's first block in type
// far larger than the body's, followed by a short line with a date.
func joinMasthead(blocks []block, bodyH float64) []block {
	if len(blocks) < 2 || blocks[0].page != 0 || blocks[0].height < mastheadScale*bodyH {
		return blocks
	}
	if blocks[1].page != 0 || len(blocks[0].parts) > 40 || len(blocks[1].parts) > 40 {
		return blocks
	}
	name, date := blocks[0].text(), blocks[1].text()
	if utf8.RuneCountInString(name) > 20 || utf8.RuneCountInString(date) > 40 || !dateRe.MatchString(date) {
		return blocks
	}
	blocks[1].parts = []string{name, " ", date}
	return blocks[1:]
}

// groupLines puts each page's words into lines: a word joins the line
// before it when it is on the same baseline and follows it on the right
// (see lineText for the spaces between them), or, for a line set top to
// bottom, when it stands right under it.
func groupLines(pages []Page) []textLine {
	var lines []textLine
	var words []Word // of the last line
	flush := func() {
		if len(lines) > 0 {
			l := &lines[len(lines)-1]
			l.text = lineText(words, l.vertical)
		}
		words = words[:0]
	}
	for pi, p := range pages {
		var cur *textLine
		for _, w := range p.Words {
			if cur != nil && stacked(cur, len(words), w) {
				words = append(words, w)
				cur.vertical, cur.lastY0 = true, w.Y0
				cur.y1 = max(cur.y1, w.Y1)
				continue
			}
			if cur != nil && !cur.vertical && sameLine(cur, w) {
				words = append(words, w)
				cur.x1 = max(cur.x1, w.X1)
				cur.y0, cur.y1 = min(cur.y0, w.Y0), max(cur.y1, w.Y1)
				continue
			}
			flush()
			words = append(words, w)
			lines = append(lines, textLine{page: pi, x0: w.X0, y0: w.Y0, x1: w.X1, y1: w.Y1,
				firstWord: firstWordWidth(w), lastY0: w.Y0})
			cur = &lines[len(lines)-1]
		}
	}
	flush()
	return lines
}

// minSpacedRun is the fewest single characters in a row, evenly apart,
// that are letter-spaced (a justified or spaced-out headline: 打 好 执 法)
// rather than words with spaces between.
const minSpacedRun = 3

// lineText joins a line's words. pdftotext splits words where Chinese
// punctuation is set tight (” after 。 overlaps it) and where a line is
// letter-spaced, so a gap is written as a space only when it is as wide as
// one and not the even spacing between single characters.
func lineText(words []Word, vertical bool) string {
	var b strings.Builder
	single := func(w Word) bool {
		r, n := utf8.DecodeRuneInString(w.Text)
		return n == len(w.Text) && (wide(r) || strings.ContainsRune(chineseQuotes, r))
	}
	runEnd := 0 // the gaps after words before runEnd are letter spacing
	for i, w := range words {
		if i > 0 && !vertical && i >= runEnd && w.X0-words[i-1].X1 > minSpace*wordEm(w) {
			b.WriteByte(' ')
		}
		if i >= runEnd && single(w) {
			j := i + 1
			for j < len(words) && single(words[j]) {
				j++
			}
			if j-i >= minSpacedRun && evenGaps(words[i:min(j+1, len(words))]) {
				runEnd = min(j+1, len(words))
			}
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

// chineseQuotes are the quotation marks Chinese text shares with Latin
// text; in Chinese type they are full width.
const chineseQuotes = "“”‘’"

// evenGaps reports whether the gaps between ws are all about the same.
func evenGaps(ws []Word) bool {
	first := ws[1].X0 - ws[0].X1
	for i := 2; i < len(ws); i++ {
		if math.Abs(ws[i].X0-ws[i-1].X1-first) > 0.1*wordEm(ws[i-1]) {
			return false
		}
	}
	return true
}

// stacked reports whether w, one Chinese character, goes on down the
// vertical line l, of words words so far: l is such a line, or one
// character, and w stands right under its last character.
func stacked(l *textLine, words int, w Word) bool {
	r, n := utf8.DecodeRuneInString(w.Text)
	size := w.X1 - w.X0
	if n != len(w.Text) || !wide(r) || size <= 0 {
		return false
	}
	if !l.vertical && (words != 1 || l.x1-l.x0 > 1.2*size) {
		return false
	}
	step := w.Y0 - l.lastY0
	return math.Abs(w.X0-l.x0) < size/8 && math.Abs(w.X1-l.x1) < size/8 && step > size/2 && step < 1.6*size
}

// sameLine reports whether w continues line l: their boxes share most of
// their height and w starts where l ends, or a little to its right.
func sameLine(l *textLine, w Word) bool {
	h := min(l.height(), w.Y1-w.Y0)
	if h <= 0 {
		return false
	}
	overlap := min(l.y1, w.Y1) - max(l.y0, w.Y0)
	gap := w.X0 - l.x1
	return overlap >= h/2 && gap >= -h/4 && gap <= 2*h
}

// minSpace is the narrowest gap between words, in ems, that is a space:
// a space is a quarter to a third of an em in Chinese and Latin fonts.
const minSpace = 0.12

// wordEm estimates the em of w's type from its width.
func wordEm(w Word) float64 {
	if cells := cellWidth(w.Text); cells > 0 {
		return (w.X1 - w.X0) * 2 / float64(cells)
	}
	return w.Y1 - w.Y0
}

// firstWordWidth is the width of what w's line could not have started
// without: for Chinese and other full-width text, which breaks between any
// two characters, the first character and the punctuation that may not
// begin a line after it (大， moves down whole); for other scripts, which
// break only at spaces, the whole word.
func firstWordWidth(w Word) float64 {
	first, _ := utf8.DecodeRuneInString(w.Text)
	width := w.X1 - w.X0
	cells := cellWidth(w.Text)
	if !wide(first) || cells == 0 {
		return width
	}
	n := 0
	for i, r := range w.Text {
		if i > 0 && !strings.ContainsRune(noLineStart, r) {
			break
		}
		n++
	}
	return width * 2 / float64(cells) * float64(n)
}

// noLineStart is the punctuation Chinese typesetting never puts at the
// start of a line.
const noLineStart = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}"

// wide reports whether r is set full width in Chinese type.
func wide(r rune) bool {
	return r >= 0x2E80 && !(r >= 0xFF61 && r <= 0xFFDC) && r != utf8.RuneError
}

// cellWidth counts s's characters, full-width ones twice.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		if wide(r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// measure sets each line's type size and column edges, and returns the
// body type's line height. The body type is the line height most
// characters are set in; its em is the median width of a full-width
// character on body lines. A line's column is the body
// lines on its page that start at most three characters left of it (so an
// indented line finds the flush ones) and no more than half a character
// right of it, or, for a centred headline, that are centred near it; their
// leftmost start and most common end are its edges.
func measure(lines []textLine) float64 {
	chars := map[float64]int{} // by line height to a tenth of a point
	for _, l := range lines {
		chars[round(l.height())] += utf8.RuneCountInString(l.text)
	}
	var bodyH float64
	best := -1
	for h, n := range chars {
		if n > best || (n == best && h < bodyH) {
			bodyH, best = h, n
		}
	}
	var ems []float64
	for i := range lines {
		l := &lines[i]
		l.body = sameSize(l.height(), bodyH)
		if cells := cellWidth(l.text); l.body && !l.vertical && cells >= 8 {
			ems = append(ems, (l.x1-l.x0)*2/float64(cells))
		}
	}
	bodyEm := bodyH / 2
	if len(ems) > 0 {
		slices.Sort(ems)
		bodyEm = ems[len(ems)/2]
	}
	// Each page's body lines by where they start, to find a line's column
	// without looking at every line of the page.
	byStart := make([][]*textLine, lines[len(lines)-1].page+1)
	for i := range lines {
		if l := &lines[i]; l.body {
			byStart[l.page] = append(byStart[l.page], l)
		}
	}
	for _, ls := range byStart {
		slices.SortFunc(ls, func(a, b *textLine) int { return cmp.Compare(a.x0, b.x0) })
	}
	for i := range lines {
		l := &lines[i]
		l.em = bodyEm
		if bodyH > 0 {
			l.em = bodyEm * l.height() / bodyH
		}
		l.left, l.right = l.x0, l.x1
		ls := byStart[l.page]
		lo, _ := slices.BinarySearchFunc(ls, l.x0-3*bodyEm, startsBefore)
		hi, _ := slices.BinarySearchFunc(ls, l.x0+bodyEm/2+1e-9, startsBefore)
		ends := map[float64]int{}
		if lo < hi {
			l.left = min(l.left, ls[lo].x0)
		}
		for _, m := range sample(ls[lo:hi]) {
			ends[round(m.x1)]++
		}
		for _, m := range sample(ls[:lo]) {
			if centre := (m.x0 + m.x1) / 2; m.x1 > l.x0 && centre >= l.x0-2*bodyEm && centre <= l.x1+2*bodyEm {
				l.left = min(l.left, m.x0)
				ends[round(m.x1)]++
			}
		}
		if end, ok := mostCommon(ends); ok {
			l.right = end
		}
	}
	return bodyH
}

func startsBefore(l *textLine, x float64) int { return cmp.Compare(l.x0, x) }

// maxSample is the most lines measure looks at to find one line's column:
// enough for any real page, and a page of a million lines costs no more
// than a few hundred times its length.
const maxSample = 256

// sample returns at most maxSample of ls, evenly spread.
func sample(ls []*textLine) []*textLine {
	if len(ls) <= maxSample {
		return ls
	}
	out := make([]*textLine, maxSample)
	for i := range out {
		out[i] = ls[i*len(ls)/maxSample]
	}
	return out
}

// mostCommon returns the value counted most often, the greater of a tie.
func mostCommon(counts map[float64]int) (float64, bool) {
	keys := make([]float64, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return 0, false
	}
	return slices.MaxFunc(keys, func(a, b float64) int {
		if c := cmp.Compare(counts[a], counts[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}), true
}

func round(f float64) float64 { return math.Round(f*10) / 10 }

// sameSize reports whether two line heights are the same type size.
func sameSize(a, b float64) bool {
	return math.Abs(a-b) <= 0.1*max(a, b)
}

// maxLinePitch is the farthest apart, in ems, two baselines of one block
// are; a wider gap sets blocks (stories, a headline and its text) apart.
const maxLinePitch = 2.2

// continues reports whether b goes on with the block a ends.
func continues(a, b *textLine) bool {
	if a.vertical || b.vertical || !sameSize(a.height(), b.height()) {
		return false
	}
	sameColumn := a.page == b.page && b.x0 < a.x1 && a.x0 < b.x1 && b.y1 > a.y1
	if sameColumn && b.y1-a.y1 > maxLinePitch*a.em {
		return false
	}
	// A headline or caption goes on only in its own column; body text
	// goes on at the top of the next column or page.
	if !sameColumn && !a.body {
		return false
	}
	// a wrapped: the first word (or character) of b did not fit after it.
	space := 0.0
	if joiner(a.text, b.text) == " " {
		space = a.em / 4
	}
	if a.x1+space+b.firstWord <= a.right+a.em/5 {
		return false
	}
	return !b.body || b.x0 <= b.left+0.6*b.em
}

// joiner is what goes between two lines of a block: a space between
// words of scripts that have them (which pdftotext gives without the space
// the line broke at), nothing in Chinese text. Punctuation at the join
// (“ ” in Chinese text are narrow characters too) does not decide it: the
// letters on either side of it do.
func joiner(a, b string) string {
	before, after := lastLetter(a), firstLetter(b)
	if before == 0 || after == 0 || wide(before) || wide(after) {
		return ""
	}
	if strings.HasSuffix(a, "-") && unicode.IsLower(after) {
		// A word broken at its hyphen; the hyphen is kept, as it may be
		// the word's own.
		return ""
	}
	return " "
}

// lastLetter is the last letter or digit of s, or 0.
func lastLetter(s string) rune {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return 0
		}
		s = s[:len(s)-n]
	}
	return 0
}

// firstLetter is the first letter or digit of s, or 0.
func firstLetter(s string) rune {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return 0
		}
	}
	return 0
}
