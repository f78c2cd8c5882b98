package ui

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/script"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/list"
	"dubao/ui/picker"
	"dubao/ui/styles"
)

// View draws the frame: the alt screen, with mouse reporting on. The frame
// goes out as typeset.ForTerminal writes it for the terminal's width method.
func (m Model) View() tea.View {
	v := tea.NewView("")
	if !m.widthHeld {
		v = tea.NewView(typeset.ForTerminal(m.render()))
		if m.frame != nil && m.lay.Width > 0 && m.lay.Height > 0 {
			m.frame.drawn.Store(true)
		}
	}
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	// The title may be a file name, and goes out inside an OSC sequence.
	v.WindowTitle = common.Plain(m.ed.Title)
	return v
}

// render draws every row of the screen, each exactly the terminal's width.
func (m Model) render() string {
	l := m.lay
	if l.Width <= 0 || l.Height <= 0 {
		return ""
	}
	if l.TooSmall {
		return m.tooSmall()
	}
	rows := make([]string, 0, l.Height)
	rows = append(rows, m.tabs.View()+m.headerHelp())
	rows = append(rows, m.panes()...)
	rows = append(rows, m.statusLine())
	if l.Help.H > 0 {
		rows = append(rows, m.hintRow())
	}
	switch m.overlay {
	case overlayHelp:
		rows = m.drawHelp(rows)
	case overlayPicker:
		rows = m.drawPicker(rows)
	case overlayLibrary:
		rows = m.drawOverlay(rows, m.common.Lang.Title("library"), "", strings.Split(m.libsearch.View(), "\n"))
	case overlayNone:
		if m.lookup.BoxOpen() {
			rows = m.drawLookup(rows)
		}
	}
	return strings.Join(rows, "\n")
}

func (m Model) tooSmall() string {
	l := m.lay
	rows := common.Blank(l.Width, l.Height)
	forms := m.common.Lang.TooSmallForms(minWidth, minHeight)
	msg := forms[len(forms)-1]
	for _, f := range forms {
		if typeset.Width(f) <= l.Width {
			msg = f
			break
		}
	}
	rows[l.Height/2] = m.common.Styles.Small.Render(common.Center(msg, l.Width))
	return strings.Join(rows, "\n")
}

// panes draws the framed panes: side by side, or the focused one alone.
// Each row is put together once, from the panes' rows and their frames'
// sides.
func (m Model) panes() []string {
	l := m.lay
	var left framedPane
	if m.focus == focusSearch {
		left = m.framed(m.search.View(), l.ListInner.W, m.common.Lang.Title("search"), "", true)
	} else {
		title, footer := "", ""
		if m.sec < len(m.ed.Sections) {
			title = m.sectionName(m.sec)
		}
		if m.list.Len() > 0 {
			footer = m.common.Lang.Story(m.list.Position()+1, m.list.Len())
		}
		left = m.framed(m.list.View(), l.ListInner.W, title, footer, m.focus == focusList)
	}
	if l.OnePane && m.focus != focusArticle {
		return left.render()
	}
	right := m.framed(m.article.View(), l.ArticleInner.W, "", m.article.Footer(), m.focus == focusArticle)
	if l.OnePane {
		return right.render()
	}
	out := make([]string, 0, len(left.rows)+2)
	out = append(out, left.top+right.top)
	for i, r := range left.rows {
		rr := ""
		if i < len(right.rows) {
			rr = right.rows[i]
		}
		out = append(out, left.left+r+left.right+right.left+rr+right.right)
	}
	return append(out, left.bottom+right.bottom)
}

// framedPane is a pane's rows and its frame's sides (see common.Frame).
type framedPane struct {
	rows                     []string
	top, left, right, bottom string
}

func (p framedPane) render() []string {
	out := make([]string, 0, len(p.rows)+2)
	out = append(out, p.top)
	for _, r := range p.rows {
		out = append(out, p.left+r+p.right)
	}
	return append(out, p.bottom)
}

// framed puts a pane's view inside its frame.
func (m Model) framed(view string, innerW int, title, footer string, focused bool) framedPane {
	ps, sp := m.common.Styles.Pane, m.common.Styles.PaneSpans
	edge, ts := sp.Border, sp.Title
	if focused {
		edge, ts = sp.FocusedBorder, sp.FocusedTitle
	}
	f := common.NewFrameSpans(ps.Frame, edge, ts, sp.Footer)
	p := framedPane{rows: strings.Split(view, "\n")}
	p.top, p.left, p.right, p.bottom = f.Sides(innerW, title, footer)
	return p
}

