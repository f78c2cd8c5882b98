package list

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
)

func section(n int) *model.Section {
	sec := &model.Section{Index: 1, Name: "要闻"}
	for i := range n {
		sec.Articles = append(sec.Articles, model.Article{
			ID:       fmt.Sprintf("1-%d", i+1),
			Headline: strings.Repeat("国道", i+1) + "争创安全精品路",
			Byline:   model.Byline{Reporters: []string{"陆俊杰"}},
			Body:     []model.Block{{Type: model.Paragraph, Text: strings.Repeat("字", 401)}},
		})
	}
	return sec
}

func newList(n, w, h int) Model {
	m := New(common.Common{Styles: styles.New(styles.Config{Dark: true}), Lang: common.Chinese})
	m.SetSection(section(n))
	m.SetSize(w, h)
	return m
}

func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	r := []rune(s)[0]
	return tea.KeyPressMsg{Code: r, Text: s}
}

func TestNewItem(t *testing.T) {
	a := &model.Article{
		Kind: model.KindPhoto, Kicker: "三厂工业园区", Headline: "整治不松劲", Continued: true,
		Byline: model.Byline{Reporters: []string{"何天宇"}},
		Body: []model.Block{
			{Type: model.Paragraph, Text: strings.Repeat("字", 500)},
			{Type: model.Intertitle, Text: "靶向推进"},
			{Type: model.Paragraph, Text: strings.Repeat("字", 300)},
		},
	}
	it := NewItem(a, common.Chinese, typeset.Options{})
	// 804 characters at 400 a minute round up to 3 minutes.
	if it.Title != "整治不松劲" || it.Meta != "三厂工业园区 · 2 段 · 3 分钟" || !it.Photo || !it.Continued {
		t.Fatalf("%+v", it)
	}
	a.Kicker = ""
	if it := NewItem(a, common.English, typeset.Options{}); it.Meta != "记者 何天宇 · 2 paras · 3 min" {
		t.Fatalf("without a kicker the byline should show: %q", it.Meta)
	}
}

func TestViewSize(t *testing.T) {
	for w := 0; w <= 40; w++ {
		for h := 0; h <= 12; h++ {
			m := newList(5, w, h)
			rows := strings.Split(m.View(), "\n")
			if h > 0 && len(rows) != h {
				t.Fatalf("%dx%d: %d rows", w, h, len(rows))
			}
			for _, r := range rows {
				if h > 0 && typeset.Width(r) != w {
					t.Fatalf("%dx%d: row %q is %d cells", w, h, ansi.Strip(r), typeset.Width(r))
				}
			}
		}
	}
}

func TestMarksAndCut(t *testing.T) {
	m := New(common.Common{Styles: styles.New(styles.Config{NoColor: true}), Lang: common.English})
	m.SetSection(&model.Section{Articles: []model.Article{{
		Kind: model.KindPhoto, Continued: true, Headline: "三“度”并重,推动党员冬训竞“优”走“新”",
	}}})
	m.SetSize(20, 3)
	first := ansi.Strip(strings.Split(m.View(), "\n")[0])
	if !strings.HasSuffix(first, " 图转") || !strings.Contains(first, "…") || typeset.Width(first) != 20 {
		t.Fatalf("first row %q", first)
	}
	// The headline reads as the article shows it: full-width punctuation
	// between Chinese characters, unless switched off.
	m.SetSize(60, 3)
	if !strings.Contains(ansi.Strip(m.View()), "三“度”并重，推动") {
		t.Fatalf("headline not shown with display punctuation: %q", ansi.Strip(m.View()))
	}
	m.SetOptions(typeset.Options{HalfWidthPunct: true})
	if !strings.Contains(ansi.Strip(m.View()), "三“度”并重,推动") {
		t.Fatalf("half-width option ignored: %q", ansi.Strip(m.View()))
	}
}

