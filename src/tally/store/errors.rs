//! What goes wrong: an import's [`Rejection`] (and the code and words the
//! import log keeps of it) and the tally's own [`TallyError`].

use std::path::{Path, PathBuf};

use crate::bundle::{Said, VerifyError};
use crate::tally::online::OnlineRefusal;

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
    /// The journal is not the one its kiosk sealed (English, Polish,
    /// Ukrainian: the import log keeps every language).
    Unsealed {
        en: String,
        pl: String,
        uk: String,
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
                    refusal.describe(crate::i18n::Lang::Uk).to_string(),
                ],
            ),
            Internal => Said::new("internal", vec![]),
            Investigation => Said::new("investigation", vec![]),
            Unsealed { en, pl, uk } => {
                Said::new("unsealed", vec![en.clone(), pl.clone(), uk.clone()])
            }
        }
    }

    /// The refusal in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        self.said().render(lang)
    }
}

crate::display_in_english!(Rejection, text);

impl std::error::Error for Rejection {}

#[derive(Debug, thiserror::Error)]
pub enum TallyError {
    NotInitialised(PathBuf),
    AlreadyInitialised(PathBuf),
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Sqlite(#[from] rusqlite::Error),
    SqliteValue(#[from] rusqlite::types::FromSqlError),
    Migration(#[from] rusqlite_migration::Error),
    Edition(#[from] crate::edition::EditionError),
    /// Internal: something urna's own code should not let happen, said
    /// from the catalogs as an error to report.
    Internal(super::TallyFault),
    /// A refusal: a catalog message with its arguments, put in words of
    /// the language asked for.
    Words(Words),
}

/// A message of the catalogs with its arguments, not yet in a language:
/// `words(move |lang| tr!(lang, "tally-…", x = …))`.
#[derive(Clone)]
pub struct Words(std::sync::Arc<dyn Fn(crate::i18n::Lang) -> String + Send + Sync>);

impl Words {
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        (self.0)(lang)
    }
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Words({:?})", self.text(crate::i18n::Lang::En))
    }
}

/// A refusal, in words of whichever language it is shown in.
pub(crate) fn words(
    text: impl Fn(crate::i18n::Lang) -> String + Send + Sync + 'static,
) -> TallyError {
    TallyError::Words(Words(std::sync::Arc::new(text)))
}

impl TallyError {
    /// The error in `lang`: library and OS errors in words of `lang` too.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::foreign;
        use crate::tr;
        let dir = |d: &Path| d.display().to_string();
        match self {
            TallyError::NotInitialised(d) => tr!(lang, "tally-error-not-initialised", dir = dir(d)),
            TallyError::AlreadyInitialised(d) => {
                tr!(lang, "tally-error-already-initialised", dir = dir(d))
            }
            TallyError::Io { path, source } => foreign::io_error_at(lang, path, source),
            TallyError::Sqlite(e) => tr!(
                lang,
                "tally-error-database",
                error = foreign::sqlite_error(lang, e)
            ),
            TallyError::SqliteValue(_) => tr!(lang, "tally-error-database-value"),
            TallyError::Migration(e) => tr!(
                lang,
                "tally-error-schema",
                error = foreign::sqlite::migration(lang, e)
            ),
            TallyError::Edition(e) => e.describe(lang),
            TallyError::Words(w) => w.text(lang),
            TallyError::Internal(f) => f.describe(lang),
        }
    }
}

crate::display_in_english!(TallyError);

impl From<super::TallyFault> for TallyError {
    fn from(f: super::TallyFault) -> TallyError {
        TallyError::Internal(f)
    }
}

pub type Result<T> = std::result::Result<T, TallyError>;

pub(super) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> TallyError + '_ {
    move |source| TallyError::Io {
        path: path.to_path_buf(),
        source,
    }
}
