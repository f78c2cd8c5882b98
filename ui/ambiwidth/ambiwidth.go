// Package ambiwidth finds out how the terminal draws East Asian
// ambiguous-width characters (“ ” … — ·), which terminals draw one or two
// cells wide depending on their settings, and makes the whole program agree.
//
// The typesetter can be told at any time, but Lip Gloss (through
// charmbracelet/x/ansi) and the Bubble Tea renderer read RUNEWIDTH_EASTASIAN
// once, when the process starts. So when the answer differs from the
// environment, Ensure re-executes the program with the variable set; a second
// variable stops it from doing so twice.
package ambiwidth

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
)

// EnvVar is the variable Lip Gloss, go-runewidth and the typesetter read.
const EnvVar = "RUNEWIDTH_EASTASIAN"

// guardVar is set in the environment of the re-executed program: it then
// takes EnvVar as settled and never probes or re-executes again.
const guardVar = "DUBAO_AMBIGUOUS_SETTLED"

// probeTimeout is how long to wait for the terminal to report the cursor. A
// terminal that answers does so in a few milliseconds; one that does not
// (some serial consoles) must not hold the reader up.
const probeTimeout = 250 * time.Millisecond

// probeChar is the character the probe draws: a left double quotation mark,
// the ambiguous character Chinese text has most of.
const probeChar = "“"

// Mode is what the command line asked for.
type Mode int

// The modes.
const (
	// Auto asks the terminal.
	Auto Mode = iota
	// Narrow and Wide settle the question without asking.
	Narrow
	Wide
)

// ParseMode reads the --ambiguous flag: "", "auto", "narrow" or "wide".
func ParseMode(s string) (Mode, error) {
	switch s {
	case "", "auto":
		return Auto, nil
	case "narrow":
		return Narrow, nil
	case "wide":
		return Wide, nil
	}
	return Auto, fmt.Errorf("--ambiguous: %q is not narrow or wide", s)
}

// Decide settles the width: from the guard (after a re-execution), from the
// mode, or else from probe, which is not called when the question is settled.
// It returns the width and whether the program must re-execute because the
// environment says otherwise.
func Decide(mode Mode, getenv func(string) string, probe func() (bool, error)) (wide, reexec bool) {
	envWide := envTrue(getenv(EnvVar))
	switch {
	case getenv(guardVar) != "":
		return envWide, false
	case mode == Narrow:
		wide = false
	case mode == Wide:
		wide = true
	default:
		w, err := probe()
		if err != nil {
			return envWide, false
		}
		wide = w
	}
	return wide, wide != envWide
}

// envTrue reads the variable as x/ansi does (method.go): strconv.ParseBool.
func envTrue(v string) bool {
	b, err := strconv.ParseBool(v)
	return err == nil && b
}

// Ensure settles the width for this process and returns it. When the
// environment disagrees it re-executes the program and does not return
// unless that fails. Call it only when the output is a terminal; the probe
// talks to /dev/tty, so standard input may be a file.
func Ensure(mode Mode) (bool, error) {
	probe := func() (bool, error) { return Probe(probeTimeout) }
	wide, reexec := Decide(mode, os.Getenv, probe)
	if !reexec {
		return wide, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return wide, err
	}
	return wide, syscall.Exec(exe, os.Args, settledEnv(os.Environ(), wide))
}

// settledEnv is environ with EnvVar set to wide and the guard set. Earlier
// settings are removed, not shadowed: a process reads the first of two.
func settledEnv(environ []string, wide bool) []string {
	env := make([]string, 0, len(environ)+2)
	for _, kv := range environ {
		if !strings.HasPrefix(kv, EnvVar+"=") && !strings.HasPrefix(kv, guardVar+"=") {
			env = append(env, kv)
		}
	}
	return append(env, EnvVar+"="+boolEnv(wide), guardVar+"=1")
}

func boolEnv(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// Probe draws one ambiguous character at the start of the line, asks the
// terminal where the cursor went (a cursor position report, as vim does for
// 'ambiwidth'), and erases the line again. Column 3 means two cells wide.
func Probe(timeout time.Duration) (bool, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return false, err
	}
	defer tty.Close()
	state, err := term.MakeRaw(tty.Fd())
	if err != nil {
		return false, err
	}
	defer term.Restore(tty.Fd(), state)
	if _, err := tty.WriteString("\r" + probeChar + "\x1b[6n"); err != nil {
		return false, err
	}
	defer tty.WriteString("\r\x1b[K")
	if err := tty.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		return false, err
	}
	col, err := readColumn(tty)
	if err != nil {
		return false, err
	}
	return col == 3, nil
}

// readColumn reads a cursor position report, ESC [ row ; col R, skipping
// anything typed before it, and returns the column.
func readColumn(r interface{ Read([]byte) (int, error) }) (int, error) {
	var buf []byte
	one := make([]byte, 64)
	for len(buf) < 256 {
		n, err := r.Read(one)
		buf = append(buf, one[:n]...)
		if col, ok := parseReport(buf); ok {
			return col, nil
		}
		if err != nil {
			return 0, err
		}
	}
	return 0, errors.New("no cursor position report")
}

// parseReport finds the last complete report in b.
func parseReport(b []byte) (int, bool) {
	end := bytes.LastIndexByte(b, 'R')
	start := bytes.LastIndex(b[:max(end, 0)], []byte("\x1b["))
	if end < 0 || start < 0 {
		return 0, false
	}
	_, colText, ok := bytes.Cut(b[start+2:end], []byte(";"))
	if !ok {
		return 0, false
	}
	col, err := strconv.Atoi(string(colText))
	return col, err == nil
}
