package ambiwidth

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDecide(t *testing.T) {
	narrow := func() (bool, error) { return false, nil }
	wide := func() (bool, error) { return true, nil }
	silent := func() (bool, error) { return false, errors.New("no answer") }
	tests := []struct {
		name       string
		mode       Mode
		env        map[string]string
		probe      func() (bool, error)
		wantWide   bool
		wantReexec bool
		probed     bool
	}{
		{"narrow terminal", Auto, nil, narrow, false, false, true},
		{"wide terminal", Auto, nil, wide, true, true, true},
		{"wide terminal, env already says so", Auto, map[string]string{EnvVar: "1"}, wide, true, false, true},
		{"narrow terminal, env says wide", Auto, map[string]string{EnvVar: "true"}, narrow, false, true, true},
		{"no answer keeps the env", Auto, map[string]string{EnvVar: "1"}, silent, true, false, true},
		{"flag wide", Wide, nil, narrow, true, true, false},
		{"flag narrow", Narrow, map[string]string{EnvVar: "1"}, wide, false, true, false},
		{"flag agrees with env", Narrow, nil, wide, false, false, false},
		// After a re-execution the environment is settled: never probe or
		// re-execute again, whatever else is asked.
		{"guard", Wide, map[string]string{guardVar: "1", EnvVar: "0"}, wide, false, false, false},
		{"guard wide", Auto, map[string]string{guardVar: "1", EnvVar: "1"}, narrow, true, false, false},
		{"env not a bool", Auto, map[string]string{EnvVar: "yes"}, narrow, false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probed := false
			probe := func() (bool, error) { probed = true; return tt.probe() }
			w, re := Decide(tt.mode, func(k string) string { return tt.env[k] }, probe)
			if w != tt.wantWide || re != tt.wantReexec || probed != tt.probed {
				t.Fatalf("wide %v reexec %v probed %v", w, re, probed)
			}
		})
	}
}

func TestReexecEnvironmentSettlesOnce(t *testing.T) {
	env := settledEnv([]string{"HOME=/root", EnvVar + "=0", guardVar + "=", "LANG=zh_CN.UTF-8"}, true)
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
		if strings.HasPrefix(kv, EnvVar+"=") {
			count++
		}
	}
	if count != 1 || get(EnvVar) != "1" || get(guardVar) == "" || get("LANG") != "zh_CN.UTF-8" {
		t.Fatalf("env %q", env)
	}
	// The re-executed program, whatever it is asked, stays.
	if _, re := Decide(Narrow, get, nil); re {
		t.Fatal("the re-executed program would re-execute again")
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

func TestReadColumn(t *testing.T) {
	tests := []struct {
		in   []string
		want int
		err  bool
	}{
		{[]string{"\x1b[12;3R"}, 3, false},
		{[]string{"\x1b[1", "2;", "2R"}, 2, false},
		{[]string{"jk", "\x1b[40;3R"}, 3, false}, // keys typed before the report
		{[]string{"\x1b[12;"}, 0, true},
		{[]string{"\x1b[;xR"}, 0, true},
	}
	for _, tt := range tests {
		got, err := readColumn(&chunks{tt.in})
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("%q: %d %v", tt.in, got, err)
		}
	}
}
