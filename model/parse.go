package model

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ParserVersion names the parser's rules. It changes whenever they change
// what an edition parses to, so that a library holding editions parsed by
// other rules parses them again (the embedded edition alone may come out the
// same under both).
const ParserVersion = "roles-1"

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

// leadByline is a dateline and byline that open a paragraph, as
// parseLeadByline splits them off.
type leadByline struct {
	raw, rest string
	byline    Byline
}

// readDateline tells whether s, the unit's text, opens with a dateline,
// and keeps what parseLeadByline makes of it for when the unit is placed.
func (in *info) readDateline(s string) {
	if !mayOpenWithDateline(s) || !mayHoldDatelineAtStart(s) {
		return
	}
	if raw, rest, b, ok := parseLeadByline(s); ok {
		in.dateline, in.lead = true, &leadByline{raw: raw, rest: rest, byline: b}
	}
}

// mayHoldDatelineAtStart reports whether s could open with a dateline as
// parseLeadByline reads one: after its bullets and spaces (and a bracket),
// an English one opens with a capital; a Chinese one ends in 电 or 讯 within
// 114 bytes (【, 据, an agency of six characters and the 21 after it that
// datelineLen reads).
func mayHoldDatelineAtStart(s string) bool {
	pos := leadingMarks(s)
	rest := s[pos:]
	head := rest
	if strings.HasPrefix(head, "【") {
		head = head[len("【"):]
	} else if strings.HasPrefix(head, "[") {
		head = head[1:]
	}
	if head != "" && head[0] >= 'A' && head[0] <= 'Z' {
		return true
	}
	return holdsDian(rest[:min(len(rest), 128)])
}

// mayOpenWithDateline reports cheaply whether s could open with a
// dateline, as few lines do: one starts with a bracket, 本报, 据, a capital
// (LONDON, March 15.—), or with an agency, whose name ends within its first
// few characters in 社, 网, 台 or 报.
func mayOpenWithDateline(s string) bool {
	head := s[:min(len(s), 3*8)]
	if head == "" {
		return false
	}
	if c := head[0]; c == '[' || c >= 'A' && c <= 'Z' || c == ' ' || c == '\t' {
		return true
	}
	r, _ := utf8.DecodeRuneInString(head)
	if strings.ContainsRune("【本據据"+bylineMarks, r) {
		return true
	}
	for _, r := range head {
		switch r {
		case '社', '网', '台', '报', '網', '報':
			return true
		}
	}
	return false
}

// Parse decodes data (see Decode) and parses it into an edition.
func Parse(data []byte, opt Options) (*Edition, error) {
	text, enc, invalid, plain, err := decodeCounting(data)
	if err != nil {
		return nil, err
	}
	e := parseText(text, opt, plain)
	e.Encoding, e.InvalidBytes = enc, invalid
	return e, nil
}

// ParseText parses decoded text into an edition. It never fails: text it
// cannot place still lands in an article, so nothing is lost.
func ParseText(text string, opt Options) *Edition { return parseText(text, opt, false) }

// parseText is ParseText; plain says that text is known to need no cleaning
// but for its CRLF pairs (see cleanLines).
func parseText(text string, opt Options, plain bool) *Edition {
	if !plain {
		text = cleanLines(text)
	}
	p := newParser(splitUnits(text))
	p.ed, p.opt = &Edition{Title: opt.Title, Source: opt.Source}, opt
	p.run()
	return p.ed
}

