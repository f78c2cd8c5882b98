// Package ambiwidth finds out how the terminal draws East Asian
// ambiguous-width characters (“ ” … — ·), which terminals draw one or two
// cells wide depending on their settings, and whether it clusters graphemes
// (Unicode mode 2027, asked by DECRQM in the same round trip), and makes the
// whole program agree.
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
// takes EnvVar and graphemesVar as settled and never probes or re-executes
// again.
const guardVar = "DUBAO_AMBIGUOUS_SETTLED"

// graphemesVar carries the terminal's answer about mode 2027 across the
// re-execution, which must not ask twice.
const graphemesVar = "DUBAO_GRAPHEMES"

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

// Terminal is what the program settles about how the terminal draws text.
type Terminal struct {
	// Wide says East Asian ambiguous characters take two cells.
	Wide bool
	// Graphemes says the terminal reported Unicode mode 2027 (grapheme
	// clustering), set or not yet set: the Bubble Tea renderer then sets it
	// and measures by grapheme clusters, and so must the program. Without a
	// report the terminal measures by code point.
	Graphemes bool
}

// Decide settles the terminal: from the guard (after a re-execution), or
// from probe and the mode. probe is asked about the ambiguous width only in
// Auto mode (askWide), and about mode 2027 always; an error from it means
// no ambiguous answer and no grapheme clustering. It returns the settled
// terminal and whether the program must re-execute because the environment
// says otherwise about the ambiguous width.
func Decide(mode Mode, getenv func(string) string, probe func(askWide bool) (Terminal, error)) (t Terminal, reexec bool) {
	envWide := envTrue(getenv(EnvVar))
	if getenv(guardVar) != "" {
		return Terminal{Wide: envWide, Graphemes: envTrue(getenv(graphemesVar))}, false
	}
	answer, err := probe(mode == Auto)
	switch {
	case mode == Narrow:
		t.Wide = false
	case mode == Wide:
		t.Wide = true
	case err != nil:
		t.Wide = envWide
	default:
		t.Wide = answer.Wide
	}
	t.Graphemes = err == nil && answer.Graphemes
	return t, t.Wide != envWide
}

// envTrue reads the variable as x/ansi does (method.go): strconv.ParseBool.
func envTrue(v string) bool {
	b, err := strconv.ParseBool(v)
	return err == nil && b
}

// Ensure settles the terminal for this process and returns it. When the
// environment disagrees about the ambiguous width it re-executes the
// program and does not return unless that fails. Call it only when the
// output is a terminal; the probe talks to /dev/tty, so standard input may
// be a file.
func Ensure(mode Mode) (Terminal, error) {
	probe := func(askWide bool) (Terminal, error) { return Probe(probeTimeout, askWide) }
	t, reexec := Decide(mode, os.Getenv, probe)
	if !reexec {
		return t, nil
	}
	exe, err := os.Executable()
	if err != nil {
		return t, err
	}
	return t, syscall.Exec(exe, os.Args, settledEnv(os.Environ(), t))
}

// settledEnv is environ with EnvVar and graphemesVar set to t and the guard
// set. Earlier settings are removed, not shadowed: a process reads the
// first of two.
func settledEnv(environ []string, t Terminal) []string {
	env := make([]string, 0, len(environ)+3)
	for _, kv := range environ {
		if !strings.HasPrefix(kv, EnvVar+"=") && !strings.HasPrefix(kv, guardVar+"=") && !strings.HasPrefix(kv, graphemesVar+"=") {
			env = append(env, kv)
		}
	}
	return append(env, EnvVar+"="+boolEnv(t.Wide), graphemesVar+"="+boolEnv(t.Graphemes), guardVar+"=1")
}

func boolEnv(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// requestGraphemes asks whether the terminal knows mode 2027 (DECRQM); a
// terminal that does answers before the cursor position report asked
// after it, and one that does not answers only that.
const requestGraphemes = "\x1b[?2027$p"

// Probe asks the terminal whether it clusters graphemes (DECRQM 2027) and,
// with askWide, how wide it draws an ambiguous character: it draws one at
// the start of the line, asks where the cursor went (a cursor position
// report, as vim does for 'ambiwidth'), and erases the line again. Column 3
// means two cells wide. The cursor report ends the answer either way.
func Probe(timeout time.Duration, askWide bool) (Terminal, error) {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return Terminal{}, err
	}
	defer tty.Close()
	state, err := term.MakeRaw(tty.Fd())
	if err != nil {
		return Terminal{}, err
	}
	defer term.Restore(tty.Fd(), state)
	query := requestGraphemes + "\x1b[6n"
	if askWide {
		query = "\r" + probeChar + query
		defer tty.WriteString("\r\x1b[K")
	}
	if _, err := tty.WriteString(query); err != nil {
		return Terminal{}, err
	}
	if err := tty.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		return Terminal{}, err
	}
	col, graphemes, err := readAnswer(tty)
	if err != nil {
		return Terminal{}, err
	}
	return Terminal{Wide: askWide && col == 3, Graphemes: graphemes}, nil
}

// readAnswer reads up to a cursor position report, ESC [ row ; col R,
// skipping anything typed before it, and returns the column and whether a
// mode report for 2027 before it says the terminal clusters graphemes.
func readAnswer(r interface{ Read([]byte) (int, error) }) (col int, graphemes bool, err error) {
	var buf []byte
	one := make([]byte, 64)
	for len(buf) < 256 {
		n, err := r.Read(one)
		buf = append(buf, one[:n]...)
		if col, ok := parseReport(buf); ok {
			return col, reportsGraphemes(buf), nil
		}
		if err != nil {
			return 0, false, err
		}
	}
	return 0, false, errors.New("no cursor position report")
}

// reportsGraphemes reports whether b holds DECRPM for mode 2027, ESC [ ? 2027
// ; Ps $ y, with Ps 1 (set), 2 (reset) or 3 (permanently set): the answers
// on which the Bubble Tea renderer switches to grapheme widths (tea.go).
// 0 (not recognised) and 4 (permanently reset) leave it measuring by code
// point.
func reportsGraphemes(b []byte) bool {
	const prefix = "\x1b[?2027;"
	i := bytes.Index(b, []byte(prefix))
	if i < 0 {
		return false
	}
	rest := b[i+len(prefix):]
	return len(rest) >= 3 && rest[0] >= '1' && rest[0] <= '3' && rest[1] == '$' && rest[2] == 'y'
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
