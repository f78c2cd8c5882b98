package model

import (
	"bytes"
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"dubao/seeds"
)

// loadReturns runs Load(path) and fails the test if it has not returned
// after a minute: a Load that opens a named pipe waits for a writer that
// never comes, and the test should say so rather than hang.
func loadReturns(t *testing.T, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Load(path)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatalf("Load(%q) blocked", path)
		return nil
	}
}

func TestLoadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "edition.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	sock := filepath.Join(dir, "s.txt")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for path, what := range map[string]string{fifo: "named pipe", sock: "socket", link: "named pipe", "/dev/null": "character device", dir: "directory"} {
		err := loadReturns(t, path)
		if !errors.Is(err, ErrNotFile) || !strings.HasPrefix(err.Error(), path+": ") || !strings.Contains(err.Error(), what) ||
			strings.Contains(err.Error(), "\n") {
			t.Errorf("Load(%q): %v, want a one-line error naming it a %s", path, err, what)
		}
	}
}

// TestLoadTooLargeUnread checks that a file over the limit is refused from
// its size, not after reading it: a sparse file costs nothing on disk, but
// reading it would allocate the whole limit.
func TestLoadTooLargeUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxEditionBytes + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err = loadReturns(t, path)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("error %v", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("refusing the file allocated %d bytes: it was read", got)
	}
	// Standard input redirected from the file is refused the same way.
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	runtime.ReadMemStats(&before)
	_, err = ReadLimited(in)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || after.TotalAlloc-before.TotalAlloc > 1<<20 {
		t.Errorf("ReadLimited: %v after %d bytes allocated", err, after.TotalAlloc-before.TotalAlloc)
	}
}

func TestReadFileSizesItsBuffer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "e.txt")
	data := bytes.Repeat(seeds.Default, 40)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var got []byte
	allocs := testing.AllocsPerRun(3, func() {
		var err error
		if got, _, err = ReadFile(path); err != nil {
			t.Fatal(err)
		}
	})
	if !bytes.Equal(got, data) {
		t.Fatal("ReadFile changed the bytes")
	}
	// One buffer for the data; the rest is the open file and its stats.
	if allocs > 12 {
		t.Errorf("%v allocations to read a file: the buffer was grown", allocs)
	}
}

func TestDecodeReplacesInvalidBytes(t *testing.T) {
	i := bytes.Index(seeds.Default, []byte("。"))
	data := append(append(append([]byte{}, seeds.Default[:i]...), 0xFF), seeds.Default[i:]...)
	// A lone continuation byte and a truncated sequence, too.
	data = append(data, "\n末尾\x80段\xE4\xB8。\n"...)
	text, enc, invalid, err := DecodeCounting(data)
	if err != nil || enc != "utf-8" || invalid != 4 {
		t.Fatalf("encoding %q, %d invalid, err %v", enc, invalid, err)
	}
	if !strings.Contains(text, string(seeds.Default[i-6:i])+"\uFFFD。") || !strings.HasSuffix(text, "末尾\uFFFD段\uFFFD\uFFFD。\n") {
		t.Errorf("replacements not where the bad bytes were: %q", text[len(text)-40:])
	}
	// The truncated sequence E4 B8 is two bytes: each counts, as each
	// became U+FFFD.
	e, err := Parse(data, Options{})
	if err != nil || e.InvalidBytes != 4 {
		t.Errorf("Parse: %v, InvalidBytes %d", err, e.InvalidBytes)
	}
	if e, err := Parse(seeds.Default, Options{}); err != nil || e.InvalidBytes != 0 {
		t.Errorf("clean seed: %v, InvalidBytes %d", err, e.InvalidBytes)
	}
	// With a byte-order mark, too.
	if _, _, n, err := DecodeCounting(append([]byte{0xEF, 0xBB, 0xBF}, data...)); err != nil || n != 4 {
		t.Errorf("with BOM: %d invalid, %v", n, err)
	}
}

func TestDecodeUTF16WithoutBOM(t *testing.T) {
	seed := string(seeds.Default)
	for name, order := range map[string]unicode.Endianness{"utf-16le": unicode.LittleEndian, "utf-16be": unicode.BigEndian} {
		data := encode(t, unicode.UTF16(order, unicode.IgnoreBOM), seed)
		got, enc, err := Decode(data)
		if err != nil || enc != name || got != seed {
			t.Errorf("%s without BOM: encoding %q, err %v, text matches %v", name, enc, err, got == seed)
		}
	}
	// English in UTF-16: every other byte zero.
	data := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Morning Edition\n\nThe council met today.\n")
	if got, enc, err := Decode(data); err != nil || enc != "utf-16le" || !strings.HasPrefix(got, "Morning") {
		t.Errorf("ASCII utf-16le: %q %q %v", got, enc, err)
	}
}
