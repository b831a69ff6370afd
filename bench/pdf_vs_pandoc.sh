#!/usr/bin/env bash
# PDF briefings per second on one core: Briefkit beside pandoc through wkhtmltopdf, same run.
#
#   bench/pdf_vs_pandoc.sh [BUILD_DIR] [PANDOC_ARTICLES] [ROUNDS]
#
# Needs ../shared/corpus beside the checkout, a release build (cmake --preset release), and
# Debian's pandoc and wkhtmltopdf (apt-get install pandoc wkhtmltopdf) for the peer.
# Every command is pinned to CPU 0 with taskset. Per round, interleaved:
#   - Briefkit, one process for all 300 seedstyle articles (the batch case);
#   - Briefkit, one process for the first PANDOC_ARTICLES articles (default 20);
#   - Briefkit, one process per article for those articles;
#   - pandoc --pdf-engine=wkhtmltopdf, one process per article for the same articles.
# Prints the median over ROUNDS (default 3) of milliseconds per article for each, and ratios.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
count=${2:-20}
rounds=${3:-3}
corpus=$(cd "$here/../shared/corpus/seedstyle" 2>/dev/null && pwd) || { echo "no ../shared/corpus beside the checkout" >&2; exit 1; }
exe=$build/briefkit
[ -x "$exe" ] || { echo "no $exe: build it with cmake --preset release && cmake --build --preset release" >&2; exit 1; }
for tool in pandoc wkhtmltopdf taskset; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install pandoc wkhtmltopdf)" >&2; exit 1; }
done
export QT_QPA_PLATFORM=offscreen

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t all < <(find "$corpus" -name '*.txt' | sort)
some=("${all[@]:0:$count}")

wall() {  # prints the wall-clock seconds of a command
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
per_article() { awk -v s="$1" -v n="$2" 'BEGIN {printf "%.2f", 1000 * s / n}'; }

: >"$work/batch"; : >"$work/same"; : >"$work/each"; : >"$work/pandoc"
for _ in $(seq "$rounds"); do
    rm -rf "$work/out"; mkdir -p "$work/out/each" "$work/out/pandoc"
    per_article "$(wall taskset -c 0 "$exe" convert "${all[@]}" -t pdf -o "$work/out/batch")" "${#all[@]}" >>"$work/batch"
    echo >>"$work/batch"
    per_article "$(wall taskset -c 0 "$exe" convert "${some[@]}" -t pdf -o "$work/out/same")" "$count" >>"$work/same"
    echo >>"$work/same"
    per_article "$(wall sh -c 'for f in "$@"; do taskset -c 0 "$0" convert "$f" -t pdf -o "'"$work/out/each"'" || exit 1; done' "$exe" "${some[@]}")" "$count" >>"$work/each"
    echo >>"$work/each"
    per_article "$(wall sh -c 'for f in "$@"; do taskset -c 0 pandoc -f markdown "$f" --pdf-engine=wkhtmltopdf -o "'"$work/out/pandoc"'/$(basename "$f" .txt).pdf" || exit 1; done' x "${some[@]}")" "$count" >>"$work/pandoc"
    echo >>"$work/pandoc"
done
batch=$(grep . "$work/batch" | median)
same=$(grep . "$work/same" | median)
each=$(grep . "$work/each" | median)
peer=$(grep . "$work/pandoc" | median)
size_bk=$(find "$work/out/same" -name '*.pdf' -printf '%s\n' | median)
size_peer=$(find "$work/out/pandoc" -name '*.pdf' -printf '%s\n' | median)
echo "PDF briefings on one core (median of $rounds rounds, ms per article):"
printf '  briefkit, one process, %d articles:      %8.2f ms\n' "${#all[@]}" "$batch"
printf '  briefkit, one process, %d articles:       %8.2f ms\n' "$count" "$same"
printf '  briefkit, one process per article (%d):   %8.2f ms\n' "$count" "$each"
printf '  pandoc + wkhtmltopdf, per article (%d):   %8.2f ms\n' "$count" "$peer"
awk -v b="$batch" -v s="$same" -v e="$each" -v p="$peer" 'BEGIN {
    printf "ratios, pandoc / briefkit: batch of 300 %.0fx, batch of the same articles %.0fx, process per article %.0fx\n", p / b, p / s, p / e }'
awk -v b="$batch" -v p="$peer" 'BEGIN { printf "briefings per second on one core: briefkit %.0f, pandoc + wkhtmltopdf %.1f\n", 1000 / b, 1000 / p }'
echo "median PDF size: briefkit ${size_bk} bytes, pandoc + wkhtmltopdf ${size_peer} bytes"
