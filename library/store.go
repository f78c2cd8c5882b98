// Package library keeps dubao's archive of editions and the reader's state in
// one SQLite store: which files make up a shelf, a trigram search index over
// every article, read marks, bookmarks, resume positions and display toggles.
//
// Open a Store once per process, open a Shelf on it for the editions named on
// the command line (or the whole library), and read state through the Store.
// Edition files are only ever read. See README.md for the layout on disk.
package library

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sync"

	"dubao/formats"
	"dubao/model"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// FileName is the store's file inside the data directory.
const FileName = "library.db"

// busyTimeoutMS is how long a statement waits for another connection or
// process to release a lock before failing with SQLITE_BUSY. The longest
// lock anyone holds is one indexing batch (see batchDuration), so this leaves
// a wide margin.
const busyTimeoutMS = 10000

// pageSize is the page size of a new store. An article's text is a few
// kilobytes, so pages of the default 4 KiB hold one each and leave a third
// of the file empty; 16 KiB pages hold several.
const pageSize = 16384

// Options configure Open.
type Options struct {
	// Dir is the data directory holding the store. Empty means
	// DefaultDir(os.Getenv).
	Dir string
	// Memory opens a store that lives only as long as the process.
	Memory bool
	// Parse turns an edition's bytes into an edition; nil means
	// formats.Parse, which reads every format dubao knows. Tests and
	// benchmarks substitute their own.
	Parse func(data []byte, opt model.Options) (*model.Edition, error)
}

// Store is an open library store. Its methods are safe for concurrent use.
type Store struct {
	db      *sql.DB
	dir     string
	temp    string // a directory Close removes: see openCopy
	unsaved error
	parse   func(data []byte, opt model.Options) (*model.Edition, error)

	fpOnce sync.Once
	fp     string

	writeMu sync.Mutex // held for each write transaction; see beginWrite

	mu       sync.Mutex
	embedded map[string]embedded // by path, "seed:NAME"
}

// embedded is an edition given to Embed.
type embedded struct {
	data  []byte
	title string
}

// UnsavedError says why reading state is kept in memory only: the data
// directory could not be created or written, or the store in it could not
// be opened. Reading still works; nothing is saved when the process exits.
type UnsavedError struct {
	// Dir is the data directory that was tried.
	Dir string
	// Err is what went wrong.
	Err error
	// ReadOnly is true when the store in Dir could be read: the library and
	// the state saved before are there, copied into memory.
	ReadOnly bool
}

func (e *UnsavedError) Error() string {
	if e.ReadOnly {
		return fmt.Sprintf("reading state not saved: cannot write %s (%v); reading a copy of its store", e.Dir, e.Err)
	}
	return fmt.Sprintf("reading state not saved: cannot use %s: %v", e.Dir, e.Err)
}

func (e *UnsavedError) Unwrap() error { return e.Err }

// DefaultDir returns the data directory to use when none is given:
// $DUBAO_DATA_DIR, else $XDG_DATA_HOME/dubao, else ~/.local/share/dubao.
// getenv is usually os.Getenv. Relative values of XDG_DATA_HOME are ignored,
// as the XDG base directory specification says.
func DefaultDir(getenv func(string) string) (string, error) {
	if d := getenv("DUBAO_DATA_DIR"); d != "" {
		return filepath.Abs(d)
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "dubao"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("no data directory: set DUBAO_DATA_DIR, XDG_DATA_HOME or HOME")
	}
	return filepath.Join(home, ".local", "share", "dubao"), nil
}

// Open opens (creating or migrating as needed) the store in opt.Dir.
//
// When the directory cannot be created or written, or the store in it cannot
// be used (damaged, or written by a newer dubao), Open does not fail: it
// returns a working store kept in memory, and Unsaved reports why. A store
// that can be read in a directory that cannot be written is copied, so the
// library, its search index and the reading state saved are all there; the
// changes made to the copy are lost when it is closed. The error
// result is non-nil only when not even that could be made.
func Open(opt Options) (*Store, error) {
	parse := opt.Parse
	if parse == nil {
		parse = formats.Parse
	}
	if opt.Memory {
		return openMemory(parse, nil)
	}
	dir := opt.Dir
	if dir == "" {
		d, err := DefaultDir(os.Getenv)
		if err != nil {
			return openMemory(parse, &UnsavedError{Dir: "(none)", Err: err})
		}
		dir = d
	}
	st, err := openFile(dir, parse)
	if err != nil {
		why := &UnsavedError{Dir: dir, Err: err}
		if st, err := openCopy(dir, parse, why); err == nil {
			return st, nil
		}
		return openMemory(parse, why)
	}
	return st, nil
}

