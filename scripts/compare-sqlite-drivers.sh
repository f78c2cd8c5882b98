#!/bin/sh
# compare-sqlite-drivers.sh: measures dubao built on modernc.org/sqlite (what
# it uses) against the same code on github.com/ncruces/go-sqlite3, side by
# side in one run: cold build time, binary size, and the library
# benchmarks (import, reopen for the first frame, search).
#
#   scripts/compare-sqlite-drivers.sh [EDITIONS]
#
# It exports the committed tree (git archive HEAD) twice into a temporary
# directory, switches the second copy's driver (library/store.go's import
# and the driver name, "sqlite" → "sqlite3", with FTS5 registered as an
# auto extension, which ncruces ships as one), and runs in each copy:
#   - GOCACHE=$(mktemp -d) go build: a cold build cache (the module cache
#     stays warm: downloads are not counted);
#   - the binary's size;
#   - go test ./library (on ncruces two migration tests fail only because
#     their setup sends several statements with arguments in one Exec,
#     which that driver refuses; the store's own code passes);
#   - BenchmarkImport/store, BenchmarkReopen and BenchmarkSearch (through
#     the index; the scans are left out for time) at EDITIONS
#     editions (default 1000), each copy with a TMPDIR of its own so their
#     stores are apart (the generated archive is shared).
# Nothing in the repository is changed. NCRUCES_VERSION picks the version
# (default v0.37.0, the one in the offline module list).
set -eu
editions=${1:-1000}
version=${NCRUCES_VERSION:-v0.37.0}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/dubao-drivers-XXXXXX")
echo "work directory: $work"
for d in modernc ncruces; do
	mkdir -p "$work/$d/src" "$work/$d/tmp"
	git -C "$root" archive HEAD | tar -x -C "$work/$d/src"
done
# The archive is generated once, in modernc's TMPDIR, and copied into
# ncruces's.
mkdir -p "$work/modernc/tmp/dubao-bench" "$work/ncruces/tmp/dubao-bench"

nc="$work/ncruces/src"
sed -i 's#_ "modernc.org/sqlite" // registers the "sqlite" driver#"github.com/ncruces/go-sqlite3"\n\t_ "github.com/ncruces/go-sqlite3/driver" // registers the "sqlite3" driver\n\t"github.com/ncruces/go-sqlite3/ext/fts5"\n\t_ "github.com/ncruces/go-sqlite3/vfs/memdb"#' "$nc/library/store.go"
cat >>"$nc/library/store.go" <<'GO'

func init() { sqlite3.AutoExtension(fts5.Register) }
GO
grep -rl 'sql.Open("sqlite"' "$nc" | xargs sed -i 's/sql.Open("sqlite"/sql.Open("sqlite3"/'
(cd "$nc" && go get "github.com/ncruces/go-sqlite3@$version" >/dev/null 2>&1 && go mod tidy >/dev/null 2>&1)

for d in modernc ncruces; do
	src="$work/$d/src"
	cache=$(mktemp -d "$work/gocache-XXXXXX")
	start=$(date +%s%N)
	(cd "$src" && GOCACHE="$cache" go build -o "$work/$d/dubao" .)
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	rm -rf "$cache"
	size=$(stat -c %s "$work/$d/dubao")
	echo "$d: cold build ${ms} ms, binary $size bytes"
done

for d in modernc ncruces; do
	echo "== $d: go test ./library"
	(cd "$work/$d/src" && TMPDIR="$work/$d/tmp" go test ./library 2>&1 | tail -3) || true
done

# DUBAO_BENCH_ARCHIVE names an archive generated before (a directory
# archive-EDITIONS made by the benchmarks), to copy in rather than make. The
# copies are hard links where they can be (a symbolic link would not do: the
# benchmarks walk the archive, and a walk does not follow one).
copy() { cp -al "$1" "$2" 2>/dev/null || cp -r "$1" "$2"; }
if [ -n "${DUBAO_BENCH_ARCHIVE:-}" ]; then
	copy "$(cd "$DUBAO_BENCH_ARCHIVE" && pwd)" "$work/modernc/tmp/dubao-bench/archive-$editions"
fi
for d in modernc ncruces; do
	if [ "$d" = ncruces ] && [ -d "$work/modernc/tmp/dubao-bench/archive-$editions" ]; then
		copy "$work/modernc/tmp/dubao-bench/archive-$editions" "$work/ncruces/tmp/dubao-bench/archive-$editions"
	fi
	echo "== $d: benchmarks at $editions editions"
	(cd "$work/$d/src" && TMPDIR="$work/$d/tmp" DUBAO_BENCH_EDITIONS=$editions \
		go test ./library -run '^$' -bench 'Import/store' -benchtime 1x 2>&1 | grep -E '^Benchmark|FAIL|panic'
		TMPDIR="$work/$d/tmp" DUBAO_BENCH_EDITIONS=$editions \
		go test ./library -run '^$' -bench 'Reopen|Search/(trigram|prefix)' -benchtime 10x 2>&1 | grep -E '^Benchmark|FAIL|panic')
done
echo "work directory left for inspection: $work"
