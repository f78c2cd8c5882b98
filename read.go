package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	tea "charm.land/bubbletea/v2"

	"dubao/typeset"
	"dubao/ui"
	"dubao/ui/ambiwidth"
)

// runRead implements `dubao [--ambiguous narrow|wide] [FILE|-]`: the reader.
func runRead(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("dubao", flag.ContinueOnError)
	fs.SetOutput(stderr)
	amb := fs.String("ambiguous", "", "width of ambiguous characters such as “ ” …: narrow or wide (default: ask the terminal)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dubao [--ambiguous narrow|wide] [FILE|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "dubao: at most one FILE")
		return exitUsage
	}
	mode, err := ambiwidth.ParseMode(*amb)
	if err != nil {
		return fail(stderr, err)
	}
	out, ok := stdout.(*os.File)
	if !ok || !term.IsTerminal(out.Fd()) {
		// Into a pipe or a file the edition is printed, as glow does.
		return runPrint(args, stdin, stdout, stderr)
	}
	// Settle the width before reading the edition: settling may re-execute
	// the program, and standard input can be read only once.
	wide, err := ambiwidth.Ensure(mode)
	if err != nil {
		return fail(stderr, err)
	}
	typeset.SetAmbiguousWide(wide)
	ed, err := loadEdition(fs.Arg(0), stdin)
	if err != nil {
		return fail(stderr, err)
	}
	if err := ui.Run(ed, ui.OptionsFromEnv(os.Getenv), tea.WithOutput(out)); err != nil {
		return fail(stderr, err)
	}
	return 0
}
