package lookup

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"dubao/dict"
	"dubao/typeset"
	"dubao/ui/common"
	"dubao/ui/styles"
)

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in   string
		w    int
		want []string
	}{
		{"to develop; to grow", 10, []string{"to", "develop;", "to grow"}},
		{"to develop; to grow", 40, []string{"to develop; to grow"}},
		{"supercalifragilistic word", 8, []string{"supercal", "ifragili", "stic", "word"}},
		{"see 發展|发展[fa1 zhan3]", 12, []string{"see", "發展|发展[fa", "1 zhan3]"}},
		{"", 5, []string{""}},
		{"a\tb\x1bc", 10, []string{"a bc"}}, // control characters never reach the screen
	} {
		got := wrap(c.in, c.w)
		if !slices.Equal(got, c.want) {
			t.Errorf("wrap(%q, %d) = %q, want %q", c.in, c.w, got, c.want)
		}
		for _, l := range got {
			if typeset.Width(l) > c.w {
				t.Errorf("wrap(%q, %d): %q is wider", c.in, c.w, l)
			}
		}
	}
}

// boxModel is the mode with its box open on word, looked up in d.
func boxModel(d *dict.Dict, word string) Model {
	m := New(common.Common{Styles: styles.New(styles.Config{NoColor: true})}, nil)
	m.dict, m.active, m.box = d, true, true
	m.word, m.entries = word, d.Lookup(word)
	return m
}

func TestBoxFits(t *testing.T) {
	var senses []string
	for range 12 {
		senses = append(senses, "a rather long sense of the word, to be wrapped over several rows")
	}
	d, err := dict.Parse([]byte("發展 发展 [fa1 zhan3] /" + strings.Join(senses, "/") + "/\n" +
		"發展 发展 [Fa1 zhan3] /a second reading/\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := boxModel(d, "发展")
	for _, size := range [][2]int{{100, 40}, {56, 30}, {32, 9}, {20, 5}, {8, 3}, {3, 2}, {1, 1}} {
		w, h := size[0], size[1]
		rows := m.Box(w, h)
		if len(rows) == 0 || len(rows) > h {
			t.Fatalf("%dx%d: %d rows", w, h, len(rows))
		}
		bw := typeset.Width(rows[0])
		for i, r := range rows {
			if got := typeset.Width(r); got != bw || got > w {
				t.Fatalf("%dx%d: row %d is %d cells, row 0 %d:\n%s", w, h, i, got, bw, strings.Join(rows, "\n"))
			}
		}
		plain := ansi.Strip(strings.Join(rows, "\n"))
		if last := ansi.Strip(rows[len(rows)-1]); !strings.HasPrefix(dict.Attribution, strings.TrimRight(strings.TrimSuffix(strings.TrimSpace(last), "…"), " ")) {
			t.Errorf("%dx%d: the last row is %q, not the attribution", w, h, last)
		}
		if h >= 9 && w >= 32 && (!strings.Contains(plain, "发展 發展") || !strings.Contains(plain, "fā zhǎn") || strings.Contains(plain, "…") != (h < 29)) {
			t.Errorf("%dx%d: the box misses the word, its pinyin or the ellipsis:\n%s", w, h, plain)
		}
	}
	// Room for all of it: both readings, no ellipsis.
	plain := ansi.Strip(strings.Join(m.Box(56, 100), "\n"))
	if !strings.Contains(plain, "Fā zhǎn") || !strings.Contains(plain, "12 a rather") || strings.Contains(plain, "…") {
		t.Errorf("a tall box:\n%s", plain)
	}
	// The printed form comes first.
	if plain := ansi.Strip(strings.Join(boxModel(d, "發展").Box(56, 10), "\n")); !strings.Contains(plain, "發展 发展  fā zhǎn") {
		t.Errorf("traditional first:\n%s", plain)
	}
}
