package formats

import (
	"archive/zip"
	"bytes"

	"dubao/formats/fetched"
)

// Samples returns a small edition in each format other than text: an
// article page, a feed, an EPUB and a folder dubao fetch wrote (packed as
// ReadFolder packs it). A store parses them to tell whether the
// editions it indexed were read by a parser that reads them as this one
// does (see library's parser fingerprint): a change in how any format is
// read then has the editions read again.
func Samples() [][]byte {
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>新桥通车--读报网</title></head><body>
<div class="share">分享</div><h3 class="pre">引题</h3><h1>新桥通车</h1><h4 class="sub">副题</h4><p class="author">本报记者　王小明</p>
<div class="box01">2024年03月19日 来源：读报网</div><div class="box_con"><p><a href="/zt/">点击进入专题&gt;&gt;</a></p><p>　　新华社北京3月19日电（记者 李华）正文<br>第二段<b>粗</b></p>
<figure><img src="a.jpg" alt="图"><figcaption>说明</figcaption></figure><ul><li>一</li></ul>
<p style="text-align:center"><img src="b.jpg"></p><p style="color:#999">夜景 王小明 摄</p><p>末段</p><div class="zan">+1</div></div></body></html>`
	feed := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>读报</title><pubDate>Tue, 19 Mar 2024 06:00:00 +0800</pubDate>
<item><title>新桥</title><link>https://example.org/1</link><category>要闻</category><author>记者 王小明</author><description>&lt;p&gt;正文&lt;/p&gt;</description></item></channel></rss>`
	var epub bytes.Buffer
	w := zip.NewWriter(&epub)
	for _, f := range [][2]string{
		{"mimetype", "application/epub+zip"},
		{"META-INF/container.xml", `<container><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>`},
		{"c.opf", `<package><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>报 [Tue, 19 Mar 2024]</dc:title></metadata><manifest><item id="a" href="a.html" media-type="application/xhtml+xml"/><item id="n" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest><spine toc="n"><itemref idref="a"/></spine></package>`},
		{"toc.ncx", `<ncx><navMap><navPoint><navLabel><text>要闻</text></navLabel><content src="a.html"/><navPoint><navLabel><text>甲</text></navLabel><content src="a.html"/></navPoint></navPoint></navMap></ncx>`},
		{"a.html", `<html><body><div class="calibre_navbar"><a rel="articlenextlink" href="b.html">Next</a></div><h1>甲</h1><p>记者 张三</p><p>正文</p></body></html>`},
	} {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Store})
		if err != nil {
			return nil
		}
		fw.Write([]byte(f[1]))
	}
	w.Close()
	var saved bytes.Buffer
	w = zip.NewWriter(&saved)
	for _, f := range [][2]string{
		{"mimetype", fetched.MIME},
		{"index.json", `{"kind":"feed","source":"读报","date":"2024-03-19","files":[{"file":"feed.xml","url":"https://example.org/rss","role":"feed"},
{"file":"001.html","url":"https://example.org/1","role":"item","charset":"utf-8"}]}`},
		{"feed.xml", feed},
		{"001.html", page},
	} {
		fw, err := w.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Store})
		if err != nil {
			return nil
		}
		fw.Write([]byte(f[1]))
	}
	w.Close()
	return [][]byte{[]byte(page), []byte(feed), epub.Bytes(), saved.Bytes()}
}
