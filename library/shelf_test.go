package library

import (
	"context"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"dubao/formats"
	"dubao/model"
	"dubao/seeds"
)

func TestDateFromName(t *testing.T) {
	tests := []struct{ name, want string }{
		{"2024-03-19.txt", "2024-03-19"},
		{"20240319.txt", "2024-03-19"},
		{"haimen_2024_03_19.txt", "2024-03-19"},
		{"2024.03.19-海门日报.md", "2024-03-19"},
		{"海门日报2024年3月9日.txt", "2024-03-09"},
		{"/archive/2023/2024-03-19.txt", "2024-03-19"},
		{"2024-0319.txt", ""},            // separators disagree
		{"2024-02-30.txt", ""},           // no such day
		{"120240319.txt", ""},            // part of a longer number
		{"000_d90216ad62ac1bd2.txt", ""}, // the seed's name
		{"page-12.txt", ""},
	}
	for _, tt := range tests {
		if got := DateFromName(tt.name); got != tt.want {
			t.Errorf("DateFromName(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestShelfListsEditionsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	writeFile(t, dir, "20240320.txt", story("海门日报", "", []string{"乙", "丙"}))
	writeFile(t, dir, "2024/haimen.md", story("江海晚报", "2024-03-21", []string{"丁"})) // dated by its masthead
	writeFile(t, dir, "undated.txt", story("", "", []string{"戊"}))
	writeFile(t, dir, "photo.jpg", "\xff\xd8\xff")
	writeFile(t, dir, ".hidden.txt", story("", "", []string{"己"}))
	writeFile(t, dir, ".git/x.txt", story("", "", []string{"庚"}))
	writeFile(t, dir, "2024-03-19_1-1_甲.md", "# 甲\n") // a story the reader exported
	st := openTest(t, t.TempDir(), nil)
	list := editions(t, openWait(t, st, dir))

	type row struct {
		date, title string
		articles    int
	}
	var got []row
	for _, e := range list {
		if !e.Indexed || e.ID == 0 || len(e.Hash) != 64 || e.Unread != e.Articles {
			t.Errorf("%s: indexed %v, ID %d, hash %q, unread %d of %d", e.Path, e.Indexed, e.ID, e.Hash, e.Unread, e.Articles)
		}
		got = append(got, row{e.Date, e.Title, e.Articles})
	}
	want := []row{{"2024-03-21", "江海晚报", 1}, {"2024-03-20", "20240320", 2}, {"2024-03-19", "2024-03-19", 1}, {"", "undated", 1}}
	if !slices.Equal(got, want) {
		t.Errorf("editions = %v, want %v", got, want)
	}
	if list[0].Ref != "2024-03-21" || list[3].Ref != list[3].Hash[:8] {
		t.Errorf("refs %q, %q: want the date, or a hash prefix when there is none", list[0].Ref, list[3].Ref)
	}
}

func TestShelfOfFilesAndMissingPath(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	writeFile(t, dir, "2024-03-20.txt", story("海门日报", "", []string{"乙"}))
	st := openTest(t, t.TempDir(), nil)
	list := editions(t, openWait(t, st, a, a))
	if len(list) != 1 || list[0].Path != a {
		t.Errorf("shelf of one file lists %+v", list)
	}
	_, err := st.OpenShelf(context.Background(), filepath.Join(dir, "nope.txt"))
	var ie *model.InputError
	if !errors.As(err, &ie) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v, want a *model.InputError for a missing file", err)
	}
}

// Opening a shelf returns before anything is parsed: new files are listed
// from their names at once and indexed in the background, with progress.
func TestShelfIndexesInBackground(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"2024-03-17", "2024-03-18", "2024-03-19"} {
		writeFile(t, dir, d+".txt", story("海门日报", "", []string{"标题" + d}))
	}
	release := make(chan struct{})
	st, err := Open(Options{Memory: true, Parse: func(data []byte, opt model.Options) (*model.Edition, error) {
		if opt.Source != "seed:"+seeds.Name { // the fingerprint's parse
			<-release
		}
		return splitParse(data, opt)
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	sh, err := st.OpenShelf(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sh.Close()
	list := editions(t, sh)
	if len(list) != 3 || list[0].Date != "2024-03-19" || list[0].Indexed || list[0].ID != 0 {
		t.Fatalf("before indexing: %+v", list)
	}
	select {
	case <-sh.Done():
		t.Fatal("indexing finished while the parser was blocked")
	default:
	}
	close(release)
	var last Progress
	for p := range sh.Progress() {
		if p.Done < last.Done || p.Total != 3 {
			t.Errorf("progress %+v after %+v", p, last)
		}
		last = p
	}
	if last.Done != 3 || last.Failed != 0 {
		t.Errorf("last progress %+v, want 3 of 3 done", last)
	}
	for _, e := range editions(t, sh) {
		if !e.Indexed || e.Articles != 1 {
			t.Errorf("after indexing: %+v", e)
		}
	}
}

// A changed file is parsed and indexed again under the same ID, keeping its
// reading state; a file whose time changed but not its bytes is not parsed.
func TestShelfReindexesChangedFiles(t *testing.T) {
	dir, data := t.TempDir(), t.TempDir()
	path := writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"旧标题"}))
	other := writeFile(t, dir, "2024-03-18.txt", story("海门日报", "", []string{"别的"}))
	var parses atomic.Int64
	ctx := context.Background()
	st := openTest(t, data, &parses)
	first := editions(t, openWait(t, st, dir))[0]
	if err := st.MarkRead(ctx, first.ID, "1-1"); err != nil {
		t.Fatal(err)
	}

	writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"旧标题", "新标题"}))
	setMtime(t, path, time.Second)
	setMtime(t, other, time.Second)
	parses.Store(0)
	st2 := openTest(t, data, &parses) // a later run
	list := editions(t, openWait(t, st2, dir))
	// The fingerprint parses the seed and each format's sample; then only
	// the changed file is parsed.
	if got, want := parses.Load(), int64(2+len(formats.Samples())); got != want {
		t.Errorf("%d parses, want %d (fingerprint samples and the changed file)", got, want)
	}
	e := list[0]
	if e.ID != first.ID || e.Articles != 2 || e.Unread != 1 || e.Hash == first.Hash {
		t.Errorf("after change: %+v (before: %+v)", e, first)
	}
	res, err := st2.Search(ctx, "新标题", SearchOptions{})
	if err != nil || res.Total != 1 || res.Hits[0].Article != "1-2" {
		t.Errorf("search for the new story: %+v, %v", res, err)
	}
}

