package main

import (
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"dubao/printer"
	"dubao/script"
	"dubao/typeset"
	"dubao/ui/ambiwidth"
)

// printUsage is dubao print's command line.
const printUsage = "usage: dubao print [--width N] [--ambiguous narrow|wide] [--config FILE] [--script NAME] [--max-line-length N] [FILE|-]"

// runPrint implements `dubao print`: the whole edition typeset, for a pager
// or a pipe, with the config file's display settings (punctuation, indent,
// hanging marks, script, widest line), which the flags override. The
// reader hands over to it, with its own arguments, when standard output is
// not a terminal.
func runPrint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("print", printUsage, stderr)
	width := fs.Int("width", 0, "measure in cells (default: the terminal's width, else 80, at most the widest line of the config file or --max-line-length)")
	amb := ambiguousFlag(fs, "$RUNEWIDTH_EASTASIAN, else narrow")
	cf := defineDisplayFlags(fs, "printed in")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	conf, err := cf.load(os.Getenv)
	if err != nil {
		return fail(stderr, err)
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
	// Validated by load.
	to, _ := script.Parse(conf.Display.Script)
	ed = script.Edition(ed, to)
	opt := printer.Options{Width: *width, Styled: os.Getenv("NO_COLOR") == "", Typeset: conf.Typeset()}
	measure := printer.DefaultWidth
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil {
			measure = w
		}
	} else {
		opt.Styled = false
	}
	if opt.Width == 0 {
		// The reader's measure: the terminal's, no wider than the
		// widest line asked for.
		opt.Width = min(measure, conf.Display.MaxLineLength)
	}
	if err := printer.Write(stdout, ed, opt); err != nil {
		return fail(stderr, err)
	}
	return 0
}
