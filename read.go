package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"dubao/formats"
	"dubao/library"
	"dubao/model"
	"dubao/seeds"
	"dubao/typeset"
	"dubao/ui"
	"dubao/ui/ambiwidth"
)

// readUsage is the reader's command line.
const readUsage = "usage: dubao [--ambiguous narrow|wide] [--data-dir DIR] [--config FILE] [--theme auto|dark|light] [--script NAME] [--max-line-length N] [DIR|FILE...|-]"

// stdinName is the embedded edition standard input becomes, in a store
// kept in memory: a pipe has no name to find its reading state by again.
const stdinName = "stdin"

// pushTitle and popTitle save the terminal's window and icon titles on its
// stack and restore them (XTWINOPS 22 and 23).
const pushTitle, popTitle = "\x1b[22;0t", "\x1b[23;0t"

// readArgs is the reader's command line, parsed.
type readArgs struct {
	amb     string
	mode    ambiwidth.Mode
	dataDir string
	// config are the flags that override the config file.
	config configFlags
	// paths are the DIRs and FILEs to read, or just "-".
	paths []string
}

// parseReadArgs parses the reader's flags, which may come before or after
// the paths.
func parseReadArgs(args []string, stderr io.Writer) (readArgs, error) {
	var ra readArgs
	fs := newFlags("dubao", readUsage, stderr)
	amb := ambiguousFlag(fs, "ask the terminal")
	dataDir := dataDirFlag(fs)
	ra.config = defineConfigFlags(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return ra, err
	}
	ra.paths, ra.dataDir, ra.amb = pos, *dataDir, *amb
	if len(pos) > 1 && slices.Contains(pos, "-") {
		err := errors.New("- (standard input) cannot be read with other files")
		fmt.Fprintf(stderr, "dubao: %v\n", err)
		return ra, err
	}
	if ra.mode, err = ambiwidth.ParseMode(ra.amb); err != nil {
		fmt.Fprintf(stderr, "dubao: %v\n", err)
	}
	return ra, err
}

// printArgs are the arguments dubao print takes for the same files, when
// the reader's output is not a terminal.
func (ra readArgs) printArgs() []string {
	args := ra.config.args()
	if ra.amb != "" {
		args = append(args, "--ambiguous", ra.amb)
	}
	// "--" keeps a path that starts with a dash a path.
	return append(append(args, "--"), ra.paths...)
}

// runRead implements `dubao [--ambiguous narrow|wide] [--data-dir DIR]
// [DIR|FILE...|-]`: the reader, on a shelf of the editions named (newest
// first), the embedded edition and the library without any, or standard
// input.
func runRead(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ra, err := parseReadArgs(args, stderr)
	if err != nil {
		return exitUsage
	}
	// The config file before anything else, even into a pipe: a bad one
	// is the whole answer, on one line.
	conf, err := ra.config.load(os.Getenv)
	if err != nil {
		return fail(stderr, err)
	}
	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		// Into a pipe or a file the edition is printed, as glow does.
		return runPrint(ra.printArgs(), stdin, stdout, stderr)
	}
	// Settle the width before reading the edition: settling may re-execute
	// the program, and standard input can be read only once.
	tw, err := ambiwidth.Ensure(ra.mode)
	if err != nil {
		return fail(stderr, err)
	}
	typeset.SetAmbiguousWide(tw.Wide)
	// Measure as the terminal draws: by grapheme cluster only when it said
	// it clusters them (mode 2027), else by code point, as the renderer
	// does until it hears so.
	typeset.SetMethod(typeset.CodePoints)
	if tw.Graphemes {
		typeset.SetMethod(typeset.Graphemes)
	} else {
		go typeset.WarmCodePoints()
	}
	opt := conf.Options(ui.OptionsFromEnv(os.Getenv))
	opt.Graphemes = tw.Graphemes
	if path, ok := drawFirst(ra); ok {
		return readFirst(ra, path, opt, out, stderr)
	}
	ctx := context.Background()
	r, err := openReading(ctx, ra, stdin)
	if err != nil {
		return fail(stderr, err)
	}
	defer closeWithin(r, quitWait, stderr)
	opt.Store, opt.Shelf, opt.Edition = r.st, r.sh, r.rec
	// An update U started and still running at quit is stopped (the next
	// update resumes it) before the store closes.
	updates, stopUpdates := context.WithCancel(ctx)
	var waitUpdates func()
	opt.Update, waitUpdates = readerUpdater(updates, r.st, ra.dataDir)
	// The reader names the window after the edition; XTWINOPS 22 and 23
	// save the title it had and restore it on the way out.
	io.WriteString(out, pushTitle)
	err = ui.Run(r.ed, opt, out)
	io.WriteString(out, popTitle)
	stopUpdates()
	waitUpdates()
	for _, e := range r.skipped() {
		fmt.Fprintf(stderr, "dubao: skipped %v\n", e)
	}
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}

