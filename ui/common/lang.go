package common

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"dubao/library"
	"dubao/model"
)

// Lang is the language of the interface's labels. The locale chooses it; it
// never changes a width.
type Lang int

// The interface languages.
const (
	English Lang = iota
	Chinese
)

// LangFromEnv picks the language the way setlocale would for messages:
// LC_ALL, then LC_MESSAGES, then LANG; a zh locale gives Chinese.
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return Chinese
			}
			return English
		}
	}
	return English
}

func (l Lang) pick(en, zh string) string {
	if l == Chinese {
		return zh
	}
	return en
}

// Page labels page i of n: 第 2/5 页, or page 2/5.
func (l Lang) Page(i, n int) string {
	return fmt.Sprintf(l.pick("page %d/%d", "第 %d/%d 页"), i, n)
}

// Section labels section i of n.
func (l Lang) Section(i, n int) string {
	return fmt.Sprintf(l.pick("section %d/%d", "版 %d/%d"), i, n)
}

// Story labels story i of n.
func (l Lang) Story(i, n int) string {
	return fmt.Sprintf(l.pick("story %d/%d", "稿 %d/%d"), i, n)
}

// Paragraphs labels a paragraph count.
func (l Lang) Paragraphs(n int) string {
	return fmt.Sprintf(l.pick("%d para", "%d 段"), n)
}

// Minutes labels a reading time.
func (l Lang) Minutes(n int) string {
	return fmt.Sprintf(l.pick("%d min", "%d 分钟"), n)
}

// TooSmall says the terminal is smaller than the reader needs.
func (l Lang) TooSmall(minW, minH int) string {
	return fmt.Sprintf(l.pick("terminal too small: need %dx%d", "终端太小：至少 %dx%d"), minW, minH)
}

// TooSmallForms are the ways to say TooSmall, longest first, down to the
// size alone: the reader shows the longest that fits.
func (l Lang) TooSmallForms(minW, minH int) []string {
	size := fmt.Sprintf("%dx%d", minW, minH)
	return []string{l.TooSmall(minW, minH), l.pick("too small: need ", "太小：至少 ") + size,
		l.pick("need ", "至少 ") + size, size}
}

// Matches says how many articles and places a search found.
func (l Lang) Matches(articles, hits int) string {
	if hits == 0 {
		return l.pick("no matches", "没有找到")
	}
	return fmt.Sprintf(l.pick("%d in %d stories", "%d 处，%d 篇"), hits, articles)
}

// Match labels the current match i of n.
func (l Lang) Match(i, n int) string {
	return fmt.Sprintf(l.pick("match %d/%d", "匹配 %d/%d"), i, n)
}

// Count labels a number of matches in one story.
func (l Lang) Count(n int) string {
	return fmt.Sprintf(l.pick("%d hits", "%d 处"), n)
}

// Title names one of the reader's boxes.
func (l Lang) Title(what string) string {
	switch what {
	case "search":
		return l.pick("search", "搜索")
	case "help":
		return l.pick("keys", "按键")
	case "sections":
		return l.pick("sections", "版面")
	case "empty":
		return l.pick("no stories", "本版无稿件")
	case "half-width":
		return l.pick("half-width punctuation", "半角标点")
	case "no indent":
		return l.pick("no indent", "无缩进")
	case "in a search":
		return l.pick("in a search", "搜索时")
	case "from a story or a search":
		return l.pick("from a story or a search", "阅读或搜索时")
	case "on a story":
		return l.pick("on a story", "阅读稿件时")
	case "with a URL":
		return l.pick("with URL", "稿件有网址时")
	case "editions":
		return l.pick("editions", "往期")
	case "bookmarks":
		return l.pick("bookmarks", "收藏")
	case "no editions":
		return l.pick("no editions", "没有往期")
	case "no bookmarks":
		return l.pick("no bookmarks yet: B saves the story shown", "还没有收藏：按 B 收藏当前稿件")
	case "library":
		return l.pick("search all editions", "搜索全部报纸")
	case "searching":
		return l.pick("searching…", "正在搜索…")
	case "unread only":
		return l.pick("unread only", "只看未读")
	case "no unread":
		return l.pick("no unread stories", "本版没有未读稿件")
	case "read":
		return l.pick("read", "已读")
	case "state unsaved":
		return l.pick("state unsaved", "状态未保存")
	case "marked read":
		return l.pick("marked read", "已标为已读")
	case "marked unread":
		return l.pick("marked unread", "已标为未读")
	case "section read":
		return l.pick("section marked read", "本版已全部标为已读")
	case "bookmarked":
		return l.pick("bookmarked", "已收藏")
	case "unbookmarked":
		return l.pick("bookmark removed", "已取消收藏")
	case "copied":
		return l.pick("copied to the clipboard (OSC 52)", "已复制到剪贴板（OSC 52）")
	case "not indexed":
		return l.pick("not indexed yet", "尚未索引")
	}
	return what
}

