package model

import "strconv"

// The parser labels every unit of an edition with the role it plays (page
// header, kicker, headline, byline, paragraph, intertitle, ...) and then
// builds the edition from the labels. The labelling is one decision made in
// one place: each label a unit could take gets a score from the evidence the
// unit shows (its shape, its words, its indent, the gap before it), each
// pair of neighbouring labels a score from the evidence that joins them (a
// wider gap than usual before a new headline, a paragraph cut off
// mid-sentence before its continuation, a flush-left line after indented
// body text), and the best-scoring sequence of labels wins (Viterbi). Because
// the whole sequence is scored, what follows a line counts as much as the
// line itself: a short line is a headline when a byline follows it, since a
// byline cannot follow an intertitle.
//
// The weights are small integers set by hand and kept in this file, so that
// `dubao dump --explain` can print, for every unit, the label it got and the
// evidence for it.

// label is the role of one unit in the edition.
type label uint8

const (
	lHeader   label = iota // a page header: 第2版:要闻
	lKicker                // the line above the headline (引题)
	lHeadline              // the main title (主题)
	lSubhead               // the line below the headline (副题)
	lByline                // a byline line before the body
	lSign                  // a byline line after the body: it ends the story
	lPara                  // a paragraph of the story
	lJoin                  // the continuation of the paragraph before, cut by a column break
	lBrief                 // a paragraph that opens a story with no headline
	lInter                 // an intertitle (小标题)
	lCredit                // a photo credit
	lEnd                   // an end note, jump note or rule: the story ends
	nLabels
)

var labelNames = [nLabels]string{"header", "kicker", "headline", "subheadline", "byline", "byline-end",
	"paragraph", "join", "brief", "intertitle", "credit", "end-note"}

func (l label) String() string { return labelNames[l] }

// impossible is the score of a label a unit cannot take.
const impossible = -1 << 20

// The weights. Positive evidence for a reading adds, evidence against it
// subtracts; a reading with no evidence either way scores 0.
const (
	wStrong   = 6 // a pattern that all but settles it (a byline, a credit, a page header)
	wGood     = 3 // clear evidence (a kicker's trailing ——, a wider gap)
	wSome     = 2 // evidence a reader notices (a headline's inner double space)
	wSlight   = 1 // a tie-breaker
	wNewStory = 4 // what it costs to start a story: it needs evidence
)

// evidence collects the reasons behind a score when a caller wants them
// (dump --explain); it is nil while parsing, when only the score counts.
type evidence *[]string

func note(ev evidence, w int, why string) int {
	if ev != nil {
		sign := "+"
		if w < 0 {
			sign = ""
		}
		*ev = append(*ev, sign+strconv.Itoa(w)+" "+why)
	}
	return w
}

// isBody reports whether l is text inside a story.
func (l label) isBody() bool {
	return l == lPara || l == lJoin || l == lBrief || l == lInter || l == lCredit
}

// closes reports whether a story is over after a unit labelled l.
func (l label) closes() bool { return l == lSign || l == lEnd }

// paragraphLike reports whether l ends in running text a column break
// could cut.
func (l label) paragraphLike() bool { return l == lPara || l == lJoin || l == lBrief }

