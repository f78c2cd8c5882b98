package common

// message is one entry of the table: its English, the English for a count
// of one where that differs (N picks it), and its Chinese in simplified
// and in traditional characters. Formatting verbs are fmt's, the same
// ones in every column; %[2]s lets a column take the arguments in its
// own order.
type message struct {
	en, one, hans, hant string
}

// text is m in l; one asks for the singular.
func (m message) text(l Lang, one bool) string {
	switch l {
	case Chinese:
		return m.hans
	case Traditional:
		return m.hant
	}
	if one && m.one != "" {
		return m.one
	}
	return m.en
}

// messages is every text the reader shows, by key: labels, key help,
// hints, status messages and reader errors.
//
// To add a message, add a line here, {English, English singular or "",
// 简体, 繁體}, and show it with lang.T(key, args...) (or lang.N(key, n)
// for a count). The 繁體 column is what OpenCC's s2twp makes of the 简体
// one (Taiwan standard, with Taiwan's words); messages_test.go checks it,
// and prints the line to paste when it differs. A key binding's help text
// is its action's name: keys.Name(b) is the key of its message here, and
// the help shows the message in the interface's language. A binding whose
// name is missing here fails TestEveryBindingHasAMessage.
var messages = map[string]message{
	// Where the reader is.
	"page":       {"page %d/%d", "", "第 %d/%d 页", "第 %d/%d 頁"},
	"page about": {"page %d/≈%d", "", "第 %d/≈%d 页", "第 %d/≈%d 頁"},
	"section":    {"section %d/%d", "", "版 %d/%d", "版 %d/%d"},
	"story":      {"story %d/%d", "", "稿 %d/%d", "稿 %d/%d"},
	"paragraphs": {"%d paras", "%d para", "%d 段", "%d 段"},
	"minutes":    {"%d min", "", "%d 分钟", "%d 分鐘"},
	"stories":    {"%d stories", "%d story", "%d 篇", "%d 篇"},
	"unread":     {"%d unread", "", "未读 %d", "未讀 %d"},
	"unread of":  {"%d/%d unread", "", "未读 %d/%d", "未讀 %d/%d"},
	"read":       {"read", "", "已读", "已讀"},

	// A terminal too small, longest form first.
	"too small":           {"terminal too small: need %dx%d", "", "终端太小：至少 %dx%d", "終端太小：至少 %dx%d"},
	"too small: need":     {"too small: need %dx%d", "", "太小：至少 %dx%d", "太小：至少 %dx%d"},
	"need":                {"need %dx%d", "", "至少 %dx%d", "至少 %dx%d"},
	"no matches":          {"no matches", "", "没有找到", "沒有找到"},
	"matches":             {"%d matches", "%d match", "%d 处", "%d 處"},
	"matches in stories":  {"%s in %s", "", "%s，%s", "%s，%s"},
	"match":               {"match %d/%d", "", "匹配 %d/%d", "匹配 %d/%d"},
	"searching":           {"searching…", "", "正在搜索…", "正在搜尋…"},
	"indexing":            {"indexing %d/%d", "", "索引 %d/%d", "索引 %d/%d"},
	"updating":            {"updating %d/%d", "", "更新 %d/%d", "更新 %d/%d"},
	"update: nothing new": {"update: nothing new", "", "更新：没有新内容", "更新：沒有新內容"},
	"update: new stories": {"update: new stories in %d editions", "update: new stories in %d edition", "更新：%d 份报纸有新内容", "更新：%d 份報紙有新內容"},
	"update failed":       {"; %d failed: %s", "", "；%d 个失败：%s", "；%d 個失敗：%s"},

	// The boxes' titles, the panes' empty states and the status line's
	// flags.
	"search":                {"search", "", "搜索", "搜尋"},
	"help":                  {"help", "", "帮助", "幫助"},
	"keys":                  {"keys", "", "按键", "按鍵"},
	"sections":              {"sections", "", "版面", "版面"},
	"empty":                 {"no stories", "", "本版无稿件", "本版無稿件"},
	"half-width":            {"half-width punctuation", "", "半角标点", "半形標點"},
	"no indent":             {"no indent", "", "无缩进", "無縮排"},
	"hanging":               {"hanging punctuation", "", "标点悬挂", "標點懸掛"},
	"editions":              {"editions", "", "往期", "往期"},
	"bookmarks":             {"bookmarks", "", "收藏", "收藏"},
	"no editions":           {"no editions", "", "没有往期", "沒有往期"},
	"no bookmarks":          {"no bookmarks yet: %s saves the story shown", "", "还没有收藏：按 %s 收藏当前稿件", "還沒有收藏：按 %s 收藏當前稿件"},
	"library":               {"search all editions", "", "搜索全部报纸", "搜尋全部報紙"},
	"unread only":           {"unread only", "", "只看未读", "只看未讀"},
	"no unread":             {"no unread stories", "", "本版没有未读稿件", "本版沒有未讀稿件"},
	"state unsaved":         {"state unsaved", "", "状态未保存", "狀態未儲存"},
	"lookup":                {"look up", "", "查词", "查詞"},
	"in lookup":             {"in lookup", "", "查词时", "查詞時"},
	"loading dictionary":    {"loading dictionary…", "", "正在载入词典…", "正在載入詞典…"},
	"not in the dictionary": {"not in the dictionary", "", "词典中没有这个词", "詞典中沒有這個詞"},
	"no words":              {"no words to look up on this page", "", "本页没有可查的词", "本頁沒有可查的詞"},
	"script original":       {"script: as printed", "", "字形：原文", "字形：原文"},
	"script hans":           {"script: 简体 (simplified)", "", "字形：简体", "字形：簡體"},
	"script hant-tw":        {"script: 繁體 (Taiwan)", "", "字形：繁體（台湾）", "字形：繁體（臺灣）"},
	"script hant-hk":        {"script: 繁體 (Hong Kong)", "", "字形：繁體（香港）", "字形：繁體（香港）"},
	"flag hans":             {"简体", "", "简体", "簡體"},
	"flag hant-tw":          {"繁體 TW", "", "繁體·台", "繁體·臺"},
	"flag hant-hk":          {"繁體 HK", "", "繁體·港", "繁體·港"},
	"switch script":         {"switch script", "", "切换字形（原文、简、繁）", "切換字形（原文、簡、繁）"},
	"library indexing":      {"library: indexing…", "", "书库：索引中…", "書庫：索引中…"},
	"not indexed":           {"not indexed yet", "", "尚未索引", "尚未索引"},
	"marked read":           {"marked read", "", "已标为已读", "已標為已讀"},
	"marked unread":         {"marked unread", "", "已标为未读", "已標為未讀"},
	"section read":          {"section marked read", "", "本版已全部标为已读", "本版已全部標為已讀"},
	"bookmarked":            {"bookmarked", "", "已收藏", "已收藏"},
	"unbookmarked":          {"bookmark removed", "", "已取消收藏", "已取消收藏"},
	"copied":                {"copied to the clipboard (OSC 52)", "", "已复制到剪贴板（OSC 52）", "已複製到剪貼簿（OSC 52）"},
	"saved to":              {"saved to %s", "", "已保存到 %s", "已儲存到 %s"},
	"opening":               {"opening %s with %s", "", "正在用 %[2]s 打开 %[1]s", "正在用 %[2]s 開啟 %[1]s"},
	"skipped one":           {"skipped %s", "", "跳过 %s", "跳過 %s"},
	"skipped":               {"skipped %d files: %s, …", "", "跳过 %d 个文件：%s 等", "跳過 %d 個檔案：%s 等"},
	"invalid bytes":         {"%d invalid bytes shown as \uFFFD", "%d invalid byte shown as \uFFFD", "%d 个无效字节显示为 \uFFFD", "%d 個無效位元組顯示為 \uFFFD"},
	"state not saved":       {"state not saved: %s", "", "阅读状态未保存：%s", "閱讀狀態未儲存：%s"},
	"read-only, not saved":  {"read-only, not saved: %s", "", "只读，不保存：%s", "只讀，不儲存：%s"},
	"cannot use dir":        {"cannot use %s: state not saved", "", "无法使用 %s：阅读状态不保存", "無法使用 %s：閱讀狀態不儲存"},

	// Reader errors: a failure, and the reasons the reader names in its
	// own words.
	"failed":            {"failed: %s", "", "失败：%s", "失敗：%s"},
	": ":                {": ", "", "：", "："},
	"no such file":      {"no such file or directory", "", "文件或目录不存在", "檔案或目錄不存在"},
	"permission denied": {"permission denied", "", "没有权限", "沒有許可權"},
	"file exists":       {"file exists", "", "文件已存在", "檔案已存在"},
	"command not found": {"command not found", "", "找不到命令", "找不到命令"},
	"not a web address": {"not a web address", "", "不是网址", "不是網址"},

	// The help box: when a key works, and the marks of the story list.
	"desc when":                {"%s (%s)", "", "%s（%s）", "%s（%s）"},
	"in a search":              {"in a search", "", "搜索时", "搜尋時"},
	"from a story or a search": {"from a story or a search", "", "阅读或搜索时", "閱讀或搜尋時"},
	"on a story":               {"on a story", "", "阅读稿件时", "閱讀稿件時"},
	"with a URL":               {"with URL", "", "稿件有网址时", "稿件有網址時"},
	"mark photo":               {"photo", "", "图片", "圖片"},
	"mark continued":           {"continued on another page", "", "转版", "轉版"},
	"mark bookmarked":          {"bookmarked", "", "已收藏", "已收藏"},

	// Key help: each action by its name (keys.Name), as [keys] in the
	// config file names it.
	"up":                           {"up", "", "上移", "上移"},
	"down":                         {"down", "", "下移", "下移"},
	"look up words":                {"look up words", "", "查词", "查詞"},
	"previous word":                {"previous word", "", "上一个词", "上一個詞"},
	"next word":                    {"next word", "", "下一个词", "下一個詞"},
	"line up":                      {"line up", "", "上一行", "上一行"},
	"line down":                    {"line down", "", "下一行", "下一行"},
	"show the word":                {"show the word", "", "显示词义", "顯示詞義"},
	"close box, then leave":        {"close box, then leave", "", "关闭词框，再按退出", "關閉詞框，再按退出"},
	"leave lookup":                 {"leave lookup", "", "退出查词", "退出查詞"},
	"next page":                    {"next page", "", "下一页", "下一頁"},
	"previous page":                {"previous page", "", "上一页", "上一頁"},
	"half page down":               {"half page down", "", "下翻半页", "下翻半頁"},
	"half page up":                 {"half page up", "", "上翻半页", "上翻半頁"},
	"top":                          {"top", "", "到开头", "到開頭"},
	"bottom":                       {"bottom", "", "到结尾", "到結尾"},
	"open story":                   {"open story", "", "打开稿件", "開啟稿件"},
	"on the last page: next story": {"on the last page: next story", "", "末页时：下一篇", "末頁時：下一篇"},
	"next pane":                    {"next pane", "", "下一栏", "下一欄"},
	"previous pane":                {"previous pane", "", "上一栏", "上一欄"},
	"back":                         {"back", "", "返回", "返回"},
	"next story":                   {"next story", "", "下一篇", "下一篇"},
	"previous story":               {"previous story", "", "上一篇", "上一篇"},
	"go to section":                {"go to section", "", "转到版面", "轉到版面"},
	"previous section":             {"previous section", "", "上一版", "上一版"},
	"next section":                 {"next section", "", "下一版", "下一版"},
	"pick a section":               {"pick a section", "", "选择版面", "選擇版面"},
	"next match":                   {"next match", "", "下一处匹配", "下一處匹配"},
	"previous match":               {"previous match", "", "上一处匹配", "上一處匹配"},
	"full-width punctuation":       {"full-width punctuation", "", "全角标点", "全形標點"},
	"paragraph indent":             {"paragraph indent", "", "段首缩进", "段首縮排"},
	"hanging punctuation":          {"hanging punctuation", "", "标点悬挂", "標點懸掛"},
	"quit":                         {"quit", "", "退出", "退出"},
	"quit from anywhere":           {"quit from anywhere", "", "随时退出", "隨時退出"},
	"search all editions":          {"search all editions", "", "搜索全部报纸", "搜尋全部報紙"},
	"search this edition":          {"search this edition", "", "搜索本期", "搜尋本期"},
	"mark read/unread":             {"mark read/unread", "", "标为已读/未读", "標為已讀/未讀"},
	"mark section read":            {"mark section read", "", "本版标为已读", "本版標為已讀"},
	"unread only (story list)":     {"unread only (story list)", "", "只看未读（稿件列表）", "只看未讀（稿件列表）"},
	"bookmark story":               {"bookmark story", "", "收藏稿件", "收藏稿件"},
	"save as Markdown":             {"save as Markdown", "", "存为 Markdown", "存為 Markdown"},
	"copy (OSC 52)":                {"copy (OSC 52)", "", "复制（OSC 52）", "複製（OSC 52）"},
	"open in browser":              {"open in browser", "", "在浏览器中打开", "在瀏覽器中開啟"},
	"update subscriptions":         {"update subscriptions", "", "更新订阅", "更新訂閱"},
	"previous result":              {"previous result", "", "上一条结果", "上一條結果"},
	"next result":                  {"next result", "", "下一条结果", "下一條結果"},
	"open result":                  {"open result", "", "打开结果", "開啟結果"},
	"clear":                        {"clear", "", "清空", "清空"},
	"cancel":                       {"cancel", "", "取消", "取消"},
	"open section":                 {"open section", "", "打开版面", "開啟版面"},
	"open edition":                 {"open edition", "", "打开这期", "開啟這期"},
	"close":                        {"close", "", "关闭", "關閉"},
}
