package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// corpusDir holds real editions with hand-checked truth, outside the
// repository (the texts are the papers'); see its README.
const corpusDir = "../shared/corpus"

// corpusFloor is the share of the corpus's checks the parser must pass, in
// all and in each file: what it reached when the floor was set (99.5% in
// all, no file below 99%), less a little, so that a regression fails here.
const (
	corpusFloorTotal = 99.0
	corpusFloorFile  = 95.0
)

var checkLine = regexp.MustCompile(`(\d+)/(\d+) checks match`)

// TestCorpus dumps every edition of the development corpus as `dubao dump`
// does and scores the dump with the corpus's own checker, as
// ../shared/corpus/score does. With -v it prints the score table.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no development corpus at %s (it lives beside the repository, not in it)", corpusDir)
	}
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is needed to run the corpus checker")
	}
	texts, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	sort.Strings(texts)
	tmp := t.TempDir()
	total, matched := 0, 0
	var table strings.Builder
	for _, txt := range texts {
		name := filepath.Base(txt)
		truth, src := strings.TrimSuffix(txt, ".txt")+".expected.json", txt
		if base, ok := strings.CutSuffix(txt, ".gb18030.crlf.txt"); ok {
			// A variant is checked against the truth of its UTF-8 twin,
			// with the source given to the checker decoded.
			truth = base + ".expected.json"
			raw, err := os.ReadFile(txt)
			if err != nil {
				t.Fatal(err)
			}
			utf8, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
			if err != nil {
				t.Fatal(err)
			}
			src = filepath.Join(tmp, name+".utf8")
			if err := os.WriteFile(src, utf8, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(truth); err != nil {
			continue
		}
		var dump, stderr bytes.Buffer
		if code := run([]string{"dump", "--format", "json", txt}, nil, &dump, &stderr); code != 0 {
			t.Errorf("%s: dump failed (%d): %s", name, code, stderr.String())
			continue
		}
		out := filepath.Join(tmp, name+".json")
		if err := os.WriteFile(out, dump.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		res, _ := exec.Command(python, filepath.Join(corpusDir, "check_dump.py"), truth, out, src).Output()
		m := checkLine.FindSubmatch(res)
		if m == nil {
			t.Errorf("%s: the checker printed no score:\n%s", name, res)
			continue
		}
		ok, all := atoi(t, m[1]), atoi(t, m[2])
		matched, total = matched+ok, total+all
		pct := 100 * float64(ok) / float64(all)
		fmt.Fprintf(&table, "%-48s %4d/%-4d %5.1f%%\n", name, ok, all, pct)
		if pct < corpusFloorFile {
			t.Errorf("%s: %d/%d checks (%.1f%%), below the floor of %.0f%%; mismatches:\n%s", name, ok, all, pct, corpusFloorFile, res)
		}
	}
	if total == 0 {
		t.Fatal("no edition of the corpus was scored")
	}
	pct := 100 * float64(matched) / float64(total)
	fmt.Fprintf(&table, "%-48s %4d/%-4d %5.1f%%\n", "corpus", matched, total, pct)
	t.Logf("corpus scores:\n%s", table.String())
	if pct < corpusFloorTotal {
		t.Errorf("corpus: %d/%d checks (%.1f%%), below the floor of %.1f%%", matched, total, pct, corpusFloorTotal)
	}
}

func atoi(t *testing.T, b []byte) int {
	n, err := strconv.Atoi(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
