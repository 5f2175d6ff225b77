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
        what: JournalFault,
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
                what = what.describe(lang)
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

/// What is wrong with a journal entry, or with the journal around it
/// ([`StoreError::Journal`]), said from `errors-journal.ftl`.
#[derive(Debug)]
pub enum JournalFault {
    /// Its JSON is not an entry. What the JSON parser said is not kept: it
    /// quotes the value it stumbled on, which may be a PESEL or a name.
    Unreadable,
    /// An entry of this kind is not one.
    UnreadableKind(String),
    /// Its hash is not 32 bytes.
    HashLength,
    /// No entry names the kiosk's public key.
    NoKioskKey,
    /// The entry asked for is not in the journal.
    NoSuchEntry,
    /// Another export took this export's place in the journal.
    ConcurrentExport,
    /// A `meta` row the store cannot open without.
    MetaMissing(String),
    /// Making the journal key failed (the library's words).
    NewKey(String),
    /// Signing an entry or the first entry failed (the library's words).
    Signing(String),
    /// Sealing the head failed (the library's words).
    Sealing(String),
    /// The schema upgrade to this version failed (the library's words).
    Upgrade(i64, String),
}

impl JournalFault {
    /// The fault in `lang`.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            JournalFault::Unreadable => tr!(lang, "error-journal-unreadable"),
            JournalFault::UnreadableKind(kind) => {
                tr!(lang, "error-journal-unreadable-kind", kind = kind.as_str())
            }
            JournalFault::HashLength => tr!(lang, "error-journal-hash-length"),
            JournalFault::NoKioskKey => tr!(lang, "error-journal-no-kiosk-key"),
            JournalFault::NoSuchEntry => tr!(lang, "error-journal-no-such-entry"),
            JournalFault::ConcurrentExport => tr!(lang, "error-journal-concurrent-export"),
            JournalFault::MetaMissing(key) => {
                tr!(lang, "error-journal-meta-missing", key = key.as_str())
            }
            JournalFault::NewKey(d) => tr!(lang, "error-journal-new-key", detail = d.as_str()),
            JournalFault::Signing(d) => tr!(lang, "error-journal-signing", detail = d.as_str()),
            JournalFault::Sealing(d) => tr!(lang, "error-journal-sealing", detail = d.as_str()),
            JournalFault::Upgrade(schema, d) => tr!(
                lang,
                "error-journal-upgrade",
                schema = *schema,
                detail = d.as_str()
            ),
        }
    }
}
