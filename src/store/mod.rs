//! The kiosk's local store: one SQLite file in the data directory.
//!
//! SQLite runs in WAL mode with `synchronous=FULL`, so a card is on disk when
//! [`Store::enter_card`] returns. Every change is a new entry of the hash-chained
//! [`journal`]; the other tables are indexes over it (by PESEL, by surname, the
//! latest version of each card) written in the same transaction. Data files and
//! keys are created mode 0600 in a 0700 directory.
//!
//! The journal is the only truth: `meta`, `operators` and `card_versions` are
//! derived from its entries or committed to by them, and [`check`] recomputes
//! them all. Every write is made by a logged-in operator, whose PIN unlocked
//! the journal key (see [`keys`]), and re-seals the journal's head with it;
//! writes and exports refuse a store that has not passed the full check.

pub mod check;
pub mod journal;
pub mod keys;
mod operators;
pub mod sample;
pub mod signing;
pub mod stats;
pub mod sync;
pub mod verify;

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Local, NaiveDate};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use rusqlite_migration::{M, Migrations};

use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::edition::{Edition, EditionError};
use journal::{Entry, Event, GENESIS, Hash, Source, chain_hash};
pub use operators::{LoginError, Operator, Role};

/// The SQLite file inside the data directory.
pub const DB_FILE: &str = "urna.sqlite";
/// The per-kiosk secret mixed into PIN hashes (argon2 "pepper").
pub const SECRET_FILE: &str = "pin-secret.key";

/// Schema migrations, applied in order; never edit a released one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("schema-1.sql")),
        M::up(include_str!("schema-2.sql")),
    ])
}

/// The schema version (`PRAGMA user_version`) of a store this code makes.
pub const SCHEMA_VERSION: i64 = 2;

/// The shortest PIN a store accepts unless `urna init --min-pin-length` asks
/// for more.
pub const MIN_PIN_LENGTH: u8 = 4;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0} has no urna store: run `urna init` first")]
    NotInitialised(PathBuf),
    #[error("{0} already holds an urna store")]
    AlreadyInitialised(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{path}: cannot open the store: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database schema: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    #[error("the stored edition is unreadable: {0}")]
    Edition(#[from] EditionError),
    #[error("journal entry {seq}: {what}")]
    Journal { seq: u64, what: String },
    #[error("no card {0} in this store")]
    UnknownCard(String),
    #[error("card {0} is voided; a voided card cannot be changed")]
    CardVoided(String),
    #[error("row id \"{source_ref}\" was already stored as card {card_id}")]
    DuplicateSource { source_ref: String, card_id: String },
    #[error("a reason is required")]
    MissingReason,
    #[error(transparent)]
    Login(#[from] LoginError),
    #[error(
        "{0} holds a store of an earlier urna (schema 1, unsealed keys), which this release does not open: export its last bundle with that release, then set the kiosk up afresh (README: \"A kiosk of an earlier release\")"
    )]
    EarlierRelease(PathBuf),
    #[error("the store is damaged; nothing is written to it: {}", describe_all(.0))]
    Damaged(Vec<check::Problem>),
    #[error("no operator is logged in: a change needs an operator's PIN")]
    NotLoggedIn,
    #[error("only a coordinator can do this")]
    NotCoordinator,
}

impl StoreError {
    /// The error in `lang`: library and OS errors in words of `lang` too.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::foreign;
        use crate::i18n::Lang::*;
        match (self, lang) {
            (StoreError::NotInitialised(dir), Pl) => format!(
                "w {} nie ma magazynu urny: najpierw uruchom `urna init`",
                dir.display()
            ),
            (StoreError::AlreadyInitialised(dir), Pl) => {
                format!("w {} już jest magazyn urny", dir.display())
            }
            (StoreError::Io { path, source }, lang) => format!(
                "{}: {}",
                crate::shown::path(path),
                foreign::io_error(lang, source)
            ),
            (StoreError::Sqlite(e), Pl) => {
                format!("baza danych: {}", foreign::sqlite_error(lang, e))
            }
            (StoreError::Sqlite(e), En) => format!("database: {}", foreign::sqlite_error(lang, e)),
            (StoreError::Open { path, source }, Pl) => format!(
                "{}: nie można otworzyć magazynu: {}",
                crate::shown::path(path),
                foreign::sqlite_error(lang, source)
            ),
            (StoreError::Open { path, source }, En) => format!(
                "{}: cannot open the store: {}",
                crate::shown::path(path),
                foreign::sqlite_error(lang, source)
            ),
            (StoreError::Migration(e), Pl) => format!(
                "schemat bazy danych: {}",
                foreign::sqlite::migration(lang, e)
            ),
            (StoreError::Migration(e), En) => {
                format!("database schema: {}", foreign::sqlite::migration(lang, e))
            }
            (StoreError::Edition(e), Pl) => {
                format!("zapisana edycja jest nieczytelna: {}", e.describe(lang))
            }
            (StoreError::Journal { seq, what }, Pl) => {
                format!("wpis dziennika {seq}: {what}")
            }
            (StoreError::UnknownCard(id), Pl) => format!("w tym magazynie nie ma karty {id}"),
            (StoreError::CardVoided(id), Pl) => {
                format!("karta {id} jest unieważniona; unieważnionej karty nie można zmienić")
            }
            (
                StoreError::DuplicateSource {
                    source_ref,
                    card_id,
                },
                Pl,
            ) => format!("wiersz o id \"{source_ref}\" jest już zapisany jako karta {card_id}"),
            (StoreError::MissingReason, Pl) => "trzeba podać powód".into(),
            (StoreError::Login(e), lang) => e.describe(lang),
            (StoreError::EarlierRelease(dir), Pl) => format!(
                "{} to magazyn wcześniejszej wersji urny (schemat 1, niezapieczętowane klucze), którego ta wersja nie otwiera: wyeksportuj jego ostatnią paczkę tamtą wersją, potem ustaw kiosk od nowa (README: \"A kiosk of an earlier release\")",
                dir.display()
            ),
            (StoreError::Damaged(problems), Pl) => format!(
                "magazyn jest uszkodzony; nic w nim nie zapisano: {}",
                problems
                    .iter()
                    .map(|p| p.describe(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            (StoreError::NotLoggedIn, Pl) => {
                "nikt nie jest zalogowany: zmiana wymaga PIN-u operatora".into()
            }
            (StoreError::NotCoordinator, Pl) => "to może zrobić tylko koordynator".into(),
            (e, En) => e.to_string(),
        }
    }
}

fn describe_all(problems: &[check::Problem]) -> String {
    problems
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// The polling point this store belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    pub id: String,
    pub name: String,
    pub mobile: bool,
    /// The central office's age X25519 recipient (`age1…`), if known.
    pub central_recipient: Option<String>,
    /// A training store: cards are marked as training, the window is not checked.
    pub training: bool,
}

/// A point id goes into card ids and file names: letters, digits, `-`, `_`.
pub fn valid_point_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// An age X25519 recipient: `age1` and 58 bech32 characters.
pub fn valid_recipient(r: &str) -> bool {
    const BECH32: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    r.len() == 62 && r.starts_with("age1") && r[4..].chars().all(|c| BECH32.contains(c))
}

/// What `urna init` needs.
pub struct InitParams<'a> {
    pub edition_toml: &'a str,
    pub point: Point,
    pub coordinator: &'a str,
    pub pin: &'a str,
    /// The shortest PIN this store will accept (at least [`MIN_PIN_LENGTH`]).
    pub min_pin_length: u8,
}

/// A card that was just stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub card_id: String,
    pub seq: u64,
    pub assessment: Assessment,
    /// Earlier cards in this store with the same PESEL.
    pub same_pesel: Vec<PriorCard>,
}

