package typeset

import (
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"

	"dubao/model"
)

// Pieces of generated Chinese text. Every piece, with the marks that may
// stick to it, is at most 14 cells wide, so from W = 16 on every rule can be
// kept and any violation is the breaker's fault.
var (
	genHan     = []rune("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府南")
	genClosing = []string{"，", "。", "、", "；", "：", "？", "！", "……", "——", ",", "》", "）"}
	genUnits   = []string{"万美元", "公里", "%", "个", "亿元", "年", "万", "元"}
	genWords   = []string{"iPhone", "GDP", "5G", "AI", "Bubble", "Tea", "cafe\u0301", "👨\u200d👩\u200d👧", "❤\ufe0f"}
)

// genText makes a paragraph of plausible mixed Chinese text.
func genText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(40) + 1; n > 0; n-- {
		for k := r.IntN(5) + 1; k > 0; k-- {
			b.WriteRune(genHan[r.IntN(len(genHan))])
		}
		switch r.IntN(8) {
		case 0:
			b.WriteString("“")
			for k := r.IntN(4) + 1; k > 0; k-- {
				b.WriteRune(genHan[r.IntN(len(genHan))])
			}
			b.WriteString([]string{"”", "。”", "，”"}[r.IntN(3)])
		case 1:
			b.WriteString(genClosing[r.IntN(len(genClosing))])
		case 2:
			b.WriteString(strconv.Itoa(r.IntN(10000)))
			if r.IntN(3) == 0 {
				b.WriteString("." + strconv.Itoa(r.IntN(10)))
			}
			b.WriteString(genUnits[r.IntN(len(genUnits))])
		case 3:
			b.WriteString(genWords[r.IntN(len(genWords))])
		case 4:
			b.WriteString("《")
			b.WriteRune(genHan[r.IntN(len(genHan))])
			b.WriteString("》")
		case 5:
			b.WriteString(" English words here ")
		}
	}
	return b.String()
}

func TestPropertiesGenerated(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 33))
	for range 300 {
		text := genText(r)
		typ := []model.BlockType{model.Paragraph, model.Intertitle, model.Caption}[r.IntN(3)]
		for _, w := range []int{2, 3, 5, 9, 16, 17, 24, 33, 50} {
			opt := Options{Width: w, Hanging: r.IntN(3) == 0, NoIndent: r.IntN(4) == 0}
			lines := Text(text, 0, typ, opt)
			checkGuarantees(t, text, typ, opt, lines)
			checkPushOut(t, text, typ, opt, lines)
			if w < 16 {
				continue
			}
			limit := w
			if opt.Hanging {
				limit += HangingGutter
			}
			for _, v := range violations(texts(lines), limit, text) {
				t.Errorf("W=%d %s in %q", w, v, texts(lines))
			}
		}
		if t.Failed() {
			t.Fatalf("text %q", text)
		}
	}
}

// checkPushOut asserts that a line begins with a forbidden mark, or ends
// with an opening one, only where it could not be made otherwise: after a
// hard line break, or when the run before it had nowhere to break.
func checkPushOut(t *testing.T, text string, typ model.BlockType, opt Options, lines []Line) {
	t.Helper()
	s := newSetter(opt)
	d, edits := s.display(text, typ)
	s.clusters(d, len(edits) > 0 && edits[0].src == 0 && edits[0].srcEnd == 0)
	s.rules()
	// none reports whether no cluster in (from, to] has flag.
	none := func(from, to int, flag uint8) bool {
		i := sort.Search(len(s.cl), func(i int) bool { return int(s.cl[i].off) > from })
		for ; i < len(s.cl) && int(s.cl[i].off) <= to; i++ {
			if s.cl[i].b&flag != 0 {
				return false
			}
		}
		return true
	}
	for k := 1; k < len(lines); k++ {
		prev, cur := lines[k-1], lines[k]
		if strings.ContainsAny(strings.TrimRight(text[prev.Start:prev.End], " \t\u3000"), "\n\r\v\f\u0085\u2028\u2029") {
			continue
		}
		first, _ := utf8.DecodeRuneInString(cur.Text)
		last, _ := utf8.DecodeLastRuneInString(prev.Text)
		if strings.ContainsRune(checkNoStart, first) && !none(prev.dFrom, cur.dFrom-1, bAllow) {
			t.Errorf("W=%d line %d begins with %q though line %q could break earlier", opt.Width, k, first, prev.Text)
		}
		if strings.ContainsRune(checkNoEnd, last) && !none(prev.dFrom, cur.dFrom, bSoft) {
			t.Errorf("W=%d line %d %q ends with %q though it could break earlier", opt.Width, k-1, prev.Text, last)
		}
	}
}

