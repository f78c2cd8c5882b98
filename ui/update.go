package ui

import (
	"context"
	"slices"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/ui/picker"
	"dubao/ui/search"
)

// Updater fetches what is new for every subscription, as dubao update
// does. It calls progress as it starts on each subscription (the first is
// 1 of total), from its own goroutine, and returns the edition folders that
// changed and, for each subscription that failed, why.
type Updater func(ctx context.Context, progress func(done, total int)) (changed []string, failed []error)

// updateState is U's update under way: the subscription it is at, and
// the channel its reports come on.
type updateState struct {
	Done, Total int
	reports     <-chan tea.Msg
}

// updateProgressMsg says the update started on subscription done of total.
type updateProgressMsg struct{ done, total int }

// updateDoneMsg ends the update.
type updateDoneMsg struct {
	changed []string
	failed  []error
}

// reopenedMsg is the shelf opened again after an update, with the new
// editions on it.
type reopenedMsg struct {
	sh *library.Shelf
	// grown: the edition shown is one the update changed (a feed's
	// edition of the day that gained items), to be read again.
	grown bool
	err   error
}

// startUpdate runs the update in the background (U); the status line
// follows it. A second U while one runs does nothing.
func (m *Model) startUpdate() tea.Cmd {
	if m.opt.Update == nil || !m.lib.on() || m.lib.updating {
		return nil
	}
	run := m.opt.Update
	// The update never waits for the reader: a report not taken yet is
	// replaced by the next (the last, updateDoneMsg, is never replaced),
	// so an update still running when the reader quits can end.
	reports := make(chan tea.Msg, 1)
	send := func(msg tea.Msg) {
		for {
			select {
			case reports <- msg:
				return
			default:
				select {
				case <-reports:
				default:
				}
			}
		}
	}
	m.lib.updating, m.lib.update = true, updateState{reports: reports}
	return func() tea.Msg {
		go func() {
			changed, failed := run(context.Background(), func(done, total int) {
				send(updateProgressMsg{done: done, total: total})
			})
			send(updateDoneMsg{changed: changed, failed: failed})
		}()
		return <-reports
	}
}

// waitUpdate returns the command that waits for the update's next report.
func waitUpdate(reports <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-reports }
}

// updateMsg takes in the update's reports: progress for the status line,
// then what it brought (or the first failure, on one line), and once the
// shelf is opened again with the new editions, the shelf.
func (m *Model) updateMsg(msg tea.Msg) tea.Cmd {
	lang := m.common.Lang
	switch msg := msg.(type) {
	case updateProgressMsg:
		m.lib.update.Done, m.lib.update.Total = msg.done, msg.total
		return waitUpdate(m.lib.update.reports)
	case updateDoneMsg:
		m.lib.updating = false
		first := ""
		if len(msg.failed) > 0 {
			first = oneLine(msg.failed[0].Error())
		}
		m.note = lang.Updated(len(msg.changed), len(msg.failed), first)
		if len(msg.changed) == 0 {
			return nil
		}
		sh, changed := m.lib.sh, msg.changed
		grown := slices.Contains(changed, m.lib.rec.Path)
		return m.lib.jobs.do(func(ctx context.Context) tea.Msg {
			re, err := sh.Reopen(ctx, changed...)
			return reopenedMsg{sh: re, grown: grown, err: err}
		})
	case reopenedMsg:
		if msg.err != nil {
			m.note = lang.Failed(msg.err)
			return nil
		}
		old := m.lib.sh
		m.lib.sh, m.lib.indexing = msg.sh, true
		if m.overlay != overlayLibrary {
			m.libsearch = search.NewLibrary(m.common, msg.sh.Search)
			m.libsearch.SetSize(m.lay.OverlayInner.W, m.lay.OverlayInner.H)
		}
		cmds := []tea.Cmd{m.lib.watchProgress(), func() tea.Msg { old.Close(); return nil }}
		if msg.grown {
			// Read again where the reader is; the new stories come after
			// the ones there were (see formats/fetched), so marks stay.
			cmds = append(cmds, m.loadEdition(m.lib.rec, target{}))
		}
		if m.overlay == overlayPicker && m.pick == picker.Editions {
			cmds = append(cmds, m.lib.fetchEditions())
		}
		return tea.Batch(cmds...)
	}
	return nil
}

// oneLine makes an error one line of text for the status line: what a
// server sent may hold line breaks or control characters.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
