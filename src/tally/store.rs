//! The central office's store: trusted kiosks, every journal entry each kiosk
//! sent (verified, chained, never changed), the internet channel's rows, and a
//! record of every import, accepted or rejected.
//!
//! A bundle is checked completely before anything from it is stored, and is
//! stored in one transaction: all or nothing.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};

use crate::bundle::{self, VerifyError, hex_sha256};
use crate::card::{self, Assessment, RawCard, RuleOptions};
use crate::cardcsv;
use crate::edition::Edition;
use crate::store::journal::{Entry, Event, GENESIS, Hash, chain_hash};
use crate::store::pesel_key;

pub const DB_FILE: &str = "tally.sqlite";
/// The office's age identity: whoever holds it can read every bundle.
pub const IDENTITY_FILE: &str = "office-identity.txt";

fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(
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
    )])
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
    #[error("{0}")]
    Online(String),
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

    fn log_import(&self, what: &ImportLog<'_>, outcome: &str, detail: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO imports(at, kind, file, sha256, point, sequence, outcome, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                now(),
                what.kind,
                what.file,
                what.sha,
                what.point,
                what.sequence.map(|s| s as i64),
                outcome,
                detail
            ],
        )?;
        Ok(())
    }

    /// Imports one bundle file: every check first, then all of it or nothing.
    /// `Err(TallyError)` is a failure of the tally itself; a refused bundle is
    /// `Ok(Err(Rejection))`, and is recorded for the audit.
    pub fn import_bundle(
        &mut self,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let bytes = std::fs::read(path).map_err(io(path))?;
        let sha = hex_sha256(&bytes);
        let file = path.display().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let checked = self.check_bundle(&bytes, &name);
        let mut log = ImportLog {
            kind: "bundle",
            file: &file,
            sha: &sha,
            point: None,
            sequence: None,
        };
        let outcome = match checked {
            Err(r) => Err(r),
            Ok(c) => {
                log.point = Some(c.point.clone());
                log.sequence = Some(c.sequence);
                self.store_entries(&c)?
            }
        };
        match &outcome {
            Ok(Imported::Added { entries, .. }) => {
                self.log_import(&log, "accepted", &format!("{entries} new entries"))?
            }
            Ok(_) => self.log_import(&log, "unchanged", "the same or an older bundle")?,
            Err(r) => self.log_import(&log, "rejected", &r.to_string())?,
        }
        Ok(outcome)
    }

    fn check_bundle(&self, bytes: &[u8], name: &str) -> std::result::Result<Checked, Rejection> {
        let v = bundle::verify_bytes(bytes, name, None)?;
        let m = &v.manifest;
        let trusted: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT key_id, public_key FROM kiosks WHERE point = ?1",
                [&m.point.id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| Rejection::Online(e.to_string()))?;
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
        if m.edition != self.edition.id {
            return Err(Rejection::OtherEdition {
                expected: self.edition.id.clone(),
                found: m.edition.clone(),
            });
        }
        if m.training {
            return Err(Rejection::Training);
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
                serde_json::from_slice(line).map_err(|_| broken("unreadable entry"))?;
            if entry.seq != seq {
                return Err(broken("out of order"));
            }
            if entry.canonical_bytes() != line {
                return Err(broken("not in canonical form"));
            }
            let hash = chain_hash(&prev, line);
            entries.push((seq, line.to_vec(), hash, entry));
            prev = hash;
        }
        if entries.len() as u64 != m.journal.entries || hex::encode(prev) != m.journal.head_hash {
            return Err(Rejection::BrokenChain {
                seq: entries.len() as u64,
                what: "the entries do not end at the manifest's head hash".into(),
            });
        }
        Ok(Checked {
            point: m.point.id.clone(),
            sequence: m.sequence,
            entries,
        })
    }

    fn store_entries(&mut self, c: &Checked) -> Result<std::result::Result<Imported, Rejection>> {
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
        let bundle_no: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM imports", [], |r| {
                r.get(0)
            })?;
        for (seq, body, hash, entry) in &c.entries[have as usize..] {
            if let Event::CardEntered { card_id, card, .. } = &entry.event {
                let digest = hex_sha256(&serde_json::to_vec(card).unwrap_or_default());
                let seen: Option<String> = tx
                    .query_row(
                        "SELECT digest FROM card_ids WHERE card_id = ?1",
                        [card_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                match seen {
                    Some(d) if d != digest => {
                        return Ok(Err(Rejection::RecordChanged {
                            id: card_id.clone(),
                        }));
                    }
                    Some(_) => {}
                    None => {
                        tx.execute(
                            "INSERT INTO card_ids(card_id, point, digest) VALUES (?1, ?2, ?3)",
                            params![card_id, c.point, digest],
                        )?;
                    }
                }
            }
            tx.execute(
                "INSERT INTO kiosk_entries(point, seq, body, hash, bundle) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![c.point, *seq as i64, body, hash.as_slice(), bundle_no],
            )?;
        }
        tx.commit()?;
        Ok(Ok(Imported::Added {
            point: c.point.clone(),
            entries: n - have,
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
            Ok(Imported::Online { rows }) => ("accepted", format!("{rows} rows")),
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
        self.log_import(&log, result, &detail)?;
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
        for (id, line, card) in &cards {
            let json = serde_json::to_string(card).unwrap_or_default();
            let digest = hex_sha256(json.as_bytes());
            let seen: Option<String> = tx
                .query_row("SELECT digest FROM online WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?;
            match seen {
                Some(d) if d != digest => {
                    return Ok(Err(Rejection::RecordChanged { id: id.clone() }));
                }
                Some(_) => {}
                None => {
                    tx.execute(
                        "INSERT INTO online(id, file, line, card, digest) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![id, file, *line as i64, json, digest],
                    )?;
                    added += 1;
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
        let mut by_card: BTreeMap<String, Ballot> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT point, seq, body FROM kiosk_entries ORDER BY point, seq")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let point: String = r.get(0)?;
            let body: Vec<u8> = r.get(2)?;
            let entry: Entry = serde_json::from_slice(&body)
                .map_err(|e| TallyError::Other(format!("stored entry unreadable: {e}")))?;
            let operator = entry.operator.clone();
            match entry.event {
                Event::CardEntered { card_id, card, .. }
                | Event::CardAmended { card_id, card, .. } => {
                    by_card.insert(
                        card_id.clone(),
                        Ballot {
                            source: Source::Point {
                                point: point.clone(),
                                card_id,
                                operator,
                            },
                            card,
                        },
                    );
                }
                Event::CardVoided { card_id, .. } => {
                    by_card.remove(&card_id);
                }
                _ => {}
            }
        }
        let mut out: Vec<Ballot> = by_card.into_values().collect();
        let mut stmt = self
            .conn
            .prepare("SELECT id, card FROM online ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let json: String = r.get(1)?;
            let card: RawCard = serde_json::from_str(&json)
                .map_err(|e| TallyError::Other(format!("stored row unreadable: {e}")))?;
            out.push(Ballot {
                source: Source::Internet { id },
                card,
            });
        }
        Ok(out)
    }

    /// Every ballot judged: the card rules, then `multiple_votes` on every
    /// ballot of a person (PESEL) who has more than one.
    pub fn judged(&self) -> Result<Vec<(Ballot, Assessment)>> {
        let ballots = self.ballots()?;
        let mut per_person: HashMap<String, usize> = HashMap::new();
        for b in &ballots {
            if let Some(k) = pesel_key(&b.card.pesel) {
                *per_person.entry(k).or_default() += 1;
            }
        }
        Ok(ballots
            .into_iter()
            .map(|b| {
                let a = card::assess(&self.edition, &b.card, RuleOptions::default());
                let many = pesel_key(&b.card.pesel).is_some_and(|k| per_person[&k] > 1);
                let a = if many {
                    super::results::with_multiple_votes(&a)
                } else {
                    a
                };
                (b, a)
            })
            .collect())
    }
}

/// What the import log records about one file.
struct ImportLog<'a> {
    kind: &'a str,
    file: &'a str,
    sha: &'a str,
    point: Option<String>,
    sequence: Option<u64>,
}

struct Checked {
    point: String,
    sequence: u64,
    entries: Vec<(u64, Vec<u8>, Hash, Entry)>,
}

/// Where a ballot came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Point {
        point: String,
        card_id: String,
        operator: String,
    },
    Internet {
        id: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub source: Source,
    pub card: RawCard,
}
