package common

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// verbs matches fmt's verbs, with an explicit argument index.
var verbs = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*[a-zA-Z%]`)

// verbsOf returns the verbs of s by argument: an indexed verb takes its
// index, the others the next argument.
func verbsOf(s string) []string {
	var out []string
	next := 1
	for _, v := range verbs.FindAllString(s, -1) {
		if v == "%%" {
			continue
		}
		n := next
		if i := strings.Index(v, "["); i >= 0 {
			fmt.Sscanf(v[i+1:], "%d", &n)
			v = "%" + v[strings.Index(v, "]")+1:]
		}
		for len(out) < n {
			out = append(out, "")
		}
		out[n-1] = v
		next = n + 1
	}
	return out
}

// TestEveryMessageHasEveryLanguage: no message lacks a language, and every
// column takes the same arguments.
func TestEveryMessageHasEveryLanguage(t *testing.T) {
	for key, m := range messages {
		cols := map[string]string{"English": m.en, "简体": m.hans, "繁體": m.hant}
		if m.one != "" {
			cols["English singular"] = m.one
		}
		for name, text := range cols {
			if strings.TrimSpace(text) == "" && key != ": " {
				t.Errorf("%q has no %s", key, name)
			}
			if got, want := verbsOf(text), verbsOf(m.en); !slices.Equal(got, want) {
				t.Errorf("%q: %s %q takes %v, English %q takes %v", key, name, text, got, m.en, want)
			}
		}
		if m.hans == m.en && hasHan(m.en) == false && strings.ContainsFunc(m.en, isLetter) {
			t.Errorf("%q: the Chinese is the English, %q", key, m.en)
		}
	}
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// TestTraditionalIsS2TWP: the 繁體 column is what OpenCC's s2twp (Taiwan
// standard characters and words) makes of the 简体 one, so that it is not
// simplified text with a few characters changed by hand.
func TestTraditionalIsS2TWP(t *testing.T) {
	cc, err := opencc.New("s2twp")
	if err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(messages))
	for k := range messages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		m := messages[k]
		want, err := cc.Convert(m.hans)
		if err != nil {
			t.Fatal(err)
		}
		if m.hant != want {
			t.Errorf("%q: 繁體 %q, s2twp gives %q; the line:\n\t%q: {%q, %q, %q, %q},", k, m.hant, want, k, m.en, m.one, m.hans, want)
		}
	}
}

func TestPlurals(t *testing.T) {
	tests := []struct{ got, want string }{
		{English.Stories(1), "1 story"},
		{English.Stories(2), "2 stories"},
		{English.Stories(0), "0 stories"},
		{English.Matches(1, 2), "2 matches in 1 story"},
		{English.Matches(2, 1), "1 match in 2 stories"},
		{English.Matches(3, 7), "7 matches in 3 stories"},
		{English.Matches(0, 0), "no matches"},
		{English.Count(1), "1 match"},
		{English.Paragraphs(1), "1 para"},
		{English.Paragraphs(4), "4 paras"},
		{English.InvalidBytes(1), "1 invalid byte shown as \uFFFD"},
		{English.Updated(1, 0, ""), "update: new stories in 1 edition"},
		{English.Updated(2, 1, "rmrb: 503"), "update: new stories in 2 editions; 1 failed: rmrb: 503"},
		{Chinese.Matches(1, 2), "2 处，1 篇"},
		{Traditional.Matches(1, 2), "2 處，1 篇"},
		{Chinese.Stories(1), "1 篇"},
		{Traditional.Page(2, 5), "第 2/5 頁"},
		{Chinese.Opening("firefox", "https://a.cn/"), "正在用 firefox 打开 https://a.cn/"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// TestLangFromLocale: traditional characters for Taiwan, Hong Kong, Macao
// and the Hant script, simplified for the other zh locales.
func TestLangFromLocale(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{}, English},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{map[string]string{"LANG": "zh_SG"}, Chinese},
		{map[string]string{"LANG": "zh_TW.UTF-8"}, Traditional},
		{map[string]string{"LANG": "zh_HK.Big5-HKSCS"}, Traditional},
		{map[string]string{"LANG": "zh_MO.UTF-8"}, Traditional},
		{map[string]string{"LANG": "zh-Hant"}, Traditional},
		{map[string]string{"LANG": "zh_Hans_HK"}, Chinese},
		{map[string]string{"LANG": "zh"}, Chinese},
		{map[string]string{"LANG": "zu_ZA.UTF-8"}, English},
		{map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, Traditional},
	}
	for _, tt := range tests {
		if got := LangFromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("LangFromEnv(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestErrorsInTheLanguage(t *testing.T) {
	err := fmt.Errorf("export: %w", &fs.PathError{Op: "open", Path: "/tmp/x.md", Err: fs.ErrPermission})
	if got, want := Chinese.Failed(err), "失败：/tmp/x.md：没有权限"; got != want {
		t.Errorf("Failed = %q, want %q", got, want)
	}
	if got, want := English.Failed(err), "failed: /tmp/x.md: permission denied"; got != want {
		t.Errorf("Failed = %q, want %q", got, want)
	}
	if got, want := Traditional.Failed(Message("not a web address")), "失敗：不是網址"; got != want {
		t.Errorf("Failed = %q, want %q", got, want)
	}
	other := errors.New("database is locked")
	if got := Chinese.Failed(other); got != "失败：database is locked" {
		t.Errorf("Failed = %q: an error the table does not know keeps its words", got)
	}
}

// TestEveryKeyUsedIsInTheTable: every message key the reader's code names
// (lang.T("…"), lang.N("…", n), lang.Title("…"), Message("…"), and the
// help's "when" notes) is in the table, so none is shown as its key.
func TestEveryKeyUsedIsInTheTable(t *testing.T) {
	calls := map[string]int{"T": 0, "N": 0, "Title": 0, "Message": 0, "listed": 1}
	fset := token.NewFileSet()
	found := 0
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			arg, ok := calls[name]
			if !ok || len(call.Args) <= arg {
				return true
			}
			lit, ok := call.Args[arg].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil || key == "" {
				return true
			}
			found++
			if _, ok := messages[key]; !ok {
				t.Errorf("%s: %s(%q): no such message", fset.Position(lit.Pos()), name, key)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 40 {
		t.Fatalf("only %d message keys found in ui/", found)
	}
}
