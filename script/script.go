// Package script converts Chinese text between scripts for display: as
// printed, simplified (简体), and traditional as Taiwan (繁體, with its
// vocabulary) and Hong Kong write it, through OpenCC's dictionaries
// (github.com/longbridgeapp/opencc). A conversion keeps a map from the
// original text's byte offsets to the converted text's, since a phrase can
// change length (内存 becomes 記憶體), so that search matches and reading
// positions found in the stored text land where the shown text has them.
//
// It also folds the scripts together for search: Fold and Variants let a
// query in one script find text in another.
//
// The dictionaries take a tenth of a second or more to load, so nothing is
// loaded until a conversion or a cross-script search first needs it.
package script

import (
	"fmt"
	"strings"
)

// Script is a way of writing the text shown.
type Script int

// The scripts, in the order the reader's t key cycles through them.
const (
	// Original is the text as printed.
	Original Script = iota
	// Hans is simplified Chinese, with the mainland's vocabulary.
	Hans
	// HantTW is traditional Chinese to the Taiwan standard, with Taiwan's
	// vocabulary (软件 is 軟體).
	HantTW
	// HantHK is traditional Chinese as Hong Kong writes it.
	HantHK
	numScripts
)

var names = [numScripts]string{"original", "hans", "hant-tw", "hant-hk"}

// String returns the script's name as config files and --script give it.
func (s Script) String() string {
	if s < 0 || s >= numScripts {
		return fmt.Sprintf("Script(%d)", int(s))
	}
	return names[s]
}

// Names returns the names of every script, in cycling order.
func Names() []string { return names[:] }

// Parse returns the script named name; "" is Original.
func Parse(name string) (Script, error) {
	if name == "" {
		return Original, nil
	}
	for i, n := range names {
		if strings.EqualFold(name, n) {
			return Script(i), nil
		}
	}
	return Original, fmt.Errorf("unknown script %q (want one of %s)", name, strings.Join(names[:], ", "))
}

// Next returns the script after s in the cycle, Original after the last.
func (s Script) Next() Script { return (s + 1) % numScripts }
