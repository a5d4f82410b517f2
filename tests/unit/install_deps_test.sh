#!/usr/bin/env bash
# Runs deploy/install-deps.sh as a non-root user against a package list that names a package
# that cannot be installed: it must exit non-zero and name exactly that package.
set -euo pipefail
deploy=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$deploy/install-deps.sh" "$work/"
printf 'bash\nrenshe-no-such-package-xyz\n' > "$work/debian-packages.txt"
chmod -R a+rX "$work"

run() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u nobody -- bash "$work/install-deps.sh"
  else
    bash "$work/install-deps.sh"
  fi
}

set +e
out=$(run 2>&1)
rc=$?
set -e
echo "$out"
if [[ $rc -eq 0 ]]; then
  echo "FAIL: install-deps.sh exited 0 with a package missing as non-root" >&2
  exit 1
fi
if ! grep -q 'renshe-no-such-package-xyz' <<<"$out"; then
  echo "FAIL: the message does not name the missing package" >&2
  exit 1
fi
if grep -q '^  bash$' <<<"$out"; then
  echo "FAIL: an installed package was reported missing" >&2
  exit 1
fi

# And with everything present it succeeds without root and without apt.
printf 'bash\n' > "$work/debian-packages.txt"
run
echo "1 passed, 0 failed"