// drawFirst reports whether the reader can show its first edition before
// the store is opened, and which: the embedded edition ("") when no path
// is named, or the one file or e-paper folder named. A shelf of several
// editions needs the store to know which is newest; standard input is
// kept in a store in memory, which costs nothing to open.
func drawFirst(ra readArgs) (string, bool) {
	switch {
	case len(ra.paths) == 0:
		return "", true
	case len(ra.paths) == 1 && ra.paths[0] != "-" && (!isDir(ra.paths[0]) || formats.IsEditionFolder(ra.paths[0])):
		return ra.paths[0], true
	}
	return "", false
}

// readFirst runs the reader on the edition at path ("" the embedded one),
// read and parsed before anything else: the first frame shows it, and the
// store is opened, the edition looked up in it (indexed, if it is new) and
// the reading state restored right after that frame.
func readFirst(ra readArgs, path string, opt ui.Options, out *os.File, stderr io.Writer) int {
	ed, err := loadEdition(path, nil)
	if err != nil {
		return fail(stderr, err)
	}
	r := &reading{ed: ed}
	opt.Edition = firstRecord(ed, path)
	var open opening
	opt.Open = func(ctx context.Context) (ui.Library, error) { return open.run(ctx, r, ra, path) }
	io.WriteString(out, pushTitle)
	err = ui.Run(ed, opt, out)
	io.WriteString(out, popTitle)
	open.stop()
	for _, e := range r.skipped() {
		fmt.Fprintf(stderr, "dubao: skipped %v\n", e)
	}
	closeWithin(r, quitWait, stderr)
	if err != nil {
		return fail(stderr, err)
	}
	return 0
}

// quitWait is how long the reader's end waits for the library to close.
const quitWait = 3 * time.Second

// closeWithin closes r, waiting at most d for it, and reports whether it
// closed. Closing stops the shelf's indexing, which stops between
// statements; but one statement can take minutes, SQLite's insert of an
// article of tens of megabytes into the search index, which no interrupt
// cuts short, and quitting must not wait for it. What is left undone then
// is a transaction not yet committed: SQLite rolls it back when the store
// is next opened, and the edition is indexed again.
func closeWithin(r interface{ close() }, d time.Duration, stderr io.Writer) bool {
	done := make(chan struct{})
	go func() {
		r.close()
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		fmt.Fprintln(stderr, "dubao: quit while indexing; what was not indexed is indexed next time")
		return false
	}
}

// firstRecord is the record the reader shows the edition at path with
// until the store's comes: its path and date as the store takes them.
func firstRecord(ed *model.Edition, path string) library.Edition {
	e := library.Edition{Path: "seed:" + seeds.Name, Title: ed.Title}
	if path != "" {
		if abs, err := filepath.Abs(path); err == nil {
			e.Path = abs
		}
	}
	if e.Date = library.DateFromName(e.Path); e.Date == "" {
		e.Date = ed.Date
	}
	return e
}

// opening opens the library for a reader that drew first, once, and lets
// the reader's end wait for it: the store it opened is closed only when it
// has returned, and once stopped it opens nothing.
type opening struct {
	mu      sync.Mutex
	stopped bool
	running sync.WaitGroup
	// stopUpdates and waitUpdates end U's update, as in runRead.
	stopUpdates context.CancelFunc
	waitUpdates func()
}

func (o *opening) run(ctx context.Context, r *reading, ra readArgs, path string) (ui.Library, error) {
	o.mu.Lock()
	if o.stopped {
		o.mu.Unlock()
		return ui.Library{}, context.Canceled
	}
	o.running.Add(1)
	o.mu.Unlock()
	defer o.running.Done()
	st, err := library.Open(library.Options{Dir: ra.dataDir})
	if err != nil {
		return ui.Library{}, err
	}
	r.st = st
	sh, seed, err := shelfOf(ctx, st, ra.paths)
	if err != nil {
		return ui.Library{}, err
	}
	r.sh = sh
	rec, err := shownRecord(ctx, sh, seed, path)
	if err != nil {
		return ui.Library{}, err
	}
	updates, stop := context.WithCancel(context.Background())
	update, wait := readerUpdater(updates, st, ra.dataDir)
	o.stopUpdates, o.waitUpdates = stop, wait
	return ui.Library{Store: st, Shelf: sh, Edition: rec, Update: update}, nil
}

