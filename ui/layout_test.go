package ui

import (
	"fmt"
	"testing"

	"dubao/ui/styles"
)

func TestComputeLayout(t *testing.T) {
	frame := styles.New(styles.Config{Dark: true}).Pane.Frame
	fw, fh := frame.GetHorizontalFrameSize(), frame.GetVerticalFrameSize()
	tests := []struct {
		w, h              int
		tooSmall, onePane bool
		listW, helpRows   int
	}{
		{w: 200, h: 60, listW: listMax, helpRows: 1},
		{w: 120, h: 40, listW: 36, helpRows: 1},
		{w: 100, h: 30, listW: 30, helpRows: 1},
		{w: 80, h: 24, listW: 30, helpRows: 1},
		{w: 79, h: 24, onePane: true, listW: 79, helpRows: 1},
		{w: 60, h: 20, onePane: true, listW: 60, helpRows: 1},
		{w: 40, h: 15, onePane: true, listW: 40},
		{w: 30, h: 10, onePane: true, listW: 30},
		{w: 29, h: 10, tooSmall: true},
		{w: 30, h: 9, tooSmall: true},
		{w: 1, h: 1, tooSmall: true},
		{w: 0, h: 0, tooSmall: true},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			l := computeLayout(tt.w, tt.h, frame)
			if l.TooSmall != tt.tooSmall || l.OnePane != tt.onePane {
				t.Fatalf("tooSmall %v onePane %v", l.TooSmall, l.OnePane)
			}
			if l.TooSmall {
				return
			}
			if l.List.W != tt.listW || l.Help.H != tt.helpRows {
				t.Fatalf("list width %d, help rows %d", l.List.W, l.Help.H)
			}
			if rows := l.Header.H + l.List.H + l.Status.H + l.Help.H; rows != tt.h {
				t.Fatalf("rows add up to %d", rows)
			}
			if l.Status.Y != l.List.Y+l.List.H || l.Help.Y != l.Status.Y+1 || l.List.Y != l.Header.H {
				t.Fatalf("rows out of order: %+v", l)
			}
			cols := l.List.W
			if !l.OnePane {
				cols += l.Article.W
				if l.Article.X != l.List.W {
					t.Fatalf("article starts at column %d", l.Article.X)
				}
			}
			if cols != tt.w {
				t.Fatalf("panes are %d columns", cols)
			}
			if l.Overlay.X+l.Overlay.W > tt.w || l.Overlay.Y != l.ListInner.Y || l.Overlay.H != l.ListInner.H {
				t.Fatalf("overlay %+v not inside the panes' frames", l.Overlay)
			}
			for _, p := range [][2]Rect{{l.List, l.ListInner}, {l.Article, l.ArticleInner}, {l.Overlay, l.OverlayInner}} {
				if p[1].W != p[0].W-fw || p[1].H != p[0].H-fh || p[1].W <= 0 || p[1].H <= 0 {
					t.Fatalf("inner %+v of %+v", p[1], p[0])
				}
				if !p[0].Contains(p[1].X, p[1].Y) || !p[0].Contains(p[1].X+p[1].W, p[1].Y+p[1].H) {
					t.Fatalf("inner %+v not inside %+v", p[1], p[0])
				}
			}
		})
	}
}
