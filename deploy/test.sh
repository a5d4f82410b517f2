#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test tier with ctest.
#   ./deploy/test.sh            unit, device, service, ui, e2e
#   ./deploy/test.sh --bench    ... and the benchmarks (label bench)
#   ./deploy/test.sh --asan     the same in an AddressSanitizer+UBSan build (build-asan/)
#   ./deploy/test.sh --tsan     unit and device tiers in a ThreadSanitizer build (build-tsan/);
#                               a race stops the process (deploy/tsan.supp says why not service)
#   ./deploy/test.sh -L unit    only one tier (any further arguments go to ctest)
# Before the tests: the format check (deploy/lint.sh) and clang-tidy (deploy/tidy.py).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

preset=default
bench=0
ctest_args=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --bench) bench=1 ;;
    --asan) preset=asan ;;
    --tsan) preset=tsan ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) ctest_args+=("$1") ;;
  esac
  shift
done

# Each stage says how long it took, so a slow CI run shows where its minutes went.
stage_start=$SECONDS
stage() {
  echo "test.sh: [$preset] $1 took $((SECONDS - stage_start)) s"
  stage_start=$SECONDS
}

"$root/deploy/install-deps.sh"
stage "package check/installation"
"$root/deploy/lint.sh"  # the tree matches .clang-format before anything is built

build_dir=build
[[ $preset == asan ]] && build_dir=build-asan
[[ $preset == tsan ]] && build_dir=build-tsan
if [[ ! -f $build_dir/build.ninja ]]; then
  cmake --preset "$preset"
fi
cmake --build --preset "$preset"
stage "configure and build"
# clang-tidy (.clang-tidy, warnings as errors) over drivers/, services/, kiosk/ and the test
# fixtures and benches; a unit already clean is not checked again until it or a header it
# includes changes.
if [[ $preset == default ]]; then
  "$root/deploy/tidy.py" "$build_dir"
  stage "clang-tidy"
fi

cd "$build_dir"
if [[ $bench -eq 0 ]]; then
  ctest_args=(-LE bench "${ctest_args[@]}")
fi
[[ $preset == asan ]] && export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1
# A data race ends the process that has it (test binary or back office), so the test fails.
if [[ $preset == tsan ]]; then
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$root/deploy/tsan.supp"
  # The fuzzers are their own clang builds; the service tier needs a TSan-built gRPC.
  [[ " ${ctest_args[*]} " == *" -L "* ]] || ctest_args+=(-L 'unit|device' -E '^unit\.fuzz\.')
fi
ctest --output-on-failure --no-tests=error -j "$(nproc)" "${ctest_args[@]}"
stage "tests"
