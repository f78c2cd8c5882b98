package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"dubao/fetch"
)

// command is one of dubao's subcommands, as help and the completion scripts
// list it.
type command struct {
	name, args, summary string
	// flags are the command's flags, for completion.
	flags []string
}

// commands are dubao's subcommands, in the order help lists them. The
// reader itself, with no subcommand, is listed first by help.
var commands = []command{
	{"print", "[--width N] [--ambiguous narrow|wide] [FILE|-]", "print an edition typeset, for a pager or a pipe",
		[]string{"--width", "--ambiguous"}},
	{"dump", "[--format json|text|markdown] [--explain] [FILE|-]", "print the parsed edition (--explain: each block's label and the evidence for it)",
		[]string{"--format", "--explain"}},
	{"search", "[--json] [--limit N] [--data-dir DIR] QUERY [DIR|FILE...]", "search the library",
		[]string{"--json", "--limit", "--data-dir"}},
	{"export", "[--format markdown|text] [--script NAME] [--data-dir DIR] ID [DIR|FILE...]", "print one article",
		[]string{"--format", "--data-dir"}},
	{"fetch", "[--into DIR] [--name SOURCE] [--data-dir DIR] URL", "save a feed, an e-paper edition or an article as an edition folder",
		[]string{"--into", "--name", "--data-dir"}},
	{"subscribe", "add NAME URL | list | remove NAME | import FILE.opml|- | export", "keep the list of papers to update", nil},
	{"update", "[--into DIR] [--data-dir DIR] [NAME...]", "fetch what is new for every subscription",
		[]string{"--into", "--data-dir"}},
	{"config", "[--config FILE] [--theme auto|dark|light] [--script NAME] [--max-line-length N]",
		"print the configuration in force, defaults included, as TOML, and which file it came from",
		[]string{"--config", "--theme", "--script", "--max-line-length"}},
	{"help", "[COMMAND]", "this list, or one command's options", nil},
	{"version", "", "the version of dubao and how it was built", nil},
	{"completion", "bash|zsh|fish", "a shell completion script", nil},
}

// readerFlags are the reader's own flags, for completion.
var readerFlags = []string{"--ambiguous", "--data-dir", "--config", "--theme", "--script", "--max-line-length", "--help", "--version"}

// runHelp implements `dubao help [COMMAND]` and `dubao --help`.
func runHelp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		for _, c := range commands {
			if c.name != args[0] {
				continue
			}
			if c.flags == nil {
				fmt.Fprintf(stdout, "usage: %s\n  %s\n", strings.TrimSpace("dubao "+c.name+" "+c.args), c.summary)
				return 0
			}
			// A command's own -h prints its usage and flags.
			var out strings.Builder
			run([]string{c.name, "-h"}, stdin, &out, &out)
			fmt.Fprint(stdout, out.String())
			return 0
		}
		fmt.Fprintf(stderr, "dubao help: no command %q (dubao help lists them)\n", args[0])
		return exitUsage
	}
	fmt.Fprintf(stdout, "dubao 读报: a terminal newspaper reader\n\n")
	fmt.Fprintf(stdout, "  dubao %s\n      %s\n", "[--ambiguous narrow|wide] [--data-dir DIR] [--config FILE] [--theme T] [--script S] [--max-line-length N] [DIR|FILE...|-]",
		"read a shelf of editions, newest first (the embedded edition without arguments)")
	for _, c := range commands {
		fmt.Fprintf(stdout, "  %s\n      %s\n", strings.TrimSpace("dubao "+c.name+" "+c.args), c.summary)
	}
	fmt.Fprintf(stdout, "\n- reads standard input. dubao help COMMAND shows a command's options; ? in the reader lists its keys.\n")
	return 0
}

// runVersion implements `dubao version` and `dubao --version`: the module
// version, the commit and its time when the build recorded them, and the Go
// release.
func runVersion(stdout io.Writer) int {
	fmt.Fprintln(stdout, versionLine())
	return 0
}

