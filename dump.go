package main

import (
	"fmt"
	"io"

	"dubao/model"
)

// runDump implements `dubao dump [--format json|text|markdown] [FILE|-]`.
func runDump(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("dump", "usage: dubao dump [--format json|text|markdown] [--explain] [FILE|-]", stderr)
	format := fs.String("format", "json", "output format: json, text or markdown")
	explain := fs.Bool("explain", false, "print each block's label and the evidence for it instead of the edition")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	switch *format {
	case "json", "text", "markdown", "md":
	default:
		fmt.Fprintf(stderr, "dubao dump: unknown format %q (json, text or markdown)\n", *format)
		return exitUsage
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "dubao dump: at most one FILE")
		return exitUsage
	}
	if *explain {
		return runExplain(fs.Arg(0), stdin, stdout, stderr)
	}
	ed, err := loadEdition(fs.Arg(0), stdin)
	if err != nil {
		return fail(stderr, err)
	}
	warnInvalid(stderr, ed)
	switch *format {
	case "json":
		err = writeJSON(stdout, ed)
	case "text":
		err = model.WriteText(stdout, ed)
	case "markdown", "md":
		err = model.WriteMarkdown(stdout, ed)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dubao dump: %v\n", err)
		return 1
	}
	return 0
}

// runExplain prints the parser's labels and evidence for a text edition.
func runExplain(arg string, stdin io.Reader, stdout, stderr io.Writer) int {
	text, name, err := loadText(arg, stdin)
	if err != nil {
		return fail(stderr, err)
	}
	if err := model.Explain(stdout, text, model.Options{Source: name}); err != nil {
		fmt.Fprintf(stderr, "dubao dump: %v\n", err)
		return 1
	}
	return 0
}
