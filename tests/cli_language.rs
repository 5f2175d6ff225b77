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
#[allow(dead_code)]
mod office;

use language::{english_in, polish_in};
use office::{EDITION, HEADER, pesel, row};
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

/// The real binary in `lang` on the data dir `dir`.
fn urna(dir: &Path, lang: Lang) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").arg("--data-dir").arg(dir);
    // Polish is the default: no flag at all.
    if lang != Lang::Pl {
        c.args(["--lang", lang.code()]);
    }
    c
}

/// Runs `args` with `stdin`; the exit code and everything said.
fn run(dir: &Path, lang: Lang, args: &[&str], stdin: &str) -> (i32, String) {
    let out = urna(dir, lang)
        .args(args)
        .write_stdin(stdin.to_string())
        .output()
        .expect("run urna");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
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
    let clean = without_data(text, data);
    let english = english_in(&clean, ALLOW);
    let polish = polish_in(&clean, ALLOW);
    match lang {
        Lang::Pl => assert!(
            english.is_empty(),
            "{what}: English {english:?} in:\n{text}"
        ),
        Lang::En => assert!(polish.is_empty(), "{what}: Polish {polish:?} in:\n{text}"),
        Lang::Uk => {
            assert!(
                english.is_empty(),
                "{what}: English {english:?} in:\n{text}"
            );
            assert!(polish.is_empty(), "{what}: Polish {polish:?} in:\n{text}");
            assert!(
                clean
                    .chars()
                    .any(|c| ('а'..='я').contains(&c) || "іїєґ".contains(c)),
                "{what}: no Ukrainian in:\n{text}"
            );
        }
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
    let init = [
        "init",
        "--edition",
        EDITION,
        "--point",
        "P1",
        "--point-name",
        "Rynek",
        "--coordinator",
        "Anna",
        "--pin-stdin",
    ];
    let text = said(&dir, lang, &init, "1234\n", 0, &[]);
    let done = match lang {
        Lang::Pl => "Gotowe: punkt P1 (Rynek), edycja krakow-2014, koordynator Anna.",
        Lang::En => "Done: point P1 (Rynek), edition krakow-2014, coordinator Anna.",
        Lang::Uk => "Готово: пункт P1 (Rynek), випуск krakow-2014, координатор Anna.",
    };
    assert!(text.contains(done), "{text}");
    // A second init, and a bad point id, are refused.
    said(&dir, lang, &init, "1234\n", 2, &[]);
    let mut bad = init;
    bad[4] = "P/1";
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
        let role = ["wolontariusz", "volunteer", "волонтер"][lang_index(lang)];
        assert!(text.contains(role), "{text}");
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
        let wrong_pin = ["zły PIN", "wrong PIN", "неправильний PIN"][lang_index(lang)];
        assert!(wrong.contains(wrong_pin), "{wrong}");
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
        // The office key and address.
        said(&dir, lang, &["central", "show"], "", 0, &[]);
        let set = ["central", "set", "--as", "Anna", "--pin-stdin"];
        said(
            &dir,
            lang,
            &[&set[..], &["age1short"]].concat(),
            "1234\n",
            2,
            &[],
        );
        said(
            &dir,
            lang,
            &[&set[..], &[rec]].concat(),
            "1234\n",
            0,
            &[rec],
        );
        let url = ["central", "url", "--as", "Anna", "--pin-stdin"];
        said(
            &dir,
            lang,
            &[&url[..], &["ftp://x"]].concat(),
            "1234\n",
            2,
            &[],
        );
        said(
            &dir,
            lang,
            &[&url[..], &["http://127.0.0.1", "--ca", EDITION]].concat(),
            "1234\n",
            2,
            &[],
        );
        // Sync with no address yet: said before any PIN is asked.
        said(
            &dir,
            lang,
            &["sync", "--as", "Anna", "--pin-stdin"],
            "",
            1,
            &[],
        );
        let text = said(
            &dir,
            lang,
            &[&url[..], &["http://127.0.0.1", "--every-cards", "3"]].concat(),
            "1234\n",
            0,
            &["127.0.0.1"],
        );
        let every = ["co 3 karty", "every 3 cards", "кожні 3 картки"][lang_index(lang)];
        assert!(text.contains(every), "{text}");
        said(&dir, lang, &["central", "show"], "", 0, &[rec, "127.0.0.1"]);
        // An office that does not answer: the OS's refusal in words of `lang`.
        said(
            &dir,
            lang,
            &[&url[..], &["http://127.0.0.1:1"]].concat(),
            "1234\n",
            0,
            &["127.0.0.1"],
        );
        let refused = said(
            &dir,
            lang,
            &["sync", "--as", "Anna", "--pin-stdin"],
            "1234\n",
            1,
            &[],
        );
        let words = [
            "odmówił połączenia",
            "refused the connection",
            "відмовив у з’єднанні",
        ];
        assert!(refused.contains(words[lang_index(lang)]), "{refused}");
        said(
            &dir,
            lang,
            &["central", "url", "--off", "--as", "Anna", "--pin-stdin"],
            "1234\n",
            0,
            &[],
        );
    }
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Pl => 0,
        Lang::En => 1,
        Lang::Uk => 2,
    }
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
        let text = import(&one, 0);
        let summary = [
            "Wczytano 1 wiersz: zapisano 1 kartę (1 ważna, 0 nieważnych), odrzucono 0 wierszy.",
            "Read 1 row: stored 1 card (1 valid, 0 invalid), rejected 0 rows.",
            "Зчитано 1 рядок: записано 1 картку (1 дійсна, 0 недійсних), відхилено 0 рядків.",
        ][lang_index(lang)];
        assert!(text.contains(summary), "{text}");
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
        let text = import(&three, 1);
        let counts = [
            "Wczytano 3 wiersze: zapisano 2 karty (1 ważna, 1 nieważna), odrzucono 1 wiersz; 1 karta z PESEL-em",
            "Read 3 rows: stored 2 cards (1 valid, 1 invalid), rejected 1 row; 1 card with a PESEL",
            "Зчитано 3 рядки: записано 2 картки (1 дійсна, 1 недійсна), відхилено 1 рядок; 1 картка з PESEL",
        ][lang_index(lang)];
        assert!(text.contains(counts), "{text}");
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
        let text = import(&five, 1);
        let counts = [
            "Wczytano 5 wierszy: zapisano 0 kart (0 ważnych, 0 nieważnych), odrzucono 5 wierszy.",
            "Read 5 rows: stored 0 cards (0 valid, 0 invalid), rejected 5 rows.",
            "Зчитано 5 рядків: записано 0 карток (0 дійсних, 0 недійсних), відхилено 5 рядків.",
        ][lang_index(lang)];
        assert!(text.contains(counts), "{text}");
        let text = said(&dir, lang, &["status"], "", 0, &[]);
        let cards = ["Karty: 3", "Cards: 3", "Картки: 3"][lang_index(lang)];
        assert!(text.contains(cards), "{text}");
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
        let head = [
            "Poprawna: krakow-2014",
            "Valid: krakow-2014",
            "Правильний: krakow-2014",
        ];
        assert!(text.contains(head[lang_index(lang)]), "{text}");
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
