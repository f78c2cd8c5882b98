package library

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dubao/model"
	"dubao/script"
)

// Snippet size, in characters: the snippet shows up to snippetBefore
// characters before the match and fills up to snippetRunes in all.
const (
	snippetRunes  = 60
	snippetBefore = 16
)

// DefaultLimit is the page size of a search when SearchOptions.Limit is 0.
const DefaultLimit = 50

// SearchOptions page through search results.
type SearchOptions struct {
	// Limit is the most hits to return; 0 means DefaultLimit.
	Limit int
	// Offset skips that many hits first.
	Offset int
}

// Results are one page of search hits.
type Results struct {
	// Hits are the matching articles, newest edition first, then in
	// reading order.
	Hits []Hit
	// Total counts every matching article, of which Hits is a page.
	Total int
}

// Hit is an article that matched a search.
type Hit struct {
	// Edition is the edition the article is in (zero for SearchEdition).
	Edition Edition
	// Article is the article's ID in the edition, "S-N".
	Article string
	// Headline is the article's headline (model.Article.Title).
	Headline string
	// Snippet is a line of the article's text around the first match, cut
	// with "…" where the line goes on.
	Snippet string
	// Match is the byte range of the match in Snippet, for the caller to
	// style.
	Match [2]int
	// Block is the index in the article's Body of the block holding the
	// match, or -1 when the match is in the headline stack or byline.
	Block int
	// Offset is the byte offset of the match in that block's text (for
	// Block -1, in the headline-stack line that holds it).
	Offset int
}

// Search finds the articles, in every edition in the store, whose headline
// stack, byline or body contains query, ignoring case. Queries of three or
// more characters use the trigram index; shorter ones (such as 禁渔) look up
// the index's trigrams that start with them, and scan the stored text only
// when a single character starts too many.
func (st *Store) Search(ctx context.Context, query string, opt SearchOptions) (Results, error) {
	return st.search(ctx, query, nil, opt)
}

// Search is Store.Search limited to the shelf's editions.
func (sh *Shelf) Search(ctx context.Context, query string, opt SearchOptions) (Results, error) {
	sh.mu.Lock()
	ids := make([]int64, 0, len(sh.list))
	for _, e := range sh.list {
		if e.ID != 0 {
			ids = append(ids, e.ID)
		}
	}
	sh.mu.Unlock()
	return sh.st.search(ctx, query, ids, opt)
}

// search runs query over the editions in scope (all when scope is nil).
func (st *Store) search(ctx context.Context, query string, scope []int64, opt SearchOptions) (Results, error) {
	query = strings.TrimSpace(oneLine(query))
	return st.searchBy(ctx, query, methodFor(query), scope, opt)
}

// method is how a search finds its matches.
type method int

const (
	byTrigram method = iota // the FTS5 trigram index; needs three or more characters
	byPrefix                // the trigrams that start with the query, for one or two characters
	byScan                  // reading every article's stored text
)

// maxPrefixTerms is the most trigrams a one- or two-character query is
// looked up as; a commoner query (a single common character) scans.
const maxPrefixTerms = 4000

// maxWidthVariants is the most spellings of a query the trigram index is
// asked for: a query with more punctuation than this (2^4 spellings) scans.
const maxWidthVariants = 16

// methodFor picks the trigram index for queries it can answer, else a scan.
func methodFor(query string) method {
	n := utf8.RuneCountInString(query)
	switch {
	case len(widthVariants(query)) > maxWidthVariants:
		return byScan
	case n >= 3:
		return byTrigram
	case n >= 1 && !hasCasedNonASCII(query):
		// The index folds case by its own Unicode tables; looking terms up
		// by prefix needs the query folded the same way, which only ASCII
		// letters surely are.
		return byPrefix
	}
	return byScan
}

// hasCasedNonASCII reports whether s holds a letter outside ASCII that has
// other cases.
func hasCasedNonASCII(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.SimpleFold(r) != r {
			return true
		}
	}
	return false
}

