package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// printHelperEnv names the file a helper process (TestPrintHelper) prints
// and where it leaves its peak memory.
const printHelperEnv = "DUBAO_PRINT_HELPER"

// oneLineFile writes size bytes of the seed's text as a file of one line,
// as a 50 MB edition with its line breaks lost arrives.
func oneLineFile(tb testing.TB, size int) string {
	tb.Helper()
	data, err := os.ReadFile("seeds/000_d90216ad62ac1bd2.txt")
	if err != nil {
		tb.Fatal(err)
	}
	line := strings.ReplaceAll(string(data), "\n", "")
	var b strings.Builder
	for b.Len() < size {
		b.WriteString(line)
	}
	path := filepath.Join(tb.TempDir(), "oneline.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// TestPrintHelper is not a test: it is the process BenchmarkPrintOneLine
// starts, which prints the file $DUBAO_PRINT_HELPER to /dev/null and writes
// its own peak resident memory (VmHWM, which belongs to the address space
// the exec made, unlike the rusage Go's CLONE_VFORK start leaves) to the
// file beside it.
func TestPrintHelper(t *testing.T) {
	file := os.Getenv(printHelperEnv)
	if file == "" {
		t.Skip("only run by BenchmarkPrintOneLine")
	}
	if code := runPrint([]string{"--width", "80", file}, nil, io.Discard, os.Stderr); code != 0 {
		t.Fatalf("print exited %d", code)
	}
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for line := range strings.Lines(string(status)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb := strings.TrimSuffix(strings.TrimSpace(rest), " kB")
			if err := os.WriteFile(file+".peak", []byte(kb), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("no VmHWM in /proc/self/status")
}

// BenchmarkPrintOneLine prints a 50 MB file of one line in a process of
// its own and reports its wall and CPU time and peak memory (peak-x: peak
// resident memory over the file's size), beside the same run's `fold -w 80`
// of the file (fold-s), the peer that only counts bytes.
func BenchmarkPrintOneLine(b *testing.B) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		b.Skip("no /proc here")
	}
	const size = 50 << 20
	file := oneLineFile(b, size)
	for b.Loop() {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPrintHelper$")
		cmd.Env = append(os.Environ(), printHelperEnv+"="+file)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("print helper: %v", err)
		}
		wall := time.Since(start)
		kb, err := os.ReadFile(file + ".peak")
		if err != nil {
			b.Fatal(err)
		}
		peak, err := strconv.ParseFloat(string(kb), 64)
		if err != nil {
			b.Fatal(err)
		}
		peer := exec.Command("fold", "-w", "80", file)
		peerStart := time.Now()
		if err := peer.Run(); err != nil {
			b.Fatalf("fold: %v", err)
		}
		b.ReportMetric(wall.Seconds(), "wall-s")
		b.ReportMetric(cmd.ProcessState.UserTime().Seconds()+cmd.ProcessState.SystemTime().Seconds(), "cpu-s")
		b.ReportMetric(peak/1024, "peak-MB")
		b.ReportMetric(peak*1024/size, "peak-x")
		b.ReportMetric(time.Since(peerStart).Seconds(), "fold-s")
	}
}
