package config

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"dubao/ui"
)

const name = "~/.config/dubao/config.toml"

// TestBadFiles: each mistake is one line naming the file, the line and the
// key.
func TestBadFiles(t *testing.T) {
	tests := []struct{ text, want string }{
		{"theme = \"dark\"\n\n[keys]\n\"next page\" = [\"space\", \"f\"]\n\n\n\"nex page\" = [\"x\"]\n",
			name + `:7: keys."nex page": no such action; "next page"?`},
		{"theme = \"blue\"\n", name + `:1: theme: "blue" is no theme: auto, dark, light`},
		{"[display]\nscript = \"hant\"\n", name + `:2: display.script: "hant" is no script: original, hans, hant-tw, hant-hk`},
		{"[display]\n\nmax-line-length = 3\n", name + `:3: display.max-line-length: 3 cells: give 10 to 1000`},
		{"colour = \"red\"\n", name + `:1: colour: no such setting (there are theme, [display] and [keys])`},
		{"[display]\nindent = false\n", name + `:2: display.indent: no such setting in [display] (there are full-width-punctuation, paragraph-indent, hanging-punctuation, script, max-line-length)`},
		{"[display]\nhanging-punctuation = \"yes\"\n", name + ":2: display.hanging-punctuation: "},
		{"[keys]\nquit = \"x\"\n", name + ":2: keys.quit: "},
		{"[keys]\nquit = []\n", name + `:2: keys.quit: no keys: give at least one`},
		{"[keys]\nquit = [\"spcae\"]\n", name + `:2: keys.quit: "spcae" is not a key`},
		// n is next story's; a key two actions answer to in one pane is
		// an error, naming the action the file rebound.
		{"[keys]\n\"previous story\" = [\"n\"]\n", name + `:2: keys."previous story": "n" is also "next story" in the story list`},
		{"[keys]\nhelp = [\"j\"]\n", name + `:2: keys.help: "j" is also "down"`},
		// The search box types letters.
		{"[keys]\nclear = [\"x\"]\n", name + `:2: keys.clear: "x" would be typed in the search box`},
		{"[keys]\n\"pick a section\" = [\"f\"]\n", name + `:2: keys."pick a section": "f" is also "next page" in the story list`},
		{"[keys]\nclose = [\"esc\", \"j\"]\n", name + `:2: keys.close: "j" is also "down" in the section picker`},
		{"theme = \"dark\"\ntheme = \"light\"\n", name + ":2: "},
		{"[display\nscript = 1\n", name + ":1: "},
		{"a = \"\xff\"\n", name + ":1: not UTF-8 text"},
		{"\n\nx\x00", name + ":3: a NUL byte: not a text file"},
	}
	for _, tt := range tests {
		_, err := Parse(name, []byte(tt.text))
		if err == nil {
			t.Errorf("%q: no error", tt.text)
			continue
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%q: %T %v", tt.text, err, err)
		}
		got := err.Error()
		if !strings.HasPrefix(got, tt.want) || strings.Contains(got, "\n") {
			t.Errorf("%q:\n got %s\nwant %s…", tt.text, got, tt.want)
		}
	}
}

func TestDefaults(t *testing.T) {
	c, err := Parse(name, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Fatalf("an empty file is not the defaults: %+v", c)
	}
	opt := c.Options(ui.Options{})
	if opt.Typeset.HalfWidthPunct || opt.Typeset.NoIndent || opt.Typeset.Hanging || opt.Script != "original" ||
		opt.Theme != "auto" || opt.MaxMeasure != 84 {
		t.Fatalf("default options %+v", opt)
	}
	if got := c.Keys["next page"]; !reflect.DeepEqual(got, []string{"space", "f", "pgdown"}) {
		t.Fatalf("next page is %v by default", got)
	}
}

