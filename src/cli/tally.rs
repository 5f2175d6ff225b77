//! `urna tally …`: the central office. Its own data dir (`--data-dir`, or the
//! platform's data dir + `/tally`).

use std::path::{Path, PathBuf};

use clap::{Subcommand, ValueEnum};

use super::{Context, Failure};
use crate::i18n::{Lang, t};
use crate::tally::results::{self, Results};
use crate::tally::store::{Imported, Tally, TallyError};

#[derive(Debug, Subcommand)]
pub enum TallyCommand {
    /// Set up the office's store and age identity; prints the recipient for the kiosks
    Init {
        #[arg(long, value_name = "FILE")]
        edition: PathBuf,
    },
    /// Trust a kiosk's public key (the file `urna key` prints) for a point
    Trust {
        #[arg(value_name = "KIOSK_PUBKEY")]
        key: PathBuf,
        #[arg(long, value_name = "ID")]
        point: String,
    },
    /// Import bundles (files or folders, searched recursively)
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Also take bundles exported for investigation from damaged kiosk stores
        #[arg(long)]
        investigation: bool,
    },
    /// Import the internet channel's votes (card CSV), all or nothing
    ImportOnline { file: PathBuf },
    /// Annul the internet votes cast on a PESEL (an account someone else registered)
    Annul {
        #[arg(value_name = "PESEL")]
        pesel: String,
        #[arg(long, value_name = "TEXT")]
        reason: String,
    },
    /// Count and publish (pabulib writes a folder: one file per list)
    Results {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Every invalid ballot and where it came from, every multiple voter,
    /// every import and the office's decisions
    Audit {
        #[arg(long, value_enum, default_value = "text")]
        format: AuditFormat,
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// Write a simulated election (kiosk keys, bundles, an internet file) for
    /// training and for the scale bench
    Simulate {
        #[arg(long, value_name = "N")]
        voters: u64,
        #[arg(long, value_name = "K")]
        points: u32,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, default_value_t = 2014)]
        seed: u64,
        /// Share of the voters who vote on the internet (0: every ballot in a bundle)
        #[arg(long, value_name = "PERCENT", default_value_t = 30,
              value_parser = clap::value_parser!(u8).range(0..=100))]
        online: u8,
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

fn failure(e: TallyError) -> Failure {
    match e {
        TallyError::NotInitialised(_) | TallyError::AlreadyInitialised(_) => {
            Failure::usage(e.to_string())
        }
        other => Failure::found(other.to_string()),
    }
}

/// Every `.urna` file under the paths, in name order.
fn bundle_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(p: &Path, out: &mut Vec<PathBuf>) {
        if p.is_dir() {
            if let Ok(entries) = std::fs::read_dir(p) {
                let mut children: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
                children.sort();
                for c in children {
                    walk(&c, out);
                }
            }
        } else if p.extension().is_some_and(|e| e == "urna") {
            out.push(p.to_path_buf());
        }
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
        } else {
            walk(p, &mut out);
        }
    }
    out
}

