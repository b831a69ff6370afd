#!/usr/bin/env bash
# CPU time of one `briefkit convert` call over the whole shared corpus (XML and YAML),
# beside the floor of merely reading the same files, measured in the same run.
#
#   bench/corpus_cpu.sh [BUILD_DIR] [ROUNDS]
#
# Needs ../shared/corpus beside the checkout and a release build (cmake --preset release).
# Prints the median of ROUNDS runs (default 5) of each, interleaved, and their ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
rounds=${2:-5}
corpus=$(cd "$here/../shared/corpus" 2>/dev/null && pwd) || { echo "no ../shared/corpus beside the checkout" >&2; exit 1; }
exe=$build/briefkit
[ -x "$exe" ] || { echo "no $exe: build it with cmake --preset release && cmake --build --preset release" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)

cpu() {  # prints user+system CPU seconds and peak RSS (KiB) of a command
    /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    awk '{printf "%.3f %d\n", $1 + $2, $3}' "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: >"$work/convert"; : >"$work/read"; : >"$work/rss"
# Each round writes a new folder and none is deleted before the end: ext4 makes new files
# slowly for a minute after many were deleted (see bench/scale.sh).
for round in $(seq "$rounds"); do
    read -r c r < <(cpu "$exe" convert "$corpus/seed" "$corpus/seedstyle" "$corpus/reuters" -t xml,yaml -o "$work/out-$round")
    echo "$c" >>"$work/convert"; echo "$r" >>"$work/rss"
    read -r c _ < <(cpu sh -c "find '$corpus' -name '*.txt' -print0 | xargs -0 cat")
    echo "$c" >>"$work/read"
done
convert=$(median <"$work/convert")
readonly_cpu=$(median <"$work/read")
rss=$(median <"$work/rss")
outputs=$(find "$work/out-1" -type f | wc -l)
awk -v f="$files" -v b="$bytes" -v c="$convert" -v r="$readonly_cpu" -v m="$rss" -v o="$outputs" 'BEGIN {
    printf "corpus: %d files, %.1f MB; %d output files\n", f, b / 1e6, o
    printf "briefkit convert -t xml,yaml: %.3f s CPU (%.3f ms per article, %.0f articles per CPU second), peak RSS %d KiB\n", c, 1000 * c / f, f / c, m
    printf "reading the inputs (find | xargs cat): %.3f s CPU\n", r
    printf "ratio convert / read-only: %.1f\n", c / r
}'
