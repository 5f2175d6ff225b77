//! Error types carry an id and arguments, not English: no `#[error("…")]`
//! in the source holds a sentence, and an error's `Display` (what a log
//! line or an internal report shows) is its English catalog text, while its
//! `describe` in Polish holds no English. Real library calls and the real
//! binary make the errors.

use std::path::Path;

use chrono::Local;
use urna::edition::{Edition, Money};
use urna::i18n::Lang;
use urna::pesel::Pesel;
use urna::store::{Store, StoreError};
use urna::tr;

#[path = "support/kiosk_store.rs"]
mod kiosk_store;
#[path = "support/language.rs"]
mod language;

/// Every `#[error(…)]` attribute in `text`, its inside as written.
fn error_attributes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[error(") {
        let inside = &rest[at + "#[error(".len()..];
        // The attribute ends at the `)]` that closes it: count parentheses,
        // skipping string literals (which may hold either).
        let (mut depth, mut in_str, mut escaped, mut end) = (1usize, false, false, inside.len());
        for (i, c) in inside.char_indices() {
            match (in_str, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_str = false,
                (true, false, _) => {}
                (false, _, '"') => in_str = true,
                (false, _, '(') => depth += 1,
                (false, _, ')') => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push(inside[..end].trim().to_string());
        rest = &inside[end..];
    }
    out
}

/// Whether an attribute's inside is allowed: `transparent`, or a format
/// string of placeholders and punctuation only (`"{0}"`, `"{path}: {source}"`).
fn allowed(inside: &str) -> bool {
    if inside == "transparent" {
        return true;
    }
    let Some(literal) = inside
        .strip_prefix('"')
        .and_then(|s| s.split_once('"'))
        .map(|(lit, _)| lit)
    else {
        return false;
    };
    let mut words = String::new();
    let mut depth = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 => words.push(c),
            _ => {}
        }
    }
    !words.chars().any(char::is_alphabetic)
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_scan_finds_a_sentence_and_lets_placeholders_be() {
    let sample = "#[error(\"no card {0} in (this) store\")]\nA,\n#[error(\n    \"{path}: {source}\"\n)]\nB,\n#[error(transparent)]\nC,\n#[error(\"{}\", .0.text(Lang::En))]\nD,";
    let found = error_attributes(sample);
    assert_eq!(
        found,
        [
            "\"no card {0} in (this) store\"",
            "\"{path}: {source}\"",
            "transparent",
            "\"{}\", .0.text(Lang::En)"
        ]
    );
    assert_eq!(
        found.iter().map(|a| allowed(a)).collect::<Vec<_>>(),
        [false, true, true, true]
    );
}

#[test]
fn no_error_attribute_in_src_holds_a_sentence() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 50, "the source files: {}", files.len());
    let mut sentences = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read a source file");
        for inside in error_attributes(&text) {
            if !allowed(&inside) {
                sentences.push(format!("{}: #[error({inside})]", path.display()));
            }
        }
    }
    assert!(sentences.is_empty(), "{sentences:#?}");
}

/// The error's Polish words hold no English (`allow`: data in them).
fn polish(text: &str, allow: &[&str]) {
    let english = language::english_in(text, allow);
    assert!(english.is_empty(), "English {english:?} in {text:?}");
}

#[test]
fn a_pesel_error_is_the_catalog_text_and_quotes_no_digit() {
    let typed = "44051401358";
    let e = Pesel::parse(typed).expect_err("a wrong check digit");
    assert_eq!(e.to_string(), tr!(Lang::En, "error-pesel-check-digit"));
    assert!(!e.to_string().contains(['8', '9']), "{e}");
    polish(&e.describe(Lang::Pl), &["PESEL"]);
    let e = Pesel::parse("4405140135").expect_err("too short");
    assert_eq!(
        e.to_string(),
        tr!(Lang::En, "error-pesel-length", digits = 10)
    );
    assert_eq!(e.to_string(), "PESEL has 10 digits, it needs 11");
    polish(&e.describe(Lang::Pl), &["PESEL"]);
}

