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

mod append;
mod card_index;
mod card_lookup;
mod cards;
pub mod check;
mod entries;
mod error;
mod exports;
pub mod journal;
pub mod keys;
mod open;
mod operators;
mod presign;
pub mod sample;
mod session;
mod settings;
pub mod signing;
mod soundness;
pub mod stats;
mod status;
pub mod sync;
pub mod verify;

use std::fs::OpenOptions;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Local;
use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::card::RuleOptions;
use crate::edition::Edition;
pub use card_lookup::{CardQuery, CardRow, parse_reasons};
pub use cards::{PriorCard, Saved};
pub use error::{JournalFault, Result, StoreError};
pub use open::InitParams;
pub use operators::{LoginError, Operator, Role};
pub use soundness::CheckReport;
pub use status::Status;

use append::{Head, append, seal_head};
use cards::amend_in;

/// The SQLite file inside the data directory.
pub const DB_FILE: &str = "urna.sqlite";

/// The per-kiosk secret mixed into PIN hashes (argon2 "pepper").
pub const SECRET_FILE: &str = "pin-secret.key";

/// Schema migrations, applied in order; never edit a released one.
fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("schema-1.sql")),
        M::up(include_str!("schema-2.sql")),
        M::up(include_str!("schema-3.sql")),
    ])
}

/// The schema version (`PRAGMA user_version`) of a store this code makes.
pub const SCHEMA_VERSION: i64 = 3;

/// The shortest PIN a store accepts unless `urna init --min-pin-length` asks
/// for more.
pub const MIN_PIN_LENGTH: u8 = 4;

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
    /// The cards this process saved whose index rows are still to be
    /// written (see card_index).
    recent: std::cell::RefCell<card_index::Recent>,
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
}
