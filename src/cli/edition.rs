//! `urna edition check FILE` and `urna edition import-pabulib FILES… --out FILE`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::out::say;
use super::{Context, Failure};
use crate::edition::{Edition, EditionError, pabulib};
use crate::i18n::{self, Lang, count, t};

#[derive(Debug, Subcommand)]
pub enum EditionCommand {
    /// Validate an edition file; errors point at the line
    Check { file: PathBuf },
    /// Build an edition from Pabulib .pb files (district files and one city-wide file)
    ImportPabulib {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the edition TOML
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Minimum voter age (Pabulib files do not say)
        #[arg(long, default_value_t = 16)]
        min_age: u32,
    },
}

pub fn run(ctx: &Context, cmd: EditionCommand) -> Result<u8, Failure> {
    match cmd {
        EditionCommand::Check { file } => check(ctx.lang, &file),
        EditionCommand::ImportPabulib {
            files,
            out,
            min_age,
        } => import(ctx.lang, &files, &out, min_age),
    }
}

fn describe(lang: Lang, e: &Edition) -> String {
    let local: usize = e.districts.iter().map(|d| d.list.projects.len()).sum();
    let counts = format!(
        "{}, {}, {}",
        count(lang, e.districts.len() as u64, &i18n::DISTRICT),
        count(lang, local as u64, &i18n::LOCAL_PROJECT),
        count(
            lang,
            e.citywide.projects.len() as u64,
            &i18n::CITYWIDE_PROJECT
        )
    );
    let sample = if e.sample {
        t(lang, " (projekty przykładowe)", " (sample projects)")
    } else {
        ""
    };
    match lang {
        Lang::Pl | Lang::Uk => format!(
            "{} „{}”{sample}: głosowanie {} – {}, {counts}",
            e.id, e.name, e.voting_start, e.voting_end
        ),
        Lang::En => format!(
            "{} \"{}\"{sample}: voting {} – {}, {counts}",
            e.id, e.name, e.voting_start, e.voting_end
        ),
    }
}

fn check(lang: Lang, file: &Path) -> Result<u8, Failure> {
    match Edition::load(file) {
        Ok(e) => {
            say!(
                "{}: {}",
                match lang {
                    Lang::Pl | Lang::Uk => "Poprawna",
                    Lang::En => "Valid",
                },
                describe(lang, &e)
            );
            Ok(0)
        }
        Err(e @ EditionError::Io { .. }) => Err(Failure::usage(e.describe(lang))),
        Err(e) => Err(Failure::found(e.describe(lang))),
    }
}

fn import(lang: Lang, files: &[PathBuf], out: &Path, min_age: u32) -> Result<u8, Failure> {
    let edition = pabulib::import(files, min_age).map_err(|e| Failure::usage(e.describe(lang)))?;
    let text = format!(
        "# Built by `urna edition import-pabulib` from {} Pabulib file(s).\n{}",
        files.len(),
        edition.to_toml()
    );
    // The file must read back as the same edition before it is written.
    let again = Edition::parse(&text, &out.display().to_string()).map_err(|e| {
        Failure::found(match lang {
            Lang::Pl | Lang::Uk => format!(
                "błąd wewnętrzny: zbudowana edycja się nie wczytuje: {}",
                e.describe(lang)
            ),
            Lang::En => format!(
                "internal: the built edition does not load: {}",
                e.describe(lang)
            ),
        })
    })?;
    if again != edition {
        return Err(Failure::found(crate::i18n::t(
            lang,
            "błąd wewnętrzny: zbudowana edycja nie odczytuje się tak samo",
            "internal: the built edition does not round-trip",
        )));
    }
    crate::bundle::replace_atomically(out, text.as_bytes(), 0o644).map_err(|e| {
        Failure::usage(format!(
            "{}: {}",
            crate::shown::path(out),
            crate::foreign::io_error(lang, &e)
        ))
    })?;
    say!(
        "{} {}: {}",
        match lang {
            Lang::Pl | Lang::Uk => "Zapisano",
            Lang::En => "Wrote",
        },
        out.display(),
        describe(lang, &edition)
    );
    Ok(0)
}
