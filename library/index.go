package library

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"dubao/formats"
	"dubao/model"
	"dubao/seeds"
)

// indexVersion changes whenever the way articles are stored for search
// changes (articleText, articleKey), so that every edition is indexed again.
const indexVersion = "3"

// headLines is the number of lines articleText puts before the body: kicker,
// headline, subheadline, column, byline and photo credit, one each.
const headLines = 6

// articleText is what the search index holds for an article: headLines
// lines of headline stack and byline (empty when absent), then one line per
// body block, then two line breaks, so that every character of the text
// starts a trigram of the index (see searchShort). Search hits are mapped
// back to a block by counting lines.
func articleText(a *model.Article) string {
	var b strings.Builder
	for _, s := range []string{a.Kicker, a.Headline, a.Subheadline, a.Column, a.Byline.Raw, a.PhotoCredit} {
		b.WriteString(oneLine(s))
		b.WriteByte('\n')
	}
	for i, blk := range a.Body {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(oneLine(blk.Text))
	}
	b.WriteString("\n\n")
	return b.String()
}

// storedHeadline is what articles.headline holds for a: its title
// (model.Article.Title) when that is not its headline, else "", since the
// second line of its articleText holds the headline already (see
// textHeadline and headlineSQL, which read it back).
func storedHeadline(a *model.Article) string {
	if a.Headline != "" {
		return ""
	}
	return oneLine(a.Title())
}

// textHeadline returns the headline line of an articleText.
func textHeadline(text string) string {
	_, rest, _ := strings.Cut(text, "\n")
	line, _, _ := strings.Cut(rest, "\n")
	return line
}

// headlineSQL is the SQL expression for the title of the article in the
// row of the articles table named t: its headline column, or when that is
// empty the second line of its text (as textHeadline reads it). It is NULL
// when t is a row a LEFT JOIN did not find.
func headlineSQL(t string) string {
	rest := fmt.Sprintf("substr(%[1]s.text, instr(%[1]s.text, char(10)) + 1)", t)
	return fmt.Sprintf("CASE WHEN %[1]s.headline != '' THEN %[1]s.headline ELSE substr(%[2]s, 1, instr(%[2]s, char(10)) - 1) END", t, rest)
}

// oneLine replaces line breaks, which the parser should never leave in a
// field, so that one field is always one line of articleText.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// fingerprint identifies the parser in use by what it makes of the embedded
// edition and of formats.Samples, so editions indexed by an older parser are
// indexed again once a new one is built in, and by model.ParserVersion,
// since a parser with new rules may still read the samples as the old one
// did.
func (st *Store) fingerprint() string {
	st.fpOnce.Do(func() {
		h := sha256.New()
		h.Write([]byte(indexVersion + "\n" + model.ParserVersion + "\n"))
		// The seed, and a sample of each other format, as the parser
		// reads them: a change in how any format is read shows.
		for _, data := range append([][]byte{seeds.Default}, formats.Samples()...) {
			ed, err := st.parse(data, model.Options{Source: "seed:" + seeds.Name, Title: seeds.Title})
			if err != nil {
				h.Write([]byte(err.Error()))
			} else {
				_ = json.NewEncoder(h).Encode(ed)
			}
		}
		st.fp = hex.EncodeToString(h.Sum(nil)[:8])
	})
	return st.fp
}

// prepared is an edition file read, hashed and (unless unchanged) parsed,
// ready to be written to the store.
type prepared struct {
	found
	hash  string
	date  string
	title string
	ed    *model.Edition // nil when the stored index was found current
	err   error          // a *model.InputError when the file cannot be used
}

// known is what the store holds about an edition file.
type known struct {
	id     int64
	hash   string
	parser string
}

// prepare reads and hashes the edition at f.path (filling in its size and
// time if f has none). It parses it unless have says the store already
// indexed these bytes with this parser.
func (st *Store) prepare(f found, have known) prepared {
	data, title, info, err := st.source(f.path)
	if err != nil {
		return prepared{found: f, err: err}
	}
	if info != nil {
		f.size, f.mtime = info.Size(), info.ModTime().UnixNano()
	} else {
		f.size, f.mtime = int64(len(data)), 0
	}
	sum := sha256.Sum256(data)
	p := prepared{found: f, hash: hex.EncodeToString(sum[:])}
	if have.hash == p.hash && have.parser == st.fingerprint() {
		return p
	}
	ed, err := st.parse(data, model.Options{Source: f.path, Title: title})
	if err != nil {
		p.err = &model.InputError{Name: f.path, Err: err}
		return p
	}
	p.ed = ed
	p.date = DateFromName(f.path)
	if p.date == "" {
		p.date = ed.Date
	}
	p.title = ed.Title
	if p.title == "" {
		p.title = title
	}
	// The parser's strings point into the whole decoded text; copies keep
	// a shelf's list from holding every edition's text in memory.
	p.date, p.title = strings.Clone(p.date), strings.Clone(p.title)
	return p
}

