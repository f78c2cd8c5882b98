package typeset

import (
	"os"
	"strings"
	"testing"

	"dubao/model"
)

// seedBlocks reads the seed edition directly (the parser is not this
// package's business) and splits it into paragraphs at blank lines.
func seedBlocks(t testing.TB) []model.Block {
	t.Helper()
	data, err := os.ReadFile("../seeds/000_d90216ad62ac1bd2.txt")
	if err != nil {
		t.Fatal(err)
	}
	var blocks []model.Block
	for p := range strings.SplitSeq(string(data), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			blocks = append(blocks, model.Block{Type: model.Paragraph, Text: p})
		}
	}
	if len(blocks) < 30 {
		t.Fatalf("seed gave %d paragraphs", len(blocks))
	}
	return blocks
}

// seedWidths are the widths for the seed.
var seedWidths = []int{20, 33, 40, 61, 80, 120}

func TestSeedBreaksNoRule(t *testing.T) {
	blocks := seedBlocks(t)
	variants := map[string]Options{
		"default":    {},
		"hanging":    {Hanging: true},
		"no indent":  {NoIndent: true},
		"half-width": {HalfWidthPunct: true},
	}
	for name, opt := range variants {
		for _, w := range seedWidths {
			opt.Width = w
			limit := w
			if opt.Hanging {
				limit += HangingGutter
			}
			lines := Blocks(blocks, opt)
			for i, b := range blocks {
				mine := blockLines(lines, i)
				checkGuarantees(t, b.Text, b.Type, opt, mine)
				for _, v := range violations(texts(mine), limit, b.Text) {
					t.Errorf("%s W=%d block %d %s: %q", name, w, i, v, mine[v.line].Text)
				}
			}
		}
	}
}

func TestSeedAmbiguousWide(t *testing.T) {
	defer SetAmbiguousWide(AmbiguousWide())
	SetAmbiguousWide(true)
	blocks := seedBlocks(t)
	for _, w := range seedWidths {
		lines := Blocks(blocks, Options{Width: w})
		for i, b := range blocks {
			mine := blockLines(lines, i)
			checkGuarantees(t, b.Text, b.Type, Options{Width: w}, mine)
			for _, v := range violations(texts(mine), w, b.Text) {
				t.Errorf("W=%d block %d %s: %q", w, i, v, mine[v.line].Text)
			}
		}
	}
}

// TestSeedFillsLines guards against a breaker that is correct by being
// timid: at each width, most lines of a long paragraph are nearly full.
func TestSeedFillsLines(t *testing.T) {
	blocks := seedBlocks(t)
	for _, w := range seedWidths {
		short, total := 0, 0
		lines := Blocks(blocks, Options{Width: w})
		for k, l := range lines {
			if k+1 < len(lines) && lines[k+1].Block == l.Block {
				total++
				if l.Width < w-3 {
					short++
				}
			}
		}
		if total == 0 || short*10 > total {
			t.Errorf("W=%d: %d of %d inner lines are more than 3 cells short", w, short, total)
		}
	}
}

// blockLines returns the lines of block i.
func blockLines(lines []Line, i int) []Line {
	var out []Line
	for _, l := range lines {
		if l.Block == i {
			out = append(out, l)
		}
	}
	return out
}
