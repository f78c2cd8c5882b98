#!/bin/sh
# search-vs-grep.sh: times `dubao search QUERY DIR` against `grep -rF QUERY DIR`
# on the same directory of edition files, side by side, in one run.
#
#   scripts/search-vs-grep.sh DIR [RUNS [QUERY...]]
#
# DIR is a folder of editions, such as the archive the library benchmarks
# generate (DUBAO_BENCH_EDITIONS=5000 go test ./library -run '^$' -bench
# Import/parse-only -benchtime 1x writes $TMPDIR/dubao-bench/archive-5000).
# The script builds dubao, imports DIR once into a data directory of its own
# (kept in $TMPDIR/dubao-search-vs-grep-NAME, so a second run skips the
# import), then runs each query RUNS times (default 5) with each program,
# output to /dev/null, after one untimed run of each to warm the page cache,
# and prints the median wall time of each in milliseconds. DATA names a data
# directory to use instead, such as the store the library benchmarks keep
# for the same archive ($TMPDIR/dubao-bench/store-5000).
set -eu
dir=$(cd "${1:?usage: search-vs-grep.sh DIR [RUNS [QUERY...]]}" && pwd)
runs=${2:-5}
[ $# -ge 2 ] && shift 2 || shift $#
[ $# -gt 0 ] || set -- 禁渔 长江 渔 冬 高质量 禁渔令 农贸市场
tmp=${TMPDIR:-/tmp}
data=${DATA:-"$tmp/dubao-search-vs-grep-$(basename "$dir")"}
bin="$tmp/dubao-search-vs-grep.bin"
root=$(cd "$(dirname "$0")/.." && pwd)
(cd "$root" && go build -o "$bin" .)
if [ ! -e "$data/library.db" ]; then
	start=$(date +%s%N)
	"$bin" search --data-dir "$data" 禁渔 "$dir" >/dev/null 2>&1 || true
	echo "import of $dir: $(( ($(date +%s%N) - start) / 1000000 )) ms"
fi

# median RUNS COMMAND...: runs COMMAND RUNS times and prints the median wall
# time in milliseconds.
median() {
	n=$1
	shift
	"$@" >/dev/null 2>&1 || true
	i=0
	while [ $i -lt "$n" ]; do
		start=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		echo $(( ($(date +%s%N) - start) / 1000000 ))
		i=$((i + 1))
	done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

files=$(find "$dir" -type f | wc -l)
echo "$files files in $dir, $(du -sh "$dir" | cut -f1); medians of $runs runs, ms"
printf '%-10s %8s %8s %8s\n' query dubao grep hits
for q in "$@"; do
	d=$(median "$runs" "$bin" search --data-dir "$data" "$q" "$dir")
	g=$(median "$runs" grep -rF "$q" "$dir")
	hits=$("$bin" search --data-dir "$data" --limit 1 "$q" "$dir" 2>&1 >/dev/null | sed -n 's/^dubao: \([0-9]*\) results.*/\1/p')
	printf '%-10s %8s %8s %8s\n' "$q" "$d" "$g" "${hits:-≤1}"
done
