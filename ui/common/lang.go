package common

import (
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"

	"dubao/library"
	"dubao/model"
	"dubao/script"
)

// Lang is the language of the interface: every label, key help entry, hint,
// status message and error the reader shows comes from the message table
// (messages.go) in it. The locale chooses it; it never changes a width.
type Lang int

// The interface languages.
const (
	English Lang = iota
	// Chinese is Chinese in simplified characters (简体).
	Chinese
	// Traditional is Chinese in traditional characters (繁體), for the
	// zh_TW, zh_HK and zh_MO locales and zh_Hant.
	Traditional
)

// Langs are the interface languages, in the order of the table's columns.
var Langs = []Lang{English, Chinese, Traditional}

// String names the language as a locale would.
func (l Lang) String() string {
	switch l {
	case Chinese:
		return "zh-Hans"
	case Traditional:
		return "zh-Hant"
	}
	return "en"
}

// LangFromEnv picks the language the way setlocale would for messages:
// LC_ALL, then LC_MESSAGES, then LANG. A zh locale gives Chinese, in
// traditional characters for Taiwan, Hong Kong and Macao and for a locale
// that names the Hant script (zh_TW.UTF-8, zh-HK, zh_Hant_SG).
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return langOfLocale(v)
		}
	}
	return English
}

// langOfLocale reads a locale name: language[_territory][.codeset][@modifier],
// with - for _ and a script subtag allowed.
func langOfLocale(v string) Lang {
	v = strings.ToLower(v)
	v, _, _ = strings.Cut(v, ".")
	v, _, _ = strings.Cut(v, "@")
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '_' || r == '-' })
	if len(parts) == 0 || parts[0] != "zh" {
		return English
	}
	for _, p := range parts[1:] {
		switch p {
		case "hant", "tw", "hk", "mo":
			return Traditional
		case "hans":
			return Chinese
		}
	}
	return Chinese
}

// T returns message key in l, formatted with args as fmt.Sprintf does when
// there are any. A key the table lacks is returned as it is (the table's
// tests keep every key used in ui/ in the table).
func (l Lang) T(key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	return l.format(m.text(l, false), args)
}

// N returns message key for a count of n: English says "1 story" but "2
// stories". The arguments are args, or n alone when there are none.
func (l Lang) N(key string, n int, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		args = []any{n}
	}
	return l.format(m.text(l, n == 1), args)
}