// TestFileOverDefaults: what the file sets wins, what it leaves out is the
// default; a rebound action keeps its other panes' bindings in step.
func TestFileOverDefaults(t *testing.T) {
	text := `theme = "light"
[display]
full-width-punctuation = false
hanging-punctuation = true
script = "hant-hk"
max-line-length = 60
[keys]
"next page" = ["space", "z"]
`
	c, err := Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	opt := c.Options(ui.Options{NoColor: true})
	if !opt.Typeset.HalfWidthPunct || opt.Typeset.NoIndent || !opt.Typeset.Hanging || opt.Script != "hant-hk" ||
		opt.Theme != "light" || opt.MaxMeasure != 60 || !opt.NoColor {
		t.Fatalf("options %+v", opt)
	}
	if got := c.Keys["next page"]; !reflect.DeepEqual(got, []string{"space", "z"}) {
		t.Fatalf("next page %v", got)
	}
	if got := c.Keys["previous page"]; !reflect.DeepEqual(got, []string{"b", "pgup"}) {
		t.Fatalf("previous page %v: an action the file leaves alone keeps its keys", got)
	}
}

// TestWriteReadsBack: what dubao config prints is a config file that
// gives the same configuration.
func TestWriteReadsBack(t *testing.T) {
	c, err := Parse(name, []byte("[display]\nscript = \"hans\"\n[keys]\nquit = [\"Q\", \"ctrl+q\"]\n\"next page\" = [\"space\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := c.Write(&b, "read "+name); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "# dubao's configuration in force: read "+name) {
		t.Fatalf("the output does not say which file it read:\n%s", b.String())
	}
	for _, want := range []string{"script = 'hans'", "quit = ['Q', 'ctrl+q']", "[keys]", "'next page' = ['space']", "max-line-length = 84"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, b.String())
		}
	}
	again, err := Parse(name, b.Bytes())
	if err != nil {
		t.Fatalf("the output does not read back: %v\n%s", err, b.String())
	}
	if !reflect.DeepEqual(again, c) {
		t.Fatalf("read back:\n%+v\nwant\n%+v", again, c)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	c, found, err := Load(filepath.Join(dir, "none.toml"), "none.toml")
	if err != nil || found || !reflect.DeepEqual(c, Default()) {
		t.Fatalf("a missing file: %v %v", found, err)
	}
	if _, _, err := Load(dir, "dir"); err == nil || err.Error() != "dir: not a regular file" {
		t.Fatalf("a directory: %v", err)
	}
	big := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(big, bytes.Repeat([]byte("# \n"), maxSize), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(big, "big.toml"); err == nil || !strings.HasPrefix(err.Error(), "big.toml: larger than") {
		t.Fatalf("a huge file: %v", err)
	}
	good := filepath.Join(dir, "c.toml")
	if err := os.WriteFile(good, []byte("theme = \"dark\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, found, err := Load(good, "c.toml"); err != nil || !found || c.Theme != "dark" {
		t.Fatalf("a file: %v %v %+v", found, err, c)
	}
}

func TestPath(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	tests := []struct {
		getenv func(string) string
		want   string
	}{
		{env("XDG_CONFIG_HOME", "/x/cfg", "HOME", "/home/a"), "/x/cfg/dubao/config.toml"},
		{env("HOME", "/home/a"), "/home/a/.config/dubao/config.toml"},
		// A relative XDG_CONFIG_HOME is to be ignored.
		{env("XDG_CONFIG_HOME", "cfg", "HOME", "/home/a"), "/home/a/.config/dubao/config.toml"},
	}
	for _, tt := range tests {
		if got, err := Path(tt.getenv); err != nil || got != tt.want {
			t.Errorf("Path = %q, %v; want %q", got, err, tt.want)
		}
	}
	if _, err := Path(env()); err == nil {
		t.Error("no HOME and no XDG_CONFIG_HOME: no error")
	}
}

// FuzzParse: no file makes Parse panic or hang, and an error is one line.
func FuzzParse(f *testing.F) {
	f.Add([]byte("theme = \"dark\"\n[display]\nscript = \"hans\"\n[keys]\n\"next page\" = [\"space\"]\n"))
	f.Add([]byte("[keys]\n\"a.b\".c = 1\n[[display]]\n"))
	f.Add([]byte("keys = { quit = [\"q\"] }\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := Parse(name, data)
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("a multi-line error: %q", err)
		}
	})
}
