package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"dubao/fetch"
	"dubao/library"
	"dubao/ui"
)

// updateUsage is the command line of dubao update.
const updateUsage = "usage: dubao update [--into DIR] [--data-dir DIR] [NAME...]"

// now is the clock of update; tests set it.
var now = time.Now

// runUpdate implements `dubao update [NAME...]`: it fetches what is new
// for every subscription (or those named), prints the path of each edition
// that changed, and exits with status 1 if any failed, one line each.
func runUpdate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("update", updateUsage, stderr)
	into := intoFlag(fs)
	dataDir := dataDirFlag(fs)
	names, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	dir, err := shelfDir(*into, *dataDir)
	if err != nil {
		return fail(stderr, err)
	}
	st, err := openSubscriptions(*dataDir, stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	if len(names) > 0 {
		byName := map[string]library.Subscription{}
		for _, s := range subs {
			byName[s.Name] = s
		}
		subs = subs[:0:0]
		for _, n := range names {
			s, ok := byName[n]
			if !ok {
				return fail(stderr, fmt.Errorf("%s: %w (see dubao subscribe list)", n, library.ErrNoSubscription))
			}
			subs = append(subs, s)
		}
	}
	if len(subs) == 0 {
		fmt.Fprintln(stderr, "dubao: no subscriptions: add one with dubao subscribe add NAME URL")
		return 0
	}
	f := newFetcher(dir, stderr)
	failed := 0
	for _, sub := range subs {
		path, fresh, err := updateOne(ctx, st, f, sub)
		f.done()
		if err != nil {
			failed++
			fmt.Fprintf(stderr, "dubao: update %s: %s\n", sub.Name, sanitizeLine(err.Error()))
			st.RecordFailure(context.Background(), sub.Name, err)
			if ctx.Err() != nil {
				break
			}
			continue
		}
		if fresh {
			fmt.Fprintln(stdout, path)
		} else {
			f.status(sub.Name + ": nothing new")
		}
	}
	if failed > 0 {
		return exitFetchFailed
	}
	return 0
}

// readerUpdater is what U runs in the reader: the update of every
// subscription into the papers directory, as runUpdate does it, without
// output, until ctx is done. It is nil (U off) when the store has no
// subscriptions or keeps nothing on disk. wait, called once ctx is done,
// waits for an update still running to end, so the store can be closed
// after it.
func readerUpdater(ctx context.Context, st *library.Store, dataDir string) (update ui.Updater, wait func()) {
	// started guards running: while wait holds it, once ctx is done, no
	// update starts (one that gets it later sees ctx done), so Wait is not
	// raced by an Add.
	var started sync.Mutex
	var running sync.WaitGroup
	wait = func() {
		started.Lock()
		defer started.Unlock()
		running.Wait()
	}
	if st == nil || st.Unsaved() != nil {
		return nil, wait
	}
	if subs, err := st.Subscriptions(ctx); err != nil || len(subs) == 0 {
		return nil, wait
	}
	dir, err := shelfDir("", dataDir)
	if err != nil {
		return nil, wait
	}
	return func(_ context.Context, progress func(done, total int)) (changed []string, failed []error) {
		started.Lock()
		if ctx.Err() != nil {
			started.Unlock()
			return nil, nil // the reader has quit
		}
		running.Add(1)
		started.Unlock()
		defer running.Done()
		subs, err := st.Subscriptions(ctx)
		if err != nil {
			return nil, []error{err}
		}
		f := newFetcher(dir, io.Discard)
		for i, sub := range subs {
			if ctx.Err() != nil {
				break
			}
			progress(i+1, len(subs))
			path, fresh, err := updateOne(ctx, st, f, sub)
			if err != nil {
				if ctx.Err() == nil {
					st.RecordFailure(context.Background(), sub.Name, err)
				}
				// The status line has room for the name and the reason;
				// subscribe list keeps the URL with the failure.
				why := err.Error()
				var fe *fetch.Error
				if errors.As(err, &fe) {
					why = strings.TrimPrefix(why, fe.URL+": ")
				}
				failed = append(failed, fmt.Errorf("%s: %s", sub.Name, sanitizeLine(why)))
				continue
			}
			if fresh {
				changed = append(changed, path)
			}
		}
		return changed, failed
	}, wait
}

// updateOne fetches one subscription and records what it saved. fresh is
// false when nothing was new.
func updateOne(ctx context.Context, st *library.Store, f *cliFetcher, sub library.Subscription) (path string, fresh bool, err error) {
	u := expandDate(sub.URL, now())
	etag, lm, err := st.Validators(ctx, u)
	if err != nil {
		return "", false, err
	}
	seen, err := st.FetchedItems(ctx, sub.Name)
	if err != nil {
		return "", false, err
	}
	res, err := f.Fetch(ctx, fetch.Request{
		URL: u, Source: sub.Name,
		Validators: fetch.Validators{ETag: etag, LastModified: lm},
		Seen:       func(id string) bool { return seen[id] },
	})
	if err != nil {
		return "", false, err
	}
	up := library.Update{Edition: res.Path, URL: u, ETag: res.Validators.ETag, LastModified: res.Validators.LastModified}
	up.Items = res.Items
	if err := st.RecordUpdate(context.Background(), sub.Name, now(), up); err != nil {
		return "", false, err
	}
	if res.NotModified || res.Existing || res.Path == "" {
		return res.Path, false, nil
	}
	return res.Path, true, nil
}

// expandDate fills a subscription URL's date fields from t: {date} is
// 2024-03-05, {yyyy} {mm} {dd} its parts and {yyyymmdd} 20240305, for an
// e-paper whose 版面 URLs name the day.
func expandDate(u string, t time.Time) string {
	if !strings.Contains(u, "{") {
		return u
	}
	return strings.NewReplacer(
		"{date}", t.Format("2006-01-02"),
		"{yyyymmdd}", t.Format("20060102"),
		"{yyyy}", t.Format("2006"),
		"{mm}", t.Format("01"),
		"{dd}", t.Format("02"),
	).Replace(u)
}

// openSubscriptions opens the store for a command that changes
// subscriptions: a store that cannot be saved is an error here, since
// nothing the command did would last.
func openSubscriptions(dataDir string, stderr io.Writer) (*library.Store, error) {
	st, err := library.Open(library.Options{Dir: dataDir})
	if err != nil {
		return nil, err
	}
	if err := st.Unsaved(); err != nil {
		st.Close()
		var ue *library.UnsavedError
		if errors.As(err, &ue) {
			return nil, fmt.Errorf("subscriptions cannot be saved: cannot use %s: %v", ue.Dir, ue.Err)
		}
		return nil, err
	}
	return st, nil
}
