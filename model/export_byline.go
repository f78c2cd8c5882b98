package model

// ParseByline reads s, a line that is only a byline (本报记者 左妍, 记者 张三
// 通讯员 李四, 新华社北京3月5日电（记者 X）, By Jane Smith), as the text
// parser reads one. ok is false when s is not shaped like a byline; formats
// whose source marks a byline as such (an HTML page's author line, a feed
// item's author) then keep it as written, in Raw.
func ParseByline(s string) (b Byline, ok bool) {
	return parseStandaloneByline(s)
}

// SplitLeadByline splits the dateline and byline that open a story's first
// paragraph off it, as the text parser does: 新华社巴黎12月9日电（记者唐霁）法国9日…
// gives that byline (Raw holding it as written) and the rest, 法国9日….
// ok is false when s does not open with a dateline.
func SplitLeadByline(s string) (b Byline, rest string, ok bool) {
	raw, rest, b, ok := parseLeadByline(s)
	if !ok {
		return Byline{}, s, false
	}
	b.Raw = raw
	return b, rest, true
}
