package htmltext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"dubao/model"
)

// trimEdges drops the blocks at the start and the end of an article body
// that are page furniture, not text: what a page's extractor leaves of a
// gallery link, a like button or a link to a channel. Only the edges are
// looked at, and only blocks no reader would miss: inside a body the same
// words may be the story's own. Pictures at an edge are kept and looked
// past; a body that would be left with no text is kept whole. linkOnly
// says, for each block, whether all its text was a link; an intertitle
// that repeats the headline, when one is given, goes from the start too.
func trimEdges(blocks []model.Block, linkOnly []bool, headline string) []model.Block {
	furniture := func(i int) bool { return atEdgeFurniture(blocks[i], linkOnly[i]) }
	repeat := func(i int) bool {
		return headline != "" && blocks[i].Type == model.Intertitle && blocks[i].Text == headline
	}
	drop := make([]bool, len(blocks))
	for i := 0; i < len(blocks) && (isPicture(blocks[i]) || furniture(i) || repeat(i)); i++ {
		drop[i] = !isPicture(blocks[i])
	}
	for i := len(blocks) - 1; i >= 0 && (isPicture(blocks[i]) || furniture(i)); i-- {
		drop[i] = !isPicture(blocks[i])
	}
	out := blocks[:0:0]
	kept := false
	for i, b := range blocks {
		if !drop[i] {
			out = append(out, b)
			kept = kept || !isPicture(b)
		}
	}
	if !kept {
		// A body of nothing but such blocks is what the page has: it is
		// shown rather than lost.
		return blocks
	}
	return out
}

// isPicture reports whether b is a picture (a caption with its image),
// which trimEdges keeps and looks past.
func isPicture(b model.Block) bool { return b.Type == model.Caption && b.Image != "" }

// atEdgeFurniture reports whether b, standing at the start or the end of a
// body, is page furniture: text with no letters at all (a counter, "+1"),
// a label of a gallery or a button and nothing else (图集, 点赞, 【打印】
// 【关闭】), or a block that is all one link and reads as a promotion
// (点击进入“文艺星青年”>>, 点击查看更多).
func atEdgeFurniture(b model.Block, linkOnly bool) bool {
	if b.Type == model.Caption {
		return false
	}
	text := b.Text
	if !hasLetter(text) && utf8.RuneCountInString(strings.Join(strings.Fields(text), "")) <= maxLetterless {
		return true
	}
	if onlyLabels(text) {
		return true
	}
	return linkOnly && promotion(text)
}

// maxLetterless is the most runes a block with no letters may have to be
// taken for a counter or a button at a body's edge; a longer one (a date,
// 2019.12.10) is text.
const maxLetterless = 3

// hasLetter reports whether s has a letter or an ideograph.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// furnitureLabels are the words of gallery links and page buttons that a
// block holding nothing else is made of.
var furnitureLabels = map[string]bool{
	"图集": true, "圖集": true, "组图": true, "組圖": true, "高清组图": true, "高清图集": true,
	"查看图集": true, "进入图集": true, "相关图集": true, "点击查看图集": true,
	"赞": true, "点赞": true, "點讚": true, "分享": true, "分享到": true, "收藏": true,
	"打印": true, "列印": true, "关闭": true, "關閉": true, "关闭窗口": true, "關閉本視窗": true,
	"返回顶部": true, "回到顶部": true, "打印本页": true,
}

// onlyLabels reports whether s is made of furniture labels only, set off
// by spaces, brackets or bars: 图集, 【打印】【关闭】, 分享到：.
func onlyLabels(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("【】[]（）()|｜:：", r)
	})
	for _, w := range words {
		if !furnitureLabels[w] {
			return false
		}
	}
	return len(words) > 0
}

// maxPromotion is the longest link taken for a promotion.
const maxPromotion = 40

// promotion reports whether s, the text of a whole link, invites the
// reader elsewhere: it starts with 点击 (click) or ends with an arrow
// (>>, 》》, →).
func promotion(s string) bool {
	if utf8.RuneCountInString(s) > maxPromotion {
		return false
	}
	for _, p := range []string{"点击", "點擊", "点此", "點此", "请点击", "請點擊"} {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	for _, a := range []string{">>", "＞＞", "》》", "→", "»", "›"} {
		if strings.HasSuffix(s, a) {
			return true
		}
	}
	return false
}
