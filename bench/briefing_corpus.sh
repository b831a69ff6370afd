# Sourced by the benches that set briefings of the whole shared corpus (typesetting.sh,
# pdf_validity.sh): with `here` set to the checkout and NAME as $1, it ends the caller quietly
# when the corpus is absent, makes a work folder (removed on exit) with the web pages unpacked,
# and sets `corpus`, `work` and `corpus_inputs` (seed, seedstyle, reuters, feeds, the web pages).
corpus=$here/../shared/corpus
[ -d "$corpus" ] || { echo "no $corpus: the shared corpus is not here" >&2; exit 0; }
work=$(mktemp -d "${TMPDIR:-/dev/shm}/$1.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/web"
for f in "$corpus"/web/pages/*.html.gz; do zcat "$f" > "$work/web/$(basename "$f" .gz)"; done
corpus_inputs=("$corpus/seed" "$corpus/seedstyle" "$corpus/reuters" "$corpus/feeds" "$work/web")
