package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"dubao/fetch"
	"dubao/library"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// exitFetchFailed is the status when a fetch failed: the network, the
// server or what it sent.
const exitFetchFailed = 1

// fetchUsage is the command line of dubao fetch.
const fetchUsage = "usage: dubao fetch [--into DIR] [--name SOURCE] [--data-dir DIR] URL"

// newClient makes the HTTP client of fetch and update; tests replace it
// with one that does not wait between requests.
var newClient = func() *fetch.Client { return fetch.NewClient(fetch.Options{}) }

// runFetch implements `dubao fetch [--into DIR] [--name SOURCE] URL`: it
// saves the feed, e-paper edition or article at URL as an edition folder
// and prints the folder's path.
func runFetch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("fetch", fetchUsage, stderr)
	into := intoFlag(fs)
	name := fs.String("name", "", "save under `SOURCE` in DIR (default: the site's host name)")
	dataDir := dataDirFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, fetchUsage)
		return exitUsage
	}
	if *name != "" {
		if err := library.CheckSubscriptionName(*name); err != nil {
			return fail(stderr, err)
		}
	}
	dir, err := shelfDir(*into, *dataDir)
	if err != nil {
		return fail(stderr, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	f := newFetcher(dir, stderr)
	res, err := f.Fetch(ctx, fetch.Request{URL: pos[0], Source: *name})
	f.done()
	if err != nil {
		fmt.Fprintf(stderr, "dubao: fetch: %s\n", sanitizeLine(err.Error()))
		return exitFetchFailed
	}
	if res.Existing {
		f.status("already on the shelf, nothing new")
	}
	fmt.Fprintln(stdout, res.Path)
	return 0
}

// intoFlag defines --into, the shelf directory.
func intoFlag(fs *flag.FlagSet) *string {
	return fs.String("into", "", "save editions under `DIR`/SOURCE/YYYY-MM-DD (default DATA-DIR/papers: $XDG_DATA_HOME/dubao/papers)")
}

// shelfDir is where fetched editions go: into, else papers/ in the data
// directory.
func shelfDir(into, dataDir string) (string, error) {
	if into != "" {
		return filepath.Abs(into)
	}
	if dataDir != "" {
		d, err := filepath.Abs(dataDir)
		return filepath.Join(d, "papers"), err
	}
	d, err := library.DefaultDir(os.Getenv)
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "papers"), nil
}

// cliFetcher is a fetch.Fetcher that shows progress on a terminal.
type cliFetcher struct {
	*fetch.Fetcher
	stderr io.Writer
	tty    bool
	width  int
	shown  bool
}

func newFetcher(dir string, stderr io.Writer) *cliFetcher {
	f := &cliFetcher{Fetcher: &fetch.Fetcher{Client: newClient(), Dir: dir, Now: now}, stderr: stderr}
	if file, ok := stderr.(*os.File); ok && term.IsTerminal(file.Fd()) {
		f.tty = true
		f.width = 80
		if w, _, err := term.GetSize(file.Fd()); err == nil && w > 10 {
			f.width = w
		}
	}
	f.Warn = func(err error) {
		f.clear()
		fmt.Fprintf(stderr, "dubao: warning: %s (skipped)\n", err)
	}
	if f.tty {
		f.Progress = func(p fetch.Progress) {
			line := fmt.Sprintf("fetching %d/%d %s", p.Done, p.Total, sanitizeLine(p.URL))
			fmt.Fprint(stderr, "\r"+ansi.Truncate(line, f.width-1, "…")+"\x1b[K")
			f.shown = true
		}
	}
	return f
}

// clear takes the progress line off the terminal.
func (f *cliFetcher) clear() {
	if f.shown {
		fmt.Fprint(f.stderr, "\r\x1b[K")
		f.shown = false
	}
}

func (f *cliFetcher) done() { f.clear() }

// status says something on a terminal only: a script reads the paths on
// standard output and the failures.
func (f *cliFetcher) status(msg string) {
	if f.tty {
		f.clear()
		fmt.Fprintf(f.stderr, "dubao: %s\n", msg)
	}
}

// sanitizeLine keeps what a server sent from moving the cursor.
func sanitizeLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 {
			return -1
		}
		return r
	}, s)
}
