package library

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"dubao/seeds"
)

// randomHan returns n characters drawn from the CJK Unified Ideographs
// block by a generator seeded with seed: text in which nearly every
// trigram is new, the worst case for the search index.
func randomHan(n int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, seed))
	var b strings.Builder
	b.Grow(3 * n)
	for range n {
		b.WriteRune(rune(0x4e00 + r.IntN(0x9fa5-0x4e00)))
	}
	return b.String()
}

// checkPieces checks that pieces(text) are at most pieceBytes each, cut at
// characters, that each starts pieceOverlap characters before the end of
// the one before, and that together they are text.
func checkPieces(t *testing.T, text string) {
	t.Helper()
	ps := pieces(text)
	var rebuilt strings.Builder
	for i, p := range ps {
		if len(p) > pieceBytes || (p == "" && text != "") || !utf8.ValidString(p) && utf8.ValidString(text) {
			t.Fatalf("piece %d of %d: %d bytes, valid %v", i, len(ps), len(p), utf8.ValidString(p))
		}
		if i == 0 {
			rebuilt.WriteString(p)
			continue
		}
		prev := ps[i-1]
		overlap := len(prev)
		for range pieceOverlap {
			_, size := utf8.DecodeLastRuneInString(prev[:overlap])
			overlap -= size
		}
		if !strings.HasPrefix(p, prev[overlap:]) {
			t.Fatalf("piece %d does not start with the last %d characters of piece %d", i, pieceOverlap, i-1)
		}
		rebuilt.WriteString(p[len(prev)-overlap:])
	}
	if rebuilt.String() != text {
		t.Fatalf("the %d pieces of a text of %d bytes make %d bytes", len(ps), len(text), rebuilt.Len())
	}
}

func TestPieces(t *testing.T) {
	han := randomHan(pieceBytes, 1) // three pieces' worth, in 3-byte characters
	for _, text := range []string{
		"",
		"短文",
		strings.Repeat("a", pieceBytes),
		strings.Repeat("a", pieceBytes+1),
		strings.Repeat("a", 3*pieceBytes+7),
		han,
		"a" + han, // cuts fall in the middle of characters
		"ab" + han,
		strings.Repeat("é", pieceBytes) + han,
	} {
		checkPieces(t, text)
	}
	if n := len(pieces(han)); n != 4 {
		t.Errorf("%d bytes in %d pieces, want 4", len(han), n)
	}
}

func FuzzPieces(f *testing.F) {
	f.Add("短文", 0)
	f.Add("ab", pieceBytes)
	f.Fuzz(func(t *testing.T, s string, n int) {
		// Long texts from short inputs: s repeated to about n bytes.
		if n = n % (3 * pieceBytes); n > len(s) && s != "" {
			s = strings.Repeat(s, n/len(s)+1)
		}
		checkPieces(t, s)
	})
}

