package typeset

import (
	"strings"
)

// Character classes the Chinese line-breaking rules (W3C clreq, basic level)
// look at. A cluster is classed by its first rune.
const (
	fCJK         uint16 = 1 << iota // Han, kana, CJK punctuation, full-width forms
	fNoStart                        // may not begin a line
	fNoEnd                          // may not end a line
	fHang                           // ，。、: may hang into the gutter
	fSpace                          // space or U+3000: hidden at line edges
	fNewline                        // a mandatory break, hidden
	fOpenQ                          // “ ‘
	fCloseQ                         // ” ’
	fDigit                          // ASCII or full-width digit
	fRepeat                         // a dash or ellipsis that may not be split from its twin
	fIndent                         // one of the ideographic spaces of the indent
	fQuoteCJK                       // a quote mark with CJK text beside it
	fBlankBefore                    // a blank before a mark that may not begin a line, or before a newline
	fHoldsMark                      // a zero-width space that keeps a mark off a tab: never part them
)

// noStart holds the marks that may never begin a line (clreq 3.1.7, and the
// issue's list), in their display forms.
const noStart = "、，。．；：？！”’」』）］｝〕】〗〙》〉–～·・‧／"

// noEnd holds the marks that may never end a line.
const noEnd = "“‘「『（［｛〔【〖〘《〈"

// classify returns the class flags of rune r. Context-dependent flags
// (fQuoteCJK, and the half-width marks that are forbidden only after CJK
// text) are added by the caller.
func classify(r rune) uint16 {
	switch {
	case r < 0x80:
		return classifyASCII(r)
	case r >= 0x4E00 && r <= 0x9FFF:
		// Most of a Chinese text: an ideograph is CJK and nothing else.
		return fCJK
	case r >= 0x2000 && r < 0x2000+rune(len(punctClasses.general)):
		return punctClasses.general[r-0x2000]
	case r >= 0x3000 && r < 0x3000+rune(len(punctClasses.cjk)):
		return punctClasses.cjk[r-0x3000]
	case r >= 0xFF00 && r < 0xFF00+rune(len(punctClasses.fullWidth)):
		return punctClasses.fullWidth[r-0xFF00]
	}
	return classifyRune(r)
}

// punctClasses caches the classes of the three blocks that hold nearly all
// the punctuation of Chinese text. It is built once and only read.
var punctClasses = func() (t struct{ general, cjk, fullWidth [0x70]uint16 }) {
	for i := range rune(0x70) {
		t.general[i] = classifyRune(0x2000 + i)
		t.cjk[i] = classifyRune(0x3000 + i)
		t.fullWidth[i] = classifyRune(0xFF00 + i)
	}
	return t
}()

// classifyRune classes a rune beyond ASCII the slow way.
func classifyRune(r rune) uint16 {
	var f uint16
	if isCJK(r) {
		f |= fCJK
	}
	switch r {
	case '\u3000':
		f |= fSpace
	case '，', '。', '、':
		f |= fHang
	case '“', '‘':
		f |= fOpenQ
	case '”', '’':
		f |= fCloseQ
	case '—', '―', '─', '…', '⋯':
		f |= fRepeat
	}
	if r >= '０' && r <= '９' {
		f |= fDigit
	}
	if strings.ContainsRune(noStart, r) {
		f |= fNoStart
	}
	if strings.ContainsRune(noEnd, r) {
		f |= fNoEnd
	}
	return f
}

func classifyASCII(r rune) uint16 {
	switch {
	case r == ' ':
		return fSpace
	case r == '\n':
		return fNewline
	case r >= '0' && r <= '9':
		return fDigit
	}
	return 0
}

// isCJK reports whether r is Chinese or Japanese text or punctuation: the
// script the clreq rules and the display punctuation apply to.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r <= 0x2FDF, // radicals
		r >= 0x3000 && r <= 0x30FF,   // CJK punctuation, kana
		r >= 0x3100 && r <= 0x312F,   // bopomofo
		r >= 0x31A0 && r <= 0x31FF,   // bopomofo ext., strokes, kana ext.
		r >= 0x3400 && r <= 0x4DBF,   // ext. A
		r >= 0x4E00 && r <= 0x9FFF,   // unified ideographs
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,   // compatibility forms
		r >= 0xFF01 && r <= 0xFF60,   // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,   // full-width signs
		r >= 0x20000 && r <= 0x3FFFF: // ext. B and beyond
		return true
	}
	return false
}

// halfNoStart reports whether r is a half-width mark that may not begin a
// line when it follows CJK text.
func halfNoStart(r rune) bool {
	return strings.ContainsRune(",.;:?!)]}", r)
}

// halfNoEnd reports whether r is a half-width opening bracket that may not
// end a line before CJK text.
func halfNoEnd(r rune) bool {
	return r == '(' || r == '[' || r == '{'
}

// unitMultipliers may follow a number before its unit (1100万美元).
const unitMultipliers = "十百千万亿兆"

// units are the words kept on the line of the number they count. Longer
// words are listed before their prefixes so the first match is the longest.
var units = []string{
	"平方公里", "平方千米", "立方米", "平方米", "个百分点", "个月", "小时", "分钟",
	"美元", "欧元", "英镑", "日元", "港元", "韩元", "卢布", "人民币",
	"公里", "千米", "厘米", "毫米", "公分", "公斤", "千克", "毫克", "公顷", "毫升", "千瓦", "兆瓦",
	"元", "块", "角", "米", "里", "克", "吨", "斤", "亩", "升", "度", "瓦",
	"个", "家", "人", "名", "位", "件", "台", "辆", "条", "项", "次", "户", "所", "座",
	"栋", "层", "套", "张", "本", "份", "篇", "部", "首", "只", "头", "棵", "株", "批",
	"种", "类", "期", "届", "场", "支", "艘", "处", "片", "岁", "倍", "成", "周", "天",
	"年", "月", "日", "号", "时", "点", "分", "秒", "版", "%", "％", "‰", "℃", "°",
}

// numberSign reports whether r, directly before a digit, belongs to the
// number: a sign, a currency, or 第 of an ordinal.
func numberSign(r rune) bool {
	return strings.ContainsRune("+-−±￥¥$€£第#№", r)
}
