package picker

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/keys"
	"dubao/ui/styles"
)

func edition() *model.Edition {
	ed := &model.Edition{}
	for i, n := range []string{"要闻", "上海新闻", "国际", "体育"} {
		ed.Sections = append(ed.Sections, model.Section{Index: i + 1, Name: n, Articles: make([]model.Article, i+1)})
	}
	return ed
}

func TestPicker(t *testing.T) {
	m := NewSections(common.Common{Styles: styles.New(styles.Config{})}, edition())
	w, h := m.Size()
	if h != 4 || w != typeset.Width("2  上海新闻  2 stories") {
		t.Fatalf("size %dx%d", w, h)
	}
	m.SetSize(w, 2)
	m.Open(3)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "4  体育  4 stories") || strings.Contains(view, "要闻") {
		t.Fatalf("view scrolled wrong:\n%s", view)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if c, ok := cmd().(ChosenMsg); !ok || c.Index != 2 || c.Owner != Sections {
		t.Fatalf("enter chose %+v", cmd())
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: '2', Text: "2"})
	if c, ok := cmd().(ChosenMsg); !ok || c.Index != 1 {
		t.Fatalf("2 chose %+v", cmd())
	}
	if _, cmd = m.Update(tea.KeyPressMsg{Code: '9', Text: "9"}); cmd != nil {
		t.Fatal("9 chose a section that does not exist")
	}
	_, cmd = m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	if _, ok := cmd().(CloseMsg); !ok {
		t.Fatal("esc did not close")
	}
}

func TestPickerPagesAndEmpty(t *testing.T) {
	c := common.Common{Styles: styles.New(styles.Config{})}
	m := New(c, Editions, keys.DefaultEditionPicker().WithOpener(keys.DefaultGlobal().Editions))
	m.SetLabels(nil, "没有往期")
	m.SetSize(20, 3)
	if w, h := m.Size(); w != typeset.Width("没有往期") || h != 1 {
		t.Fatalf("empty size %dx%d", w, h)
	}
	if !strings.HasPrefix(ansi.Strip(m.View()), "没有往期") {
		t.Fatalf("empty view %q", m.View())
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter}); cmd != nil {
		t.Fatal("enter chose from an empty picker")
	}
	labels := make([]string, 100)
	for i := range labels {
		labels[i] = fmt.Sprintf("edition %d", i)
	}
	m.SetLabels(labels, "")
	m, _ = m.Update(tea.KeyPressMsg{Code: tea.KeyPgDown})
	if m.Selected() != 2 {
		t.Fatalf("pgdown in a 3-row box selected %d", m.Selected())
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'G', Text: "G"})
	if view := ansi.Strip(m.View()); m.Selected() != 99 || !strings.Contains(view, "edition 99") {
		t.Fatalf("G selected %d:\n%s", m.Selected(), view)
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: '1', Text: "1"}); cmd != nil {
		t.Fatal("a digit chose an edition")
	}
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'e', Text: "e"})
	if c, ok := cmd().(CloseMsg); !ok || c.Owner != Editions {
		t.Fatalf("e sent %+v", cmd())
	}
}
