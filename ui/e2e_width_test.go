package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dubao/ui/styles"
)

// rulerScript prints each row of the file $1 at the start of a line of its
// own window and asks tmux where the cursor went (a cursor position
// report), writing the column after each row to $2, then "done". So rows
// are measured by what tmux draws, its own wcwidth and its folding of
// what follows a ZWJ, not by any width function of ours.
const rulerScript = `stty raw -echo
while IFS= read -r row <&3; do
	printf '\r\033[2K%s\033[6n' "$row"
	IFS= read -r -d R reply
	printf '%s\n' "${reply##*;}" >> "$2"
done 3< "$1"
printf 'done\n' >> "$2"
sleep 30
`

// ruler measures rows in a tmux window of its own, 500 columns wide.
type ruler struct {
	s      *tmuxSession
	script string
	n      int
}

func newRuler(s *tmuxSession) *ruler {
	script := filepath.Join(s.t.TempDir(), "ruler.sh")
	if err := os.WriteFile(script, []byte(rulerScript), 0o644); err != nil {
		s.t.Fatal(err)
	}
	return &ruler{s: s, script: script}
}

// widths returns the cells tmux draws each row in. Each distinct row is
// measured once.
func (r *ruler) widths(rows []string) []int {
	t := r.s.t
	t.Helper()
	index := map[string]int{}
	var distinct []string
	for _, row := range rows {
		if _, ok := index[row]; !ok {
			index[row] = len(distinct)
			distinct = append(distinct, row)
		}
	}
	ws := r.measure(distinct)
	out := make([]int, len(rows))
	for i, row := range rows {
		out[i] = ws[index[row]]
	}
	return out
}

func (r *ruler) measure(rows []string) []int {
	t := r.s.t
	t.Helper()
	r.n++
	dir := t.TempDir()
	in, out := filepath.Join(dir, "rows"), filepath.Join(dir, "cols")
	if err := os.WriteFile(in, []byte(strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("ruler%d", r.n)
	r.s.tmux("new-session", "-d", "-s", name, "-x", "500", "-y", "5", "bash", r.script, in, out)
	defer r.s.tmux("kill-session", "-t", name)
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, _ := os.ReadFile(out)
		if lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"); lines[len(lines)-1] == "done" {
			lines = lines[:len(lines)-1]
			if len(lines) != len(rows) {
				t.Fatalf("the ruler measured %d of %d rows", len(lines), len(rows))
			}
			ws := make([]int, len(lines))
			for i, l := range lines {
				col, err := strconv.Atoi(l)
				if err != nil {
					t.Fatalf("ruler: %q", l)
				}
				ws[i] = col - 1
			}
			return ws
		}
		if time.Now().After(deadline) {
			t.Fatalf("the ruler did not finish: %q", b)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// innerEdges are where the list pane's frame meets the article pane's.
var innerEdges = []string{"││", "╮╭", "╯╰"}

// alignedError checks a captured screen as tmux draws it: every row that
// ends in a frame's right edge ends in the window's last column, no row is
// wider, and where two panes stand side by side the first one's right edge
// is in the same column on every row.
func (r *ruler) alignedError(rows []string) error {
	b := styles.New(styles.Config{}).Border
	probe := append([]string(nil), rows...)
	split := make([]int, len(rows)) // index into probe of the row's left pane, or -1
	for i, row := range rows {
		split[i] = -1
		for _, e := range innerEdges {
			if j := strings.Index(row, e); j >= 0 {
				split[i] = len(probe)
				probe = append(probe, row[:j+len(e)/2])
				break
			}
		}
	}
	ws := r.widths(probe)
	inner := -1
	for i, row := range rows {
		framed := strings.HasSuffix(row, b.Right) || strings.HasSuffix(row, b.TopRight) || strings.HasSuffix(row, b.BottomRight)
		if w := ws[i]; w > r.s.w || framed && w != r.s.w {
			return fmt.Errorf("%dx%d: tmux draws row %d in %d cells:\n%s", r.s.w, r.s.h, i, w, strings.Join(rows, "\n"))
		}
		if split[i] < 0 {
			continue
		}
		if w := ws[split[i]]; inner < 0 {
			inner = w
		} else if w != inner {
			return fmt.Errorf("%dx%d: the list pane's right edge is in column %d on row %d, %d above:\n%s", r.s.w, r.s.h, w, i, inner, strings.Join(rows, "\n"))
		}
	}
	return nil
}

// waitAligned polls the screen until it shows want and every row is aligned
// as tmux draws it (a capture can catch the renderer mid-frame).
func (r *ruler) waitAligned(want ...string) []string {
	s := r.s
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		rows := strings.Split(strings.TrimSuffix(s.tmux("capture-pane", "-p", "-t", "r"), "\n"), "\n")
		text := strings.Join(rows, "\n")
		shown := true
		for _, w := range want {
			shown = shown && strings.Contains(text, w)
		}
		var err error
		if shown {
			if err = r.alignedError(rows); err == nil {
				return rows
			}
		}
		if time.Now().After(deadline) {
			if err != nil {
				s.t.Fatal(err)
			}
			s.t.Fatalf("%dx%d: screen never shows %q:\n%s", s.w, s.h, want, text)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestEndToEndScriptsAligned reads scriptsEdition in tmux 3.3, which has not
// said it clusters graphemes, at 120x40, 80x24 and 40x15: every story in the
// list and open, and every row's right border in the last column as tmux
// itself draws the row.
func TestEndToEndScriptsAligned(t *testing.T) {
	bin := buildDubao(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("the ruler needs bash")
	}
	file := filepath.Join(t.TempDir(), "scripts.txt")
	if err := os.WriteFile(file, []byte(scriptsEdition), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newTmux(t, "scripts")
	r := newRuler(s)
	headlines := []string{"表情符号的读法", "与组合符号", "的元音", "与连字", "与韩文字母"}
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 15}} {
		s.start("C.UTF-8", "", t.TempDir(), bin, file)
		s.resize(size[0], size[1])
		// Down the list, each story selected (and shown beside it where
		// there is room)...
		for i := range headlines {
			if i > 0 {
				s.send("j")
			}
			r.waitAligned(fmt.Sprintf("story %d/5", i+1))
		}
		// ...then each story open, back up with p.
		s.send("Enter")
		for i := len(headlines) - 1; i >= 0; i-- {
			if i < len(headlines)-1 {
				s.send("p")
			}
			r.waitAligned(headlines[i], fmt.Sprintf("story %d/5", i+1), "page 1/")
		}
		s.quit()
	}
}
