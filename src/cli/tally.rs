//! `urna tally …`: the central office. Its own data dir (`--data-dir`, or the
//! platform's data dir + `/tally`).

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::out::{say, say_part};
use super::{Context, Failure};
use crate::i18n::Lang;
use crate::tally::results;
use crate::tally::store::{Imported, Tally, TallyError};
use crate::tr;

#[derive(Debug, Subcommand)]
pub enum TallyCommand {
    /// Set up the office's store and age identity; prints the recipient for the kiosks
    Init {
        /// Edition file (TOML) the office counts, e.g. assets/editions/krakow-2014.toml
        #[arg(long, value_name = "FILE")]
        edition: PathBuf,
    },
    /// Trust a kiosk's public key (the file `urna key` prints) for a point
    Trust {
        /// The kiosk's public key file (what `urna key` prints on the kiosk)
        #[arg(value_name = "KIOSK_PUBKEY")]
        key: PathBuf,
        /// The polling point the kiosk serves, e.g. P-XI-03
        #[arg(long, value_name = "ID")]
        point: String,
    },
    /// Import bundles (files or folders, searched recursively; links are
    /// not followed). One line per file found; exit 0 if every file was
    /// accepted or already known, 1 if any was refused
    Import {
        /// Bundle files (.urna) and folders holding them
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also take bundles exported for investigation from damaged kiosk stores
        #[arg(long)]
        investigation: bool,
    },
    /// Serve the kiosks' syncs over HTTP(S): POST /v1/bundles takes a bundle
    /// as `urna export` writes it, imported as `tally import` does; GET /
    /// shows who has reported (docs/sync.md). Listens only where told
    Serve(super::serve::ServeArgs),
    /// Import the internet channel's votes (card CSV), all or nothing
    ImportOnline {
        /// The internet channel's card CSV, columns as for `urna import-cards`
        file: PathBuf,
    },
    /// Annul the internet votes cast on a PESEL (an account someone else registered)
    Annul {
        /// The PESEL whose internet votes are annulled
        #[arg(value_name = "PESEL")]
        pesel: String,
        /// Why (recorded with the annulment; no PESEL in it)
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Count and publish (pabulib writes a folder: one file per list)
    Results {
        /// What to write the results as
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// The file to write (a folder for pabulib); without it, standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Every invalid ballot and where it came from, every multiple voter,
    /// every import and the office's decisions
    Audit {
        /// What to write the audit as
        #[arg(long, value_enum, default_value = "text")]
        format: AuditFormat,
        /// The file to write; without it, standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Draw paper cards at random, reproducibly from a public seed, for the
    /// check of typed cards against their paper (docs/audit-sample.md)
    AuditSample(super::audit_sample::SampleArgs),
    /// Show a drawn card as it was typed, field by field, to compare with its paper
    AuditCard {
        /// The card's id as `audit-sample` lists it (e.g. P01-000042)
        #[arg(value_name = "CARD")]
        card: String,
    },
    /// Record what a drawn card's paper showed: --matches or --differs FIELD…
    AuditRecord(super::audit_sample::RecordArgs),
    /// Write a simulated election (kiosk keys, bundles, an internet file) for
    /// training and for the scale bench
    Simulate {
        /// How many voters
        #[arg(long, value_name = "N")]
        voters: u64,
        /// How many polling points (a kiosk each)
        #[arg(long, value_name = "K")]
        points: u32,
        /// A new folder to write the election into (empty or not there yet)
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The random draws' seed: the same seed, the same election
        #[arg(long, default_value_t = 2014)]
        seed: u64,
        /// Share of the voters who vote on the internet (0: every ballot in a bundle)
        #[arg(long, value_name = "PERCENT", default_value_t = 30,
              value_parser = clap::value_parser!(u8).range(0..=100))]
        online: u8,
        /// Share of the paper cards typed with one field wrong and never
        /// corrected, for practising the audit against paper (paper-truth.csv
        /// says which)
        #[arg(long, value_name = "PERCENT", default_value_t = 0.0)]
        keying_errors: f64,
        /// Share of each point's cards verified blind by another operator
        /// (an injected keying error found so is corrected, reason "weryfikacja")
        #[arg(long, value_name = "PERCENT", default_value_t = 0,
              value_parser = clap::value_parser!(u8).range(0..=100))]
        verify: u8,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AuditFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    Text,
    Json,
    Csv,
    Pabulib,
    Html,
}

fn dir(ctx: &Context) -> Result<PathBuf, Failure> {
    match ctx.given_data_dir() {
        Some(d) => Ok(d.to_path_buf()),
        None => Ok(ctx.data_dir()?.join("tally")),
    }
}

