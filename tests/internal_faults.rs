//! The office's and the bundle writer's errors hold no English of urna's
//! own: an internal fault is an enum said from `errors-internal.ftl`, and
//! `tally simulate` refuses a plan its edition cannot hold in the user's
//! language, naming the field and the number that fits (the real binary).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use urna::bundle::{ExportError, ExportFault};
use urna::i18n::Lang;
use urna::tally::store::{TallyError, TallyFault};

#[path = "support/language.rs"]
mod language;

use language::{english_in, polish_in, wrong_language};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The body of `pub enum NAME { … }` in `text` (up to its closing brace
/// at the start of a line).
fn enum_body<'a>(text: &'a str, name: &str) -> &'a str {
    let head = format!("pub enum {name} {{");
    let at = text
        .find(&head)
        .unwrap_or_else(|| panic!("no {head} in the source"));
    let body = &text[at + head.len()..];
    &body[..body.find("\n}").expect("the enum's end")]
}

/// The variants of an enum body that hold a bare `String` (`Name(String)`).
fn string_variants(body: &str) -> Vec<String> {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("//"))
        .filter(|l| l.ends_with("(String),"))
        .map(|l| l.trim_end_matches("(String),").to_string())
        .collect()
}

fn source(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn no_error_variant_carries_urnas_english() {
    let tally = source("src/tally/store/errors.rs");
    let body = enum_body(&tally, "TallyError");
    assert!(!body.contains("Other("), "TallyError::Other is back");
    assert_eq!(string_variants(body), Vec::<String>::new(), "{body}");
    let export = source("src/bundle/export.rs");
    let body = enum_body(&export, "ExportError");
    assert!(!body.contains("Other("), "ExportError::Other is back");
    // A recipient as typed is data, not words.
    assert_eq!(string_variants(body), ["BadRecipient"], "{body}");
    let fault = source("src/tally/store/fault.rs");
    assert!(!enum_body(&fault, "TallyFault").contains("Other"));
}

/// Every `format!(` in the simulator's and the office store's source that
/// is part of an error: in the same statement as `Err(`, `map_err(`,
/// `ok_or_else(` or an `other(` helper.
fn formatted_errors(dir: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .expect("the source folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a source file");
        // Tests may say what they like.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (at, _) in text.match_indices("format!(") {
            let before = &text[..at];
            let statement = &before[before.rfind([';', '{', '}']).map_or(0, |i| i + 1)..];
            if ["Err(", "map_err(", "ok_or_else(", "other(", "Other("]
                .iter()
                .any(|k| statement.contains(k))
            {
                let line = text[..at].lines().count();
                found.push(format!("{}:{line}", path.display()));
            }
        }
        assert!(
            !text.contains("TallyError::Other") && !text.contains("fn other("),
            "{}",
            path.display()
        );
    }
    found
}

#[test]
fn no_english_is_formatted_into_an_error() {
    for dir in ["src/tally/simulate", "src/tally/store"] {
        assert_eq!(formatted_errors(dir), Vec::<String>::new(), "{dir}");
    }
}

/// Data and syntax each language keeps: flags, fields, names of files.
const ALLOW: &[&str] = &[
    "urna",
    "PESEL",
    "JSON",
    "age",
    "voters",
    "min_age",
    "voting_start",
    "voting_end",
    "P01",
];

fn in_language(lang: Lang, text: &str) {
    match lang {
        Lang::Pl => assert_eq!(english_in(text, ALLOW), Vec::<String>::new(), "{text}"),
        Lang::En => assert_eq!(polish_in(text, ALLOW), Vec::<String>::new(), "{text}"),
        Lang::Uk => assert_eq!(wrong_language(lang, text, ALLOW), None, "{text}"),
    }
}

