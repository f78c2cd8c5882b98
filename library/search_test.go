package library

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/model"
)

// checkHit asserts that h points at query in ed: the snippet's match range
// holds the query, and Block and Offset find it in the article.
func checkHit(t *testing.T, ed *model.Edition, h Hit, query string) {
	t.Helper()
	a := ed.Article(h.Article)
	if a == nil {
		t.Fatalf("hit names article %s, not in the edition", h.Article)
	}
	if m := h.Snippet[h.Match[0]:h.Match[1]]; !strings.EqualFold(m, query) {
		t.Errorf("%s: snippet %q marks %q, want %q", h.Article, h.Snippet, m, query)
	}
	holds := func(text string) bool {
		return h.Offset+len(query) <= len(text) && strings.EqualFold(text[h.Offset:h.Offset+len(query)], query)
	}
	if h.Block >= 0 {
		if !holds(a.Body[h.Block].Text) {
			t.Errorf("%s: block %d offset %d does not hold %q", h.Article, h.Block, h.Offset, query)
		}
		return
	}
	if !slices.ContainsFunc(strings.Split(articleText(a), "\n")[:headLines], holds) {
		t.Errorf("%s: no headline-stack line holds %q at offset %d", h.Article, query, h.Offset)
	}
}

func TestSearchShortAndLongQueries(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		body := []string{
			"近日,区农业综合行政执法大队联合市场监管部门开展长江禁渔执法检查。",
			"执法人员随机走访了城区的农贸市场、餐饮门店,重点检查 Yangtze 水产品。",
			"通过此次学习,宣讲骨干纷纷表示将以 50%_off 为契机。",
		}
		e := threeStories(t, st, "a", "2024-03-19")
		e2, err := st.Embed(ctx, "b", "海门日报", []byte(story("海门日报", "2024-03-20",
			[]string{"打好执法“组合拳” 落实长江“禁渔令”", "长江保护宣传进社区", "全区基层理论宣讲骨干 集中“充电”"}, body...)))
		if err != nil {
			t.Fatal(err)
		}
		ed, _, _ := st.Load(ctx, e2.Path)
		tests := []struct {
			query    string
			articles []string // in edition 2024-03-20
			block    int      // of the first hit
		}{
			{"禁渔", []string{"1-1"}, -1},  // two characters: a scan; found in the headline first
			{"渔", []string{"1-1"}, -1},   // one character
			{"禁渔执法", []string{"1-1"}, 0}, // trigram index, in the body
			{"农贸市场", []string{"1-2"}, 0},
			{"yangtze", []string{"1-2"}, 0},            // case is ignored
			{"YA", []string{"1-2"}, 0},                 // also in short queries
			{"50%_", []string{"1-3"}, 0},               // LIKE wildcards are plain characters
			{"%_", []string{"1-3"}, 0},                 // in short queries too
			{"何天宇", []string{"1-1", "1-2", "1-3"}, -1}, // the byline is searched
			{"不存在的词", nil, 0},
		}
		for _, tt := range tests {
			res, err := st.Search(ctx, tt.query, SearchOptions{})
			if err != nil {
				t.Fatalf("%q: %v", tt.query, err)
			}
			var got []string
			for _, h := range res.Hits {
				if h.Edition.ID == e.ID {
					continue // the other edition has the byline too
				}
				got = append(got, h.Article)
				checkHit(t, ed, h, tt.query)
			}
			if !slices.Equal(got, tt.articles) {
				t.Errorf("%q: articles %v, want %v", tt.query, got, tt.articles)
			}
			if len(got) > 0 && res.Hits[0].Block != tt.block {
				t.Errorf("%q: first hit in block %d, want %d", tt.query, res.Hits[0].Block, tt.block)
			}
		}
	})
}

