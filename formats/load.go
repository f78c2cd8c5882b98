package formats

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"dubao/formats/fetched"
	"dubao/formats/html"
	"dubao/model"
)

// Load reads the edition at path, as model.Load does, in any format: a file,
// or a folder holding an e-paper (see IsEditionFolder). Errors are
// *model.InputError naming path. The file is only read.
func Load(path string) (*model.Edition, error) {
	data, err := ReadEdition(path)
	if err != nil {
		return nil, err
	}
	e, err := Parse(data, model.Options{Source: path, Title: TitleFromName(path)})
	if err != nil {
		return nil, &model.InputError{Name: path, Err: err}
	}
	return e, nil
}

// ErrNotEdition means a folder was named as an edition but holds no e-paper.
var ErrNotEdition = errors.New("a folder, and not an edition (no index.json from dubao fetch, no e-paper 版面 pages linking to article pages)")

// ReadEdition returns the bytes of the edition at path: a regular file's
// content, read as model.ReadFile reads it (a named pipe or a device is
// refused unopened, a file over the limit unread), or for an edition folder
// (see IsEditionFolder) its files packed by ReadFolder. Errors are *model.InputError naming path.
func ReadEdition(path string) ([]byte, error) {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		if !IsEditionFolder(path) {
			return nil, &model.InputError{Name: path, Err: ErrNotEdition}
		}
		data, err := ReadFolder(path)
		if err != nil {
			return nil, &model.InputError{Name: path, Err: plainPathError(err)}
		}
		return data, nil
	}
	data, _, err := model.ReadFile(path)
	return data, err
}

// ReadFolder packs the edition folder dir (see IsEditionFolder) into the
// bytes Parse reads as its edition.
func ReadFolder(dir string) ([]byte, error) {
	if fetched.IsFolder(dir) {
		return fetched.ReadFolder(dir)
	}
	return html.ReadFolder(dir)
}

// IsFetchedFolder reports whether dir is an edition folder dubao fetch
// wrote (it has fetch's index.json). fetch never changes one in place: it
// replaces it whole, so its modification time changes with its content.
func IsFetchedFolder(dir string) bool { return fetched.IsFolder(dir) }

// IsEditionFolder reports whether dir is one edition rather than a shelf
// of them: a folder dubao fetch wrote (DIR/SOURCE/DATE, with its
// index.json), or an e-paper saved as a folder, whose tree holds 版面 pages
// (HTML pages naming a page of the paper, 第01版：要闻, linking to article
// pages saved in the same tree), all of one date, and is the folder those
// pages have in common. A folder with none, with 版面 pages of several
// dates, or with the e-paper in a subfolder beside other editions, is a
// shelf. A folder holding fetched editions (a shelf directory, or a
// source's folder in it) is a shelf without a look at its pages.
func IsEditionFolder(dir string) bool {
	if fetched.IsFolder(dir) {
		return true
	}
	return !fetched.Holds(dir) && html.IsFolder(dir)
}

// MayBeEditionFolder reports whether IsEditionFolder can hold for a
// folder, from what a walk of its tree (hidden entries left out) found:
// whether the folder itself has an entry named as a fetched folder's index,
// and how many entries with an HTML page's name (IsPageName) its tree has,
// counting at least 2 for any subfolder the walk did not read. It is false
// only where IsEditionFolder surely is: an e-paper has two pages or more,
// and a fetched folder its index. A walk of a large shelf thus reads each
// folder once, and calls IsEditionFolder, which reads the folder's tree
// again, only where it might hold.
func MayBeEditionFolder(hasIndex bool, pages int) bool { return hasIndex || pages >= 2 }

// IsIndexName reports whether a file name is a fetched folder's index.
func IsIndexName(name string) bool { return name == fetched.IndexFile }

// IsPageName reports whether a file name is an HTML page's, as the pages of
// an e-paper folder are named: .html, .htm, .shtml or .xhtml.
func IsPageName(name string) bool { return html.IsPageName(name) }

// editionExts are the file extensions taken as editions inside a shelf
// folder; the content then decides the format. Files named one by one are
// taken whatever their name.
var editionExts = map[string]bool{
	".txt": true, ".text": true, ".md": true,
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true,
	".epub": true, ".pdf": true,
	".xml": true, ".rss": true, ".atom": true,
}

// IsEditionName reports whether a file in a shelf folder is taken as an
// edition by its name: text (.txt, .text, .md), HTML, EPUB, PDF and feed
// (.xml, .rss, .atom) files, and JSON files named as feeds (feed.json,
// news.feed.json); other JSON is data, such as dubao dump's.
func IsEditionName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".json" {
		return strings.Contains(strings.ToLower(filepath.Base(name)), "feed")
	}
	return editionExts[ext]
}

// TitleFromName is the title an edition gets when its content has none:
// the file or folder name without its extension.
func TitleFromName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// plainPathError drops the path that *os.PathError repeats, since
// InputError names the input already.
func plainPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