// FuzzText sets arbitrary text at arbitrary widths and options and checks
// every guarantee of the issue. Run with
//
//	go test ./typeset -run '^$' -fuzz FuzzText -fuzztime 5m
func FuzzText(f *testing.F) {
	for _, b := range seedParagraphs(f)[:6] {
		f.Add(b, 33, uint8(0))
	}
	for _, s := range []string{
		"", " ", "\t\t", "\n\n", "一二三四，五六", "说完了。”“你好", "，，，，，，", "““““““",
		"收入1100万美元。", "a\x07b\x1b[31mc", "\xff\xfe中", "\u0301中文", "( ( ( (中", "中文,",
		"👨\u200d👩\u200d👧\u200d👦👨\u200d👩\u200d👧\u200d👦", "一二\r\n三四", "❤\x01\ufe0f",
	} {
		f.Add(s, 4, uint8(0))
		f.Add(s, 11, uint8(0xff))
	}
	f.Fuzz(func(t *testing.T, text string, w int, flags uint8) {
		w %= 130
		opt := Options{Width: w, Hanging: flags&1 != 0, NoIndent: flags&2 != 0, HalfWidthPunct: flags&4 != 0}
		typ := []model.BlockType{model.Paragraph, model.Intertitle, model.Caption}[int(flags>>3)%3]
		lines := Text(text, 0, typ, opt)
		checkGuarantees(t, text, typ, opt, lines)
		checkPushOut(t, text, typ, opt, lines)
		if utf8.ValidString(text) {
			checkUAX14(t, text)
		}
		for _, l := range lines {
			from, to, ok := l.Span(l.Start, l.End)
			// Inserted text (the indent, a zero-width space kept after a
			// tab) shows no source; all else does.
			inserted := func(s string) bool { return strings.Trim(s, "\u3000\u200b") == "" }
			if ok && (to != len(l.Text) || !inserted(l.Text[:from])) || !ok && !inserted(l.Text) {
				t.Errorf("Span(%d, %d) of %q = %q", l.Start, l.End, l.Text, l.Text[from:to])
			}
		}
		if w < 2 {
			opt.Width = 2
			if two := Text(text, 0, typ, opt); len(two) != len(lines) {
				t.Errorf("W=%d gives %d lines, W=2 %d", w, len(lines), len(two))
			}
		}
	})
}

// seedParagraphs returns the seed's paragraph texts.
func seedParagraphs(t testing.TB) []string {
	var out []string
	for _, b := range seedBlocks(t) {
		out = append(out, b.Text)
	}
	return out
}

// wholeUAX14 returns the UAX #14 break opportunities of d as the segmenter
// finds them in one pass, without the cut at ideographs.
func wholeUAX14(d string) []int32 {
	var seg segmenter.Segmenter
	var stops []int32
	if seg.InitWithString(d) != nil {
		return nil
	}
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		if end := l.OffsetInBytes + l.LengthInBytes; end < len(d) {
			stops = append(stops, int32(end))
		}
	}
	return stops
}

// checkUAX14 asserts that cutting the text at ideographs, and skipping
// stretches the Chinese rules decide alone, leaves every break decision as
// the segmenter run over the whole text does.
func checkUAX14(t *testing.T, d string) {
	t.Helper()
	flags := func(whole bool) []uint8 {
		s := newSetter(Options{})
		s.clusters(d, false)
		if whole {
			stops := wholeUAX14(d)
			for i := range s.cl {
				s.cl[i].b = 0
				if slices.Contains(stops, s.cl[i].off) {
					s.cl[i].b = bAllow
				}
			}
		}
		s.rules()
		out := make([]uint8, len(s.cl))
		for i, c := range s.cl {
			out[i] = c.b
		}
		return out
	}
	if cut, whole := flags(false), flags(true); !slices.Equal(cut, whole) {
		t.Errorf("%q: break flags %v, with the whole text segmented %v", d, cut, whole)
	}
}

func TestUAX14Cut(t *testing.T) {
	for _, p := range seedParagraphs(t) {
		checkUAX14(t, p)
	}
	r := rand.New(rand.NewPCG(5, 55))
	for range 500 {
		checkUAX14(t, genText(r))
	}
	for _, s := range []string{
		"中文\u0301字", "中\u200d文", "中 “文”", "中\u200b文", "“中”“文”", "12中3", "中\U0001F600文",
		"中，文", "中，，文", "中）》文", "中。”文", "中：“文", "a，中", "中，a", "（中）文", "中！？文",
		"中 文", "中  文", "中 （文", "中……文", "中——文", "中 —— 文", "中—a", "中…1", "中 1", "中 \u0301文",
		"中\u0600—文", "中 ，文", "中 ”文", "“中 ”", "1 2中", "中 1.5万", "中—…文",
	} {
		checkUAX14(t, s)
	}
}
