#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for a fixed time from its checked-in seed corpus
# plus what earlier runs found, as many at once as there are cores, and prints each one's run
# count. A crash, a sanitizer report or a broken invariant fails the script; the input that
# did it is kept as build/tests/fuzz/findings/crash-<target>-* and printed (hex) in the log,
# so a CI log alone is enough to reproduce it:
#   build/tests/fuzz/bin/fuzz_<target> build/tests/fuzz/findings/crash-<target>-<sha1>
#
#   ./deploy/fuzz.sh [SECONDS]     (default 60; needs the build that ./deploy/test.sh makes)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number" >&2; exit 2; }
build=$root/build
if [[ ! -f $build/build.ninja ]]; then
  cmake --preset default -S "$root"
fi
cmake --build "$build" --target fuzzers

fuzz=$build/tests/fuzz
findings=$fuzz/findings
logs=$fuzz/logs
mkdir -p "$findings" "$logs"
mapfile -t targets < <(find "$fuzz/bin" -maxdepth 1 -type f -name 'fuzz_*' -printf '%f\n' | sort)
[[ ${#targets[@]} -gt 0 ]] || { echo "fuzz.sh: no fuzz targets built (clang++ missing?)" >&2; exit 1; }

run() {  # one target; its output goes to its log, its exit status to $logs/$t.rc
  local t=$1 name=${1#fuzz_} rc=0
  mkdir -p "$fuzz/corpus-$name"
  rm -f "$findings/crash-$name-"*
  "$fuzz/bin/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -artifact_prefix="$findings/crash-$name-" \
    "$fuzz/corpus-$name" "$root/tests/fuzz/corpus/$name" >"$logs/$t.log" 2>&1 || rc=$?
  echo "$rc" >"$logs/$t.rc"
}

echo "fuzz.sh: ${#targets[@]} targets, ${seconds} s each, $(nproc) at a time"
running=0
for t in "${targets[@]}"; do
  if [[ $running -ge $(nproc) ]]; then
    wait -n
    running=$((running - 1))
  fi
  rm -f "$logs/$t.rc"
  run "$t" &
  running=$((running + 1))
done
wait
failed=()
for t in "${targets[@]}"; do
  [[ $(cat "$logs/$t.rc" 2>/dev/null) == 0 ]] || failed+=("$t")
done

for t in "${targets[@]}"; do
  log=$logs/$t.log
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)
  if [[ " ${failed[*]} " == *" $t "* ]]; then
    echo "fuzz.sh: $t FAILED after ${runs:-?} runs; its output:"
    tail -n 60 "$log"
    for crash in "$findings"/crash-"${t#fuzz_}"-*; do
      [[ -f $crash ]] || continue
      echo "fuzz.sh: reproducer $crash ($(stat -c %s "$crash") bytes, first 4 KiB in hex):"
      head -c 4096 "$crash" | od -An -tx1 -v
    done
  else
    echo "fuzz.sh: $t ok: ${runs:-?} runs in ${seconds} s, ${cov:-cov: ?}"
  fi
done
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz.sh: error: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: all ${#targets[@]} targets ran ${seconds} s each without a finding"
