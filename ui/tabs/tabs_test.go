package tabs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
)

var names = []string{"三厂工业园区", "区公共资源交易中心", "打好执法“组合拳”", "要闻", "上海新闻", "国际"}

func header(w, active int) Model {
	m := New(common.Common{Styles: styles.New(styles.Config{Dark: true})}, "海门日报", names)
	m.SetSize(w, 1)
	m.SetActive(active)
	return m
}

func TestActiveTabAlwaysShown(t *testing.T) {
	for w := 1; w <= 120; w++ {
		for active := range names {
			m := header(w, active)
			row := m.View()
			if typeset.Width(row) != w || strings.Contains(row, "\n") {
				t.Fatalf("width %d: row %q is %d cells", w, ansi.Strip(row), typeset.Width(row))
			}
			if w < 30 {
				continue
			}
			plain := ansi.Strip(row)
			label := string(rune('1' + active))
			if !strings.Contains(plain, label+" ") {
				t.Fatalf("width %d: active tab %s not shown in %q", w, label, plain)
			}
			_, tabs, left, right := m.place()
			if left != (tabs[0].index > 0) || right != (tabs[len(tabs)-1].index < len(names)-1) {
				t.Fatalf("width %d: indicators %v %v for tabs %d-%d", w, left, right, tabs[0].index, tabs[len(tabs)-1].index)
			}
			if left && !strings.Contains(plain, moreLeft) || right && !strings.HasSuffix(plain, moreRight) {
				t.Fatalf("width %d: indicators not drawn: %q", w, plain)
			}
		}
	}
}

func TestTabAtMatchesDrawing(t *testing.T) {
	m := header(70, 2)
	plain := ansi.Strip(m.View())
	for i, n := range names {
		at := strings.Index(plain, n)
		if at < 0 {
			continue
		}
		x := typeset.Width(plain[:at])
		if got, ok := m.TabAt(x); !ok || got != i {
			t.Fatalf("column %d (%s) hits tab %d %v", x, n, got, ok)
		}
	}
	if _, ok := m.TabAt(0); ok {
		t.Fatal("the title is a tab")
	}
}

func TestUnreadCounts(t *testing.T) {
	m := New(common.Common{Styles: styles.New(styles.Config{})}, "海门日报", []string{"要闻", "国际", "体育"})
	m.SetSize(60, 1)
	m.SetCounts([]int{3, 0, 12})
	got := ansi.Strip(m.View())
	if !strings.Contains(got, "1 要闻 (3)  2 国际  3 体育 (12)") || typeset.Width(got) != 60 {
		t.Fatalf("row %q", got)
	}
	x := strings.Index(got, "3 体育")
	if i, ok := m.TabAt(typeset.Width(got[:x])); !ok || i != 2 {
		t.Fatalf("TabAt = %d, %v", i, ok)
	}
}
