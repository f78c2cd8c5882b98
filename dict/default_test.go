package dict

import (
	"bytes"
	"compress/gzip"
	"dubao/internal/cputime"
	"io"
	"runtime"
	"strings"
	"testing"

	"dubao/model"
	"dubao/seeds"
	"dubao/typeset"
)

// maxHeap is the goal for what the loaded dictionary may cost.
const maxHeap = 30 << 20

func TestDefault(t *testing.T) {
	d, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() < 100000 || d.Date != "2026-09-10T07:14:51Z" {
		t.Errorf("CC-CEDICT: %d entries, dated %q", d.Len(), d.Date)
	}
	if again, _ := Default(); again != d {
		t.Error("Default loaded twice")
	}
	es := d.Lookup("發展")
	if len(es) == 0 || es[0].Simplified != "发展" || es[0].PinyinMarks() != "fā zhǎn" {
		t.Errorf("發展: %+v", es)
	}
	if es := d.Lookup("女儿"); len(es) == 0 || es[0].PinyinMarks() != "nǚ ér" {
		t.Errorf("女儿: %+v", es)
	}
	text := "研究生命起源，三厂工业园区聚焦高质量发展。"
	if got := words(text, d.Segment(text)); got != "研究|生命|起源|，|三|厂|工业园区|聚焦|高质量|发展|。" {
		t.Errorf("Segment: %s", got)
	}
	// Every line of the file is an entry or a comment: none was dropped.
	zr, err := gzip.NewReader(bytes.NewReader(cedict))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for l := range strings.SplitSeq(string(raw), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			lines++
		}
	}
	if lines != d.Len() || !strings.Contains(string(raw), "#! entries=125049") || d.Len() != 125049 {
		t.Errorf("%d entry lines, %d entries", lines, d.Len())
	}
	if !strings.Contains(string(raw[:2000]), "Creative Commons Attribution-ShareAlike 4.0") {
		t.Error("the embedded file lost its licence header")
	}
}

// TestDefaultMemory checks the goal: the loaded dictionary costs at most
// 30 MB of heap, measured after a collection on either side.
func TestDefaultMemory(t *testing.T) {
	heap := loadedHeap(t)
	t.Logf("CC-CEDICT loaded: %.1f MB of heap", float64(heap)/(1<<20))
	if heap > maxHeap {
		t.Errorf("loaded dictionary costs %d bytes, goal %d", heap, maxHeap)
	}
}

// loadedHeap is the heap a fresh load of the embedded dictionary keeps.
func loadedHeap(t testing.TB) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d, err := Gunzip(cedict)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}

// BenchmarkLoad unpacks and indexes CC-CEDICT, as the first lookup does;
// BenchmarkLoadGunzip is its peer, unpacking alone. heap-MB is what the
// loaded dictionary keeps.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(cedict)))
	start := cputime.Now()
	for b.Loop() {
		if _, err := Gunzip(cedict); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
	b.ReportMetric(float64(loadedHeap(b))/(1<<20), "heap-MB")
}

func BenchmarkLoadGunzip(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(cedict)))
	start := cputime.Now()
	for b.Loop() {
		zr, err := gzip.NewReader(bytes.NewReader(cedict))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadAll(zr); err != nil {
			b.Fatal(err)
		}
	}
	cputime.Report(b, start)
}

// pageText is about a page of the seed edition's body: 40 rows of 42
// characters, what a tall terminal shows.
func pageText(b *testing.B) string {
	ed, err := model.Parse(seeds.Default, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, s := range ed.Sections {
		for _, a := range s.Articles {
			for _, bl := range a.Body {
				sb.WriteString(bl.Text)
				if sb.Len() >= 40*42*3 {
					return sb.String()
				}
			}
		}
	}
	return sb.String()
}

// BenchmarkSegmentPage segments a page of text against CC-CEDICT, the
// work of opening lookup on a page; BenchmarkTypesetPage, its peer, sets
// the same text in lines as the article pane does.
func BenchmarkSegmentPage(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	text := pageText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		d.Segment(text)
	}
	cputime.Report(b, start)
}

func BenchmarkTypesetPage(b *testing.B) {
	text := pageText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	start := cputime.Now()
	for b.Loop() {
		typeset.Text(text, 0, model.Paragraph, typeset.Options{Width: 84})
	}
	cputime.Report(b, start)
}

// BenchmarkLookup looks up words of the seed, found and not, in both
// scripts.
func BenchmarkLookup(b *testing.B) {
	d, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	ws := []string{"发展", "發展", "工业园区", "长", "招商引资", "何", "不在词典里的词"}
	b.ReportAllocs()
	start := cputime.Now()
	for i := 0; b.Loop(); i++ {
		d.Lookup(ws[i%len(ws)])
	}
	cputime.Report(b, start)
}
