package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"

	"dubao/seeds"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// traditionalSample is a short Big5-encodable edition in traditional
// characters.
const traditionalSample = "臺北市推動公共住宅興建計畫\n\n本報訊（記者 王大明）臺北市政府今天宣布，將擴大推動公共住宅興建計畫，" +
	"預計在未來五年內完成兩萬戶，讓更多年輕人能夠安心居住。市長表示，這項政策是市府施政的重點之一。\n"

func TestDecodeEncodings(t *testing.T) {
	seed := string(seeds.Default)
	tests := []struct {
		name, want, enc string
		data            []byte
	}{
		{"utf-8", seed, "utf-8", seeds.Default},
		{"utf-8 with BOM", seed, "utf-8", append([]byte{0xEF, 0xBB, 0xBF}, seeds.Default...)},
		{"utf-16le with BOM", seed, "utf-16le", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), seed)},
		{"utf-16be with BOM", seed, "utf-16be", encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), seed)},
		{"gbk", seed, "gb18030", encode(t, simplifiedchinese.GBK, seed)},
		{"gb18030", seed, "gb18030", encode(t, simplifiedchinese.GB18030, seed)},
		{"big5", traditionalSample, "big5", encode(t, traditionalchinese.Big5, traditionalSample)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, enc, err := Decode(tc.data)
			if err != nil || got != tc.want || enc != tc.enc {
				t.Errorf("Decode: encoding %q, err %v, text matches: %v", enc, err, got == tc.want)
			}
		})
	}
}

func TestLegacyEncodingsParseAlike(t *testing.T) {
	want := outline(parseSeed(t))
	for _, enc := range []encoding.Encoding{simplifiedchinese.GBK, simplifiedchinese.GB18030} {
		e, err := Parse(encode(t, enc, string(seeds.Default)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := outline(e); got != want {
			t.Errorf("GB-encoded seed parses differently:\n%s", got)
		}
	}
	e, err := Parse(encode(t, traditionalchinese.Big5, traditionalSample), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := e.Sections[0].Articles[0]; a.Headline != "臺北市推動公共住宅興建計畫" || a.Byline.Reporters[0] != "王大明" {
		t.Errorf("Big5 edition: %+v", a)
	}
}

func TestDecodeRejectsBinary(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	elf := append([]byte("\x7fELF\x02\x01\x01"), bytes.Repeat([]byte{0, 1, 2, 3}, 64)...)
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*131 + i/7)
	}
	controls := bytes.Repeat([]byte("a\x01\x02\x03\x04b"), 100)
	for name, data := range map[string][]byte{"png": png, "elf": elf, "noise": noise, "controls": controls} {
		if _, _, err := Decode(data); !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) {
			t.Errorf("%s: err = %v, want binary or encoding error", name, err)
		}
	}
	// Latin-1 text is not one of the encodings dubao reads.
	if _, _, err := Decode([]byte("caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve \xe0 la carte")); !errors.Is(err, ErrEncoding) {
		t.Errorf("latin-1: err = %v", err)
	}
}

func TestControlCharactersRemoved(t *testing.T) {
	text := "标题\x1b[31m红\x1b[0m\r\n\r\n本报讯 正文\x07含有\u009b控制\x00字符。\rNext\tline\n"
	e := ParseText(text, Options{})
	var all strings.Builder
	for _, s := range e.Sections {
		for _, a := range s.Articles {
			all.WriteString(a.Headline + a.Byline.Raw)
			for _, b := range a.Body {
				all.WriteString(b.Text)
			}
		}
	}
	got := all.String()
	if strings.ContainsAny(got, "\x1b\x07\x00\u009b\r") {
		t.Errorf("control character kept: %q", got)
	}
	for _, want := range []string{"标题红", "正文含有控制字符。", "Next\tline"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q missing from %q", want, got)
		}
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "photo.jpg")
	if err := os.WriteFile(bin, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filepath.Join(dir, "missing.txt"), dir, bin} {
		_, err := Load(path)
		var ie *InputError
		if !errors.As(err, &ie) || ie.Name != path || !strings.HasPrefix(err.Error(), path+": ") || strings.Count(err.Error(), path) != 1 {
			t.Errorf("Load(%q) error %v", path, err)
		}
	}
}

func TestLoadNeverWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "edition.txt")
	if err := os.WriteFile(path, seeds.Default, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if _, err := Load(path); err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(path)
	data, _ := os.ReadFile(path)
	if !bytes.Equal(data, seeds.Default) || !after.ModTime().Equal(before.ModTime()) || after.Mode() != before.Mode() {
		t.Error("Load changed the edition file")
	}
}

func TestReadLimited(t *testing.T) {
	if _, err := readLimited(strings.NewReader("12345"), 4); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: err = %v", err)
	}
	if b, err := readLimited(strings.NewReader("1234"), 4); err != nil || string(b) != "1234" {
		t.Errorf("at the limit: %q, %v", b, err)
	}
}

func TestInputErrorQuotesControlCharacters(t *testing.T) {
	err := &InputError{Name: "evil\x1b]0;pwned\a.txt", Err: ErrBinary}
	if msg := err.Error(); strings.ContainsAny(msg, "\x1b\a") || !strings.Contains(msg, `evil\x1b]0;pwned\a.txt`) {
		t.Errorf("message %q", msg)
	}
	if msg := (&InputError{Name: "报纸.txt", Err: ErrBinary}).Error(); msg != "报纸.txt: binary file, not text" {
		t.Errorf("plain name changed: %q", msg)
	}
}
