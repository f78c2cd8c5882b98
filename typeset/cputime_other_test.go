//go:build !unix

package typeset

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
