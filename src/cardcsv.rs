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

use crate::card::RawCard;
use crate::edition::Ballot;
use crate::i18n::Lang;

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

/// A file that cannot be used at all; nothing from it may be stored.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{path}: cannot read the file: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:1: the file is empty; expected the header line {}", REQUIRED.join(","))]
    Empty { path: String },
    #[error("{path}:{line}: the file is not UTF-8 text (save it as \"CSV UTF-8\")")]
    NotUtf8 { path: String, line: u64 },
    #[error("{path}:1: missing column(s) {}; the header must name {}", missing.join(", "), REQUIRED.join(","))]
    MissingColumns { path: String, missing: Vec<String> },
    #[error("{path}:1: unknown column \"{column}\"; allowed: {}, {}", REQUIRED.join(","), OPTIONAL.join(","))]
    UnknownColumn { path: String, column: String },
    #[error("{path}:1: column \"{column}\" appears twice")]
    RepeatedColumn { path: String, column: String },
    #[error("{path}:{line}: {message}")]
    Header {
        path: String,
        line: u64,
        message: String,
    },
}

/// Why one row could not be read as a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    FieldCount {
        found: usize,
        expected: usize,
    },
    Unparsable(String),
    CastDate(String),
    Signed(String),
    TooManyPicks {
        part: &'static str,
        found: usize,
        max: u32,
    },
}

/// A value as it may be quoted in a message: a run of nine or more digits
/// (spaces and dashes aside) could be a PESEL typed into the wrong column, so it
/// is masked. Dates have at most eight digits.
fn quoted(value: &str) -> String {
    let longest_run = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .fold((0, 0), |(run, best), c| {
            let run = if c.is_ascii_digit() { run + 1 } else { 0 };
            (run, best.max(run))
        })
        .1;
    if longest_run >= 9 {
        crate::pesel::mask(value)
    } else {
        value.to_string()
    }
}

impl RowProblem {
    /// The problem in words; never quotes personal data.
    pub fn describe(&self, lang: Lang) -> String {
        let (cast_date, signed) = match self {
            RowProblem::CastDate(v) => (quoted(v), String::new()),
            RowProblem::Signed(v) => (String::new(), quoted(v)),
            _ => (String::new(), String::new()),
        };
        match (self, lang) {
            (RowProblem::FieldCount { found, expected }, Lang::Pl) => {
                format!("wiersz ma {found} pól, a nagłówek {expected}")
            }
            (RowProblem::FieldCount { found, expected }, Lang::En) => {
                format!("the row has {found} fields, the header {expected}")
            }
            (RowProblem::Unparsable(e), Lang::Pl) => format!("nie da się odczytać wiersza: {e}"),
            (RowProblem::Unparsable(e), Lang::En) => format!("the row cannot be read: {e}"),
            (RowProblem::CastDate(_), Lang::Pl) => {
                format!("cast_date \"{cast_date}\" nie jest datą w postaci RRRR-MM-DD")
            }
            (RowProblem::CastDate(_), Lang::En) => {
                format!("cast_date \"{cast_date}\" is not a date like YYYY-MM-DD")
            }
            (RowProblem::Signed(_), Lang::Pl) => format!("signed \"{signed}\" musi być 1 albo 0"),
            (RowProblem::Signed(_), Lang::En) => format!("signed \"{signed}\" must be 1 or 0"),
            (RowProblem::TooManyPicks { part, found, max }, Lang::Pl) => {
                format!("{part} ma {found} pozycji, a karta ma {max} rubryk")
            }
            (RowProblem::TooManyPicks { part, found, max }, Lang::En) => {
                format!("{part} lists {found} projects, the card has {max} rubrics")
            }
        }
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
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| FileError::Io {
        path: shown.clone(),
        source,
    })?;
    parse(&bytes, &shown, ballot)
}

/// Parses card CSV bytes; `shown` names the source in errors.
pub fn parse(bytes: &[u8], shown: &str, ballot: &Ballot) -> Result<Vec<Row>, FileError> {
    let path = || shown.to_string();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count() as u64
            + 1;
        return Err(FileError::NotUtf8 { path: path(), line });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty { path: path() });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| FileError::Header {
            path: path(),
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for (i, h) in header.iter().enumerate() {
        if !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()) {
            return Err(FileError::UnknownColumn {
                path: path(),
                column: h.clone(),
            });
        }
        if header[..i].contains(h) {
            return Err(FileError::RepeatedColumn {
                path: path(),
                column: h.clone(),
            });
        }
    }
    let missing: Vec<String> = REQUIRED
        .iter()
        .filter(|c| !header.iter().any(|h| h == *c))
        .map(|c| c.to_string())
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

    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let row = n as u64 + 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                rows.push(Row {
                    row,
                    line,
                    id: String::new(),
                    card: Err(RowProblem::Unparsable(e.to_string())),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |i: usize| record.get(idx[i]).unwrap_or("").to_string();
        let id = get(0).trim().to_string();
        let card = if record.len() != header.len() {
            Err(RowProblem::FieldCount {
                found: record.len(),
                expected: header.len(),
            })
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
        .map_err(|_| RowProblem::CastDate(date_text.trim().to_string()))?;
    let signed = match signed.trim() {
        "" | "1" => true,
        "0" => false,
        other => return Err(RowProblem::Signed(other.to_string())),
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
    Ok(RawCard {
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
    })
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
                Some(RowProblem::CastDate("27.09.2014".into())),
                Some(RowProblem::TooManyPicks {
                    part: "local",
                    found: 6,
                    max: 5
                }),
                Some(RowProblem::Signed("tak".into())),
            ]
        );
        assert_eq!(
            rows.iter().map(|r| r.line).collect::<Vec<_>>(),
            [2, 3, 4, 5]
        );
    }

    #[test]
    fn a_pesel_in_the_wrong_column_is_not_quoted() {
        let p = RowProblem::CastDate("75031412362".into());
        assert_eq!(
            p.describe(Lang::En),
            "cast_date \"750314*****\" is not a date like YYYY-MM-DD"
        );
        let p = RowProblem::Signed("750314-123 62".into());
        assert!(!p.describe(Lang::Pl).contains("123"));
        for date in ["1.10.2014", "20141001", "2014-10-01x"] {
            assert!(
                RowProblem::CastDate(date.into())
                    .describe(Lang::En)
                    .contains(&format!("\"{date}\"")),
                "{date}"
            );
        }
    }
}
