//! The kiosk's command line speaks one language at a time (issue 15): the
//! real binary, on real stores, over `init`, `status`, `operator`,
//! `central`, `import-cards`, `edition check`, `check`, `sync`, `paths`,
//! logins and usage errors — in Polish (the default) no English, in English
//! no Polish, in Ukrainian neither. Data (names, paths, ids, PESEL masks,
//! commands and flags) is taken out before a line is judged.

use std::path::{Path, PathBuf};

#[path = "support/language.rs"]
mod language;
#[path = "support/office.rs"]
mod office;

use language::wrong_language;
use office::{EDITION, HEADER, init_args, pesel, row, urna_in};
use urna::i18n::Lang;

/// Words that are data or syntax in every language: flags' values, the
/// commands a message tells the user to type, formats.
const ALLOW: &[&str] = &[
    "PESEL",
    "CSV",
    "UTF",
    "PIN",
    "PEM",
    "age",
    "age1",
    "urna",
    "HOST",
    "PORT",
    "http",
    "https",
    "min",
    "id",
    "Anna",
    "Marek",
    "Olena",
    "Zenon",
    "Rynek",
    "P1",
    "II",
    "krakow",
    "toml",
    "csv",
    "cast_date",
    "signed",
    "voting_end",
    "voting_start",
    "district",
    "local",
    "citywide",
    "Ctrl",
];

/// Runs `args` with `stdin`; the exit code and everything said.
fn run(dir: &Path, lang: Lang, args: &[&str], stdin: &str) -> (i32, String) {
    let out = urna_in(dir, lang)
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .expect("run urna");
    (out.status.code().unwrap_or(-1), office::said(&out))
}

/// The text without its data: `data` strings, paths, `--flags`,
/// `commands in backticks` and hashes.
fn without_data(text: &str, data: &[&str]) -> String {
    let mut t = text.to_string();
    for d in data {
        t = t.replace(d, " ");
    }
    let code = regex::Regex::new(r"`[^`]*`").expect("regex");
    let t = code.replace_all(&t, " ");
    let placeholders = regex::Regex::new(r"<[A-Z_]+>").expect("regex");
    let t = placeholders.replace_all(&t, " ");
    let flags = regex::Regex::new(r"--[a-z][a-z-]*").expect("regex");
    let t = flags.replace_all(&t, " ");
    let paths = regex::Regex::new(r"/[^\s:,()]+").expect("regex");
    let t = paths.replace_all(&t, " ");
    let hashes = regex::Regex::new(r"\b[0-9a-f]{16,}\b").expect("regex");
    hashes.replace_all(&t, " ").into_owned()
}

/// `text` is in `lang` alone, once `data` is taken out.
fn only(lang: Lang, what: &str, text: &str, data: &[&str]) {
    if let Some(wrong) = wrong_language(lang, &without_data(text, data), ALLOW) {
        panic!("{what}: {wrong} in:\n{text}");
    }
}

/// Runs `args`, expects exit `code`, checks the language; the text.
fn said(dir: &Path, lang: Lang, args: &[&str], stdin: &str, code: i32, data: &[&str]) -> String {
    let (got, text) = run(dir, lang, args, stdin);
    assert_eq!(got, code, "{lang:?} {args:?}:\n{text}");
    only(lang, &format!("{lang:?} {args:?}"), &text, data);
    text
}

/// A card CSV in `dir` with these rows; its path.
fn csv(dir: &Path, name: &str, rows: &[String]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("write a CSV");
    path
}

fn s(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temp path")
}

/// A kiosk set up in `lang` (coordinator Anna, PIN 1234); its data dir.
fn kiosk(root: &Path, lang: Lang) -> PathBuf {
    let dir = root.join(format!("kiosk-{}", lang.code()));
    let init = init_args("P1", "Rynek");
    let text = said(&dir, lang, &init, "1234\n", 0, &[]);
    let done = match lang {
        Lang::Pl => "Gotowe: punkt P1 (Rynek), edycja krakow-2014, koordynator Anna.",
        Lang::En => "Done: point P1 (Rynek), edition krakow-2014, coordinator Anna.",
        Lang::Uk => "Готово: пункт P1 (Rynek), випуск krakow-2014, координатор Anna.",
    };
    assert!(text.contains(done), "{text}");
    // A second init, and a bad point id, are refused.
    said(&dir, lang, &init, "1234\n", 2, &[]);
    let bad = init_args("P/1", "Rynek");
    said(&root.join("other"), lang, &bad, "1234\n", 2, &[]);
    dir
}

