package library

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"dubao/model"
)

// Edition is one edition on a shelf, as the picker lists it.
type Edition struct {
	// ID is the edition's key in the store, used by the reading-state
	// methods. It is 0 until the edition is first indexed.
	ID int64
	// Path is the file's absolute path, or "seed:NAME" for an embedded
	// edition.
	Path string
	// Ref names the edition in article IDs for `dubao export` (see
	// ArticleRef): its date when no other edition in the store has that
	// date, else the first 8 hex digits of its content hash; "seed" for an
	// embedded edition.
	Ref string
	// Date is YYYY-MM-DD from the file name, else from the text; "" if
	// neither states one.
	Date string
	// Title is the edition's title from its text, else its file name.
	Title string
	// Hash is the hex SHA-256 of the file's bytes; "" until indexed.
	Hash string
	// Articles is the number of articles; 0 until indexed.
	Articles int
	// Unread is the number of articles not marked read.
	Unread int
	// Indexed is false for a file found but not indexed yet: its date and
	// title then come from its file name.
	Indexed bool

	size, mtime int64
	parser      string
}

// ArticleRef returns the ID `dubao export` takes for article aid of e:
// "REF/S-N", or just "S-N" for the embedded edition.
func (e Edition) ArticleRef(aid string) string {
	if e.embedded() {
		return aid
	}
	return e.Ref + "/" + aid
}

func (e Edition) embedded() bool { return strings.HasPrefix(e.Path, "seed:") }

// Progress reports on a shelf's background indexing.
type Progress struct {
	// Done counts the editions handled so far (indexed or failed); Total is
	// how many need indexing: the new files, and those found changed.
	Done, Total int
	// Failed counts the editions that could not be read or parsed; Shelf.Failed
	// says why.
	Failed int
	// Path is the file handled last.
	Path string
}

// Shelf is a set of editions opened together, newest first, kept in step
// with the files: new and changed files are indexed in the background, and
// files gone from a shelf directory drop out. Its methods are safe for
// concurrent use.
type Shelf struct {
	st    *Store
	paths []string // as OpenShelf was given them, for Reopen

	mu       sync.Mutex
	list     []Edition      // newest first
	pos      map[string]int // path → index in list
	failed   []error
	fatal    error
	progress chan Progress
	done     chan struct{}
	cancel   context.CancelFunc
}

// Key names the shelf: the absolute paths it was opened with, in order,
// or "" for the shelf of the embedded edition. A setting remembered per
// shelf (the script shown) is stored under it.
func (s *Shelf) Key() string {
	if s == nil {
		return ""
	}
	abs := make([]string, len(s.paths))
	for i, p := range s.paths {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
		abs[i] = p
	}
	return strings.Join(abs, "\n")
}

// OpenShelf opens the editions that paths name: files, and directories
// searched recursively for *.txt, *.text and *.md files. With no paths it
// opens the library: every edition the store has indexed whose file is still
// there, and the embedded ones registered with Embed.
//
// OpenShelf returns as soon as the files are listed, without reading or even
// statting them: editions in the store are listed as stored, new files from
// their names. In the background it then checks the stored ones for changes
// (size and modification time, then content hash) and indexes what is new or
// changed, reporting on Progress. A path that does not exist is an error (a
// *model.InputError).
func (st *Store) OpenShelf(ctx context.Context, paths ...string) (*Shelf, error) {
	var files []found
	var roots []string
	var skipped []error
	// The store's list is read while the folders are: one waits on
	// SQLite, the other on the file system.
	var stored map[string]Edition
	var storedErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		stored, storedErr = st.storedEditions(ctx)
		st.fingerprint()
	})
	// The files found are statted, for changes, while the list is read.
	bg, cancel := context.WithCancel(context.WithoutCancel(ctx))
	var stats *statter
	if len(paths) > 0 {
		var err error
		if files, roots, skipped, err = scan(paths); err != nil {
			wg.Wait()
			cancel()
			return nil, err
		}
		stats = startStats(bg, files)
	}
	wg.Wait()
	if storedErr != nil {
		cancel()
		return nil, storedErr
	}
	if len(paths) == 0 {
		files = st.libraryFiles(stored)
		stats = startStats(bg, files)
	}
	sh := &Shelf{st: st, paths: slices.Clone(paths), failed: skipped, progress: make(chan Progress, 1), done: make(chan struct{})}
	fp := st.fingerprint()
	var todo, verify []found
	sh.list = make([]Edition, 0, len(files))
	present := make(map[string]bool, len(files))
	for _, f := range files {
		present[f.path] = true
		e, ok := stored[f.path]
		switch {
		case !ok:
			e = Edition{Path: f.path, Date: DateFromName(f.path), Title: titleFromName(f.path)}
			todo = append(todo, f)
		case e.parser != fp:
			todo = append(todo, f)
		case f.size < 0:
			verify = append(verify, f)
		case e.size != f.size || e.mtime != f.mtime:
			todo = append(todo, f)
		}
		sh.list = append(sh.list, e)
	}
	var drop []int64
	for path, e := range stored {
		if !present[path] && under(path, roots) {
			drop = append(drop, e.ID)
		}
	}
	sh.sort()
	sh.cancel = cancel
	go sh.index(bg, todo, verify, drop, stored, stats)
	return sh, nil
}

