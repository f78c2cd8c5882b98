package keys

import (
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
)

// Every binding is known by the name of its action: the help text it is
// declared with ("next page"). The name is what the help shows (through the
// interface's message table, where it is the message's key) and what the
// config file's [keys] rebinds. Bindings of different panes that share a
// name are one action (up in the list, the article and the pickers) and
// are rebound together.

// Name returns the name of the action b does.
func Name(b key.Binding) string { return b.Help().Desc }

// Bindings returns every key.Binding field of the key map km, a pointer to
// a struct, in the order declared, looking into nested and embedded
// structs (such as Nav): a binding added to a key map is found, and can be
// rebound, without more code.
func Bindings(km any) []*key.Binding {
	v := reflect.ValueOf(km)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		panic("keys.Bindings: not a pointer to a struct")
	}
	var out []*key.Binding
	collect(v.Elem(), &out)
	return out
}

var bindingType = reflect.TypeFor[key.Binding]()

func collect(v reflect.Value, out *[]*key.Binding) {
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch {
		case f.Type() == bindingType:
			*out = append(*out, f.Addr().Interface().(*key.Binding))
		case f.Kind() == reflect.Struct:
			collect(f, out)
		}
	}
}

// Rebind gives every binding of the key maps kms whose action is named in
// bound the keys bound names, and a help label made of them.
func Rebind(bound map[string][]string, kms ...any) {
	for _, km := range kms {
		for _, b := range Bindings(km) {
			if ks, ok := bound[Name(*b)]; ok {
				*b = withKeys(*b, ks)
			}
		}
	}
}

// withKeys returns b answering to ks, its label made from them; b as it is
// when it answers to ks already, so the default labels stay.
func withKeys(b key.Binding, ks []string) key.Binding {
	if slices.Equal(b.Keys(), ks) {
		return b
	}
	name := Name(b)
	b.SetKeys(ks...)
	b.SetHelp(Label(ks), name)
	return b
}

// keySymbols are the keys a label shows by a symbol, as the default labels
// do.
var keySymbols = map[string]string{"up": "↑", "down": "↓", "left": "←", "right": "→"}

// Label is how the help shows keys: "k/↑", "space/f"; a run of three or
// more digits in order is "1-9".
func Label(ks []string) string {
	if len(ks) >= 3 && slices.IndexFunc(ks, func(k string) bool { return len(k) != 1 || k[0] < '0' || k[0] > '9' }) < 0 {
		run := true
		for i := 1; i < len(ks); i++ {
			run = run && ks[i][0] == ks[i-1][0]+1
		}
		if run {
			return ks[0] + "-" + ks[len(ks)-1]
		}
	}
	out := make([]string, len(ks))
	for i, k := range ks {
		if s, ok := keySymbols[k]; ok {
			k = s
		}
		out[i] = k
	}
	return strings.Join(out, "/")
}

// Without returns b without the keys that other answers to, its label
// made anew when it loses any: "next story" gives n up to "next match"
// while a search is in force.
func Without(b, other key.Binding) key.Binding {
	ks := slices.DeleteFunc(slices.Clone(b.Keys()), func(k string) bool { return slices.Contains(other.Keys(), k) })
	if len(ks) == len(b.Keys()) {
		return b
	}
	return withKeys(b, ks)
}

// Conflict is a key two actions answer to where both are live.
type Conflict struct {
	Key    string
	Action string // the later binding's action
	Other  string // the earlier one's
}

// Conflicts returns the keys that bindings of different actions among bs
// share, each once, unless allowed says that the two actions share keys by
// design (they are never live at once, or one refines the other).
func Conflicts(bs []*key.Binding, allowed func(a, b string) bool) []Conflict {
	var out []Conflict
	owner := map[string]string{}
	for _, b := range bs {
		name := Name(*b)
		for _, k := range b.Keys() {
			prev, ok := owner[k]
			if !ok {
				owner[k] = name
				continue
			}
			if prev != name && !allowed(prev, name) && !allowed(name, prev) {
				out = append(out, Conflict{Key: k, Action: name, Other: prev})
			}
		}
	}
	return out
}

// namedKeys are the keys with names, as Bubble Tea's key messages spell
// them; any other key is one printable character.
var namedKeys = map[string]bool{
	"up": true, "down": true, "left": true, "right": true, "home": true, "end": true,
	"pgup": true, "pgdown": true, "tab": true, "enter": true, "esc": true, "space": true,
	"backspace": true, "delete": true, "insert": true,
	"f1": true, "f2": true, "f3": true, "f4": true, "f5": true, "f6": true,
	"f7": true, "f8": true, "f9": true, "f10": true, "f11": true, "f12": true,
}

// Valid reports whether k names a key the reader can be sent: a character
// (j, G, ?, 图), or a named key (space, pgdown, f5), each perhaps with
// ctrl+, alt+ or shift+ before it (ctrl+d, shift+tab).
func Valid(k string) bool {
	for {
		rest, ok := strings.CutPrefix(k, "ctrl+")
		if !ok {
			rest, ok = strings.CutPrefix(k, "alt+")
		}
		if !ok {
			rest, ok = strings.CutPrefix(k, "shift+")
		}
		if !ok || rest == "" {
			break
		}
		k = rest
	}
	if namedKeys[k] {
		return true
	}
	r, n := utf8.DecodeRuneInString(k)
	return n == len(k) && r != utf8.RuneError && unicode.IsGraphic(r) && !unicode.IsSpace(r)
}
