#!/usr/bin/env bash
# The web page reader over the shared corpus's 990 labelled pages (../shared/corpus/web):
#   1. quality: every page converted to article JSON on one core, scored by the corpus's own
#      score.py (body precision, recall and F1 by snippets; title, date and author), and the
#      same outputs scored with each paragraph read as the text a reader sees (see below);
#   2. speed: the pages read from memory on one core (briefkit_html_speed), pages per second;
#   3. memory: the peak of reading one 5 MB page (made here from the bundled sample page).
#
#   bench/web_extraction.sh [BUILD_DIR]
#
# Why a second score: score.py joins every string under `body` with spaces, so in Briefkit's
# JSON, where a paragraph with a link is a list of text and link runs, a link's address joins
# the text and a space is put before the text after it: a snippet running across a link cannot
# match. The second score joins each paragraph's runs as written and leaves the addresses out.
# Needs a release build and python3-yaml is not needed (JSON outputs).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
web=$here/../shared/corpus/web
[ -d "$web" ] || { echo "no $web: the shared corpus is not here" >&2; exit 0; }
[ -x "$build/briefkit" ] || { echo "no $build/briefkit: build it with cmake --preset release && cmake --build --preset release" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/dev/shm}/web-extraction.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/out" "$work/big"
for f in "$web"/pages/*.html.gz; do
    name=$(basename "$f" .gz)
    zcat "$f" > "$work/pages/$name"
done

echo "== quality: $(ls "$work/pages" | wc -l) pages to article JSON, scored by score.py"
"$build/briefkit" convert "$work/pages" -t json -o "$work/out" -j 1 -q 2> "$work/errors.txt" || true
grep -c 'error:' "$work/errors.txt" | sed 's/^/pages refused: /'
python3 "$web/score.py" "$work/out"
python3 - "$work/out" "$web/labels.json" <<'PY'
import json, os, re, sys
out, labels = sys.argv[1], json.load(open(sys.argv[2], encoding="utf-8"))
def norm(t): return re.sub(r"\s+", " ", t).strip()
def run(r): return r if isinstance(r, str) else "".join(i.get("text", i.get("link", "")) for i in r)
def block(b):
    (kind, v), = b.items()
    if kind in ("paragraph", "preformatted"): return run(v)
    if kind == "heading": return run(v["content"])
    if kind == "list": return " ".join(run(i) for i in v["items"])
    if kind == "quote": return " ".join(run(i) for i in v)
    if kind == "table": return " ".join(run(c) for row in v.get("head", []) + v.get("rows", []) for c in row)
    return ""
tp = fp = fn = 0
for pid, label in labels.items():
    path = os.path.join(out, pid + ".json")
    body = norm(" ".join(block(b) for b in json.load(open(path, encoding="utf-8")).get("body", []))) if os.path.exists(path) else ""
    hits = sum(1 for w in label["with"] if norm(w) in body)
    tp += hits; fn += len(label["with"]) - hits
    fp += sum(1 for w in label["without"] if norm(w) in body)
print(f"body as read (links as their text): precision {tp / (tp + fp):.3f}, recall {tp / (tp + fn):.3f}, F1 {2 * tp / (2 * tp + fp + fn):.4f}")
PY

echo "== speed: the pages read from memory on one core"
"$build/bench/briefkit_html_speed" "$work/pages" 5

echo "== memory: one 5 MB page"
python3 - "$here/samples/tram-line-opening-web.html" "$work/big/five-megabytes.html" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
start, end = page.index('<div class="story-body">'), page.index('<aside class="related-articles">')
body = page[start:end]
copies = (5 * 1024 * 1024 - len(page)) // len(body) + 1
open(sys.argv[2], "w", encoding="utf-8").write(page[:start] + body * copies + page[end:])
PY
ls -l "$work/big/five-megabytes.html" | awk '{print "page bytes: " $5}'
"$build/bench/briefkit_html_speed" "$work/big" 1 $((8 * 1024 * 1024))
