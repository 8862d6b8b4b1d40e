#!/bin/sh
# instructions.sh [BASE_REF] — counts the instructions the whole pipeline
# executes per BBC article (articles 200 to 1,199 of BenchmarkPipelineBBC)
# for BASE_REF (default: main) and the working tree, under valgrind's
# cachegrind, with one P and no garbage collector so that the count is the
# same from run to run (±0.1 %). On a machine shared with other work, where
# wall-clock and CPU-time figures move by ±15 %, it tells a 0.5 % change.
# Cache misses are not counted: a change that saves look-ups in large
# tables gains more than its instructions show. It needs valgrind and
# ../shared (or $NEWSGRAPH_SHARED), and skips without them.
set -eu
base=${1:-main}
root=$(git rev-parse --show-toplevel)
shared=${NEWSGRAPH_SHARED:-$root/../shared}
[ -d "$shared/corpora/news/bbc" ] || { echo "instructions: no $shared/corpora/news/bbc: skipped"; exit 0; }
command -v valgrind >/dev/null || { echo "instructions: no valgrind: skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git -C "$root" archive "$base" | tar -x -C "$tmp/base"
(cd "$tmp/base" && go test -c -o "$tmp/base.test" ./internal/pipeline)
(cd "$root" && go test -c -o "$tmp/new.test" ./internal/pipeline)
count() { # binary, articles
	(cd "$root/internal/pipeline" && NEWSGRAPH_SHARED=$shared GOMAXPROCS=1 GOGC=off valgrind --tool=cachegrind \
		--cache-sim=no --cachegrind-out-file=/dev/null "$1" -test.run '^$' -test.bench 'BenchmarkPipelineBBC$' \
		-test.benchtime "${2}x" 2>&1) | grep 'I *refs' | tr -d ',' | awk '{print $NF}'
}
for v in base new; do
	a=$(count "$tmp/$v.test" 200)
	b=$(count "$tmp/$v.test" 1200)
	echo "instructions: $v $(((b - a) / 1000)) per article"
done
