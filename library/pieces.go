package library

import (
	"context"
	"database/sql"
	"unicode/utf8"
)

// An article's text goes into the search index in one insert, and FTS5
// holds all the distinct trigrams of a row in memory until the row is done:
// a story of 50 MB of text with few repeats (17 million distinct trigrams)
// took gigabytes and minutes. Articles longer than pieceBytes are indexed
// and taken out of the index a piece at a time, each piece in a statement
// of its own, after which FTS5 writes out what it holds; the pieces overlap
// by two characters, so every trigram of the text is in one of them. The
// index then lists the article under a trigram once per piece holding it,
// in different segments until they are merged, which FTS5 reads as one
// entry (a newer segment's entry for a row replaces an older one's).

// pieceBytes is the most text an insert into the search index takes: a
// quarter megabyte, which FTS5 holds in about ten megabytes at worst (every
// trigram new). The delete trigger of migration 7 → 8 leaves the longer
// articles to unindexLong and holds this number in its text, and the
// articles indexed with it must be taken out in the same pieces (see
// unindexLong): changing it takes a new migration that indexes the long
// articles again.
const pieceBytes = 256 << 10

// pieceOverlap is how many characters a piece repeats of the one before:
// a trigram's first two.
const pieceOverlap = 2

// pieces cuts text into pieces of at most pieceBytes, at character
// boundaries, each starting pieceOverlap characters before the end of the
// one before. A text of pieceBytes or less is one piece.
func pieces(text string) []string {
	var out []string
	start := 0
	for {
		if len(text)-start <= pieceBytes {
			return append(out, text[start:])
		}
		// Back to the start of a character: at most three bytes, in
		// text that is UTF-8 (stored text is; anything else is cut where
		// it falls).
		end := start + pieceBytes
		for i := 1; i < utf8.UTFMax && !utf8.RuneStart(text[end]); i++ {
			end--
		}
		out = append(out, text[start:end])
		next := end
		for range pieceOverlap {
			_, size := utf8.DecodeLastRuneInString(text[start:next])
			next -= size
		}
		if next <= start { // never, with pieces of many characters; but always go on
			next = end
		}
		start = next
	}
}

// isLong reports whether an article's stored text is indexed in pieces.
func isLong(text string) bool { return len(text) > pieceBytes }

// indexLong adds the long articles among rows, already stored, to the
// search index a piece at a time.
func indexLong(ctx context.Context, tx *sql.Tx, rows []articleRow) error {
	for _, r := range rows {
		if !isLong(r.text) {
			continue
		}
		for _, p := range pieces(r.text) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, text) VALUES (?, ?)`, r.key, p); err != nil {
				return err
			}
		}
	}
	return nil
}

// unindexLong takes the long articles of edition id out of the search
// index a piece at a time, before its articles are deleted (the delete
// trigger takes out only the others); those an older dubao indexed whole
// (see migration 7 → 8), whole. Texts are read one at a time; octet_length
// does not read them.
//
// The pieces taken out must be the pieces put in: FTS5 counts its rows,
// one for each insert, and an index whose count would go below zero is
// reported corrupt.
func unindexLong(ctx context.Context, tx *sql.Tx, edition int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM articles WHERE edition = ? AND octet_length(text) > ?`, edition, pieceBytes)
	if err != nil {
		return err
	}
	var keys []int64
	for rows.Next() {
		var key int64
		if err := rows.Scan(&key); err != nil {
			rows.Close()
			return err
		}
		keys = append(keys, key)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for _, key := range keys {
		var text string
		var whole bool
		err := tx.QueryRowContext(ctx, `SELECT text, id IN (SELECT id FROM indexed_whole) FROM articles WHERE id = ?`, key).Scan(&text, &whole)
		if err != nil {
			return err
		}
		ps := pieces(text)
		if whole {
			ps = []string{text}
			if _, err := tx.ExecContext(ctx, `DELETE FROM indexed_whole WHERE id = ?`, key); err != nil {
				return err
			}
		}
		for _, p := range ps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rowid, text) VALUES ('delete', ?, ?)`, key, p); err != nil {
				return err
			}
		}
	}
	return nil
}