func (st *Store) searchBy(ctx context.Context, query string, m method, scope []int64, opt SearchOptions) (Results, error) {
	if query == "" || (scope != nil && len(scope) == 0) {
		return Results{}, nil
	}
	if opt.Limit <= 0 {
		opt.Limit = DefaultLimit
	}
	// Articles of removed editions are deleted, so no scope means every
	// article in the store.
	inScope, args := "1", []any{}
	if scope != nil {
		all, err := st.coversStore(ctx, scope)
		if err != nil {
			return Results{}, err
		}
		if all {
			scope = nil
		}
	}
	if scope != nil {
		inScope, args = keyEdition("rowid")+" IN (SELECT value FROM json_each(?))", []any{jsonArray(scope)}
	}
	var res Results
	var err error
	switch m {
	case byTrigram, byPrefix:
		var terms []string
		var exact bool
		if terms, exact, err = st.queryTerms(ctx, query); err == nil && len(terms) > maxPrefixTerms {
			res, err = st.scan(ctx, query, inScope, args, opt)
			break
		}
		switch {
		case err != nil || len(terms) == 0:
		case exact:
			res, err = st.searchIndex(ctx, query, terms, inScope, args, opt)
		default:
			res, err = st.searchChecked(ctx, query, terms, inScope, args, opt)
		}
	default:
		res, err = st.scan(ctx, query, inScope, args, opt)
	}
	if err != nil || len(res.Hits) == 0 {
		return res, err
	}
	return res, st.fillEditions(ctx, res.Hits)
}

// coversStore reports whether the editions scope holds every edition in
// the store that has articles, as a library shelf's does: a search of that
// scope then need not test each match's edition against the list, which
// for thousands of editions takes longer than the search.
//
// The check is made in Go: SQLite would build an index of the list for
// NOT IN, which takes longer than reading the editions' IDs.
func (st *Store) coversStore(ctx context.Context, scope []int64) (bool, error) {
	in := make(map[int64]bool, len(scope))
	for _, id := range scope {
		in[id] = true
	}
	all := true
	err := st.each(ctx, `SELECT id FROM editions WHERE gone = 0 AND articles > 0`, nil, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		all = all && in[id]
		return err
	})
	return all, err
}

// queryTerms are the FTS5 queries the index is asked for, OR-ed: the
// query in each script (script.Spellings: 发展 and 發展, 软件 and 軟體),
// since the index holds the text as printed. A spelling of three or more
// characters is looked up by its trigrams, a shorter one by the trigrams
// that start with it. exact says every article the terms find holds a
// spelling; a spelling of more than three characters finds a superset
// (see trigramPhrases), which searchChecked narrows.
func (st *Store) queryTerms(ctx context.Context, query string) (terms []string, exact bool, err error) {
	exact = true
	for _, sp := range script.Spellings(query) {
		if n := utf8.RuneCountInString(sp); n >= 3 {
			terms = append(terms, trigramPhrases(sp)...)
			exact = exact && n == 3
			continue
		}
		more, err := st.prefixTerms(ctx, sp)
		if err != nil {
			return nil, false, err
		}
		if terms = append(terms, more...); len(terms) > maxPrefixTerms {
			break
		}
	}
	return terms, exact, nil
}

// trigramPhrases are the FTS5 queries a query of three or more
// characters is looked up as, one for each spelling of its punctuation (，
// or ,), since the index holds the text as stored: the article must hold
// every trigram of it. The index does not keep where an article holds a
// trigram (detail=none), so for more than three characters that is a
// superset of the articles holding the query, which searchChecked narrows.
func trigramPhrases(query string) []string {
	var phrases []string
	for _, v := range widthVariants(query) {
		r := []rune(v)
		var terms []string
		for i := 0; i+3 <= len(r); i++ {
			if t := ftsPhrase(string(r[i : i+3])); !slices.Contains(terms, t) {
				terms = append(terms, t)
			}
		}
		phrases = append(phrases, "("+strings.Join(terms, " AND ")+")")
	}
	return phrases
}

