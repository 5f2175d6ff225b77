//! No voter's PESEL, name or address leaves urna unmasked (issue 10, point 4):
//! random voters are written into card CSVs of every careless shape — the
//! header left out, columns shifted either way, the id missing, columns
//! added, values in random columns, CRLF or LF, a BOM — and sent through the
//! real binary: `import-cards` (text and `--json`, at `-v` and `-vv`) at a
//! kiosk, `tally import-online` at the office, then `tally audit` as text and
//! JSON. Stdout, stderr, every log file and the audit are searched: none of
//! the voters' values may appear.
//!
//! Each case runs the binary five times, so there are only a few dozen
//! cases; the kiosk and the office are shared by all of them (what earlier
//! cases stored is in every later audit too, and must not leak either).

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestCaseError, TestRunner};
use urna::pesel::{Sex, synthesize};

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").arg("--data-dir").arg(dir);
    c
}

#[derive(Debug, Clone)]
struct Voter {
    pesel: String,
    first: String,
    last: String,
    street: String,
    address: String,
}

fn name() -> impl Strategy<Value = String> {
    "[A-ZŁŚŻ][a-ząęłńóśźż]{5,9}"
}

fn voter() -> impl Strategy<Value = Voter> {
    (
        (
            1930i32..2000,
            1u32..=12,
            1u32..=28,
            0u16..10_000,
            any::<bool>(),
        ),
        name(),
        name(),
        name(),
        (1u32..300, 1u32..80, 0u32..1000),
    )
        .prop_map(
            |((y, m, d, serial, female), first, last, street, (n, flat, zip))| {
                let born = NaiveDate::from_ymd_opt(y, m, d).expect("date");
                let sex = if female { Sex::Female } else { Sex::Male };
                let pesel = synthesize(born, serial, sex).expect("pesel");
                let address = format!("ul. {street} {n}/{flat}, 30-{zip:03} Kraków");
                Voter {
                    pesel,
                    first,
                    last,
                    street,
                    address,
                }
            },
        )
}

/// How the file is made wrong (or right).
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// Header and columns as documented.
    Proper,
    /// The header line left out.
    NoHeader,
    /// Every value one column to the left (the id dropped, a blank at the end).
    ShiftedLeft,
    /// Every value one column to the right (a blank first, `signed` dropped).
    ShiftedRight,
    /// The row has no id field.
    MissingId,
    /// A column the format does not know, holding the address.
    ExtraColumn,
    /// The row has one field more than the header.
    ExtraField,
    /// Under the right header, the values in a random order of columns.
    Permuted,
}

#[derive(Debug, Clone)]
struct Case {
    voters: Vec<Voter>,
    shape: Shape,
    crlf: bool,
    bom: bool,
    /// For `Permuted`: the column each value goes to.
    order: Vec<usize>,
    json: bool,
    verbose: u8,
    english: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec(voter(), 1..4),
        prop_oneof![
            Just(Shape::Proper),
            Just(Shape::NoHeader),
            Just(Shape::ShiftedLeft),
            Just(Shape::ShiftedRight),
            Just(Shape::MissingId),
            Just(Shape::ExtraColumn),
            Just(Shape::ExtraField),
            Just(Shape::Permuted),
            Just(Shape::Permuted),
        ],
        (any::<bool>(), any::<bool>()),
        Just((0..10).collect::<Vec<usize>>()).prop_shuffle(),
        (any::<bool>(), 1u8..=2, any::<bool>()),
    )
        .prop_map(
            |(voters, shape, (crlf, bom), order, (json, verbose, english))| Case {
                voters,
                shape,
                crlf,
                bom,
                order,
                json,
                verbose,
                english,
            },
        )
}

