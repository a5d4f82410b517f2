#!/usr/bin/env bash
# Checks that the C++ tree matches .clang-format (clang-format --dry-run -Werror) and that no
# function in tests/ is over 120 lines (deploy/function_size.py; clang-tidy, deploy/tidy.py,
# keeps that limit for the rest). Called by deploy/test.sh.
#   ./deploy/lint.sh                 format only (a few seconds)
#   ./deploy/lint.sh --fix           rewrite the files that deviate
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

fix=0
[[ ${1:-} == --fix ]] && fix=1

mapfile -d '' files < <(find drivers kiosk services tests proto \
  \( -path tests/fuzz/corpus -o -name 'build*' \) -prune -o \
  -type f \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.cc' \) -print0 | sort -z)

if [[ $fix -eq 1 ]]; then
  clang-format -i "${files[@]}"
  echo "lint: formatted ${#files[@]} files"
  exit 0
fi
if ! clang-format --dry-run -Werror "${files[@]}"; then
  echo "lint: error: the files above deviate from .clang-format; run ./deploy/lint.sh --fix" >&2
  exit 1
fi
echo "lint: ${#files[@]} C++ files match .clang-format"
# Functions of tests/ at most 120 lines, as clang-tidy keeps them in the rest (deploy/tidy.py).
"$root/deploy/function_size.py" tests
