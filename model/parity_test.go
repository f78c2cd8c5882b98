package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	goparser "go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"dubao/seeds"
)

// TestParseParity guards a change that must not change what the parser
// makes of any text (a speed-up): with DUBAO_PARITY_DIR=DIR and
// DUBAO_PARITY_WRITE=1 it writes, for every input below, the JSON of Parse
// and the Explain listing to DIR; with DUBAO_PARITY_DIR alone it compares
// the parses of the code under test with those files, byte for byte. The
// inputs: the seed, every text written in this package's tests, the fuzz
// corpus, the development corpus in ../shared/corpus when it is there,
// generated editions, and generated editions cut and mixed with lines of
// all of those. Without DUBAO_PARITY_DIR it skips.
func TestParseParity(t *testing.T) {
	dir := os.Getenv("DUBAO_PARITY_DIR")
	if dir == "" {
		t.Skip("DUBAO_PARITY_DIR not set: nothing to compare with")
	}
	write := os.Getenv("DUBAO_PARITY_WRITE") == "1"
	if write {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	inputs := parityInputs(t)
	mismatches := 0
	for _, in := range inputs {
		got := parityDump(t, in.data)
		path := filepath.Join(dir, in.name)
		if write {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%s: %v (write the parses of the old code first)", in.name, err)
		}
		if !bytes.Equal(got, want) {
			mismatches++
			if mismatches <= 5 {
				t.Errorf("%s: the parse differs; first difference near %q", in.name, firstDiff(got, want))
			}
		}
	}
	if mismatches > 0 {
		t.Errorf("%d of %d inputs parse differently", mismatches, len(inputs))
	}
	t.Logf("%d inputs", len(inputs))
}

type parityInput struct {
	name string
	data []byte
}

// parityDump is what the parity test compares: the edition as JSON, then
// the labels and evidence of every unit.
func parityDump(t *testing.T, data []byte) []byte {
	e, err := Parse(data, Options{Source: "parity"})
	var b bytes.Buffer
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
		return b.Bytes()
	}
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	text, _, _ := Decode(data)
	if err := Explain(&b, text, Options{Source: "parity"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return string(a[from:min(len(a), i+80)])
}

// parityInputs collects the texts the parity test parses.
func parityInputs(t *testing.T) []parityInput {
	var ins []parityInput
	add := func(name string, data []byte) {
		ins = append(ins, parityInput{name: name, data: data})
	}
	add("seed", seeds.Default)
	var palette []string
	for i, s := range testTexts(t) {
		add(fmt.Sprintf("test-%03d", i), []byte(s))
		palette = append(palette, strings.Split(s, "\n")...)
	}
	fuzz, _ := filepath.Glob("testdata/fuzz/FuzzParse/*")
	for _, f := range fuzz {
		if data, ok := readFuzzInput(f); ok {
			add("fuzz-"+filepath.Base(f), data)
		}
	}
	corpus, _ := filepath.Glob("../../shared/corpus/*.txt")
	sort.Strings(corpus)
	for _, f := range corpus {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		add("corpus-"+filepath.Base(f), data)
		text, _, _ := Decode(data)
		palette = append(palette, strings.Split(text, "\n")...)
	}
	if len(corpus) == 0 {
		t.Log("no ../shared/corpus: the corpus editions are left out")
	}
	for seed := range uint64(3000) {
		text, _ := newGenerator(seed).edition()
		add(fmt.Sprintf("gen-%04d", seed), []byte(text))
	}
	add("bench-1MB", benchEdition(1<<20))
	rng := rand.New(rand.NewPCG(7, 11))
	for k := range 3000 {
		text, _ := newGenerator(uint64(10000 + k)).edition()
		add(fmt.Sprintf("mix-%04d", k), []byte(mixLines(rng, text, palette)))
	}
	for k := range 3000 {
		add(fmt.Sprintf("pieces-%04d", k), []byte(piecesEdition(rng, palette)))
	}
	return ins
}

// parityPieces are what bylines, credits, datelines, page headers, end
// notes and titles are made of.
var parityPieces = []string{"本报记者", "记者", "通讯员", "实习生", "摄", "摄影", "报道", "图/", "文／", "新华社", "北京", "3月5日",
	"电", "讯", "本报讯", "据", "（", "）", "(", ")", "【", "】", "版", "第2版", "下转", "上接", "完", "责任编辑", "：", "——",
	" ", "  ", "\u3000", "王明", "何", "聪", "李", "By ", "LONDON, March 15.—", "John Smith", "◆", "■", "评论员", "编辑部",
	"，", "。", "！", "”", "“", "春风", "吹绿", "a", "Z", "7", "/", "電", "訊", "記者", "攝", "圖/", "·", "部", "员", "**",
	"### ", "2024-03-19", "栏目：", "第A02版：", "要闻", "强调", "THE WAR", "Is Here", "一、", "第二招", "；", "、", "人民视觉"}

// piecesEdition writes an edition whose lines are made of parityPieces,
// of lines of the palette, and of the two run together.
func piecesEdition(rng *rand.Rand, palette []string) string {
	var b strings.Builder
	for range 3 + rng.IntN(30) {
		switch rng.IntN(4) {
		case 0:
			b.WriteString(palette[rng.IntN(len(palette))])
		case 1:
			b.WriteString(palette[rng.IntN(len(palette))])
			fallthrough
		default:
			for range 1 + rng.IntN(6) {
				b.WriteString(parityPieces[rng.IntN(len(parityPieces))])
			}
		}
		b.WriteString([]string{"\n", "\n", "\n\n", "\r\n", "\n\n\n"}[rng.IntN(5)])
	}
	return b.String()
}

// mixLines cuts, repeats and reorders the lines of text and puts lines of
// the palette among them, some cut short, indented or marked up.
func mixLines(rng *rand.Rand, text string, palette []string) string {
	lines := strings.Split(text, "\n")
	for range 1 + rng.IntN(12) {
		i := rng.IntN(len(lines) + 1)
		var l string
		switch rng.IntN(10) {
		case 0:
			if i < len(lines) {
				lines = append(lines[:i], lines[i+1:]...)
			}
			continue
		case 1:
			l = ""
		case 2:
			if i < len(lines) {
				r := []rune(lines[i])
				l = string(r[:rng.IntN(len(r)+1)])
			}
		case 3:
			l = "\u3000\u3000" + palette[rng.IntN(len(palette))]
		case 4:
			l = palette[rng.IntN(len(palette))] + palette[rng.IntN(len(palette))]
		case 5:
			l = []string{"**" + palette[rng.IntN(len(palette))] + "**", "### " + palette[rng.IntN(len(palette))],
				"\f", "\x1b[1m" + palette[rng.IntN(len(palette))], "  " + palette[rng.IntN(len(palette))]}[rng.IntN(5)]
		default:
			l = palette[rng.IntN(len(palette))]
		}
		lines = append(lines[:i], append([]string{l}, lines[i:]...)...)
	}
	return strings.Join(lines, "\n")
}

// testTexts returns every string of more than one line written in the
// package's tests (the layouts, shapes, bylines ...), as the compiler would
// fold them.
func testTexts(t *testing.T) []string {
	files, _ := filepath.Glob("*_test.go")
	sort.Strings(files)
	var out []string
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range files {
		if f == "parity_test.go" || f == "fastpath_test.go" {
			continue
		}
		af, err := goparser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			e, ok := n.(ast.Expr)
			if !ok {
				return true
			}
			s, ok := foldString(e)
			if !ok {
				return true
			}
			if strings.Contains(s, "\n") && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
			return false
		})
	}
	return out
}

func foldString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.ParenExpr:
		return foldString(e.X)
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok := foldString(e.X)
		if !ok {
			return "", false
		}
		b, ok := foldString(e.Y)
		return a + b, ok
	}
	return "", false
}

// readFuzzInput reads a fuzz corpus file of one []byte value.
func readFuzzInput(path string) ([]byte, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "[]byte(") {
		return nil, false
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
	return []byte(s), err == nil
}
