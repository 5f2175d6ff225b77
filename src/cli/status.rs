//! `urna status` (counts) and `urna check` (the store verifies itself).

use clap::Args;
use fluent_bundle::FluentValue;

use super::out::say;
use super::{Context, Failure};
use crate::card::Reason;
use crate::i18n::{self, ENTRY, Lang, count};
use crate::store::stats;
use crate::tr;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print the counts as one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: StatusArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let mut store = ctx.open_store()?;
    // The counts are read all the same (what the office asks for when it
    // investigates), and then said to be from a damaged store.
    let damaged = match store.ensure_sound() {
        Err(crate::store::StoreError::Damaged(problems)) => problems,
        Err(e) => return Err(ctx.store_failure(e)),
        Ok(()) => Vec::new(),
    };
    let s = store.status().map_err(|e| ctx.store_failure(e))?;
    let entries = store.entries().map_err(|e| ctx.store_failure(e))?;
    let verification = stats::verification_totals(&entries);
    if args.json {
        // The counts, then the operators' statistics and the verification
        // totals (docs/verification.md).
        let mut json = serde_json::to_value(&s).unwrap_or_default();
        if let Some(map) = json.as_object_mut() {
            map.insert(
                "operator_stats".into(),
                serde_json::to_value(stats::operator_stats(&entries)).unwrap_or_default(),
            );
            map.insert(
                "verification".into(),
                serde_json::to_value(verification).unwrap_or_default(),
            );
        }
        if let Some(map) = json.as_object_mut() {
            map.insert("damaged".into(), (!damaged.is_empty()).into());
        }
        say!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
        return damaged_counts(lang, &damaged);
    }
    let p = store.point();
    let (id, name) = (p.id.as_str(), p.name.as_str());
    let edition = s.edition.as_str();
    let point = if p.training {
        tr!(
            lang,
            "cli-status-point-training",
            point = id,
            name = name,
            edition = edition
        )
    } else {
        tr!(
            lang,
            "cli-status-point",
            point = id,
            name = name,
            edition = edition
        )
    };
    say!("{point}");
    say!(
        "{}",
        tr!(
            lang,
            "cli-status-cards",
            cards = s.cards,
            valid = s.valid,
            invalid = s.invalid,
            voided = s.voided,
            amended = s.amended,
            flagged = s.flagged
        )
    );
    if !s.invalid_by_reason.is_empty() {
        say!("{}", tr!(lang, "cli-status-invalid-by-reason"));
        for (code, n) in &s.invalid_by_reason {
            let words = code
                .parse::<Reason>()
                .map(|r| i18n::reason(lang, r))
                .unwrap_or_default();
            say!("  {code:<26} {n:>6}  {words}");
        }
    }
    if !s.by_operator.is_empty() {
        say!("{}", tr!(lang, "cli-status-by-operator"));
        for (op, n) in &s.by_operator {
            say!("  {op:<26} {n:>6}");
        }
    }
    say!(
        "{}",
        tr!(
            lang,
            "cli-status-verification",
            cards = verification.cards_verified,
            keyer = verification.keyer_errors,
            verifier = verification.verifier_errors
        )
    );
    let journal = journal(lang, s.journal_entries, &s.head_hash);
    say!("{}", i18n::lookup(lang, "cli-status-journal", &journal));
    damaged_counts(lang, &damaged)
}

/// Exit 0, or 1 with what the full check found when the counts were read
/// from a damaged store.
fn damaged_counts(lang: Lang, problems: &[crate::store::check::Problem]) -> Result<u8, Failure> {
    if problems.is_empty() {
        return Ok(0);
    }
    Err(Failure::found(format!(
        "{}\n{}",
        tr!(lang, "cli-status-damaged"),
        super::damaged_text(lang, problems)
    )))
}

pub fn check(ctx: &Context) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match store.check() {
        Ok(report) => {
            let journal = journal(lang, report.entries, &report.head_hash);
            say!("{}", i18n::lookup(lang, "cli-check-ok", &journal));
            Ok(0)
        }
        Err(crate::store::StoreError::Damaged(problems)) => {
            Err(Failure::found(super::damaged_text(lang, &problems)))
        }
        Err(e) => Err(Failure::found(tr!(
            lang,
            "cli-check-damaged",
            error = e.describe(lang)
        ))),
    }
}

/// What `cli-status-journal` and `cli-check-ok` say of the journal: its
/// entries, counted, and its head hash.
fn journal(lang: Lang, entries: u64, head: &str) -> [(&'static str, FluentValue<'static>); 2] {
    [
        ("entries", i18n::arg(count(lang, entries, &ENTRY))),
        ("head", i18n::arg(head.to_string())),
    ]
}