// info is what the classifier found a unit to be: the evidence the
// labeller weighs (see roles.go).
type info struct {
	header *pageHeader // a page header, or nil
	byline *Byline     // a line that is only a byline, or nil
	// author is an author line (◆张明, a bare name), or nil; markedAuthor
	// is true when a bullet marks it.
	author       *Byline
	markedAuthor bool
	credit       []string // a photo credit's names, when isCredit is set
	isCredit     bool
	title        bool // short enough and shaped like a headline or intertitle
	bold         bool // wholly Markdown bold
	dateline     bool // starts with a dateline: the first paragraph of a story
	// lead is the dateline and byline split off the unit's text when
	// dateline is set.
	lead  *leadByline
	end   bool // an end note (（完）, 责任编辑), a jump note or a rule: the story ends
	runes int  // the length in runes, counted up to maxShortLine+1
	// last is the unit's last mark (see lastMark), read once for the many
	// rules that look at how a line ends.
	last rune
	// titleRunes is the length of a title line without its column label.
	titleRunes int

	kickerTail bool // ends with —— or ：, which tie a kicker to its headline
	leadDash   bool // opens with ——, as subheadlines do
	speech     bool // ends with a speech verb, as kickers without marks do
	headCue    bool // looks like a headline: parallel phrases, a series tag, a quotation
	leadIn     bool // reads as a lead-in clause: a comma or colon inside
	latin      bool // mostly Latin script
	caps       bool // a Latin line in capitals, as English headlines and decks are set
	latinHead  bool // a short line of capitalised words, as English run-in heads are (At Long View.)
	titleCase  bool // a Latin line whose words are mostly capitalised, as a deck is
	// subHeading is true for a Markdown heading deeper than the heading of
	// the story it stands in, which makes it an intertitle.
	subHeading bool
	soft       bool // ends with a colon, as a lead-in sentence does
	stop       stop // how the unit's text ends
	caption    bool // a photo caption: its credit ends it or stands right after it
	// trailingCredit is true when a photo credit ends the text (see
	// splitTrailingCredit).
	trailingCredit bool
	listItem       bool // opens with an enumerator (一、 （二） 3. 第二招)
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
	// indentBody is true when the text marks its body text by indenting
	// it, so that headlines, bylines and page headers stand flush left.
	indentBody bool
	// sectionStart marks the units that begin a section.
	sectionStart []bool
	// metaBefore holds, by the index of the unit after them, the
	// metadata lines taken out of the sequence before labelling (see
	// isMeta); metaAfter those after the last unit.
	metaBefore map[int][]string
	metaAfter  []string
	// pendingMeta waits for the story that a metadata line came before.
	pendingMeta []string

	ed  *Edition
	opt Options
	sec *Section // the section being filled, not yet in ed.Sections
	art *Article // the article being filled, not yet in sec; nil or &slot
	// slot holds the article being filled, and arts the articles of the
	// section being filled (sec.Articles once it is done): one buffer for
	// all, where an allocation for each and a slice grown for each
	// section cost more than the rest of placing them.
	slot Article
	arts []Article
	// closed is true once the current article ended with a byline or an
	// end note.
	closed bool
}

func newParser(units []unit) *parser {
	units = splitTrailingBylines(units)
	p := &parser{units: units, infos: make([]info, len(units)), sectionStart: make([]bool, len(units))}
	// runs counts the gaps of each width in blank lines; wide gaps are
	// rare, and counted in a map.
	var runs [16]int
	var wideRuns map[int]int
	long, indentedLong := 0, 0
	for i := range units {
		p.infos[i] = p.classify(i)
		if p.infos[i].header != nil {
			p.headers = true
		}
		if i > 0 {
			if b := units[i].blank; b < len(runs) {
				runs[b]++
			} else {
				if wideRuns == nil {
					wideRuns = map[int]int{}
				}
				wideRuns[b]++
			}
		}
		if in := &p.infos[i]; in.runes > maxTitleRunes || isSentenceEnd(in.last) && in.header == nil && in.byline == nil && !in.end {
			// Running text: a sentence, or a line longer than any title.
			long++
			if units[i].indented {
				indentedLong++
			}
		}
	}
	p.takeMeta()
	p.markSubHeadings()
	for i := range p.infos {
		in := &p.infos[i]
		in.caption = in.trailingCredit || i+1 < len(p.infos) && p.infos[i+1].isCredit
	}
	// A section break is a run of blank lines longer than the usual
	// separator between blocks, and at least two.
	usual, most := 0, 0
	for n, c := range runs {
		if c > most {
			usual, most = n, c
		}
	}
	for n, c := range wideRuns {
		if c > most || c == most && n < usual {
			usual, most = n, c
		}
	}
	p.usualBlanks, p.breakBlanks = usual, max(2, usual+1)
	// Body text is marked by indenting when most running text is indented.
	p.indentBody = indentedLong >= 3 && indentedLong*10 >= long*7
	return p
}

