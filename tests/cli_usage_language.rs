//! The usage line's placeholders speak the language asked for (issue 15):
//! in Polish and Ukrainian no `[OPTIONS]`, `<COMMAND>` or `<PATH>` in any
//! command's help, the usage errors naming arguments by the help's own
//! placeholders, the Polish and Ukrainian man pages; and English, help and
//! usage errors, exactly what clap makes of the plain derive.

#[path = "support/cli_tree.rs"]
mod cli_tree;
#[path = "support/language.rs"]
mod language;

use clap::CommandFactory;
use cli_tree::{DATA, ValueNames, paths, syntax};
use language::{english_in, polish_in};
use urna::cli::{Cli, help};
use urna::i18n::{self, Lang};

fn all_paths() -> Vec<Vec<String>> {
    let mut all = Vec::new();
    paths(&Cli::command(), &[], &mut all);
    assert!(all.len() > 35, "{} commands", all.len());
    all
}

/// clap's English placeholders, and every English value name that `lang`
/// says otherwise (`<ID>`, `<N>`, `<PESEL>` stay), as the help shows them.
fn english_placeholders(lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = ["[OPTIONS]", "<COMMAND>", "[COMMAND]"]
        .map(String::from)
        .to_vec();
    for m in help::messages(&Cli::command()) {
        let placeholder = m.id.starts_with("help-value-") || m.id.ends_with("-placeholder");
        if placeholder && i18n::lookup(lang, &m.id, &[]) != m.english {
            out.push(format!("<{}>", m.english));
        }
    }
    assert!(out.len() > 20, "{out:?}");
    out
}

/// The real binary: its exit code, stdout and stderr.
fn run(args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .env_remove("URNA_LOG")
        .args(args)
        .output()
        .expect("run urna");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn with_lang<'a>(lang: Lang, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--lang", lang.code()];
    all.extend(args);
    all
}

#[test]
fn polish_and_ukrainian_help_has_no_english_placeholder() {
    let mut words = Vec::new();
    syntax(&Cli::command(), ValueNames::Translated, &mut words);
    let mut allow: Vec<&str> = words.iter().map(String::as_str).collect();
    allow.extend(DATA);
    for lang in [Lang::Pl, Lang::Uk] {
        let english = english_placeholders(lang);
        let mut runs: Vec<Vec<String>> = Vec::new();
        for path in all_paths() {
            for flag in ["--help", "-h"] {
                let mut args = path.clone();
                args.push(flag.to_string());
                runs.push(args);
            }
        }
        runs.push(vec!["help".into(), "help".into()]);
        runs.push(vec!["tally".into(), "help".into(), "import".into()]);
        for args in runs {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let what = format!("{lang:?} urna {}", args.join(" "));
            let (code, out, err) = run(&with_lang(lang, &args));
            assert_eq!(code, 0, "{what}:\n{out}{err}");
            for p in &english {
                assert!(!out.contains(p.as_str()), "{what}: {p} in:\n{out}");
            }
            let found = english_in(&out, &allow);
            assert!(found.is_empty(), "{what}: English {found:?} in:\n{out}");
            if lang == Lang::Uk {
                let found = polish_in(&out, &allow);
                assert!(found.is_empty(), "{what}: Polish {found:?} in:\n{out}");
            }
        }
    }
    // What they became.
    let (_, pl, _) = run(&["tally", "--help"]);
    assert!(
        pl.contains("Użycie: urna tally [OPCJE] <POLECENIE>"),
        "{pl}"
    );
    let (_, pl, _) = run(&["init", "-h"]);
    for said in [
        "--edition <PLIK>",
        "--point-name <NAZWA>",
        "--coordinator <IMIĘ>",
        "--data-dir <KATALOG>",
    ] {
        assert!(pl.contains(said), "{said} in:\n{pl}");
    }
    let (_, uk, _) = run(&["--lang", "uk", "tally", "trust", "-h"]);
    for said in [
        "Використання: urna tally trust [ПАРАМЕТРИ] --point <ID> <КЛЮЧ_КІОСКУ>",
        "--data-dir <КАТАЛОГ>",
    ] {
        assert!(uk.contains(said), "{said} in:\n{uk}");
    }
    let (_, uk, _) = run(&["--lang", "uk", "help", "help"]);
    assert!(uk.contains("[КОМАНДА]..."), "{uk}");
}

/// The usage line of `args`' help: what follows the heading.
fn usage_line(help: &str, heading: &str) -> String {
    help.lines()
        .find_map(|l| l.strip_prefix(heading))
        .unwrap_or_else(|| panic!("no {heading:?} in:\n{help}"))
        .to_string()
}

