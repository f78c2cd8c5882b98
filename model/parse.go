package model

import "strconv"

// Options tell the parser where the text came from.
type Options struct {
	// Source names the input (a path, "-", or "seed:NAME").
	Source string
	// Title is used when the text has no masthead or top-level heading.
	Title string
}

// maxShortLine is longer than any header, credit, standalone byline or
// title; a longer line is only ever a paragraph.
const maxShortLine = maxLatinTitleRunes

// hasDateline reports whether s opens with a dateline.
func hasDateline(s string) bool {
	_, _, _, ok := parseLeadByline(s)
	return ok
}

// maxStack is the most title lines a headline stack holds: kicker,
// headline, subheadline, and a column label.
const maxStack = 4

// Parse decodes data (see Decode) and parses it into an edition.
func Parse(data []byte, opt Options) (*Edition, error) {
	text, enc, invalid, err := DecodeCounting(data)
	if err != nil {
		return nil, err
	}
	e := ParseText(text, opt)
	e.Encoding, e.InvalidBytes = enc, invalid
	return e, nil
}

// ParseText parses decoded text into an edition. It never fails: text it
// cannot place still lands in an article, so nothing is lost.
func ParseText(text string, opt Options) *Edition {
	p := newParser(splitUnits(clean(text)))
	p.ed = &Edition{Title: opt.Title, Source: opt.Source}
	p.run()
	return p.ed
}

// info is what the classifier found a unit to be.
type info struct {
	header   *pageHeader // a page header, or nil
	byline   *Byline     // a line that is only a byline, or nil
	credit   []string    // a photo credit's names, when credit is set
	isCredit bool
	title    bool // short enough and shaped like a headline or intertitle
	bold     bool // wholly Markdown bold
	dateline bool // starts with a dateline: the first paragraph of a story
	end      bool // an end note (（完）, 责任编辑) or a rule line: the story ends
}

// parser holds the state of one parse.
type parser struct {
	units []unit
	infos []info
	// headers is true when the text has explicit page headers; then runs of
	// blank lines do not start sections.
	headers bool
	// breakBlanks is how many blank lines start a new section.
	breakBlanks int
	// usualBlanks is how many blank lines usually separate blocks; a wider
	// gap, short of a section break, sets stories apart.
	usualBlanks int

	ed  *Edition
	sec *Section // the section being filled, not yet in ed.Sections
	art *Article // the article being filled, not yet in sec
	// closed is true once the current article ended with a byline: what
	// follows belongs to another story.
	closed bool
	// lastIndented is true when the last paragraph began indented: a flush
	// line in its block that is no title is then its wrapped continuation.
	lastIndented bool
}

func newParser(units []unit) *parser {
	p := &parser{units: units, infos: make([]info, len(units))}
	runs := map[int]int{}
	for i := range units {
		p.infos[i] = p.classify(i)
		if p.infos[i].header != nil {
			p.headers = true
		}
		if i > 0 {
			runs[units[i].blank]++
		}
	}
	// A section break is a run of blank lines longer than the usual
	// separator between blocks, and at least two.
	usual, most := 0, 0
	for n, c := range runs {
		if c > most || c == most && n < usual {
			usual, most = n, c
		}
	}
	p.usualBlanks, p.breakBlanks = usual, max(2, usual+1)
	return p
}

// classify looks at one unit on its own.
func (p *parser) classify(i int) info {
	u := p.units[i]
	var in info
	switch {
	case u.heading == 1 || u.heading == 2:
		h := pageHeader{name: u.text}
		if ph, ok := parsePageHeader(u.text); ok {
			h = ph
		}
		in.header = &h
		return in
	case u.heading > 0:
		in.title = true
		return in
	}
	s := u.text
	// A line wider than two cells a rune allows is long without counting.
	if u.lastWidth > 2*maxShortLine || runeCountMax(s, maxShortLine) > maxShortLine {
		// A long line is a paragraph, perhaps one that opens with a
		// dateline; headers, credits, bylines and titles are all short.
		in.dateline = hasDateline(s)
		return in
	}
	if ph, ok := parsePageHeader(s); ok {
		// A bracketed name directly above a headline is a column label.
		if ph.page != "" || i+1 >= len(p.units) || !p.units[i+1].sameBlock {
			in.header = &ph
			return in
		}
	}
	if names, ok := parseCredit(s); ok {
		in.isCredit, in.credit = true, names
		return in
	}
	if b, ok := parseStandaloneByline(s); ok {
		in.byline = &b
		return in
	}
	if m, _ := isJumpMarker(s); m {
		return in
	}
	if isEndNote(s) || isRule(s) {
		in.end = true
		return in
	}
	if in.dateline = hasDateline(s); in.dateline {
		return in
	}
	in.bold = isBoldOnly(s)
	in.title = !in.bold && isTitleLike(s)
	return in
}