// markSubHeadings marks the Markdown headings that are deeper than the
// heading of the story they stand in, after body text: a story's ### with
// #### parts. Page headers start afresh.
func (p *parser) markSubHeadings() {
	story := 0 // the level of the story heading in force, 0 for none
	for i := range p.units {
		u := &p.units[i]
		switch {
		case p.infos[i].header != nil:
			story = 0
		case u.heading < 3:
		case story == 0 || u.heading <= story:
			story = u.heading
		case i > 0 && p.units[i-1].heading == 0:
			// Deeper than the story's heading, with text between them.
			p.infos[i].subHeading = true
		}
	}
}

// takeMeta takes the metadata lines out of the units (see isMeta), to be
// filed as edition, section or story data rather than labelled as text.
func (p *parser) takeMeta() {
	keep := 0
	var pending []string
	for i := range p.units {
		if i > 0 && p.isMeta(i) {
			text := p.units[i].text
			if p.units[i].heading > 0 {
				// A repeated title line is the story's, not the page's;
				// the mark tells placeMeta so.
				text = storyMetaMark + text
			}
			pending = append(pending, text)
			continue
		}
		if pending != nil {
			if p.metaBefore == nil {
				p.metaBefore = map[int][]string{}
			}
			p.metaBefore[keep] = pending
			pending = nil
			// The gap before the metadata line is the gap before this
			// unit.
			p.units[i].blank = max(p.units[i].blank, p.units[i-1].blank)
		}
		if keep != i {
			p.units[keep], p.infos[keep] = p.units[i], p.infos[i]
		}
		keep++
	}
	p.metaAfter = pending
	p.units, p.infos = p.units[:keep], p.infos[:keep]
}

// isMeta reports whether unit i is a metadata line: a date standing
// alone under the page header, an empty label (栏目：), or a Markdown title
// line repeated as a title line right below it.
func (p *parser) isMeta(i int) bool {
	u := &p.units[i]
	if p.infos[i].header != nil {
		return false
	}
	if u.heading >= 3 {
		for k := i + 1; k < len(p.units) && k <= i+3 && p.units[k].heading == 0; k++ {
			if stripBold(p.units[k].text) == stripBold(u.text) {
				return true
			}
		}
		return false
	}
	if u.heading != 0 {
		return false
	}
	// A date is page data right under the page header or the masthead; in
	// a story (a letter's date under its signature) it is text.
	return isEmptyLabel(u.text) || (i == 1 || p.infos[i-1].header != nil) && isDateLine(u.text)
}

// placeMeta files a metadata line: before a section's first story it is
// page data, kept with the page header (or with the masthead before any
// page); before a story, the story's.
func (p *parser) placeMeta(text string, before bool) {
	story := strings.HasPrefix(text, storyMetaMark)
	text = strings.TrimPrefix(text, storyMetaMark)
	switch {
	case story && before:
		p.pendingMeta = append(p.pendingMeta, text)
	case p.sec != nil && len(p.arts) == 0 && p.art == nil:
		p.sec.Header = joinLabel(p.sec.Header, text)
	case p.sec == nil && p.art == nil && len(p.ed.Sections) == 0:
		p.ed.Masthead = joinLabel(p.ed.Masthead, text)
		if p.ed.Title == "" || p.ed.Title == p.opt.Title {
			p.ed.Title = p.ed.Masthead
		}
	case before:
		p.pendingMeta = append(p.pendingMeta, text)
	default:
		p.ensureArticle()
		p.art.Meta = append(p.art.Meta, text)
	}
	if p.ed.Date == "" {
		p.ed.Date = findDate(text)
	}
}

// storyMetaMark marks a metadata line that belongs to a story: a NUL,
// which cleaned text never holds.
const storyMetaMark = "\x00"

// stop says how a unit's text ends: whether a paragraph there is over.
type stop uint8

const (
	stopNone     stop = iota // mid-sentence: a column break may have cut it
	stopSentence             // 。！？ or a jump note onward: the paragraph is over
	stopClause               // ；: a list item, or a cut
	stopSoft                 // ：: a lead-in, after which a new paragraph starts
)

