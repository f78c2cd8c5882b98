#!/usr/bin/env python3
"""Writes the HTML fixtures from text written for these tests: an e-paper
saved as a folder the way wget -r saves a Founder (方正) e-paper (版面 pages
under layout/, article pages under content/), and single article pages laid
out as 人民网 and Founder pages are. One article page is GB2312 as it
declares; one declares GB2312 but is UTF-8, as some real pages do."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(rel, text, encoding="utf-8"):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text.encode(encoding))


PAGES = [("01", "要闻"), ("02", "文化")]

ARTICLES = {
    "01": [
        ("content_1001.html", "城市建设迎来新进展", "城东新桥今日通车", "全长一千二百米　通勤时间缩短二十分钟", "本报记者　王小明",
         ["　　本报讯　城东新桥今日上午正式通车，全长一千二百米，双向六车道。",
          "　　据测算，市民从城东到老城区的时间将缩短二十分钟。"], "gb2312"),
        ("content_1002.html", "", "春耕备耕有序展开", "", "本报记者　李华",
         ["　　连日来，郊区各乡镇抓住晴好天气，组织农户整地育秧。",
          "　　农技人员深入田间地头，指导科学施肥。"], "utf-8-declared-gb2312"),
    ],
    "02": [
        ("content_2001.html", "", "春季图书市集开幕", "三百家书店参展", "本报记者　陈静",
         ["　　春季图书市集在中心广场开幕。", "　　市集将持续到本月底。"], "utf-8"),
    ],
}


def layout_page(page, name):
    tabs = "".join(f'<div class="swiper-slide"><a href="node_{p}.html">{p}版：{n}</a></div>' for p, n in PAGES)
    items = "".join(f'<li><a href="../../../content/202403/19/{f}">{h}</a></li>' for f, _, h, *_ in ARTICLES[page])
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>读报日报</title></head><body>
<div class="paper-bot"><p class="left ban">{page}版：{name}</p><p class="right btn"><a href="node_02.html">下一版</a></p></div>
<div class="swiper-container">{tabs}</div>
<div class="news"><ul class="news-list">{items}</ul></div>
<div class="copyright">读报日报社版权所有</div>
</body></html>
"""


def article_page(page, name, kicker, headline, sub, byline, paras, declared="utf-8"):
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}"><title>{headline}--读报日报</title></head><body>
<div class="paper-bot"><p class="left ban">第{page}版：{name}</p></div>
<div class="article">
<h3>{kicker}</h3>
<h1>{headline}</h1>
<h2>{sub}</h2>
<p class="sec">{byline}</p>
<div class="share"><a href="#">分享到微信</a></div>
<div id="ozoom"><founder-content>
{body}</founder-content></div>
</div>
<div class="news-nav"><a href="content_1001.html">上一篇</a></div>
</body></html>
"""


for page, name in PAGES:
    write(f"epaper/layout/202403/19/node_{page}.html", layout_page(page, name))
    for f, kicker, headline, sub, byline, paras, enc in ARTICLES[page]:
        if enc == "utf-8-declared-gb2312":
            write(f"epaper/content/202403/19/{f}", article_page(page, name, kicker, headline, sub, byline, paras, "gb2312"))
        else:
            write(f"epaper/content/202403/19/{f}", article_page(page, name, kicker, headline, sub, byline, paras, enc), enc)

# A page no 版面 page links to: kept, in a last section.
write("epaper/content/202403/19/content_9001.html",
      article_page("02", "文化", "", "老剧场重新开放", "", "本报记者　赵敏", ["　　修缮一新的老剧场昨晚迎来首场演出。"]))

# The same paper saved page by page from a browser into one folder: the
# pages keep the site's links and say where they were saved from.
BASE = "http://paper.example.org/dbrb/pc"


def saved(url, page):
    return page.replace("<!DOCTYPE html>", f"<!DOCTYPE html>\n<!-- saved from url=({len(url):04d}){url} -->", 1)


for page, name in PAGES:
    write(f"epaper-saved/{page}版：{name}.html",
          saved(f"{BASE}/layout/202403/19/node_{page}.html", layout_page(page, name)))
    for f, kicker, headline, sub, byline, paras, enc in ARTICLES[page]:
        write(f"epaper-saved/{headline}.html",
              saved(f"{BASE}/content/202403/19/{f}", article_page(page, name, kicker, headline, sub, byline, paras)))

write("people.html", """<!DOCTYPE html>
<html><head><meta http-equiv="content-type" content="text/html;charset=GB2312">
<title>城东新桥今日通车--社会·法治--人民网</title>
<link rel="canonical" href="http://society.people.com.cn/n1/2024/0319/c1008-40000001.html"></head><body>
<div class="path"><a href="http://www.people.com.cn/">人民网</a>&gt;&gt;<a href="http://society.people.com.cn/">社会·法治</a></div>
<div class="clearfix w1000_320 text_title">
	<h3 class="pre">城市建设迎来新进展</h3>
	<h1>城东新桥今日通车</h1>
	<h4 class="sub">全长一千二百米</h4>
    <p class="author">本报记者　王小明</p>
   <div class="box01"><div class="fl">2024年03月19日06:18&nbsp;&nbsp;来源：<a href="http://paper.people.com.cn/">人民网－人民日报</a></div>
   <div class="fr"><div id="ops_share"><span class="ops_tit">分享到：</span></div></div></div>
</div>
<div class="clearfix w1000_320 text_con"><div class="fl text_con_left">
<div class="box_con" id="rwb_zw">
<p style="text-indent: 2em;">
	城东新桥今日上午正式通车，全长一千二百米，双向六车道。</p>
<p style="text-align: center;"><img alt="" src="/NMediaFile/2024/0319/bridge.jpg" width="600"></p>
<p style="text-indent: 2em;">
	据测算，市民从城东到老城区的时间将缩短二十分钟。<span style="text-indent: 2em;">沿线公交线路同步调整。</span></p>
<p style="text-indent: 2em;"><strong>交通组织</strong></p>
<p style="text-indent: 2em;">
	交管部门在桥两端设置了诱导屏。</p>
<div class="zdfy clearfix"><a href="/n1/2024/0319/c1008-40000001.html">【1】</a><a href="/n1/2024/0319/c1008-40000001-2.html">【2】</a></div>
<div class="edit clearfix">(责编：张三、李四)</div>
</div></div></div>
<script>var tongji = 1;</script>
</body></html>
""", "utf-8")

write("noarticle.html", """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>读报网</title></head><body>
<nav><a href="/">首页</a> <a href="/news">新闻</a></nav>
<script>document.write("广告")</script>
</body></html>
""")