// run walks the units and builds the edition.
func (p *parser) run() {
	i := p.masthead()
	for i < len(p.units) {
		if p.startsSection(i) {
			p.closeSection()
			if h := p.infos[i].header; h != nil {
				p.sec = &Section{Name: h.name, Page: h.page, Header: p.units[i].text}
				if p.ed.Date == "" {
					p.ed.Date = findDate(p.units[i].text)
				}
				i++
				continue
			}
		}
		if n := p.stackAt(i); n > 0 {
			p.closeArticle()
			p.startArticle(i, n)
			i += n
			continue
		}
		p.addBody(i)
		i++
	}
	p.closeSection()
}

// masthead takes the edition's title line off the top, if the text has
// one: a level-1 heading above level-2 ones, or a short line with a date.
func (p *parser) masthead() int {
	if len(p.units) == 0 {
		return 0
	}
	u := p.units[0]
	date := findDate(u.text)
	switch {
	case u.heading == 1 && (date != "" || p.hasHeading(2)):
	case u.heading == 0 && date != "" && p.infos[0].header == nil && isTitleLike(u.text):
	default:
		return 0
	}
	p.ed.Title, p.ed.Date = u.text, date
	p.ed.Masthead = u.text
	return 1
}

// hasHeading reports whether any unit is a Markdown heading of level.
func (p *parser) hasHeading(level int) bool {
	for _, u := range p.units {
		if u.heading == level {
			return true
		}
	}
	return false
}

// startsSection reports whether unit i begins a new section.
func (p *parser) startsSection(i int) bool {
	u := p.units[i]
	switch {
	case p.infos[i].header != nil, u.formFeed:
		return true
	case p.headers:
		return false
	}
	return u.blank >= p.breakBlanks && (p.art != nil || p.sec != nil)
}

// stackAt returns how many units from i form the headline stack of a new
// article, or 0 when unit i does not start one.
func (p *parser) stackAt(i int) int {
	if p.units[i].heading >= 3 {
		// A Markdown heading is a whole headline by itself.
		return 1
	}
	k, titles := i, 0
	for k < len(p.units) && k-i <= maxStack {
		in := p.infos[k]
		if !in.title && !in.bold || k > i && (p.startsSection(k) || p.units[k].heading > 0) {
			break
		}
		if in.title {
			titles++
		}
		k++
	}
	n := k - i
	if titles == 0 || titles > 3 || n > maxStack {
		return 0
	}
	if p.strongStart(i, k) {
		return n
	}
	if p.openParagraph() != nil {
		// The previous paragraph runs on: a column break, not a headline.
		return 0
	}
	if titles >= 2 {
		return n
	}
	return 0
}

// strongStart reports whether the stack of units [i, k) surely begins an
// article: a byline or a photo follows it, it opens a section, it is a
// Markdown heading, or the story before it was closed by its byline.
func (p *parser) strongStart(i, k int) bool {
	if p.closed || p.units[i].blank > p.usualBlanks {
		// The story before was closed by its byline or an end note, or a
		// wider gap than the blocks' usual one sets this apart.
		return true
	}
	if p.art == nil {
		// Nothing yet in this section: whatever heads it is a headline.
		return true
	}
	if k >= len(p.units) {
		return false
	}
	next := p.infos[k]
	switch {
	case next.byline != nil, next.isCredit:
		return true
	case next.dateline:
		return true
	case next.header != nil, next.title:
		return false
	}
	// A photo story: a caption or two, then the credit.
	for j := k; j < k+2 && j < len(p.units); j++ {
		if p.infos[j].title || p.infos[j].header != nil {
			break
		}
		if _, _, _, ok := splitTrailingCredit(p.units[j].text); ok {
			return true
		}
		if j+1 < len(p.units) && p.infos[j+1].isCredit {
			return true
		}
	}
	return false
}

