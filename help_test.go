package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestHelpListsEveryCommand(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		code, out, errOut := runDubao(t, "", args...)
		if code != 0 || errOut != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
		}
		for _, c := range commands {
			if !strings.Contains(out, "dubao "+c.name) || !strings.Contains(out, c.summary) {
				t.Errorf("%v does not list %s", args, c.name)
			}
		}
	}
	// help COMMAND shows that command's own usage and flags.
	for _, c := range commands {
		code, out, _ := runDubao(t, "", "help", c.name)
		if code != 0 || !strings.Contains(out, "usage: dubao "+c.name) {
			t.Errorf("help %s: exit %d\n%s", c.name, code, out)
		}
		for _, f := range c.flags {
			if !strings.Contains(out, "-"+strings.TrimPrefix(f, "--")) {
				t.Errorf("help %s does not show %s:\n%s", c.name, f, out)
			}
		}
	}
	if code, _, errOut := runDubao(t, "", "help", "nosuch"); code != 2 || !strings.Contains(errOut, "nosuch") {
		t.Errorf("help nosuch: exit %d, stderr %q", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version"} {
		code, out, _ := runDubao(t, "", arg)
		if code != 0 || !strings.HasPrefix(out, "dubao ") || strings.Count(out, "\n") != 1 {
			t.Errorf("%s: exit %d, %q", arg, code, out)
		}
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, _ := runDubao(t, "", "completion", shell)
		if code != 0 {
			t.Fatalf("completion %s: exit %d", shell, code)
		}
		for _, c := range commands {
			if !strings.Contains(out, c.name) {
				t.Errorf("completion %s lacks %s", shell, c.name)
			}
		}
		// A shell that is installed checks the script's syntax.
		sh, err := exec.LookPath(shell)
		if err != nil {
			continue
		}
		script := filepath.Join(t.TempDir(), "dubao."+shell)
		if err := os.WriteFile(script, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		check := exec.Command(sh, "-n", script)
		if shell == "fish" {
			check = exec.Command(sh, "--no-execute", script)
		}
		if msg, err := check.CombinedOutput(); err != nil {
			t.Errorf("%s rejects the script: %v\n%s", shell, err, msg)
		}
	}
	// In bash, the script completes subcommands and a command's flags.
	if bash, err := exec.LookPath("bash"); err == nil {
		_, script, _ := runDubao(t, "", "completion", "bash")
		for _, tc := range []struct{ words, want string }{
			{"dubao du", "dump"},
			{"dubao dump --ex", "--explain"},
			{"dubao completion fi", "fish"},
		} {
			words := strings.Fields(tc.words)
			prog := script + "\nCOMP_WORDS=(" + tc.words + "); COMP_CWORD=" + strconv.Itoa(len(words)-1) + "; _dubao; printf '%s\\n' \"${COMPREPLY[@]}\"\n"
			out, err := exec.Command(bash, "-c", prog).CombinedOutput()
			if err != nil || !strings.Contains(string(out), tc.want) {
				t.Errorf("completing %q: %v %q, want %s", tc.words, err, out, tc.want)
			}
		}
	}
	if code, _, _ := runDubao(t, "", "completion", "tcsh"); code != 2 {
		t.Errorf("completion tcsh: exit %d", code)
	}
}
