//! The translation catalogs under `assets/locales/` stay in step with each
//! other and with the code: every language has every message id with the
//! same arguments, every message formats without error, every id the code
//! asks for exists, and no id is unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use urna::card::Reason;
use urna::cli::{Cli, help};
use urna::i18n::{self, Lang};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Message id → the variables its pattern uses (selectors included).
type Messages = BTreeMap<String, BTreeSet<String>>;

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

fn inline_vars(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_vars(a, out);
            }
            for a in &arguments.named {
                inline_vars(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expr_vars(expression, out),
        _ => {}
    }
}

fn expr_vars(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_vars(i, out),
    }
}

fn pattern_vars(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expr_vars(expression, out);
        }
    }
}

/// The messages of one language, every file of its folder; a parse error,
/// a message without a value or an id defined twice fails the test.
fn catalog(lang: Lang) -> Messages {
    let dir = Path::new(ROOT).join("assets/locales").join(lang.code());
    let mut paths = Vec::new();
    files(&dir, "ftl", &mut paths);
    assert!(!paths.is_empty(), "{}: no .ftl file", dir.display());
    let mut messages = Messages::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read a catalog");
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    let id = m.id.name.to_string();
                    let value = m
                        .value
                        .as_ref()
                        .unwrap_or_else(|| panic!("{}: {id} has no value", path.display()));
                    let mut vars = BTreeSet::new();
                    pattern_vars(value, &mut vars);
                    assert!(
                        messages.insert(id.clone(), vars).is_none(),
                        "{}: {id} is defined twice in {}",
                        path.display(),
                        lang.code()
                    );
                }
                Entry::Junk { content } => panic!("{}: cannot parse {content:?}", path.display()),
                _ => {}
            }
        }
    }
    messages
}

/// Every message id the code names: `tr!(lang, "id", …)`,
/// `lookup(lang, "id", …)`, `Forms { id: "id" }`, the ids made from a
/// reason's code, and the help's ids, made from the command line's
/// commands and arguments (`urna::cli::help::messages`).
fn used_ids() -> BTreeSet<String> {
    let mut paths = Vec::new();
    files(&Path::new(ROOT).join("src"), "rs", &mut paths);
    let call = regex::Regex::new(
        r#"(?s)\b(?:tr!|lookup)\(\s*[^,()]+(?:\([^()]*\))?,\s*"([a-z][a-z0-9-]*)""#,
    )
    .expect("regex");
    let forms = regex::Regex::new(r#"Forms\s*\{\s*id:\s*"([a-z][a-z0-9-]*)""#).expect("regex");
    let mut used = BTreeSet::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("read a source file");
        for c in call.captures_iter(&text).chain(forms.captures_iter(&text)) {
            used.insert(c[1].to_string());
        }
    }
    for r in Reason::ALL {
        used.insert(i18n::reason_id("reason-", r));
        used.insert(i18n::reason_id("reason-short-", r));
    }
    for m in help::messages(&Cli::command()) {
        used.insert(m.id);
    }
    used
}

/// The help's English catalog holds the derive's doc comments word for
/// word (so `urna --lang en --help` reads as clap would write it), and no
/// two commands or arguments come to the same id.
#[test]
fn the_help_in_english_is_the_doc_comments() {
    let messages = help::messages(&Cli::command());
    assert!(messages.len() > 90, "{} help messages", messages.len());
    let mut seen = BTreeSet::new();
    for m in &messages {
        assert!(seen.insert(&m.id), "{}: two commands or arguments", m.id);
        assert!(m.id.starts_with("help-"), "{}", m.id);
        assert_eq!(
            i18n::lookup(Lang::En, &m.id, &[]),
            m.english,
            "{}: the English catalog and the doc comment differ",
            m.id
        );
    }
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let pl = catalog(Lang::Pl);
    assert!(
        pl.len() > 50,
        "the Polish catalog has {} messages",
        pl.len()
    );
    for lang in [Lang::En, Lang::Uk] {
        let other = catalog(lang);
        let missing: Vec<_> = pl.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !pl.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has, and Polish lacks, {extra:?}",
            lang.code()
        );
        for (id, vars) in &pl {
            assert_eq!(
                &other[id],
                vars,
                "{id}: the arguments in {} differ from Polish",
                lang.code()
            );
        }
    }
}

#[test]
fn every_message_formats_in_every_language() {
    let pl = catalog(Lang::Pl);
    for lang in Lang::ALL {
        for (id, vars) in &pl {
            // Once with every argument a number (the plural selectors' case),
            // once with every argument text.
            let numbers: Vec<_> = vars
                .iter()
                .map(|v| (&*v.clone().leak(), i18n::arg(3)))
                .collect();
            let texts: Vec<_> = vars
                .iter()
                .map(|v| (&*v.clone().leak(), i18n::arg("x")))
                .collect();
            for args in [numbers, texts] {
                let out = i18n::lookup(lang, id, &args);
                assert_ne!(&out, id, "{id} does not format in {}", lang.code());
                assert!(!out.trim().is_empty(), "{id} is empty in {}", lang.code());
                assert!(
                    !out.contains('\u{2068}') && !out.contains('\u{2069}'),
                    "{id}: isolation marks in {}",
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn every_id_the_code_names_exists_and_every_message_is_used() {
    let pl = catalog(Lang::Pl);
    let used = used_ids();
    let unknown: Vec<_> = used.iter().filter(|id| !pl.contains_key(*id)).collect();
    assert!(
        unknown.is_empty(),
        "named in src/ but not in the catalogs: {unknown:?}"
    );
    let unused: Vec<_> = pl.keys().filter(|id| !used.contains(*id)).collect();
    assert!(
        unused.is_empty(),
        "in the catalogs but never used: {unused:?}"
    );
}

#[test]
fn plurals_follow_each_language() {
    let card = |lang, n: u64| i18n::count(lang, n, &i18n::CARD);
    assert_eq!(
        [1, 3, 5, 12, 22].map(|n| card(Lang::Uk, n)),
        ["1 картка", "3 картки", "5 карток", "12 карток", "22 картки"]
    );
    assert_eq!(
        [1, 3, 5, 12, 22].map(|n| card(Lang::Pl, n)),
        ["1 karta", "3 karty", "5 kart", "12 kart", "22 karty"]
    );
    assert_eq!([1, 3].map(|n| card(Lang::En, n)), ["1 card", "3 cards"]);
}
