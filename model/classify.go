package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxTitleRunes is the longest a CJK headline, kicker or intertitle runs;
	// a longer line is body text.
	maxTitleRunes = 40
	// maxLatinTitleRunes is the same for a headline in a Latin script.
	maxLatinTitleRunes = 100
	// maxCommaTitleRunes is the longest a title with a comma in it runs
	// (三“度”并重,推动党员冬训竞“优”走“新”).
	maxCommaTitleRunes = 28
	// maxHeaderRunes bounds a page header line such as 第A02版：上海新闻.
	maxHeaderRunes = 30
	// maxSectionNameRunes bounds a section name derived from a story, so it
	// fits a tab.
	maxSectionNameRunes = 10
)

// stripBold removes the ** of Markdown bold, keeping the text between.
func stripBold(s string) string {
	if !strings.Contains(s, "**") {
		return s
	}
	// Only paired markers are markup; a lone ** is text.
	if strings.Count(s, "**")%2 == 1 {
		i := strings.LastIndex(s, "**")
		return strings.ReplaceAll(s[:i], "**", "") + s[i:]
	}
	return strings.ReplaceAll(s, "**", "")
}

// splitBoldLabel takes a Markdown-bold label off the start or end of s:
// 满弓紧弦“竞”出新图景**2024,我们这么干!** gives the subheadline and the
// column label. A line that is all bold gives an empty rest.
func splitBoldLabel(s string) (rest, label string) {
	if !strings.HasSuffix(s, "**") && !strings.HasPrefix(s, "**") || strings.Count(s, "**") != 2 {
		return s, ""
	}
	if strings.HasSuffix(s, "**") {
		i := strings.Index(s, "**")
		return trimSpace(s[:i]), trimSpace(s[i+2 : len(s)-2])
	}
	j := strings.Index(s[2:], "**") + 2
	return trimSpace(s[j+2:]), trimSpace(s[2:j])
}

// isBoldOnly reports whether s is wholly one Markdown-bold span.
func isBoldOnly(s string) bool {
	return len(s) > 4 && strings.HasPrefix(s, "**") && strings.HasSuffix(s, "**") &&
		strings.Count(s, "**") == 2
}

// isTitleLike reports whether s could be a headline, kicker, subheadline or
// intertitle: short, and not ending like a sentence or a clause.
func isTitleLike(s string) bool { return isTitleLikeMark(s, lastMark(s)) }

// isTitleLikeMark is isTitleLike for s whose last mark (see lastMark) is
// last.
func isTitleLikeMark(s string, last rune) bool {
	if rest, label := splitBoldLabel(s); label != "" {
		if rest == "" {
			return false
		}
		s = rest
		last = lastMark(s)
	}
	n := runeCountMax(s, maxLatinTitleRunes)
	if n == 0 || n > maxLatinTitleRunes {
		return false
	}
	if n > maxTitleRunes && !mostlyLatin(s) {
		return false
	}
	switch last {
	case '。', '.', '；', ';', '，', ',', '、', '…', '．':
		return false
	case '!', '?', '！', '？':
		// Headlines may exclaim or ask; long lines that do are sentences.
		if n > maxTitleRunes/2 {
			return false
		}
	}
	// A note wholly in brackets is no title: （新华社北京1月10日电）,
	// （本报记者张天培参与采写）.
	if (strings.HasPrefix(s, "（") || strings.HasPrefix(s, "(")) && last != 0 &&
		(strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")) && !strings.ContainsAny(s[1:len(s)-1], "（(") {
		return false
	}
	// A full stop inside is a sentence; headlines do without. They have a
	// comma at most, and then are short: a longer line with commas is the
	// head of a paragraph that a column break cut.
	if strings.ContainsRune(s, '。') {
		return false
	}
	commas := strings.Count(s, ",") + strings.Count(s, "，")
	return commas == 0 || commas == 1 && n <= maxCommaTitleRunes
}

// mostlyLatin reports whether more than half of s's letters are Latin. It
// reads UTF-8 lead bytes rather than decoding: ASCII letters and two-byte
// characters (Latin with accents) against three- and four-byte ones (CJK).
func mostlyLatin(s string) bool {
	latin, other := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xC3 && c < 0xE0:
			latin++
		case c >= 0xE0:
			other++
		}
	}
	return latin > other
}

