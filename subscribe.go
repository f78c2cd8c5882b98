package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"dubao/fetch"
	"dubao/library"
	"dubao/model"

	"github.com/charmbracelet/x/term"
)

// subscribeUsage is the command line of dubao subscribe.
const subscribeUsage = `usage: dubao subscribe add NAME URL
       dubao subscribe list
       dubao subscribe remove NAME
       dubao subscribe import FILE.opml|-
       dubao subscribe export
  (each takes --data-dir DIR)`

// runSubscribe implements `dubao subscribe add|list|remove|import|export`.
func runSubscribe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("subscribe", subscribeUsage, stderr)
	dataDir := dataDirFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	want := map[string]int{"add": 3, "list": 1, "remove": 2, "import": 2, "export": 1}
	if len(pos) == 0 || want[pos[0]] != len(pos) {
		fmt.Fprintln(stderr, subscribeUsage)
		return exitUsage
	}
	st, err := openSubscriptions(*dataDir, stderr)
	if err != nil {
		return fail(stderr, err)
	}
	defer st.Close()
	ctx := context.Background()
	switch pos[0] {
	case "add":
		if err := checkFetchURL(pos[2]); err != nil {
			return fail(stderr, err)
		}
		if err := st.AddSubscription(ctx, library.Subscription{Name: pos[1], URL: pos[2]}); err != nil {
			return fail(stderr, err)
		}
		return 0
	case "remove":
		if err := st.RemoveSubscription(ctx, pos[1]); err != nil {
			return fail(stderr, err)
		}
		return 0
	case "list":
		return listSubscriptions(ctx, st, stdout, stderr)
	case "import":
		return importOPML(ctx, st, pos[1], stdin, stderr)
	default:
		subs, err := st.Subscriptions(ctx)
		if err != nil {
			return fail(stderr, err)
		}
		var out []fetch.Outline
		for _, s := range subs {
			out = append(out, fetch.Outline{Text: s.Name, Title: s.Title, URL: s.URL})
		}
		if err := fetch.WriteOPML(stdout, "dubao subscriptions", out, time.Now()); err != nil {
			return fail(stderr, err)
		}
		return 0
	}
}

// checkFetchURL accepts an absolute http or https URL.
func checkFetchURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http:// or https:// URL", s)
	}
	return nil
}

// listSubscriptions prints NAME, URL and the last update (or its failure),
// tab-separated: aligned on a terminal.
func listSubscriptions(ctx context.Context, st *library.Store, stdout, stderr io.Writer) int {
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	w := stdout
	var tw *tabwriter.Writer
	if f, ok := stdout.(*os.File); ok && isTerminal(f) {
		tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		w = tw
	}
	for _, s := range subs {
		last := "never updated"
		if !s.Updated.IsZero() {
			last = "updated " + s.Updated.Local().Format("2006-01-02 15:04")
		}
		if s.LastError != "" {
			last += "; last update failed: " + s.LastError
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", sanitizeLine(s.Name), sanitizeLine(s.URL), sanitizeLine(last))
	}
	if tw != nil {
		tw.Flush()
	}
	return 0
}

// importOPML subscribes to every feed of an OPML file not subscribed
// already (by URL). A name taken by another URL gets -2, -3… appended.
func importOPML(ctx context.Context, st *library.Store, file string, stdin io.Reader, stderr io.Writer) int {
	var r io.Reader = stdin
	name := "standard input"
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return fail(stderr, &model.InputError{Name: file, Err: err})
		}
		defer f.Close()
		r, name = f, file
	}
	outlines, err := fetch.ReadOPML(r)
	if err != nil {
		return fail(stderr, &model.InputError{Name: name, Err: err})
	}
	subs, err := st.Subscriptions(ctx)
	if err != nil {
		return fail(stderr, err)
	}
	haveURL, haveName := map[string]bool{}, map[string]bool{}
	for _, s := range subs {
		haveURL[s.URL], haveName[s.Name] = true, true
	}
	added, skipped := 0, 0
	for _, o := range outlines {
		if haveURL[o.URL] {
			skipped++
			continue
		}
		if err := checkFetchURL(o.URL); err != nil {
			fmt.Fprintf(stderr, "dubao: warning: %s: %s (skipped)\n", sanitizeLine(o.Text), sanitizeLine(err.Error()))
			skipped++
			continue
		}
		base := subscriptionName(o)
		n := base
		for i := 2; haveName[n]; i++ {
			n = base + "-" + strconv.Itoa(i)
		}
		if err := st.AddSubscription(ctx, library.Subscription{Name: n, URL: o.URL, Title: o.Title}); err != nil {
			if errors.Is(err, library.ErrSubscribed) {
				skipped++
				continue
			}
			return fail(stderr, err)
		}
		haveURL[o.URL], haveName[n] = true, true
		added++
	}
	fmt.Fprintf(stderr, "dubao: %d subscriptions added, %d already there or skipped\n", added, skipped)
	return 0
}

// subscriptionName makes a subscription name of an outline's text (else
// its URL's host): spaces become '-', anything a folder name cannot hold
// goes.
func subscriptionName(o fetch.Outline) string {
	s := strings.Join(strings.Fields(o.Text), "-")
	if s == "" {
		if u, err := url.Parse(o.URL); err == nil {
			s = fetch.SourceName(u)
		}
	}
	s = fetch.SafeName(s)
	s = strings.TrimLeft(s, "-")
	if library.CheckSubscriptionName(s) != nil {
		s = "paper"
	}
	return s
}

func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }
