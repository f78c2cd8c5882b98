package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"dubao/library"
	"dubao/model"
	"dubao/script"
	"dubao/seeds"
)

// exitNoMatch is the status of a search that found nothing, as for grep.
const exitNoMatch = 1

// searchUsage is the command line of dubao search.
const searchUsage = "usage: dubao search [--json] [--limit N] [--data-dir DIR] QUERY [DIR|FILE...]"

// runSearch implements `dubao search [--json] [--limit N] [--data-dir DIR]
// QUERY [DIR|FILE...]`. With no DIR or FILE it searches the library: every
// edition dubao has indexed, and the embedded one.
func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("search", searchUsage, stderr)
	asJSON := fs.Bool("json", false, "print the results as JSON")
	limit := fs.Int("limit", 20, "print at most `N` results")
	dataDir := dataDirFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) == 0 || strings.TrimSpace(pos[0]) == "" {
		fmt.Fprintln(stderr, searchUsage)
		return exitUsage
	}
	// The table that folds the query's script (for matching and
	// snippets) is built while the store and the shelf open.
	script.PreloadFor(pos[0])
	// The process lives for one search: collecting garbage less often
	// saves more time than the memory it costs.
	debug.SetGCPercent(400)
	ctx := context.Background()
	_, sh, closeShelf, code := openShelf(ctx, *dataDir, pos[1:], stderr)
	if sh == nil {
		return code
	}
	defer closeShelf()
	res, err := sh.Search(ctx, pos[0], library.SearchOptions{Limit: max(*limit, 1)})
	if err != nil {
		return fail(stderr, err)
	}
	if *asJSON {
		err = printSearchJSON(stdout, pos[0], res)
	} else {
		err = printSearchText(stdout, res)
	}
	if err != nil {
		return fail(stderr, err)
	}
	if res.Total > len(res.Hits) {
		fmt.Fprintf(stderr, "dubao: %d results, %d shown (see --limit)\n", res.Total, len(res.Hits))
	}
	if code == 0 && res.Total == 0 {
		code = exitNoMatch
	}
	return code
}

// printSearchText prints one hit a line: edition, article ID, headline and
// snippet, separated by tabs. The first two joined by "/" are the ID that
// `dubao export` takes.
func printSearchText(w io.Writer, res library.Results) error {
	for _, h := range res.Hits {
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", h.Edition.Ref, h.Article, noTabs(h.Headline), noTabs(h.Snippet)); err != nil {
			return err
		}
	}
	return nil
}

func noTabs(s string) string { return strings.ReplaceAll(s, "\t", " ") }

// searchJSON is the shape of `dubao search --json`.
type searchJSON struct {
	Query   string    `json:"query"`
	Total   int       `json:"total"`
	Results []hitJSON `json:"results"`
}

type hitJSON struct {
	// ID is what `dubao export` takes.
	ID       string      `json:"id"`
	Edition  editionJSON `json:"edition"`
	Article  string      `json:"article"`
	Headline string      `json:"headline"`
	Snippet  string      `json:"snippet"`
	// Match is the byte range of the match in Snippet.
	Match  [2]int `json:"match"`
	Block  int    `json:"block"`
	Offset int    `json:"offset"`
}

type editionJSON struct {
	Ref   string `json:"ref"`
	Date  string `json:"date,omitempty"`
	Title string `json:"title"`
	Path  string `json:"path"`
}

func printSearchJSON(w io.Writer, query string, res library.Results) error {
	out := searchJSON{Query: query, Total: res.Total, Results: []hitJSON{}}
	for _, h := range res.Hits {
		e := h.Edition
		out.Results = append(out.Results, hitJSON{
			ID:      e.ArticleRef(h.Article),
			Edition: editionJSON{Ref: e.Ref, Date: e.Date, Title: e.Title, Path: e.Path},
			Article: h.Article, Headline: h.Headline, Snippet: h.Snippet, Match: h.Match,
			Block: h.Block, Offset: h.Offset,
		})
	}
	return writeJSON(w, out)
}

// dataDirFlag defines --data-dir on fs.
func dataDirFlag(fs *flag.FlagSet) *string {
	return fs.String("data-dir", "", "keep the library in `DIR` (default $DUBAO_DATA_DIR, else $XDG_DATA_HOME/dubao, else ~/.local/share/dubao)")
}

// openStore opens the library store in dir (or the default directory). When
// it cannot be saved to disk it says so on stderr and carries on in memory.
func openStore(dir string, stderr io.Writer) (*library.Store, error) {
	st, err := library.Open(library.Options{Dir: dir})
	if err != nil {
		return nil, err
	}
	if err := st.Unsaved(); err != nil {
		fmt.Fprintf(stderr, "dubao: warning: %v\n", err)
	}
	return st, nil
}

// openShelf opens the store and a shelf of sources (the library and the
// embedded edition when there are none) and waits for it to be indexed. It
// reports files that could not be read on stderr: files inside a directory
// are skipped with a warning, a file named on the command line makes the
// exit status exitUsage. The func it returns closes both; on failure the
// shelf is nil.
func openShelf(ctx context.Context, dataDir string, sources []string, stderr io.Writer) (*library.Store, *library.Shelf, func(), int) {
	st, err := openStore(dataDir, stderr)
	if err != nil {
		return nil, nil, nil, fail(stderr, err)
	}
	sh, _, err := shelfOf(ctx, st, sources)
	if err == nil {
		showProgress(sh, stderr)
		err = sh.Wait()
	}
	if err != nil {
		st.Close()
		return nil, nil, nil, fail(stderr, err)
	}
	named := map[string]bool{}
	for _, s := range sources {
		if abs, err := filepath.Abs(s); err == nil {
			named[abs] = true
		}
	}
	code := 0
	for _, err := range sh.Failed() {
		var ie *model.InputError
		if errors.As(err, &ie) && named[ie.Name] {
			code = fail(stderr, err)
		} else {
			fmt.Fprintf(stderr, "dubao: skipped %v\n", err)
		}
	}
	return st, sh, func() { sh.Close(); st.Close() }, code
}

// shelfOf opens the shelf of paths on st. With no paths it is the library:
// every edition st has indexed, and the embedded one, which is registered
// first and returned.
func shelfOf(ctx context.Context, st *library.Store, paths []string) (*library.Shelf, library.Edition, error) {
	var seed library.Edition
	if len(paths) == 0 {
		var err error
		if seed, err = st.Embed(ctx, seeds.Name, seeds.Title, seeds.Default); err != nil {
			return nil, seed, err
		}
	}
	sh, err := st.OpenShelf(ctx, paths...)
	return sh, seed, err
}

// showProgress reports indexing on stderr while it lasts, when stderr is a
// terminal (a script's log gets no progress lines).
func showProgress(sh *library.Shelf, stderr io.Writer) {
	f, ok := stderr.(*os.File)
	if !ok {
		return
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return
	}
	shown := false
	for p := range sh.Progress() {
		fmt.Fprintf(f, "\rdubao: indexing %d of %d editions", p.Done, p.Total)
		shown = true
	}
	if shown {
		fmt.Fprint(f, "\r\x1b[K")
	}
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments (`dubao search 禁渔 ~/papers --json`), and returns the
// positional ones. Everything after "--" is positional.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
}
