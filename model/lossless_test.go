package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"dubao/seeds"
)

// significant returns the runes that must survive parsing: everything but
// white space, control characters (removed at load), and the * and # that
// Markdown markup is made of.
func significant(s string) []rune {
	out := make([]rune, 0, len(s)/3)
	for _, r := range s {
		if isSpace(r) || r < 0x20 || r == 0x7f || isC1(r) || r == '*' || r == '#' {
			continue
		}
		out = append(out, r)
	}
	return out
}

// editionPieces returns every piece of source text the edition holds, in
// reading order within each article: the fields a person reads, not the
// names derived from them.
func editionPieces(e *Edition) (header, body []string) {
	header = append(header, e.Masthead)
	for _, s := range e.Sections {
		header = append(header, s.Header)
		for _, a := range s.Articles {
			header = append(header, a.Kicker, a.KickerTail, a.Headline, a.Subheadline, a.Column,
				a.Byline.Raw, a.PhotoCredit)
			header = append(header, a.Meta...)
			for _, b := range a.Body {
				body = append(body, b.Text)
			}
		}
	}
	return header, body
}

// assertNothingLost checks that every significant character of text is in
// the edition exactly once, and that the body text keeps its order. The one
// character parsing may drop is the hyphen of a word broken across lines.
func assertNothingLost(t testing.TB, text string, e *Edition) {
	t.Helper()
	want := map[rune]int{}
	for _, r := range significant(text) {
		want[r]++
	}
	header, body := editionPieces(e)
	got := map[rune]int{}
	for _, r := range significant(strings.Join(header, "") + strings.Join(body, "")) {
		got[r]++
	}
	for r, n := range want {
		if got[r] != n && !(r == '-' && got[r] < n) {
			t.Errorf("character %q appears %d times in the edition, %d in the input", r, got[r], n)
		}
	}
	for r, n := range got {
		if want[r] == 0 {
			t.Errorf("character %q appears %d times in the edition, never in the input", r, n)
		}
	}
	// Body text is a subsequence of the input.
	src := significant(text)
	j := 0
	for _, r := range significant(strings.Join(body, "")) {
		for j < len(src) && src[j] != r {
			j++
		}
		if j == len(src) {
			t.Errorf("body text out of input order at %q", r)
			return
		}
		j++
	}
}

func TestSeedNothingLost(t *testing.T) {
	assertNothingLost(t, string(seeds.Default), parseSeed(t))
}

// genArticle is an article the generator wrote, to compare with the parse.
type genArticle struct {
	headline   string
	paragraphs []string
}

// generator writes random editions in the shapes real ones come in.
type generator struct {
	rng       *rand.Rand
	sentences []string
}

func newGenerator(seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	for _, s := range strings.Split(string(seeds.Default), "。") {
		s = strings.TrimSpace(s)
		if runeCountMax(s, 200) > 12 && !strings.Contains(s, "\n") {
			g.sentences = append(g.sentences, s+"。")
		}
	}
	return g
}