// kickerTails are the marks that tie a kicker to the headline below it.
var kickerTails = []string{"——", "--", "—", "─", ":", "：", "──"}

// splitKickerTail splits a kicker's trailing mark (—— or :) from its text.
func splitKickerTail(s string) (text, tail string) {
	t := strings.TrimRightFunc(s, isSpace)
	// Every one of kickerTails ends in one of these.
	switch r, _ := utf8.DecodeLastRuneInString(t); r {
	case '—', '-', '─', ':', '：':
	default:
		return s, ""
	}
	for _, k := range kickerTails {
		if strings.HasSuffix(t, k) && len(t) > len(k) {
			body := strings.TrimRight(t[:len(t)-len(k)], "—─-")
			return strings.TrimRightFunc(body, isSpace), s[len(body):]
		}
	}
	return s, ""
}

// isKickerLike reports whether s ends with a mark that ties it to a
// headline below.
func isKickerLike(s string) bool {
	_, tail := splitKickerTail(s)
	return tail != ""
}

// isJumpMarker reports whether s is a page-jump note such as （下转第2版）
// or （上接第1版）, and whether it sends the reader on (转) rather than back.
func isJumpMarker(s string) (marker, onward bool) {
	t := strings.Trim(s, "（）()【】[] ")
	if runeCountMax(t, 16) > 14 || !strings.Contains(t, "版") {
		return false, false
	}
	for _, p := range []string{"下转", "转", "上接", "接"} {
		if strings.HasPrefix(t, p) {
			return true, strings.Contains(p, "转")
		}
	}
	return false, false
}

// endsWithJump reports whether a paragraph ends with a jump note onward,
// as in ……（下转第2版）.
func endsWithJump(s string) bool {
	s = strings.TrimRightFunc(s, isSpace)
	if !strings.HasSuffix(s, "）") && !strings.HasSuffix(s, ")") && !strings.HasSuffix(s, "】") {
		return false
	}
	i := strings.LastIndexAny(s, "（(【")
	if i < 0 {
		return false
	}
	_, onward := isJumpMarker(s[i:])
	return onward
}

var (
	// pageHeaderRe matches 第2版:要闻, 第A02版：上海新闻, 第4/5版:上海新闻 (a
	// spread), 第二版 要闻, A02版 要闻.
	pageHeaderRe = regexp.MustCompile(`^(?:第\s*([A-Za-z]?\s*[0-9０-９]{1,3}(?:\s*[/／、\-]\s*[A-Za-z]?[0-9０-９]{1,3})?|[一二三四五六七八九十百〇零]{1,4})\s*版|([A-Za-z][0-9]{1,3}|[0-9]{1,3})版(?:$|[:：\s]))\s*[:：·\-—|｜\s]?\s*(.*)$`)
	// dateRe finds a date: 2024年3月19日, 2024-03-19, 2024/3/19, 2024.03.19.
	dateRe = regexp.MustCompile(`(20[0-9]{2}|19[0-9]{2})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|[-/.]([0-9]{1,2})[-/.]([0-9]{1,2}))`)
)

// pageHeader is a parsed page header line.
type pageHeader struct {
	page, name string
}

