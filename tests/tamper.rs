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

/// The journal triggers' SQL, to put them back after an edit (so that what
/// is caught is the edit, not the missing triggers).
fn triggers(c: &Connection) -> Vec<String> {
    let mut stmt = c
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'")
        .expect("triggers");
    stmt.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("sql")
}

/// Runs `edit` with the journal's triggers dropped, then restores them.
fn unguarded(c: &Connection, edit: impl FnOnce(&Connection)) {
    let sql = triggers(c);
    c.execute_batch("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;")
        .expect("drop triggers");
    edit(c);
    for s in sql {
        c.execute_batch(&s).expect("restore trigger");
    }
}

/// Recomputes every entry's prev_hash and hash from the bodies, as someone
/// who knows the format (it is documented) would.
fn rechain(c: &Connection) {
    let bodies: Vec<(i64, Vec<u8>)> = c
        .prepare("SELECT seq, body FROM journal ORDER BY seq")
        .expect("select")
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("bodies");
    let mut prev = GENESIS;
    for (seq, body) in bodies {
        let h = chain_hash(&prev, &body);
        c.execute(
            "UPDATE journal SET prev_hash = ?1, hash = ?2 WHERE seq = ?3",
            rusqlite::params![prev.as_slice(), h.as_slice(), seq],
        )
        .expect("rehash");
        prev = h;
    }
}

fn entry(c: &Connection, seq: i64) -> Entry {
    let body: Vec<u8> = c
        .query_row("SELECT body FROM journal WHERE seq = ?1", [seq], |r| {
            r.get(0)
        })
        .expect("entry");
    parse_entry(&body).expect("parse")
}

fn set_body(c: &Connection, seq: i64, e: &Entry) {
    c.execute(
        "UPDATE journal SET body = ?1 WHERE seq = ?2",
        rusqlite::params![e.canonical_bytes(), seq],
    )
    .expect("set body");
}

/// The first card entry's number.
fn first_card(c: &Connection) -> i64 {
    c.query_row(
        "SELECT MIN(seq) FROM journal WHERE kind = 'card_entered'",
        [],
        |r| r.get(0),
    )
    .expect("a card")
}

fn rename_card(e: &mut Entry, surname: &str) {
    if let Event::CardEntered { card, .. } = &mut e.event {
        card.last_name = surname.into();
    }
}