// stopOfMark tells how s, whose last mark (see lastMark) is last, ends.
func stopOfMark(last rune, s string) stop {
	switch last {
	case '。', '！', '？', '…', '.', '!', '?', '．', '｡':
		return stopSentence
	case ';', '；':
		return stopClause
	case ':', '：':
		return stopSoft
	}
	if endsWithJump(s) {
		return stopSentence
	}
	return stopNone
}

// classify looks at one unit on its own.
func (p *parser) classify(i int) info {
	u := p.units[i]
	var in info
	s := u.text
	in.runes = u.runes
	in.last = lastMark(s)
	// How the text ends is read here, while it is at hand, for every unit.
	in.stop = stopOfMark(in.last, s)
	_, _, _, in.trailingCredit = splitTrailingCredit(s)
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
	// A line wider than two cells a rune allows is long without counting.
	if u.lastWidth > 2*maxShortLine || in.runes > maxShortLine {
		// A long line is a paragraph, perhaps one that opens with a
		// dateline; headers, credits, bylines and titles are all short.
		in.readDateline(s)
		return in
	}
	if r := in.last; r == '。' || r == '；' || r == '，' || r == '、' ||
		(r == '！' || r == '？') && in.runes > maxTitleRunes/2 {
		// A line that ends like a Chinese sentence or clause is running
		// text: no header, byline, credit, author line or title ends so.
		// (This is most lines; the checks below are the costly part.)
		in.readDateline(s)
		in.listItem = startsListItem(s) || startsNumberedPart(s)
		return in
	}
	in.latin = mostlyLatin(s)
	if in.latin {
		in.caps = isCapitals(s)
		in.latinHead = !in.caps && isCapitalisedHead(s)
		in.titleCase = !in.caps && isTitleCase(s)
	}
	in.listItem = startsListItem(s) || startsNumberedPart(s)
	if ph, ok := parsePageHeader(s); ok {
		// A bracketed name directly above a headline is a column label.
		if ph.page != "" || i+1 >= len(p.units) || !p.units[i+1].sameBlock {
			in.header = &ph
			return in
		}
	}
	// What the recognisers below look for, read once.
	f := factsOf(s)
	if f.mayBeCredit() {
		if names, ok := parseCredit(s); ok {
			in.isCredit, in.credit = true, names
			return in
		}
	}
	if f.mayBeByline() {
		if b, ok := parseStandaloneByline(s); ok {
			in.byline = &b
			return in
		}
	}
	if f.mayBeJumpMarker() {
		if m, _ := isJumpMarker(s); m {
			in.end = true
			return in
		}
	}
	if isEndNote(s) || isRule(s) {
		in.end = true
		return in
	}
	if f.mayHoldDateline() {
		if in.readDateline(s); in.dateline {
			return in
		}
	}
	if b, marked, ok := parseAuthorLine(s); ok {
		in.author, in.markedAuthor = &b, marked
	}

	in.bold = isBoldOnly(s)
	in.title = !in.bold && (isTitleLikeMark(s, in.last) || in.caps || in.latinHead)
	in.soft = in.last == ':' || in.last == '：'
	if in.title {
		rest, _ := splitBoldLabel(s)
		in.titleRunes = runeCountMax(rest, maxShortLine)
		in.kickerTail = isKickerLike(rest)
		in.leadDash = opensWithDash(rest)
		in.speech = isSpeechKicker(rest)
		// The spaces of an author line set a name apart, not a
		// headline's phrases.
		in.headCue = hasHeadlineCue(rest) && in.author == nil
		in.leadIn = isLeadIn(rest)
	}
	return in
}

// run labels the units and builds the edition from the labels.
func (p *parser) run() {
	i := p.masthead()
	for k := i; k < len(p.units); k++ {
		p.sectionStart[k] = p.startsSection(k)
	}
	labels := p.decode(i)
	for ; i < len(p.units); i++ {
		for _, m := range p.metaBefore[i] {
			p.placeMeta(m, true)
		}
		p.place(i, labels[i], labels)
	}
	for _, m := range p.metaAfter {
		p.placeMeta(m, false)
	}
	p.closeSection()
}

