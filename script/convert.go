package script

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/liuzl/da"
	"github.com/longbridgeapp/opencc"
)

// Text is text converted for display, with the map between its byte
// offsets and the original's.
type Text struct {
	// Shown is the converted text.
	Shown string
	// stages are the edits of each step of the conversion, in order.
	stages [][]edit
}

// Same returns text unconverted: Shown is text and every offset maps to
// itself.
func Same(text string) Text { return Text{Shown: text} }

// edit is one token of a conversion step whose length or shape changed:
// the input's bytes [from, to) became the output's [outFrom, outTo).
// Tokens whose every rune kept its encoded length are not recorded: an
// offset maps to itself through them.
type edit struct{ from, to, outFrom, outTo int }

// ToShown maps byte offset off of the original text to the shown text. An
// offset inside a phrase whose length changed maps to the phrase's start,
// or its end when end is set, so that a span [start, end) maps to the
// shown span that covers it.
func (t Text) ToShown(off int, end bool) int {
	for _, edits := range t.stages {
		off = forward(edits, off, end)
	}
	return off
}

// ToOriginal maps byte offset off of the shown text back to the original,
// to the start of a converted phrase for an offset inside one.
func (t Text) ToOriginal(off int) int {
	for i := len(t.stages) - 1; i >= 0; i-- {
		off = backward(t.stages[i], off)
	}
	return off
}

func forward(edits []edit, off int, end bool) int {
	// The last edit starting at or before off.
	i := sort.Search(len(edits), func(i int) bool { return edits[i].from > off }) - 1
	if i < 0 {
		return off
	}
	e := edits[i]
	switch {
	case off == e.from:
		return e.outFrom
	case off < e.to && end:
		return e.outTo
	case off < e.to:
		return e.outFrom
	}
	return e.outTo + off - e.to
}

func backward(edits []edit, off int) int {
	i := sort.Search(len(edits), func(i int) bool { return edits[i].outFrom > off }) - 1
	if i < 0 {
		return off
	}
	e := edits[i]
	if off < e.outTo {
		return e.from
	}
	return e.to + off - e.outTo
}

// maxPhrase is the longest dictionary entry a conversion tries, in runes,
// as opencc's own Convert does.
const maxPhrase = 10

// converter is one of OpenCC's conversions, loaded on first use.
type converter struct {
	name string
	once sync.Once
	cc   *opencc.OpenCC
	err  error
}

// The conversions dubao uses, by OpenCC's names.
var converters = map[string]*converter{}

func init() {
	for _, n := range []string{"t2s", "tw2sp", "s2twp", "s2hk", "t2tw", "t2hk"} {
		converters[n] = &converter{name: n}
	}
}

// load returns the conversion named name, building its dictionaries the
// first time.
func load(name string) (*opencc.OpenCC, error) {
	c := converters[name]
	c.once.Do(func() {
		if name == "s2hk" {
			c.cc, c.err = sharedS2HK()
			return
		}
		c.cc, c.err = opencc.New(name)
	})
	return c.cc, c.err
}

// sharedS2HK builds s2hk from the dictionaries of s2twp and t2hk: its
// first step (simplified to traditional characters and phrases, the bulk
// of the dictionaries) is s2twp's, and the rest is t2hk. OpenCC's own s2hk
// would build that first step again.
func sharedS2HK() (*opencc.OpenCC, error) {
	tw, err := load("s2twp")
	if err != nil {
		return nil, err
	}
	hk, err := load("t2hk")
	if err != nil {
		return nil, err
	}
	chain := append([]*opencc.Group{tw.DictChains[0]}, hk.DictChains...)
	return &opencc.OpenCC{Conversion: "s2hk", DictChains: chain}, nil
}

// Preload loads the dictionaries of every conversion now, for a caller that
// would rather pay for them at a moment of its choosing.
func Preload() error {
	for n := range converters {
		if _, err := load(n); err != nil {
			return err
		}
	}
	_ = folds()
	return nil
}

// PreloadFor starts building, in the background, what Spellings, Variants
// and Fold need for q (the fold table), and returns at once; nothing when q
// holds no Chinese character. A caller that has other work to do first
// (opening a store) calls it before, so that the table is built meanwhile.
func PreloadFor(q string) {
	if !HasHan(q) {
		return
	}
	go folds()
}

// convert runs the conversion named name over s. It takes opencc's
// dictionaries and follows opencc's Convert step by step (each step: at
// every position the longest entry of the first dictionary of the step's
// group that has one, else the rune unchanged), recording what changed
// length so that offsets can be mapped. An unknown name, or a dictionary
// that fails to load, leaves s as it is.
func convert(name string, s string) Text {
	cc, err := load(name)
	if err != nil || s == "" {
		return Same(s)
	}
	t := Text{}
	for _, g := range cc.DictChains {
		var b strings.Builder
		b.Grow(len(s) + len(s)/8)
		var edits []edit
		for i := 0; i < len(s); {
			n, val := longest(g.Dicts, s[i:])
			if n == 0 {
				_, n = utf8.DecodeRuneInString(s[i:])
				val = s[i : i+n]
			}
			out := b.Len()
			b.WriteString(val)
			if !sameShape(s[i:i+n], val) {
				edits = append(edits, edit{from: i, to: i + n, outFrom: out, outTo: b.Len()})
			}
			i += n
		}
		s = b.String()
		t.stages = append(t.stages, edits)
	}
	t.Shown = s
	return t
}

// longest returns the length in bytes of the longest entry, at most
// maxPhrase runes, of the first of dicts that has one s starts with, and
// the entry's first conversion; 0 when none has.
func longest(dicts []*da.Dict, s string) (int, string) {
	limit := len(s)
	for i, n := 0, 0; i < len(s); n++ {
		if n == maxPhrase {
			limit = i
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	var step [1]byte
	for _, d := range dicts {
		best, value := 0, -1
		node := 0
		for i := 0; i < limit; i++ {
			step[0] = s[i]
			next, err := d.Trie.Jump(step[:], node)
			// The trie's root checks as its own child under some labels
			// (\x01 with these dictionaries): no key goes through it.
			if err != nil || next == 0 {
				break
			}
			node = next
			if v, err := d.Trie.Value(node); err == nil {
				best, value = i+1, v
			}
		}
		if value >= 0 && value < len(d.Values) {
			if vals := d.Values[value]; len(vals) > 0 {
				return best, vals[0]
			}
			return best, s[:best]
		}
	}
	return 0, ""
}

// sameShape reports whether b has the runes of a's encoded lengths, so
// that every offset of a is one of b.
func sameShape(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); {
		_, na := utf8.DecodeRuneInString(a[i:])
		_, nb := utf8.DecodeRuneInString(b[i:])
		if na != nb {
			return false
		}
		i += na
	}
	return true
}

// conversion names the OpenCC conversion that turns text written in from
// (Hans, or HantTW for any traditional text) into to; "" for none.
func conversion(from, to Script) string {
	traditional := from == HantTW || from == HantHK
	switch to {
	case Hans:
		if traditional {
			return "tw2sp"
		}
	case HantTW:
		if traditional {
			return "t2tw"
		}
		return "s2twp"
	case HantHK:
		if traditional {
			return "t2hk"
		}
		return "s2hk"
	}
	return ""
}

// Convert converts text, written in from (as Detect tells), to the script
// to. Converting to Original, or to the script the text is in, gives it
// back unchanged.
func Convert(text string, from, to Script) Text {
	name := conversion(from, to)
	if name == "" {
		return Same(text)
	}
	return convert(name, text)
}