// parsePageHeader recognises a page header: 第2版:要闻, 第A02版：上海新闻,
// or a bracketed section name such as 【要闻】. Markdown headings are
// handled by the caller.
func parsePageHeader(s string) (pageHeader, bool) {
	if s == "" || !strings.HasPrefix(s, "第") && !strings.HasPrefix(s, "【") && s[0] >= utf8.RuneSelf {
		// Neither case below: passed over without counting.
		return pageHeader{}, false
	}
	if runeCountMax(s, maxHeaderRunes+1) > maxHeaderRunes {
		return pageHeader{}, false
	}
	switch {
	case strings.HasPrefix(s, "第") || s[0] < utf8.RuneSelf && (s[0] >= '0' && s[0] <= '9' || unicode.IsLetter(rune(s[0]))):
		m := pageHeaderRe.FindStringSubmatch(s)
		if m == nil {
			return pageHeader{}, false
		}
		page := strings.ReplaceAll(m[1]+m[2], " ", "")
		name := trimSpace(dateRe.ReplaceAllString(m[3], ""))
		name = strings.Trim(name, "·|｜-— ")
		if name == "" {
			name = strings.TrimSpace(s[:len(s)-len(m[3])])
			name = strings.TrimRight(name, ":：·|｜-— ")
		}
		return pageHeader{page: page, name: name}, true
	case strings.HasPrefix(s, "【") && strings.HasSuffix(s, "】"):
		inner := s[len("【") : len(s)-len("】")]
		n := runeCountMax(inner, 12)
		if n == 0 || n > 10 || strings.ContainsAny(inner, "【】") || strings.HasSuffix(inner, "电") || strings.HasSuffix(inner, "讯") {
			return pageHeader{}, false
		}
		return pageHeader{name: inner}, true
	}
	return pageHeader{}, false
}

// findDate returns the first date in s as YYYY-MM-DD.
func findDate(s string) string {
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	month, day := m[2]+m[4], m[3]+m[5]
	if len(month) == 1 {
		month = "0" + month
	}
	if len(day) == 1 {
		day = "0" + day
	}
	if month < "01" || month > "12" || day < "01" || day > "31" {
		return ""
	}
	return m[1] + "-" + month + "-" + day
}

// shortName shortens a kicker or headline for a section tab: without its
// kicker mark, up to its first space or comma, at most maxSectionNameRunes.
func shortName(s string) string {
	s, _ = splitKickerTail(stripBold(s))
	if mostlyLatin(s) {
		return latinWords(s, 2*maxSectionNameRunes)
	}
	if i := strings.IndexFunc(s, func(r rune) bool {
		return isSpace(r) || r == ',' || r == '，' || r == ':' || r == '：'
	}); i > 0 && runeCountMax(s[:i], 2) >= 2 {
		s = s[:i]
	}
	return firstWords(s, maxSectionNameRunes)
}

// latinWords cuts s to at most n runes at a word boundary, with an ellipsis
// when cut.
func latinWords(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := firstWords(s, n)
	cut = strings.TrimSuffix(cut, "…")
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return cut + "…"
}

// endNoteWords open the notes that end a story: 完, 责任编辑, 编辑, 校对.
var endNoteWords = []string{"完", "责任编辑", "版式设计", "版式", "图片编辑", "视觉设计", "責任編輯", "本版责编", "本版編輯", "本版编辑", "责编", "美编",
	"编辑", "編輯", "校对", "校對", "审核", "审校", "来源", "來源"}

// endNoteStartSet holds the first runes of endNoteWords.
var endNoteStartSet = newHanSet(endNoteWords, true)

// isEndNote reports whether s is a note that closes a story: （完）,
// （责任编辑：张三）, 编辑 李四 校对 王五, 版式设计：王五, or a closing note in
// brackets: （新华社北京1月10日电）, （本报记者张天培参与采写）.
func isEndNote(s string) bool {
	// A closing note opens with a bracket, the others with one of
	// endNoteWords: most lines are passed over by their first runes.
	t := strings.TrimLeft(s, "（(【[ ")
	word, _ := utf8.DecodeRuneInString(t)
	if !endNoteStartSet.has(word) && !strings.HasPrefix(s, "（") && !strings.HasPrefix(s, "(") {
		return false
	}
	if runeCountMax(s, 41) > 40 {
		return false
	}
	if isClosingNote(s) {
		return true
	}
	if !endNoteStartSet.has(word) {
		return false
	}
	for _, w := range endNoteWords {
		if strings.HasPrefix(t, w) {
			rest := strings.TrimLeft(t[len(w):], " ")
			r, _ := utf8.DecodeRuneInString(rest)
			return w == "完" && (rest == "" || strings.ContainsRune("）)】]", r)) ||
				w != "完" && strings.ContainsRune(":：/／ ）)", r) || w != "完" && rest != "" && isHan(r) && strings.Contains(rest, " ")
		}
	}
	return false
}