func TestSearchOrderPagingAndScope(t *testing.T) {
	dir1, dir2 := t.TempDir(), t.TempDir()
	for _, d := range []string{"2024-03-18", "2024-03-20", "2024-03-19"} {
		writeFile(t, dir1, d+".txt", story("海门日报", "", []string{"长江保护宣传", "别的", "长江禁渔"}))
	}
	writeFile(t, dir2, "2024-03-21.txt", story("海门日报", "", []string{"长江"}))
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	sh := openWait(t, st, dir1)
	openWait(t, st, dir2)

	all, err := sh.Search(ctx, "长江", SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range all.Hits {
		got = append(got, h.Edition.Date+"/"+h.Article)
	}
	want := []string{"2024-03-20/1-1", "2024-03-20/1-3", "2024-03-19/1-1", "2024-03-19/1-3", "2024-03-18/1-1", "2024-03-18/1-3"}
	if !slices.Equal(got, want) || all.Total != 6 {
		t.Errorf("shelf search = %v (total %d), want %v", got, all.Total, want)
	}
	page, _ := sh.Search(ctx, "长江", SearchOptions{Limit: 2, Offset: 3})
	if page.Total != 6 || len(page.Hits) != 2 || page.Hits[0].Edition.Date+"/"+page.Hits[0].Article != want[3] {
		t.Errorf("page 2 of 3: %+v", page)
	}
	if lib, _ := st.Search(ctx, "长江", SearchOptions{}); lib.Total != 7 || lib.Hits[0].Edition.Date != "2024-03-21" {
		t.Errorf("library search: total %d, first %+v", lib.Total, lib.Hits[0])
	}
	// A shelf of every edition in the store is searched as the whole store.
	both := openWait(t, st, dir1, dir2)
	for _, q := range []string{"长江", "长江保护"} {
		if res, _ := both.Search(ctx, q, SearchOptions{}); res.Total != map[string]int{"长江": 7, "长江保护": 3}[q] {
			t.Errorf("%q on a shelf of both folders: total %d", q, res.Total)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("甲", 30) + "禁渔令" + strings.Repeat("乙", 80)
	tests := []struct {
		line       string
		start, end int
		want       string
	}{
		{"落实长江禁渔令", 12, 18, "落实长江禁渔令"},
		{long, 90, 99, "…" + strings.Repeat("甲", 16) + "禁渔令" + strings.Repeat("乙", 41) + "…"},
	}
	for _, tt := range tests {
		got, m := snippet(tt.line, tt.start, tt.end)
		if got != tt.want || got[m[0]:m[1]] != tt.line[tt.start:tt.end] {
			t.Errorf("snippet = %q %v, want %q", got, m, tt.want)
		}
		if n := utf8.RuneCountInString(strings.Trim(got, "…")); n > snippetRunes {
			t.Errorf("snippet of %d characters", n)
		}
	}
}

// The store's search, through the trigram index or the scan, finds exactly
// the articles a plain substring search of each parsed edition finds.
func TestSearchAgreesWithSearchEdition(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 25, 11)
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	sh := openWait(t, st, dir)
	var eds []*model.Edition
	var texts []string
	list := editions(t, sh)
	for _, e := range list {
		data, _ := os.ReadFile(e.Path)
		ed, err := splitParse(data, model.Options{Source: e.Path, Title: titleFromName(e.Path)})
		if err != nil {
			t.Fatal(err)
		}
		eds = append(eds, ed)
		for _, s := range ed.Sections {
			for _, a := range s.Articles {
				texts = append(texts, articleText(&a))
			}
		}
	}
	rng := rand.New(rand.NewPCG(5, 5))
	for i := range 60 {
		// A random substring of 1 to 5 characters of some article, or a
		// string found nowhere.
		text := []rune(texts[rng.IntN(len(texts))])
		n := 1 + i%5
		at := rng.IntN(len(text) - n)
		query := string(text[at : at+n])
		if strings.ContainsAny(query, "\n") {
			continue
		}
		if i%10 == 9 {
			query = "查无此" + query
		}
		var want []string
		for j, ed := range eds {
			for _, h := range SearchEdition(ed, query) {
				want = append(want, fmt.Sprintf("%s/%s", filepath.Base(list[j].Path), h.Article))
			}
		}
		res, err := sh.Search(ctx, query, SearchOptions{Limit: 100000})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, fmt.Sprintf("%s/%s", filepath.Base(h.Edition.Path), h.Article))
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) || res.Total != len(want) {
			t.Errorf("%q: store finds %d (total %d), SearchEdition %d", query, len(got), res.Total, len(want))
		}
	}
}

