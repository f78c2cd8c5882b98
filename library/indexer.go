package library

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"

	"dubao/formats"
)

// Indexing commits in batches: one transaction per edition would make FTS5
// write (and later merge) a segment per edition, several times slower. A
// batch is sized from the last one to take about batchDuration, because a
// reader marking an article read waits for it to commit. Between batches
// the indexer pauses an eighth of that, so that another dubao process, whose
// SQLite busy handler polls every 100 ms at most, gets its turn too.
const (
	batchDuration = 200 * time.Millisecond
	batchPause    = batchDuration / 8
	batchMin      = 4
	batchMax      = 256
	prepareAhead  = 64 // editions parsed and waiting for the writer, at most
)

// index runs in the background: it drops editions whose files are gone,
// finds which of the stored editions in verify changed (from stats), then reads, hashes
// and parses the files to index on every core and writes them from one
// goroutine in short transactions.
func (sh *Shelf) index(ctx context.Context, todo, verify []found, drop []int64, stored map[string]Edition, stats *statter) {
	defer close(sh.done)
	defer close(sh.progress)
	if len(drop) > 0 {
		if err := sh.st.inTx(ctx, func(tx *sql.Tx) error { return markGone(ctx, tx, drop) }); err != nil {
			sh.stop(err)
			return
		}
	}
	todo = append(todo, sh.changed(ctx, verify, stored, stats)...)
	// Newest first, so the top of the picker is ready soonest.
	dates := make(map[string]string, len(todo))
	for _, f := range todo {
		dates[f.path] = DateFromName(f.path)
	}
	slices.SortFunc(todo, func(a, b found) int {
		return cmp.Or(-cmp.Compare(dates[a.path], dates[b.path]), cmp.Compare(a.path, b.path))
	})
	// The buffer lets the parsers run ahead while the writer commits a
	// batch, so that parsing and writing overlap.
	out := make(chan prepared, prepareAhead)
	go sh.prepareAll(ctx, todo, stored, out)
	w := writer{sh: sh, total: len(todo), limit: batchMin}
	for p := range out {
		if err := w.add(ctx, p); err != nil {
			sh.stop(err)
			w.abort()
			for range out {
				// drain so the preparing goroutines can end
			}
			return
		}
	}
	if err := w.flush(ctx); err != nil {
		sh.stop(err)
		return
	}
	if w.stored == 0 {
		return
	}
	var total int
	err := sh.st.db.QueryRowContext(ctx, `SELECT coalesce(sum(articles), 0) FROM editions`).Scan(&total)
	if err == nil {
		err = sh.st.mergeIndex(ctx, 2*w.stored >= total)
	}
	if err != nil {
		sh.stop(err)
	}
}

// statter stats the files a shelf found, on every core and in the
// background from the moment they are listed, so that checking the stored
// editions for changes overlaps reading the store's list of them.
type statter struct {
	done  chan struct{}
	at    map[string]int // path → index in stats
	stats []fileStat
}

// fileStat is what checking a file for changes needs of its os.Stat.
type fileStat struct {
	size, mtime  int64 // mtime in Unix nanoseconds
	regular, dir bool
	err          error
	done         bool
}

// startStats starts statting the files not statted yet (size -1).
func startStats(ctx context.Context, files []found) *statter {
	s := &statter{done: make(chan struct{}), at: make(map[string]int, len(files))}
	var paths []string
	for _, f := range files {
		if f.size < 0 {
			s.at[f.path] = len(paths)
			paths = append(paths, f.path)
		}
	}
	s.stats = make([]fileStat, len(paths))
	go func() {
		defer close(s.done)
		workers := min(runtime.GOMAXPROCS(0), max(len(paths)/256, 1))
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				var d dirStatter
				defer d.close()
				for i := w; i < len(paths); i += workers {
					if (i/workers)%64 == 0 && ctx.Err() != nil {
						return
					}
					s.stats[i] = d.stat(paths[i])
				}
			})
		}
		wg.Wait()
	}()
	return s
}

// stat returns what os.Stat says of path, as startStats found it when it
// was among the files.
func (s *statter) stat(path string) fileStat {
	if s != nil {
		<-s.done
		if i, ok := s.at[path]; ok && s.stats[i].done {
			return s.stats[i]
		}
	}
	return statFile(path)
}

// statFile is os.Stat as a fileStat.
func statFile(path string) fileStat {
	info, err := os.Stat(path)
	if err != nil {
		return fileStat{err: err, done: true}
	}
	return fileStat{size: info.Size(), mtime: info.ModTime().UnixNano(), regular: info.Mode().IsRegular(), dir: info.IsDir(), done: true}
}

// changed stats the stored editions in verify and returns those whose size
// or modification time differ from the store's. A file that is missing is
// taken off the shelf (a library shelf lists stored editions without
// looking at the disk) but not dropped from the store: the disk holding it
// may only be unmounted.
func (sh *Shelf) changed(ctx context.Context, verify []found, stored map[string]Edition, stats *statter) []found {
	var todo []found
	gone := map[string]bool{}
	for _, f := range verify {
		if ctx.Err() != nil {
			return nil
		}
		info := stats.stat(f.path)
		if info.err != nil || !(info.regular || info.dir) {
			gone[f.path] = true
			continue
		}
		f.size, f.mtime = info.size, info.mtime
		// An e-paper folder's time does not change when a page in it does:
		// its pages' hash decides. A folder fetch wrote is never changed in
		// place, only replaced by a new one: its time decides, as a file's.
		if e := stored[f.path]; info.dir && !formats.IsFetchedFolder(f.path) || e.size != f.size || e.mtime != f.mtime {
			todo = append(todo, f)
		}
	}
	if len(gone) > 0 {
		sh.mu.Lock()
		sh.list = slices.DeleteFunc(sh.list, func(e Edition) bool { return gone[e.Path] })
		sh.sort()
		sh.mu.Unlock()
	}
	return todo
}

