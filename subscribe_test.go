package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSubscribeAddListRemove(t *testing.T) {
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	for _, args := range [][]string{
		{"add", "wanbao", "https://paper.example/rss.xml"},
		{"add", "rmrb", "http://paper.example/rmrb/html/{yyyy}-{mm}/{dd}/nbs.D110000renmrb_01.htm"},
	} {
		if code, out, errOut := runDubao(t, "", append([]string{"subscribe"}, args...)...); code != 0 || out != "" || errOut != "" {
			t.Fatalf("subscribe %q: exit %d, %q, %q", args, code, out, errOut)
		}
	}
	code, out, _ := runDubao(t, "", "subscribe", "list")
	want := "rmrb\thttp://paper.example/rmrb/html/{yyyy}-{mm}/{dd}/nbs.D110000renmrb_01.htm\tnever updated\n" +
		"wanbao\thttps://paper.example/rss.xml\tnever updated\n"
	if code != 0 || out != want {
		t.Errorf("list: exit %d\n%s\nwant\n%s", code, out, want)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "wanbao", "https://other.example/"}, "dubao: wanbao: a subscription of that name exists\n"},
		{[]string{"add", "x", "file:///etc/passwd"}, "dubao: \"file:///etc/passwd\" is not an http:// or https:// URL\n"},
		{[]string{"add", "a/b", "https://x.example/"}, "dubao: subscription name \"a/b\" may not hold spaces, slashes or control characters\n"},
		{[]string{"remove", "nobody"}, "dubao: nobody: no such subscription\n"},
		{[]string{"add", "x"}, subscribeUsage + "\n"},
		{[]string{"frobnicate"}, subscribeUsage + "\n"},
	} {
		code, out, errOut := runDubao(t, "", append([]string{"subscribe"}, tt.args...)...)
		if code != exitUsage || out != "" || errOut != tt.want {
			t.Errorf("subscribe %q: exit %d, stdout %q, stderr %q; want %q", tt.args, code, out, errOut, tt.want)
		}
	}
	if code, _, errOut := runDubao(t, "", "subscribe", "remove", "wanbao"); code != 0 {
		t.Fatalf("remove: %d %s", code, errOut)
	}
	if _, out, _ := runDubao(t, "", "subscribe", "list"); strings.Contains(out, "wanbao") || !strings.Contains(out, "rmrb") {
		t.Errorf("after remove: %q", out)
	}
}

func TestSubscribeImportExportOPML(t *testing.T) {
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	runDubao(t, "", "subscribe", "add", "时政", "http://a.example/rss/politics.xml")
	opml := `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>from another reader</title></head><body>
<outline text="News">
  <outline text="时政" type="rss" xmlUrl="http://a.example/rss/politics.xml"/>
  <outline text="时政" type="rss" xmlUrl="http://b.example/rss/politics.xml"/>
  <outline text="Lianhe Zaobao" title="联合早报" type="rss" xmlUrl="https://c.example/rss/china"/>
  <outline text="bad" type="rss" xmlUrl="gopher://d.example/"/>
</outline></body></opml>`
	file := filepath.Join(t.TempDir(), "subs.opml")
	os.WriteFile(file, []byte(opml), 0o644)
	code, _, errOut := runDubao(t, "", "subscribe", "import", file)
	if code != 0 || !strings.Contains(errOut, "2 subscriptions added, 2 already there or skipped") {
		t.Fatalf("import: exit %d, %q", code, errOut)
	}
	_, out, _ := runDubao(t, "", "subscribe", "list")
	want := "Lianhe-Zaobao\thttps://c.example/rss/china\tnever updated\n" +
		"时政\thttp://a.example/rss/politics.xml\tnever updated\n" +
		"时政-2\thttp://b.example/rss/politics.xml\tnever updated\n"
	if out != want {
		t.Errorf("list after import:\n%s\nwant\n%s", out, want)
	}
	// Importing again adds nothing.
	if _, _, errOut := runDubao(t, "", "subscribe", "import", file); !strings.Contains(errOut, "0 subscriptions added") {
		t.Errorf("second import: %q", errOut)
	}
	code, out, _ = runDubao(t, "", "subscribe", "export")
	if code != 0 || !strings.Contains(out, `<opml version="2.0">`) || !strings.Contains(out, `text="Lianhe-Zaobao" title="联合早报" type="rss" xmlUrl="https://c.example/rss/china"`) {
		t.Fatalf("export: %d\n%s", code, out)
	}
	// The export reads back into an empty library as the same list.
	t.Setenv("DUBAO_DATA_DIR", t.TempDir())
	if code, _, errOut := runDubao(t, out, "subscribe", "import", "-"); code != 0 || !strings.Contains(errOut, "3 subscriptions added") {
		t.Fatalf("import of the export: %d %q", code, errOut)
	}
	if _, again, _ := runDubao(t, "", "subscribe", "list"); again != want {
		t.Errorf("round trip:\n%s\nwant\n%s", again, want)
	}
	// A file that is not OPML is an error naming it.
	os.WriteFile(file, []byte("<html></html>"), 0o644)
	if code, _, errOut := runDubao(t, "", "subscribe", "import", file); code != exitUsage || !strings.HasPrefix(errOut, "dubao: "+file+": not OPML") {
		t.Errorf("bad OPML: %d %q", code, errOut)
	}
}

// Subscriptions are pointless in a store that is not saved: that is an
// error, not a warning.
func TestSubscribeNeedsASavedStore(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	code, _, errOut := runDubao(t, "", "subscribe", "--data-dir", filepath.Join(file, "sub"), "add", "x", "https://x.example/")
	if code != exitUsage || !strings.HasPrefix(errOut, "dubao: subscriptions cannot be saved: cannot use ") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, %q", code, errOut)
	}
}
