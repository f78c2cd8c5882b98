package library

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"dubao/model"
)

// Every method here is one short transaction: once it returns nil, what it
// saved survives the process being killed, and another dubao running at the
// same time sees it.

// MarkRead marks articles of edition ed (an Edition.ID) read.
func (st *Store) MarkRead(ctx context.Context, ed int64, aids ...string) error {
	now := time.Now().Unix()
	return st.inTx(ctx, func(tx *sql.Tx) error {
		for _, aid := range aids {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO reads (edition, aid, at) VALUES (?, ?, ?)`, ed, aid, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// MarkUnread takes the read marks off articles of edition ed.
func (st *Store) MarkUnread(ctx context.Context, ed int64, aids ...string) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		for _, aid := range aids {
			if _, err := tx.ExecContext(ctx, `DELETE FROM reads WHERE edition = ? AND aid = ?`, ed, aid); err != nil {
				return err
			}
		}
		return nil
	})
}

// MarkSectionRead marks every article of section s of edition ed read.
func (st *Store) MarkSectionRead(ctx context.Context, ed int64, s *model.Section) error {
	aids := make([]string, len(s.Articles))
	for i := range s.Articles {
		aids[i] = s.Articles[i].ID
	}
	return st.MarkRead(ctx, ed, aids...)
}

// ReadSet returns the IDs of the articles of edition ed marked read.
func (st *Store) ReadSet(ctx context.Context, ed int64) (map[string]bool, error) {
	return st.aidSet(ctx, `SELECT aid FROM reads WHERE edition = ?`, ed)
}

func (st *Store) aidSet(ctx context.Context, query string, ed int64) (map[string]bool, error) {
	rows, err := st.db.QueryContext(ctx, query, ed)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[string]bool{}
	for rows.Next() {
		var aid string
		if err := rows.Scan(&aid); err != nil {
			return nil, err
		}
		set[aid] = true
	}
	return set, rows.Err()
}

// Counts are an edition's unread articles, in all and by section.
type Counts struct {
	// Total is the number of unread articles in the edition.
	Total int
	// Sections holds the unread count of each section, in the edition's
	// order (Sections[i] for ed.Sections[i]).
	Sections []int
}

// Unread counts the articles of ed not in read (from ReadSet).
func Unread(ed *model.Edition, read map[string]bool) Counts {
	c := Counts{Sections: make([]int, len(ed.Sections))}
	for i := range ed.Sections {
		for _, a := range ed.Sections[i].Articles {
			if !read[a.ID] {
				c.Sections[i]++
				c.Total++
			}
		}
	}
	return c
}

// Bookmark is a saved article.
type Bookmark struct {
	// Edition is the edition it is in.
	Edition Edition
	// Article is the article's ID in that edition, "S-N".
	Article string
	// Headline is the article's headline when it was saved.
	Headline string
	// Saved is when it was saved.
	Saved time.Time
}

// ToggleBookmark saves article aid of edition ed, or unsaves it if it was
// saved, and reports whether it is saved now.
func (st *Store) ToggleBookmark(ctx context.Context, ed int64, aid string) (bool, error) {
	var on bool
	err := st.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM bookmarks WHERE edition = ? AND aid = ?`, ed, aid)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		on = true
		_, err = tx.ExecContext(ctx, `INSERT INTO bookmarks (edition, aid, headline, at)
			VALUES (?1, ?2, coalesce((SELECT `+headlineSQL("articles")+` FROM articles WHERE edition = ?1 AND aid = ?2), ''), ?3)`,
			ed, aid, time.Now().UnixNano())
		return err
	})
	return on, err
}

// Bookmarked returns the IDs of the saved articles of edition ed.
func (st *Store) Bookmarked(ctx context.Context, ed int64) (map[string]bool, error) {
	return st.aidSet(ctx, `SELECT aid FROM bookmarks WHERE edition = ?`, ed)
}

// Bookmarks lists the saved articles of every edition whose file is still
// known, most recently saved first.
func (st *Store) Bookmarks(ctx context.Context) ([]Bookmark, error) {
	var list []Bookmark
	err := st.each(ctx, `SELECT `+editionCols("e")+`, b.aid, coalesce(`+headlineSQL("a")+`, b.headline), b.at
		FROM bookmarks b JOIN editions e ON e.id = b.edition
		LEFT JOIN articles a ON a.edition = b.edition AND a.aid = b.aid
		WHERE e.gone = 0 ORDER BY b.at DESC, e.date DESC, b.aid`, nil, func(rows *sql.Rows) error {
		var b Bookmark
		var at int64
		var err error
		b.Edition, err = scanEdition(rows, &b.Article, &b.Headline, &at)
		b.Saved = time.Unix(0, at)
		list = append(list, b)
		return err
	})
	if err != nil {
		return nil, err
	}
	eds := make([]Edition, len(list))
	for i := range list {
		eds[i] = list[i].Edition
	}
	if err := st.annotate(ctx, eds); err != nil {
		return nil, err
	}
	for i := range list {
		list[i].Edition = eds[i]
	}
	return list, nil
}