/// An earlier card with the same PESEL: when and by whom it was entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorCard {
    pub card_id: String,
    pub at: String,
    pub operator: String,
}

/// Counts for `urna status` and the day summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    pub point: String,
    pub edition: String,
    pub journal_entries: u64,
    pub head_hash: String,
    pub operators: u64,
    /// Cards entered (every paper card, whatever became of it).
    pub cards: u64,
    /// Cards whose latest version is valid and not voided.
    pub valid: u64,
    /// Cards whose latest version is invalid and not voided.
    pub invalid: u64,
    pub invalid_by_reason: BTreeMap<String, u64>,
    pub amended: u64,
    pub voided: u64,
    /// Cards entered while another card with the same PESEL was in the store.
    pub flagged: u64,
    pub by_operator: BTreeMap<String, u64>,
    /// Cards by a mobile point's stop (empty for a stationary point).
    pub by_stop: BTreeMap<String, u64>,
}

/// What to list on the "today's cards" screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardQuery {
    /// Only cards entered for this voting day.
    pub day: Option<NaiveDate>,
    /// Digits: a PESEL prefix; otherwise a surname prefix (case and Polish
    /// diacritics ignored). Empty: every card.
    pub text: String,
    pub limit: usize,
}

/// One card as the list shows it: its latest version.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    pub card_id: String,
    /// Sequence number of the latest version.
    pub seq: u64,
    /// `entered`, `amended` or `voided`.
    pub kind: String,
    pub entered_at: String,
    pub entered_by: String,
    pub valid: bool,
    pub reasons: Vec<Reason>,
    pub flagged: bool,
    pub stop: Option<String>,
    /// The latest version as typed (`None` when voided).
    pub card: Option<RawCard>,
}

/// What `urna check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub entries: u64,
    pub head_hash: String,
}

/// A logged-in operator and what their PIN unlocked.
struct Session {
    operator: Operator,
    unlocked: keys::Unlocked,
}

/// How far the store has been verified.
enum Verified {
    /// Only the quick checks of [`Store::open`].
    NotYet,
    /// The full check runs on another thread.
    Running(std::thread::JoinHandle<Vec<check::Problem>>),
    /// The full check is done (its problems are in `Store::problems`).
    Done,
}

/// The open store of one polling point.
pub struct Store {
    conn: Connection,
    dir: PathBuf,
    point: Point,
    edition: Arc<Edition>,
    secret: Vec<u8>,
    genesis: Option<check::Genesis>,
    session: Option<Session>,
    problems: Vec<check::Problem>,
    verified: Verified,
    /// The mobile stop in force and the journal entry number it was read
    /// for: reused while no other entry than this store's cards came since.
    stop_seen: Option<(u64, Option<String>)>,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates a file that only its owner can read, failing if it exists.
fn create_private(path: &Path, contents: &[u8]) -> Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err(path))?;
    f.write_all(contents).map_err(io_err(path))?;
    f.sync_all().map_err(io_err(path))
}

/// WAL, synchronous=FULL, foreign keys: the settings every urna database
/// (kiosk and tally) runs with.
pub(crate) fn configure_durable(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")
}

fn configure(conn: &Connection) -> Result<()> {
    configure_durable(conn)?;
    // Keep the indexes of a busy day (100k cards) in memory: 32 MiB.
    conn.pragma_update(None, "cache_size", -32_000)?;
    Ok(())
}

