package library

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations[i] brings a store from schema version i to i+1; the version is
// kept in PRAGMA user_version. Append to this list, never edit an entry:
// stores on users' disks are at every version it ever had.
var migrations = []string{
	// 0 → 1: editions, their articles, and reading state.
	`
CREATE TABLE editions (
	id       INTEGER PRIMARY KEY,
	path     TEXT NOT NULL UNIQUE,     -- absolute path, or "seed:NAME" for an embedded edition
	hash     TEXT NOT NULL,            -- hex SHA-256 of the file's bytes
	size     INTEGER NOT NULL,
	mtime    INTEGER NOT NULL,         -- modification time, Unix nanoseconds
	date     TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD, or '' when unknown
	title    TEXT NOT NULL,
	articles INTEGER NOT NULL,
	parser   TEXT NOT NULL,            -- fingerprint of the parser that indexed it
	gone     INTEGER NOT NULL DEFAULT 0 -- 1 once the file was found removed; state is kept
);
CREATE INDEX editions_hash ON editions(hash);
CREATE INDEX editions_date ON editions(date);

CREATE TABLE articles (
	id       INTEGER PRIMARY KEY,
	edition  INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
	aid      TEXT NOT NULL,   -- the article's ID in its edition, "S-N"
	section  INTEGER NOT NULL,
	seq      INTEGER NOT NULL, -- position in the edition, from 0
	headline TEXT NOT NULL,
	text     TEXT NOT NULL,   -- headLines lines of headline stack and byline, then one line per body block
	UNIQUE (edition, aid)
);

CREATE TABLE reads (
	edition INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
	aid     TEXT NOT NULL,
	at      INTEGER NOT NULL, -- Unix seconds
	PRIMARY KEY (edition, aid)
) WITHOUT ROWID;

CREATE TABLE bookmarks (
	edition  INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
	aid      TEXT NOT NULL,
	headline TEXT NOT NULL, -- as it was when saved, in case a re-parse renames the article
	at       INTEGER NOT NULL, -- Unix nanoseconds
	PRIMARY KEY (edition, aid)
) WITHOUT ROWID;

CREATE TABLE positions (
	edition INTEGER PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
	aid     TEXT NOT NULL,
	block   INTEGER NOT NULL,
	offset  INTEGER NOT NULL,
	at      INTEGER NOT NULL -- Unix nanoseconds
);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
`,
	// 1 → 2: the trigram search index over articles.text, filled from the
	// articles already stored and kept in step by triggers.
	`
CREATE VIRTUAL TABLE articles_fts USING fts5(
	text, content='articles', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO articles_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
`,
	// 2 → 3: new articles are added to the search index by the indexer, with
	// one INSERT … SELECT per edition, not by a trigger per row: FTS5 writes
	// out its pending terms at every statement savepoint, so the trigger
	// wrote an index segment per article and import spent most of its time
	// merging them.
	`
DROP TRIGGER articles_ai;
`,
	// 3 → 4: the index by date also holds gone, so finding the dates that
	// name more than one edition (see Store.annotate) reads the index alone.
	`
DROP INDEX editions_date;
CREATE INDEX editions_date ON editions(date, gone);
`,
	// 4 → 5: subscriptions (see subscriptions.go), the validators of the
	// last good response from each URL fetched, for conditional requests,
	// and the feed items each subscription has saved, so an update fetches
	// only what is new.
	`
CREATE TABLE subscriptions (
	name       TEXT PRIMARY KEY,
	url        TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	added      INTEGER NOT NULL,           -- Unix seconds
	updated    INTEGER NOT NULL DEFAULT 0, -- Unix seconds of the last update that succeeded; 0 never
	last_error TEXT NOT NULL DEFAULT ''    -- the last update's failure, '' when it succeeded
) WITHOUT ROWID;

CREATE TABLE http_validators (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	at            INTEGER NOT NULL -- Unix seconds
) WITHOUT ROWID;

CREATE TABLE fetched_items (
	subscription TEXT NOT NULL REFERENCES subscriptions(name) ON DELETE CASCADE ON UPDATE CASCADE,
	item         TEXT NOT NULL, -- the feed item's GUID, else its link
	edition      TEXT NOT NULL, -- the edition folder it was saved in
	at           INTEGER NOT NULL, -- Unix seconds
	PRIMARY KEY (subscription, item)
) WITHOUT ROWID;
`,
	// 5 → 6: the trigram index's vocabulary, so that a query of one or two
	// characters is answered from the index: it matches exactly the
	// articles holding a trigram that starts with it (articleText ends with
	// two line breaks, so every character starts a trigram).
	`
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
`,
	// 6 → 7: the search index keeps which articles hold each trigram but
	// not where (detail=none), nor each article's length (columnsize=0):
	// positions were most of its size, and only phrase queries need them,
	// which search now makes of the trigrams and checks against the text
	// (see searchIndex). It merges its segments only when asked to (see
	// mergeIndex), once an import is done, not while it runs.
	`
DROP TABLE articles_fts_vocab;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au;
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
	text, content='articles', content_rowid='id', tokenize='trigram', detail=none, columnsize=0
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 0);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', ` + crisisMerge + `);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', ` + hashSize + `);
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER articles_au AFTER UPDATE OF text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
	INSERT INTO articles_fts(rowid, text) VALUES (new.id, new.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, 'row');
`,
	// 7 → 8: articles longer than pieceBytes (262144) are indexed and taken
	// out of the search index a piece at a time, by unindexLong, so that
	// FTS5 never holds all the trigrams of one long text at once; the delete
	// trigger takes out the others. (Its length in bytes is the length of
	// the text as a blob: octet_length would do, but is too new for older
	// sqlite3 shells that may open the store.) The long articles indexed
	// before are listed in indexed_whole: FTS5 counts the rows it indexes,
	// and a row put in whole must be taken out whole, or the count goes
	// below zero, which FTS5 reports as a corrupt index.
	`
CREATE TABLE indexed_whole (id INTEGER PRIMARY KEY);
INSERT INTO indexed_whole (id) SELECT id FROM articles WHERE octet_length(text) > 262144;
DROP TRIGGER articles_ad;
CREATE TRIGGER articles_ad AFTER DELETE ON articles WHEN length(CAST(old.text AS BLOB)) <= 262144 BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
`,
}