/// The office's verdict on the store's export for investigation (made with
/// Anna's PIN, as the office would ask): without and with `--investigation`.
fn office_refuses(w: &World, data: &Path, name: &str) {
    let stick = w.root.join(format!("{name}-investigation"));
    std::fs::create_dir_all(&stick).expect("stick");
    // The ordinary export refuses the damaged store…
    let o = urna(data)
        .args(["--lang", "en", "export", "--out"])
        .arg(&stick)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("export");
    assert_eq!(o.status.code(), Some(1), "{name}: {}", all(&o));
    assert!(std::fs::read_dir(&stick).expect("stick").next().is_none());
    // …the export for investigation writes one, marked so.
    ok(
        urna(data)
            .args(["--lang", "en", "export", "--investigation", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .output()
            .expect("export"),
        name,
    );
    let plain = urna(&w.tally)
        .args(["--lang", "en", "tally", "import"])
        .arg(&stick)
        .output()
        .expect("import");
    assert_eq!(plain.status.code(), Some(1), "{name}: {}", all(&plain));
    assert!(
        all(&plain).contains("a bundle for investigation"),
        "{name}: {}",
        all(&plain)
    );
    let flagged = urna(&w.tally)
        .args(["--lang", "en", "tally", "import", "--investigation"])
        .arg(&stick)
        .output()
        .expect("import");
    assert_eq!(flagged.status.code(), Some(1), "{name}: {}", all(&flagged));
    assert!(
        all(&flagged).contains("the journal is not the one its kiosk sealed"),
        "{name}: {}",
        all(&flagged)
    );
}

type Edit = Box<dyn Fn(&World, &Path)>;

fn sql(statements: &'static str) -> Edit {
    Box::new(move |_, data| db(data).execute_batch(statements).expect(statements))
}

/// The journal edits of the issue: what each one is, the edit, what `urna
/// check` names, and whether the hashes were recomputed (then the office is
/// asked too).
fn journal_edits() -> Vec<(&'static str, Edit, &'static str, bool)> {
    vec![
        (
            "update an entry, hashes left as they were",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c);
                let mut e = entry(&c, seq);
                rename_card(&mut e, "Kowalska");
                unguarded(&c, |c| set_body(c, seq, &e));
            }),
            "the hash does not match its contents",
            false,
        ),
        (
            "update an entry and recompute the chain",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c);
                let mut e = entry(&c, seq);
                rename_card(&mut e, "Kowalska");
                unguarded(&c, |c| {
                    set_body(c, seq, &e);
                    rechain(c);
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "update an entry and its index row, recompute the chain",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c);
                let mut e = entry(&c, seq);
                if let Event::CardEntered { card, .. } = &mut e.event {
                    card.pesel = pesel(99);
                }
                unguarded(&c, |c| {
                    set_body(c, seq, &e);
                    c.execute(
                        "UPDATE card_versions SET pesel = ?1 WHERE seq = ?2",
                        rusqlite::params![pesel(99), seq],
                    )
                    .expect("index");
                    rechain(c);
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "delete the last entry",
            Box::new(|_, data| {
                let c = db(data);
                unguarded(&c, |c| {
                    c.execute(
                        "DELETE FROM journal WHERE seq = (SELECT MAX(seq) FROM journal)",
                        [],
                    )
                    .expect("delete");
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "delete an entry in the middle",
            Box::new(|_, data| {
                let c = db(data);
                let seq = first_card(&c) + 1;
                unguarded(&c, |c| {
                    c.execute("DELETE FROM card_versions WHERE seq = ?1", [seq])
                        .expect("index");
                    c.execute("DELETE FROM journal WHERE seq = ?1", [seq])
                        .expect("delete");
                });
            }),
            "entries are missing",
            false,
        ),
        (
            "swap two entries' contents, chain recomputed",
            Box::new(|_, data| {
                let c = db(data);
                let a = first_card(&c);
                let (ea, eb) = (entry(&c, a), entry(&c, a + 1));
                unguarded(&c, |c| {
                    set_body(c, a, &eb);
                    set_body(c, a + 1, &ea);
                    rechain(c);
                });
            }),
            "journal[",
            false,
        ),
        (
            "truncate the journal and its index to the cards of the first half",
            Box::new(|_, data| {
                let c = db(data);
                let keep = first_card(&c) + 1;
                unguarded(&c, |c| {
                    c.execute("DELETE FROM card_versions WHERE seq > ?1", [keep])
                        .expect("index");
                    c.execute("DELETE FROM journal WHERE seq > ?1", [keep])
                        .expect("truncate");
                });
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "append a forged card with a correct hash and its index row",
            Box::new(|_, data| append_forged(&db(data))),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
        (
            "append a forged card and the seal of another store",
            Box::new(|w, data| {
                let c = db(data);
                append_forged(&c);
                let other = other_store(w);
                let seal: (i64, Vec<u8>, String) = db(&other)
                    .query_row("SELECT entries, head, signature FROM seal", [], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })
                    .expect("other seal");
                c.execute(
                    "UPDATE seal SET entries = ?1, head = ?2, signature = ?3",
                    rusqlite::params![seal.0, seal.1, seal.2],
                )
                .expect("seal");
            }),
            "the seal is not the journal key's signature",
            true,
        ),
        (
            "drop the append-only triggers",
            sql("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;"),
            "sqlite_master[trigger journal_no_delete]: missing (dropped)",
            false,
        ),
        (
            "change an entry's kind column",
            Box::new(|_, data| {
                let c = db(data);
                unguarded(&c, |c| {
                    c.execute(
                        "UPDATE journal SET kind = 'day_set' WHERE kind = 'operator_added' AND seq = 3",
                        [],
                    )
                    .expect("kind");
                });
            }),
            "operators[Bartek]: an operator the journal never added",
            false,
        ),
        (
            "rewrite the store's creation entry (another edition), chain recomputed",
            Box::new(|_, data| {
                let c = db(data);
                let mut e = entry(&c, 1);
                let toml: String = c
                    .query_row(
                        "SELECT value FROM meta WHERE key = 'edition_toml'",
                        [],
                        |r| r.get(0),
                    )
                    .expect("edition");
                let changed = toml.replacen("min_age = 16", "min_age = 60", 1);
                assert_ne!(changed, toml, "the edition has min_age = 16");
                if let Event::StoreCreated { edition_sha256, .. } = &mut e.event {
                    *edition_sha256 = urna::store::keys::sha256_hex(changed.as_bytes());
                }
                c.execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'edition_toml'",
                    [&changed],
                )
                .expect("meta");
                unguarded(&c, |c| {
                    set_body(c, 1, &e);
                    rechain(c);
                });
            }),
            "the creation entry is not signed by the kiosk key it names",
            true,
        ),
        (
            "add a coordinator entry and row for oneself, chain recomputed",
            Box::new(|_, data| {
                let c = db(data);
                let last: i64 = c
                    .query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0))
                    .expect("last");
                let record: String = c
                    .query_row(
                        "SELECT pin_hash FROM operators WHERE name = 'Anna'",
                        [],
                        |r| r.get(0),
                    )
                    .expect("record");
                let e = Entry {
                    seq: last as u64 + 1,
                    at: "2014-09-28T20:00:00+02:00".into(),
                    operator: "Anna".into(),
                    event: Event::OperatorAdded {
                        name: "Mallory".into(),
                        role: "coordinator".into(),
                        pin_record: Some(urna::store::keys::sha256_hex(record.as_bytes())),
                    },
                };
                let prev: Vec<u8> = c
                    .query_row("SELECT hash FROM journal WHERE seq = ?1", [last], |r| {
                        r.get(0)
                    })
                    .expect("prev");
                let body = e.canonical_bytes();
                let h = chain_hash(&prev.clone().try_into().expect("32"), &body);
                c.execute(
                    "INSERT INTO journal(seq, kind, body, prev_hash, hash) VALUES (?1, 'operator_added', ?2, ?3, ?4)",
                    rusqlite::params![last + 1, body, prev, h.as_slice()],
                )
                .expect("append");
                c.execute(
                    "INSERT INTO operators(name, role, pin_hash, added_seq) VALUES ('Mallory', 'coordinator', ?1, ?2)",
                    rusqlite::params![record, last + 1],
                )
                .expect("row");
            }),
            "rewritten, cut or appended to without a PIN",
            true,
        ),
    ]
}

/// Appends a copy of the first card as a new entry, with a correct hash,
/// the next card id, and its index row.
fn append_forged(c: &Connection) {
    let last: i64 = c
        .query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0))
        .expect("last");
    let first = first_card(c);
    let mut e = entry(c, first);
    e.seq = last as u64 + 1;
    let id = format!("P01-{:06}", e.seq);
    if let Event::CardEntered {
        card_id,
        source,
        card,
        ..
    } = &mut e.event
    {
        *card_id = id.clone();
        *source = urna::store::journal::Source::Kiosk;
        card.pesel = pesel(77);
    }
    let prev: Vec<u8> = c
        .query_row("SELECT hash FROM journal WHERE seq = ?1", [last], |r| {
            r.get(0)
        })
        .expect("prev");
    let body = e.canonical_bytes();
    let h = chain_hash(&prev.clone().try_into().expect("32"), &body);
    c.execute(
        "INSERT INTO journal(seq, kind, body, prev_hash, hash) VALUES (?1, 'card_entered', ?2, ?3, ?4)",
        rusqlite::params![last + 1, body, prev, h.as_slice()],
    )
    .expect("append");
    c.execute(
        "INSERT INTO card_versions(card_id, seq, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop)
         SELECT ?1, ?2, kind, ?3, surname, valid, reasons, flagged, operator, ?4, NULL, day, stop
         FROM card_versions WHERE seq = ?5",
        rusqlite::params![id, last + 1, pesel(77), e.at, first],
    )
    .expect("index row");
}

/// Another kiosk's store (its own keys), made once.
fn other_store(w: &World) -> PathBuf {
    let dir = w.root.join("other");
    if !dir.join("urna.sqlite").exists() {
        kiosk(&w.root, "other", &office_recipient(&w.tally));
    }
    dir
}

#[test]
fn every_journal_edit_is_reported_and_refused() {
    let w = world();
    urna(&w.base).arg("check").assert().success();
    let edits = journal_edits();
    assert!(edits.len() >= 12);
    for (i, (what, edit, expected, rechained)) in edits.iter().enumerate() {
        let data = w.copy(&format!("journal-{i}"));
        edit(&w, &data);
        let said = reported(&data);
        assert!(said.contains(expected), "{what}: {said}");
        refuses_a_write(&w, &data);
        if *rechained {
            office_refuses(&w, &data, &format!("journal-{i}"));
        }
    }
}

#[test]
fn every_edit_of_the_other_tables_is_reported_and_refused() {
    let w = world();
    let stranger = age::x25519::Identity::generate().to_public().to_string();
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "a volunteer made a coordinator",
            sql("UPDATE operators SET role = 'coordinator' WHERE name = 'Bartek'"),
            "operators[Bartek]: role coordinator, but volunteer in the journal",
        ),
        (
            "a PIN record replaced",
            sql(
                "UPDATE operators SET pin_hash = (SELECT pin_hash FROM operators WHERE name = 'Bartek') WHERE name = 'Anna'",
            ),
            "operators[Anna]: the PIN record is not the one the journal committed to",
        ),
        (
            "an operator added by a row",
            sql(
                "INSERT INTO operators(name, role, pin_hash, added_seq) SELECT 'Mallory', 'coordinator', pin_hash, added_seq FROM operators WHERE name = 'Anna'",
            ),
            "operators[Mallory]: an operator the journal never added",
        ),
        (
            "the edition's minimum age 16 → 60",
            sql(
                "UPDATE meta SET value = replace(value, 'min_age = 16', 'min_age = 60') WHERE key = 'edition_toml'",
            ),
            "meta[edition_toml]: differs from the journal",
        ),
        (
            "the office key replaced by a stranger's",
            Box::new(move |_, data| {
                db(data)
                    .execute(
                        "UPDATE meta SET value = ?1 WHERE key = 'central_recipient'",
                        [&stranger],
                    )
                    .expect("meta");
            }),
            "meta[central_recipient]: differs from the journal",
        ),
        (
            "the training flag set",
            sql("UPDATE meta SET value = '1' WHERE key = 'training'"),
            "meta[training]: differs from the journal",
        ),
        (
            "the point id changed",
            sql("UPDATE meta SET value = 'P02' WHERE key = 'point_id'"),
            "meta[point_id]: differs from the journal",
        ),
        (
            "an invalid card made valid in the index, a surname changed",
            sql(
                "UPDATE card_versions SET valid = 1 - valid, surname = 'kowalska' WHERE seq = (SELECT MIN(seq) FROM card_versions)",
            ),
            "the card index row differs from the journal entry",
        ),
        (
            "the public key file replaced by another kiosk's",
            Box::new(|w, data| {
                let other = other_store(w);
                std::fs::copy(other.join("kiosk.pub"), data.join("kiosk.pub")).expect("swap");
            }),
            "kiosk.pub: not the kiosk key the journal names",
        ),
    ];
    assert!(cases.len() >= 8);
    for (i, (what, edit, expected)) in cases.iter().enumerate() {
        let data = w.copy(&format!("table-{i}"));
        edit(&w, &data);
        let said = reported(&data);
        assert!(said.contains(expected), "{what}: {said}");
        refuses_a_write(&w, &data);
    }
}

