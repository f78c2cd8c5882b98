package ui

import (
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"dubao/ui/common"
)

// defaultBrowser opens a URL when $BROWSER is not set.
const defaultBrowser = "xdg-open"

// errNotWeb says a story's URL is not one to hand to a browser.
var errNotWeb = common.Message("not a web address")

// browsedMsg says o handed a story's URL to the browser, or why it could
// not.
type browsedMsg struct {
	url, browser string
	err          error
}

// webURL reports whether s is an http or https address: what o hands to
// a browser. Other schemes (file:, javascript:, a path) in an edition are
// not opened: xdg-open would run a local .desktop file.
func webURL(s string) bool {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	scheme := strings.ToLower(u.Scheme)
	return scheme == "http" || scheme == "https"
}

// browserCommand returns the command that opens rawURL: the first command
// of browser (a $BROWSER value, commands separated by colons, each split at
// spaces, with %s standing for the URL or the URL added at the end), else
// xdg-open. No shell reads it, so nothing in the URL is run.
func browserCommand(rawURL, browser string) (*exec.Cmd, error) {
	if !webURL(rawURL) {
		return nil, errNotWeb
	}
	first, _, _ := strings.Cut(browser, ":")
	argv := strings.Fields(first)
	if len(argv) == 0 {
		argv = []string{defaultBrowser}
	}
	placed := false
	for i, a := range argv[1:] {
		if strings.Contains(a, "%s") {
			argv[i+1] = strings.ReplaceAll(a, "%s", rawURL)
			placed = true
		}
	}
	if !placed {
		argv = append(argv, rawURL)
	}
	return exec.Command(argv[0], argv[1:]...), nil
}

// startDetached starts cmd with no terminal (its own session, standard
// streams on /dev/null), so that neither a browser's output nor its exit
// reaches the reader's screen, and reaps it when it ends.
func startDetached(cmd *exec.Cmd) error {
	detach(cmd)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// openURL is o: the story's URL goes to the browser, and the status line
// says so or why not. The key is off when the story has no web address.
func (m *Model) openURL() tea.Cmd {
	a := m.article.Article()
	if a == nil {
		return nil
	}
	u, browser, launch := a.URL, m.opt.Browser, m.launch
	return func() tea.Msg {
		// Built here, off the update loop: exec.Command looks the
		// program up on the PATH.
		cmd, err := browserCommand(u, browser)
		if err != nil {
			return browsedMsg{url: u, err: err}
		}
		return browsedMsg{url: u, browser: filepath.Base(cmd.Args[0]), err: launch(cmd)}
	}
}

// browsed shows on the status line what came of o.
func (m *Model) browsed(msg browsedMsg) {
	if msg.err != nil {
		m.note = m.common.Lang.Failed(msg.err)
		return
	}
	m.note = m.common.Lang.Opening(msg.browser, msg.url)
}
