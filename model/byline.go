package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// role is what a named person did for a story.
type role int

const (
	roleNone role = iota
	roleReporter
	roleCorrespondent
	rolePhotographer
)

// roleWords are the words that introduce names in bylines and credits,
// longest first so 本报记者 wins over 记者.
var roleWords = []struct {
	word string
	role role
}{
	{"人民日报记者", roleReporter}, {"本报特约记者", roleReporter}, {"本报首席记者", roleReporter},
	{"本报实习记者", roleReporter}, {"本报见习记者", roleReporter}, {"全媒体记者", roleReporter},
	{"融媒体记者", roleReporter}, {"本报通讯员", roleCorrespondent}, {"特约通讯员", roleCorrespondent},
	{"新华社记者", roleReporter}, {"中新社记者", roleReporter}, {"本报记者", roleReporter},
	{"特约记者", roleReporter}, {"首席记者", roleReporter}, {"实习记者", roleReporter},
	{"见习记者", roleReporter}, {"摄影记者", rolePhotographer}, {"通讯员", roleCorrespondent},
	{"实习生", roleCorrespondent}, {"报道员", roleCorrespondent}, {"记者", roleReporter},
	{"摄影", rolePhotographer}, {"文/", roleReporter}, {"文／", roleReporter},
	{"图/", rolePhotographer}, {"图／", rolePhotographer}, {"摄/", rolePhotographer},
	// Traditional forms, for Big5 and Hong Kong or Taiwan papers.
	{"本報特約記者", roleReporter}, {"本報記者", roleReporter}, {"本報通訊員", roleCorrespondent},
	{"新華社記者", roleReporter}, {"中央社記者", roleReporter}, {"特約記者", roleReporter},
	{"攝影記者", rolePhotographer}, {"通訊員", roleCorrespondent}, {"實習生", roleCorrespondent},
	{"記者", roleReporter}, {"攝影", rolePhotographer}, {"圖/", rolePhotographer}, {"圖／", rolePhotographer},
}

// roleAt reports the role word s starts with: one of roleWords, or an
// agency or paper (本报, 新华社, 人民日报) with a qualifier (特约, 首席,
// 全媒体) before 记者 or 通讯员, as in 本报特约通讯员.
func roleAt(s string) (word string, r role, ok bool) {
	if !mayStartRole(s) {
		return "", roleNone, false
	}
	if r, _ := utf8.DecodeRuneInString(s); roleStartSet.has(r) {
		// Only then can one of roleWords start s.
		for _, w := range roleWords {
			if strings.HasPrefix(s, w.word) {
				return w.word, w.role, true
			}
		}
	}
	i := agencyLen(s)
	if i == 0 {
		return "", roleNone, false
	}
	for _, q := range roleQualifiers {
		if strings.HasPrefix(s[i:], q) {
			i += len(q)
			break
		}
	}
	for _, c := range roleCores {
		if strings.HasPrefix(s[i:], c.word) {
			return s[:i+len(c.word)], c.role, true
		}
	}
	return "", roleNone, false
}

// mayStartRole reports cheaply whether s could start with a role word:
// one of roleWords begins with its first rune, or a role's core word
// (记者, 通讯员) comes soon enough for an agency to stand before it. Names
// are scanned rune by rune for role words, so this check runs often.
func mayStartRole(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if roleStartSet.has(r) {
		return true
	}
	// Does the head hold a role's core? Looked for where one could start.
	head := s[:min(len(s), 3*12)]
	for i, r := range head {
		switch r {
		case '记', '記', '通', '实', '實':
			for _, c := range roleCores {
				if strings.HasPrefix(head[i:], c.word) {
					return true
				}
			}
		}
	}
	return false
}

// roleStartSet holds the first runes of roleWords.
var roleStartSet = func() *hanSet {
	var words []string
	for _, w := range roleWords {
		words = append(words, w.word)
	}
	return newHanSet(words, true)
}()

// roleQualifiers stand between an agency and the role: 本报特约记者.
var roleQualifiers = []string{"特约", "特約", "首席", "实习", "實習", "见习", "見習", "全媒体", "融媒体", "驻站", "摄影", "攝影"}

