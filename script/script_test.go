package script

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"

	"dubao/model"
	"dubao/seeds"
)

func TestParseNames(t *testing.T) {
	for i, n := range Names() {
		s, err := Parse(n)
		if err != nil || s != Script(i) || s.String() != n {
			t.Errorf("Parse(%q) = %v, %v; want %d", n, s, err, i)
		}
	}
	if s, err := Parse(""); err != nil || s != Original {
		t.Errorf(`Parse("") = %v, %v`, s, err)
	}
	if s, err := Parse("HANT-TW"); err != nil || s != HantTW {
		t.Errorf(`Parse("HANT-TW") = %v, %v`, s, err)
	}
	if _, err := Parse("zh-tw"); err == nil || !strings.Contains(err.Error(), "hant-hk") {
		t.Errorf(`Parse("zh-tw") error %v, want one naming the scripts`, err)
	}
}

func TestNextCycles(t *testing.T) {
	want := []Script{Hans, HantTW, HantHK, Original}
	s := Original
	for _, w := range want {
		s = s.Next()
		if s != w {
			t.Fatalf("Next gave %v, want %v", s, w)
		}
	}
}

// Real pairs: characters, the Taiwan vocabulary and the Hong Kong forms.
func TestConvertPairs(t *testing.T) {
	cases := []struct {
		in       string
		from, to Script
		want     string
	}{
		{"发展软件和内存", Hans, HantTW, "發展軟體和記憶體"},
		{"台湾的出租车", Hans, HantTW, "臺灣的計程車"},
		{"台湾的出租车", Hans, HantHK, "台灣的出租車"},
		{"头发", Hans, HantTW, "頭髮"},
		{"發展軟體和記憶體", HantTW, Hans, "发展软件和内存"},
		{"臺灣", HantTW, Hans, "台湾"},
		{"臺灣", HantTW, HantHK, "台灣"},
		{"发展", Hans, Hans, "发展"},
		{"发展", Hans, Original, "发展"},
	}
	for _, c := range cases {
		if got := Convert(c.in, c.from, c.to).Shown; got != c.want {
			t.Errorf("Convert(%q, %v, %v) = %q, want %q", c.in, c.from, c.to, got, c.want)
		}
	}
}

