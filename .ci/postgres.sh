#!/usr/bin/env bash
# Starts the local PostgreSQL (Debian's packages) when nothing answers on 127.0.0.1:5432;
# installs it first on a machine that has none. Trust auth on loopback, as on CI.
set -euo pipefail
ready() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ready; then exit 0; fi
if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
version="$(ls /etc/postgresql | sort -V | tail -1)"
hba="/etc/postgresql/$version/main/pg_hba.conf"
if ! grep -q "^host all all 127.0.0.1/32 trust" "$hba"; then
  sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
fi
pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "PostgreSQL did not start on 127.0.0.1:5432" >&2
exit 1
