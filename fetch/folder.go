package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// IndexFile is the file in every edition folder that lists what was saved
// and where each file came from.
const IndexFile = "index.json"

// progressFile, in a folder being written, is the index so far: what a
// resumed fetch need not fetch again.
const progressFile = ".progress.json"

// Index is the content of an edition folder's index.json.
type Index struct {
	// Kind is what the first fetch into the folder was.
	Kind Kind `json:"kind"`
	// Source is the folder's parent's name: the subscription, or the site.
	Source string `json:"source"`
	// Date is the edition's date, YYYY-MM-DD.
	Date string `json:"date"`
	// URL is the URL fetched first, after redirects.
	URL string `json:"url"`
	// Title is the feed's title, or the first 版面 page's title.
	Title string `json:"title,omitempty"`
	// Fetched is when the folder was last completed.
	Fetched time.Time `json:"fetched"`
	// Files are the files saved, in reading order.
	Files []Entry `json:"files"`
}

// Entry is one saved file.
type Entry struct {
	// File is its name in the folder.
	File string `json:"file"`
	// URL is where it came from, after redirects.
	URL string `json:"url"`
	// Role is "feed" (the feed document), "page" (a 版面 page), "story"
	// (an article linked from a 版面 page) or "item" (a feed item's page, or
	// an article fetched on its own).
	Role string `json:"role"`
	// Page is the file name of the 版面 page a story is on.
	Page string `json:"page,omitempty"`
	// Title is the link text that led to it, or the page's <title>.
	Title string `json:"title,omitempty"`
	// ID is a feed item's GUID (else its link).
	ID string `json:"id,omitempty"`
	// Published is a feed item's date as the feed gave it, RFC 3339.
	Published string `json:"published,omitempty"`
	// ContentType is the Content-Type the server sent.
	ContentType string `json:"content_type,omitempty"`
	// Charset is the encoding the bytes are in, as fetch found it (see
	// Charset): the server's word, the page's, or a guess from the bytes.
	Charset string `json:"charset,omitempty"`
}

// folder is an edition folder being written: files go into a hidden
// staging folder beside the target, DIR/SOURCE/.DATE.partial, which is
// renamed to DIR/SOURCE/DATE when complete.
type folder struct {
	target, staging string
	index           Index
	byURL           map[string]int // index into index.Files
	// onShelf are the IDs of the feed items in the edition already on the
	// shelf at target (not those a resumed run finds in staging: those are
	// new to this run, to be recorded when it completes).
	onShelf map[string]bool
	// urlsOnShelf are the URLs of the files of the edition on the shelf.
	urlsOnShelf map[string]bool
	unlock      func()
}

// close lets go of the source folder's lock; the staging folder stays for
// the next run to resume.
func (f *folder) close() {
	if f.unlock != nil {
		f.unlock()
		f.unlock = nil
	}
}

// openFolder prepares the staging folder for target: the one an
// interrupted run left (resuming it), else a new one holding what target
// already has (so new items join today's edition), else an empty one.
func openFolder(target string, fresh Index) (*folder, error) {
	dir, name := filepath.Split(target)
	f := &folder{target: target, staging: filepath.Join(dir, "."+name+".partial"), byURL: map[string]int{}}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	unlock, err := lockSource(dir)
	if err != nil {
		return nil, err
	}
	f.unlock = unlock
	ok := false
	defer func() {
		if !ok {
			f.close()
		}
	}()
	if err := recoverSwap(target); err != nil {
		return nil, err
	}
	removeStale(dir, f.staging, time.Now().Add(-staleAfter))
	if idx, err := readIndex(filepath.Join(f.staging, progressFile)); err == nil {
		f.index = *idx
	} else {
		if err := os.RemoveAll(f.staging); err != nil {
			return nil, err
		}
		if err := os.Mkdir(f.staging, 0o755); err != nil {
			return nil, err
		}
		f.index = fresh
		if old, err := readIndex(filepath.Join(target, IndexFile)); err == nil {
			f.index = *old
			for _, e := range old.Files {
				if err := linkOrCopy(filepath.Join(target, e.File), filepath.Join(f.staging, e.File)); err != nil {
					return nil, err
				}
			}
		}
		if err := f.saveProgress(); err != nil {
			return nil, err
		}
	}
	for i, e := range f.index.Files {
		f.byURL[e.URL] = i
	}
	f.onShelf, f.urlsOnShelf = map[string]bool{}, map[string]bool{}
	if old, err := readIndex(filepath.Join(target, IndexFile)); err == nil {
		for _, e := range old.Files {
			f.urlsOnShelf[e.URL] = true
			if e.ID != "" {
				f.onShelf[e.ID] = true
			}
		}
	}
	ok = true
	return f, nil
}

