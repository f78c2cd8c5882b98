// Package config reads dubao's configuration file,
// $XDG_CONFIG_HOME/dubao/config.toml (else ~/.config/dubao/config.toml):
// the defaults of the reader's display toggles, its theme, and [keys],
// which rebinds any action by the name the help shows. Every setting has a
// default, so a missing file is no error; anything wrong in a file is one
// error naming the file, the line and the key.
//
// The file is TOML, read with github.com/pelletier/go-toml/v2: its strict
// decoding names the line of an unknown or mistyped key, and its parser
// gives the line of every key, so the checks TOML cannot make (an action
// that does not exist, two actions on one key) name their line too.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"dubao/typeset"
	"dubao/ui"
	"dubao/ui/article"
)

// maxSize is the largest config file read: a config file is a few hundred
// bytes, and anything this big is not one.
const maxSize = 1 << 20

// The limits of display.max-line-length, in cells: narrower than a
// handful of characters is no line, and wider than any terminal is none.
const (
	MinLineLength = 10
	MaxLineLength = 1000
)

// Config is dubao's configuration.
type Config struct {
	// Theme chooses the styles: "auto" asks the terminal for its
	// background colour, "dark" and "light" do not.
	Theme   string  `toml:"theme" comment:"auto (ask the terminal), dark or light"`
	Display Display `toml:"display" comment:"the display toggles' defaults; a toggle pressed in the reader is remembered and wins"`
	// Keys rebinds actions, by the name the help shows, to other keys.
	Keys map[string][]string `toml:"keys" comment:"every action by the name the help (?) shows, with its keys"`
}

// Display are the defaults of the reader's display toggles.
type Display struct {
	// FullWidthPunctuation shows a half-width , : ; ! ? ( ) in Chinese
	// text full-width (w toggles it).
	FullWidthPunctuation bool `toml:"full-width-punctuation" comment:"w: a half-width , : ; ! ? ( ) in Chinese text shown full-width"`
	// ParagraphIndent opens paragraphs with two ideographic spaces (i).
	ParagraphIndent bool `toml:"paragraph-indent" comment:"i: two ideographic spaces open a paragraph"`
	// HangingPunctuation lets ，。、 hang past the line's end (,).
	HangingPunctuation bool `toml:"hanging-punctuation" comment:",: ，。、 may hang past the line's end rather than push a character down"`
	// Script is the script the text is shown in (see ui.Scripts).
	Script string `toml:"script" comment:"original, hans (简体), hant-tw (繁體, Taiwan) or hant-hk (繁體, Hong Kong)"`
	// MaxLineLength is the widest line the article pane sets, in cells.
	MaxLineLength int `toml:"max-line-length" comment:"the widest line of text, in cells (two a Chinese character)"`
}

// Default returns the configuration a missing file gives.
func Default() Config {
	return Config{
		Theme: "auto",
		Display: Display{FullWidthPunctuation: true, ParagraphIndent: true, Script: "original",
			MaxLineLength: article.MaxMeasure},
		Keys: ui.Actions(nil),
	}
}

// Path returns where the config file is: $XDG_CONFIG_HOME/dubao/config.toml
// when XDG_CONFIG_HOME is an absolute path (the XDG base directory
// specification ignores a relative one), else ~/.config/dubao/config.toml.
func Path(getenv func(string) string) (string, error) {
	if dir := getenv("XDG_CONFIG_HOME"); filepath.IsAbs(dir) {
		return filepath.Join(dir, "dubao", "config.toml"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither XDG_CONFIG_HOME nor HOME is set: no config file to read")
	}
	return filepath.Join(home, ".config", "dubao", "config.toml"), nil
}

// Error is what is wrong with a config file: the file, the line (0 when
// the whole file is wrong), the key and why.
type Error struct {
	// File is the file's name as Error shows it.
	File string
	Line int
	// Key is the key as TOML writes it: keys."next page".
	Key    string
	Reason string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	if e.Key != "" {
		b.WriteString(": " + e.Key)
	}
	b.WriteString(": " + e.Reason)
	return b.String()
}

// Load reads the config file at path over the defaults. A missing file
// gives the defaults and found false; display names the file in errors
// (such as ~/.config/dubao/config.toml for the path in full).
func Load(path, display string) (c Config, found bool, err error) {
	fail := func(reason string) (Config, bool, error) {
		return Config{}, true, &Error{File: display, Reason: reason}
	}
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return Default(), false, nil
	}
	if err != nil {
		return fail(reasonOf(err))
	}
	if !fi.Mode().IsRegular() {
		return fail("not a regular file")
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(reasonOf(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSize+1))
	if err != nil {
		return fail(reasonOf(err))
	}
	if len(data) > maxSize {
		return fail(fmt.Sprintf("larger than %d bytes: not a config file", maxSize))
	}
	c, err = Parse(display, data)
	return c, true, err
}

// reasonOf is err's reason without the path an *os.PathError repeats.
func reasonOf(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse reads a config file's text over the defaults; name is the file's
// name for errors.
func Parse(name string, data []byte) (Config, error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return Config{}, &Error{File: name, Line: lineAt(data, i), Reason: "a NUL byte: not a text file"}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return Config{}, &Error{File: name, Line: lineAt(data, i), Reason: "not UTF-8 text"}
	}
	c := Default()
	// Keys the file names replace the defaults one by one: decode them
	// apart and lay them over.
	defaults := c.Keys
	c.Keys = nil
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Config{}, decodeError(name, err)
	}
	lines, err := keyLines(data)
	if err != nil {
		return Config{}, &Error{File: name, Reason: err.Error()}
	}
	at := func(key ...string) *Error {
		return &Error{File: name, Line: lines[strings.Join(key, "\x00")], Key: keyString(key)}
	}
	if !slices.Contains(ui.Themes, c.Theme) {
		e := at("theme")
		e.Reason = fmt.Sprintf("%q is no theme: %s", c.Theme, strings.Join(ui.Themes, ", "))
		return Config{}, e
	}
	if !slices.Contains(ui.Scripts, c.Display.Script) {
		e := at("display", "script")
		e.Reason = fmt.Sprintf("%q is no script: %s", c.Display.Script, strings.Join(ui.Scripts, ", "))
		return Config{}, e
	}
	if n := c.Display.MaxLineLength; n < MinLineLength || n > MaxLineLength {
		e := at("display", "max-line-length")
		e.Reason = fmt.Sprintf("%d cells: give %d to %d", n, MinLineLength, MaxLineLength)
		return Config{}, e
	}
	if err := ui.CheckKeys(c.Keys); err != nil {
		var ke *ui.KeyError
		if !errors.As(err, &ke) {
			return Config{}, &Error{File: name, Key: "keys", Reason: err.Error()}
		}
		e := at("keys", ke.Action)
		if e.Line == 0 {
			// A conflict between two defaults the file left alone
			// cannot happen; one with a default is the file's key.
			e.Line = lines["keys"]
		}
		e.Reason = ke.Reason
		return Config{}, e
	}
	for name, ks := range c.Keys {
		defaults[name] = ks
	}
	c.Keys = defaults
	return c, nil
}

