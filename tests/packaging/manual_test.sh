#!/usr/bin/env bash
# briefkit(1) and the shell completions the build writes: the man page renders with no groff
# warning and names every option --help names; bash completes subcommands, options, formats,
# styles and files by readable extension; zsh reads its script. Usage: manual_test.sh BUILD_DIR
set -euo pipefail
build=$1
docs="$build/docs"
exe="$build/briefkit"
fail() { echo "FAIL: $*" >&2; exit 1; }

warnings=$(groff -wall -man -Tutf8 "$docs/briefkit.1" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "groff -wall warns: $warnings"
warnings=$(MANWIDTH=80 man --warnings -l "$docs/briefkit.1" 2>&1 >/dev/null)
[ -z "$warnings" ] || fail "man -l warns: $warnings"
page=$(MANWIDTH=200 man -l "$docs/briefkit.1" 2>/dev/null | col -b)
for command in convert digest stream merge-manifests styles inspect formats schema; do
    grep -q "briefkit $command" <<< "$page" || fail "the man page has no synopsis of $command"
    for option in $("$exe" "$command" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
        [ "$option" = "--help" ] && continue
        grep -qF -- "$option" <<< "$page" || fail "the man page lacks $command's $option"
    done
done
for section in "EXIT STATUS" FORMATS ENVIRONMENT FILES EXAMPLES; do
    grep -q "^$section" <<< "$page" || fail "the man page has no $section section"
done
echo "man page: renders without warnings and names every option of --help"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
touch story.txt feed.xml page.html photo.jpg house.yaml
mkdir folder
bash -c '
source "$1"
expect() {  # expect "WORDS" "REPLY...": completing the last of WORDS offers exactly REPLY
    local -a words
    read -r -a words <<< "$1"
    [[ $1 == *" " ]] && words+=("")
    COMP_WORDS=("${words[@]}"); COMP_CWORD=$(( ${#words[@]} - 1 )); COMPREPLY=()
    _briefkit
    local got
    got=$(printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " ")
    [[ $got == "$2 " ]] || { echo "FAIL: bash completes [$1] with [$got], expected [$2]" >&2; exit 1; }
}
expect "briefkit co" "convert"
expect "briefkit m" "merge-manifests"
expect "briefkit convert --s" "--shard --style --sync"
expect "briefkit convert -t ni" "ninjs nitf"
expect "briefkit convert -t xml,p" "xml,pdf"
expect "briefkit convert --from newsml" "newsml newsml1"
expect "briefkit convert --style " "briefing folder/ house.yaml letter-compact"
expect "briefkit convert " "feed.xml folder/ house.yaml page.html story.txt"
expect "briefkit digest --group-by l" "language"
expect "briefkit inspect --encoding utf-16" "utf-16be utf-16le"
' _ "$docs/briefkit.bash" || exit 1
echo "bash completion: subcommands, options, formats, styles and readable files"

mkdir zfunctions
cp "$docs/_briefkit" zfunctions/
zsh -n zfunctions/_briefkit || fail "zsh cannot parse _briefkit"
zsh -fc 'fpath=(./zfunctions $fpath); autoload -Uz compinit; compinit -u -d ./zcompdump; [[ ${_comps[briefkit]} == _briefkit ]]' \
    || fail "compinit does not take _briefkit for briefkit"
echo "zsh completion: compinit binds _briefkit to briefkit"
