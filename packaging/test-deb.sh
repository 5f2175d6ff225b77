#!/usr/bin/env bash
# Installs the built .deb on this machine, runs urna from the installed files,
# removes it and checks that nothing it installed is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/debian/urna_*.deb | head -n 1)
if dpkg -s urna >/dev/null 2>&1; then
  echo "urna is already installed on this machine; refusing to touch it" >&2
  exit 1
fi
dpkg -i "$deb"
installed=$(dpkg -L urna)
trap 'dpkg -r urna >/dev/null 2>&1 || true' EXIT

echo "== /usr/bin/urna --version"
/usr/bin/urna --version | tee /dev/stderr | grep -q "^urna [0-9.]* (commit "
echo "== man urna"
MANPAGER=cat man urna | grep -q "Offline kiosk and central tally"
MANPAGER=cat man urna-export | grep -q -- "--out"
echo "== urna demo --help"
/usr/bin/urna demo --help | grep -q "training kiosk"
echo "== the installed editions are found"
/usr/bin/urna --lang en paths | grep -q "^editions: *\/usr\/share\/urna\/editions$"
/usr/bin/urna edition check /usr/share/urna/editions/krakow-2014.toml
echo "== completions and desktop entry"
test -s /usr/share/bash-completion/completions/urna
test -s /usr/share/zsh/vendor-completions/_urna
test -s /usr/share/fish/vendor_completions.d/urna.fish
grep -q "^Exec=urna$" /usr/share/applications/urna.desktop
grep -q "^Terminal=true$" /usr/share/applications/urna.desktop
test -s /usr/share/doc/urna/README.md
test -s /usr/share/doc/urna/copyright

echo "== dpkg -r urna"
trap - EXIT
dpkg -r urna
left=0
while IFS= read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then
    echo "left behind: $path" >&2
    left=1
  fi
done <<< "$installed"
for d in /usr/share/urna /usr/share/doc/urna; do
  if [ -e "$d" ]; then echo "left behind: $d" >&2; left=1; fi
done
if dpkg -s urna >/dev/null 2>&1; then echo "dpkg still lists urna" >&2; left=1; fi
[ "$left" = 0 ]
echo "installed, used and removed cleanly"