/// Quotes a field when the card CSV needs it.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn file(case: &Case, n: usize) -> String {
    let newline = if case.crlf { "\r\n" } else { "\n" };
    let mut lines: Vec<String> = Vec::new();
    match case.shape {
        Shape::NoHeader => {}
        Shape::ExtraColumn => lines.push(format!("{HEADER},uwagi")),
        _ => lines.push(HEADER.to_string()),
    }
    for (i, v) in case.voters.iter().enumerate() {
        let id = format!("c{n}-{i}");
        let values: Vec<String> = vec![
            id,
            v.pesel.clone(),
            v.first.clone(),
            v.last.clone(),
            v.address.clone(),
            "2014-09-28".into(),
            "I".into(),
            "1|2|3|4|5".into(),
            "1|2|3|4|5".into(),
            "1".into(),
        ];
        let fields: Vec<String> = match case.shape {
            Shape::Proper | Shape::NoHeader => values,
            Shape::ShiftedLeft => values[1..].iter().cloned().chain([String::new()]).collect(),
            Shape::ShiftedRight => [String::new()]
                .into_iter()
                .chain(values[..9].iter().cloned())
                .collect(),
            Shape::MissingId => values[1..].to_vec(),
            Shape::ExtraColumn | Shape::ExtraField => {
                values.iter().cloned().chain([v.address.clone()]).collect()
            }
            Shape::Permuted => {
                let mut out = vec![String::new(); 10];
                for (value, column) in values.into_iter().zip(&case.order) {
                    out[*column] = value;
                }
                out
            }
        };
        lines.push(
            fields
                .iter()
                .map(|f| field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
    }
    let mut text = lines.join(newline) + newline;
    if case.bom {
        text.insert(0, '\u{feff}');
    }
    text
}

/// Everything urna said or wrote for a case.
fn everything(out: &std::process::Output, seen: &mut String) {
    seen.push_str(&String::from_utf8_lossy(&out.stdout));
    seen.push('\n');
    seen.push_str(&String::from_utf8_lossy(&out.stderr));
    seen.push('\n');
}

fn logs(dir: &Path) -> String {
    let mut text = String::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("logs")) {
        for e in entries.flatten() {
            text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    text
}

/// What must never be seen: each value whole, and enough of each to name
/// the person (the PESEL past its masked birth date, the street).
fn secrets(v: &Voter) -> Vec<String> {
    vec![
        v.pesel.clone(),
        v.pesel[..8].to_string(),
        v.first.clone(),
        v.last.clone(),
        v.street.clone(),
        v.address.clone(),
    ]
}

#[test]
fn no_voter_data_leaves_unmasked() {
    let tmp = tempfile::tempdir().expect("tmp");
    let kiosk = tmp.path().join("kiosk");
    urna(&kiosk)
        .args(["init", "--edition", EDITION, "--point", "P1"])
        .args(["--point-name", "P1", "--coordinator", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
    let tally = tmp.path().join("tally");
    urna(&tally)
        .args(["tally", "init", "--edition", EDITION])
        .assert()
        .success();

    let mut runner = TestRunner::new(Config {
        cases: 24,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "tests/pii.proptest-regressions",
        ))),
        ..Config::default()
    });
    let counter = std::cell::Cell::new(0usize);
    let stored = std::cell::Cell::new(0usize);
    runner
        .run(&case(), |case| {
            counter.set(counter.get() + 1);
            let n = counter.get();
            let csv = tmp.path().join(format!("case-{n}.csv"));
            std::fs::write(&csv, file(&case, n)).expect("csv");
            let lang = if case.english { "en" } else { "pl" };
            let verbose = if case.verbose == 1 { "-v" } else { "-vv" };
            let mut seen = String::new();

            let mut import = urna(&kiosk);
            import
                .args(["--lang", lang, verbose, "import-cards"])
                .args(["--as", "Anna", "--pin-stdin"])
                .arg(&csv)
                .write_stdin("1234\n");
            if case.json {
                import.arg("--json");
            }
            let out = import.output().expect("import-cards");
            // 0, 1 (rows rejected or invalid) or 2 (the file unusable): never a crash.
            prop_assert!(matches!(out.status.code(), Some(0..=2)), "{:?}", out.status);
            if out.status.code() != Some(2) {
                stored.set(stored.get() + 1);
            }
            everything(&out, &mut seen);

            let out = urna(&tally)
                .args(["--lang", lang, verbose, "tally", "import-online"])
                .arg(&csv)
                .output()
                .expect("import-online");
            prop_assert!(
                matches!(out.status.code(), Some(0..=1)),
                "{:?}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            everything(&out, &mut seen);
            for format in ["text", "json"] {
                let out = urna(&tally)
                    .args(["--lang", lang, "tally", "audit", "--format", format])
                    .output()
                    .expect("audit");
                prop_assert!(out.status.success());
                everything(&out, &mut seen);
            }
            seen.push_str(&logs(&kiosk));
            seen.push_str(&logs(&tally));
            for v in &case.voters {
                for secret in secrets(v) {
                    if let Some(at) = seen.find(&secret) {
                        let from = seen.floor_char_boundary(at.saturating_sub(80));
                        let to = seen.ceil_char_boundary((at + secret.len() + 80).min(seen.len()));
                        return Err(TestCaseError::fail(format!(
                            "{secret:?} ({:?}) appears: …{}…",
                            case.shape,
                            &seen[from..to]
                        )));
                    }
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    // The cases reached the store and the logs, not only the file checks.
    assert!(stored.get() > 0);
    assert!(logs(&kiosk).contains("row rejected") || logs(&kiosk).contains("card entered"));
}