// sortNewestFirst orders editions by date, newest first, undated ones last,
// then by title and path.
func sortNewestFirst(list []Edition) {
	// "" sorts below every date, so undated editions come last.
	// Each comparison only as needed: cmp.Or would make all three, and a
	// shelf of thousands sorts in a hundred thousand comparisons.
	slices.SortFunc(list, func(a, b Edition) int {
		if c := cmp.Compare(b.Date, a.Date); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return cmp.Compare(a.Path, b.Path)
	})
}

// libraryFiles returns the stored editions, for the library shelf: files
// (to be checked in the background, see Shelf.verify) and the embedded ones
// this process registered.
func (st *Store) libraryFiles(stored map[string]Edition) []found {
	var files []found
	for path, e := range stored {
		if !e.embedded() {
			files = append(files, found{path: path, size: -1})
			continue
		}
		st.mu.Lock()
		emb, ok := st.embedded[path]
		st.mu.Unlock()
		if ok {
			files = append(files, found{path: path, size: int64(len(emb.data))})
		}
	}
	return files
}

// editionCols lists the columns of table editions (qualified by table when
// it is not "", for a join) that scanEdition reads, in its order.
func editionCols(table string) string {
	cols := []string{"id", "path", "hash", "size", "mtime", "date", "title", "articles", "parser"}
	if table != "" {
		for i := range cols {
			cols[i] = table + "." + cols[i]
		}
	}
	return strings.Join(cols, ", ")
}

// scanEdition reads a stored edition from a row that starts with
// editionCols; the row's further columns, if any, go into more.
func scanEdition(row interface{ Scan(...any) error }, more ...any) (Edition, error) {
	e := Edition{Indexed: true}
	dest := append([]any{&e.ID, &e.Path, &e.Hash, &e.size, &e.mtime, &e.Date, &e.Title, &e.Articles, &e.parser}, more...)
	return e, row.Scan(dest...)
}

