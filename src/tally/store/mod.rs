//! The central office's store: trusted kiosks, every journal entry each kiosk
//! sent (verified, chained, never changed), the internet channel's rows, and a
//! record of every import, accepted or rejected.
//!
//! A bundle is read once, as a stream, into one transaction that is
//! committed only when every check has held (the last ones at the end of the
//! file): all or nothing, in memory that does not grow with the bundle.

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rusqlite::Connection;

use crate::edition::Edition;

mod ballots;
mod card_ids;
mod checker;
mod decisions;
mod delta;
mod errors;
mod fault;
mod import;
mod import_log;
mod internet;
mod judging;
mod kiosks;
mod parallel;
mod people;
mod reading;
mod schema;
mod seal;
mod storing;
mod sync;

pub use ballots::{Ballot, Source};
pub(crate) use card_ids::point_of_card;
pub use decisions::{Decision, DecisionRecord};
pub(crate) use errors::words;
pub use errors::{Rejection, Result, TallyError};
pub use fault::TallyFault;
pub use import::Imported;
pub use import_log::ImportRecord;
pub(crate) use judging::Judge;
pub use judging::{Counted, Judged};
pub use kiosks::PointRoll;
pub use sync::PointSync;

use errors::io;
use import_log::ImportLog;
use schema::migrations;

pub const DB_FILE: &str = "tally.sqlite";
/// The office's age identity: whoever holds it can read every bundle.
pub const IDENTITY_FILE: &str = "office-identity.txt";

pub struct Tally {
    conn: Connection,
    dir: PathBuf,
    edition: Edition,
    identity: age::x25519::Identity,
    /// Take bundles marked `investigation` (`urna tally import --investigation`).
    pub allow_investigation: bool,
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
                words({
                    let shown = shown.to_string();
                    move |lang| crate::tr!(lang, "tally-error-not-identity", shown = shown.as_str())
                })
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

    /// The store, for the office's read-only reports in other modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}
