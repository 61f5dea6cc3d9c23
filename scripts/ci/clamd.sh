#!/usr/bin/env bash
# Start a ClamAV daemon for the tests and for CI, loaded with nothing but the EICAR test signature.
#
# The machines Masar is built on have no internet, so freshclam cannot fetch the real signature database. clamd
# starts with any database of its own, and a database holding only the EICAR signature is enough to prove the
# adapter end to end: the EICAR file must come back infected, a clean file clean.
#
# Idempotent: installs Debian's clamav-daemon only when missing, starts clamd only when nothing answers PING.
# Environment: CLAMD_HOST (default 127.0.0.1), CLAMD_PORT (default 3310), CLAMD_STATE_DIR (default .masar/clamd).
set -euo pipefail

HOST="${CLAMD_HOST:-127.0.0.1}"
PORT="${CLAMD_PORT:-3310}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${CLAMD_STATE_DIR:-$ROOT/.masar/clamd}"
DBDIR="$STATE/db"
CONF="$STATE/clamd.conf"
WAIT_SECONDS="${CLAMD_WAIT_SECONDS:-120}"

log() { echo "[clamd.sh] $*" >&2; }

# Answers 0 when clamd at HOST:PORT replies PONG to a PING (zPING is the NUL-terminated form of the command).
ping_clamd() {
  local reply
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$PORT && printf 'zPING\0' >&3 && head -c 4 <&3" 2>/dev/null || true)"
  [[ "$reply" == "PONG" ]]
}

if ping_clamd; then
  log "clamd already answers on $HOST:$PORT"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi

if ! command -v clamd >/dev/null 2>&1 && [[ ! -x /usr/sbin/clamd ]]; then
  log "installing clamav-daemon (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  # The package's own service is not what we run (its database cannot be downloaded here); our clamd below uses
  # its own config and database directory.
  $SUDO apt-get install -y -q --no-install-recommends clamav-daemon clamav >/dev/null
fi
CLAMD_BIN="$(command -v clamd || echo /usr/sbin/clamd)"
SIGTOOL_BIN="$(command -v sigtool || echo /usr/bin/sigtool)"

mkdir -p "$DBDIR"
EICAR='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
if [[ ! -s "$DBDIR/test.hdb" ]]; then
  # The standard 68-byte EICAR test string (not a virus; every scanner detects it by agreement).
  printf '%s' "$EICAR" > "$STATE/eicar.txt"
  (cd "$STATE" && "$SIGTOOL_BIN" --md5 eicar.txt > "$DBDIR/test.hdb")
  rm -f "$STATE/eicar.txt"
  log "signature database: $(cat "$DBDIR/test.hdb")"
fi
if [[ ! -s "$DBDIR/test.ndb" ]]; then
  # The same EICAR string as a body signature, so that it is also found inside another file (a PDF carrying it),
  # the way an upload would carry a payload; the .hdb above only matches the bare 68-byte file.
  printf 'Eicar-Test-Embedded:0:*:%s\n' "$(printf '%s' "$EICAR" | od -An -v -tx1 | tr -d ' \n')" > "$DBDIR/test.ndb"
fi

cat > "$CONF" <<CONF
# Written by scripts/ci/clamd.sh: a clamd for tests, listening on TCP only, with the EICAR test signature.
TCPSocket $PORT
TCPAddr $HOST
DatabaseDirectory $DBDIR
PidFile $STATE/clamd.pid
LogFile $STATE/clamd.log
LogTime yes
Foreground no
StreamMaxLength 100M
MaxThreads 4
CONF
# No User option: clamd runs as whoever starts it and so can read the state directory it was given.

log "starting $CLAMD_BIN on $HOST:$PORT (config $CONF)"
"$CLAMD_BIN" --config-file="$CONF" >>"$STATE/clamd.out" 2>&1 &

for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
  if ping_clamd; then
    log "clamd answers PING on $HOST:$PORT"
    exit 0
  fi
  sleep 0.5
done
log "clamd did not answer within ${WAIT_SECONDS}s; last log lines:"
tail -n 20 "$STATE/clamd.log" "$STATE/clamd.out" 2>/dev/null >&2 || true
exit 1
