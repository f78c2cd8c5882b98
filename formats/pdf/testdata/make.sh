#!/bin/sh
# Makes the PDF fixtures from the HTML beside them with Chromium's headless
# print-to-PDF (Debian: chromium fonts-noto-cjk), calibre and qpdf. The
# tests read the PDFs only, so they need pdftotext (poppler-utils) but none
# of these.
#   threecol.pdf  a three-column newspaper page: a real text layer whose
#                 paragraphs cross column breaks
#   ragged.pdf    three narrow columns set ragged right, paragraphs apart
#                 and not indented
#   ragged-calibre.pdf  the same page by another producer, calibre's
#                 ebook-convert (Debian: calibre), on an A5 page
#   scan.pdf      a page that is only a picture, like a scan: no text layer
#   encrypted.pdf scan.pdf locked with a password by qpdf (Debian: qpdf)
set -eu
cd "$(dirname "$0")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for name in threecol ragged scan; do
	chromium --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --no-pdf-header-footer \
		--virtual-time-budget=2000 \
		--print-to-pdf="$name.pdf" "file://$PWD/$name.html"
done
# calibre prints with Qt WebEngine, which, like Chromium, runs as root only
# without its sandbox.
QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox ebook-convert ragged.html ragged-calibre.pdf \
	--paper-size a5 --pdf-default-font-size 12 >/dev/null
qpdf --encrypt dubao-user dubao-owner 256 -- scan.pdf encrypted.pdf