// storedEditions returns every edition in the store that is not gone, by
// path.
func (st *Store) storedEditions(ctx context.Context) (map[string]Edition, error) {
	var n int
	if err := st.db.QueryRowContext(ctx, `SELECT count(*) FROM editions WHERE gone = 0`).Scan(&n); err != nil {
		return nil, err
	}
	m := make(map[string]Edition, n)
	err := st.each(ctx, `SELECT `+editionCols("")+` FROM editions WHERE gone = 0`, nil, func(rows *sql.Rows) error {
		e, err := scanEdition(rows)
		m[e.Path] = e
		return err
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// edition returns the stored edition at path, with its ref and unread count.
func (st *Store) edition(ctx context.Context, path string) (Edition, error) {
	e, err := scanEdition(st.db.QueryRowContext(ctx, `SELECT `+editionCols("")+` FROM editions WHERE path = ?`, path))
	if err != nil {
		return Edition{}, err
	}
	list := []Edition{e}
	if err := st.annotate(ctx, list); err != nil {
		return Edition{}, err
	}
	return list[0], nil
}

// annotate fills in the Ref and Unread of each edition in list.
func (st *Store) annotate(ctx context.Context, list []Edition) error {
	// Dates that name more than one edition: for a few editions (search
	// hits) look their dates up, for many (a shelf) read the whole index.
	query, args := `SELECT date FROM editions WHERE gone = 0 AND date <> '' GROUP BY date HAVING count(*) > 1`, []any{}
	if len(list) <= 256 {
		var dates []string
		for _, e := range list {
			dates = append(dates, e.Date)
		}
		query = `SELECT date FROM editions WHERE gone = 0 AND date IN (SELECT value FROM json_each(?))
			GROUP BY date HAVING count(*) > 1`
		args = []any{jsonArray(dates)}
	}
	dup := map[string]bool{}
	err := st.each(ctx, query, args, func(rows *sql.Rows) error {
		var d string
		err := rows.Scan(&d)
		dup[d] = true
		return err
	})
	if err != nil {
		return err
	}
	// Read marks are few next to articles, so count them all.
	read := map[int64]int{}
	err = st.each(ctx, `SELECT r.edition, count(*) FROM reads r JOIN articles a ON a.edition = r.edition AND a.aid = r.aid
		GROUP BY r.edition`, nil, func(rows *sql.Rows) error {
		var id int64
		var n int
		err := rows.Scan(&id, &n)
		read[id] = n
		return err
	})
	if err != nil {
		return err
	}
	for i := range list {
		e := &list[i]
		switch {
		case e.embedded():
			e.Ref = "seed"
		case e.Date != "" && !dup[e.Date]:
			e.Ref = e.Date
		case e.Hash != "":
			e.Ref = e.Hash[:8]
		default:
			e.Ref = e.Date
		}
		e.Unread = e.Articles - read[e.ID]
	}
	return nil
}

// each runs query and calls f on each row.
func (st *Store) each(ctx context.Context, query string, args []any, f func(*sql.Rows) error) error {
	rows, err := st.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// jsonArray encodes values for json_each, by which a query takes a list.
func jsonArray[T any](values []T) string {
	js, _ := json.Marshal(values)
	if values == nil {
		return "[]"
	}
	return string(js)
}

// Editions returns the shelf's editions, newest first, with current unread
// counts. Editions still being indexed have Indexed false.
func (sh *Shelf) Editions(ctx context.Context) ([]Edition, error) {
	sh.mu.Lock()
	list := slices.Clone(sh.list)
	sh.mu.Unlock()
	if err := sh.st.annotate(ctx, list); err != nil {
		return nil, err
	}
	return list, nil
}

// Progress returns the channel that reports background indexing. It holds
// the latest report only (a reader that falls behind skips to the newest)
// and is closed when indexing ends, without any report when there was
// nothing to index. After each report, Editions lists the newly indexed
// editions.
func (sh *Shelf) Progress() <-chan Progress { return sh.progress }

// Done is closed when background indexing has ended.
func (sh *Shelf) Done() <-chan struct{} { return sh.done }

// Wait blocks until background indexing has ended, and returns the error
// that stopped it early, if any (the store failing, such as a full disk).
// Files that could not be indexed do not stop it; see Failed.
func (sh *Shelf) Wait() error {
	<-sh.done
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return sh.fatal
}

// Failed returns the files that could not be indexed, and what a shelf
// folder held that could not be an edition (dangling links, named pipes
// and other special files with an edition's name, subdirectories that
// cannot be read), each a *model.InputError naming it. They are left off
// the shelf.
func (sh *Shelf) Failed() []error {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	return slices.Clone(sh.failed)
}

// Close stops background indexing (what was committed stays) and waits for
// it to end. The store stays open.
func (sh *Shelf) Close() {
	sh.cancel()
	<-sh.done
}

// Load reads and parses edition e (a file, or an embedded edition) for
// reading. If e was not indexed yet, or its file changed, it is indexed now,
// so that e's returned ID can carry reading state at once. The file is
// only read.
func (sh *Shelf) Load(ctx context.Context, e Edition) (*model.Edition, Edition, error) {
	ed, e, err := sh.st.Load(ctx, e.Path)
	if err != nil {
		return nil, Edition{}, err
	}
	sh.mu.Lock()
	sh.update(e)
	sh.mu.Unlock()
	return ed, e, nil
}

// update replaces the listed edition with e's path by e; sh.mu is held.
func (sh *Shelf) update(e Edition) {
	if i, ok := sh.pos[e.Path]; ok {
		resort := sh.list[i].Date != e.Date || sh.list[i].Title != e.Title
		sh.list[i] = e
		if resort {
			sh.sort()
		}
	}
}

// remove takes the edition at path off the list; sh.mu is held.
func (sh *Shelf) remove(path string) {
	if i, ok := sh.pos[path]; ok {
		sh.list = slices.Delete(sh.list, i, i+1)
		sh.sort()
	}
}

// sort puts the list in order and indexes it by path; sh.mu is held.
func (sh *Shelf) sort() {
	sortNewestFirst(sh.list)
	sh.pos = make(map[string]int, len(sh.list))
	for i, e := range sh.list {
		sh.pos[e.Path] = i
	}
}

// Load reads and parses the edition at path (a file or "seed:NAME"),
// indexing it first if the store does not hold these bytes yet.
func (st *Store) Load(ctx context.Context, path string) (*model.Edition, Edition, error) {
	prev, err := st.edition(ctx, path)
	if err != nil && err != sql.ErrNoRows {
		return nil, Edition{}, err
	}
	// The reader needs the parsed edition even when the index is current,
	// so prepare with no stored hash to have it parsed.
	p := st.prepare(found{path: path, size: -1}, known{})
	if p.err != nil {
		return nil, Edition{}, p.err
	}
	if err == sql.ErrNoRows || prev.Hash != p.hash || prev.parser != st.fingerprint() ||
		prev.size != p.size || prev.mtime != p.mtime {
		if _, err := st.writeOne(ctx, p); err != nil {
			return nil, Edition{}, err
		}
		if prev, err = st.edition(ctx, path); err != nil {
			return nil, Edition{}, err
		}
	}
	return p.ed, prev, nil
}
