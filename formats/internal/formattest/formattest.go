// Package formattest holds what the tests of the format readers share.
package formattest

import (
	"os"
	"testing"

	"dubao/model"
)

// ParseFile reads the file at path and parses it with parse, as a reader
// of one format does, failing the test on any error.
func ParseFile(t testing.TB, parse func([]byte, model.Options) (*model.Edition, error), path string) *model.Edition {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ed, err := parse(data, model.Options{Source: path, Title: "file"})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return ed
}
