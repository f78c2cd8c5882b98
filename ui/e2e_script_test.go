package ui

import "testing"

// TestEndToEndScript reads the seed in tmux under zh_CN.UTF-8 and cycles
// its script with t: 简体, then Taiwan's 繁體 in the list, the tabs and the
// story, a search in traditional characters finding the simplified text,
// Hong Kong's 繁體 at 40x15; started again, the reader remembers the script.
// Every frame is checked as the terminal shows it.
func TestEndToEndScript(t *testing.T) {
	bin := buildDubao(t)
	s := newTmux(t, "script")
	data := t.TempDir()
	s.start("zh_CN.UTF-8", "", data, bin)
	s.waitFor("海门日报", "“一核”“六区”战略")
	s.send("t")
	s.waitFor("字形：简体", "“一核”“六区”战略")
	s.send("t")
	s.waitFor("字形：繁體（台湾）", "“一核”“六區”戰略", "1 三廠工業園區", "繁體·台")
	s.send("Enter")
	s.waitFor("高質量發展活力", "第 1/3 页")
	s.waitGone("字形：")

	// 發展 in traditional characters finds the simplified 发展 and shows it
	// as 發展 in the story.
	s.send("/", "發展")
	s.waitFor("/ 發展", "高質量發展")
	s.send("Enter")
	s.waitFor("/發展 匹配 1/")
	s.send("Escape")
	s.waitGone("/發展")

	s.resize(40, 15)
	s.send("t")
	s.waitFor("字形：繁體（香港）")
	s.resize(100, 30)
	s.waitFor("繁體·港")
	s.quit()

	s.start("zh_CN.UTF-8", "", data, bin)
	s.waitFor("“一核”“六區”戰略", "繁體·港")
	s.send("t")
	s.waitFor("字形：原文", "“一核”“六区”战略")
	s.quit()
}
