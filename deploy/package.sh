#!/usr/bin/env bash
# Debian packages from a release build (no automation hook, no tests; build-release/):
#   ./deploy/package.sh            renshe-backoffice, renshe-kiosk, renshe-counter, renshe-tools .deb in build-release/
#   ./deploy/package.sh --install  ... then installs them on this machine (apt resolves cage,
#                                  pcscd, the Qt modules), runs `systemd-analyze verify` on every
#                                  unit, starts the back office from its installed unit's command
#                                  and configuration (directly as its user when no systemd runs;
#                                  a throwaway demo CA and keystore stand in for the real ones)
#                                  and asks its health over mutual TLS with renshe-admin.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
install=0
[[ ${1:-} == --install ]] && install=1

"$root/deploy/install-deps.sh"
[[ -f build-release/build.ninja ]] || cmake --preset release
cmake --build --preset release
(cd build-release && cpack -G DEB >/dev/null)
debs=(build-release/renshe-backoffice_*.deb build-release/renshe-kiosk_*.deb build-release/renshe-counter_*.deb
      build-release/renshe-tools_*.deb)
for d in "${debs[@]}"; do
  echo "package: $d"
  dpkg-deb --field "$d" Package Version Depends | sed 's/^/  /'
  # No simulator, no virtual reader, no automation hook in a production package.
  if dpkg-deb --contents "$d" | grep -Eq 'renshe-cardsim|renshe-fpsim|vpcd'; then
    echo "package.sh: $d carries a simulator" >&2; exit 1
  fi
done
for program in renshe-kiosk renshe-counter; do
  if strings "build-release/kiosk/$program" | grep -q 'automation-socket'; then
    echo "package.sh: the release $program has the automation hook" >&2; exit 1
  fi
done
[[ $install -eq 1 ]] || exit 0

DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${debs[@]/#/./}" >/dev/null
echo "installed: $(dpkg-query -W -f='${Package} ${Version} ${Status}\n' renshe-backoffice renshe-kiosk renshe-counter renshe-tools | tr '\n' ';')"
units=(/lib/systemd/system/renshe-backoffice.service /lib/systemd/system/renshe-kiosk.service
       /lib/systemd/system/renshe-display.service)
systemd-analyze verify "${units[@]}"
echo "systemd-analyze verify: ${#units[@]} units accepted"

# The back office as its unit starts it: ExecStart's command, its configuration file, its user;
# the certificates, keystore and database a test's own, in a scratch directory.
scratch=$(mktemp -d /tmp/renshe-package-check.XXXXXX)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
renshe-admin pki demo --out "$scratch/pki" --staff S-0001 --region 371302 >/dev/null
renshe-backoffice keystore new "$scratch/keystore" >/dev/null
chown -R renshe-backoffice:renshe-backoffice "$scratch"
exec_start=$(systemctl show -P ExecStart renshe-backoffice 2>/dev/null | sed -n 's/.*argv\[\]=\([^;]*\);.*/\1/p' || true)
[[ -n $exec_start ]] || exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/renshe-backoffice.service)
echo "unit command: $exec_start"
runuser -u renshe-backoffice -- $exec_start --tls-cert "$scratch/pki/server.crt" --tls-key "$scratch/pki/server.key" \
  --client-ca "$scratch/pki/ca.crt" --keystore "$scratch/keystore" --database "sqlite:$scratch/renshe.db" \
  --listen 127.0.0.1:0 --port-file "$scratch/port" --staff-listen 127.0.0.1:0 --metrics-listen 127.0.0.1:0 >"$scratch/backoffice.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [[ -s $scratch/port ]] && break; sleep 0.1; done
[[ -s $scratch/port ]] || { cat "$scratch/backoffice.log" >&2; exit 1; }
renshe-admin health --server "localhost:$(cat "$scratch/port")" --ca "$scratch/pki/ca.crt" \
  --cert "$scratch/pki/staff-S-0001.crt" --key "$scratch/pki/staff-S-0001.key"
