package model

import (
	"fmt"
	"io"
	"strings"
)

// Explain parses text as ParseText does and writes, for every unit of the
// edition (a line, or lines joined back after hard wrapping), its line
// number, the label the parser gave it and the evidence that decided it:
// the weights for the label itself, then those for following the label
// before. It is what `dubao dump --explain` prints.
func Explain(w io.Writer, text string, opt Options) error {
	p := newParser(splitUnits(cleanLines(text)))
	p.ed, p.opt = &Edition{Title: opt.Title, Source: opt.Source}, opt
	from := p.masthead()
	for k := from; k < len(p.units); k++ {
		p.sectionStart[k] = p.startsSection(k)
	}
	labels := p.decode(from)
	fmt.Fprintf(w, "layout: usual gap %d blank lines, section break %d, page headers %v, body indented %v\n",
		p.usualBlanks, p.breakBlanks, p.headers, p.indentBody)
	if from > 0 {
		fmt.Fprintf(w, "%5d  %-11s %s\n", p.units[0].line, "masthead", firstWords(p.units[0].text, 30))
	}
	for i := from; i < len(p.units); i++ {
		l := labels[i]
		prev := lHeader
		if i > from && !p.sectionStart[i] {
			prev = labels[i-1]
		}
		var ev []string
		p.emit(i, l, &ev)
		p.trans(i, prev, l, &ev)
		mark := ""
		if p.sectionStart[i] {
			mark = "§ "
		}
		if _, err := fmt.Fprintf(w, "%5d  %-11s %s%s\n", p.units[i].line, l, mark, firstWords(p.units[i].text, 30)); err != nil {
			return err
		}
		if len(ev) > 0 {
			fmt.Fprintf(w, "       %11s   %s\n", "", strings.Join(ev, "; "))
		}
	}
	return nil
}
