//go:build unix

package fetch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockSource takes the lock of a source folder, DIR/SOURCE/.lock, so two
// dubao processes never write one edition at once. The kernel lets go of
// it when the process ends, however it ends, so a killed fetch never
// leaves the folder locked.
func lockSource(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: another dubao is fetching into it", dir)
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}
