//! What can go wrong with the store ([`StoreError`]), in English and Polish.

use std::path::PathBuf;

use crate::edition::EditionError;

use super::{LoginError, check};

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
        use crate::{foreign, tr};
        match self {
            StoreError::NotInitialised(dir) => tr!(
                lang,
                "error-store-not-initialised",
                dir = dir.display().to_string()
            ),
            StoreError::AlreadyInitialised(dir) => tr!(
                lang,
                "error-store-already-initialised",
                dir = dir.display().to_string()
            ),
            StoreError::Io { path, source } => format!(
                "{}: {}",
                crate::shown::path(path),
                foreign::io_error(lang, source)
            ),
            StoreError::Sqlite(e) => tr!(
                lang,
                "error-store-database",
                error = foreign::sqlite_error(lang, e)
            ),
            StoreError::Open { path, source } => tr!(
                lang,
                "error-store-open",
                path = crate::shown::path(path),
                error = foreign::sqlite_error(lang, source)
            ),
            StoreError::Migration(e) => tr!(
                lang,
                "error-store-schema",
                error = foreign::sqlite::migration(lang, e)
            ),
            StoreError::Edition(e) => tr!(lang, "error-store-edition", error = e.describe(lang)),
            StoreError::Journal { seq, what } => tr!(
                lang,
                "error-store-journal",
                seq = *seq,
                what = what.as_str()
            ),
            StoreError::UnknownCard(id) => {
                tr!(lang, "error-store-unknown-card", card = id.as_str())
            }
            StoreError::CardVoided(id) => tr!(lang, "error-store-card-voided", card = id.as_str()),
            StoreError::DuplicateSource {
                source_ref,
                card_id,
            } => tr!(
                lang,
                "error-store-duplicate-source",
                id = source_ref.as_str(),
                card = card_id.as_str()
            ),
            StoreError::MissingReason => tr!(lang, "error-store-missing-reason"),
            StoreError::Login(e) => e.describe(lang),
            StoreError::EarlierRelease(dir) => tr!(
                lang,
                "error-store-earlier-release",
                dir = dir.display().to_string()
            ),
            StoreError::Damaged(problems) => tr!(
                lang,
                "error-store-damaged",
                problems = problems
                    .iter()
                    .map(|p| p.describe(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            StoreError::NotLoggedIn => tr!(lang, "error-store-not-logged-in"),
            StoreError::NotCoordinator => tr!(lang, "error-store-not-coordinator"),
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
