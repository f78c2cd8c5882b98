package script

import (
	"testing"

	"github.com/longbridgeapp/opencc"

	"dubao/seeds"
)

// BenchmarkConvert converts the seed edition to each script, beside
// opencc's own Convert of the same text (the peer): the conversion dubao
// runs once per article and script.
func BenchmarkConvert(b *testing.B) {
	text := string(seeds.Default)
	for _, to := range []Script{Hans, HantTW, HantHK} {
		b.Run(to.String(), func(b *testing.B) {
			Convert(text, Hans, to) // the dictionaries, loaded once
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Convert(text, Hans, to)
			}
		})
	}
	b.Run("opencc-s2twp", func(b *testing.B) {
		cc, err := opencc.New("s2twp")
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := cc.Convert(text); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("traditional-to-hans", func(b *testing.B) {
		trad := Convert(text, Hans, HantTW).Shown
		Convert(trad, HantTW, Hans)
		b.SetBytes(int64(len(trad)))
		b.ReportAllocs()
		for b.Loop() {
			Convert(trad, HantTW, Hans)
		}
	})
}

// BenchmarkLoad measures what the first t costs: building the dictionaries
// of a conversion (opencc.New), and the fold table search uses.
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{"s2twp", "s2hk", "tw2sp", "t2s"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := opencc.New(name); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("folds", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buildFolds()
		}
	})
}

// BenchmarkSpellings measures what a search's Spellings of a query costs:
// reading opencc's dictionaries into lines (once a process), and then
// spelling 禁渔 through the lines it holds; the peer is building the tries
// the spellings took before (s2twp alone, see BenchmarkLoad).
func BenchmarkSpellings(b *testing.B) {
	b.Run("lines-once", func(b *testing.B) {
		b.ReportAllocs()
		names := map[string]bool{}
		for _, chain := range shortChains {
			for _, step := range chain {
				for _, name := range step {
					names[name] = true
				}
			}
		}
		for b.Loop() {
			for name := range names {
				data, err := openccDictionaries.ReadFile("dictionary/" + name + ".txt")
				if err != nil {
					b.Fatal(err)
				}
				indexLines(string(data))
			}
		}
	})
	b.Run("query", func(b *testing.B) {
		dictionaries()
		b.ReportAllocs()
		for b.Loop() {
			Spellings("禁渔")
		}
	})
}
