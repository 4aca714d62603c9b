#!/bin/sh
# Makes a Chromium that can load an unpacked extension available to the extension test
# (test/browser/extension.test.ts). The Chromium the project ships, @sparticuz/chromium, is built for
# Lambda without extension support, so that test drives Debian's own `chromium` package instead.
#
# - OPTOUT_EXTENSION_CHROME (a path) or /usr/bin/chromium present: nothing to do.
# - Otherwise, as root on a machine with apt-get (a fresh Debian machine, CI): install Debian's
#   chromium, non-interactively, without recommended packages (about 100 MB to fetch; 9 s measured
#   with the package lists present).
# - Otherwise: say what to install and exit 1. The test then fails with this message; it is never skipped.
#
# Prints the browser's path on its last line. `npm test` runs it first (pretest, with --before-tests:
# there a failure only warns, so lint, typecheck and the other tests still run and the extension test
# reports it); the extension test runs it again and fails on it.
set -eu

before_tests=false
[ "${1:-}" = "--before-tests" ] && before_tests=true

fail() {
  printf '%s\n' "$1" >&2
  if $before_tests; then
    echo "ensure-chromium: continuing; test/browser/extension.test.ts will fail until this is fixed." >&2
    exit 0
  fi
  exit 1
}

wanted="${OPTOUT_EXTENSION_CHROME:-/usr/bin/chromium}"

if [ -x "$wanted" ]; then
  $before_tests || echo "$wanted"
  exit 0
fi

if [ -n "${OPTOUT_EXTENSION_CHROME:-}" ]; then
  fail "ensure-chromium: OPTOUT_EXTENSION_CHROME=$wanted is not an executable file."
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  fail "ensure-chromium: the extension test needs a Chromium that loads unpacked extensions, and
/usr/bin/chromium is missing. The Chromium this project ships (@sparticuz/chromium) cannot load
extensions. Install one, then run the tests again:
  Debian:     sudo apt-get install --no-install-recommends chromium
  elsewhere:  any Chromium or Chrome 120 or later (not a snap), then
              export OPTOUT_EXTENSION_CHROME=/path/to/chrome
(This script installs Debian's chromium by itself only when it runs as root with apt-get.)"
fi

export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (a second test run, unattended upgrades) instead of failing at once.
APT="apt-get -q -o DPkg::Lock::Timeout=600"
echo "ensure-chromium: installing Debian's chromium (needed by the extension test)..." >&2
started=$(date +%s)
if ! apt-cache show chromium >/dev/null 2>&1; then
  $APT update >&2 || true
fi
if ! $APT install -y --no-install-recommends chromium >&2; then
  # Stale package lists name files the mirror no longer has: refresh them once and retry.
  $APT update >&2 || true
  $APT install -y --no-install-recommends chromium >&2 || fail "ensure-chromium: apt-get could not install chromium (see above)."
fi
echo "ensure-chromium: installed in $(( $(date +%s) - started )) s" >&2

if [ ! -x "$wanted" ]; then
  fail "ensure-chromium: apt-get installed chromium, but $wanted is still missing."
fi
$before_tests || echo "$wanted"