// place adds unit i, labelled l, to the edition.
func (p *parser) place(i int, l label, labels []label) {
	u, in := p.units[i], p.infos[i]
	if p.sectionStart[i] {
		p.closeSection()
	}
	switch l {
	case lHeader:
		h := in.header
		p.sec = &Section{Name: h.name, Page: h.page, Header: u.text}
		if p.ed.Date == "" {
			p.ed.Date = findDate(u.text)
		}
	case lKicker:
		p.closeArticle()
		p.newArticle()
		p.addTitle(u.text, lKicker)
	case lHeadline:
		if i == 0 || labels[i-1] != lKicker || p.sectionStart[i] {
			p.closeArticle()
			p.newArticle()
		}
		p.addTitle(u.text, lHeadline)
	case lSubhead:
		p.addTitle(u.text, lSubhead)
	case lByline, lSign:
		p.ensureArticle()
		b := in.byline
		if b == nil {
			b = in.author
		}
		p.addByline(*b, i, i > 0 && (labels[i-1] == lByline || labels[i-1] == lSign) && !p.sectionStart[i])
	case lCredit:
		p.ensureArticle()
		p.addCredit(u.text, in.credit)
	case lEnd:
		p.ensureArticle()
		p.art.Body = append(p.art.Body, Block{Type: Paragraph, Text: u.text})
		p.closed = true
	case lJoin:
		if last := p.lastBlock(); last != nil {
			last.Text = joinBroken(last.Text, stripBold(u.text))
			return
		}
		p.addParagraph(u.text, &in)
	case lInter:
		p.ensureArticle()
		p.art.Body = append(p.art.Body, Block{Type: Intertitle, Text: stripBold(u.text)})
	case lBrief:
		p.closeArticle()
		p.newArticle()
		p.addParagraph(u.text, &in)
	default:
		p.addParagraph(u.text, &in)
	}
}

// ensureArticle starts a headless article when there is none.
func (p *parser) ensureArticle() {
	if p.art == nil {
		p.newArticle()
	}
}

// newArticle starts an article, with the metadata lines that came before
// it.
func (p *parser) newArticle() {
	p.slot = Article{Kind: KindNews, Meta: p.pendingMeta}
	p.art = &p.slot
	p.pendingMeta = nil
}

// lastBlock returns the current article's last block, or nil.
func (p *parser) lastBlock() *Block {
	if p.art == nil || len(p.art.Body) == 0 {
		return nil
	}
	return &p.art.Body[len(p.art.Body)-1]
}

// addTitle files a line of the headline stack, splitting off a bold column
// label (满弓紧弦“竞”出新图景**2024,我们这么干!**).
func (p *parser) addTitle(text string, l label) {
	a := p.art
	rest, label := splitBoldLabel(text)
	if label != "" {
		a.Column = joinLabel(a.Column, label)
	}
	if rest == "" {
		return
	}
	rest = stripBold(rest)
	switch l {
	case lKicker:
		a.Kicker, a.KickerTail = splitKickerTail(rest)
	case lHeadline:
		a.Headline = rest
	case lSubhead:
		if a.Subheadline != "" {
			a.Subheadline += " " + rest
		} else {
			a.Subheadline = rest
		}
	}
}

// addParagraph adds running text: the first paragraph of a story may open
// with its dateline and byline, and a caption may end with its credit.
//
// in is what the classifier found the text to be: whether it opens with a
// dateline, and the dateline read.
func (p *parser) addParagraph(unitText string, in *info) {
	p.ensureArticle()
	a := p.art
	text := stripBold(unitText)
	// Only a story's first paragraph gives its dateline.
	if first := len(a.Body) == 0 && a.Byline.Raw == ""; first && in.dateline {
		var raw, rest string
		var b Byline
		ok := true
		if in.lead != nil && text == unitText {
			raw, rest, b = in.lead.raw, in.lead.rest, in.lead.byline
		} else {
			raw, rest, b, ok = parseLeadByline(text)
		}
		if ok {
			b.Raw = raw
			b.Photographers = append(b.Photographers, a.Byline.Photographers...)
			a.Byline = b
			if text = rest; text == "" {
				return
			}
		}
	}
	if caption, credit, names, ok := splitTrailingCredit(text); ok && a.PhotoCredit == "" {
		a.Body = append(a.Body, Block{Type: Caption, Text: caption})
		a.PhotoCredit = credit
		a.Byline.Photographers = append(a.Byline.Photographers, names...)
		return
	}
	a.Body = append(a.Body, Block{Type: Paragraph, Text: text})
}

