package typeset

import (
	"math/rand/v2"
	"strings"
	"testing"

	"dubao/model"
)

// setChunked sets text as Text does, but in chunks of chunk bytes with
// forced cuts after force bytes without a seam; chunk < 0 sets the whole
// block at once.
func setChunked(text string, typ model.BlockType, opt Options, chunk, force int) []Line {
	s := newSetter(opt)
	if chunk < 0 {
		s.chunk = len(text) + 1
	} else {
		s.chunk, s.force = chunk, force
	}
	return s.set(nil, text, 0, typ)
}

// sameLines fails t unless got and want are the same lines, with the same
// source ranges and the same mapping of each line's source to its text.
func sameLines(t *testing.T, what string, got, want []Line) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d lines, whole block %d:\n%q\n%q", what, len(got), len(want), texts(got), texts(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.Text != w.Text || g.Width != w.Width || g.Start != w.Start || g.End != w.End || g.Block != w.Block || g.Type != w.Type {
			t.Fatalf("%s: line %d is %q [%d,%d) w%d, whole block %q [%d,%d) w%d", what, i,
				g.Text, g.Start, g.End, g.Width, w.Text, w.Start, w.End, w.Width)
		}
		for s := g.Start; s < g.End; s++ {
			gf, gt, gok := g.Span(s, s+1)
			wf, wt, wok := w.Span(s, s+1)
			if gf != wf || gt != wt || gok != wok {
				t.Fatalf("%s: line %d Span(%d) = %d,%d,%v, whole block %d,%d,%v", what, i, s, gf, gt, gok, wf, wt, wok)
			}
		}
	}
}

// seamed joins pieces with text that holds a seam: eight ideographs, or
// Latin words, so that small chunks cut there.
func seamed(pieces []string) string {
	var b strings.Builder
	for i, p := range pieces {
		b.WriteString(p)
		if i%2 == 0 {
			b.WriteString("的是在不了有和人这")
		} else {
			b.WriteString(" word with letters ")
		}
	}
	return b.String()
}

// TestChunkedAgrees sets long generated blocks in small chunks and as whole
// blocks: the lines must be the same.
func TestChunkedAgrees(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 11))
	for k := range 60 {
		var pieces []string
		for range r.IntN(30) + 1 {
			pieces = append(pieces, genText(r))
		}
		text := seamed(pieces)
		if k%3 == 0 {
			text = strings.Join(pieces, "") // seams only where the text has them
		}
		typ := []model.BlockType{model.Paragraph, model.Intertitle, model.Caption}[r.IntN(3)]
		for _, w := range []int{2, 7, 16, 33, 80} {
			opt := Options{Width: w, Hanging: r.IntN(3) == 0, NoIndent: r.IntN(4) == 0, HalfWidthPunct: r.IntN(5) == 0}
			want := setChunked(text, typ, opt, -1, 0)
			for _, chunk := range []int{1, 40, 300} {
				sameLines(t, "generated", setChunked(text, typ, opt, chunk, 1<<30), want)
			}
		}
	}
}

// TestChunkedSeed sets the whole seed edition as one block, as a file of
// one line arrives, in chunks and whole.
func TestChunkedSeed(t *testing.T) {
	text := strings.Join(seedParagraphs(t), "")
	for _, w := range []int{20, 61, 80} {
		opt := Options{Width: w}
		want := setChunked(text, model.Paragraph, opt, -1, 0)
		sameLines(t, "seed", setChunked(text, model.Paragraph, opt, 100, 1<<30), want)
		sameLines(t, "seed", Text(text, 0, model.Paragraph, opt), want)
	}
}

// TestChunkedForcedCut sets text with no seam at all in chunks that must be
// cut where no seam is: every guarantee still holds and all the text is
// shown, in order.
func TestChunkedForcedCut(t *testing.T) {
	for _, text := range []string{
		strings.Repeat("0123456789", 300),
		strings.Repeat("“引号”（括号）", 200),
		strings.Repeat("abcdefghij", 300),
		strings.Repeat(" ", 500) + strings.Repeat("中文", 500),
	} {
		for _, w := range []int{5, 33} {
			opt := Options{Width: w}
			lines := setChunked(text, model.Paragraph, opt, 50, 200)
			checkGuarantees(t, text, model.Paragraph, opt, lines)
		}
	}
}

