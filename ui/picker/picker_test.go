package picker

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
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
	m := New(common.Common{Styles: styles.New(styles.Config{})}, edition())
	w, h := m.Size()
	if h != 4 || w != typeset.Width("2  上海新闻  (2)") {
		t.Fatalf("size %dx%d", w, h)
	}
	m.SetSize(w, 2)
	m.Open(3)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "4  体育  (4)") || strings.Contains(view, "要闻") {
		t.Fatalf("view scrolled wrong:\n%s", view)
	}
	m, _ = m.Update(tea.KeyPressMsg{Code: 'k', Text: "k"})
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if c, ok := cmd().(ChosenMsg); !ok || c.Index != 2 {
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
