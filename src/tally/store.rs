//! The central office's store: trusted kiosks, every journal entry each kiosk
//! sent (verified, chained, never changed), the internet channel's rows, and a
//! record of every import, accepted or rejected.
//!
//! A bundle is checked completely before anything from it is stored, and is
//! stored in one transaction: all or nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};

use crate::bundle::{self, VerifyError, hex_sha256};
use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::cardcsv;
use crate::edition::Edition;
use crate::store::journal::{Entry, Event, GENESIS, Hash, chain_hash};
use crate::store::pesel_key;

pub const DB_FILE: &str = "tally.sqlite";
/// The office's age identity: whoever holds it can read every bundle.
pub const IDENTITY_FILE: &str = "office-identity.txt";

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
         CREATE TABLE kiosks (
             point TEXT PRIMARY KEY, key_id TEXT NOT NULL, public_key TEXT NOT NULL,
             trusted_at TEXT NOT NULL) STRICT;
         CREATE TABLE kiosk_entries (
             point TEXT NOT NULL REFERENCES kiosks(point), seq INTEGER NOT NULL,
             body BLOB NOT NULL, hash BLOB NOT NULL, bundle INTEGER NOT NULL,
             PRIMARY KEY (point, seq)) STRICT, WITHOUT ROWID;
         CREATE TRIGGER kiosk_entries_no_update BEFORE UPDATE ON kiosk_entries
         BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;
         CREATE TRIGGER kiosk_entries_no_delete BEFORE DELETE ON kiosk_entries
         BEGIN SELECT RAISE(ABORT, 'kiosk entries are never deleted'); END;
         CREATE TABLE card_ids (
             card_id TEXT PRIMARY KEY, point TEXT NOT NULL, digest TEXT NOT NULL) STRICT;
         CREATE TABLE online (
             id TEXT PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL,
             card TEXT NOT NULL, digest TEXT NOT NULL) STRICT;
         CREATE TABLE imports (
             id INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL,
             file TEXT NOT NULL, sha256 TEXT NOT NULL, point TEXT, sequence INTEGER,
             outcome TEXT NOT NULL, detail TEXT NOT NULL) STRICT;",
        ),
        // The office's own decisions, hash-chained like a kiosk journal, and
        // every table of what was received made append-only.
        M::up(
            "CREATE TABLE decisions (
                 seq INTEGER PRIMARY KEY, body TEXT NOT NULL, hash BLOB NOT NULL) STRICT;
             CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
             BEGIN SELECT RAISE(ABORT, 'decisions are never changed'); END;
             CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
             BEGIN SELECT RAISE(ABORT, 'decisions are never deleted'); END;
             CREATE TRIGGER online_no_update BEFORE UPDATE ON online
             BEGIN SELECT RAISE(ABORT, 'internet rows are never changed'); END;
             CREATE TRIGGER online_no_delete BEFORE DELETE ON online
             BEGIN SELECT RAISE(ABORT, 'internet rows are never deleted'); END;
             CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
             BEGIN SELECT RAISE(ABORT, 'the import log is never changed'); END;
             CREATE TRIGGER imports_no_delete BEFORE DELETE ON imports
             BEGIN SELECT RAISE(ABORT, 'the import log is never changed'); END;",
        ),
        // Faster at a million entries: journal entries (~1 KB each) in an
        // ordinary rowid table, which SQLite advises for rows this large,
        // and the small card-id rows in one b-tree. The rows move as they are.
        M::up(
            "CREATE TABLE kiosk_entries_2 (
                 id INTEGER PRIMARY KEY,
                 point TEXT NOT NULL REFERENCES kiosks(point), seq INTEGER NOT NULL,
                 body BLOB NOT NULL, hash BLOB NOT NULL, bundle INTEGER NOT NULL,
                 UNIQUE (point, seq)) STRICT;
             INSERT INTO kiosk_entries_2(point, seq, body, hash, bundle)
                 SELECT point, seq, body, hash, bundle FROM kiosk_entries ORDER BY point, seq;
             DROP TABLE kiosk_entries;
             ALTER TABLE kiosk_entries_2 RENAME TO kiosk_entries;
             CREATE TRIGGER kiosk_entries_no_update BEFORE UPDATE ON kiosk_entries
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;
             CREATE TRIGGER kiosk_entries_no_delete BEFORE DELETE ON kiosk_entries
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never deleted'); END;
             CREATE TABLE card_ids_2 (
                 card_id TEXT PRIMARY KEY, point TEXT NOT NULL, digest TEXT NOT NULL)
                 STRICT, WITHOUT ROWID;
             INSERT INTO card_ids_2 SELECT card_id, point, digest FROM card_ids;
             DROP TABLE card_ids;
             ALTER TABLE card_ids_2 RENAME TO card_ids;",
        ),
        // What deduplication reads: each card entry's id, kind and PESEL,
        // written with the entry, so the count's first pass reads no JSON.
        M::up(
            "CREATE TABLE kiosk_cards (
                 point TEXT NOT NULL, seq INTEGER NOT NULL, card_id TEXT NOT NULL,
                 kind TEXT NOT NULL, pesel TEXT NOT NULL,
                 PRIMARY KEY (point, seq)) STRICT, WITHOUT ROWID;
             INSERT INTO kiosk_cards
                 SELECT point, seq, json_extract(j, '$.data.card_id'), json_extract(j, '$.kind'),
                        COALESCE(json_extract(j, '$.data.card.pesel'), '')
                 FROM (SELECT point, seq, CAST(body AS TEXT) AS j FROM kiosk_entries)
                 WHERE json_extract(j, '$.kind') IN ('card_entered', 'card_amended', 'card_voided');
             CREATE TRIGGER kiosk_cards_no_update BEFORE UPDATE ON kiosk_cards
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;
             CREATE TRIGGER kiosk_cards_no_delete BEFORE DELETE ON kiosk_cards
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never deleted'); END;",
        ),
    ])
}