// A query typed with the full-width punctuation the reader shows finds the
// half-width punctuation stored, and the other way round, through the
// trigram index and through the scan alike.
func TestSearchFoldsPunctuationWidth(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		_, err := st.Embed(ctx, "w", "海门日报", []byte(story("海门日报", "2024-03-20", []string{"标题"},
			"近日,区农业执法大队（实习）开展检查:完毕。")))
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"近日，区农业", "日，区", "日，", "，", "队(实习)开", "队(", "(实习)", "检查：完", "查：", "近日,区"} {
			for _, m := range []method{byTrigram, byPrefix, byScan} {
				if m == byTrigram && utf8.RuneCountInString(q) < 3 || m == byPrefix && utf8.RuneCountInString(q) >= 3 {
					continue
				}
				res, err := st.searchBy(ctx, q, m, nil, SearchOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != 1 || len(res.Hits) != 1 {
					t.Errorf("%q (method %d): %d hits", q, m, res.Total)
					continue
				}
				h := res.Hits[0]
				if got := h.Snippet[h.Match[0]:h.Match[1]]; utf8.RuneCountInString(got) != utf8.RuneCountInString(q) {
					t.Errorf("%q: snippet %q marks %q", q, h.Snippet, got)
				}
			}
		}
	})
	if s, e := Match("近日,区农业", "日，区"); s != 3 || e != 10 {
		t.Errorf("Match = %d, %d; want 3, 10", s, e)
	}
	if s, _ := Match("近日,区", "日。"); s != -1 {
		t.Errorf("Match folds 。 to , (%d)", s)
	}
	if n := len(widthVariants("a,b(c)d:e;f")); n <= maxWidthVariants {
		t.Errorf("%d variants of a query with 5 marks", n)
	}
	if methodFor("a,b(c)d:e;f") != byScan || methodFor("近日，区") != byTrigram || methodFor("禁渔") != byPrefix ||
		methodFor("渔") != byPrefix || methodFor("Éa") != byScan {
		t.Error("methodFor")
	}
}

// TestSearchShortQueriesThroughTheIndex checks the index's answer to one-
// and two-character queries against the scan's, on random queries: pieces
// of the text (the last characters of an article's text among them),
// letters in either case, punctuation in either width, and pairs found
// nowhere.
func TestSearchShortQueriesThroughTheIndex(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 12, 7)
	st := openTest(t, t.TempDir(), nil)
	openWait(t, st, dir)
	texts := storedTexts(t, st)
	rng := rand.New(rand.NewPCG(7, 11))
	queries := []string{"，", ",", "A", "a", "Zq", "。」", "的"}
	for i := 0; i < 300; i++ {
		text := texts[rng.IntN(len(texts))]
		n := 1 + i%2
		at := rng.IntN(len(text) - n + 1)
		if i%7 == 0 {
			at = len(text) - n // the text's end
		}
		q := string(text[at : at+n])
		if i%11 == 0 {
			q = strings.ToUpper(q)
		}
		if !strings.ContainsAny(q, "\n") && strings.TrimSpace(q) == q {
			queries = append(queries, q)
		}
	}
	for _, q := range queries {
		if methodFor(q) != byPrefix {
			continue
		}
		sameAsScan(t, st, q, byPrefix)
	}
}

// matchEveryByte is Match as it was, trying the query at every byte: the
// reference the faster Match must agree with.
func matchEveryByte(s, query string) (int, int) {
	if query == "" {
		return -1, -1
	}
	for i := range s {
		if n, ok := prefixFold(s[i:], query); ok {
			return i, i + n
		}
	}
	return -1, -1
}

func TestMatchAgreesWithEveryByte(t *testing.T) {
	alphabet := []rune("aAkK\u212asSſ,，.。门門 日\u00e9\u00c9")
	rng := rand.New(rand.NewPCG(11, 11))
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		s, q := word(rng.IntN(30)), word(1+rng.IntN(3))
		gs, ge := Match(s, q)
		ws, we := matchEveryByte(s, q)
		if gs != ws || ge != we {
			t.Fatalf("Match(%q, %q) = %d, %d; want %d, %d", s, q, gs, ge, ws, we)
		}
	}
}

// BenchmarkMatch finds a query that needs case folding, and one that needs
// the script folded, near the end of 8 MB of Chinese text, as the reader's
// search does in a very long story; the peer is a query that needs none,
// found by strings.Index.
func BenchmarkMatch(b *testing.B) {
	text := strings.Repeat("近日，区农业综合行政执法大队联合区公安局开展检查。", 8<<20/75) + "Dubao读报2024"
	// 讀報 is found as 读报 by folding the script, as is 读报 itself.
	for _, bc := range []struct{ name, q string }{{"fold", "dubao"}, {"script", "讀報"}, {"peer=index", "2024"}} {
		b.Run(bc.name, func(b *testing.B) {
			Match("读报", bc.q) // the dictionaries, loaded once
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if s, _ := Match(text, bc.q); s < 0 {
					b.Fatal("not found")
				}
			}
		})
	}
}

