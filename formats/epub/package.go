// Package epub reads EPUB 2 and 3 files as editions. A calibre "Fetch news"
// periodical gives sections and articles from the two levels of its table
// of contents (NCX or nav), the masthead and date from its metadata, and
// leaves calibre's navigation bars out; a book gives its chapters as
// articles.
package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/net/html/charset"
)

// Errors that say why an EPUB cannot be read.
var (
	// ErrEncrypted means the EPUB's content is encrypted (DRM) or the zip
	// is password-protected.
	ErrEncrypted = errors.New("encrypted EPUB (DRM or a password-protected zip): cannot be read")
	// ErrNoSpine means the package lists nothing to read.
	ErrNoSpine = errors.New("EPUB has no spine (nothing to read)")
)

// maxEntryBytes is the most one file inside the EPUB may hold when
// unpacked; a chapter is kilobytes, a larger one is a zip bomb.
const maxEntryBytes = 64 << 20

// maxUnpackedBytes bounds all the files read from one EPUB together.
const maxUnpackedBytes = 512 << 20

// book is an opened EPUB.
type book struct {
	files    map[string]*zip.File
	opfDir   string
	meta     metadata
	manifest map[string]item // by id
	byHref   map[string]item // by full path in the zip
	spine    []string        // full paths, in reading order
	tocID    string          // the NCX's manifest id (EPUB 2)
	unpacked int64           // bytes read from the zip so far
}

type item struct {
	id, href, mediaType, properties string
}

// metadata is what dubao reads of the OPF's account of the publication.
type metadata struct {
	title, date string
}

// open reads the zip directory, the container and the package document.
func open(data []byte) (*book, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("broken zip: %w", err)
	}
	b := &book{files: map[string]*zip.File{}}
	for _, f := range zr.File {
		if f.Flags&0x1 != 0 {
			return nil, ErrEncrypted
		}
		b.files[f.Name] = f
	}
	if enc, ok := b.files["META-INF/encryption.xml"]; ok {
		if data, err := b.readFile(enc); err == nil && bytes.Contains(data, []byte("EncryptedData")) {
			return nil, ErrEncrypted
		}
	}
	opfPath, err := b.rootfile()
	if err != nil {
		return nil, err
	}
	if err := b.readPackage(opfPath); err != nil {
		return nil, err
	}
	return b, nil
}

// read returns the unpacked bytes of the file at full path name.
func (b *book) read(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, fmt.Errorf("EPUB lacks %s", name)
	}
	return b.readFile(f)
}

func (b *book) readFile(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > maxEntryBytes {
		return nil, fmt.Errorf("%s in the EPUB is too large (%d MiB)", f.Name, f.UncompressedSize64>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("broken zip: %s: %w", f.Name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxEntryBytes+1))
	if err != nil {
		return nil, fmt.Errorf("broken zip: %s: %w", f.Name, err)
	}
	if len(data) > maxEntryBytes {
		return nil, fmt.Errorf("%s in the EPUB is too large", f.Name)
	}
	if b.unpacked += int64(len(data)); b.unpacked > maxUnpackedBytes {
		return nil, fmt.Errorf("EPUB unpacks to more than %d MiB", maxUnpackedBytes>>20)
	}
	return data, nil
}

// decodeXML unmarshals an XML file of the EPUB, in whatever encoding it
// declares.
func decodeXML(data []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	return d.Decode(v)
}

// rootfile finds the package document through META-INF/container.xml, or
// failing that the only .opf file.
func (b *book) rootfile() (string, error) {
	if data, err := b.read("META-INF/container.xml"); err == nil {
		var c struct {
			Rootfiles []struct {
				FullPath  string `xml:"full-path,attr"`
				MediaType string `xml:"media-type,attr"`
			} `xml:"rootfiles>rootfile"`
		}
		if err := decodeXML(data, &c); err == nil {
			for _, r := range c.Rootfiles {
				if _, ok := b.files[r.FullPath]; ok {
					return r.FullPath, nil
				}
			}
		}
	}
	var opf string
	for name := range b.files {
		if strings.HasSuffix(strings.ToLower(name), ".opf") {
			if opf != "" {
				return "", errors.New("EPUB has no usable META-INF/container.xml and several package files")
			}
			opf = name
		}
	}
	if opf == "" {
		return "", errors.New("not an EPUB: no package document (META-INF/container.xml, .opf)")
	}
	return opf, nil
}

// opfDoc is the part of the package document dubao reads.
type opfDoc struct {
	Metadata struct {
		Title []string `xml:"title"`
		Date  []string `xml:"date"`
	} `xml:"metadata"`
	Manifest []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		Toc      string `xml:"toc,attr"`
		Itemrefs []struct {
			IDRef  string `xml:"idref,attr"`
			Linear string `xml:"linear,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

func (b *book) readPackage(opfPath string) error {
	data, err := b.read(opfPath)
	if err != nil {
		return err
	}
	var doc opfDoc
	if err := decodeXML(data, &doc); err != nil {
		return fmt.Errorf("EPUB package document %s: %w", opfPath, err)
	}
	b.opfDir = path.Dir(opfPath)
	m := doc.Metadata
	b.meta = metadata{title: firstOf(m.Title), date: firstOf(m.Date)}
	b.manifest = map[string]item{}
	b.byHref = map[string]item{}
	for _, it := range doc.Manifest {
		full := b.resolve(b.opfDir, it.Href)
		i := item{id: it.ID, href: full, mediaType: it.MediaType, properties: it.Properties}
		b.manifest[it.ID] = i
		b.byHref[full] = i
	}
	b.tocID = doc.Spine.Toc
	for _, ref := range doc.Spine.Itemrefs {
		if it, ok := b.manifest[ref.IDRef]; ok && isXHTML(it) {
			b.spine = append(b.spine, it.href)
		}
	}
	if len(b.spine) == 0 {
		return ErrNoSpine
	}
	return nil
}

func isXHTML(it item) bool {
	switch it.mediaType {
	case "application/xhtml+xml", "text/html", "application/x-dtbook+xml":
		return true
	}
	return strings.HasSuffix(it.href, ".html") || strings.HasSuffix(it.href, ".xhtml") || strings.HasSuffix(it.href, ".htm")
}

// resolve turns href, relative to the file in directory dir, into a full
// path in the zip, without its fragment.
func (b *book) resolve(dir, href string) string {
	href, _, _ = strings.Cut(href, "#")
	href = unescape(href)
	if href == "" {
		return ""
	}
	if strings.HasPrefix(href, "/") {
		return strings.TrimPrefix(path.Clean(href), "/")
	}
	p := path.Clean(path.Join(dir, href))
	return strings.TrimPrefix(p, "./")
}

// unescape decodes the %XX escapes of an href.
func unescape(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var out []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			out = append(out, unhex(s[i+1])<<4|unhex(s[i+2]))
			i += 2
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

func firstOf(s []string) string {
	for _, v := range s {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
