//go:build !unix

package fetch

// lockSource does nothing where flock(2) is not to be had.
func lockSource(dir string) (unlock func(), err error) { return func() {}, nil }
