//! Why the office refused an internet channel file, in both languages: the
//! file as a whole ([`FileError`]) or every row that cannot be read, by line.
//! Built from the card CSV reader's problems, so no value from the file is
//! quoted unmasked.

use std::fmt;

use crate::cardcsv::{FileError, RowProblem};
use crate::i18n::Lang;

/// A refused internet file; nothing from it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnlineRefusal {
    pl: String,
    en: String,
}

/// One row that stops the file.
pub enum RowFault {
    Problem(RowProblem),
    NoId,
}

impl OnlineRefusal {
    /// The whole file cannot be read.
    pub fn file(e: &FileError) -> OnlineRefusal {
        OnlineRefusal {
            pl: e.describe(Lang::Pl),
            en: e.describe(Lang::En),
        }
    }

    /// Rows that cannot be read, with their lines.
    pub fn rows(file: &str, faults: &[(u64, RowFault)]) -> OnlineRefusal {
        let list = |lang: Lang| {
            faults
                .iter()
                .map(|(line, fault)| {
                    let what = match (fault, lang) {
                        (RowFault::Problem(p), lang) => p.describe(lang),
                        (RowFault::NoId, Lang::Pl | Lang::Uk) => "brak id wiersza".to_string(),
                        (RowFault::NoId, Lang::En) => "no id".to_string(),
                    };
                    match lang {
                        Lang::Pl | Lang::Uk => format!("linia {line}: {what}"),
                        Lang::En => format!("line {line}: {what}"),
                    }
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        OnlineRefusal {
            pl: format!("{file}: nic nie zaimportowano; {}", list(Lang::Pl)),
            en: format!("{file}: nothing imported; {}", list(Lang::En)),
        }
    }

    pub fn describe(&self, lang: Lang) -> &str {
        match lang {
            Lang::Pl | Lang::Uk => &self.pl,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Display for OnlineRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}