// openParagraph returns the current article's last block when it is a
// paragraph cut off mid-sentence, so the next unit may continue it.
func (p *parser) openParagraph() *Block {
	if p.art == nil || p.closed || len(p.art.Body) == 0 {
		return nil
	}
	last := &p.art.Body[len(p.art.Body)-1]
	if last.Type != Paragraph || endsSentence(last.Text) || endsSoft(last.Text) {
		return nil
	}
	return last
}

// startArticle begins an article with the stack of n units at i.
func (p *parser) startArticle(i, n int) {
	a := &Article{Kind: KindNews}
	var titles []string
	for _, u := range p.units[i : i+n] {
		rest, label := splitBoldLabel(u.text)
		if label != "" {
			a.Column = joinLabel(a.Column, label)
		}
		if rest != "" {
			titles = append(titles, stripBold(rest))
		}
	}
	switch len(titles) {
	case 1:
		a.Headline = titles[0]
	case 2:
		if isKickerLike(titles[0]) || isSpeechKicker(titles[0]) {
			a.Kicker, a.KickerTail = splitKickerTail(titles[0])
			a.Headline = titles[1]
		} else {
			a.Headline, a.Subheadline = titles[0], titles[1]
		}
	case 3:
		a.Kicker, a.KickerTail = splitKickerTail(titles[0])
		a.Headline, a.Subheadline = titles[1], titles[2]
	}
	p.art, p.closed = a, false
}

