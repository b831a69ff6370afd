#!/bin/sh
# Precision and recall of the digest's "same story" folding on a labelled set built from the
# shared corpus (bench/RESULTS.md says how it was labelled):
#   - every seedstyle/ file that has a reuters/ file of the same number is that story sent again
#     by another agency, with a seed-style copy's damage (50 pairs);
#   - four pairs found by reading every pair of the 1,300 whose word 3-shingles overlap by a
#     fifth or more of the smaller article: a story sent twice (17051, 17071), a story sent
#     again under another number (04809, seedstyle 05394), and a dividend notice and its
#     repeat with a spelling changed (07267, 07413, so also 07413 and seedstyle 07267).
#     Every other pair read (same templates, other companies, days or figures) is not the same story.
#
#   bench/same_story.sh [BUILD]     (default build/release)
set -eu
build=${1:-build/release}
corpus=$(dirname "$0")/../../shared/corpus
[ -d "$corpus/reuters" ] || { echo "the shared corpus is absent; nothing to measure" >&2; exit 1; }
"$build/bench/briefkit_same_story" "$corpus/reuters" "$corpus/seedstyle" | python3 -c '
import sys, itertools
found, last = set(), ""
for line in sys.stdin:
    if line.startswith("PAIR "):
        _, a, b, _, _ = line.split()
        found.add(tuple(sorted((a, b))))
    else:
        last = line.strip()
import os
corpus = sys.argv[1]
reuters = set(os.listdir(corpus + "/reuters"))
groups = [{"reuters/" + f, "seedstyle/" + f} for f in os.listdir(corpus + "/seedstyle") if f.endswith(".txt") and f in reuters]
groups += [{"reuters/17051.txt", "reuters/17071.txt"}, {"reuters/04809.txt", "seedstyle/05394.txt"},
           {"reuters/07267.txt", "reuters/07413.txt", "seedstyle/07267.txt"}]
# The union of overlapping groups, and every pair inside each.
merged = []
for g in groups:
    for m in [m for m in merged if m & g]:
        g |= m
        merged.remove(m)
    merged.append(g)
truth = {tuple(sorted(p)) for g in merged for p in itertools.combinations(g, 2)}
tp = len(found & truth)
print(last)
print(f"labelled same-story pairs {len(truth)}, found {len(found)}: {tp} right, {len(found - truth)} wrong, {len(truth - found)} missed")
print(f"precision {tp / max(1, len(found)):.3f}, recall {tp / max(1, len(truth)):.3f}")
for p in sorted(truth - found): print("missed", *p)
for p in sorted(found - truth): print("wrong", *p)
' "$corpus"