/// xorshift64*: the flips are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn random_byte_flips_are_reported_or_change_nothing_read() {
    let w = world();
    let pristine = dump(&w.base).expect("the pristine store reads");
    let file = std::fs::read(w.base.join("urna.sqlite")).expect("the store file");
    let mut rng = Rng(0x5EED_2026_0011);
    let (mut reported_n, mut unread) = (0, 0);
    for i in 0..200 {
        let at = (rng.next() % file.len() as u64) as usize;
        let mask = (rng.next() % 255 + 1) as u8;
        let data = w.copy(&format!("flip-{i}"));
        let mut bytes = file.clone();
        bytes[at] ^= mask;
        std::fs::write(data.join("urna.sqlite"), &bytes).expect("flip");
        let read = dump(&data);
        let o = urna(&data)
            .args(["--lang", "en", "check"])
            .output()
            .expect("check");
        if read.as_ref() == Ok(&pristine) {
            // Nothing that is read changed (free space, unused bytes).
            unread += 1;
        } else {
            assert_eq!(
                o.status.code(),
                Some(1),
                "flip {i} at byte {at} (^{mask:#04x}) changed what is read but `urna check` said: {}",
                all(&o)
            );
            refuses_a_write(&w, &data);
            reported_n += 1;
        }
        std::fs::remove_dir_all(&data).expect("clean up");
    }
    println!("200 flips: {reported_n} reported and refused, {unread} changed nothing read");
    assert_eq!(reported_n + unread, 200);
}

