package library

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

func TestDefaultDir(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"DUBAO_DATA_DIR wins", map[string]string{"DUBAO_DATA_DIR": "/d", "XDG_DATA_HOME": "/x", "HOME": "/h"}, "/d"},
		{"XDG_DATA_HOME", map[string]string{"XDG_DATA_HOME": "/x", "HOME": "/h"}, "/x/dubao"},
		{"relative XDG_DATA_HOME is ignored", map[string]string{"XDG_DATA_HOME": "x", "HOME": "/h"}, "/h/.local/share/dubao"},
		{"HOME", map[string]string{"HOME": "/h"}, "/h/.local/share/dubao"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DefaultDir(func(k string) string { return tt.env[k] })
			if err != nil || got != tt.want {
				t.Errorf("DefaultDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := DefaultDir(func(string) string { return "" }); err == nil {
		t.Error("DefaultDir with no environment: no error")
	}
}

func TestOpenMakesWALStoreWithBusyTimeout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "b")
	st := openTest(t, dir, nil)
	if st.Dir() != dir {
		t.Errorf("Dir = %q, want %q", st.Dir(), dir)
	}
	var mode string
	var timeout, version int
	if err := st.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	st.db.QueryRow("PRAGMA busy_timeout").Scan(&timeout)
	st.db.QueryRow("PRAGMA user_version").Scan(&version)
	if mode != "wal" || timeout != busyTimeoutMS || version != SchemaVersion {
		t.Errorf("journal_mode %q, busy_timeout %d, user_version %d; want wal, %d, %d", mode, timeout, version, busyTimeoutMS, SchemaVersion)
	}
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Error(err)
	}
}

func TestSchemaVersionCountsMigrations(t *testing.T) {
	if SchemaVersion != len(migrations) {
		t.Errorf("SchemaVersion %d, %d migrations", SchemaVersion, len(migrations))
	}
}

// An unusable data directory gives a store in memory that still keeps
// state for the session, and an error that names the directory.
func TestUnusableDirFallsBackToMemory(t *testing.T) {
	tmp := t.TempDir()
	file := writeFile(t, tmp, "file", "x")
	corrupt := filepath.Join(tmp, "corrupt")
	writeFile(t, corrupt, FileName, strings.Repeat("not a database ", 100))
	tests := []struct {
		name, dir string
	}{
		{"directory under a file", filepath.Join(file, "dubao")},
		{"damaged store", corrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(filepath.Join(tt.dir, FileName))
			st, err := Open(Options{Dir: tt.dir, Parse: splitParse})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			var ue *UnsavedError
			if !errors.As(st.Unsaved(), &ue) || ue.Dir != tt.dir || !strings.Contains(ue.Error(), tt.dir) {
				t.Fatalf("Unsaved() = %v, want an *UnsavedError naming %s", st.Unsaved(), tt.dir)
			}
			ctx := context.Background()
			e, err := st.Embed(ctx, "x", "X", []byte(story("海门日报", "2024-03-19", []string{"标题一"})))
			if err != nil {
				t.Fatal(err)
			}
			if err := st.MarkRead(ctx, e.ID, "1-1"); err != nil {
				t.Fatal(err)
			}
			if read, err := st.ReadSet(ctx, e.ID); err != nil || !read["1-1"] {
				t.Errorf("ReadSet after MarkRead = %v, %v", read, err)
			}
			after, _ := os.ReadFile(filepath.Join(tt.dir, FileName))
			if !bytes.Equal(before, after) {
				t.Error("the unusable store file was changed")
			}
		})
	}
}

func TestNewerSchemaIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE TABLE future (x); PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(Options{Dir: dir, Parse: splitParse})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	var ve *VersionError
	if !errors.As(st.Unsaved(), &ve) || ve.Have != 99 || ve.Want != SchemaVersion {
		t.Fatalf("Unsaved() = %v, want a VersionError 99 > %d", st.Unsaved(), SchemaVersion)
	}
	db, _ = sql.Open("sqlite", filepath.Join(dir, FileName))
	defer db.Close()
	var v int
	db.QueryRow("PRAGMA user_version").Scan(&v)
	if v != 99 {
		t.Errorf("user_version became %d", v)
	}
}