// ftsPhrase quotes s as an FTS5 phrase.
func ftsPhrase(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// prefixTerms returns, as FTS5 phrases, the trigrams of the index that
// start with a one- or two-character query, in each spelling of its
// punctuation. Every character of an article's text starts a trigram (see
// articleText), so an article holds the query exactly when it holds one of
// them.
func (st *Store) prefixTerms(ctx context.Context, query string) ([]string, error) {
	var terms []string
	for _, v := range widthVariants(query) {
		// The index folds ASCII letters to lower case (methodFor keeps
		// other cased letters from coming here).
		prefix := strings.ToLower(v)
		err := st.each(ctx, `SELECT term FROM articles_fts_vocab WHERE term >= ? AND term < ?`,
			[]any{prefix, prefix + string(utf8.MaxRune)}, func(rows *sql.Rows) error {
				var t string
				err := rows.Scan(&t)
				terms = append(terms, ftsPhrase(t))
				return err
			})
		if err != nil || len(terms) > maxPrefixTerms {
			return terms, err
		}
	}
	return terms, nil
}

// searchIndex answers query from the trigram index, looked up as any of
// phrases: the count of matches, then the page, read in row ID order
// (newest first) so it stops after the page.
func (st *Store) searchIndex(ctx context.Context, query string, phrases []string, inScope string, args []any, opt SearchOptions) (Results, error) {
	args = append([]any{strings.Join(phrases, " OR ")}, args...)
	// The count and the page are two passes over the index, each on a
	// connection of its own, at once: on more than one core that takes
	// the time of one.
	var res Results
	var countErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		countErr = st.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND `+inScope, args...).Scan(&res.Total)
	})
	var page []int64
	err := st.each(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND `+inScope+
		` ORDER BY rowid DESC LIMIT ? OFFSET ?`, append(slices.Clip(args), opt.Limit, opt.Offset), func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		page = append(page, id)
		return err
	})
	wg.Wait()
	if err = cmp.Or(err, countErr); err != nil {
		return Results{}, err
	}
	res.Hits, err = st.pageHits(ctx, page, query)
	return res, err
}

// searchChecked answers query from the articles the trigram index finds
// for phrases, each checked against its text: the count of those that hold
// query, and the page of them, newest first.
func (st *Store) searchChecked(ctx context.Context, query string, phrases []string, inScope string, args []any, opt SearchOptions) (Results, error) {
	args = append([]any{strings.Join(phrases, " OR ")}, args...)
	var candidates []int64
	err := st.each(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND `+inScope, args, func(rows *sql.Rows) error {
		var id int64
		err := rows.Scan(&id)
		candidates = append(candidates, id)
		return err
	})
	if err != nil || len(candidates) == 0 {
		return Results{}, err
	}
	// Match folds case, punctuation width and script, and finds every
	// spelling; a query that needs none of that is a plain byte search.
	fold := needsFold(query) || len(script.Spellings(query)) > 1
	needle := []byte(query)
	var found []int64
	err = st.each(ctx, `SELECT id, text FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
		[]any{jsonArray(candidates)}, func(rows *sql.Rows) error {
			var id int64
			var text sql.RawBytes
			if err := rows.Scan(&id, &text); err != nil {
				return err
			}
			if fold {
				if i, _ := Match(string(text), query); i < 0 {
					return nil
				}
			} else if !bytes.Contains(text, needle) {
				return nil
			}
			found = append(found, id)
			return nil
		})
	if err != nil {
		return Results{}, err
	}
	res := Results{Total: len(found)}
	if opt.Offset >= len(found) {
		return res, nil
	}
	slices.SortFunc(found, func(a, b int64) int { return cmp.Compare(b, a) })
	res.Hits, err = st.pageHits(ctx, found[opt.Offset:min(len(found), opt.Offset+opt.Limit)], query)
	return res, err
}

