package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/seeds"
	"dubao/ui/common"
)

// The older edition of the test shelf differs from the seed in its first
// headline, so a test can tell which one is shown.
const (
	newerHeadline = "激发东城高质量发展活力"
	olderHeadline = "激发东城发展新动能"
)

// shelfDir writes a folder of two editions, the seed as 2024-03-19 and an
// altered copy as 2024-03-18, and returns it with an empty data directory.
func shelfDir(t testing.TB) (dir, data string) {
	t.Helper()
	dir, data = t.TempDir(), t.TempDir()
	older := strings.Replace(string(seeds.Default), newerHeadline, olderHeadline, 1)
	for name, text := range map[string]string{"2024-03-19.txt": string(seeds.Default), "2024-03-18.txt": older} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, data
}

// library is a store and a shelf opened as dubao DIR opens them, closed at
// the end of the test.
type shelfFixture struct {
	st *library.Store
	sh *library.Shelf
}

func openShelf(t testing.TB, dir, data string) shelfFixture {
	t.Helper()
	st, err := library.Open(library.Options{Dir: data})
	if err != nil {
		t.Fatal(err)
	}
	sh, err := st.OpenShelf(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := sh.Wait(); err != nil {
		t.Fatal(err)
	}
	f := shelfFixture{st, sh}
	t.Cleanup(f.close)
	return f
}

func (f shelfFixture) close() {
	f.sh.Close()
	f.st.Close()
}

// reader opens the shelf's newest edition in the reader at w x h, as Run
// does (the reading state read before the first frame), saving the reading
// position after a millisecond's pause instead of most of a second.
func (f shelfFixture) reader(t testing.TB, w, h int, lang common.Lang) Model {
	t.Helper()
	return f.readerWith(t, w, h, Options{Lang: lang})
}

// readerWith is reader with the options opt, the store's added.
func (f shelfFixture) readerWith(t testing.TB, w, h int, opt Options) Model {
	t.Helper()
	ctx := context.Background()
	list, err := f.sh.Editions(ctx)
	if err != nil || len(list) == 0 {
		t.Fatalf("%d editions: %v", len(list), err)
	}
	ed, rec, err := f.sh.Load(ctx, list[0])
	if err != nil {
		t.Fatal(err)
	}
	opt.Store, opt.Shelf, opt.Edition, opt.ExportDir = f.st, f.sh, rec, t.TempDir()
	m := New(ed, opt)
	m.saveDelay, m.readDelay = time.Millisecond, time.Millisecond
	m = send(t, m, run(m.Restore())...)
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// ctrl makes a ctrl+letter key press.
func ctrl(r rune) tea.Msg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

func TestShelfOpensNewestAndPicksEditions(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	forSizes(t, func(t *testing.T, w, h int) {
		m := f.reader(t, w, h, common.English)
		shows(t, m, "2024-03-19")
		if a := m.article.Article(); !strings.Contains(a.Headline, newerHeadline) {
			t.Fatalf("opened with %q", a.Headline)
		}
		m = send(t, m, press("e")...)
		shows(t, m, "editions", "* 2024-03-19", "2024-03-18", "8/8 unread")
		m = send(t, m, press("j", "enter")...)
		if m.overlay != overlayNone || m.lib.rec.Date != "2024-03-18" {
			t.Fatalf("enter opened %s", m.lib.rec.Date)
		}
		if a := m.article.Article(); !strings.Contains(a.Headline, olderHeadline) {
			t.Fatalf("the older edition shows %q", a.Headline)
		}
		m = send(t, m, press("e")...)
		shows(t, m, "* 2024-03-18")
	})
}

func TestReadMarksAndUnreadCounts(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	shows(t, m, "三厂工业园区 (2)")
	// The first story is two pages long here: not read until its last page
	// is shown, or m.
	m = send(t, m, press("m")...)
	shows(t, m, "marked read", "三厂工业园区 (1)", "read · 三厂工业园区")
	m = send(t, m, press("m")...)
	shows(t, m, "marked unread", "三厂工业园区 (2)")
	m = send(t, m, press("tab", "G")...)
	shows(t, m, "三厂工业园区 (1)")
	m = send(t, m, press("2", "M")...)
	hides(t, m, "区公共资源交易中心 (")
	read, err := f.st.ReadSet(context.Background(), m.lib.rec.ID)
	if err != nil || len(read) != 5 || !read["1-1"] || !read["2-4"] {
		t.Fatalf("the store has %v read (%v)", read, err)
	}
	// u in the list shows the unread stories only (in the article it is
	// half a page up); n goes through them alone.
	m = send(t, m, press("1", "h", "u")...)
	shows(t, m, "unread only", "整治不松劲")
	hides(t, m, "“一核”“六区”战略 激发")
	m = send(t, m, press("n")...)
	if m.sec != 2 || m.list.Index() != 0 {
		t.Fatalf("n in unread-only went to %d-%d", m.sec+1, m.list.Index()+1)
	}
	m = send(t, m, press("2")...)
	shows(t, m, "no unread stories")
	// One-page stories shown meanwhile were read on sight; the picker
	// counts what the store holds.
	m = send(t, m, press("e")...)
	read, _ = f.st.ReadSet(context.Background(), m.lib.rec.ID)
	if !reflect.DeepEqual(read, m.lib.read) {
		t.Fatalf("the store has %v read, the screen %v", read, m.lib.read)
	}
	shows(t, m, fmt.Sprintf("%d/8 unread", 8-len(read)))
}

func TestBookmarksAcrossEditions(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	forSizes(t, func(t *testing.T, w, h int) {
		m := f.reader(t, w, h, common.English)
		m = send(t, m, press("'")...)
		shows(t, m, "no bookmarks yet")
		m = send(t, m, press("esc", "e", "j", "enter", "3", "B")...)
		shows(t, m, "bookmarked")
		want := m.article.Article().Headline
		m = send(t, m, press("e", "k", "enter")...)
		if m.lib.rec.Date != "2024-03-19" {
			t.Fatalf("back in %s", m.lib.rec.Date)
		}
		m = send(t, m, press("'")...)
		shows(t, m, "bookmarks", "2024-03-18  打好执法")
		m = send(t, m, press("enter")...)
		if m.lib.rec.Date != "2024-03-18" || m.article.Article().Headline != want || m.focus != focusArticle {
			t.Fatalf("the bookmark opened %s %q", m.lib.rec.Date, m.article.Article().Headline)
		}
		m = send(t, m, press("B")...)
		shows(t, m, "bookmark removed")
		m = send(t, m, press("'")...)
		shows(t, m, "no bookmarks yet")
	})
}

// Reading state survives a restart: a new store on the same directory, a
// new model.
func TestStateSurvivesRestart(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 80, 24, common.English)
	m = send(t, m, press("2", "j", "enter", "space", "j", "w", "h", "u", "l", "B")...)
	want, top := m.article.Position(), m.article.Line(m.article.TopLine()).Text
	story := m.article.Article().ID
	m = send(t, m, press("q")...)
	f.close()

	f = openShelf(t, dir, data)
	m = f.reader(t, 80, 24, common.English)
	if got := m.article.Article().ID; got != story || m.focus != focusArticle {
		t.Fatalf("reopened at story %s (focus %d), left %s", got, m.focus, story)
	}
	if got := m.article.Position(); got != want || m.article.Line(m.article.TopLine()).Text != top {
		t.Fatalf("reopened at %+v, left at %+v", got, want)
	}
	if !m.article.Options().HalfWidthPunct || !m.lib.unreadOnly || !m.lib.saved[story] {
		t.Fatalf("toggles and bookmark not kept: %+v unread-only %v saved %v", m.article.Options(), m.lib.unreadOnly, m.lib.saved)
	}
	shows(t, m, "half-width punctuation", "unread only", "藏")
}

// The position is saved after a pause in reading, without quitting.
func TestPositionSavedAfterPause(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m = send(t, m, press("tab", "space")...)
	block, offset := m.article.BodyPosition()
	p, ok, err := f.st.Position(context.Background(), m.lib.rec.ID)
	if err != nil || !ok || p.Article != "1-1" || p.Block != block || p.Offset != offset {
		t.Fatalf("saved %+v %v %v, at %d/%d", p, ok, err, block, offset)
	}
}

// Reading to the last page marks a story read, once: m takes the mark off
// and it stays off while the story is shown.
func TestLastPageMarksRead(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m = send(t, m, press("tab")...)
	if m.lib.read["1-1"] {
		t.Fatal("the first page marked the story read")
	}
	m = send(t, m, press("space")...)
	if !m.lib.read["1-1"] {
		t.Fatal("the last page did not mark the story read")
	}
	m = send(t, m, press("m", "k", "j")...)
	if m.lib.read["1-1"] {
		t.Fatal("the story was marked read again")
	}
	// Unmarked on its first page, it is read again at its end.
	m = send(t, m, press("g", "G")...)
	if m.lib.read["1-1"] {
		t.Fatal("the story was marked read again on this visit")
	}
	m = send(t, m, press("n", "p", "G")...)
	if !m.lib.read["1-1"] {
		t.Fatal("the story read to its end on a new visit was not marked read")
	}
}

func TestLibrarySearch(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	forSizes(t, func(t *testing.T, w, h int) {
		m := f.reader(t, w, h, common.English)
		m = send(t, m, ctrl('f'))
		m = send(t, m, press("禁渔")...)
		if n := len(m.libsearch.Hits()); n != 2 {
			t.Fatalf("%d library hits for 禁渔", n)
		}
		shows(t, m, "search all editions", "2 stories", "2024-03-19 打好执法", "2024-03-18 打好执法")
		m = send(t, m, press("down", "enter")...)
		if m.lib.rec.Date != "2024-03-18" || m.article.Article().ID != "3-1" || m.focus != focusArticle {
			t.Fatalf("enter opened %s %s", m.lib.rec.Date, m.article.Article().ID)
		}
		if m.query != "禁渔" || m.article.CurrentMatch() < 0 {
			t.Fatalf("query %q, current match %d", m.query, m.article.CurrentMatch())
		}
		if !strings.Contains(m.View().Content, m.common.Styles.Article.CurrentMatch.Render("禁渔")) {
			t.Fatal("the match is not on screen")
		}
		shows(t, m, "/禁渔")
		// ctrl+f in the edition's search carries the query to the library.
		m = send(t, m, press("esc", "/", "长江")...)
		m = send(t, m, ctrl('f'))
		if m.overlay != overlayLibrary || m.libsearch.Query() != "长江" || m.focus == focusSearch {
			t.Fatalf("ctrl+f in / left overlay %d query %q", m.overlay, m.libsearch.Query())
		}
		m = send(t, m, ctrl('f'))
		if m.overlay != overlayNone || m.focus != focusSearch || m.search.Query() != "长江" {
			t.Fatal("ctrl+f in the library search did not return to the edition's")
		}
	})
}

// A query typed with the full-width comma the reader shows finds the
// half-width one the file holds, and the match is highlighted.
func TestLibrarySearchFoldsPunctuation(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.Chinese)
	m = send(t, m, press("e", "j", "enter")...) // so the hit opens the other edition
	m = send(t, m, ctrl('f'))
	m = send(t, m, press("强劲，规模")...)
	if len(m.libsearch.Hits()) != 2 {
		t.Fatalf("%d hits", len(m.libsearch.Hits()))
	}
	m = send(t, m, press("enter")...)
	if m.lib.rec.Date != "2024-03-19" || m.article.CurrentMatch() < 0 {
		t.Fatalf("opened %s, current match %d", m.lib.rec.Date, m.article.CurrentMatch())
	}
	if !strings.Contains(m.View().Content, m.common.Styles.Article.CurrentMatch.Render("强劲，规模")) {
		t.Fatal("the match is not highlighted as shown")
	}
	// The edition's own search folds the same way.
	m = send(t, m, press("esc", "/", "强劲,规模")...)
	if len(m.search.Results()) != 1 {
		t.Fatalf("/ found %d", len(m.search.Results()))
	}
}