// emit scores unit i taking label l on its own.
func (p *parser) emit(i int, l label, ev evidence) int {
	u, in := &p.units[i], &p.infos[i]
	if in.header != nil {
		if l == lHeader {
			return note(ev, wStrong, "page header")
		}
		return impossible
	}
	if l == lHeader {
		return impossible
	}
	n := in.runes
	switch l {
	case lKicker, lHeadline, lSubhead:
		if u.heading >= 3 {
			return p.emitHeading(i, l, ev)
		}
		if !in.title {
			return impossible
		}
		s := 0
		switch l {
		case lKicker:
			if in.leadDash {
				return impossible
			}
			if in.latin && !in.kickerTail {
				s += note(ev, -wGood, "Latin-script stacks are a headline and its decks")
			}
			if in.kickerTail {
				s += note(ev, wGood, "ends with —— or ： that ties it to a headline below")
			}
			if in.speech {
				s += note(ev, wGood, "ends with a speech verb (强调, 指出 …)")
			}
		case lHeadline:
			if in.kickerTail {
				s += note(ev, -wGood, "ends like a kicker")
			}
			if in.leadDash {
				s += note(ev, -wGood, "opens with —— like a subheadline")
			}
			if in.headCue {
				s += note(ev, wSlight, "reads as a headline (phrases set apart, a series tag, a quotation)")
			}
		case lSubhead:
			if in.kickerTail {
				s += note(ev, -wGood, "ends like a kicker")
			}
			if in.titleCase {
				s += note(ev, wSome, "its words capitalised, as a deck's are")
			}
			if in.leadDash {
				s += note(ev, wGood, "opens with ——")
			}
		}
		if in.bold {
			s += note(ev, -wSlight, "bold, like a column label or intertitle")
		}
		if in.caps {
			s += note(ev, wGood, "in capitals, as English headlines and decks are")
		}
		if in.latinHead && l == lHeadline {
			s += note(ev, wGood, "a short line of capitalised words, as a run-in head")
		}
		return s
	case lByline, lSign:
		switch {
		case in.byline != nil:
			return note(ev, wStrong, "a byline: "+in.byline.Raw)
		case in.author != nil && in.markedAuthor:
			return note(ev, wStrong, "an author line: a name after a bullet")
		case in.author != nil && l == lByline:
			return note(ev, wGood, "a name, alone or with an affiliation: a signed piece's author line")
		}
		return impossible
	case lCredit:
		if !in.isCredit {
			return impossible
		}
		return note(ev, wStrong, "a photo credit")
	case lEnd:
		if !in.end {
			return impossible
		}
		return note(ev, wStrong, "an end note, jump note or rule")
	case lInter:
		if !in.title && !in.bold || in.soft || in.latinHead {
			return impossible
		}
		s := 0
		if in.subHeading {
			s += note(ev, wGood, "a Markdown heading deeper than the story's headline")
		}
		if in.bold {
			s += note(ev, wGood, "wholly bold")
		}
		if in.listItem {
			s += note(ev, wSlight, "numbered like a part (一、 第二招 1)")
		}
		if in.caps {
			s += note(ev, -wSome, "in capitals, which head stories more often than their parts")
		}
		return s
	}
	// Paragraph-like labels.
	s := 0
	if in.byline != nil || in.isCredit || in.end {
		s += note(ev, -wStrong, "shaped like a byline, credit or end note")
	}
	if in.bold {
		s += note(ev, -wGood, "wholly bold")
	}
	if in.title {
		s += note(ev, -wSlight, "short and unpunctuated, like a title")
	}
	if n > maxTitleRunes && l != lJoin {
		s += note(ev, wSlight, "longer than any title")
	}
	if in.caps {
		s += note(ev, -wStrong, "in capitals: a headline, not running text")
	}
	if in.latinHead {
		s += note(ev, -wSlight, "capitalised words, like a heading")
	}
	if in.titleCase && l != lJoin {
		s += note(ev, -wSome, "its words capitalised, like a deck")
	}
	switch l {
	case lJoin:
		if in.byline != nil || in.isCredit || in.end || in.dateline || u.heading > 0 {
			// A dateline opens a paragraph; no column break cuts before it.
			return impossible
		}
		if p.indentBody && u.indented {
			return impossible
		}
	case lBrief:
		if in.dateline {
			s += note(ev, wGood, "opens with a dateline")
		}
	}
	return s
}

// emitHeading scores a Markdown heading (### and deeper) as a title line.
// A heading is a headline, but one a level deeper than the heading right
// above it is that headline's subheadline, one a level deeper than the
// heading right below it is that headline's kicker, and one deeper than the
// story's headline further up is an intertitle.
func (p *parser) emitHeading(i int, l label, ev evidence) int {
	level := p.units[i].heading
	above := i > 0 && p.units[i-1].heading >= 3 && p.units[i-1].heading < level
	below := i+1 < len(p.units) && p.units[i+1].heading >= 3 && p.units[i+1].heading < level
	switch {
	case l == lSubhead && above:
		return note(ev, wStrong, "a Markdown heading a level below the headline's")
	case l == lKicker && below:
		return note(ev, wStrong, "a Markdown heading a level below the headline's, above it")
	case l == lHeadline && !above && !below && !p.infos[i].subHeading:
		return note(ev, wStrong, "a Markdown heading")
	}
	return impossible
}

