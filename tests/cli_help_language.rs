//! The command line's help speaks the language asked for (issue 15): the
//! real binary's `--help` and `-h` of urna, of every subcommand and of every
//! tally subcommand, and `urna help`, in Polish (the default) without an
//! English sentence or clap's English words, in English without Polish, in
//! Ukrainian in Cyrillic with neither; and a usage error in each.

#[path = "support/cli_tree.rs"]
mod cli_tree;
#[path = "support/language.rs"]
mod language;

use clap::CommandFactory;
use cli_tree::{DATA, ValueNames, paths, syntax};
use language::{english_in, polish_in};
use urna::cli::Cli;
use urna::i18n::Lang;

/// clap's own English in a help or a usage error.
const CLAP: &[&str] = &[
    "Usage:",
    "Commands:",
    "Arguments:",
    "Options:",
    "Print help",
    "Print version",
    "Print this message",
    "subcommand",
    "[default:",
    "[possible values:",
    "Possible values:",
    "[env:",
    "see more",
    "see a summary",
    "error:",
    "For more information",
];

/// The real binary in `lang` (Polish: no `--lang` at all, the default).
fn run(lang: Lang, args: &[&str]) -> (i32, String) {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").env_remove("URNA_LOG");
    if lang != Lang::Pl {
        c.args(["--lang", lang.code()]);
    }
    let out = c.args(args).output().expect("run urna");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// `text` is in `lang` and in `lang` only.
fn only(lang: Lang, what: &str, text: &str, allow: &[&str]) {
    match lang {
        Lang::Pl | Lang::Uk => {
            let english = english_in(text, allow);
            assert!(
                english.is_empty(),
                "{what}: English {english:?} in:\n{text}"
            );
            for phrase in CLAP {
                assert!(
                    !text.contains(phrase),
                    "{what}: clap's {phrase:?} in:\n{text}"
                );
            }
        }
        Lang::En => {
            let polish = polish_in(text, allow);
            assert!(polish.is_empty(), "{what}: Polish {polish:?} in:\n{text}");
        }
    }
    if lang == Lang::Uk {
        let polish = polish_in(text, allow);
        assert!(polish.is_empty(), "{what}: Polish {polish:?} in:\n{text}");
        let cyrillic = text
            .chars()
            .filter(|c| ('\u{400}'..='\u{4ff}').contains(c))
            .count();
        assert!(cyrillic > 20, "{what}: hardly any Cyrillic in:\n{text}");
    }
}

#[test]
fn every_help_is_in_the_language_asked_for() {
    let cli = Cli::command();
    let mut all = Vec::new();
    paths(&cli, &[], &mut all);
    assert!(all.len() > 35, "{} commands", all.len());
    let mut words = Vec::new();
    syntax(&cli, ValueNames::Syntax, &mut words);
    let mut allow: Vec<&str> = words.iter().map(String::as_str).collect();
    allow.extend(DATA);
    for lang in Lang::ALL {
        for path in &all {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            for flag in ["--help", "-h"] {
                let mut args = path.clone();
                args.push(flag);
                let what = format!("{lang:?} urna {}", args.join(" "));
                let (code, text) = run(lang, &args);
                assert_eq!(code, 0, "{what}:\n{text}");
                let usage = match lang {
                    Lang::Pl => "Użycie: urna",
                    Lang::En => "Usage: urna",
                    Lang::Uk => "Використання: urna",
                };
                assert!(text.contains(usage), "{what}:\n{text}");
                only(lang, &what, &text, &allow);
            }
        }
        // The help subcommand, and its own help.
        for args in [
            &["help"][..],
            &["help", "tally", "import"],
            &["help", "help"],
        ] {
            let what = format!("{lang:?} urna {}", args.join(" "));
            let (code, text) = run(lang, args);
            assert_eq!(code, 0, "{what}:\n{text}");
            only(lang, &what, &text, &allow);
        }
    }
}

/// What clap's words became, where they show: headings, the help flag and
/// subcommand, a default, possible values, an environment variable, the
/// long help's list of values.
#[test]
fn clap_words_are_translated() {
    let (_, pl) = run(Lang::Pl, &["--help"]);
    for said in [
        "Użycie: urna [OPCJE] [POLECENIE]",
        "Polecenia:",
        "Opcje:",
        "help          Wyświetl tę pomoc albo pomoc podanego polecenia",
        "[domyślnie: pl] [możliwe wartości: pl, en, uk]",
        "[zmienna środowiskowa: URNA_DATA_DIR=]",
        "-h, --help                Wyświetl pomoc",
        "-V, --version             Wyświetl wersję",
    ] {
        assert!(pl.contains(said), "{said:?} in:\n{pl}");
    }
    let (_, uk) = run(Lang::Uk, &["tally", "import", "--help"]);
    for said in ["Аргументи:", "<ШЛЯХ>...", "Параметри:", "[типово: pl]"]
    {
        assert!(uk.contains(said), "{said:?} in:\n{uk}");
    }
    let (_, pl) = run(Lang::Pl, &["verification", "set", "--help"]);
    for said in [
        "Możliwe wartości:\n          - all:    Każdą kartę",
        "[domyślnie: 20]",
        "Wyświetl pomoc (skrót pokazuje „-h”)",
    ] {
        assert!(pl.contains(said), "{said:?} in:\n{pl}");
    }
    let (_, pl) = run(Lang::Pl, &["verification", "set", "-h"]);
    assert!(
        pl.contains("<TRYB>  Ile weryfikować [możliwe wartości: all, sample]"),
        "{pl}"
    );
    assert!(
        pl.contains("Wyświetl pomoc (więcej pokazuje „--help”)"),
        "{pl}"
    );
    let (_, en) = run(Lang::En, &["verification", "set", "--help"]);
    assert!(
        en.contains("Possible values:\n          - all:    Every card"),
        "{en}"
    );
}

#[test]
fn a_usage_error_is_in_the_language_asked_for() {
    let allow = ["urna", "help"];
    for lang in Lang::ALL {
        let what = format!("{lang:?} urna tally import");
        let (code, text) = run(lang, &["tally", "import"]);
        assert_eq!(code, 2, "{what}:\n{text}");
        let expected = match lang {
            Lang::Pl => "błąd: brakuje wymaganego argumentu: <ŚCIEŻKA>...",
            Lang::En => "the following required arguments were not provided",
            Lang::Uk => "помилка: бракує обов’язкового аргументу: <ШЛЯХ>...",
        };
        assert!(text.contains(expected), "{what}:\n{text}");
        if lang == Lang::Uk {
            // Short: the Cyrillic check wants a help's length.
            assert!(english_in(&text, &allow).is_empty(), "{what}:\n{text}");
            assert!(polish_in(&text, &allow).is_empty(), "{what}:\n{text}");
        } else {
            only(lang, &what, &text, &allow);
        }
    }
}
