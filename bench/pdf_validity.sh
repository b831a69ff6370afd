#!/usr/bin/env bash
# Every briefing of the shared corpus checked from outside: qpdf --check, pdffonts (every font
# embedded, subset and mapped to Unicode), Ghostscript (renders every page without an error or
# a warning), pdfinfo (tagged, with a language). Prints the count of each problem and the files.
#
#   bench/pdf_validity.sh [BUILD_DIR] [STYLE]
#
# Needs qpdf, poppler-utils and ghostscript. Takes some minutes: Ghostscript renders each page.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
style=${2:-briefing}
source "$here/bench/briefing_corpus.sh" validity
for tool in qpdf pdffonts pdfinfo gs; do
    command -v "$tool" >/dev/null || { echo "needs $tool (qpdf, poppler-utils, ghostscript)" >&2; exit 1; }
done
"$build/briefkit" convert "${corpus_inputs[@]}" -t pdf --style "$style" -o "$work/out" -q 2>"$work/convert.log" || true
check() {  # check PDF: prints "KIND FILE" for each problem
    local pdf=$1
    qpdf --check "$pdf" >/dev/null 2>&1 || echo "qpdf $pdf"
    pdffonts "$pdf" 2>/dev/null | awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") {bad = 1} END {exit bad}' ||
        echo "fonts $pdf"
    local gs_out
    gs_out=$(gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=nullpage "$pdf" 2>&1) || echo "gs-error $pdf"
    [ -z "$gs_out" ] || echo "gs-message $pdf"
    pdfinfo "$pdf" 2>/dev/null | grep -q '^Tagged: *yes' || echo "untagged $pdf"
}
export -f check
find "$work/out" -name '*.pdf' | sort | xargs -P "$(nproc)" -I{} bash -c 'check "$1"' _ {} > "$work/problems.txt"
total=$(find "$work/out" -name '*.pdf' | wc -l)
echo "briefings: $total (style $style)"
for kind in qpdf fonts gs-error gs-message untagged; do
    echo "$kind: $(grep -c "^$kind " "$work/problems.txt" || true)"
done
grep . "$work/problems.txt" | head -20 || true