func (l Lang) format(s string, args []any) string {
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Page labels page i of n: 第 2/5 页, or page 2/5.
func (l Lang) Page(i, n int) string { return l.T("page", i, n) }

// PageAbout labels page i of about n, while the number of pages is still
// an estimate: 第 2/≈5 页, or page 2/≈5.
func (l Lang) PageAbout(i, n int) string { return l.T("page about", i, n) }

// Section labels section i of n.
func (l Lang) Section(i, n int) string { return l.T("section", i, n) }

// Story labels story i of n.
func (l Lang) Story(i, n int) string { return l.T("story", i, n) }

// Paragraphs labels a paragraph count.
func (l Lang) Paragraphs(n int) string { return l.N("paragraphs", n) }

// Minutes labels a reading time.
func (l Lang) Minutes(n int) string { return l.T("minutes", n) }

// TooSmall says the terminal is smaller than the reader needs.
func (l Lang) TooSmall(minW, minH int) string { return l.T("too small", minW, minH) }

// TooSmallForms are the ways to say TooSmall, longest first, down to the
// size alone: the reader shows the longest that fits.
func (l Lang) TooSmallForms(minW, minH int) []string {
	return []string{l.TooSmall(minW, minH), l.T("too small: need", minW, minH), l.T("need", minW, minH),
		fmt.Sprintf("%dx%d", minW, minH)}
}

// Matches says how many places in how many stories a search found: 2
// matches in 1 story.
func (l Lang) Matches(articles, hits int) string {
	if hits == 0 {
		return l.T("no matches")
	}
	return l.T("matches in stories", l.N("matches", hits), l.N("stories", articles))
}

// Match labels the current match i of n.
func (l Lang) Match(i, n int) string { return l.T("match", i, n) }

// Count labels a number of matches in one story.
func (l Lang) Count(n int) string { return l.N("matches", n) }

// Title is the message key what, which takes no arguments: a box's title,
// a state the status line flags, a note such as "bookmarked".
func (l Lang) Title(what string) string { return l.T(what) }

// Script says which script the text is now shown in.
func (l Lang) Script(s script.Script) string {
	switch s {
	case script.Hans:
		return l.T("script hans")
	case script.HantTW:
		return l.T("script hant-tw")
	case script.HantHK:
		return l.T("script hant-hk")
	}
	return l.T("script original")
}

// ScriptFlag is the status line's short flag for a script other than the
// original.
func (l Lang) ScriptFlag(s script.Script) string {
	switch s {
	case script.Hans:
		return l.T("flag hans")
	case script.HantTW:
		return l.T("flag hant-tw")
	case script.HantHK:
		return l.T("flag hant-hk")
	}
	return ""
}

// Stories counts stories: 12 stories, 12 篇.
func (l Lang) Stories(n int) string { return l.N("stories", n) }

// Unread counts unread stories.
func (l Lang) Unread(n int) string { return l.T("unread", n) }

// UnreadOf counts unread stories of all an edition has: 3/8 unread.
func (l Lang) UnreadOf(unread, all int) string { return l.T("unread of", unread, all) }

// Indexing reports background indexing: done of total editions.
func (l Lang) Indexing(done, total int) string { return l.T("indexing", done, total) }

// Updating reports U's update: subscription done of total.
func (l Lang) Updating(done, total int) string { return l.T("updating", done, total) }

// Updated says what U's update brought: n new or grown editions, and how
// many subscriptions failed, with why the first did.
func (l Lang) Updated(n, failed int, first string) string {
	out := l.T("update: nothing new")
	if n > 0 {
		out = l.N("update: new stories", n)
	}
	if failed > 0 {
		out += l.T("update failed", failed, first)
	}
	return out
}

// Saved says where a story was written.
func (l Lang) Saved(path string) string { return l.T("saved to", path) }

// Opening says a story's address went to the browser.
func (l Lang) Opening(browser, url string) string { return l.T("opening", url, browser) }

// Skipped says files could not be read into the shelf, naming the first
// by its file name (dubao names them in full after the reader quits).
func (l Lang) Skipped(n int, first error) string {
	what := l.Error(first)
	var ie *model.InputError
	if errors.As(first, &ie) {
		what = filepath.Base(ie.Name) + l.T(": ") + l.Error(ie.Err)
	}
	if n == 1 {
		return l.T("skipped one", what)
	}
	return l.T("skipped", n, what)
}

// InvalidBytes says that n bytes of the edition were not valid text and
// are shown as U+FFFD.
func (l Lang) InvalidBytes(n int) string { return l.N("invalid bytes", n) }

// Unsaved says why the reading state is not saved, reason first: the
// status line's flag says that it is not for as long as it lasts.
func (l Lang) Unsaved(err error) string {
	var ue *library.UnsavedError
	if !errors.As(err, &ue) {
		return l.T("state not saved", l.Error(err))
	}
	if ue.ReadOnly {
		return l.T("read-only, not saved", ue.Dir)
	}
	return l.T("cannot use dir", ue.Dir)
}

// OpeningLibrary says a library key came before the store was open: it
// opens right after the first frame, and takes long enough to be seen only
// when the edition shown is new and being indexed.
func (l Lang) OpeningLibrary() string {
	return l.T("library indexing")
}

// Failed says an action failed.
func (l Lang) Failed(err error) string { return l.T("failed", l.Error(err)) }

// Message is an error whose text is a key of the message table: the reader
// shows it in the interface's language, Error gives the English.
type Message string

func (e Message) Error() string { return English.T(string(e)) }

// errorReasons are the causes of a failure the reader names in its own
// words, by the message that says them.
var errorReasons = []struct {
	err error
	key string
}{
	{fs.ErrNotExist, "no such file"},
	{fs.ErrPermission, "permission denied"},
	{fs.ErrExist, "file exists"},
	{exec.ErrNotFound, "command not found"},
}

// Error says err in l: a Message in l, a failure on a file as the file's
// name and the reason in l when the reason is one the table knows, else
// err's own words (a library's or the system's, in English).
func (l Lang) Error(err error) string {
	if err == nil {
		return ""
	}
	var msg Message
	if errors.As(err, &msg) {
		return l.T(string(msg))
	}
	for _, r := range errorReasons {
		if !errors.Is(err, r.err) {
			continue
		}
		var pe *fs.PathError
		var ee *exec.Error
		switch {
		case errors.As(err, &pe):
			return pe.Path + l.T(": ") + l.T(r.key)
		case errors.As(err, &ee):
			return ee.Name + l.T(": ") + l.T(r.key)
		}
		return l.T(r.key)
	}
	return err.Error()
}
