//! The card CSV format (DESIGN §7), shared by `urna import-cards` at a kiosk and
//! the internet channel's export at the central tally:
//!
//! ```text
//! id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed
//! ```
//!
//! `local` and `citywide` are project ids in rank order, highest points first,
//! separated by `|`; a blank between bars is a blank rubric. `signed` is `1` or `0`
//! and may be left out (default `1`).
//!
//! Reading is two-stage: problems with the whole file (not UTF-8, empty, missing
//! columns) are found before any row is used, so nothing is stored from a file
//! that cannot be read; a single row that cannot be read becomes a [`RowProblem`]
//! and the other rows go on.

use std::path::Path;

use chrono::NaiveDate;

use crate::card::{ControlChar, RawCard, Rubric, TooLong, check_controls, check_len};
use crate::edition::Ballot;
use crate::i18n::Lang;
use crate::shown::Shown;

/// Columns every file must have, in the documented order.
pub const REQUIRED: [&str; 9] = [
    "id",
    "pesel",
    "first_name",
    "last_name",
    "address",
    "cast_date",
    "district",
    "local",
    "citywide",
];
/// Columns a file may have.
pub const OPTIONAL: [&str; 1] = ["signed"];

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
    /// [`MAX_FILE_BYTES`].
    Open {
        path: String,
        reason: crate::bundle::VerifyError,
    },
}

/// The most bytes one record may take: far above the sum of the card's field
/// limits (`card::limits`), far below what could hurt the office's memory.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// The most fields one record may have (the header has at most 10).
pub const MAX_COLUMNS: usize = 64;
/// The largest card CSV read (it is read whole): 1 GiB, several million cards.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// Checks every record's size, field count and quoting before the `csv`
/// crate sees the bytes, so it never grows a buffer past [`MAX_RECORD_BYTES`].
/// Quote parity is exact: `""` inside a quoted field toggles twice.
fn prescan(bytes: &[u8], shown: &str) -> Result<(), FileError> {
    let mut line: u64 = 1;
    let mut start_line: u64 = 1;
    let mut quote_line: u64 = 1;
    let mut in_quote = false;
    let mut since = 0usize;
    let mut fields = 1usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        since += 1;
        match b {
            b'"' => {
                in_quote = !in_quote;
                if in_quote {
                    quote_line = line;
                }
            }
            b',' if !in_quote => fields += 1,
            b'\n' | b'\r' => {
                if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                    line += 1;
                }
                if !in_quote {
                    since = 0;
                    fields = 1;
                    start_line = line;
                }
            }
            _ => {}
        }
        if since > MAX_RECORD_BYTES {
            return Err(FileError::RecordTooLong {
                path: shown.to_string(),
                line: if in_quote { quote_line } else { start_line },
                quoted: in_quote,
            });
        }
        if fields > MAX_COLUMNS {
            return Err(FileError::TooManyColumns {
                path: shown.to_string(),
                line: start_line,
            });
        }
        i += 1;
    }
    if in_quote {
        return Err(FileError::UnclosedQuote {
            path: shown.to_string(),
            line: quote_line,
        });
    }
    Ok(())
}

