//! What can be wrong with a card CSV: the whole file ([`FileError`], nothing
//! from it is stored) or one row ([`RowProblem`], the other rows go on), and
//! each said in Polish and English without quoting personal data.

use super::{MAX_COLUMNS, MAX_RECORD_BYTES, OPTIONAL, REQUIRED};
use crate::card::{ControlChar, Rubric, TooLong};
use crate::i18n::Lang;
use crate::shown::Shown;

/// A file that cannot be used at all; nothing from it may be stored. No
/// variant holds a value from the file unmasked.
#[derive(Debug)]
pub enum FileError {
    Io {
        path: String,
        source: std::io::Error,
    },
    Empty {
        path: String,
    },
    NotUtf8 {
        path: String,
        line: u64,
    },
    /// The first line names none of the columns: a data row, or another file.
    NoHeader {
        path: String,
    },
    MissingColumns {
        path: String,
        missing: Vec<&'static str>,
    },
    UnknownColumn {
        path: String,
        /// 1-based position in the header.
        position: usize,
        name: Shown,
        /// A known column the name is a typo of (one or two characters off).
        near: Option<&'static str>,
    },
    RepeatedColumn {
        path: String,
        column: &'static str,
    },
    Header {
        path: String,
        line: u64,
        message: String,
    },
    /// One record (a line, or lines joined by a quoted field) is longer than
    /// [`MAX_RECORD_BYTES`]; `quoted` when a quote opened on `line` is still open.
    RecordTooLong {
        path: String,
        line: u64,
        quoted: bool,
    },
    /// One record has more than [`MAX_COLUMNS`] fields.
    TooManyColumns {
        path: String,
        line: u64,
    },
    /// A quote opened on `line` is never closed.
    UnclosedQuote {
        path: String,
        line: u64,
    },
    /// The file could not be opened as a regular file, or is over
    /// [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES).
    Open {
        path: String,
        reason: crate::bundle::VerifyError,
    },
}

