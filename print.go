package main

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"dubao/printer"
	"dubao/typeset"
	"dubao/ui/ambiwidth"
)

// runPrint implements `dubao print [--width N] [--ambiguous narrow|wide]
// [FILE|-]`: the whole edition typeset, for a pager or a pipe. The reader
// hands over to it, with its own arguments, when standard output is not a
// terminal.
func runPrint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("print", "usage: dubao print [--width N] [--ambiguous narrow|wide] [FILE|-]", stderr)
	width := fs.Int("width", 0, "measure in cells (default: the terminal's width, else 80)")
	amb := ambiguousFlag(fs, "$RUNEWIDTH_EASTASIAN, else narrow")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "dubao print: at most one FILE")
		return exitUsage
	}
	mode, err := ambiwidth.ParseMode(*amb)
	if err != nil {
		fmt.Fprintf(stderr, "dubao print: %v\n", err)
		return exitUsage
	}
	// Auto keeps what RUNEWIDTH_EASTASIAN said: a pipe has no terminal to
	// ask.
	if mode != ambiwidth.Auto {
		typeset.SetAmbiguousWide(mode == ambiwidth.Wide)
	}
	if *width < 0 {
		fmt.Fprintf(stderr, "dubao print: --width: %d is negative\n", *width)
		return exitUsage
	}
	ed, err := loadEdition(fs.Arg(0), stdin)
	if err != nil {
		return fail(stderr, err)
	}
	warnInvalid(stderr, ed)
	opt := printer.Options{Width: *width, Styled: os.Getenv("NO_COLOR") == ""}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && opt.Width == 0 {
			opt.Width = w
		}
	} else {
		opt.Styled = false
	}
	if opt.Width == 0 {
		opt.Width = printer.DefaultWidth
	}
	if err := printer.Write(stdout, ed, opt); err != nil {
		return fail(stderr, err)
	}
	return 0
}