// crisisMerge is the number of segments on one level of the search index
// at which FTS5 merges them even with automerge off: far more than an
// import makes (one per batch, see batchMax), below FTS5's limit of 2000.
const crisisMerge = "500"

// hashSize is how many bytes of pending terms FTS5 holds in memory before
// it writes them out as a segment (1 MiB by default): enough for a whole
// indexing batch, so that a batch makes one segment, not one per megabyte.
const hashSize = "33554432"

// SchemaVersion is the schema version this build of dubao writes: the
// number of migrations.
const SchemaVersion = 8

// VersionError says the store was written by a newer dubao, whose schema
// this build does not know; the store is left untouched.
type VersionError struct {
	// Have is the store's version; Want is the newest this build knows.
	Have, Want int
}

func (e *VersionError) Error() string {
	return fmt.Sprintf("store has schema version %d, newer than this dubao knows (%d)", e.Have, e.Want)
}

// migrate brings db to SchemaVersion. Each step runs in its own immediate
// transaction that re-reads the version first, so two processes opening an
// old store at once migrate it once, and a kill between steps leaves a store
// at a valid version.
func migrate(ctx context.Context, db *sql.DB) error {
	return migrateTo(ctx, db, SchemaVersion)
}

func migrateTo(ctx context.Context, db *sql.DB, want int) error {
	for {
		done, err := migrateStep(ctx, db, want)
		if err != nil || done {
			return err
		}
	}
}

// migrateStep applies the next migration below want, and reports whether
// there was none left. It also probes that the store can be written, so an
// unwritable data directory is found at Open and not at the first read mark.
func migrateStep(ctx context.Context, db *sql.DB, want int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return false, err
	}
	if have > len(migrations) {
		return false, &VersionError{Have: have, Want: len(migrations)}
	}
	if have >= want {
		// An immediate transaction already took the write lock; committing
		// it proves the store is writable without changing anything.
		return true, tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, migrations[have]); err != nil {
		return false, fmt.Errorf("migrating store from version %d: %w", have, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", have+1)); err != nil {
		return false, err
	}
	return false, tx.Commit()
}