/// Why an import was refused; nothing from it is stored.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Rejection {
    #[error("{0}")]
    Bundle(#[from] VerifyError),
    #[error(
        "unknown kiosk: point {point} (key {key_id}) is not trusted; `urna tally trust` its key first"
    )]
    UnknownKiosk { point: String, key_id: String },
    #[error("signed by key {found}, but point {point} is trusted with key {trusted}")]
    NotTheTrustedKey {
        point: String,
        trusted: String,
        found: String,
    },
    #[error("a bundle of edition {found}; this tally counts {expected}")]
    OtherEdition { expected: String, found: String },
    #[error("a training bundle (made by a demo kiosk); it is not counted")]
    Training,
    #[error("the payload cannot be decrypted with the office key: {0}")]
    Undecryptable(String),
    #[error("the journal is broken at entry {seq}: {what}")]
    BrokenChain { seq: u64, what: String },
    #[error(
        "a fork: point {point}'s entry {seq} has hash {ours} here but {theirs} in this bundle; it does not extend what the kiosk sent before"
    )]
    Fork {
        point: String,
        seq: u64,
        ours: String,
        theirs: String,
    },
    #[error("record {id} was seen before with different data")]
    RecordChanged { id: String },
    #[error("entry {seq} is about card {id}, which point {point} did not enter")]
    NotItsCard { seq: u64, id: String, point: String },
    #[error(
        "entry {seq} enters card {id}, but a kiosk names the card it enters as entry {seq} {expected}"
    )]
    WrongCardId {
        seq: u64,
        id: String,
        expected: String,
    },
    #[error("{0}")]
    Online(String),
    #[error(
        "a bundle for investigation, exported from a kiosk store that failed its checks; it is not counted (`urna tally import --investigation` takes it)"
    )]
    Investigation,
    #[error("the journal is not the one its kiosk sealed: {0}")]
    Unsealed(String),
}

