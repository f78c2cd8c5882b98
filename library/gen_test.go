package library

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"dubao/model"
	"dubao/seeds"
)

// The tests do not use model.Parse: it is being rewritten, and what it makes
// of a text is not this package's to pin down. They use splitParse, which
// reads the layout the seed edition has (and the generator writes): a
// masthead line, page headers 第N版:NAME, three blank lines between stories,
// the headline as a story's first paragraph, and a 本报讯 (…) byline.

var (
	masthead   = regexp.MustCompile(`^(\S+报) ([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$`)
	pageHeader = regexp.MustCompile(`^第([0-9]+)版:(\S+)$`)
	storyBreak = regexp.MustCompile(`\n{4,}`)
	paraBreak  = regexp.MustCompile(`\n{2,}`)
)

// splitParse parses the generator's layout into sections and articles.
func splitParse(data []byte, opt model.Options) (*model.Edition, error) {
	text, enc, err := model.Decode(data)
	if err != nil {
		return nil, err
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	ed := &model.Edition{Title: opt.Title, Source: opt.Source, Encoding: enc}
	for _, chunk := range storyBreak.Split(strings.TrimSpace(text), -1) {
		paras := paraBreak.Split(strings.TrimSpace(chunk), -1)
		if m := masthead.FindStringSubmatch(paras[0]); m != nil {
			ed.Title = m[1]
			ed.Date = fmt.Sprintf("%s-%02s-%02s", m[2], pad2(m[3]), pad2(m[4]))
			paras = paras[1:]
		}
		if len(paras) > 0 {
			if m := pageHeader.FindStringSubmatch(paras[0]); m != nil {
				ed.Sections = append(ed.Sections, model.Section{Index: len(ed.Sections) + 1, Name: m[2], Page: m[1], Header: paras[0]})
				paras = paras[1:]
			}
		}
		if len(paras) == 0 || paras[0] == "" {
			continue
		}
		if len(ed.Sections) == 0 {
			ed.Sections = append(ed.Sections, model.Section{Index: 1, Name: "1"})
		}
		s := &ed.Sections[len(ed.Sections)-1]
		s.Articles = append(s.Articles, splitArticle(s.Index, len(s.Articles)+1, paras))
	}
	return ed, nil
}

func splitArticle(section, n int, paras []string) model.Article {
	a := model.Article{ID: fmt.Sprintf("%d-%d", section, n), Kind: model.KindNews, Headline: paras[0]}
	for _, p := range paras[1:] {
		if a.Byline.Raw == "" && len(a.Body) == 0 && strings.HasPrefix(p, "本报讯 (") {
			if i := strings.Index(p, ")"); i > 0 {
				a.Byline.Raw, p = p[:i+1], p[i+1:]
			}
		}
		typ := model.Paragraph
		if strings.HasPrefix(p, "■") {
			typ, p = model.Intertitle, strings.TrimPrefix(p, "■")
		}
		a.Body = append(a.Body, model.Block{Type: typ, Text: strings.ReplaceAll(p, "\n", "")})
	}
	return a
}

// corpus is the seed edition cut into the pieces the generator varies.
type corpus struct {
	sentences []string // body sentences, with their closing punctuation
	headlines []string // short lines that stand alone in the seed
}

func seedCorpus() corpus {
	var c corpus
	for _, p := range paraBreak.Split(string(seeds.Default), -1) {
		p = strings.TrimSpace(strings.ReplaceAll(p, "\n", ""))
		switch n := utf8.RuneCountInString(p); {
		case n == 0:
		case n <= 30 && !strings.HasSuffix(p, "。"):
			c.headlines = append(c.headlines, p)
		default:
			start := 0
			for i, r := range p {
				if r == '。' || r == '!' || r == '?' || r == '！' || r == '？' {
					end := i + utf8.RuneLen(r)
					if s := strings.TrimSpace(p[start:end]); utf8.RuneCountInString(s) > 6 {
						c.sentences = append(c.sentences, s)
					}
					start = end
				}
			}
		}
	}
	return c
}

var (
	genPlaces  = []string{"三厂", "临江", "海永", "包场", "常乐", "悦来", "四甲", "余东", "正余", "树勋", "滨江", "三星"}
	genNames   = []string{"何天宇", "叶平", "钱丽君", "陆俊杰", "孙京", "施春晓", "龚雪雯", "李兵", "陆琦", "蔡佳楠", "黄海燕", "顾晓东"}
	genPages   = []string{"要闻", "综合", "城建", "民生", "文体", "理论"}
	genOutlets = []string{"海门日报", "江海晚报"}
)

// archive describes a generated archive.
type archive struct {
	dir      string
	editions int
	articles int
	bytes    int64
}

// generate writes n editions into dir (two papers, one date each, going
// back a day at a time from 2024-12-31) built from the seed's sentences and
// headlines, varied. File names use 2024-03-19, 20240319 or no date (the
// masthead then gives it). The same seed gives the same archive.
func generate(tb testing.TB, dir string, n int, seed uint64) archive {
	tb.Helper()
	c := seedCorpus()
	rng := rand.New(rand.NewPCG(seed, 1))
	day := time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	ar := archive{dir: dir, editions: n}
	for i := range n {
		paper := genOutlets[i%len(genOutlets)]
		date := day.AddDate(0, 0, -i/len(genOutlets))
		text, count := genEdition(rng, c, paper, date)
		var name string
		switch i % 10 {
		case 0:
			name = fmt.Sprintf("%s-%s.txt", date.Format("20060102"), paper)
		case 1:
			name = fmt.Sprintf("%s_%03d.txt", paper, i) // dated by its masthead only
		default:
			name = fmt.Sprintf("%s/%s-%s.txt", date.Format("2006"), date.Format(time.DateOnly), paper)
		}
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
		ar.articles += count
		ar.bytes += int64(len(text))
	}
	return ar
}

// genEdition returns one edition's text of 7 to 13 articles on 2 to 4 pages.
func genEdition(rng *rand.Rand, c corpus, paper string, date time.Time) (string, int) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d年%d月%d日\n\n", paper, date.Year(), date.Month(), date.Day())
	pages := 2 + rng.IntN(3)
	articles := 7 + rng.IntN(7)
	for i := range articles {
		b.WriteString("\n\n\n\n")
		if per := (articles + pages - 1) / pages; i%per == 0 {
			fmt.Fprintf(&b, "第%d版:%s\n\n", i/per+1, genPages[rng.IntN(len(genPages))])
		}
		b.WriteString(genArticle(rng, c))
	}
	return b.String(), articles
}

