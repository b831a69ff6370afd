#!/usr/bin/env bash
# Batch throughput at scale, side by side in one run: Briefkit against the machine's file-I/O
# floor and against pandoc's process-per-article cost.
#
#   bench/scale.sh [BUILD_DIR] [ARTICLES] [ROUNDS]
#
# Builds a corpus of ARTICLES (default 10000) by repeating ../shared/corpus files under new
# names (1,000 per folder) in a scratch folder, then, interleaved over ROUNDS (default 3):
#   - briefkit convert -t xml,yaml -j 1 into a new folder (CPU ms per article, articles/s, peak RSS);
#   - the same again over the same folder, nothing changed (the rerun);
#   - the I/O floor: bench/io_floor reads every input and writes files of the same number and
#     sizes through unnamed temporary files;
#   - briefkit convert -j 2, and the I/O floor with its files read and written by 2 threads;
#   - briefkit stream -t yaml over the same articles as NDJSON records (no files written), and
#     two such processes at once: how far two cores of this machine scale work that shares nothing;
#   - pandoc -s -t jats and -t docbook5, one process per article, on a 200-article sample in
#     Markdown with a YAML metadata block (Debian's pandoc; skipped when absent).
# Last it prints the -j 2 / -j 1 ratio the machine allowed in the run: -j 1's time split into
# the floor's file work, gaining what the 2-thread floor gained, and Briefkit's own, gaining
# what two stream processes gained.
# Needs a release build (cmake --preset release && cmake --build --preset release) and python3.
# Leave six minutes after deleting many files (a previous run's clean-up, say) before a run:
# ext4 without a journal, as on this machine, steps around inodes freed in the last 60 seconds
# (360 while their inode-table block is unwritten) when it makes new files, which makes every
# run slower for a while, the floor included, and pushes the ratios around.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build/release}
count=${2:-10000}
rounds=${3:-3}
corpus=$(cd "$here/../shared/corpus" 2>/dev/null && pwd) || { echo "no ../shared/corpus beside the checkout" >&2; exit 1; }
exe=$build/briefkit
floor=$build/bench/briefkit_io_floor
for f in "$exe" "$floor"; do
    [ -x "$f" ] || { echo "no $f: cmake --preset release && cmake --build --preset release" >&2; exit 1; }