#[test]
fn a_usage_error_names_arguments_as_the_help_does() {
    let cases: &[(Lang, &[&str], &str, &str)] = &[
        (
            Lang::Pl,
            &["tally", "import"],
            "Użycie: ",
            "błąd: brakuje wymaganego argumentu: <ŚCIEŻKA>...",
        ),
        (
            Lang::Pl,
            &["init", "--point=P"],
            "Użycie: ",
            "brakuje wymaganych argumentów: --edition <PLIK>, --point-name <NAZWA>, --coordinator <IMIĘ>",
        ),
        (
            Lang::Pl,
            &["tally", "trust", "k.pub"],
            "Użycie: ",
            "brakuje wymaganego argumentu: --point <ID>",
        ),
        (
            Lang::Uk,
            &["tally", "import"],
            "Використання: ",
            "помилка: бракує обов’язкового аргументу: <ШЛЯХ>...",
        ),
        (
            Lang::Uk,
            &["tally", "annul", "--reason", "x"],
            "Використання: ",
            "бракує обов’язкового аргументу: <PESEL>",
        ),
        (
            Lang::Uk,
            &["tally", "init", "--edition"],
            "Використання: ",
            "--edition <ФАЙЛ>",
        ),
    ];
    for (lang, args, heading, said) in cases {
        let what = format!("{lang:?} urna {}", args.join(" "));
        let (code, out, err) = run(&with_lang(*lang, args));
        assert_eq!(code, 2, "{what}:\n{out}{err}");
        assert!(err.contains(said), "{what}: {said:?} in:\n{err}");
        // The placeholder the error names is the help's usage line's.
        let mut h: Vec<&str> = args.iter().take(2).copied().collect();
        h.push("-h");
        let (_, help, _) = run(&with_lang(*lang, &h));
        let usage = usage_line(&help, heading);
        let named = said.rsplit(": ").next().unwrap_or(said);
        for arg in named.split(", ") {
            let arg = arg.trim_end_matches("...");
            assert!(
                usage.contains(arg),
                "{what}: the error's {arg:?} is not in the help's usage {usage:?}:\n{help}"
            );
        }
        for p in english_placeholders(*lang) {
            assert!(!err.contains(&p), "{what}: {p} in:\n{err}");
        }
    }
}

/// The plain derive's clap, as main would run it without urna's help.
fn clap_says(args: &[&str]) -> String {
    let mut argv = vec!["urna"];
    argv.extend(args);
    match Cli::command().try_get_matches_from(argv) {
        Ok(_) => panic!("{args:?} parsed"),
        Err(e) => e.render().to_string(),
    }
}

#[test]
fn english_help_and_usage_errors_are_clap_s_own() {
    for path in all_paths() {
        for flag in ["--help", "-h"] {
            let mut args: Vec<&str> = vec!["--lang", "en"];
            args.extend(path.iter().map(String::as_str));
            args.push(flag);
            let (code, out, _) = run(&args);
            assert_eq!(code, 0, "urna {}", args.join(" "));
            assert_eq!(out, clap_says(&args), "urna {}", args.join(" "));
        }
    }
    for args in [
        &["--lang", "en", "tally", "import"][..],
        &["--lang", "en", "init", "--point", "P"],
        &["--lang", "en", "tally", "results", "--format", "xml"],
        &["--lang", "en", "tally"],
    ] {
        let (code, _, err) = run(args);
        assert_eq!(code, 2, "urna {}", args.join(" "));
        assert_eq!(err, clap_says(args), "urna {}", args.join(" "));
    }
}

/// The man pages `generate-assets` writes in `dir`'s `lang` folder: one
/// per visible command, as in English.
fn man_pages(dir: &std::path::Path, lang: &str) -> Vec<(String, String)> {
    let english: Vec<String> = std::fs::read_dir(dir)
        .expect("read the assets")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".1"))
        .collect();
    assert!(english.len() > 30, "{english:?}");
    english
        .into_iter()
        .map(|name| {
            let path = dir.join(lang).join(&name);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (name, text)
        })
        .collect()
}

#[test]
fn generate_assets_writes_polish_and_ukrainian_man_pages() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env("URNA_DATA_DIR", "/the/builders/own/place")
        .args(["generate-assets", "--out"])
        .arg(tmp.path())
        .output()
        .expect("run urna");
    assert!(out.status.success(), "{out:?}");
    let mut words = Vec::new();
    syntax(&Cli::command(), ValueNames::Translated, &mut words);
    let mut allow: Vec<&str> = words.iter().map(String::as_str).collect();
    // roff's own: fonts, macros, the apostrophe string.
    allow.extend(DATA);
    allow.extend([
        "fB", "fR", "fI", "TH", "SH", "TP", "RS", "RE", "br", "ie", "el", "ds", "Aq",
    ]);
    for (lang, code, about, headings) in [
        (
            Lang::Pl,
            "pl",
            "Kiosk offline i centralne liczenie głosów Budżetu Obywatelskiego",
            [".SH \"NAZWA\"", ".SH \"SKŁADNIA\"", ".SH \"OPCJE\""],
        ),
        (
            Lang::Uk,
            "uk",
            "Офлайн\\-кіоск і центральний підрахунок голосів",
            [
                ".SH \"НАЗВА\"",
                ".SH \"КОРОТКИЙ ОПИС\"",
                ".SH \"ПАРАМЕТРИ\"",
            ],
        ),
    ] {
        let pages = man_pages(tmp.path(), code);
        let english = english_placeholders(lang);
        for (name, text) in &pages {
            let what = format!("{code}/{name}");
            for h in headings {
                assert!(text.contains(h), "{what}: no {h} in:\n{text}");
            }
            for h in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS"] {
                assert!(!text.contains(&format!(".SH {h}")), "{what}: {h}");
            }
            assert!(!text.contains("/the/builders"), "{what}: the environment");
            for p in &english {
                assert!(!text.contains(p.as_str()), "{what}: {p} in:\n{text}");
            }
            let found = english_in(text, &allow);
            assert!(found.is_empty(), "{what}: English {found:?} in:\n{text}");
            if lang == Lang::Uk {
                let found = polish_in(text, &allow);
                assert!(found.is_empty(), "{what}: Polish {found:?} in:\n{text}");
            }
        }
        let urna = &pages.iter().find(|(n, _)| n == "urna.1").expect("urna.1").1;
        assert!(urna.contains(about), "{code}/urna.1:\n{urna}");
        // The subcommands' pages are listed, and no help subcommand's.
        assert!(urna.contains("urna\\-tally(1)"), "{urna}");
        assert!(!urna.contains("urna\\-help"), "{urna}");
    }
}
