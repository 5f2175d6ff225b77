//! A simulated election for training the office and for the scale bench
//! (`urna tally simulate`).
//!
//! For the tally's edition and office key it writes what a real election
//! leaves on the office's desk: each polling point's kiosk key and end-of-day
//! bundle (real journals: operators, voting days, cards entered with the
//! kiosk's rules, a few amended or voided), the internet channel's card CSV,
//! and `expected.json`, the ground truth the generator knows, which
//! `urna tally results --format json` must reproduce. With
//! `--keying-errors` a share of the paper cards is typed with one field
//! wrong and left so (`keying`): `expected.json` then counts the paper, the
//! tally counts what was typed, and `paper-truth.csv` says which card
//! differs from its paper in which field, for the audit against paper.
//!
//! Everything comes from one seed through small splitmix64 streams, one per
//! person, ballot and point, so a point's bundle is made on its own (points
//! are generated in parallel, each worker holding one journal at a time) and
//! the same seed gives the same votes. Only the kiosk keys and the age
//! encryption are fresh randomness. Each point exports once, after its last
//! voting day: one cumulative bundle, sequence 1.
//!
//! Who votes: persons `0..online` on the internet, the rest in contiguous
//! ranges, one per point. A person's PESEL comes from a keyed permutation of
//! (birth date, serial, sex), so no two persons share one; about 1% of persons
//! vote a second time elsewhere, which makes every ballot of theirs
//! `multiple_votes`.
//!
//! The parts: `world` (the plan of the election and how a card is filled),
//! `people` (names, addresses, birth dates), `kiosk` (a point's journal and
//! bundle), `keying` (keying errors left in), `folder` (internet CSV,
//! README.txt, trust.sh), `truth` (what the tally must find) and `random`
//! (the streams).

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, FixedOffset, Months, NaiveDate, Offset, Weekday};
use serde::Serialize;

use crate::bundle::{self, Contents, Counts, PointInfo};
use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::edition::{Edition, roman};
use crate::i18n::{self, Forms, Lang};
use crate::pesel::{self, Sex};
use crate::store::journal::{Entry, Event, GENESIS, Hash, Source, chain_hash};
use crate::store::{pesel_key, signing, valid_point_id};
use crate::tr;

use super::store::{Result, Tally, TallyError, TallyFault, words};

mod folder;
mod keying;
mod kiosk;
mod people;
mod random;
mod truth;
mod world;

use folder::*;
use keying::*;
use kiosk::*;
use people::*;
use random::*;
use truth::*;
use world::*;

/// What to simulate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Persons who vote (a double voter is one person with two ballots).
    pub voters: u64,
    /// Polling points, each with its own kiosk and bundle.
    pub points: u32,
    /// Share of persons who vote on the internet, 0..=100.
    pub online_percent: u8,
    pub seed: u64,
    /// Paper cards typed with one field wrong and never corrected, in
    /// hundredths of a percent (`--keying-errors 2.5` → 250); 0: none.
    pub keying_errors_bp: u32,
    /// Share of each point's standing cards verified by another operator
    /// (`--verify PERCENT`), 0..=100; 0: none.
    pub verify_percent: u8,
}

/// What a simulation wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub out: PathBuf,
    pub persons: u64,
    pub points: u32,
    /// Paper cards typed at the points (voided ones included).
    pub cards: u64,
    /// Paper ballots that stand (cards less voided ones).
    pub paper_ballots: u64,
    pub online_ballots: u64,
    pub double_voters: u64,
    /// Standing paper cards with a defect on the paper.
    pub defective: u64,
    pub amended: u64,
    pub voided: u64,
    /// Standing paper cards typed with a field wrong (`--keying-errors`).
    pub keyed_wrong: u64,
    pub seconds: f64,
}

const PERSON_FORMS: Forms = Forms { id: "count-person" };

const POINT_FORMS: Forms = Forms {
    id: "count-polling-point",
};

const BUNDLE_FORMS: Forms = Forms { id: "count-bundle" };

const PAPER_FORMS: Forms = Forms {
    id: "count-paper-card",
};

const ONLINE_FORMS: Forms = Forms {
    id: "count-online-vote",
};

impl Summary {
    /// What to tell the person who ran it.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let n = |v: u64, f: &Forms| i18n::count(lang, v, f);
        let mut made = vec![
            tr!(
                lang,
                "tally-simulate-made",
                persons = n(self.persons, &PERSON_FORMS),
                points = n(u64::from(self.points), &POINT_FORMS),
                bundles = n(u64::from(self.points), &BUNDLE_FORMS),
                online = n(self.online_ballots, &ONLINE_FORMS)
            ),
            tr!(
                lang,
                "tally-simulate-cards",
                cards = n(self.cards, &PAPER_FORMS),
                defective = self.defective.to_string(),
                amended = self.amended.to_string(),
                voided = self.voided.to_string()
            ),
            tr!(
                lang,
                "tally-simulate-double",
                persons = n(self.double_voters, &PERSON_FORMS)
            ),
        ];
        if self.keyed_wrong > 0 {
            let cards = n(self.keyed_wrong, &PAPER_FORMS);
            made.push(tr!(lang, "tally-simulate-keyed-wrong", cards = cards));
        }
        let mut lines = vec![tr!(
            lang,
            "tally-simulate-written",
            out = self.out.display().to_string(),
            seconds = format!("{:.1}", self.seconds)
        )];
        lines.extend(made.into_iter().map(|l| format!("  {l}")));
        lines.push(tr!(lang, "tally-simulate-next"));
        lines
    }
}

