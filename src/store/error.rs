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
        use crate::foreign;
        use crate::i18n::Lang::*;
        match (self, lang) {
            (StoreError::NotInitialised(dir), Pl | Uk) => format!(
                "w {} nie ma magazynu urny: najpierw uruchom `urna init`",
                dir.display()
            ),
            (StoreError::AlreadyInitialised(dir), Pl | Uk) => {
                format!("w {} już jest magazyn urny", dir.display())
            }
            (StoreError::Io { path, source }, lang) => format!(
                "{}: {}",
                crate::shown::path(path),
                foreign::io_error(lang, source)
            ),
            (StoreError::Sqlite(e), Pl | Uk) => {
                format!("baza danych: {}", foreign::sqlite_error(lang, e))
            }
            (StoreError::Sqlite(e), En) => format!("database: {}", foreign::sqlite_error(lang, e)),
            (StoreError::Open { path, source }, Pl | Uk) => format!(
                "{}: nie można otworzyć magazynu: {}",
                crate::shown::path(path),
                foreign::sqlite_error(lang, source)
            ),
            (StoreError::Open { path, source }, En) => format!(
                "{}: cannot open the store: {}",
                crate::shown::path(path),
                foreign::sqlite_error(lang, source)
            ),
            (StoreError::Migration(e), Pl | Uk) => format!(
                "schemat bazy danych: {}",
                foreign::sqlite::migration(lang, e)
            ),
            (StoreError::Migration(e), En) => {
                format!("database schema: {}", foreign::sqlite::migration(lang, e))
            }
            (StoreError::Edition(e), Pl | Uk) => {
                format!("zapisana edycja jest nieczytelna: {}", e.describe(lang))
            }
            (StoreError::Journal { seq, what }, Pl | Uk) => {
                format!("wpis dziennika {seq}: {what}")
            }
            (StoreError::UnknownCard(id), Pl | Uk) => format!("w tym magazynie nie ma karty {id}"),
            (StoreError::CardVoided(id), Pl | Uk) => {
                format!("karta {id} jest unieważniona; unieważnionej karty nie można zmienić")
            }
            (
                StoreError::DuplicateSource {
                    source_ref,
                    card_id,
                },
                Pl | Uk,
            ) => format!("wiersz o id \"{source_ref}\" jest już zapisany jako karta {card_id}"),
            (StoreError::MissingReason, Pl | Uk) => "trzeba podać powód".into(),
            (StoreError::Login(e), lang) => e.describe(lang),
            (StoreError::EarlierRelease(dir), Pl | Uk) => format!(
                "{} to magazyn wcześniejszej wersji urny (schemat 1, niezapieczętowane klucze), którego ta wersja nie otwiera: wyeksportuj jego ostatnią paczkę tamtą wersją, potem ustaw kiosk od nowa (README: \"A kiosk of an earlier release\")",
                dir.display()
            ),
            (StoreError::Damaged(problems), Pl | Uk) => format!(
                "magazyn jest uszkodzony; nic w nim nie zapisano: {}",
                problems
                    .iter()
                    .map(|p| p.describe(lang))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
            (StoreError::NotLoggedIn, Pl | Uk) => {
                "nikt nie jest zalogowany: zmiana wymaga PIN-u operatora".into()
            }
            (StoreError::NotCoordinator, Pl | Uk) => "to może zrobić tylko koordynator".into(),
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
