#!/usr/bin/env bash
# The README's test command: `bash test.sh [cargo test arguments…]`.
#
# On a fresh Debian machine with only Rust it first installs the real peers the
# tests run against — Debian's `minisign`, `age`, `tar`, `chromium`, and `fish` and
# `zsh` for the shell completions, Python with `venv`
# and `pip` — makes the pabutools venv (target/pabutools-venv), and then runs
# `cargo test` with whatever arguments it was given. Where everything is already
# there it installs nothing and goes straight to `cargo test`.
#
# It installs with apt-get, as root or through sudo; without either it stops and
# prints the one command to run.
set -euo pipefail
cd "$(dirname "$0")"

say() { echo "test.sh: $*" >&2; }

# Debian packages, by what the tests run.
missing=()
command -v minisign >/dev/null 2>&1 || missing+=(minisign)
command -v age >/dev/null 2>&1 || missing+=(age)
command -v tar >/dev/null 2>&1 || missing+=(tar)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v fish >/dev/null 2>&1 || missing+=(fish)
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
if ! command -v python3 >/dev/null 2>&1 \
  || ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1 \
  || ! python3 -m pip --version >/dev/null 2>&1; then
  missing+=(python3 python3-venv python3-pip)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    say "the tests need these Debian packages: ${missing[*]}"
    say "install them as root:  apt-get install -y ${missing[*]}"
    exit 1
  fi
  say "installing the tests' peers (Debian packages): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
  for tool in minisign age tar fish zsh python3; do
    command -v "$tool" >/dev/null 2>&1 || { say "$tool is still missing after apt-get"; exit 1; }
  done
  say "installed: $(dpkg-query -W -f='${Package} ${Version}, ' "${missing[@]}" 2>/dev/null)"
else
  say "the tests' peers are here: $(command -v minisign age tar python3 | tr '\n' ' ')"
fi

# pabutools (the Pabulib project's own Python tools) recounts urna's output;
# its venv is made once and kept in target/.
python3 tests/pabutools_check.py --ensure-venv

exec cargo test "$@"
