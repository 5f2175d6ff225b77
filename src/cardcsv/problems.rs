//! What can be wrong with a card CSV: the whole file ([`FileError`], nothing
//! from it is stored) or one row ([`RowProblem`], the other rows go on), and
//! each said in Polish and English without quoting personal data.

use super::{MAX_COLUMNS, MAX_RECORD_BYTES, OPTIONAL, REQUIRED};
use crate::card::{ControlChar, Rubric, TooLong};
use crate::i18n::Lang;
use crate::shown::Shown;
use crate::tr;

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
    /// The problem in words, in `lang`, after the place in the file it is
    /// found at (`path:line: `).
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}: {}", self.place(), self.what(lang))
    }

    /// The file, and the line the problem is on (the header's problems:
    /// line 1; the file's as a whole: none).
    fn place(&self) -> String {
        use FileError::*;
        match self {
            Io { path, .. } | Open { path, .. } => path.clone(),
            Empty { path }
            | NoHeader { path }
            | MissingColumns { path, .. }
            | UnknownColumn { path, .. }
            | RepeatedColumn { path, .. } => format!("{path}:1"),
            NotUtf8 { path, line }
            | Header { path, line, .. }
            | RecordTooLong { path, line, .. }
            | TooManyColumns { path, line }
            | UnclosedQuote { path, line } => format!("{path}:{line}"),
        }
    }

    /// What is wrong at [`place`](Self::place).
    fn what(&self, lang: Lang) -> String {
        let header = REQUIRED.join(",");
        let allowed = format!("{header},{}", OPTIONAL.join(","));
        let header = header.as_str();
        match self {
            FileError::Io { source, .. } => {
                tr!(
                    lang,
                    "error-csv-io",
                    error = crate::foreign::io_error(lang, source)
                )
            }
            FileError::Empty { .. } => tr!(lang, "error-csv-empty", header = header),
            FileError::NotUtf8 { .. } => tr!(lang, "error-csv-not-utf8"),
            FileError::NoHeader { .. } => tr!(lang, "error-csv-no-header", header = header),
            FileError::MissingColumns { missing, .. } => tr!(
                lang,
                "error-csv-missing-columns",
                missing = missing.join(", "),
                header = header
            ),
            FileError::UnknownColumn {
                position,
                name,
                near,
                ..
            } => {
                let near = near
                    .map(|c| {
                        format!(
                            " {}",
                            tr!(lang, "error-csv-unknown-column-near", column = c)
                        )
                    })
                    .unwrap_or_default();
                tr!(
                    lang,
                    "error-csv-unknown-column",
                    position = *position,
                    name = name.to_string(),
                    near = near,
                    allowed = allowed
                )
            }
            FileError::RepeatedColumn { column, .. } => {
                tr!(lang, "error-csv-repeated-column", column = *column)
            }
            FileError::Header { message, .. } => {
                tr!(lang, "error-csv-header", error = unparsable(lang, message))
            }
            FileError::RecordTooLong { quoted, .. } => {
                let quote = if *quoted {
                    format!(" {}", tr!(lang, "error-csv-record-quote-open"))
                } else {
                    String::new()
                };
                tr!(
                    lang,
                    "error-csv-record-too-long",
                    bytes = MAX_RECORD_BYTES,
                    quote = quote
                )
            }
            FileError::TooManyColumns { .. } => {
                tr!(lang, "error-csv-too-many-columns", fields = MAX_COLUMNS)
            }
            FileError::UnclosedQuote { .. } => tr!(lang, "error-csv-unclosed-quote"),
            FileError::Open { reason, .. } => {
                tr!(lang, "error-csv-refused", error = reason.text(lang))
            }
        }
    }
}

crate::display_in_english!(FileError);

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
        match self {
            RowProblem::FieldCount { found, expected } => tr!(
                lang,
                "error-csv-field-count",
                found = *found,
                expected = *expected
            ),
            RowProblem::Unparsable(e) => {
                tr!(
                    lang,
                    "error-csv-row-unreadable",
                    error = unparsable(lang, e)
                )
            }
            RowProblem::CastDate(v) => {
                tr!(lang, "error-csv-cast-date", value = v.to_string())
            }
            RowProblem::Signed(v) => tr!(lang, "error-csv-signed", value = v.to_string()),
            RowProblem::TooManyPicks { part, found, max } => tr!(
                lang,
                "error-csv-too-many-picks",
                column = *part,
                found = *found,
                max = *max
            ),
            RowProblem::TooLong(t) => too_long(lang, t),
            RowProblem::Control(c, v) => tr!(
                lang,
                "error-csv-control",
                column = c.rubric.column(),
                value = v.to_string()
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
        return tr!(lang, "error-csv-field-not-utf8", field = field);
    }
    if code == "csv" {
        return tr!(lang, "error-csv-not-csv");
    }
    crate::foreign::words(lang, code)
}

/// A value over its rubric's limit, in words.
pub fn too_long(lang: Lang, t: &TooLong) -> String {
    let column = t.rubric.column();
    let (found, max) = (t.found, t.max);
    if t.list {
        return tr!(
            lang,
            "error-csv-too-many-projects",
            column = column,
            found = found,
            max = max
        );
    }
    if matches!(t.rubric, Rubric::Local | Rubric::Citywide) {
        tr!(
            lang,
            "error-csv-project-id-too-long",
            column = column,
            found = found,
            max = max
        )
    } else {
        tr!(
            lang,
            "error-csv-too-long",
            column = column,
            found = found,
            max = max
        )
    }
}
