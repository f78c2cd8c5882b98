package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"dubao/config"
	"dubao/ui"
)

// configUsage is dubao config's command line.
const configUsage = "usage: dubao config [--config FILE] [--theme auto|dark|light] [--script NAME] [--max-line-length N]"

// configFlags are the flags that override the config file, which the
// reader and dubao config share.
type configFlags struct {
	file, theme, script *string
	maxLine             *int
}

// defineConfigFlags defines --config and the settings' flags on fs.
func defineConfigFlags(fs *flag.FlagSet) configFlags {
	f := defineDisplayFlags(fs, "shown at start")
	f.theme = fs.String("theme", "", "auto, dark or light (overrides the config file's theme)")
	return f
}

// defineDisplayFlags defines --config and the flags of the settings that
// change the text, not the colours, on fs: dubao print's. what says when
// the script is used.
func defineDisplayFlags(fs *flag.FlagSet, what string) configFlags {
	return configFlags{
		file:    fs.String("config", "", "the config file (default: $XDG_CONFIG_HOME/dubao/config.toml, else ~/.config/dubao/config.toml)"),
		theme:   new(string),
		script:  fs.String("script", "", "the script "+what+": "+strings.Join(ui.Scripts, ", ")+" (overrides display.script)"),
		maxLine: fs.Int("max-line-length", 0, "the widest line of text, in cells (overrides display.max-line-length)"),
	}
}

// args are the flags given, as a command line: what the reader hands on
// to dubao print (all but --theme, which print has no use for).
func (f configFlags) args() []string {
	var args []string
	if *f.file != "" {
		args = append(args, "--config", *f.file)
	}
	if *f.script != "" {
		args = append(args, "--script", *f.script)
	}
	if *f.maxLine != 0 {
		args = append(args, "--max-line-length", strconv.Itoa(*f.maxLine))
	}
	return args
}

// loaded is the configuration in force and where it came from.
type loaded struct {
	config.Config
	// from says which file was read, or that none was.
	from string
}

// load reads the config file (--config's, else the usual place) and lays
// the flags given over it. Errors are one line, naming the file, the line
// and the key, or the flag.
func (f configFlags) load(getenv func(string) string) (loaded, error) {
	// The flags first: they were just typed.
	if *f.theme != "" && !slices.Contains(ui.Themes, *f.theme) {
		return loaded{}, fmt.Errorf("--theme %q: give %s", *f.theme, strings.Join(ui.Themes, ", "))
	}
	if *f.script != "" && !slices.Contains(ui.Scripts, *f.script) {
		return loaded{}, fmt.Errorf("--script %q: give %s", *f.script, strings.Join(ui.Scripts, ", "))
	}
	if n := *f.maxLine; n != 0 && (n < config.MinLineLength || n > config.MaxLineLength) {
		return loaded{}, fmt.Errorf("--max-line-length %d: give %d to %d", n, config.MinLineLength, config.MaxLineLength)
	}
	path, shown := *f.file, *f.file
	if path == "" {
		p, err := config.Path(getenv)
		if err != nil {
			return loaded{}, err
		}
		path, shown = p, tildePath(p, getenv("HOME"))
	}
	c, found, err := config.Load(path, shown)
	if err != nil {
		return loaded{}, err
	}
	l := loaded{Config: c, from: "read " + shown + ", the defaults for what it leaves out"}
	switch {
	case !found && *f.file != "":
		return loaded{}, fmt.Errorf("--config %s: no such file", shown)
	case !found:
		l.from = "no file at " + shown + ", so the defaults"
	}
	if *f.theme != "" {
		l.Theme = *f.theme
	}
	if *f.script != "" {
		l.Display.Script = *f.script
	}
	if *f.maxLine != 0 {
		l.Display.MaxLineLength = *f.maxLine
	}
	return l, nil
}

// tildePath writes a path under home as ~/…, as a person would.
func tildePath(path, home string) string {
	if home == "" || home == "/" {
		return path
	}
	if rel, ok := strings.CutPrefix(path, filepath.Clean(home)+string(filepath.Separator)); ok {
		return "~/" + rel
	}
	return path
}

// runConfig implements `dubao config`: the configuration the reader would
// use with the same flags, as TOML, defaults included, after a comment
// saying which file was read.
func runConfig(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("config", configUsage, stderr)
	cf := defineConfigFlags(fs)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, configUsage)
		return exitUsage
	}
	l, err := cf.load(os.Getenv)
	if err != nil {
		return fail(stderr, err)
	}
	if err := l.Write(stdout, l.from); err != nil {
		return fail(stderr, err)
	}
	return 0
}
