#!/usr/bin/env bash
# The Debian packages `cmake --workflow --preset deb` makes, installed on this machine with dpkg -i
# and used as a user would: dpkg -L lists the files; the installed briefkit converts the samples
# into every format; man briefkit opens the page; programs built against the system's
# libbriefkit-dev (find_package, pkg-config) and the python3-briefkit module work (install_test.sh
# and python_test.py on /usr). The packages stay installed for what CI runs next (the Slurm
# test); `deb_test.sh --remove` removes them. Needs root. Usage: deb_test.sh PACKAGE_DIR SOURCE_DIR
set -euo pipefail
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$1" = "--remove" ]; then
    dpkg -r python3-briefkit libbriefkit-dev briefkit > /dev/null
    ! command -v briefkit > /dev/null || fail "briefkit is still installed"
    echo "packages removed"
    exit 0
fi
packages=$(realpath "$1") source=$(realpath "$2")
debs=("$packages"/briefkit_*.deb "$packages"/libbriefkit-dev_*.deb "$packages"/python3-briefkit_*.deb)
for deb in "${debs[@]}"; do
    [ -f "$deb" ] || fail "no package $deb"
    echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
done
dpkg -i "${debs[@]}" > /dev/null
for package in briefkit libbriefkit-dev python3-briefkit; do
    echo "dpkg -L $package:"
    dpkg -L "$package" | grep -vE '/(share|lib|include|bin|doc|man|man1|usr|cmake|pkgconfig|python3)$' | sed 's/^/  /'
done
[ "$(command -v briefkit)" = /usr/bin/briefkit ] || fail "briefkit is not /usr/bin/briefkit"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source/samples" "$work/samples"
(cd "$work" && briefkit convert samples -o converted -q)
made=$(find "$work/converted" -type f -not -path '*/.briefkit/*' | wc -l)
expected=$(( $(ls "$work/samples" | wc -l) * $(briefkit formats | sed -n '/^Output/,/^Input/p' | grep -c '^  ') ))
[ "$made" -eq "$expected" ] || fail "briefkit convert samples wrote $made files, not $expected"
echo "installed briefkit convert samples -o converted: $made files"
page=$(MANPAGER=cat MANWIDTH=80 man briefkit 2> "$work/man.err")
[ ! -s "$work/man.err" ] || fail "man briefkit: $(cat "$work/man.err")"
grep -q "briefkit merge-manifests" <<< "$page" || fail "man briefkit does not show the page"
echo "man briefkit: $(man -w briefkit), $(wc -l <<< "$page") lines"

"$source/tests/packaging/install_test.sh" --installed /usr "$source"
/usr/bin/python3 "$source/tests/packaging/python_test.py" /usr/lib/python3/dist-packages "$source" /usr/bin/briefkit