// roleCores are the roles themselves.
var roleCores = []struct {
	word string
	role role
}{{"记者", roleReporter}, {"記者", roleReporter}, {"通讯员", roleCorrespondent}, {"通訊員", roleCorrespondent},
	{"实习生", roleCorrespondent}, {"實習生", roleCorrespondent}}

// isRoleOnly reports whether s is a role word and nothing else (本报记者,
// 新华社记者): a byline that names no one.
func isRoleOnly(s string) bool {
	word, r, ok := roleAt(s)
	return ok && word == s && r != rolePhotographer && utf8.RuneCountInString(word) >= 4
}

// isNameSeparator reports whether r separates names in a byline.
func isNameSeparator(r rune) bool {
	return isSpace(r) || strings.ContainsRune("、，,;；", r)
}

// parsePeople reads a list of roles and names, as in 记者何天宇 通讯员叶平
// or 记者 X Y. Names before any role word get the role def; with def
// roleNone such names make the text no byline at all.
//
// Papers pad two-character names to the width of three (本报记者  何  聪
// 姚雪青), so two single characters apart are one name.
func parsePeople(s string, def role) (Byline, bool) {
	var b Byline
	cur, names := def, 0
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if isNameSeparator(r) {
			s = s[size:]
			continue
		}
		if word, ro, ok := roleAt(s); ok {
			cur, s = ro, s[len(word):]
			continue
		}
		end := nameEnd(s)
		name := s[:end]
		if end > 0 && utf8.RuneCountInString(name) == 1 && isHan(r) {
			if next, rest, ok := paddedHalf(s[end:]); ok {
				name, end = name+next, len(s)-len(rest)
			}
		}
		if end == 0 || cur == roleNone || !validName(name) {
			return Byline{}, false
		}
		b.add(cur, name)
		names++
		s = s[end:]
	}
	return b, names > 0
}

// paddedHalf returns the second character of a padded two-character name
// (何  聪): after spaces only, a single Chinese character standing alone.
func paddedHalf(s string) (half, rest string, ok bool) {
	t := strings.TrimLeftFunc(s, isSpace)
	if len(t) == len(s) {
		return "", s, false
	}
	r, size := utf8.DecodeRuneInString(t)
	if !isHan(r) {
		return "", s, false
	}
	if _, _, isRole := roleAt(t); isRole {
		return "", s, false
	}
	after, _ := utf8.DecodeRuneInString(t[size:])
	if size < len(t) && !isNameSeparator(after) && after != '摄' && after != '攝' {
		return "", s, false
	}
	return t[:size], t[size:], true
}

// add files a name under its role.
func (b *Byline) add(r role, name string) {
	switch r {
	case roleReporter:
		b.Reporters = append(b.Reporters, name)
	case roleCorrespondent:
		b.Correspondents = append(b.Correspondents, name)
	case rolePhotographer:
		b.Photographers = append(b.Photographers, name)
	}
}

// nameEnd returns where the name at the start of s ends: at a separator, at
// a role word (记者何天宇通讯员叶平 has none between), or at anything that is
// not part of a name.
func nameEnd(s string) int { return nameEndMax(s, len(s)) }

// nameEndMax is nameEnd, but stops after limit runes: a caller that only
// wants a name no longer than that need not read a headline to its end.
func nameEndMax(s string, limit int) int {
	i := 0
	for n := 0; i < len(s) && n < limit; n++ {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isNameSeparator(r) {
			break
		}
		if i > 0 && isHan(r) {
			if _, _, ok := roleAt(s[i:]); ok {
				break
			}
		}
		if !isHan(r) && !unicode.IsLetter(r) && r != '·' && r != '•' && r != '.' && r != '-' && r != '\'' {
			break
		}
		i += size
	}
	return i
}

// maxNameRunes is the longest name validName takes, Latin names aside.
const maxNameRunes = 16

