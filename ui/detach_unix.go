//go:build unix

package ui

import (
	"os/exec"
	"syscall"
)

// detach puts cmd in a session of its own, without the reader's terminal.
func detach(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
}