// trans scores unit i taking label cur after unit i-1 took prev. At a
// section start prev is lHeader, whatever came before.
func (p *parser) trans(i int, prev, cur label, ev evidence) int {
	u, in := &p.units[i], &p.infos[i]
	start := prev == lHeader
	switch cur {
	case lHeader:
		return 0
	case lKicker:
		if prev == lKicker || prev == lHeadline || prev == lSubhead || prev == lByline {
			return impossible
		}
		return p.newStory(i, prev, ev)
	case lHeadline:
		if prev == lKicker {
			s := p.sameStack(i, ev)
			return s + p.kickerPair(i, ev)
		}
		if prev == lHeadline || prev == lSubhead || prev == lByline {
			return impossible
		}
		return p.newStory(i, prev, ev)
	case lSubhead:
		if prev != lHeadline && prev != lSubhead {
			return impossible
		}
		s := p.sameStack(i, ev)
		if prev == lSubhead && !in.latin {
			s += note(ev, -wSome, "a second subheadline")
		}
		if prev == lHeadline && !in.leadDash {
			s += note(ev, wSlight, "headline and subheadline when nothing marks a kicker")
			s -= p.kickerEvidence(i-1, i)
		}
		return s
	case lByline:
		if prev != lHeadline && prev != lSubhead && prev != lByline && !start {
			return impossible
		}
		if in.byline == nil && prev != lHeadline && prev != lSubhead {
			// An author line is one only under a headline.
			return impossible
		}
		return 0
	case lSign:
		if !prev.isBody() && prev != lSign {
			return impossible
		}
		return 0
	case lJoin:
		if !prev.paragraphLike() {
			return impossible
		}
		pin := &p.infos[i-1]
		switch {
		case in.listItem && pin.stop == stopClause:
			return impossible
		case prev != lJoin && p.infos[i-1].title && !p.infos[i-1].latin:
			// A paragraph a column break cut starts as running text,
			// not as a short title-like line. (Lines of Latin prose are
			// short enough for titles; only Chinese ones tell.)
			return impossible
		case pin.stop == stopClause:
			// A semicolon ends list items as often as a column break
			// falls after one.
			return note(ev, 0, "the paragraph before ends a clause (；)")
		case pin.stop == stopNone:
			s := note(ev, wGood, "the paragraph before stops mid-sentence")
			if u.blank > p.usualBlanks {
				s += note(ev, -wGood, "a wider gap than usual")
			}
			return s
		case p.indentBody && p.units[i-1].indented && u.sameBlock && !in.title:
			return note(ev, wSome, "a flush line under an indented paragraph")
		}
		return impossible
	case lBrief:
		switch {
		case start:
			return 0
		case prev.closes():
			s := 0
			if p.indentBody && u.indented && !in.dateline {
				s += note(ev, -wGood, "indented like the story's own text")
			}
			return s
		case prev.isBody() && in.dateline && u.blank > p.usualBlanks:
			return note(ev, -wSlight, "a dateline after a gap")
		case prev.paragraphLike() && in.dateline && p.infos[i-1].dateline &&
			runeCountMax(p.units[i-1].text, briefRunes) < briefRunes:
			return note(ev, 0, "a dateline after a one-paragraph dated item: a column of briefs")
		}
		return impossible
	case lPara, lInter, lCredit, lEnd:
		s := 0
		if u.blank > p.usualBlanks && cur != lEnd && !start {
			s += note(ev, -wSome, "a wider gap than usual, as between stories")
		}
		return clampAdd(s, p.bodyTrans(i, prev, cur, start, ev))
	}
	return 0
}

// bodyTrans scores a paragraph, intertitle, credit or end note after a
// unit labelled prev.
func (p *parser) bodyTrans(i int, prev, cur label, start bool, ev evidence) int {
	u, in := &p.units[i], &p.infos[i]
	switch {
	case prev == lKicker:
		return impossible
	case start && cur != lCredit && cur != lEnd:
		// Text at the head of a section with no headline is a brief.
		return impossible
	case prev.closes() && cur != lEnd && cur != lCredit:
		// The story ended; more of it is unusual, though a compiled
		// report signs each of its parts.
		s := note(ev, -wGood, "after the story's closing byline or end note")
		if p.indentBody && u.indented {
			s += note(ev, wSlight, "indented like the story's text")
		}
		return s
	case (prev == lHeadline || prev == lSubhead) && cur == lInter:
		return note(ev, -wSome, "an intertitle right under the headline")
	case (prev == lHeadline || prev == lSubhead) && cur == lPara:
		s := 0
		if in.dateline {
			s += note(ev, wStrong, "a dateline opens the story under the headline")
		}
		if in.caption {
			s += note(ev, wGood, "a caption and its credit: a photo story")
		}
		return s
	case prev.isBody() && cur == lPara && in.dateline:
		return note(ev, -wGood, "a dateline usually opens a story")
	case prev == lInter && cur == lPara && in.caption:
		return note(ev, -wSome, "a photo under an intertitle: photo stories have headlines")
	}
	return 0
}

// newStory scores the evidence that unit i starts a new story after a unit
// labelled prev.
func (p *parser) newStory(i int, prev label, ev evidence) int {
	u := &p.units[i]
	if prev == lHeader {
		return note(ev, wSlight, "heads a section")
	}
	s := note(ev, -wNewStory, "a new story needs evidence")
	if prev.closes() {
		s += note(ev, wNewStory, "the story before ended with its byline or an end note")
	}
	if u.blank > p.usualBlanks {
		s += note(ev, wGood, "a wider gap than usual before it")
	}
	if u.heading >= 3 {
		s += note(ev, wGood, "a Markdown heading")
	}
	if p.indentBody {
		switch {
		case u.indented:
			s += note(ev, -wStrong, "indented like body text, where titles stand flush")
		case p.units[i-1].indented:
			s += note(ev, wGood, "flush left after indented body text")
		}
	}
	if prev.paragraphLike() {
		if pin := &p.infos[i-1]; pin.stop == stopNone || pin.stop == stopClause {
			s += note(ev, -wGood, "the paragraph before stops mid-sentence")
		}
	}
	return s
}