// source returns the bytes of the edition at path, the title it gets when
// its text has none, and for a file what the open file's stat said (nil
// for an embedded edition).
func (st *Store) source(path string) ([]byte, string, os.FileInfo, error) {
	st.mu.Lock()
	e, ok := st.embedded[path]
	st.mu.Unlock()
	if ok {
		return e.data, e.title, nil, nil
	}
	data, info, err := readEdition(path)
	return data, titleFromName(path), info, err
}

// readEdition reads an edition file, only reading it, with the checks
// model.Load makes (see model.ReadFile), and returns its stat taken on the
// open file. An e-paper folder's pages come packed into one archive
// (formats.ReadEdition), with the folder's own stat.
func readEdition(path string) ([]byte, os.FileInfo, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		data, err := formats.ReadEdition(path)
		return data, info, err
	}
	return model.ReadFile(path)
}

// errStale means a file was hashed as unchanged but the store changed under
// it (another process indexed it meanwhile); it must be parsed after all.
var errStale = errors.New("index changed while reading")

// write stores p in tx: a new edition, a changed one (same ID, so its
// reading state stays), a renamed one (a removed edition with the same
// bytes takes the new path, and its state with it), or an unchanged one (only
// its size and time are refreshed). It returns the edition's ID and whether
// its old articles were dropped, in which case the caller must store its new
// ones with storeArticles before committing.
func (st *Store) write(ctx context.Context, tx *sql.Tx, p prepared) (id int64, stored bool, err error) {
	fp := st.fingerprint()
	var hash, parser string
	err = tx.QueryRowContext(ctx, `SELECT id, hash, parser FROM editions WHERE path = ?`, p.path).Scan(&id, &hash, &parser)
	switch {
	case err == nil && hash == p.hash && parser == fp:
		// Unchanged, or indexed meanwhile by another process.
		_, err = tx.ExecContext(ctx, `UPDATE editions SET size = ?, mtime = ?, gone = 0 WHERE id = ?`, p.size, p.mtime, id)
		return id, false, err
	case err == sql.ErrNoRows:
		err = tx.QueryRowContext(ctx, `SELECT id FROM editions WHERE hash = ? AND gone = 1 LIMIT 1`, p.hash).Scan(&id)
		if err == sql.ErrNoRows {
			id, err = 0, nil
		}
	}
	if err != nil {
		return 0, false, err
	}
	if p.ed == nil {
		return 0, false, errStale
	}
	if id == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO editions (path, hash, size, mtime, title, articles, parser) VALUES (?, '', 0, 0, '', 0, '')`, p.path)
		if err != nil {
			return 0, false, err
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, false, err
		}
	}
	if err := unindexLong(ctx, tx, id); err != nil {
		return 0, false, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE edition = ?`, id); err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE editions SET path = ?, hash = ?, size = ?, mtime = ?, date = ?, title = ?,
		articles = ?, parser = ?, gone = 0 WHERE id = ?`,
		p.path, p.hash, p.size, p.mtime, p.date, p.title, p.ed.Articles(), fp, id)
	return id, true, err
}

// pending is an edition write stored without its articles, which
// storeArticles stores.
type pending struct {
	id   int64
	date string
	ed   *model.Edition
}

// articleRow is an article as stored.
type articleRow struct {
	key, edition   int64
	aid            string
	section, seq   int
	headline, text string
}

// storeArticles stores the articles of eds (editions just written by
// write) and adds them to the search index. It inserts them in row ID
// order, lowest first, for two reasons: SQLite splits a page in half when a
// row goes in below the page's others, so rows inserted from the highest
// key down leave every page half empty, where rows inserted upwards fill
// each page before starting the next; and FTS5 writes its pending terms out
// as a new segment whenever a statement ends or a row ID is lower than the
// one before, and every segment must later be merged, so the index is
// filled by one statement in row ID order.
func storeArticles(ctx context.Context, tx *sql.Tx, eds []pending) error {
	if len(eds) == 0 {
		return nil
	}
	var rows []articleRow
	ids := make([]int64, 0, len(eds))
	for _, p := range eds {
		ids = append(ids, p.id)
		seq := 0
		for si := range p.ed.Sections {
			s := &p.ed.Sections[si]
			for ai := range s.Articles {
				a := &s.Articles[ai]
				key, err := articleKey(p.date, p.id, seq)
				if err != nil {
					return err
				}
				rows = append(rows, articleRow{key, p.id, a.ID, s.Index, seq, storedHeadline(a), articleText(a)})
				seq++
			}
		}
	}
	slices.SortFunc(rows, func(a, b articleRow) int { return cmp.Compare(a.key, b.key) })
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, edition, aid, section, seq, headline, text) VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.ExecContext(ctx, r.key, r.edition, r.aid, r.section, r.seq, r.headline, r.text); err != nil {
			return err
		}
	}
	var long []int64
	for _, r := range rows {
		if isLong(r.text) {
			long = append(long, r.key)
		}
	}
	if _, err = tx.ExecContext(ctx, fillIndex, jsonArray(ids), jsonArray(long)); err != nil {
		return err
	}
	return indexLong(ctx, tx, rows)
}

// fillIndex adds the articles of the editions in its first JSON array
// argument to the search index, but for those in its second, the long ones
// (see indexRows and indexLong).
const fillIndex = `INSERT INTO articles_fts (rowid, text) ` + indexRows

// indexRows selects the row IDs and texts of the articles of the editions
// in its first JSON array argument, but for the articles in its second, in
// row ID order. It sorts the row IDs alone and then reads each text by its
// ID: sorting the rows with their texts (ORDER BY on the query that reads
// them) copied every text into the sorter and out again, and an article of
// 50 MB was then held three times over while a file of it was indexed.
const indexRows = `WITH ids AS MATERIALIZED (
		SELECT id FROM articles WHERE edition IN (SELECT value FROM json_each(?1))
			AND id NOT IN (SELECT value FROM json_each(?2)) ORDER BY id
	)
	SELECT a.id, a.text FROM ids CROSS JOIN articles a ON a.id = ids.id`

// mergePages is how much merging of the search index's segments one
// transaction of mergeIndex does, in pages written: a fraction of a second's
// work, so that the reader marking an article read waits no longer than for
// an indexing batch.
const mergePages = 500

// mergeIndex merges the search index's segments once an import is done:
// with FTS5's automerge off (see migration 6 → 7), an import's batches each
// add a segment, which a query must look in, and merging them once at the
// end writes each entry fewer times than merging as they come. With whole
// false it merges as FTS5's automerge would (a level's segments once there
// are four); with whole true, after an import that made most of the index,
// it merges every segment into one, which writes each entry once however
// large the import (FTS5's 'merge' with a negative page count). Either way
// it works in short transactions, until there is nothing to merge.
func (st *Store) mergeIndex(ctx context.Context, whole bool) error {
	pages := mergePages
	if whole {
		pages = -mergePages
	}
	for {
		var before, after int64
		err := st.inTx(ctx, func(tx *sql.Tx) error {
			if err := tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&before); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)`, pages); err != nil {
				return err
			}
			return tx.QueryRowContext(ctx, `SELECT total_changes()`).Scan(&after)
		})
		// FTS5 counts a change for the command itself, and more when it
		// merged anything.
		if err != nil {
			return err
		}
		if after-before < 2 {
			break
		}
	}
	// Merging frees the pages of the segments merged; a store made with
	// auto_vacuum (see openFile) gives them back, so the file holds what
	// it stores and little more.
	return st.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `PRAGMA incremental_vacuum`)
		return err
	})
}