// A store at any earlier schema version, holding editions, articles and a
// read mark, is migrated on Open: its data stays and the search index
// covers the articles stored before.
func TestMigratesFromEarlierVersions(t *testing.T) {
	for from := 1; from < SchemaVersion; from++ {
		t.Run(fmt.Sprintf("from %d", from), func(t *testing.T) {
			dir := t.TempDir()
			db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			if err := migrateTo(ctx, db, from); err != nil {
				t.Fatal(err)
			}
			key, _ := articleKey("2024-03-19", 7, 0)
			_, err = db.Exec(`INSERT INTO editions (id, path, hash, size, mtime, date, title, articles, parser)
					VALUES (7, '/old/2024-03-19.txt', 'abcdef0123', 1, 1, '2024-03-19', '海门日报', 1, 'old');
				INSERT INTO articles (id, edition, aid, section, seq, headline, text)
					VALUES (?, 7, '1-1', 1, 0, '落实长江禁渔令', ?);
				INSERT INTO reads (edition, aid, at) VALUES (7, '1-1', 1)`,
				key, "\n落实长江禁渔令\n\n\n\n\n执法人员随机走访了城区的农贸市场")
			if err != nil {
				t.Fatal(err)
			}
			// Index the text as the indexer of that version did: by trigger
			// while there was one, else explicitly.
			var fts, trigger int
			db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'`).Scan(&fts)
			db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'articles_ai'`).Scan(&trigger)
			if fts == 1 && trigger == 0 {
				if _, err := db.Exec(`INSERT INTO articles_fts (rowid, text) SELECT id, text FROM articles`); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			st := checkStore(t, dir)
			var v int
			st.db.QueryRow("PRAGMA user_version").Scan(&v)
			if v != SchemaVersion {
				t.Fatalf("user_version %d after Open, want %d", v, SchemaVersion)
			}
			res, err := st.Search(ctx, "农贸市场", SearchOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 1 || res.Hits[0].Article != "1-1" || res.Hits[0].Block != 0 || res.Hits[0].Edition.Date != "2024-03-19" {
				t.Errorf("search after migration = %+v", res)
			}
			if read, err := st.ReadSet(ctx, 7); err != nil || !read["1-1"] {
				t.Errorf("read mark after migration: %v, %v", read, err)
			}
		})
	}
}

// A data directory that cannot be written but holds a store: the store is
// read, not ignored. Its editions, read marks and search index are there,
// marks and bookmarks work for the session, and nothing is written.
func TestReadOnlyDirOpensStore(t *testing.T) {
	ctx := context.Background()
	data, shelf := t.TempDir(), t.TempDir()
	path := writeFile(t, shelf, "2024-03-19.txt", story("海门日报", "2024-03-19", []string{"长江保护宣传进社区", "国道改造"}))
	st := openTest(t, data, nil)
	sh := openWait(t, st, shelf)
	e := editions(t, sh)[0]
	if err := st.MarkRead(ctx, e.ID, "1-1"); err != nil {
		t.Fatal(err)
	}
	sh.Close()
	st.Close()
	before, err := os.ReadFile(filepath.Join(data, FileName))
	if err != nil {
		t.Fatal(err)
	}
	// A directory where SQLite must create its write-ahead log makes the
	// store unwritable even for root, who may write a directory of mode
	// 0500.
	if err := os.Mkdir(filepath.Join(data, FileName+"-wal"), 0o500); err != nil {
		t.Fatal(err)
	}
	var parses atomic.Int64
	st = openTest(t, "", &parses)
	st.Close()
	ro, err := Open(Options{Dir: data, Parse: splitParse})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	var ue *UnsavedError
	if !errors.As(ro.Unsaved(), &ue) || !ue.ReadOnly || !strings.Contains(ue.Error(), "not saved") || !strings.Contains(ue.Error(), data) {
		t.Fatalf("Unsaved() = %v, want a read-only UnsavedError naming %s", ro.Unsaved(), data)
	}
	stored, err := ro.storedEditions(ctx)
	if err != nil || stored[path].ID != e.ID {
		t.Fatalf("stored editions %v, %v; want %s as before", stored, err, path)
	}
	if read, err := ro.ReadSet(ctx, e.ID); err != nil || !read["1-1"] {
		t.Errorf("read marks saved before: %v, %v", read, err)
	}
	res, err := ro.Search(ctx, "长江保护", SearchOptions{Limit: 5})
	if err != nil || res.Total != 1 {
		t.Errorf("search: %+v, %v", res, err)
	}
	if err := ro.MarkRead(ctx, e.ID, "1-2"); err != nil {
		t.Fatal(err)
	}
	if on, err := ro.ToggleBookmark(ctx, e.ID, "1-2"); err != nil || !on {
		t.Errorf("bookmark: %v, %v", on, err)
	}
	if read, _ := ro.ReadSet(ctx, e.ID); !read["1-2"] {
		t.Error("a mark made read-only does not hold for the session")
	}
	after, _ := os.ReadFile(filepath.Join(data, FileName))
	if !bytes.Equal(before, after) {
		t.Error("the read-only store was written")
	}
}