// sameStack scores unit i continuing the headline stack of unit i-1.
func (p *parser) sameStack(i int, ev evidence) int {
	u := &p.units[i]
	s := 0
	if u.blank > p.usualBlanks {
		s += note(ev, -wGood, "a wider gap than usual inside a headline stack")
	}
	if p.indentBody && u.indented && !p.units[i-1].indented {
		s += note(ev, -wGood, "indented under a flush title")
	}
	return s
}

// kickerPair scores reading units i-1 and i as kicker and headline rather
// than headline and subheadline (see kickerEvidence).
func (p *parser) kickerPair(i int, ev evidence) int {
	k := p.kickerEvidence(i-1, i)
	if ev != nil && k != 0 {
		note(ev, k, "the pair reads as kicker and headline")
	}
	return k
}

// kickerEvidence weighs two stacked title lines a and b with no mark between
// them. A Chinese editor's commonest pair is 引题 + 主题, and the headline
// is the line that looks it: parallel phrases set apart by spaces, a series
// tag （在现场）, a quotation; the kicker is the line that reads as a lead-in:
// a clause with a comma or a colon in it, or a line shorter than the one
// below. Without any of these, the pair is headline and subheadline.
func (p *parser) kickerEvidence(a, b int) int {
	ia, ib := &p.infos[a], &p.infos[b]
	if ia.kickerTail || ib.leadDash || ia.latin {
		// Decided by the marks themselves; or a Latin-script stack,
		// which is a headline and its decks.
		return 0
	}
	s := 0
	if ib.headCue {
		s += wSome
	}
	if ia.leadIn {
		s += wSome
	}
	if ib.titleRunes > ia.titleRunes+1 {
		s += wSlight
	}
	return s
}

// decode finds the best label for every unit.
func (p *parser) decode(from int) []label {
	n := len(p.units)
	labels := make([]label, n)
	if from >= n {
		return labels
	}
	// score[k][l] is the best score of a labelling of units from..from+k
	// whose last label is l, less the best of all at k, so that the
	// numbers stay small however long the edition; back[k][l] is the
	// label before l on that labelling.
	score := make([][nLabels]int32, n-from)
	back := make([][nLabels]label, n-from)
	for l := range nLabels {
		score[0][l] = int32(clampAdd(p.emit(from, l, nil), p.trans(from, lHeader, l, nil)))
	}
	normalise(&score[0])
	for i := from + 1; i < n; i++ {
		k := i - from
		start := p.sectionStart[i]
		for cur := range nLabels {
			e := p.emit(i, cur, nil)
			if e <= impossible {
				score[k][cur] = impossible
				continue
			}
			best, arg := impossible, lPara
			if start {
				// A section start cuts the sequence: whatever the unit
				// before was, this one follows a header. Only a kicker,
				// which needs its headline, cannot end a section.
				for prev := range nLabels {
					if s := int(score[k-1][prev]); prev != lKicker && s > best {
						best, arg = s, prev
					}
				}
				best = clampAdd(best, p.trans(i, lHeader, cur, nil))
			} else {
				for prev := range nLabels {
					s := int(score[k-1][prev])
					if s <= impossible {
						continue
					}
					t := p.trans(i, prev, cur, nil)
					if t <= impossible {
						continue
					}
					if s+t > best {
						best, arg = s+t, prev
					}
				}
			}
			score[k][cur] = int32(clampAdd(best, e))
			back[k][cur] = arg
		}
		normalise(&score[k])
	}
	// The last unit may not be a kicker: a kicker needs a headline.
	last := n - 1 - from
	best, arg := int32(impossible-1), lPara
	for l := range nLabels {
		if l == lKicker {
			continue
		}
		if score[last][l] > best {
			best, arg = score[last][l], l
		}
	}
	for k := last; k >= 0; k-- {
		labels[from+k] = arg
		arg = back[k][arg]
	}
	return labels
}

// normalise subtracts the best of a step's scores from each possible one,
// so that the best is 0 and no sum over a long edition can run down to
// impossible.
func normalise(row *[nLabels]int32) {
	best := int32(impossible)
	for _, s := range row {
		best = max(best, s)
	}
	if best <= impossible {
		return
	}
	for l, s := range row {
		if s > impossible {
			row[l] = max(s-best, impossible+1)
		}
	}
}

// clampAdd adds scores, keeping impossible impossible.
func clampAdd(a, b int) int {
	if a <= impossible || b <= impossible {
		return impossible
	}
	return a + b
}
