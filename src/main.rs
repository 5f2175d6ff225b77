#![forbid(unsafe_code)]
//! The `urna` binary: parses the command line and maps results to exit codes.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use urna::cli::{Cli, run};
use urna::i18n::t;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
