package ui

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"

	"dubao/ui/article"
	"dubao/ui/keys"
	"dubao/ui/list"
)

// keySet is every key map of the reader, by pane and box: the defaults
// with the config file's [keys] applied. The panes take theirs from it, so
// a binding a pane's key map gains is listed, named and rebound with no
// more code.
type keySet struct {
	global          keys.Global
	list            list.KeyMap
	article         article.KeyMap
	search, library keys.Search
	sections        keys.Picker
	editions        keys.Picker
	bookmarks       keys.Picker
	// lookup moves the word cursor of the article's lookup mode.
	lookup keys.Lookup
	// help scrolls the help box.
	help keys.Nav
}

// newKeySet returns the reader's keys with the actions named in bound
// answering to the keys given instead of their own.
func newKeySet(bound map[string][]string) keySet {
	s := reboundKeySet(bound)
	// A box closes with the key that opened it, whatever that is.
	s.sections = s.sections.WithOpener(s.global.Picker)
	s.editions = s.editions.WithOpener(s.global.Editions)
	s.bookmarks = s.bookmarks.WithOpener(s.global.Bookmarks)
	return s
}

// reboundKeySet is the default keys with bound applied, the boxes not yet
// closing with their openers.
func reboundKeySet(bound map[string][]string) keySet {
	s := keySet{
		global: keys.DefaultGlobal(), list: list.DefaultKeyMap(), article: article.DefaultKeyMap(),
		search: keys.DefaultSearch(), library: keys.DefaultLibrarySearch(),
		sections: keys.DefaultPicker(), editions: keys.DefaultEditionPicker(), bookmarks: keys.DefaultBookmarkList(),
		lookup: keys.DefaultLookup(), help: keys.DefaultNav(),
	}
	keys.Rebind(bound, s.maps()...)
	return s
}

func (s *keySet) maps() []any {
	return []any{&s.global, &s.list, &s.article, &s.search, &s.library, &s.sections, &s.editions, &s.bookmarks, &s.lookup, &s.help}
}

// all returns every binding of the set.
func (s *keySet) all() []*key.Binding {
	var out []*key.Binding
	for _, km := range s.maps() {
		out = append(out, keys.Bindings(km)...)
	}
	return out
}

// keyContext is a set of bindings live at once: where a key may do one
// thing only.
type keyContext struct {
	where string
	bs    []*key.Binding
	// typing says text is typed there: a key that types a character
	// cannot be an action's.
	typing bool
}

// contexts returns the places the reader routes keys to, with the
// bindings live in each, as handleKey routes them.
func (s *keySet) contexts() []keyContext {
	g := &s.global
	box := func(km any) []*key.Binding { return append(keys.Bindings(km), &g.Interrupt) }
	return []keyContext{
		{where: "the story list", bs: slices.Concat(keys.Bindings(g), keys.Bindings(&s.list))},
		{where: "the article", bs: slices.Concat(keys.Bindings(g), keys.Bindings(&s.article))},
		{where: "the search box", bs: box(&s.search), typing: true},
		{where: "the library search", bs: box(&s.library), typing: true},
		{where: "the section picker", bs: box(&s.sections)},
		{where: "the edition picker", bs: box(&s.editions)},
		{where: "the bookmark list", bs: box(&s.bookmarks)},
		{where: "the lookup mode", bs: append(box(&s.lookup), &g.Help, &g.Quit)},
		{where: "the help box", bs: append(box(&s.help), &g.Help, &g.Back, &g.Quit)},
	}
}

// sharedByDesign are the actions that answer to one key on purpose: never
// live at once, or one a case of the other.
var sharedByDesign = [][2]string{
	// n is "next match" while a search is in force, else "next story".
	{"next story", "next match"},
	// u lists unread stories in the list (with a store), else it is half
	// a page up.
	{"unread only (story list)", "half page up"},
	// space on the last page goes on to the next story.
	{"next page", "on the last page: next story"},
}

func sharedOnPurpose(a, b string) bool {
	return slices.Contains(sharedByDesign, [2]string{a, b})
}

// KeyError says what is wrong with a rebinding of Action.
type KeyError struct {
	Action string
	Reason string
}

func (e *KeyError) Error() string { return fmt.Sprintf("%q: %s", e.Action, e.Reason) }

// CheckKeys checks the rebindings bound (action name → keys) as the
// config file's [keys] gives them: every action exists, every key is one
// the terminal can send, and no two actions live at once answer to one
// key. It reports the first problem, by the action named in bound.
func CheckKeys(bound map[string][]string) error {
	s := newKeySet(nil)
	names := map[string]bool{}
	for _, b := range s.all() {
		names[keys.Name(*b)] = true
	}
	for _, name := range sortedKeys(bound) {
		if !names[name] {
			reason := "no such action (the help box, ?, names them)"
			if near := nearest(name, names); near != "" {
				reason = fmt.Sprintf("no such action; %q?", near)
			}
			return &KeyError{Action: name, Reason: reason}
		}
		ks := bound[name]
		if len(ks) == 0 {
			return &KeyError{Action: name, Reason: "no keys: give at least one"}
		}
		for _, k := range ks {
			if !keys.Valid(k) {
				return &KeyError{Action: name, Reason: fmt.Sprintf("%q is not a key (keys are named as in the help: j, G, ctrl+d, space, pgdown, f5)", k)}
			}
		}
	}
	s = newKeySet(bound)
	for _, c := range s.contexts() {
		for _, cf := range keys.Conflicts(c.bs, sharedOnPurpose) {
			// Name the action the file rebound.
			action, other := cf.Action, cf.Other
			if _, ok := bound[action]; !ok {
				action, other = other, action
			}
			return &KeyError{Action: action, Reason: fmt.Sprintf("%q is also %q in %s", cf.Key, other, c.where)}
		}
		if !c.typing {
			continue
		}
		for _, b := range c.bs {
			for _, k := range b.Keys() {
				if utf8.RuneCountInString(k) == 1 || k == "space" {
					return &KeyError{Action: keys.Name(*b), Reason: fmt.Sprintf("%q would be typed in %s", k, c.where)}
				}
			}
		}
	}
	return nil
}

// Actions returns every action the reader has, by name, with the keys it
// answers to under bound (a box's close keys without those that opened
// it): what dubao config prints, and what [keys] can rebind.
func Actions(bound map[string][]string) map[string][]string {
	s := reboundKeySet(bound)
	out := map[string][]string{}
	for _, b := range s.all() {
		out[keys.Name(*b)] = b.Keys()
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// nearest returns the name among names a typo of name most likely meant:
// the closest by edit distance, if it is close.
func nearest(name string, names map[string]bool) string {
	best, bestD := "", 3
	for _, n := range sortedKeys(names) {
		if d := editDistance(name, n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, by rune.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}
