// Package keys declares every key binding of the reader once, with its help
// text. Panes take the bindings they use from here; the help overlay and the
// short help under the status line are built from the same values, and
// bindings are switched off by state so the help never lists a key that does
// nothing.
package keys

import (
	"slices"

	"charm.land/bubbles/v2/key"
)

// Nav moves through a list or scrolls a page. The story list and the article
// pane share it, so j means "down" in both and is declared once.
type Nav struct {
	Up, Down                 key.Binding
	PageDown, PageUp         key.Binding
	HalfPageDown, HalfPageUp key.Binding
	Top, Bottom              key.Binding
}

// DefaultNav returns the pager-like movement keys of less and glow.
func DefaultNav() Nav {
	return Nav{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		PageDown: key.NewBinding(key.WithKeys("space", "f", "pgdown"), key.WithHelp("space/f", "next page")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "previous page")),
		// u is half a page up as in less; in the story list, with a store,
		// the global "unread only" takes it first, and ctrl+u is left, as
		// in vim.
		HalfPageDown: key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d/ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u/ctrl+u", "half page up")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
	}
}

// ArticleNav returns the article pane's movement keys: DefaultNav's.
func ArticleNav() Nav { return DefaultNav() }

// Bindings lists the movement keys in help order.
func (n Nav) Bindings() []key.Binding {
	return []key.Binding{n.Up, n.Down, n.PageDown, n.PageUp, n.HalfPageDown, n.HalfPageUp, n.Top, n.Bottom}
}

// Global are the keys the root model handles whichever pane has the focus.
type Global struct {
	NextPane, PrevPane       key.Binding
	Back                     key.Binding
	NextArticle, PrevArticle key.Binding
	Section                  key.Binding
	PrevSection, NextSection key.Binding
	Picker                   key.Binding
	Search                   key.Binding
	NextMatch, PrevMatch     key.Binding
	Punct, Indent            key.Binding
	// Hanging lets ，。、 hang past the line's end (typeset.Options.Hanging)
	// rather than push a character down.
	Hanging key.Binding
	// Script cycles the script the text is shown in: as printed, 简体,
	// 繁體 (Taiwan), 繁體 (Hong Kong).
	Script key.Binding
	Help   key.Binding
	// Quit ends the reader; Interrupt too, from anywhere, the search box
	// and the boxes included, where q may be text or close the box.
	Quit, Interrupt key.Binding

	// The library's keys, switched off when the reader has no store.

	// Editions opens the edition picker; Bookmarks the saved stories;
	// LibrarySearch searches every edition on the shelf.
	Editions, Bookmarks, LibrarySearch key.Binding
	// MarkRead toggles the story's read mark; MarkSection marks the whole
	// section read; UnreadOnly lists unread stories only.
	MarkRead, MarkSection, UnreadOnly key.Binding
	// Bookmark saves or unsaves the story shown.
	Bookmark key.Binding
	// Export writes the story as Markdown to a file; Copy puts it on the
	// clipboard (OSC 52). They need no store.
	Export, Copy key.Binding
	// OpenURL opens the story's source address in the browser; off for a
	// story without one.
	OpenURL key.Binding
	// Update fetches what is new for every subscription in the background,
	// as dubao update does; off without a store or subscriptions.
	Update key.Binding
	// Lookup puts a cursor on the words of the article shown, to look them
	// up in the dictionary (see Lookup).
	Lookup key.Binding
}

// DefaultGlobal returns the reader's global keys.
func DefaultGlobal() Global {
	return Global{
		NextPane:    key.NewBinding(key.WithKeys("tab", "l", "right"), key.WithHelp("tab/l/→", "next pane")),
		PrevPane:    key.NewBinding(key.WithKeys("shift+tab", "h", "left"), key.WithHelp("shift+tab/h/←", "previous pane")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		NextArticle: key.NewBinding(key.WithKeys("n", "J"), key.WithHelp("n/J", "next story")),
		PrevArticle: key.NewBinding(key.WithKeys("p", "K"), key.WithHelp("p/K", "previous story")),
		Section: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1-9", "go to section")),
		PrevSection: key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		NextSection: key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		Picker:      key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "pick a section")),
		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match")),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match")),
		Punct:       key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "full-width punctuation")),
		Indent:      key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "paragraph indent")),
		Hanging:     key.NewBinding(key.WithKeys(","), key.WithHelp(",", "hanging punctuation")),
		Script:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "switch script")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit from anywhere")),

		Editions:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "editions")),
		Bookmarks:     key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "bookmarks")),
		LibrarySearch: key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "search all editions")),
		MarkRead:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark read/unread")),
		MarkSection:   key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mark section read")),
		// Off while the article has the focus: there u is half a page up.
		UnreadOnly: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "unread only (story list)")),
		Bookmark:   key.NewBinding(key.WithKeys("B"), key.WithHelp("B", "bookmark story")),
		Export:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "save as Markdown")),
		Copy:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy (OSC 52)")),
		OpenURL:    key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser")),
		Update:     key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "update subscriptions")),
		Lookup:     key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "look up words")),
	}
}

