package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dubao/seeds"
)

// runDubao runs the command line and returns its exit status and output.
func runDubao(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestDumpJSONShape(t *testing.T) {
	code, out, errOut := runDubao(t, "", "dump")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var k []string
		for key := range m {
			k = append(k, key)
		}
		slices.Sort(k)
		return k
	}
	if got := keys(doc); !slices.Equal(got, []string{"encoding", "sections", "source", "title"}) {
		t.Errorf("edition keys %v", got)
	}
	sections := doc["sections"].([]any)
	if len(sections) != 3 {
		t.Fatalf("%d sections", len(sections))
	}
	s1 := sections[0].(map[string]any)
	if got := keys(s1); !slices.Equal(got, []string{"articles", "index", "name"}) {
		t.Errorf("section keys %v", got)
	}
	a1 := s1["articles"].([]any)[0].(map[string]any)
	want := []string{"body", "byline", "column", "headline", "id", "kicker", "kicker_tail", "kind", "subheadline"}
	if got := keys(a1); !slices.Equal(got, want) {
		t.Errorf("article keys %v, want %v", got, want)
	}
	byline := a1["byline"].(map[string]any)
	if got := keys(byline); !slices.Equal(got, []string{"correspondents", "dateline", "raw", "reporters"}) {
		t.Errorf("byline keys %v", got)
	}
	block := a1["body"].([]any)[0].(map[string]any)
	if block["type"] != "paragraph" || !strings.HasPrefix(block["text"].(string), "企业发展") {
		t.Errorf("first block %v", block)
	}
	photo := s1["articles"].([]any)[1].(map[string]any)
	if photo["kind"] != "photo" || photo["photo_credit"] != "记者蔡佳楠摄" {
		t.Errorf("photo story %v", photo)
	}
}

func TestDumpFormatsAndStdin(t *testing.T) {
	_, fromSeed, _ := runDubao(t, "", "dump", "--format", "text")
	code, fromStdin, _ := runDubao(t, string(seeds.Default), "dump", "--format", "text", "-")
	if code != 0 {
		t.Fatalf("stdin: exit %d", code)
	}
	// The two differ only in the title: the seed's is known, stdin's is not.
	if strings.SplitN(fromSeed, "\n", 2)[1] != strings.SplitN(fromStdin, "\n", 2)[1] {
		t.Error("text dump of standard input differs from the seed's")
	}
	for _, want := range []string{"== 区公共资源交易中心 ==", "区公共资源交易中心——\n三“度”并重", "\n记者蔡佳楠摄\n"} {
		if !strings.Contains(fromSeed, want) {
			t.Errorf("text dump lacks %q", want)
		}
	}
	_, md, _ := runDubao(t, "", "dump", "--format", "markdown")
	for _, want := range []string{"# 海门日报\n", "\n## 三厂工业园区\n", "\n### 长江保护宣传进社区\n", "\n##### 靶向推进,“数智”领航有“力度”\n", "\n#### 满弓紧弦“竞”出新图景\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown dump lacks %q", want)
		}
	}
}

func TestDumpBadInput(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "image.png")
	if err := os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"dump", filepath.Join(dir, "missing.txt")},
		{"dump", bin},
		{"dump", dir},
	} {
		code, out, errOut := runDubao(t, "", args...)
		name := args[len(args)-1]
		if code != exitUsage || out != "" || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, name) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, _, errOut := runDubao(t, "", "dump", "--format", "yaml"); code != exitUsage || !strings.Contains(errOut, "yaml") {
		t.Errorf("bad format: exit %d, stderr %q", code, errOut)
	}
}

func TestDumpExplain(t *testing.T) {
	code, out, errOut := runDubao(t, "", "dump", "--explain")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	// The seed's first story: its kicker, then a dateline paragraph, each
	// with the evidence that decided it.
	for _, want := range []string{
		"layout: usual gap 1 blank lines",
		"kicker      三厂工业园区:",
		"ends with —— or ： that ties it to a headline below",
		"credit      记者蔡佳楠摄",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("explain output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runDubao(t, "第2版:要闻\n\n标题一\n\n本报记者  王五\n\n正文一句。\n", "dump", "--explain", "-")
	if code != 0 || !strings.Contains(out, "header      § 第2版:要闻") || !strings.Contains(out, "byline      本报记者  王五") {
		t.Errorf("explain of standard input: exit %d\n%s", code, out)
	}
	if code, _, errOut := runDubao(t, "", "dump", "--explain", filepath.Join(t.TempDir(), "nosuch.txt")); code != 2 || !strings.Contains(errOut, "nosuch.txt") {
		t.Errorf("explain of a missing file: exit %d, stderr %q", code, errOut)
	}
}
