package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/library"

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
				h := m.say(m.keys.Help).Help()
				shows(t, m, h.Key+" "+h.Desc)
				m = send(t, m, press("enter")...) // the article's longer hints
				shows(t, m, h.Key+" "+h.Desc)
			}
		})
	}
}

// A story whose last page comes on screen without the reader paging to it
// (a section jump with the article focused, a resize) is read only after
// the same moment as one glanced at from the list; paging to the last page
// reads it at once.
func TestDwellForEveryWayAStoryShows(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m, _ = sendHolding(t, m, press("enter")...)
	if m.focus != focusArticle || m.article.Percent() == 100 {
		t.Fatalf("focus %d, percent %d: want a story of more than a page, focused", m.focus, m.article.Percent())
	}
	m, held := sendHolding(t, m, press("3")...)
	short := m.article.Article()
	if m.focus != focusArticle || m.article.Percent() != 100 {
		t.Fatalf("after 3: focus %d, percent %d", m.focus, m.article.Percent())
	}
	if m.lib.read[short.ID] || len(held) != 1 {
		t.Fatalf("a story shown by a section jump: read %v, %d waits", m.lib.read[short.ID], len(held))
	}
	m = send(t, m, held[0])
	if !m.lib.read[short.ID] {
		t.Error("the story stayed on screen and was not marked read")
	}

	// A resize that brings a story's last page on screen.
	m = f.reader(t, 80, 24, common.English)
	m, _ = sendHolding(t, m, press("2", "enter")...)
	a := m.article.Article()
	if m.article.Percent() == 100 {
		t.Fatal("want a story longer than a page at 80x24")
	}
	m, held = sendHolding(t, m, tea.WindowSizeMsg{Width: 200, Height: 80})
	if m.article.Article() != a || m.article.Percent() != 100 {
		t.Fatalf("after the resize: %q at %d%%", m.article.Article().Headline, m.article.Percent())
	}
	if m.lib.read[a.ID] || len(held) != 1 {
		t.Errorf("a story whose end a resize showed: read %v, %d waits", m.lib.read[a.ID], len(held))
	}

	// Paging to the end reads at once.
	m = f.reader(t, 80, 24, common.English)
	m, _ = sendHolding(t, m, press("2", "enter")...)
	a = m.article.Article()
	m, held = sendHolding(t, m, press("G")...)
	if m.article.Percent() != 100 || !m.lib.read[a.ID] || len(held) != 0 {
		t.Errorf("paged to the end: %d%%, read %v, %d waits", m.article.Percent(), m.lib.read[a.ID], len(held))
	}
}

// The section picker's counts say what they count, and with a store count
// what the tabs count: the unread stories.
func TestSectionPickerCountsLabelled(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	m = send(t, m, press("s")...)
	shows(t, m, "1  三厂工业园区  2 stories", "2  区公共资源交易中心  4 stories")

	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m = f.reader(t, 120, 40, common.English)
	m = send(t, m, press("enter", "m", "s")...)
	sec := m.ed.Sections[0]
	shows(t, m, fmt.Sprintf("1  %s  %d/%d unread", sec.Name, len(sec.Articles)-1, len(sec.Articles)),
		fmt.Sprintf("1 %s (%d)", sec.Name, len(sec.Articles)-1))
}

// At every size below the minimum the message says what size is needed, in
// full: shorter wording where the long one does not fit, never cut.
func TestTooSmallMessageFits(t *testing.T) {
	ed := seed(t)
	for _, lang := range []common.Lang{common.English, common.Chinese} {
		for w := 5; w < minWidth; w++ {
			for _, h := range []int{1, 5, minHeight - 1} {
				m := newModel(t, ed, w, h, lang)
				text := strings.Join(screen(m), "\n")
				if !strings.Contains(text, fmt.Sprintf("%dx%d", minWidth, minHeight)) || strings.Contains(text, "…") {
					t.Fatalf("%dx%d: %q", w, h, text)
				}
			}
		}
	}
}

// A note too long for the status line ends with … after a whole word.
func TestStatusNoteCutAtAWord(t *testing.T) {
	ed := seed(t)
	for _, w := range []int{40, 60, 80} {
		m := newModel(t, ed, w, 24, common.English)
		m.note = "skipped 2024-03-20.txt: text in an unknown encoding (not UTF-8, UTF-16, GB18030 or Big5)"
		rows := screen(m)
		status := strings.TrimSpace(rows[len(rows)-2])
		body, ok := strings.CutSuffix(status, "…")
		if !ok || !strings.HasPrefix(m.note, body) || !strings.ContainsRune(" ,:;", rune(m.note[len(body)])) {
			t.Errorf("%d columns: status %q", w, status)
		}
	}
}

// An edition with invalid bytes says so on the status line.
func TestInvalidBytesNoted(t *testing.T) {
	ed := seed(t)
	ed.InvalidBytes = 3
	m := newModel(t, ed, 100, 30, common.English)
	shows(t, m, "3 invalid bytes shown as \uFFFD")
	m = newModel(t, ed, 100, 30, common.Chinese)
	shows(t, m, "3 个无效字节显示为 \uFFFD")
}

// A data directory that cannot be written, with a store in it: the reader
// has the marks saved before, m works for the session, and the status line
// says the state is not saved.
func TestReadOnlyStoreInReader(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m = send(t, m, press("enter", "m")...)
	marked := m.article.Article().ID
	f.close()
	// SQLite cannot create its log where a directory stands: the store
	// cannot be written, even by root.
	if err := os.Mkdir(filepath.Join(data, library.FileName+"-wal"), 0o500); err != nil {
		t.Fatal(err)
	}
	f = openShelf(t, dir, data)
	forSizes(t, func(t *testing.T, w, h int) {
		m := f.reader(t, w, h, common.English)
		if !m.lib.read[marked] {
			t.Fatal("the mark saved before is gone")
		}
		shows(t, m, "read-only, not saved")
		m = send(t, m, press("j")...)
		shows(t, m, "state unsaved")
	})
}
