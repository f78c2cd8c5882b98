// Package printer writes a whole edition as typeset text, for reading in a
// pager or a pipe: `dubao print`, and `dubao FILE` when standard output is
// not a terminal. Every line is set by package typeset and is at most the
// measure wide; styling, when asked for, is a few SGR attributes per line
// (never colour), so a pager that passes them (less -R) shows them and the
// text stays readable on any background.
package printer

import (
	"bufio"
	"io"
	"strings"

	"charm.land/lipgloss/v2"

	"dubao/model"
	"dubao/typeset"
)

// DefaultWidth is the measure when the output is not a terminal.
const DefaultWidth = 80

// Options say how to print.
type Options struct {
	// Width is the measure in cells; below 2 it is taken as 2.
	Width int
	// Styled adds bold, faint and italic to the headline stacks and
	// captions; leave it off for plain text (a pipe, NO_COLOR).
	Styled bool
	// Typeset are the display settings the text is set with (indent,
	// punctuation, hanging marks); its Width is not read. With Hanging, a
	// mark hangs into the last typeset.HangingGutter cells of Width,
	// which other lines leave empty.
	Typeset typeset.Options
}

// Styles are the attributes of each kind of line.
type Styles struct {
	Title, Section, Kicker, Headline, Subheadline, Column, Byline,
	Paragraph, Intertitle, Caption, Credit, Rule lipgloss.Style
}

// DefaultStyles is the light styling of a terminal: weight and slant only.
func DefaultStyles() Styles {
	s := lipgloss.NewStyle()
	return Styles{
		Title:      s.Bold(true),
		Section:    s.Bold(true).Underline(true),
		Kicker:     s.Faint(true),
		Headline:   s.Bold(true),
		Byline:     s.Faint(true),
		Intertitle: s.Bold(true),
		Caption:    s.Italic(true),
		Credit:     s.Faint(true),
		Rule:       s.Faint(true),
	}
}

// printer writes one edition.
type printer struct {
	w      *bufio.Writer
	width  int
	styled bool
	st     Styles
	// layout is how blocks are typeset: the options asked for, at the
	// measure.
	layout typeset.Options
	// blank is true when the last line written was empty (or nothing was
	// written yet), so that gaps never double.
	blank bool
}

// Write prints the edition: its title, then each section's name and its
// articles, each article's headline stack (kicker, headline, subheadline,
// column label), byline, body (paragraphs indented, intertitles and captions
// set apart by blank lines) and photo credit.
func Write(w io.Writer, ed *model.Edition, opt Options) error {
	p := &printer{w: bufio.NewWriter(w), width: max(opt.Width, 2), styled: opt.Styled, blank: true, layout: opt.Typeset}
	p.layout.Width = p.width
	if p.layout.Hanging {
		p.layout.Width = max(p.width-typeset.HangingGutter, 2)
	}
	if opt.Styled {
		p.st = DefaultStyles()
	}
	title := ed.Title
	// A masthead states its own date.
	if ed.Date != "" && ed.Masthead == "" {
		title += "  " + ed.Date
	}
	p.set(title, p.st.Title)
	p.rule("=")
	for _, s := range ed.Sections {
		p.gap()
		p.set("【"+s.Title()+"】", p.st.Section)
		for i := range s.Articles {
			if i > 0 {
				p.gap()
				p.rule("-")
			}
			p.article(&s.Articles[i])
		}
	}
	return p.w.Flush()
}

// article prints one story.
func (p *printer) article(a *model.Article) {
	p.gap()
	p.set(a.Kicker+a.KickerTail, p.st.Kicker)
	p.set(a.Headline, p.st.Headline)
	p.set(a.Subheadline, p.st.Subheadline)
	if a.Column != "" {
		p.set("【"+a.Column+"】", p.st.Column)
	}
	p.set(a.Credits(), p.st.Byline)
	prev := model.BlockType("")
	for _, b := range a.Body {
		// Paragraphs follow each other with only their indent, as in
		// print; intertitles and captions stand apart.
		if prev == "" || b.Type != model.Paragraph || prev != model.Paragraph {
			p.gap()
		}
		p.block(b.Text, b.Type, p.blockStyle(b.Type))
		prev = b.Type
	}
	if a.PhotoCredit != "" {
		p.set(a.PhotoCredit, p.st.Credit)
	}
}

// blockStyle is the style a body block of type t is printed in.
func (p *printer) blockStyle(t model.BlockType) lipgloss.Style {
	switch t {
	case model.Intertitle:
		return p.st.Intertitle
	case model.Caption:
		return p.st.Caption
	}
	return p.st.Paragraph
}

// set prints a line of the headline stack, wrapped but not indented.
func (p *printer) set(text string, st lipgloss.Style) {
	if strings.TrimSpace(text) != "" {
		p.block(text, model.Intertitle, st)
	}
}

// block prints one block, typeset at the measure. Its lines are set and
// written one at a time, so that a block of any length (a file of one line)
// takes memory for a chunk of it, not for all its lines.
func (p *printer) block(text string, t model.BlockType, st lipgloss.Style) {
	lines := typeset.NewStream(text, 0, t, p.layout)
	lines.Scratch() // each line is written before the next is set
	for l, ok := lines.Next(); ok; l, ok = lines.Next() {
		p.line(l.Text, st)
	}
}

// rule prints a line of c across the measure.
func (p *printer) rule(c string) {
	p.line(strings.Repeat(c, p.width), p.st.Rule)
}

// gap prints a blank line unless the last line was blank.
func (p *printer) gap() {
	if !p.blank {
		p.line("", lipgloss.Style{})
	}
}

func (p *printer) line(s string, st lipgloss.Style) {
	if p.styled && s != "" {
		s = st.Render(s)
	}
	p.w.WriteString(s)
	p.w.WriteByte('\n')
	p.blank = s == ""
}