impl FileError {
    /// The problem in words, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let header = REQUIRED.join(",");
        let allowed = format!("{header},{}", OPTIONAL.join(","));
        match (self, lang) {
            (FileError::Io { path, source }, Lang::Pl) => {
                format!("{path}: nie można odczytać pliku: {source}")
            }
            (FileError::Io { path, source }, Lang::En) => {
                format!("{path}: cannot read the file: {source}")
            }
            (FileError::Empty { path }, Lang::Pl) => {
                format!("{path}:1: plik jest pusty; pierwsza linia to nagłówek {header}")
            }
            (FileError::Empty { path }, Lang::En) => {
                format!("{path}:1: the file is empty; expected the header line {header}")
            }
            (FileError::NotUtf8 { path, line }, Lang::Pl) => {
                format!("{path}:{line}: plik nie jest tekstem UTF-8 (zapisz go jako „CSV UTF-8”)")
            }
            (FileError::NotUtf8 { path, line }, Lang::En) => {
                format!("{path}:{line}: the file is not UTF-8 text (save it as \"CSV UTF-8\")")
            }
            (FileError::NoHeader { path }, Lang::Pl) => format!(
                "{path}:1: pierwsza linia nie jest nagłówkiem: nie nazywa żadnej kolumny; \
                 plik musi zaczynać się od linii {header}"
            ),
            (FileError::NoHeader { path }, Lang::En) => format!(
                "{path}:1: the first line is not the header: it names none of the columns; \
                 the file must start with the line {header}"
            ),
            (FileError::MissingColumns { path, missing }, Lang::Pl) => format!(
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
                Lang::Pl,
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
            (FileError::RepeatedColumn { path, column }, Lang::Pl) => {
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
                Lang::Pl,
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
            (FileError::RecordTooLong { path, line, quoted }, Lang::Pl) => format!(
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
            (FileError::TooManyColumns { path, line }, Lang::Pl) => {
                format!("{path}:{line}: plik odrzucony: rekord ma ponad {MAX_COLUMNS} pól")
            }
            (FileError::TooManyColumns { path, line }, Lang::En) => {
                format!("{path}:{line}: file refused: the record has over {MAX_COLUMNS} fields")
            }
            (FileError::UnclosedQuote { path, line }, Lang::Pl) => format!(
                "{path}:{line}: plik odrzucony: cudzysłów otwarty w tej linii nie jest zamknięty"
            ),
            (FileError::UnclosedQuote { path, line }, Lang::En) => format!(
                "{path}:{line}: file refused: the quote opened on this line is never closed"
            ),
            (FileError::Open { path, reason }, lang) => match lang {
                Lang::Pl => format!("{path}: plik odrzucony: {}", reason.text(lang)),
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
            (RowProblem::FieldCount { found, expected }, Lang::Pl) => {
                format!("wiersz ma {found} pól, a nagłówek {expected}")
            }
            (RowProblem::FieldCount { found, expected }, Lang::En) => {
                format!("the row has {found} fields, the header {expected}")
            }
            (RowProblem::Unparsable(e), Lang::Pl) => {
                format!("nie da się odczytać wiersza: {}", unparsable(lang, e))
            }
            (RowProblem::Unparsable(e), Lang::En) => {
                format!("the row cannot be read: {}", unparsable(lang, e))
            }
            (RowProblem::CastDate(v), Lang::Pl) => {
                format!("cast_date \"{v}\" nie jest datą w postaci RRRR-MM-DD")
            }
            (RowProblem::CastDate(v), Lang::En) => {
                format!("cast_date \"{v}\" is not a date like YYYY-MM-DD")
            }
            (RowProblem::Signed(v), Lang::Pl) => format!("signed \"{v}\" musi być 1 albo 0"),
            (RowProblem::Signed(v), Lang::En) => format!("signed \"{v}\" must be 1 or 0"),
            (RowProblem::TooManyPicks { part, found, max }, Lang::Pl) => {
                format!("{part} ma {found} pozycji, a karta ma {max} rubryk")
            }
            (RowProblem::TooManyPicks { part, found, max }, Lang::En) => {
                format!("{part} lists {found} projects, the card has {max} rubrics")
            }
            (RowProblem::TooLong(t), lang) => too_long(lang, t),
            (RowProblem::Control(c, v), Lang::Pl) => format!(
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
fn unparsable_code(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("utf8:{}", err.field() + 1),
        csv::ErrorKind::Io(e) => crate::foreign::io::code(e),
        _ => "csv".into(),
    }
}

fn unparsable(lang: Lang, code: &str) -> String {
    if let Some(field) = code.strip_prefix("utf8:") {
        return match lang {
            Lang::Pl => format!("pole {field} nie jest tekstem UTF-8 (zapisz plik jako UTF-8)"),
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
        (true, Lang::Pl) => format!(
            "{column} ma {} pozycji, a karta może mieć najwyżej {}",
            t.found, t.max
        ),
        (true, Lang::En) => format!(
            "{column} lists {} projects, a card holds at most {}",
            t.found, t.max
        ),
        (false, Lang::Pl) => format!(
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

/// One data row of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 1-based number of the data row (the header is not a row).
    pub row: u64,
    /// Line in the file where the row starts.
    pub line: u64,
    /// The row's `id` (empty when not given).
    pub id: String,
    pub card: Result<RawCard, RowProblem>,
}

/// Reads a whole card CSV; `ballot` limits how many picks a row may list.
pub fn read(path: &Path, ballot: &Ballot) -> Result<Vec<Row>, FileError> {
    let shown = crate::shown::path(path);
    let bytes = crate::bundle::read::read_regular(path, MAX_FILE_BYTES).map_err(|reason| {
        FileError::Open {
            path: shown.clone(),
            reason,
        }
    })?;
    parse(&bytes, &shown, ballot)
}

/// Counts lines by byte offset, the same for LF, CRLF and lone-CR files (the
/// `csv` crate's own count is one short after every CRLF).
pub(crate) struct Lines<'a> {
    bytes: &'a [u8],
    /// Offset counted up to, and the line it is on.
    at: usize,
    line: u64,
}

impl Lines<'_> {
    pub(crate) fn new(bytes: &[u8]) -> Lines<'_> {
        Lines {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line of the record that starts at `offset`. Offsets only grow.
    pub(crate) fn of(&mut self, offset: usize) -> u64 {
        let mut offset = offset.min(self.bytes.len());
        // A record reported at the `\n` of the previous line's CRLF starts
        // just after it.
        if offset > 0 && self.bytes.get(offset) == Some(&b'\n') && self.bytes[offset - 1] == b'\r' {
            offset += 1;
        }
        if offset < self.at {
            return self.line;
        }
        for i in self.at..offset {
            let b = self.bytes[i];
            if b == b'\n' || (b == b'\r' && self.bytes.get(i + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.at = offset;
        self.line
    }
}

/// Levenshtein distance, for naming the column a typo meant (only known
/// column names are ever shown, never the typed one).
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().take(64).collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            row.push((prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1));
        }
        prev = row;
    }
    prev[b.len()]
}

/// Parses card CSV bytes; `shown` names the source in errors.
pub fn parse(bytes: &[u8], shown: &str, ballot: &Ballot) -> Result<Vec<Row>, FileError> {
    let path = || shown.to_string();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = Lines::new(bytes).of(e.valid_up_to());
        return Err(FileError::NotUtf8 { path: path(), line });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty { path: path() });
    }
    prescan(bytes, shown)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| FileError::Header {
            path: path(),
            line: 1,
            message: unparsable_code(&e),
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let known = |h: &str| REQUIRED.iter().chain(&OPTIONAL).find(|c| **c == h).copied();
    if header.iter().all(|h| known(h).is_none()) {
        return Err(FileError::NoHeader { path: path() });
    }
    for (i, h) in header.iter().enumerate() {
        let Some(column) = known(h) else {
            return Err(FileError::UnknownColumn {
                path: path(),
                position: i + 1,
                name: Shown::new(h),
                near: REQUIRED
                    .iter()
                    .chain(&OPTIONAL)
                    .find(|c| edit_distance(c, h) <= if c.len() < 6 { 1 } else { 2 })
                    .copied(),
            });
        };
        if header[..i].contains(h) {
            return Err(FileError::RepeatedColumn {
                path: path(),
                column,
            });
        }
    }
    let missing: Vec<&'static str> = REQUIRED
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(FileError::MissingColumns {
            path: path(),
            missing,
        });
    }
    let col = |name: &str| header.iter().position(|h| h == name);
    let idx: Vec<usize> = REQUIRED.iter().filter_map(|c| col(c)).collect();
    let signed_col = col("signed");

    let mut lines = Lines::new(bytes);
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = n as u64 + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.of(p.byte() as usize));
                rows.push(Row {
                    row,
                    line,
                    id: String::new(),
                    card: Err(RowProblem::Unparsable(unparsable_code(&e))),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.of(p.byte() as usize));
        let get = |i: usize| record.get(idx[i]).unwrap_or("").to_string();
        let id = get(0).trim().to_string();
        let card = if record.len() != header.len() {
            Err(RowProblem::FieldCount {
                found: record.len(),
                expected: header.len(),
            })
        } else if let Err(t) = check_len(Rubric::RowId, &id) {
            Err(RowProblem::TooLong(t))
        } else if let Err(c) = check_controls(Rubric::RowId, &id) {
            Err(RowProblem::Control(c, Shown::new(&id)))
        } else {
            row_card(
                &get,
                signed_col.and_then(|c| record.get(c)).unwrap_or(""),
                ballot,
            )
        };
        rows.push(Row {
            row,
            line,
            id,
            card,
        });
    }
    Ok(rows)
}

fn slots(field: &str) -> Vec<String> {
    if field.trim().is_empty() {
        Vec::new()
    } else {
        field.split('|').map(|s| s.trim().to_string()).collect()
    }
}

fn row_card(
    get: &dyn Fn(usize) -> String,
    signed: &str,
    ballot: &Ballot,
) -> Result<RawCard, RowProblem> {
    let date_text = get(5);
    let cast_date = NaiveDate::parse_from_str(date_text.trim(), "%Y-%m-%d")
        .map_err(|_| RowProblem::CastDate(Shown::new(date_text.trim())))?;
    let signed = match signed.trim() {
        "" | "1" => true,
        "0" => false,
        other => return Err(RowProblem::Signed(Shown::new(other))),
    };
    let local = slots(&get(7));
    let citywide = slots(&get(8));
    for (part, list, max) in [
        ("local", &local, ballot.local_picks),
        ("citywide", &citywide, ballot.citywide_picks),
    ] {
        if list.len() > max as usize {
            return Err(RowProblem::TooManyPicks {
                part,
                found: list.len(),
                max,
            });
        }
    }
    let card = RawCard {
        pesel: get(1),
        first_name: get(2),
        last_name: get(3),
        address: get(4),
        cast_date,
        district: get(6).trim().to_string(),
        local,
        citywide,
        signed,
        marks: Vec::new(),
    };
    card.check_limits().map_err(RowProblem::TooLong)?;
    card.check_controls().map_err(|c| {
        let value = match c.rubric {
            Rubric::FirstName => card.first_name.clone(),
            Rubric::LastName => card.last_name.clone(),
            Rubric::Address => card.address.clone(),
            Rubric::Pesel => card.pesel.clone(),
            Rubric::District => card.district.clone(),
            Rubric::Local => card.local.join("|"),
            Rubric::Citywide => card.citywide.join("|"),
            Rubric::RowId => String::new(),
        };
        RowProblem::Control(c, Shown::new(&value))
    })?;
    Ok(card)
}

/// Writes one card as a CSV record (for tests, samples and benches).
pub fn to_record(id: &str, c: &RawCard) -> Vec<String> {
    vec![
        id.to_string(),
        c.pesel.clone(),
        c.first_name.clone(),
        c.last_name.clone(),
        c.address.clone(),
        c.cast_date.format("%Y-%m-%d").to_string(),
        c.district.clone(),
        c.local.join("|"),
        c.citywide.join("|"),
        if c.signed { "1" } else { "0" }.to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const BALLOT: Ballot = Ballot {
        local_picks: 5,
        citywide_picks: 5,
        require_local: true,
        require_citywide: true,
        require_signature: true,
        tie_break: crate::edition::TieBreak::VOTERS,
    };

    const HEADER: &str =
        "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed\n";

    #[test]
    fn reads_a_row() {
        let text = format!(
            "{HEADER}a1,44051401359,Jan,Kowalski,\"ul. Długa 1, Kraków\",2014-09-27,XI,1|2||4,1|2|3|4|5,0\n"
        );
        let rows = parse(text.as_bytes(), "t.csv", &BALLOT).expect("readable");
        assert_eq!(rows.len(), 1);
        let card = rows[0].card.as_ref().expect("card");
        assert_eq!(rows[0].line, 2);
        assert_eq!(card.address, "ul. Długa 1, Kraków");
        assert_eq!(card.local, ["1", "2", "", "4"]);
        assert!(!card.signed);
    }

    #[test]
    fn whole_file_problems() {
        assert!(matches!(
            parse(b"", "t.csv", &BALLOT),
            Err(FileError::Empty { .. })
        ));
        let e = parse(b"id,pesel\n", "t.csv", &BALLOT).expect_err("missing");
        assert!(
            e.to_string()
                .starts_with("t.csv:1: missing column(s) first_name"),
            "{e}"
        );
        let mut latin2 = HEADER.as_bytes().to_vec();
        latin2.extend_from_slice(b"1,2,Zofia,\xb3ab\xEAdzka,x,2014-09-27,I,1,1,1\n");
        assert!(matches!(
            parse(&latin2, "t.csv", &BALLOT),
            Err(FileError::NotUtf8 { line: 2, .. })
        ));
    }

    #[test]
    fn row_problems() {
        let text = format!(
            "{HEADER}1,x,y\n2,p,a,b,c,27.09.2014,I,1,1,1\n3,p,a,b,c,2014-09-27,I,1|2|3|4|5|6,1,1\n4,p,a,b,c,2014-09-27,I,1,1,tak\n"
        );
        let rows = parse(text.as_bytes(), "t.csv", &BALLOT).expect("readable");
        let problems: Vec<_> = rows.iter().map(|r| r.card.clone().err()).collect();
        assert_eq!(
            problems,
            [
                Some(RowProblem::FieldCount {
                    found: 3,
                    expected: 10
                }),
                Some(RowProblem::CastDate(Shown::new("27.09.2014"))),
                Some(RowProblem::TooManyPicks {
                    part: "local",
                    found: 6,
                    max: 5
                }),
                Some(RowProblem::Signed(Shown::new("tak"))),
            ]
        );
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [2, 3, 4, 5]
        );
    }

    #[test]
    fn a_pesel_in_the_wrong_column_is_not_quoted() {
        let p = RowProblem::CastDate(Shown::new("75031412362"));
        assert_eq!(
            p.describe(Lang::En),
            "cast_date \"750314*****\" is not a date like YYYY-MM-DD"
        );
        let p = RowProblem::Signed(Shown::new("750314-123 62"));
        assert!(!p.describe(Lang::Pl).contains("123"));
        for date in ["1.10.2014", "20141001", "2014-10-01x"] {
            assert!(
                RowProblem::CastDate(Shown::new(date))
                    .describe(Lang::En)
                    .contains(&format!("\"{date}\"")),
                "{date}"
            );
        }
    }

    #[test]
    fn crlf_and_lf_give_the_same_lines() {
        let rows = [
            "a1,44051401359,Jan,Kowalski,ul. Długa 1,2014-09-27,XI,1,1,1",
            "a2,44051401359,Jan,Kowalski,\"ul. Długa 1\nm. 4\",2014-09-27,XI,1,1,1",
            "a3,44051401359,Jan,Kowalski,x,27.09.2014,XI,1,1,1",
            "a4,44051401359,Jan,Kowalski,x,2014-09-27,XI,1,1,1",
        ];
        let lf = format!("{HEADER}{}\n", rows.join("\n"));
        let crlf = lf.replace('\n', "\r\n");
        let cr = lf.replace('\n', "\r");
        for (name, text) in [("LF", &lf), ("CRLF", &crlf), ("CR", &cr)] {
            let parsed = parse(text.as_bytes(), "t.csv", &BALLOT).expect("readable");
            assert_eq!(
                parsed.iter().map(|r| r.line).collect::<Vec<_>>(),
                [2, 3, 5, 6],
                "{name}"
            );
        }
    }

    #[test]
    fn a_file_without_its_header_quotes_nothing() {
        let text = "75031412362,Nowak,Jan\n";
        let e = parse(text.as_bytes(), "t.csv", &BALLOT).expect_err("no header");
        assert!(matches!(e, FileError::NoHeader { .. }), "{e}");
        for lang in [Lang::Pl, Lang::En] {
            let m = e.describe(lang);
            assert!(!m.contains("75031412362") && !m.contains("Nowak"), "{m}");
        }
        let e = parse(b"id,pesel,frist_name\n", "t.csv", &BALLOT).expect_err("typo");
        assert!(
            e.to_string()
                .starts_with("t.csv:1: unknown column 3 \"f*********\" (first_name?); allowed:"),
            "{e}"
        );
        let e = parse(b"id,pesel,Nowak\n", "t.csv", &BALLOT).expect_err("unknown");
        assert_eq!(
            e.to_string(),
            "t.csv:1: unknown column 3 \"n****\"; allowed: id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed"
        );
    }

    #[test]
    fn a_value_over_its_limit_rejects_the_row() {
        let name = "J".repeat(crate::card::limits::FIRST_NAME + 1);
        let id = "k".repeat(crate::card::limits::ROW_ID + 1);
        let text = format!(
            "{HEADER}a1,44051401359,{name},K,x,2014-09-27,XI,1,1,1\n{id},44051401359,J,K,x,2014-09-27,XI,1,1,1\n"
        );
        let rows = parse(text.as_bytes(), "t.csv", &BALLOT).expect("readable");
        let problems: Vec<String> = rows
            .iter()
            .map(|r| r.card.clone().expect_err("too long").describe(Lang::En))
            .collect();
        assert_eq!(
            problems,
            [
                "first_name has 65 characters, at most 64 are allowed",
                "id has 65 characters, at most 64 are allowed"
            ]
        );
    }
}