// shownRecord returns the store's record of the edition the reader shows:
// the embedded one, or the one edition of the shelf. An edition the store
// already holds is as stored (the shelf checks it for changes in the
// background, keeping its ID); a new one is being indexed by the shelf
// (the reader's own parse is not kept for it: a shelf indexes from the
// file), and its record comes when that ends, so that its reading state
// can be kept from the first mark on.
func shownRecord(ctx context.Context, sh *library.Shelf, seed library.Edition, path string) (library.Edition, error) {
	if path == "" {
		return seed, nil
	}
	for range 2 {
		list, err := sh.Editions(ctx)
		if err != nil {
			return library.Edition{}, err
		}
		if len(list) == 1 && list[0].Indexed {
			return list[0], nil
		}
		select {
		case <-sh.Done():
		case <-ctx.Done():
			return library.Edition{}, ctx.Err()
		}
	}
	if err := sh.Wait(); err != nil {
		return library.Edition{}, err
	}
	if failed := sh.Failed(); len(failed) > 0 {
		return library.Edition{}, failed[0]
	}
	return library.Edition{}, &model.InputError{Name: path, Err: errors.New("not indexed")}
}

// stop lets no opening start, and waits for one under way, and for U's
// update, to end.
func (o *opening) stop() {
	o.mu.Lock()
	o.stopped = true
	o.mu.Unlock()
	o.running.Wait()
	if o.stopUpdates != nil {
		o.stopUpdates()
		o.waitUpdates()
	}
}

// reading is what the reader opens with: the store, the shelf, and its
// first edition, read and parsed.
type reading struct {
	st  *library.Store
	sh  *library.Shelf
	ed  *model.Edition
	rec library.Edition
	// passed are the editions newer than ed that could not be read.
	passed []error
}

// openReading opens the store and the shelf the arguments name, and reads
// its newest edition that can be read. A file that cannot be read is an
// error when it is the only one named; inside a folder, or beside other
// files, it is passed over and reported.
func openReading(ctx context.Context, ra readArgs, stdin io.Reader) (*reading, error) {
	r := &reading{}
	var err error
	if len(ra.paths) == 1 && ra.paths[0] == "-" {
		err = r.openStdin(ctx, stdin)
	} else {
		if r.st, err = library.Open(library.Options{Dir: ra.dataDir}); err != nil {
			return nil, err
		}
		err = r.openShelf(ctx, ra.paths)
	}
	if err != nil {
		r.close()
		return nil, err
	}
	return r, nil
}

// openStdin reads standard input into a store in memory: every key works,
// and nothing is kept.
func (r *reading) openStdin(ctx context.Context, stdin io.Reader) error {
	data, err := model.ReadLimited(stdin)
	if err != nil {
		return &model.InputError{Name: "standard input", Err: err}
	}
	if r.st, err = library.Open(library.Options{Memory: true}); err != nil {
		return err
	}
	rec, err := r.st.Embed(ctx, stdinName, "standard input", data)
	if err != nil {
		var ie *model.InputError
		if errors.As(err, &ie) {
			ie.Name = "standard input"
		}
		return err
	}
	if r.sh, err = r.st.OpenShelf(ctx); err != nil {
		return err
	}
	return r.load(ctx, rec)
}

// openShelf opens the shelf of paths (the library and the embedded edition
// when there are none) and loads its newest edition that can be read and
// has stories; with no paths, the embedded edition.
func (r *reading) openShelf(ctx context.Context, paths []string) error {
	var seed library.Edition
	var err error
	if r.sh, seed, err = shelfOf(ctx, r.st, paths); err != nil {
		return err
	}
	if len(paths) == 0 {
		return r.load(ctx, seed)
	}
	list, err := r.sh.Editions(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return &model.InputError{Name: strings.Join(paths, " "), Err: errors.New("no editions (text, HTML, EPUB, PDF or feed files, or e-paper folders)")}
	}
	alone := len(paths) == 1 && (!isDir(paths[0]) || formats.IsEditionFolder(paths[0]))
	// The newest edition that has stories; failing that, the newest that
	// could be read, though empty.
	var empty *reading
	for _, e := range list {
		err := r.load(ctx, e)
		if err == nil {
			if r.ed.Articles() > 0 {
				return nil
			}
			if empty == nil {
				empty = &reading{ed: r.ed, rec: r.rec}
			}
			continue
		}
		var ie *model.InputError
		if alone || !errors.As(err, &ie) {
			return err
		}
		r.passed = append(r.passed, err)
	}
	if empty != nil {
		r.ed, r.rec = empty.ed, empty.rec
		return nil
	}
	return r.passed[0]
}

// load reads edition e of the shelf for the reader.
func (r *reading) load(ctx context.Context, e library.Edition) error {
	var err error
	r.ed, r.rec, err = r.sh.Load(ctx, e)
	return err
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// skipped returns the files that could not be read, once: those passed
// over at start and those the background indexing failed on.
func (r *reading) skipped() []error {
	seen := map[string]bool{}
	var out []error
	failed := r.passed
	if r.sh != nil {
		failed = append(slices.Clip(failed), r.sh.Failed()...)
	}
	for _, e := range failed {
		if !seen[e.Error()] {
			seen[e.Error()] = true
			out = append(out, e)
		}
	}
	return out
}

// close stops the shelf's indexing and closes the store.
func (r *reading) close() {
	if r.sh != nil {
		r.sh.Close()
	}
	if r.st != nil {
		r.st.Close()
	}
}
