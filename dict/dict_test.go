package dict

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedDict is the hand-written test dictionary of the seed edition's words.
func seedDict(t testing.TB) *Dict {
	t.Helper()
	data, err := os.ReadFile("testdata/seed.u8")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestMarks(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"fa1 zhan3", "fā zhǎn"},
		{"zhan4 lu:e4", "zhàn lüè"}, // u: is ü; e takes the mark
		{"lve4", "lüè"},             // v is ü too
		{"nu:3 er2", "nǚ ér"},
		{"Lu:4", "Lǜ"},
		{"Chang2 Jiang1", "Cháng Jiāng"}, // capitals keep their case
		{"wo3 men5", "wǒ men"},           // neutral tone: no mark
		{"gou3 you3", "gǒu yǒu"},         // o of ou
		{"liu2 gui4", "liú guì"},         // the last vowel
		{"xiong2 kuo4", "xióng kuò"},
		{"hao3 lei4", "hǎo lèi"}, // a and e before the others
		{"ANG4", "ÀNG"},
		{"r5", "r"},
		{"ng2", "ńg"},       // no vowel: on the n
		{"m4", "m̀"},        // m with a combining grave: Unicode has no m-grave
		{"hm5", "hm"},       // neutral
		{"san1 C", "sān C"}, // a letter read as itself is kept
		{"xx5", "xx"},
		{"Qiao2 dan1 · Ma3 ke4", "Qiáo dān · Mǎ kè"},
		{"yi1 , er4", "yī , èr"},
		{"", ""},
		{"ma", "ma"},   // no tone digit
		{"ma6", "ma6"}, // not a tone
		{"3", "3"},     // no syllable before the digit
		{"zhi4  zhi4", "zhì  zhì"},
	} {
		if got := Marks(c.in); got != c.want {
			t.Errorf("Marks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLookupBothScripts(t *testing.T) {
	d := seedDict(t)
	simp, trad := d.Lookup("发展"), d.Lookup("發展")
	if len(simp) != 1 || len(trad) != 1 {
		t.Fatalf("发展: %v; 發展: %v; want one entry each", simp, trad)
	}
	want := Entry{Traditional: "發展", Simplified: "发展", Pinyin: "fa1 zhan3",
		Definitions: []string{"to develop; to grow", "development"}}
	for _, got := range []Entry{simp[0], trad[0]} {
		if got.Traditional != want.Traditional || got.Simplified != want.Simplified || got.Pinyin != want.Pinyin ||
			!slices.Equal(got.Definitions, want.Definitions) {
			t.Errorf("got %+v, want %+v", got, want)
		}
	}
	if got := simp[0].PinyinMarks(); got != "fā zhǎn" {
		t.Errorf("PinyinMarks = %q", got)
	}
	// Two readings of 长, in the file's order.
	var readings []string
	for _, e := range d.Lookup("长") {
		readings = append(readings, e.PinyinMarks())
	}
	if !slices.Equal(readings, []string{"cháng", "zhǎng"}) {
		t.Errorf("长: %v", readings)
	}
	if got := d.Lookup("長"); len(got) != 2 {
		t.Errorf("長: %d entries, want 2", len(got))
	}
	// 厂 is the simplified form of 廠 and a line of its own.
	var forms []string
	for _, e := range d.Lookup("厂") {
		forms = append(forms, e.Traditional)
	}
	if !slices.Equal(forms, []string{"厂", "廠"}) {
		t.Errorf("厂: %v", forms)
	}
	for _, w := range []string{"", "发", "發展中", "x"} {
		if got := d.Lookup(w); got != nil {
			t.Errorf("Lookup(%q) = %v, want nil", w, got)
		}
		if d.Has(w) {
			t.Errorf("Has(%q)", w)
		}
	}
	if !d.Has("發展") || !d.Has("发展") {
		t.Error("Has misses 发展")
	}
	if d.Date != "2026-12-01T00:00:00Z" || d.Len() != 43 {
		t.Errorf("Date %q, Len %d", d.Date, d.Len())
	}
	var nilDict *Dict
	if nilDict.Lookup("发展") != nil || nilDict.Has("发展") {
		t.Error("a nil Dict finds words")
	}
}

func TestParseMalformed(t *testing.T) {
	for _, c := range []struct{ text, reason string }{
		{"發展", "no simplified form"},
		{"發展 发展", "no reading"},
		{"發展 发展 fa1 zhan3 /x/", "no [reading]"},
		{"發展 发展 [fa1 zhan3 /x/", "not closed"},
		{"發展 发展 [fa1 zhan3]", "senses"},
		{"發展 发展 [fa1 zhan3] x/", "senses"},
		{"發展 发展 [fa1 zhan3] /x", "senses"},
		{" 发展 [fa1 zhan3] /x/", "no simplified form"},
	} {
		_, err := Parse([]byte("# header\n三 三 [san1] /three/\n" + c.text + "\n"))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 3 || !strings.Contains(pe.Reason, c.reason) {
			t.Errorf("%q: error %v, want line 3: …%s…", c.text, err, c.reason)
		}
	}
	if _, err := Parse([]byte("三 三 [san1] /\xff/\n")); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
	// CRLF line ends, blank lines and comments are fine.
	d, err := Parse([]byte("# c\r\n\r\n三 三 [san1] /three/\r\n\n  \n長 长 [chang2] /long/\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Lookup("长"); len(got) != 1 || !slices.Equal(got[0].Definitions, []string{"long"}) {
		t.Errorf("长 from a CRLF file: %+v", got)
	}
	d, err = Parse(nil)
	if err != nil || d.Len() != 0 || d.Lookup("三") != nil {
		t.Errorf("empty file: %v, %d entries", err, d.Len())
	}
	if got := d.Segment("三"); len(got) != 1 || got[0].Kind != Unknown {
		t.Errorf("empty dictionary segments 三 as %+v", got)
	}
}

// words returns the text of tokens, the dictionary's words between slashes
// and the rest as they are.
func words(text string, toks []Token) string {
	var sb strings.Builder
	for i, tk := range toks {
		if i > 0 {
			sb.WriteByte('|')
		}
		sb.WriteString(text[tk.Start:tk.End])
		switch tk.Kind {
		case Unknown:
			sb.WriteByte('?')
		case Alnum:
			sb.WriteByte('#')
		}
	}
	return sb.String()
}

func TestSegment(t *testing.T) {
	d := seedDict(t)
	for _, c := range []struct{ in, want string }{
		{"三厂工业园区", "三|厂|工业园区"},
		{"三廠工業園區", "三|廠|工業園區"},
		{"高质量发展", "高质量|发展"},
		{"本报讯 (记者何天宇", "本报讯| |(|记者|何?|天?|宇?"},
		{"一季度预计完成8000万元", "一?|季?|度?|预?|计?|完?|成?|8000#|万元"},
		{"长三角一体化", "长三角|一?|体?|化?"},
		{"企业发展WTO2024,我们", "企业|发展|WTO2024#|,|我们"},
		{"", ""},
	} {
		toks := d.Segment(c.in)
		if got := words(c.in, toks); got != c.want {
			t.Errorf("Segment(%q) = %s, want %s", c.in, got, c.want)
		}
		checkTiles(t, c.in, toks)
	}
	// Without a dictionary every character stands alone.
	var none *Dict
	if got := words("发展ab", none.Segment("发展ab")); got != "发?|展?|ab#" {
		t.Errorf("nil Dict: %s", got)
	}
}

// TestSegmentFewestSingles checks the tie between cuts of as many words:
// the one with fewer one-character words wins.
func TestSegmentFewestSingles(t *testing.T) {
	d, err := Parse([]byte("研究 研究 [yan2 jiu1] /x/\n研究生 研究生 [yan2 jiu1 sheng1] /x/\n" +
		"生命 生命 [sheng1 ming4] /x/\n起源 起源 [qi3 yuan2] /x/\n命 命 [ming4] /x/\n" +
		"卡拉OK 卡拉OK [ka3 la1 O K] /x/\n3D打印 3D打印 [san1 D da3 yin4] /x/\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ in, want string }{
		{"研究生命起源", "研究|生命|起源"},
		{"研究生", "研究生"},
		{"唱卡拉OK", "唱?|卡拉OK"},
		{"卡拉OKAY", "卡?|拉?|OKAY#"}, // a run of letters is never cut
		{"3D打印机", "3D打印|机?"},
	} {
		if got := words(c.in, d.Segment(c.in)); got != c.want {
			t.Errorf("Segment(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

// checkTiles checks that tokens tile text in order, each a whole number of
// characters, none empty.
func checkTiles(t *testing.T, text string, toks []Token) {
	t.Helper()
	at := 0
	for _, tk := range toks {
		if tk.Start != at || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("%q: token %+v after %d", text, tk, at)
		}
		if !utf8.ValidString(text[tk.Start:tk.End]) && utf8.ValidString(text) {
			t.Fatalf("%q: token %+v cuts a character", text, tk)
		}
		at = tk.End
	}
	if at != len(text) {
		t.Fatalf("%q: tokens end at %d of %d", text, at, len(text))
	}
}

func FuzzParse(f *testing.F) {
	seed, err := os.ReadFile("testdata/seed.u8")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, "高质量发展")
	f.Add([]byte("a b [c1] /d/\n"), "ab")
	f.Add([]byte("發展 发展 [fa1 zhan3] //\r\n"), "发展x")
	f.Add([]byte("x  [] /"), " ")
	f.Add([]byte("a\x00 a [a1] /x/\na a [a1] /y/\nab ab [a1] /z/\nabcdefghij abcdefghij [a1] /w/\n"), "abcdefghijk")
	f.Add([]byte("a\x00 a [a1] /x/\na a [a1] /y/\n"), "a\x00")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		d, err := Parse(data)
		if err != nil {
			return
		}
		// Every entry is found by both its forms.
		for i := range d.Len() {
			e := d.entryAt(i)
			for _, w := range []string{e.Traditional, e.Simplified} {
				found := false
				for _, g := range d.Lookup(w) {
					found = found || g.Traditional == e.Traditional && g.Simplified == e.Simplified && g.Pinyin == e.Pinyin
				}
				if !found {
					t.Fatalf("entry %d %+v not found by %q", i, e, w)
				}
			}
			if m := e.PinyinMarks(); utf8.ValidString(e.Pinyin) && !utf8.ValidString(m) {
				t.Fatalf("Marks(%q) = %q", e.Pinyin, m)
			}
		}
		checkTiles(t, text, d.Segment(text))
		// The searches over the heads agree with reading every form.
		for n := 0; n <= len(text) && n <= 12; n++ {
			p := text[:n]
			lo := d.search(p, 0, len(d.keys))
			hi := d.prefixEnd(p, lo, len(d.keys))
			wantLo, count := 0, 0
			for i, k := range d.keys {
				if d.key(k) < p {
					wantLo = i + 1
				}
				if strings.HasPrefix(d.key(k), p) {
					count++
				}
			}
			if lo != wantLo || hi-lo != count {
				t.Fatalf("prefix %q: range [%d, %d), want from %d, %d forms", p, lo, hi, wantLo, count)
			}
		}
	})
}

func FuzzSegment(f *testing.F) {
	d := seedDict(f)
	f.Add("本报讯 (记者何天宇 通讯员叶平)企业发展势头强劲,规模以上企业订单饱和")
	f.Add("三廠工業園區2024年3D")
	f.Add("\xff发展\x00")
	f.Fuzz(func(t *testing.T, text string) {
		toks := d.Segment(text)
		checkTiles(t, text, toks)
		for _, tk := range toks {
			if tk.Kind == Word && !d.Has(text[tk.Start:tk.End]) {
				t.Fatalf("%q: word %q not in the dictionary", text, text[tk.Start:tk.End])
			}
		}
	})
}

func FuzzMarks(f *testing.F) {
	f.Add("zhan4 lu:e4")
	f.Add("ng2 m4 r5")
	f.Fuzz(func(t *testing.T, s string) {
		if got := Marks(s); utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Marks(%q) = %q", s, got)
		}
	})
}
