package fetch

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func mustURL(t testing.TB, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func server(t *testing.T, h http.HandlerFunc) *httptest.Server {
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s
}

func fetchErr(t *testing.T, err error) *Error {
	t.Helper()
	var fe *Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T), want *Error", err, err)
	}
	if strings.ContainsAny(fe.Error(), "\r\n") {
		t.Errorf("error is not one line: %q", fe.Error())
	}
	return fe
}

func TestClientSendsUserAgent(t *testing.T) {
	var ua atomic.Value
	s := server(t, func(w http.ResponseWriter, r *http.Request) { ua.Store(r.UserAgent()) })
	c, _ := testClient(Options{})
	if _, err := c.Get(context.Background(), s.URL, Validators{}); err != nil {
		t.Fatal(err)
	}
	got := ua.Load().(string)
	if !strings.HasPrefix(got, "dubao/"+Version()+" ") || Version() == "" {
		t.Errorf("User-Agent %q", got)
	}
	// A test binary has no module version.
	if Version() != "devel" {
		t.Errorf("Version() = %q in a test, want devel", Version())
	}
}

// The server never answers; the client gives up at its own deadline,
// retries (with the backoff sleep recorded, not slept), then fails naming
// the timeout. Nothing here waits on the wall clock but the timeout the
// test sets.
func TestClientTimeout(t *testing.T) {
	release := make(chan struct{})
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release)
	c, sl := testClient(Options{Timeout: 20 * time.Millisecond, Retries: 1})
	_, err := c.Get(context.Background(), s.URL+"/slow", Validators{})
	fe := fetchErr(t, err)
	if !strings.Contains(fe.Error(), "timed out") || !strings.Contains(fe.Error(), s.URL+"/slow") || !strings.Contains(fe.Error(), "after 2 tries") {
		t.Errorf("error %q", fe)
	}
	if got := sl.got(); !slices.Equal(got, []time.Duration{time.Second}) {
		t.Errorf("backoff %v", got)
	}
}

// A server that takes the connection and never speaks TLS is given up on
// at the connect timeout (which bounds the TLS handshake), long before the
// overall one.
func TestClientConnectTimeout(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	held := make(chan net.Conn, 16)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				close(held)
				return
			}
			held <- c // held open and silent until the test ends
		}
	}()
	defer func() {
		ln.Close()
		for c := range held {
			c.Close()
		}
	}()
	c, _ := testClient(Options{ConnectTimeout: 30 * time.Millisecond, Timeout: time.Hour, Retries: -1})
	_, err = c.Get(context.Background(), "https://"+ln.Addr().String()+"/", Validators{})
	fe := fetchErr(t, err)
	if !strings.Contains(fe.Error(), "TLS handshake timeout") || !strings.HasPrefix(fe.Error(), "https://"+ln.Addr().String()+"/: ") {
		t.Errorf("error %q", fe)
	}
}

func TestClientRetries5xxWithBackoff(t *testing.T) {
	var n atomic.Int32
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) <= 3 {
			http.Error(w, "busy\nsecond line", http.StatusBadGateway)
			return
		}
		io.WriteString(w, "ok")
	})
	c, sl := testClient(Options{})
	resp, err := c.Get(context.Background(), s.URL, Validators{})
	if err != nil || string(resp.Body) != "ok" {
		t.Fatalf("Get = %v, %v", resp, err)
	}
	if got := sl.got(); !slices.Equal(got, []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}) {
		t.Errorf("backoff %v", got)
	}
	// Always 500: fails after the retries, naming the status.
	s2 := server(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(500) })
	_, err = c.Get(context.Background(), s2.URL+"/x", Validators{})
	fe := fetchErr(t, err)
	if fe.Status != 500 || fe.Error() != s2.URL+"/x: 500 Internal Server Error (after 4 tries)" {
		t.Errorf("error %q", fe)
	}
}

func TestClient429HonoursRetryAfter(t *testing.T) {
	var n atomic.Int32
	when := time.Date(2026, 12, 1, 10, 0, 30, 0, time.UTC)
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		switch n.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
		case 2:
			w.Header().Set("Retry-After", when.Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			io.WriteString(w, "ok")
		}
	})
	c, sl := testClient(Options{Now: func() time.Time { return when.Add(-20 * time.Second) }})
	if _, err := c.Get(context.Background(), s.URL, Validators{}); err != nil {
		t.Fatal(err)
	}
	if got := sl.got(); !slices.Equal(got, []time.Duration{7 * time.Second, 20 * time.Second}) {
		t.Errorf("slept %v, want the server's 7s and 20s", got)
	}
	// A server asking for longer than MaxRetryAfter fails at once.
	s2 := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c2, sl2 := testClient(Options{})
	_, err := c2.Get(context.Background(), s2.URL, Validators{})
	fe := fetchErr(t, err)
	if fe.Status != 429 || !strings.Contains(fe.Error(), "retry after 1h0m0s") || len(sl2.got()) != 0 {
		t.Errorf("error %q, slept %v", fe, sl2.got())
	}
}