// statusLine is the edition's date, section i/n, story j/m, page, percent
// (or a note, such as where x saved a story, until the next key), then the
// flags: state not saved, indexing under way, the search in force and the
// display toggles that differ from the defaults.
func (m Model) statusLine() string {
	lang, st := m.common.Lang, m.common.Styles.Status
	var parts []string
	if m.lib.rec.Date != "" {
		parts = append(parts, m.lib.rec.Date)
	}
	if len(m.ed.Sections) > 0 {
		parts = append(parts, lang.Section(m.sec+1, len(m.ed.Sections)))
	}
	if m.list.Len() > 0 {
		p, n := m.article.Pages()
		parts = append(parts, lang.Story(m.list.Position()+1, m.list.Len()), lang.Page(p, n),
			strconv.Itoa(m.article.Percent())+"%")
	}
	info := " " + strings.Join(parts, " · ")
	if m.note != "" {
		info = " " + m.note
	}
	w := m.lay.Status.W
	var flags []string
	if m.lib.unsaved() != nil {
		flags = append(flags, lang.Title("state unsaved"))
	}
	if m.lib.updating {
		flags = append(flags, lang.Updating(m.lib.update.Done, m.lib.update.Total))
	}
	if m.lib.indexing && m.lib.progress.Total > 0 {
		flags = append(flags, lang.Indexing(m.lib.progress.Done, m.lib.progress.Total))
	}
	if m.lib.unreadOnly {
		flags = append(flags, lang.Title("unread only"))
	}
	if m.lookup.Active() {
		flags = append(flags, lang.Title("lookup"))
	}
	if m.query != "" {
		q := "/" + m.query
		if len(m.hits) > 0 && m.focus != focusSearch {
			q += " " + lang.Match(m.hit+1, len(m.hits))
		}
		flags = append(flags, q)
	}
	opt := m.article.Options()
	if opt.HalfWidthPunct {
		flags = append(flags, lang.Title("half-width"))
	}
	if opt.NoIndent {
		flags = append(flags, lang.Title("no indent"))
	}
	if opt.Hanging {
		flags = append(flags, lang.Title("hanging"))
	}
	if m.script != script.Original {
		flags = append(flags, lang.ScriptFlag(m.script))
	}

	right := strings.Join(flags, "  ")
	if right != "" {
		right = "  " + right + " "
	}
	rw := min(typeset.Width(right), w/2)
	right = common.Cut(right, rw)
	return st.Info.Render(common.Fit(common.CutAtWord(info, w-rw), w-rw)) + st.Flag.Render(common.Fit(right, rw))
}

// hintCache keeps the row of key hints: it changes only when the keys
// shown, their state, the width or the styles do, and drawing it is a
// third of a frame's allocations. Copies of the model share it; key says
// which state row is of (buf is where the next key is built).
type hintCache struct {
	mu       sync.Mutex
	key, buf []byte
	styles   *styles.Styles
	row      string
}

// hintRow is the row of key hints, exactly the hint area's width.
func (m Model) hintRow() string {
	bs := m.said(m.shortHelp())
	c := m.hints
	if c == nil {
		return m.drawHints(bs)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	key := strconv.AppendInt(c.buf[:0], int64(m.lay.Help.W), 10)
	for _, b := range bs {
		h := b.Help()
		key = strconv.AppendBool(append(key, 0), b.Enabled())
		key = append(append(append(append(key, 0), h.Key...), 0), h.Desc...)
	}
	if c.styles != m.common.Styles || !bytes.Equal(key, c.key) {
		c.styles, c.row = m.common.Styles, m.drawHints(bs)
		c.key, c.buf = key, c.key
	} else {
		c.buf = key
	}
	return c.row
}

func (m Model) drawHints(bs []key.Binding) string {
	return common.FitStyled(m.help.ShortHelpView(m.fitHelp(bs)), m.lay.Help.W)
}

// headerHelp is what ends the title row when there is no row of key hints:
// the help key, so that a short terminal still says where they are.
func (m Model) headerHelp() string {
	if m.lay.Help.H > 0 {
		return ""
	}
	h := m.say(m.keys.Help).Help()
	return m.common.Styles.Help.ShortKey.Render(" "+h.Key) + m.common.Styles.Help.ShortDesc.Render(" "+h.Desc)
}

// say returns b with its help text in the interface's language: a
// binding's help text is its action's name, the key of its message.
func (m Model) say(b key.Binding) key.Binding {
	h := b.Help()
	b.SetHelp(h.Key, m.common.Lang.T(h.Desc))
	return b
}

// said is say for each of bs.
func (m Model) said(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		out[i] = m.say(b)
	}
	return out
}

