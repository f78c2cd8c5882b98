// Package fetch gets newspapers from the web: feeds, e-paper editions (a
// list of 版面 pages, each with links to its articles) and single article
// pages. It saves what the site serves, byte for byte, into an edition
// folder with an index.json naming the URL each file came from; the readers
// in dubao/formats open the files. See README.md for the folder layout.
//
// Everything goes through a Client: one net/http client with connect and
// overall timeouts, a User-Agent naming dubao, a few requests a second per
// host at most, retries with backoff on 5xx and 429, and limits on response
// size and redirects.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Defaults of Options fields left zero.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 60 * time.Second
	DefaultMaxBytes       = 16 << 20
	DefaultMaxRedirects   = 10
	DefaultRetries        = 3
	DefaultMinInterval    = 250 * time.Millisecond // four requests a second per host
	DefaultMaxRetryAfter  = 2 * time.Minute
	firstBackoff          = time.Second
)

// Options configure a Client. The zero value means the defaults above.
type Options struct {
	// ConnectTimeout bounds dialling and the TLS handshake.
	ConnectTimeout time.Duration
	// Timeout bounds one request from dialling to the last byte of the body.
	Timeout time.Duration
	// MaxBytes is the largest body accepted.
	MaxBytes int64
	// MaxRedirects is how many redirects (HTTP or <meta refresh>) one
	// request may follow.
	MaxRedirects int
	// Retries is how many times a 5xx, a 429 or a network error is retried;
	// negative means never.
	Retries int
	// MinInterval is the least time between the starts of two requests to
	// the same host; negative means no limit.
	MinInterval time.Duration
	// MaxRetryAfter is the longest Retry-After honoured; a server asking for
	// longer makes the request fail at once.
	MaxRetryAfter time.Duration
	// UserAgent replaces the default, UserAgent().
	UserAgent string
	// Sleep waits for d or until ctx is done; nil means a timer. Tests
	// substitute one that records the wait and returns at once.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock the per-host limit reads; nil means time.Now.
	Now func() time.Time
	// Transport replaces the default transport (tests only).
	Transport http.RoundTripper
}

// Client fetches URLs politely. It is safe for concurrent use.
type Client struct {
	opt  Options
	http *http.Client

	mu   sync.Mutex
	next map[string]time.Time // by host: when the next request may start
}

// Response is a fetched page.
type Response struct {
	// URL is where the body came from, after redirects.
	URL *url.URL
	// Status is the HTTP status: 200, or 304 for a conditional request
	// whose page has not changed (Body is then empty).
	Status int
	// Header is the response's header.
	Header http.Header
	// Body is the body as served.
	Body []byte
}

// NotModified reports whether a conditional request found the page
// unchanged.
func (r *Response) NotModified() bool { return r.Status == http.StatusNotModified }

// ContentType returns the Content-Type header.
func (r *Response) ContentType() string { return r.Header.Get("Content-Type") }

// Validators are what a server said identifies the version of a page it
// sent, for a conditional request the next time.
type Validators struct {
	ETag, LastModified string
}

