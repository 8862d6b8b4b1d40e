#!/bin/sh
# startup.sh [BASE_REF] — what building the pipeline (pipeline.New, the
# start-up every command pays before its first article) costs a fresh
# process, for BASE_REF (default: main) and the working tree:
#   - the instructions New executes, counted by valgrind's cachegrind with
#     one P (TestNewOnce run minus skipped, so the test binary's own start
#     is left out), the same from run to run within 0.1 % however loaded
#     the machine is;
#   - its CPU and wall time (BenchmarkNewCold, 10 fresh processes, three
#     alternating rounds), which other work on the machine moves by ±15 %.
# The base tree gets this tree's internal/pipeline/startup_test.go, so that
# both measure alike. Cachegrind is skipped without valgrind.
set -eu
base=${1:-main}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/base"
git -C "$root" archive "$base" | tar -x -C "$tmp/base"
cp "$root/internal/pipeline/startup_test.go" "$tmp/base/internal/pipeline/"
(cd "$tmp/base" && go test -c -o "$tmp/base.test" ./internal/pipeline)
(cd "$root" && go test -c -o "$tmp/new.test" ./internal/pipeline)
if command -v valgrind >/dev/null; then
	count() { # binary, env
		(cd "$root/internal/pipeline" && env $2 GOMAXPROCS=1 valgrind --tool=cachegrind --cache-sim=no \
			--cachegrind-out-file=/dev/null "$1" -test.run '^TestNewOnce$' 2>&1) | grep 'I *refs' | tr -d ',' | awk '{print $NF}'
	}
	for v in base new; do
		a=$(count "$tmp/$v.test" X=)
		b=$(count "$tmp/$v.test" NEWSGRAPH_TEST_NEW_ONCE=1)
		echo "startup: $v New executes $(((b - a) / 1000000))M instructions"
	done
fi
for round in 1 2 3; do
	for v in base new; do
		(cd "$root/internal/pipeline" && "$tmp/$v.test" -test.run '^$' -test.bench 'BenchmarkNewCold$' -test.benchtime 10x) |
			awk -v v="$v" '/BenchmarkNewCold/ {print "startup: " v " round '"$round"': " $5 " CPU ms, " $7 " wall ms"}'
	done
done
