package ui

import (
	"context"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/ui/common"
)

// TestQuitWhileIndexingKeepsMarks: a story marked read while the shelf
// indexes a long edition in the background (one an update brought) is in
// the store after quitting, with the shelf and the store closed after the
// program as dubao closes them. The mark waited behind the indexing's
// transaction, and the store was closed under it: quitting now stops the
// indexing and waits for the writes asked for. (Should the indexing end
// before the mark is made, the test checks less, never wrongly.)
func TestQuitWhileIndexingKeepsMarks(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes megabytes")
	}
	ctx := context.Background()
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	// An older edition comes, of ideographs drawn at random, so that
	// nearly every trigram is new and indexing it takes seconds.
	r := rand.New(rand.NewPCG(1, 2))
	var long strings.Builder
	for range 700_000 {
		long.WriteRune(rune(0x4e00 + r.IntN(20000)))
	}
	path := filepath.Join(dir, "2020-01-01.txt")
	if err := os.WriteFile(path, []byte(long.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	re, err := f.sh.Reopen(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(re.Close)
	next, _ := m.Update(reopenedMsg{sh: re}) // its commands follow the indexing; not run
	m = next.(Model)

	// The long edition's transaction is under way while the store's write
	// lock is taken (a second connection cannot begin a write) and the
	// shelf does not list it indexed.
	probe, err := sql.Open("sqlite", "file:"+filepath.Join(data, library.FileName)+"?_txlock=immediate&_pragma=busy_timeout(0)")
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close()
	indexed := func() bool {
		list, _ := re.Editions(ctx)
		for _, e := range list {
			if e.Path == path {
				return e.Indexed
			}
		}
		return false
	}
	for {
		if indexed() {
			t.Log("the long edition was indexed before the mark")
			break
		}
		tx, err := probe.Begin()
		if err != nil {
			break // the indexer holds the lock
		}
		tx.Rollback()
		time.Sleep(5 * time.Millisecond)
	}
	next, cmd := m.Update(press("m")[0])
	m = next.(Model)
	story := m.article.Article().ID
	marked := make(chan struct{})
	go func(cmd tea.Cmd) { // as Bubble Tea runs a command
		run(cmd)
		close(marked)
	}(cmd)
	next, cmd = m.Update(press("q")[0])
	m = next.(Model)
	run(cmd)
	re.Close()
	f.close()
	<-marked

	st, err := library.Open(library.Options{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	read, err := st.ReadSet(ctx, m.lib.rec.ID)
	if err != nil || !read[story] {
		t.Fatalf("after quitting the store has %v read (%v), not %s", read, err, story)
	}
}
