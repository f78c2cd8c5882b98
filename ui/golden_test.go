package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"dubao/model"
	"dubao/typeset"
	"dubao/ui/common"
)

// TestGolden compares whole frames, without their styles, with files under
// testdata/TestGolden; run `go test ./ui -run Golden -update` to rewrite
// them, and read the diff before committing it.
func TestGolden(t *testing.T) {
	if typeset.AmbiguousWide() {
		t.Skip("the golden frames are drawn with ambiguous characters narrow")
	}
	ed, withURLs := seed(t), urlEdition(t)
	tests := []struct {
		name string
		w, h int
		lang common.Lang
		keys []tea.Msg
		// ed is the edition shown, the seed when nil.
		ed *model.Edition
	}{
		{"start_120x40", 120, 40, common.English, nil, nil},
		{"readme_100x30", 100, 30, common.Chinese, nil, nil},
		{"article_page2_80x24_zh", 80, 24, common.Chinese, press("tab", "space"), nil},
		{"photo_story_80x24", 80, 24, common.English, press("j", "tab"), nil},
		{"one_pane_list_40x15", 40, 15, common.Chinese, press("2"), nil},
		{"one_pane_article_40x15", 40, 15, common.Chinese, press("3", "enter"), nil},
		{"search_80x24", 80, 24, common.English, press("/", "禁渔"), nil},
		{"help_100x30", 100, 30, common.English, press("?"), nil},
		{"picker_60x20", 60, 20, common.Chinese, press("s"), nil},
		{"too_small_29x9", 29, 9, common.Chinese, nil, nil},
		{"url_120x40", 120, 40, common.English, nil, withURLs},
		{"url_80x24_zh", 80, 24, common.Chinese, press("tab"), withURLs},
		{"url_one_pane_40x15", 40, 15, common.English, press("enter"), withURLs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := ed
			if tt.ed != nil {
				e = tt.ed
			}
			m := newModel(t, e, tt.w, tt.h, tt.lang)
			m = send(t, m, tt.keys...)
			golden.RequireEqual(t, strings.Join(screen(m), "\n")+"\n")
		})
	}
}

// TestGoldenLibrary compares frames of the library's boxes on a shelf of
// two editions, each from a new store.
func TestGoldenLibrary(t *testing.T) {
	if typeset.AmbiguousWide() {
		t.Skip("the golden frames are drawn with ambiguous characters narrow")
	}
	tests := []struct {
		name string
		w, h int
		lang common.Lang
		keys []tea.Msg
	}{
		{"editions_80x24_zh", 80, 24, common.Chinese, press("m", "e")},
		{"library_search_100x30", 100, 30, common.English, append([]tea.Msg{ctrl('f')}, press("禁渔")...)},
		{"bookmarks_60x20_zh", 60, 20, common.Chinese, press("3", "B", "'")},
		{"unread_only_80x24", 80, 24, common.English, press("m", "u")},
		{"help_library_120x40", 120, 40, common.English, press("?")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, data := shelfDir(t)
			m := openShelf(t, dir, data).reader(t, tt.w, tt.h, tt.lang)
			m = send(t, m, tt.keys...)
			golden.RequireEqual(t, strings.Join(screen(m), "\n")+"\n")
		})
	}
}
