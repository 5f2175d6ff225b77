#!/usr/bin/env bash
# Builds the Debian package: target/debian/urna_<version>-1_<arch>.deb
# Installs cargo-deb first if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
cargo build --release --locked
# The man pages and shell completions come from the CLI definition itself.
rm -rf packaging/generated
target/release/urna generate-assets --out packaging/generated
gzip -9n packaging/generated/*.1
cargo deb --no-build --locked --strip --output target/debian/
ls target/debian/*.deb
