#!/usr/bin/env bash
# Try urna on the bundled sample cards: a throw-away polling point, ten paper
# cards typed elsewhere (valid, invalid and one unreadable row), then the counts
# and the store's self-check. Nothing outside a temporary directory is touched.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
urna=target/release/urna
data=$(mktemp -d)/urna
echo "== urna init (training data dir: $data)"
echo 1234 | "$urna" --data-dir "$data" init --edition assets/editions/krakow-2014.toml \
  --point P-XI-03 --point-name "Punkt przykładowy" --coordinator "Anna" --pin-stdin
echo "== urna import-cards assets/samples/cards-2014.csv"
"$urna" --data-dir "$data" import-cards assets/samples/cards-2014.csv || true
echo "== urna status"
"$urna" --data-dir "$data" status
echo "== urna check"
"$urna" --data-dir "$data" check
