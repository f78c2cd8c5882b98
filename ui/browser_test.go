package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/ui/common"
)

// urlEdition is the seed with a source URL on every story but the first
// of section 2, as an edition read from an e-paper site has.
func urlEdition(t testing.TB) *model.Edition {
	t.Helper()
	ed := seed(t)
	for si := range ed.Sections {
		for ai := range ed.Sections[si].Articles {
			a := &ed.Sections[si].Articles[ai]
			if a.ID != "2-1" {
				a.URL = "https://www.haimen.gov.cn/hmrb/html/2024-03/19/content_" + a.ID + ".htm"
			}
		}
	}
	return ed
}

// fakeBrowser writes a script that records its arguments, one a line, in
// the file it returns.
func fakeBrowser(t *testing.T) (script, out string) {
	t.Helper()
	dir := t.TempDir()
	script, out = filepath.Join(dir, "fake-browser"), filepath.Join(dir, "args")
	body := "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + out + "'\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, out
}

// browserModel is the reader on ed with BROWSER set to browser, starting
// the browser and waiting for it, so that what it did is done when the key
// has been handled.
func browserModel(t *testing.T, ed *model.Edition, browser string, w, h int) Model {
	t.Helper()
	m := New(ed, Options{Lang: common.English, Browser: browser})
	m.launch = func(c *exec.Cmd) error { return c.Run() }
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

func TestBrowserCommand(t *testing.T) {
	const u = "https://example.cn/a?b=1&c=$(rm -rf ~)"
	for _, tc := range []struct {
		browser string
		want    []string
	}{
		{"", []string{"xdg-open", u}},
		{"firefox", []string{"firefox", u}},
		{"  firefox   --new-tab  ", []string{"firefox", "--new-tab", u}},
		{"chromium --app=%s:firefox", []string{"chromium", "--app=" + u}},
		{"w3m %s -no-mouse", []string{"w3m", u, "-no-mouse"}},
	} {
		cmd, err := browserCommand(u, tc.browser)
		if err != nil {
			t.Fatalf("BROWSER=%q: %v", tc.browser, err)
		}
		if got := append([]string{filepath.Base(cmd.Args[0])}, cmd.Args[1:]...); !slices.Equal(got, tc.want) {
			t.Errorf("BROWSER=%q: argv %q, want %q", tc.browser, got, tc.want)
		}
	}
	for _, bad := range []string{"", "file:///etc/passwd", "javascript:alert(1)", "-rf", "OEBPS/a.html",
		"https://", "mailto:a@example.cn", "/home/reader/a.desktop"} {
		if _, err := browserCommand(bad, "firefox"); err == nil {
			t.Errorf("%q would be opened", bad)
		}
	}
}

// TestOpenURL presses o on a story with a URL: the browser gets the URL as
// its one argument, and the status line says so.
func TestOpenURL(t *testing.T) {
	script, out := fakeBrowser(t)
	ed := urlEdition(t)
	forSizes(t, func(t *testing.T, w, h int) {
		os.Remove(out)
		m := browserModel(t, ed, script, w, h)
		m = send(t, m, press("o")...)
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("the browser did not run: %v", err)
		}
		want := ed.Sections[0].Articles[0].URL
		if string(got) != want+"\n" {
			t.Fatalf("the browser got %q, want %q", got, want)
		}
		if w >= 80 {
			shows(t, m, "opening https://www.haimen.gov.cn/")
		} else {
			shows(t, m, "opening https://")
		}
	})
}

// TestOpenURLOff: on a story without a URL o does nothing and the short
// help and the full help do not offer it as working; ? lists it with when
// it works.
func TestOpenURLOff(t *testing.T) {
	script, out := fakeBrowser(t)
	m := browserModel(t, urlEdition(t), script, 120, 40)
	if !m.keys.OpenURL.Enabled() {
		t.Fatal("o is off on a story with a URL")
	}
	m = send(t, m, press("2")...) // 2-1 has no URL
	if m.keys.OpenURL.Enabled() {
		t.Fatal("o is on for a story without a URL")
	}
	m = send(t, m, press("o")...)
	if _, err := os.Stat(out); err == nil {
		t.Fatal("o ran the browser for a story without a URL")
	}
	hides(t, m, "opening")
	m = send(t, m, press("?")...)
	shows(t, m, "o open in browser (with URL)")
}

// TestOpenURLFails: a browser that cannot be started is named on the
// status line, and the frame stays whole.
func TestOpenURLFails(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-browser")
	m := browserModel(t, urlEdition(t), missing, 80, 24)
	m = send(t, m, press("o")...)
	shows(t, m, "failed:", "no-such-browser")
}

func TestStartDetached(t *testing.T) {
	if err := startDetached(exec.Command(filepath.Join(t.TempDir(), "missing"))); err == nil {
		t.Error("starting a missing program did not fail")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	cmd := exec.Command(sh, "-c", "exit 0")
	if err := startDetached(cmd); err != nil {
		t.Fatalf("startDetached: %v", err)
	}
	if cmd.SysProcAttr == nil || cmd.Stdin != nil || cmd.Stdout != nil || cmd.Stderr != nil {
		t.Error("the browser is not detached from the terminal")
	}
}

// TestURLShownUnderByline checks the article pane at every size: the URL
// under the byline, on one line, cut with an ellipsis where the pane is
// narrower (checkFrame, run by send, checks every row's width).
func TestURLShownUnderByline(t *testing.T) {
	ed := urlEdition(t)
	url := ed.Sections[0].Articles[0].URL
	forSizes(t, func(t *testing.T, w, h int) {
		m := newModel(t, ed, w, h, common.English)
		m = send(t, m, press("enter")...)
		rows := screen(m)
		byline := -1
		for i, r := range rows {
			if strings.Contains(r, "记者 何天宇") {
				byline = i
				break
			}
		}
		if byline < 0 || byline+1 >= len(rows) {
			t.Fatalf("no byline on screen:\n%s", strings.Join(rows, "\n"))
		}
		next := rows[byline+1]
		measure := m.lay.ArticleInner.W
		if measure >= len(url) {
			if !strings.Contains(next, url) {
				t.Fatalf("the row under the byline is %q, want the URL whole", next)
			}
			return
		}
		if !strings.Contains(next, "https://") || !strings.Contains(next, "…") || strings.Contains(next, url) {
			t.Fatalf("the row under the byline is %q, want the URL cut to %d cells", next, measure)
		}
	})
}