/// A store whose journal was rewritten with recomputed hashes gives the
/// office nothing it takes, and a rolled-back store (an older copy of the
/// whole disk put back) is caught by the office once a bundle covered what
/// was rolled back.
#[test]
fn a_rolled_back_store_is_caught_by_the_office() {
    let w = world();
    // The office has the first bundle.
    ok(
        urna(&w.tally)
            .args(["--lang", "en", "tally", "import"])
            .arg(w.root.join("base-stick"))
            .output()
            .expect("import"),
        "first import",
    );
    let old = w.copy("rolled-back");
    // The kiosk goes on: more cards, a second bundle, imported.
    let csv = w.root.join("later.csv");
    std::fs::write(&csv, rows(20..22)).expect("csv");
    let day2 = w.root.join("day2");
    std::fs::create_dir_all(&day2).expect("stick");
    urna(&w.base)
        .arg("import-cards")
        .arg(&csv)
        .args(["--as", "Bartek", "--pin-stdin"])
        .write_stdin("5678\n")
        .assert()
        .success();
    ok(
        urna(&w.base)
            .args(["export", "--out"])
            .arg(&day2)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .output()
            .expect("export"),
        "second export",
    );
    ok(
        urna(&w.tally)
            .args(["--lang", "en", "tally", "import"])
            .arg(&day2)
            .output()
            .expect("import"),
        "second import",
    );
    // The old copy is put back: locally it is a sound store (a rollback is
    // not detectable on the disk alone; see docs/threat-model.md)…
    urna(&old).arg("check").assert().success();
    // …but its next bundle, with other cards, forks what the office has.
    let other = w.root.join("other.csv");
    std::fs::write(&other, rows(30..33)).expect("csv");
    urna(&old)
        .arg("import-cards")
        .arg(&other)
        .args(["--as", "Bartek", "--pin-stdin"])
        .write_stdin("5678\n")
        .assert()
        .success();
    let day2b = w.root.join("day2b");
    std::fs::create_dir_all(&day2b).expect("stick");
    ok(
        urna(&old)
            .args(["export", "--out"])
            .arg(&day2b)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .output()
            .expect("export"),
        "export of the rolled-back store",
    );
    let o = urna(&w.tally)
        .args(["--lang", "en", "tally", "import"])
        .arg(&day2b)
        .output()
        .expect("import");
    assert_eq!(o.status.code(), Some(1), "{}", all(&o));
    assert!(all(&o).contains("a fork"), "{}", all(&o));
}

