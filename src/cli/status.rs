//! `urna status` (counts) and `urna check` (the store verifies itself).

use clap::Args;

use super::out::say;
use super::{Context, Failure};
use crate::card::Reason;
use crate::i18n::{self, Lang, count, t};
use crate::store::stats;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Print the counts as one JSON object
    #[arg(long)]
    pub json: bool,
}

pub fn run(ctx: &Context, args: StatusArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
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
        say!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
        return Ok(0);
    }
    let p = store.point();
    let training = if p.training {
        t(lang, " — TRYB SZKOLENIOWY", " — TRAINING")
    } else {
        ""
    };
    say!(
        "{}: {} ({}){training}, {} {}",
        t(lang, "Punkt", "Point"),
        p.id,
        p.name,
        t(lang, "edycja", "edition"),
        s.edition
    );
    say!(
        "{}: {} — {} {}, {} {}, {} {}, {} {}, {} {}",
        t(lang, "Karty", "Cards"),
        s.cards,
        t(lang, "ważne", "valid"),
        s.valid,
        t(lang, "nieważne", "invalid"),
        s.invalid,
        t(lang, "unieważnione", "voided"),
        s.voided,
        t(lang, "poprawione", "amended"),
        s.amended,
        t(lang, "z powtórzonym PESEL-em", "with a repeated PESEL"),
        s.flagged
    );
    if !s.invalid_by_reason.is_empty() {
        say!(
            "{}:",
            t(lang, "Nieważne według powodu", "Invalid by reason")
        );
        for (code, n) in &s.invalid_by_reason {
            let words = code
                .parse::<Reason>()
                .map(|r| i18n::reason(lang, r))
                .unwrap_or_default();
            say!("  {code:<26} {n:>6}  {words}");
        }
    }
    if !s.by_operator.is_empty() {
        say!(
            "{}:",
            t(lang, "Karty według operatora", "Cards by operator")
        );
        for (op, n) in &s.by_operator {
            say!("  {op:<26} {n:>6}");
        }
    }
    say!(
        "{}: {} — {} {}, {} {}",
        t(lang, "Weryfikacja", "Verification"),
        count(lang, verification.cards_verified, &i18n::CARD),
        t(lang, "błędy pierwszego wpisania:", "first-keying errors:"),
        verification.keyer_errors,
        t(lang, "pomyłki weryfikujących:", "verifiers' slips:"),
        verification.verifier_errors
    );
    say!(
        "{}: {}, {} {}",
        t(lang, "Dziennik", "Journal"),
        count(lang, s.journal_entries, &i18n::ENTRY),
        t(lang, "skrót ostatniego", "head hash"),
        s.head_hash
    );
    Ok(0)
}

pub fn check(ctx: &Context) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match store.check() {
        Ok(report) => {
            match lang {
                Lang::Pl | Lang::Uk => say!(
                    "Magazyn w porządku: baza spójna, łańcuch dziennika nienaruszony i zapieczętowany ({}), tabele zgodne z dziennikiem, skrót ostatniego wpisu {}.",
                    count(lang, report.entries, &i18n::ENTRY),
                    report.head_hash
                ),
                Lang::En => say!(
                    "Store OK: database intact, journal chain unbroken and sealed ({}), every table agrees with it, head hash {}.",
                    count(lang, report.entries, &i18n::ENTRY),
                    report.head_hash
                ),
            }
            Ok(0)
        }
        Err(crate::store::StoreError::Damaged(problems)) => {
            Err(Failure::found(super::damaged_text(lang, &problems)))
        }
        Err(e) => Err(Failure::found(match lang {
            Lang::Pl | Lang::Uk => format!("MAGAZYN USZKODZONY: {}", e.describe(lang)),
            Lang::En => format!("STORE DAMAGED: {}", e.describe(lang)),
        })),
    }
}