/// Share of persons who vote twice.
const DOUBLE_RATE: f64 = 0.01;

/// Defects other than age, per paper card (with the underage ~2% in all).
const DEFECT_RATE: f64 = 0.0167;

/// One paper voter in this many is too young.
const UNDERAGE_EVERY: u64 = 300;

/// Paper cards typed with a mistake and amended in the evening.
const AMEND_RATE: f64 = 0.01;

/// Paper cards typed twice by mistake, the second voided in the evening.
const DUPLICATE_RATE: f64 = 0.005;

/// Persons a simulation may have (the PESEL space of the age bands holds more).
const MAX_VOTERS: u64 = 20_000_000;

/// Stream tags, so that no two uses of the seed draw the same numbers.
const PERSON: u64 = 1;

const BALLOT: u64 = 2;

const POINT: u64 = 3;

const LAYOUT: u64 = 4;

const DOUBLE: u64 = 5;

const SHUFFLE: u64 = 6;

const VERIFY: u64 = 7;

/// A write error of a CSV file the simulation makes: the I/O error as such
/// (said in the user's language), anything else as the CSV writer says it.
fn csv_write(path: &Path) -> impl Fn(csv::Error) -> TallyError + '_ {
    move |e| match e.into_kind() {
        csv::ErrorKind::Io(source) => TallyError::Io {
            path: path.to_path_buf(),
            source,
        },
        _ => TallyFault::CsvRow {
            path: crate::shown::path(path).to_string(),
        }
        .into(),
    }
}

