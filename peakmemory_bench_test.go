package main

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"dubao/library"
)

// peakSampler follows a child process's peak resident memory, VmHWM in
// /proc/PID/status, which belongs to the address space its exec made (the
// rusage Go's CLONE_VFORK start leaves carries the parent's), until the
// process is gone: the last figure read is its peak, short of what it did
// in its last few milliseconds.
type peakSampler struct {
	stop chan struct{}
	done chan int64 // the peak in kB
}

func samplePeak(pid int) *peakSampler {
	p := &peakSampler{stop: make(chan struct{}), done: make(chan int64, 1)}
	status := fmt.Sprintf("/proc/%d/status", pid)
	go func() {
		var peak int64
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			if kb, ok := vmHWM(status); ok {
				peak = max(peak, kb)
			}
			select {
			case <-p.stop:
				p.done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

// peak stops sampling and returns the peak in bytes.
func (p *peakSampler) peak() float64 {
	close(p.stop)
	return float64(<-p.done) * 1024
}

// vmHWM reads the VmHWM line of a /proc/PID/status file, in kB.
func vmHWM(status string) (int64, bool) {
	data, err := os.ReadFile(status)
	if err != nil {
		return 0, false
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}

// BenchmarkReaderPeakMemory starts the reader at 120x40 on a 50 MB edition
// of one line new to its store, waits for the first frame and then for the
// store to hold the edition indexed (the indexing runs in the background,
// behind the frame), quits, and reports the reader's peak resident memory
// over the file's size (new-peak-x); then the same with the edition known
// to the store (known-peak-x), and less on the file, quit once it has drawn
// (less-peak-x), as the peer.
//
//	go test -run '^$' -bench ReaderPeakMemory -benchtime 1x .
func BenchmarkReaderPeakMemory(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("no /proc here")
	}
	if _, err := exec.LookPath("less"); err != nil {
		b.Skip("no less to compare with")
	}
	dir := b.TempDir()
	bin := buildDubao(b, dir)
	file := hugeEdition(b, dir)
	info, err := os.Stat(file)
	if err != nil {
		b.Fatal(err)
	}
	size := float64(info.Size())
	run := commandsIn(b, dir)
	// measure runs cmd on a pty until its first full frame and until
	// ready says it is done, quits it, and returns its peak.
	measure := func(cmd *exec.Cmd, full func(string) bool, ready func() bool) float64 {
		s := startPTY(b, cmd)
		sampler := samplePeak(cmd.Process.Pid)
		if _, ok := s.waitScreen(full, 5*time.Minute); !ok {
			sampler.peak()
			s.quit(b, "q")
			b.Fatalf("%s: no full frame", cmd.Args[0])
		}
		for deadline := time.Now().Add(5 * time.Minute); !ready(); {
			if time.Now().After(deadline) {
				b.Fatalf("%s: not done in 5 minutes", cmd.Args[0])
			}
			// Keep reading what it draws meanwhile.
			s.settle(nil, 50*time.Millisecond)
		}
		s.quit(b, "q")
		return sampler.peak()
	}
	drawn := func(screen string) bool { return strings.TrimSpace(screen) != "" }
	always := func() bool { return true }
	n := 0
	var newX, knownX, lessX []float64
	for b.Loop() {
		n++
		data := filepath.Join(dir, "new", strconv.Itoa(n))
		indexed := func() bool { return storeHolds(b, data, file) }
		newX = append(newX, measure(run(bin, "--data-dir", data, file), everyRowDrawn, indexed)/size)
		knownX = append(knownX, measure(run(bin, "--data-dir", data, file), everyRowDrawn, always)/size)
		lessX = append(lessX, measure(run("less", file), drawn, always)/size)
	}
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(median(newX), "new-peak-x")
	b.ReportMetric(median(newX)*size/(1<<20), "new-peak-MB")
	b.ReportMetric(median(knownX), "known-peak-x")
	b.ReportMetric(median(lessX), "less-peak-x")
}

// storeHolds reports whether the store in data holds the edition at path
// indexed, reading it as a second process would.
func storeHolds(b *testing.B, data, path string) bool {
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, library.FileName)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var articles int
	err = db.QueryRow(`SELECT articles FROM editions WHERE path = ?`, path).Scan(&articles)
	return err == nil && articles > 0
}

// median returns the middle of xs (the upper middle of an even count).
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