fn now() -> String {
    Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// PESEL as the index (and the tally's dedup) keeps it: as typed, without
/// spaces and dashes.
pub(crate) fn pesel_key(typed: &str) -> Option<String> {
    let k: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (!k.is_empty()).then_some(k)
}

/// Surname as the index keeps it, for search without regard to case or diacritics.
pub fn surname_key(s: &str) -> String {
    crate::edition::pabulib::fold_name(s)
}

impl Store {
    /// Sets up a new store in `dir`: schema, point, edition, keys, the first
    /// coordinator, who is logged in on the store returned.
    pub fn create(dir: &Path, params: InitParams<'_>) -> Result<Store> {
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io_err(dir))?;
        let db = dir.join(DB_FILE);
        if db.exists() {
            return Err(StoreError::AlreadyInitialised(dir.to_path_buf()));
        }
        let edition = Edition::parse(params.edition_toml, "edition")?;
        let coordinator = operators::check_name(params.coordinator)?;
        let min_pin = params.min_pin_length.max(MIN_PIN_LENGTH);
        operators::check_pin(params.pin, min_pin)?;
        let secret_path = dir.join(SECRET_FILE);
        if !secret_path.exists() {
            create_private(
                &secret_path,
                hex::encode(operators::new_secret()).as_bytes(),
            )?;
        }
        let secret = read_secret(&secret_path)?;
        // Key files without a database are from a set-up that did not finish:
        // their password was never stored, so they open nothing. New ones.
        for f in [signing::KEY_FILE, signing::PUB_FILE] {
            let _ = fs::remove_file(dir.join(f));
        }
        let (kiosk, signing_password) = signing::create_sealed(dir)?;
        create_private(&db, b"")?;
        // A store is set up completely or not at all: on any failure the
        // half-made database and keys go, so `init` can simply be run again.
        Store::set_up(
            &db,
            dir,
            &coordinator,
            params,
            edition,
            secret,
            (kiosk, signing_password),
        )
        .inspect_err(|_| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = fs::remove_file(format!("{}{suffix}", db.display()));
            }
            for f in [signing::KEY_FILE, signing::PUB_FILE] {
                let _ = fs::remove_file(dir.join(f));
            }
        })
    }

    fn set_up(
        db: &Path,
        dir: &Path,
        coordinator: &str,
        params: InitParams<'_>,
        edition: Edition,
        secret: Vec<u8>,
        (kiosk, signing_password): (signing::KioskKey, [u8; 32]),
    ) -> Result<Store> {
        let journal_key =
            minisign::KeyPair::generate_unencrypted_keypair().map_err(|e| StoreError::Journal {
                seq: 0,
                what: format!("a journal key: {e}"),
            })?;
        let unlocked = keys::Unlocked {
            journal: journal_key.sk,
            signing: Some(signing_password),
        };
        let record = keys::make_record(&secret, coordinator, params.pin, &unlocked)?;
        let mut conn = Connection::open(db)?;
        configure(&conn)?;
        migrations().to_latest(&mut conn)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let p = &params.point;
        let meta: [(&str, String); 7] = [
            ("point_id", p.id.clone()),
            ("point_name", p.name.clone()),
            ("mobile", (p.mobile as u8).to_string()),
            (
                "central_recipient",
                p.central_recipient.clone().unwrap_or_default(),
            ),
            ("training", (p.training as u8).to_string()),
            ("edition_id", edition.id.clone()),
            ("edition_toml", params.edition_toml.to_string()),
        ];
        for (k, v) in meta {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)",
                params![k, v],
            )?;
        }
        let mut first = Entry {
            seq: 1,
            at: now(),
            operator: coordinator.to_string(),
            event: Event::StoreCreated {
                point_id: p.id.clone(),
                point_name: p.name.clone(),
                mobile: p.mobile,
                training: p.training,
                edition_id: edition.id.clone(),
                edition_sha256: keys::sha256_hex(params.edition_toml.as_bytes()),
                central_recipient: p.central_recipient.clone(),
                kiosk_public_key: kiosk.public.to_base64(),
                journal_public_key: journal_key.pk.to_base64(),
                min_pin_length: params.min_pin_length.max(MIN_PIN_LENGTH),
                signature: String::new(),
            },
        };
        let claims = check::genesis_claims(&first).unwrap_or_default();
        let signed = keys::sign(&kiosk.secret, &claims, &check::genesis_comment(&p.id))
            .map_err(|what| StoreError::Journal { seq: 1, what })?;
        if let Event::StoreCreated { signature, .. } = &mut first.event {
            *signature = signed;
        }
        Head::read(&tx)?.append(&tx, coordinator, &first.at, first.event.clone())?;
        let seq = append(
            &tx,
            coordinator,
            Event::OperatorAdded {
                name: coordinator.to_string(),
                role: Role::Coordinator.as_str().into(),
                pin_record: Some(keys::sha256_hex(record.as_bytes())),
            },
        )?;
        operators::insert(&tx, coordinator, Role::Coordinator, &record, seq)?;
        seal_head(&tx, &p.id, &unlocked.journal)?;
        tx.commit()?;
        let genesis = check::genesis_of(&first).ok();
        Ok(Store {
            conn,
            dir: dir.to_path_buf(),
            point: params.point,
            edition: Arc::new(edition),
            secret,
            genesis,
            session: Some(Session {
                operator: Operator {
                    name: coordinator.to_string(),
                    role: Role::Coordinator,
                },
                unlocked,
            }),
            problems: Vec::new(),
            verified: Verified::Done,
            stop_seen: None,
        })
    }

    /// Opens an existing store and runs the quick checks ([`check::quick`]);
    /// what they find is in [`Store::problems`], and the store refuses every
    /// write until the full check has passed ([`Store::ensure_sound`]).
    pub fn open(dir: &Path) -> Result<Store> {
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(StoreError::NotInitialised(dir.to_path_buf()));
        }
        let opened = |source| StoreError::Open {
            path: db.clone(),
            source,
        };
        let conn = Connection::open(&db).map_err(opened)?;
        configure(&conn).map_err(|e| match e {
            StoreError::Sqlite(source) => opened(source),
            other => other,
        })?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(opened)?;
        if version == 1 {
            return Err(StoreError::EarlierRelease(dir.to_path_buf()));
        }
        let meta = |k: &str| -> Result<String> {
            conn.query_row("SELECT value FROM meta WHERE key = ?1", [k], |r| r.get(0))
                .optional()?
                .ok_or_else(|| StoreError::Journal {
                    seq: 0,
                    what: format!("store metadata `{k}` is missing"),
                })
        };
        let recipient = meta("central_recipient")?;
        let point = Point {
            id: meta("point_id")?,
            name: meta("point_name")?,
            mobile: meta("mobile")? == "1",
            central_recipient: (!recipient.is_empty()).then_some(recipient),
            training: meta("training")? == "1",
        };
        let edition = Edition::parse(&meta("edition_toml")?, "stored edition")?;
        let secret = read_secret(&dir.join(SECRET_FILE))?;
        let quick = check::quick(&conn, dir);
        if !quick.problems.is_empty() {
            tracing::warn!(problems = quick.problems.len(), "the store is damaged");
        }
        Ok(Store {
            conn,
            dir: dir.to_path_buf(),
            point,
            edition: Arc::new(edition),
            secret,
            genesis: quick.genesis,
            session: None,
            problems: quick.problems,
            verified: Verified::NotYet,
            stop_seen: None,
        })
    }

    /// Starts the full check on another thread (the kiosk does, so its first
    /// frame does not wait); the first write waits for it.
    pub fn verify_in_background(&mut self) {
        if !matches!(self.verified, Verified::NotYet) {
            return;
        }
        let dir = self.dir.clone();
        self.verified = Verified::Running(std::thread::spawn(move || {
            match Connection::open(dir.join(DB_FILE)) {
                Ok(conn) => {
                    let _ = conn.busy_timeout(std::time::Duration::from_secs(10));
                    check::full(&conn, &dir).problems
                }
                Err(e) => vec![check::Problem::new(
                    "sqlite",
                    "",
                    format!(
                        "nie da się otworzyć: {}",
                        crate::foreign::sqlite_error(crate::i18n::Lang::Pl, &e)
                    ),
                    format!(
                        "cannot be opened: {}",
                        crate::foreign::sqlite_error(crate::i18n::Lang::En, &e)
                    ),
                )],
            }
        }));
    }

    /// What the checks found so far (the quick ones, and the full one once it
    /// has finished). A background check that has finished is taken in here.
    pub fn problems(&mut self) -> &[check::Problem] {
        if let Verified::Running(h) = &self.verified
            && h.is_finished()
        {
            self.finish_background();
        }
        &self.problems
    }

    fn finish_background(&mut self) {
        if let Verified::Running(h) = std::mem::replace(&mut self.verified, Verified::Done) {
            let found = h.join().unwrap_or_else(|_| {
                vec![check::Problem::new(
                    "sqlite",
                    "",
                    "kontrola przerwana",
                    "the check stopped",
                )]
            });
            for p in found {
                if !self.problems.contains(&p) {
                    self.problems.push(p);
                }
            }
        }
    }

    /// The store has passed the full check (run now if it has not run yet),
    /// or `Err(Damaged)`: what every write and export asks first.
    pub fn ensure_sound(&mut self) -> Result<()> {
        match self.verified {
            Verified::Done => {}
            Verified::Running(_) => self.finish_background(),
            Verified::NotYet => {
                let full = check::full(&self.conn, &self.dir);
                for p in full.problems {
                    if !self.problems.contains(&p) {
                        self.problems.push(p);
                    }
                }
                self.verified = Verified::Done;
            }
        }
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Damaged(self.problems.clone()))
        }
    }

    /// The operator logged in on this store, if any.
    pub fn session_operator(&self) -> Option<&Operator> {
        self.session.as_ref().map(|s| &s.operator)
    }

    /// Forgets the logged-in operator and the keys their PIN opened.
    pub fn logout(&mut self) {
        self.session = None;
        keys::forget_seal_key();
    }

    /// The shortest PIN this store accepts.
    pub fn min_pin_length(&self) -> u8 {
        self.genesis
            .as_ref()
            .map_or(MIN_PIN_LENGTH, |g| g.min_pin_length.max(MIN_PIN_LENGTH))
    }

    /// The journal key of the logged-in operator, for one write: the store
    /// must be sound.
    fn writer(&mut self) -> Result<minisign::SecretKey> {
        self.ensure_sound()?;
        self.session
            .as_ref()
            .map(|s| s.unlocked.journal.clone())
            .ok_or(StoreError::NotLoggedIn)
    }

    fn coordinator(&mut self) -> Result<(minisign::SecretKey, String)> {
        let key = self.writer()?;
        match &self.session {
            Some(s) if s.operator.role == Role::Coordinator => Ok((key, s.operator.name.clone())),
            _ => Err(StoreError::NotCoordinator),
        }
    }

    /// The kiosk's signing key, opened with the logged-in coordinator's PIN
    /// record. Nothing else opens it.
    pub fn signing_key(&self) -> Result<signing::KioskKey> {
        match self.session.as_ref().and_then(|s| s.unlocked.signing) {
            Some(password) => signing::load(&self.dir, &password),
            None if self.session.is_some() => Err(StoreError::NotCoordinator),
            None => Err(StoreError::NotLoggedIn),
        }
    }

    /// The seal over the journal's head as stored (an Ed25519 signature by the
    /// journal key), for the bundle's manifest.
    pub fn seal(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT signature FROM seal WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }

    /// The seal the logged-in operator's journal key makes over a head (what
    /// every write stores). Public for tests that play an operator who has
    /// a PIN and forges a bundle with it: that is the limit the threat model
    /// states, not something the disk alone allows.
    pub fn sign_seal(&self, entries: u64, head_hex: &str) -> Result<String> {
        let s = self.session.as_ref().ok_or(StoreError::NotLoggedIn)?;
        let text = keys::seal_text(&self.point.id, entries, head_hex);
        keys::seal_sign(&s.unlocked.journal, text.as_bytes())
            .map_err(|what| StoreError::Journal { seq: entries, what })
    }

    /// Sets or changes the central office's age recipient (a coordinator).
    pub fn set_central(&mut self, recipient: &str) -> Result<u64> {
        let (key, by) = self.coordinator()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(
            &tx,
            &by,
            Event::CentralSet {
                recipient: recipient.to_string(),
            },
        )?;
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'central_recipient'",
            [recipient],
        )?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        self.point.central_recipient = Some(recipient.to_string());
        tracing::info!(seq, operator = %by, "central office key set");
        Ok(seq)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn point(&self) -> &Point {
        &self.point
    }

    pub fn edition(&self) -> &Edition {
        &self.edition
    }

    /// The edition, shared (cheap to hold while the store is borrowed mutably).
    pub fn edition_shared(&self) -> Arc<Edition> {
        Arc::clone(&self.edition)
    }

    /// The durability settings in force: SQLite's journal mode and synchronous
    /// level (2 = FULL).
    pub fn durability(&self) -> Result<(String, i64)> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        let sync: i64 = self
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))?;
        Ok((mode, sync))
    }

    /// Rules as this store applies them (training stores skip the window check).
    pub fn rule_options(&self) -> RuleOptions {
        RuleOptions {
            check_window: !self.point.training,
        }
    }

    /// Adds an operator; the logged-in coordinator does it (`by` must be
    /// their name). The new PIN record wraps the journal key, and for a
    /// coordinator the signing password too.
    pub fn add_operator(&mut self, name: &str, role: Role, pin: &str, by: &str) -> Result<u64> {
        let (key, coordinator) = self.coordinator()?;
        if coordinator != by {
            return Err(StoreError::NotCoordinator);
        }
        let name = operators::check_name(name)?;
        operators::check_pin(pin, self.min_pin_length())?;
        let Some(session) = &self.session else {
            return Err(StoreError::NotLoggedIn);
        };
        let unlocked = keys::Unlocked {
            journal: session.unlocked.journal.clone(),
            signing: match role {
                Role::Coordinator => session.unlocked.signing,
                Role::Volunteer => None,
            },
        };
        let record = keys::make_record(&self.secret, &name, pin, &unlocked)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if operators::find(&tx, &name)?.is_some() {
            return Err(LoginError::NameTaken(name).into());
        }
        let seq = append(
            &tx,
            by,
            Event::OperatorAdded {
                name: name.clone(),
                role: role.as_str().into(),
                pin_record: Some(keys::sha256_hex(record.as_bytes())),
            },
        )?;
        operators::insert(&tx, &name, role, &record, seq)?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        Ok(seq)
    }

    /// Sets the voting day whose urn is being entered; cards typed from now on
    /// carry it as their cast date.
    pub fn set_day(&mut self, day: NaiveDate, operator: &str) -> Result<u64> {
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(&tx, operator, Event::DaySet { day })?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        Ok(seq)
    }

    /// Sets a mobile point's current stop; cards entered from now on record it.
    pub fn set_stop(&mut self, location: &str, operator: &str) -> Result<u64> {
        let location = location.trim();
        if location.is_empty() {
            return Err(StoreError::MissingReason);
        }
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(
            &tx,
            operator,
            Event::StopSet {
                location: location.to_string(),
            },
        )?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        Ok(seq)
    }

    /// The last end-of-day export: its sequence number and manifest hash.
    pub fn last_export(&self) -> Result<Option<(u64, String)>> {
        Ok(
            match latest_of_kind(&self.conn, "export_made")?.map(|e| e.event) {
                Some(Event::ExportMade {
                    sequence,
                    manifest_sha256,
                    ..
                }) => Some((sequence, manifest_sha256)),
                _ => None,
            },
        )
    }

    /// Records a written bundle in the journal. Refused if another export
    /// was recorded since this one read `previous` (so two exports cannot
    /// take one sequence number).
    pub fn record_export(
        &mut self,
        operator: &str,
        previous: Option<u64>,
        event: Event,
    ) -> Result<u64> {
        let (key, _) = self.coordinator()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = match latest_of_kind(&tx, "export_made")?.map(|e| e.event) {
            Some(Event::ExportMade { sequence, .. }) => Some(sequence),
            _ => None,
        };
        if now != previous {
            return Err(StoreError::Journal {
                seq: 0,
                what: "another export was made at the same time; export again".into(),
            });
        }
        let seq = append(&tx, operator, event)?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        tracing::info!(seq, operator, "export recorded");
        Ok(seq)
    }

    /// Runs `f` holding the store's write lock (`BEGIN IMMEDIATE`): no other
    /// process writes until it returns. Committed when `f` succeeds, rolled
    /// back otherwise. `damaged_ok` lets an investigation export read a store
    /// that failed its checks (it writes nothing).
    pub fn exclusive<T, E: From<StoreError>>(
        &mut self,
        damaged_ok: bool,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !damaged_ok {
            self.ensure_sound()?;
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StoreError::from)?;
        let result = f(self);
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.execute_batch(end).map_err(StoreError::from)?;
        result
    }

    /// [`Store::record_export`] inside [`Store::exclusive`].
    pub fn record_export_locked(
        &mut self,
        operator: &str,
        previous: Option<u64>,
        event: Event,
    ) -> Result<u64> {
        let (key, _) = self.coordinator()?;
        let now = match latest_of_kind(&self.conn, "export_made")?.map(|e| e.event) {
            Some(Event::ExportMade { sequence, .. }) => Some(sequence),
            _ => None,
        };
        if now != previous {
            return Err(StoreError::Journal {
                seq: 0,
                what: "another export was made at the same time; export again".into(),
            });
        }
        let seq = append(&self.conn, operator, event)?;
        seal_head(&self.conn, &self.point.id, &key)?;
        tracing::info!(seq, operator, "export recorded");
        Ok(seq)
    }

    /// Runs `f` on one consistent snapshot of the store (a read transaction),
    /// so counts, journal and last export agree with each other.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let result = f(self);
        self.conn.execute_batch("COMMIT")?;
        result
    }

    /// The voting day set by a coordinator, or today when none was set.
    pub fn current_day(&self) -> Result<NaiveDate> {
        Ok(latest_setting(&self.conn, "day_set")?
            .and_then(|d| d.parse().ok())
            .unwrap_or_else(|| Local::now().date_naive()))
    }

    /// Whether a coordinator has ever set the voting day (a new store has not).
    pub fn day_is_set(&self) -> Result<bool> {
        Ok(latest_setting(&self.conn, "day_set")?.is_some())
    }

    /// A mobile point's current stop, if one was set.
    pub fn current_stop(&self) -> Result<Option<String>> {
        latest_setting(&self.conn, "stop_set")
    }

    /// All operators, by name.
    pub fn operators(&self) -> Result<Vec<Operator>> {
        operators::all(&self.conn)
    }

    /// Checks an operator's PIN at `now`. Five wrong PINs in a row lock the
    /// operator for five minutes.
    /// The operator's PIN opens their PIN record: from then on this store
    /// writes as them, until [`Store::logout`] or another login.
    pub fn login(&mut self, name: &str, pin: &str, now: DateTime<Local>) -> Result<Operator> {
        let result = operators::login(&mut self.conn, &self.secret, name, pin, now);
        match result {
            Ok((op, unlocked)) => {
                tracing::info!(operator = %op.name, "login");
                self.session = Some(Session {
                    operator: op.clone(),
                    unlocked,
                });
                Ok(op)
            }
            Err(e) => {
                tracing::warn!(operator = %name, error = %e, "login refused");
                Err(e)
            }
        }
    }

    /// Stores a new card: checks it, journals it, and returns once it is on disk.
    /// A card from a file row with an `id` is refused if that id is stored.
    pub fn enter_card(&mut self, card: RawCard, operator: &str, source: Source) -> Result<Saved> {
        self.enter_card_counted(card, operator, source, None)
    }

    /// [`Store::enter_card`] with the keys the kiosk counted for the card.
    pub fn enter_card_counted(
        &mut self,
        card: RawCard,
        operator: &str,
        source: Source,
        keys: Option<u32>,
    ) -> Result<Saved> {
        let assessment = card::assess(&self.edition, &card, self.rule_options());
        let training = self.point.training;
        // A row id from an imported file may be stored once only.
        let source_ref = match &source {
            Source::Csv { id: Some(id), .. } => Some(id.clone()),
            _ => None,
        };
        let source_ref = source_ref.as_deref();
        if let Some(r) = source_ref {
            // Quick refusal without taking the write lock; checked again inside.
            refuse_known_source(&self.conn, r)?;
        }
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(r) = source_ref {
            refuse_known_source(&tx, r)?;
        }
        let head = Head::read(&tx)?;
        // The stop read for this very head (the last write was this
        // store's own card), or read again.
        let stop = match self.stop_seen.take() {
            Some((seq, stop)) if seq == head.seq => stop,
            _ => latest_setting(&tx, "stop_set")?,
        };
        let card_id = format!("{}-{:06}", self.point.id, head.seq);
        let same_pesel = prior_cards(&tx, &card.pesel, &card_id)?;
        let at = now();
        let version = Version {
            card_id: &card_id,
            kind: "entered",
            card: Some(&card),
            assessment: Some(&assessment),
            flagged: !same_pesel.is_empty(),
            operator,
            at: &at,
            source_ref,
            stop: stop.as_deref(),
        };
        let event = Event::CardEntered {
            card_id: card_id.clone(),
            card: card.clone(),
            assessment: assessment.clone(),
            source,
            same_pesel: same_pesel.iter().map(|p| p.card_id.clone()).collect(),
            training,
            stop: stop.clone(),
            keys,
        };
        let seq = head.append(&tx, operator, &at, event)?;
        version.insert(&tx, seq)?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        self.stop_seen = Some((seq + 1, stop.clone()));
        tracing::info!(
            card = %card_id,
            seq,
            valid = assessment.is_valid(),
            reasons = %assessment.reasons.iter().map(|r| r.code()).collect::<Vec<_>>().join(","),
            flagged = !same_pesel.is_empty(),
            operator,
            "card entered"
        );
        Ok(Saved {
            card_id,
            seq,
            assessment,
            same_pesel,
        })
    }

    /// Records a corrected version of a card; the original entry stays.
    pub fn amend_card(
        &mut self,
        card_id: &str,
        card: RawCard,
        operator: &str,
        reason: &str,
    ) -> Result<Saved> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let key = self.writer()?;
        let options = self.rule_options();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let saved = amend_in(&tx, &self.edition, options, card_id, card, operator, reason)?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        tracing::info!(card = %card_id, seq = saved.seq, valid = saved.assessment.is_valid(), operator, "card amended");
        Ok(saved)
    }

    /// Voids a card (e.g. entered twice by mistake); the original entry stays.
    pub fn void_card(&mut self, card_id: &str, operator: &str, reason: &str) -> Result<u64> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        latest_kind(&tx, card_id)?;
        let at = now();
        let seq = append_at(
            &tx,
            operator,
            &at,
            Event::CardVoided {
                card_id: card_id.to_string(),
                reason: reason.trim().to_string(),
            },
        )?;
        Version {
            card_id,
            kind: "voided",
            card: None,
            assessment: None,
            flagged: false,
            operator,
            at: &at,
            source_ref: None,
            stop: None,
        }
        .insert(&tx, seq)?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
        tracing::info!(card = %card_id, seq, operator, "card voided");
        Ok(seq)
    }

    /// Cards (not voided) whose latest version carries this PESEL.
    pub fn find_by_pesel(&self, pesel: &str) -> Result<Vec<PriorCard>> {
        prior_cards(&self.conn, pesel, "")
    }

    /// The latest version of a card as typed; `None` if unknown or voided.
    pub fn card(&self, card_id: &str) -> Result<Option<RawCard>> {
        let latest: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT seq, kind FROM card_versions WHERE card_id = ?1 ORDER BY seq DESC LIMIT 1",
                [card_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((seq, _)) = latest.filter(|(_, kind)| kind != "voided") else {
            return Ok(None);
        };
        Ok(match self.entry(seq as u64)?.event {
            Event::CardEntered { card, .. } | Event::CardAmended { card, .. } => Some(card),
            _ => None,
        })
    }

    /// Cards, newest first, as the "today's cards" screen lists them.
    pub fn cards(&self, q: &CardQuery) -> Result<Vec<CardRow>> {
        let digits: String = q
            .text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let mut conditions = String::new();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(day) = q.day {
            values.push(day.to_string().into());
            conditions.push_str(&format!(" AND e.day = ?{}", values.len()));
        }
        if digits.is_empty() {
            // Every card.
        } else if digits.bytes().all(|b| b.is_ascii_digit()) {
            // A PESEL prefix: a range of the PESEL index; or the number
            // written on the paper card (`0042`: card `P01-000042`).
            values.push(digits.clone().into());
            values.push(format!("{digits}\u{10FFFF}").into());
            let number = verify::parse_card_number(&digits)
                .map(|n| format!("{}-{n:06}", self.point.id))
                .unwrap_or_default();
            values.push(number.into());
            conditions.push_str(&format!(
                " AND (e.card_id IN (SELECT card_id FROM card_versions WHERE pesel >= ?{} AND pesel < ?{}) OR e.card_id = ?{})",
                values.len() - 2,
                values.len() - 1,
                values.len()
            ));
        } else {
            // Any part of the surname (`żak` finds `Wiśniewska-Żak`), folded
            // like the stored key; `%`, `_` and `\` typed are literal.
            let key = surname_key(&q.text)
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            values.push(format!("%{key}%").into());
            conditions.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM card_versions n WHERE n.card_id = e.card_id AND n.surname LIKE ?{} ESCAPE '\\')",
                values.len()
            ));
        }
        values.push(if q.limit == 0 { -1i64 } else { q.limit as i64 }.into());
        let sql = format!(
            "SELECT e.card_id, v.seq, v.kind, v.valid, v.reasons, e.at, e.operator, e.flagged, e.stop
             FROM card_versions e
             JOIN card_versions v ON v.card_id = e.card_id
              AND v.seq = (SELECT MAX(w.seq) FROM card_versions w WHERE w.card_id = e.card_id)
             WHERE e.kind = 'entered'{conditions}
             ORDER BY e.seq DESC
             LIMIT ?{}",
            values.len()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok(CardRow {
                card_id: r.get(0)?,
                seq: r.get::<_, i64>(1)? as u64,
                kind: r.get(2)?,
                valid: r.get(3)?,
                reasons: parse_reasons(&r.get::<_, String>(4)?),
                entered_at: r.get(5)?,
                entered_by: r.get(6)?,
                flagged: r.get(7)?,
                stop: r.get(8)?,
                card: None,
            })
        })?;
        let mut out: Vec<CardRow> = rows.collect::<std::result::Result<_, _>>()?;
        for row in &mut out {
            if row.kind != "voided" {
                row.card = match self.entry(row.seq)?.event {
                    Event::CardEntered { card, .. } | Event::CardAmended { card, .. } => Some(card),
                    _ => None,
                };
            }
        }
        Ok(out)
    }

    /// Every journal entry of one card, oldest first: entered, amended, voided.
    pub fn card_history(&self, card_id: &str) -> Result<Vec<Entry>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT seq FROM card_versions WHERE card_id = ?1 ORDER BY seq")?;
        let seqs: Vec<i64> = stmt
            .query_map([card_id], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        seqs.into_iter().map(|seq| self.entry(seq as u64)).collect()
    }

    /// The card id stored for a source row id, if that row was imported.
    pub fn card_for_source(&self, source_ref: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT card_id FROM card_versions WHERE source_ref = ?1",
                [source_ref],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// One journal entry.
    pub fn entry(&self, seq: u64) -> Result<Entry> {
        let body: Vec<u8> = self.conn.query_row(
            "SELECT body FROM journal WHERE seq = ?1",
            [seq as i64],
            |r| r.get(0),
        )?;
        serde_json::from_slice(&body).map_err(|e| StoreError::Journal {
            seq,
            what: format!("unreadable entry: {e}"),
        })
    }

    /// The whole journal in order, as stored (canonical bytes) with hashes.
    pub fn journal(&self) -> Result<Vec<(u64, Vec<u8>, Hash)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, body, hash FROM journal ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, body, hash) = row?;
            let hash: Hash = hash.try_into().map_err(|_| StoreError::Journal {
                seq,
                what: "hash is not 32 bytes".into(),
            })?;
            out.push((seq, body, hash));
        }
        Ok(out)
    }

    /// Counts over the whole store.
    pub fn status(&self) -> Result<Status> {
        self.status_of(None)
    }

    /// Counts over the cards of one voting day, or of every day.
    pub fn status_of(&self, day: Option<NaiveDate>) -> Result<Status> {
        let mut s = Status {
            point: self.point.id.clone(),
            edition: self.edition.id.clone(),
            ..Status::default()
        };
        let (entries, head): (i64, Option<Vec<u8>>) = self.conn.query_row(
            // Entries are numbered 1, 2, 3… without gaps (check verifies it),
            // so the last number is the count, without reading every entry.
            "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        s.journal_entries = entries as u64;
        s.head_hash = hex::encode(head.unwrap_or_else(|| GENESIS.to_vec()));
        s.operators = self
            .conn
            .query_row("SELECT COUNT(*) FROM operators", [], |r| r.get::<_, i64>(0))?
            as u64;
        // Every version of the chosen cards in one pass, ordered by card: the
        // last row of a card is its latest version.
        let sql = format!(
            "SELECT v.card_id, v.kind, v.valid, v.reasons, e.flagged, e.operator, e.stop
             FROM card_versions e
             JOIN card_versions v ON v.card_id = e.card_id
             WHERE e.kind = 'entered' {}
             ORDER BY v.card_id, v.seq",
            if day.is_some() { "AND e.day = ?1" } else { "" }
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let day = day.map(|d| d.to_string());
        let mut rows = match &day {
            Some(d) => stmt.query([d])?,
            None => stmt.query([])?,
        };
        struct Latest {
            card_id: String,
            kind: String,
            valid: bool,
            reasons: String,
            amended: bool,
        }
        let count = |s: &mut Status, c: &Latest| {
            s.amended += u64::from(c.amended);
            if c.kind == "voided" {
                s.voided += 1;
            } else if c.valid {
                s.valid += 1;
            } else {
                s.invalid += 1;
                for code in c.reasons.split(',').filter(|c| !c.is_empty()) {
                    *s.invalid_by_reason.entry(code.to_string()).or_default() += 1;
                }
            }
        };
        let mut current: Option<Latest> = None;
        while let Some(r) = rows.next()? {
            let card_id: String = r.get(0)?;
            let kind: String = r.get(1)?;
            let same_card = current.as_ref().is_some_and(|c| c.card_id == card_id);
            if !same_card {
                if let Some(done) = current.take() {
                    count(&mut s, &done);
                }
                // The first row of a card is its entered version.
                let flagged: bool = r.get(4)?;
                let by: String = r.get(5)?;
                let stop: Option<String> = r.get(6)?;
                s.cards += 1;
                s.flagged += u64::from(flagged);
                *s.by_operator.entry(by).or_default() += 1;
                if let Some(stop) = stop {
                    *s.by_stop.entry(stop).or_default() += 1;
                }
            }
            let amended = kind == "amended" || current.as_ref().is_some_and(|c| c.amended);
            current = Some(Latest {
                card_id,
                kind,
                valid: r.get(2)?,
                reasons: r.get(3)?,
                amended,
            });
        }
        if let Some(done) = current.take() {
            count(&mut s, &done);
        }
        Ok(s)
    }

    /// Verifies the whole store ([`check::full`]): `Err(Damaged)` lists
    /// every difference found.
    pub fn check(&self) -> Result<CheckReport> {
        let full = check::full(&self.conn, &self.dir);
        if !full.problems.is_empty() {
            return Err(StoreError::Damaged(full.problems));
        }
        Ok(CheckReport {
            entries: full.entries,
            head_hash: hex::encode(full.head),
        })
    }
}

/// Signs the journal's head as it is inside this write transaction.
fn seal_head(conn: &Connection, point: &str, key: &minisign::SecretKey) -> Result<()> {
    let (seq, hash): (i64, Vec<u8>) = conn
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let text = keys::seal_text(point, seq as u64, &hex::encode(&hash));
    let signature = keys::seal_sign(key, text.as_bytes()).map_err(|what| StoreError::Journal {
        seq: seq as u64,
        what: format!("sealing: {what}"),
    })?;
    conn.prepare_cached(
        "INSERT INTO seal(id, entries, head, signature) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET entries = excluded.entries, head = excluded.head, signature = excluded.signature",
    )?
    .execute(params![seq, hash, signature])?;
    Ok(())
}

fn read_secret(path: &Path) -> Result<Vec<u8>> {
    let text = fs::read_to_string(path).map_err(io_err(path))?;
    hex::decode(text.trim()).map_err(|_| StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, "not a hex key"),
    })
}

