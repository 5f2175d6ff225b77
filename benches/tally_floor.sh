#!/usr/bin/env bash
# The unavoidable work of a tally on the same files (DESIGN §8: import ≤ 1.5×
# and results ≤ 2× it): what any program must do with these bundles, done by
# the plainest standard tools, so that urna's CPU can be given as a ratio.
#
#   benches/tally_floor.sh USB_DIR OFFICE_IDENTITY   (tally_scale.sh runs it)
#
# 1. hash:    SHA-256 of every bundle file (sha256sum);
# 2. decrypt: every bundle's payload out of its tar (tar -xO) and through
#             `age -d` with the office identity;
# 3. insert:  every journal line as a row (point, seq, body) into SQLite
#             (sqlite3, WAL, synchronous=FULL as urna's store), one
#             transaction per bundle;
# 4. scan:    one pass over every stored row (sqlite3, the length of every
#             body).
#
# Prints one line: "HASH_S HASH_CPU DECRYPT_S DECRYPT_CPU INSERT_S INSERT_CPU
# SCAN_S SCAN_CPU ROWS" — wall and CPU (user + system) seconds of each step.
set -euo pipefail

usb=$1
identity=$2
for tool in sha256sum tar age sqlite3; do
    command -v "$tool" >/dev/null || { echo "tally_floor.sh: needs $tool" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/urna-tally-floor.XXXXXX")
trap 'rm -rf "$work"' EXIT

find "$usb" -type f -name '*.urna' | sort >"$work/bundles.txt"
[ -s "$work/bundles.txt" ] || { echo "tally_floor.sh: no bundles in $usb" >&2; exit 2; }

# step NAME COMMAND… — runs it; appends "WALL CPU" to $work/times.
step() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/$name.time" "$@"
    awk '{ printf "%s %.2f ", $1, $2 + $3 }' "$work/$name.time" >>"$work/times"
}
: >"$work/times"

step hash bash -c 'xargs -d "\n" sha256sum <"$1" >/dev/null' _ "$work/bundles.txt"

mkdir "$work/plain"
step decrypt bash -c '
    i=0
    while IFS= read -r b; do
        i=$((i + 1))
        tar -xOf "$b" journal.jsonl.age | age -d -i "$2" >"$3/$i.jsonl"
    done <"$1"' _ "$work/bundles.txt" "$identity" "$work/plain"

# The SQL: per bundle, its lines into a scratch table, then as rows with
# their point and sequence number, in one transaction.
{
    echo "PRAGMA journal_mode=WAL;"
    echo "PRAGMA synchronous=FULL;"
    echo "CREATE TABLE entries (id INTEGER PRIMARY KEY, point TEXT NOT NULL, seq INTEGER NOT NULL,"
    echo "    body BLOB NOT NULL, UNIQUE (point, seq));"
    echo "CREATE TEMP TABLE lines (body TEXT);"
    echo ".mode ascii"
    echo ".separator \"\\037\" \"\\n\""
    i=0
    while IFS= read -r b; do
        i=$((i + 1))
        echo "BEGIN;"
        echo ".import $work/plain/$i.jsonl lines"
        echo "INSERT INTO entries (point, seq, body) SELECT 'bundle-$i', rowid, body FROM lines;"
        echo "DELETE FROM lines;"
        echo "COMMIT;"
    done <"$work/bundles.txt"
} >"$work/insert.sql"
step insert sqlite3 -bail "$work/floor.sqlite" ".read $work/insert.sql" >/dev/null
rm -rf "$work/plain"

step scan bash -c 'sqlite3 "$1" "SELECT count(*), sum(length(body)) FROM entries;" >"$2"' \
    _ "$work/floor.sqlite" "$work/scan.out"
rows=$(cut -d"|" -f1 "$work/scan.out")
echo "$(cat "$work/times")$rows"
