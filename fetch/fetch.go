package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/mmcdole/gofeed"
)

// Defaults of Fetcher limits left zero.
const (
	DefaultMaxItems   = 100
	DefaultMaxPages   = 64
	DefaultMaxStories = 1000
)

// Fetcher saves editions into a shelf directory: DIR/SOURCE/YYYY-MM-DD/.
type Fetcher struct {
	// Client makes the requests.
	Client *Client
	// Dir is the shelf directory.
	Dir string
	// MaxItems bounds the item pages of a feed fetched in one run; the
	// others wait for the next run.
	MaxItems int
	// MaxPages bounds the 版面 pages of an e-paper edition.
	MaxPages int
	// MaxStories bounds the articles of an e-paper edition.
	MaxStories int
	// Progress, when not nil, is told of each file as it is saved.
	Progress func(Progress)
	// Warn, when not nil, is told of parts that could not be saved and were
	// skipped (a 404 item page); the edition is complete without them.
	Warn func(error)
	// Now is the clock that dates feeds and single articles; nil means
	// time.Now.
	Now func() time.Time
}

// Progress is the state of a fetch: Done files saved of Total known.
type Progress struct {
	Done, Total int
	URL         string
}

// Request is one thing to fetch.
type Request struct {
	// URL is the feed, 版面 page or article.
	URL string
	// Source names the folder under Dir; empty means one made from the
	// URL's host.
	Source string
	// Validators from the last fetch of URL make it a conditional request.
	Validators Validators
	// Seen reports whether a feed item (by its ID, see Entry) was stored
	// by an earlier run; those are not fetched again. Nil means none was.
	Seen func(id string) bool
}

// Result is what a fetch saved.
type Result struct {
	// Path is the edition folder; empty when the server said nothing
	// changed (NotModified).
	Path string
	// Kind is what URL turned out to be.
	Kind Kind
	// NotModified: the server said URL had not changed since Validators.
	NotModified bool
	// Existing: nothing new was found for an edition on the shelf already
	// (an e-paper edition is fetched once; a feed had no new items; an
	// article was saved before). Path is that edition.
	Existing bool
	// Validators are URL's, to send next time.
	Validators Validators
	// Added are the entries saved by this run (not counting those a resumed
	// run found saved).
	Added []Entry
	// Items are the IDs of the feed items new in this edition, those whose
	// page was saved and those that have none (their text is in the feed).
	Items []string
}

// Fetch gets req.URL and saves what it finds, as README.md describes: a
// feed and its items' pages, an e-paper edition's 版面 pages and their
// articles (same site only), or one article. Everything is written into a
// staging folder and renamed into place when complete; an interrupted fetch
// leaves the shelf as it was, and the next Fetch of the same edition
// resumes, fetching only what is not saved yet.
func (f *Fetcher) Fetch(ctx context.Context, req Request) (*Result, error) {
	c := f.Client
	resp, err := c.Get(ctx, req.URL, req.Validators)
	if err != nil {
		return nil, err
	}
	if resp.NotModified() {
		return &Result{NotModified: true, Validators: req.Validators}, nil
	}
	val := resp.Validators()
	// A <meta refresh> is how many e-papers send a reader from their
	// front door to today's first 版面; follow it as a redirect.
	for hops := 0; ; hops++ {
		if sniffKind(resp.Body) != KindArticle || !isHTML(resp) {
			break
		}
		text, _ := Decode(resp.ContentType(), resp.Body)
		p := parsePage(text, resp.URL)
		if p.Refresh == nil || p.Refresh.String() == resp.URL.String() || len(p.Links) > 3 {
			break
		}
		if hops >= c.opt.MaxRedirects {
			return nil, &Error{URL: req.URL, Reason: fmt.Sprintf("more than %d redirects", c.opt.MaxRedirects)}
		}
		if resp, err = c.Get(ctx, p.Refresh.String(), Validators{}); err != nil {
			return nil, err
		}
	}
	source := req.Source
	if source == "" {
		source = SourceName(resp.URL)
	}
	if err := checkName(source); err != nil {
		return nil, err
	}
	now := time.Now
	if f.Now != nil {
		now = f.Now
	}
	r := &run{f: f, ctx: ctx, req: req, now: now()}
	var res *Result
	switch kind := sniffKind(resp.Body); {
	case kind == KindFeed:
		res, err = r.feed(source, resp)
	default:
		text, _ := Decode(resp.ContentType(), resp.Body)
		p := parsePage(text, resp.URL)
		if pages := p.pageList(resp.URL); len(pages) >= 2 || isPageLink(link{URL: resp.URL}) && len(p.stories(resp.URL)) > 0 {
			res, err = r.epaper(source, resp, p, pages)
		} else {
			res, err = r.article(source, resp, p)
		}
	}
	if err != nil {
		return nil, err
	}
	res.Validators = val
	return res, nil
}

