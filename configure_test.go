package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// configHome makes an XDG_CONFIG_HOME holding text as dubao's config file
// (none when text is ""), and returns the file's path.
func configHome(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	path := filepath.Join(dir, "dubao", "config.toml")
	if text != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestConfigPrecedence: a flag beats the file, the file beats the
// default, and dubao config prints every setting and says which file it
// read.
func TestConfigPrecedence(t *testing.T) {
	path := configHome(t, "theme = \"light\"\n[display]\nscript = \"hans\"\nmax-line-length = 60\n[keys]\nquit = [\"Q\"]\n")
	code, out, errOut := runDubao(t, "", "config", "--script", "hant-tw")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"read " + path,
		"theme = 'light'",             // the file over the default, auto
		"script = 'hant-tw'",          // the flag over the file's hans
		"max-line-length = 60",        // the file
		"paragraph-indent = true",     // the default, which the file leaves alone
		"quit = ['Q']",                // the file's key
		"'next page' = ['space', 'f'", // a default key
	} {
		if !strings.Contains(out, want) {
			t.Errorf("dubao config lacks %q:\n%s", want, out)
		}
	}
	_, out, _ = runDubao(t, "", "config", "--theme", "dark", "--max-line-length", "50")
	if !strings.Contains(out, "theme = 'dark'") || !strings.Contains(out, "max-line-length = 50") {
		t.Errorf("flags did not win:\n%s", out)
	}
}

func TestConfigWithoutFile(t *testing.T) {
	path := configHome(t, "")
	code, out, _ := runDubao(t, "", "config")
	if code != 0 || !strings.Contains(out, "no file at "+path+", so the defaults") || !strings.Contains(out, "theme = 'auto'") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}

// TestBadConfigFile: one line naming the file, the line and the key, exit
// status 2, from dubao config and from the reader alike.
func TestBadConfigFile(t *testing.T) {
	path := configHome(t, "[display]\nscript = \"hans\"\n\n[keys]\n\"next page\" = [\"space\"]\n\"nex page\" = [\"x\"]\n")
	want := "dubao: " + path + `:6: keys."nex page": no such action; "next page"?` + "\n"
	code, out, errOut := runDubao(t, "", "config")
	if code != 2 || out != "" || errOut != want {
		t.Fatalf("exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}
	// The reader reads it first, even into a pipe.
	if code, out, errOut := runDubao(t, ""); code != 2 || out != "" || errOut != want {
		t.Fatalf("reader: exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}
	if code, _, errOut := runDubao(t, "", "--theme", "blue"); code != 2 || !strings.Contains(errOut, "--theme") {
		t.Fatalf("reader --theme blue: exit %d, stderr %q", code, errOut)
	}
	other := filepath.Join(t.TempDir(), "other.toml")
	if err := os.WriteFile(other, []byte("theme = 3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runDubao(t, "", "config", "--config", other)
	if code != 2 || !strings.HasPrefix(errOut, "dubao: "+other+":1: theme: ") || strings.Count(errOut, "\n") != 1 {
		t.Fatalf("--config: exit %d, stderr %q", code, errOut)
	}
	for _, args := range [][]string{{"config", "--theme", "blue"}, {"config", "--script", "hant"},
		{"config", "--max-line-length", "5"}, {"config", "--config", "/nonexistent/c.toml"}, {"config", "extra"}} {
		if code, _, errOut := runDubao(t, "", args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

func TestTildePath(t *testing.T) {
	if got := tildePath("/home/a/.config/dubao/config.toml", "/home/a"); got != "~/.config/dubao/config.toml" {
		t.Errorf("got %q", got)
	}
	if got := tildePath("/home/ab/c.toml", "/home/a"); got != "/home/ab/c.toml" {
		t.Errorf("got %q", got)
	}
}