// isRule reports whether s is a rule between stories: a line of dashes,
// stars or box-drawing characters.
func isRule(s string) bool {
	n := 0
	for _, r := range s {
		if !strings.ContainsRune("-—–_=*~·•.…─━═+<>□■◆◇○●☆★ ", r) {
			return false
		}
		n++
	}
	return n >= 3
}

// speechVerbs end a kicker that introduces what someone said, as in
// 习近平在参加江苏代表团审议时强调 above the headline.
var speechVerbs = []string{"强调", "指出", "表示", "要求", "提出", "宣布", "寄语", "強調", "表示"}

// speechEndSet holds the last runes of speechVerbs.
var speechEndSet = func() *hanSet {
	var ends []string
	for _, v := range speechVerbs {
		r, _ := utf8.DecodeLastRuneInString(v)
		ends = append(ends, string(r))
	}
	return newHanSet(ends, true)
}()

// isSpeechKicker reports whether a title line ends with a speech verb, the
// mark of a kicker without punctuation.
func isSpeechKicker(s string) bool {
	if r, _ := utf8.DecodeLastRuneInString(s); !speechEndSet.has(r) {
		return false
	}
	for _, v := range speechVerbs {
		if strings.HasSuffix(s, v) {
			return true
		}
	}
	return false
}

// opensWithDash reports whether s opens with a dash, as a subheadline does:
// ——习近平总书记的致信激励….
func opensWithDash(s string) bool {
	return strings.HasPrefix(s, "——") || strings.HasPrefix(s, "─") || strings.HasPrefix(s, "--") ||
		strings.HasPrefix(s, "—")
}

// hasHeadlineCue reports whether a title line looks like a main headline:
// parallel phrases set apart by spaces (打造文旅品牌  推动融合发展), a series
// tag at the end （在现场）, or a quotation or exclamation.
func hasHeadlineCue(s string) bool {
	if strings.Contains(s, "  ") || strings.ContainsRune(s, '\u3000') || spaceBetweenHan(s) {
		return true
	}
	if strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")") {
		return true
	}
	return strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") || strings.IndexByte(s, '!') >= 0 || strings.Contains(s, "！")
}

// isLeadIn reports whether a title line reads as a clause leading in to a
// headline: one with a comma or a colon inside (上海警方提示：市民应配合…,
// 过去一年，政法机关…).
func isLeadIn(s string) bool {
	t := s
	for t != "" {
		r, size := utf8.DecodeLastRuneInString(t)
		if r != '：' && r != ':' && r != '—' && r != '-' {
			break
		}
		t = t[:len(t)-size]
	}
	return strings.IndexByte(t, ',') >= 0 || strings.IndexByte(t, ':') >= 0 ||
		strings.Contains(t, "，") || strings.Contains(t, "：")
}