func TestExportAndCopy(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 80, 24, common.English)
	m = send(t, m, press("x")...)
	path := filepath.Join(m.opt.ExportDir, "2024-03-19_1-1_一核六区战略激发东城高质量发展活力.md")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "# “一核”“六区”战略 激发东城高质量发展活力") {
		t.Fatalf("exported:\n%s", text)
	}
	shows(t, m, "saved to")
	_, cmd := m.Update(press("y")[0])
	var copied string
	for _, msg := range run(cmd) {
		if v := reflect.ValueOf(msg); v.Kind() == reflect.String {
			copied = v.String()
		}
	}
	if copied != string(text) {
		t.Fatalf("y copied %q", copied)
	}
}

// A data directory that cannot be written: the reader works, in memory,
// and says so.
func TestUnsavedState(t *testing.T) {
	dir, _ := shelfDir(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	f := openShelf(t, dir, filepath.Join(file, "data"))
	if f.st.Unsaved() == nil {
		t.Fatal("the store is saved")
	}
	forSizes(t, func(t *testing.T, w, h int) {
		m := f.reader(t, w, h, common.English)
		shows(t, m, "cannot use")
		read := m.lib.read["1-1"]
		m = send(t, m, press("m")...)
		shows(t, m, "state unsaved")
		if m.lib.read["1-1"] == read {
			t.Fatal("m did not change the read mark")
		}
	})
}

func TestIndexingProgressAndSkippedFiles(t *testing.T) {
	dir, data := shelfDir(t)
	os.WriteFile(filepath.Join(dir, "2024-03-20.txt"), []byte{0, 1, 2, 0xff, 0xfe, 0}, 0o644)
	f := openShelf(t, dir, data)
	m := f.reader(t, 100, 30, common.English)
	if m.lib.rec.Date != "2024-03-19" {
		t.Fatalf("opened %s", m.lib.rec.Date)
	}
	next, _ := m.Update(progressMsg{sh: f.sh, p: library.Progress{Done: 3, Total: 10}})
	m = next.(Model)
	shows(t, m, "indexing 3/10")
	m = send(t, m, run(m.lib.watchProgress())...)
	hides(t, m, "indexing")
	shows(t, m, "skipped 2024-03-20.txt: binary file")
}

// Without a store the library's keys do nothing and the help leaves them
// out; x and y still work.
func TestNoStoreLibraryKeysOff(t *testing.T) {
	m := newModel(t, seed(t), 100, 30, common.English)
	before := strings.Join(screen(m), "\n")
	m = send(t, m, press("e", "'", "m", "M", "u", "B")...)
	m = send(t, m, ctrl('f'))
	if m.overlay != overlayNone || strings.Join(screen(m), "\n") != before {
		t.Fatalf("a library key did something:\n%s", strings.Join(screen(m), "\n"))
	}
	m = send(t, m, press("?")...)
	hides(t, m, "editions", "bookmark story", "mark read")
	shows(t, m, "save as Markdown")
}

func TestLibraryNeverPanics(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	keys := append(press("e", "j", "enter", "'", "enter", "m", "M", "u", "B", "'", "enter", "x", "y", "u"), ctrl('f'))
	keys = append(keys, press("禁", "down", "enter", "n", "e", "G", "esc")...)
	for w := 1; w <= 82; w += 9 {
		for h := 1; h <= 26; h += 5 {
			t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
				m := f.reader(t, w, h, common.Chinese)
				send(t, m, keys...)
			})
		}
	}
}