// validName reports whether s is a plausible personal name: two to four
// Chinese characters, a transliterated name joined with ·, or a Latin name.
func validName(s string) bool {
	n := utf8.RuneCountInString(s)
	if strings.ContainsAny(s, "·•") {
		return n >= 3 && n <= 16
	}
	r, _ := utf8.DecodeRuneInString(s)
	if isHan(r) {
		return n >= 2 && n <= 4
	}
	return n >= 1 && n <= 30 && unicode.IsLetter(r)
}

// bylineMarks are the bullets some papers set before a byline.
const bylineMarks = "■□●▲◆★▶"

// leadingMarks is how many bytes of s are the marks and spaces a byline
// may open with (bylineMarks), before its first word.
func leadingMarks(s string) int {
	pos := 0
	for pos < len(s) {
		r, size := utf8.DecodeRuneInString(s[pos:])
		if !strings.ContainsRune(bylineMarks, r) && !isSpace(r) {
			break
		}
		pos += size
	}
	return pos
}

// parseLeadByline splits a dateline and byline off the start of a
// paragraph: 本报讯 (记者何天宇 通讯员叶平)企业发展… gives the byline
// 本报讯 (记者何天宇 通讯员叶平) and the rest 企业发展…. Also 【新华社四平街
// 十一日电】, 新华社北京3月5日电（记者 X Y）, 本报讯（记者 孟群舒）.
func parseLeadByline(s string) (raw, rest string, b Byline, ok bool) {
	pos := leadingMarks(s)
	switch {
	case strings.HasPrefix(s[pos:], "【") || strings.HasPrefix(s[pos:], "["):
		open := len("【")
		closeMark := "】"
		if s[pos] == '[' {
			open, closeMark = 1, "]"
		}
		end := strings.Index(s[pos:], closeMark)
		if end < 0 {
			return "", "", Byline{}, false
		}
		inner := s[pos+open : pos+end]
		if n := datelineLen(inner); n == 0 || n != len(inner) {
			return "", "", Byline{}, false
		}
		b.Dateline = inner
		pos += end + len(closeMark)
	default:
		n := datelineLen(s[pos:])
		if n == 0 {
			return "", "", Byline{}, false
		}
		b.Dateline = s[pos : pos+n]
		pos += n
	}
	// The people, in brackets after the dateline.
	p := pos
	for p < len(s) {
		r, size := utf8.DecodeRuneInString(s[p:])
		if !isSpace(r) {
			break
		}
		p += size
	}
	if r, size := utf8.DecodeRuneInString(s[p:]); r == '(' || r == '（' {
		closeAt := strings.IndexAny(s[p+size:], ")）")
		if closeAt >= 0 && closeAt < 120 {
			inner := s[p+size : p+size+closeAt]
			if people, ok := parsePeople(inner, roleReporter); ok {
				people.Dateline = b.Dateline
				b = people
				_, csize := utf8.DecodeRuneInString(s[p+size+closeAt:])
				pos = p + size + closeAt + csize
			}
		}
	}
	b.Raw = strings.TrimRightFunc(s[:pos], isSpace)
	return b.Raw, strings.TrimLeftFunc(s[pos:], isSpace), b, true
}

// latinDatelineRe matches an English dateline: a place, a comma, a month
// and a day, then a dash: LONDON, March 15.—; Washington, March 13.-.
// OCR garbles the letters, so the month is any capitalised word and the day
// up to three characters.
var latinDatelineRe = regexp.MustCompile(`^[A-Z][A-Za-z'.]+(?: [A-Z][A-Za-z'.]+){0,2}, (?:[A-Z][a-z]{2,8}\.?) [0-9A-Za-z]{1,3}\.?\s?(?:—|--|-|–)`)

