#!/usr/bin/env bash
# Debian's Chromium for the browser tests (test/web): test tools cannot download browsers here, so playwright-core
# drives the distribution's build at /usr/bin/chromium.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  /usr/bin/chromium --version 2>/dev/null || true
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-core fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
