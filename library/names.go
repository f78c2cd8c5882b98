package library

import (
	"errors"
	"io/fs"

	"dubao/formats"
	"dubao/model"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// nameDate finds a date in a file name: 2024-03-19, 2024_03_19, 2024.03.19,
// 20240319 or 2024年3月19日, not run together with other digits.
var nameDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})([-_.]?)([0-9]{2})([-_.]?)([0-9]{2})(?:[^0-9]|$)|((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日`)

// DateFromName returns the date a file name states, as YYYY-MM-DD, or "" when
// it states none. Separators must agree (2024-0319 is not a date), and the
// date must exist.
func DateFromName(name string) string {
	for _, m := range nameDate.FindAllStringSubmatch(filepath.Base(name), -1) {
		var y, mo, d string
		if m[1] != "" {
			if m[2] != m[4] {
				continue
			}
			y, mo, d = m[1], m[3], m[5]
		} else {
			y, mo, d = m[6], pad2(m[7]), pad2(m[8])
		}
		s := y + "-" + mo + "-" + d
		if _, err := time.Parse(time.DateOnly, s); err == nil {
			return s
		}
	}
	return ""
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// titleFromName is the title an edition gets when its text has none: the
// file name without its extension, as model.Load does.
func titleFromName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// exportedName matches the names ExportName gives: a story the reader saved
// as Markdown into a folder of editions is not an edition of that folder.
var exportedName = regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2}_)?[0-9]+-[0-9]+(_[\p{L}\p{N}]+)?\.md$`)

// found is an edition file found on disk.
type found struct {
	path  string // absolute
	size  int64  // -1 when not statted yet
	mtime int64  // Unix nanoseconds
}

// scan lists the edition files that paths name: each file as given, and
// under each directory (recursively) every file with an edition extension
// (formats.IsEditionName), skipping hidden files and directories, the
// assets folders browsers save beside a page (NAME_files) and stories
// exported by the reader. A directory that is an e-paper
// (formats.IsEditionFolder), named or met on the way, is one edition. Files
// found in directories are not statted (size -1), so listing a large folder
// costs little more than reading its directories and the start of the HTML
// pages in it (to tell an e-paper: see formats.IsEditionFolder). scan
// returns the absolute directory roots too, so files indexed under them
// before and missing now can be dropped, and what it passed over inside them
// (subdirectories it cannot read, dangling links, named pipes and other
// special files with an edition's name), each a *model.InputError. A path
// that does not exist or cannot be read is an error.
func scan(paths []string) (files []found, roots []string, skipped []error, err error) {
	seen := map[string]bool{}
	add := func(f found) {
		if !seen[f.path] {
			seen[f.path] = true
			files = append(files, f)
		}
	}
	skip := func(path string, err error) {
		if !seen[path] {
			seen[path] = true
			skipped = append(skipped, &model.InputError{Name: path, Err: err})
		}
	}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, nil, nil, &model.InputError{Name: p, Err: err}
		}
		info, err := os.Stat(abs)
		if err != nil {
			return nil, nil, nil, &model.InputError{Name: p, Err: plainPathError(err)}
		}
		if !info.IsDir() {
			add(found{path: abs, size: info.Size(), mtime: info.ModTime().UnixNano()})
			continue
		}
		tree := readTree(abs)
		if tree.mayBeEdition() && formats.IsEditionFolder(abs) {
			add(found{path: abs, size: -1})
			continue
		}
		if tree.err != nil {
			return nil, nil, nil, &model.InputError{Name: p, Err: plainPathError(tree.err)}
		}
		roots = append(roots, abs)
		tree.walk(add, skip)
	}
	return files, roots, skipped, nil
}

// errDanglingLink is why a symbolic link whose target is missing is skipped.
var errDanglingLink = errors.New("dangling symbolic link")

// dirTree is a folder of a shelf as read once: its entries, sorted by
// name, and the trees of the subfolders among them that a shelf looks into.
type dirTree struct {
	path  string
	ents  []fs.DirEntry
	subs  map[string]*dirTree // by entry name
	err   error               // reading the folder; ents holds what was read before it
	index bool                // an entry has a fetched folder's index name
	pages int                 // entries with an HTML page's name in the tree, at least 2 for a folder not read
}

// readTree reads the folder at path and, recursively, its subfolders but
// hidden ones; of a browser's assets folder (see savedAssets) and an
// unreadable one it knows only that they might hold pages.
func readTree(path string) *dirTree {
	t := &dirTree{path: path}
	t.ents, t.err = os.ReadDir(path)
	if t.err != nil {
		t.pages = 2
	}
	for _, d := range t.ents {
		name := d.Name()
		switch {
		case strings.HasPrefix(name, "."):
		case d.IsDir() && savedAssets(name):
			t.pages += 2
		case d.IsDir():
			sub := readTree(joinName(path, name))
			if t.subs == nil {
				t.subs = map[string]*dirTree{}
			}
			t.subs[name] = sub
			t.pages += sub.pages
		default:
			t.index = t.index || formats.IsIndexName(name)
			if formats.IsPageName(name) {
				t.pages++
			}
		}
	}
	return t
}

// mayBeEdition reports whether the folder might be one edition (see
// formats.MayBeEditionFolder); when false it surely is a shelf.
func (t *dirTree) mayBeEdition() bool { return formats.MayBeEditionFolder(t.index, t.pages) }

// joinName is filepath.Join for a clean directory and an entry name in it.
func joinName(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// walk adds the edition files in the tree, in the order of
// filepath.WalkDir, and calls skip on what it passes over: subfolders that
// cannot be read, and entries with an edition's name that lead to no
// regular file.
func (t *dirTree) walk(add func(found), skip func(string, error)) {
	for _, d := range t.ents {
		name := d.Name()
		path := joinName(t.path, name)
		hidden := strings.HasPrefix(name, ".")
		switch {
		case d.IsDir() && (hidden || savedAssets(name)):
		case d.IsDir():
			sub := t.subs[name]
			if sub.mayBeEdition() && formats.IsEditionFolder(path) {
				add(found{path: path, size: -1})
				continue
			}
			if sub.err != nil {
				skip(path, plainPathError(sub.err))
			}
			sub.walk(add, skip)
		case hidden || !formats.IsEditionName(name) || strings.HasSuffix(name, ".md") && exportedName.MatchString(name):
		case d.Type().IsRegular():
			add(found{path: path, size: -1})
		case d.Type()&fs.ModeSymlink != 0:
			// A symlinked edition counts if it leads to a regular file.
			info, err := os.Stat(path)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				skip(path, errDanglingLink)
			case err != nil:
				skip(path, plainPathError(err))
			case info.Mode().IsRegular():
				add(found{path: path, size: info.Size(), mtime: info.ModTime().UnixNano()})
			case !info.IsDir():
				skip(path, notRegular(info))
			}
		default:
			if info, err := d.Info(); err == nil {
				skip(path, notRegular(info))
			}
		}
	}
}

// savedAssets reports whether a folder is where a browser's "save page"
// put a page's pictures and scripts (页面_files, 页面_文件).
func savedAssets(name string) bool {
	return strings.HasSuffix(name, "_files") || strings.HasSuffix(name, "_文件")
}

// notRegular is the error model.ReadFile gives for a file that is not a
// regular file.
func notRegular(info fs.FileInfo) error {
	if err := model.CheckFile(info); err != nil {
		return err
	}
	return model.ErrNotFile
}

// under reports whether path lies inside one of the directory roots.
func under(path string, roots []string) bool {
	for _, r := range roots {
		if strings.HasPrefix(path, r+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
