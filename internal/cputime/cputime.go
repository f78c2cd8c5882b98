//go:build unix

// Package cputime reads the CPU time the process has used, for benchmarks:
// on a machine shared with other work wall time counts the waits for a
// core too, CPU time does not, so the benchmarks report it beside wall time.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Now returns the CPU time, user and system, every thread of the process
// has used so far; 0 where it cannot be read.
func Now() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Report reports the CPU time per iteration of b since start (a Now) as
// cpu-ns/op.
func Report(b *testing.B, start time.Duration) {
	if start > 0 && b.N > 0 {
		b.ReportMetric(float64((Now()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}
