#!/usr/bin/env bash
# Builds the Debian package: target/debian/urna_<version>-1_<arch>.deb
# Installs cargo-deb first if it is missing. The package passes lintian with no
# error and no warning (.ci/run checks it; packaging/README.md says how).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked

# packaging/changelog is the package's Debian changelog: its newest entry must
# be this version, with the maintainer Cargo.toml names, or the package would
# ship a changelog that says something else than its control file.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
maintainer=$(sed -n '/^\[package.metadata.deb\]$/,/^\[/s/^maintainer = "\(.*\)"$/\1/p' Cargo.toml)
logged=$(dpkg-parsechangelog -l packaging/changelog -SVersion)
if [ "$logged" != "$version-1" ]; then
  echo "packaging/changelog: the newest entry is $logged, the package is $version-1; add an entry for $version-1" >&2
  exit 1
fi
if [ "$(dpkg-parsechangelog -l packaging/changelog -SMaintainer)" != "$maintainer" ]; then
  echo "packaging/changelog: the newest entry is not signed by the maintainer in Cargo.toml ($maintainer)" >&2
  exit 1
fi
# Every date inside the package (file times, the archive's) is the newest
# changelog entry's, as in Debian's own builds: the same tree gives the same .deb.
SOURCE_DATE_EPOCH=$(dpkg-parsechangelog -l packaging/changelog -STimestamp)
export SOURCE_DATE_EPOCH

# The C parts linked into urna (the bundled SQLite, mimalloc, ring) are built
# with Debian's hardening flags, as dh-cargo does: stack protector and
# _FORTIFY_SOURCE (lintian: hardening-no-fortify-functions otherwise). Not its
# -O2 and -g: the release profile's optimisation stays, and the binary is
# stripped anyway. The cc crate rebuilds them when these change.
CFLAGS="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CFLAGS | sed -e 's/\(^\| \)-O2\( \|$\)/ /' -e 's/\(^\| \)-g\( \|$\)/ /')"
export CFLAGS
cargo build --release --locked

# The man pages (English, and Polish and Ukrainian in pl/ and uk/) and the
# shell completions come from the CLI definition itself.
rm -rf packaging/generated
target/release/urna generate-assets --out packaging/generated
gzip -9n packaging/generated/*.1 packaging/generated/pl/*.1 packaging/generated/uk/*.1
gzip -9n -c packaging/changelog > packaging/generated/changelog.Debian.gz
cargo deb --no-build --locked --strip --output target/debian/
arch=$(dpkg --print-architecture)
deb=target/debian/urna_${version}-1_${arch}.deb

# cargo-deb writes no DEBIAN/md5sums; dpkg --verify and debsums check the
# installed files against it. Unpack, add it, pack again with the same dates.
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -R "$deb" "$tree/root"
(cd "$tree/root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' |
  LC_ALL=C sort -z | xargs -0 md5sum) > "$tree/root/DEBIAN/md5sums"
chmod 0644 "$tree/root/DEBIAN/md5sums"
touch -h -d "@$SOURCE_DATE_EPOCH" "$tree/root/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$tree/root" "$deb" >/dev/null
ls "$deb"
