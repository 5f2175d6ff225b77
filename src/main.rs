#![forbid(unsafe_code)]
//! The `urna` binary: parses the command line and maps results to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::error::{ContextKind, ErrorKind};
use clap::{CommandFactory, Parser};
use urna::cli::{Cli, run};
use urna::i18n::Lang;
use urna::tr;

/// mimalloc instead of glibc's allocator: the tally's import allocates a
/// card's strings on one thread and frees them on another, a million times,
/// where glibc's arenas spend a tenth of the import's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(in_language(e)),
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            // Not eprintln!: a closed stderr must not turn a failure into a panic.
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}: {}",
                tr!(lang, "cli-error-label"),
                failure.message
            );
            ExitCode::from(failure.code)
        }
    }
}

/// What clap said of a command line it refused (or of `--help`), said
/// again by the command with its help in the language asked for
/// (`urna::cli::help`): the same command line parsed once more. Only then
/// are the catalogs read and the command reworded, which a command line
/// that parses never waits for.
fn in_language(first: clap::Error) -> clap::Error {
    if first.kind() == ErrorKind::DisplayVersion {
        return first; // no words to translate
    }
    let mut command = urna::cli::help::localized(Cli::command(), lang_of_args());
    match command.try_get_matches_from_mut(std::env::args_os()) {
        Err(e) if e.kind() == first.kind() => e,
        _ => first,
    }
}

/// The language asked for on a command line that did not parse: the
/// last `--lang` that names one, else Polish.
fn lang_of_args() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let named = |v: &str| Lang::ALL.into_iter().find(|l| l.code() == v);
    let mut lang = Lang::Pl;
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        if let Some(l) = value.and_then(named) {
            lang = l;
        }
    }
    lang
}

/// A command line clap refused. Help and version are printed as clap
/// makes them (in the language asked for: `urna::cli::help`); in English an error is clap's own; in Polish and Ukrainian
/// it is said from the error's kind and context (clap has no translations),
/// then where to find the syntax. Exit 2, as for every usage error.
fn usage_error(e: clap::Error) -> ExitCode {
    let lang = lang_of_args();
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) || lang == Lang::En {
        let code = e.exit_code();
        let _ = e.print();
        return ExitCode::from(u8::try_from(code).unwrap_or(2));
    }
    let get = |k: ContextKind| {
        e.get(k)
            .map(|v| urna::shown::escape_controls(&v.to_string()))
    };
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::MissingRequiredArgument => {
            let n = match e.get(ContextKind::InvalidArg) {
                Some(clap::error::ContextValue::Strings(v)) => v.len() as u64,
                _ => 1,
            };
            tr!(lang, "cli-usage-missing-argument", n = n, arg = arg)
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            tr!(lang, "cli-usage-missing-command")
        }
        ErrorKind::InvalidValue if value.is_empty() => {
            tr!(lang, "cli-usage-needs-value", arg = arg)
        }
        ErrorKind::InvalidValue => match get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
            Some(valid) => tr!(
                lang,
                "cli-usage-not-a-value-of",
                value = value,
                arg = arg,
                valid = valid
            ),
            None => tr!(lang, "cli-usage-not-a-value", value = value, arg = arg),
        },
        ErrorKind::ValueValidation => {
            // A range check's reason is clap's "0 is not in 1..=10000": the
            // range alone, which reads the same in every language.
            let text = e.to_string();
            let range = text
                .split_once(" is not in ")
                .map(|(_, r)| r.lines().next().unwrap_or_default().trim())
                .and_then(|r| r.split_once("..="))
                .filter(|(a, b)| {
                    !a.is_empty()
                        && a.bytes().all(|c| c.is_ascii_digit())
                        && b.bytes().all(|c| c.is_ascii_digit())
                });
            match range {
                Some((from, to)) => tr!(
                    lang,
                    "cli-usage-out-of-range",
                    value = value,
                    arg = arg,
                    from = from,
                    to = to
                ),
                None => tr!(lang, "cli-usage-not-valid", value = value, arg = arg),
            }
        }
        ErrorKind::UnknownArgument => tr!(lang, "cli-usage-unknown-argument", arg = arg),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "cli-usage-unknown-command",
            command = get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => tr!(
            lang,
            "cli-usage-conflict",
            arg = arg,
            other = get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!(lang, "cli-usage-value-count", arg = arg)
        }
        ErrorKind::NoEquals => tr!(lang, "cli-usage-no-equals", arg = arg),
        ErrorKind::InvalidUtf8 => tr!(lang, "cli-usage-not-utf8"),
        _ => tr!(lang, "cli-usage-invalid"),
    };
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue))
        .filter(|s| !s.is_empty())
        .map(|s| format!(" {}", tr!(lang, "cli-usage-suggestion", suggestion = s)))
        .unwrap_or_default();
    let _ = writeln!(
        std::io::stderr().lock(),
        "{}: {what}{suggestion}\n{}",
        tr!(lang, "cli-error-label"),
        tr!(lang, "cli-usage-see-help")
    );
    ExitCode::from(2)
}