func TestMovingScrollsAndReports(t *testing.T) {
	m := newList(10, 30, 9) // three stories on screen
	var cmd tea.Cmd
	for range 4 {
		m, cmd = m.Update(press("j"))
	}
	if m.Index() != 4 {
		t.Fatalf("selected %d", m.Index())
	}
	if msg, ok := cmd().(SelectMsg); !ok || msg.Index != 4 {
		t.Fatalf("command gave %v", cmd())
	}
	if !strings.Contains(ansi.Strip(m.View()), strings.Repeat("国道", 5)) {
		t.Fatal("the selected story is not on screen")
	}
	if i, ok := m.ItemAt(2 * ItemHeight); !ok || i != 4 {
		t.Fatalf("row 6 shows story %d (%v)", i, ok)
	}
	if _, ok := m.ItemAt(ItemHeight - 1); ok {
		t.Fatal("the blank row between stories is a story")
	}
	m, _ = m.Update(press("G"))
	if m.Index() != 9 {
		t.Fatalf("G selected %d", m.Index())
	}
	if _, cmd = m.Update(press("j")); cmd != nil {
		t.Fatal("moving past the end reported a change")
	}
}

func TestEmptySection(t *testing.T) {
	m := New(common.Common{Styles: styles.New(styles.Config{}), Lang: common.English})
	m.SetSection(&model.Section{})
	m.SetSize(20, 4)
	if _, cmd := m.Update(press("j")); cmd != nil {
		t.Fatal("moving in an empty list did something")
	}
	if !strings.Contains(ansi.Strip(m.View()), "no stories") {
		t.Fatal("empty list says nothing")
	}
}

// Read stories are dimmed and say so; with unread only they are left out,
// except the one a caller selects, and the selection moves to the next
// listed story.
func TestReadMarksAndUnreadOnly(t *testing.T) {
	m := newList(5, 40, 15)
	read := map[string]bool{"1-1": true, "1-2": true, "1-4": true}
	m.SetMarks(read, map[string]bool{"1-3": true})
	m.Select(1)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "已读 · 记者 陆俊杰") || !strings.Contains(view, " 藏") {
		t.Fatalf("marks not shown:\n%s", view)
	}
	m.SetUnreadOnly(true)
	if got := m.Shown(); !slices.Equal(got, []int{2, 4}) || m.Index() != 2 || m.Position() != 0 {
		t.Fatalf("unread only: %v, selected %d", got, m.Index())
	}
	if got := Visible(m.sec, read, true); !slices.Equal(got, []int{2, 4}) {
		t.Fatalf("Visible = %v", got)
	}
	m.Select(3) // read, but asked for
	if got := m.Shown(); !slices.Equal(got, []int{2, 3, 4}) || m.Index() != 3 {
		t.Fatalf("after Select(3): %v, selected %d", got, m.Index())
	}
	m.SetMarks(map[string]bool{"1-1": true, "1-2": true, "1-3": true, "1-4": true, "1-5": true}, nil)
	m.SetSection(m.sec)
	if m.Len() != 0 || m.Index() != -1 || !strings.Contains(ansi.Strip(m.View()), "本版没有未读稿件") {
		t.Fatalf("all read: %d listed\n%s", m.Len(), ansi.Strip(m.View()))
	}
	if len(m.ShortHelp()) != 0 && m.ShortHelp()[0].Enabled() {
		t.Fatal("an empty list offers keys")
	}
	m.SetUnreadOnly(false)
	if m.Len() != 5 || m.Index() != 0 {
		t.Fatalf("every story again: %d, selected %d", m.Len(), m.Index())
	}
}

// The list is a value, as Bubble Tea models are: a copy kept from before a
// change must still show what it showed.
func TestCopiesDoNotShare(t *testing.T) {
	m := newList(3, 30, 9)
	before, view := m, m.View()
	other := section(2)
	other.Articles[0].Headline, other.Articles[1].Headline = "另一版头条", "另一版二条"
	m.SetSection(other)
	m.SetUnreadOnly(true)
	if got := before.View(); got != view {
		t.Fatalf("the copy changed:\n%s\nwas\n%s", ansi.Strip(got), ansi.Strip(view))
	}
}