// A file removed from a shelf directory drops out of the shelf and of
// search; its reading state comes back when the same bytes reappear, under
// any name.
func TestShelfDropsRemovedFiles(t *testing.T) {
	dir := t.TempDir()
	text := story("海门日报", "", []string{"落实长江禁渔令"})
	path := writeFile(t, dir, "2024-03-19.txt", text)
	writeFile(t, dir, "2024-03-18.txt", story("海门日报", "", []string{"别的"}))
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	gone := editions(t, openWait(t, st, dir))[0]
	st.MarkRead(ctx, gone.ID, "1-1")
	if _, err := st.ToggleBookmark(ctx, gone.ID, "1-1"); err != nil {
		t.Fatal(err)
	}

	os.Remove(path)
	list := editions(t, openWait(t, st, dir))
	if len(list) != 1 || list[0].Path == path {
		t.Fatalf("after removing %s: %+v", path, list)
	}
	if res, _ := st.Search(ctx, "禁渔令", SearchOptions{}); res.Total != 0 {
		t.Errorf("search still finds the removed edition: %+v", res)
	}
	if bm, _ := st.Bookmarks(ctx); len(bm) != 0 {
		t.Errorf("bookmarks list a removed edition: %+v", bm)
	}

	writeFile(t, dir, "renamed.txt", text)
	var back Edition
	for _, e := range editions(t, openWait(t, st, dir)) {
		if e.Hash == gone.Hash {
			back = e
		}
	}
	if back.ID != gone.ID || back.Unread != 0 {
		t.Errorf("reappeared edition %+v, want ID %d and no unread", back, gone.ID)
	}
	if bm, _ := st.Bookmarks(ctx); len(bm) != 1 || bm[0].Edition.ID != gone.ID {
		t.Errorf("bookmarks after it reappeared: %+v", bm)
	}
}

func TestShelfReportsUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "2024-03-20.txt", "\x00\x01\x02binary")
	writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	st := openTest(t, t.TempDir(), nil)
	sh := openWait(t, st, dir)
	failed := sh.Failed()
	var ie *model.InputError
	if len(failed) != 1 || !errors.As(failed[0], &ie) || ie.Name != bad {
		t.Errorf("Failed() = %v, want one error naming %s", failed, bad)
	}
	if list := editions(t, sh); len(list) != 1 || list[0].Date != "2024-03-19" {
		t.Errorf("editions %+v, want only the readable one", list)
	}
}

// With no paths a shelf holds the whole library; an edition whose file is
// missing is left out but not dropped, as its disk may only be unmounted.
func TestLibraryShelf(t *testing.T) {
	dir, dir2 := t.TempDir(), t.TempDir()
	a := writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	writeFile(t, dir2, "2024-03-20.txt", story("海门日报", "", []string{"乙"}))
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	openWait(t, st, dir)
	openWait(t, st, dir2)
	if _, err := st.Embed(ctx, "seed.txt", "种子", []byte(story("", "", []string{"丙"}))); err != nil {
		t.Fatal(err)
	}
	if got := len(editions(t, openWait(t, st))); got != 3 {
		t.Errorf("library lists %d editions, want 3", got)
	}
	data, _ := os.ReadFile(a)
	os.Remove(a)
	if got := len(editions(t, openWait(t, st))); got != 2 {
		t.Errorf("library lists %d editions with one file missing, want 2", got)
	}
	writeFile(t, dir, "2024-03-19.txt", string(data))
	if got := len(editions(t, openWait(t, st))); got != 3 {
		t.Errorf("library lists %d editions after the file came back, want 3", got)
	}
}