#[test]
fn setup_operators_and_the_office_key_speak_one_language() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let recipient = age::x25519::Identity::generate().to_public().to_string();
    for lang in Lang::ALL {
        let dir = kiosk(tmp.path(), lang);
        let rec = recipient.as_str();
        said(&dir, lang, &["status"], "", 0, &[]);
        said(&dir, lang, &["check"], "", 0, &[]);
        said(&dir, lang, &["paths"], "", 0, &[]);
        // Operators: added by a coordinator, listed; a wrong PIN, an
        // unknown name, a volunteer doing a coordinator's job, no terminal.
        let add = ["operator", "add", "Marek", "--role", "volunteer"];
        let text = said(
            &dir,
            lang,
            &[&add[..], &["--as", "Anna", "--pin-stdin"]].concat(),
            "1234\n5678\n",
            0,
            &[],
        );
        holds(&text, lang, ["wolontariusz", "volunteer", "волонтер"]);
        said(&dir, lang, &["operator", "list"], "", 0, &[]);
        let olena = [
            "operator",
            "add",
            "Olena",
            "--role",
            "volunteer",
            "--pin-stdin",
        ];
        let wrong = said(
            &dir,
            lang,
            &[&olena[..], &["--as", "Anna"]].concat(),
            "9999\n",
            2,
            &[],
        );
        holds(&wrong, lang, ["zły PIN", "wrong PIN", "неправильний PIN"]);
        said(
            &dir,
            lang,
            &[&olena[..], &["--as", "Zenon"]].concat(),
            "1234\n",
            2,
            &[],
        );
        said(
            &dir,
            lang,
            &[&olena[..], &["--as", "Marek"]].concat(),
            "5678\n",
            2,
            &[],
        );
        said(
            &dir,
            lang,
            &[
                "operator",
                "add",
                "Olena",
                "--role",
                "volunteer",
                "--as",
                "Anna",
            ],
            "",
            2,
            &[],
        );
        // The office key and address, set by Anna with her PIN.
        let anna = |args: &[&str], code: i32, data: &[&str]| {
            let as_anna = [args, &["--as", "Anna", "--pin-stdin"]].concat();
            said(&dir, lang, &as_anna, "1234\n", code, data)
        };
        said(&dir, lang, &["central", "show"], "", 0, &[]);
        anna(&["central", "set", "age1short"], 2, &[]);
        anna(&["central", "set", rec], 0, &[rec]);
        anna(&["central", "url", "ftp://x"], 2, &[]);
        let ca = ["central", "url", "http://127.0.0.1", "--ca", EDITION];
        anna(&ca, 2, &[]);
        // Sync with no address yet: said before any PIN is asked.
        said(
            &dir,
            lang,
            &["sync", "--as", "Anna", "--pin-stdin"],
            "",
            1,
            &[],
        );
        let every = ["central", "url", "http://127.0.0.1", "--every-cards", "3"];
        let text = anna(&every, 0, &["127.0.0.1"]);
        holds(
            &text,
            lang,
            ["co 3 karty", "every 3 cards", "кожні 3 картки"],
        );
        said(&dir, lang, &["central", "show"], "", 0, &[rec, "127.0.0.1"]);
        // An office that does not answer: the OS's refusal in words of `lang`.
        anna(&["central", "url", "http://127.0.0.1:1"], 0, &["127.0.0.1"]);
        holds(
            &anna(&["sync"], 1, &[]),
            lang,
            [
                "odmówił połączenia",
                "refused the connection",
                "відмовив у з’єднанні",
            ],
        );
        anna(&["central", "url", "--off"], 0, &[]);
    }
}

