package library

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// RefError says an article ID's edition part named no edition, or more than
// one.
type RefError struct {
	// Ref is the edition part as given.
	Ref string
	// Matches are the editions it named: none, or several.
	Matches []Edition
}

func (e *RefError) Error() string {
	if len(e.Matches) == 0 {
		return fmt.Sprintf("no edition %q in the library (open its file or folder with dubao first)", e.Ref)
	}
	var names []string
	for _, m := range e.Matches {
		names = append(names, fmt.Sprintf("%s (%s)", m.Hash[:8], m.Title))
	}
	return fmt.Sprintf("%q names %d editions; use one of %s", e.Ref, len(e.Matches), strings.Join(names, ", "))
}

// Resolve finds the edition and article an article ID names. The ID is
// REF/S-N, where REF is an edition's date (2024-03-19 or 20240319), a prefix
// of at least 4 hex digits of its content hash, its title or its file name
// without extension, or "seed" for the embedded edition; a bare S-N names an
// article of the embedded edition. Only editions in the store count: a
// folder must have been opened once. It returns the edition and "S-N".
func (st *Store) Resolve(ctx context.Context, id string) (Edition, string, error) {
	ref, aid, ok := strings.Cut(id, "/")
	if !ok {
		ref, aid = "seed", id
	}
	if aid == "" {
		return Edition{}, "", fmt.Errorf("%q: no article ID after the edition (want REF/S-N, such as 2024-03-19/1-2)", id)
	}
	stored, err := st.storedEditions(ctx)
	if err != nil {
		return Edition{}, "", err
	}
	var matches []Edition
	for _, e := range stored {
		if refMatches(ref, e) {
			matches = append(matches, e)
		}
	}
	if len(matches) != 1 {
		sortNewestFirst(matches)
		return Edition{}, "", &RefError{Ref: ref, Matches: matches}
	}
	if err := st.annotate(ctx, matches); err != nil {
		return Edition{}, "", err
	}
	return matches[0], aid, nil
}

// refMatches reports whether ref names e.
func refMatches(ref string, e Edition) bool {
	if ref == "seed" {
		return e.embedded()
	}
	if d, ok := parseDate(ref); ok && d == e.Date {
		return true
	}
	if len(ref) >= 4 && isHex(ref) && strings.HasPrefix(e.Hash, strings.ToLower(ref)) {
		return true
	}
	return ref == e.Title || (!e.embedded() && ref == titleFromName(filepath.Base(e.Path)))
}

// parseDate reads 2024-03-19 or 20240319 as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	for _, layout := range []string{time.DateOnly, "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

func isHex(s string) bool {
	for _, c := range s {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}