fn append(conn: &Connection, operator: &str, event: Event) -> Result<u64> {
    Head::read(conn)?.append(conn, operator, &now(), event)
}

fn append_at(conn: &Connection, operator: &str, at: &str, event: Event) -> Result<u64> {
    Head::read(conn)?.append(conn, operator, at, event)
}

/// Where the next journal entry goes: its number and the hash it chains to.
/// Read inside the write transaction, so two processes on one store cannot
/// fork the chain.
struct Head {
    seq: u64,
    prev: Hash,
}

impl Head {
    fn read(conn: &Connection) -> Result<Head> {
        let last: Option<(i64, Vec<u8>)> = conn
            .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match last {
            None => Ok(Head {
                seq: 1,
                prev: GENESIS,
            }),
            Some((seq, hash)) => Ok(Head {
                seq: seq as u64 + 1,
                prev: hash.try_into().map_err(|_| StoreError::Journal {
                    seq: seq as u64,
                    what: "hash is not 32 bytes".into(),
                })?,
            }),
        }
    }

    /// Appends the entry; must run inside a write transaction.
    fn append(self, conn: &Connection, operator: &str, at: &str, event: Event) -> Result<u64> {
        let entry = Entry {
            seq: self.seq,
            at: at.to_string(),
            operator: operator.to_string(),
            event,
        };
        let body = entry.canonical_bytes();
        let hash = chain_hash(&self.prev, &body);
        conn.prepare_cached(
            "INSERT INTO journal(seq, kind, body, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            self.seq as i64,
            entry.event.kind(),
            body,
            self.prev.as_slice(),
            hash.as_slice()
        ])?;
        Ok(self.seq)
    }
}

