package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Subscription is a paper dubao updates: a feed, or an e-paper's 版面 URL.
type Subscription struct {
	// Name names it on the command line and names its folder on the shelf.
	Name string
	// URL is fetched on each update.
	URL string
	// Title is what the paper calls itself (an OPML outline's title), if
	// known.
	Title string
	// Added is when it was subscribed.
	Added time.Time
	// Updated is when an update last succeeded; zero if never.
	Updated time.Time
	// LastError is why the last update failed; empty when it succeeded.
	LastError string
}

// ErrNoSubscription says no subscription has the name given.
var ErrNoSubscription = errors.New("no such subscription")

// ErrSubscribed says a subscription of that name exists already.
var ErrSubscribed = errors.New("a subscription of that name exists")

// CheckSubscriptionName says whether name can name a subscription: it
// becomes a folder name, so no path separators, no leading dot, no control
// characters or spaces.
func CheckSubscriptionName(name string) error {
	switch {
	case name == "":
		return errors.New("empty subscription name")
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "-"):
		return fmt.Errorf("subscription name %q may not start with %q", name, name[:1])
	case strings.IndexFunc(name, func(r rune) bool {
		return r == '/' || r == '\\' || unicode.IsSpace(r) || unicode.IsControl(r) || r == unicode.ReplacementChar
	}) >= 0:
		return fmt.Errorf("subscription name %q may not hold spaces, slashes or control characters", name)
	}
	return nil
}

// AddSubscription subscribes to sub.URL under sub.Name; ErrSubscribed if
// the name is taken.
func (st *Store) AddSubscription(ctx context.Context, sub Subscription) error {
	if err := CheckSubscriptionName(sub.Name); err != nil {
		return err
	}
	if sub.Added.IsZero() {
		sub.Added = time.Now()
	}
	return st.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO subscriptions (name, url, title, added) VALUES (?, ?, ?, ?)`,
			sub.Name, sub.URL, sub.Title, sub.Added.Unix())
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s: %w", sub.Name, ErrSubscribed)
		}
		return nil
	})
}

// RemoveSubscription unsubscribes name and forgets the items it saved;
// the editions on the shelf stay.
func (st *Store) RemoveSubscription(ctx context.Context, name string) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM subscriptions WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s: %w", name, ErrNoSubscription)
		}
		return nil
	})
}

// Subscriptions returns every subscription, by name.
func (st *Store) Subscriptions(ctx context.Context) ([]Subscription, error) {
	rows, err := st.db.QueryContext(ctx, `SELECT name, url, title, added, updated, last_error FROM subscriptions ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Subscription
	for rows.Next() {
		var s Subscription
		var added, updated int64
		if err := rows.Scan(&s.Name, &s.URL, &s.Title, &added, &updated, &s.LastError); err != nil {
			return nil, err
		}
		s.Added = time.Unix(added, 0)
		if updated != 0 {
			s.Updated = time.Unix(updated, 0)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SubscriptionNamed returns the subscription called name, or
// ErrNoSubscription.
func (st *Store) SubscriptionNamed(ctx context.Context, name string) (Subscription, error) {
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		return Subscription{}, err
	}
	for _, s := range subs {
		if s.Name == name {
			return s, nil
		}
	}
	return Subscription{}, fmt.Errorf("%s: %w", name, ErrNoSubscription)
}

// Validators returns the ETag and Last-Modified of the last good response
// from url, empty if none is known.
func (st *Store) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = st.db.QueryRowContext(ctx, `SELECT etag, last_modified FROM http_validators WHERE url = ?`, url).Scan(&etag, &lastModified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	return etag, lastModified, err
}

// FetchedItems returns the feed items subscription name has saved.
func (st *Store) FetchedItems(ctx context.Context, name string) (map[string]bool, error) {
	rows, err := st.db.QueryContext(ctx, `SELECT item FROM fetched_items WHERE subscription = ?`, name)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		set[id] = true
	}
	return set, rows.Err()
}

// Update is what one successful update of a subscription saved.
type Update struct {
	// Edition is the folder saved into; empty when nothing was new.
	Edition string
	// Items are the feed items saved.
	Items []string
	// URL, ETag and LastModified are the validators to send next time.
	URL, ETag, LastModified string
}

// RecordUpdate records, in one transaction, that an update of name
// succeeded at at: the items it saved, the validators of its URL, and the
// time. Call it only once the edition is on the shelf, so a kill before
// then leaves the items to fetch again.
func (st *Store) RecordUpdate(ctx context.Context, name string, at time.Time, u Update) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE subscriptions SET updated = ?, last_error = '' WHERE name = ?`, at.Unix(), name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%s: %w", name, ErrNoSubscription)
		}
		for _, id := range u.Items {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO fetched_items (subscription, item, edition, at) VALUES (?, ?, ?, ?)`,
				name, id, u.Edition, at.Unix()); err != nil {
				return err
			}
		}
		if u.URL != "" && (u.ETag != "" || u.LastModified != "") {
			if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO http_validators (url, etag, last_modified, at) VALUES (?, ?, ?, ?)`,
				u.URL, u.ETag, u.LastModified, at.Unix()); err != nil {
				return err
			}
		}
		return nil
	})
}

// RecordFailure records why an update of name failed.
func (st *Store) RecordFailure(ctx context.Context, name string, why error) error {
	return st.inTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE subscriptions SET last_error = ? WHERE name = ?`, why.Error(), name)
		return err
	})
}