impl FileError {
    /// The problem in words, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let header = REQUIRED.join(",");
        let allowed = format!("{header},{}", OPTIONAL.join(","));
        match (self, lang) {
            (FileError::Io { path, source }, Lang::Pl | Lang::Uk) => {
                format!("{path}: nie można odczytać pliku: {source}")
            }
            (FileError::Io { path, source }, Lang::En) => {
                format!("{path}: cannot read the file: {source}")
            }
            (FileError::Empty { path }, Lang::Pl | Lang::Uk) => {
                format!("{path}:1: plik jest pusty; pierwsza linia to nagłówek {header}")
            }
            (FileError::Empty { path }, Lang::En) => {
                format!("{path}:1: the file is empty; expected the header line {header}")
            }
            (FileError::NotUtf8 { path, line }, Lang::Pl | Lang::Uk) => {
                format!("{path}:{line}: plik nie jest tekstem UTF-8 (zapisz go jako „CSV UTF-8”)")
            }
            (FileError::NotUtf8 { path, line }, Lang::En) => {
                format!("{path}:{line}: the file is not UTF-8 text (save it as \"CSV UTF-8\")")
            }
            (FileError::NoHeader { path }, Lang::Pl | Lang::Uk) => format!(
                "{path}:1: pierwsza linia nie jest nagłówkiem: nie nazywa żadnej kolumny; \
                 plik musi zaczynać się od linii {header}"
            ),
            (FileError::NoHeader { path }, Lang::En) => format!(
                "{path}:1: the first line is not the header: it names none of the columns; \
                 the file must start with the line {header}"
            ),
            (FileError::MissingColumns { path, missing }, Lang::Pl | Lang::Uk) => format!(
                "{path}:1: brak kolumn {}; nagłówek musi wymieniać {header}",
                missing.join(", ")
            ),
            (FileError::MissingColumns { path, missing }, Lang::En) => format!(
                "{path}:1: missing column(s) {}; the header must name {header}",
                missing.join(", ")
            ),
            (
                FileError::UnknownColumn {
                    path,
                    position,
                    name,
                    near,
                },
                Lang::Pl | Lang::Uk,
            ) => format!(
                "{path}:1: nieznana kolumna nr {position} \"{name}\"{}; dozwolone: {allowed}",
                near.map(|c| format!(" (może {c}?)")).unwrap_or_default()
            ),
            (
                FileError::UnknownColumn {
                    path,
                    position,
                    name,
                    near,
                },
                Lang::En,
            ) => format!(
                "{path}:1: unknown column {position} \"{name}\"{}; allowed: {allowed}",
                near.map(|c| format!(" ({c}?)")).unwrap_or_default()
            ),
            (FileError::RepeatedColumn { path, column }, Lang::Pl | Lang::Uk) => {
                format!("{path}:1: kolumna \"{column}\" występuje dwa razy")
            }
            (FileError::RepeatedColumn { path, column }, Lang::En) => {
                format!("{path}:1: column \"{column}\" appears twice")
            }
            (
                FileError::Header {
                    path,
                    line,
                    message,
                },
                Lang::Pl | Lang::Uk,
            ) => format!(
                "{path}:{line}: nie da się odczytać nagłówka: {}",
                unparsable(Lang::Pl, message)
            ),
            (
                FileError::Header {
                    path,
                    line,
                    message,
                },
                Lang::En,
            ) => format!(
                "{path}:{line}: the header cannot be read: {}",
                unparsable(Lang::En, message)
            ),
            (FileError::RecordTooLong { path, line, quoted }, Lang::Pl | Lang::Uk) => format!(
                "{path}:{line}: plik odrzucony: rekord od tej linii ma ponad {} bajtów{}",
                MAX_RECORD_BYTES,
                if *quoted {
                    " (otwarty tu cudzysłów nie jest zamknięty)"
                } else {
                    ""
                }
            ),
            (FileError::RecordTooLong { path, line, quoted }, Lang::En) => format!(
                "{path}:{line}: file refused: the record from this line is over {} bytes{}",
                MAX_RECORD_BYTES,
                if *quoted {
                    " (the quote opened here is not closed)"
                } else {
                    ""
                }
            ),
            (FileError::TooManyColumns { path, line }, Lang::Pl | Lang::Uk) => {
                format!("{path}:{line}: plik odrzucony: rekord ma ponad {MAX_COLUMNS} pól")
            }
            (FileError::TooManyColumns { path, line }, Lang::En) => {
                format!("{path}:{line}: file refused: the record has over {MAX_COLUMNS} fields")
            }
            (FileError::UnclosedQuote { path, line }, Lang::Pl | Lang::Uk) => format!(
                "{path}:{line}: plik odrzucony: cudzysłów otwarty w tej linii nie jest zamknięty"
            ),
            (FileError::UnclosedQuote { path, line }, Lang::En) => format!(
                "{path}:{line}: file refused: the quote opened on this line is never closed"
            ),
            (FileError::Open { path, reason }, lang) => match lang {
                Lang::Pl | Lang::Uk => format!("{path}: plik odrzucony: {}", reason.text(lang)),
                Lang::En => format!("{path}: file refused: {}", reason.text(lang)),
            },
        }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

impl std::error::Error for FileError {}

/// Why one row could not be read as a card. Values from the row are held
/// masked ([`Shown`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    FieldCount {
        found: usize,
        expected: usize,
    },
    /// The CSV reader could not read the row: `utf8:N` (field N, from 1,
    /// is not UTF-8), an I/O error's code, or `csv`.
    Unparsable(String),
    CastDate(Shown),
    Signed(Shown),
    TooManyPicks {
        part: &'static str,
        found: usize,
        max: u32,
    },
    TooLong(TooLong),
    /// A control character in a column; the value, masked.
    Control(ControlChar, Shown),
}