// fitHelp returns the key hints to show in the hint row: as they are when
// the help key is among those that fit, else with the help key moved first,
// so that a narrow terminal still says where the others are. Where ? is
// not the help key (typing in a search box) they stay as they are.
func (m Model) fitHelp(b []key.Binding) []key.Binding {
	h := m.say(m.keys.Help).Help()
	i := slices.IndexFunc(b, func(k key.Binding) bool { return k.Help() == h })
	shown := ansi.Strip(common.FitStyled(m.help.ShortHelpView(b), m.lay.Help.W))
	if i <= 0 || strings.Contains(shown, h.Key+" "+h.Desc) {
		return b
	}
	return slices.Concat(b[i:i+1], b[:i], b[i+1:])
}

// shortHelp is the keys under the status line: the open box's, or the
// focused pane's and then the global ones most worth knowing.
func (m Model) shortHelp() []key.Binding {
	g := m.keys
	switch {
	case m.overlay == overlayPicker:
		return m.pickers[m.pick].ShortHelp()
	case m.overlay == overlayLibrary:
		return m.libsearch.ShortHelp()
	case m.focus == focusSearch:
		return m.search.ShortHelp()
	case m.lookup.Active():
		return append(m.lookup.ShortHelp(), g.Help)
	case m.focus == focusArticle:
		b := m.article.ShortHelp()
		return append(b, g.NextMatch, g.PrevMatch, g.NextArticle, g.Back, g.Search, g.Help, g.Quit)
	}
	b := m.list.ShortHelp()
	return append(b, g.NextArticle, g.Search, g.Picker, g.Editions, g.Help, g.Quit)
}

// helpGroups are the columns of the help overlay, built from the key maps,
// in the interface's language. Keys that work only in some state are
// listed with that state. The last column explains the story list's marks.
func (m Model) helpGroups() [][]key.Binding {
	g := m.keys
	searching, onStory := "in a search", "on a story"
	var reading []key.Binding
	for _, b := range m.article.FullHelp()[0] {
		reading = append(reading, m.listed(b, onStory))
	}
	groups := [][]key.Binding{
		reading,
		{m.say(m.list.KeyMap.Open), m.listed(g.Back, "from a story or a search"),
			m.say(g.NextPane), m.say(g.PrevPane), m.say(g.NextArticle), m.say(g.PrevArticle),
			m.say(g.Help), m.say(g.Quit), m.say(g.Interrupt)},
		m.said([]key.Binding{g.Section, g.PrevSection, g.NextSection, g.Picker, g.Search}),
		append(m.said([]key.Binding{g.Punct, g.Indent, g.Hanging, g.Script}), m.listed(g.Export, onStory), m.listed(g.Copy, onStory),
			m.listed(g.OpenURL, "with a URL"), m.listed(g.Lookup, onStory)),
		m.lookup.FullHelp()[0],
	}
	groups[2] = append(groups[2], m.listed(g.NextMatch, searching), m.listed(g.PrevMatch, searching))
	if m.lib.on() || m.lib.pending {
		lib := append(m.said([]key.Binding{g.Editions, g.Bookmarks, g.LibrarySearch}),
			m.listed(g.MarkRead, onStory), m.listed(g.MarkSection, onStory), m.listed(g.UnreadOnly, ""),
			m.listed(g.Bookmark, onStory))
		if m.opt.Update != nil {
			lib = append(lib, m.say(g.Update))
		}
		groups = append(groups, lib)
	}
	return append(groups, m.said(m.search.FullHelp()[0]), m.marks())
}

// marks explains the marks after a headline in the story list.
func (m Model) marks() []key.Binding {
	lang := m.common.Lang
	mark := func(k, what string) key.Binding {
		// The key is the mark itself: the binding is only ever shown.
		return key.NewBinding(key.WithKeys(k), key.WithHelp(k, lang.T(what)))
	}
	return []key.Binding{
		mark(list.PhotoMark, "mark photo"), mark(list.ContinuedMark, "mark continued"),
		mark(list.SavedMark, "mark bookmarked"),
	}
}

// listed returns b in the interface's language and switched on for the help
// overlay, with when (a message key) added to its description if it is off
// now.
func (m Model) listed(b key.Binding, when string) key.Binding {
	on := b.Enabled()
	b = m.say(b)
	if !on {
		h := b.Help()
		b.SetEnabled(true)
		if when != "" {
			b.SetHelp(h.Key, m.common.Lang.T("desc when", h.Desc, m.common.Lang.T(when)))
		}
	}
	return b
}