func isHTML(r *Response) bool {
	mt, _, _ := mime.ParseMediaType(r.ContentType())
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	head := bytes.ToLower(r.Body[:min(len(r.Body), 512)])
	return mt == "" || mt == "text/plain" && (bytes.Contains(head, []byte("<html")) || bytes.Contains(head, []byte("<!doctype html")))
}

// run is one Fetch.
type run struct {
	f    *Fetcher
	ctx  context.Context
	req  Request
	now  time.Time
	done int
	res  Result
}

func (r *run) progress(total int, u string) {
	r.done++
	if r.f.Progress != nil {
		r.f.Progress(Progress{Done: r.done, Total: total, URL: u})
	}
}

func (r *run) warn(err error) {
	if r.f.Warn != nil {
		r.f.Warn(err)
	}
}

func (r *run) target(source, date string) string {
	return filepath.Join(r.f.Dir, source, date)
}

// entryOf describes a response saved as file.
func entryOf(resp *Response, file, role string) Entry {
	name, _ := Charset(resp.ContentType(), resp.Body)
	return Entry{File: file, URL: resp.URL.String(), Role: role, ContentType: resp.ContentType(), Charset: name}
}

// get fetches u for a part of an edition. A part the server says is gone
// for good (a 4xx) is skipped with a warning; any other failure fails the
// run, to be resumed.
func (r *run) get(u string) (*Response, error) {
	resp, err := r.f.Client.Get(r.ctx, u, Validators{})
	if err != nil {
		var fe *Error
		if errors.As(err, &fe) && fe.Permanent() {
			r.warn(err)
			return nil, nil
		}
		return nil, err
	}
	return resp, nil
}

func (r *run) feed(source string, resp *Response) (*Result, error) {
	feed, err := parseFeed(resp)
	if err != nil {
		return nil, &Error{URL: resp.URL.String(), Reason: "reading the feed: " + err.Error(), Err: err}
	}
	date := r.now.Format(time.DateOnly)
	fresh := Index{Kind: KindFeed, Source: source, Date: date, URL: resp.URL.String(), Title: squash(feed.Title)}
	fld, err := openFolder(r.target(source, date), fresh)
	if err != nil {
		return nil, err
	}
	defer fld.close()
	type item struct {
		id, link, title, published string
	}
	var todo []item
	for _, it := range feed.Items {
		id := strings.TrimSpace(it.GUID)
		l := strings.TrimSpace(it.Link)
		if l == "" && len(it.Links) > 0 {
			l = strings.TrimSpace(it.Links[0])
		}
		if l != "" {
			if u, err := resp.URL.Parse(l); err == nil {
				l = u.String()
			}
		}
		if id == "" {
			id = l
		}
		if id == "" {
			continue
		}
		if r.req.Seen != nil && r.req.Seen(id) || fld.hasID(id) {
			continue
		}
		pub := ""
		if it.PublishedParsed != nil {
			pub = it.PublishedParsed.UTC().Format(time.RFC3339)
		}
		todo = append(todo, item{id, l, squash(it.Title), pub})
	}
	if len(todo) == 0 {
		// Nothing new for an edition that is on the shelf already: leave
		// it as it is. Nor does an update make an edition of items it
		// saved before.
		if _, err := os.Stat(fld.target); err == nil {
			os.RemoveAll(fld.staging)
			return &Result{Path: fld.target, Kind: KindFeed, Existing: true}, nil
		}
		if r.req.Seen != nil && len(feed.Items) > 0 {
			os.RemoveAll(fld.staging)
			return &Result{Kind: KindFeed, Existing: true}, nil
		}
	}
	maxItems := r.f.MaxItems
	if maxItems == 0 {
		maxItems = DefaultMaxItems
	}
	if len(todo) > maxItems {
		todo = todo[:maxItems]
	}
	total := 1 + len(todo)
	ext := ".xml"
	if bytes.HasPrefix(bytes.TrimLeft(resp.Body, " \t\r\n\xef\xbb\xbf"), []byte("{")) {
		ext = ".json"
	}
	e := entryOf(resp, fld.feedFile(resp.URL.String(), ext), "feed")
	e.Title = fresh.Title
	if err := fld.save(e, resp.Body); err != nil {
		return nil, err
	}
	r.progress(total, resp.URL.String())
	added := []Entry{e}
	var ids []string
	for _, it := range todo {
		var entry Entry
		if it.link == "" {
			// All there is of it is in the feed.
			ids = append(ids, it.id)
			continue
		}
		if saved, ok := fld.has(it.link); ok {
			entry = saved
		} else {
			page, err := r.get(it.link)
			if err != nil {
				return nil, err
			}
			if page == nil {
				continue
			}
			entry = entryOf(page, fld.nextItemFile(), "item")
			entry.URL = it.link // the feed's link, which Seen and resume know it by
			entry.Title, entry.ID, entry.Published = it.title, it.id, it.published
			if err := fld.save(entry, page.Body); err != nil {
				return nil, err
			}
		}
		added = append(added, entry)
		ids = append(ids, it.id)
		r.progress(total, it.link)
	}
	if err := fld.commit(r.now); err != nil {
		return nil, err
	}
	return &Result{Path: fld.target, Kind: KindFeed, Added: added, Items: ids}, nil
}