// The step-by-step conversion, kept for its offsets, gives what opencc's own
// Convert gives, on the whole seed edition.
func TestConvertAsOpenCC(t *testing.T) {
	text := string(seeds.Default)
	for _, name := range []string{"s2twp", "s2hk", "tw2sp", "t2s"} {
		cc, err := opencc.New(name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := cc.Convert(text)
		if err != nil {
			t.Fatal(err)
		}
		if got := convert(name, text).Shown; got != want {
			t.Errorf("%s: the conversion differs from opencc's Convert", name)
		}
	}
}

// 内存 becomes 記憶體, one character longer: offsets after it move by three
// bytes, and a span over it covers the whole phrase.
func TestOffsetsAcrossALongerPhrase(t *testing.T) {
	in := "买内存条和软件"
	tx := Convert(in, Hans, HantTW)
	if tx.Shown != "買記憶體條和軟體" {
		t.Fatalf("shown %q", tx.Shown)
	}
	at := func(s, sub string) int { return strings.Index(s, sub) }
	// 软件 → 軟體 keeps its length; it moved with what came before.
	if got, want := tx.ToShown(at(in, "软件"), false), at(tx.Shown, "軟體"); got != want {
		t.Errorf("软件 at %d, want %d", got, want)
	}
	if got, want := tx.ToOriginal(at(tx.Shown, "軟體")), at(in, "软件"); got != want {
		t.Errorf("back: 軟體 at %d, want %d", got, want)
	}
	// 存 alone, inside the phrase, maps to the phrase: its start, or as the
	// end of a span, its end.
	s, e := at(in, "存"), at(in, "存")+len("存")
	if got, want := tx.ToShown(s, false), at(tx.Shown, "記"); got != want {
		t.Errorf("start inside the phrase at %d, want %d", got, want)
	}
	if got, want := tx.ToShown(e, true), at(tx.Shown, "條"); got != want {
		t.Errorf("end inside the phrase at %d, want %d", got, want)
	}
	if got := tx.ToShown(len(in), true); got != len(tx.Shown) {
		t.Errorf("the end maps to %d, want %d", got, len(tx.Shown))
	}
	if got, want := tx.ToOriginal(at(tx.Shown, "體條")), at(in, "内存"); got != want {
		t.Errorf("back from inside the phrase: %d, want %d", got, want)
	}
}

// Every rune boundary of the seed maps to a rune boundary of its converted
// text, in order, and back.
func TestOffsetsOfTheSeed(t *testing.T) {
	in := string(seeds.Default)
	for _, to := range []Script{HantTW, HantHK} {
		tx := Convert(in, Hans, to)
		last := 0
		for i := range in {
			o := tx.ToShown(i, false)
			if o < last || o > len(tx.Shown) || !utf8.RuneStart(tx.Shown[o]) {
				t.Fatalf("%v: offset %d maps to %d (after %d)", to, i, o, last)
			}
			last = o
			if b := tx.ToOriginal(o); b > i {
				t.Fatalf("%v: %d maps to %d and back to %d", to, i, o, b)
			}
		}
	}
}

func TestFold(t *testing.T) {
	for _, c := range [][2]string{{"發展", "发展"}, {"臺灣", "台湾"}, {"台灣", "台湾"}, {"頭髮", "头发"}, {"abc，", "abc，"}} {
		if got := FoldString(c[0]); got != c[1] {
			t.Errorf("FoldString(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	o := string(Orbit('發'))
	for _, r := range "发發髮" {
		if !strings.ContainsRune(o, r) {
			t.Errorf("Orbit(發) = %q, lacks %c", o, r)
		}
	}
	if Orbit('a') != nil || Orbit('中') != nil {
		t.Errorf("a and 中 fold as themselves alone")
	}
}

func TestDetect(t *testing.T) {
	if s := Detect(string(seeds.Default)); s != Hans {
		t.Errorf("the seed is %v, want hans", s)
	}
	if s := Detect("臺灣的經濟發展，軟體產業"); s != HantTW {
		t.Errorf("traditional text detected as %v", s)
	}
	if s := Detect("abc 123"); s != Hans {
		t.Errorf("text without Chinese detected as %v", s)
	}
}

func TestVariants(t *testing.T) {
	has := func(vs []string, s string) bool {
		for _, v := range vs {
			if v == s {
				return true
			}
		}
		return false
	}
	if vs := Variants("软件"); !has(vs, "軟體") || vs[0] != "软件" {
		t.Errorf("Variants(软件) = %q", vs)
	}
	if vs := Variants("記憶體"); !has(vs, "内存") {
		t.Errorf("Variants(記憶體) = %q", vs)
	}
	if vs := Variants("发展"); len(vs) != 1 {
		t.Errorf("Variants(发展) = %q: 發展 folds as 发展 and needs no spelling of its own", vs)
	}
	if vs := Variants("news"); len(vs) != 1 {
		t.Errorf("Variants(news) = %q", vs)
	}
}

func TestCacheAndArticle(t *testing.T) {
	a := &model.Article{Headline: "发展软件", Byline: model.Byline{Raw: "记者张发", Reporters: []string{"张发"}},
		Body: []model.Block{{Type: model.Paragraph, Text: "台湾的内存"}}, URL: "https://example.com/软件"}
	c := NewCache()
	if got := c.String(a, HantTW, a.Headline); got != "發展軟體" {
		t.Errorf("headline %q", got)
	}
	if got := c.String(a, Original, a.Headline); got != a.Headline {
		t.Errorf("original %q", got)
	}
	if len(c.texts) != 1 {
		t.Errorf("%d texts cached, want 1", len(c.texts))
	}
	c.String(a, HantTW, a.Headline)
	if len(c.texts) != 1 {
		t.Errorf("converted again: %d texts cached", len(c.texts))
	}
	out := Article(a, HantTW)
	if out.Headline != "發展軟體" || out.Body[0].Text != "臺灣的記憶體" || out.Byline.Reporters[0] != "張發" ||
		out.URL != a.URL {
		t.Errorf("Article = %+v", out)
	}
	if a.Headline != "发展软件" || a.Body[0].Text != "台湾的内存" || a.Byline.Reporters[0] != "张发" {
		t.Errorf("the original changed: %+v", a)
	}
}

// Edition converts the edition's own lines and every article, and leaves
// the edition it was given as it was.
func TestEdition(t *testing.T) {
	ed := &model.Edition{Title: "海门日报", Source: "/x/2024-03-19.txt", Sections: []model.Section{{
		Index: 1, Name: "要闻", Header: "第1版:要闻",
		Articles: []model.Article{{Headline: "发展软件", Body: []model.Block{{Type: model.Paragraph, Text: "台湾的内存"}}}},
	}}}
	out := Edition(ed, HantTW)
	s := out.Sections[0]
	if out.Title != "海門日報" || s.Name != "要聞" || s.Header != "第1版:要聞" || s.Articles[0].Headline != "發展軟體" ||
		s.Articles[0].Body[0].Text != "臺灣的記憶體" || out.Source != ed.Source {
		t.Errorf("Edition = %+v", out)
	}
	if ed.Title != "海门日报" || ed.Sections[0].Name != "要闻" || ed.Sections[0].Articles[0].Headline != "发展软件" {
		t.Errorf("the original changed: %+v", ed)
	}
	if same := Edition(ed, Original); same.Sections[0].Articles[0].Headline != "发展软件" {
		t.Errorf("Original changed the text: %+v", same)
	}
}

func TestSpellings(t *testing.T) {
	got := strings.Join(Spellings("台湾软件"), " ")
	for _, want := range []string{"台湾软件", "臺灣軟體", "台灣軟件"} {
		if !strings.Contains(got, want) {
			t.Errorf("Spellings(台湾软件) = %s, lacks %s", got, want)
		}
	}
	if got := strings.Join(Spellings("記憶體"), " "); !strings.Contains(got, "内存") {
		t.Errorf("Spellings(記憶體) = %s, lacks 内存", got)
	}
}

// A control character is kept as it is: the dictionaries' trie once took
// \x01 for a key (found by FuzzConvert).
func TestControlCharacterKept(t *testing.T) {
	if got := Convert("\x01举", Hans, HantTW).Shown; got != "\x01舉" {
		t.Errorf("got %q", got)
	}
}