// Load parses an edition for reading, indexing it first when needed, so its
// ID can carry state at once.
func TestLoadIndexesAnEditionNotYetIndexed(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲", "乙"}))
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	ed, e, err := st.Load(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || e.Articles != 2 || ed.Articles() != 2 || e.Date != "2024-03-19" {
		t.Fatalf("Load = %d articles, %+v", ed.Articles(), e)
	}
	if err := st.MarkRead(ctx, e.ID, "1-2"); err != nil {
		t.Fatal(err)
	}
	list := editions(t, openWait(t, st, dir))
	if list[0].ID != e.ID || list[0].Unread != 1 {
		t.Errorf("shelf after Load: %+v", list[0])
	}
}

// Indexing, reading state and Load only ever read edition files.
func TestEditionFilesAreNeverWritten(t *testing.T) {
	dir := t.TempDir()
	generate(t, dir, 6, 3)
	type stamp struct {
		sum   [32]byte
		mtime time.Time
		mode  os.FileMode
	}
	snapshot := func() map[string]stamp {
		m := map[string]stamp{}
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				data, _ := os.ReadFile(path)
				info, _ := d.Info()
				m[path] = stamp{sha256.Sum256(data), info.ModTime(), info.Mode()}
			}
			return nil
		})
		return m
	}
	before := snapshot()
	ctx := context.Background()
	st := openTest(t, t.TempDir(), nil)
	sh := openWait(t, st, dir)
	for _, e := range editions(t, sh) {
		ed, e, err := sh.Load(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		st.MarkSectionRead(ctx, e.ID, &ed.Sections[0])
		st.ToggleBookmark(ctx, e.ID, "1-1")
		st.SetPosition(ctx, e.ID, Position{Article: "1-1", Block: 1})
	}
	if after := snapshot(); len(after) != len(before) {
		t.Errorf("%d files before, %d after", len(before), len(after))
	} else {
		for path, s := range before {
			if after[path] != s {
				t.Errorf("%s changed", path)
			}
		}
	}
}

// The titles a shelf lists are copies: a parser's strings point into the
// whole decoded text, and keeping them would keep every edition's text in
// memory (a 10,000-edition import peaked at 440 MB before this).
func TestShelfDoesNotPinEditionText(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	var text string
	st, err := Open(Options{Memory: true, Parse: func(data []byte, opt model.Options) (*model.Edition, error) {
		ed, err := splitParse(data, opt)
		if err == nil && opt.Source != "seed:"+seeds.Name {
			text = strings.Repeat("海门日报", 1000)
			ed.Title = text[:len("海门日报")]
		}
		return ed, err
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	list := editions(t, openWait(t, st, dir))
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	title := uintptr(unsafe.Pointer(unsafe.StringData(list[0].Title)))
	if list[0].Title != "海门日报" || (title >= start && title < start+uintptr(len(text))) {
		t.Errorf("title %q shares memory with the parsed text", list[0].Title)
	}
}

// Special files never block the shelf: a named pipe given as a file fails
// to index with an error naming it, and dangling links and named pipes in a
// folder are reported as skipped, not passed over in silence.
func TestShelfSkipsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "2024-03-19.txt", story("海门日报", "", []string{"甲"}))
	fifo := filepath.Join(dir, "2024-03-20.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	dangling := filepath.Join(dir, "2024-03-21.txt")
	if err := os.Symlink(filepath.Join(dir, "gone.txt"), dangling); err != nil {
		t.Fatal(err)
	}
	st := openTest(t, t.TempDir(), nil)
	sh := openWait(t, st, dir)
	if list := editions(t, sh); len(list) != 1 || list[0].Date != "2024-03-19" {
		t.Errorf("editions %+v, want only the regular file", list)
	}
	named := map[string]string{}
	for _, err := range sh.Failed() {
		var ie *model.InputError
		if errors.As(err, &ie) {
			named[ie.Name] = err.Error()
		}
	}
	if !strings.Contains(named[fifo], "named pipe") || !strings.Contains(named[dangling], "dangling") || len(named) != 2 {
		t.Errorf("Failed() = %v, want the named pipe and the dangling link", named)
	}
	// Named alone, the pipe is an error of its own, at once.
	sh = openWait(t, st, fifo)
	if failed := sh.Failed(); len(failed) != 1 || !errors.Is(failed[0], model.ErrNotFile) {
		t.Errorf("pipe as a file: Failed() = %v", failed)
	}
	if _, _, err := st.Load(context.Background(), fifo); !errors.Is(err, model.ErrNotFile) {
		t.Errorf("Load(pipe) = %v", err)
	}
}