// markGone drops the search index of editions whose files were removed and
// marks them gone. Their reading state stays, and comes back if the same
// bytes turn up again under any path.
func markGone(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for _, id := range ids {
		if err := unindexLong(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE edition = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE editions SET gone = 1, articles = 0, parser = '' WHERE id = ?`, id); err != nil {
			return err
		}
	}
	return nil
}

// Embed adds an edition that lives in the program rather than in a file,
// such as the embedded seed, under the path "seed:"+name, indexing it if its
// bytes changed. Its reading state is kept like a file's, and Load reads it
// from memory.
func (st *Store) Embed(ctx context.Context, name, title string, data []byte) (Edition, error) {
	path := "seed:" + name
	st.mu.Lock()
	st.embedded[path] = embedded{data: data, title: title}
	st.mu.Unlock()
	have, err := st.known(ctx, path)
	if err != nil {
		return Edition{}, err
	}
	p := st.prepare(found{path: path, size: int64(len(data))}, have)
	if p.err != nil {
		return Edition{}, p.err
	}
	if p.ed != nil || have.id == 0 { // else indexed already, as it is
		if _, err := st.writeOne(ctx, p); err != nil {
			return Edition{}, err
		}
	}
	return st.edition(ctx, path)
}

// writeOne writes one prepared edition in its own transaction, parsing it
// after all if the store changed meanwhile.
func (st *Store) writeOne(ctx context.Context, p prepared) (int64, error) {
	for range 2 {
		tx, err := st.beginWrite(ctx)
		if err != nil {
			return 0, err
		}
		id, stored, err := st.write(ctx, tx, p)
		if err == nil && stored {
			err = storeArticles(ctx, tx, []pending{{id: id, date: p.date, ed: p.ed}})
		}
		if err = st.endWrite(tx, err); err == nil {
			// An index left unmerged (cancelled, say) is still whole: the
			// next import merges it.
			_ = st.mergeIndex(ctx, false)
			return id, nil
		}
		if err != errStale {
			return 0, err
		}
		p = st.prepare(p.found, known{})
		if p.err != nil {
			return 0, p.err
		}
	}
	return 0, errStale
}

// known returns what the store holds about the edition at path; the zero
// value when nothing.
func (st *Store) known(ctx context.Context, path string) (known, error) {
	var k known
	err := st.db.QueryRowContext(ctx, `SELECT id, hash, parser FROM editions WHERE path = ?`, path).Scan(&k.id, &k.hash, &k.parser)
	if err == sql.ErrNoRows {
		err = nil
	}
	return k, err
}
