#!/usr/bin/env bash
# Installs what is missing, builds, and starts what exists: a throwaway demo CA, the back
# office on 127.0.0.1 over mutual TLS, and the touchscreen kiosk. With a display the kiosk
# opens on it; without one a scripted citizen journey plays headless and writes screenshots
# to demo-out/screenshots/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

"$root/deploy/install-deps.sh"
# The optimized build (build-opt/); the tests' build/ is the sanitized one.
[[ -f build-opt/build.ninja ]] || cmake --preset optimized
cmake --build --preset optimized

out=$root/demo-out
mkdir -p "$out"
bin=$root/build-opt
"$bin"/services/admin/renshe-admin pki demo --out "$out/pki"

# The demo keystore carries the well-known master key the sample cards were personalised with;
# made afresh with the fresh registry below, so it always has every key this build needs.
rm -f "$out/keystore"
"$bin"/services/backoffice/renshe-backoffice keystore new "$out/keystore" --demo

# A fresh registry each run, so the scripted journey finds the sample card as issued.
rm -f "$out/backoffice.port" "$out/staff.port" "$out"/backoffice.db*
"$bin"/services/backoffice/renshe-backoffice --listen 127.0.0.1:0 \
  --tls-cert "$out/pki/server.crt" --tls-key "$out/pki/server.key" \
  --client-ca "$out/pki/ca.crt" --port-file "$out/backoffice.port" \
  --staff-listen 127.0.0.1:0 --staff-port-file "$out/staff.port" \
  --keystore "$out/keystore" --database "sqlite:$out/backoffice.db" \
  --metrics-listen 127.0.0.1:0 --metrics-port-file "$out/metrics.port" \
  --verify-listen 127.0.0.1:0 --verify-cert "$out/pki/server.crt" --verify-key "$out/pki/server.key" \
  --verify-port-file "$out/verify.port" \
  >"$out/backoffice.log" 2>&1 &
backoffice_pid=$!
trap 'kill $backoffice_pid 2>/dev/null; wait $backoffice_pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  [[ -s $out/backoffice.port ]] && break
  kill -0 $backoffice_pid 2>/dev/null || { cat "$out/backoffice.log"; exit 1; }
  sleep 0.1
done
port=$(cat "$out/backoffice.port")
echo "demo: back office on 127.0.0.1:$port (mutual TLS, SQLite $out/backoffice.db), log $out/backoffice.log"
staff_port=$(cat "$out/staff.port")
echo "demo: staff port (renshe-admin, imports) on 127.0.0.1:$staff_port"
echo "demo: metrics on http://127.0.0.1:$(cat "$out/metrics.port")/metrics"
echo "demo: statements verified at https://127.0.0.1:$(cat "$out/verify.port")/verify (the demo CA's certificate)"

admin=("$bin"/services/admin/renshe-admin --server "127.0.0.1:$staff_port" --ca "$out/pki/ca.crt"
  --cert "$out/pki/staff-S-0001.crt" --key "$out/pki/staff-S-0001.key")
# A terminal is refused unless its certificate's key is enrolled: register the demo's two.
"${admin[@]}" terminal register "$out/pki/touch-T-371302-001.crt" "$out/pki/display-T-371302-001-D.crt"
"${admin[@]}" import --persons deploy/demo-data/persons.csv --cards deploy/demo-data/cards.csv
"${admin[@]}" jobs import deploy/demo-data/jobs.csv
# The guide catalogue is the province's: written with the province staff certificate.
"${admin[@]:0:5}" --cert "$out/pki/staff-P-0001.crt" --key "$out/pki/staff-P-0001.key" \
  guides import deploy/demo-data/guides.json
"${admin[@]}" content import deploy/demo-data/content.json
# 我的社保: 张三丰's contributions (1978 until he retired in 2007) and his pension for the last
# 24 months (made here, so that it is always recent).
payments="$out/records-payments.csv"
echo "ssn,month,kind,amount,bank_account,paid_on" > "$payments"
for i in $(seq 24 -1 1); do
  m=$(date -d "$(date +%Y-%m-15) -$i month" +%Y-%m)
  echo "370102194704090017,$m,employee_pension,3120.40,6217001234567890123,$m-15" >> "$payments"