/// The value of the latest `day_set` or `stop_set` entry, if any.
fn latest_setting(conn: &Connection, kind: &str) -> Result<Option<String>> {
    Ok(match latest_of_kind(conn, kind)?.map(|e| e.event) {
        Some(Event::DaySet { day }) => Some(day.to_string()),
        Some(Event::StopSet { location }) => Some(location),
        _ => None,
    })
}

/// The latest entry of a kind the `journal_settings` index holds.
fn latest_of_kind(conn: &Connection, kind: &str) -> Result<Option<Entry>> {
    let body: Option<Vec<u8>> = conn
        .prepare_cached(
            "SELECT body FROM journal
             WHERE kind = ?1 AND kind IN ('day_set', 'stop_set', 'export_made', 'store_created', 'operator_added', 'central_set')
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([kind], |r| r.get(0))
        .optional()?;
    let Some(body) = body else { return Ok(None) };
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|e| StoreError::Journal {
            seq: 0,
            what: format!("unreadable {kind} entry: {e}"),
        })
}

/// Refuses a source row id that is already stored.
fn refuse_known_source(conn: &Connection, source_ref: &str) -> Result<()> {
    let existing: Option<String> = conn
        .prepare_cached("SELECT card_id FROM card_versions WHERE source_ref = ?1")?
        .query_row([source_ref], |row| row.get(0))
        .optional()?;
    match existing {
        Some(card_id) => Err(StoreError::DuplicateSource {
            source_ref: source_ref.to_string(),
            card_id,
        }),
        None => Ok(()),
    }
}