// datelineLen returns the length of the dateline s starts with (本报讯,
// 本报南京讯, 新华社北京3月5日电, 据新华社电), or 0.
func datelineLen(s string) int {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		if loc := latinDatelineRe.FindStringIndex(s); loc != nil && monthLike(s[:loc[1]]) {
			return loc[1]
		}
		return 0
	}
	for _, own := range []string{"本报讯", "本報訊"} {
		if strings.HasPrefix(s, own) {
			return len(own)
		}
	}
	start := 0
	if strings.HasPrefix(s, "据") {
		start = len("据")
	}
	agency := agencyLen(s[start:])
	if agency == 0 {
		return 0
	}
	// Place and date, then 电 or 讯, within the next 21 runes: most
	// sentences that open with an agency's name are no dateline, and the
	// loop below is slow.
	i, n := start+agency, 0
	if !holdsDian(s[i:min(len(s), i+21*utf8.UTFMax)]) {
		return 0
	}
	for i < len(s) && n <= 20 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '电' || r == '讯' || r == '電' || r == '訊' {
			next, _ := utf8.DecodeRuneInString(s[i+size:])
			if strings.ContainsRune(compoundAfterDian, next) {
				return 0
			}
			return i + size
		}
		if !isHan(r) && !unicode.IsDigit(r) && r != ' ' {
			return 0
		}
		if _, _, isRole := roleAt(s[i:]); isRole {
			return 0
		}
		i += size
		n++
	}
	return 0
}

// compoundAfterDian are characters that make 电 the start of a word (电视,
// 电话) rather than the end of a dateline.
const compoundAfterDian = "视子影话脑力网台站动器商车缆梯线杆池源信讯报視話腦網臺動車纜線訊報"

// agencyLen returns the length of a news agency or paper name at the start
// of s: 本报, 新华社, 中新网, 人民日报 — a short run of Chinese characters
// ending in 社, 网, 台 or 报.
func agencyLen(s string) int {
	i, n := 0, 0
	for i < len(s) && n < 6 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isHan(r) {
			return 0
		}
		i += size
		n++
		if n >= 2 && strings.ContainsRune("社网台报網報", r) {
			return i
		}
	}
	return 0
}

// parseStandaloneByline recognises a line that is only a byline: 本报记者
// 左妍, （记者 孟群舒）, 记者 张三 通讯员 李四, or a dateline with its
// people and nothing after.
func parseStandaloneByline(s string) (Byline, bool) {
	if runeCountMax(s, 61) > 60 || !factsOf(s).mayBeByline() {
		return Byline{}, false
	}
	if _, rest, b, ok := parseLeadByline(s); ok && rest == "" {
		return b, true
	}
	if b, ok := parseLatinByline(s); ok {
		return b, true
	}
	if isCollectiveAuthor(s) {
		return Byline{Raw: s}, true
	}
	t := strings.TrimLeft(s, bylineMarks+" ")
	inner := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(t, "（"), "("), "）"), ")")
	if _, _, ok := roleAt(inner); !ok {
		return Byline{}, false
	}
	if isRoleOnly(inner) {
		return Byline{Raw: s}, true
	}
	b, ok := parsePeople(inner, roleNone)
	if !ok {
		return Byline{}, false
	}
	b.Raw = s
	return b, true
}

// parseCredit recognises a photo credit: 记者蔡佳楠摄, X 摄, X/摄, （新华社
// 记者 X 摄）, 图/X. It returns the photographers' names.
func parseCredit(s string) ([]string, bool) {
	if runeCountMax(s, 41) > 40 {
		return nil, false
	}
	t := trimSpace(strings.TrimRight(strings.TrimLeft(s, "（("), "）)"))
	// An agency after the credit: X摄（人民视觉）.
	if i := strings.LastIndexAny(t, "（("); i > 0 {
		if head := strings.TrimRightFunc(t[:i], isSpace); strings.HasSuffix(head, "摄") || strings.HasSuffix(head, "攝") {
			t = head
		}
	}
	// A photo report: X  Y  摄影报道.
	if head, ok := strings.CutSuffix(t, "报道"); ok && (strings.HasSuffix(head, "摄影") || strings.HasSuffix(head, "攝影")) {
		t = head
	} else if head, ok := strings.CutSuffix(t, "報道"); ok && strings.HasSuffix(head, "攝影") {
		t = head
	}
	var body string
	switch {
	case strings.HasSuffix(t, "摄") || strings.HasSuffix(t, "攝"):
		body = t[:len(t)-len("摄")]
	case strings.HasSuffix(t, "摄影") || strings.HasSuffix(t, "攝影"):
		body = t[:len(t)-len("摄影")]
	case strings.HasPrefix(t, "图/") || strings.HasPrefix(t, "图／") || strings.HasPrefix(t, "摄影/") ||
		strings.HasPrefix(t, "圖/") || strings.HasPrefix(t, "圖／"):
		body = t
	default:
		return nil, false
	}
	body = strings.TrimRightFunc(strings.TrimRight(trimSpace(body), "/／"), isSpace)
	b, ok := parsePeople(body, rolePhotographer)
	if !ok {
		return nil, false
	}
	names := append(append(append([]string{}, b.Photographers...), b.Reporters...), b.Correspondents...)
	return names, true
}