done
# Records are the province's to load: the province staff certificate.
"${admin[@]:0:5}" --cert "$out/pki/staff-P-0001.crt" --key "$out/pki/staff-P-0001.key" \
  records import --contributions deploy/demo-data/contributions.csv --payments "$payments"
"${admin[@]}" audit verify

# The counter's staff key under a passphrase (renshe-counter asks for it at sign-in).
counter_passphrase=renshe-demo-2026
RENSHE_KEY_PASSPHRASE=$counter_passphrase "$bin"/services/admin/renshe-admin pki protect-key \
  --key "$out/pki/staff-S-0001.key" --out "$out/pki/staff-S-0001.counter.key" >/dev/null
counter_args=(--backoffice "127.0.0.1:$staff_port" --ca "$out/pki/ca.crt"
  --cert "$out/pki/staff-S-0001.crt" --key "$out/pki/staff-S-0001.counter.key")

kiosk_args=(--backoffice "127.0.0.1:$port" --ca "$out/pki/ca.crt"
  --cert "$out/pki/touch-T-371302-001.crt" --key "$out/pki/touch-T-371302-001.key"
  --service-point "费县探沂镇人社所" --state-dir "$out/kiosk-state" --receipt-dir "$out/receipts")

if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
  echo "demo: the hall's information display in a window of its own"
  "$bin/kiosk/renshe-kiosk" --role display --backoffice "127.0.0.1:$port" --ca "$out/pki/ca.crt" \
    --cert "$out/pki/display-T-371302-001-D.crt" --key "$out/pki/display-T-371302-001-D.key" \
    --service-point "费县探沂镇人社所" --state-dir "$out/display-state" --geometry 1280x720 &
  display_pid=$!
  # The resident ID card reader, simulated on a pseudo-terminal (empty until told otherwise).
  "$bin/drivers/idcardsim/renshe-idcardsim" --link "$out/idcard-reader" \
    --control "$out/idcard-reader.ctl" >"$out/idcardsim.log" 2>&1 &
  idcard_pid=$!
  # The clerk's workstation beside the kiosk.
  rm -f "$out/counter-state/sign-in"
  "$bin/kiosk/renshe-counter" "${counter_args[@]}" --state-dir "$out/counter-state" &
  counter_pid=$!
  echo "demo: renshe-counter (the clerk's workstation) in its own window; passphrase: $counter_passphrase"
  trap 'kill $backoffice_pid $display_pid $idcard_pid $counter_pid 2>/dev/null; wait $backoffice_pid 2>/dev/null || true' EXIT
  echo "demo: ID card reader at $out/idcard-reader; put a card on it with"
  echo "        $bin/drivers/idcardsim/renshe-idcardsim --tell $out/idcard-reader.ctl place drivers/idcardsim/cards/zhang-sanfeng.idcard"
  echo "      and take it away with ... --tell $out/idcard-reader.ctl lift"
  echo "demo: kiosk on the screen (close the window to stop)"
  "$bin/kiosk/renshe-kiosk" "${kiosk_args[@]}" --idcard-device "$out/idcard-reader"
else
  echo "demo: no display; playing the scripted journey headless"
  rm -rf "$out/screenshots"
  "$bin/tests/e2e/renshe-demo-journey" --out "$out/screenshots" \
    --card-file drivers/sim/cards/zhang-sanfeng.card \
    --idcard-file drivers/idcardsim/cards/zhang-sanfeng.idcard \
    --staff-cert "$out/pki/staff-S-0001.crt" --staff-key "$out/pki/staff-S-0001.key" \
    --counter-key "$out/pki/staff-S-0001.counter.key" --counter-passphrase "$counter_passphrase" \
    --counter-backoffice "127.0.0.1:$staff_port" \
    -- "${kiosk_args[@]}"
fi
