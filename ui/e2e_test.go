package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
)

// tmuxSession runs the built reader in a tmux server of its own (its own
// socket, so other tmux users on the machine are not touched).
type tmuxSession struct {
	t      *testing.T
	socket string
	w, h   int
	lang   string // LANG of the program started last
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// send types keys as tmux send-keys names them (Enter, Space, Escape, ...).
func (s *tmuxSession) send(keys ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "r"}, keys...)...)
}

func (s *tmuxSession) screen() []string {
	s.t.Helper()
	out := s.tmux("capture-pane", "-p", "-N", "-t", "r")
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

// waitFor polls the screen until it shows every one of want, then checks
// the frame: no row wider than the window, the panes' frames reaching its
// last column, every box closed and aligned.
func (s *tmuxSession) waitFor(want ...string) []string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("shows %q", want), func(text string) bool {
		for _, w := range want {
			if !strings.Contains(text, w) {
				return false
			}
		}
		return true
	})
}

// waitGone polls the screen until it no longer shows gone.
func (s *tmuxSession) waitGone(gone string) []string {
	s.t.Helper()
	return s.waitUntil(fmt.Sprintf("no longer shows %q", gone), func(text string) bool {
		return !strings.Contains(text, gone)
	})
}

func (s *tmuxSession) waitUntil(what string, ok func(string) bool) []string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rows := s.screen()
		text := strings.Join(rows, "\n")
		ok := ok(text)
		// A capture can catch the renderer mid-frame: only a frame that
		// stays wrong until the deadline fails.
		var err error
		if ok {
			if err = s.check(rows); err == nil {
				return rows
			}
		}
		if time.Now().After(deadline) {
			if err != nil {
				s.t.Fatal(err)
			}
			s.t.Fatalf("%dx%d: screen never %s:\n%s", s.w, s.h, what, text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *tmuxSession) check(rows []string) error {
	if len(rows) != s.h {
		return fmt.Errorf("%d rows in a %d-row window", len(rows), s.h)
	}
	// The renderer clears the ends of rows rather than writing spaces, and
	// tmux does not report cleared cells, so a row may look short; a row
	// that overflowed would have wrapped and broken a frame below.
	b := styles.New(styles.Config{}).Border
	for i, r := range rows {
		w := typeset.Width(r)
		framed := strings.HasSuffix(r, b.Right) || strings.HasSuffix(r, b.TopRight) || strings.HasSuffix(r, b.BottomRight)
		if w > s.w || framed && w != s.w {
			return fmt.Errorf("row %d is %d cells in a %d-cell window:\n%s", i, w, s.w, strings.Join(rows, "\n"))
		}
	}
	return findBoxError(rows, b)
}

func (s *tmuxSession) resize(w, h int) {
	s.t.Helper()
	s.w, s.h = w, h
	s.tmux("resize-window", "-t", "r", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// buildDubao builds the binary once per test, or skips the test without
// tmux (unless DUBAO_E2E=1 says it must run). tmux draws ambiguous
// characters one cell wide, and so does the test's measure meanwhile,
// whatever the environment says.
func buildDubao(t *testing.T) string {
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("DUBAO_E2E") == "1" {
			t.Fatal("DUBAO_E2E=1 but tmux is not installed")
		}
		t.Skip("tmux not installed")
	}
	bin := filepath.Join(t.TempDir(), "dubao")
	if out, err := exec.Command("go", "build", "-o", bin, "dubao").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	wide := typeset.AmbiguousWide()
	typeset.SetAmbiguousWide(false)
	t.Cleanup(func() { typeset.SetAmbiguousWide(wide) })
	return bin
}

// newTmux returns a tmux server of its own for one test, killed at the end.
func newTmux(t *testing.T, name string) *tmuxSession {
	s := &tmuxSession{t: t, socket: fmt.Sprintf("dubao-e2e-%d-%s", os.Getpid(), name), w: 100, h: 30}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

// start runs the command line in a new 100x30 window with the locale and
// data directory given (never the real home's), NO_COLOR unset.
func (s *tmuxSession) start(lang, eastAsian, data string, cmd ...string) {
	s.t.Helper()
	s.w, s.h, s.lang = 100, 30, lang
	args := []string{"-f", "/dev/null", "new-session", "-d", "-s", "r", "-x", "100", "-y", "30",
		"-e", "LANG=" + lang, "-e", "LC_ALL=", "-e", "NO_COLOR=", "-e", "RUNEWIDTH_EASTASIAN=" + eastAsian,
		// Never the config file of whoever runs the tests.
		"-e", "XDG_CONFIG_HOME=" + filepath.Join(data, "config"),
		"-e", "DUBAO_DATA_DIR=" + data, "-e", "DUBAO_EXPORT_DIR=" + s.t.TempDir()}
	s.tmux(append(args, cmd...)...)
}

// settled waits until the program has handled every key sent so far and
// returns the screen they leave. Keys are handled in order, so the help box
// opened after them is drawn only once they were; closing it again leaves
// their screen. The first frame that changes after the keys may show only
// some of them.
func (s *tmuxSession) settled(want ...string) []string {
	s.t.Helper()
	title := "─ " + common.LangFromEnv(func(k string) string {
		if k == "LANG" {
			return s.lang
		}
		return ""
	}).Title("keys") + " ─"
	s.send("?")
	s.waitFor(title)
	s.send("?")
	s.waitGone(title)
	return s.waitFor(want...)
}

// quit presses q and waits for the program, and so the session, to end.
func (s *tmuxSession) quit() {
	s.t.Helper()
	s.send("q")
	deadline := time.Now().Add(5 * time.Second)
	for exec.Command("tmux", "-L", s.socket, "has-session", "-t", "r").Run() == nil {
		if time.Now().After(deadline) {
			s.t.Fatal("q did not quit")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestEndToEnd builds dubao and reads the seed with it in tmux, under an
// English and a Chinese locale: the key paths of the issue, with every frame
// checked as the terminal shows it.
func TestEndToEnd(t *testing.T) {
	bin := buildDubao(t)
	for _, tc := range []struct{ name, lang, eastAsian, page, section, nextPage, pick string }{
		{"C.UTF-8", "C.UTF-8", "", "page %d/%d", "section 2/3", "space/f next page", "pick a section"},
		{"zh_CN.UTF-8", "zh_CN.UTF-8", "", "第 %d/%d 页", "版 2/3", "space/f 下一页", "选择版面"},
		// The environment says wide; dubao asks tmux, which says narrow,
		// and re-executes itself narrow.
		{"zh_CN.UTF-8 RUNEWIDTH_EASTASIAN=1", "zh_CN.UTF-8", "1", "第 %d/%d 页", "版 2/3", "space/f 下一页", "选择版面"},
		{"zh_TW.UTF-8", "zh_TW.UTF-8", "", "第 %d/%d 頁", "版 2/3", "space/f 下一頁", "選擇版面"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newTmux(t, tc.lang[:5]+tc.eastAsian)
			start := time.Now()
			s.start(tc.lang, tc.eastAsian, t.TempDir(), bin)
			s.waitFor("海门日报", "“一核”“六区”战略")
			t.Logf("%s: first full frame in tmux after %v (polled every 20ms)", tc.name, time.Since(start).Round(time.Millisecond))

			// Paging moves the page indicator and the text.
			s.send("Enter")
			// The short help turns to the article's keys once it has the focus.
			before := s.waitFor(fmt.Sprintf(tc.page, 1, 3), tc.nextPage)
			s.send("Space")
			after := s.waitFor(fmt.Sprintf(tc.page, 2, 3))
			if strings.Join(before[2:10], "") == strings.Join(after[2:10], "") {
				t.Fatal("space did not move the text")
			}

			// A resize keeps the reading position: the first text on
			// screen is still on the first rows.
			s.send("j", "j")
			rows := s.settled(fmt.Sprintf(tc.page, 2, 3))
			if firstText(rows, 1) == firstText(after, 1) {
				t.Fatal("j did not scroll")
			}
			anchor := string([]rune(firstText(rows, 1))[:4])
			s.resize(80, 24)
			rows = s.waitFor("─╮")
			if top := firstText(rows, 2); !strings.Contains(top, anchor) {
				t.Fatalf("after resize the page starts %q, was %q", top, anchor)
			}
			s.resize(100, 30)
			s.waitFor("─╮")

			// 2 shows section 2; n from its last story crosses into 3.
			s.send("2")
			s.waitFor(tc.section, "全区基层理论宣讲骨干")
			s.send("h", "G", "n") // G in the list: its last story
			s.waitFor("打好执法“组合拳” 落实长江“禁渔令”", "3/3")

			// Search, across the edition.
			s.send("1", "/", "禁渔")
			s.waitFor("/ 禁渔", "打好执法")
			s.send("Enter")
			s.waitFor("/禁渔", "落实长江“禁渔令”")
			// An escape followed at once by a key reads as alt+key.
			s.send("Escape")
			s.waitGone("/禁渔")

			// Help.
			s.send("?")
			s.waitFor(tc.nextPage, tc.pick)
			s.send("?")
			s.quit()
		})
	}
}

// TestEndToEndShelf reads a folder of two editions in tmux: the newest
// opens, e picks the other, m marks a story read, and after quitting and
// starting again that edition opens where the reader stopped, the mark
// kept.
func TestEndToEndShelf(t *testing.T) {
	bin := buildDubao(t)
	dir, _ := shelfDir(t)
	for _, tc := range []struct{ lang, unread, marked, stillUnread, nextPage string }{
		{"C.UTF-8", "8/8 unread", "marked read", "7/8 unread", "space/f next page"},
		{"zh_CN.UTF-8", "未读 8/8", "已标为已读", "未读 7/8", "space/f 下一页"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			s := newTmux(t, "shelf-"+tc.lang[:2])
			data := t.TempDir()
			s.start(tc.lang, "", data, bin, dir)
			s.waitFor("2024-03-19", newerHeadline)
			s.send("e")
			s.waitFor("* 2024-03-19", "2024-03-18", tc.unread)
			s.send("j", "Enter")
			s.waitFor("2024-03-18 ·", olderHeadline)

			// Section 2's first story: marked read, then read a little way
			// into its text.
			s.send("2", "m")
			s.waitFor(tc.marked, "区公共资源交易中心 (3)")
			s.send("Enter")
			start := firstText(s.waitFor(tc.nextPage), 1)
			s.send("j", "j", "j")
			rows := s.settled("区公共资源交易中心 (3)")
			if firstText(rows, 1) == start {
				t.Fatal("j did not scroll")
			}
			top := firstText(rows, 1)
			s.quit()

			s.start(tc.lang, "", data, bin, dir)
			s.waitFor("2024-03-19", newerHeadline)
			s.send("e")
			s.waitFor(tc.stillUnread)
			s.send("j", "Enter")
			rows = s.waitFor("2024-03-18 ·", "区公共资源交易中心 (3)")
			if got := firstText(rows, 1); got != top {
				t.Fatalf("reopened at %q, left at %q", got, top)
			}
			s.quit()
		})
	}
}

// firstText returns the first n rows of article text on the screen, each
// what follows the list pane's frame, without indents.
func firstText(rows []string, n int) string {
	var out string
	for _, row := range rows[2:] {
		_, rest, ok := strings.Cut(row, "││")
		if !ok {
			continue
		}
		if rest = strings.Trim(rest, " \u3000│"); rest == "" {
			continue
		}
		out += rest
		if n--; n == 0 {
			break
		}
	}
	return out
}

// TestEndToEndTitleRestored checks that quitting gives the terminal back the
// window title it had: the reader shows the edition's title meanwhile.
func TestEndToEndTitleRestored(t *testing.T) {
	bin := buildDubao(t)
	s := newTmux(t, "title")
	// The shell sets a title, runs the reader, and stays for the check.
	script := fmt.Sprintf(`printf '\033]2;before\007'; %q; echo reader-done; sleep 60`, bin)
	s.start("C.UTF-8", "", t.TempDir(), "sh", "-c", script)
	s.waitFor("海门日报", "“一核”“六区”战略")
	if title := s.title(); title != "海门日报" {
		t.Errorf("title while reading %q", title)
	}
	s.send("q")
	s.waitUntil("shows the shell again", func(text string) bool { return strings.Contains(text, "reader-done") })
	if title := s.title(); title != "before" {
		t.Errorf("title after quitting %q, want %q", title, "before")
	}
}

// title returns the pane's title, as the program running in it set it.
func (s *tmuxSession) title() string {
	s.t.Helper()
	return strings.TrimSpace(s.tmux("display-message", "-p", "-t", "r", "#{pane_title}"))
}