// splitTrailingCredit splits a photo credit off the end of a caption:
// ……生活方式。记者蔡佳楠摄 or ……生活方式。（新华社记者 X 摄）.
func splitTrailingCredit(s string) (caption, credit string, names []string, ok bool) {
	// A credit ends in 摄 or 摄影, perhaps inside brackets: most
	// paragraphs are passed over by their last rune.
	switch r, _ := utf8.DecodeLastRuneInString(s); {
	case r == '摄' || r == '攝' || r == '影' || r == '）' || r == ')' || isSpace(r):
	default:
		return s, "", nil, false
	}
	t := strings.TrimRightFunc(s, isSpace)
	if !strings.HasSuffix(strings.TrimRight(t, "）)"), "摄") && !strings.HasSuffix(strings.TrimRight(t, "）)"), "攝") &&
		!strings.HasSuffix(t, "摄影") && !strings.HasSuffix(t, "攝影") {
		return s, "", nil, false
	}
	// The credit starts after the last sentence end or opening bracket.
	start := -1
	for i, r := range t {
		switch r {
		case '。', '！', '？', '!', '?':
			start = i + utf8.RuneLen(r)
		case '（', '(':
			start = i
		}
	}
	if start <= 0 || start >= len(t) {
		return s, "", nil, false
	}
	names, ok = parseCredit(trimSpace(t[start:]))
	if !ok {
		return s, "", nil, false
	}
	return strings.TrimRightFunc(t[:start], isSpace), trimSpace(t[start:]), names, true
}

// parseLatinByline recognises an English byline: By Jane Smith and John Doe.
func parseLatinByline(s string) (Byline, bool) {
	rest, ok := strings.CutPrefix(s, "By ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "BY ")
	}
	if !ok || !mostlyLatin(rest) || strings.ContainsAny(rest, ".!?;") && !strings.HasSuffix(rest, ".") {
		return Byline{}, false
	}
	b := Byline{Raw: s}
	for _, part := range strings.Split(strings.ReplaceAll(strings.TrimSuffix(rest, "."), " and ", ","), ",") {
		if name := strings.TrimSpace(part); name != "" {
			b.Reporters = append(b.Reporters, name)
		}
	}
	return b, len(b.Reporters) > 0
}

// collectiveAuthors end the bylines of editorials and commentaries, which
// name no person: 本报评论员, 新华社评论员, 本报编辑部.
var collectiveAuthors = []string{"评论员", "評論員", "编辑部", "編輯部"}

// isCollectiveAuthor reports whether s is such a byline.
func isCollectiveAuthor(s string) bool {
	t := strings.Trim(s, "（()）■ ")
	if runeCountMax(t, 13) > 12 {
		return false
	}
	for _, a := range collectiveAuthors {
		if strings.HasSuffix(t, a) && len(t) > len(a) {
			return true
		}
	}
	return false
}

// maxAuthorLine is the longest author line: a name and an affiliation.
const maxAuthorLine = 30

