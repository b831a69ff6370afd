#!/usr/bin/env bash
# Shows that two builds behave the same: runs both over the same inputs and compares every
# output byte for byte, with the messages and exit codes. For changes that must not change
# behaviour (a restructuring, a refactor, a faster path).
#
#   bench/compare_builds.sh OLD_BRIEFKIT NEW_BRIEFKIT [WORK_DIR]
#
# Inputs: samples/, tests/fixtures/, and when ../shared/corpus is beside the checkout its
# text articles (seed, seedstyle, reuters) and its agency feeds (most are refused: the
# refusals are compared too). Each is converted to every format in each built-in style, and
# every text format written (XML, NITF, NewsML-G2, YAML, JSON, ninjs) is read back and
# converted again; the samples also go through digest, stream and inspect. Prints the number
# of files compared; exits 1 on any difference.
set -euo pipefail
# Outputs that record when they were made (NewsML-G2's versionCreated of an undated article)
# take this time instead, so that both builds write the same bytes.
export SOURCE_DATE_EPOCH=1767225600
here=$(cd "$(dirname "$0")/.." && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
work=${3:-$(mktemp -d)}
corpus=$here/../shared/corpus

inputs=("$here/samples" "$here/tests/fixtures")
for part in seed seedstyle reuters feeds; do
    [ -d "$corpus/$part" ] && inputs+=("$(cd "$corpus/$part" && pwd)")
done

run_all() {  # run_all EXE DIR: every command's outputs, messages and exit codes under DIR
    local exe=$1 dir=$2
    mkdir -p "$dir"
    local i=0
    for input in "${inputs[@]}"; do
        i=$((i + 1))
        for style in $("$exe" styles | awk 'NR > 1 {print $1}'); do
            "$exe" convert "$input" -q -o "$dir/$i-$style" --style "$style" --glob '*' \
                >"$dir/$i-$style.stdout" 2>"$dir/$i-$style.stderr" || echo "exit $?" >>"$dir/$i-$style.stderr"
        done
        # Each format read back on its own: a.xml and a.nitf.xml in one run would write one
        # file twice (a.xml's NITF output is a.nitf.xml), which Briefkit refuses.
        for ext in xml nitf.xml newsml.xml yaml json ninjs.json; do
            local from="$dir/$i-from-$ext" staged="$dir/$i-staged-$ext"
            mkdir -p "$staged"
            for f in "$dir/$i-briefing"/*."$ext"; do
                case $ext:$f in xml:*.nitf.xml | xml:*.newsml.xml | json:*.ninjs.json) continue ;; esac
                [ -e "$f" ] && cp "$f" "$staged/"
            done
            "$exe" convert "$staged" -q -o "$from" --glob "*.$ext" \
                >"$from.stdout" 2>"$from.stderr" || echo "exit $?" >>"$from.stderr"
            sed -i "s#$staged#STAGED#g" "$from.stdout" "$from.stderr"
            rm -rf "$staged"
        done
    done
    "$exe" digest "$here/samples" "$here/tests/fixtures" -o "$dir/digest.pdf" 2>"$dir/digest.stderr" || echo "exit $?" >>"$dir/digest.stderr"
    if [ -d "$corpus/seedstyle" ]; then  # a digest whose contents run over several pages
        "$exe" digest "$corpus/seedstyle" --style letter-compact -o "$dir/digest-corpus.pdf" \
            2>"$dir/digest-corpus.stderr" || echo "exit $?" >>"$dir/digest-corpus.stderr"
    fi
    for f in "$here"/samples/*.txt; do
        "$exe" inspect "$f" >"$dir/inspect-$(basename "$f").yaml" 2>&1 || echo "exit $?" >>"$dir/inspect-$(basename "$f").yaml"
        printf '{"id":"%s","path":"%s"}\n' "$(basename "$f")" "$f"
    done | "$exe" stream -t xml,yaml -o "$dir/stream" >"$dir/stream.ndjson" 2>"$dir/stream.stderr" || echo "exit $?" >>"$dir/stream.stderr"
    # The manifests record times and the run's start; every other byte must match.
    find "$dir" -name '*.ndjson' -path '*/.briefkit/*' -delete
    find "$dir" -name '.briefkit' -type d -empty -delete
    sed -i -E 's/"(seconds|ms|elapsed)":[0-9.e-]+/"\1":T/g' "$dir/stream.ndjson"
    # Paths in messages name the run's folder; the summary line gives the run's time.
    find "$dir" -name '*.std*' -o -name '*.ndjson' | xargs sed -i -E "s#$dir#DIR#g; s/ in [0-9.]+ s\$/ in T s/"
}

rm -rf "$work/old" "$work/new"
run_all "$old" "$work/old" &
run_all "$new" "$work/new"
wait
count=$(find "$work/old" -type f | wc -l)
if diff -r "$work/old" "$work/new" >"$work/diff.txt"; then
    echo "same: $count files compared (old $old, new $new)"
else
    echo "DIFFERENT: $(grep -c '' "$work/diff.txt") lines of diff in $work/diff.txt ($count files)" >&2
    head -40 "$work/diff.txt" >&2
    exit 1
fi
