package ui

import (
	"context"
	"io"
	"os"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/ui/search"
)

// The reader draws first: given Options.Open, the first frame shows the
// edition at once, and the store is opened (and the reading state restored)
// by a command that starts once that frame has gone out to the terminal.
// Opening the store, checking the shelf and indexing a new file cost more
// than drawing; none of it is needed to see the front page.

// Library is what Options.Open opens: the store, the shelf, the store's
// record of the edition shown and what U runs (nil switches U off).
type Library struct {
	Store   *library.Store
	Shelf   *library.Shelf
	Edition library.Edition
	Update  Updater
}

// Opener opens the library for the reader; see Options.Open. It is called
// once, off the UI's path, after the first frame is drawn; ctx is done when
// the reader quits.
type Opener func(ctx context.Context) (Library, error)

// libraryMsg carries what the opener opened.
type libraryOpenedMsg struct {
	lib Library
	err error
}

// frameSignal tells the library's opener that the first frame has gone out:
// View marks when it draws a full frame, and the terminal's writer closes
// shown at its next write of a frame. Bubble Tea writes its queries to the
// terminal (a few dozen bytes) just before the frame, at the same tick: a
// write shorter than any frame is not the frame, and the opener, which
// takes a core for a while, must not start before the frame is written.
type frameSignal struct {
	drawn atomic.Bool
	once  sync.Once
	shown chan struct{}
}

func newFrameSignal() *frameSignal { return &frameSignal{shown: make(chan struct{})} }

// minFrameBytes is less than any frame Bubble Tea writes (the smallest,
// "terminal too small", clears the screen and moves the cursor too) and
// more than its queries.
const minFrameBytes = 64

// written is called after each write of n bytes to the terminal.
func (f *frameSignal) written(n int) {
	if n >= minFrameBytes && f.drawn.Load() {
		f.once.Do(func() { close(f.shown) })
	}
}

// frameWriter is the terminal's output, telling sig of each write.
type frameWriter struct {
	io.Writer
	sig *frameSignal
}

func (w frameWriter) Write(b []byte) (int, error) {
	n, err := w.Writer.Write(b)
	w.sig.written(n)
	return n, err
}

// ttyWriter is frameWriter for a terminal: Bubble Tea reads its size and
// sets its modes through the file's descriptor.
type ttyWriter struct {
	*os.File
	sig *frameSignal
}

func (w ttyWriter) Write(b []byte) (int, error) {
	n, err := w.File.Write(b)
	w.sig.written(n)
	return n, err
}

// wrapOutput returns out telling sig of each write.
func wrapOutput(out io.Writer, sig *frameSignal) io.Writer {
	if f, ok := out.(*os.File); ok {
		return ttyWriter{File: f, sig: sig}
	}
	return frameWriter{Writer: out, sig: sig}
}

// afterFirstFrame returns cmd run once the first frame has gone out (at
// once outside Run); nil for nil.
func (m Model) afterFirstFrame(cmd tea.Cmd) tea.Cmd {
	sig, ctx := m.frame, m.openCtx
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		if sig != nil {
			select {
			case <-sig.shown:
			case <-ctx.Done():
				return nil
			}
		}
		return cmd()
	}
}

// openLibrary returns the command that waits for the first frame to go out,
// then runs the opener; nil without one.
func (m Model) openLibrary() tea.Cmd {
	open, ctx := m.opt.Open, m.openCtx
	if open == nil || !m.lib.pending {
		return nil
	}
	return m.afterFirstFrame(func() tea.Msg {
		lib, err := open(ctx)
		return libraryOpenedMsg{lib: lib, err: err}
	})
}

// attach takes in the library the opener opened and asks for the reading
// state of the edition shown.
func (m *Model) attach(msg libraryOpenedMsg) tea.Cmd {
	m.lib.pending = false
	if msg.err != nil || msg.lib.Store == nil || msg.lib.Shelf == nil {
		if msg.err != nil {
			m.note = m.common.Lang.Failed(msg.err)
		}
		m.refreshCounts()
		return nil
	}
	l := msg.lib
	m.opt.Store, m.opt.Shelf, m.opt.Edition, m.opt.Update = l.Store, l.Shelf, l.Edition, l.Update
	m.lib.st, m.lib.sh, m.lib.indexing = l.Store, l.Shelf, true
	m.lib.rec = l.Edition
	if m.overlay != overlayLibrary {
		m.libsearch = search.NewLibrary(m.common, l.Shelf.Search)
		m.libsearch.SetSize(m.lay.OverlayInner.W, m.lay.OverlayInner.H)
	}
	if err := m.lib.unsaved(); err != nil && m.note == "" {
		m.note = m.common.Lang.Unsaved(err)
	}
	return tea.Batch(m.lib.watchProgress(), m.Restore())
}
