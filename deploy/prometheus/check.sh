#!/usr/bin/env bash
# Checks deploy/prometheus with promtool (Debian package prometheus):
#   - prometheus.yml as shipped (with its rule files and targets/backoffice.yml, which promtool
#     resolves relative to the config file's directory),
#   - prometheus.yml with the remote-scrape (TLS) variant switched on, syntax only: the client
#     certificate and key it names exist only on the operators' Prometheus host,
#   - both rule files,
#   - the unit tests of the recording rules and alerts in tests/.
# Runs every check, prints a tally and exits 1 if any failed (2 if promtool is missing).
# Registered in ctest as unit.Prometheus.RulesCheckAndUnitTests.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if ! command -v promtool >/dev/null 2>&1; then
  echo "check.sh: promtool not found; install the Debian package prometheus" \
       "(deploy/install-deps.sh)" >&2
  exit 2
fi
promtool --version 2>&1 | head -n 1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

passed=0
failed=0
step() {
  local name=$1
  shift
  echo "== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAIL: $name" >&2
    failed=$((failed + 1))
  fi
}

# prometheus.yml with the lines between the BEGIN/END remote-scrape markers uncommented (one
# "# " removed after the indentation), next to copies of rules/ and targets/.
tls_variant() {
  cp -r "$here/rules" "$here/targets" "$work/"
  awk '
    /# END remote-scrape variant/ { inside = 0 }
    inside { sub(/^ *# /, substr($0, 1, match($0, /[^ ]/) - 1)) }
    /# BEGIN remote-scrape variant/ { inside = 1 }
    { print }
  ' "$here/prometheus.yml" > "$work/prometheus.yml"
  if ! grep -q '^    scheme: https$' "$work/prometheus.yml" ||
     ! grep -q '^      cert_file: ' "$work/prometheus.yml"; then
    echo "the remote-scrape variant's markers or lines are not where check.sh expects them" >&2
    return 1
  fi
  promtool check config --syntax-only --lint-fatal "$work/prometheus.yml"
}

step "check config prometheus.yml" \
  promtool check config --lint-fatal "$here/prometheus.yml"
step "check config prometheus.yml, remote-scrape variant (syntax only)" tls_variant
step "check rules" \
  promtool check rules --lint-fatal "$here/rules/renshe-recording.yml" \
    "$here/rules/renshe-alerts.yml"
step "test rules: recording rules" \
  promtool test rules "$here/tests/renshe-recording.test.yml"
step "test rules: alerts" \
  promtool test rules "$here/tests/renshe-alerts.test.yml"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
