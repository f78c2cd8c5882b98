package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dubao/seeds"
)

func TestExportFormats(t *testing.T) {
	libraryDirs(t)
	ed, err := loadEdition("", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := ed.Sections[len(ed.Sections)-1].Articles[0]
	code, md, errOut := runDubao(t, "", "export", a.ID)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.Contains(md, "\n# "+a.Headline+"\n") && !strings.HasPrefix(md, "# "+a.Headline+"\n") {
		t.Errorf("markdown has no level-1 heading %q:\n%s", a.Headline, md)
	}
	for _, b := range a.Body {
		if !strings.Contains(md, b.Text) {
			t.Errorf("markdown lacks the block %.40q", b.Text)
		}
	}
	code, text, _ := runDubao(t, "", "export", "--format", "text", "seed/"+a.ID)
	if code != 0 || strings.Contains(text, "# ") || strings.Contains(text, "**") || !strings.HasPrefix(text, a.Kicker) {
		t.Errorf("text export: exit %d:\n%s", code, text)
	}
}

func TestExportFromFolder(t *testing.T) {
	_, papers := libraryDirs(t)
	code, md, errOut := runDubao(t, "", "export", "20240320/3-1", papers)
	if code != 0 || !strings.Contains(md, "休渔") || !strings.Contains(md, "2024-03-20") {
		t.Errorf("exit %d, stderr %q:\n%s", code, errOut, md)
	}
	// Two editions of one date: the date is ambiguous, a hash prefix is not.
	os.WriteFile(filepath.Join(papers, "2024-03-20-evening.txt"), append([]byte("晚报\n\n"), seeds.Default...), 0o644)
	code, _, errOut = runDubao(t, "", "export", "2024-03-20/3-1", papers)
	if code != exitUsage || !strings.Contains(errOut, "names 2 editions") {
		t.Fatalf("ambiguous date: exit %d, stderr %q", code, errOut)
	}
	prefix := strings.Fields(errOut[strings.Index(errOut, "use one of")+len("use one of"):])[0]
	code, md, errOut = runDubao(t, "", "export", prefix+"/3-1")
	if code != 0 || !strings.Contains(md, "# ") {
		t.Errorf("export %s/3-1: exit %d, stderr %q", prefix, code, errOut)
	}
}

func TestExportErrors(t *testing.T) {
	libraryDirs(t)
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no ID", []string{"export"}, "usage"},
		{"unknown format", []string{"export", "--format", "pdf", "1-1"}, "pdf"},
		{"no such article", []string{"export", "9-9"}, "no article 9-9 in the embedded edition 海门日报"},
		{"not an ID", []string{"export", "nosuch"}, "no article nosuch in the embedded edition"},
		{"unknown edition", []string{"export", "1999-01-01/1-1"}, "no edition"},
		{"no article part", []string{"export", "2024-03-19/"}, "no article ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runDubao(t, "", tt.args...)
			if code != exitUsage || out != "" || !strings.Contains(errOut, tt.stderr) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d and one line with %q", code, out, errOut, exitUsage, tt.stderr)
			}
		})
	}
}

// --script writes the story in the script asked for; without it, as
// printed. An unknown script is a usage error naming the scripts.
func TestExportScript(t *testing.T) {
	libraryDirs(t)
	ed, err := loadEdition("", nil)
	if err != nil {
		t.Fatal(err)
	}
	a := ed.Sections[0].Articles[0] // 三厂工业园区 “一核”“六区”战略 激发东城高质量发展活力
	_, plain, _ := runDubao(t, "", "export", a.ID)
	if !strings.Contains(plain, "高质量发展活力") {
		t.Fatalf("the plain export lacks the headline:\n%s", plain)
	}
	code, tw, errOut := runDubao(t, "", "export", "--script", "hant-tw", a.ID)
	if code != 0 || errOut != "" || !strings.Contains(tw, "高質量發展活力") || !strings.Contains(tw, "三廠工業園區") ||
		strings.Contains(tw, "发展") {
		t.Errorf("--script hant-tw: exit %d, stderr %q:\n%s", code, errOut, tw)
	}
	_, hans, _ := runDubao(t, "", "export", "--script", "hans", a.ID)
	if hans != plain {
		t.Errorf("--script hans of a simplified edition differs from the plain export")
	}
	code, _, errOut = runDubao(t, "", "export", "--script", "zh-tw", a.ID)
	if code != exitUsage || !strings.Contains(errOut, "hant-tw") {
		t.Errorf("--script zh-tw: exit %d, stderr %q", code, errOut)
	}
}
