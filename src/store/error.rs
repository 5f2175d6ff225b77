//! What can go wrong with the store ([`StoreError`]), in the catalogs' words.

use std::path::{Path, PathBuf};

use crate::edition::EditionError;

use super::{LoginError, check};

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    NotInitialised(PathBuf),
    AlreadyInitialised(PathBuf),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Sqlite(#[from] rusqlite::Error),
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    Migration(#[from] rusqlite_migration::Error),
    Edition(#[from] EditionError),
    Journal {
        seq: u64,
        what: String,
    },
    UnknownCard(String),
    CardVoided(String),
    DuplicateSource {
        source_ref: String,
        card_id: String,
    },
    MissingReason,
    Login(#[from] LoginError),
    EarlierRelease(PathBuf),
    Damaged(Vec<check::Problem>),
    NotLoggedIn,
    NotCoordinator,
}

impl StoreError {
    /// The error in `lang`: library and OS errors in words of `lang` too.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::{foreign, tr};
        let dir = |d: &Path| d.display().to_string();
        match self {
            StoreError::NotInitialised(d) => tr!(lang, "error-store-not-initialised", dir = dir(d)),
            StoreError::AlreadyInitialised(d) => {
                tr!(lang, "error-store-already-initialised", dir = dir(d))
            }
            StoreError::Io { path, source } => foreign::io_error_at(lang, path, source),
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
                id = super::operators::shown(source_ref),
                card = card_id.as_str()
            ),
            StoreError::MissingReason => tr!(lang, "error-store-missing-reason"),
            StoreError::Login(e) => e.describe(lang),
            StoreError::EarlierRelease(d) => tr!(lang, "error-store-earlier-release", dir = dir(d)),
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

crate::display_in_english!(StoreError);

pub type Result<T> = std::result::Result<T, StoreError>;