// Validators returns the response's ETag and Last-Modified.
func (r *Response) Validators() Validators {
	return Validators{ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified")}
}

// Error is a failed fetch: the URL, the HTTP status when there was one, and
// why, in one line.
type Error struct {
	URL    string
	Status int // 0 when no response came
	Reason string
	Tries  int   // how many requests were made, when more than one
	Err    error // the underlying error, if any
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.URL)
	b.WriteString(": ")
	if e.Status != 0 {
		fmt.Fprintf(&b, "%d %s", e.Status, http.StatusText(e.Status))
		if e.Reason != "" {
			b.WriteString(": ")
		}
	}
	b.WriteString(oneLine(e.Reason))
	if e.Tries > 1 {
		fmt.Fprintf(&b, " (after %d tries)", e.Tries)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// Permanent reports whether trying again later is pointless (a 4xx other
// than 429, a page too large, a bad URL) rather than a passing failure.
func (e *Error) Permanent() bool {
	var tl *tooLargeError
	var re *redirectError
	var be *badURLError
	if errors.As(e, &tl) || errors.As(e, &re) || errors.As(e, &be) {
		return true
	}
	return e.Status >= 400 && e.Status < 500 && e.Status != http.StatusTooManyRequests
}

// badURLError marks a URL that cannot be fetched at all.
type badURLError struct{ err error }

func (e *badURLError) Error() string { return e.err.Error() }
func (e *badURLError) Unwrap() error { return e.err }

// oneLine keeps an error on one line, whatever a server put in it.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), " ")
}

// Version returns dubao's version from the build information: the module
// version for a released build, "devel" otherwise.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// UserAgent returns the User-Agent dubao sends: "dubao/VERSION".
func UserAgent() string {
	return "dubao/" + Version() + " (terminal newspaper reader)"
}

// NewClient returns a client with opt's settings.
func NewClient(opt Options) *Client {
	if opt.ConnectTimeout == 0 {
		opt.ConnectTimeout = DefaultConnectTimeout
	}
	if opt.Timeout == 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxBytes == 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	if opt.MaxRedirects == 0 {
		opt.MaxRedirects = DefaultMaxRedirects
	}
	if opt.Retries == 0 {
		opt.Retries = DefaultRetries
	}
	if opt.MinInterval == 0 {
		opt.MinInterval = DefaultMinInterval
	}
	if opt.MaxRetryAfter == 0 {
		opt.MaxRetryAfter = DefaultMaxRetryAfter
	}
	if opt.UserAgent == "" {
		opt.UserAgent = UserAgent()
	}
	if opt.Sleep == nil {
		opt.Sleep = sleep
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	tr := opt.Transport
	if tr == nil {
		dialer := &net.Dialer{Timeout: opt.ConnectTimeout, KeepAlive: 30 * time.Second}
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   opt.ConnectTimeout,
			ResponseHeaderTimeout: opt.Timeout,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
		}
	}
	c := &Client{opt: opt, next: map[string]time.Time{}}
	c.http = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opt.MaxRedirects {
				return &redirectError{fmt.Errorf("more than %d redirects", opt.MaxRedirects)}
			}
			if err := checkScheme(req.URL); err != nil {
				return &redirectError{fmt.Errorf("redirect to %s: %w", req.URL, err)}
			}
			// Each hop is a request to a host: it waits its turn too.
			return c.wait(req.Context(), req.URL.Host)
		},
	}
	return c
}

// Options returns the client's settings, defaults filled in.
func (c *Client) Options() Options { return c.opt }

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func checkScheme(u *url.URL) error {
	switch u.Scheme {
	case "http", "https":
		if u.Host == "" {
			return errors.New("no host in URL")
		}
		return nil
	case "":
		return errors.New("not an absolute URL (http:// or https://)")
	}
	return fmt.Errorf("scheme %q not allowed: only http and https", u.Scheme)
}

// wait holds a request to host until MinInterval has passed since the last
// one started.
func (c *Client) wait(ctx context.Context, host string) error {
	if c.opt.MinInterval < 0 {
		return nil
	}
	c.mu.Lock()
	now := c.opt.Now()
	at := c.next[host]
	if at.Before(now) {
		at = now
	}
	c.next[host] = at.Add(c.opt.MinInterval)
	c.mu.Unlock()
	return c.opt.Sleep(ctx, at.Sub(now))
}

// Get fetches rawURL. With validators from an earlier response it asks
// only for a changed page, and a 304 comes back as a Response whose
// NotModified is true. Any other status than 2xx or 304 is an *Error, as is
// every failure.
func (c *Client) Get(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, &Error{URL: rawURL, Reason: "bad URL: " + unwrapURLError(err).Error(), Err: &badURLError{err}}
	}
	if err := checkScheme(u); err != nil {
		return nil, &Error{URL: rawURL, Reason: err.Error(), Err: &badURLError{err}}
	}
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := c.try(ctx, u, v)
		if err == nil {
			return resp, nil
		}
		var fe *Error
		if !errors.As(err, &fe) {
			fe = &Error{URL: u.String(), Reason: err.Error(), Err: err}
		}
		if !retryable(fe) || attempt >= c.opt.Retries || ctx.Err() != nil {
			fe.Tries = attempt + 1
			return nil, fe
		}
		d := firstBackoff << attempt
		if retryAfter >= 0 {
			if retryAfter > c.opt.MaxRetryAfter {
				fe.Reason = fmt.Sprintf("server asks to retry after %s, longer than %s", retryAfter, c.opt.MaxRetryAfter)
				return nil, fe
			}
			d = retryAfter
		}
		if err := c.opt.Sleep(ctx, d); err != nil {
			return nil, &Error{URL: u.String(), Reason: err.Error(), Err: err}
		}
	}
}

