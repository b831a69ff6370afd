#!/usr/bin/env bash
# Wall time and peak memory of the largest inputs the default limits accept (SECURITY.md), each
# converted to XML, YAML and PDF, beside a typical article, in the same run:
#   - 2 MiB of short paragraphs, just under --max-paragraphs (20,000);
#   - eight paragraphs each just under --max-line-length (256 KiB), 2 MiB in all.
#
#   bench/worst_case.sh [BUILD_DIR]
#
# Needs a release build (cmake --preset release && cmake --build --preset release).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
exe=${1:-$here/build/release}/briefkit
[ -x "$exe" ] || { echo "no $exe: build it with cmake --preset release && cmake --build --preset release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
words = "council water river farmers vote dam summer canal harvest rain report minister".split()
paras, size, i = [], 0, 0
while len(paras) < 19900 and size < 2 * 1024 * 1024 - 300:
    p = " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(14)).capitalize() + "."
    paras.append(p); size += len(p) + 2; i += 1
open(f"{work}/many-paragraphs.txt", "w").write("HEADLINE OF THE LARGEST CASE\n\n" + "\n\n".join(paras) + "\n")
long = ("All work and no play makes a dull article today. " * 5300)[:255000]
open(f"{work}/long-paragraphs.txt", "w").write("HEADLINE\n\n" + "\n\n".join([long] * 8) + "\n")
PY
cp "$here/samples/kyrgyz-water-council.txt" "$work/typical.txt"

printf '%-22s %10s %8s %10s\n' input bytes seconds "peak MiB"
for f in typical many-paragraphs long-paragraphs; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$exe" convert "$work/$f.txt" -t xml,yaml,pdf -q -o "$work/out" >/dev/null 2>&1
    read -r seconds kib <"$work/time"
    printf '%-22s %10s %8s %10s\n' "$f" "$(stat -c %s "$work/$f.txt")" "$seconds" "$((kib / 1024))"
done
