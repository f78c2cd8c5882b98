package library

import (
	"context"
	"path/filepath"
	"slices"
)

// Reopen opens the shelf again as OpenShelf opened it, to take in what
// changed on disk since (dubao update saving new editions, say): new
// editions in its folders are listed and indexed in the background, and
// the reading state of the others stays. added are edition paths to list
// too, such as the folders an update saved: a library shelf (opened with no
// paths) indexes them first, so that it lists those it can read; another
// shelf lists
// those not inside its folders beside its own. The shelf itself is left as
// it was, for the caller to close.
func (sh *Shelf) Reopen(ctx context.Context, added ...string) (*Shelf, error) {
	if len(sh.paths) == 0 {
		for _, p := range added {
			// One that cannot be read is left off, as a shelf leaves it.
			sh.st.Load(ctx, p)
		}
		return sh.st.OpenShelf(ctx)
	}
	paths := slices.Clone(sh.paths)
	var roots []string
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			roots = append(roots, abs)
		}
	}
	for _, p := range added {
		abs, err := filepath.Abs(p)
		if err == nil && !slices.Contains(roots, abs) && !under(abs, roots) {
			paths, roots = append(paths, p), append(roots, abs)
		}
	}
	return sh.st.OpenShelf(ctx, paths...)
}
