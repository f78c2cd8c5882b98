package html

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"dubao/formats/charset"
	"dubao/formats/htmltext"
	"dubao/model"
)

// FolderMIME is the mimetype entry of the archive ReadFolder packs an
// e-paper folder into, by which formats.Sniff knows it.
const FolderMIME = "application/x-dubao-epaper+zip"

// ErrNoPages means a folder read as an e-paper holds no 版面 page whose
// articles could be read.
var ErrNoPages = errors.New("no e-paper pages (版面 pages linking to article pages) in the folder")

// maxFolderPages is the most HTML files an e-paper folder is read for; a
// day's paper has a few hundred.
const maxFolderPages = 5000

// sniffBytes is how much of each page IsFolder reads: a 版面 page's name
// and article list come early.
const sniffBytes = 256 << 10

// isPageFile reports whether a file name is an HTML page.
func isPageFile(name string) bool { return IsPageName(name) }

// IsPageName reports whether a file name is one IsFolder takes for an HTML
// page: .html, .htm, .shtml or .xhtml, in any case.
func IsPageName(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".html", ".htm", ".shtml", ".xhtml":
		return true
	}
	return false
}

// pageFiles lists the HTML pages under dir, relative and slash-separated,
// sorted, leaving out hidden files and folders.
func pageFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !isPageFile(p) {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil
		}
		out = append(out, filepath.ToSlash(rel))
		if len(out) > maxFolderPages {
			return fmt.Errorf("more than %d HTML pages: not one edition", maxFolderPages)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// IsFolder reports whether dir holds one e-paper edition: its tree has 版面
// pages (HTML pages naming a page of the paper, 第01版：要闻, whose links lead
// to article pages in the same tree), all of one date, and dir is the
// folder those pages have in common (wget -r puts layout/ and content/
// side by side in it). A folder without them, with pages of several
// dates, or holding the e-paper in a subfolder, is a shelf.
func IsFolder(dir string) bool {
	names, err := pageFiles(dir)
	if err != nil || len(names) < 2 {
		return false
	}
	pages := map[string][]byte{}
	for _, n := range names {
		if data, err := readHead(filepath.Join(dir, filepath.FromSlash(n)), sniffBytes); err == nil {
			pages[n] = data
		}
	}
	layouts := findLayouts(pages)
	if len(layouts) == 0 {
		return false
	}
	dates := map[string]bool{}
	for _, l := range layouts {
		if l.date != "" {
			dates[l.date] = true
		}
		// The e-paper is the folder each 版面 page and its articles have in
		// common: a folder holding e-papers in subfolders is a shelf.
		if commonDir(append([]string{l.name}, l.links...)) != "." {
			return false
		}
	}
	return len(dates) <= 1
}

// commonDir returns the deepest folder (slash-separated, "." for the top)
// that holds all the named files.
func commonDir(names []string) string {
	if len(names) == 0 {
		return "."
	}
	common := strings.Split(path.Dir(names[0]), "/")
	for _, n := range names[1:] {
		parts := strings.Split(path.Dir(n), "/")
		i := 0
		for i < len(common) && i < len(parts) && common[i] == parts[i] {
			i++
		}
		common = common[:i]
	}
	if len(common) == 0 || (len(common) == 1 && common[0] == ".") {
		return "."
	}
	return strings.Join(common, "/")
}

// readHead reads up to n bytes of a regular file.
func readHead(name string, n int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, n))
}

// ReadFolder packs the HTML pages of the e-paper folder dir into one
// archive (Pack, with FolderMIME), which Parse reads back as the edition:
// so a folder is hashed, indexed and parsed as the bytes of one file are.
// Pictures and scripts are left out.
func ReadFolder(dir string) ([]byte, error) {
	names, err := pageFiles(dir)
	if err != nil {
		return nil, err
	}
	return Pack(FolderMIME, names, func(n string) ([]byte, error) {
		return readHead(filepath.Join(dir, filepath.FromSlash(n)), model.MaxEditionBytes+1)
	})
}

