#!/bin/sh
# Makes the legacy-encoded feeds from text written for these tests:
# rss-gb2312.xml is rss.xml declared and encoded as GB2312;
# rss-big5.xml is rss-trad.xml in Big5 with no encoding declaration.
# Needs iconv (glibc). The tests read the files this made; run it again
# after editing rss.xml or rss-trad.xml.
set -e
cd "$(dirname "$0")"
sed 's/encoding="UTF-8"/encoding="gb2312"/' rss.xml | iconv -f UTF-8 -t GB2312 > rss-gb2312.xml
iconv -f UTF-8 -t BIG5 rss-trad.xml > rss-big5.xml
