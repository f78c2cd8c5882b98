package library

import (
	"fmt"
	"time"
)

// An article's row ID in the store (articles.id, and the search index's
// rowid) is its sort key: the edition's date, then the edition, then the
// article's place in it, packed so that descending row IDs list the newest
// edition first and its articles in reading order. Search then reads hits in
// index order and stops after a page, and tells an article's edition from
// its row ID alone, without a lookup per hit.
//
//	bits 36…57  days since 0000-12-31 of the edition's date (0 when undated)
//	bits 12…35  edition ID
//	bits  0…11  4095 − the article's position in the edition
const (
	keySeqBits     = 12
	keyEditionBits = 24
	keyMaxSeq      = 1<<keySeqBits - 1
	keyMaxEdition  = 1<<keyEditionBits - 1
	// daysBeforeUnix is the number of days from 0000-12-31 to 1970-01-01,
	// so that every date from year 1 on has a positive day number.
	daysBeforeUnix = 719163
)

// articleKey returns the row ID of the seq-th article (from 0) of edition
// id dated date (YYYY-MM-DD or "").
func articleKey(date string, id int64, seq int) (int64, error) {
	if id > keyMaxEdition || seq > keyMaxSeq {
		return 0, fmt.Errorf("store full: edition %d or article %d past the %d editions and %d articles each it can hold",
			id, seq, keyMaxEdition, keyMaxSeq+1)
	}
	var days int64
	if t, err := time.Parse(time.DateOnly, date); err == nil {
		days = t.Unix()/86400 + daysBeforeUnix
	}
	return days<<(keyEditionBits+keySeqBits) | id<<keySeqBits | int64(keyMaxSeq-seq), nil
}

// keyEdition is the SQL expression for the edition ID of the article whose
// row ID is col.
func keyEdition(col string) string {
	return fmt.Sprintf("((%s >> %d) & %d)", col, keySeqBits, keyMaxEdition)
}
