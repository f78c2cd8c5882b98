package ui

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/vt"

	"dubao/library"
	"dubao/model"
	"dubao/seeds"
	"dubao/typeset"
	"dubao/ui/common"
)

// The seed's first two stories, and its second section's tab before and
// after one of its four stories is marked read.
const (
	firstHeadline  = "激发东城高质量发展活力"
	secondHeadline = "整治不松劲"
	tabAllUnread   = "区公共资源交易中心 (4)"
	tabOneRead     = "区公共资源交易中心 (3)"
)

// storedReading writes the seed as a file and a store in which the reader
// stopped at the top of its second story and read the first story of its
// second section. It returns the file and the data directory.
func storedReading(t *testing.T) (file, data string) {
	t.Helper()
	file, data = filepath.Join(t.TempDir(), "2024-03-19.txt"), t.TempDir()
	if err := os.WriteFile(file, seeds.Default, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f := openShelf(t, file, data)
	list, err := f.sh.Editions(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("%d editions: %v", len(list), err)
	}
	id := list[0].ID
	if err := f.st.SetPosition(ctx, id, library.Position{Article: "1-2"}); err != nil {
		t.Fatal(err)
	}
	if err := f.st.MarkRead(ctx, id, "2-1"); err != nil {
		t.Fatal(err)
	}
	f.close()
	return file, data
}

// opener opens the store at data and the shelf of file as the reader's
// Options.Open does, once wait is closed; the test closes what it opened.
func opener(t *testing.T, file, data string, wait <-chan struct{}) Opener {
	return func(ctx context.Context) (Library, error) {
		<-wait
		st, err := library.Open(library.Options{Dir: data})
		if err != nil {
			return Library{}, err
		}
		sh, err := st.OpenShelf(ctx, file)
		if err != nil {
			st.Close()
			return Library{}, err
		}
		t.Cleanup(func() { sh.Close(); st.Close() })
		list, err := sh.Editions(ctx)
		if err != nil {
			return Library{}, err
		}
		return Library{Store: st, Shelf: sh, Edition: list[0]}, nil
	}
}

// screenWriter is a terminal for Run: an emulator reads what the program
// writes, line feeds made CR LF as a tty's ONLCR does, and each screen is
// handed to onScreen.
type screenWriter struct {
	mu       sync.Mutex
	emu      *vt.Emulator
	onScreen func(string)
}

func (w *screenWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.emu.Write(bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n")))
	w.onScreen(w.emu.String())
	return len(b), nil
}

// TestFirstFrameBeforeLibrary runs the reader with a library opener that
// blocks until the edition is on the screen: the reader must draw before
// the store is open, and then restore where the reader stopped (the second
// story, in the article pane) and the read marks (a tab's count).
func TestFirstFrameBeforeLibrary(t *testing.T) {
	file, data := storedReading(t)
	ed, err := model.Parse(seeds.Default, model.Options{Source: file, Title: seeds.Title})
	if err != nil {
		t.Fatal(err)
	}
	shown, restored := make(chan struct{}), make(chan struct{})
	var first string
	var once, onceRestored sync.Once
	w := &screenWriter{emu: vt.NewEmulator(120, 40), onScreen: func(s string) {
		if strings.Contains(s, firstHeadline) && strings.Contains(s, tabAllUnread) {
			once.Do(func() { first = s; close(shown) })
		}
		rows := strings.Split(s, "\n")
		if len(rows) > 2 && strings.Contains(rows[2], secondHeadline) && strings.Contains(s, tabOneRead) {
			onceRestored.Do(func() { close(restored) })
		}
	}}
	go func() {
		// The emulator answers the program's queries; nobody reads them.
		var buf [256]byte
		for {
			if _, err := w.emu.Read(buf[:]); err != nil {
				return
			}
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	opt := Options{Lang: common.Chinese, Open: opener(t, file, data, shown), Edition: library.Edition{Path: file}}
	go func() {
		done <- Run(ed, opt, w, tea.WithInput(nil), tea.WithWindowSize(120, 40), tea.WithContext(ctx),
			tea.WithoutSignalHandler())
	}()
	// The opener waits for the first frame, so a reader that waited for
	// the store would never draw: this guard only stops a hung test.
	select {
	case <-restored:
	case err := <-done:
		t.Fatalf("the reader ended first: %v", err)
	case <-time.After(15 * time.Second):
		w.mu.Lock()
		defer w.mu.Unlock()
		t.Fatalf("no frame with the reading state restored; screen:\n%s", w.emu.String())
	}
	cancel()
	<-done
	// Ends the goroutine reading the replies (Close would race its Read).
	w.emu.InputPipe().(io.Closer).Close()
	if rows := strings.Split(first, "\n"); !strings.Contains(rows[3], firstHeadline) {
		t.Errorf("the first frame does not show the first story:\n%s", first)
	}
}

// pendingReader is the reader on the seed at 120x40 before its library
// opener has run, and the command that runs it.
func pendingReader(t *testing.T) (Model, tea.Cmd) {
	t.Helper()
	file, data := storedReading(t)
	ready := make(chan struct{})
	close(ready)
	m := New(seed(t), Options{Lang: common.Chinese, Open: opener(t, file, data, ready), Edition: library.Edition{Path: file}})
	m = send(t, m, tea.WindowSizeMsg{Width: 120, Height: 40})
	return m, m.openLibrary()
}

// TestLibraryRestoredAfterOpen: the frame before the store shows the first
// story with every story unread and the library's keys in the hints (they
// do not change when the store comes); once it is open, the reader goes to
// where it stopped and shows the read marks.
func TestLibraryRestoredAfterOpen(t *testing.T) {
	m, open := pendingReader(t)
	before := ansi.Strip(m.View().Content)
	if !strings.Contains(before, tabAllUnread) || m.article.Article() == nil || m.article.Article().ID != "1-1" {
		t.Fatalf("frame before the store:\n%s", before)
	}
	// The hints are those of a reader with a store, before it restores.
	f := openShelf(t, m.opt.Edition.Path, t.TempDir())
	list, err := f.sh.Editions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	withStore := newModelOpt(t, seed(t), Options{Lang: common.Chinese, Store: f.st, Shelf: f.sh, Edition: list[0]})
	if got, want := lastRow(before), lastRow(ansi.Strip(withStore.View().Content)); got != want {
		t.Errorf("hints before the store\n%q\nwith one\n%q", got, want)
	}
	if open == nil {
		t.Fatal("no command opens the library")
	}
	m = send(t, m, open())
	after := ansi.Strip(m.View().Content)
	if !strings.Contains(after, tabOneRead) || m.article.Article() == nil || m.article.Article().ID != "1-2" {
		t.Fatalf("reading state not restored:\n%s", after)
	}
	if m.focus != focusArticle || m.lib.rec.ID == 0 {
		t.Errorf("focus %v, record %+v", m.focus, m.lib.rec)
	}
}

func newModelOpt(t *testing.T, ed *model.Edition, opt Options) Model {
	t.Helper()
	return send(t, New(ed, opt), tea.WindowSizeMsg{Width: 120, Height: 40})
}

// TestLibraryOpenAfterMove: a reader who moved before the store came stays
// where they are; the marks still come.
func TestLibraryOpenAfterMove(t *testing.T) {
	m, open := pendingReader(t)
	m = send(t, m, tea.KeyPressMsg{Code: '2', Text: "2"})
	m = send(t, m, open())
	if m.sec != 1 || !strings.Contains(ansi.Strip(m.View().Content), tabOneRead) {
		t.Fatalf("section %d after the store came:\n%s", m.sec, m.View().Content)
	}
}

// TestLibraryKeysWhileOpening: a library key before the store is open says
// so and does nothing else.
func TestLibraryKeysWhileOpening(t *testing.T) {
	m, _ := pendingReader(t)
	for _, k := range []string{"e", "B", "m", "b"} {
		m = send(t, m, tea.KeyPressMsg{Code: rune(k[0]), Text: k})
		if m.overlay != overlayNone {
			t.Fatalf("%s opened a box without a store", k)
		}
	}
	m = send(t, m, tea.KeyPressMsg{Code: 'e', Text: "e"})
	if m.note != m.common.Lang.OpeningLibrary() {
		t.Errorf("note %q", m.note)
	}
}

func lastRow(frame string) string {
	rows := strings.Split(frame, "\n")
	return rows[len(rows)-1]
}

// TestHintRowFollowsState: the row of key hints is kept between frames,
// and drawn again whenever the keys it shows change: the focus moves to
// the story, a search comes into force, the width changes.
func TestHintRowFollowsState(t *testing.T) {
	m := newModel(t, seed(t), 120, 40, common.English)
	list := lastRow(ansi.Strip(m.View().Content))
	if !strings.Contains(list, "enter open story") {
		t.Fatalf("list hints %q", list)
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyEnter})
	story := lastRow(ansi.Strip(m.View().Content))
	if story == list || !strings.Contains(story, "next page") {
		t.Fatalf("story hints %q", story)
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	if narrow := lastRow(ansi.Strip(m.View().Content)); typeset.Width(narrow) != 100 {
		t.Fatalf("hints at 100 columns are %d wide: %q", typeset.Width(narrow), narrow)
	}
	// A fresh model of the same state draws the same row.
	fresh := New(seed(t), Options{Lang: common.English})
	fresh.hints = nil
	fresh = send(t, fresh, tea.WindowSizeMsg{Width: 100, Height: 40}, tea.KeyPressMsg{Code: tea.KeyEnter})
	if got, want := lastRow(m.View().Content), lastRow(fresh.View().Content); got != want {
		t.Fatalf("kept row %q, drawn anew %q", got, want)
	}
}