// pageHits returns the hits for the articles with row IDs page, newest
// first, with snippets.
func (st *Store) pageHits(ctx context.Context, page []int64, query string) ([]Hit, error) {
	var hits []Hit
	err := st.each(ctx, `SELECT edition, aid, headline, text FROM articles
		WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`, []any{jsonArray(page)}, func(rows *sql.Rows) error {
		var h Hit
		var text string
		if err := rows.Scan(&h.Edition.ID, &h.Article, &h.Headline, &text); err != nil {
			return err
		}
		if h.Headline == "" {
			h.Headline = textHeadline(text)
		}
		locate(&h, text, query)
		hits = append(hits, h)
		return nil
	})
	return hits, err
}

// scan answers query by reading every article in scope and looking for
// query in Go, which is several times faster than SQLite's instr or LIKE on
// CJK text. It splits the articles into one range of row IDs per core, scans
// them at once, and counts every match.
func (st *Store) scan(ctx context.Context, query, inScope string, args []any, opt SearchOptions) (Results, error) {
	var lo, hi sql.NullInt64
	if err := st.db.QueryRowContext(ctx, `SELECT min(id), max(id) FROM articles`).Scan(&lo, &hi); err != nil || !lo.Valid {
		return Results{}, err
	}
	parts := make([]scanPart, runtime.GOMAXPROCS(0))
	step := (hi.Int64-lo.Int64)/int64(len(parts)) + 1
	var wg sync.WaitGroup
	for i := range parts {
		// Part 0 holds the highest row IDs: the newest articles.
		top := hi.Int64 - int64(i)*step
		wg.Go(func() {
			parts[i] = st.scanRange(ctx, query, top-step+1, top, inScope, args, opt.Offset+opt.Limit)
		})
	}
	wg.Wait()
	var res Results
	var ids []int64
	for _, p := range parts {
		if p.err != nil {
			return Results{}, p.err
		}
		res.Total += p.count
		ids = append(ids, p.first...)
	}
	if opt.Offset >= len(ids) {
		return res, nil
	}
	var err error
	res.Hits, err = st.pageHits(ctx, ids[opt.Offset:min(len(ids), opt.Offset+opt.Limit)], query)
	return res, err
}

// scanPart is what scanning one range of articles found: how many match,
// and the row IDs of the first (newest) ones.
type scanPart struct {
	count int
	first []int64
	err   error
}

// scanRange scans the articles in scope with row IDs from lo to hi, newest
// first, keeping the IDs of the first keep matches.
func (st *Store) scanRange(ctx context.Context, query string, lo, hi int64, inScope string, args []any, keep int) scanPart {
	rows, err := st.db.QueryContext(ctx, `SELECT id, text FROM articles WHERE id BETWEEN ? AND ? AND `+
		strings.ReplaceAll(inScope, "rowid", "id")+` ORDER BY id DESC`, append([]any{lo, hi}, args...)...)
	if err != nil {
		return scanPart{err: err}
	}
	defer rows.Close()
	// Match folds case, punctuation width and script, and finds every
	// spelling; a query that needs none of that is a plain byte search.
	fold := needsFold(query) || len(script.Spellings(query)) > 1
	needle := []byte(query)
	var p scanPart
	for rows.Next() {
		var id int64
		var text sql.RawBytes
		if err := rows.Scan(&id, &text); err != nil {
			return scanPart{err: err}
		}
		if fold {
			if i, _ := Match(string(text), query); i < 0 {
				continue
			}
		} else if !bytes.Contains(text, needle) {
			continue
		}
		p.count++
		if len(p.first) < keep {
			p.first = append(p.first, id)
		}
	}
	p.err = rows.Err()
	return p
}

// needsFold reports whether s holds a letter with upper and lower case
// forms, for which a search must ignore case, punctuation with a
// half-width and a full-width form, for which it must ignore the width, or
// a Chinese character written otherwise in the other script, for which it
// must ignore the script.
func needsFold(s string) bool {
	for _, r := range s {
		if unicode.SimpleFold(r) != r || otherWidth(r) != r || script.Orbit(r) != nil {
			return true
		}
	}
	return false
}

// fullWidthOffset is the distance from an ASCII character to its
// full-width form (, U+002C and ， U+FF0C).
const fullWidthOffset = 0xFEE0

