#!/usr/bin/env bash
# Installs the Debian packages listed in deploy/debian-packages.txt that are missing.
# Idempotent: when everything is present it never calls apt. Needs root only when
# something is missing; otherwise it names the missing packages and exits non-zero.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list="$here/debian-packages.txt"

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$list" | grep -v '^$')

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#wanted[@]} Debian packages present"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: error: ${#missing[@]} Debian package(s) missing and not running as root:" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "install-deps: run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# An old or empty package list makes apt miss packages; refresh it once per run that installs.
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"

# postgresql's maintainer script starts a system cluster; tests run their own private one.
echo "install-deps: done"