// Pack writes the files names, read by read, into the zip a folder edition
// is read from: mimetype (holding mime) first and stored, then each file,
// with no modification times, so the same files pack to the same bytes. A
// file that cannot be read is left out; more than model.MaxEditionBytes in
// all is model.ErrTooLarge.
func Pack(mime string, names []string, read func(name string) ([]byte, error)) ([]byte, error) {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	m, err := w.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		return nil, err
	}
	io.WriteString(m, mime)
	total := int64(0)
	for _, n := range names {
		data, err := read(n)
		if err != nil {
			continue
		}
		if total += int64(len(data)); total > model.MaxEditionBytes {
			return nil, model.ErrTooLarge
		}
		f, err := w.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		f.Write(data)
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ParseFolder reads an archive ReadFolder made as an edition: the 版面
// pages are the sections, in page order, and the article pages each lists
// are its articles, in the order listed. Article pages no 版面 page lists
// come last, in a section of their own, so that nothing is lost.
func ParseFolder(data []byte, opt model.Options) (*model.Edition, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("broken e-paper archive: %w", err)
	}
	pages := map[string][]byte{}
	for _, f := range zr.File {
		if f.Name == "mimetype" || !isPageFile(f.Name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("broken e-paper archive: %w", err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, model.MaxEditionBytes+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("broken e-paper archive: %w", err)
		}
		pages[f.Name] = b
	}
	layouts := findLayouts(pages)
	if len(layouts) == 0 {
		return nil, ErrNoPages
	}
	ed := &model.Edition{Title: opt.Title, Source: opt.Source}
	used := map[string]bool{}
	for _, l := range layouts {
		used[l.name] = true
	}
	site := ""
	for _, l := range layouts {
		sec := model.Section{Index: len(ed.Sections) + 1, Header: l.header}
		sec.Page, sec.Name = pageHeader(l.header)
		if sec.Name == "" {
			sec.Name = l.header
		}
		for _, link := range l.links {
			if used[link] {
				continue
			}
			used[link] = true
			st, enc, err := readPage(pages[link], "")
			if err != nil {
				continue
			}
			site = cmp.Or(site, st.site)
			ed.Encoding = cmp.Or(ed.Encoding, enc)
			st.article.ID = strconv.Itoa(sec.Index) + "-" + strconv.Itoa(len(sec.Articles)+1)
			sec.Articles = append(sec.Articles, st.article)
		}
		if len(sec.Articles) > 0 {
			ed.Sections = append(ed.Sections, sec)
		}
		ed.Date = cmp.Or(ed.Date, l.date)
	}
	// Pages no 版面 page lists: articles the saved 版面 pages did not link
	// (a page saved on its own), kept in a last section.
	var rest []string
	for name := range pages {
		if !used[name] {
			rest = append(rest, name)
		}
	}
	slices.Sort(rest)
	other := model.Section{Index: len(ed.Sections) + 1, Name: "其他"}
	for _, name := range rest {
		st, _, err := readPage(pages[name], "")
		if err != nil || !hasText(st.article.Body) {
			continue
		}
		st.article.ID = strconv.Itoa(other.Index) + "-" + strconv.Itoa(len(other.Articles)+1)
		other.Articles = append(other.Articles, st.article)
	}
	if len(other.Articles) > 0 {
		ed.Sections = append(ed.Sections, other)
	}
	if ed.Articles() == 0 {
		return nil, ErrNoPages
	}
	if site != "" {
		ed.Title, ed.Masthead = site, site
	}
	if ed.Encoding == "" {
		ed.Encoding = "utf-8"
	}
	return ed, nil
}

// layout is a 版面 page: its name, the date it states, and the pages it
// links to, in order.
type layout struct {
	name, header, date string
	page               string // the page number, for ordering
	links              []string
}

// findLayouts picks the 版面 pages among pages (by name) and returns them in
// page order, with their links to the article pages (not to other 版面
// pages) in the tree.
func findLayouts(pages map[string][]byte) []layout {
	type info struct {
		header, date string
		links        []string
		article      bool
	}
	// Pages a browser saved one by one keep their links to the site, and
	// say where they were saved from: links are matched to pages by those
	// addresses too.
	byAddress := map[string]string{}
	addresses := map[string]*url.URL{}
	for name, data := range pages {
		if u := savedAddress(data); u != nil {
			addresses[name] = u
			byAddress[addressKey(u)] = name
		}
	}
	infos := map[string]info{}
	for name, data := range pages {
		if !mentionsPage(data) {
			continue
		}
		text, _, err := charset.Decode(data)
		if err != nil {
			continue
		}
		doc, err := html.Parse(strings.NewReader(text))
		if err != nil {
			continue
		}
		in := info{header: layoutHeader(doc), article: isArticlePage(doc)}
		seen := map[string]bool{}
		for _, a := range findAll(doc, tag(atom.A)) {
			href := htmltext.Attr(a, "href")
			link := resolveLink(name, href)
			if _, ok := pages[link]; !ok {
				link = byAddress[linkKey(addresses[name], href)]
			}
			if link == "" || link == name || seen[link] {
				continue
			}
			if _, ok := pages[link]; ok {
				seen[link] = true
				in.links = append(in.links, link)
			}
		}
		in.date = findDate(name)
		if in.date == "" && addresses[name] != nil {
			in.date = findDate(addresses[name].Path)
		}
		if in.date == "" {
			in.date = findDate(titleText(doc))
		}
		infos[name] = in
	}
	var out []layout
	for name, in := range infos {
		if in.header == "" || in.article || len(in.links) < 1 {
			continue
		}
		out = append(out, layout{name: name, header: in.header, date: in.date, links: in.links})
	}
	isLayout := map[string]bool{}
	for _, l := range out {
		isLayout[l.name] = true
	}
	for i := range out {
		var arts []string
		for _, link := range out[i].links {
			if !isLayout[link] {
				arts = append(arts, link)
			}
		}
		out[i].links = arts
		out[i].page, _ = pageHeader(out[i].header)
	}
	out = slices.DeleteFunc(out, func(l layout) bool { return len(l.links) == 0 })
	slices.SortFunc(out, func(a, b layout) int {
		return cmp.Or(comparePages(a.page, b.page), cmp.Compare(a.name, b.name))
	})
	// The same 版面 saved twice (node_01.html and index.html) is one page.
	return slices.CompactFunc(out, func(a, b layout) bool { return a.header == b.header && slices.Equal(a.links, b.links) })
}

// canonicalLink and ogURL find a page's own address in its bytes, without
// parsing it.
var (
	canonicalLink = regexp.MustCompile(`(?i)<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']`)
	ogURL         = regexp.MustCompile(`(?i)<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']`)
)

// savedAddress returns the address a saved page came from: the saved-from
// comment a browser writes, its canonical link or og:url; nil if none.
func savedAddress(data []byte) *url.URL {
	head := data[:min(len(data), sniffBytes)]
	var raw string
	if m := savedFrom.FindSubmatch(head); m != nil {
		raw = string(m[1])
	} else if m := canonicalLink.FindSubmatch(head); m != nil {
		raw = string(m[1])
	} else if m := ogURL.FindSubmatch(head); m != nil {
		raw = string(m[1])
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || !u.IsAbs() || u.Host == "" {
		return nil
	}
	return u
}

// addressKey is an address as links are matched to it: without scheme,
// query or fragment.
func addressKey(u *url.URL) string {
	return strings.ToLower(u.Host) + u.EscapedPath()
}

// linkKey is the addressKey of href on a page saved from base ("" when
// it names no address).
func linkKey(base *url.URL, href string) string {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	if base != nil {
		ref = base.ResolveReference(ref)
	}
	if !ref.IsAbs() || ref.Host == "" {
		return ""
	}
	return addressKey(ref)
}

// pageChar is 版 in UTF-8, GB18030 and Big5: a page that has none in any of
// them names no page of a paper, and need not be parsed to know it is not
// a 版面 page.
var pageChar = [][]byte{[]byte("版"), {0xb0, 0xe6}, {0xaa, 0xa9}}

func mentionsPage(data []byte) bool {
	for _, c := range pageChar {
		if bytes.Contains(data, c) {
			return true
		}
	}
	return false
}

// comparePages orders page numbers: A02 after A01, 10 after 9; pages
// without a number last.
func comparePages(a, b string) int {
	switch {
	case a == "" && b == "":
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	la, na := splitPage(a)
	lb, nb := splitPage(b)
	return cmp.Or(cmp.Compare(la, lb), cmp.Compare(na, nb))
}

func splitPage(p string) (string, int) {
	i := strings.IndexAny(p, "0123456789")
	if i < 0 {
		return p, 0
	}
	n, _ := strconv.Atoi(p[i:])
	return strings.ToUpper(p[:i]), n
}

// resolveLink turns an href on page name into the name of a page in the
// folder: relative, without query or fragment.
func resolveLink(name, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.Contains(href, "://") || strings.HasPrefix(href, "javascript:") || strings.HasPrefix(href, "mailto:") || strings.HasPrefix(href, "#") {
		return ""
	}
	if i := strings.IndexAny(href, "?#"); i >= 0 {
		href = href[:i]
	}
	if strings.HasPrefix(href, "/") {
		return ""
	}
	p := path.Clean(path.Join(path.Dir(name), href))
	if strings.HasPrefix(p, "../") || p == ".." {
		return ""
	}
	return p
}

// layoutHeader returns the page name a 版面 page states: the text of its
// .ban element (Founder), else the first text that reads as one (第01版：要闻,
// 01版：要闻).
func layoutHeader(doc *html.Node) string {
	if ban := first(doc, tagClass(0, "ban")); ban != nil {
		if t := htmltext.Text(ban); pageHeaderPattern.MatchString(t) {
			return t
		}
	}
	var found string
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == ""; c = c.NextSibling {
			switch {
			case c.Type == html.ElementNode && (htmltext.Dropped(c) || c.DataAtom == atom.A):
			case c.Type == html.TextNode:
				t := htmltext.Clean(c.Data)
				if utf8.RuneCountInString(t) <= 30 && pageHeaderPattern.MatchString(t) && strings.ContainsAny(t, ":：") {
					found = t
				}
			default:
				rec(c)
			}
		}
	}
	rec(doc)
	return found
}

// isArticlePage reports whether a page is an article rather than a 版面
// page: Founder's founder-content holds a story's body, and any page with
// more text outside links than in them is one.
func isArticlePage(doc *html.Node) bool {
	if first(doc, func(n *html.Node) bool {
		return n.Data == "founder-content" || hasClass(n, "founder-content") || htmltext.Attr(n, "id") == "ozoom"
	}) != nil {
		return true
	}
	inLinks, outside := 0, 0
	var rec func(*html.Node, bool)
	rec = func(n *html.Node, link bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				k := utf8.RuneCountInString(strings.TrimSpace(c.Data))
				if link {
					inLinks += k
				} else {
					outside += k
				}
			case c.Type == html.ElementNode && !htmltext.Dropped(c):
				rec(c, link || c.DataAtom == atom.A)
			}
		}
	}
	rec(doc, false)
	return outside > 400 && outside > 2*inLinks
}
