package model

// ParseByline reads s, a line that is only a byline (本报记者 左妍, 记者 张三
// 通讯员 李四, 新华社北京3月5日电（记者 X）, By Jane Smith), as the text
// parser reads one. ok is false when s is not shaped like a byline; formats
// whose source marks a byline as such (an HTML page's author line, a feed
// item's author) then keep it as written, in Raw.
func ParseByline(s string) (b Byline, ok bool) {
	return parseStandaloneByline(s)
}
