//! Someone has the polling point's disk, but no PIN (issue 11). Every edit
//! here is made on a real store file that the real binary made (`urna init`,
//! `operator add`, `import-cards`, `export`), with SQLite itself or by
//! flipping bytes, and then the real binary looks at it:
//!
//! - each edit is reported by `urna check` (exit 1, the table and row named),
//!   and the first write refuses it: `urna import-cards` (the same
//!   `Store::ensure_sound` that the kiosk's first save goes through; the
//!   kiosk itself is the pty test at the end) exits 1 before asking for a
//!   PIN, and not one row of the store changes;
//! - or, for random byte flips only, the flip provably changes nothing that
//!   is read: every row of every table (and the schema) reads back exactly
//!   as before (free space, unused bytes of a page);
//! - a journal rewritten with its hashes recomputed is also refused by the
//!   office: its bundle (the only way out of a damaged store is an export
//!   for investigation, with a coordinator's PIN) is refused by
//!   `urna tally import`, and refused again with `--investigation`, because
//!   the seal over the journal's head cannot be made without a PIN.
//!
//! Then the keys: the signing key file holds nothing usable without a PIN
//! (Debian's `minisign -S -s kiosk.key` and urna itself try), and two exports
//! at the same time leave nothing that was not journaled.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use rusqlite::Connection;
use urna::store::journal::{Entry, Event, GENESIS, chain_hash, parse_entry};

mod concurrent_exports;
mod damaged_kiosk;
mod edits;
mod flips_and_rollback;
mod keys;

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";

fn urna(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").arg("--data-dir").arg(data);
    c
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn all(o: &Output) -> String {
    format!("{}{}", text(&o.stdout), text(&o.stderr))
}

fn pesel(n: u32) -> String {
    use urna::pesel::{Sex, synthesize};
    let day = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).expect("day")
        + chrono::Duration::days(n as i64 * 37);
    synthesize(
        day,
        (n % 9000) as u16,
        if n.is_multiple_of(2) {
            Sex::Female
        } else {
            Sex::Male
        },
    )
    .expect("pesel")
}

fn rows(ids: std::ops::Range<u32>) -> String {
    let mut s = format!("{HEADER}\n");
    for i in ids {
        s.push_str(&format!(
            "r{i},{},Ewa,Nowak{i},ul. Długa {i},2014-09-27,I,1|2|3|4|5,1|2|3|4|5,1\n",
            pesel(i)
        ));
    }
    s
}

/// A kiosk store made by the real binary, and the office it exports to.
struct World {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    /// The pristine store (never edited; cases work on copies).
    base: PathBuf,
    tally: PathBuf,
    /// A card file for the write attempts.
    more: PathBuf,
}

fn ok(o: Output, what: &str) -> Output {
    assert!(o.status.success(), "{what}: {}", all(&o));
    o
}

fn office_recipient(tally: &Path) -> String {
    let text = std::fs::read_to_string(tally.join("office-identity.txt")).expect("identity");
    let line = text
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("key");
    let id: age::x25519::Identity = line.parse().expect("identity");
    id.to_public().to_string()
}