#[test]
fn the_signing_key_file_holds_nothing_usable_without_a_pin() {
    let w = world();
    let data = w.copy("keys");
    let key_file = data.join("kiosk.key");
    let work = w.root.join("keys-work");
    std::fs::create_dir_all(&work).expect("work");
    std::fs::write(work.join("msg.txt"), b"a forged manifest").expect("msg");
    // Debian's minisign, given the file and the PINs people would try.
    for guess in ["", "1234", "0000"] {
        let o = std::process::Command::new("minisign")
            .current_dir(&work)
            .args(["-S", "-s"])
            .arg(&key_file)
            .args(["-m", "msg.txt", "-x", "msg.txt.minisig"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                if let Some(mut i) = c.stdin.take() {
                    let _ = writeln!(i, "{guess}");
                }
                c.wait_with_output()
            })
            .expect("run minisign");
        assert!(
            !o.status.success(),
            "minisign signed with the key file: {}",
            all(&o)
        );
        assert!(!work.join("msg.txt.minisig").exists());
    }
    // The secret key as the PIN opens it is nowhere in the file.
    let mut store = urna::store::Store::open(&data).expect("open");
    assert!(store.signing_key().is_err(), "no PIN, no key");
    store
        .login("Bartek", "5678", chrono::Local::now())
        .expect("Bartek");
    assert!(
        store.signing_key().is_err(),
        "a volunteer's PIN opens no signing key"
    );
    store
        .login("Anna", "1234", chrono::Local::now())
        .expect("Anna");
    let secret = store
        .signing_key()
        .expect("Anna's PIN opens it")
        .secret
        .to_bytes();
    let file = std::fs::read(&key_file).expect("key file");
    // minisign's layout: algorithms, KDF salt and limits, key id (62 bytes),
    // then the 64-byte Ed25519 secret key.
    let raw_key = &secret[62..126];
    assert!(
        !file
            .windows(32)
            .any(|w| raw_key.windows(32).any(|k| k == w)),
        "the key file holds the secret key"
    );
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(&secret);
    assert!(!text(&file).contains(&b64[..40]));
    // urna with a wrong PIN, and with a volunteer's: nothing signed, nothing
    // on the stick, nothing journaled.
    let before = dump(&data);
    let stick = w.root.join("keys-stick");
    std::fs::create_dir_all(&stick).expect("stick");
    for (who, pin) in [("Anna", "4321"), ("Bartek", "5678")] {
        let o = urna(&data)
            .args(["--lang", "en", "export", "--out"])
            .arg(&stick)
            .args(["--as", who, "--pin-stdin"])
            .write_stdin(format!("{pin}\n"))
            .output()
            .expect("export");
        assert_eq!(o.status.code(), Some(2), "{who}: {}", all(&o));
        assert!(std::fs::read_dir(&stick).expect("stick").next().is_none());
    }
    let after = dump(&data).expect("dump");
    // Only the failed-attempt counter moved.
    let strip = |d: &str| {
        d.lines()
            .filter(|l| !l.starts_with("Text(\"Anna\")|Integer(1)"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (before, after) = (strip(&before.expect("dump")), strip(&after));
    let gone: Vec<&str> = before.lines().filter(|l| !after.contains(l)).collect();
    let new: Vec<&str> = after.lines().filter(|l| !before.contains(l)).collect();
    assert!(
        gone.is_empty() && new.is_empty(),
        "changed: -{gone:?} +{new:?}"
    );
}

/// Starts two exports of one store at once, into `a` and `b`; returns both
/// outcomes.
fn two_exports(data: &Path, a: &Path, b: &Path) -> (Output, Output) {
    let spawn = |out: &Path| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_urna"));
        c.env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(data)
            .args(["--lang", "en", "export", "--out"])
            .arg(out)
            .args(["--as", "Anna", "--pin-stdin"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().expect("spawn export");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"1234\n")
            .expect("PIN");
        child
    };
    let (x, y) = (spawn(a), spawn(b));
    (
        x.wait_with_output().expect("first"),
        y.wait_with_output().expect("second"),
    )
}

/// Every bundle on the sticks is journaled (its fingerprint in an
/// `export_made` entry), no temporary file is left, and the store is sound.
fn nothing_unjournaled(data: &Path, sticks: &[&Path]) -> usize {
    let store = urna::store::Store::open(data).expect("open");
    let journaled: Vec<String> = store
        .journal()
        .expect("journal")
        .iter()
        .filter_map(|(_, body, _)| match parse_entry(body).ok()?.event {
            Event::ExportMade {
                manifest_sha256, ..
            } => Some(manifest_sha256),
            _ => None,
        })
        .collect();
    let mut bundles = 0;
    for stick in sticks {
        for e in std::fs::read_dir(stick).expect("stick") {
            let p = e.expect("entry").path();
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            assert!(
                !name.ends_with(".partial"),
                "a temporary file is left: {name}"
            );
            if name.ends_with(".urna") {
                let v = urna::bundle::verify(&p, None).expect("a whole bundle");
                assert!(
                    journaled.contains(&v.fingerprint),
                    "{name} is on the stick but not journaled"
                );
                bundles += 1;
            }
        }
    }
    drop(store);
    urna(data).arg("check").assert().success();
    bundles
}

#[test]
fn two_exports_at_once_on_two_sticks_leave_only_journaled_bundles() {
    let w = world();
    let data = w.copy("two-sticks");
    for round in 0..2 {
        let a = w.root.join(format!("stick-a-{round}"));
        let b = w.root.join(format!("stick-b-{round}"));
        std::fs::create_dir_all(&a).expect("a");
        std::fs::create_dir_all(&b).expect("b");
        let (x, y) = two_exports(&data, &a, &b);
        for o in [&x, &y] {
            // Either it waited for the other and wrote the next number, or
            // it failed saying so; never "No such file or directory".
            assert!(
                o.status.success() || all(o).contains("another export"),
                "{}",
                all(o)
            );
        }
        let n = nothing_unjournaled(&data, &[&a, &b]);
        let ok_runs = [&x, &y].iter().filter(|o| o.status.success()).count();
        assert_eq!(n, ok_runs, "one bundle per successful export");
    }
}

#[test]
fn two_exports_at_once_into_one_directory_leave_only_journaled_bundles() {
    let w = world();
    let data = w.copy("one-dir");
    let dir = w.root.join("shared-stick");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut runs = 0;
    for _ in 0..2 {
        let (x, y) = two_exports(&data, &dir, &dir);
        for o in [&x, &y] {
            assert!(!all(o).contains("No such file or directory"), "{}", all(o));
            assert!(
                o.status.success() || all(o).contains("another export"),
                "{}",
                all(o)
            );
            runs += usize::from(o.status.success());
        }
    }
    assert_eq!(nothing_unjournaled(&data, &[&dir]), runs);
}

/// The kiosk in a real pseudo-terminal on a damaged store.
mod pty {
    use super::*;
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    pub struct Screen {
        parser: Arc<Mutex<vt100::Parser>>,
        writer: Box<dyn Write + Send>,
        child: Box<dyn portable_pty::Child + Send + Sync>,
        _master: Box<dyn portable_pty::MasterPty + Send>,
    }

    impl Screen {
        pub fn kiosk(data: &Path) -> Screen {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows: 30,
                    cols: 110,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("pty");
            let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_urna"));
            cmd.arg("--data-dir");
            cmd.arg(data);
            cmd.env("TERM", "xterm-256color");
            cmd.env_remove("URNA_DATA_DIR");
            let child = pair.slave.spawn_command(cmd).expect("start the kiosk");
            drop(pair.slave);
            let size = |n| NonZeroU16::new(n).expect("size");
            let parser = Arc::new(Mutex::new(vt100::Parser::new(size(30), size(110), 0)));
            let mut from = pair.master.try_clone_reader().expect("reader");
            let p = Arc::clone(&parser);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = from.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    p.lock().expect("lock").process(&buf[..n]);
                }
            });
            Screen {
                parser,
                writer: pair.master.take_writer().expect("writer"),
                child,
                _master: pair.master,
            }
        }

        pub fn text(&self) -> String {
            self.parser.lock().expect("lock").screen().contents()
        }

        pub fn wait_for(&self, what: &str) {
            let deadline = Instant::now() + Duration::from_secs(60);
            while !self.text().contains(what) {
                assert!(
                    Instant::now() < deadline,
                    "no {what:?} on:\n{}",
                    self.text()
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }

        pub fn keys(&mut self, s: &str) {
            self.writer.write_all(s.as_bytes()).expect("type");
            self.writer.flush().expect("flush");
            std::thread::sleep(Duration::from_millis(300));
        }

        pub fn exits(&mut self) {
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                if self.child.try_wait().expect("wait").is_some() {
                    return;
                }
                assert!(Instant::now() < deadline, "the kiosk did not quit");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

#[test]
fn the_kiosk_on_a_damaged_store_explains_and_takes_no_card() {
    let w = world();
    // One found by the quick checks at start, one only by the full check
    // that runs behind the login screen.
    let cases: [(&str, Edit, &str); 2] = [
        (
            "quick",
            sql("UPDATE operators SET role = 'coordinator' WHERE name = 'Bartek'"),
            "operators[Bartek]: rola koordynator",
        ),
        (
            "full",
            sql(
                "UPDATE card_versions SET surname = 'kowalska' WHERE seq = (SELECT MIN(seq) FROM card_versions)",
            ),
            "wiersz indeksu kart inny niż wpis dziennika",
        ),
    ];
    for (name, edit, found) in cases {
        let data = w.copy(&format!("pty-{name}"));
        edit(&w, &data);
        let before = dump(&data);
        let mut k = pty::Screen::kiosk(&data);
        k.wait_for("MAGAZYN USZKODZONY");
        k.wait_for(found);
        let screen = k.text();
        for line in [
            "Kiosk nie zapisze żadnej karty",
            "Zostaw laptopa tak, jak jest",
            "Zadzwoń do biura",
            "urna export --investigation",
        ] {
            assert!(screen.contains(line), "{name}: no {line:?} on\n{screen}");
        }
        // Someone tries to log in and type a card: nothing but this screen.
        k.keys("\r5678\r");
        k.keys("1234\r");
        k.keys("Jan\tKowalski\t\r");
        let screen = k.text();
        assert!(screen.contains("MAGAZYN USZKODZONY"), "{name}:\n{screen}");
        assert!(!screen.contains("Logowanie"), "{name}:\n{screen}");
        k.keys("\x1b");
        k.exits();
        assert_eq!(
            dump(&data),
            before,
            "{name}: the kiosk wrote to a damaged store"
        );
    }
}

#[test]
fn the_office_key_is_set_later_by_a_coordinator_and_journaled() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("kiosk");
    // Set up with "no key yet" and PINs of at least six digits.
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
            .args(["--min-pin-length", "6"])
            .write_stdin("123456\n")
            .output()
            .expect("init"),
        "init",
    );
    let short = urna(&data)
        .args([
            "--lang",
            "en",
            "operator",
            "add",
            "Bartek",
            "--role",
            "volunteer",
        ])
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("123456\n5678\n")
        .output()
        .expect("add");
    assert_eq!(short.status.code(), Some(2), "{}", all(&short));
    assert!(
        all(&short).contains("a PIN is 6 to 12 digits"),
        "{}",
        all(&short)
    );
    ok(
        urna(&data)
            .args(["operator", "add", "Bartek", "--role", "volunteer"])
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("123456\n567890\n")
            .output()
            .expect("add"),
        "add",
    );
    // Every export attempt says plainly, in Polish, what to do.
    let stick = tmp.path().join("stick");
    std::fs::create_dir_all(&stick).expect("stick");
    let o = urna(&data)
        .args(["export", "--out"])
        .arg(&stick)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("123456\n")
        .output()
        .expect("export");
    assert_eq!(o.status.code(), Some(1));
    assert!(
        all(&o).contains("Punkt nie ma jeszcze klucza biura")
            && all(&o).contains("urna central set age1… --as IMIĘ"),
        "{}",
        all(&o)
    );
    let office = age::x25519::Identity::generate().to_public().to_string();
    // A volunteer cannot set it; a wrong PIN cannot; nothing is journaled.
    let status = |d: &Path| {
        let o = urna(d).args(["status", "--json"]).output().expect("status");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
        v["journal_entries"].as_u64().expect("entries")
    };
    let before = status(&data);
    for (who, pin, code) in [("Bartek", "567890", 2), ("Anna", "654321", 2)] {
        let o = urna(&data)
            .args([
                "--lang",
                "en",
                "central",
                "set",
                &office,
                "--as",
                who,
                "--pin-stdin",
            ])
            .write_stdin(format!("{pin}\n"))
            .output()
            .expect("central set");
        assert_eq!(o.status.code(), Some(code), "{who}: {}", all(&o));
    }
    assert_eq!(status(&data), before);
    let bad = urna(&data)
        .args(["central", "set", "age1nope", "--as", "Anna", "--pin-stdin"])
        .write_stdin("123456\n")
        .output()
        .expect("central set");
    assert_eq!(bad.status.code(), Some(2));
    ok(
        urna(&data)
            .args(["central", "set", &office, "--as", "Anna", "--pin-stdin"])
            .write_stdin("123456\n")
            .output()
            .expect("central set"),
        "central set",
    );
    assert_eq!(status(&data), before + 1, "journaled");
    let shown = ok(
        urna(&data)
            .args(["central", "show"])
            .output()
            .expect("show"),
        "show",
    );
    // "klucz biura: age1…" (or "office key: …", as the machine's language is).
    assert!(
        text(&shown.stdout)
            .lines()
            .any(|l| l.ends_with(&format!(": {office}"))),
        "{}",
        text(&shown.stdout)
    );
    urna(&data).arg("check").assert().success();
    // Editing it afterwards on the disk is caught (the journal says otherwise).
    let copy = copy_store(&data, &tmp.path().join("copy"));
    db(&copy)
        .execute(
            "UPDATE meta SET value = '' WHERE key = 'central_recipient'",
            [],
        )
        .expect("edit");
    assert!(reported(&copy).contains("meta[central_recipient]"));
    // And the export now works, encrypted to the office key.
    ok(
        urna(&data)
            .args(["export", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("123456\n")
            .output()
            .expect("export"),
        "export",
    );
}