#[test]
fn store_and_login_errors_are_the_catalog_text() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let none = tmp.path().join("none");
    let e = Store::open(&none).err().expect("no store there");
    assert!(matches!(e, StoreError::NotInitialised(_)), "{e:?}");
    let dir = none.display().to_string();
    assert_eq!(
        e.to_string(),
        tr!(Lang::En, "error-store-not-initialised", dir = dir.as_str())
    );
    polish(&e.describe(Lang::Pl), &[]);

    let mut store = kiosk_store::create(&tmp.path().join("store"));
    let now = Local::now();
    let e = store.login("Anna", "0000", now).expect_err("a wrong PIN");
    assert_eq!(
        e.to_string(),
        tr!(Lang::En, "error-login-wrong-pin", left = 4, minutes = 5)
    );
    assert_eq!(
        e.to_string(),
        "wrong PIN (4 attempts left before a 5-minute lock)"
    );
    polish(&e.describe(Lang::Pl), &["PIN"]);
    // A name typed where a PESEL could be: masked in the log's text too.
    let typed = "44051401359";
    let e = store
        .login(typed, "1234", now)
        .expect_err("no such operator");
    assert!(!e.to_string().contains(typed), "{e}");
    assert_eq!(
        e.to_string(),
        tr!(
            Lang::En,
            "error-login-unknown-operator",
            name = "440514*****"
        )
    );
    polish(&e.describe(Lang::Pl), &["440514"]);

    // A CSV row id that holds a PESEL (shifted columns): masked too.
    let id = kiosk_store::adult(4);
    let row = || urna::store::journal::Source::Csv {
        file: "a.csv".into(),
        line: 2,
        id: Some(id.clone()),
    };
    let card = || kiosk_store::card(&kiosk_store::adult(5));
    let saved = store
        .enter_card(card(), "import-cards", row())
        .expect("save");
    let e = store
        .enter_card(card(), "import-cards", row())
        .expect_err("the row again");
    assert!(matches!(e, StoreError::DuplicateSource { .. }), "{e:?}");
    let masked = format!("{}*****", &id[..6]);
    assert_eq!(
        e.to_string(),
        tr!(
            Lang::En,
            "error-store-duplicate-source",
            id = masked.as_str(),
            card = saved.card_id.as_str()
        )
    );
    for lang in Lang::ALL {
        assert!(!e.describe(lang).contains(&id), "{e}");
    }
}

#[test]
fn tally_edition_and_amount_errors_are_the_catalog_text() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let e = urna::tally::store::Tally::open(tmp.path())
        .err()
        .expect("no tally store there");
    let dir = tmp.path().display().to_string();
    assert_eq!(
        e.to_string(),
        tr!(Lang::En, "tally-error-not-initialised", dir = dir.as_str())
    );
    polish(&e.describe(Lang::Pl), &["tally", "init"]);

    let e = Edition::parse("[edition\n", "e.toml").expect_err("not TOML");
    assert_eq!(e.to_string(), e.describe(Lang::En));
    assert!(e.to_string().starts_with("e.toml:1:"), "{e}");
    polish(&e.describe(Lang::Pl), &["e", "toml"]);

    let e = "12,5".parse::<Money>().expect_err("a comma");
    assert_eq!(
        e.to_string(),
        tr!(Lang::En, "error-toml-not-an-amount", value = "\"12,5\"")
    );
    polish(&e.describe(Lang::Pl), &[]);

    let e = urna::bundle::ExportError::NoRecipient;
    assert_eq!(e.to_string(), tr!(Lang::En, "bundle-export-no-recipient"));
    polish(
        &e.localized(Lang::Pl),
        &["urna", "central", "set", "age1", "age"],
    );
}

#[test]
fn the_binary_says_a_store_error_from_the_catalog() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("none");
    let run = |lang: &str| {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"))
            .env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(&dir)
            .args(["--lang", lang, "status"])
            .output()
            .expect("run urna");
        assert_eq!(out.status.code(), Some(2), "{out:?}");
        String::from_utf8(out.stderr).expect("UTF-8")
    };
    let shown = dir.display().to_string();
    for lang in [Lang::En, Lang::Pl] {
        let said = run(lang.code());
        let text = tr!(lang, "error-store-not-initialised", dir = shown.as_str());
        assert!(said.contains(&text), "{said}");
        let other = match lang {
            Lang::En => language::polish_in(&said, &[]),
            _ => language::english_in(&said, &[]),
        };
        assert!(other.is_empty(), "{other:?} in {said:?}");
    }
}

/// A journal entry edited on the disk so that a card's field holds a
/// surname and a PESEL where the parser expects `true`: the JSON parser's
/// own message quotes that value; what the binary says is the catalog's
/// "unreadable entry", in every language, quoting nothing.
#[test]
fn an_unreadable_entry_is_said_without_the_value_the_parser_stumbled_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path();
    let mut store = kiosk_store::create(dir);
    let saved = kiosk_store::save(&mut store, 3);
    drop(store);
    kiosk_store::unguarded(dir, |db| {
        let n = db
            .execute(
                "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), '\"signed\":true', '\"signed\":\"Nowak 75031412362\"') AS BLOB) WHERE seq = ?1",
                [saved.seq as i64],
            )
            .expect("edit the entry");
        assert_eq!(n, 1);
    });
    for lang in Lang::ALL {
        let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"))
            .env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(dir)
            .args(["--lang", lang.code(), "status"])
            .output()
            .expect("run urna");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!said.contains("75031412362"), "{lang:?}: {said}");
        assert!(!said.contains("Nowak"), "{lang:?}: {said}");
        assert!(!said.contains("invalid type"), "{lang:?}: {said}");
        let fault = tr!(lang, "error-journal-unreadable");
        assert!(said.contains(&fault), "{lang:?}: {said}");
    }
}
