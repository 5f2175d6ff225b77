#!/usr/bin/env bash
# Installs the built .deb on this machine, runs urna from the installed files,
# removes it and checks that nothing it installed is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/debian/urna_*.deb | head -n 1)
# `man` reads the installed man pages below.
if ! command -v man >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq man-db
fi
if dpkg -s urna >/dev/null 2>&1; then
  echo "urna is already installed on this machine; refusing to touch it" >&2
  exit 1
fi
dpkg -i "$deb"
installed=$(dpkg -L urna)
trap 'dpkg -r urna >/dev/null 2>&1 || true' EXIT

# Outputs are captured before grep reads them: `cmd | grep -q` can fail under
# pipefail when grep stops reading early.
expect() { # expect WHAT PATTERN TEXT
  if ! grep -q -- "$2" <<< "$3"; then
    echo "$1: expected to find '$2' in:" >&2
    echo "$3" >&2
    exit 1
  fi
}
echo "== /usr/bin/urna --version"
out=$(/usr/bin/urna --version); echo "$out"
expect "urna --version" "^urna [0-9.]* (commit " "$out"
echo "== man urna"
page=$(MANPAGER=cat MANWIDTH=80 man urna 2>&1)
expect "man urna" "Offline kiosk and central tally" "$page"
page=$(MANPAGER=cat MANWIDTH=80 man urna-export 2>&1)
expect "man urna-export" "--out" "$page"
echo "== the Polish and Ukrainian man pages"
for lang in pl uk; do
  for page in urna urna-export urna-tally-import; do
    test -s "/usr/share/man/$lang/man1/$page.1.gz"
  done
done
page=$(zcat /usr/share/man/pl/man1/urna-tally-import.1.gz)
expect "pl/urna-tally-import.1" "Jeden wiersz na każdy znaleziony plik" "$page"
page=$(zcat /usr/share/man/uk/man1/urna-tally-import.1.gz)
expect "uk/urna-tally-import.1" "Один рядок на кожен знайдений файл" "$page"
# man reads them (by file: man picks pages by language only where the
# language's locale is installed); the ASCII part of the sentence, whatever
# the machine's locale makes of the rest.
page=$(MANPAGER=cat MANWIDTH=200 man -l /usr/share/man/pl/man1/urna.1.gz 2>&1)
expect "man -l pl/urna.1.gz" "Kiosk offline i centralne liczenie" "$page"
echo "== urna demo --help (Polish by default, English with --lang en)"
out=$(/usr/bin/urna demo --help)
expect "urna demo --help" "Kiosk szkoleniowy" "$out"
out=$(/usr/bin/urna --lang en demo --help)
expect "urna --lang en demo --help" "training kiosk" "$out"
echo "== the installed editions are found"
out=$(/usr/bin/urna --lang en paths)
expect "urna paths" "^editions: *\/usr\/share\/urna\/editions$" "$out"
/usr/bin/urna edition check /usr/share/urna/editions/krakow-2014.toml
echo "== completions and desktop entry"
test -s /usr/share/bash-completion/completions/urna
test -s /usr/share/zsh/vendor-completions/_urna
test -s /usr/share/fish/vendor_completions.d/urna.fish
grep -q "^Exec=urna$" /usr/share/applications/urna.desktop
grep -q "^Terminal=true$" /usr/share/applications/urna.desktop
grep -q "^Icon=urna$" /usr/share/applications/urna.desktop
test -s /usr/share/icons/hicolor/scalable/apps/urna.svg
test -s /usr/share/doc/urna/README.md
echo "== Debian changelog and copyright"
out=$(zcat /usr/share/doc/urna/changelog.Debian.gz | head -n 1)
version=$(dpkg-query -W -f='${Version}' urna)
expect "changelog.Debian.gz" "^urna ($version) " "$out"
out=$(cat /usr/share/doc/urna/copyright)
expect "copyright" "^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/$" "$out"
expect "copyright" "^Files: \*$" "$out"
echo "== dpkg --verify urna (the installed files against the package's md5sums)"
# dpkg --verify exits 0 even when a file differs: it is its output that says so.
test -s /var/lib/dpkg/info/urna.md5sums
out=$(dpkg --verify urna)
if [ -n "$out" ]; then
  echo "dpkg --verify urna: installed files differ from the package:" >&2
  echo "$out" >&2
  exit 1
fi
echo "== the sync server's unit: shipped, sound, not enabled"
test -s /usr/share/doc/urna/sync.md
grep -q "^u urna-tally " /usr/lib/sysusers.d/urna-tally.conf
grep -q "^ExecStart=/usr/bin/urna .*tally serve --listen 127.0.0.1:" /usr/lib/systemd/system/urna-tally.service
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify /usr/lib/systemd/system/urna-tally.service
fi
if ls /etc/systemd/system/*.wants/urna-tally.service >/dev/null 2>&1; then
  echo "urna-tally.service is enabled; it must not be by default" >&2
  exit 1
fi

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