func (g *generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

var (
	genHeadlines = []string{"全区基层理论宣讲骨干 集中“充电”", "国道228海门段争创安全精品路", "长江保护宣传进社区",
		"临江新区举办农家书屋管理员业务培训", "打好执法“组合拳” 落实长江“禁渔令”", "上海加快建设国际科创中心",
		"春耕备耕忙 田间农事兴", "优化营商环境 激发市场活力", "城市更新让老街焕发新生机"}
	genKickers  = []string{"三厂工业园区:", "区公共资源交易中心——", "浦东新区：", "聚焦高质量发展——"}
	genSubheads = []string{"预计7月底前完工", "满弓紧弦“竞”出新图景", "——来自一线的报道"}
	genBylines  = []string{"本报讯 (记者何天宇 通讯员叶平)", "本报讯（记者 孟群舒）", "【新华社四平街十一日电】",
		"新华社北京3月5日电（记者 林晖 王琳琳）", "本报讯"}
	genHeaders = []string{"第1版:要闻", "第A02版：上海新闻", "第3版 综合", "【社会】", "## 经济"}
)

// edition writes a random edition and returns its text and the articles
// it holds.
func (g *generator) edition() (string, []genArticle) {
	indented := g.rng.IntN(2) == 0
	useHeaders := g.rng.IntN(2) == 0
	nl := "\n"
	if g.rng.IntN(4) == 0 {
		nl = "\r\n"
	}
	var b strings.Builder
	var arts []genArticle
	for s := range 1 + g.rng.IntN(3) {
		switch {
		case useHeaders:
			b.WriteString(g.pick(genHeaders) + nl + nl)
		case s > 0:
			b.WriteString(nl + nl)
		}
		for a := range 1 + g.rng.IntN(3) {
			arts = append(arts, g.article(&b, nl, indented, a == 0))
		}
	}
	return b.String(), arts
}

// article writes one article. One not at the head of its section always
// gets a byline or a two-line headline, or nothing could tell its headline
// from an intertitle.
func (g *generator) article(b *strings.Builder, nl string, indented, first bool) genArticle {
	block := func(s string, para bool) {
		if indented && para {
			b.WriteString("\u3000\u3000" + s + nl)
			return
		}
		b.WriteString(s + nl)
		if !indented {
			b.WriteString(nl)
		}
	}
	art := genArticle{headline: g.pick(genHeadlines)}
	hasKicker := g.rng.IntN(3) == 0
	if hasKicker {
		block(g.pick(genKickers), false)
	}
	block(art.headline, false)
	if g.rng.IntN(3) == 0 {
		// With nothing to mark it, a line under the headline that is
		// longer than it reads as the headline under a kicker (引题 +
		// 主题), so an unmarked subheadline is kept shorter.
		sub := g.pick(genSubheads)
		for !opensWithDash(sub) && runeCountMax(sub, 40) > runeCountMax(art.headline, 40) {
			sub = g.pick(genSubheads)
		}
		block(sub, false)
	}
	byline := ""
	if !first || g.rng.IntN(2) == 0 {
		byline = g.pick(genBylines)
	}
	for p := range 1 + g.rng.IntN(4) {
		var para strings.Builder
		for range 1 + g.rng.IntN(3) {
			para.WriteString(g.pick(g.sentences))
		}
		text := para.String()
		art.paragraphs = append(art.paragraphs, text)
		if p == 0 && byline != "" {
			text = byline + text
		}
		// A column break: the paragraph goes on in the next block. Both
		// parts are kept longer than a title: a short head could as well be
		// an intertitle, a short tail before a new article's headline that
		// article's kicker, and nothing in the text tells which.
		// A cut right after a sentence's end is a paragraph break to any
		// reader, and one after a semicolon as likely the end of a list
		// item as not, so cuts fall elsewhere.
		runes := []rune(text)
		cut := len(runes) - maxTitleRunes - 1 - g.rng.IntN(40)
		for cut > 0 && (endsSentence(string(runes[:cut])) || endsSoft(string(runes[:cut])) || endsClause(string(runes[:cut]))) {
			cut--
		}
		if g.rng.IntN(3) == 0 && cut > len([]rune(byline))+maxTitleRunes {
			block(string(runes[:cut]), true)
			if indented {
				// Text broken at a column edge is not indented.
				b.WriteString(string(runes[cut:]) + nl)
			} else {
				block(string(runes[cut:]), true)
			}
			continue
		}
		block(text, true)
	}
	return art
}

func TestGeneratedEditions(t *testing.T) {
	for seed := range uint64(1000) {
		g := newGenerator(seed)
		text, want := g.edition()
		e := ParseText(text, Options{})
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			assertNothingLost(t, text, e)
			var got []*Article
			for si := range e.Sections {
				for ai := range e.Sections[si].Articles {
					got = append(got, &e.Sections[si].Articles[ai])
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%d articles, want %d:\n%s\n%s", len(got), len(want), outline(e), text)
			}
			for i, w := range want {
				if got[i].Headline != w.headline {
					t.Errorf("article %d headline %q, want %q", i, got[i].Headline, w.headline)
				}
				var paras []string
				for _, b := range got[i].Body {
					paras = append(paras, b.Text)
				}
				if string(significant(strings.Join(paras, "\n"))) != string(significant(strings.Join(w.paragraphs, "\n"))) || len(paras) != len(w.paragraphs) {
					t.Errorf("article %d body:\n%q\nwant:\n%q\n%s", i, paras, w.paragraphs, text)
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(seeds.Default)
	f.Add([]byte("第2版:要闻\r\n\r\n标题\r\n　　本报讯（记者 孟群舒）正文。\r\n本报记者 左妍\r\n"))
	f.Add([]byte("# T\n\n## S\n\n### H\n\n**bold**\n\ntext\f\x1b[31mred\u0085"))
	f.Add([]byte("\xff\xfe\x41\x00\x42\x00"))
	f.Add([]byte("\xb1\xbe\xb1\xa8\xd1\xb6")) // GBK
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := Parse(data, Options{})
		if err != nil {
			return
		}
		// What clean removes (escape sequences, format controls) is not
		// text to keep.
		text, _, _ := Decode(data)
		assertNothingLost(t, clean(text), e)
		ids := map[string]bool{}
		for si, s := range e.Sections {
			if s.Index != si+1 || s.Name == "" {
				t.Errorf("section %d: index %d name %q", si, s.Index, s.Name)
			}
			for _, a := range s.Articles {
				if ids[a.ID] {
					t.Errorf("duplicate id %s", a.ID)
				}
				ids[a.ID] = true
				for _, b := range a.Body {
					if strings.ContainsFunc(b.Text, func(r rune) bool { return r < 0x20 && r != '\t' || r == 0x7f || isC1(r) || removedFormat(r) }) {
						t.Errorf("control character in %q", b.Text)
					}
				}
			}
		}
	})
}
