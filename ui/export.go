package ui

import (
	"os"
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"dubao/library"
	"dubao/model"
)

// markdown returns the story shown as Markdown, and the file name x gives
// it; ok is false when no story is shown.
func (m Model) markdown() (md, name string, ok bool) {
	a := m.article.Article()
	if a == nil {
		return "", "", false
	}
	ed := *m.ed
	if ed.Date == "" {
		// The date may come from the file's name alone.
		ed.Date = m.lib.rec.Date
	}
	return model.ArticleMarkdown(&ed, a), library.ExportName(ed.Date, a), true
}

// export is x: the story shown is written as Markdown to a file in the
// export directory (made if missing), and the status line says where.
func (m *Model) export() tea.Cmd {
	md, name, ok := m.markdown()
	if !ok {
		return nil
	}
	dir := m.opt.ExportDir
	return func() tea.Msg {
		path := filepath.Join(dir, name)
		err := os.MkdirAll(filepath.Dir(path), 0o755)
		if err == nil {
			err = os.WriteFile(path, []byte(md), 0o644)
		}
		return exportedMsg{path: path, err: err}
	}
}

// copyArticle is y: the story shown goes to the terminal's clipboard as
// Markdown, by OSC 52. Whether the terminal takes it cannot be known.
func (m *Model) copyArticle() tea.Cmd {
	md, _, ok := m.markdown()
	if !ok {
		return nil
	}
	m.note = m.common.Lang.Title("copied")
	return tea.SetClipboard(md)
}
