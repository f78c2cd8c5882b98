package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"dubao/seeds"
)

// The size of the terminal the first-frame benchmarks draw in.
const frameCols, frameRows = 120, 40

// ptyScreen is a program running on a pseudo-terminal whose output goes
// through a terminal emulator, which also answers the program's queries
// (cursor position, background colour, modes) as a terminal would.
type ptyScreen struct {
	cmd   *exec.Cmd
	ptmx  *os.File
	emu   *vt.Emulator
	start time.Time
	// chunks carries what the program writes, read off the pty in a
	// goroutine of its own; it is closed when the program's side closes.
	chunks chan []byte
	// answers is done when the emulator's replies stop being copied.
	answers sync.WaitGroup
}

// startPTY starts cmd on a new pty of frameCols x frameRows.
func startPTY(tb testing.TB, cmd *exec.Cmd) *ptyScreen {
	tb.Helper()
	s := &ptyScreen{cmd: cmd, emu: vt.NewEmulator(frameCols, frameRows), chunks: make(chan []byte, 64)}
	s.start = time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: frameRows, Cols: frameCols})
	if err != nil {
		tb.Fatal(err)
	}
	s.ptmx = ptmx
	// The emulator's replies block its Write until read: copy them to the
	// program as they come.
	s.answers.Add(1)
	go func() {
		defer s.answers.Done()
		io.Copy(ptmx, s.emu)
	}()
	go func() {
		defer close(s.chunks)
		for {
			buf := make([]byte, 32<<10)
			n, err := ptmx.Read(buf)
			if n > 0 {
				s.chunks <- buf[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	return s
}

// text is the screen as text, one line a row.
func (s *ptyScreen) text() string { return s.emu.String() }

// waitScreen feeds the program's output to the emulator until full says
// the screen is, and returns the time since the start; false if the
// program stopped writing for a whole timeout first.
func (s *ptyScreen) waitScreen(full func(screen string) bool, timeout time.Duration) (time.Duration, bool) {
	for {
		select {
		case c, ok := <-s.chunks:
			if !ok {
				return 0, false
			}
			s.emu.Write(c)
			if full(s.text()) {
				return time.Since(s.start), true
			}
		case <-time.After(timeout):
			return 0, false
		}
	}
}

// settle feeds the output to the emulator until drawn says the program
// has drawn (nil: anything) and then has written nothing for quiet, and
// returns the screen.
func (s *ptyScreen) settle(drawn func(string) bool, quiet time.Duration) string {
	if drawn == nil {
		drawn = func(screen string) bool { return strings.TrimSpace(screen) != "" }
	}
	for !drawn(s.text()) {
		select {
		case c, ok := <-s.chunks:
			if !ok {
				return s.text()
			}
			s.emu.Write(c)
		case <-time.After(5 * time.Minute):
			return s.text()
		}
	}
	for {
		select {
		case c, ok := <-s.chunks:
			if !ok {
				return s.text()
			}
			s.emu.Write(c)
		case <-time.After(quiet):
			return s.text()
		}
	}
}

// quit types keys and waits for the program to end.
func (s *ptyScreen) quit(tb testing.TB, keys string) {
	tb.Helper()
	s.ptmx.WriteString(keys)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	drain := time.After(10 * time.Second)
	for {
		select {
		case c, ok := <-s.chunks:
			if ok {
				s.emu.Write(c)
			} else {
				s.chunks = nil
			}
			continue
		case err := <-done:
			var ee *exec.ExitError
			if err != nil && !errors.As(err, &ee) {
				tb.Fatal(err)
			}
		case <-drain:
			// less on a line of 50 MB is still reading it, deaf to
			// keys; the time to quit is not what is measured.
			s.cmd.Process.Kill()
			<-done
			tb.Logf("%v did not quit on %q within 10 s: killed", s.cmd.Args[0], keys)
		}
		break
	}
	s.ptmx.Close()
	// Ends the copying of the replies (Close would race its Read).
	s.emu.InputPipe().(io.Closer).Close()
	s.answers.Wait()
}

// framePeer is one program the first-frame benchmark times: how to start
// it, what quits it, and when its screen holds a full frame; nil full
// means when it is the screen the program settles on.
type framePeer struct {
	name string
	cmd  func() *exec.Cmd
	quit string
	full func(screen string) bool
}

// everyRowDrawn is a full frame of the reader: it draws every row, with
// the panes' borders, the status line and the key hints, so a frame still
// coming has blank rows at the bottom.
func everyRowDrawn(screen string) bool {
	rows := strings.Split(screen, "\n")
	if len(rows) < frameRows {
		return false
	}
	for _, r := range rows[:frameRows] {
		if strings.TrimSpace(r) == "" {
			return false
		}
	}
	return true
}

// benchFirstFrame times each peer from its start to the first moment its
// screen holds a full frame, the peers taking turns in every iteration so
// that they share the machine's moods, and reports each one's median and
// least time. Two first runs of each, untimed, learn the frame it settles
// on: the first fills the store and the page cache, and a reader that was
// quit opens where it was left, not where it opened the first time.
func benchFirstFrame(b *testing.B, peers ...framePeer) {
	full := make([]func(string) bool, len(peers))
	for i, p := range peers {
		var want string
		for range 2 {
			s := startPTY(b, p.cmd())
			want = s.settle(p.full, time.Second)
			s.quit(b, p.quit)
		}
		if strings.TrimSpace(want) == "" {
			b.Fatalf("%s drew nothing", p.name)
		}
		full[i] = p.full
		if full[i] == nil {
			full[i] = func(screen string) bool { return screen == want }
		} else if !full[i](want) {
			b.Fatalf("%s settles on a frame that is not full:\n%s", p.name, want)
		}
	}
	times := make([][]time.Duration, len(peers))
	b.ResetTimer()
	for range b.N {
		for i, p := range peers {
			s := startPTY(b, p.cmd())
			d, ok := s.waitScreen(full[i], 5*time.Minute)
			b.StopTimer()
			if !ok {
				got := s.settle(nil, 100*time.Millisecond)
				s.quit(b, p.quit)
				b.Fatalf("%s: the frame never came; got\n%s", p.name, got)
			}
			times[i] = append(times[i], d)
			s.quit(b, p.quit)
			b.StartTimer()
		}
	}
	b.StopTimer()
	b.ReportMetric(0, "ns/op")
	for i, p := range peers {
		ts := times[i]
		slices.Sort(ts)
		b.ReportMetric(float64(ts[len(ts)/2].Microseconds())/1000, p.name+"-median-ms")
		b.ReportMetric(float64(ts[0].Microseconds())/1000, p.name+"-min-ms")
	}
}

// buildDubao builds the program into dir and returns its path; or it
// returns $DUBAO_BENCH_BIN, to measure another build beside the same peer.
func buildDubao(b *testing.B, dir string) string {
	b.Helper()
	if bin := os.Getenv("DUBAO_BENCH_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(dir, "dubao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// frameEnv is the environment of the programs timed: a terminal that says
// little about itself, a Chinese locale, and a home of the benchmark's own.
func frameEnv(home string) []string {
	return []string{"TERM=xterm-256color", "LANG=C.UTF-8", "HOME=" + home, "PATH=" + os.Getenv("PATH")}
}

// BenchmarkFirstFullFrame starts the reader on the seed edition at 120x40
// on a pty, and less on the same file as the peer, and reports the median
// time from the start of the process to the first full frame on the
// screen (an emulator reads the output and answers the queries). "known"
// reopens an edition the store already holds (a second day's reading);
// "new" starts with an empty data folder every time. With
// DUBAO_BENCH_PEER_BIN set to another build of dubao, that build ("peer")
// takes its turns too.
//
//	go test -run '^$' -bench 'FirstFullFrame$' -benchtime 20x .
func BenchmarkFirstFullFrame(b *testing.B) {
	if _, err := exec.LookPath("less"); err != nil {
		b.Skip("no less to compare with")
	}
	dir := b.TempDir()
	bin := buildDubao(b, dir)
	file := filepath.Join(dir, seeds.Name)
	if err := os.WriteFile(file, seeds.Default, 0o644); err != nil {
		b.Fatal(err)
	}
	home := filepath.Join(dir, "home")
	known := filepath.Join(dir, "known")
	for _, d := range []string{home, known} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	run := func(name string, args ...string) func() *exec.Cmd {
		return func() *exec.Cmd {
			cmd := exec.Command(name, args...)
			cmd.Env = frameEnv(home)
			cmd.Dir = dir
			return cmd
		}
	}
	less := framePeer{name: "less", cmd: run("less", file), quit: "q"}
	// DUBAO_BENCH_PEER_BIN, another build, takes its turns too.
	other := os.Getenv("DUBAO_BENCH_PEER_BIN")
	b.Run("known", func(b *testing.B) {
		peers := []framePeer{less, {name: "dubao", cmd: run(bin, "--data-dir", known, file), quit: "q", full: everyRowDrawn}}
		if other != "" {
			peers = append(peers, framePeer{name: "peer", cmd: run(other, "--data-dir", known+"-peer", file), quit: "q", full: everyRowDrawn})
		}
		benchFirstFrame(b, peers...)
	})
	b.Run("new", func(b *testing.B) {
		n := 0
		fresh := func(bin string) func() *exec.Cmd {
			return func() *exec.Cmd {
				n++
				return run(bin, "--data-dir", filepath.Join(dir, "new", strconv.Itoa(n)), file)()
			}
		}
		peers := []framePeer{less, {name: "dubao", cmd: fresh(bin), quit: "q", full: everyRowDrawn}}
		if other != "" {
			peers = append(peers, framePeer{name: "peer", cmd: fresh(other), quit: "q", full: everyRowDrawn})
		}
		benchFirstFrame(b, peers...)
	})
}

// BenchmarkFirstFullFrameHuge is BenchmarkFirstFullFrame on a 50 MB
// edition of one line (the seed's text with its line breaks taken out,
// repeated), new to the store every time, with less (and
// DUBAO_BENCH_PEER_BIN) as the peers.
//
//	go test -run '^$' -bench FirstFullFrameHuge -benchtime 1x .
func BenchmarkFirstFullFrameHuge(b *testing.B) {
	if _, err := exec.LookPath("less"); err != nil {
		b.Skip("no less to compare with")
	}
	dir := b.TempDir()
	bin := buildDubao(b, dir)
	file := hugeEdition(b, dir)
	run := commandsIn(b, dir)
	n := 0
	fresh := func(bin string) func() *exec.Cmd {
		return func() *exec.Cmd {
			n++
			return run(bin, "--data-dir", filepath.Join(dir, "new", strconv.Itoa(n)), file)
		}
	}
	peers := []framePeer{{name: "less", cmd: func() *exec.Cmd { return run("less", file) }, quit: "q"},
		{name: "dubao", cmd: fresh(bin), quit: "q", full: everyRowDrawn}}
	if other := os.Getenv("DUBAO_BENCH_PEER_BIN"); other != "" {
		peers = append(peers, framePeer{name: "peer", cmd: fresh(other), quit: "q", full: everyRowDrawn})
	}
	benchFirstFrame(b, peers...)
}

// hugeEdition writes a 50 MB edition of one line into dir (the seed's text
// with its line breaks taken out, repeated), named for a date, and returns
// its path.
func hugeEdition(b *testing.B, dir string) string {
	line := bytes.ReplaceAll(seeds.Default, []byte("\n"), nil)
	huge := bytes.Repeat(line, 50<<20/len(line)+1)[:50<<20]
	// Cut at a character: the file must stay valid UTF-8.
	for !utf8.Valid(huge[len(huge)-8:]) {
		huge = huge[:len(huge)-1]
	}
	file := filepath.Join(dir, "2024-03-19.txt")
	if err := os.WriteFile(file, huge, 0o644); err != nil {
		b.Fatal(err)
	}
	return file
}

// commandsIn returns what makes the commands the benchmarks time: run in
// dir, with frameEnv and a home of their own there.
func commandsIn(b *testing.B, dir string) func(name string, args ...string) *exec.Cmd {
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(home, 0o755); err != nil {
		b.Fatal(err)
	}
	return func(name string, args ...string) *exec.Cmd {
		cmd := exec.Command(name, args...)
		cmd.Env = frameEnv(home)
		cmd.Dir = dir
		return cmd
	}
}
