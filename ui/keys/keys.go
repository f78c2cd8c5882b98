// Package keys declares every key binding of the reader once, with its help
// text. Panes take the bindings they use from here; the help overlay and the
// short help under the status line are built from the same values, and
// bindings are switched off by state so the help never lists a key that does
// nothing.
package keys

import "charm.land/bubbles/v2/key"

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
		// In the story list u shows unread stories only, so there half a
		// page up is ctrl+u alone, as in vim; ArticleNav adds u.
		HalfPageDown: key.NewBinding(key.WithKeys("d", "ctrl+d"), key.WithHelp("d/ctrl+d", "half page down")),
		HalfPageUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "half page up")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
	}
}

// ArticleNav returns the article pane's movement keys: DefaultNav's, with u
// for half a page up as in less, since unread-only is a list key.
func ArticleNav() Nav {
	n := DefaultNav()
	n.HalfPageUp = key.NewBinding(key.WithKeys("u", "ctrl+u"), key.WithHelp("u/ctrl+u", "half page up"))
	return n
}

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
		Script:      key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "script: 简/繁")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),

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
	}
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

// newPicker returns picker keys that choose with enter, saying what it
// does, and close with esc, q and opener, the key that opened the box.
func newPicker(choose, opener string) Picker {
	return Picker{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("f", "space", "pgdown"), key.WithHelp("f/pgdown", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "last")),
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", choose)),
		Close:    key.NewBinding(key.WithKeys("esc", opener, "q"), key.WithHelp("esc", "close")),
		Jump: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"),
			key.WithHelp("1-9", choose), key.WithDisabled()),
	}
}

// DefaultPicker returns the section picker's keys; 1-9 choose a section
// at once.
func DefaultPicker() Picker {
	p := newPicker("go to section", "s")
	p.Jump.SetEnabled(true)
	return p
}

// DefaultEditionPicker returns the edition picker's keys.
func DefaultEditionPicker() Picker { return newPicker("open edition", "e") }

// DefaultBookmarkList returns the keys of the list of bookmarks.
func DefaultBookmarkList() Picker { return newPicker("open story", "'") }
