package library

import (
	"context"
	"dubao/internal/cputime"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"dubao/model"
)

// The benchmarks run on a generated archive (see generate) parsed by the
// real parser, model.Parse. Its size is DUBAO_BENCH_EDITIONS editions,
// 1000 by default; the figures in the README are for 10000 (about 100,000
// articles). The archive and an indexed store of it are kept under
// $TMPDIR/dubao-bench between runs, since making them is the slow part.
//
//	DUBAO_BENCH_EDITIONS=10000 go test ./library -run '^$' -bench . -benchtime 1x

// benchEditions is the archive size for this run.
func benchEditions() int {
	if n, err := strconv.Atoi(os.Getenv("DUBAO_BENCH_EDITIONS")); err == nil && n > 0 {
		return n
	}
	return 1000
}

// benchArchive returns the generated archive of benchEditions editions,
// writing it on first use.
func benchArchive(tb testing.TB) archive {
	n := benchEditions()
	dir := filepath.Join(os.TempDir(), "dubao-bench", fmt.Sprintf("archive-%d", n))
	marker := filepath.Join(dir, ".complete")
	var ar archive
	if data, err := os.ReadFile(marker); err == nil && json.Unmarshal(data, &ar) == nil {
		ar.dir = dir
		return ar
	}
	os.RemoveAll(dir)
	ar = generate(tb, dir, n, 2024)
	data, _ := json.Marshal(ar)
	if err := os.WriteFile(marker, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return ar
}

// MarshalJSON and UnmarshalJSON keep an archive's counts in its marker file.
func (a archive) MarshalJSON() ([]byte, error) {
	return json.Marshal([3]int64{int64(a.editions), int64(a.articles), a.bytes})
}

func (a *archive) UnmarshalJSON(data []byte) error {
	var v [3]int64
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	a.editions, a.articles, a.bytes = int(v[0]), int(v[1]), v[2]
	return nil
}

// benchStore returns a data directory holding the archive indexed, making
// it on first use (and again when the parser changed).
func benchStore(tb testing.TB, ar archive) string {
	dir := filepath.Join(os.TempDir(), "dubao-bench", fmt.Sprintf("store-%d", ar.editions))
	importArchive(tb, ar, dir)
	return dir
}

// importArchive indexes the archive into the store in data (new, or
// brought up to date) and returns the number of articles indexed.
func importArchive(tb testing.TB, ar archive, data string) int {
	st, err := Open(Options{Dir: data})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	sh, err := st.OpenShelf(context.Background(), ar.dir)
	if err != nil {
		tb.Fatal(err)
	}
	if err := sh.Wait(); err != nil {
		tb.Fatal(err)
	}
	var n int
	st.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
	return n
}

// BenchmarkImport measures indexing the whole archive into a new store,
// against reading and parsing it alone (the floor any store adds to).
func BenchmarkImport(b *testing.B) {
	ar := benchArchive(b)
	b.Run("parse-only", func(b *testing.B) {
		b.SetBytes(ar.bytes)
		b.ReportAllocs()
		cpu := cputime.Now()
		for b.Loop() {
			filepath.WalkDir(ar.dir, func(path string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && filepath.Ext(path) == ".txt" {
					if _, err := model.Load(path); err != nil {
						b.Fatal(err)
					}
				}
				return nil
			})
		}
		b.ReportMetric(float64(ar.editions)*float64(b.N)/b.Elapsed().Seconds(), "editions/s")
		b.ReportMetric((cputime.Now()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	})
	b.Run("store", func(b *testing.B) {
		b.SetBytes(ar.bytes)
		b.ReportAllocs()
		var articles int
		var size int64
		cpu := cputime.Now()
		for b.Loop() {
			b.StopTimer()
			data := b.TempDir()
			b.StartTimer()
			articles = importArchive(b, ar, data)
			b.StopTimer()
			size = dirSize(data)
			b.StartTimer()
		}
		b.ReportMetric(float64(ar.editions)*float64(b.N)/b.Elapsed().Seconds(), "editions/s")
		b.ReportMetric(float64(articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		b.ReportMetric(float64(articles), "articles")
		b.ReportMetric(float64(size)/(1<<20), "store-MB")
		b.ReportMetric((cputime.Now()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	})
}

func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// firstFrame does what the reader does before its first frame: open the
// store and the shelf, list the editions, load the newest and fetch its read
// marks and resume position.
func firstFrame(data, shelf string) error {
	ctx := context.Background()
	st, err := Open(Options{Dir: data})
	if err != nil {
		return err
	}
	defer st.Close()
	sh, err := st.OpenShelf(ctx, shelf)
	if err != nil {
		return err
	}
	defer sh.Close()
	list, err := sh.Editions(ctx)
	if err != nil {
		return err
	}
	if len(list) == 0 || !list[0].Indexed {
		return fmt.Errorf("%d editions, the newest not indexed", len(list))
	}
	_, e, err := sh.Load(ctx, list[0])
	if err != nil {
		return err
	}
	if _, err := st.ReadSet(ctx, e.ID); err != nil {
		return err
	}
	_, _, err = st.Position(ctx, e.ID)
	return err
}

// BenchmarkReopen measures reopening the indexed archive ready for the
// reader's first frame, against model.Load of the newest edition alone.
func BenchmarkReopen(b *testing.B) {
	ar := benchArchive(b)
	data := benchStore(b, ar)
	b.Run("first-frame", func(b *testing.B) {
		cpu := cputime.Now()
		for b.Loop() {
			if err := firstFrame(data, ar.dir); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
	b.Run("model.Load-newest", func(b *testing.B) {
		st, _ := Open(Options{Dir: data})
		list := editions(b, openWait(b, st, ar.dir))
		st.Close()
		for b.Loop() {
			if _, err := model.Load(list[0].Path); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchQueries are three-character queries of differing frequency in the
// archive, and two-character ones for the scan.
var (
	benchQueries3 = []string{"高质量", "禁渔令", "农贸市", "新质生", "党员冬", "书屋管", "精品路", "冯军表", "海易优", "慧聚药", "三星镇", "长江保"}
	benchQueries2 = []string{"禁渔", "长江", "书屋", "冬训", "党课", "颜值"}
	benchQueries1 = []string{"渔", "冬", "屋", "颜", "课", "镇"}
)

// BenchmarkSearch measures a page of shelf search results (DefaultLimit
// hits with snippets) for three-character CJK queries through the trigram
// index, and for one- and two-character queries through the trigrams that
// start with them, each against the same queries by scanning the stored
// text. It reports the median and 90th percentile over the queries.
func BenchmarkSearch(b *testing.B) {
	ar := benchArchive(b)
	data := benchStore(b, ar)
	st, err := Open(Options{Dir: data})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	sh := openWait(b, st, ar.dir)
	run := func(b *testing.B, queries []string, m method) {
		ctx := context.Background()
		scope := shelfIDs(sh)
		var times []time.Duration
		i := 0
		cpu := cputime.Now()
		for b.Loop() {
			q := queries[i%len(queries)]
			i++
			start := time.Now()
			if _, err := st.searchBy(ctx, q, m, scope, SearchOptions{}); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
		b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
		b.ReportMetric(float64((cputime.Now()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
	b.Run("trigram-3char", func(b *testing.B) { run(b, benchQueries3, byTrigram) })
	b.Run("scan-3char", func(b *testing.B) { run(b, benchQueries3, byScan) })
	b.Run("prefix-2char", func(b *testing.B) { run(b, benchQueries2, byPrefix) })
	b.Run("scan-2char", func(b *testing.B) { run(b, benchQueries2, byScan) })
	b.Run("prefix-1char", func(b *testing.B) { run(b, benchQueries1, byPrefix) })
	b.Run("scan-1char", func(b *testing.B) { run(b, benchQueries1, byScan) })
}

func shelfIDs(sh *Shelf) []int64 {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	var ids []int64
	for _, e := range sh.list {
		ids = append(ids, e.ID)
	}
	return ids
}

// BenchmarkPeakMemory runs an import of the archive, and a reopen with a
// round of searches, each in a process of its own, and reports each
// process's peak resident memory.
func BenchmarkPeakMemory(b *testing.B) {
	ar := benchArchive(b)
	data := benchStore(b, ar)
	for b.Loop() {
		b.ReportMetric(peakMB(b, "import", ar.dir, b.TempDir()), "import-peak-MB")
		b.ReportMetric(peakMB(b, "read", ar.dir, data), "read-peak-MB")
	}
}

// peakMB runs the test binary as a helper in mode and returns its peak RSS.
func peakMB(b testing.TB, mode, shelf, data string) float64 {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"="+mode, "SHELF="+shelf, "DUBAO_DATA_DIR="+data)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%s helper: %v", mode, err)
	}
	var kb int64
	if _, err := fmt.Sscanf(string(out), "peak-kB %d", &kb); err != nil {
		b.Fatalf("%s helper said %q: %v", mode, out, err)
	}
	return float64(kb) / 1024
}

// reportPeak prints the process's own peak resident set, VmHWM in
// /proc/self/status, for peakMB. Neither the rusage the parent gets nor
// the one the child asks for will do: Go starts children with CLONE_VFORK,
// and Linux carries the memory the parent had before the exec into both.
// VmHWM belongs to the address space the exec made.
func reportPeak() error {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return err
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			_, err := fmt.Printf("peak-kB %s\n", strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return err
		}
	}
	return errors.New("no VmHWM in /proc/self/status")
}

// TestPeakIsTheHelpers checks that peakMB measures the helper, not the
// process that started it: a parent holding 256 MiB starts a helper that
// does nothing, whose peak must be far below that.
func TestPeakIsTheHelpers(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc here")
	}
	big := make([]byte, 256<<20)
	for i := 0; i < len(big); i += 4096 {
		big[i] = 1
	}
	peak := peakMB(t, "idle", "", t.TempDir())
	runtime.KeepAlive(big)
	if peak <= 0 || peak > 128 {
		t.Errorf("idle helper's peak %.0f MB, with 256 MiB in the parent", peak)
	}
}

// memoryHelper is the work BenchmarkPeakMemory measures in a helper
// process: "import" indexes $SHELF into a new store, "read" reopens it for a
// first frame and runs every benchmark query.
func memoryHelper(mode string) error {
	data, shelf := os.Getenv("DUBAO_DATA_DIR"), os.Getenv("SHELF")
	switch mode {
	case "idle":
	case "import":
		st, err := Open(Options{Dir: data})
		if err != nil {
			return err
		}
		defer st.Close()
		sh, err := st.OpenShelf(context.Background(), shelf)
		if err != nil {
			return err
		}
		return sh.Wait()
	case "read":
		if err := firstFrame(data, shelf); err != nil {
			return err
		}
		st, err := Open(Options{Dir: data})
		if err != nil {
			return err
		}
		defer st.Close()
		sh, err := st.OpenShelf(context.Background(), shelf)
		if err != nil {
			return err
		}
		defer sh.Close()
		for _, q := range slices.Concat(benchQueries3, benchQueries2) {
			if _, err := sh.Search(context.Background(), q, SearchOptions{}); err != nil {
				return err
			}
		}
	}
	return nil
}

// BenchmarkMarkRead measures saving a read mark while the archive is being
// imported in the background (the reader marking articles while a new
// folder is indexed), against the same with the store idle. It reports the
// median, 90th percentile and worst wait.
func BenchmarkMarkRead(b *testing.B) {
	ar := benchArchive(b)
	run := func(b *testing.B, importing bool) {
		ctx := context.Background()
		st, err := Open(Options{Dir: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		e, err := st.Embed(ctx, "x", "x", []byte("标题\n\n正文。"))
		if err != nil {
			b.Fatal(err)
		}
		if importing {
			sh, err := st.OpenShelf(ctx, ar.dir)
			if err != nil {
				b.Fatal(err)
			}
			defer sh.Close()
		}
		var times []time.Duration
		for b.Loop() {
			start := time.Now()
			if err := st.MarkRead(ctx, e.ID, strconv.Itoa(len(times))); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
			time.Sleep(20 * time.Millisecond) // a reader's pace, not a loop's
		}
		slices.Sort(times)
		b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "median-ms")
		b.ReportMetric(float64(times[len(times)*9/10].Microseconds())/1000, "p90-ms")
		b.ReportMetric(float64(times[len(times)-1].Microseconds())/1000, "max-ms")
	}
	b.Run("during-import", func(b *testing.B) { run(b, true) })
	b.Run("idle", func(b *testing.B) { run(b, false) })
}
