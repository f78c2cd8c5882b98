#!/bin/sh
# Makes the EPUB fixtures from text written for these tests (book.md and
# periodical/), with the real producers:
#   book-epub3.epub, book-epub2.epub  pandoc, from book.md
#   periodical.epub                   calibre's ebook-convert "Fetch news", from a
#                                     recipe whose three feeds (periodical/*.xml)
#                                     and article pages are served on localhost
# Needs pandoc, calibre (ebook-convert) and python3; the tests do not.
set -e
cd "$(dirname "$0")"
pandoc book.md -o book-epub3.epub -t epub3 --toc-depth=2
pandoc book.md -o book-epub2.epub -t epub2 --toc-depth=2

port=18765
work=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
cp periodical/* "$work"/
sed -i "s/PORT/$port/g" "$work"/*.xml
(cd "$work" && exec python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
sleep 1
cat > "$work/dubao.recipe" <<RECIPE
from calibre.web.feeds.news import BasicNewsRecipe

class DubaoDaily(BasicNewsRecipe):
    title = '读报日报'
    language = 'zh'
    oldest_article = 100000
    max_articles_per_feed = 10
    no_stylesheets = True
    remove_tags = [dict(attrs={'class': 'share'})]
    feeds = [
        ('要闻', 'http://127.0.0.1:$port/yaowen.xml'),
        ('文化', 'http://127.0.0.1:$port/wenhua.xml'),
        ('体育', 'http://127.0.0.1:$port/tiyu.xml'),
    ]
RECIPE
QT_QPA_PLATFORM=offscreen ebook-convert "$work/dubao.recipe" periodical.epub
# With one feed calibre writes a table of contents of one level.
sed -e "s/DubaoDaily/DubaoOne/" -e "/wenhua.xml\|tiyu.xml/d" "$work/dubao.recipe" > "$work/one.recipe"
QT_QPA_PLATFORM=offscreen ebook-convert "$work/one.recipe" periodical-one-feed.epub
