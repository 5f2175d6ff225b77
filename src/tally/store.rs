//! The central office's store: trusted kiosks, every journal entry each kiosk
//! sent (verified, chained, never changed), the internet channel's rows, and a
//! record of every import, accepted or rejected.
//!
//! A bundle is read once, as a stream, into one transaction that is
//! committed only when every check has held (the last ones at the end of the
//! file): all or nothing, in memory that does not grow with the bundle.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};

use crate::bundle::{self, Said, VerifyError, hex_sha256};
use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::cardcsv;
use crate::edition::Edition;
use crate::store::journal::{Entry, Event, GENESIS, Hash, chain_hash};
use crate::store::pesel_key;
use crate::tally::online::{OnlineRefusal, RowFault};

mod sync;
pub use sync::PointSync;

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
        // Each import's outcome as a code and its arguments, so that it can
        // be shown in Polish or English. Old rows get codes where their
        // English text says exactly which (acceptances, "unchanged"); a
        // rejection's old text stays as it was written.
        M::up(
            "ALTER TABLE imports ADD COLUMN code TEXT;
             ALTER TABLE imports ADD COLUMN args TEXT;
             DROP TRIGGER imports_no_update;
             UPDATE imports SET code = 'accepted', args = json_array(substr(detail, 14))
                 WHERE kind = 'bundle' AND outcome = 'accepted' AND detail GLOB 'new entries: [0-9]*';
             UPDATE imports SET code = 'unchanged', args = '[]'
                 WHERE kind = 'bundle' AND outcome = 'unchanged';
             UPDATE imports SET code = 'online_accepted', args = json_array(substr(detail, 7))
                 WHERE kind = 'online' AND outcome = 'accepted' AND detail GLOB 'rows: [0-9]*';
             UPDATE imports SET code = 'online_unchanged', args = '[]'
                 WHERE kind = 'online' AND outcome = 'unchanged';
             CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
             BEGIN SELECT RAISE(ABORT, 'the import log is never changed'); END;",
        ),
        // The point's name as each accepted bundle's manifest gives it, for
        // the published page (earlier imports have none: the page shows ids).
        M::up("ALTER TABLE imports ADD COLUMN point_name TEXT;"),
        // Each entered or amended card judged by the office's rules as it
        // is imported, in the form the count reads (`results::Compact`):
        // the count then parses no JSON. Rows stored before have NULL here
        // and are judged from their entry when counted.
        M::up(
            "ALTER TABLE kiosk_cards ADD COLUMN reasons TEXT;
             ALTER TABLE kiosk_cards ADD COLUMN district INTEGER;
             ALTER TABLE kiosk_cards ADD COLUMN local BLOB;
             ALTER TABLE kiosk_cards ADD COLUMN citywide BLOB;",
        ),
        // Each imported `card_verified` entry as a row, for the per-point
        // verification figures (`tally::verification`).
        M::up(super::verification::MIGRATION),
    ])
}

/// Why an import was refused; nothing from it is stored.
#[derive(Debug, PartialEq, Eq)]
pub enum Rejection {
    Bundle(VerifyError),
    UnknownKiosk {
        point: String,
        key_id: String,
    },
    NotTheTrustedKey {
        point: String,
        trusted: String,
        found: String,
    },
    OtherEdition {
        expected: String,
        found: String,
    },
    Training,
    Undecryptable(String),
    /// `what`: `unreadable`, `out_of_order`, `not_canonical`, `too_long`,
    /// `head` (the entries do not end at the manifest's head hash).
    BrokenChain {
        seq: u64,
        what: &'static str,
    },
    Fork {
        point: String,
        seq: u64,
        ours: String,
        theirs: String,
    },
    /// A delta that starts after entries the office does not hold yet.
    Gap {
        point: String,
        have: u64,
        from: u64,
    },
    RecordChanged {
        id: String,
    },
    NotItsCard {
        seq: u64,
        id: String,
        point: String,
    },
    WrongCardId {
        seq: u64,
        id: String,
        expected: String,
    },
    /// An internet channel file that cannot be read, in both languages.
    Online(OnlineRefusal),
    /// A bug met while reading the file (a panic, caught).
    Internal,
    /// A bundle for investigation, exported from a kiosk store that failed
    /// its checks; taken only with `tally import --investigation`.
    Investigation,
    /// The journal is not the one its kiosk sealed (English, Polish).
    Unsealed {
        en: String,
        pl: String,
    },
}

impl From<VerifyError> for Rejection {
    fn from(e: VerifyError) -> Rejection {
        Rejection::Bundle(e)
    }
}

impl Rejection {
    /// The code and arguments the import log keeps.
    pub fn said(&self) -> Said {
        use Rejection::*;
        match self {
            Bundle(e) => e.said(),
            UnknownKiosk { point, key_id } => {
                Said::new("unknown_kiosk", vec![point.clone(), key_id.clone()])
            }
            NotTheTrustedKey {
                point,
                trusted,
                found,
            } => Said::new(
                "not_trusted_key",
                vec![point.clone(), trusted.clone(), found.clone()],
            ),
            OtherEdition { expected, found } => {
                Said::new("other_edition", vec![expected.clone(), found.clone()])
            }
            Training => Said::new("training", vec![]),
            Undecryptable(e) => Said::new("undecryptable", vec![e.clone()]),
            BrokenChain { seq, what } => {
                Said::new("broken_chain", vec![seq.to_string(), what.to_string()])
            }
            Fork {
                point,
                seq,
                ours,
                theirs,
            } => Said::new(
                "fork",
                vec![point.clone(), seq.to_string(), ours.clone(), theirs.clone()],
            ),
            Gap { point, have, from } => Said::new(
                "gap",
                vec![point.clone(), have.to_string(), from.to_string()],
            ),
            RecordChanged { id } => Said::new("record_changed", vec![id.clone()]),
            NotItsCard { seq, id, point } => Said::new(
                "not_its_card",
                vec![seq.to_string(), id.clone(), point.clone()],
            ),
            WrongCardId { seq, id, expected } => Said::new(
                "wrong_card_id",
                vec![seq.to_string(), id.clone(), expected.clone()],
            ),
            Online(refusal) => Said::new(
                "online",
                vec![
                    refusal.describe(crate::i18n::Lang::En).to_string(),
                    refusal.describe(crate::i18n::Lang::Pl).to_string(),
                ],
            ),
            Internal => Said::new("internal", vec![]),
            Investigation => Said::new("investigation", vec![]),
            Unsealed { en, pl } => Said::new("unsealed", vec![en.clone(), pl.clone()]),
        }
    }

    /// The refusal in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        self.said().render(lang)
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for Rejection {}

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
    /// Internal: something urna's own code should not let happen.
    #[error("{0}")]
    Other(String),
    /// A refusal in both languages.
    #[error("{en}")]
    Words { en: String, pl: String },
}

/// A refusal in both languages.
pub(crate) fn words(pl: impl Into<String>, en: impl Into<String>) -> TallyError {
    TallyError::Words {
        en: en.into(),
        pl: pl.into(),
    }
}