// Stories counts stories: 12 stories, 12 篇.
func (l Lang) Stories(n int) string {
	return fmt.Sprintf(l.pick("%d stories", "%d 篇"), n)
}

// Unread counts unread stories.
func (l Lang) Unread(n int) string {
	return fmt.Sprintf(l.pick("%d unread", "未读 %d"), n)
}

// UnreadOf counts unread stories of all an edition has: 3/8 unread.
func (l Lang) UnreadOf(unread, all int) string {
	return fmt.Sprintf(l.pick("%d/%d unread", "未读 %d/%d"), unread, all)
}

// Indexing reports background indexing: done of total editions.
func (l Lang) Indexing(done, total int) string {
	return fmt.Sprintf(l.pick("indexing %d/%d", "索引 %d/%d"), done, total)
}

// Updating reports U's update: subscription done of total.
func (l Lang) Updating(done, total int) string {
	return fmt.Sprintf(l.pick("updating %d/%d", "更新 %d/%d"), done, total)
}

// Updated says what U's update brought: n new or grown editions, and how
// many subscriptions failed, with why the first did.
func (l Lang) Updated(n, failed int, first string) string {
	var out string
	if n == 0 {
		out = l.pick("update: nothing new", "更新：没有新内容")
	} else {
		out = fmt.Sprintf(l.pick("update: new stories in %d edition(s)", "更新：%d 份报纸有新内容"), n)
	}
	if failed > 0 {
		out += fmt.Sprintf(l.pick("; %d failed: %s", "；%d 个失败：%s"), failed, first)
	}
	return out
}

// Saved says where a story was written.
func (l Lang) Saved(path string) string {
	return fmt.Sprintf(l.pick("saved to %s", "已保存到 %s"), path)
}

// Opening says a story's address went to the browser.
func (l Lang) Opening(browser, url string) string {
	return fmt.Sprintf(l.pick("opening %s with %s", "正在用 %[2]s 打开 %[1]s"), url, browser)
}

// Skipped says files could not be read into the shelf, naming the first
// by its file name (dubao names them in full after the reader quits).
func (l Lang) Skipped(n int, first error) string {
	what := first.Error()
	var ie *model.InputError
	if errors.As(first, &ie) {
		what = filepath.Base(ie.Name) + ": " + ie.Err.Error()
	}
	if n == 1 {
		return fmt.Sprintf(l.pick("skipped %s", "跳过 %s"), what)
	}
	return fmt.Sprintf(l.pick("skipped %d files: %s, …", "跳过 %d 个文件：%s 等"), n, what)
}

// InvalidBytes says that n bytes of the edition were not valid text and
// are shown as U+FFFD.
func (l Lang) InvalidBytes(n int) string {
	if n == 1 {
		return l.pick("1 invalid byte shown as \uFFFD", "1 个无效字节显示为 \uFFFD")
	}
	return fmt.Sprintf(l.pick("%d invalid bytes shown as \uFFFD", "%d 个无效字节显示为 \uFFFD"), n)
}

// Unsaved says why the reading state is not saved, reason first: the
// status line's flag says that it is not for as long as it lasts.
func (l Lang) Unsaved(err error) string {
	var ue *library.UnsavedError
	if !errors.As(err, &ue) {
		return fmt.Sprintf(l.pick("state not saved: %v", "阅读状态未保存：%v"), err)
	}
	if ue.ReadOnly {
		return fmt.Sprintf(l.pick("read-only, not saved: %s", "只读，不保存：%s"), ue.Dir)
	}
	return fmt.Sprintf(l.pick("cannot use %s: state not saved", "无法使用 %s：阅读状态不保存"), ue.Dir)
}

// OpeningLibrary says a library key came before the store was open: it
// opens right after the first frame, and takes long enough to be seen only
// when the edition shown is new and being indexed.
func (l Lang) OpeningLibrary() string {
	return l.pick("library: indexing…", "书库：索引中…")
}

// Failed says an action failed.
func (l Lang) Failed(err error) string {
	return fmt.Sprintf(l.pick("failed: %v", "失败：%v"), err)
}
