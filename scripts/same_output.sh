#!/bin/sh
# same_output.sh [BASE_REF] — checks that the working tree's pipeline writes
# byte-for-byte the same records as BASE_REF (default: main) over the BBC
# corpus, the extraction benchmark's HTML pages, testdata/example.json and
# the sample article. A performance change must pass it. It needs ../shared (or $NEWSGRAPH_SHARED) and skips without it.
set -eu
base=${1:-main}
root=$(git rev-parse --show-toplevel)
shared=${NEWSGRAPH_SHARED:-$root/../shared}
[ -d "$shared/corpora/news/bbc" ] || { echo "same_output: no $shared/corpora/news/bbc: skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git -C "$root" archive "$base" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go build -o "$tmp/ng-base" ./cmd/newsgraph)
(cd "$root" && go build -o "$tmp/ng-new" ./cmd/newsgraph)
# HTML pages of the extraction benchmark exercise the cleaner's HTML path.
html=""
if [ -d "$shared/corpora/extraction/html" ]; then
	mkdir "$tmp/html"
	for f in "$shared"/corpora/extraction/html/*.html.gz; do
		gzip -dc "$f" >"$tmp/html/$(basename "$f" .gz)"
	done
	html="$tmp/html"
fi
run() {
	"$1" extract --published 2025-08-09 "$shared/corpora/news/bbc" "$root/testdata/example.json" \
		"$shared/samples/belarus-prisoners.txt" $html | sed 's/"pipeline":"[^"]*"//'
}
run "$tmp/ng-base" >"$tmp/base.jsonl"
run "$tmp/ng-new" >"$tmp/new.jsonl"
if cmp -s "$tmp/base.jsonl" "$tmp/new.jsonl"; then
	echo "same_output: $(wc -l <"$tmp/new.jsonl") records identical to $base"
else
	echo "same_output: records differ from $base:" >&2
	diff "$tmp/base.jsonl" "$tmp/new.jsonl" | head -c 4000 >&2
	exit 1
fi
