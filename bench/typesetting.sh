#!/usr/bin/env bash
# How well the briefing sets its body text over the shared corpus (seed, seedstyle, reuters,
# feeds and the 990 web pages): characters per line (mean, 95th percentile), the widest and
# narrowest word space of a justified line, lines spaced past 1.5 times, hyphens per 100 lines,
# two and three hyphenated lines in a row, paragraphs ending in one word; per language.
#
#   bench/typesetting.sh [BUILD_DIR] [STYLE] [--show]
#
# --show also names each paragraph with a word space past 3 times or three hyphens in a row.
# To compare two builds, run it with each (bench/RESULTS.md has the figures of each round).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
style=${2:-briefing}
source "$here/bench/briefing_corpus.sh" typesetting
[ -x "$build/bench/briefkit_typesetting" ] || { echo "no $build/bench/briefkit_typesetting: build it with cmake --preset release && cmake --build --preset release" >&2; exit 1; }
"$build/bench/briefkit_typesetting" --style "$style" "${@:3}" "${corpus_inputs[@]}"