// FuzzChunked sets arbitrary text, joined by text with seams, in chunks
// and whole; the lines must be the same. Run with
//
//	go test ./typeset -run '^$' -fuzz FuzzChunked -fuzztime 5m
func FuzzChunked(f *testing.F) {
	for _, b := range seedParagraphs(f)[:4] {
		f.Add(b, 33, uint8(0), uint16(20))
	}
	for _, s := range []string{
		"一二三\x00四，五六", "说完了。”\x00“你好", "，，\x00，，，，", "收入1100\x00万美元。", "( ( \x00( (中",
		"\t\x00\u0301", "a\x00b", "\x00\x00\x00", "1\x002\x003",
	} {
		f.Add(s, 4, uint8(0), uint16(1))
		f.Add(s, 11, uint8(0xff), uint16(7))
	}
	f.Fuzz(func(t *testing.T, text string, w int, flags uint8, chunk uint16) {
		w %= 130
		opt := Options{Width: w, Hanging: flags&1 != 0, NoIndent: flags&2 != 0, HalfWidthPunct: flags&4 != 0}
		typ := []model.BlockType{model.Paragraph, model.Intertitle, model.Caption}[int(flags>>3)%3]
		// NUL is dropped from what is shown anyway; here it marks where
		// the fuzzer's pieces meet the text with seams.
		text = seamed(strings.Split(text, "\x00"))
		want := setChunked(text, typ, opt, -1, 0)
		sameLines(t, "fuzz", setChunked(text, typ, opt, int(chunk%512), 1<<30), want)
		forced := setChunked(text, typ, opt, int(chunk%512), int(chunk%512)+1)
		checkGuarantees(t, text, typ, opt, forced)
	})
}

// TestScratchSameLines checks that a Stream reusing its buffers gives the
// lines a Stream that does not gives, each read before the next is set.
func TestScratchSameLines(t *testing.T) {
	text := strings.Repeat(strings.Join(seedParagraphs(t), "\t"), 30)
	opt := Options{Width: 33, Hanging: true}
	want := Text(text, 0, model.Paragraph, opt)
	st := NewStream(text, 0, model.Paragraph, opt)
	st.Scratch()
	i := 0
	for l, ok := st.Next(); ok; l, ok = st.Next() {
		if i >= len(want) || l.Text != want[i].Text || l.Start != want[i].Start || l.End != want[i].End {
			t.Fatalf("line %d: %q [%d,%d)", i, l.Text, l.Start, l.End)
		}
		if f, e, ok := l.Span(l.Start, l.End); ok != (want[i].Text != "") || !ok && (f != 0 || e != 0) {
			t.Fatalf("line %d: Span %d,%d,%v", i, f, e, ok)
		}
		i++
	}
	if i != len(want) {
		t.Fatalf("%d lines, want %d", i, len(want))
	}
}

// TestStreamBounded sets eight megabytes of one block, as a file of one
// line arrives, and checks that the setter's buffers stay the size of a
// chunk, not of the block: memory does not grow with the block.
func TestStreamBounded(t *testing.T) {
	var b strings.Builder
	for b.Len() < 8<<20 {
		b.WriteString(strings.Join(seedParagraphs(t), ""))
	}
	text := b.String()
	st := NewStream(text, 0, model.Paragraph, Options{Width: 80})
	st.Scratch()
	n, end := 0, 0
	for l, ok := st.Next(); ok; l, ok = st.Next() {
		if l.Start != end {
			t.Fatalf("line %d starts at %d, the one before ended at %d", n, l.Start, end)
		}
		end = l.End
		n++
		if c := cap(st.s.cl); c > 4*chunkBytes {
			t.Fatalf("after %d lines the setter holds %d clusters", n, c)
		}
		if c := cap(st.s.buf); c > 4*chunkBytes {
			t.Fatalf("after %d lines the display buffer holds %d bytes", n, c)
		}
	}
	if end != len(text) || n < len(text)/3/40 {
		t.Fatalf("%d lines ending at %d of %d", n, end, len(text))
	}
}
