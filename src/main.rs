#![forbid(unsafe_code)]
//! The `urna` binary: parses the command line and maps results to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use clap::error::{ContextKind, ErrorKind};
use urna::cli::{Cli, run};
use urna::i18n::{Lang, t};

/// mimalloc instead of glibc's allocator: the tally's import allocates a
/// card's strings on one thread and frees them on another, a million times,
/// where glibc's arenas spend a tenth of the import's CPU.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    let lang = cli.lang;
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            // Not eprintln!: a closed stderr must not turn a failure into a panic.
            let _ = writeln!(
                std::io::stderr().lock(),
                "{}: {}",
                t(lang, "błąd", "error"),
                failure.message
            );
            ExitCode::from(failure.code)
        }
    }
}

/// The language asked for on a command line that did not parse: English
/// only when `--lang en` is there.
fn lang_of_args() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let en = args.iter().enumerate().any(|(i, a)| {
        a == "--lang=en" || (a == "--lang" && args.get(i + 1).is_some_and(|v| v == "en"))
    });
    if en { Lang::En } else { Lang::Pl }
}

/// A command line clap refused. Help and version are printed as clap
/// makes them; in English an error is clap's own; in Polish it is said in
/// Polish from the error's kind and context (clap has no translations),
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
        ErrorKind::MissingRequiredArgument => format!("brakuje wymaganego argumentu: {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "brakuje polecenia".to_string()
        }
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} potrzebuje wartości"),
        ErrorKind::InvalidValue => match get(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
            Some(valid) => format!("„{value}” to nie jest wartość dla {arg}; możliwe: {valid}"),
            None => format!("„{value}” to nie jest wartość dla {arg}"),
        },
        ErrorKind::ValueValidation => {
            // A range check's reason is clap's "0 is not in 1..=10000": the
            // range alone, which reads the same in Polish.
            let text = e.to_string();
            let range = text
                .split_once(" is not in ")
                .map(|(_, r)| r.lines().next().unwrap_or_default().trim())
                .and_then(|r| r.split_once("..="))
                .filter(|(a, b)| {
                    !a.is_empty()
                        && a.bytes().all(|c| c.is_ascii_digit())
                        && b.bytes().all(|c| c.is_ascii_digit())
                })
                .map(|(a, b)| format!(" (dozwolone: od {a} do {b})"))
                .unwrap_or_default();
            format!("„{value}” to nie jest poprawna wartość dla {arg}{range}")
        }
        ErrorKind::UnknownArgument => format!("nieznany argument „{arg}”"),
        ErrorKind::InvalidSubcommand => format!(
            "nieznane polecenie „{}”",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => format!(
            "{arg} nie może być użyty razem z {}",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("zła liczba wartości dla {arg}")
        }
        ErrorKind::NoEquals => format!("{arg} wymaga wartości po znaku „=”"),
        ErrorKind::InvalidUtf8 => "argument nie jest poprawnym tekstem UTF-8".to_string(),
        _ => "niepoprawne wywołanie".to_string(),
    };
    let suggestion = get(ContextKind::SuggestedArg)
        .or_else(|| get(ContextKind::SuggestedSubcommand))
        .or_else(|| get(ContextKind::SuggestedValue))
        .filter(|s| !s.is_empty())
        .map(|s| format!(" (może chodziło o: {s}?)"))
        .unwrap_or_default();
    let _ = writeln!(
        std::io::stderr().lock(),
        "błąd: {what}{suggestion}\nSkładnię pokazuje `urna --help` (albo `urna POLECENIE --help`)."
    );
    ExitCode::from(2)
}