// versionLine describes this build in one line: dubao VERSION (the module
// version fetch.Version gives, as the User-Agent names it), then COMMIT[-dirty],
// TIME and the Go release when the build recorded them.
func versionLine() string {
	version, commit, when, dirty, goVersion := fetch.Version(), "", "", false, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
			case "vcs.time":
				when = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	var parts []string
	if commit != "" {
		if len(commit) > 12 {
			commit = commit[:12]
		}
		if dirty {
			commit += "-dirty"
		}
		parts = append(parts, commit)
	}
	if when != "" {
		parts = append(parts, when)
	}
	if goVersion != "" {
		parts = append(parts, goVersion)
	}
	if len(parts) == 0 {
		return "dubao " + version
	}
	return "dubao " + version + " (" + strings.Join(parts, ", ") + ")"
}

// runCompletion implements `dubao completion bash|zsh|fish`.
func runCompletion(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: dubao completion bash|zsh|fish")
		return exitUsage
	}
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	switch args[0] {
	case "bash":
		fmt.Fprint(stdout, bashCompletion(names))
	case "zsh":
		fmt.Fprint(stdout, "#compdef dubao\n# dubao completion for zsh: save as _dubao in a directory of $fpath.\nautoload -U bashcompinit && bashcompinit\n"+bashCompletion(names))
	case "fish":
		fmt.Fprint(stdout, fishCompletion())
	default:
		fmt.Fprintf(stderr, "dubao completion: no shell %q (bash, zsh or fish)\n", args[0])
		return exitUsage
	}
	return 0
}

// bashCompletion completes subcommands, each command's flags, and file
// names.
func bashCompletion(names []string) string {
	var b strings.Builder
	b.WriteString("# dubao completion for bash: source it, or save it in ~/.local/share/bash-completion/completions/dubao.\n")
	b.WriteString("_dubao() {\n  local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]}\n")
	b.WriteString("  if [ \"$COMP_CWORD\" -eq 1 ] && [[ $cur != -* ]]; then\n")
	fmt.Fprintf(&b, "    COMPREPLY=($(compgen -W '%s' -- \"$cur\") $(compgen -f -- \"$cur\"))\n    return\n  fi\n", strings.Join(names, " "))
	b.WriteString("  local flags\n  case $cmd in\n")
	for _, c := range commands {
		switch {
		case c.name == "completion":
			b.WriteString("    completion) COMPREPLY=($(compgen -W 'bash zsh fish' -- \"$cur\")); return ;;\n")
		case c.name == "help":
			fmt.Fprintf(&b, "    help) COMPREPLY=($(compgen -W '%s' -- \"$cur\")); return ;;\n", strings.Join(names, " "))
		case c.flags != nil:
			fmt.Fprintf(&b, "    %s) flags='%s' ;;\n", c.name, strings.Join(c.flags, " "))
		}
	}
	fmt.Fprintf(&b, "    *) flags='%s' ;;\n  esac\n", strings.Join(readerFlags, " "))
	b.WriteString("  if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\")); else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n}\n")
	b.WriteString("complete -o filenames -F _dubao dubao\n")
	return b.String()
}

// fishCompletion completes subcommands with their summaries, and each
// command's flags.
func fishCompletion() string {
	var b strings.Builder
	b.WriteString("# dubao completion for fish: save as ~/.config/fish/completions/dubao.fish.\n")
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	for _, c := range commands {
		fmt.Fprintf(&b, "complete -c dubao -n '__fish_use_subcommand' -a %s -d %s\n", c.name, fishQuote(c.summary))
		for _, f := range c.flags {
			fmt.Fprintf(&b, "complete -c dubao -n '__fish_seen_subcommand_from %s' -l %s\n", c.name, strings.TrimPrefix(f, "--"))
		}
	}
	b.WriteString("complete -c dubao -n '__fish_seen_subcommand_from completion' -x -a 'bash zsh fish'\n")
	fmt.Fprintf(&b, "complete -c dubao -n '__fish_seen_subcommand_from help' -x -a '%s'\n", strings.Join(names, " "))
	for _, f := range readerFlags {
		fmt.Fprintf(&b, "complete -c dubao -n '__fish_use_subcommand' -l %s\n", strings.TrimPrefix(f, "--"))
	}
	return b.String()
}

// fishQuote quotes s for fish, in single quotes.
func fishQuote(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}
