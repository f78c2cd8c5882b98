package library

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/model"
)

// A new store on disk has large pages and gives freed pages back (see
// openFile), and its search index keeps no positions and merges only when
// asked.
func TestNewStoreLayout(t *testing.T) {
	st := openTest(t, t.TempDir(), nil)
	var page, vacuum, automerge int
	var sqlText string
	st.db.QueryRow("PRAGMA page_size").Scan(&page)
	st.db.QueryRow("PRAGMA auto_vacuum").Scan(&vacuum)
	st.db.QueryRow(`SELECT v FROM articles_fts_config WHERE k = 'automerge'`).Scan(&automerge)
	st.db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'articles_fts'`).Scan(&sqlText)
	if page != pageSize || vacuum != 2 {
		t.Errorf("page_size %d, auto_vacuum %d; want %d, 2 (incremental)", page, vacuum, pageSize)
	}
	if automerge != 0 || !strings.Contains(sqlText, "detail=none") || !strings.Contains(sqlText, "columnsize=0") {
		t.Errorf("search index automerge %d, made by %q", automerge, sqlText)
	}
}

// An import in many batches leaves the index merged and the file without
// free pages: the pages of the segments merged are given back.
func TestImportLeavesNoFreePages(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 40, 3)
	data := t.TempDir()
	st := openTest(t, data, nil)
	openWait(t, st, dir)
	var free int
	st.db.QueryRow("PRAGMA freelist_count").Scan(&free)
	if free != 0 {
		t.Errorf("%d free pages after the import", free)
	}
	st.Close()
	checkStore(t, data)
}

// A store at schema version 6, whose index kept positions, is migrated to
// an index without them that still answers every kind of query, and keeps
// the reading state.
func TestMigratesFrom6ToAnIndexWithoutPositions(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := migrateTo(ctx, db, 6); err != nil {
		t.Fatal(err)
	}
	for i, text := range []string{"\n推动高质量发展\n\n\n\n\n长江禁渔令\n\n", "\n质量发生变化\n\n\n\n\n数量发展\n\n"} {
		key, _ := articleKey("2024-03-19", 7, i)
		_, err := db.Exec(`INSERT INTO articles (id, edition, aid, section, seq, headline, text) VALUES (?, 7, ?, 1, ?, 'x', ?);
			INSERT INTO articles_fts (rowid, text) VALUES (?, ?)`, key, "1-"+string(rune('1'+i)), i, text, key, text)
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = db.Exec(`INSERT INTO editions (id, path, hash, size, mtime, date, title, articles, parser)
			VALUES (7, '/old/2024-03-19.txt', 'abc', 1, 1, '2024-03-19', '海门日报', 2, 'old');
		INSERT INTO bookmarks (edition, aid, headline, at) VALUES (7, '1-2', 'x', 1)`)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	st := checkStore(t, dir)
	var sqlText string
	st.db.QueryRow(`SELECT sql FROM sqlite_master WHERE name = 'articles_fts'`).Scan(&sqlText)
	if !strings.Contains(sqlText, "detail=none") {
		t.Errorf("index after migration: %q", sqlText)
	}
	for q, want := range map[string]string{"质量发展": "1-1", "数量发": "1-2", "禁渔": "1-1", "渔": "1-1", "数量发展": "1-2"} {
		res, err := st.Search(ctx, q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 1 || len(res.Hits) != 1 || res.Hits[0].Article != want {
			t.Errorf("%q after migration: %+v, want %s alone", q, res, want)
		}
	}
	if marks, err := st.Bookmarks(ctx); err != nil || len(marks) != 1 {
		t.Errorf("bookmarks after migration: %v, %v", marks, err)
	}
}

// Queries of four or more characters are looked up as every trigram in
// them, which an article may hold without holding the query; the text
// decides. Random queries agree with the scan, hit for hit and in order,
// and an article holding every trigram of a query apart is not a hit.
func TestSearchLongQueriesThroughTheIndex(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 12, 9)
	writeFile(t, dir, "2025-01-01-x.txt", story("海门日报", "2025-01-01", []string{"标题甲", "标题乙"},
		"推动质量发生变化，促进数量发展。"))
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	openWait(t, st, dir)
	res, err := st.searchBy(ctx, "质量发展", byTrigram, nil, SearchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range res.Hits {
		if strings.Contains(h.Snippet, "数量发展") {
			t.Errorf("质量发展 finds %s, which holds its trigrams apart: %q", h.Article, h.Snippet)
		}
	}
	texts := storedTexts(t, st)
	rng := rand.New(rand.NewPCG(9, 13))
	queries := []string{"质量发展", "数量发展", "质量发生变化", "Hello World"}
	for i := 0; i < 200; i++ {
		text := texts[rng.IntN(len(texts))]
		n := 4 + i%5
		if len(text) <= n {
			continue
		}
		at := rng.IntN(len(text) - n + 1)
		q := []rune(string(text[at : at+n]))
		if i%4 == 3 {
			// Two pieces put together: trigrams that are there, maybe
			// not side by side.
			other := texts[rng.IntN(len(texts))]
			if len(other) > 3 {
				j := rng.IntN(len(other) - 3)
				q = append(q[:2], other[j:j+3]...)
			}
		}
		if s := string(q); !strings.ContainsAny(s, "\n") && strings.TrimSpace(s) == s {
			queries = append(queries, s)
		}
	}
	for _, q := range queries {
		if methodFor(q) != byTrigram || utf8.RuneCountInString(q) < 4 {
			continue
		}
		want := sameAsScan(t, st, q, byTrigram)
		// A page further on is the same slice of the hits.
		if want.Total > 3 {
			page, err := st.searchBy(ctx, q, byTrigram, nil, SearchOptions{Offset: 2, Limit: 2})
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != want.Total || len(page.Hits) != 2 || page.Hits[0].Article != want.Hits[2].Article {
				t.Errorf("%q: page at 2 is %+v", q, page)
			}
		}
	}
}

// The headline column is left empty when the text's headline line holds
// the title; search hits and bookmarks read it back from there, and an
// article without a headline keeps its title in the column.
func TestHeadlineReadBackFromText(t *testing.T) {
	parse := func(data []byte, opt model.Options) (*model.Edition, error) {
		return &model.Edition{Title: "海门日报", Date: "2024-03-19", Sections: []model.Section{{Index: 1, Name: "要闻", Articles: []model.Article{
			{ID: "1-1", Headline: "落实长江禁渔令", Body: []model.Block{{Text: "执法人员走访农贸市场。"}}},
			{ID: "1-2", Body: []model.Block{{Text: "无题的短讯走访农贸市场。"}}},
		}}}}, nil
	}
	st, err := Open(Options{Dir: t.TempDir(), Parse: parse})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	e, err := st.Embed(ctx, "x", "x", []byte("x"))
	if err != nil {
		t.Fatal(err)
	}
	ed, _ := parse(nil, model.Options{})
	want := map[string]string{}
	for _, a := range ed.Sections[0].Articles {
		want[a.ID] = a.Title()
	}
	var stored string
	st.db.QueryRow(`SELECT group_concat(headline, '|') FROM (SELECT headline FROM articles ORDER BY id DESC)`).Scan(&stored)
	if stored != "|"+want["1-2"] {
		t.Errorf("headline column %q, want empty for 1-1 and %q for 1-2", stored, want["1-2"])
	}
	res, err := st.Search(ctx, "农贸市场", SearchOptions{})
	if err != nil || len(res.Hits) != 2 {
		t.Fatalf("search: %+v, %v", res, err)
	}
	for _, h := range res.Hits {
		if h.Headline != want[h.Article] {
			t.Errorf("hit %s headline %q, want %q", h.Article, h.Headline, want[h.Article])
		}
		if _, err := st.ToggleBookmark(ctx, e.ID, h.Article); err != nil {
			t.Fatal(err)
		}
	}
	marks, err := st.Bookmarks(ctx)
	if err != nil || len(marks) != 2 {
		t.Fatalf("bookmarks: %v, %v", marks, err)
	}
	for _, b := range marks {
		if b.Headline != want[b.Article] {
			t.Errorf("bookmark %s headline %q, want %q", b.Article, b.Headline, want[b.Article])
		}
	}
	var saved string
	st.db.QueryRow(`SELECT group_concat(headline, '|') FROM (SELECT headline FROM bookmarks ORDER BY aid)`).Scan(&saved)
	if saved != want["1-1"]+"|"+want["1-2"] {
		t.Errorf("bookmarks saved headlines %q", saved)
	}
}

// The search index is filled from the articles in row ID order, which
// makes one index segment of a batch, and without sorting their texts: the
// sort held every text twice more, three copies of an article of 50 MB at
// once. The plan may sort the row IDs (inside the materialized list) but
// nothing at the top level, where the texts are read.
func TestIndexFillSortsOnlyRowIDs(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 6, 11)
	st := openTest(t, t.TempDir(), nil)
	openWait(t, st, dir)
	var ids []int64
	err := st.each(context.Background(), `SELECT id FROM editions`, nil, func(rows *sql.Rows) error {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	if err != nil || len(ids) < 2 {
		t.Fatalf("editions %v: %v", ids, err)
	}
	slices.Reverse(ids) // an order the rows must not follow
	rows, err := st.db.Query(`EXPLAIN QUERY PLAN `+fillIndex, jsonArray(ids), "[]")
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, fmt.Sprintf("%d<-%d %s", id, parent, detail))
		if parent == 0 && strings.Contains(detail, "TEMP B-TREE") {
			t.Errorf("the fill sorts the rows it reads the texts of: %s", detail)
		}
	}
	rows.Close()
	var got []int64
	err = st.each(context.Background(), indexRows, []any{jsonArray(ids), "[]"}, func(rows *sql.Rows) error {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return err
		}
		got = append(got, id)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var want int
	st.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&want)
	if len(got) != want || !slices.IsSorted(got) {
		t.Errorf("the fill reads %d rows (of %d), sorted %v; plan:\n%s", len(got), want, slices.IsSorted(got), strings.Join(plan, "\n"))
	}
}