impl TallyError {
    /// The error in `lang`: library and OS errors in words of `lang` too.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::foreign;
        use crate::i18n::Lang::*;
        match (self, lang) {
            (TallyError::NotInitialised(dir), Pl) => format!(
                "w {} nie ma magazynu biura: najpierw uruchom `urna tally init`",
                dir.display()
            ),
            (TallyError::AlreadyInitialised(dir), Pl) => {
                format!("w {} już jest magazyn biura", dir.display())
            }
            (TallyError::Io { path, source }, lang) => format!(
                "{}: {}",
                crate::shown::path(path),
                foreign::io_error(lang, source)
            ),
            (TallyError::Sqlite(e), Pl) => {
                format!("baza danych: {}", foreign::sqlite_error(lang, e))
            }
            (TallyError::Sqlite(e), En) => format!("database: {}", foreign::sqlite_error(lang, e)),
            (TallyError::SqliteValue(_), Pl) => "baza danych: wartość nieoczekiwanego typu".into(),
            (TallyError::Migration(e), Pl) => format!(
                "schemat bazy danych: {}",
                foreign::sqlite::migration(lang, e)
            ),
            (TallyError::Migration(e), En) => {
                format!("database schema: {}", foreign::sqlite::migration(lang, e))
            }
            (TallyError::Edition(e), lang) => e.describe(lang),
            (TallyError::Words { pl, .. }, Pl) => pl.clone(),
            (e, _) => e.to_string(),
        }
    }
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
    crate::store::configure_durable(conn)?;
    // One bundle's import is one transaction of a few MiB of new pages: kept
    // in memory until its commit, each page reaches the WAL once (with
    // SQLite's 2 MiB default the tree's last pages spill and are written
    // again and again).
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
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
        // What this call made, removed again if it fails half-way (a full
        // disk): a failed `tally init` can simply be run again.
        let mut made: Vec<PathBuf> = Vec::new();
        let result = (|| -> Result<Connection> {
            {
                use age::secrecy::ExposeSecret;
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .mode(0o600)
                    .open(&id_path)
                    .map_err(io(&id_path))?;
                made.push(id_path.clone());
                writeln!(f, "{}", identity.to_string().expose_secret()).map_err(io(&id_path))?;
                f.sync_all().map_err(io(&id_path))?;
            }
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&db)
                .map_err(io(&db))?;
            made.push(db.clone());
            made.push(dir.join(format!("{DB_FILE}-wal")));
            made.push(dir.join(format!("{DB_FILE}-shm")));
            let mut conn = Connection::open(&db)?;
            configure(&conn)?;
            migrations().to_latest(&mut conn)?;
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('edition_toml', ?1)",
                [edition_toml],
            )?;
            Ok(conn)
        })();
        let conn = match result {
            Ok(conn) => conn,
            Err(e) => {
                for p in &made {
                    let _ = std::fs::remove_file(p);
                }
                return Err(e);
            }
        };
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
                let shown = crate::shown::path(&id_path);
                words(
                    format!("{shown}: to nie jest klucz tożsamości age"),
                    format!("{shown}: not an age identity"),
                )
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
        // Only an id a kiosk can have (`urna init --point`): anything else is
        // a typo no bundle would ever match.
        if !crate::store::valid_point_id(point) {
            return Err(words(
                "identyfikator punktu to litery, cyfry, „-” i „_” (najwyżej 32 znaki), jak w `urna init --point`",
                "a point id is letters, digits, '-' and '_' (up to 32), as in `urna init --point`",
            ));
        }
        let key = public_key_text
            .lines()
            .find(|l| !l.starts_with("untrusted comment:") && !l.trim().is_empty())
            .unwrap_or_default()
            .trim()
            .to_string();
        let not_a_key = || {
            words(
                "to nie jest klucz publiczny minisign (wypisuje go `urna key`)",
                "not a minisign public key (`urna key` prints one)",
            )
        };
        minisign_verify::PublicKey::from_base64(&key).map_err(|_| not_a_key())?;
        let raw = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &key)
            .map_err(|_| not_a_key())?;
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
                return Err(words(
                    format!("punkt {point} jest już zaufany z innym kluczem"),
                    format!("point {point} is already trusted with another key"),
                ));
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

    /// One row of the import log: the outcome as a code and its arguments
    /// (rendered in the reader's language later) and, for whoever reads
    /// the table itself, in English.
    fn log_import(
        conn: &Connection,
        what: &ImportLog,
        outcome: &str,
        said: &Said,
        id: Option<i64>,
    ) -> Result<i64> {
        conn.prepare_cached(
            "INSERT INTO imports(id, at, kind, file, sha256, point, sequence, outcome, detail, code, args, point_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            id,
            now(),
            what.kind,
            what.file,
            what.sha,
            what.point,
            what.sequence.map(|s| s as i64),
            outcome,
            said.render(crate::i18n::Lang::En),
            said.code,
            serde_json::to_string(&said.args).unwrap_or_else(|_| "[]".into()),
            what.point_name,
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
            judge: Judge::new(&self.edition),
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
        let checker = self.checker()?;
        self.import_one(&checker, path)
    }

    /// Imports bundle files in order, one at a time, each as
    /// [`Tally::import_bundle`] would. Whatever is wrong with one file is
    /// that file's refusal and the next is read; only a failure of the
    /// tally's own database stops the lot. `report` hears of each file as
    /// it is done.
    pub fn import_bundles(
        &mut self,
        paths: &[PathBuf],
        mut report: impl FnMut(&Path, &std::result::Result<Imported, Rejection>),
    ) -> Result<()> {
        let checker = self.checker()?;
        for p in paths {
            let outcome = self.import_one(&checker, p)?;
            report(p, &outcome);
        }
        Ok(())
    }

    /// One file, start to end, with exactly one row in the import log.
    fn import_one(
        &mut self,
        checker: &Checker,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        self.import_logged(crate::shown::path(path), |tally, log| {
            tally.read_and_store(checker, path, log)
        })
    }

    /// Imports one bundle received whole in memory (the sync server's
    /// upload), exactly as [`Tally::import_bundle`] imports a file: the same
    /// checks, all or nothing, one row in the import log under `source`.
    /// With no file name to check, the name the manifest implies is taken.
    pub fn import_bytes(
        &mut self,
        bytes: &[u8],
        source: &str,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let checker = self.checker()?;
        self.import_logged(source.to_string(), |tally, log| {
            let name = bundle::implied_file_name(bytes).unwrap_or_default();
            let mut src = bundle::Source::new(bytes);
            let len = bytes.len() as u64;
            let kind = if bundle::delta::is_delta(bytes) {
                Kind::Delta
            } else {
                Kind::Bundle(&name)
            };
            let outcome = tally.read_bundle(&checker, &mut src, len, kind, log)?;
            if !matches!(outcome, Ok(Imported::Added { .. })) {
                log.sha = hex_sha256(bytes);
            }
            Ok(outcome)
        })
    }

    /// One attempt, start to end, with exactly one row in the import log.
    fn import_logged(
        &mut self,
        file: String,
        read: impl FnOnce(
            &mut Tally,
            &mut ImportLog,
        ) -> Result<std::result::Result<Imported, Rejection>>,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let mut log = ImportLog {
            kind: "bundle",
            file,
            sha: String::new(),
            point: None,
            sequence: None,
            point_name: None,
        };
        // The last line of defence: a bug met while reading one file is
        // that file's refusal (its transaction rolls back as it unwinds).
        let outcome =
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(self, &mut log))) {
                Ok(outcome) => outcome?,
                Err(_) => Err(Rejection::Internal),
            };
        match &outcome {
            Ok(Imported::Added { .. }) => {}
            Ok(_) => {
                Self::log_import(
                    &self.conn,
                    &log,
                    "unchanged",
                    &Said::new("unchanged", vec![]),
                    None,
                )?;
            }
            Err(r) => {
                Self::log_import(&self.conn, &log, "rejected", &r.said(), None)?;
            }
        }
        // The log file gets the outcome's code only: the import log in the
        // store has the whole sentence.
        let (outcome_word, code) = match &outcome {
            Ok(Imported::Added { .. }) => ("accepted", "accepted"),
            Ok(_) => ("unchanged", "unchanged"),
            Err(r) => ("rejected", r.said().code),
        };
        tracing::info!(
            file = %log.file,
            sha256 = %log.sha,
            point = %log.point.as_deref().map(crate::shown::Shown::new).map(|p| p.to_string()).unwrap_or_default(),
            sequence = log.sequence.unwrap_or_default(),
            outcome = outcome_word,
            code,
            "bundle imported"
        );
        Ok(outcome)
    }

    fn read_and_store(
        &mut self,
        checker: &Checker,
        path: &Path,
        log: &mut ImportLog,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let (file, len) = match bundle::read::open_file(path) {
            Ok(f) => f,
            Err(e) => return Ok(Err(e.into())),
        };
        let mut src = bundle::Source::new(std::io::BufReader::with_capacity(256 * 1024, file));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = self.read_bundle(checker, &mut src, len, Kind::Bundle(&name), log)?;
        if !matches!(outcome, Ok(Imported::Added { .. })) {
            // A refused file is named by its SHA-256 too: the rest of it is
            // read to hash it, unless it is larger than any bundle can be
            // (then the log has no hash for it).
            log.sha = if len > bundle::read::MAX_FILE {
                String::new()
            } else {
                match src.drain(bundle::read::MAX_FILE.saturating_sub(src.offset())) {
                    Ok(true) => src.sha256_hex(),
                    _ => String::new(),
                }
            };
        }
        Ok(outcome)
    }

    /// Checks the bundle's headers and signature, then streams its journal
    /// into one transaction as it is decrypted: nothing is kept but a few
    /// batches of entries, and nothing is committed unless every check
    /// held, the last ones (the payload's hash, the end of the archive, the
    /// manifest's head hash) included.
    fn read_bundle<R: std::io::Read + Send>(
        &mut self,
        checker: &Checker,
        src: &mut bundle::Source<R>,
        len: u64,
        kind: Kind<'_>,
        log: &mut ImportLog,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let opened = match kind {
            Kind::Bundle(name) => bundle::open(src, Some(len), name, None).map(|o| (o, None)),
            Kind::Delta => bundle::delta::open(src, Some(len)).map(|(o, u)| (o, Some(u))),
        };
        let (opened, unverified) = match opened {
            Ok(o) => o,
            Err(e) => return Ok(Err(e.into())),
        };
        let m = opened.manifest.clone();
        log.point = Some(m.point.id.clone());
        log.sequence = unverified.is_none().then_some(m.sequence);
        log.point_name = Some(m.point.name.clone());
        if let Err(r) = checker.check_manifest(&m) {
            return Ok(Err(r));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Entries are stored 1, 2, 3… for each point: the highest is the count.
        let have: i64 = tx.query_row(
            "SELECT COALESCE(MAX(seq), 0) FROM kiosk_entries WHERE point = ?1",
            [&m.point.id],
            |r| r.get(0),
        )?;
        let have = have as u64;
        // The log row is written last, with the entries: its id now.
        let bundle_no: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM imports", [], |r| {
                r.get(0)
            })?;
        let hash_at = |seq: u64| -> Result<Vec<u8>> {
            Ok(tx.query_row(
                "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
                params![m.point.id, seq as i64],
                |r| r.get(0),
            )?)
        };
        let ours_at_have: Option<Vec<u8>> = if have > 0 { Some(hash_at(have)?) } else { None };
        // A delta starts where the office's copy of that journal is, at most.
        let (start, stored_first) = match &unverified {
            None => ((0, GENESIS), None),
            Some(unverified) => match delta_start(&tx, &m, have, unverified)? {
                Ok(start) => start,
                Err(r) => return Ok(Err(r)),
            },
        };
        let identity = &checker.identity;
        let judge = &checker.judge;
        let (batches, incoming) = std::sync::mpsc::sync_channel::<Vec<RawEntry>>(4);
        let mut storing = Storing {
            point: &m.point.id,
            have,
            ours_at_have,
            bundle_no,
            added: 0,
        };
        // Three stages: this bundle's reader decrypts, splits and chains the
        // lines; workers on every core parse, check and judge them; this
        // thread stores them, in order, in the one transaction.
        let (stored, read, created) = std::thread::scope(|s| {
            let reader = s.spawn(move || {
                opened.read_payload(|r| Checker::read_lines(r, identity, start, &batches))
            });
            let mut refusal: Option<Rejection> = None;
            let mut created: Option<Entry> = stored_first;
            let mut pending: Vec<CheckedEntry> = Vec::with_capacity(ENTRY_BATCH);
            let mut store =
                |pending: &mut Vec<CheckedEntry>, refusal: &mut Option<Rejection>| -> Result<()> {
                    match storing.add(&tx, std::mem::take(pending))? {
                        Ok(()) => Ok(()),
                        Err(r) => {
                            *refusal = Some(r);
                            Err(TallyError::Other(String::new()))
                        }
                    }
                };
            let checked = in_order(
                || Ok(incoming.recv().unwrap_or_default()),
                &|raw: RawEntry| Ok(Checker::check_entry(judge, raw)),
                |c: std::result::Result<(CheckedEntry, Option<Entry>), Rejection>| match c {
                    Err(r) => {
                        refusal = Some(r);
                        Err(TallyError::Other(String::new()))
                    }
                    Ok((entry, first)) => {
                        if first.is_some() {
                            created = first;
                        }
                        pending.push(entry);
                        if pending.len() == ENTRY_BATCH {
                            store(&mut pending, &mut refusal)?;
                        }
                        Ok(())
                    }
                },
            )
            .and_then(|()| store(&mut pending, &mut refusal));
            // The reader stops at its next batch once nobody listens.
            drop(incoming);
            let read = match reader.join() {
                Ok(read) => read,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            // A refusal stopped the stages; any other error is the tally's.
            let stored: Result<std::result::Result<(), Rejection>> = match (checked, refusal) {
                (_, Some(r)) => Ok(Err(r)),
                (Err(e), None) => Err(e),
                (Ok(()), None) => Ok(Ok(())),
            };
            (stored, read, created)
        });
        let read = read.map(|(v, (seq, head))| (v, (seq, head, created)));
        let refused = stored?.err();
        let (head_seq, (head, created)) = match (refused, read) {
            // The archive or the payload itself is wrong: that is the refusal,
            // whatever storing made of it.
            (_, Err(Reading::Refused(r @ Rejection::Bundle(_)))) => return Ok(Err(r)),
            (Some(r), _) => return Ok(Err(r)),
            (None, Err(Reading::Refused(r))) => return Ok(Err(r)),
            (None, Err(Reading::Stopped)) => {
                return Err(TallyError::Other("the bundle reader stopped".into()));
            }
            (None, Ok((_, (seq, head, created)))) => (seq, (head, created)),
        };
        if head_seq != m.journal.entries || hex::encode(head) != m.journal.head_hash {
            return Ok(Err(Rejection::BrokenChain {
                seq: head_seq,
                what: "head",
            }));
        }
        // A delta from the journal's start carried the creation entry: the
        // journal key that must have signed it is known only now.
        if let Some(unverified) = &unverified
            && m.journal.from == Some(0)
            && let Err(r) = delta_signed(&m, created.as_ref(), unverified)
        {
            return Ok(Err(r));
        }
        // The head is the manifest's: now its seal, by the journal key the
        // store's creation entry names.
        if let Err(r) = check_sealed(&m, created.as_ref()) {
            return Ok(Err(r));
        }
        if head_seq < have {
            let ours: Vec<u8> = tx.query_row(
                "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
                params![m.point.id, head_seq as i64],
                |r| r.get(0),
            )?;
            if ours != head {
                return Ok(Err(Rejection::Fork {
                    point: m.point.id.clone(),
                    seq: head_seq,
                    ours: hex::encode(ours),
                    theirs: hex::encode(head),
                }));
            }
        }
        if head_seq <= have {
            return Ok(Ok(Imported::AlreadyHave {
                point: m.point.id.clone(),
            }));
        }
        let added = storing.added;
        log.sha = src.sha256_hex();
        Self::log_import(
            &tx,
            log,
            "accepted",
            &Said::new("accepted", vec![added.to_string()]),
            Some(bundle_no),
        )?;
        tx.commit()?;
        Ok(Ok(Imported::Added {
            point: m.point.id.clone(),
            entries: added,
        }))
    }

    /// Imports the internet channel's card CSV: every row readable, every id
    /// new or unchanged, or nothing is stored.
    pub fn import_online(
        &mut self,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let file = crate::shown::path(path);
        let (sha, outcome) = match bundle::read::read_regular(path, cardcsv::MAX_FILE_BYTES) {
            Ok(bytes) => (hex_sha256(&bytes), self.store_online(&bytes, &file)?),
            Err(reason) => {
                let e = cardcsv::FileError::Open {
                    path: file.clone(),
                    reason,
                };
                (
                    String::new(),
                    Err(Rejection::Online(OnlineRefusal::file(&e))),
                )
            }
        };
        let (result, said) = match &outcome {
            Ok(Imported::Online { rows }) => (
                "accepted",
                Said::new("online_accepted", vec![rows.to_string()]),
            ),
            Ok(_) => ("unchanged", Said::new("online_unchanged", vec![])),
            Err(r) => ("rejected", r.said()),
        };
        let log = ImportLog {
            kind: "online",
            file: file.clone(),
            sha,
            point: None,
            sequence: None,
            point_name: None,
        };
        Self::log_import(&self.conn, &log, result, &said, None)?;
        tracing::info!(
            file = %log.file,
            sha256 = %log.sha,
            outcome = result,
            code = said.code,
            "internet file imported"
        );
        Ok(outcome)
    }

    fn store_online(
        &mut self,
        bytes: &[u8],
        file: &str,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let rows = match cardcsv::parse(bytes, file, &self.edition.ballot) {
            Ok(rows) => rows,
            Err(e) => return Ok(Err(Rejection::Online(OnlineRefusal::file(&e)))),
        };
        let mut problems = Vec::new();
        let mut cards = Vec::new();
        for row in rows {
            match row.card {
                Err(p) => problems.push((row.line, RowFault::Problem(p))),
                Ok(_) if row.id.is_empty() => problems.push((row.line, RowFault::NoId)),
                Ok(card) => cards.push((row.id, row.line, card)),
            }
        }
        if !problems.is_empty() {
            return Ok(Err(Rejection::Online(OnlineRefusal::rows(file, &problems))));
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
                        return Ok(Err(Rejection::RecordChanged {
                            id: crate::shown::Shown::new(id).to_string(),
                        }));
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

    /// A count's first pass, over the small columns written at import:
    /// which kiosk rows a later entry amended or voided (by the point's
    /// place in `ORDER BY point` and the entry's number), and how many
    /// standing ballots each person has — the internet ballots of a PESEL
    /// the office annulled are not that person's.
    fn first_pass(&self, annulled: &HashSet<String>) -> Result<(HashSet<(u32, i64)>, People)> {
        let mut superseded: HashSet<(u32, i64)> = HashSet::new();
        let mut people = People::default();
        let mut stmt = self.conn.prepare(
            "SELECT point, seq, card_id, kind, pesel FROM kiosk_cards ORDER BY point, seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut point = String::new();
        let mut point_no = 0u32;
        let mut cards: HashMap<String, (i64, Option<Person>)> = HashMap::new();
        while let Some(r) = rows.next()? {
            let this_point = r.get_ref(0)?.as_str()?;
            if this_point != point {
                for (_, person) in cards.values() {
                    people.add(person.as_ref());
                }
                cards.clear();
                point = this_point.to_string();
                point_no += 1;
            }
            let seq: i64 = r.get(1)?;
            let card_id = r.get_ref(2)?.as_str()?;
            let before = if r.get_ref(3)?.as_str()? == "card_voided" {
                cards.remove(card_id)
            } else {
                cards.insert(
                    card_id.to_string(),
                    (seq, Person::of(r.get_ref(4)?.as_str()?)),
                )
            };
            if let Some((old, _)) = before {
                superseded.insert((point_no, old));
            }
        }
        for (_, person) in cards.values() {
            people.add(person.as_ref());
        }
        let mut stmt = self.conn.prepare("SELECT card FROM online")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let card: PeselOnly = serde_json::from_str(r.get_ref(0)?.as_str()?)
                .map_err(|e| TallyError::Other(format!("stored row unreadable: {e}")))?;
            if !pesel_key(&card.pesel).is_some_and(|k| annulled.contains(&k)) {
                people.add(Person::of(&card.pesel).as_ref());
            }
        }
        Ok((superseded, people))
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
        let annulled = self.annulled()?;
        let is_annulled = |source: &Source, key: &Option<String>| {
            matches!(source, Source::Internet { .. })
                && key.as_ref().is_some_and(|k| annulled.contains(k))
        };
        let (_, people) = self.first_pass(&annulled)?;
        let edition = &self.edition;
        self.each_ballot(
            |json| {
                let card: RawCard = serde_json::from_str(json)
                    .map_err(|e| TallyError::Other(format!("stored card unreadable: {e}")))?;
                let a = card::assess(edition, &card, RuleOptions::default());
                let twice = people.twice(Person::of(&card.pesel).as_ref());
                Ok((
                    a,
                    pesel_key(&card.pesel),
                    crate::pesel::mask(&card.pesel),
                    twice,
                ))
            },
            |source, (mut a, person, pesel, twice)| {
                if is_annulled(&source, &person) {
                    a = super::results::with_reason(a, Reason::Annulled);
                } else if twice {
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

    /// Every ballot that stands, as the count needs it, one at a time: the
    /// same ballots and verdicts as [`Tally::each_judged`] (the card rules,
    /// `annulled`, `multiple_votes`), read from the columns the import wrote
    /// beside each card instead of from its JSON. `point` is `None` for an
    /// internet ballot. Kiosk cards come point by point, in no set order
    /// within a point.
    pub fn each_counted(&self, mut f: impl FnMut(Counted<'_>)) -> Result<()> {
        // Both passes read one snapshot of the store.
        let snapshot = self.conn.unchecked_transaction()?;
        let annulled = self.annulled()?;
        let judge = Judge::new(&self.edition);
        let (superseded, per_person) = self.first_pass(&annulled)?;
        let mut reasons: Vec<Reason> = Vec::new();
        let mut deliver = |point: Option<&str>, c: StoredVerdict<'_>, extra: Option<Reason>| {
            reasons.clear();
            for code in c.reasons.split(',').filter(|c| !c.is_empty()) {
                if let Ok(r) = code.parse::<Reason>() {
                    reasons.push(r);
                }
            }
            let no_points = extra.is_some();
            if let Some(r) = extra
                && !reasons.contains(&r)
            {
                reasons.push(r);
                reasons.sort();
            }
            f(Counted {
                point,
                reasons: &reasons,
                district: c.district,
                local: if no_points { &[] } else { c.local },
                citywide: if no_points { &[] } else { c.citywide },
            });
        };
        // Second pass: every standing card, as it is read.
        {
            let mut stmt = snapshot.prepare(
                "SELECT point, seq, kind, pesel, reasons, district, local, citywide
                 FROM kiosk_cards ORDER BY point, seq",
            )?;
            let mut rows = stmt.query([])?;
            let mut point = String::new();
            let mut point_no = 0u32;
            while let Some(r) = rows.next()? {
                let this_point = r.get_ref(0)?.as_str()?;
                if this_point != point {
                    point = this_point.to_string();
                    point_no += 1;
                }
                let seq: i64 = r.get(1)?;
                if r.get_ref(2)?.as_str()? == "card_voided" || superseded.contains(&(point_no, seq))
                {
                    continue;
                }
                let extra = per_person
                    .twice(Person::of(r.get_ref(3)?.as_str()?).as_ref())
                    .then_some(Reason::MultipleVotes);
                match r.get_ref(4)?.as_str_or_null()? {
                    Some(codes) => deliver(
                        Some(&point),
                        StoredVerdict {
                            reasons: codes,
                            district: r
                                .get::<_, Option<i64>>(5)?
                                .and_then(|d| u32::try_from(d).ok()),
                            local: r.get_ref(6)?.as_blob_or_null()?.unwrap_or_default(),
                            citywide: r.get_ref(7)?.as_blob_or_null()?.unwrap_or_default(),
                        },
                        extra,
                    ),
                    // Stored before the import judged cards: judged now,
                    // from its entry.
                    None => {
                        let c = self.judge_stored(&judge, &point, seq)?;
                        deliver(Some(&point), c.stored(), extra);
                    }
                }
            }
        }
        let mut stmt = snapshot.prepare("SELECT card FROM online ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let card: RawCard = serde_json::from_str(r.get_ref(0)?.as_str()?)
                .map_err(|e| TallyError::Other(format!("stored card unreadable: {e}")))?;
            let extra = if pesel_key(&card.pesel).is_some_and(|k| annulled.contains(&k)) {
                Some(Reason::Annulled)
            } else {
                per_person
                    .twice(Person::of(&card.pesel).as_ref())
                    .then_some(Reason::MultipleVotes)
            };
            deliver(None, judge.compact(&card).stored(), extra);
        }
        Ok(())
    }

    /// A card entry stored before the import judged cards, judged now.
    fn judge_stored(
        &self,
        judge: &Judge,
        point: &str,
        seq: i64,
    ) -> Result<super::results::Compact> {
        let body: Vec<u8> = self
            .conn
            .prepare_cached("SELECT body FROM kiosk_entries WHERE point = ?1 AND seq = ?2")?
            .query_row(params![point, seq], |r| r.get(0))?;
        let e: EntryView<'_> = serde_json::from_slice(&body)
            .map_err(|e| TallyError::Other(format!("stored entry unreadable: {e}")))?;
        let card: RawCard = e
            .data
            .card
            .ok_or_else(|| TallyError::Other(format!("stored entry {point} {seq} has no card")))
            .and_then(|c| {
                serde_json::from_str(c.get())
                    .map_err(|e| TallyError::Other(format!("stored card unreadable: {e}")))
            })?;
        Ok(judge.compact(&card))
    }

    /// The PESELs (as keys) whose internet votes the office annulled.
    fn annulled(&self) -> Result<HashSet<String>> {
        Ok(self
            .decisions()?
            .into_iter()
            .filter_map(|d| match d.decision {
                Decision::Annul { pesel, .. } => pesel_key(&pesel),
                _ => None,
            })
            .collect())
    }

    /// Annuls the internet votes cast on a PESEL: the office's decision after
    /// its owner showed that someone else registered the account (konta-faq
    /// #10). Journaled; applies to rows imported before and after. Returns
    /// the decision's number and how many internet ballots it touches now.
    pub fn annul(&mut self, pesel: &str, reason: &str) -> Result<(u64, u64)> {
        let parsed = crate::pesel::Pesel::parse(pesel).map_err(|e| {
            let masked = crate::pesel::mask(pesel);
            words(
                format!("PESEL {masked}: {}", e.describe(crate::i18n::Lang::Pl)),
                format!("PESEL {masked}: {}", e.describe(crate::i18n::Lang::En)),
            )
        })?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(words(
                "decyzja wymaga uzasadnienia (--reason)",
                "a decision needs its reason (--reason)",
            ));
        }
        let seq = self.append_decision(Decision::Annul {
            pesel: parsed.as_string(),
            reason: reason.to_string(),
        })?;
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

    /// Appends one of the office's decisions to its hash-chained journal
    /// (never changing an earlier one); returns its number.
    pub(crate) fn append_decision(&mut self, decision: Decision) -> Result<i64> {
        let record = DecisionRecord {
            at: now(),
            decision,
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
        Ok(seq)
    }

    /// The store, for the office's read-only reports in other modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
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
                return Err(words(
                    format!("decyzja biura nr {seq} nie pasuje do swojego łańcucha skrótów"),
                    format!("the office's decision {seq} does not match its hash chain"),
                ));
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
            "SELECT id, at, kind, file, sha256, point, sequence, outcome, detail, code, args
             FROM imports ORDER BY id",
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
                code: r.get(9)?,
                args: r
                    .get::<_, Option<String>>(10)?
                    .and_then(|a| serde_json::from_str(&a).ok())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every trusted point in id order: the name its latest accepted
    /// bundle's manifest gives (if any), and whether any of its bundles was
    /// accepted — what the page's "N of M points reported" counts.
    pub fn point_roll(&self) -> Result<Vec<PointRoll>> {
        let mut stmt = self.conn.prepare(
            "SELECT k.point,
                    (SELECT i.point_name FROM imports i WHERE i.point = k.point
                       AND i.outcome = 'accepted' AND i.point_name IS NOT NULL
                     ORDER BY i.id DESC LIMIT 1),
                    EXISTS (SELECT 1 FROM imports i WHERE i.point = k.point
                       AND i.kind = 'bundle' AND i.outcome = 'accepted')
             FROM kiosks k ORDER BY k.point",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PointRoll {
                point: r.get(0)?,
                name: r.get(1)?,
                reported: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When the last data came in: the time of the latest accepted import
    /// (bundle or internet file), as recorded; `None` before any.
    pub fn as_of(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT at FROM imports WHERE outcome = 'accepted' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
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
    /// Paper cards drawn for the audit against paper (`tally audit-sample`).
    AuditSample(super::sample::Drawn),
    /// What a drawn card's paper showed (`tally audit-record`).
    AuditRecord(super::sample::Checked),
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
    /// What came of it, in English.
    pub detail: String,
    /// The same as a code and its arguments (see `bundle::words`); `None`
    /// for a rejection logged before codes were kept.
    pub code: Option<String>,
    pub args: Vec<String>,
}

impl ImportRecord {
    /// What came of the import, in `lang` (an old row's English text as
    /// it was written).
    pub fn detail_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.code {
            Some(code) => bundle::words::render(lang, code, &self.args),
            None => self.detail.clone(),
        }
    }
}

/// A trusted point as the published page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointRoll {
    pub point: String,
    pub name: Option<String>,
    pub reported: bool,
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

/// One standing ballot as the count reads it ([`Tally::each_counted`]):
/// where it came from (`None`: the internet), its reasons (empty when it
/// is valid) and its picks as [`super::results::Picks`] encodes them.
pub struct Counted<'a> {
    pub point: Option<&'a str>,
    pub reasons: &'a [Reason],
    pub district: Option<u32>,
    pub local: &'a [u8],
    pub citywide: &'a [u8],
}

/// A stored verdict, borrowed from its row.
struct StoredVerdict<'a> {
    reasons: &'a str,
    district: Option<u32>,
    local: &'a [u8],
    citywide: &'a [u8],
}

impl super::results::Compact {
    fn stored(&self) -> StoredVerdict<'_> {
        StoredVerdict {
            reasons: &self.reasons,
            district: self.district,
            local: &self.local,
            citywide: &self.citywide,
        }
    }
}

/// Whose ballot it is: the PESEL as [`pesel_key`] normalizes it, as a
/// number when it is up to 15 digits (every real PESEL; no allocation),
/// else as text. Two keys are equal exactly when their [`pesel_key`]s are.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Person {
    /// The digit count (at most 15) in the top four bits, the value
    /// (under 10^15 < 2^50) below.
    Digits(u64),
    Text(String),
}

impl Person {
    fn of(pesel: &str) -> Option<Person> {
        let mut value = 0u64;
        let mut digits = 0u64;
        for b in pesel.bytes() {
            match b {
                b'0'..=b'9' if digits < 15 => {
                    value = value * 10 + u64::from(b - b'0');
                    digits += 1;
                }
                b'-' | b' ' | b'\t' | b'\n' | b'\r' => {}
                // Anything else (other whitespace, letters, a long number):
                // the key as `pesel_key` makes it.
                _ => return pesel_key(pesel).map(Person::from_key),
            }
        }
        (digits > 0).then_some(Person::Digits(digits << 60 | value))
    }

    fn from_key(key: String) -> Person {
        if key.len() <= 15 && key.bytes().all(|b| b.is_ascii_digit()) {
            let value = key.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
            Person::Digits((key.len() as u64) << 60 | value)
        } else {
            Person::Text(key)
        }
    }
}

/// How many standing ballots each person has.
#[derive(Default)]
struct People(HashMap<Person, u32>);

impl People {
    fn add(&mut self, p: Option<&Person>) {
        if let Some(p) = p {
            match self.0.get_mut(p) {
                Some(n) => *n += 1,
                None => {
                    self.0.insert(p.clone(), 1);
                }
            }
        }
    }

    fn twice(&self, p: Option<&Person>) -> bool {
        p.is_some_and(|p| self.0.get(p).is_some_and(|n| *n > 1))
    }
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
struct ImportLog {
    kind: &'static str,
    file: String,
    sha: String,
    point: Option<String>,
    sequence: Option<u64>,
    point_name: Option<String>,
}

/// Everything a bundle's checks need, apart from the store.
struct Checker {
    /// point → (key id, public key)
    trusted: HashMap<String, (String, String)>,
    edition: String,
    /// The office's own rules, which every card is judged by as it is read.
    judge: Judge,
    identity: age::x25519::Identity,
    allow_investigation: bool,
}

/// Why the journal's reader stopped: a refusal, or the storing side
/// stopped listening (it refused first).
enum Reading {
    Refused(Rejection),
    Stopped,
}

impl From<VerifyError> for Reading {
    fn from(e: VerifyError) -> Reading {
        Reading::Refused(e.into())
    }
}

/// Entries per batch from the journal's reader to the storing thread.
const ENTRY_BATCH: usize = 1024;

impl Checker {
    /// What the signed manifest says, against what the office trusts.
    fn check_manifest(&self, m: &bundle::Manifest) -> std::result::Result<(), Rejection> {
        match self.trusted.get(&m.point.id) {
            None => {
                return Err(Rejection::UnknownKiosk {
                    point: m.point.id.clone(),
                    key_id: m.kiosk_key_id.clone(),
                });
            }
            Some((key_id, key)) if *key != m.kiosk_public_key => {
                return Err(Rejection::NotTheTrustedKey {
                    point: m.point.id.clone(),
                    trusted: key_id.clone(),
                    found: m.kiosk_key_id.clone(),
                });
            }
            Some(_) => {}
        }
        if m.edition != self.edition {
            return Err(Rejection::OtherEdition {
                expected: self.edition.clone(),
                // A trusted kiosk's text, shown in the import line and the audit.
                found: crate::shown::escape_controls(&m.edition),
            });
        }
        if m.training {
            return Err(Rejection::Training);
        }
        if m.investigation && !self.allow_investigation {
            return Err(Rejection::Investigation);
        }
        Ok(())
    }

    /// Decrypts the payload and splits it into journal lines, each with its
    /// number and chain hash, sent in batches: the part of reading that
    /// must go in order. The lines are checked by [`Checker::check_entry`].
    fn read_lines(
        r: &mut dyn std::io::Read,
        identity: &age::x25519::Identity,
        (start_seq, start_hash): (u64, Hash),
        out: &std::sync::mpsc::SyncSender<Vec<RawEntry>>,
    ) -> std::result::Result<(u64, Hash), Reading> {
        use crate::foreign::age as words;
        use std::io::{BufRead, Read};
        let undecryptable = |code: String| Reading::Refused(Rejection::Undecryptable(code));
        let (capped, lift) = bundle::read::Capped::new(r);
        let decryptor =
            age::Decryptor::new_buffered(std::io::BufReader::with_capacity(64 * 1024, capped))
                .map_err(|e| undecryptable(words::code(&e)))?;
        lift.lift();
        let plain = decryptor
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .map_err(|e| undecryptable(words::code(&e)))?;
        let mut plain = std::io::BufReader::with_capacity(256 * 1024, plain);
        let mut line = Vec::with_capacity(2048);
        let mut batch = Vec::with_capacity(ENTRY_BATCH);
        let mut prev: Hash = start_hash;
        let mut seq = start_seq;
        loop {
            line.clear();
            let n = (&mut plain)
                .take(bundle::read::MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut line)
                .map_err(|e| undecryptable(words::stream_code(&e)))?;
            if n == 0 {
                break;
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            } else if line.len() > bundle::read::MAX_LINE {
                return Err(Reading::Refused(Rejection::BrokenChain {
                    seq: seq + 1,
                    what: "too_long",
                }));
            }
            if line.is_empty() {
                continue;
            }
            seq += 1;
            let hash = chain_hash(&prev, &line);
            prev = hash;
            let body = std::mem::replace(&mut line, Vec::with_capacity(2048));
            batch.push(RawEntry { seq, body, hash });
            if batch.len() == ENTRY_BATCH {
                out.send(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(ENTRY_BATCH),
                ))
                .map_err(|_| Reading::Stopped)?;
            }
        }
        if !batch.is_empty() {
            out.send(batch).map_err(|_| Reading::Stopped)?;
        }
        Ok((seq, prev))
    }

    /// One journal line parsed and checked (its number, canonical form,
    /// field limits, where a creation entry may be), its card's office
    /// verdict computed: what storing needs, and the creation entry
    /// when this is it. Runs on any thread.
    fn check_entry(
        judge: &Judge,
        raw: RawEntry,
    ) -> std::result::Result<(CheckedEntry, Option<Entry>), Rejection> {
        let RawEntry { seq, body, hash } = raw;
        let broken = |what: &'static str| Rejection::BrokenChain { seq, what };
        let entry: Entry =
            crate::store::journal::parse_entry(&body).map_err(|_| broken("unreadable"))?;
        if entry.seq != seq {
            return Err(broken("out_of_order"));
        }
        if !entry.is_canonical(&body) {
            return Err(broken("not_canonical"));
        }
        let mut created = None;
        if matches!(entry.event, Event::StoreCreated { .. }) {
            if seq != 1 {
                return Err(unsealed(
                    "a store-creation entry in the middle of the journal",
                    "wpis o założeniu magazynu w środku dziennika",
                ));
            }
            created = Some(entry.clone());
        }
        // The kiosk keeps every rubric within the field limits; a signed
        // card past them was not entered through urna's rules.
        if let Event::CardEntered { card, .. } | Event::CardAmended { card, .. } = &entry.event
            && card.check_limits().is_err()
        {
            return Err(broken("field_too_long"));
        }
        if let Event::CardEntered { card, .. } | Event::CardAmended { card, .. } = &entry.event
            && card.check_controls().is_err()
        {
            return Err(broken("control_character"));
        }
        // What storing needs of a card entry, the card judged by the
        // office's rules for the count; the entry itself is dropped here,
        // on the thread that made it.
        let verified = match &entry.event {
            Event::CardVerified {
                card_id,
                fields,
                keyer_errors,
                verifier_errors,
                ..
            } => Some(super::verification::VerifiedRow {
                card_id: card_id.clone(),
                fields: *fields,
                keyer_errors: u32::try_from(keyer_errors.len()).unwrap_or(u32::MAX),
                verifier_errors: u32::try_from(verifier_errors.len()).unwrap_or(u32::MAX),
            }),
            _ => None,
        };
        let card = match entry.event {
            Event::CardEntered { card_id, card, .. } => Some(CardRow {
                kind: "card_entered",
                judged: Some(judge.compact(&card)),
                card_id,
                pesel: card.pesel,
            }),
            Event::CardAmended { card_id, card, .. } => Some(CardRow {
                kind: "card_amended",
                judged: Some(judge.compact(&card)),
                card_id,
                pesel: card.pesel,
            }),
            Event::CardVoided { card_id, .. } => Some(CardRow {
                kind: "card_voided",
                judged: None,
                card_id,
                pesel: String::new(),
            }),
            _ => None,
        };
        Ok((
            CheckedEntry {
                seq,
                body,
                hash,
                card,
                verified,
            },
            created,
        ))
    }
}

/// A journal that begins with its store's creation entry (every kiosk store
/// since schema 2) must be sealed: the creation entry signed by the very kiosk
/// key that signed the bundle, and the manifest's seal made by the journal
/// key that entry names, over exactly this journal's head. Someone who
/// rewrote the journal on the kiosk's disk without a PIN could recompute the
/// hashes but not this seal. (Journals without a creation entry, from
/// earlier releases and the simulator, are checked by their chain alone.)
fn unsealed(en: &str, pl: &str) -> Rejection {
    Rejection::Unsealed {
        en: en.to_string(),
        pl: pl.to_string(),
    }
}

/// What the journal's creation entry says, checked against the manifest:
/// made by the kiosk key that names this bundle or delta, for this point.
fn genesis_for(
    m: &bundle::Manifest,
    first: &Entry,
) -> std::result::Result<crate::store::check::Genesis, Rejection> {
    let g = crate::store::check::genesis_of(first)
        .map_err(|p| Rejection::Unsealed { en: p.en, pl: p.pl })?;
    if g.kiosk_public_key != m.kiosk_public_key || g.point_id != m.point.id {
        return Err(unsealed(
            "the journal was created by another kiosk key or point",
            "dziennik założył inny klucz kiosku lub inny punkt",
        ));
    }
    Ok(g)
}

fn check_sealed(
    m: &bundle::Manifest,
    created: Option<&Entry>,
) -> std::result::Result<(), Rejection> {
    use crate::store::keys;
    let Some(first) = created else {
        return Ok(());
    };
    let g = genesis_for(m, first)?;
    let text = keys::seal_text(&m.point.id, m.journal.entries, &m.journal.head_hash);
    match &m.journal.seal {
        Some(seal) if keys::seal_verify(&g.journal_public_key, text.as_bytes(), seal) => Ok(()),
        Some(_) => Err(unsealed(
            "the seal is not the journal key's over this head (entries changed, added or removed without a PIN)",
            "pieczęć nie jest pieczęcią klucza dziennika nad tym stanem (wpisy zmienione, dodane lub usunięte bez PIN-u)",
        )),
        None => Err(unsealed(
            "the manifest carries no seal",
            "manifest nie ma pieczęci",
        )),
    }
}

/// What an import reads: a bundle (under the file name it came with) or a
/// sync's delta (which has none).
#[derive(Clone, Copy)]
enum Kind<'a> {
    Bundle(&'a str),
    Delta,
}

/// Where a delta's entries start (the number and hash of the entry before
/// its first), and the point's creation entry as the office holds it: the
/// office must hold the entry the delta starts after, with the same hash,
/// and (unless the delta starts the journal) the journal key that signed it.
#[allow(clippy::type_complexity)]
fn delta_start(
    tx: &rusqlite::Transaction<'_>,
    m: &bundle::Manifest,
    have: u64,
    unverified: &bundle::delta::Unverified,
) -> Result<std::result::Result<((u64, Hash), Option<Entry>), Rejection>> {
    let from = m.journal.from.unwrap_or(0);
    let from_hash = m.journal.from_hash.clone().unwrap_or_default();
    if from == 0 {
        // Signed by the journal key its own creation entry names: checked
        // once that entry is read.
        return Ok(Ok(((0, GENESIS), None)));
    }
    if have == 0 {
        // Nothing here to check its signature with: the office holds
        // nothing of this point, which is all the answer says.
        return Ok(Err(Rejection::Gap {
            point: m.point.id.clone(),
            have,
            from,
        }));
    }
    // The signature first: a delta whose start was changed after signing
    // is a bad signature, not a gap or a fork.
    let first: Vec<u8> = tx.query_row(
        "SELECT body FROM kiosk_entries WHERE point = ?1 AND seq = 1",
        [&m.point.id],
        |r| r.get(0),
    )?;
    let first = crate::store::journal::parse_entry(&first)
        .ok()
        .filter(|e| matches!(e.event, Event::StoreCreated { .. }));
    if let Err(r) = delta_signed(m, first.as_ref(), unverified) {
        return Ok(Err(r));
    }
    if from > have {
        return Ok(Err(Rejection::Gap {
            point: m.point.id.clone(),
            have,
            from,
        }));
    }
    let ours: Vec<u8> = tx.query_row(
        "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
        params![m.point.id, from as i64],
        |r| r.get(0),
    )?;
    if hex::encode(&ours) != from_hash {
        return Ok(Err(Rejection::Fork {
            point: m.point.id.clone(),
            seq: from,
            ours: hex::encode(ours),
            theirs: crate::shown::escape_controls(&from_hash),
        }));
    }
    let start: Hash = ours.try_into().map_err(|_| {
        TallyError::Other(format!("entry {from} of the office's copy is not 32 bytes"))
    })?;
    Ok(Ok(((from, start), first)))
}

/// A delta's signature is the journal key's that the point's creation
/// entry names (and that entry the trusted kiosk key's).
fn delta_signed(
    m: &bundle::Manifest,
    created: Option<&Entry>,
    unverified: &bundle::delta::Unverified,
) -> std::result::Result<(), Rejection> {
    let Some(first) = created else {
        return Err(unsealed(
            "a delta needs a journal that starts with its store's creation entry (the journal key); send the whole bundle",
            "przyrost wymaga dziennika zaczynającego się od wpisu o założeniu magazynu (klucz dziennika); trzeba przesłać całą paczkę",
        ));
    };
    let g = genesis_for(m, first)?;
    unverified
        .verify(m, &g.journal_public_key)
        .map_err(Rejection::Bundle)
}

/// A journal line as the reader hands it on: its number and chain hash.
struct RawEntry {
    seq: u64,
    body: Vec<u8>,
    hash: Hash,
}

/// One journal entry read, checked and prepared for storing: its row of
/// `kiosk_cards` with the office verdict, computed on a worker thread.
struct CheckedEntry {
    seq: u64,
    body: Vec<u8>,
    hash: Hash,
    card: Option<CardRow>,
    /// A `card_verified` entry's row of `kiosk_verifications`.
    verified: Option<super::verification::VerifiedRow>,
}

/// A card entry's row of `kiosk_cards`.
struct CardRow {
    /// `card_entered`, `card_amended` or `card_voided`.
    kind: &'static str,
    card_id: String,
    /// As typed; empty for a voiding.
    pesel: String,
    /// `None` for a voiding.
    judged: Option<super::results::Compact>,
}

/// The office's card rules with the edition's project positions: a card's
/// verdict in the form the count reads.
pub(crate) struct Judge {
    edition: Edition,
    positions: super::results::Positions,
}

impl Judge {
    pub(crate) fn new(edition: &Edition) -> Judge {
        Judge {
            edition: edition.clone(),
            positions: super::results::Positions::new(edition),
        }
    }

    pub(crate) fn compact(&self, card: &RawCard) -> super::results::Compact {
        self.positions
            .compact(&card::assess(&self.edition, card, RuleOptions::default()))
    }
}

/// The storing side of one bundle's import.
struct Storing<'a> {
    point: &'a str,
    /// Entries the office had from this point before.
    have: u64,
    /// The hash of entry `have` as the office has it.
    ours_at_have: Option<Vec<u8>>,
    bundle_no: i64,
    added: u64,
}

impl Storing<'_> {
    /// Stores the new entries of one batch; those the office has are only
    /// compared (the last of them must hash the same: no fork).
    fn add(
        &mut self,
        tx: &rusqlite::Transaction<'_>,
        batch: Vec<CheckedEntry>,
    ) -> Result<std::result::Result<(), Rejection>> {
        let point = self.point;
        let mut add_entry = tx.prepare_cached(
            "INSERT INTO kiosk_entries(point, seq, body, hash, bundle) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut add_card = tx.prepare_cached(
            "INSERT INTO kiosk_cards(point, seq, card_id, kind, pesel, reasons, district, local, citywide)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for CheckedEntry {
            seq,
            body,
            hash,
            card,
            verified,
        } in &batch
        {
            if *seq <= self.have {
                if *seq == self.have
                    && let Some(ours) = &self.ours_at_have
                    && ours.as_slice() != hash.as_slice()
                {
                    return Ok(Err(Rejection::Fork {
                        point: point.to_string(),
                        seq: *seq,
                        ours: hex::encode(ours),
                        theirs: hex::encode(hash),
                    }));
                }
                continue;
            }
            if let Some(CardRow {
                kind,
                card_id,
                pesel,
                judged,
            }) = card
            {
                if *kind == "card_entered" {
                    // A kiosk names a card by its point and entry number, so
                    // no point can take ids from another's range, and no id
                    // is entered twice.
                    if !is_entry_card_id(card_id, point, *seq) {
                        if point_of_card(tx, card_id)?.is_some_and(|other| other != point) {
                            return Ok(Err(Rejection::NotItsCard {
                                seq: *seq,
                                id: card_id.clone(),
                                point: point.to_string(),
                            }));
                        }
                        return Ok(Err(Rejection::WrongCardId {
                            seq: *seq,
                            id: card_id.clone(),
                            expected: format!("{point}-{seq:06}"),
                        }));
                    }
                } else if !entered_here(tx, point, card_id)? {
                    // A kiosk amends or voids only cards it entered itself.
                    return Ok(Err(Rejection::NotItsCard {
                        seq: *seq,
                        id: card_id.clone(),
                        point: point.to_string(),
                    }));
                }
                let j = judged.as_ref();
                add_card.execute(params![
                    point,
                    *seq as i64,
                    card_id,
                    kind,
                    pesel,
                    j.map(|j| j.reasons.as_str()),
                    j.and_then(|j| j.district),
                    j.map(|j| j.local.as_slice()),
                    j.map(|j| j.citywide.as_slice()),
                ])?;
            }
            if let Some(v) = verified {
                super::verification::insert(tx, point, *seq, v)?;
            }
            add_entry.execute(params![
                point,
                *seq as i64,
                body,
                hash.as_slice(),
                self.bundle_no
            ])?;
            self.added += 1;
        }
        Ok(Ok(()))
    }
}

/// Whether `card_id` is the id a kiosk of `point` gives the card its entry
/// `seq` enters: the point, a dash and the number, at least six digits.
fn is_entry_card_id(card_id: &str, point: &str, seq: u64) -> bool {
    let Some(digits) = card_id
        .strip_prefix(point)
        .and_then(|rest| rest.strip_prefix('-'))
    else {
        return false;
    };
    digits.len() >= 6
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits.len() == 6 || !digits.starts_with('0'))
        && digits.parse::<u64>() == Ok(seq)
}

/// The point whose kiosk entered the card, if the office holds it.
pub(crate) fn point_of_card(conn: &Connection, card_id: &str) -> Result<Option<String>> {
    if let Some((point, _)) = card_id.rsplit_once('-')
        && in_kiosk_cards(conn, point, card_id)?
    {
        return Ok(Some(point.to_string()));
    }
    earlier_point(conn, card_id)
}

/// Whether this point's kiosk entered the card: its id names the point and
/// the entry that entered it, and the office holds that entry; or an office
/// that imported with an earlier release kept it so in `card_ids`.
fn entered_here(conn: &Connection, point: &str, card_id: &str) -> Result<bool> {
    Ok(in_kiosk_cards(conn, point, card_id)?
        || earlier_point(conn, card_id)?.as_deref() == Some(point))
}

/// Whether `kiosk_cards` holds the entry of `point` that entered the card
/// its id names.
fn in_kiosk_cards(conn: &Connection, point: &str, card_id: &str) -> Result<bool> {
    let Some(seq) = super::sample::card_number(point, card_id)
        .filter(|seq| is_entry_card_id(card_id, point, *seq))
    else {
        return Ok(false);
    };
    let found: Option<i64> = conn
        .prepare_cached(
            "SELECT 1 FROM kiosk_cards
             WHERE point = ?1 AND seq = ?2 AND card_id = ?3 AND kind = 'card_entered'",
        )?
        .query_row(params![point, seq as i64, card_id], |r| r.get(0))
        .optional()?;
    Ok(found.is_some())
}

/// The point `card_ids` gives the card (written by earlier releases only).
fn earlier_point(conn: &Connection, card_id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT point FROM card_ids WHERE card_id = ?1")?
        .query_row([card_id], |r| r.get(0))
        .optional()?)
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_person_key_is_equal_exactly_when_pesel_keys_are() {
        use super::{Person, pesel_key};
        let typed = [
            "75031412362",
            "750314-12362",
            " 7503 1412 362 ",
            "75031412362\u{a0}",
            "7503\u{a0}1412362",
            "075031412362",
            "0075031412362",
            "7503141236",
            "123456789012345678",
            "1234567890123456789",
            "7",
            "00000000000000007",
            "000000000000000007",
            "42",
            "000000000000000042",
            "0000000000000042",
            "000000000000042",
            "999999999999999",
            "9999999999999999",
            "12345678901234567890",
            "7503141236x",
            "x7503141236",
            "ABC",
            "abc",
            "",
            "--",
            " ",
            "\u{b}75031412362",
            "0",
            "00",
        ];
        for a in typed {
            for b in typed {
                assert_eq!(
                    Person::of(a) == Person::of(b),
                    pesel_key(a) == pesel_key(b),
                    "{a:?} and {b:?}"
                );
            }
            assert_eq!(Person::of(a).is_none(), pesel_key(a).is_none(), "{a:?}");
        }
    }

    use super::*;
    use crate::i18n::Lang;

    /// A store made before outcomes had codes: its acceptances and
    /// "unchanged" rows get theirs, so the audit shows them in Polish; an
    /// old rejection keeps the English text it was written with.
    #[test]
    fn old_import_rows_get_codes_and_polish_words() {
        let mut conn = Connection::open_in_memory().expect("sqlite");
        migrations()
            .to_version(&mut conn, 4)
            .expect("the old schema");
        for (kind, outcome, detail) in [
            ("bundle", "accepted", "new entries: 868"),
            ("bundle", "unchanged", "the same or an older bundle"),
            (
                "bundle",
                "rejected",
                "a training bundle (made by a demo kiosk); it is not counted",
            ),
            ("online", "accepted", "rows: 12"),
            ("online", "unchanged", "every row was imported before"),
        ] {
            conn.execute(
                "INSERT INTO imports(at, kind, file, sha256, point, sequence, outcome, detail)
                 VALUES ('2026-12-01T10:00:00+01:00', ?1, 'f', '', NULL, NULL, ?2, ?3)",
                params![kind, outcome, detail],
            )
            .expect("an old row");
        }
        migrations().to_latest(&mut conn).expect("migrate");
        let rows: Vec<ImportRecord> = conn
            .prepare(
                "SELECT id, at, kind, file, sha256, point, sequence, outcome, detail, code, args
                 FROM imports ORDER BY id",
            )
            .expect("query")
            .query_map([], |r| {
                Ok(ImportRecord {
                    id: r.get::<_, i64>(0)? as u64,
                    at: r.get(1)?,
                    kind: r.get(2)?,
                    file: r.get(3)?,
                    sha256: r.get(4)?,
                    point: r.get(5)?,
                    sequence: None,
                    outcome: r.get(7)?,
                    detail: r.get(8)?,
                    code: r.get(9)?,
                    args: r
                        .get::<_, Option<String>>(10)?
                        .and_then(|a| serde_json::from_str(&a).ok())
                        .unwrap_or_default(),
                })
            })
            .expect("rows")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        let pl: Vec<String> = rows.iter().map(|r| r.detail_in(Lang::Pl)).collect();
        assert_eq!(
            pl,
            [
                "nowe wpisy: 868",
                "ta sama lub starsza paczka",
                "a training bundle (made by a demo kiosk); it is not counted",
                "wiersze: 12",
                "każdy wiersz był już zaimportowany",
            ]
        );
        for r in &rows {
            assert_eq!(r.detail_in(Lang::En), r.detail, "English as written");
        }
        // The log is append-only again after the migration.
        assert!(
            conn.execute("UPDATE imports SET detail = 'x' WHERE id = 1", [])
                .is_err()
        );
    }
}