fn kiosk(root: &Path, name: &str, recipient: &str) -> PathBuf {
    let data = root.join(name);
    ok(
        urna(&data)
            .args(["init", "--edition", EDITION, "--point", "P01"])
            .args([
                "--point-name",
                "Szkoła",
                "--coordinator",
                "Anna",
                "--pin-stdin",
            ])
            .args(["--central", recipient])
            .write_stdin("1234\n")
            .output()
            .expect("init"),
        "init",
    );
    ok(
        urna(&data)
            .args(["operator", "add", "Bartek", "--role", "volunteer"])
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n5678\n")
            .output()
            .expect("operator add"),
        "operator add",
    );
    let csv = root.join(format!("{name}.csv"));
    std::fs::write(&csv, rows(0..4)).expect("csv");
    ok(
        urna(&data)
            .arg("import-cards")
            .arg(&csv)
            .args(["--as", "Bartek", "--pin-stdin"])
            .write_stdin("5678\n")
            .output()
            .expect("import"),
        "import-cards",
    );
    let stick = root.join(format!("{name}-stick"));
    std::fs::create_dir_all(&stick).expect("stick");
    ok(
        urna(&data)
            .args(["export", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .output()
            .expect("export"),
        "export",
    );
    data
}

fn world() -> World {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().to_path_buf();
    let tally = root.join("tally");
    ok(
        urna(&tally)
            .args(["tally", "init", "--edition", EDITION])
            .output()
            .expect("tally init"),
        "tally init",
    );
    let recipient = office_recipient(&tally);
    let base = kiosk(&root, "base", &recipient);
    let key = root.join("P01.pub");
    std::fs::write(
        &key,
        ok(urna(&base).arg("key").output().expect("key"), "key").stdout,
    )
    .expect("key file");
    ok(
        urna(&tally)
            .args(["tally", "trust"])
            .arg(&key)
            .args(["--point", "P01"])
            .output()
            .expect("trust"),
        "trust",
    );
    let more = root.join("more.csv");
    std::fs::write(&more, rows(10..11)).expect("csv");
    World {
        _tmp: tmp,
        root,
        base,
        tally,
        more,
    }
}

impl World {
    /// A copy of the pristine store's files.
    fn copy(&self, name: &str) -> PathBuf {
        copy_store(&self.base, &self.root.join(name))
    }
}

fn copy_store(from: &Path, to: &Path) -> PathBuf {
    std::fs::create_dir_all(to).expect("copy dir");
    for f in ["urna.sqlite", "kiosk.key", "kiosk.pub", "pin-secret.key"] {
        std::fs::copy(from.join(f), to.join(f)).expect(f);
    }
    to.to_path_buf()
}

fn db(data: &Path) -> Connection {
    Connection::open(data.join("urna.sqlite")).expect("open the store file")
}

/// Every row of every table and the schema, as text: what anyone reading
/// the store reads.
fn dump(data: &Path) -> Result<String, String> {
    let c = Connection::open(data.join("urna.sqlite")).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    out.push_str(&format!("user_version {version}\n"));
    for table in [
        "sqlite_master",
        "meta",
        "journal",
        "operators",
        "operator_lock",
        "card_versions",
        "seal",
    ] {
        // An entry's own signature is read only while the entry waits for
        // the seal (store::append: `seal`, `verify_unsealed`; check::seal):
        // under the seal nothing reads it, the seal covers the entry.
        let sql = match table {
            "journal" => "SELECT seq, kind, body, prev_hash, hash, \
                 CASE WHEN seq > (SELECT entries FROM seal) THEN sig END FROM journal"
                .to_string(),
            _ => format!("SELECT * FROM {table}"),
        };
        let mut stmt = c.prepare(&sql).map_err(|e| e.to_string())?;
        let n = stmt.column_count();
        let mut lines: Vec<String> = stmt
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..n {
                    line.push_str(&format!("{:?}|", r.get::<_, rusqlite::types::Value>(i)?));
                }
                Ok(line)
            })
            .map_err(|e| e.to_string())?
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        lines.sort();
        out.push_str(&format!("{table}\n{}\n", lines.join("\n")));
    }
    Ok(out)
}

/// `urna check` reports the store damaged; its English words.
fn reported(data: &Path) -> String {
    let o = urna(data)
        .args(["--lang", "en", "check"])
        .output()
        .expect("check");
    assert_eq!(o.status.code(), Some(1), "check must report: {}", all(&o));
    all(&o)
}

/// `urna status` still shows the counts (what the office asks for), then
/// says they come from a damaged store, with the problem `check` names, and
/// exits 1; `--json` says `"damaged": true`. A sound store's status says
/// nothing of the kind (the world's base store, before the journal edits).
fn status_warns(data: &Path, problem: &str) {
    let o = urna(data)
        .args(["--lang", "pl", "status"])
        .output()
        .expect("status");
    assert_eq!(o.status.code(), Some(1), "status: {}", all(&o));
    let (out, err) = (text(&o.stdout), text(&o.stderr));
    assert!(out.contains("Punkt: P0"), "the counts: {out}");
    assert!(
        err.contains("Powyższe liczby odczytano z uszkodzonego magazynu")
            && err.contains("MAGAZYN USZKODZONY"),
        "{err}"
    );
    let en = urna(data)
        .args(["--lang", "en", "status", "--json"])
        .output()
        .expect("status --json");
    assert_eq!(en.status.code(), Some(1), "status --json: {}", all(&en));
    let json: serde_json::Value = serde_json::from_slice(&en.stdout).expect("JSON");
    assert_eq!(json["damaged"], true, "{json}");
    assert!(text(&en.stderr).contains(problem), "{}", all(&en));
}

/// The first write refuses the store, and not one row changes.
fn refuses_a_write(w: &World, data: &Path) {
    let before = dump(data);
    let o = urna(data)
        .args(["--lang", "en", "import-cards"])
        .arg(&w.more)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("import");
    assert_ne!(
        o.status.code(),
        Some(0),
        "a write went through: {}",
        all(&o)
    );
    assert!(
        !text(&o.stdout).contains("P01-"),
        "a card was stored: {}",
        all(&o)
    );
    assert_eq!(dump(data), before, "the refused write changed the store");
}

fn entry(c: &Connection, seq: i64) -> Entry {
    let body: Vec<u8> = c
        .query_row("SELECT body FROM journal WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .expect("entry");
    parse_entry(&body).expect("parse")
}

type Edit = Box<dyn Fn(&World, &Path)>;

fn sql(statements: &'static str) -> Edit {
    Box::new(move |_, data| db(data).execute_batch(statements).expect(statements))
}