fn failure(lang: Lang, e: TallyError) -> Failure {
    match e {
        TallyError::NotInitialised(_) | TallyError::AlreadyInitialised(_) => {
            Failure::usage(e.describe(lang))
        }
        other => Failure::found(other.describe(lang)),
    }
}

/// What a folder walk found: the files to import (in name order) and the
/// folders it could not read.
#[derive(Default)]
struct Found {
    files: Vec<PathBuf>,
    unreadable: Vec<(PathBuf, std::io::Error)>,
}

/// Every `.urna` file under the paths, in name order, each once, and every
/// symbolic link and special file (FIFO, device, socket) met on the way:
/// the import refuses those by name without following or opening them.
/// Nothing is looked at through a link, so the walk cannot loop.
fn bundle_files(paths: &[PathBuf]) -> Found {
    use std::collections::HashSet;
    use std::os::unix::fs::MetadataExt;
    fn walk(dir: &Path, found: &mut Found, seen: &mut HashSet<(u64, u64)>) {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                found.unreadable.push((dir.to_path_buf(), e));
                return;
            }
        };
        let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        children.sort();
        for c in children {
            let Ok(meta) = std::fs::symlink_metadata(&c) else {
                found.files.push(c);
                continue;
            };
            let ft = meta.file_type();
            if ft.is_dir() {
                if seen.insert((meta.dev(), meta.ino())) {
                    walk(&c, found, seen);
                }
            } else if ft.is_file() {
                if c.extension().is_some_and(|e| e == "urna")
                    && seen.insert((meta.dev(), meta.ino()))
                {
                    found.files.push(c);
                }
            } else {
                found.files.push(c);
            }
        }
    }
    let mut found = Found::default();
    let mut seen = HashSet::new();
    for p in paths {
        match std::fs::symlink_metadata(p) {
            Ok(meta) if meta.is_dir() => {
                if seen.insert((meta.dev(), meta.ino())) {
                    walk(p, &mut found, &mut seen);
                }
            }
            Ok(meta) if meta.is_file() => {
                if seen.insert((meta.dev(), meta.ino())) {
                    found.files.push(p.clone());
                }
            }
            // Named directly: a link, a FIFO, a device or a missing file is
            // refused by the import, by name.
            _ => found.files.push(p.clone()),
        }
    }
    found
}

