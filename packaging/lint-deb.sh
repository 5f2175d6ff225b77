#!/usr/bin/env bash
# Runs lintian on the built .deb (packaging/build-deb.sh) and fails on any
# error or warning. Installs lintian first if it is missing (needs root).
# Info tags are printed too; the only one left is explained in
# packaging/README.md, the overridden ones in packaging/lintian-overrides.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/debian/urna_*.deb | head -n 1)
if ! command -v lintian >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq lintian >/dev/null
fi
lintian --version
# --fail-on: lintian >= 2.77 (Debian 12 has 2.116).
lintian --fail-on error,warning --info --display-info "$deb"
echo "lintian: no error, no warning in $deb"
