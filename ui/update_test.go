package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"dubao/seeds"
	"dubao/ui/common"
)

// step delivers msg to m without running the command it returns, which it
// hands back, and checks the frame.
func step(t *testing.T, m Model, msg tea.Msg) (Model, tea.Cmd) {
	t.Helper()
	next, cmd := m.Update(msg)
	m = next.(Model)
	checkFrame(t, m)
	return m, cmd
}

// U runs the update in the background: the status line follows it, a
// failure is one line cut to fit, and the edition it saved is in the
// picker at once, with its unread count.
func TestUpdateKey(t *testing.T) {
	for _, tt := range []struct {
		w, h              int
		lang              common.Lang
		updating, failure string
	}{
		{80, 24, common.English, "updating 2/2", "update: new stories in 1 edition; 1 failed: rmrb: 503 Service Unavailable…"},
		{100, 30, common.Chinese, "更新 2/2", "更新：1 份报纸有新内容；1 个失败：rmrb: 503 Service Unavailable (after 4 tries)"},
		{60, 20, common.English, "updating 2/2", "update: new stories in 1 edition; 1 failed: rmrb:"},
	} {
		dir, data := shelfDir(t)
		f := openShelf(t, dir, data)
		saved := filepath.Join(dir, "2024-03-20.txt")
		var ctxs []context.Context
		// The fake goes on only when the test says, so the test sees each
		// report (the reader keeps only the latest one not taken yet).
		proceed := make(chan struct{})
		fake := func(ctx context.Context, progress func(done, total int)) ([]string, []error) {
			ctxs = append(ctxs, ctx)
			progress(1, 2)
			<-proceed
			progress(2, 2)
			<-proceed
			os.WriteFile(saved, seeds.Default, 0o644)
			return []string{saved}, []error{errors.New("rmrb: 503 Service\nUnavailable (after 4 tries)\x1b[2J")}
		}
		m := f.reader(t, tt.w, tt.h, tt.lang)
		m.opt.Update = fake
		m.updateKeybindings()

		m, cmd := step(t, m, press("U")[0])
		m, cmd = step(t, m, cmd())
		shows(t, m, strings.Replace(tt.updating, "2/2", "1/2", 1))
		// A second U while it runs starts nothing.
		if m2, again := step(t, m, press("U")[0]); again != nil || !m2.lib.updating {
			t.Fatal("U while updating started another update")
		}
		proceed <- struct{}{}
		m, cmd = step(t, m, cmd())
		shows(t, m, tt.updating)
		proceed <- struct{}{}
		m = send(t, m, cmd())
		hides(t, m, tt.updating)
		shows(t, m, tt.failure)
		if strings.Contains(strings.Join(screen(m), "\n"), "\x1b") || len(ctxs) != 1 {
			t.Fatalf("escape in the status line, or %d updates", len(ctxs))
		}
		if m.lib.sh == f.sh {
			t.Fatal("shelf not replaced")
		}
		// The new edition heads the picker; the one shown stays selected.
		m = send(t, m, press("e")...)
		shows(t, m, "2024-03-20", "* 2024-03-19", "2024-03-18")
		for _, row := range screen(m) {
			if strings.Contains(row, "2024-03-20") && !strings.Contains(row, "8/8") {
				t.Errorf("the new edition's row has no unread count: %q", row)
			}
		}
		m = send(t, m, press("k", "enter")...)
		if m.lib.rec.Date != "2024-03-20" {
			t.Errorf("enter on the new edition opened %q", m.lib.rec.Date)
		}
	}
}

// U is in the help only when there is something to update; without it U
// does nothing.
func TestUpdateKeyOff(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 120, 40, common.English)
	m = send(t, m, press("U")...)
	if m.lib.updating {
		t.Fatal("U without subscriptions started an update")
	}
	m = send(t, m, press("?")...)
	hides(t, m, "update subscriptions")

	m = f.reader(t, 120, 40, common.English)
	m.opt.Update = func(context.Context, func(int, int)) ([]string, []error) { return nil, nil }
	m.updateKeybindings()
	m = send(t, m, press("?")...)
	shows(t, m, "U", "update subscriptions")
	m = send(t, m, press("?", "U")...)
	shows(t, m, "update: nothing new")

	// Without a store, no U.
	m = newModel(t, seed(t), 100, 30, common.English)
	m.opt.Update = func(context.Context, func(int, int)) ([]string, []error) { t.Fatal("updated"); return nil, nil }
	m.updateKeybindings()
	m = send(t, m, press("U", "?")...)
	hides(t, m, "update subscriptions")
}

// An update that changed the edition shown (a feed's edition of the day
// that gained items) has it read again, where the reader was.
func TestUpdateReloadsGrownEdition(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	shown := filepath.Join(dir, "2024-03-19.txt")
	m := f.reader(t, 100, 30, common.English)
	m.opt.Update = func(ctx context.Context, progress func(done, total int)) ([]string, []error) {
		progress(1, 1)
		os.WriteFile(shown, []byte(strings.Replace(string(seeds.Default), newerHeadline, "午后更新的标题", 1)), 0o644)
		return []string{shown}, nil
	}
	m.updateKeybindings()
	m = send(t, m, press("U")...)
	if a := m.article.Article(); !strings.Contains(a.Headline, "午后更新的标题") || m.lib.rec.Path != shown {
		t.Fatalf("after the update the reader shows %q of %s", a.Headline, m.lib.rec.Path)
	}
	shows(t, m, "update: new stories in 1 edition")
}

// An update ends even when the reader takes no more reports (it quit):
// reports not taken are replaced, never waited for.
func TestUpdateNeverWaitsForTheReader(t *testing.T) {
	dir, data := shelfDir(t)
	f := openShelf(t, dir, data)
	m := f.reader(t, 100, 30, common.English)
	finished := make(chan struct{})
	m.opt.Update = func(ctx context.Context, progress func(done, total int)) ([]string, []error) {
		defer close(finished)
		for i := range 100 {
			progress(i+1, 100)
		}
		return nil, nil
	}
	m.updateKeybindings()
	_, cmd := step(t, m, press("U")[0])
	if msg, ok := cmd().(updateProgressMsg); !ok || msg.total != 100 {
		t.Fatalf("first report %+v", msg)
	}
	<-finished // blocks for ever if the update waited for the reader
}