// feedFile names the file of the feed at u: the one it had in the folder
// before (the feed fetched again replaces it), else feed.xml, or
// feed-2.xml… when another feed of the same source has that name.
func (f *folder) feedFile(u, ext string) string {
	taken := map[string]bool{}
	for _, e := range f.index.Files {
		if e.Role == "feed" {
			if e.URL == u && strings.HasSuffix(e.File, ext) {
				return e.File
			}
			taken[e.File] = true
		}
	}
	name := "feed" + ext
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("feed-%d%s", i, ext)
	}
	return name
}

// hasID reports whether the feed item id is in the edition on the shelf.
func (f *folder) hasID(id string) bool { return f.onShelf[id] }

// parseFeed reads RSS, Atom or JSON Feed. gofeed honours an XML encoding
// declaration; a feed whose charset only the HTTP header gives is decoded
// first.
func parseFeed(resp *Response) (*gofeed.Feed, error) {
	p := gofeed.NewParser()
	body := resp.Body
	if name, _ := fromHeader(resp.ContentType()); name != "" && name != "utf-8" {
		if _, d := declared(body); d == nil {
			text, _ := Decode(resp.ContentType(), body)
			body = []byte(text)
		}
	}
	feed, err := p.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, errors.New(oneLine(err.Error()))
	}
	return feed, nil
}

func (r *run) epaper(source string, first *Response, p *page, pages []link) (*Result, error) {
	self := link{URL: first.URL, Text: p.Title}
	found := false
	for _, l := range pages {
		if l.URL.String() == first.URL.String() {
			found = true
		}
	}
	if !found {
		pages = append([]link{self}, pages...)
	}
	maxPages := r.f.MaxPages
	if maxPages == 0 {
		maxPages = DefaultMaxPages
	}
	if len(pages) > maxPages {
		r.warn(&Error{URL: first.URL.String(), Reason: fmt.Sprintf("%d 版面 pages, only the first %d saved", len(pages), maxPages)})
		pages = pages[:maxPages]
	}
	maxStories := r.f.MaxStories
	if maxStories == 0 {
		maxStories = DefaultMaxStories
	}
	date := DateOf(first.URL, r.now)
	target := r.target(source, date)
	if idx, err := ReadIndex(target); err == nil {
		if idx.Kind != KindEPaper {
			return nil, &Error{URL: first.URL.String(), Reason: fmt.Sprintf("%s holds a %s edition, not an e-paper: fetch with another name", target, idx.Kind)}
		}
		return &Result{Path: target, Kind: KindEPaper, Existing: true}, nil
	}
	fld, err := openFolder(target, Index{Kind: KindEPaper, Source: source, Date: date, URL: first.URL.String(), Title: p.Title})
	if err != nil {
		return nil, err
	}
	defer fld.close()
	width := 2
	if len(pages) > 99 {
		width = 3
	}
	total := len(pages)
	stories := 0
	for i, pl := range pages {
		name := fmt.Sprintf("%0*d", width, i+1)
		var body []byte
		var saved Entry
		if e, ok := fld.has(pl.URL.String()); ok {
			saved = e
			if body, err = fld.read(e); err != nil {
				return nil, err
			}
		} else {
			resp := first
			if pl.URL.String() != first.URL.String() {
				if resp, err = r.get(pl.URL.String()); err != nil {
					return nil, err
				}
				if resp == nil {
					continue
				}
			}
			saved = entryOf(resp, name+".html", "page")
			saved.URL = pl.URL.String()
			saved.Title = pl.Text
			if err := fld.save(saved, resp.Body); err != nil {
				return nil, err
			}
			r.res.Added = append(r.res.Added, saved)
			body = resp.Body
		}
		r.progress(total, pl.URL.String())
		text, _ := Decode(saved.ContentType, body)
		pg := parsePage(text, pl.URL)
		links := pg.stories(pl.URL)
		total += len(links)
		for j, sl := range links {
			if stories >= maxStories {
				r.warn(&Error{URL: pl.URL.String(), Reason: fmt.Sprintf("more than %d articles, the rest not saved", maxStories)})
				break
			}
			stories++
			if _, ok := fld.has(sl.URL.String()); !ok {
				resp, err := r.get(sl.URL.String())
				if err != nil {
					return nil, err
				}
				if resp == nil {
					continue
				}
				e := entryOf(resp, fmt.Sprintf("%s-%02d.html", name, j+1), "story")
				e.URL, e.Page, e.Title = sl.URL.String(), saved.File, sl.Text
				if err := fld.save(e, resp.Body); err != nil {
					return nil, err
				}
				r.res.Added = append(r.res.Added, e)
			}
			r.progress(total, sl.URL.String())
		}
	}
	fld.sortEPaper()
	if err := fld.commit(r.now); err != nil {
		return nil, err
	}
	return &Result{Path: target, Kind: KindEPaper, Added: r.res.Added}, nil
}