// retryable: a server error, too many requests, or no response at all
// (a reset or a timeout) — not a refusal, a bad URL or a page too large.
func retryable(e *Error) bool {
	var tl *tooLargeError
	var re *redirectError
	switch {
	case errors.As(e, &tl), errors.As(e, &re):
		return false
	case e.Status == 0:
		return e.Err != nil && !errors.Is(e.Err, context.Canceled)
	}
	return e.Status >= 500 || e.Status == http.StatusTooManyRequests
}

type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("response larger than %d bytes", e.limit)
}

type redirectError struct{ err error }

func (e *redirectError) Error() string { return e.err.Error() }

// try makes one request. retryAfter is the server's Retry-After, or -1.
func (c *Client) try(ctx context.Context, u *url.URL, v Validators) (resp *Response, retryAfter time.Duration, err error) {
	retryAfter = -1
	if err := c.wait(ctx, u.Host); err != nil {
		return nil, retryAfter, err
	}
	ctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, retryAfter, err
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.8")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	hr, err := c.http.Do(req)
	if err != nil {
		var re *redirectError
		if errors.As(err, &re) {
			return nil, retryAfter, &Error{URL: u.String(), Reason: re.Error(), Err: re}
		}
		return nil, retryAfter, &Error{URL: u.String(), Reason: describe(ctx, err), Err: err}
	}
	defer hr.Body.Close()
	final := hr.Request.URL
	if hr.StatusCode == http.StatusNotModified {
		return &Response{URL: final, Status: hr.StatusCode, Header: hr.Header}, retryAfter, nil
	}
	if hr.StatusCode < 200 || hr.StatusCode > 299 {
		if hr.StatusCode == http.StatusTooManyRequests || hr.StatusCode == http.StatusServiceUnavailable {
			retryAfter = parseRetryAfter(hr.Header.Get("Retry-After"), c.opt.Now())
		}
		// A little of the body drains the connection for reuse; no more.
		io.Copy(io.Discard, io.LimitReader(hr.Body, 4096))
		return nil, retryAfter, &Error{URL: final.String(), Status: hr.StatusCode}
	}
	if hr.ContentLength > c.opt.MaxBytes {
		err := &tooLargeError{c.opt.MaxBytes}
		return nil, retryAfter, &Error{URL: final.String(), Reason: err.Error() + fmt.Sprintf(" (Content-Length %d)", hr.ContentLength), Err: err}
	}
	body, err := io.ReadAll(io.LimitReader(hr.Body, c.opt.MaxBytes+1))
	if err != nil {
		return nil, retryAfter, &Error{URL: final.String(), Reason: "reading body: " + describe(ctx, err), Err: err}
	}
	if int64(len(body)) > c.opt.MaxBytes {
		err := &tooLargeError{c.opt.MaxBytes}
		return nil, retryAfter, &Error{URL: final.String(), Reason: err.Error(), Err: err}
	}
	return &Response{URL: final, Status: hr.StatusCode, Header: hr.Header, Body: body}, retryAfter, nil
}

// describe says why a request failed, naming a timeout as one.
func describe(ctx context.Context, err error) string {
	var ne net.Error
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		return "timed out: " + unwrapURLError(err).Error()
	}
	return unwrapURLError(err).Error()
}

// unwrapURLError drops the `Get "URL":` prefix *url.Error adds, since
// Error names the URL already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err
	}
	return err
}

// parseRetryAfter reads a Retry-After header: seconds, or an HTTP date.
// It returns -1 when there is none or it cannot be read.
func parseRetryAfter(s string, now time.Time) time.Duration {
	s = strings.TrimSpace(s)
	if s == "" {
		return -1
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		if n < 0 {
			return -1
		}
		if n > int64(24*time.Hour/time.Second) {
			n = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(s); err == nil {
		return max(t.Sub(now), 0)
	}
	return -1
}
