#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test tier with ctest.
#   ./deploy/test.sh              unit, device, service, ui, e2e, all in the AddressSanitizer +
#                                 UBSan build (preset default, build/): a memory error or
#                                 undefined behaviour in any program a test runs fails the test
#   ./deploy/test.sh -L unit      only one tier (any further arguments go to ctest); only what
#                                 the tiers named need is built
#   ./deploy/test.sh --bench      every tier and the benchmarks (label bench) in the optimized
#                                 build (preset optimized, build-opt/, as the demo runs)
#   ./deploy/test.sh --optimized  the tiers in the optimized build, without sanitizers
#   ./deploy/test.sh --tsan       unit and device tiers in a ThreadSanitizer build (build-tsan/);
#                                 a race stops the process (deploy/tsan.supp says why not service)
#   (--asan is accepted and is the default.)
# Before the tests: the format check (deploy/lint.sh); beside them: clang-tidy (deploy/tidy.py).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

preset=default
bench=0
ctest_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --bench) bench=1 preset=optimized ;;
    --asan) preset=default ;;
    --optimized) preset=optimized ;;
    --tsan) preset=tsan ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) ctest_args+=("$1") ;;
  esac
  shift
done

# Each stage says how long it took, so a slow CI run shows where its minutes went.
stage_start=$SECONDS
build_kind=$preset
[[ $preset == default ]] && build_kind="AddressSanitizer + UBSan"
[[ $preset == tsan ]] && build_kind=ThreadSanitizer
stage() {
  echo "test.sh: [$build_kind] $1 took $((SECONDS - stage_start)) s"
  stage_start=$SECONDS
}

"$root/deploy/install-deps.sh"
stage "package check/installation"
"$root/deploy/lint.sh"  # the tree matches .clang-format before anything is built

build_dir=build
[[ $preset == optimized ]] && build_dir=build-opt
[[ $preset == tsan ]] && build_dir=build-tsan
# Configured afresh when new, or when build/ is an optimized build from before the default
# became the sanitized one.
if [[ ! -f $build_dir/build.ninja ]] ||
  { [[ $preset == default ]] && ! grep -q '^RENSHE_SANITIZE:BOOL=ON$' "$build_dir/CMakeCache.txt"; }; then
  cmake --preset "$preset"
fi
# Only what the tiers run need is built (tests/CMakeLists.txt, tier_*): the tiers named by -L
# when it is a plain list (-L 'unit|device|service'), else all of them (with --bench:
# everything).
tiers() {
  local i labels=""
  for ((i = 0; i < ${#ctest_args[@]}; i++)); do
    [[ ${ctest_args[i]} == -L ]] && labels=${ctest_args[i + 1]:-}
  done
  [[ -z $labels && $preset == tsan ]] && labels='unit|device'
  if [[ $labels =~ ^(unit|device|service|ui|e2e)(\|(unit|device|service|ui|e2e))*$ ]]; then
    echo "${labels//|/ }"
  else
    echo "unit device service ui e2e"
  fi
}
if [[ $bench -eq 1 ]]; then
  cmake --build --preset "$preset"
else
  targets=()
  for t in $(tiers); do targets+=("tier_$t"); done
  cmake --build --preset "$preset" --target "${targets[@]}"
fi
stage "configure and build"
# clang-tidy (.clang-tidy, warnings as errors) over drivers/, services/, kiosk/ and the test
# fixtures and benches; a unit already clean is not checked again until it or a header it
# includes changes. It runs beside the tests on the CPU time they leave idle (SCHED_IDLE: a
# test never waits for it), and its verdict is given after theirs.
tidy_pid=
if [[ $preset == default ]]; then
  tidy_log=$root/$build_dir/tidy.log
  idle=(chrt --idle 0)
  "${idle[@]}" true 2>/dev/null || idle=(nice -n 19)  # where SCHED_IDLE is not allowed
  "${idle[@]}" "$root/deploy/tidy.py" "$build_dir" >"$tidy_log" 2>&1 &
  tidy_pid=$!
  trap '[[ -n $tidy_pid ]] && kill "$tidy_pid" 2>/dev/null; true' EXIT
fi

cd "$build_dir"
exclude=bench
[[ $bench -eq 1 ]] && exclude=
# The fuzz targets are the same clang builds whatever the preset: the unit tier runs them
# (unit.fuzz.*, 5 s each) and deploy/fuzz.sh runs them longer.
[[ $preset == tsan ]] && exclude=${exclude:+$exclude|}fuzz
[[ -n $exclude ]] && ctest_args=(-LE "$exclude" "${ctest_args[@]}")
# Leaks are not looked for: the programs under test end by signal or exit() with live objects.
# strstr is not range-checked: libspeechd splits the engine's voice list (thousands of lines)
# with strstr, and the check measures the whole rest of the list at every call, which takes
# the kiosk minutes instead of a millisecond (the same options are in CMakePresets.json).
[[ $preset == default ]] &&
  export ASAN_OPTIONS=detect_leaks=0:intercept_strstr=0 UBSAN_OPTIONS=print_stacktrace=1
# A data race ends the process that has it (test binary or back office), so the test fails.
if [[ $preset == tsan ]]; then
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/deploy/tsan.supp"
  # The service tier needs a TSan-built gRPC.
  [[ " ${ctest_args[*]} " == *" -L "* ]] || ctest_args+=(-L 'unit|device')
fi
test_rc=0
ctest --output-on-failure --no-tests=error -j "$(nproc)" "${ctest_args[@]}" || test_rc=$?
stage "tests"
tidy_rc=0
if [[ -n $tidy_pid ]]; then
  wait "$tidy_pid" || tidy_rc=$?
  tidy_pid=
  cat "$tidy_log"
  stage "clang-tidy (what was left of it after the tests)"
fi
failed=()
[[ $test_rc -eq 0 ]] || failed+=(tests)
[[ $tidy_rc -eq 0 ]] || failed+=(clang-tidy)
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "test.sh: failed: ${failed[*]}" >&2
  exit 1
fi
