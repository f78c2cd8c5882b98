// Package styles holds the reader's one Styles struct, nested by pane. It is a
// leaf package so that every pane can import it without an import cycle.
//
// Styles are built once, from whether the background is dark, whether colour
// is allowed (NO_COLOR) and whether ambiguous-width characters are wide; the
// panes only derive from them while rendering, never create new ones.
package styles

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Config says which variant of the styles to build.
type Config struct {
	// Dark is true on a dark terminal background.
	Dark bool
	// NoColor drops every colour (NO_COLOR); emphasis then comes from bold,
	// underline and reverse video only.
	NoColor bool
	// AmbiguousWide is true when the terminal draws East Asian ambiguous
	// characters two cells wide. Box-drawing characters are ambiguous, so
	// the borders then switch to ASCII to stay one cell wide.
	AmbiguousWide bool
}

// Styles is every style the reader draws with.
type Styles struct {
	// Border is the glyph set of every frame: rounded box drawing, or ASCII
	// when ambiguous characters are wide.
	Border lipgloss.Border
	// Header is the top row: the edition's title and the section tabs.
	Header HeaderStyles
	// Pane is the frame around the list and the article; PaneSpans its
	// colours, rendered once.
	Pane      PaneStyles
	PaneSpans PaneSpans
	// List is the story list.
	List ListStyles
	// Article is the article pane; ArticleSpans the same, rendered once.
	Article      ArticleStyles
	ArticleSpans ArticleSpans
	// Status is the bottom status line.
	Status StatusStyles
	// Search is the search pane.
	Search SearchStyles
	// Overlay is the help and section-picker boxes.
	Overlay OverlayStyles
	// Help is handed to the bubbles help model.
	Help help.Styles
	// Small is the "terminal too small" message.
	Small lipgloss.Style
}

// HeaderStyles style the title and the tabs.
type HeaderStyles struct {
	Title, Tab, ActiveTab, Number, ActiveNumber, More lipgloss.Style
	// Count is a tab's unread count.
	Count lipgloss.Style
}

// PaneStyles style a pane's frame. Frame carries the border and padding that
// the layout measures; Border and FocusedBorder only colour the glyphs.
type PaneStyles struct {
	Frame                 lipgloss.Style
	Border, FocusedBorder lipgloss.Style
	Title, FocusedTitle   lipgloss.Style
	Footer                lipgloss.Style
}

// ListStyles style the story list. ReadHeadline is a story marked read.
type ListStyles struct {
	Headline, ReadHeadline, Meta, Mark           lipgloss.Style
	SelectedHeadline, SelectedMeta, SelectedMark lipgloss.Style
	Empty                                        lipgloss.Style
}

// ArticleStyles style the parts of an article.
type ArticleStyles struct {
	Kicker, Headline, Subheadline, Column, Byline lipgloss.Style
	Paragraph, Intertitle, Caption, Credit        lipgloss.Style
	// URL is the address the story was published at.
	URL lipgloss.Style
	// Match is a search match; CurrentMatch the one n/N went to.
	Match, CurrentMatch lipgloss.Style
}

// StatusStyles style the status line: where the reader is, and the flags
// (a search in force, display toggles).
type StatusStyles struct {
	Info, Flag lipgloss.Style
}

// SearchStyles style the search pane.
type SearchStyles struct {
	Prompt, Input, Cursor, Count, Headline, Snippet, Selected, Match lipgloss.Style
}

// OverlayStyles style the boxes drawn over the panes.
type OverlayStyles struct {
	Frame, Border, Title, Item, Selected lipgloss.Style
}

// palette is the handful of colours everything is drawn in. The shades are
// picked so that, downsampled to 16 colours, each lands on the ANSI colour
// meant (red accent, grey dim, yellow match), which the terminal's own theme
// keeps readable; styles_test.go checks that.
type palette struct {
	dim, faint, accent, selBg, matchFg, matchBg, curBg, border color.Color
}

func newPalette(dark bool) palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return palette{
		dim:     ld(c("#5F5F5F"), c("#9E9E9E")),
		faint:   ld(c("#8A8A8A"), c("#767676")),
		accent:  ld(c("#AF0000"), c("#FF5F5F")),
		selBg:   ld(c("#B2B2B2"), c("#4E4E4E")),
		matchFg: c("#000000"),
		matchBg: ld(c("#FFFF5F"), c("#D7D700")),
		curBg:   ld(c("#FF8700"), c("#FF8700")),
		border:  ld(c("#B2B2B2"), c("#585858")),
	}
}