// Lookup are the keys of the article's word lookup mode: the cursor moves
// by word and by line, and the box shows the word under it.
type Lookup struct {
	Left, Right, Up, Down key.Binding
	PageDown, PageUp      key.Binding
	// Show opens the box for the word under the cursor; Close closes the
	// box, then leaves the mode; Leave leaves it at once.
	Show, Close, Leave key.Binding
}

// DefaultLookup returns the lookup mode's keys.
func DefaultLookup() Lookup {
	return Lookup{
		Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "previous word")),
		Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "next word")),
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "line up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "line down")),
		PageDown: key.NewBinding(key.WithKeys("space", "f", "pgdown"), key.WithHelp("space/f", "next page")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "previous page")),
		Show:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter/click", "show the word")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close box, then leave")),
		Leave:    key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "leave lookup")),
	}
}

// Bindings lists the lookup keys in help order.
func (k Lookup) Bindings() []key.Binding {
	return []key.Binding{k.Left, k.Right, k.Up, k.Down, k.PageDown, k.PageUp, k.Show, k.Close, k.Leave}
}

// Search are the keys of the search boxes. Letters are text there, so only
// keys that cannot be typed move and choose.
type Search struct {
	Up, Down, Open, Clear, Cancel key.Binding
	// Scope switches between searching the edition and the library,
	// keeping the query.
	Scope key.Binding
}

// DefaultSearch returns the keys of the edition's search box.
func DefaultSearch() Search {
	return Search{
		Up:     key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑/ctrl+p", "previous result")),
		Down:   key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/ctrl+n", "next result")),
		Open:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open result")),
		Clear:  key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "clear")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Scope:  key.NewBinding(key.WithKeys("ctrl+f"), key.WithHelp("ctrl+f", "search all editions")),
	}
}

// DefaultLibrarySearch returns the keys of the library's search box.
func DefaultLibrarySearch() Search {
	s := DefaultSearch()
	s.Scope.SetHelp("ctrl+f", "search this edition")
	return s
}

// Picker are the keys of the boxes that list things to choose: sections,
// editions, bookmarks.
type Picker struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Choose, Close                           key.Binding
	// Jump chooses one of the first nine rows by its number; only the
	// section picker, whose rows are numbered, has it on.
	Jump key.Binding
}

// newPicker returns picker keys that move as the list does, choose with
// enter, saying what it does, and close with esc and q; the reader adds
// the keys that opened the box (see WithOpener).
func newPicker(choose string) Picker {
	n := DefaultNav()
	return Picker{
		Up: n.Up, Down: n.Down, PageUp: n.PageUp, PageDown: n.PageDown, Top: n.Top, Bottom: n.Bottom,
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", choose)),
		Close:  key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
		Jump: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1-9", "go to section"), key.WithDisabled()),
	}
}

// WithOpener returns p closing with the keys of opener too, the binding
// that opened the box, as a second press of s closes the section picker.
func (p Picker) WithOpener(opener key.Binding) Picker {
	// The label stays: it names the close keys, not every way to close.
	p.Close.SetKeys(append(slices.Clone(p.Close.Keys()), opener.Keys()...)...)
	return p
}

// DefaultPicker returns the section picker's keys; 1-9 choose a section
// at once.
func DefaultPicker() Picker {
	p := newPicker("open section")
	p.Jump.SetEnabled(true)
	return p
}

// DefaultEditionPicker returns the edition picker's keys.
func DefaultEditionPicker() Picker { return newPicker("open edition") }

// DefaultBookmarkList returns the keys of the list of bookmarks.
func DefaultBookmarkList() Picker { return newPicker("open story") }
