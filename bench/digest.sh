#!/bin/sh
# The daily brief's size, time and peak memory on one core: twenty, three hundred and a thousand
# wire stories from the shared corpus (seedstyle/ and reuters/), each written once to tmpfs.
#
#   bench/digest.sh [BUILD]     (default build/release)
set -eu
build=${1:-build/release}
corpus=$(dirname "$0")/../../shared/corpus
[ -d "$corpus/reuters" ] || { echo "the shared corpus is absent; nothing to measure" >&2; exit 1; }
out=$(mktemp -d /dev/shm/briefkit-digest.XXXXXX)
trap 'rm -rf "$out"' EXIT
twenty=$(ls "$corpus"/seedstyle/*.txt | head -20)
run() {
    name=$1
    shift
    /usr/bin/time -f "%e %M" -o "$out/time" taskset -c 0 "$build/briefkit" digest "$@" -o "$out/$name.pdf"
    read -r seconds kib < "$out/time"
    pages=$(pdfinfo "$out/$name.pdf" | awk '/^Pages:/ {print $2}')
    printf '%-28s %4s pages  %6.2f s  %6.1f MiB\n' "$name" "$pages" "$seconds" "$(echo "$kib / 1024" | bc -l)"
}
# shellcheck disable=SC2086
run "20 seedstyle stories" $twenty
run "300 seedstyle stories" "$corpus/seedstyle"
run "1,000 reuters stories" "$corpus/reuters"