// otherWidth returns the full-width form of ASCII punctuation, the ASCII
// form of full-width punctuation, and any other rune unchanged. The
// typesetter shows a stored , between Chinese characters as ，, so a reader
// types what they see and must find what is stored, and the other way round.
func otherWidth(r rune) rune {
	switch {
	case r > ' ' && r <= '~' && (unicode.IsPunct(r) || unicode.IsSymbol(r)):
		return r + fullWidthOffset
	case r > ' '+fullWidthOffset && r <= '~'+fullWidthOffset:
		if a := r - fullWidthOffset; unicode.IsPunct(a) || unicode.IsSymbol(a) {
			return a
		}
	}
	return r
}

// widthVariants returns query spelt with each combination of half- and
// full-width punctuation, query itself first. It stops growing once there
// are more than maxWidthVariants.
func widthVariants(query string) []string {
	variants := [][]rune{[]rune(query)}
	for i, r := range variants[0] {
		o := otherWidth(r)
		if o == r || len(variants) > maxWidthVariants {
			continue
		}
		for _, v := range variants {
			w := slices.Clone(v)
			w[i] = o
			variants = append(variants, w)
		}
	}
	out := make([]string, len(variants))
	for i, v := range variants {
		out[i] = string(v)
	}
	return out
}

// fillEditions replaces each hit's Edition (holding only its ID) by the
// stored edition.
func (st *Store) fillEditions(ctx context.Context, hits []Hit) error {
	eds := map[int64]Edition{}
	for _, h := range hits {
		eds[h.Edition.ID] = Edition{}
	}
	if err := st.editionsByID(ctx, eds); err != nil {
		return err
	}
	for i := range hits {
		hits[i].Edition = eds[hits[i].Edition.ID]
	}
	return nil
}

