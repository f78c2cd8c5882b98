package typeset

import (
	"dubao/internal/cputime"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"dubao/model"
)

// benchBlocks repeats the seed's paragraphs to about a megabyte.
func benchBlocks(b *testing.B) ([]model.Block, int64) {
	seed := seedBlocks(b)
	var blocks []model.Block
	var size int64
	for size < 1<<20 {
		for _, bl := range seed {
			blocks = append(blocks, bl)
			size += int64(len(bl.Text))
		}
	}
	return blocks, size
}

// wrapper sets every block at width w and returns each block's lines.
type wrapper struct {
	name string
	wrap func(blocks []model.Block, w int) [][]string
}

var wrappers = []wrapper{
	{"typeset", func(blocks []model.Block, w int) [][]string {
		// The lines come in block order: one array holds them all, and
		// each block's slice is a piece of it, as strings.Split sizes
		// its slice once for the others.
		lines := Blocks(blocks, Options{Width: w})
		all := make([]string, len(lines))
		out := make([][]string, len(blocks))
		from := 0
		for i, l := range lines {
			all[i] = l.Text
			if i+1 == len(lines) || lines[i+1].Block != l.Block {
				out[l.Block] = all[from : i+1 : i+1]
				from = i + 1
			}
		}
		return out
	}},
	{"lipgloss", func(blocks []model.Block, w int) [][]string {
		st := lipgloss.NewStyle().Width(w)
		out := make([][]string, len(blocks))
		for i, bl := range blocks {
			out[i] = strings.Split(st.Render(bl.Text), "\n")
		}
		return out
	}},
	{"ansi.Wrap", func(blocks []model.Block, w int) [][]string {
		out := make([][]string, len(blocks))
		for i, bl := range blocks {
			out[i] = strings.Split(ansi.Wrap(bl.Text, w, ""), "\n")
		}
		return out
	}},
}

// BenchmarkWrap compares this typesetter with Lip Gloss and x/ansi on the
// same megabyte of Chinese text, and reports how many rule violations each
// output has (counted once, outside the timing).
func BenchmarkWrap(b *testing.B) {
	blocks, size := benchBlocks(b)
	for _, w := range []int{40, 80, 120} {
		for _, wr := range wrappers {
			b.Run(fmt.Sprintf("W=%d/%s", w, wr.name), func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				var out [][]string
				cpu := cputime.Now()
				for b.Loop() {
					out = wr.wrap(blocks, w)
				}
				reportCPU(b, cputime.Now()-cpu, size)
				bad := 0
				for i, lines := range out {
					bad += len(violations(lines, w, blocks[i].Text))
				}
				b.ReportMetric(float64(bad), "violations")
			})
		}
	}
}

// reportCPU reports the CPU time per operation and the throughput it
// gives: on a machine shared with other work these compare two runs where
// wall time does not.
func reportCPU(b *testing.B, cpu time.Duration, size int64) {
	if cpu <= 0 || b.N == 0 {
		return
	}
	per := float64(cpu.Nanoseconds()) / float64(b.N)
	b.ReportMetric(per, "cpu-ns/op")
	b.ReportMetric(float64(size)/per*1e9/1e6, "cpu-MB/s")
}

// BenchmarkTypeset times the typesetter alone, without collecting lines
// per block.
func BenchmarkTypeset(b *testing.B) {
	blocks, size := benchBlocks(b)
	for _, w := range []int{40, 80, 120} {
		b.Run(fmt.Sprintf("W=%d", w), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			cpu := cputime.Now()
			for b.Loop() {
				Blocks(blocks, Options{Width: w})
			}
			reportCPU(b, cputime.Now()-cpu, size)
		})
	}
}

// BenchmarkOneLongBlock sets 8 MB of text as a single block, as a file of
// one line arrives, and beside it (the peer) the same text as the
// paragraphs it was made of: time and memory per byte should be alike.
// alloc-x is the bytes allocated per byte of input; peak memory can be no
// less.
func BenchmarkOneLongBlock(b *testing.B) {
	blocks, _ := benchBlocks(b)
	var all []model.Block
	var text strings.Builder
	for range 8 {
		for _, blk := range blocks {
			all = append(all, blk)
			text.WriteString(blk.Text)
		}
	}
	one := []model.Block{{Type: model.Paragraph, Text: text.String()}}
	for _, bc := range []struct {
		name   string
		blocks []model.Block
	}{{"one-block", one}, {"peer=paragraphs", all}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(text.Len()))
			b.ReportAllocs()
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			for b.Loop() {
				Blocks(bc.blocks, Options{Width: 80})
			}
			runtime.ReadMemStats(&ms1)
			b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(b.N)/float64(text.Len()), "alloc-x")
		})
	}
}

// BenchmarkWrapSideBySide sets the megabyte with this typesetter and with
// x/ansi's Wrap in turn within each iteration, so that both meet the same
// load on a shared machine, and reports each one's throughput by wall and
// by CPU time and the ratio (typeset over Wrap; above 1 is faster).
func BenchmarkWrapSideBySide(b *testing.B) {
	blocks, size := benchBlocks(b)
	for _, w := range []int{40, 80, 120} {
		b.Run(fmt.Sprintf("W=%d", w), func(b *testing.B) {
			var wall, cpu [2]time.Duration
			for b.Loop() {
				for k, wr := range []wrapper{wrappers[0], wrappers[2]} {
					start, c := time.Now(), cputime.Now()
					wr.wrap(blocks, w)
					wall[k] += time.Since(start)
					cpu[k] += cputime.Now() - c
				}
			}
			mbs := func(d time.Duration) float64 { return float64(size) * float64(b.N) / d.Seconds() / 1e6 }
			b.ReportMetric(mbs(wall[0]), "typeset-MB/s")
			b.ReportMetric(mbs(wall[1]), "wrap-MB/s")
			b.ReportMetric(wall[1].Seconds()/wall[0].Seconds(), "ratio")
			if cpu[0] > 0 && cpu[1] > 0 {
				b.ReportMetric(cpu[1].Seconds()/cpu[0].Seconds(), "cpu-ratio")
			}
		})
	}
}
