package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"dubao/library"
	"dubao/model"
	"dubao/script"
)

// exportUsage is the command line of dubao export.
const exportUsage = "usage: dubao export [--format markdown|text] [--script NAME] [--data-dir DIR] ID [DIR|FILE...]"

// runExport implements `dubao export [--format markdown|text] [--script
// NAME] [--data-dir DIR] ID [DIR|FILE...]`. ID is REF/S-N as `dubao search`
// prints it (REF a date, hash prefix, title or file name), or a bare S-N for
// the embedded edition. DIR or FILE are indexed first, so an edition can be
// exported before it was ever opened. --script writes the text in another
// script (hans, hant-tw, hant-hk), as t shows it; the default is as printed.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", exportUsage, stderr)
	format := fs.String("format", "markdown", "output format: markdown or text")
	scriptName := fs.String("script", "", "write the text in this script: original, hans, hant-tw or hant-hk")
	dataDir := dataDirFlag(fs)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitUsage
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, exportUsage)
		return exitUsage
	}
	render := map[string]func(*model.Edition, *model.Article) string{"markdown": model.ArticleMarkdown, "md": model.ArticleMarkdown, "text": model.ArticleText}[*format]
	if render == nil {
		fmt.Fprintf(stderr, "dubao export: unknown format %q (markdown or text)\n", *format)
		return exitUsage
	}
	to, err := script.Parse(*scriptName)
	if err != nil {
		fmt.Fprintf(stderr, "dubao export: --script: %v\n", err)
		return exitUsage
	}
	ctx := context.Background()
	st, sh, closeShelf, code := openShelf(ctx, *dataDir, pos[1:], stderr)
	if sh == nil {
		return code
	}
	defer closeShelf()
	e, aid, err := st.Resolve(ctx, pos[0])
	if err != nil {
		return fail(stderr, err)
	}
	ed, e, err := st.Load(ctx, e.Path)
	if err != nil {
		return fail(stderr, err)
	}
	warnInvalid(stderr, ed)
	a := ed.Article(aid)
	if a == nil {
		return fail(stderr, noArticle(pos[0], aid, e, ed))
	}
	if ed.Date == "" {
		ed.Date = e.Date
	}
	if _, err := io.WriteString(stdout, render(ed, script.Article(a, to))); err != nil {
		return fail(stderr, err)
	}
	return code
}

// noArticle says that edition e, which id named, has no article aid, and
// names the edition it looked in: for a bare ID that is the embedded one.
func noArticle(id, aid string, e library.Edition, ed *model.Edition) error {
	where := fmt.Sprintf("%s (%s)", e.Ref, e.Path)
	if strings.HasPrefix(e.Path, "seed:") {
		where = fmt.Sprintf("the embedded edition %s", ed.Title)
	}
	hint := ""
	if !strings.Contains(id, "/") {
		hint = "; an ID without REF/ names an article of the embedded edition"
	}
	return fmt.Errorf("no article %s in %s (it has %s)%s", aid, where, articleIDs(ed), hint)
}

// articleIDs lists an edition's article IDs, shortened when there are many.
func articleIDs(ed *model.Edition) string {
	var ids []string
	for _, s := range ed.Sections {
		for _, a := range s.Articles {
			ids = append(ids, a.ID)
		}
	}
	if len(ids) > 8 {
		ids = append(ids[:3], "…", ids[len(ids)-1])
	}
	return strings.Join(ids, ", ")
}