// editionsByID fills m (keyed by edition ID) with the stored editions.
func (st *Store) editionsByID(ctx context.Context, m map[int64]Edition) error {
	ids := make([]int64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	var list []Edition
	err := st.each(ctx, `SELECT `+editionCols("")+` FROM editions WHERE id IN (SELECT value FROM json_each(?))`,
		[]any{jsonArray(ids)}, func(rows *sql.Rows) error {
			e, err := scanEdition(rows)
			list = append(list, e)
			return err
		})
	if err != nil {
		return err
	}
	if err := st.annotate(ctx, list); err != nil {
		return err
	}
	for _, e := range list {
		m[e.ID] = e
	}
	return nil
}

// SearchEdition finds the articles of ed that contain query, ignoring case,
// in reading order, with the same snippets and positions as Search. It reads
// no store.
func SearchEdition(ed *model.Edition, query string) []Hit {
	query = strings.TrimSpace(oneLine(query))
	if query == "" {
		return nil
	}
	var hits []Hit
	for si := range ed.Sections {
		for ai := range ed.Sections[si].Articles {
			a := &ed.Sections[si].Articles[ai]
			h := Hit{Article: a.ID, Headline: oneLine(a.Title())}
			if locate(&h, articleText(a), query) {
				hits = append(hits, h)
			}
		}
	}
	return hits
}

// locate finds the first match of query in text (an articleText) and sets
// h's snippet and position from it. It reports whether there was a match.
func locate(h *Hit, text, query string) bool {
	start, end := Match(text, query)
	if start < 0 {
		h.Block, h.Snippet = -1, ""
		return false
	}
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	lineEnd := strings.IndexByte(text[end:], '\n')
	if lineEnd < 0 {
		lineEnd = len(text)
	} else {
		lineEnd += end
	}
	h.Block = strings.Count(text[:lineStart], "\n") - headLines
	if h.Block < 0 {
		h.Block = -1
	}
	h.Offset = start - lineStart
	h.Snippet, h.Match = snippet(text[lineStart:lineEnd], start-lineStart, end-lineStart)
	return true
}

// snippet cuts line to about snippetRunes characters around the match at
// line[start:end], marking cuts with "…", and returns the match's byte range
// in the result.
func snippet(line string, start, end int) (string, [2]int) {
	from := start
	for n := 0; n < snippetBefore && from > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(line[:from])
		from -= size
	}
	to := end
	for n := utf8.RuneCountInString(line[from:end]); n < snippetRunes && to < len(line); n++ {
		_, size := utf8.DecodeRuneInString(line[to:])
		to += size
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	offset := b.Len() - from
	b.WriteString(line[from:to])
	if to < len(line) {
		b.WriteString("…")
	}
	return b.String(), [2]int{start + offset, end + offset}
}

// Match returns the byte range of the first occurrence of query in s as
// search matches it: letters without regard to case (Unicode simple
// folding, as the trigram index does), punctuation without regard to
// width (a query typed with ， finds a stored ,) and Chinese without regard
// to script (发展 finds 發展, 台湾 finds 臺灣, and 软件 finds 軟體, which
// Taiwan writes for it: script.Variants). Of matches starting at the same
// place the longest is taken. It returns -1, -1 when there is none. The
// reader highlights with it, so what it marks is what search found.
func Match(s, query string) (start, end int) {
	start, end = -1, -1
	for _, v := range variants(query) {
		i, j := matchOne(s, v)
		if i >= 0 && (start < 0 || i < start || (i == start && j > end)) {
			start, end = i, j
		}
	}
	return start, end
}

// lastVariants keeps the variants of the query searched last: Match runs
// on every block of every story for one query.
var lastVariants struct {
	sync.Mutex
	query string
	v     []string
}

// variants returns script.Variants(query), from lastVariants when it is the
// same query.
func variants(query string) []string {
	lastVariants.Lock()
	defer lastVariants.Unlock()
	if lastVariants.v == nil || lastVariants.query != query {
		lastVariants.query, lastVariants.v = query, script.Variants(query)
	}
	return lastVariants.v
}

// matchOne is Match for one spelling of the query.
func matchOne(s, query string) (start, end int) {
	if query == "" {
		return -1, -1
	}
	if !needsFold(query) {
		i := strings.Index(s, query)
		if i < 0 {
			return -1, -1
		}
		return i, i + len(query)
	}
	// Only where the query's first rune matches can the query: jump from
	// one such place to the next rather than try every byte. Each form of
	// the first rune is looked for by strings.Index, which is many times
	// faster than strings.IndexAny on runes outside ASCII; next keeps where
	// each was found, so that each is looked for only past its last find.
	first, _ := utf8.DecodeRuneInString(query)
	var forms []string
	for _, r := range foldSet(first) {
		forms = append(forms, string(r))
	}
	next := make([]int, len(forms))
	for k := range next {
		next[k] = -2 // not looked for yet; -1 is nowhere
	}
	for i := 0; i < len(s); {
		at := -1
		for k, f := range forms {
			if next[k] != -1 && next[k] < i {
				if j := strings.Index(s[i:], f); j < 0 {
					next[k] = -1
				} else {
					next[k] = i + j
				}
			}
			if next[k] >= 0 && (at < 0 || next[k] < at) {
				at = next[k]
			}
		}
		if at < 0 {
			break
		}
		i = at
		if n, ok := prefixFold(s[i:], query); ok {
			return i, i + n
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return -1, -1
}

// foldSet returns the runes equalFold takes for r, r among them, as a
// string: r's case-folding orbit, its other width and its other scripts.
func foldSet(r rune) string {
	set := []rune{r}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		set = append(set, f)
	}
	if o := otherWidth(r); o != r {
		set = append(set, o)
	}
	for _, o := range script.Orbit(r) {
		if o != r {
			set = append(set, o)
		}
	}
	return string(set)
}

// prefixFold reports whether s starts with sub under case folding, and how
// many bytes of s the match spans.
func prefixFold(s, sub string) (int, bool) {
	n := 0
	for _, r := range sub {
		if n >= len(s) {
			return 0, false
		}
		c, size := utf8.DecodeRuneInString(s[n:])
		if c != r && !equalFold(c, r) {
			return 0, false
		}
		n += size
	}
	return n, true
}

func equalFold(a, b rune) bool {
	if otherWidth(a) == b || script.Fold(a) == script.Fold(b) {
		return true
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