pub fn run(ctx: &Context, cmd: TallyCommand) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let dir = dir(ctx)?;
    match cmd {
        TallyCommand::Init { edition } => {
            let text = crate::bundle::read::read_text(
                &edition,
                crate::bundle::read::MAX_EDITION_BYTES,
                lang,
            )
            .map_err(Failure::usage)?;
            if dir.join(crate::tally::store::DB_FILE).exists() {
                return Err(failure(lang, TallyError::AlreadyInitialised(dir)));
            }
            crate::edition::Edition::parse(&text, &edition.display().to_string())
                .map_err(|e| Failure::usage(e.describe(lang)))?;
            super::init::private_data_dir(lang, &dir)?;
            let (_, recipient) = Tally::create(&dir, &text).map_err(|e| failure(lang, e))?;
            say!("{}", tr!(lang, "tally-cli-ready"));
            say!("{recipient}");
            Ok(0)
        }
        TallyCommand::Trust { key, point } => {
            let mut tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            let text =
                crate::bundle::read::read_text(&key, crate::bundle::read::MAX_KEY_BYTES, lang)
                    .map_err(Failure::usage)?;
            let id = tally.trust(&text, &point).map_err(|e| {
                Failure::usage(format!(
                    "{}: {}",
                    crate::shown::path(&key),
                    e.describe(lang)
                ))
            })?;
            say!(
                "{}",
                tr!(
                    lang,
                    "tally-cli-trusted",
                    point = point.as_str(),
                    id = id.as_str()
                )
            );
            Ok(0)
        }
        TallyCommand::Import {
            paths,
            investigation,
        } => {
            let mut tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            tally.allow_investigation = investigation;
            let Found { files, unreadable } = bundle_files(&paths);
            for (d, e) in &unreadable {
                say!(
                    "{}: {} — {}",
                    crate::shown::path(d),
                    tr!(lang, "tally-cli-cannot-read-folder"),
                    crate::foreign::io_error(lang, e)
                );
            }
            if files.is_empty() && unreadable.is_empty() {
                return Err(Failure::usage(tr!(lang, "tally-cli-no-bundles")));
            }
            // The bar goes to stderr and only to a terminal; each file's
            // outcome is a line on stdout either way.
            let size = |f: &Path| {
                std::fs::symlink_metadata(f)
                    .ok()
                    .filter(|m| m.is_file())
                    .map_or(0, |m| m.len())
            };
            let total: u64 = files.iter().map(|f| size(f)).sum();
            let bar = indicatif::ProgressBar::with_draw_target(
                Some(total),
                indicatif::ProgressDrawTarget::stderr(),
            );
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{bar:40}] {bytes}/{total_bytes} {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
            );
            let say = |line: String| {
                if bar.is_hidden() {
                    say!("{line}");
                } else {
                    bar.println(line);
                }
            };
            let (mut accepted, mut unchanged, mut rejected) = (0u64, 0u64, unreadable.len() as u64);
            tally
                .import_bundles(&files, |f, outcome| {
                    bar.inc(size(f));
                    match outcome {
                        Ok(Imported::Added { point, entries }) => {
                            accepted += 1;
                            say(format!(
                                "{}: {}",
                                crate::shown::path(f),
                                tr!(
                                    lang,
                                    "tally-cli-bundle-accepted",
                                    point = point.as_str(),
                                    entries = entries.to_string()
                                )
                            ))
                        }
                        Ok(_) => {
                            unchanged += 1;
                            say(format!(
                                "{}: {}",
                                crate::shown::path(f),
                                tr!(lang, "tally-cli-bundle-known")
                            ))
                        }
                        Err(r) => {
                            rejected += 1;
                            say(format!(
                                "{}: {} — {}",
                                crate::shown::path(f),
                                tr!(lang, "tally-cli-bundle-rejected"),
                                r.text(lang)
                            ));
                        }
                    }
                    bar.set_message(crate::shown::escape_controls(
                        &f.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                    ));
                })
                .map_err(|e| failure(lang, e))?;
            bar.finish_and_clear();
            let summary = tr!(
                lang,
                "tally-cli-import-summary",
                accepted = accepted.to_string(),
                unchanged = unchanged.to_string(),
                rejected = rejected.to_string()
            );
            say!("{summary}");
            Ok(u8::from(rejected > 0))
        }
        TallyCommand::Serve(args) => {
            // Refused at once, in words, if the store is not there.
            Tally::open(&dir).map_err(|e| failure(lang, e))?;
            super::serve::run(lang, dir, args)
        }
        TallyCommand::ImportOnline { file } => {
            let mut tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            match tally.import_online(&file).map_err(|e| failure(lang, e))? {
                Ok(Imported::Online { rows }) => {
                    say!(
                        "{}: {}",
                        crate::shown::path(&file),
                        tr!(lang, "tally-cli-rows-accepted", rows = rows.to_string())
                    );
                    Ok(0)
                }
                Ok(_) => {
                    say!(
                        "{}: {}",
                        crate::shown::path(&file),
                        tr!(lang, "tally-cli-online-known")
                    );
                    Ok(0)
                }
                Err(r) => {
                    say!(
                        "{}: {} — {}",
                        crate::shown::path(&file),
                        tr!(lang, "tally-cli-online-rejected"),
                        r.text(lang)
                    );
                    Ok(1)
                }
            }
        }
        TallyCommand::Annul { pesel, reason } => {
            let masked = crate::pesel::mask(&pesel);
            if let Err(e) = crate::pesel::Pesel::parse(&pesel) {
                return Err(Failure::usage(format!(
                    "PESEL {masked}: {}",
                    e.describe(lang)
                )));
            }
            if reason.trim().is_empty() {
                return Err(Failure::usage(tr!(lang, "tally-cli-annul-no-reason")));
            }
            if crate::shown::could_hold_a_pesel(&reason) {
                return Err(Failure::usage(tr!(lang, "tally-cli-annul-reason-pesel")));
            }
            let mut tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            let (seq, touched) = tally
                .annul(&pesel, &reason)
                .map_err(|e| Failure::usage(e.describe(lang)))?;
            let annulled = tr!(
                lang,
                "tally-cli-annulled",
                decision = seq.to_string(),
                pesel = masked.as_str(),
                votes = crate::i18n::count(lang, touched, &crate::i18n::VOTE)
            );
            say!("{annulled}");
            Ok(0)
        }
        TallyCommand::Results { format, out } => {
            let pabulib = matches!(format, Format::Pabulib);
            if pabulib && out.is_none() {
                return Err(Failure::usage(tr!(lang, "tally-cli-pabulib-needs-out")));
            }
            let tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            // One ballot at a time: nothing per ballot is kept but what the
            // chosen output needs (the Pabulib vote lines).
            let mut counter = results::Counter::new(tally.edition());
            let mut turnout = crate::tally::html::Turnout::default();
            let mut votes = crate::tally::pabulib_out::Votes::default();
            if pabulib {
                // The vote lines need each card's picks by project id.
                tally
                    .each_judged(|j| {
                        counter.add(&j.assessment);
                        votes.add(&j);
                        Ok(())
                    })
                    .map_err(|e| failure(lang, e))?;
            } else {
                // The count reads the verdicts stored at import: no JSON.
                // Turnout by point is the HTML page's alone.
                let html = matches!(format, Format::Html);
                tally
                    .each_counted(|c| {
                        counter.add_compact(c.reasons, c.district, c.local, c.citywide);
                        if html {
                            turnout.add_counted(c.point, c.reasons.is_empty());
                        }
                    })
                    .map_err(|e| failure(lang, e))?;
            }
            let r = counter.finish(tally.edition());
            let verification = crate::tally::verification::per_point(tally.conn())
                .map_err(|e| failure(lang, e))?;
            let text = match format {
                Format::Json => {
                    // Additive: the results' shape and a `verification` array.
                    let mut v = serde_json::to_value(&r).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert(
                            "verification".into(),
                            serde_json::to_value(&verification).unwrap_or_default(),
                        );
                    }
                    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
                }
                Format::Csv => crate::tally::report::csv(&r),
                Format::Text => {
                    crate::tally::report::text(lang, &r)
                        + &crate::tally::verification::text(lang, &verification)
                }
                Format::Html => crate::tally::html::page(
                    lang,
                    tally.edition(),
                    &r,
                    &turnout,
                    &crate::tally::html::PageInfo::of(&tally).map_err(|e| failure(lang, e))?,
                ),
                Format::Pabulib => {
                    let out = out.unwrap_or_default();
                    std::fs::create_dir_all(&out)
                        .map_err(|e| Failure::usage(crate::foreign::io_error_at(lang, &out, &e)))?;
                    let files = crate::tally::pabulib_out::files(tally.edition(), &r, &votes);
                    for (name, content) in &files {
                        let path = out.join(name);
                        crate::bundle::replace_atomically(&path, content.as_bytes(), 0o644)
                            .map_err(|e| {
                                Failure::found(crate::foreign::io_error_at(lang, &path, &e))
                            })?;
                        say!("{}", path.display());
                    }
                    return Ok(0);
                }
            };
            // Published: counts and project titles, nothing personal.
            write_out(lang, out.as_deref(), &text, 0o644)?;
            Ok(0)
        }
        TallyCommand::Audit { format, out } => {
            let tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            let audit = crate::tally::audit::Audit::of(&tally).map_err(|e| failure(lang, e))?;
            let text = match format {
                AuditFormat::Json => {
                    serde_json::to_string_pretty(&audit).unwrap_or_default() + "\n"
                }
                AuditFormat::Text => audit.text(lang),
            };
            // Masked PESELs and where each ballot came from: the office's only.
            write_out(lang, out.as_deref(), &text, 0o600)?;
            Ok(if audit.recount_matches { 0 } else { 1 })
        }
        TallyCommand::AuditSample(args) => {
            let mut tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            super::audit_sample::run_sample(lang, &mut tally, args)
        }
        TallyCommand::AuditCard { card } => {
            let tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            let typed = crate::tally::typed::typed(&tally, &card)
                .map_err(|e| Failure::usage(e.describe(lang)))?;
            // The voter's data as typed, for the clerk with the paper: on
            // the terminal only, never in a log.
            say_part!("{}", typed.text(lang, tally.edition()));
            Ok(0)
        }
        TallyCommand::AuditRecord(args) => {
            let mut tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            super::audit_sample::run_record(lang, &mut tally, args)
        }
        TallyCommand::Simulate {
            voters,
            points,
            out,
            seed,
            online,
            keying_errors,
            verify,
        } => {
            if !(0.0..=100.0).contains(&keying_errors) {
                return Err(Failure::usage(tr!(lang, "tally-simulate-keying-percent")));
            }
            let tally = Tally::open(&dir).map_err(|e| failure(lang, e))?;
            let plan = crate::tally::simulate::Plan {
                voters,
                points,
                online_percent: online,
                seed,
                keying_errors_bp: (keying_errors * 100.0).round() as u32,
                verify_percent: verify,
            };
            let summary =
                crate::tally::simulate::run(&tally, &plan, &out).map_err(|e| failure(lang, e))?;
            for line in summary.lines(lang) {
                say!("{line}");
            }
            Ok(0)
        }
    }
}

/// Writes a report to a file (replaced whole, never half-written) or stdout.
pub(super) fn write_out(
    lang: Lang,
    out: Option<&Path>,
    text: &str,
    mode: u32,
) -> Result<(), Failure> {
    match out {
        None => {
            say_part!("{text}");
            Ok(())
        }
        Some(p) => crate::bundle::replace_atomically(p, text.as_bytes(), mode)
            .map_err(|e| Failure::usage(crate::foreign::io_error_at(lang, p, &e))),
    }
}