// joinLabel adds a second column label to a first.
func joinLabel(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// addBody adds unit i to the current article's body, starting a headless
// article when there is none.
func (p *parser) addBody(i int) {
	u, in := p.units[i], p.infos[i]
	if p.art == nil || p.closed && in.byline == nil && !in.isCredit && !in.end {
		p.closeArticle()
		p.art = &Article{Kind: KindNews}
	}
	a := p.art
	switch {
	case in.byline != nil:
		p.addByline(*in.byline, i)
	case in.isCredit:
		p.addCredit(u.text, in.credit)
	case in.end:
		a.Body = append(a.Body, Block{Type: Paragraph, Text: u.text})
		p.closed = true
	case !u.indented && p.openParagraph() != nil && !(endsClause(p.openParagraph().Text) && startsListItem(u.text)):
		last := p.openParagraph()
		last.Text = joinBroken(last.Text, stripBold(u.text))
	case p.wrappedLine(i):
		last := &a.Body[len(a.Body)-1]
		last.Text = joinBroken(last.Text, stripBold(u.text))
	case in.bold || in.title && !p.indentedParagraph(i) && !endsSoft(u.text):
		a.Body = append(a.Body, Block{Type: Intertitle, Text: stripBold(u.text)})
	default:
		text := stripBold(u.text)
		if raw, rest, b, ok := parseLeadByline(text); ok {
			if len(a.Body) > 0 || !a.Byline.IsZero() {
				// A dateline opens a story: here one with no headline, as
				// in a column of briefs.
				p.closeArticle()
				p.art = &Article{Kind: KindNews}
				a = p.art
			}
			b.Raw = raw
			a.Byline = b
			if text = rest; text == "" {
				return
			}
		}
		if caption, credit, names, ok := splitTrailingCredit(text); ok && a.PhotoCredit == "" {
			a.Body = append(a.Body, Block{Type: Caption, Text: caption})
			a.PhotoCredit = credit
			a.Byline.Photographers = append(a.Byline.Photographers, names...)
			return
		}
		a.Body = append(a.Body, Block{Type: Paragraph, Text: text})
		p.lastIndented = u.indented
	}
}

// wrappedLine reports whether unit i is a flush line under an indented
// paragraph in the same block, and no title: the paragraph's next line.
func (p *parser) wrappedLine(i int) bool {
	u, in := p.units[i], p.infos[i]
	if u.indented || !u.sameBlock || in.title || in.bold || !p.lastIndented || p.closed {
		return false
	}
	body := p.art.Body
	return len(body) > 0 && body[len(body)-1].Type == Paragraph
}

// indentedParagraph reports whether unit i is indented in a text that
// marks paragraphs by indentation, where headlines and intertitles stand
// flush left.
func (p *parser) indentedParagraph(i int) bool {
	return p.units[i].indented && p.units[i].sameBlock
}

// addByline files a line that is only a byline: before the body it leads
// the story; after it, it ends the story.
func (p *parser) addByline(b Byline, i int) {
	a := p.art
	switch {
	case !a.Byline.IsZero() && a.Byline.Raw != "":
		// A second byline: keep it as text, but it still ends the story.
		a.Body = append(a.Body, Block{Type: Paragraph, Text: p.units[i].text})
		p.closed = true
	case len(a.Body) == 0:
		b.Photographers = append(b.Photographers, a.Byline.Photographers...)
		a.Byline = b
	default:
		b.AtEnd = true
		b.Photographers = append(b.Photographers, a.Byline.Photographers...)
		a.Byline = b
		p.closed = true
	}
}

// addCredit files a photo credit; the short paragraph before it is the
// photo's caption.
func (p *parser) addCredit(text string, names []string) {
	a := p.art
	if a.PhotoCredit != "" {
		a.Body = append(a.Body, Block{Type: Paragraph, Text: text})
		return
	}
	a.PhotoCredit = text
	a.Byline.Photographers = append(a.Byline.Photographers, names...)
	if n := len(a.Body); n > 0 && a.Body[n-1].Type == Paragraph {
		if a.Byline.Raw == "" || runeCountMax(a.Body[n-1].Text, captionRunes) <= captionRunes {
			a.Body[n-1].Type = Caption
		}
	}
}

// captionRunes is the longest paragraph taken for a photo caption inside a
// news story; in a photo story every paragraph before the credit is one.
const captionRunes = 200

// closeArticle finishes the current article and adds it to the section.
func (p *parser) closeArticle() {
	a := p.art
	p.art, p.closed = nil, false
	if a == nil {
		return
	}
	if last := lastTextBlock(a.Body); last != nil {
		a.Continued = last.Type == Intertitle ||
			last.Type == Paragraph && (!endsSentence(last.Text) || endsWithJump(last.Text))
	}
	a.Kind = kindOf(a)
	if a.Body == nil {
		a.Body = []Block{}
	}
	if p.sec == nil {
		p.sec = &Section{}
	}
	p.sec.Articles = append(p.sec.Articles, *a)
}

// lastTextBlock returns the last block of the story's own text, passing
// over the end notes, rules and second bylines kept after it.
func lastTextBlock(body []Block) *Block {
	for i := len(body) - 1; i >= 0; i-- {
		t := body[i].Text
		if _, isByline := parseStandaloneByline(t); !isByline && !isEndNote(t) && !isRule(t) || i == 0 {
			return &body[i]
		}
	}
	return nil
}

// kindOf decides whether a finished article is news, a photo story or a
// brief.
func kindOf(a *Article) Kind {
	paragraphs := 0
	for _, b := range a.Body {
		if b.Type == Paragraph && !isEndNote(b.Text) && !isRule(b.Text) {
			paragraphs++
		}
	}
	if a.PhotoCredit != "" && a.Byline.Raw == "" && paragraphs == 0 {
		return KindPhoto
	}
	if a.Headline == "" {
		return KindBrief
	}
	if a.Byline.IsZero() && paragraphs == 1 && len(a.Body) == 1 && runeCountMax(a.Body[0].Text, briefRunes) < briefRunes {
		return KindBrief
	}
	return KindNews
}

// briefRunes is the length under which a lone paragraph with no byline is a
// brief rather than a story.
const briefRunes = 150

// closeSection finishes the current section and adds it to the edition.
func (p *parser) closeSection() {
	p.closeArticle()
	s := p.sec
	p.sec = nil
	if s == nil || len(s.Articles) == 0 && s.Header == "" {
		return
	}
	s.Index = len(p.ed.Sections) + 1
	for i := range s.Articles {
		s.Articles[i].ID = strconv.Itoa(s.Index) + "-" + strconv.Itoa(i+1)
	}
	if s.Name == "" && len(s.Articles) > 0 {
		lead := &s.Articles[0]
		switch {
		case lead.Kicker != "":
			s.Name = shortName(lead.Kicker)
		default:
			s.Name = shortName(lead.Title())
		}
	}
	if s.Name == "" {
		s.Name = strconv.Itoa(s.Index)
	}
	p.ed.Sections = append(p.ed.Sections, *s)
}