func genArticle(rng *rand.Rand, c corpus) string {
	var b strings.Builder
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	b.WriteString(pick(genPlaces) + pick(c.headlines) + "\n\n")
	fmt.Fprintf(&b, "本报讯 (记者%s 通讯员%s)", pick(genNames), pick(genNames))
	paras := 2 + rng.IntN(5)
	for p := range paras {
		if p > 0 {
			b.WriteString("\n\n")
			if rng.IntN(8) == 0 {
				b.WriteString("■" + pick(c.headlines) + "\n\n")
			}
		}
		for range 2 + rng.IntN(3) {
			s := pick(c.sentences)
			// Vary the numbers and places so editions are not copies.
			s = strings.Replace(s, "三厂", pick(genPlaces), 1)
			s = strings.Replace(s, "3月", strconv.Itoa(1+rng.IntN(12))+"月", 1)
			b.WriteString(s)
		}
	}
	return b.String()
}

func TestSplitParseReadsGeneratedLayout(t *testing.T) {
	dir := t.TempDir()
	ar := generate(t, dir, 4, 7)
	got := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := os.ReadFile(path)
		ed, err := splitParse(data, model.Options{Source: path, Title: "x"})
		if err != nil {
			return err
		}
		if ed.Date == "" || !strings.HasSuffix(ed.Title, "报") || len(ed.Sections) < 2 {
			t.Errorf("%s: date %q title %q, %d sections", path, ed.Date, ed.Title, len(ed.Sections))
		}
		for _, s := range ed.Sections {
			for _, a := range s.Articles {
				if a.Byline.Raw == "" || len(a.Body) < 2 || a.Headline == "" {
					t.Errorf("%s %s: byline %q, %d blocks", path, a.ID, a.Byline.Raw, len(a.Body))
				}
			}
		}
		got += ed.Articles()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != ar.articles {
		t.Errorf("parsed %d articles, generator wrote %d", got, ar.articles)
	}
}