// parseAuthorLine recognises the author line of a signed piece: a name
// after a bullet (◆韩浩月, ◆  何建明), a name and an affiliation set apart
// by spaces (许瓒  北京市第一七一中学  初三（20）班), or a bare name. It
// reports whether a bullet marks the line, which makes it surer than a
// bare name, and sure enough to sign a piece at its end too.
func parseAuthorLine(s string) (b Byline, bullet, ok bool) {
	if runeCountMax(s, maxAuthorLine+1) > maxAuthorLine {
		return Byline{}, false, false
	}
	t := strings.TrimLeft(s, bylineMarks)
	bullet = len(t) < len(s)
	t = strings.TrimLeftFunc(t, isSpace)
	if first, _ := utf8.DecodeRuneInString(t); !bullet && !isCommonSurname(first) {
		return Byline{}, false, false
	}
	// No valid name runs past maxNameRunes: reading one more tells.
	end := nameEndMax(t, maxNameRunes+1)
	name := t[:end]
	if end > 0 && utf8.RuneCountInString(name) == 1 {
		if next, rest, ok := paddedHalf(t[end:]); ok {
			name, end = name+next, len(t)-len(rest)
		}
	}
	r, _ := utf8.DecodeRuneInString(name)
	if end == 0 || !isHan(r) || !validName(name) || !isCommonSurname(r) && !bullet {
		return Byline{}, false, false
	}
	if _, _, isRole := roleAt(name); isRole {
		return Byline{}, false, false
	}
	if rest := t[end:]; rest != "" {
		// An affiliation, set apart by two spaces or more, and longer
		// than the name (a title of parallel phrases, 初心如磐  矢志为民,
		// has two of a length).
		if !strings.HasPrefix(rest, "  ") && !strings.HasPrefix(rest, "\u3000") ||
			utf8.RuneCountInString(name) > 3 || runeCountMax(trimSpace(rest), 8) <= utf8.RuneCountInString(name)+1 {
			return Byline{}, false, false
		}
	}
	return Byline{Raw: s, Authors: []string{name}}, bullet, true
}

// months are the English month names and abbreviations a dateline opens
// with, compared on their first three letters as OCR leaves them (Mareh).
var months = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// monthLike reports whether the word after the dateline's comma starts like
// a month.
func monthLike(s string) bool {
	i := strings.Index(s, ", ")
	if i < 0 || len(s) < i+5 {
		return false
	}
	m := strings.ToLower(s[i+2 : i+5])
	for _, mo := range months {
		if m[:2] == mo[:2] {
			return true
		}
	}
	return false
}

// commonSurnames are the commonest Chinese surnames (more than nine in ten
// people carry one), simplified and traditional: a line of two to four
// characters that opens with none of them is not taken for a bare name.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝黄張劉陳楊趙吳週孫馬鄭謝韓馮鄧蕭董葉蘇魏呂盧薑鐘譚陸範廖賈韋賀顧龔嚴錢覃戴溫齊喬龐顏莊聶魯嶽殷詹歐耿關蘭焦俞紀單裴塗駱藍羅"

// ParseByline reads s, a line that is only a byline (本报记者 左妍, 记者 张三
// 通讯员 李四, 新华社北京3月5日电（记者 X）, By Jane Smith), as the text
// parser reads one. ok is false when s is not shaped like a byline; formats
// whose source marks a byline as such (an HTML page's author line, a feed
// item's author) then keep it as written, in Raw.
func ParseByline(s string) (b Byline, ok bool) {
	return parseStandaloneByline(s)
}

// SplitLeadByline splits the dateline and byline that open a story's first
// paragraph off it, as the text parser does: 新华社巴黎12月9日电（记者唐霁）法国9日…
// gives that byline (Raw holding it as written) and the rest, 法国9日….
// ok is false when s does not open with a dateline.
func SplitLeadByline(s string) (b Byline, rest string, ok bool) {
	raw, rest, b, ok := parseLeadByline(s)
	if !ok {
		return Byline{}, s, false
	}
	b.Raw = raw
	return b, rest, true
}

// holdsDian reports whether s holds 电, 讯, 電 or 訊.
func holdsDian(s string) bool {
	for _, r := range s {
		switch r {
		case '电', '讯', '電', '訊':
			return true
		}
	}
	return false
}