// masthead takes the edition's title line off the top, if the text has
// one: a level-1 heading above level-2 ones, or a short line with a date or
// an issue number.
func (p *parser) masthead() int {
	if len(p.units) == 0 {
		return 0
	}
	u := p.units[0]
	// The date is looked for only where it can matter: a first line may
	// be a whole story of megabytes, and no masthead is that long.
	date, looked := "", false
	dateOf := func() string {
		if !looked {
			date, looked = findDate(u.text), true
		}
		return date
	}
	if len(p.metaBefore[1]) > 0 && u.heading <= 1 && p.infos[0].header == nil && isTitleLike(u.text) {
		// A title line with a date line under it: 人民日报 / 2024-03-19.
		if d := findDate(p.metaBefore[1][0]); d != "" && dateOf() == "" {
			p.ed.Title, p.ed.Date, p.ed.Masthead = u.text, d, u.text+" "+p.metaBefore[1][0]
			p.metaBefore[1] = p.metaBefore[1][1:]
			return 1
		}
	}
	switch {
	case u.heading == 1 && (dateOf() != "" || p.hasHeading(2)):
	case u.heading == 0 && p.infos[0].header == nil && p.infos[0].runes <= maxLatinTitleRunes &&
		(dateOf() != "" && (isTitleLike(u.text) || isDateLine(u.text)) || hasIssueMark(u.text)):
	default:
		return 0
	}
	dateOf()
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
	return u.blank >= p.breakBlanks && i > 0
}

// joinLabel adds a second column label to a first.
func joinLabel(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// addByline files a line that is only a byline: before the body it leads
// the story; after it, it ends the story.
//
// next is true when the unit before was a byline too.
func (p *parser) addByline(b Byline, i int, next bool) {
	a := p.art
	switch {
	case next && a.Byline.Raw != "":
		// Bylines on consecutive lines are one byline: 特约通讯员 X, then
		// 本报记者 Y.
		a.Byline.Raw += " " + b.Raw
		a.Byline.Reporters = append(a.Byline.Reporters, b.Reporters...)
		a.Byline.Correspondents = append(a.Byline.Correspondents, b.Correspondents...)
		a.Byline.Photographers = append(a.Byline.Photographers, b.Photographers...)
		a.Byline.Authors = append(a.Byline.Authors, b.Authors...)
	case !a.Byline.IsZero() && a.Byline.Raw != "":
		// A second byline: keep it as text where it stands, but it still
		// ends the story (or the part of a compiled story it signs), and
		// names more of the people who wrote it (本报记者 above, （记者
		// X、Y） below; each part of a compiled report signed).
		a.Body = append(a.Body, Block{Type: Paragraph, Text: p.units[i].text})
		a.Byline.Reporters = addNames(a.Byline.Reporters, b.Reporters)
		a.Byline.Correspondents = addNames(a.Byline.Correspondents, b.Correspondents)
		a.Byline.Authors = addNames(a.Byline.Authors, b.Authors)
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

// addNames adds the names of more to those of names, each once.
func addNames(names, more []string) []string {
	for _, n := range more {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
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
	p.arts = append(p.arts, *a)
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
	if p.pendingMeta != nil {
		// Metadata before no story: it belongs to the one before.
		p.ensureArticle()
		p.art.Meta = append(p.art.Meta, p.pendingMeta...)
		p.pendingMeta = nil
	}
	p.closeArticle()
	s := p.sec
	p.sec = nil
	if len(p.arts) > 0 {
		s.Articles = slices.Clone(p.arts)
		clear(p.arts)
		p.arts = p.arts[:0]
	}
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