// sortEPaper puts the files in reading order — each 版面, then its
// articles — whatever order a resumed run saved them in; the names sort so.
func (f *folder) sortEPaper() {
	key := func(e Entry) string { return strings.TrimSuffix(e.File, ".html") }
	slices.SortStableFunc(f.index.Files, func(a, b Entry) int { return strings.Compare(key(a), key(b)) })
}

func (r *run) article(source string, resp *Response, p *page) (*Result, error) {
	date := DateOf(resp.URL, r.now)
	target := r.target(source, date)
	fld, err := openFolder(target, Index{Kind: KindArticle, Source: source, Date: date, URL: resp.URL.String(), Title: p.Title})
	if err != nil {
		return nil, err
	}
	defer fld.close()
	u := resp.URL.String()
	if fld.urlsOnShelf[u] {
		os.RemoveAll(fld.staging)
		return &Result{Path: target, Kind: KindArticle, Existing: true}, nil
	}
	if _, ok := fld.has(u); !ok {
		e := entryOf(resp, fld.nextItemFile(), "item")
		e.Title = p.Title
		if err := fld.save(e, resp.Body); err != nil {
			return nil, err
		}
		r.res.Added = append(r.res.Added, e)
	}
	r.progress(1, u)
	if err := fld.commit(r.now); err != nil {
		return nil, err
	}
	return &Result{Path: target, Kind: KindArticle, Added: r.res.Added}, nil
}

var urlDate = regexp.MustCompile(`(?:^|[^0-9])(20[0-9]{2})[-/_]?(0[1-9]|1[0-2])[-/_]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)

// DateOf returns the date an e-paper or article URL names
// (…/2024-03/05/…, …_20240305_…, …/2024/03/05/…), else now's.
func DateOf(u *url.URL, now time.Time) string {
	if m := urlDate.FindStringSubmatch(u.Path); m != nil {
		d := m[1] + "-" + m[2] + "-" + m[3]
		if _, err := time.Parse(time.DateOnly, d); err == nil {
			return d
		}
	}
	return now.Format(time.DateOnly)
}

// SourceName is the folder name fetch gives a site: its host without
// "www." and without a port.
func SourceName(u *url.URL) string {
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	return SafeName(h)
}

// SafeName turns s into a name that is safe as one folder name: letters,
// digits, CJK and . _ - kept, anything else a '-', no leading dot.
func SafeName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), r == '.', r == '_', r == '-':
			return r
		}
		return '-'
	}, strings.TrimSpace(s))
	s = strings.TrimLeft(s, ".")
	if s == "" {
		s = "paper"
	}
	return s
}

// checkName accepts a source name that is one folder name: not empty, no
// leading dot (hidden, or a way up), no slashes or control characters.
func checkName(s string) error {
	if s == "" || strings.HasPrefix(s, ".") || strings.ContainsFunc(s, func(r rune) bool {
		return r == '/' || r == '\\' || unicode.IsControl(r)
	}) {
		return fmt.Errorf("%q cannot name a folder", s)
	}
	return nil
}
