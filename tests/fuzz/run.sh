#!/usr/bin/env bash
# Runs Briefkit's libFuzzer targets, each for a given time, and reports executions per second,
# corpus size and findings.
#
#   tests/fuzz/run.sh [-j JOBS] SECONDS [TARGET...]
#
# TARGET is one of: text_reader xml_reader yaml_reader json_reader json_tree nitf_reader ninjs_reader newsml_reader
# newsml1_reader anpa_reader html_reader style stream_record text_to_pdf truetype brief_files digest
# (default: all). JOBS targets run at once (default: the number of cores). Builds the `fuzz`
# preset first. Each target's corpus grows in build/fuzz/corpus/TARGET, starting from the seeds
# we wrote (tests/fuzz/seeds, samples/, tests/fixtures, styles/, the samples converted to XML and
# YAML) and, when it is there, ../shared/corpus; inputs are at most 32 KiB (five times the
# longest corpus article), which keeps each run fast enough to explore. A crash, leak, timeout (10 s) or memory blow-up
# (2 GiB) is saved to build/fuzz/findings/TARGET/ and makes the script exit 1; rerun one with
#   build/fuzz/fuzz/fuzz_TARGET build/fuzz/findings/TARGET/crash-...
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
jobs=$(nproc)
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
seconds=${1:?usage: tests/fuzz/run.sh [-j JOBS] SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text_reader xml_reader yaml_reader json_reader json_tree nitf_reader ninjs_reader newsml_reader
                                      newsml1_reader anpa_reader html_reader style stream_record text_to_pdf truetype
                                      brief_files digest)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)" >/dev/null
# libhyphen's own leaks on loading patterns are not findings (see the file).
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

work=build/fuzz
shared=$(cd .. && pwd)/shared/corpus
mkdir -p "$work/seeds/xml_reader" "$work/seeds/yaml_reader" "$work/seeds/json_reader" "$work/seeds/nitf_reader" \
    "$work/seeds/ninjs_reader" "$work/seeds/newsml_reader"
# The samples as Briefkit writes them are the natural seeds of its readers.
"$work/briefkit" convert samples -t xml,yaml,json,nitf,ninjs,newsml -q -o "$work/seeds/samples" \
    --manifest "$work/seeds/manifest.ndjson" >/dev/null
for f in "$work"/seeds/samples/*; do
    case $f in
        *.newsml.xml) cp "$f" "$work/seeds/newsml_reader/" ;;
        *.nitf.xml) cp "$f" "$work/seeds/nitf_reader/" ;;
        *.ninjs.json) cp "$f" "$work/seeds/ninjs_reader/" ;;
        *.xml) cp "$f" "$work/seeds/xml_reader/" ;;
        *.yaml) cp "$f" "$work/seeds/yaml_reader/" ;;
        *.json) cp "$f" "$work/seeds/json_reader/" ;;
    esac
done

# Web pages: ours, and the first of the shared corpus's saved pages (gzipped there).
mkdir -p "$work/seeds/html_reader"
cp samples/*.html tests/fixtures/*.html "$work/seeds/html_reader/"
if [ -d "$shared/web/pages" ]; then
    for page in $(ls "$shared/web/pages" | head -40); do
        { zcat "$shared/web/pages/$page" || true; } | head -c 32768 > "$work/seeds/html_reader/${page%.gz}" || true
    done
fi

# Fonts are larger than the other inputs (up to 1 MiB here): the smallest DejaVu faces of
# fonts-dejavu-core are the seeds, and the smallest OpenType CFF face of fonts-urw-base35.
mkdir -p "$work/seeds/truetype"
cp /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf /usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf \
    "$work/seeds/truetype/"
cp /usr/share/fonts/opentype/urw-base35/StandardSymbolsPS.otf "$work/seeds/truetype/" 2>/dev/null || true

# The seed folders of a target: ours first, then the shared corpus where it helps.
seeds_of() {
    case $1 in
        text_reader|text_to_pdf|digest) echo samples tests/fixtures; [ -d "$shared" ] && echo "$shared" ;;
        brief_files) echo tests/fuzz/seeds/brief_files ;;
        xml_reader) echo tests/fuzz/seeds/xml_reader "$work/seeds/xml_reader" ;;
        yaml_reader) echo tests/fuzz/seeds/yaml_reader "$work/seeds/yaml_reader" ;;
        json_reader) echo "$work/seeds/json_reader" ;;
        json_tree) echo "$work/seeds/json_reader" "$work/seeds/ninjs_reader"; [ -d "$shared" ] && echo "$shared/feeds/ninjs" ;;
        nitf_reader) echo "$work/seeds/nitf_reader"; [ -d "$shared" ] && echo "$shared/feeds/nitf" ;;
        ninjs_reader) echo "$work/seeds/ninjs_reader"; [ -d "$shared" ] && echo "$shared/feeds/ninjs" ;;
        newsml_reader) echo "$work/seeds/newsml_reader"; [ -d "$shared" ] && echo "$shared/feeds/newsml-g2" ;;
        newsml1_reader) echo tests/fuzz/seeds/newsml1_reader; [ -d "$shared" ] && echo "$shared/feeds/newsml-1" ;;
        anpa_reader) echo tests/fuzz/seeds/anpa_reader; [ -d "$shared" ] && echo "$shared/feeds/anpa" ;;
        html_reader) echo "$work/seeds/html_reader" ;;
        style) echo tests/fuzz/seeds/style styles ;;
        stream_record) echo tests/fuzz/seeds/stream_record ;;
        truetype) echo "$work/seeds/truetype" ;;
    esac
}

run_one() {
    local t=$1
    local corpus=$work/corpus/$t findings=$work/findings/$t log=$work/logs/$t.log
    mkdir -p "$corpus" "$findings" "$work/logs"
    local dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
    local max_len=32768
    [ "$t" = truetype ] && max_len=1048576
    # shellcheck disable=SC2046
    if "$work/fuzz/fuzz_$t" "$corpus" $(seeds_of "$t") "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
        -max_len="$max_len" -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1; then
        status=ok
    else
        status=FINDING
    fi
    local execs rate files bytes
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' "$log" | tail -1)
    files=$(find "$corpus" -type f | wc -l)
    bytes=$(du -sk "$corpus" | cut -f1)
    printf '%-14s %-8s %10s execs %7s/s  corpus %6s files %7s KiB  log %s\n' "$t" "$status" "${execs:-?}" \
        "${rate:-?}" "$files" "$bytes" "$log"
    [ "$status" = ok ]
}

export -f run_one seeds_of
export work seconds shared
failed=0
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}' || failed=1
if [ $failed -ne 0 ]; then
    echo "fuzzing found something: see build/fuzz/findings/ and the logs" >&2
    exit 1
fi