/// `text` holds what `lang` says: `says[0]` in Polish, `[1]` in English,
/// `[2]` in Ukrainian.
fn holds(text: &str, lang: Lang, says: [&str; 3]) {
    let said = says[match lang {
        Lang::Pl => 0,
        Lang::En => 1,
        Lang::Uk => 2,
    }];
    assert!(text.contains(said), "{lang:?}: no {said:?} in:\n{text}");
}

#[test]
fn imports_and_their_counts_speak_one_language() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for lang in Lang::ALL {
        let dir = kiosk(tmp.path(), lang);
        let import = |file: &Path, code: i32| {
            said(
                &dir,
                lang,
                &["import-cards", s(file), "--as", "Anna", "--pin-stdin"],
                "1234\n",
                code,
                &["Ewa", "Nowak"],
            )
        };
        // A file without the header's columns: nothing stored.
        let bad = dir.join("bad.csv");
        std::fs::write(&bad, "id,pesel\nx,1\n").expect("write");
        import(&bad, 2);
        let empty = dir.join("empty.csv");
        std::fs::write(&empty, "").expect("write");
        import(&empty, 2);
        // One valid card.
        let one = csv(&dir, "one.csv", &[row("a1", &pesel(1), "1|2|3|4|5")]);
        // Three rows: a repeated PESEL, an invalid card (a project picked
        // twice), a row with too few fields, a bad PESEL.
        let three = csv(
            &dir,
            "three.csv",
            &[
                row("b1", &pesel(1), "1|2|3|4|5"),
                row("b2", &pesel(2), "1|1|3|4|5"),
                "b3,1,2".to_string(),
            ],
        );
        // Five rows, all rejected: bad dates, bad `signed`, bad PESELs.
        let five = csv(
            &dir,
            "five.csv",
            &[
                format!("c1,{},Ewa,Nowak,ul. Długa 1,28.09.2014,I,1,1,1", pesel(3)),
                format!("c2,{},Ewa,Nowak,ul. Długa 1,2014-09-28,I,1,1,2", pesel(4)),
                "c3,1,2,3".to_string(),
                "c4,1,2,3".to_string(),
                "c5,1,2,3".to_string(),
            ],
        );
        // Each imported in turn, with its summary.
        for (file, code, summary) in [
            (
                &one,
                0,
                [
                    "Wczytano 1 wiersz: zapisano 1 kartę (1 ważna, 0 nieważnych), odrzucono 0 wierszy.",
                    "Read 1 row: stored 1 card (1 valid, 0 invalid), rejected 0 rows.",
                    "Зчитано 1 рядок: записано 1 картку (1 дійсна, 0 недійсних), відхилено 0 рядків.",
                ],
            ),
            (
                &three,
                1,
                [
                    "Wczytano 3 wiersze: zapisano 2 karty (1 ważna, 1 nieważna), odrzucono 1 wiersz; 1 karta z PESEL-em",
                    "Read 3 rows: stored 2 cards (1 valid, 1 invalid), rejected 1 row; 1 card with a PESEL",
                    "Зчитано 3 рядки: записано 2 картки (1 дійсна, 1 недійсна), відхилено 1 рядок; 1 картка з PESEL",
                ],
            ),
            (
                &five,
                1,
                [
                    "Wczytano 5 wierszy: zapisano 0 kart (0 ważnych, 0 nieważnych), odrzucono 5 wierszy.",
                    "Read 5 rows: stored 0 cards (0 valid, 0 invalid), rejected 5 rows.",
                    "Зчитано 5 рядків: записано 0 карток (0 дійсних, 0 недійсних), відхилено 5 рядків.",
                ],
            ),
        ] {
            holds(&import(file, code), lang, summary);
        }
        let text = said(&dir, lang, &["status"], "", 0, &[]);
        holds(&text, lang, ["Karty: 3", "Cards: 3", "Картки: 3"]);
        said(&dir, lang, &["check"], "", 0, &[]);
    }
}

