package ui

import (
	"regexp"
	"testing"
)

// TestEndToEndLookup reads the seed in tmux under zh_CN.UTF-8 and looks
// words up in the built-in CC-CEDICT: L puts the cursor (reverse video) on
// the page's first word, enter shows its box, → moves on and the box
// follows, the box fits a 40x15 terminal, esc closes the box and then
// leaves the mode. Every frame is checked as tmux shows it.
func TestEndToEndLookup(t *testing.T) {
	bin := buildDubao(t)
	s := newTmux(t, "lookup")
	s.start("zh_CN.UTF-8", "", t.TempDir(), bin)
	s.waitFor("海门日报", "“一核”“六区”战略")
	s.send("Enter")
	s.waitFor("第 1/3 页", "space/f 下一页")

	s.send("L")
	s.waitFor("查词", "→/l 下一个词")
	// tmux writes the line's colour after the reverse video: the cursor
	// keeps the style of the line it is on (here the kicker's).
	if out := s.tmux("capture-pane", "-e", "-p", "-t", "r"); !reverseOn.MatchString(out) {
		t.Fatalf("no reverse-video cursor on 三:\n%q", out)
	}
	s.send("Enter")
	s.waitFor("─ 查词 ─", "三  Sān", "surname San", "三  sān", "1 three", "CC-CEDICT, CC BY-SA 4.0")

	// → to 厂, → to 工业园区: the box follows the cursor.
	s.send("l", "l")
	s.waitFor("工业园区 工業園區  gōng yè yuán qū", "industrial park", "CC-CEDICT, CC BY-SA 4.0")

	// The box fits a small terminal: every frame is checked while waiting.
	s.resize(40, 15)
	s.waitFor("industrial park", "CC-CEDICT, CC BY-SA 4.0")
	s.resize(100, 30)
	s.waitFor("industrial park", "CC-CEDICT, CC BY-SA 4.0")

	// ↓ moves to a later line: the box shows another word.
	s.send("j")
	s.waitGone("industrial park")

	s.send("Escape")
	s.waitGone("CC-CEDICT")
	s.waitFor("查词")
	s.send("Escape")
	s.waitGone("查词")
	s.waitFor("space/f 下一页")
	s.quit()
}

// reverseOn finds 三 in reverse video in a captured pane, with any other
// attributes or colours set between.
var reverseOn = regexp.MustCompile(`\x1b\[7m(\x1b\[[0-9;]*m)*三\x1b\[`)