#[derive(Debug, thiserror::Error)]
pub enum TallyError {
    #[error("{0} has no tally store: run `urna tally init` first")]
    NotInitialised(PathBuf),
    #[error("{0} already holds a tally store")]
    AlreadyInitialised(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database value: {0}")]
    SqliteValue(#[from] rusqlite::types::FromSqlError),
    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("{0}")]
    Edition(#[from] crate::edition::EditionError),
    #[error("{0}")]
    Other(String),
}

pub type Result<T> = std::result::Result<T, TallyError>;

/// What an accepted import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// New entries stored.
    Added { point: String, entries: u64 },
    /// The same or an older bundle: nothing changed.
    AlreadyHave { point: String },
    /// Internet rows stored.
    Online { rows: u64 },
    /// The same internet file again: nothing changed.
    OnlineAlreadyHave,
}

pub struct Tally {
    conn: Connection,
    dir: PathBuf,
    edition: Edition,
    identity: age::x25519::Identity,
    /// Take bundles marked `investigation` (`urna tally import --investigation`).
    pub allow_investigation: bool,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TallyError + '_ {
    move |source| TallyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn configure(conn: &Connection) -> Result<()> {
    Ok(crate::store::configure_durable(conn)?)
}

impl Tally {
    /// A new tally store with a new office identity; returns the store and the
    /// recipient to give to the kiosks.
    pub fn create(dir: &Path, edition_toml: &str) -> Result<(Tally, String)> {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io(dir))?;
        let db = dir.join(DB_FILE);
        if db.exists() {
            return Err(TallyError::AlreadyInitialised(dir.to_path_buf()));
        }
        let edition = Edition::parse(edition_toml, "edition")?;
        let identity = age::x25519::Identity::generate();
        let id_path = dir.join(IDENTITY_FILE);
        {
            use age::secrecy::ExposeSecret;
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&id_path)
                .map_err(io(&id_path))?;
            writeln!(f, "{}", identity.to_string().expose_secret()).map_err(io(&id_path))?;
            f.sync_all().map_err(io(&id_path))?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&db)
            .map_err(io(&db))?;
        let mut conn = Connection::open(&db)?;
        configure(&conn)?;
        migrations().to_latest(&mut conn)?;
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('edition_toml', ?1)",
            [edition_toml],
        )?;
        let recipient = identity.to_public().to_string();
        Ok((
            Tally {
                conn,
                dir: dir.to_path_buf(),
                edition,
                identity,
                allow_investigation: false,
            },
            recipient,
        ))
    }

    pub fn open(dir: &Path) -> Result<Tally> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(TallyError::NotInitialised(dir.to_path_buf()));
        }
        let mut conn = Connection::open(&db)?;
        configure(&conn)?;
        migrations().to_latest(&mut conn)?;
        let toml: String = conn.query_row(
            "SELECT value FROM meta WHERE key = 'edition_toml'",
            [],
            |r| r.get(0),
        )?;
        let edition = Edition::parse(&toml, "stored edition")?;
        let id_path = dir.join(IDENTITY_FILE);
        let text = std::fs::read_to_string(&id_path).map_err(io(&id_path))?;
        let identity = text
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .and_then(|l| age::x25519::Identity::from_str(l.trim()).ok())
            .ok_or_else(|| {
                TallyError::Other(format!("{}: not an age identity", id_path.display()))
            })?;
        Ok(Tally {
            conn,
            dir: dir.to_path_buf(),
            edition,
            identity,
            allow_investigation: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn edition(&self) -> &Edition {
        &self.edition
    }

    /// The recipient kiosks encrypt to.
    pub fn recipient(&self) -> String {
        self.identity.to_public().to_string()
    }

    /// Trusts a kiosk's public key (the text `urna key` prints) for a point.
    pub fn trust(&mut self, public_key_text: &str, point: &str) -> Result<String> {
        let key = public_key_text
            .lines()
            .find(|l| !l.starts_with("untrusted comment:") && !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_string();
        minisign_verify::PublicKey::from_base64(&key).map_err(|_| {
            TallyError::Other("not a minisign public key (`urna key` prints one)".into())
        })?;
        let raw = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &key)
            .map_err(|_| TallyError::Other("not a minisign public key".into()))?;
        let key_id = crate::store::signing::key_id(&raw[2..10]);
        let existing: Option<String> = self
            .conn
            .query_row(
                "SELECT public_key FROM kiosks WHERE point = ?1",
                [point],
                |r| r.get(0),
            )
            .optional()?;
        match existing {
            Some(k) if k == key => {}
            Some(_) => {
                return Err(TallyError::Other(format!(
                    "point {point} is already trusted with another key"
                )));
            }
            None => {
                self.conn.execute(
                    "INSERT INTO kiosks(point, key_id, public_key, trusted_at) VALUES (?1, ?2, ?3, ?4)",
                    params![point, key_id, key, now()],
                )?;
            }
        }
        Ok(key_id)
    }

    fn log_import(
        conn: &Connection,
        what: &ImportLog<'_>,
        outcome: &str,
        detail: &str,
    ) -> Result<i64> {
        conn.prepare_cached(
            "INSERT INTO imports(at, kind, file, sha256, point, sequence, outcome, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            now(),
            what.kind,
            what.file,
            what.sha,
            what.point,
            what.sequence.map(|s| s as i64),
            outcome,
            detail
        ])?;
        Ok(conn.last_insert_rowid())
    }

    /// What bundle checks need from the store, loaded once so that the
    /// checks can run on another thread while entries are being stored.
    fn checker(&self) -> Result<Checker> {
        let mut stmt = self
            .conn
            .prepare("SELECT point, key_id, public_key FROM kiosks")?;
        let trusted = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Checker {
            trusted,
            edition: self.edition.id.clone(),
            identity: self.identity.clone(),
            allow_investigation: self.allow_investigation,
        })
    }

    /// Imports one bundle file: every check first, then all of it or nothing.
    /// `Err(TallyError)` is a failure of the tally itself; a refused bundle is
    /// `Ok(Err(Rejection))`, and is recorded for the audit.
    pub fn import_bundle(
        &mut self,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let prepared = self.checker()?.prepare(path)?;
        self.finish_import(prepared)
    }

    /// Imports bundle files in order, one at a time, each as
    /// [`Tally::import_bundle`] would; the next file is read, verified,
    /// decrypted and parsed on a second thread while this one stores the
    /// last. `report` hears of each file as it is done.
    pub fn import_bundles(
        &mut self,
        paths: &[PathBuf],
        mut report: impl FnMut(&Path, &std::result::Result<Imported, Rejection>),
    ) -> Result<()> {
        let checker = self.checker()?;
        std::thread::scope(|s| {
            // One bundle checked ahead: memory stays at about two bundles.
            let (tx, rx) = std::sync::mpsc::sync_channel(1);
            s.spawn(move || {
                for p in paths {
                    let prepared = checker.prepare(p);
                    if tx.send((p, prepared)).is_err() {
                        break;
                    }
                }
            });
            for (path, prepared) in rx {
                let outcome = self.finish_import(prepared?)?;
                report(path, &outcome);
            }
            Ok(())
        })
    }

    /// Stores a checked bundle (or records its rejection).
    fn finish_import(&mut self, p: Prepared) -> Result<std::result::Result<Imported, Rejection>> {
        let mut log = ImportLog {
            kind: "bundle",
            file: &p.file,
            sha: &p.sha,
            point: p.claimed.as_ref().map(|c| c.0.clone()),
            sequence: p.claimed.as_ref().map(|c| c.1),
        };
        let outcome = match p.checked {
            Err(r) => Err(r),
            Ok(c) => {
                log.point = Some(c.point.clone());
                log.sequence = Some(c.sequence);
                // An accepted bundle's log row is written with its entries.
                self.store_entries(&c, &log)?
            }
        };
        match &outcome {
            Ok(Imported::Added { .. }) => {}
            Ok(_) => {
                Self::log_import(&self.conn, &log, "unchanged", "the same or an older bundle")?;
            }
            Err(r) => {
                Self::log_import(&self.conn, &log, "rejected", &r.to_string())?;
            }
        }
        Ok(outcome)
    }

    fn store_entries(
        &mut self,
        c: &Checked,
        log: &ImportLog<'_>,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let have: i64 = tx.query_row(
            "SELECT COUNT(*) FROM kiosk_entries WHERE point = ?1",
            [&c.point],
            |r| r.get(0),
        )?;
        let have = have as u64;
        let n = c.entries.len() as u64;
        let common = have.min(n);
        if common > 0 {
            let ours: Vec<u8> = tx.query_row(
                "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
                params![c.point, common as i64],
                |r| r.get(0),
            )?;
            let theirs = c.entries[common as usize - 1].2;
            if ours != theirs {
                return Ok(Err(Rejection::Fork {
                    point: c.point.clone(),
                    seq: common,
                    ours: hex::encode(ours),
                    theirs: hex::encode(theirs),
                }));
            }
        }
        if n <= have {
            return Ok(Ok(Imported::AlreadyHave {
                point: c.point.clone(),
            }));
        }
        let added = n - have;
        let bundle_no = Self::log_import(&tx, log, "accepted", &format!("new entries: {added}"))?;
        {
            let mut seen =
                tx.prepare_cached("SELECT point, digest FROM card_ids WHERE card_id = ?1")?;
            let mut add_id = tx.prepare_cached(
                "INSERT INTO card_ids(card_id, point, digest) VALUES (?1, ?2, ?3)",
            )?;
            let mut add_entry = tx.prepare_cached(
                "INSERT INTO kiosk_entries(point, seq, body, hash, bundle) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut add_card = tx.prepare_cached(
                "INSERT INTO kiosk_cards(point, seq, card_id, kind, pesel) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (seq, body, hash, entry, digest) in &c.entries[have as usize..] {
                let (card_id, entering) = match &entry.event {
                    Event::CardEntered { card_id, card, .. } => {
                        add_card.execute(params![
                            c.point,
                            *seq as i64,
                            card_id,
                            entry.event.kind(),
                            card.pesel
                        ])?;
                        (card_id, true)
                    }
                    Event::CardAmended { card_id, card, .. } => {
                        add_card.execute(params![
                            c.point,
                            *seq as i64,
                            card_id,
                            entry.event.kind(),
                            card.pesel
                        ])?;
                        (card_id, false)
                    }
                    Event::CardVoided { card_id, .. } => {
                        add_card.execute(params![
                            c.point,
                            *seq as i64,
                            card_id,
                            entry.event.kind(),
                            ""
                        ])?;
                        (card_id, false)
                    }
                    _ => {
                        add_entry.execute(params![
                            c.point,
                            *seq as i64,
                            body,
                            hash.as_slice(),
                            bundle_no
                        ])?;
                        continue;
                    }
                };
                let known: Option<(String, String)> = seen
                    .query_row([card_id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                // A kiosk enters a card id no other point entered, and
                // amends or voids only cards it entered itself.
                if !known.as_ref().map_or(entering, |(p, _)| *p == c.point) {
                    return Ok(Err(Rejection::NotItsCard {
                        seq: *seq,
                        id: card_id.clone(),
                        point: c.point.clone(),
                    }));
                }
                if entering {
                    // A kiosk names a card by its point and entry number, so
                    // no point can take ids from another's range.
                    let expected = format!("{}-{:06}", c.point, seq);
                    if *card_id != expected {
                        return Ok(Err(Rejection::WrongCardId {
                            seq: *seq,
                            id: card_id.clone(),
                            expected,
                        }));
                    }
                }
                if let (true, Some(digest)) = (entering, digest) {
                    match known {
                        Some((_, d)) if d != *digest => {
                            // Dropping the transaction rolls everything back.
                            return Ok(Err(Rejection::RecordChanged {
                                id: card_id.clone(),
                            }));
                        }
                        Some(_) => {}
                        None => {
                            add_id.execute(params![card_id, c.point, digest])?;
                        }
                    }
                }
                add_entry.execute(params![
                    c.point,
                    *seq as i64,
                    body,
                    hash.as_slice(),
                    bundle_no
                ])?;
            }
        }
        tx.commit()?;
        Ok(Ok(Imported::Added {
            point: c.point.clone(),
            entries: added,
        }))
    }

    /// Imports the internet channel's card CSV: every row readable, every id
    /// new or unchanged, or nothing is stored.
    pub fn import_online(
        &mut self,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let bytes = std::fs::read(path).map_err(io(path))?;
        let sha = hex_sha256(&bytes);
        let file = path.display().to_string();
        let outcome = self.store_online(&bytes, &file)?;
        let (result, detail) = match &outcome {
            Ok(Imported::Online { rows }) => ("accepted", format!("rows: {rows}")),
            Ok(_) => ("unchanged", "every row was imported before".to_string()),
            Err(r) => ("rejected", r.to_string()),
        };
        let log = ImportLog {
            kind: "online",
            file: &file,
            sha: &sha,
            point: None,
            sequence: None,
        };
        Self::log_import(&self.conn, &log, result, &detail)?;
        Ok(outcome)
    }

    fn store_online(
        &mut self,
        bytes: &[u8],
        file: &str,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let rows = match cardcsv::parse(bytes, file, &self.edition.ballot) {
            Ok(rows) => rows,
            Err(e) => return Ok(Err(Rejection::Online(e.to_string()))),
        };
        let mut problems = Vec::new();
        let mut cards = Vec::new();
        for row in rows {
            match row.card {
                Err(p) => problems.push(format!(
                    "line {}: {}",
                    row.line,
                    p.describe(crate::i18n::Lang::En)
                )),
                Ok(_) if row.id.is_empty() => problems.push(format!("line {}: no id", row.line)),
                Ok(card) => cards.push((row.id, row.line, card)),
            }
        }
        if !problems.is_empty() {
            return Ok(Err(Rejection::Online(format!(
                "{file}: nothing imported; {}",
                problems.join("; ")
            ))));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut added = 0;
        {
            let mut seen_digest = tx.prepare_cached("SELECT digest FROM online WHERE id = ?1")?;
            let mut add_row = tx.prepare_cached(
                "INSERT INTO online(id, file, line, card, digest) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (id, line, card) in &cards {
                let json = serde_json::to_string(card).unwrap_or_default();
                let digest = hex_sha256(json.as_bytes());
                let seen: Option<String> = seen_digest.query_row([id], |r| r.get(0)).optional()?;
                match seen {
                    Some(d) if d != digest => {
                        return Ok(Err(Rejection::RecordChanged { id: id.clone() }));
                    }
                    Some(_) => {}
                    None => {
                        add_row.execute(params![id, file, *line as i64, json, digest])?;
                        added += 1;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(Ok(if added == 0 {
            Imported::OnlineAlreadyHave
        } else {
            Imported::Online { rows: added }
        }))
    }

    /// Every ballot that stands: each kiosk card's latest version (voided
    /// cards left out) and each internet row, with where it came from.
    pub fn ballots(&self) -> Result<Vec<Ballot>> {
        let mut out = Vec::new();
        self.each_ballot(
            |json| {
                serde_json::from_str::<RawCard>(json)
                    .map_err(|e| TallyError::Other(format!("stored card unreadable: {e}")))
            },
            |source, card| {
                out.push(Ballot { source, card });
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Calls `f` with every ballot that stands, its card (JSON) read by
    /// `read`: kiosk cards point by point in card order, then internet rows.
    /// Reading the store stays on this thread; `read` runs on every core, a
    /// batch of rows at a time, and the results come back in order. A
    /// point's cards are its own (the import makes sure), so only one
    /// point's cards are held at once.
    fn each_ballot<T: Send>(
        &self,
        read: impl Fn(&str) -> Result<T> + Sync,
        mut f: impl FnMut(Source, T) -> Result<()>,
    ) -> Result<()> {
        let files: HashMap<i64, String> = {
            let mut stmt = self.conn.prepare("SELECT id, file FROM imports")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, file_name(&r.get::<_, String>(1)?))))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // Kiosk rows are (point, bundle, entry); internet rows (id, file,
        // line, card).
        enum Row {
            Kiosk(String, i64, Vec<u8>),
            Online(String, String, i64, String),
        }
        enum Parsed<T> {
            Card {
                point: String,
                bundle: i64,
                kind: u8,
                card_id: String,
                operator: String,
                card: Option<T>,
            },
            Online(Source, T),
            Other(String),
        }
        const ENTERED: u8 = 0;
        const VOIDED: u8 = 1;
        let parse = |row: Row| -> Result<Parsed<T>> {
            match row {
                Row::Kiosk(point, bundle, body) => {
                    let e: EntryView<'_> = serde_json::from_slice(&body)
                        .map_err(|e| TallyError::Other(format!("stored entry unreadable: {e}")))?;
                    let kind = match e.kind {
                        "card_entered" | "card_amended" => ENTERED,
                        "card_voided" => VOIDED,
                        _ => return Ok(Parsed::Other(point)),
                    };
                    let (Some(card_id), card) = (e.data.card_id, e.data.card) else {
                        return Ok(Parsed::Other(point));
                    };
                    let card = match (kind, card) {
                        (ENTERED, Some(c)) => Some(read(c.get())?),
                        (ENTERED, None) => return Ok(Parsed::Other(point)),
                        _ => None,
                    };
                    Ok(Parsed::Card {
                        point,
                        bundle,
                        kind,
                        card_id,
                        operator: e.operator,
                        card,
                    })
                }
                Row::Online(id, file, line, card) => Ok(Parsed::Online(
                    Source::Internet {
                        id,
                        file: file_name(&file),
                        line: line as u64,
                    },
                    read(&card)?,
                )),
            }
        };
        let mut point = String::new();
        let mut cards: BTreeMap<String, (Source, T)> = BTreeMap::new();
        let mut take = |p: Parsed<T>| -> Result<()> {
            let this_point = match &p {
                Parsed::Card { point, .. } | Parsed::Other(point) => Some(point.as_str()),
                Parsed::Online(..) => None,
            };
            if this_point != Some(point.as_str()) {
                for (_, (source, card)) in std::mem::take(&mut cards) {
                    f(source, card)?;
                }
                point = this_point.unwrap_or_default().to_string();
            }
            match p {
                Parsed::Card {
                    point,
                    bundle,
                    kind,
                    card_id,
                    operator,
                    card,
                } => match (kind, card) {
                    (ENTERED, Some(card)) => {
                        let bundle = files.get(&bundle).cloned().unwrap_or_default();
                        cards.insert(
                            card_id.clone(),
                            (
                                Source::Point {
                                    point,
                                    bundle,
                                    card_id,
                                    operator,
                                },
                                card,
                            ),
                        );
                    }
                    _ => {
                        cards.remove(&card_id);
                    }
                },
                Parsed::Online(source, card) => f(source, card)?,
                Parsed::Other(_) => {}
            }
            Ok(())
        };
        let mut rows = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare("SELECT point, bundle, body FROM kiosk_entries ORDER BY point, seq")?;
            let mut q = stmt.query([])?;
            let mut online = self
                .conn
                .prepare("SELECT id, file, line, card FROM online ORDER BY id")?;
            let mut o = online.query([])?;
            let mut next = || -> Result<Option<Row>> {
                if let Some(r) = q.next()? {
                    return Ok(Some(Row::Kiosk(r.get(0)?, r.get(1)?, r.get(2)?)));
                }
                Ok(match o.next()? {
                    Some(r) => Some(Row::Online(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    None => None,
                })
            };
            in_order(
                || {
                    rows.clear();
                    while rows.len() < BATCH {
                        match next()? {
                            Some(r) => rows.push(r),
                            None => break,
                        }
                    }
                    Ok(std::mem::take(&mut rows))
                },
                &parse,
                &mut take,
            )?;
        }
        // The last point's cards (the loop flushes on a change of point).
        take(Parsed::Other(String::from("\u{0}")))?;
        Ok(())
    }

    /// The PESEL of every ballot that stands (the same ballots as
    /// [`Tally::each_ballot`]) and whether it came by internet: what the
    /// count's first pass needs, from the small table written at import.
    fn each_person(&self, mut f: impl FnMut(bool, &str)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare("SELECT point, card_id, kind, pesel FROM kiosk_cards ORDER BY point, seq")?;
        let mut rows = stmt.query([])?;
        let mut point = String::new();
        let mut cards: HashMap<String, String> = HashMap::new();
        while let Some(r) = rows.next()? {
            let this_point = r.get_ref(0)?.as_str()?;
            if this_point != point {
                for pesel in cards.values() {
                    f(false, pesel);
                }
                cards.clear();
                point = this_point.to_string();
            }
            let card_id = r.get_ref(1)?.as_str()?;
            match r.get_ref(2)?.as_str()? {
                "card_voided" => {
                    cards.remove(card_id);
                }
                _ => {
                    cards.insert(card_id.to_string(), r.get_ref(3)?.as_str()?.to_string());
                }
            }
        }
        for pesel in cards.values() {
            f(false, pesel);
        }
        let mut stmt = self.conn.prepare("SELECT card FROM online")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let card: PeselOnly = serde_json::from_str(r.get_ref(0)?.as_str()?)
                .map_err(|e| TallyError::Other(format!("stored row unreadable: {e}")))?;
            f(true, &card.pesel);
        }
        Ok(())
    }

    /// Every ballot judged, in a list; see [`Tally::each_judged`].
    pub fn judged(&self) -> Result<Vec<Judged>> {
        let mut out = Vec::new();
        self.each_judged(|j| {
            out.push(j);
            Ok(())
        })?;
        Ok(out)
    }

    /// Every ballot judged, one at a time: the card rules; `annulled` on the
    /// internet ballots of a PESEL the office annulled (they are then not
    /// that person's votes); `multiple_votes` on every other ballot of a
    /// person (PESEL) who has more than one. Two passes over the store: the
    /// first reads only PESELs, so memory stays small at any size.
    pub fn each_judged(&self, mut f: impl FnMut(Judged) -> Result<()>) -> Result<()> {
        let annulled: HashSet<String> = self
            .decisions()?
            .into_iter()
            .filter_map(|d| match d.decision {
                Decision::Annul { pesel, .. } => pesel_key(&pesel),
            })
            .collect();
        let is_annulled = |source: &Source, key: &Option<String>| {
            matches!(source, Source::Internet { .. })
                && key.as_ref().is_some_and(|k| annulled.contains(k))
        };
        let mut per_person: HashMap<String, u32> = HashMap::new();
        self.each_person(|internet, pesel| {
            let key = pesel_key(pesel);
            let annulled = internet && key.as_ref().is_some_and(|k| annulled.contains(k));
            if !annulled && let Some(k) = key {
                *per_person.entry(k).or_default() += 1;
            }
        })?;
        let edition = &self.edition;
        self.each_ballot(
            |json| {
                let card: RawCard = serde_json::from_str(json)
                    .map_err(|e| TallyError::Other(format!("stored card unreadable: {e}")))?;
                let a = card::assess(edition, &card, RuleOptions::default());
                Ok((a, pesel_key(&card.pesel), crate::pesel::mask(&card.pesel)))
            },
            |source, (mut a, person, pesel)| {
                if is_annulled(&source, &person) {
                    a = super::results::with_reason(a, Reason::Annulled);
                } else if person
                    .as_ref()
                    .is_some_and(|k| per_person.get(k).is_some_and(|n| *n > 1))
                {
                    a = super::results::with_reason(a, Reason::MultipleVotes);
                }
                f(Judged {
                    pesel,
                    person,
                    source,
                    assessment: a,
                })
            },
        )
    }

    /// Annuls the internet votes cast on a PESEL: the office's decision after
    /// its owner showed that someone else registered the account (konta-faq
    /// #10). Journaled; applies to rows imported before and after. Returns
    /// the decision's number and how many internet ballots it touches now.
    pub fn annul(&mut self, pesel: &str, reason: &str) -> Result<(u64, u64)> {
        let parsed = crate::pesel::Pesel::parse(pesel)
            .map_err(|e| TallyError::Other(format!("PESEL {}: {e}", crate::pesel::mask(pesel))))?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(TallyError::Other(
                "a decision needs its reason (--reason)".into(),
            ));
        }
        let record = DecisionRecord {
            at: now(),
            decision: Decision::Annul {
                pesel: parsed.as_string(),
                reason: reason.to_string(),
            },
        };
        let body = serde_json::to_string(&record).map_err(|e| TallyError::Other(e.to_string()))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<(i64, Vec<u8>)> = tx
            .query_row(
                "SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (seq, prev) = match last {
            Some((seq, hash)) => (seq + 1, Hash::try_from(hash.as_slice()).unwrap_or(GENESIS)),
            None => (1, GENESIS),
        };
        let hash = chain_hash(&prev, body.as_bytes());
        tx.execute(
            "INSERT INTO decisions(seq, body, hash) VALUES (?1, ?2, ?3)",
            params![seq, body, hash.as_slice()],
        )?;
        tx.commit()?;
        let key = pesel_key(pesel);
        let mut touched = 0u64;
        self.each_ballot(
            |json| {
                serde_json::from_str::<PeselOnly>(json)
                    .map_err(|e| TallyError::Other(format!("stored card unreadable: {e}")))
            },
            |source, card| {
                if matches!(source, Source::Internet { .. }) && pesel_key(&card.pesel) == key {
                    touched += 1;
                }
                Ok(())
            },
        )?;
        tracing::info!(decision = seq, pesel = %parsed.masked(), touched, "internet votes annulled");
        Ok((seq as u64, touched))
    }

    /// The office's decisions in order, their hash chain checked.
    pub fn decisions(&self) -> Result<Vec<DecisionRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, body, hash FROM decisions ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            let body: String = r.get(1)?;
            let hash: Vec<u8> = r.get(2)?;
            let expected = chain_hash(&prev, body.as_bytes());
            if hash != expected {
                return Err(TallyError::Other(format!(
                    "the office's decision {seq} does not match its hash chain"
                )));
            }
            prev = expected;
            out.push(
                serde_json::from_str(&body)
                    .map_err(|e| TallyError::Other(format!("decision {seq} unreadable: {e}")))?,
            );
        }
        Ok(out)
    }

    /// Every import attempt, in order: what, when, and what came of it.
    pub fn imports(&self) -> Result<Vec<ImportRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, kind, file, sha256, point, sequence, outcome, detail FROM imports ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ImportRecord {
                id: r.get::<_, i64>(0)? as u64,
                at: r.get(1)?,
                kind: r.get(2)?,
                file: r.get(3)?,
                sha256: r.get(4)?,
                point: r.get(5)?,
                sequence: r.get::<_, Option<i64>>(6)?.map(|s| s as u64),
                outcome: r.get(7)?,
                detail: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The trusted points, in id order.
    pub fn points(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT point FROM kiosks ORDER BY point")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// One of the office's decisions, as journaled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DecisionRecord {
    pub at: String,
    #[serde(flatten)]
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Decision {
    /// The internet votes on this PESEL are not its owner's.
    Annul { pesel: String, reason: String },
}

/// One row of the import log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportRecord {
    pub id: u64,
    pub at: String,
    /// `bundle` or `online`.
    pub kind: String,
    pub file: String,
    pub sha256: String,
    pub point: Option<String>,
    pub sequence: Option<u64>,
    /// `accepted`, `unchanged` or `rejected`.
    pub outcome: String,
    pub detail: String,
}

/// A ballot with the tally's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub source: Source,
    /// The PESEL as written, masked.
    pub pesel: String,
    /// Whose ballot it is, for grouping a person's ballots (never shown).
    pub(crate) person: Option<String>,
    pub assessment: Assessment,
}

/// A stored journal entry as the count reads it: the card left unread.
#[derive(serde::Deserialize)]
struct EntryView<'a> {
    operator: String,
    kind: &'a str,
    #[serde(borrow)]
    data: DataView<'a>,
}

#[derive(serde::Deserialize)]
struct DataView<'a> {
    #[serde(default)]
    card_id: Option<String>,
    #[serde(borrow, default)]
    card: Option<&'a serde_json::value::RawValue>,
}

/// Rows per batch handed to a worker.
const BATCH: usize = 2048;

/// Runs `work` on every item of every batch `next` gives (an empty batch
/// ends it) on every core, and hands the results to `done` in the order of
/// the items. `next` and `done` run on this thread.
fn in_order<I: Send, R: Send>(
    mut next: impl FnMut() -> Result<Vec<I>>,
    work: &(impl Fn(I) -> Result<R> + Sync),
    mut done: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8);
    let (work_tx, work_rx) = std::sync::mpsc::sync_channel::<(usize, Vec<I>)>(workers * 2);
    let work_rx = std::sync::Mutex::new(work_rx);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Result<Vec<R>>)>();
    std::thread::scope(|s| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            s.spawn(move || {
                loop {
                    let next = match work_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((n, batch)) = next else { return };
                    let out = batch.into_iter().map(work).collect::<Result<Vec<_>>>();
                    if done_tx.send((n, out)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let mut waiting: BTreeMap<usize, Vec<R>> = BTreeMap::new();
        let mut next_out = 0usize;
        let mut deliver = |(n, out): (usize, Result<Vec<R>>)| -> Result<()> {
            waiting.insert(n, out?);
            while let Some(batch) = waiting.remove(&next_out) {
                for r in batch {
                    done(r)?;
                }
                next_out += 1;
            }
            Ok(())
        };
        let mut sent = 0usize;
        let read = (|| -> Result<()> {
            loop {
                let batch = next()?;
                if batch.is_empty() {
                    return Ok(());
                }
                work_tx
                    .send((sent, batch))
                    .map_err(|_| TallyError::Other("a counting thread stopped".into()))?;
                sent += 1;
                while let Ok(got) = done_rx.try_recv() {
                    deliver(got)?;
                }
            }
        })();
        // Workers stop once the batches run out (or on an error).
        drop(work_tx);
        read?;
        for got in done_rx {
            deliver(got)?;
        }
        Ok(())
    })
}

/// A card as the deduplication pass reads it.
#[derive(serde::Deserialize)]
struct PeselOnly {
    #[serde(default)]
    pesel: String,
}

/// What the import log records about one file.
struct ImportLog<'a> {
    kind: &'a str,
    file: &'a str,
    sha: &'a str,
    point: Option<String>,
    sequence: Option<u64>,
}

/// Everything a bundle's checks need, apart from the store.
struct Checker {
    /// point → (key id, public key)
    trusted: HashMap<String, (String, String)>,
    edition: String,
    identity: age::x25519::Identity,
    allow_investigation: bool,
}

/// A bundle file read and checked, ready to be stored or refused.
struct Prepared {
    file: String,
    sha: String,
    /// The point and sequence the bundle claims, once its signature held.
    claimed: Option<(String, u64)>,
    checked: std::result::Result<Checked, Rejection>,
}

impl Checker {
    fn prepare(&self, path: &Path) -> Result<Prepared> {
        let bytes = std::fs::read(path).map_err(io(path))?;
        let sha = hex_sha256(&bytes);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let checked = self.check_bundle(&bytes, &name);
        let claimed = match &checked {
            Ok(_) => None,
            Err(_) => bundle::verify_bytes(&bytes, &name, None)
                .ok()
                .map(|v| (v.manifest.point.id, v.manifest.sequence)),
        };
        Ok(Prepared {
            file: path.display().to_string(),
            sha,
            claimed,
            checked,
        })
    }

    fn check_bundle(&self, bytes: &[u8], name: &str) -> std::result::Result<Checked, Rejection> {
        let v = bundle::verify_bytes(bytes, name, None)?;
        let m = &v.manifest;
        let trusted = self.trusted.get(&m.point.id).cloned();
        match trusted {
            None => {
                return Err(Rejection::UnknownKiosk {
                    point: m.point.id.clone(),
                    key_id: m.kiosk_key_id.clone(),
                });
            }
            Some((key_id, key)) if key != m.kiosk_public_key => {
                return Err(Rejection::NotTheTrustedKey {
                    point: m.point.id.clone(),
                    trusted: key_id,
                    found: m.kiosk_key_id.clone(),
                });
            }
            Some(_) => {}
        }
        if m.edition != self.edition {
            return Err(Rejection::OtherEdition {
                expected: self.edition.clone(),
                found: m.edition.clone(),
            });
        }
        if m.training {
            return Err(Rejection::Training);
        }
        if m.investigation && !self.allow_investigation {
            return Err(Rejection::Investigation);
        }
        let decryptor = age::Decryptor::new_buffered(v.payload.as_slice())
            .map_err(|e| Rejection::Undecryptable(e.to_string()))?;
        let mut reader = decryptor
            .decrypt(std::iter::once(&self.identity as &dyn age::Identity))
            .map_err(|e| Rejection::Undecryptable(e.to_string()))?;
        let mut plain = Vec::new();
        reader
            .read_to_end(&mut plain)
            .map_err(|e| Rejection::Undecryptable(e.to_string()))?;
        let mut entries = Vec::new();
        let mut prev: Hash = GENESIS;
        for (i, line) in plain
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            let seq = i as u64 + 1;
            let broken = |what: &str| Rejection::BrokenChain {
                seq,
                what: what.to_string(),
            };
            let entry: Entry =
                crate::store::journal::parse_entry(line).map_err(|_| broken("unreadable entry"))?;
            if entry.seq != seq {
                return Err(broken("out of order"));
            }
            if entry.canonical_bytes() != line {
                return Err(broken("not in canonical form"));
            }
            let hash = chain_hash(&prev, line);
            // What the card-id check compares, computed here, off the
            // storing thread.
            let digest = match &entry.event {
                Event::CardEntered { card, .. } => {
                    Some(hex_sha256(&serde_json::to_vec(card).unwrap_or_default()))
                }
                _ => None,
            };
            entries.push((seq, line.to_vec(), hash, entry, digest));
            prev = hash;
        }
        if entries.len() as u64 != m.journal.entries || hex::encode(prev) != m.journal.head_hash {
            return Err(Rejection::BrokenChain {
                seq: entries.len() as u64,
                what: "the entries do not end at the manifest's head hash".into(),
            });
        }
        check_sealed(m, &entries)?;
        Ok(Checked {
            point: m.point.id.clone(),
            sequence: m.sequence,
            entries,
        })
    }
}

/// A journal that begins with its store's creation entry (every kiosk store
/// since schema 2) must be sealed: the creation entry signed by the very kiosk
/// key that signed the bundle, and the manifest's seal made by the journal
/// key that entry names, over exactly this journal's head. Someone who
/// rewrote the journal on the kiosk's disk without a PIN could recompute the
/// hashes but not this seal. (Journals without a creation entry, from
/// earlier releases and the simulator, are checked by their chain alone.)
fn check_sealed(
    m: &bundle::Manifest,
    entries: &[CheckedEntry],
) -> std::result::Result<(), Rejection> {
    use crate::store::{check, keys};
    let created = |e: &CheckedEntry| matches!(e.3.event, Event::StoreCreated { .. });
    if entries.iter().skip(1).any(created) {
        return Err(Rejection::Unsealed(
            "a store-creation entry in the middle of the journal".into(),
        ));
    }
    let Some(first) = entries.first().filter(|e| created(e)) else {
        return Ok(());
    };
    let g = check::genesis_of(&first.3).map_err(|p| Rejection::Unsealed(p.en))?;
    if g.kiosk_public_key != m.kiosk_public_key || g.point_id != m.point.id {
        return Err(Rejection::Unsealed(
            "the journal was created by another kiosk key or point".into(),
        ));
    }
    let text = keys::seal_text(&m.point.id, m.journal.entries, &m.journal.head_hash);
    match &m.journal.seal {
        Some(seal) if keys::seal_verify(&g.journal_public_key, text.as_bytes(), seal) => Ok(()),
        Some(_) => Err(Rejection::Unsealed(
            "the seal is not the journal key's over this head (entries changed, added or removed without a PIN)".into(),
        )),
        None => Err(Rejection::Unsealed("the manifest carries no seal".into())),
    }
}

/// seq, canonical bytes, chain hash, the entry, and an entered card's digest.
type CheckedEntry = (u64, Vec<u8>, Hash, Entry, Option<String>);

struct Checked {
    point: String,
    sequence: u64,
    entries: Vec<CheckedEntry>,
}

/// Where a ballot came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "channel")]
pub enum Source {
    /// A card typed at a polling point, received in a bundle (file name).
    Point {
        point: String,
        bundle: String,
        card_id: String,
        operator: String,
    },
    /// A row of an internet channel file (file name and line).
    Internet { id: String, file: String, line: u64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub source: Source,
    pub card: RawCard,
}