// New builds the styles for cfg.
func New(cfg Config) *Styles {
	s := &Styles{Border: lipgloss.RoundedBorder()}
	if cfg.AmbiguousWide {
		s.Border = lipgloss.ASCIIBorder()
	}
	base := lipgloss.NewStyle()
	bold := base.Bold(true)
	p := newPalette(cfg.Dark)

	s.Pane.Frame = base.Border(s.Border).Padding(0, 1)
	s.Header.Title = bold
	s.Header.Tab = base
	s.Header.Number = base
	s.Article.Headline = bold
	s.Article.Subheadline = base
	s.Article.Paragraph = base
	s.Article.Intertitle = bold
	s.Search.Input = base
	s.Search.Headline = base
	s.Overlay.Frame = base.Border(s.Border).Padding(0, 1)
	s.Overlay.Title = bold
	s.Overlay.Item = base

	if cfg.NoColor {
		noColor(s, base, bold)
		return s.buildSpans()
	}
	dim := base.Foreground(p.dim)
	faint := base.Foreground(p.faint)
	accent := base.Foreground(p.accent)
	sel := base.Background(p.selBg)

	s.Header.Title = bold.Foreground(p.accent)
	s.Header.Number = dim
	s.Header.ActiveTab = bold.Foreground(p.accent).Underline(true)
	s.Header.ActiveNumber = bold.Foreground(p.accent)
	s.Header.More = dim
	s.Header.Count = dim

	s.Pane.Border = base.Foreground(p.border)
	s.Pane.FocusedBorder = accent
	s.Pane.Title = dim
	s.Pane.FocusedTitle = bold.Foreground(p.accent)
	s.Pane.Footer = dim

	s.List.Headline = base
	s.List.ReadHeadline = dim
	s.List.Meta = dim
	s.List.Mark = accent
	s.List.SelectedHeadline = sel.Bold(true)
	s.List.SelectedMeta = sel.Foreground(p.dim)
	s.List.SelectedMark = sel.Foreground(p.accent)
	s.List.Empty = dim

	s.Article.Kicker = dim
	s.Article.Column = accent
	s.Article.Byline = dim
	s.Article.URL = dim
	s.Article.Caption = base.Italic(true)
	s.Article.Credit = dim
	s.Article.Match = base.Foreground(p.matchFg).Background(p.matchBg)
	s.Article.CurrentMatch = bold.Foreground(p.matchFg).Background(p.curBg)

	s.Status.Info = base
	s.Status.Flag = accent

	s.Search.Prompt = bold.Foreground(p.accent)
	s.Search.Cursor = base.Reverse(true)
	s.Search.Count = dim
	s.Search.Snippet = dim
	s.Search.Selected = sel.Bold(true)
	s.Search.Match = s.Article.Match

	s.Overlay.Border = accent
	s.Overlay.Selected = sel.Bold(true)

	s.Small = bold.Foreground(p.accent)
	s.Help = help.Styles{
		Ellipsis:       faint,
		ShortKey:       base,
		ShortDesc:      dim,
		ShortSeparator: faint,
		FullKey:        bold,
		FullDesc:       dim,
		FullSeparator:  faint,
	}
	return s.buildSpans()
}

// noColor fills in the styles for NO_COLOR: emphasis by attribute only, so
// the selection and the matches stay visible without any colour.
func noColor(s *Styles, base, bold lipgloss.Style) {
	rev := base.Reverse(true)
	s.Header.ActiveTab = bold.Reverse(true)
	s.Header.ActiveNumber = bold.Reverse(true)
	s.Header.More = base
	s.Header.Count = base
	s.Pane.Border = base
	s.Pane.FocusedBorder = bold
	s.Pane.Title = base
	s.Pane.FocusedTitle = bold
	s.Pane.Footer = base
	s.List.Headline = base
	s.List.ReadHeadline = base
	s.List.Meta = base
	s.List.Mark = bold
	s.List.SelectedHeadline = rev.Bold(true)
	s.List.SelectedMeta = rev
	s.List.SelectedMark = rev.Bold(true)
	s.List.Empty = base
	s.Article.Kicker = base
	s.Article.Column = bold
	s.Article.Byline = base
	s.Article.URL = base
	s.Article.Caption = base.Italic(true)
	s.Article.Credit = base
	s.Article.Match = rev
	s.Article.CurrentMatch = rev.Bold(true).Underline(true)
	s.Status.Info = base
	s.Status.Flag = bold
	s.Search.Prompt = bold
	s.Search.Cursor = rev
	s.Search.Count = base
	s.Search.Snippet = base
	s.Search.Selected = rev.Bold(true)
	s.Search.Match = bold.Underline(true)
	s.Overlay.Border = bold
	s.Overlay.Selected = rev.Bold(true)
	s.Small = bold
	s.Help = help.Styles{
		Ellipsis: base, ShortKey: bold, ShortDesc: base, ShortSeparator: base,
		FullKey: bold, FullDesc: base, FullSeparator: base,
	}
}