func TestClientNoRetryOn4xx(t *testing.T) {
	var n atomic.Int32
	s := server(t, func(w http.ResponseWriter, r *http.Request) { n.Add(1); http.NotFound(w, r) })
	c, _ := testClient(Options{})
	_, err := c.Get(context.Background(), s.URL+"/gone", Validators{})
	fe := fetchErr(t, err)
	if fe.Status != 404 || n.Load() != 1 || !fe.Permanent() || fe.Error() != s.URL+"/gone: 404 Not Found" {
		t.Errorf("error %q after %d requests", fe, n.Load())
	}
}

func TestClientRedirectLoop(t *testing.T) {
	var n atomic.Int32
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
		} else {
			http.Redirect(w, r, "/a", http.StatusMovedPermanently)
		}
	})
	c, _ := testClient(Options{MaxRedirects: 5})
	_, err := c.Get(context.Background(), s.URL+"/a", Validators{})
	fe := fetchErr(t, err)
	if !strings.Contains(fe.Error(), "more than 5 redirects") || n.Load() != 6 {
		t.Errorf("error %q after %d requests", fe, n.Load())
	}
}

// A <meta refresh> loop is a redirect loop too.
func TestFetchMetaRefreshLoop(t *testing.T) {
	s := newSite(t)
	s.put("/a", "text/html", []byte(`<meta http-equiv=refresh content="0;url=/b">`))
	s.put("/b", "text/html", []byte(`<meta http-equiv=refresh content="0;url=/a">`))
	f := testFetcher(t, Options{MaxRedirects: 4})
	_, err := f.Fetch(context.Background(), Request{URL: s.URL + "/a"})
	if fe := fetchErr(t, err); !strings.Contains(fe.Error(), "more than 4 redirects") {
		t.Errorf("error %q", fe)
	}
}

func TestClientOnlyHTTP(t *testing.T) {
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	c, _ := testClient(Options{})
	for _, u := range []string{"ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "/relative", s.URL} {
		_, err := c.Get(context.Background(), u, Validators{})
		fe := fetchErr(t, err)
		if !strings.Contains(fe.Error(), "only http and https") && !strings.Contains(fe.Error(), "absolute URL") {
			t.Errorf("%s: error %q", u, fe)
		}
	}
}

// A 1 GB body is refused at the size limit: by its Content-Length before
// reading, or, streamed without one, once the limit is passed. The server
// writes from one small buffer, so nothing near 1 GB is ever allocated.
func TestClientBodyLimit1GB(t *testing.T) {
	const gb = 1 << 30
	var written atomic.Int64
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/length" {
			w.Header().Set("Content-Length", "1073741824")
		}
		buf := make([]byte, 32<<10)
		for written.Load() < gb {
			n, err := w.Write(buf)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	})
	c, _ := testClient(Options{MaxBytes: 1 << 20})
	for _, p := range []string{"/length", "/stream"} {
		written.Store(0)
		_, err := c.Get(context.Background(), s.URL+p, Validators{})
		fe := fetchErr(t, err)
		if !strings.Contains(fe.Error(), "larger than 1048576 bytes") {
			t.Errorf("%s: error %q", p, fe)
		}
	}
}

func TestClientConditionalGet(t *testing.T) {
	s := server(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"e1"`)
		w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"e1"` && r.Header.Get("If-Modified-Since") == "Tue, 01 Dec 2026 08:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		io.WriteString(w, "body")
	})
	c, _ := testClient(Options{})
	resp, err := c.Get(context.Background(), s.URL, Validators{})
	if err != nil || resp.NotModified() {
		t.Fatal(resp, err)
	}
	resp, err = c.Get(context.Background(), s.URL, resp.Validators())
	if err != nil || !resp.NotModified() || len(resp.Body) != 0 {
		t.Fatalf("conditional Get = %+v, %v", resp, err)
	}
}

// Requests to one host are spaced MinInterval apart; another host does not
// wait. The clock stands still and sleeping is recorded, so the waits are
// exact.
func TestClientPerHostInterval(t *testing.T) {
	s1 := server(t, func(w http.ResponseWriter, r *http.Request) {})
	s2 := server(t, func(w http.ResponseWriter, r *http.Request) {})
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	c, sl := testClient(Options{MinInterval: 250 * time.Millisecond, Now: func() time.Time { return now }})
	// 127.0.0.1 and localhost are different hosts to the limiter.
	other := strings.Replace(s2.URL, "127.0.0.1", "localhost", 1)
	for _, u := range []string{s1.URL, s1.URL, other, s1.URL} {
		if _, err := c.Get(context.Background(), u, Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{0, 250 * time.Millisecond, 0, 500 * time.Millisecond}
	if got := sl.got(); !slices.Equal(got, want) {
		t.Errorf("waits %v, want %v", got, want)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{
		"":                              -1,
		"5":                             5 * time.Second,
		" 0 ":                           0,
		"-3":                            -1,
		"soon":                          -1,
		"Tue, 01 Dec 2026 10:01:00 GMT": time.Minute,
		"Tue, 01 Dec 2026 09:00:00 GMT": 0,
		"99999999999":                   24 * time.Hour,
	} {
		if got := parseRetryAfter(in, now); got != want {
			t.Errorf("parseRetryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}
