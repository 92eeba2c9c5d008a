#!/usr/bin/env bash
# The browser tests need Debian's Chromium, a Java runtime (for the Nu Html Checker), xmllint,
# redis-server (for the shared cache of several instances) and pdftotext (for printed pages).
# As root on Debian, install whichever is missing; otherwise say exactly what to install.
set -euo pipefail

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# xmllint validates the sitemaps against the sitemaps.org schemas.
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
# tests/e2e/shared-cache.e2e.ts starts its own redis-server on a test port.
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# tests/e2e/print.e2e.ts reads the text of an article printed to PDF.
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser tests (Debian packages)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The browser tests need these Debian packages: ${missing[*]}." >&2
  echo "Install them (sudo apt-get install -y ${missing[*]}), or set CHROMIUM_PATH to a Chromium binary." >&2
  exit 1
fi