impl RowProblem {
    /// The problem in words; never quotes personal data.
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (RowProblem::FieldCount { found, expected }, Lang::Pl | Lang::Uk) => {
                format!("wiersz ma {found} pól, a nagłówek {expected}")
            }
            (RowProblem::FieldCount { found, expected }, Lang::En) => {
                format!("the row has {found} fields, the header {expected}")
            }
            (RowProblem::Unparsable(e), Lang::Pl | Lang::Uk) => {
                format!("nie da się odczytać wiersza: {}", unparsable(lang, e))
            }
            (RowProblem::Unparsable(e), Lang::En) => {
                format!("the row cannot be read: {}", unparsable(lang, e))
            }
            (RowProblem::CastDate(v), Lang::Pl | Lang::Uk) => {
                format!("cast_date \"{v}\" nie jest datą w postaci RRRR-MM-DD")
            }
            (RowProblem::CastDate(v), Lang::En) => {
                format!("cast_date \"{v}\" is not a date like YYYY-MM-DD")
            }
            (RowProblem::Signed(v), Lang::Pl | Lang::Uk) => {
                format!("signed \"{v}\" musi być 1 albo 0")
            }
            (RowProblem::Signed(v), Lang::En) => format!("signed \"{v}\" must be 1 or 0"),
            (RowProblem::TooManyPicks { part, found, max }, Lang::Pl | Lang::Uk) => {
                format!("{part} ma {found} pozycji, a karta ma {max} rubryk")
            }
            (RowProblem::TooManyPicks { part, found, max }, Lang::En) => {
                format!("{part} lists {found} projects, the card has {max} rubrics")
            }
            (RowProblem::TooLong(t), lang) => too_long(lang, t),
            (RowProblem::Control(c, v), Lang::Pl | Lang::Uk) => format!(
                "{} „{v}” zawiera znak sterujący (na przykład dzwonek albo Escape), którego w rubryce karty nie da się wpisać",
                c.rubric.column()
            ),
            (RowProblem::Control(c, v), Lang::En) => format!(
                "{} \"{v}\" holds a control character (a bell or an escape, say), which no rubric of a card takes",
                c.rubric.column()
            ),
        }
    }
}

/// A CSV reader's error in words of `lang`.
pub fn csv_error(lang: Lang, e: &csv::Error) -> String {
    unparsable(lang, &unparsable_code(e))
}

/// The code of a row the CSV reader could not read.
pub(super) fn unparsable_code(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("utf8:{}", err.field() + 1),
        csv::ErrorKind::Io(e) => crate::foreign::io::code(e),
        _ => "csv".into(),
    }
}

fn unparsable(lang: Lang, code: &str) -> String {
    if let Some(field) = code.strip_prefix("utf8:") {
        return match lang {
            Lang::Pl | Lang::Uk => {
                format!("pole {field} nie jest tekstem UTF-8 (zapisz plik jako UTF-8)")
            }
            Lang::En => format!("field {field} is not UTF-8 text (save the file as UTF-8)"),
        };
    }
    if code == "csv" {
        return crate::i18n::t(lang, "niepoprawny zapis CSV", "not valid CSV").into();
    }
    crate::foreign::words(lang, code)
}

/// A value over its rubric's limit, in words.
pub fn too_long(lang: Lang, t: &TooLong) -> String {
    let column = t.rubric.column();
    match (t.list, lang) {
        (true, Lang::Pl | Lang::Uk) => format!(
            "{column} ma {} pozycji, a karta może mieć najwyżej {}",
            t.found, t.max
        ),
        (true, Lang::En) => format!(
            "{column} lists {} projects, a card holds at most {}",
            t.found, t.max
        ),
        (false, Lang::Pl | Lang::Uk) => format!(
            "{column} ma {} znaków, a może mieć najwyżej {}{}",
            t.found,
            t.max,
            if matches!(t.rubric, Rubric::Local | Rubric::Citywide) {
                " (numer jednego zadania)"
            } else {
                ""
            }
        ),
        (false, Lang::En) => format!(
            "{column} has {} characters, at most {} are allowed{}",
            t.found,
            t.max,
            if matches!(t.rubric, Rubric::Local | Rubric::Citywide) {
                " (one project id)"
            } else {
                ""
            }
        ),
    }
}