// decodeError turns the TOML library's error into an Error.
func decodeError(name string, err error) error {
	var sm *toml.StrictMissingError
	if errors.As(err, &sm) && len(sm.Errors) > 0 {
		de := sm.Errors[0]
		line, _ := de.Position()
		return &Error{File: name, Line: line, Key: keyString(de.Key()), Reason: unknownReason(de.Key())}
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, _ := de.Position()
		return &Error{File: name, Line: line, Key: keyString(de.Key()), Reason: strings.TrimPrefix(de.Error(), "toml: ")}
	}
	return &Error{File: name, Reason: strings.TrimPrefix(err.Error(), "toml: ")}
}

// unknownReason says why key is not a setting, and which are.
func unknownReason(key []string) string {
	switch {
	case len(key) == 1:
		return "no such setting (there are theme, [display] and [keys])"
	case key[0] == "display":
		return "no such setting in [display] (there are full-width-punctuation, paragraph-indent, hanging-punctuation, script, max-line-length)"
	}
	return "no such setting"
}

// keyLines returns the line of every key of the document, by its path
// joined with NULs; a table's header gives the table's line.
func keyLines(data []byte) (map[string]int, error) {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		var path []string
		line := 0
		it := e.Key()
		for it.Next() {
			k := it.Node()
			path = append(path, string(k.Data))
			if line == 0 && k.Raw.Length > 0 {
				line = p.Shape(k.Raw).Start.Line
			}
		}
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = path
			if _, ok := lines[strings.Join(path, "\x00")]; !ok {
				lines[strings.Join(path, "\x00")] = line
			}
		case unstable.KeyValue:
			lines[strings.Join(slices.Concat(table, path), "\x00")] = line
		}
	}
	return lines, p.Error()
}

// keyString writes a key's path as TOML does: theme, keys."next page".
func keyString(key []string) string {
	parts := make([]string, len(key))
	for i, k := range key {
		parts[i] = quoteKey(k)
	}
	return strings.Join(parts, ".")
}

// quoteKey is k as a TOML key: bare when it can be, else quoted.
func quoteKey(k string) string {
	if k != "" && !strings.ContainsFunc(k, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_')
	}) {
		return k
	}
	return strconv.Quote(k)
}

func lineAt(data []byte, offset int) int {
	return bytes.Count(data[:offset], []byte{'\n'}) + 1
}

// Options returns the reader's options with the file's settings: the
// display toggles' defaults, the script, the theme, the widest line and
// the keys.
func (c Config) Options(opt ui.Options) ui.Options {
	opt.Typeset = c.Typeset()
	opt.Script = c.Display.Script
	opt.Theme = c.Theme
	opt.MaxMeasure = c.Display.MaxLineLength
	opt.Keys = c.Keys
	return opt
}

// Typeset returns the typesetting the display settings ask for (the
// measure left to the caller).
func (c Config) Typeset() typeset.Options {
	return typeset.Options{
		HalfWidthPunct: !c.Display.FullWidthPunctuation,
		NoIndent:       !c.Display.ParagraphIndent,
		Hanging:        c.Display.HangingPunctuation,
	}
}

// Write writes c as a config file would hold it, every setting and every
// action's keys, with a comment saying where it came from.
func (c Config) Write(w io.Writer, from string) error {
	fmt.Fprintf(w, "# dubao's configuration in force: %s.\n", from)
	fmt.Fprintf(w, "# Command-line flags override the file. Saved as the file, this is a place to start.\n\n")
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).SetIndentTables(false).Encode(c); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}
