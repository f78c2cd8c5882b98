package article

import (
	"dubao/model"
	"dubao/script"
	"dubao/typeset"
	"dubao/ui/common"
)

// layout is an article's lines at one measure and set of options, set
// lazily: only as far as something asks for, a part (or, for a long part,
// a chunk of it: typeset.Stream) at a time. A story of fifty megabytes on
// one line thus shows its first page after setting a page of it; moving on
// sets what comes on screen; the end (G), a match far down or a position
// restored after a resize sets everything before it.
//
// The lines already set never change, so the models that share a layout
// (bubbletea copies Model by value) all see the same article.
type layout struct {
	parts   []Part
	shown   []script.Text // each part's text as shown
	measure int
	opt     typeset.Options

	lines []line
	next  int             // the part to set next
	cur   *typeset.Stream // the long part being set, or nil
	role  Role            // cur's role
	width int             // cur's measure, for a credit set flush right
	ind   int             // cur's indent
	done  bool            // every part is set
	size  int             // bytes of all the parts' text
	setB  int             // bytes of the parts set so far (cur excluded)
}

func newLayout(parts []Part, shown []script.Text, measure int, opt typeset.Options) *layout {
	l := &layout{parts: parts, shown: shown, measure: measure, opt: opt}
	for _, t := range shown {
		l.size += len(t.Shown)
	}
	l.done = len(parts) == 0
	if l.size <= eagerBytes {
		l.all()
	}
	return l
}

// eagerBytes is the size of article set whole at once, as nearly every
// story is (a hundred kilobytes is some 2,000 lines of 42 characters, a
// millisecond or two): its pages are exact from the first frame.
const eagerBytes = 128 << 10

// ensure sets lines until line i exists or the article is all set.
func (l *layout) ensure(i int) {
	for len(l.lines) <= i && !l.done {
		l.step()
	}
}

// all sets the whole article.
func (l *layout) all() {
	for !l.done {
		l.step()
	}
}

// until sets lines until the line showing p exists: one that ends past
// it, or the first line of a later part.
func (l *layout) until(p Pos) {
	for !l.done {
		if n := len(l.lines); n > 0 {
			last := l.lines[n-1]
			if last.Block > p.Part || last.Block == p.Part && last.End > p.Offset {
				return
			}
		}
		l.step()
	}
}

// total returns the number of lines: exact once the article is all set,
// else an estimate from the lines per byte so far (at least one line more
// than are set).
func (l *layout) total() int {
	n := len(l.lines)
	if l.done {
		return n
	}
	set := l.setB
	if l.cur != nil {
		set += l.cur.Offset()
	}
	if set <= 0 {
		return n + 1
	}
	return max(n+1, int(int64(n)*int64(l.size)/int64(set)))
}

// step sets a part, or the next line of a long one.
func (l *layout) step() {
	if l.cur != nil {
		tl, ok := l.cur.Next()
		if !ok {
			l.setB += l.cur.Len()
			l.cur = nil
			return
		}
		indent := l.ind
		if l.role == RoleCredit {
			indent = max(l.width-tl.Width, 0)
		}
		l.lines = append(l.lines, line{Line: tl, role: l.role, indent: indent})
		return
	}
	if l.next >= len(l.parts) {
		l.done = true
		return
	}
	i := l.next
	l.next++
	parts, measure, p := l.parts, l.measure, l.parts[i]
	text := l.shown[i].Shown
	// A blank line sets the body apart from the headline stack, the
	// byline and the URL under it, and its blocks from each other.
	if i > 0 && p.Role != RoleURL && (p.Role >= RoleParagraph || parts[i-1].Role >= RoleByline) {
		l.lines = append(l.lines, line{Line: typeset.Line{Block: i}, role: RoleGap})
	}
	if p.Role == RoleURL {
		l.lines = append(l.lines, urlLine(text, i, measure))
		l.setB += len(text)
		return
	}
	o, w, indent := l.opt, measure, 0
	header := l.opt
	header.NoIndent = true
	switch p.Role {
	case RoleParagraph:
	case RoleCaption:
		w, indent = max(measure-2*captionIndent, 2), captionIndent
		o.NoIndent = true
	default:
		o = header
	}
	bt := model.Paragraph
	switch p.Role {
	case RoleIntertitle:
		bt = model.Intertitle
	case RoleCaption:
		bt = model.Caption
	}
	o.Width = w
	l.cur, l.role, l.width, l.ind = typeset.NewStream(text, i, bt, o), p.Role, measure, indent
}

// urlLine sets a URL on one line, cut to measure: broken across lines
// it could not be copied from the screen, and its start is what names the
// site.
func urlLine(url string, part, measure int) line {
	text := common.Cut(url, measure)
	return line{Line: typeset.Line{Text: text, Width: typeset.Width(text), Block: part, End: len(url)}, role: RoleURL}
}
