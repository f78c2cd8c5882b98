// Command dubao is a terminal newspaper reader. Run with no arguments it opens
// the embedded edition; see README.md for commands and options.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"dubao/formats"
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
		case "help", "--help", "-h":
			return runHelp(args[1:], stdin, stdout, stderr)
		case "version", "--version":
			return runVersion(stdout)
		case "completion":
			return runCompletion(args[1:], stdout, stderr)
		case "fetch":
			return runFetch(args[1:], stdout, stderr)
		case "subscribe":
			return runSubscribe(args[1:], stdin, stdout, stderr)
		case "update":
			return runUpdate(args[1:], stdout, stderr)
		case "config":
			return runConfig(args[1:], stdout, stderr)
		}
	}
	return runRead(args, stdin, stdout, stderr)
}

// loadEdition opens the edition named on the command line: the embedded seed
// for "", standard input for "-", else a file or an e-paper folder, in any
// format formats reads.
func loadEdition(arg string, stdin io.Reader) (*model.Edition, error) {
	switch arg {
	case "":
		return formats.Parse(seeds.Default, model.Options{Source: "seed:" + seeds.Name, Title: seeds.Title})
	case "-":
		data, err := model.ReadLimited(stdin)
		if err != nil {
			return nil, &model.InputError{Name: "standard input", Err: err}
		}
		e, err := formats.Parse(data, model.Options{Source: "-", Title: "standard input"})
		if err != nil {
			return nil, &model.InputError{Name: "standard input", Err: err}
		}
		return e, nil
	default:
		return formats.Load(arg)
	}
}

// loadText reads and decodes the text of the edition named on the command
// line, as loadEdition does, without parsing it.
func loadText(arg string, stdin io.Reader) (text, name string, err error) {
	var data []byte
	switch arg {
	case "":
		data, name = seeds.Default, "seed:"+seeds.Name
	case "-":
		name = "standard input"
		if data, err = model.ReadLimited(stdin); err != nil {
			return "", "", &model.InputError{Name: name, Err: err}
		}
	default:
		name = arg
		if data, _, err = model.ReadFile(arg); err != nil {
			return "", "", err
		}
	}
	if text, _, err = model.Decode(data); err != nil {
		return "", "", &model.InputError{Name: name, Err: err}
	}
	return text, name, nil
}

// newFlags returns the flag set of a command whose usage line is usage:
// -h, or a flag it does not know, prints that line and the flags.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// ambiguousFlag defines --ambiguous on fs, the width of East Asian
// ambiguous characters, read by ambiwidth.ParseMode; dflt says what
// leaving it out means.
func ambiguousFlag(fs *flag.FlagSet, dflt string) *string {
	return fs.String("ambiguous", "", "width of ambiguous characters such as “ ” …: narrow or wide (default: "+dflt+")")
}

// writeJSON writes v as the commands print JSON: indented by two spaces,
// with < > & left as they are (the text is Chinese prose, not HTML).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// fail prints err as one line naming the program and returns exitUsage.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "dubao: %v\n", err)
	return exitUsage
}

// warnInvalid says on stderr how many invalid bytes of ed's input were
// replaced, if any: the edition is shown, but not quite as it was written.
func warnInvalid(stderr io.Writer, ed *model.Edition) {
	if ed.InvalidBytes > 0 {
		fmt.Fprintf(stderr, "dubao: %s\n", model.InvalidNote(ed))
	}
}