// prepareAll prepares the files in todo on GOMAXPROCS goroutines and sends
// the results to out, closing it when done or cancelled.
func (sh *Shelf) prepareAll(ctx context.Context, todo []found, stored map[string]Edition, out chan<- prepared) {
	defer close(out)
	next := make(chan found)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for f := range next {
				e := stored[f.path]
				out <- sh.st.prepare(f, known{id: e.ID, hash: e.Hash, parser: e.parser})
			}
		})
	}
	defer wg.Wait()
	defer close(next)
	for _, f := range todo {
		select {
		case next <- f:
		case <-ctx.Done():
			return
		}
	}
}

// writer writes prepared editions in batches and reports progress.
type writer struct {
	sh          *Shelf
	tx          *sql.Tx
	started     time.Time
	batch       []written
	limit       int // editions per batch
	done, total int
	failed      int
	stored      int // articles stored anew
	last        string
}

// written is an edition written in the current batch.
type written struct {
	id     int64
	p      prepared // with ed dropped once flushed, to bound memory
	stored bool     // its old articles were dropped, and flush stores the new
	parsed bool     // false when the file was found unchanged and not parsed
	count  int      // articles
}

// add writes p into the current batch, committing the batch when it is full
// or old enough. A file that could not be read is recorded as failed.
func (w *writer) add(ctx context.Context, p prepared) error {
	if p.err != nil {
		w.sh.mu.Lock()
		w.sh.failed = append(w.sh.failed, p.err)
		w.sh.remove(p.path)
		w.sh.mu.Unlock()
		w.done++
		w.failed++
		w.last = p.path
		w.sh.report(Progress{Done: w.done, Total: w.total, Failed: w.failed, Path: p.path})
		return nil
	}
	if w.tx == nil {
		tx, err := w.sh.st.beginWrite(ctx)
		if err != nil {
			return err
		}
		w.tx, w.started = tx, time.Now()
	}
	id, stored, err := w.sh.st.write(ctx, w.tx, p)
	if err == errStale {
		if p = w.sh.st.prepare(p.found, known{}); p.err != nil {
			return w.add(ctx, p)
		}
		id, stored, err = w.sh.st.write(ctx, w.tx, p)
	}
	if err != nil {
		return err
	}
	wr := written{id: id, p: p, stored: stored, parsed: p.ed != nil}
	if p.ed != nil {
		wr.count = p.ed.Articles()
	}
	if !stored {
		wr.p.ed = nil
	}
	w.batch = append(w.batch, wr)
	w.last = p.path
	if len(w.batch) >= w.limit || time.Since(w.started) >= batchDuration {
		return w.flush(ctx)
	}
	return nil
}

// flush commits the current batch and shows its editions on the shelf.
func (w *writer) flush(ctx context.Context) error {
	if w.tx == nil {
		return nil
	}
	var stored []pending
	for i := range w.batch {
		if b := &w.batch[i]; b.stored {
			stored = append(stored, pending{id: b.id, date: b.p.date, ed: b.p.ed})
			b.p.ed = nil
		}
	}
	for _, p := range stored {
		w.stored += p.ed.Articles()
	}
	err := w.sh.st.endWrite(w.tx, storeArticles(ctx, w.tx, stored))
	w.tx = nil
	if err != nil {
		return err
	}
	took := time.Since(w.started)
	w.limit = min(max(int(batchDuration*time.Duration(len(w.batch))/max(took, 1)), batchMin), batchMax)
	fp := w.sh.st.fingerprint()
	w.sh.mu.Lock()
	for _, b := range w.batch {
		i, ok := w.sh.pos[b.p.path]
		if !ok {
			continue
		}
		e := &w.sh.list[i]
		e.ID, e.Hash, e.Indexed, e.size, e.mtime, e.parser = b.id, b.p.hash, true, b.p.size, b.p.mtime, fp
		if b.parsed {
			e.Date, e.Title, e.Articles = b.p.date, b.p.title, b.count
		}
	}
	w.sh.sort()
	w.sh.mu.Unlock()
	w.done += len(w.batch)
	w.batch = w.batch[:0]
	w.sh.report(Progress{Done: w.done, Total: w.total, Failed: w.failed, Path: w.last})
	select {
	case <-time.After(batchPause):
	case <-ctx.Done():
	}
	return nil
}

// abort rolls back the current batch.
func (w *writer) abort() {
	if w.tx != nil {
		w.sh.st.endWrite(w.tx, context.Canceled)
		w.tx = nil
	}
}

// report sends p without ever blocking the indexer: if the reader has not
// taken the previous report, p replaces it. The indexer is the only sender.
func (sh *Shelf) report(p Progress) {
	select {
	case sh.progress <- p:
	default:
		select {
		case <-sh.progress:
		default:
		}
		sh.progress <- p
	}
}

// stop records the error that ended indexing early.
func (sh *Shelf) stop(err error) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if sh.fatal == nil && !errors.Is(err, context.Canceled) {
		sh.fatal = err
	}
}