pub fn run(ctx: &Context, cmd: TallyCommand) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let dir = dir(ctx)?;
    match cmd {
        TallyCommand::Init { edition } => {
            let text = std::fs::read_to_string(&edition)
                .map_err(|e| Failure::usage(format!("{}: {e}", edition.display())))?;
            let (_, recipient) = Tally::create(&dir, &text).map_err(failure)?;
            println!(
                "{}",
                t(
                    lang,
                    "Biuro gotowe. Klucz (odbiorca age) do wpisania w kioskach:",
                    "Office ready. The key (age recipient) to give the kiosks:"
                )
            );
            println!("{recipient}");
            Ok(0)
        }
        TallyCommand::Trust { key, point } => {
            let mut tally = Tally::open(&dir).map_err(failure)?;
            let text = std::fs::read_to_string(&key)
                .map_err(|e| Failure::usage(format!("{}: {e}", key.display())))?;
            let id = tally
                .trust(&text, &point)
                .map_err(|e| Failure::usage(format!("{}: {e}", key.display())))?;
            println!(
                "{} {point}: {id}",
                t(lang, "Zaufany kiosk punktu", "Trusted kiosk of point")
            );
            Ok(0)
        }
        TallyCommand::Import {
            paths,
            investigation,
        } => {
            let mut tally = Tally::open(&dir).map_err(failure)?;
            tally.allow_investigation = investigation;
            let files = bundle_files(&paths);
            if files.is_empty() {
                return Err(Failure::usage(t(
                    lang,
                    "nie znaleziono plików .urna",
                    "no .urna files found",
                )));
            }
            // The bar goes to stderr and only to a terminal; each file's
            // outcome is a line on stdout either way.
            let total: u64 = files
                .iter()
                .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
                .sum();
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
                    println!("{line}");
                } else {
                    bar.println(line);
                }
            };
            let (mut accepted, mut unchanged, mut rejected) = (0u64, 0u64, 0u64);
            tally
                .import_bundles(&files, |f, outcome| {
                    bar.inc(std::fs::metadata(f).map(|m| m.len()).unwrap_or(0));
                    match outcome {
                        Ok(Imported::Added { point, entries }) => {
                            accepted += 1;
                            say(format!(
                                "{}: {} ({point}, {} {entries})",
                                f.display(),
                                t(lang, "przyjęta", "accepted"),
                                t(lang, "nowe wpisy:", "new entries:")
                            ))
                        }
                        Ok(_) => {
                            unchanged += 1;
                            say(format!(
                                "{}: {}",
                                f.display(),
                                t(
                                    lang,
                                    "już znana — nic się nie zmienia",
                                    "already known — nothing changes"
                                )
                            ))
                        }
                        Err(r) => {
                            rejected += 1;
                            say(format!(
                                "{}: {} — {r}",
                                f.display(),
                                t(lang, "ODRZUCONA", "REJECTED")
                            ));
                        }
                    }
                    bar.set_message(
                        f.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default(),
                    );
                })
                .map_err(failure)?;
            bar.finish_and_clear();
            println!(
                "{} {accepted}, {} {unchanged}, {} {rejected}",
                t(lang, "Paczki przyjęte:", "Bundles accepted:"),
                t(lang, "bez zmian:", "unchanged:"),
                t(lang, "odrzucone:", "rejected:"),
            );
            Ok(u8::from(rejected > 0))
        }
        TallyCommand::ImportOnline { file } => {
            let mut tally = Tally::open(&dir).map_err(failure)?;
            match tally.import_online(&file).map_err(failure)? {
                Ok(Imported::Online { rows }) => {
                    println!(
                        "{}: {} {rows}",
                        file.display(),
                        t(lang, "przyjęto wierszy:", "rows accepted:")
                    );
                    Ok(0)
                }
                Ok(_) => {
                    println!(
                        "{}: {}",
                        file.display(),
                        t(
                            lang,
                            "już znany — nic się nie zmienia",
                            "already known — nothing changes"
                        )
                    );
                    Ok(0)
                }
                Err(r) => {
                    println!(
                        "{}: {} — {r}",
                        file.display(),
                        t(lang, "ODRZUCONY", "REJECTED")
                    );
                    Ok(1)
                }
            }
        }
        TallyCommand::Annul { pesel, reason } => {
            let mut tally = Tally::open(&dir).map_err(failure)?;
            let (seq, touched) = tally
                .annul(&pesel, &reason)
                .map_err(|e| Failure::usage(e.to_string()))?;
            println!(
                "{} {seq}: {} {} — {}",
                t(lang, "Decyzja", "Decision"),
                t(
                    lang,
                    "unieważniono głosy internetowe z numeru PESEL",
                    "annulled the internet votes of PESEL"
                ),
                crate::pesel::mask(&pesel),
                crate::i18n::count(lang, touched, &crate::i18n::VOTE),
            );
            Ok(0)
        }
        TallyCommand::Results { format, out } => {
            let pabulib = matches!(format, Format::Pabulib);
            if pabulib && out.is_none() {
                return Err(Failure::usage(t(
                    lang,
                    "format pabulib to kilka plików: podaj folder w --out",
                    "pabulib is several files: give a folder with --out",
                )));
            }
            let tally = Tally::open(&dir).map_err(failure)?;
            // One ballot at a time: nothing per ballot is kept but what the
            // chosen output needs (the Pabulib vote lines).
            let mut counter = results::Counter::default();
            let mut turnout = crate::tally::html::Turnout::default();
            let mut votes = crate::tally::pabulib_out::Votes::default();
            tally
                .each_judged(|j| {
                    counter.add(&j.assessment);
                    match format {
                        Format::Html => turnout.add(&j),
                        Format::Pabulib => votes.add(&j),
                        _ => {}
                    }
                    Ok(())
                })
                .map_err(failure)?;
            let r = counter.finish(tally.edition());
            let text = match format {
                Format::Json => serde_json::to_string_pretty(&r).unwrap_or_default() + "\n",
                Format::Csv => csv_of(&r),
                Format::Text => text_of(lang, &r),
                Format::Html => crate::tally::html::page(lang, tally.edition(), &r, &turnout),
                Format::Pabulib => {
                    let out = out.unwrap_or_default();
                    std::fs::create_dir_all(&out)
                        .map_err(|e| Failure::usage(format!("{}: {e}", out.display())))?;
                    let files = crate::tally::pabulib_out::files(tally.edition(), &r, &votes);
                    for (name, content) in &files {
                        let path = out.join(name);
                        crate::bundle::replace_atomically(&path, content.as_bytes(), 0o644)
                            .map_err(|e| Failure::found(format!("{}: {e}", path.display())))?;
                        println!("{}", path.display());
                    }
                    return Ok(0);
                }
            };
            write_out(out.as_deref(), &text)?;
            Ok(0)
        }
        TallyCommand::Audit { format, out } => {
            let tally = Tally::open(&dir).map_err(failure)?;
            let audit = crate::tally::audit::Audit::of(&tally).map_err(failure)?;
            let text = match format {
                AuditFormat::Json => {
                    serde_json::to_string_pretty(&audit).unwrap_or_default() + "\n"
                }
                AuditFormat::Text => audit.text(lang),
            };
            write_out(out.as_deref(), &text)?;
            Ok(0)
        }
        TallyCommand::Simulate {
            voters,
            points,
            out,
            seed,
            online,
        } => {
            let tally = Tally::open(&dir).map_err(failure)?;
            let plan = crate::tally::simulate::Plan {
                voters,
                points,
                online_percent: online,
                seed,
            };
            let summary = crate::tally::simulate::run(&tally, &plan, &out).map_err(failure)?;
            for line in summary.lines(lang) {
                println!("{line}");
            }
            Ok(0)
        }
    }
}

