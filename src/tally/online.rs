//! Why the office refused an internet channel file, in both languages: the
//! file as a whole ([`FileError`]) or every row that cannot be read, by line.
//! Built from the card CSV reader's problems, so no value from the file is
//! quoted unmasked.

use std::fmt;

use crate::cardcsv::{FileError, RowProblem};
use crate::i18n::Lang;
use crate::tr;

/// A refused internet file; nothing from it is stored. Its words in every
/// language, made at once: the import log keeps them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlineRefusal {
    pl: String,
    en: String,
    uk: String,
}

/// One row that stops the file.
pub enum RowFault {
    Problem(RowProblem),
    NoId,
}

impl OnlineRefusal {
    fn of(words: impl Fn(Lang) -> String) -> OnlineRefusal {
        OnlineRefusal {
            pl: words(Lang::Pl),
            en: words(Lang::En),
            uk: words(Lang::Uk),
        }
    }

    /// The whole file cannot be read.
    pub fn file(e: &FileError) -> OnlineRefusal {
        OnlineRefusal::of(|lang| e.describe(lang))
    }

    /// Rows that cannot be read, with their lines.
    pub fn rows(file: &str, faults: &[(u64, RowFault)]) -> OnlineRefusal {
        let list = |lang: Lang| {
            faults
                .iter()
                .map(|(line, fault)| {
                    let what = match fault {
                        RowFault::Problem(p) => p.describe(lang),
                        RowFault::NoId => tr!(lang, "tally-online-no-id"),
                    };
                    tr!(
                        lang,
                        "tally-online-line",
                        line = line.to_string(),
                        what = what
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        OnlineRefusal::of(|lang| {
            tr!(
                lang,
                "tally-online-nothing-imported",
                file = file,
                faults = list(lang)
            )
        })
    }

    pub fn describe(&self, lang: Lang) -> &str {
        match lang {
            Lang::Pl => &self.pl,
            Lang::En => &self.en,
            Lang::Uk => &self.uk,
        }
    }
}

impl fmt::Display for OnlineRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}
