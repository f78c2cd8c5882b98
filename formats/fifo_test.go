//go:build unix

package formats

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"dubao/model"
)

func TestLoadRefusesFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := Load(p); !errors.Is(err, model.ErrNotFile) {
		t.Errorf("FIFO: %v", err)
	}
}