// An edition printed in simplified and one in traditional characters: each
// word is found in both, whichever script the query is in, by every
// method, and the hit marks the word as that edition prints it.
func TestSearchAcrossScripts(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		if _, err := st.Embed(ctx, "s", "海门日报", []byte(story("海门日报", "2024-03-20", []string{"经济发展"},
			"台湾的软件产业和内存价格。"))); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Embed(ctx, "t", "海門日報", []byte(story("海門日報", "2024-03-21", []string{"經濟發展"},
			"臺灣的軟體產業和記憶體價格。"))); err != nil {
			t.Fatal(err)
		}
		// The word each edition prints for each query.
		words := map[string][2]string{
			"发展": {"發展", "发展"}, "發展": {"發展", "发展"},
			"台湾": {"臺灣", "台湾"}, "臺灣": {"臺灣", "台湾"}, "台灣": {"臺灣", "台湾"},
			"软件": {"軟體", "软件"}, "軟體": {"軟體", "软件"},
			"内存价格": {"記憶體價格", "内存价格"}, "記憶體價格": {"記憶體價格", "内存价格"},
			"经济发展": {"經濟發展", "经济发展"}, "經濟發展": {"經濟發展", "经济发展"},
		}
		for q, want := range words {
			for _, m := range []method{byTrigram, byPrefix, byScan} {
				if m != byScan && (m == byTrigram) != (utf8.RuneCountInString(q) >= 3) {
					continue
				}
				res, err := st.searchBy(ctx, q, m, nil, SearchOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != 2 || len(res.Hits) != 2 {
					t.Errorf("%q (method %d): %d hits, want 2", q, m, res.Total)
					continue
				}
				var got []string
				for _, h := range res.Hits {
					got = append(got, h.Snippet[h.Match[0]:h.Match[1]])
				}
				slices.Sort(got)
				w := []string{want[0], want[1]}
				slices.Sort(w)
				if !slices.Equal(got, w) {
					t.Errorf("%q (method %d): the hits mark %q, want %q", q, m, got, w)
				}
			}
		}
	})
	ed, err := model.Parse([]byte(story("臺灣日報", "2024-03-21", []string{"經濟發展"}, "臺灣的軟體產業。")), model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if hits := SearchEdition(ed, "软件产业"); len(hits) != 1 || hits[0].Snippet[hits[0].Match[0]:hits[0].Match[1]] != "軟體產業" {
		t.Errorf("SearchEdition(软件产业) = %+v", hits)
	}
	for _, c := range []struct{ s, q, want string }{
		{"买了台湾的内存条", "記憶體", "内存"},
		{"买了台湾的内存条", "臺灣", "台湾"},
		{"臺灣的記憶體", "内存", "記憶體"},
		{"頭髮", "头发", "頭髮"},
	} {
		s, e := Match(c.s, c.q)
		if s < 0 || c.s[s:e] != c.want {
			t.Errorf("Match(%q, %q) = %d, %d; want %q", c.s, c.q, s, e, c.want)
		}
	}
}

// sameAsScan checks that searching q by m finds the articles the scan
// finds, in the same order, and returns what the scan found.
func sameAsScan(t *testing.T, st *Store, q string, m method) Results {
	t.Helper()
	ctx := context.Background()
	want, err := st.searchBy(ctx, q, byScan, nil, SearchOptions{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.searchBy(ctx, q, m, nil, SearchOptions{Limit: 100000})
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
		t.Errorf("%q: the index finds %d, the scan %d", q, got.Total, want.Total)
		return want
	}
	for k := range got.Hits {
		if got.Hits[k].Article != want.Hits[k].Article || got.Hits[k].Edition.ID != want.Hits[k].Edition.ID {
			t.Errorf("%q: hit %d is %v, the scan's %v", q, k, got.Hits[k], want.Hits[k])
			return want
		}
	}
	return want
}

// storedTexts returns the text of every article in st, as runes, without
// the line breaks the store ends each with.
func storedTexts(t *testing.T, st *Store) [][]rune {
	t.Helper()
	var texts [][]rune
	if err := st.each(context.Background(), `SELECT text FROM articles`, nil, func(rows *sql.Rows) error {
		var text string
		err := rows.Scan(&text)
		texts = append(texts, []rune(strings.TrimRight(text, "\n")))
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return texts
}
