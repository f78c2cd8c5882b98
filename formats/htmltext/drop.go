package htmltext

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// droppedTags hold no article text: code, styling, page furniture, forms
// and embedded media whose fallback text is only "your browser cannot ...".
var droppedTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Nav: true, atom.Form: true, atom.Button: true, atom.Input: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Canvas: true, atom.Audio: true,
	atom.Video: true, atom.Map: true, atom.Math: true,
}

// droppedWords are words of a class or id that mark page furniture: ads,
// share and like buttons (Baidu's bdshare and JiaThis on Chinese sites),
// navigation bars, comment boxes, lists of related stories.
var droppedWords = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "advertisement": true, "adsense": true,
	"share": true, "sharing": true, "social": true, "bdshare": true, "bdsharebuttonbox": true,
	"jiathis": true, "breadcrumb": true, "breadcrumbs": true, "navbar": true, "nav": true,
	"menu": true, "toolbar": true, "comment": true, "comments": true, "related": true,
	"sponsor": true, "sponsored": true, "promo": true,
	// Like buttons and their counters: 赞 (zan, dianzan), digg, like.
	"zan": true, "dianzan": true, "digg": true, "like": true, "likes": true,
}

// Dropped reports whether element n is left out of a conversion with all it
// holds: a tag that holds no article text, an element hidden from view, or
// one whose class or id names page furniture (ad, share, nav, comment, ...).
func Dropped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if droppedTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == 0 && (n.Data == "svg" || n.Data == "math") {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "class", "id":
			if furniture(a.Val) {
				return true
			}
		}
	}
	return false
}

// furniture reports whether a class or id value has a word that marks page
// furniture. Words are split at spaces, hyphens and underscores, so
// "share-box" and "bdsharebuttonbox" count and "header" or "shadow" do not.
func furniture(v string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == '-' || r == '_' || r == '\t' || r == '\n'
	}) {
		if droppedWords[w] {
			return true
		}
	}
	return false
}