// Position is where the reader stopped in an edition.
type Position struct {
	// Article is the article's ID, "S-N".
	Article string
	// Block is the index in the article's Body of the block at the top of
	// the screen; -1 for the headline stack.
	Block int
	// Offset is the byte offset in that block's text of the first character
	// on screen, so the place survives a change of terminal width.
	Offset int
	// Saved is when the position was saved.
	Saved time.Time
}

// SetPosition saves where the reader is in edition ed.
func (st *Store) SetPosition(ctx context.Context, ed int64, p Position) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO positions (edition, aid, block, offset, at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (edition) DO UPDATE SET aid = excluded.aid, block = excluded.block, offset = excluded.offset, at = excluded.at`,
			ed, p.Article, p.Block, p.Offset, time.Now().UnixNano())
		return err
	})
}

// Position returns where the reader stopped in edition ed, and false if it
// never saved one.
func (st *Store) Position(ctx context.Context, ed int64) (Position, bool, error) {
	var p Position
	var at int64
	err := st.db.QueryRowContext(ctx, `SELECT aid, block, offset, at FROM positions WHERE edition = ?`, ed).
		Scan(&p.Article, &p.Block, &p.Offset, &at)
	if err == sql.ErrNoRows {
		return Position{}, false, nil
	}
	if err != nil {
		return Position{}, false, err
	}
	p.Saved = time.Unix(0, at)
	return p, true, nil
}

// SetToggle remembers a display toggle (such as "unread-only" or "bylines")
// for every edition and later runs.
func (st *Store) SetToggle(ctx context.Context, name string, on bool) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, "toggle."+name, strconv.FormatBool(on))
		return err
	})
}

// Toggles returns every remembered display toggle by name. A toggle never
// set is absent, so the reader can apply its own default.
func (st *Store) Toggles(ctx context.Context) (map[string]bool, error) {
	rows, err := st.db.QueryContext(ctx, `SELECT substr(key, 8), value FROM settings WHERE key LIKE 'toggle.%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]bool{}
	for rows.Next() {
		var name, v string
		if err := rows.Scan(&name, &v); err != nil {
			return nil, err
		}
		m[name], _ = strconv.ParseBool(v)
	}
	return m, rows.Err()
}

// SetSetting remembers a display setting that is not on or off, such as
// the script the text is shown in, for every edition and later runs.
func (st *Store) SetSetting(ctx context.Context, name, value string) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, "setting."+name, value)
		return err
	})
}

// Settings returns every remembered display setting by name; one never set
// is absent.
func (st *Store) Settings(ctx context.Context) (map[string]string, error) {
	rows, err := st.db.QueryContext(ctx, `SELECT substr(key, 9), value FROM settings WHERE key LIKE 'setting.%'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]string{}
	for rows.Next() {
		var name, v string
		if err := rows.Scan(&name, &v); err != nil {
			return nil, err
		}
		m[name] = v
	}
	return m, rows.Err()
}

// inTx runs f in a write transaction and commits it if f succeeds.
func (st *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := st.beginWrite(ctx)
	if err != nil {
		return err
	}
	return st.endWrite(tx, f(tx))
}

// beginWrite starts a write transaction once this process's other writers
// are done. SQLite's busy handler retries by sleeping, so a reader marking
// an article read could lose every race with the indexer starting its next
// batch; a Go mutex queues them fairly instead (it hands over to a waiter
// that has waited more than a millisecond).
func (st *Store) beginWrite(ctx context.Context) (*sql.Tx, error) {
	st.writeMu.Lock()
	tx, err := st.db.BeginTx(ctx, nil)
	if err != nil {
		st.writeMu.Unlock()
		return nil, err
	}
	return tx, nil
}

// endWrite commits tx, or rolls it back if err is not nil, and lets the
// next writer in.
func (st *Store) endWrite(tx *sql.Tx, err error) error {
	defer st.writeMu.Unlock()
	if err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