// helpContent renders the help groups as columns, as many side by side as
// fit the screen, the rest in further rows of columns.
func (m Model) helpContent() []string {
	w, _ := m.overlayArea()
	hm := m.help
	hm.SetWidth(0)
	var rows []string
	var line [][]key.Binding
	flush := func() {
		if len(line) == 0 {
			return
		}
		if len(rows) > 0 {
			rows = append(rows, "")
		}
		rows = append(rows, strings.Split(hm.FullHelpView(line), "\n")...)
		line = nil
	}
	for _, g := range m.helpGroups() {
		if len(line) > 0 && typeset.Width(firstLine(hm.FullHelpView(append(line, g)))) > w {
			flush()
		}
		line = append(line, g)
	}
	flush()
	return rows
}

// overlayArea is the room an overlay box's content has.
func (m Model) overlayArea() (w, h int) {
	return m.lay.OverlayInner.W, m.lay.OverlayInner.H
}

// drawOverlay frames content and draws it centred over the panes, inside
// their frames. footer goes on the box's bottom edge.
func (m Model) drawOverlay(rows []string, title, footer string, content []string) []string {
	l := m.lay
	frame := m.common.Styles.Overlay.Frame
	maxW, maxH := m.overlayArea()
	cw := 0
	for _, c := range content {
		cw = max(cw, typeset.Width(c))
	}
	cw = min(max(cw, typeset.Width(title)+4, typeset.Width(footer)+4), maxW)
	content = content[:min(len(content), maxH)]
	inner := make([]string, len(content))
	for i, c := range content {
		inner[i] = common.FitStyled(c, cw)
	}
	os := m.common.Styles.Overlay
	f := common.NewFrame(frame, os.Border, os.Title, os.Border)
	box := f.Render(inner, cw, title, footer)
	bw := cw + frame.GetHorizontalFrameSize()
	x := l.Overlay.X + (l.Overlay.W-bw)/2
	y := l.Overlay.Y + max((l.Overlay.H-len(box))/2, 0)
	for i, b := range box {
		if y+i < len(rows) {
			rows[y+i] = splice(rows[y+i], b, x, bw, l.Width)
		}
	}
	return rows
}

// drawHelp draws the help box, scrolled to helpTop when it is taller than
// the screen; the footer then says which rows are shown.
func (m Model) drawHelp(rows []string) []string {
	content := m.helpContent()
	_, h := m.overlayArea()
	top := m.helpTop(len(content))
	footer := ""
	if len(content) > h {
		footer = fmt.Sprintf("%d-%d/%d", top+1, min(top+h, len(content)), len(content))
	}
	return m.drawOverlay(rows, m.common.Lang.Title("keys"), footer, content[top:])
}

// helpTop is the first row of help shown, clamped to the content.
func (m Model) helpTop(n int) int {
	_, h := m.overlayArea()
	return max(min(m.helpScroll, n-h), 0)
}

// drawPicker draws the open picker; when its rows do not all fit, the
// footer says which is selected.
func (m Model) drawPicker(rows []string) []string {
	p := m.pickers[m.pick]
	title := "sections"
	switch m.pick {
	case picker.Editions:
		title = "editions"
	case picker.Bookmarks:
		title = "bookmarks"
	}
	footer := ""
	if _, h := p.Size(); h > p.Height {
		footer = fmt.Sprintf("%d/%d", p.Selected()+1, p.Len())
	}
	return m.drawOverlay(rows, m.common.Lang.Title(title), footer, strings.Split(p.View(), "\n"))
}

// splice draws box (bw cells wide) over row from column x, in a row w cells
// wide. A wide character cut by the box's edges is replaced by spaces.
func splice(row, box string, x, bw, w int) string {
	left := typeset.Truncate(row, x, "")
	left += common.Pad(x - typeset.Width(left))
	want := w - x - bw
	right := ansi.TruncateLeft(row, x+bw, "")
	// A wide character cut by the box's right edge is kept whole by
	// TruncateLeft; cut one cell more and pad instead.
	for skip := 1; typeset.Width(right) > want; skip++ {
		right = ansi.TruncateLeft(row, x+bw+skip, "")
	}
	right = common.Pad(want-typeset.Width(right)) + right
	return common.FitStyled(left+ansi.ResetStyle+box+ansi.ResetStyle+right, w)
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