#[test]
fn internal_faults_are_said_in_every_language() {
    let tally = TallyError::from(TallyFault::EntryWithoutCard {
        point: "P01".into(),
        seq: 12,
    });
    let export = ExportError::Fault(ExportFault::Tar(std::io::Error::from(
        std::io::ErrorKind::OutOfMemory,
    )));
    for lang in [Lang::Pl, Lang::En, Lang::Uk] {
        let t = tally.describe(lang);
        assert!(t.contains("P01") && t.contains("12"), "{t}");
        in_language(lang, &t);
        let e = export.localized(lang);
        in_language(lang, &e);
    }
    assert!(
        tally
            .describe(Lang::Pl)
            .starts_with("błąd wewnętrzny programu urna")
    );
    assert!(
        tally
            .describe(Lang::En)
            .starts_with("internal error of urna")
    );
    assert!(
        tally
            .describe(Lang::Uk)
            .starts_with("внутрішня помилка програми urna")
    );
    assert!(export.localized(Lang::Pl).ends_with("zgłoś to biuru"));
    // Display (a log line) is the English catalog text.
    assert_eq!(tally.to_string(), tally.describe(Lang::En));
}

/// A tally office under `root` whose edition is the 2014 one with `edit`
/// applied to its text.
fn office(root: &Path, edit: impl Fn(String) -> String) -> PathBuf {
    let text = source("assets/editions/krakow-2014.toml");
    let edition = root.join("edition.toml");
    std::fs::write(&edition, edit(text)).expect("the edition");
    let tally = root.join("tally");
    let out = urna(&tally, Lang::En)
        .args(["tally", "init", "--edition"])
        .arg(&edition)
        .output()
        .expect("tally init");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    tally
}

fn urna(dir: &Path, lang: Lang) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .args(["--lang", lang.code()])
        .arg("--data-dir")
        .arg(dir);
    c
}

/// `tally simulate ARGS --out OUT` in each language: exit 1, nothing
/// written, the error in that language holding every one of `names`.
fn refused(tally: &Path, out: &Path, args: &[&str], names: &[&str]) -> Vec<String> {
    let mut said = Vec::new();
    for lang in [Lang::Pl, Lang::En, Lang::Uk] {
        let run = urna(tally, lang)
            .args(["tally", "simulate"])
            .args(args)
            .arg("--out")
            .arg(out)
            .output()
            .expect("tally simulate");
        let text = String::from_utf8_lossy(&run.stderr).trim().to_string();
        assert_eq!(run.status.code(), Some(1), "{lang:?}: {text}");
        assert!(!out.exists(), "{lang:?}: nothing is written: {text}");
        for name in names {
            assert!(text.contains(name), "{lang:?} should name {name:?}: {text}");
        }
        in_language(lang, &text);
        said.push(text);
    }
    said
}

#[test]
fn the_simulator_refuses_an_edition_whose_voters_have_no_pesel() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // Voting in 1880: the oldest simulated voters would be born in 1789.
    let tally = office(tmp.path(), |t| {
        t.replace("voting_start = 2014-09-27", "voting_start = 1880-09-27")
            .replace("voting_end = 2014-10-05", "voting_end = 1880-10-05")
    });
    let said = refused(
        &tally,
        &tmp.path().join("sim"),
        &["--voters", "100", "--points", "1"],
        &[
            "voting_start = 1880-09-27",
            "1789-",
            "1800",
            "2299",
            "PESEL",
        ],
    );
    assert!(
        said[0].contains("numery PESEL istnieją tylko"),
        "{}",
        said[0]
    );
    assert!(said[1].contains("PESEL numbers exist only"), "{}", said[1]);
    assert!(said[2].contains("номери PESEL існують лише"), "{}", said[2]);
}

#[test]
fn the_simulator_refuses_more_voters_than_the_edition_has_pesels_for() {
    let tmp = tempfile::tempdir().expect("tempdir");
    // min_age 0: the too young are born in one day after the voting, which
    // has 2000 PESEL numbers; one voter in 300 is too young.
    let tally = office(tmp.path(), |t| t.replace("min_age = 16", "min_age = 0"));
    let said = refused(
        &tally,
        &tmp.path().join("sim"),
        &["--voters", "600000", "--points", "1"],
        &["--voters 600000", "min_age = 0", "300", "599999"],
    );
    assert!(said[0].contains("symuluj najwyżej 599999"), "{}", said[0]);
    assert!(said[1].contains("simulate at most 599999"), "{}", said[1]);
    assert!(
        said[2].contains("симулюйте щонайбільше 599999"),
        "{}",
        said[2]
    );
    // One voter fewer fits (and is not simulated here: too slow for a test).
}
