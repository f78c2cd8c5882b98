package library

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestSubscriptions(t *testing.T) {
	forEachStore(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
		if err := st.AddSubscription(ctx, Subscription{Name: "rmrb", URL: "http://paper.example/rmrb/", Added: at}); err != nil {
			t.Fatal(err)
		}
		if err := st.AddSubscription(ctx, Subscription{Name: "早报", URL: "https://feed.example/rss", Title: "联合早报"}); err != nil {
			t.Fatal(err)
		}
		err := st.AddSubscription(ctx, Subscription{Name: "rmrb", URL: "http://other/"})
		if !errors.Is(err, ErrSubscribed) {
			t.Errorf("adding a name twice: %v", err)
		}
		for _, bad := range []string{"", ".hidden", "a/b", "a b", "-x", "a\x1bb"} {
			if err := st.AddSubscription(ctx, Subscription{Name: bad, URL: "http://x/"}); err == nil {
				t.Errorf("name %q accepted", bad)
			}
		}
		subs, err := st.Subscriptions(ctx)
		if err != nil || len(subs) != 2 || subs[0].Name != "rmrb" || subs[0].URL != "http://paper.example/rmrb/" || !subs[0].Added.Equal(at) || subs[1].Title != "联合早报" {
			t.Fatalf("Subscriptions = %+v, %v", subs, err)
		}

		// An update records items and validators together.
		if err := st.RecordUpdate(ctx, "早报", at, Update{Edition: "/p/早报/2026-12-01", Items: []string{"g1", "g2"}, URL: "https://feed.example/rss", ETag: `"e"`, LastModified: "Tue, 01 Dec 2026 08:00:00 GMT"}); err != nil {
			t.Fatal(err)
		}
		items, err := st.FetchedItems(ctx, "早报")
		if err != nil || len(items) != 2 || !items["g1"] || !items["g2"] {
			t.Errorf("FetchedItems = %v, %v", items, err)
		}
		etag, lm, err := st.Validators(ctx, "https://feed.example/rss")
		if err != nil || etag != `"e"` || lm != "Tue, 01 Dec 2026 08:00:00 GMT" {
			t.Errorf("Validators = %q %q %v", etag, lm, err)
		}
		if etag, lm, err := st.Validators(ctx, "http://unknown/"); etag != "" || lm != "" || err != nil {
			t.Errorf("Validators of an unknown URL = %q %q %v", etag, lm, err)
		}
		if err := st.RecordFailure(ctx, "早报", errors.New("http://x: 503")); err != nil {
			t.Fatal(err)
		}
		s, err := st.SubscriptionNamed(ctx, "早报")
		if err != nil || s.LastError != "http://x: 503" || !s.Updated.Equal(at) {
			t.Errorf("SubscriptionNamed = %+v, %v", s, err)
		}
		if err := st.RecordUpdate(ctx, "nobody", at, Update{}); !errors.Is(err, ErrNoSubscription) {
			t.Errorf("RecordUpdate of an unknown name: %v", err)
		}

		// Removing forgets its items.
		if err := st.RemoveSubscription(ctx, "早报"); err != nil {
			t.Fatal(err)
		}
		if items, _ := st.FetchedItems(ctx, "早报"); len(items) != 0 {
			t.Errorf("items after remove: %v", items)
		}
		if err := st.RemoveSubscription(ctx, "早报"); !errors.Is(err, ErrNoSubscription) {
			t.Errorf("removing twice: %v", err)
		}
		if _, err := st.SubscriptionNamed(ctx, "早报"); !errors.Is(err, ErrNoSubscription) {
			t.Errorf("SubscriptionNamed after remove: %v", err)
		}
	})
}

// A store at schema version 4 (before subscriptions) gains the tables and
// keeps its editions.
func TestMigrationAddsSubscriptions(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(context.Background(), db, 4); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO editions (path, hash, size, mtime, title, articles, parser) VALUES ('/a.txt', 'h', 1, 1, 'A', 0, 'p')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st := openTest(t, dir, nil)
	var n int
	st.db.QueryRow(`SELECT count(*) FROM editions`).Scan(&n)
	if n != 1 {
		t.Errorf("%d editions after the migration", n)
	}
	if err := st.AddSubscription(context.Background(), Subscription{Name: "a", URL: "http://a/"}); err != nil {
		t.Error(err)
	}
}
