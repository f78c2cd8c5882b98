package keys

import (
	"slices"
	"testing"

	"charm.land/bubbles/v2/key"
)

func TestLabel(t *testing.T) {
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"k", "up"}, "k/↑"},
		{[]string{"space", "f"}, "space/f"},
		{[]string{"1", "2", "3", "4"}, "1-4"},
		{[]string{"1", "3", "5"}, "1/3/5"},
		{[]string{"ctrl+x", "left", "right", "down"}, "ctrl+x/←/→/↓"},
	}
	for _, tt := range tests {
		if got := Label(tt.keys); got != tt.want {
			t.Errorf("Label(%v) = %q, want %q", tt.keys, got, tt.want)
		}
	}
}

// TestRebindKeepsDefaultLabels: an action bound to the keys it has keeps
// its hand-made label; bound to others it gets one made from them.
func TestRebindKeepsDefaultLabels(t *testing.T) {
	n := DefaultNav()
	Rebind(map[string][]string{"next page": {"space", "f", "pgdown"}, "up": {"w", "up"}}, &n)
	if n.PageDown.Help().Key != "space/f" || n.Up.Help().Key != "w/↑" || !slices.Equal(n.Up.Keys(), []string{"w", "up"}) {
		t.Fatalf("next page %q, up %q %v", n.PageDown.Help().Key, n.Up.Help().Key, n.Up.Keys())
	}
}

// TestBindingsFindsNestedAndAdded: Bindings walks into embedded key maps,
// so a binding another pane adds is found without more code.
func TestBindingsFindsNestedAndAdded(t *testing.T) {
	type paneKeys struct {
		Nav
		Lookup key.Binding
		hidden key.Binding
	}
	// An unexported binding is the pane's own business: not listed.
	km := paneKeys{Nav: DefaultNav(), Lookup: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "look up")),
		hidden: key.NewBinding(key.WithKeys("X"), key.WithHelp("X", "hidden"))}
	var names []string
	for _, b := range Bindings(&km) {
		names = append(names, Name(*b))
	}
	if len(names) != 9 || names[8] != "look up" || names[0] != "up" {
		t.Fatalf("found %v", names)
	}
	Rebind(map[string][]string{"look up": {"ctrl+l"}}, &km)
	if !slices.Equal(km.Lookup.Keys(), []string{"ctrl+l"}) {
		t.Fatal("an added binding was not rebound")
	}
}

func TestValid(t *testing.T) {
	for _, k := range []string{"j", "G", "?", ",", "图", "space", "ctrl+d", "shift+tab", "alt+ctrl+x", "f12", "pgdown"} {
		if !Valid(k) {
			t.Errorf("%q is a key", k)
		}
	}
	for _, k := range []string{"", "spcae", "ctrl+", "jj", " ", "\x1b", "f13", "ctrl+spcae"} {
		if Valid(k) {
			t.Errorf("%q is no key", k)
		}
	}
}

func TestConflicts(t *testing.T) {
	g := DefaultGlobal()
	n := DefaultNav()
	bs := append(Bindings(&g), Bindings(&n)...)
	allowed := func(a, b string) bool {
		return a == "next story" && b == "next match" || a == "unread only (story list)" && b == "half page up"
	}
	if c := Conflicts(bs, allowed); len(c) != 0 {
		t.Fatalf("the defaults conflict: %+v", c)
	}
	g.Quit.SetKeys("j")
	c := Conflicts(append(Bindings(&g), Bindings(&n)...), allowed)
	if len(c) != 1 || c[0].Key != "j" || c[0].Other != "quit" || c[0].Action != "down" {
		t.Fatalf("conflicts %+v", c)
	}
}
