package htmltext

import (
	"unicode/utf8"

	"dubao/model"
)

// SplitLeadByline gives a story with no byline of its own the one its first
// paragraph opens with (新华社北京3月5日电（记者 X）), as the text parser
// does, leaving the rest of the paragraph as it was; a paragraph that was
// only the byline goes. A first paragraph of a few characters (a link
// such as 图集 left above the story) is passed over.
func SplitLeadByline(a *model.Article) {
	if !a.Byline.IsZero() {
		return
	}
	seen := 0
	for i, blk := range a.Body {
		if blk.Type != model.Paragraph {
			continue
		}
		seen++
		b, rest, ok := model.SplitLeadByline(blk.Text)
		if !ok {
			if seen == 1 && utf8.RuneCountInString(blk.Text) <= maxSkippedLead {
				continue
			}
			return
		}
		a.Byline = b
		if rest == "" {
			a.Body = append(a.Body[:i:i], a.Body[i+1:]...)
		} else {
			a.Body[i].Text = rest
		}
		return
	}
}

// maxSkippedLead is the longest first paragraph SplitLeadByline looks past.
const maxSkippedLead = 6