// openCopy opens a copy of the store in dir, for a data directory that
// cannot be written: the library, its search index and the reading state
// saved before are all there, and this session's marks and bookmarks work
// too, in a temporary copy removed on Close. It fails when dir holds no
// store that can be read, or no temporary directory can be written.
func openCopy(dir string, parse func([]byte, model.Options) (*model.Edition, error), why *UnsavedError) (*Store, error) {
	tmp, err := os.MkdirTemp("", "dubao-readonly-")
	if err != nil {
		return nil, err
	}
	st, err := func() (*Store, error) {
		// The write-ahead log holds what was committed since the last
		// checkpoint; it is copied when there is one.
		for _, name := range []string{FileName, FileName + "-wal"} {
			err := copyFile(filepath.Join(dir, name), filepath.Join(tmp, name))
			if err != nil && (name == FileName || !errors.Is(err, errNotRegular)) {
				return nil, err
			}
		}
		return openFile(tmp, parse)
	}()
	if err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	st.dir, st.temp = "", tmp
	st.unsaved = &UnsavedError{Dir: why.Dir, Err: why.Err, ReadOnly: true}
	return st, nil
}

// errNotRegular means a file to copy is missing, empty or not a regular
// file.
var errNotRegular = errors.New("no such regular file")

// copyFile copies the regular file at from to a new file to.
func copyFile(from, to string) error {
	// Stat first: opening a named pipe would wait for a writer.
	if info, err := os.Stat(from); err != nil || !info.Mode().IsRegular() || info.Size() == 0 {
		return errNotRegular
	}
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// openFile opens the store file in dir with WAL journaling and a busy
// timeout, and brings its schema up to date.
func openFile(dir string, parse func([]byte, model.Options) (*model.Edition, error)) (*Store, error) {
	// 0700, as the XDG base directory specification asks: reading state is
	// nobody else's business.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, plainPathError(err)
	}
	path := filepath.Join(dir, FileName)
	// synchronous=NORMAL: a commit survives the process being killed (the
	// WAL is in the kernel's page cache); only a power cut can roll back the
	// last commits, and never corrupts the file.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		fmt.Sprintf("?_pragma=busy_timeout(%d)", busyTimeoutMS) +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)&_txlock=immediate"
	// A new store gets pages of pageSize bytes, and gives the pages it frees
	// back to the file system when asked (see mergeIndex). Both are fixed
	// once the file's first page is written, which turning on WAL does, so
	// they are set first, in this order (the driver would run a DSN's
	// pragmas sorted by name); on a store that exists they change nothing.
	// WAL then holds for every connection to the file.
	setup := []string{
		fmt.Sprintf("PRAGMA page_size = %d", pageSize),
		"PRAGMA auto_vacuum = INCREMENTAL",
		"PRAGMA journal_mode = WAL",
	}
	st, err := openDSN(dsn, dir, parse, setup...)
	if err != nil {
		return nil, err
	}
	var mode string
	if err := st.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		st.db.Close()
		if err == nil {
			err = fmt.Errorf("journal mode is %q, not wal", mode)
		}
		return nil, err
	}
	return st, nil
}

// openMemory opens a private in-memory store. The memdb VFS lets several
// connections share it, so readers are not queued behind the indexer.
func openMemory(parse func([]byte, model.Options) (*model.Edition, error), why error) (*Store, error) {
	st, err := openDSN(memoryDSN(memoryName()), "", parse)
	if err != nil {
		return nil, err
	}
	st.unsaved = why
	return st, nil
}

// memoryName returns a new name for a database of the memdb VFS.
func memoryName() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "/dubao-" + hex.EncodeToString(b[:])
}

// memoryDSN is the data source name of the memdb database name.
func memoryDSN(name string) string {
	return "file:" + name + "?vfs=memdb" +
		fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeoutMS) + "&_pragma=foreign_keys(1)&_txlock=immediate"
}

// openDSN opens the store at dsn, runs setup on its first connection and
// brings its schema up to date.
func openDSN(dsn, dir string, parse func([]byte, model.Options) (*model.Edition, error), setup ...string) (*Store, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	st := &Store{db: db, dir: dir, parse: parse, embedded: map[string]embedded{}}
	ctx := context.Background()
	if err := runOnOne(ctx, db, setup); err != nil {
		db.Close()
		return nil, err
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return st, nil
}

// runOnOne runs statements, in order, on one connection of db.
func runOnOne(ctx context.Context, db *sql.DB, statements []string) error {
	if len(statements) == 0 {
		return nil
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, q := range statements {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// Unsaved returns nil when reading state is saved to disk, else an
// *UnsavedError saying why it is kept in memory only. A reader shows it in
// its status line.
func (st *Store) Unsaved() error { return st.unsaved }

// Dir returns the data directory the store lives in; empty for a store in
// memory.
func (st *Store) Dir() string { return st.dir }

// Close closes the store. Open shelves must be closed first.
func (st *Store) Close() error {
	err := st.db.Close()
	if st.temp != "" {
		os.RemoveAll(st.temp)
	}
	return err
}

// plainPathError drops the path that *os.PathError repeats, since the
// errors built from it name the directory already.
func plainPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
