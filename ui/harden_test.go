package ui

import (
	"fmt"
	"testing"

	"dubao/ui/common"
)

// Every size keeps the help key in sight: in the hint row when there is
// one, else on the status line.
func TestHelpKeyAlwaysShown(t *testing.T) {
	ed := seed(t)
	for _, size := range []struct{ w, h int }{{120, 40}, {80, 24}, {79, 24}, {60, 20}, {40, 15}, {30, 10}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			for _, lang := range []common.Lang{common.English, common.Chinese} {
				m := newModel(t, ed, size.w, size.h, lang)
				h := m.keys.Help.Help()
				shows(t, m, h.Key+" "+h.Desc)
				m = send(t, m, press("enter")...) // the article's longer hints
				shows(t, m, h.Key+" "+h.Desc)
			}
		})
	}
}
