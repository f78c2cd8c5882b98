package epub

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
	"testing"

	"dubao/model"
	"dubao/seeds"
)

// bigEPUB builds an EPUB of about size bytes laid out as calibre lays out
// a news periodical: sections of articles, each article a page of the
// seed edition's paragraphs and a photo. Like a real one, most of its
// bytes are pictures (stored, as JPEGs are): about 1.6 MB of XHTML
// deflates to textBytes.
func bigEPUB(tb testing.TB, size int) []byte {
	const textBytes = 560000
	var paras []string
	for _, line := range strings.Split(string(seeds.Default), "\n") {
		if line = strings.TrimSpace(line); len(line) > 60 {
			paras = append(paras, "<p>\u3000\u3000"+html.EscapeString(line)+"</p>")
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	add := func(name string, method uint16, data []byte) {
		f, err := w.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			tb.Fatal(err)
		}
		f.Write(data)
	}
	add("mimetype", zip.Store, []byte("application/epub+zip"))
	add("META-INF/container.xml", zip.Deflate, []byte(`<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`))
	var manifest, spine, nav strings.Builder
	const sections, perSection = 12, 20
	text, pic := 0, 0
	for s := 0; s < sections; s++ {
		fmt.Fprintf(&nav, `<navPoint id="s%d"><navLabel><text>第%d版</text></navLabel><content src="feed_%d/index.html"/>`, s, s+1, s)
		for a := 0; a < perSection; a++ {
			name := fmt.Sprintf("feed_%d/article_%d/index.html", s, a)
			var page strings.Builder
			page.WriteString(`<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>`)
			page.WriteString(`<div class="calibre_navbar">| <a href="../article_1/index.html">Next</a> | <a href="../index.html#article_0">Section menu</a> | </div>`)
			fmt.Fprintf(&page, "<h1>稿件%d-%d</h1>", s, a)
			for i := 0; i < 9; i++ {
				page.WriteString(paras[(s*perSection*9+a*9+i)%len(paras)])
			}
			fmt.Fprintf(&page, `<div><img src="images/img%d.jpg" alt="图片说明"/></div></body></html>`, a)
			add(name, zip.Deflate, []byte(page.String()))
			text += page.Len()
			img := make([]byte, (size-textBytes)/(sections*perSection))
			for i := range img {
				img[i] = byte(rng.Uint32())
			}
			add(fmt.Sprintf("feed_%d/article_%d/images/img%d.jpg", s, a, a), zip.Store, img)
			pic += len(img)
			fmt.Fprintf(&manifest, `<item id="a%d_%d" href="%s" media-type="application/xhtml+xml"/>`, s, a, name)
			fmt.Fprintf(&spine, `<itemref idref="a%d_%d"/>`, s, a)
			fmt.Fprintf(&nav, `<navPoint id="a%d_%d"><navLabel><text>稿件%d-%d</text></navLabel><content src="%s"/></navPoint>`, s, a, s, a, name)
		}
		nav.WriteString("</navPoint>")
	}
	add("content.opf", zip.Deflate, []byte(`<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>大报 [Tue, 19 Mar 2024]</dc:title></metadata><manifest>`+
		manifest.String()+`<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest><spine toc="ncx">`+spine.String()+`</spine></package>`))
	add("toc.ncx", zip.Deflate, []byte(`<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>`+nav.String()+`</navMap></ncx>`))
	w.Close()
	_ = text
	return buf.Bytes()
}

func TestBigEPUB(t *testing.T) {
	data := bigEPUB(t, 5<<20)
	if len(data) < 5<<20 || len(data) > 6<<20 {
		t.Fatalf("bench EPUB is %d bytes, want about 5 MB", len(data))
	}
	ed, err := Parse(data, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ed.Sections) != 12 || ed.Articles() != 240 || ed.Date != "2024-03-19" {
		t.Fatalf("%d sections, %d articles, date %q", len(ed.Sections), ed.Articles(), ed.Date)
	}
	if a := ed.Sections[3].Articles[7]; a.Headline != "稿件3-7" || a.Paragraphs() != 9 || a.Body[9].Image != "feed_3/article_7/images/img7.jpg" {
		t.Errorf("article %q: %d paragraphs, %q", a.Headline, a.Paragraphs(), a.Body)
	}
}

// BenchmarkOpen5MB measures opening a 5 MB calibre-style EPUB (goal: ≤ 0.5
// s a run); BenchmarkOpen5MB/text is the text parser on the same
// articles' text, the peer it is compared with.
func BenchmarkOpen5MB(b *testing.B) {
	data := bigEPUB(b, 5<<20)
	ed, err := Parse(data, model.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("epub", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Parse(data, model.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	var text bytes.Buffer
	model.WriteText(&text, ed)
	b.Run("text", func(b *testing.B) {
		b.SetBytes(int64(text.Len()))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := model.Parse(text.Bytes(), model.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
