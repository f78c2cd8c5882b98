package styles

import (
	"image/color"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// ansi16 returns the 16-colour index a colour is shown as on a 16-colour
// terminal.
func ansi16(c color.Color) ansi.BasicColor {
	return colorprofile.ANSI.Convert(c).(ansi.BasicColor)
}

func TestPaletteIn16Colours(t *testing.T) {
	for _, dark := range []bool{true, false} {
		p := newPalette(dark)
		in := func(name string, c color.Color, want ...ansi.BasicColor) {
			got := ansi16(c)
			for _, w := range want {
				if got == w {
					return
				}
			}
			t.Errorf("dark=%v: %s becomes ANSI %d, want one of %v", dark, name, got, want)
		}
		in("accent", p.accent, ansi.Red, ansi.BrightRed)
		in("match", p.matchBg, ansi.Yellow, ansi.BrightYellow)
		in("current match", p.curBg, ansi.Red, ansi.BrightRed, ansi.Yellow, ansi.BrightYellow)
		in("match text", p.matchFg, ansi.Black)
		in("dim", p.dim, ansi.White, ansi.BrightBlack)
		// The selection's background must differ from the terminal's own
		// (black on dark, white on light) or the selection vanishes.
		if dark {
			in("selection", p.selBg, ansi.BrightBlack)
		} else {
			in("selection", p.selBg, ansi.White)
		}
	}
}

var colourSGR = regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`)

func TestNoColorHasNoColour(t *testing.T) {
	s := New(Config{NoColor: true})
	for name, st := range map[string]interface{ Render(...string) string }{
		"selected": s.List.SelectedHeadline, "match": s.Article.Match, "current": s.Article.CurrentMatch,
		"tab": s.Header.ActiveTab, "border": s.Pane.FocusedBorder, "kicker": s.Article.Kicker,
		"help": s.Help.ShortKey, "search": s.Search.Selected,
	} {
		out := st.Render("禁渔")
		if colourSGR.MatchString(out) {
			t.Errorf("%s has a colour under NO_COLOR: %q", name, out)
		}
	}
	// Emphasis survives: the selection and matches are still marked.
	for _, st := range []interface{ Render(...string) string }{s.List.SelectedHeadline, s.Article.Match, s.Header.ActiveTab} {
		if out := st.Render("x"); out == "x" {
			t.Error("a marked style renders plain under NO_COLOR")
		}
	}
}

func TestWideAmbiguousUsesASCIIBorders(t *testing.T) {
	if b := New(Config{AmbiguousWide: true}).Border; b.Left != "|" || b.Top != "-" {
		t.Fatalf("border %+v", b)
	}
	if b := New(Config{}).Border; b.TopLeft != "╭" {
		t.Fatalf("border %+v", b)
	}
}

// TestSpansRenderAsStyles: a span writes exactly what its style renders,
// for every style drawn through one, dark, light and without colour, on
// plain, blank, wide and tabbed text.
func TestSpansRenderAsStyles(t *testing.T) {
	texts := []string{"", " ", "三厂工业园区", "a b ", "\tx", "第 1/2 页", "“一核”"}
	for _, cfg := range []Config{{Dark: true}, {}, {NoColor: true}, {Dark: true, AmbiguousWide: true}} {
		s := New(cfg)
		a, as := s.Article, s.ArticleSpans
		p, ps := s.Pane, s.PaneSpans
		pairs := []struct {
			st lipgloss.Style
			sp Span
		}{
			{a.Kicker, as.Kicker}, {a.Headline, as.Headline}, {a.Subheadline, as.Subheadline},
			{a.Column, as.Column}, {a.Byline, as.Byline}, {a.Paragraph, as.Paragraph},
			{a.Intertitle, as.Intertitle}, {a.Caption, as.Caption}, {a.Credit, as.Credit},
			{a.URL, as.URL}, {a.Match, as.Match}, {a.CurrentMatch, as.CurrentMatch},
			{p.Border, ps.Border}, {p.FocusedBorder, ps.FocusedBorder}, {p.Title, ps.Title},
			{p.FocusedTitle, ps.FocusedTitle}, {p.Footer, ps.Footer},
			// A style that does more than wrap falls back to Render.
			{p.Frame, NewSpan(p.Frame)},
		}
		for i, pr := range pairs {
			for _, x := range texts {
				var sb strings.Builder
				pr.sp.Write(&sb, x)
				if want := pr.st.Render(x); pr.sp.Render(x) != want || sb.String() != want {
					t.Errorf("%+v style %d on %q: span %q, Render %q", cfg, i, x, sb.String(), want)
				}
			}
		}
	}
}