/// Journals a corrected version of a card inside the caller's write
/// transaction (an amendment from the cards screen, or from a verification).
fn amend_in(
    tx: &Connection,
    edition: &Edition,
    options: RuleOptions,
    card_id: &str,
    card: RawCard,
    operator: &str,
    reason: &str,
) -> Result<Saved> {
    let assessment = card::assess(edition, &card, options);
    latest_kind(tx, card_id)?;
    let same_pesel = prior_cards(tx, &card.pesel, card_id)?;
    let at = now();
    let event = Event::CardAmended {
        card_id: card_id.to_string(),
        card: card.clone(),
        assessment: assessment.clone(),
        reason: reason.trim().to_string(),
        same_pesel: same_pesel.iter().map(|p| p.card_id.clone()).collect(),
    };
    let seq = append_at(tx, operator, &at, event)?;
    Version {
        card_id,
        kind: "amended",
        card: Some(&card),
        assessment: Some(&assessment),
        flagged: !same_pesel.is_empty(),
        operator,
        at: &at,
        source_ref: None,
        stop: None,
    }
    .insert(tx, seq)?;
    Ok(Saved {
        card_id: card_id.to_string(),
        seq,
        assessment,
        same_pesel,
    })
}

/// The kind of a card's latest version; errors if the card is unknown or voided.
fn latest_kind(conn: &Connection, card_id: &str) -> Result<String> {
    let kind: Option<String> = conn
        .prepare_cached(
            "SELECT kind FROM card_versions WHERE card_id = ?1 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([card_id], |r| r.get(0))
        .optional()?;
    match kind.as_deref() {
        None => Err(StoreError::UnknownCard(card_id.to_string())),
        Some("voided") => Err(StoreError::CardVoided(card_id.to_string())),
        Some(k) => Ok(k.to_string()),
    }
}

/// Other cards whose latest version carries this PESEL and are not voided.
fn prior_cards(conn: &Connection, pesel: &str, except: &str) -> Result<Vec<PriorCard>> {
    let Some(key) = pesel_key(pesel) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT v.card_id, e.at, e.operator
         FROM card_versions v
         JOIN card_versions e ON e.card_id = v.card_id AND e.kind = 'entered'
         WHERE v.pesel = ?1 AND v.card_id != ?2
           AND v.seq = (SELECT MAX(seq) FROM card_versions w WHERE w.card_id = v.card_id)
         ORDER BY v.seq",
    )?;
    let rows = stmt.query_map(params![key, except], |r| {
        Ok(PriorCard {
            card_id: r.get(0)?,
            at: r.get(1)?,
            operator: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// A row of `card_versions`.
struct Version<'a> {
    card_id: &'a str,
    kind: &'a str,
    card: Option<&'a RawCard>,
    assessment: Option<&'a Assessment>,
    flagged: bool,
    operator: &'a str,
    at: &'a str,
    source_ref: Option<&'a str>,
    stop: Option<&'a str>,
}

impl Version<'_> {
    fn insert(&self, conn: &Connection, seq: u64) -> Result<()> {
        let reasons = self
            .assessment
            .map(|a| {
                a.reasons
                    .iter()
                    .map(|r| r.code())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default();
        conn.prepare_cached(
            "INSERT INTO card_versions(seq, card_id, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            seq as i64,
            self.card_id,
            self.kind,
            self.card.and_then(|c| pesel_key(&c.pesel)),
            self.card.map(|c| surname_key(&c.last_name)),
            self.assessment.is_some_and(Assessment::is_valid),
            reasons,
            self.flagged,
            self.operator,
            self.at,
            self.source_ref,
            self.card.map(|c| c.cast_date.to_string()),
            self.stop,
        ])?;
        Ok(())
    }
}

/// Reasons as the index stores them.
pub fn parse_reasons(s: &str) -> Vec<Reason> {
    s.split(',').filter_map(|c| c.parse().ok()).collect()
}
