//! `urna edition check FILE` and `urna edition import-pabulib FILES… --out FILE`.

use std::path::{Path, PathBuf};

use clap::Subcommand;

use super::out::say;
use super::{Context, Failure};
use crate::edition::{Edition, EditionError, pabulib};
use crate::i18n::{self, Lang, count};
use crate::tr;

#[derive(Debug, Subcommand)]
pub enum EditionCommand {
    /// Validate an edition file; errors point at the line
    Check {
        /// The edition file (TOML)
        file: PathBuf,
    },
    /// Build an edition from Pabulib .pb files (district files and one city-wide file)
    ImportPabulib {
        /// The Pabulib .pb files: one per district and one city-wide
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
        format!(" {}", tr!(lang, "cli-edition-sample"))
    } else {
        String::new()
    };
    tr!(
        lang,
        "cli-edition-summary",
        id = e.id.as_str(),
        name = e.name.as_str(),
        sample = sample,
        start = e.voting_start.to_string(),
        end = e.voting_end.to_string(),
        counts = counts
    )
}

fn check(lang: Lang, file: &Path) -> Result<u8, Failure> {
    match Edition::load(file) {
        Ok(e) => {
            say!(
                "{}",
                tr!(lang, "cli-edition-valid", edition = describe(lang, &e))
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
        Failure::found(tr!(
            lang,
            "cli-edition-built-does-not-load",
            error = e.describe(lang)
        ))
    })?;
    if again != edition {
        return Err(Failure::found(tr!(lang, "cli-edition-no-round-trip")));
    }
    crate::bundle::replace_atomically(out, text.as_bytes(), 0o644).map_err(|e| {
        Failure::usage(format!(
            "{}: {}",
            crate::shown::path(out),
            crate::foreign::io_error(lang, &e)
        ))
    })?;
    say!(
        "{}",
        tr!(
            lang,
            "cli-edition-wrote",
            path = out.display().to_string(),
            edition = describe(lang, &edition)
        )
    );
    Ok(0)
}
