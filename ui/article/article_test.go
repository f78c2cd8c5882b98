package article

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/seeds"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
)

func seedArticle(t testing.TB, id string) *model.Article {
	t.Helper()
	ed, err := model.Parse(seeds.Default, model.Options{Title: seeds.Title})
	if err != nil {
		t.Fatal(err)
	}
	a := ed.Article(id)
	if a == nil {
		t.Fatalf("no article %s in the seed", id)
	}
	return a
}

func newPane(a *model.Article, w, h int) Model {
	m := New(common.Common{Styles: styles.New(styles.Config{Dark: true}), Lang: common.English})
	m.SetArticle(a)
	m.SetSize(w, h)
	return m
}

func press(s string) tea.KeyPressMsg {
	if s == "space" {
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func TestParts(t *testing.T) {
	a := &model.Article{
		Kicker: "区公共资源交易中心", Headline: "三“度”并重", Column: "2024,我们这么干!",
		Byline:      model.Byline{Reporters: []string{"何天宇"}, Correspondents: []string{"叶平"}},
		PhotoCredit: "记者蔡佳楠摄", URL: "https://example.cn/a.htm",
		Body: []model.Block{
			{Type: model.Paragraph, Text: "甲"}, {Type: model.Intertitle, Text: "乙"}, {Type: model.Caption, Text: "丙"},
		},
	}
	var got []string
	for _, p := range Parts(a) {
		got = append(got, p.Text)
		if p.Searchable != (p.Role != RoleColumn && p.Role != RoleByline && p.Role != RoleURL && p.Role != RoleCredit) {
			t.Errorf("%q searchable %v", p.Text, p.Searchable)
		}
	}
	want := "区公共资源交易中心|三“度”并重|2024,我们这么干!|记者 何天宇 · 通讯员 叶平|https://example.cn/a.htm|甲|乙|丙|记者蔡佳楠摄"
	if strings.Join(got, "|") != want {
		t.Fatalf("parts %q", got)
	}
}

func TestFind(t *testing.T) {
	if got := Find("禁渔禁渔x禁渔", "禁渔"); len(got) != 3 || got[1] != (Span{6, 12}) || got[2] != (Span{13, 19}) {
		t.Fatalf("Find = %v", got)
	}
	if Find("abc", "") != nil {
		t.Fatal("empty query matched")
	}
	// As the library's search: case and the width of punctuation are
	// ignored, and a match spans what the text holds.
	if got := Find("执法,检查 Yangtze", "法，检"); len(got) != 1 || got[0] != (Span{3, 10}) {
		t.Fatalf("Find folded = %v", got)
	}
	if got := Find("Yangtze yangtze", "YANGTZE"); len(got) != 2 {
		t.Fatalf("Find ignoring case = %v", got)
	}
}

func TestViewSizeAndCentring(t *testing.T) {
	a := seedArticle(t, "1-1")
	for _, w := range []int{1, 2, 10, 33, 46, 84, 85, 150} {
		m := newPane(a, w, 12)
		rows := strings.Split(m.View(), "\n")
		if len(rows) != 12 {
			t.Fatalf("width %d: %d rows", w, len(rows))
		}
		for _, r := range rows {
			if typeset.Width(r) != w {
				t.Fatalf("width %d: row %q is %d cells", w, ansi.Strip(r), typeset.Width(r))
			}
		}
		if w == 150 {
			margin := (150 - MaxMeasure) / 2
			head := ansi.Strip(rows[1])
			if !strings.HasPrefix(head, strings.Repeat(" ", margin)+"“一核”") {
				t.Fatalf("headline not in a centred column: %q", head)
			}
		}
	}
}

func TestCaptionSetApart(t *testing.T) {
	m := newPane(seedArticle(t, "1-2"), 40, 20)
	var caption, credit int
	for _, l := range allLines(m) {
		switch l.role {
		case RoleCaption:
			caption++
			if l.indent != captionIndent || l.Width > 40-2*captionIndent {
				t.Fatalf("caption line %q indent %d width %d", l.Text, l.indent, l.Width)
			}
		case RoleCredit:
			credit++
			if l.indent+l.Width != 40 || l.Text != "记者蔡佳楠摄" {
				t.Fatalf("credit %q not set flush right: indent %d", l.Text, l.indent)
			}
		}
	}
	if caption == 0 || credit != 1 {
		t.Fatalf("%d caption lines, %d credit lines", caption, credit)
	}
}

func TestResizeKeepsPosition(t *testing.T) {
	a := seedArticle(t, "1-1")
	for start := 0; start < 40; start += 3 {
		for _, w := range []int{20, 33, 46, 61, 80, 120} {
			m := newPane(a, 46, 8)
			m.scrollTo(start)
			pos := m.Position()
			m.SetSize(w, 8)
			top := m.Line(m.TopLine())
			if top.Block != pos.Part || pos.Offset < top.Start || pos.Offset >= max(top.End, top.Start+1) {
				// Clamped at the last page, the position may only move back.
				if m.TopLine() != m.maxTop() {
					t.Fatalf("line %d at width %d: position %+v, top line %d %d-%d", start, w, pos, top.Block, top.Start, top.End)
				}
			}
		}
	}
}

func TestTogglesKeepPosition(t *testing.T) {
	m := newPane(seedArticle(t, "1-1"), 46, 8)
	indented := allLines(m)[m.lineOf(Pos{Part: 5})].Text
	if !strings.HasPrefix(indented, "\u3000\u3000") || !strings.Contains(indented, "，") {
		t.Fatalf("first paragraph line %q: no indent or no full-width comma", indented)
	}
	m.ScrollBy(12)
	pos := m.Position()
	m.SetOptions(typeset.Options{NoIndent: true, HalfWidthPunct: true})
	plain := allLines(m)[m.lineOf(Pos{Part: 5})].Text
	if strings.HasPrefix(plain, "\u3000") || strings.Contains(plain, "，") {
		t.Fatalf("toggles did not apply: %q", plain)
	}
	top := m.Line(m.TopLine())
	if top.Block != pos.Part || pos.Offset < top.Start || pos.Offset >= top.End {
		t.Fatalf("position %+v lost: top line %+v", pos, top)
	}
}

func TestHighlightThroughDisplayPunctuation(t *testing.T) {
	m := newPane(seedArticle(t, "1-1"), 80, 30)
	// The source has a half-width comma; the display shows it full-width.
	m.SetQuery("增效,多个")
	if m.Matches() != 1 {
		t.Fatalf("%d matches", m.Matches())
	}
	m.ShowMatch(0)
	view := m.View()
	match := m.Styles.Article.CurrentMatch
	if !strings.Contains(view, match.Render("增效，多个")) &&
		!strings.Contains(view, match.Render("增效，")) {
		t.Fatalf("match not highlighted as displayed:\n%q", view)
	}
}

func TestShowMatchTurnsPage(t *testing.T) {
	m := newPane(seedArticle(t, "1-1"), 40, 10)
	m.SetQuery("新增科创项目")
	m.ShowMatch(0)
	li := m.lineOf(Pos{Part: m.matches[0].part, Offset: m.matches[0].start})
	if li < m.TopLine() || li >= m.TopLine()+10 || m.TopLine()%10 != 0 {
		t.Fatalf("match on line %d, page starts at %d", li, m.TopLine())
	}
	if p, _ := m.Pages(); p == 1 {
		t.Fatal("still on page 1")
	}
}

func TestSpaceAtEndContinues(t *testing.T) {
	m := newPane(seedArticle(t, "1-1"), 60, 10)
	m, _ = m.Update(press("G"))
	if p, n := m.Pages(); p != n {
		t.Fatalf("G went to page %d of %d", p, n)
	}
	if _, cmd := m.Update(press("f")); cmd != nil {
		t.Fatal("f on the last page went on")
	}
	_, cmd := m.Update(press("space"))
	if cmd == nil {
		t.Fatal("space on the last page did nothing")
	}
	if _, ok := cmd().(EndMsg); !ok {
		t.Fatalf("space gave %T", cmd())
	}
	m, _ = m.Update(press("g"))
	if m.TopLine() != 0 {
		t.Fatal("g did not go to the top")
	}
	if _, cmd := m.Update(press("space")); cmd != nil {
		t.Fatal("space on the first page went on")
	}
}

func TestPagesAndPercent(t *testing.T) {
	m := newPane(seedArticle(t, "1-1"), 60, 10)
	n := len(allLines(m))
	if _, pages := m.Pages(); pages != (n+9)/10 {
		t.Fatalf("%d lines in %d pages", n, pages)
	}
	if m.Percent() != 1000/n {
		t.Fatalf("percent %d", m.Percent())
	}
	m, _ = m.Update(press("G"))
	if m.Percent() != 100 {
		t.Fatalf("percent at the end %d", m.Percent())
	}
}

// A position saved as body block and offset comes back to the same line at
// another width, and the headline stack is block -1.
func TestBodyPosition(t *testing.T) {
	a := seedArticle(t, "1-1")
	m := newPane(a, 40, 10)
	if b, o := m.BodyPosition(); b != -1 || o != 0 {
		t.Fatalf("at the top: %d/%d", b, o)
	}
	m.ScrollBy(25)
	block, offset := m.BodyPosition()
	if block < 0 || offset <= 0 {
		t.Fatalf("25 lines down: %d/%d", block, offset)
	}
	n := newPane(a, 70, 12)
	n.ShowBodyPosition(block, offset)
	top := n.Line(n.TopLine())
	text := a.Body[block].Text
	if n.parts[top.Block].Block != block || offset < top.Start || offset >= top.End || !strings.Contains(text[top.Start:top.End], text[offset:offset+3]) {
		t.Fatalf("shown at part %d bytes %d-%d for %d/%d", top.Block, top.Start, top.End, block, offset)
	}
	n.ShowBodyPosition(-1, 99)
	if n.TopLine() != 0 {
		t.Fatal("block -1 is not the top")
	}
}

func TestMatchAt(t *testing.T) {
	a := seedArticle(t, "3-1")
	m := newPane(a, 60, 10)
	m.SetQuery("禁渔")
	if i := m.MatchAt(-1, 0); i != 0 {
		t.Fatalf("first headline match %d", i)
	}
	for bi, b := range a.Body {
		if at := strings.Index(b.Text, "禁渔"); at >= 0 {
			i := m.MatchAt(bi, at)
			if i <= 0 {
				t.Fatalf("body block %d: match %d", bi, i)
			}
			m.ShowMatch(i)
			if m.CurrentMatch() != i {
				t.Fatal("ShowMatch")
			}
			return
		}
	}
	t.Fatal("no body match in 3-1")
}

// The URL is one dim line under the byline, with no gap between them and a
// blank line before the body; cut to the measure with an ellipsis, never
// wider than the pane, and free of what a source could put in it to move
// the cursor.
func TestURLLine(t *testing.T) {
	a := *seedArticle(t, "1-1")
	a.URL = "https://www.haimen.gov.cn/hmrb/html/2024-03/19/content_1-1.htm?from=\x1b[2Jreader"
	for _, w := range []int{1, 2, 10, 33, 46, 84, 85, 150} {
		m := newPane(&a, w, 12)
		rows := strings.Split(m.View(), "\n")
		for _, r := range rows {
			if typeset.Width(r) != w {
				t.Fatalf("width %d: row %q is %d cells", w, ansi.Strip(r), typeset.Width(r))
			}
			if strings.Contains(ansi.Strip(r), "\x1b") {
				t.Fatalf("width %d: an escape from the URL reached the screen: %q", w, r)
			}
		}
		var url, byline int = -1, -1
		for i, l := range allLines(m) {
			switch l.role {
			case RoleURL:
				if url >= 0 {
					t.Fatalf("width %d: the URL takes more than one line", w)
				}
				url = i
				if l.Width > m.measure() || !strings.HasPrefix(l.Text, "https:"[:min(6, max(m.measure()-1, 0))]) {
					t.Fatalf("width %d: URL line %q, %d cells", w, l.Text, l.Width)
				}
				if typeset.Width(a.URL) > m.measure() && !strings.HasSuffix(l.Text, "…") {
					t.Fatalf("width %d: URL cut without an ellipsis: %q", w, l.Text)
				}
			case RoleByline:
				byline = i
			}
		}
		if url != byline+1 || byline < 0 || allLines(m)[url+1].role != RoleGap {
			t.Fatalf("width %d: byline on line %d, URL on %d, then %v", w, byline, url, allLines(m)[url+1].role)
		}
		if w == 150 {
			row := rows[url]
			if !strings.Contains(row, m.Styles.Article.URL.Render(allLines(m)[url].Text)) {
				t.Fatalf("URL not in its style: %q", row)
			}
		}
	}
}

// allLines sets the whole article and returns its lines.
func allLines(m Model) []line {
	if m.lay == nil {
		return nil
	}
	m.lay.all()
	return m.lay.lines
}
