// Package fetched reads the edition folders `dubao fetch` and `dubao
// update` write, DIR/SOURCE/DATE/, as one edition each: the files as the
// servers sent them, and an index.json saying where each came from (see
// README.md, "The edition folder"). An e-paper's 版面 pages are its
// sections and the articles each links to, found among the saved files by
// their URLs, its articles; a feed's items are the articles, with the body
// of the item's saved page where the feed gives only a summary; articles
// fetched one by one are an article each.
package fetched

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	fhtml "dubao/formats/html"
	"dubao/model"
)

// IndexFile is the file in a fetched edition folder that lists its files.
const IndexFile = "index.json"

// MIME is the mimetype entry of the archive ReadFolder packs a fetched
// folder into, by which formats.Sniff knows it.
const MIME = "application/x-dubao-fetched+zip"

// maxFiles bounds the files of one edition read: a day's e-paper has a few
// hundred, a feed edition a few hundred items.
const maxFiles = 5000

// maxIndexBytes bounds index.json.
const maxIndexBytes = 16 << 20

// index is an index.json, as fetch writes it (fetch.Index); only the
// fields reading needs.
type index struct {
	Kind   string  `json:"kind"`
	Source string  `json:"source"`
	Date   string  `json:"date"`
	URL    string  `json:"url"`
	Title  string  `json:"title"`
	Files  []entry `json:"files"`
}

// entry is one file of index.json.
type entry struct {
	File    string `json:"file"`
	URL     string `json:"url"`
	Role    string `json:"role"` // feed, page, story or item
	Page    string `json:"page"` // a story's 版面 page
	Title   string `json:"title"`
	ID      string `json:"id"`
	Charset string `json:"charset"`
}

// Roles of the files in index.json.
const (
	roleFeed  = "feed"
	rolePage  = "page"
	roleStory = "story"
	roleItem  = "item"
)

// ErrNoIndex means a fetched edition archive has no readable index.json.
var ErrNoIndex = errors.New("no readable index.json in the fetched edition")

// parseIndex reads index.json: it must name at least one file in a role
// fetch writes.
func parseIndex(data []byte) (*index, error) {
	var idx index
	if err := json.Unmarshal(data, &idx); err != nil {
		return nil, ErrNoIndex
	}
	for _, e := range idx.Files {
		switch e.Role {
		case roleFeed, rolePage, roleStory, roleItem:
			return &idx, nil
		}
	}
	return nil, ErrNoIndex
}

// readIndex reads the index.json of dir.
func readIndex(dir string) (*index, error) {
	f, err := os.Open(filepath.Join(dir, IndexFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, ErrNoIndex
	}
	data, err := io.ReadAll(io.LimitReader(f, maxIndexBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxIndexBytes {
		return nil, ErrNoIndex
	}
	return parseIndex(data)
}

// IsFolder reports whether dir is an edition folder fetch wrote: it has an
// index.json listing saved files. A staging folder (.DATE.partial) has
// none until it is complete.
func IsFolder(dir string) bool {
	_, err := readIndex(dir)
	return err == nil
}

// plainName reports whether an index.json file name names a file in the
// folder itself, not hidden: fetch writes no other, and reading follows no
// name out of the folder.
func plainName(name string) bool {
	return name != "" && name == filepath.Base(name) && !strings.HasPrefix(name, ".") &&
		!strings.ContainsAny(name, `/\`)
}

// ReadFolder packs the fetched edition folder dir into one archive: a zip
// whose first entry, mimetype, is MIME, then index.json and the files it
// lists, as saved. Parse reads it back as the edition, so a folder is
// hashed, indexed and parsed as the bytes of one file are. Files index.json
// names but the folder lacks are left out.
func ReadFolder(dir string) ([]byte, error) {
	raw, err := os.ReadFile(filepath.Join(dir, IndexFile))
	if err != nil {
		return nil, err
	}
	idx, err := parseIndex(raw)
	if err != nil {
		return nil, err
	}
	names := []string{IndexFile}
	seen := map[string]bool{IndexFile: true}
	for _, e := range idx.Files {
		if !plainName(e.File) || seen[e.File] || len(seen) > maxFiles {
			continue
		}
		seen[e.File] = true
		names = append(names, e.File)
	}
	return fhtml.Pack(MIME, names, func(n string) ([]byte, error) {
		if n == IndexFile {
			return raw, nil
		}
		return readRegular(filepath.Join(dir, n), model.MaxEditionBytes+1)
	})
}

// readRegular reads up to n bytes of a regular file (not a FIFO or device,
// which would block or have effects).
func readRegular(name string, n int64) ([]byte, error) {
	fi, err := os.Lstat(name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, model.ErrNotFile
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// unpack reads an archive ReadFolder made: its index and files by name.
func unpack(data []byte) (*index, map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, nil, errors.New("broken fetched edition archive: " + err.Error())
	}
	files := map[string][]byte{}
	var idx *index
	total := int64(0)
	for _, f := range zr.File {
		if f.Name == "mimetype" || (f.Name != IndexFile && !plainName(f.Name)) || len(files) > maxFiles {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, nil, errors.New("broken fetched edition archive: " + err.Error())
		}
		b, err := io.ReadAll(io.LimitReader(rc, model.MaxEditionBytes+1-total))
		rc.Close()
		if err != nil {
			return nil, nil, errors.New("broken fetched edition archive: " + err.Error())
		}
		if total += int64(len(b)); total > model.MaxEditionBytes {
			return nil, nil, model.ErrTooLarge
		}
		if f.Name == IndexFile {
			if idx, err = parseIndex(b); err != nil {
				return nil, nil, err
			}
			continue
		}
		files[f.Name] = b
	}
	if idx == nil {
		return nil, nil, ErrNoIndex
	}
	return idx, files, nil
}

// Holds reports whether dir holds fetched edition folders as fetch lays
// them out: DIR/SOURCE/DATE (dir a shelf directory) or SOURCE/DATE (dir a
// source's folder). It looks only for their index.json, reading no page,
// so that telling a shelf of fetched editions from an e-paper saved by
// hand costs little however many editions it holds.
func Holds(dir string) bool {
	return holds(dir, 2)
}

func holds(dir string, depth int) bool {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		if fi, err := os.Stat(filepath.Join(sub, IndexFile)); err == nil && fi.Mode().IsRegular() {
			return true
		}
		if depth > 1 && holds(sub, depth-1) {
			return true
		}
	}
	return false
}
