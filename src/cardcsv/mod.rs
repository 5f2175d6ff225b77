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

//!
//! `problems.rs` holds what can be wrong with a file or a row and says it in
//! Polish and English; `scan.rs` the passes over the raw bytes beside the
//! `csv` crate (record sizes and quoting first, line numbers by offset).

mod problems;
mod scan;

use std::path::Path;

use chrono::NaiveDate;

use crate::card::{RawCard, Rubric, check_controls, check_len};
use crate::edition::Ballot;
use crate::shown::Shown;
use problems::unparsable_code;
pub use problems::{FileError, RowProblem, csv_error, too_long};
pub(crate) use scan::Lines;
use scan::prescan;

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

/// The most bytes one record may take: far above the sum of the card's field
/// limits (`card::limits`), far below what could hurt the office's memory.
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// The most fields one record may have (the header has at most 10).
pub const MAX_COLUMNS: usize = 64;
/// The largest card CSV read (it is read whole): 1 GiB, several million cards.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

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
    use crate::i18n::Lang;

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
