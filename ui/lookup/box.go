package lookup

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"dubao/dict"
	"dubao/typeset"
	"dubao/ui/common"
)

// boxWidth is the widest the box's text is set: senses read best in short
// lines, and a narrower box hides less of the page.
const boxWidth = 56

// row is one row of the box before styling.
type row struct {
	text  string
	style lipgloss.Style
}

// Title is the box's title: what the mode is.
func (m Model) Title() string { return m.Lang.Title("lookup") }

// Box returns the box's content for the word under the cursor, at most
// maxW cells wide and maxH rows: every row the same width. Each reading
// gives the word in both scripts and its pinyin with tone marks, then its
// senses, wrapped; what does not fit is cut with an ellipsis, and the last
// row is always the dictionary's attribution.
func (m Model) Box(maxW, maxH int) []string {
	if maxW <= 0 || maxH <= 0 {
		return nil
	}
	cw := min(maxW, boxWidth)
	st := m.Styles
	var rows []row
	if len(m.entries) == 0 {
		rows = append(rows, row{m.word, st.Overlay.Title}, row{m.Lang.Title("not in the dictionary"), st.Overlay.Item})
	}
	for i, e := range m.entries {
		if i > 0 {
			rows = append(rows, row{"", st.Overlay.Item})
		}
		rows = append(rows, m.heading(e, cw)...)
		for j, d := range e.Definitions {
			num := ""
			if len(e.Definitions) > 1 {
				num = strconv.Itoa(j+1) + " "
			}
			indent := strings.Repeat(" ", len(num))
			for k, l := range wrap(d, cw-len(num)) {
				lead := indent
				if k == 0 {
					lead = num
				}
				rows = append(rows, row{lead + l, st.Overlay.Item})
			}
		}
	}
	credit := row{common.Cut(dict.Attribution, cw), st.Article.Byline}
	if room := maxH - 1; len(rows) > room {
		rows = rows[:max(room, 0)]
		if room > 0 {
			last := &rows[room-1]
			last.text = common.Cut(last.text+" "+common.Ellipsis, cw)
			if !strings.HasSuffix(last.text, common.Ellipsis) {
				last.text = common.Cut(last.text, max(cw-1, 0)) + common.Ellipsis
			}
		}
	}
	rows = append(rows, credit)
	w := 0
	for _, r := range rows {
		w = max(w, typeset.Width(r.text))
	}
	w = min(w, cw)
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.style.Render(common.Fit(r.text, w))
	}
	return out
}

// heading is an entry's first rows: the form in the text, the other
// script's form when it differs, and the pinyin; on one row when they fit.
func (m Model) heading(e dict.Entry, cw int) []row {
	st := m.Styles
	forms := e.Simplified
	if other := e.Traditional; other != e.Simplified {
		if m.word == e.Traditional {
			forms, other = e.Traditional, e.Simplified
		}
		forms += " " + other
	}
	py := e.PinyinMarks()
	if one := forms + "  " + py; typeset.Width(one) <= cw {
		return []row{{forms + "  " + py, st.Overlay.Title}}
	}
	return []row{{common.Cut(forms, cw), st.Overlay.Title}, {common.Cut(py, cw), st.Overlay.Title}}
}

// wrap breaks s into lines of at most w cells, between words where it
// can; a word longer than a line is cut across lines.
func wrap(s string, w int) []string {
	s = common.Plain(s)
	if w <= 0 {
		return nil
	}
	var out []string
	line := ""
	for _, word := range strings.Fields(s) {
		for typeset.Width(word) > w {
			if line != "" {
				out = append(out, line)
				line = ""
			}
			head := typeset.Truncate(word, w, "")
			if head == "" { // a character wider than the line
				head = word[:len(string([]rune(word)[0]))]
			}
			out = append(out, head)
			word = word[len(head):]
		}
		switch {
		case word == "":
		case line == "":
			line = word
		case typeset.Width(line)+1+typeset.Width(word) <= w:
			line += " " + word
		default:
			out = append(out, line)
			line = word
		}
	}
	if line != "" || len(out) == 0 {
		out = append(out, line)
	}
	return out
}
