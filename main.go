// Command dubao is a terminal newspaper reader. Run with no arguments it opens
// the embedded edition; see README.md for commands and options.
package main

import (
	"fmt"
	"io"
	"os"

	"dubao/model"
	"dubao/seeds"
)

// exitUsage is the status for bad input: a missing, unreadable, binary or
// undecodable file, or a bad command line.
const exitUsage = 2

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches to a subcommand and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "dump":
			return runDump(args[1:], stdin, stdout, stderr)
		case "print":
			return runPrint(args[1:], stdin, stdout, stderr)
		case "search":
			return runSearch(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		}
	}
	return runRead(args, stdin, stdout, stderr)
}

// loadEdition opens the edition named on the command line: the embedded seed
// for "", standard input for "-", else a file.
func loadEdition(arg string, stdin io.Reader) (*model.Edition, error) {
	switch arg {
	case "":
		return model.Parse(seeds.Default, model.Options{Source: "seed:" + seeds.Name, Title: seeds.Title})
	case "-":
		data, err := model.ReadLimited(stdin)
		if err != nil {
			return nil, &model.InputError{Name: "standard input", Err: err}
		}
		return model.Parse(data, model.Options{Source: "-", Title: "standard input"})
	default:
		return model.Load(arg)
	}
}

// fail prints err as one line naming the program and returns exitUsage.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "dubao: %v\n", err)
	return exitUsage
}
