package ambiwidth

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDecide(t *testing.T) {
	answer := func(wide, graphemes bool) func(bool) (Terminal, error) {
		return func(askWide bool) (Terminal, error) {
			return Terminal{Wide: wide && askWide, Graphemes: graphemes}, nil
		}
	}
	narrow, wide := answer(false, false), answer(true, false)
	silent := func(bool) (Terminal, error) { return Terminal{Graphemes: true}, errors.New("no answer") }
	tests := []struct {
		name       string
		mode       Mode
		env        map[string]string
		probe      func(bool) (Terminal, error)
		want       Terminal
		wantReexec bool
		// probed is whether the probe runs, askWide whether it is asked
		// about the ambiguous width.
		probed, askWide bool
	}{
		{"narrow terminal", Auto, nil, narrow, Terminal{}, false, true, true},
		{"wide terminal", Auto, nil, wide, Terminal{Wide: true}, true, true, true},
		{"wide terminal, env already says so", Auto, map[string]string{EnvVar: "1"}, wide, Terminal{Wide: true}, false, true, true},
		{"narrow terminal, env says wide", Auto, map[string]string{EnvVar: "true"}, narrow, Terminal{}, true, true, true},
		{"no answer keeps the env, no graphemes", Auto, map[string]string{EnvVar: "1"}, silent, Terminal{Wide: true}, false, true, true},
		{"graphemes", Auto, nil, answer(false, true), Terminal{Graphemes: true}, false, true, true},
		{"wide and graphemes", Auto, nil, answer(true, true), Terminal{Wide: true, Graphemes: true}, true, true, true},
		// With the width given, the probe asks only about mode 2027.
		{"flag wide", Wide, nil, narrow, Terminal{Wide: true}, true, true, false},
		{"flag narrow", Narrow, map[string]string{EnvVar: "1"}, wide, Terminal{}, true, true, false},
		{"flag agrees with env", Narrow, nil, wide, Terminal{}, false, true, false},
		{"flag, graphemes", Wide, map[string]string{EnvVar: "1"}, answer(false, true), Terminal{Wide: true, Graphemes: true}, false, true, false},
		{"flag, no answer", Wide, map[string]string{EnvVar: "1"}, silent, Terminal{Wide: true}, false, true, false},
		// After a re-execution the environment is settled: never probe or
		// re-execute again, whatever else is asked.
		{"guard", Wide, map[string]string{guardVar: "1", EnvVar: "0"}, wide, Terminal{}, false, false, false},
		{"guard wide", Auto, map[string]string{guardVar: "1", EnvVar: "1"}, narrow, Terminal{Wide: true}, false, false, false},
		{"guard graphemes", Auto, map[string]string{guardVar: "1", graphemesVar: "1"}, narrow, Terminal{Graphemes: true}, false, false, false},
		{"env not a bool", Auto, map[string]string{EnvVar: "yes"}, narrow, Terminal{}, false, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probed, asked := false, false
			probe := func(askWide bool) (Terminal, error) { probed, asked = true, askWide; return tt.probe(askWide) }
			got, re := Decide(tt.mode, func(k string) string { return tt.env[k] }, probe)
			if got != tt.want || re != tt.wantReexec || probed != tt.probed || asked != tt.askWide {
				t.Fatalf("%+v reexec %v probed %v askWide %v", got, re, probed, asked)
			}
		})
	}
}

func TestReexecEnvironmentSettlesOnce(t *testing.T) {
	env := settledEnv([]string{"HOME=/root", EnvVar + "=0", guardVar + "=", graphemesVar + "=0", "LANG=zh_CN.UTF-8"}, Terminal{Wide: true, Graphemes: true})
	get := func(k string) string {
		for _, kv := range env {
			if v, ok := strings.CutPrefix(kv, k+"="); ok {
				return v
			}
		}
		return ""
	}
	count := 0
	for _, kv := range env {
		if strings.HasPrefix(kv, EnvVar+"=") || strings.HasPrefix(kv, graphemesVar+"=") {
			count++
		}
	}
	if count != 2 || get(EnvVar) != "1" || get(graphemesVar) != "1" || get(guardVar) == "" || get("LANG") != "zh_CN.UTF-8" {
		t.Fatalf("env %q", env)
	}
	// The re-executed program, whatever it is asked, stays, and keeps the
	// answer about mode 2027 without asking again.
	if got, re := Decide(Narrow, get, nil); re || got != (Terminal{Wide: true, Graphemes: true}) {
		t.Fatalf("the re-executed program: %+v, re-executes %v", got, re)
	}
}

func TestParseMode(t *testing.T) {
	for s, want := range map[string]Mode{"": Auto, "auto": Auto, "narrow": Narrow, "wide": Wide} {
		if m, err := ParseMode(s); err != nil || m != want {
			t.Errorf("%q: %v %v", s, m, err)
		}
	}
	if _, err := ParseMode("double"); err == nil {
		t.Error("double accepted")
	}
}

// chunks reads its input a few bytes at a time, as a terminal delivers it.
type chunks struct{ parts []string }

func (c *chunks) Read(b []byte) (int, error) {
	if len(c.parts) == 0 {
		return 0, io.EOF
	}
	n := copy(b, c.parts[0])
	c.parts = c.parts[1:]
	return n, nil
}

func TestReadAnswer(t *testing.T) {
	tests := []struct {
		in        []string
		want      int
		graphemes bool
		err       bool
	}{
		{[]string{"\x1b[12;3R"}, 3, false, false},
		{[]string{"\x1b[1", "2;", "2R"}, 2, false, false},
		{[]string{"jk", "\x1b[40;3R"}, 3, false, false}, // keys typed before the report
		{[]string{"\x1b[12;"}, 0, false, true},
		{[]string{"\x1b[;xR"}, 0, false, true},
		// Mode 2027 reported before the cursor: reset (known, not yet on),
		// set, permanently set; then not recognised, permanently reset.
		{[]string{"\x1b[?2027;2$y", "\x1b[3;1R"}, 1, true, false},
		{[]string{"\x1b[?202", "7;1$y\x1b[3;1R"}, 1, true, false},
		{[]string{"\x1b[?2027;3$y\x1b[3;3R"}, 3, true, false},
		{[]string{"\x1b[?2027;0$y\x1b[3;1R"}, 1, false, false},
		{[]string{"\x1b[?2027;4$y\x1b[3;1R"}, 1, false, false},
		{[]string{"\x1b[?2026;2$y\x1b[3;1R"}, 1, false, false},
	}
	for _, tt := range tests {
		got, g, err := readAnswer(&chunks{tt.in})
		if got != tt.want || g != tt.graphemes || (err != nil) != tt.err {
			t.Errorf("%q: %d %v %v", tt.in, got, g, err)
		}
	}
}