#[test]
fn edition_files_and_usage_errors_speak_one_language() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let good = std::fs::read_to_string(EDITION).expect("edition");
    let name = good
        .lines()
        .find_map(|l| l.strip_prefix("name = "))
        .expect("the edition's name")
        .trim_matches('"')
        .to_string();
    let swapped = good.replacen("voting_end = 2014-10-05", "voting_end = 2000-01-01", 1);
    let late = tmp.path().join("late.toml");
    std::fs::write(&late, swapped).expect("write");
    let dup = tmp.path().join("dup.toml");
    std::fs::write(
        &dup,
        good.replacen(
            "[[district]]",
            "[[district]]\nnumber = 1\nname = \"X\"\n[[district]]",
            1,
        ),
    )
    .expect("write");
    let syntax = tmp.path().join("syntax.toml");
    std::fs::write(&syntax, good.replacen("min_age = 16", "min_age = [16", 1)).expect("write");
    let unknown = tmp.path().join("unknown.toml");
    std::fs::write(
        &unknown,
        good.replacen("min_age = 16", "min_age = 16\nmax_age = 99", 1),
    )
    .expect("write");
    let kind = tmp.path().join("kind.toml");
    std::fs::write(&kind, good.replacen("min_age = 16", "min_age = \"16\"", 1)).expect("write");
    let dir = tmp.path().join("none");
    for lang in Lang::ALL {
        let text = said(&dir, lang, &["edition", "check", EDITION], "", 0, &[&name]);
        holds(
            &text,
            lang,
            [
                "Poprawna: krakow-2014",
                "Valid: krakow-2014",
                "Правильний: krakow-2014",
            ],
        );
        said(&dir, lang, &["edition", "check", s(&late)], "", 1, &[]);
        said(&dir, lang, &["edition", "check", s(&dup)], "", 1, &[]);
        // The TOML reader's refusals, said again in `lang` (English: its own).
        for bad in [&syntax, &unknown, &kind] {
            said(
                &dir,
                lang,
                &["edition", "check", s(bad)],
                "",
                1,
                &["min_age", "max_age"],
            );
        }
        // Commands on a data dir with no store.
        said(&dir, lang, &["status"], "", 2, &[]);
        said(&dir, lang, &["check"], "", 2, &[]);
        said(&dir, lang, &["operator", "list"], "", 2, &[]);
        // Usage errors (clap's own English under --lang en).
        if lang != Lang::En {
            said(&dir, lang, &["improt"], "", 2, &["improt", "import-cards"]);
            said(&dir, lang, &["init"], "", 2, &[]);
            said(&dir, lang, &["status", "--bogus"], "", 2, &[]);
            said(&dir, lang, &["init", "--min-pin-length", "40"], "", 2, &[]);
        }
    }
    // A bad --lang value is Polish: the language asked for is unknown.
    let (code, text) = run(&dir, Lang::Pl, &["--lang", "de", "status"], "");
    assert_eq!(code, 2, "{text}");
    only(Lang::Pl, "--lang de", &text, &["de", "pl", "en", "uk"]);
}

#[test]
fn a_damaged_store_is_described_in_one_language() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for lang in Lang::ALL {
        let dir = kiosk(tmp.path(), lang);
        let db = rusqlite::Connection::open(dir.join("urna.sqlite")).expect("open the store");
        let key: String = db
            .query_row("SELECT key FROM meta ORDER BY key LIMIT 1", [], |r| {
                r.get(0)
            })
            .expect("a meta row");
        db.execute("UPDATE meta SET value = '60' WHERE key = ?1", [&key])
            .expect("edit meta");
        db.execute_batch("DROP TRIGGER journal_no_delete")
            .expect("drop a trigger");
        drop(db);
        let (code, text) = run(&dir, lang, &["check"], "");
        assert_ne!(code, 0, "{lang:?}:\n{text}");
        let data = ["sqlite_master", "trigger journal_no_delete", "meta", &key];
        only(lang, &format!("{lang:?} check, damaged"), &text, &data);
        let (meta, trigger) = match lang {
            Lang::Pl => ("wartość inna niż w dzienniku", "brakuje (usunięte)"),
            Lang::En => ("differs from the journal", "missing (dropped)"),
            Lang::Uk => ("значення відрізняється від журналу", "бракує (видалено)"),
        };
        assert!(text.contains(&format!("meta[{key}]: {meta}")), "{text}");
        assert!(
            text.contains(&format!(
                "sqlite_master[trigger journal_no_delete]: {trigger}"
            )),
            "{text}"
        );
    }
}
