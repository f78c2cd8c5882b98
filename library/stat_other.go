//go:build !linux

package library

// dirStatter stats files by their paths (see stat_linux.go for Linux's).
type dirStatter struct{}

func (d *dirStatter) stat(path string) fileStat { return statFile(path) }

func (d *dirStatter) close() {}