// A story longer than a piece is found by every query, wherever it falls
// against the cut between pieces, and once; changed, its old text is no
// longer found; removed, nothing of it is. The search index's own check
// (in checkStore) finds the index as the texts say after each, which it
// would not if a piece were left behind.
func TestLongStorySearch(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes megabytes")
	}
	ctx := context.Background()
	shelf, data := t.TempDir(), t.TempDir()
	body := randomHan(pieceBytes/3+1000, 7) // two pieces
	path := writeFile(t, shelf, "2024-05-01.txt", story("长报", "2024-05-01", []string{"长文"}, body))
	st := openTest(t, data, nil)
	sh := openWait(t, st, shelf)
	var text string
	if err := st.db.QueryRow(`SELECT text FROM articles`).Scan(&text); err != nil {
		t.Fatal(err)
	}
	ps := pieces(text)
	if len(ps) < 2 {
		t.Fatalf("the story's %d bytes make %d pieces", len(text), len(ps))
	}
	// Queries around every cut, where piece i ends: the next piece starts
	// two characters before it (six bytes of the body's characters).
	var queries, gone []string
	start := 0
	for _, p := range ps[:len(ps)-1] {
		end := start + len(p)
		around := []rune(text[end-12 : end+12]) // four characters either side
		if len(around) != 8 {
			t.Fatalf("the cut at byte %d is not among the body's characters", end)
		}
		for s := 1; s <= 4; s++ { // the last trigram before the cut, the two across it, the first after
			queries = append(queries, string(around[s:s+3]))
		}
		queries = append(queries, string(around[4:5]), string(around[3:5]), string(around[1:6]))
		gone = append(gone, string(around[1:7]))
		start = end - 6
	}
	search := func(q string) int {
		res, err := sh.Search(ctx, q, SearchOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	for _, q := range queries {
		if n := search(q); n != 1 {
			t.Errorf("%q across a cut: %d stories, want 1", q, n)
		}
	}
	sh.Close()
	st.Close()

	// Changed: the old text's phrases go, the new one's come.
	st = openTest(t, data, nil)
	writeFile(t, shelf, "2024-05-01.txt", story("长报", "2024-05-01", []string{"长文"}, randomHan(pieceBytes/3+1000, 8)))
	setMtime(t, path, 2e9)
	sh = openWait(t, st, shelf)
	for _, q := range gone {
		if n := search(q); n != 0 {
			t.Errorf("%q of the old text: %d stories, want 0", q, n)
		}
	}
	sh.Close()
	st.Close()
	checkStore(t, data).Close()

	// Removed.
	removeAndCheck(t, data, shelf, path)
}

// removeAndCheck removes the edition file at path, the only one of the
// shelf folder, lets a store in data see it gone, and checks that the
// search index holds nothing and agrees with the texts.
func removeAndCheck(t *testing.T, data, shelf, path string) {
	t.Helper()
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	st := openTest(t, data, nil)
	openWait(t, st, shelf).Close()
	st.Close()
	st = checkStore(t, data)
	var terms int
	st.db.QueryRow(`SELECT count(*) FROM articles_fts_vocab`).Scan(&terms)
	if terms != 0 {
		t.Errorf("%d trigrams left in the index after the only story went", terms)
	}
}

// Indexing a story of 3 MB in which nearly every trigram is new takes
// about the memory of indexing 3 MB of a story that repeats itself (the
// seed's text, over and over): FTS5 held all 1 million distinct trigrams of
// the one insert at once, about 100 bytes each, where the pieces hold a
// quarter megabyte's. Each is measured in a process of its own; the bound
// is generous (the random story takes about 1.7 times the other's peak,
// and took 10 times before) so that the collector's timing, or the race
// detector's shadow memory, cannot fail it.
func TestLongStoryMemory(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc here")
	}
	if testing.Short() {
		t.Skip("indexes megabytes")
	}
	peak := func(text string) float64 {
		shelf := t.TempDir()
		if err := os.WriteFile(filepath.Join(shelf, "2024-05-02.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return peakMB(t, "import", shelf, t.TempDir())
	}
	random := randomHan(1<<20, 3)
	line := strings.ReplaceAll(string(seeds.Default), "\n", "")
	repeated := strings.Repeat(line, len(random)/len(line)+1)[:len(random)]
	for !utf8.ValidString(repeated) {
		repeated = repeated[:len(repeated)-1]
	}
	r, p := peak(random), peak(repeated)
	t.Logf("indexing %.1f MB: peak %.0f MB with every trigram new, %.0f MB repeating itself", float64(len(random))/(1<<20), r, p)
	if r > 3*p {
		t.Errorf("a story of new trigrams took %.0f MB, %.1f times one that repeats itself", r, r/p)
	}
}

// A store at schema version 7 indexed a long story whole; migrated to 8,
// the story is taken out of the index a piece at a time when its file
// goes, which leaves nothing of it behind either.
func TestMigratesFrom7LongStoryIndexedWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes megabytes")
	}
	data, shelf := t.TempDir(), t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(data, FileName))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := migrateTo(ctx, db, 7); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, shelf, "2024-05-01.txt", "x")
	text := "\n长文\n\n\n\n\n" + randomHan(pieceBytes/3+1000, 9) + "\n\n"
	key, _ := articleKey("2024-05-01", 1, 0)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`INSERT INTO editions (id, path, hash, size, mtime, date, title, articles, parser)
			VALUES (1, ?, 'abc', 1, 1, '2024-05-01', '长报', 1, 'old')`, []any{path}},
		{`INSERT INTO articles (id, edition, aid, section, seq, headline, text) VALUES (?, 1, '1-1', 1, 0, '', ?)`, []any{key, text}},
		{`INSERT INTO articles_fts (rowid, text) VALUES (?, ?)`, []any{key, text}}, // whole, as version 7 did
	} {
		if _, err := db.Exec(q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	removeAndCheck(t, data, shelf, path)
}
