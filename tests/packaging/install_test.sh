#!/usr/bin/env bash
# The installed package, used as a user would: `cmake --install` into a temporary prefix, then
# the files it must hold, a program built with find_package(Briefkit) (shared and static) and one
# built with pkg-config, each converting an article exactly as the briefkit program does, and
# the error a missing file gives. Usage: install_test.sh BUILD_DIR SOURCE_DIR, or
# install_test.sh --installed PREFIX SOURCE_DIR to check what a package put under PREFIX (/usr).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1767225600
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "$1" = "--installed" ]; then
    prefix=$2 source=$3
else
    prefix="$tmp/usr" source=$2
    cmake --install "$1" --prefix "$prefix" > "$tmp/install.log"
fi
libdir=$(cd "$prefix" && dirname "$(find lib -name 'libbriefkit.so.0' | head -1)")
[ -n "$libdir" ] || fail "no libbriefkit.so.0 installed"
for f in bin/briefkit "$libdir/libbriefkit.so" "$libdir/libbriefkit.a" include/briefkit/briefkit.hpp \
         include/briefkit/model.hpp include/briefkit/error.hpp "$libdir/cmake/Briefkit/BriefkitConfig.cmake" \
         "$libdir/pkgconfig/briefkit.pc" share/man/man1/briefkit.1 share/bash-completion/completions/briefkit \
         share/zsh/vendor-completions/_briefkit share/briefkit/article.xsd share/briefkit/article.schema.json \
         share/briefkit/styles/briefing.yaml share/doc/briefkit/copyright; do
    [ -e "$prefix/$f" ] || fail "$prefix holds no $f"
done
# No header of the API names a third-party library, nor a header that is not installed.
if grep -hE '#include ["<](fmt|yaml-cpp|libxml|nlohmann|CLI|hpdf|hb|unicode|pipeline|formats)/' "$prefix/include/briefkit/"*.hpp; then
    fail "a public header includes a third-party or internal header"
fi

# The article: the seed our first user sent when the shared corpus is there, else a sample.
article=$(ls "$source"/../shared/corpus/seed/*.txt 2>/dev/null | head -1 || true)
[ -n "$article" ] || article="$source/samples/harbour-results-wire.txt"
"$prefix/bin/briefkit" convert "$article" -o "$tmp/expected" -q
stem=$(basename "$article")
expected="$tmp/expected/${stem%.*}"

check_outputs() {  # check_outputs NAME DIR: DIR holds what `briefkit convert` wrote, byte for byte
    for ext in xml yaml json nitf.xml newsml.xml ninjs.json pdf; do
        cmp -s "$expected.$ext" "$2/article.$ext" || fail "$1: article.$ext differs from briefkit convert's"
    done
    echo "$1: the seven outputs are briefkit convert's, byte for byte"
}

cmake -S "$source/tests/packaging/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCMAKE_BUILD_TYPE=Release > "$tmp/consumer.log" || { cat "$tmp/consumer.log"; fail "find_package(Briefkit)"; }
cmake --build "$tmp/consumer" -j2 > "$tmp/consumer-build.log" || { cat "$tmp/consumer-build.log"; fail "building against Briefkit::briefkit"; }
for program in consumer consumer_static; do
    mkdir -p "$tmp/$program-out"
    LD_LIBRARY_PATH="$prefix/$libdir" "$tmp/consumer/$program" "$article" "$tmp/$program-out"
    check_outputs "find_package: $program" "$tmp/$program-out"
done
# The shared one really uses the installed library; the static one needs none of it.
linked=$(LD_LIBRARY_PATH="$prefix/$libdir" ldd "$tmp/consumer/consumer" | sed -nE 's/.*libbriefkit\.so\.0 => ([^ ]+).*/\1/p')
[ -n "$linked" ] && [ "$(realpath "$linked")" = "$(realpath "$prefix/$libdir/libbriefkit.so.0")" ] \
    || fail "consumer is not linked with the installed libbriefkit.so.0 (${linked:-none})"
if ldd "$tmp/consumer/consumer_static" | grep -q libbriefkit; then fail "consumer_static needs libbriefkit.so"; fi

export PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
[ "$(pkg-config --modversion briefkit)" = "$("$prefix/bin/briefkit" --version | cut -d' ' -f2)" ] || fail "pkg-config version"
# shellcheck disable=SC2046
g++ -o "$tmp/pc-consumer" "$source/tests/packaging/consumer/main.cpp" $(pkg-config --cflags --libs briefkit) \
    -Wl,-rpath,"$prefix/$libdir" || fail "building with pkg-config --cflags --libs briefkit"
mkdir -p "$tmp/pc-out"
"$tmp/pc-consumer" "$article" "$tmp/pc-out"
check_outputs "pkg-config" "$tmp/pc-out"

# A missing file: the file named, exit code 1 (the command line's), nothing written.
set +e
"$tmp/pc-consumer" "$tmp/no-such-article.txt" "$tmp/pc-missing" 2> "$tmp/missing.err"
code=$?
set -e
[ "$code" -eq 1 ] || fail "a missing article exits $code, not 1"
grep -q "no-such-article.txt: cannot open" "$tmp/missing.err" || fail "the error does not name the file: $(cat "$tmp/missing.err")"
[ ! -e "$tmp/pc-missing" ] || fail "a failed read left output"
echo "a missing article: $(cat "$tmp/missing.err")"