// startsNumberedPart reports whether s opens with the number of a part of a
// story: 第二招, 第8计, 一、, 1 standing alone.
func startsNumberedPart(s string) bool {
	if strings.HasPrefix(s, "第") {
		rest := strings.TrimLeft(s[len("第"):], chineseNumerals+"0123456789百零〇")
		return len(rest) < len(s)-len("第") && rest != "" && !strings.HasPrefix(rest, "版")
	}
	// A number standing alone: nothing but digits.
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isDateLine reports whether s is only a date (2024-03-19, 2024年3月19日
// 星期二): edition data, not text.
func isDateLine(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || runeCountMax(s, 24) > 24 {
		return false
	}
	loc := dateRe.FindStringIndex(s)
	if loc == nil || loc[0] != 0 {
		return false
	}
	rest := trimSpace(s[loc[1]:])
	return rest == "" || runeCountMax(rest, 8) <= 6 && !strings.ContainsAny(rest, "。，,.")
}

// spaceBetweenHan reports whether a space stands between two Chinese
// characters (or quotes), as between a headline's phrases; running Chinese
// text has none.
func spaceBetweenHan(s string) bool {
	for i := strings.IndexByte(s, ' '); i > 0; {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[i:], " "))
		if (isHan(before) || strings.ContainsRune("”」）", before)) && (isHan(after) || strings.ContainsRune("“「（", after)) {
			return true
		}
		j := strings.IndexByte(s[i+1:], ' ')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// closingNoteEnds end the notes in brackets that say how a story was made:
// （本报记者张天培、张璁参与采写）, （据新华社电 综合报道）.
var closingNoteEnds = []string{"参与采写", "参与采访", "采写", "综合报道", "报道", "整理", "供稿", "综合"}

// isClosingNote reports whether s is a note in brackets after a story: a
// dateline alone, or who took part in the reporting.
func isClosingNote(s string) bool {
	inner, ok := strings.CutPrefix(s, "（")
	if !ok {
		inner, ok = strings.CutPrefix(s, "(")
	}
	if !ok {
		return false
	}
	inner, ok = strings.CutSuffix(inner, "）")
	if !ok {
		inner, ok = strings.CutSuffix(inner, ")")
	}
	if !ok || inner == "" || strings.ContainsAny(inner, "（()）") {
		return false
	}
	if n := datelineLen(inner); n == len(inner) {
		return true
	}
	for _, e := range closingNoteEnds {
		if strings.HasSuffix(inner, e) {
			return true
		}
	}
	return false
}

// isCapitals reports whether a Latin line is set in capitals: most of its
// letters, and at least four, upper case (OCR mistakes a few).
func isCapitals(s string) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper >= 4 && upper*10 >= (upper+lower)*8
}

// isCapitalisedHead reports whether a short Latin line is a run of
// capitalised words with no comma, as a small head is (At Long View.,
// Geo. T. Magill Here.); a line of prose has lower-case words.
func isCapitalisedHead(s string) bool {
	if strings.ContainsAny(s, ",;:") {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// issueMarkRe finds what marks a masthead line besides a date: an issue or
// volume number, or a weekday.
var issueMarkRe = regexp.MustCompile(`(?i)\b(?:vol\.|volume|number|no\.\s*\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|第\s*[0-9０-９]+\s*[期号號]|星期[一二三四五六日天]`)

// hasIssueMark reports whether s carries an issue number or a weekday, as a
// masthead line does (VOL. XXXI ... WEDNESDAY, 第12345期).
func hasIssueMark(s string) bool { return issueMarkRe.MatchString(s) }

// isEmptyLabel reports whether s is a field label with nothing after it
// (栏目：, 专栏:), as an export leaves when the field is empty.
func isEmptyLabel(s string) bool {
	if s == "" || s[len(s)-1] != ':' && s[len(s)-1] != "："[len("：")-1] {
		return false
	}
	t, ok := strings.CutSuffix(s, "：")
	if !ok {
		t, ok = strings.CutSuffix(s, ":")
	}
	if !ok || t == "" {
		return false
	}
	n := 0
	for _, r := range t {
		if !isHan(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4 && !isKickerWord(t)
}

// isKickerWord reports whether a short label could be a kicker in its own
// right, which an empty field label is not: a place or body (浦东新区：)
// has three characters or more and is no field name.
func isKickerWord(t string) bool {
	for _, f := range fieldLabels {
		if t == f {
			return false
		}
	}
	return true
}

// fieldLabels are the names of the fields that text exports of e-papers
// carry above a story.
var fieldLabels = []string{"栏目", "专栏", "欄目", "專欄", "作者", "来源", "來源", "日期", "标题", "標題", "版次", "版名", "引题", "副题", "肩题"}

// isTitleCase reports whether most words of a Latin line (three or more)
// are capitalised, as the lines of a deck are (General Election Will Follow
// April 4th) and lines of prose are not.
func isTitleCase(s string) bool {
	words := strings.Fields(s)
	if len(words) < 3 {
		return false
	}
	caps := 0
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return caps*10 >= len(words)*6
}