/// Writes a report to a file (replaced whole, never half-written) or stdout.
fn write_out(out: Option<&Path>, text: &str) -> Result<(), Failure> {
    match out {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(p) => crate::bundle::replace_atomically(p, text.as_bytes(), 0o644)
            .map_err(|e| Failure::usage(format!("{}: {e}", p.display()))),
    }
}

fn csv_of(r: &Results) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "list", "district", "project", "title", "cost", "points", "voters", "rank", "selected",
    ]);
    let mut rows = |list: &str, district: String, projects: &[results::ProjectResult]| {
        for p in projects {
            let _ = w.write_record([
                list.to_string(),
                district.clone(),
                p.id.clone(),
                p.title.clone(),
                p.cost.map(|c| c.to_string()).unwrap_or_default(),
                p.points.to_string(),
                p.voters.to_string(),
                p.rank.to_string(),
                p.selected
                    .map(|s| if s { "1" } else { "0" }.to_string())
                    .unwrap_or_default(),
            ]);
        }
    };
    rows("citywide", String::new(), &r.citywide.projects);
    for d in &r.districts {
        rows("district", d.number.to_string(), &d.projects);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn text_of(lang: Lang, r: &Results) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let b = &r.ballots;
    let _ = writeln!(
        s,
        "{} {}: {} {}, {} {}, {} {}",
        t(lang, "Edycja", "Edition"),
        r.edition,
        t(lang, "kart", "ballots"),
        b.total,
        t(lang, "ważnych", "valid"),
        b.valid,
        t(lang, "nieważnych", "invalid"),
        b.invalid
    );
    for (code, n) in &b.by_reason {
        let _ = writeln!(s, "  {n:>7}  {code}");
    }
    let mut list = |title: String, projects: &[results::ProjectResult], ties: &[Vec<String>]| {
        let _ = writeln!(s, "\n{title}");
        for p in projects {
            let mark = match p.selected {
                Some(true) => t(lang, "WYBRANY", "SELECTED"),
                Some(false) => "",
                None => "",
            };
            let _ = writeln!(
                s,
                "  {:>3}. {:<10} {:>8} {} {:>7} {}  {}  {}",
                p.rank,
                p.id,
                p.points,
                t(lang, "pkt", "pts"),
                p.voters,
                t(lang, "głos.", "voters"),
                p.title,
                mark
            );
        }
        for tie in ties {
            let _ = writeln!(
                s,
                "  ! {}: {}",
                t(lang, "remis nierozstrzygnięty", "unresolved tie"),
                tie.join(", ")
            );
        }
    };
    list(
        t(lang, "Zadania ogólnomiejskie", "City-wide projects").to_string(),
        &r.citywide.projects,
        &r.citywide.ties,
    );
    for d in &r.districts {
        list(
            format!(
                "{} {} {}",
                t(lang, "Dzielnica", "District"),
                crate::edition::roman::to_roman(d.number),
                d.name
            ),
            &d.projects,
            &d.ties,
        );
    }
    s
}