done
work=${BRIEFKIT_BENCH_DIR:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT

echo "building a corpus of $count articles in $work ..." >&2
python3 - "$corpus" "$work/in" "$count" <<'PY'
import os, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(os.path.join(r, f) for r, _, fs in os.walk(src) for f in fs if f.endswith('.txt'))
data = [open(f, 'rb').read() for f in files]
for i in range(n):
    d = os.path.join(dst, 'd%04d' % (i // 1000))
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'a%06d.txt' % i), 'wb').write(data[i % len(data)])
PY
python3 - "$work/in" "$work/records.ndjson" "$work/md" <<'PY'
import json, os, sys
src, records, md = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(md, exist_ok=True)
files = sorted(os.path.join(r, f) for r, _, fs in os.walk(src) for f in fs)
with open(records, 'w') as out:
    for i, f in enumerate(files):
        text = open(f, 'rb').read().decode('utf-8', 'replace')
        out.write(json.dumps({'id': i, 'text': text}) + '\n')
        if i < 200:  # the pandoc sample: Markdown with a YAML metadata block
            lines = [l.strip() for l in text.splitlines() if l.strip()]
            title = lines[0].replace('"', "'") if lines else 'Untitled'
            body = '\n\n'.join(lines[1:])
            open(os.path.join(md, '%03d.md' % i), 'w').write('---\ntitle: "%s"\n---\n\n%s\n' % (title, body))
PY

measure() {  # prints: wall-seconds cpu-seconds peak-rss-kib
    # Start each run with the disk settled: deleting the last round's files, or writing the
    # last run's, otherwise spills kernel work into the next run's time. And start each with
    # the inputs in the page cache: this machine evicts them now and then between runs, and a
    # run that reads them from the disk waits, which only some runs would.
    sync
    find "$work/in" "$work/records.ndjson" -type f -exec cat {} + >/dev/null
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    awk '{printf "%s %.3f %s\n", $1, $2 + $3, $4}' "$work/time"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for name in j1 rerun j2 floor floor2 stream stream2; do : >"$work/$name.wall"; : >"$work/$name.cpu"; : >"$work/$name.rss"; done
# Every run writes into a folder of its own, and nothing is deleted until the end: ext4 makes
# new files slow for a while after many are deleted (its inode allocator steps around recently
# freed inodes), which would charge one run for the last one's clean-up.
for r in $(seq "$rounds"); do
    read -r w c m < <(measure "$exe" convert "$work/in" -t xml,yaml -j 1 -q -o "$work/out-j1-$r")
    echo "$w" >>"$work/j1.wall"; echo "$c" >>"$work/j1.cpu"; echo "$m" >>"$work/j1.rss"
    read -r w c m < <(measure "$exe" convert "$work/in" -t xml,yaml -j 1 -q -o "$work/out-j1-$r")
    echo "$w" >>"$work/rerun.wall"; echo "$c" >>"$work/rerun.cpu"; echo "$m" >>"$work/rerun.rss"
    read -r w c m < <(measure "$floor" "$work/in" "$work/out-j1-$r" "$work/out-floor-$r")
    echo "$w" >>"$work/floor.wall"; echo "$c" >>"$work/floor.cpu"; echo "$m" >>"$work/floor.rss"
    read -r w c m < <(measure "$exe" convert "$work/in" -t xml,yaml -j 2 -q -o "$work/out-j2-$r")
    echo "$w" >>"$work/j2.wall"; echo "$c" >>"$work/j2.cpu"; echo "$m" >>"$work/j2.rss"
    read -r w c m < <(measure "$floor" "$work/in" "$work/out-j1-$r" "$work/out-floor2-$r" 2)
    echo "$w" >>"$work/floor2.wall"; echo "$c" >>"$work/floor2.cpu"; echo "$m" >>"$work/floor2.rss"
    read -r w c m < <(measure sh -c "'$exe' stream -t yaml < '$work/records.ndjson'")
    echo "$w" >>"$work/stream.wall"; echo "$c" >>"$work/stream.cpu"; echo "$m" >>"$work/stream.rss"
    # The machine's own ceiling for two workers: two independent stream processes at once,
    # sharing nothing, against one (its wall time is for twice the articles).
    read -r w c m < <(measure sh -c "'$exe' stream -t yaml < '$work/records.ndjson' >/dev/null & '$exe' stream -t yaml < '$work/records.ndjson' >/dev/null; wait")
    echo "$w" >>"$work/stream2.wall"; echo "$c" >>"$work/stream2.cpu"; echo "$m" >>"$work/stream2.rss"
done

pandoc_ms() {  # "CPU-ms wall-ms" per article for pandoc -s -t $1, one process per article
    /usr/bin/time -f '%U %S %e' -o "$work/ptime" sh -c 'for f in "$0"/*.md; do pandoc -s -f markdown -t '"$1"' "$f" -o /dev/null || exit 1; done' "$work/md"
    awk -v n="$(ls "$work/md" | wc -l)" '{printf "%.1f %.1f", 1000 * ($1 + $2) / n, 1000 * $3 / n}' "$work/ptime"
}
jats="none none"; docbook="none none"
if command -v pandoc >/dev/null; then jats=$(pandoc_ms jats); docbook=$(pandoc_ms docbook5); fi
read -r jats_cpu jats_wall <<<"$jats"
read -r docbook_cpu docbook_wall <<<"$docbook"

report() {  # name: rate/s, CPU ms per article, peak RSS
    local wall cpu rss
    wall=$(median <"$work/$1.wall"); cpu=$(median <"$work/$1.cpu"); rss=$(median <"$work/$1.rss")
    awk -v n="$count" -v w="$wall" -v c="$cpu" -v m="$rss" -v label="$2" 'BEGIN {
        printf "  %-44s %9.0f articles/s  %7.3f CPU ms/article  %6.1f MiB peak\n", label, n / w, 1000 * c / n, m / 1024 }'
}
echo "$count articles, median of $rounds interleaved rounds:"
report j1 "briefkit -t xml,yaml -j 1, new folder"
report rerun "briefkit -t xml,yaml -j 1, rerun (nothing changed)"
report j2 "briefkit -t xml,yaml -j 2, new folder"
report floor "I/O floor (read inputs, write same files)"
report floor2 "I/O floor, files written by 2 threads"
report stream "briefkit stream -t yaml (no files)"
echo "  pandoc -s -t jats, process per article:     $jats_cpu CPU ms/article, $jats_wall ms/article wall"
echo "  pandoc -s -t docbook5, process per article: $docbook_cpu CPU ms/article, $docbook_wall ms/article wall"
awk -v n="$count" -v j1="$(median <"$work/j1.wall")" -v j2="$(median <"$work/j2.wall")" -v f="$(median <"$work/floor.wall")" \
    -v f2="$(median <"$work/floor2.wall")" \
    -v s1="$(median <"$work/stream.wall")" -v s2="$(median <"$work/stream2.wall")" \
    -v c="$(median <"$work/j1.cpu")" -v p="$jats_cpu" -v pw="$jats_wall" 'BEGIN {
    printf "ratios: -j 1 rate / I/O floor rate %.2f; -j 2 / -j 1 %.2f; -j 2 rate / 2-thread floor rate %.2f", f / j1, j1 / j2, f2 / j2
    printf "; two stream processes / one (the machine'"'"'s 2-core ceiling) %.2f", 2 * s1 / s2
    if (p != "none") printf "; -j 1 rate / pandoc jats rate %.0fx; pandoc jats CPU per article / briefkit %.0fx", pw * n / (1000 * j1), p / (1000 * c / n)
    printf "\n"
    # What this machine allows -j 2 in this run: -j 1 is the floor'"'"'s file work plus Briefkit'"'"'s
    # own; with two threads the first gains what the 2-thread floor gained, the second what two
    # stream processes gained.
    own = j1 > f ? j1 - f : 0
    printf "-j 2 / -j 1 that this run'"'"'s scaling allows (file work as the 2-thread floor, own work as two stream processes): %.2f\n", j1 / (own * s2 / (2 * s1) + f2) }'