/// A refusal of the plan (the command line's numbers against the tally's
/// edition), said from `simulate.ftl`.
fn refusal(text: impl Fn(Lang) -> String + Send + Sync + 'static) -> TallyError {
    words(text)
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> TallyError + '_ {
    move |source| TallyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What one task made: its part of the truth and, for a point, its report.
type TaskResult = Result<(Truth, Option<PointReport>, String)>;

/// Writes a simulated election for `tally`'s edition and office key into
/// `out`, which must not exist or be empty.
pub fn run(tally: &Tally, plan: &Plan, out: &Path) -> Result<Summary> {
    let began = std::time::Instant::now();
    if plan.voters == 0 {
        return Err(words(|lang| crate::tr!(lang, "tally-simulate-voters-zero")));
    }
    if plan.voters > MAX_VOTERS {
        return Err(words({
            let max_voters = MAX_VOTERS.to_string();
            move |lang| {
                crate::tr!(
                    lang,
                    "tally-simulate-voters-max",
                    max_voters = max_voters.as_str()
                )
            }
        }));
    }
    if plan.points == 0 && plan.online_percent < 100 {
        return Err(words(|lang| crate::tr!(lang, "tally-simulate-points-zero")));
    }
    if plan.online_percent > 100 {
        return Err(words(|lang| {
            crate::tr!(lang, "tally-simulate-online-percent")
        }));
    }
    if plan.keying_errors_bp > 10_000 {
        return Err(words(|lang| {
            crate::tr!(lang, "tally-simulate-keying-percent")
        }));
    }
    if plan.verify_percent > 100 {
        return Err(words(|lang| {
            crate::tr!(lang, "tally-simulate-verify-percent")
        }));
    }
    if plan.points > 99_999 {
        return Err(words(|lang| crate::tr!(lang, "tally-simulate-points-max")));
    }
    // The plan is checked against the edition before anything is written.
    let world = World::new(tally.edition(), tally.recipient(), plan)?;
    for p in &world.points {
        if !valid_point_id(&p.id) {
            return Err(TallyFault::PointId { id: p.id.clone() }.into());
        }
    }
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                let shown = crate::shown::path(out);
                return Err(words({
                    let shown = shown.to_string();
                    move |lang| crate::tr!(lang, "tally-simulate-not-empty", shown = shown.as_str())
                }));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(out)
                .map_err(io_err(out))?;
        }
        Err(e) => return Err(io_err(out)(e)),
    }
    for sub in ["keys", "usb"] {
        let d = out.join(sub);
        fs::DirBuilder::new()
            .mode(0o700)
            .create(&d)
            .map_err(io_err(&d))?;
    }

    // Task 0 is the internet file, task p + 1 point p; as many workers as
    // cores (two or more), each taking the next task.
    let tasks = world.points.len() + 1;
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8)
        .min(tasks);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<TaskResult>>> = Mutex::new((0..tasks).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let task = next.fetch_add(1, Ordering::Relaxed);
                    if task >= tasks {
                        break;
                    }
                    let result = if task == 0 {
                        simulate_internet(&world, out).map(|t| (t, None, String::new()))
                    } else {
                        simulate_point(&world, task - 1, out)
                            .map(|d| (d.truth, Some(d.report), d.paper_truth))
                    };
                    let failed = result.is_err();
                    if let Ok(mut slots) = done.lock() {
                        slots[task] = Some(result);
                    }
                    if failed {
                        // Stop handing out work; the error is reported below.
                        next.store(tasks, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let results = done
        .into_inner()
        .map_err(|_| TallyError::from(TallyFault::WorkerFailed))?;
    let mut truth = Truth::new(world.edition);
    let mut reports = Vec::with_capacity(world.points.len());
    let mut paper_truth = String::from(TRUTH_HEADER);
    for r in results {
        match r {
            Some(Ok((t, report, lines))) => {
                truth.add(&t);
                reports.extend(report);
                paper_truth.push_str(&lines);
            }
            Some(Err(e)) => return Err(e),
            None => return Err(TallyFault::WorkerStopped.into()),
        }
    }

    let e = world.edition;
    let expected = Expected {
        generator: "urna tally simulate",
        edition: e.id.clone(),
        seed: plan.seed,
        persons: world.persons,
        online_percent: plan.online_percent,
        double_voters: world.doubles.len() as u64,
        ballots: ChannelBallots {
            total: truth.total,
            points: truth.paper,
            internet: truth.online,
        },
        cards: CardFigures {
            entered: truth.cards,
            voided: truth.voided,
            amended: truth.amended,
            defective: truth.defective,
        },
        defects: reason_map(&truth.defects),
        points: reports,
        results: ExpectedResults {
            ballots: crate::tally::results::BallotCounts {
                total: truth.total,
                valid: truth.valid,
                invalid: truth.invalid,
                by_reason: reason_map(&truth.by_reason),
            },
            citywide: projects(&e.citywide, &truth.citywide),
            districts: e
                .districts
                .iter()
                .zip(&truth.districts)
                .map(|(d, c)| ExpectedDistrict {
                    number: d.number,
                    projects: projects(&d.list, c),
                })
                .collect(),
        },
    };
    let json = serde_json::to_string_pretty(&expected)
        .map_err(|_| TallyError::from(TallyFault::ExpectedUnwritable))?
        + "\n";
    let tally_dir = fs::canonicalize(tally.dir()).unwrap_or_else(|_| tally.dir().to_path_buf());
    let keyed_wrong = paper_truth
        .lines()
        .skip(1)
        .filter(|l| !l.ends_with(','))
        .count() as u64;
    let mut files = vec![
        ("expected.json", json, 0o644),
        (
            "README.txt",
            readme(&world, &tally_dir, &truth, plan),
            0o644,
        ),
        ("trust.sh", trust_script(&tally_dir), 0o755),
    ];
    if plan.keying_errors_bp > 0 {
        files.push(("paper-truth.csv", paper_truth, 0o644));
    }
    for (name, text, mode) in files {
        let path = out.join(name);
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&path)
            .map_err(io_err(&path))?;
        f.write_all(text.as_bytes()).map_err(io_err(&path))?;
    }
    tracing::info!(
        out = %out.display(),
        persons = world.persons,
        points = world.points.len(),
        ballots = truth.total,
        "election simulated"
    );
    Ok(Summary {
        out: out.to_path_buf(),
        persons: world.persons,
        points: plan.points,
        cards: truth.cards,
        paper_ballots: truth.paper,
        online_ballots: truth.online,
        double_voters: world.doubles.len() as u64,
        defective: truth.defective,
        amended: truth.amended,
        voided: truth.voided,
        keyed_wrong,
        seconds: began.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_in_the_summary() {
        let s = Summary {
            out: PathBuf::from("/tmp/x"),
            persons: 2,
            points: 5,
            cards: 22,
            paper_ballots: 21,
            online_ballots: 1,
            double_voters: 1,
            defective: 0,
            amended: 0,
            voided: 1,
            keyed_wrong: 0,
            seconds: 0.5,
        };
        let pl = s.lines(Lang::Pl).join("\n");
        assert!(
            pl.contains("2 osoby, 5 punktów (5 paczek w usb/), 1 głos internetowy"),
            "{pl}"
        );
        assert!(pl.contains("22 karty papierowe"), "{pl}");
        assert!(pl.contains("głosujący dwa razy: 1 osoba"), "{pl}");
        let en = s.lines(Lang::En).join("\n");
        assert!(
            en.contains("2 persons, 5 polling points (5 bundles in usb/), 1 internet vote"),
            "{en}"
        );
    }
}
