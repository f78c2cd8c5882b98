package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"dubao/model"
	"dubao/script"
	"dubao/seeds"
	"dubao/ui/common"
)

// bigEdition is the seed plus a section holding one article of about size
// bytes, built from the seed's own paragraphs.
func bigEdition(b *testing.B, size int) *model.Edition {
	ed := seed(b)
	var paras []model.Block
	for _, s := range ed.Sections {
		for _, a := range s.Articles {
			for _, bl := range a.Body {
				if bl.Type == model.Paragraph {
					paras = append(paras, bl)
				}
			}
		}
	}
	big := model.Article{ID: "4-1", Kind: model.KindNews, Headline: "长篇：" + ed.Sections[0].Articles[0].Headline}
	n := 0
	for i := 0; n < size; i++ {
		bl := paras[i%len(paras)]
		big.Body = append(big.Body, bl)
		n += len(bl.Text)
	}
	ed.Sections = append(ed.Sections, model.Section{Index: 4, Name: "长篇", Articles: []model.Article{big}})
	return ed
}

// benchFrames draws m's frame b.N times and reports the median time of a
// frame beside the mean Go reports.
func benchFrames(b *testing.B, m Model) {
	b.ReportAllocs()
	b.SetBytes(int64(len(m.View().Content)))
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		_ = m.View()
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns/frame")
}

// BenchmarkFrame draws a 200x60 frame of the seed's first story and of a
// 1 MB story at its start and in its middle. The three must cost about the
// same: a frame styles only the lines on screen.
func BenchmarkFrame(b *testing.B) {
	key := func(s string) tea.Msg { return tea.KeyPressMsg{Code: []rune(s)[0], Text: s} }
	b.Run("seed", func(b *testing.B) {
		m := newModel(b, seed(b), 200, 60, common.Chinese)
		benchFrames(b, send(b, m, key("l")))
	})
	b.Run("seed-search", func(b *testing.B) {
		m := newModel(b, seed(b), 200, 60, common.Chinese)
		m = send(b, m, key("/"), key("项"), key("目"), tea.KeyPressMsg{Code: tea.KeyEnter})
		benchFrames(b, m)
	})
	// Shown in Taiwan's script: the conversion was done when the story was
	// shown, so a frame costs what the "seed" frame costs.
	b.Run("seed-hant-tw", func(b *testing.B) {
		m := newModel(b, seed(b), 200, 60, common.Chinese)
		benchFrames(b, send(b, m, key("t"), key("t"), key("l")))
	})
	big := bigEdition(b, 1<<20)
	b.Run("1MB-start", func(b *testing.B) {
		m := newModel(b, big, 200, 60, common.Chinese)
		benchFrames(b, send(b, m, key("4"), key("l")))
	})
	b.Run("1MB-middle", func(b *testing.B) {
		m := newModel(b, big, 200, 60, common.Chinese)
		m = send(b, m, key("4"), key("l"))
		_, pages := m.article.Pages()
		m.article.ScrollBy(pages / 2 * m.lay.ArticleInner.H)
		benchFrames(b, m)
	})
}

// BenchmarkHelpFrame draws the help box, whose every entry comes from the
// message table in the interface's language: English is the peer, drawn
// in the same run.
func BenchmarkHelpFrame(b *testing.B) {
	for _, lang := range []common.Lang{common.English, common.Chinese, common.Traditional} {
		b.Run(lang.String(), func(b *testing.B) {
			m := newModel(b, seed(b), 120, 40, lang)
			benchFrames(b, send(b, m, tea.KeyPressMsg{Code: '?', Text: "?"}))
		})
	}
}

// BenchmarkFirstFrame is the work from the edition's bytes to the first
// full frame: parse the seed, build the reader, size it, draw it. (Process
// start and the terminal's round trips come on top; the end-to-end test
// logs the wall-clock time in tmux.)
func BenchmarkFirstFrame(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		ed, err := model.Parse(seeds.Default, model.Options{Title: seeds.Title})
		if err != nil {
			b.Fatal(err)
		}
		next, _ := New(ed, Options{Lang: common.Chinese}).Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		if v := next.(Model).View(); !strings.Contains(v.Content, "海门日报") {
			b.Fatal("no frame")
		}
	}
}

// BenchmarkResize is the cost of a new width: the article is typeset again,
// once, for the seed's first story and for the 1 MB one.
func BenchmarkResize(b *testing.B) {
	for _, tc := range []struct {
		name string
		ed   *model.Edition
		sec  string
	}{{"seed", seed(b), "1"}, {"1MB", bigEdition(b, 1<<20), "4"}} {
		b.Run(tc.name, func(b *testing.B) {
			m := newModel(b, tc.ed, 200, 60, common.Chinese)
			m = send(b, m, tea.KeyPressMsg{Code: rune(tc.sec[0]), Text: tc.sec})
			a := m.article.Article()
			b.SetBytes(int64(a.Runes()) * 3)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				m.resize(100+i%2*20, 60) // two measures below MaxMeasure
			}
		})
	}
}

// BenchmarkScriptToggle is what t costs on the 1 MB story: the conversion
// of the whole story and its typesetting anew (Taiwan's script, converted
// once and then from the cache, beside the printed text typeset anew by w,
// the peer).
func BenchmarkScriptToggle(b *testing.B) {
	key := func(s string) tea.Msg { return tea.KeyPressMsg{Code: []rune(s)[0], Text: s} }
	big := bigEdition(b, 1<<20)
	m := newModel(b, big, 200, 60, common.Chinese)
	m = send(b, m, key("4"), key("l"))
	b.Run("convert", func(b *testing.B) {
		b.SetBytes(1 << 20)
		b.ReportAllocs()
		for b.Loop() {
			m.conv = script.NewCache() // nothing cached: a first t
			m.setScript(script.HantTW)
			m.setScript(script.Original)
		}
	})
	b.Run("cached", func(b *testing.B) {
		b.SetBytes(1 << 20)
		b.ReportAllocs()
		for b.Loop() {
			m.setScript(script.HantTW)
			m.setScript(script.Original)
		}
	})
	b.Run("peer=w", func(b *testing.B) {
		b.SetBytes(1 << 20)
		b.ReportAllocs()
		for b.Loop() {
			m = send(b, m, key("w"), key("w"))
		}
	})
}
