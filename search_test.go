package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dubao/seeds"
)

// libraryDirs returns an empty data directory for the store, also set as
// DUBAO_DATA_DIR so no test touches the user's, and a folder holding two
// editions: the seed as 2024-03-19 and, as 20240320, the seed with 禁渔
// changed to 休渔.
func libraryDirs(t *testing.T) (data, papers string) {
	t.Helper()
	data, papers = t.TempDir(), t.TempDir()
	t.Setenv("DUBAO_DATA_DIR", data)
	if err := os.WriteFile(filepath.Join(papers, "2024-03-19.txt"), seeds.Default, 0o644); err != nil {
		t.Fatal(err)
	}
	changed := strings.ReplaceAll(string(seeds.Default), "禁渔", "休渔")
	if err := os.WriteFile(filepath.Join(papers, "20240320.txt"), []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	return data, papers
}

// searchLines splits `dubao search` output into its tab-separated fields.
func searchLines(t *testing.T, out string) [][]string {
	t.Helper()
	var lines [][]string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("line %q has %d fields, want 4", line, len(f))
		}
		lines = append(lines, f)
	}
	return lines
}

func TestSearchEmbeddedEdition(t *testing.T) {
	libraryDirs(t)
	code, out, errOut := runDubao(t, "", "search", "禁渔")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	lines := searchLines(t, out)
	if len(lines) == 0 {
		t.Fatal("no results for 禁渔 in the embedded edition")
	}
	for _, f := range lines {
		if f[0] != "seed" || !strings.Contains(f[3], "禁渔") || f[2] == "" {
			t.Errorf("result %q: want edition seed and 禁渔 in the snippet", f)
		}
	}
	// The printed ID exports the article that matched.
	code, md, errOut := runDubao(t, "", "export", lines[0][1])
	if code != 0 || !strings.Contains(md, "# "+lines[0][2]) {
		t.Errorf("export %s: exit %d, stderr %q, output starts %.80q", lines[0][1], code, errOut, md)
	}
}

func TestSearchFolderAndJSON(t *testing.T) {
	_, papers := libraryDirs(t)
	code, out, errOut := runDubao(t, "", "search", "--limit", "5", "休渔", papers, "--json")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Query   string
		Total   int
		Results []struct {
			ID       string
			Edition  struct{ Ref, Date, Title, Path string }
			Article  string
			Headline string
			Snippet  string
			Match    [2]int
			Block    int
			Offset   int
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Query != "休渔" || doc.Total == 0 || len(doc.Results) != min(doc.Total, 5) {
		t.Fatalf("query %q, total %d, %d results", doc.Query, doc.Total, len(doc.Results))
	}
	for _, r := range doc.Results {
		if r.Edition.Date != "2024-03-20" || r.ID != "2024-03-20/"+r.Article || r.Snippet[r.Match[0]:r.Match[1]] != "休渔" {
			t.Errorf("result %+v", r)
		}
	}
	// Once a folder was searched, its editions are in the library.
	code, out, _ = runDubao(t, "", "search", "禁渔")
	if editions := searchLines(t, out); code != 0 || len(editions) < 2 || editions[0][0] != "2024-03-19" {
		t.Errorf("library search after indexing the folder: exit %d, %q", code, out)
	}
}

func TestSearchExitStatus(t *testing.T) {
	_, papers := libraryDirs(t)
	bin := filepath.Join(t.TempDir(), "2024-03-21.txt")
	os.WriteFile(bin, []byte("\x00\x01\x02"), 0o644)
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // a part of it
	}{
		{"no match", []string{"search", "查无此文", papers}, exitNoMatch, ""},
		{"no query", []string{"search"}, exitUsage, "usage"},
		{"missing folder", []string{"search", "禁渔", "/no/such/dir"}, exitUsage, "/no/such/dir"},
		{"named binary file", []string{"search", "禁渔", bin}, exitUsage, bin},
		{"unknown flag", []string{"search", "--color", "禁渔"}, exitUsage, "color"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runDubao(t, "", tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, errOut, tt.code, tt.stderr)
			}
			if code != 0 && out != "" {
				t.Errorf("stdout %q", out)
			}
			if tt.stderr == "" && errOut != "" {
				t.Errorf("stderr %q", errOut)
			}
		})
	}
}

// A data directory that cannot be used is reported, and search works on.
func TestSearchWithUnusableDataDir(t *testing.T) {
	libraryDirs(t)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	code, out, errOut := runDubao(t, "", "search", "--data-dir", filepath.Join(file, "x"), "禁渔")
	if code != 0 || len(searchLines(t, out)) == 0 {
		t.Errorf("exit %d, output %q", code, out)
	}
	if lines := strings.Split(strings.TrimSpace(errOut), "\n"); len(lines) != 1 || !strings.Contains(errOut, "not saved") {
		t.Errorf("stderr %q, want one line saying state is not saved", errOut)
	}
}

// TestSearchSeesChangesBetweenRuns changes a searched folder between two
// searches: an edition rewritten in place (same size: 禁渔 becomes 养殖,
// the time moved on), one removed, one added in a subfolder. The second
// search finds the new text and the new edition, and nothing of what is
// gone, though the store had it all indexed.
func TestSearchSeesChangesBetweenRuns(t *testing.T) {
	_, papers := libraryDirs(t)
	first := filepath.Join(papers, "2024-03-19.txt")
	for _, q := range []string{"禁渔", "休渔"} {
		if code, out, errOut := runDubao(t, "", "search", q, papers); code != 0 || out == "" {
			t.Fatalf("first search of %s: exit %d, stderr %q", q, code, errOut)
		}
	}
	rewritten := strings.ReplaceAll(string(seeds.Default), "禁渔", "养殖")
	if err := os.WriteFile(first, []byte(rewritten), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(first, later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(papers, "20240320.txt")); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(papers, "2024", "03")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	added := strings.ReplaceAll(string(seeds.Default), "禁渔", "鳗苗")
	if err := os.WriteFile(filepath.Join(sub, "2024-03-22.txt"), []byte(added), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		query, ref string // ref "" for no results
	}{
		{"养殖", "2024-03-19"},
		{"鳗苗", "2024-03-22"},
		{"禁渔", ""},
		{"休渔", ""},
	} {
		code, out, errOut := runDubao(t, "", "search", tt.query, papers)
		lines := searchLines(t, out)
		if tt.ref == "" {
			if code != exitNoMatch || len(lines) != 0 {
				t.Errorf("search %s after the change: exit %d, %q, stderr %q; want nothing found", tt.query, code, out, errOut)
			}
			continue
		}
		if code != 0 || len(lines) == 0 {
			t.Errorf("search %s after the change: exit %d, stderr %q; want results in %s", tt.query, code, errOut, tt.ref)
		}
		for _, f := range lines {
			if f[0] != tt.ref || !strings.Contains(f[3], tt.query) {
				t.Errorf("search %s: result %q, want edition %s", tt.query, f, tt.ref)
			}
		}
	}
}
