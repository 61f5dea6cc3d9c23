#!/usr/bin/env bash
# Make sure the PDF tools the letters tests use are installed: poppler's pdftoppm renders a letter's page to PNG so
# that the test can decode the QR code a phone would scan (the code is drawn as vectors, so there is no embedded
# image to pull out). Idempotent: installs Debian's poppler-utils only when pdftoppm is missing.
set -euo pipefail

log() { echo "[pdf-tools.sh] $*" >&2; }

if command -v pdftoppm >/dev/null 2>&1; then
  log "pdftoppm present: $(pdftoppm -v 2>&1 | head -n 1)"
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then SUDO="sudo"; fi

log "installing poppler-utils (Debian package)"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get install -y -q --no-install-recommends poppler-utils >/dev/null; then
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends poppler-utils >/dev/null
fi

command -v pdftoppm >/dev/null 2>&1 || { log "pdftoppm still missing after installing poppler-utils"; exit 1; }
log "pdftoppm installed: $(pdftoppm -v 2>&1 | head -n 1)"