// staleAfter is how long a staging folder of another edition is kept for
// a run to resume it: an update killed before midnight and run again after
// starts the next day's edition, and the old folder would stay for ever.
const staleAfter = 7 * 24 * time.Hour

// removeStale removes the staging folders in dir, other than keep, that no
// run has written to since before.
func removeStale(dir, keep string, before time.Time) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if !e.IsDir() || p == keep || !strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".partial") {
			continue
		}
		if fi, err := os.Stat(filepath.Join(p, progressFile)); err == nil && fi.ModTime().After(before) {
			continue
		}
		os.RemoveAll(p)
	}
}

// recoverSwap finishes or undoes a replacement of target that a kill cut
// short: see commit.
func recoverSwap(target string) error {
	old := oldName(target)
	if _, err := os.Stat(old); err != nil {
		return nil
	}
	if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(old, target)
	}
	return os.RemoveAll(old)
}

func oldName(target string) string {
	dir, name := filepath.Split(target)
	return filepath.Join(dir, "."+name+".old")
}

func readIndex(path string) (*Index, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var idx Index
	if err := json.Unmarshal(data, &idx); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &idx, nil
}

// ReadIndex reads the index.json of the edition folder dir.
func ReadIndex(dir string) (*Index, error) { return readIndex(filepath.Join(dir, IndexFile)) }

// has returns the saved entry for url, if its file is there.
func (f *folder) has(url string) (Entry, bool) {
	i, ok := f.byURL[url]
	if !ok {
		return Entry{}, false
	}
	e := f.index.Files[i]
	if _, err := os.Stat(filepath.Join(f.staging, e.File)); err != nil {
		return Entry{}, false
	}
	return e, true
}

// read returns the bytes of a saved file.
func (f *folder) read(e Entry) ([]byte, error) {
	return os.ReadFile(filepath.Join(f.staging, e.File))
}

// save writes body as e.File and records e; a file of that name is
// replaced (the feed document, fetched again).
func (f *folder) save(e Entry, body []byte) error {
	if err := writeFileAtomic(filepath.Join(f.staging, e.File), body); err != nil {
		return err
	}
	replaced := false
	for i := range f.index.Files {
		if f.index.Files[i].File == e.File {
			delete(f.byURL, f.index.Files[i].URL)
			f.index.Files[i] = e
			f.byURL[e.URL] = i
			replaced = true
		}
	}
	if !replaced {
		f.byURL[e.URL] = len(f.index.Files)
		f.index.Files = append(f.index.Files, e)
	}
	return f.saveProgress()
}

func (f *folder) saveProgress() error {
	data, err := json.MarshalIndent(f.index, "", "  ")
	if err != nil {
		return err
	}
	return writeFileAtomic(filepath.Join(f.staging, progressFile), data)
}

// commit writes index.json and puts the staging folder in target's place.
// A target already there is first renamed to DIR/SOURCE/.DATE.old and
// removed after; a kill between the two renames is put right by the next
// openFolder (recoverSwap), so the shelf always has the old edition or the
// new one.
func (f *folder) commit(now time.Time) error {
	f.index.Fetched = now.UTC().Truncate(time.Second)
	data, err := json.MarshalIndent(f.index, "", "  ")
	if err != nil {
		return err
	}
	if err := writeFileAtomic(filepath.Join(f.staging, IndexFile), append(data, '\n')); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(f.staging, progressFile)); err != nil {
		return err
	}
	syncDir(f.staging)
	old := oldName(f.target)
	hadOld := false
	if _, err := os.Stat(f.target); err == nil {
		if err := os.Rename(f.target, old); err != nil {
			return err
		}
		hadOld = true
	}
	if err := os.Rename(f.staging, f.target); err != nil {
		if hadOld {
			os.Rename(old, f.target)
		}
		return err
	}
	syncDir(filepath.Dir(f.target))
	if hadOld {
		return os.RemoveAll(old)
	}
	return nil
}

// nextItemFile returns the name of the next item file: 001.html, 002.html…
func (f *folder) nextItemFile() string {
	n := 0
	for _, e := range f.index.Files {
		var k int
		if _, err := fmt.Sscanf(e.File, "%d.html", &k); err == nil && !strings.Contains(e.File, "-") && k > n {
			n = k
		}
	}
	return fmt.Sprintf("%03d.html", n+1)
}

// writeFileAtomic writes data to path through a temporary file in the same
// folder, so path holds the old bytes or the new, never a part.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