// sendHolding is send, but holds back the glancedMsg that would end a
// story's wait in the article pane, and returns them.
func sendHolding(t *testing.T, m Model, msgs ...tea.Msg) (Model, []glancedMsg) {
	t.Helper()
	var held []glancedMsg
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for len(queue) > 0 {
			if g, ok := queue[0].(glancedMsg); ok {
				held, queue = append(held, g), queue[1:]
				continue
			}
			next, cmd := m.Update(queue[0])
			m = next.(Model)
			queue = append(queue[1:], run(cmd)...)
		}
		checkFrame(t, m)
	}
	return m, held
}

// A short story seen from the list is read only if it stays on screen a
// moment: moving down the list past it does not mark it.
func TestGlancedStoryReadAfterAMoment(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m, held := sendHolding(t, m, press("j")...)
	short := m.article.Article()
	if m.focus != focusList || m.article.Percent() != 100 || len(held) != 1 || held[0].article != short {
		t.Fatalf("focus %d, percent %d, held %v", m.focus, m.article.Percent(), held)
	}
	if m.lib.read[short.ID] {
		t.Fatal("a story glanced at from the list was marked read at once")
	}
	// Moved on before the moment passed: not read.
	m, _ = sendHolding(t, m, press("k")...)
	m, _ = sendHolding(t, m, held[0])
	if m.lib.read[short.ID] {
		t.Error("a story the list moved past was marked read")
	}
	// Stayed: read.
	m, held = sendHolding(t, m, press("j")...)
	m = send(t, m, held[0])
	if !m.lib.read[short.ID] {
		t.Error("a story that stayed on screen was not marked read")
	}
}

// A story that counts as read while the edition picker is open is counted
// there at once.
func TestEditionPickerCountsFollowMarks(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m, held := sendHolding(t, m, press("j")...)
	total := m.ed.Articles()
	m, _ = sendHolding(t, m, press("e")...)
	shows(t, m, m.common.Lang.UnreadOf(total, total))
	m = send(t, m, held[0])
	shows(t, m, m.common.Lang.UnreadOf(total-1, total))
}
