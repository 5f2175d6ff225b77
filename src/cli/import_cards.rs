//! `urna import-cards FILE.csv`: cards typed elsewhere go through the same rules
//! and journal as cards typed at the kiosk. One result line per row, printed only
//! after that row is on disk, so a line on the screen is a card in the store.

use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::out::say;
use super::{Context, Failure};
use crate::cardcsv::{self, Row};
use crate::i18n::{self, Lang};
use crate::shown::Shown;
use crate::store::StoreError;
use crate::store::journal::{Source, format_at};
use crate::tr;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Card CSV: id,pesel,first_name,last_name,address,cast_date,district,local,citywide[,signed]
    pub file: PathBuf,
    /// One JSON object per line instead of text
    #[arg(long)]
    pub json: bool,
    /// The operator entering the cards (asked for the PIN; journaled as theirs)
    #[arg(long = "as", value_name = "NAME")]
    pub operator: String,
    #[command(flatten)]
    pub pin: super::PinArgs,
}

/// One result line of `--json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    row: u64,
    line: u64,
    /// The card id in this store, `null` for a rejected row.
    id: Option<&'a str>,
    /// The row's own `id` column, masked if it could be personal data.
    source_id: Shown,
    status: &'static str,
    reasons: Vec<&'static str>,
    error: Option<String>,
    /// Cards already in this store with the same PESEL.
    same_pesel: Vec<&'a str>,
}

#[derive(Default)]
struct Tally {
    valid: u64,
    invalid: u64,
    rejected: u64,
    flagged: u64,
}

pub fn run(ctx: &Context, args: ImportArgs) -> Result<u8, Failure> {
    let lang = ctx.lang;
    let mut store = ctx.open_for_change(&args.operator, args.pin.pin_stdin)?;
    let rows = cardcsv::read(&args.file, &store.edition().ballot)
        .map_err(|e| Failure::usage(e.describe(lang)))?;
    // Journaled and printed with control characters escaped.
    let file_name = crate::shown::escape_controls(
        &args
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
    );
    let mut tally = Tally::default();
    for Row {
        row,
        line,
        id,
        card,
    } in rows
    {
        let source = Source::Csv {
            file: file_name.clone(),
            line,
            id: (!id.is_empty()).then(|| id.clone()),
        };
        let mut out = JsonLine {
            row,
            line,
            id: None,
            source_id: Shown::new(&id),
            status: "rejected",
            reasons: Vec::new(),
            error: None,
            same_pesel: Vec::new(),
        };
        let saved = match card {
            Err(problem) => {
                tracing::debug!(row, line, problem = %problem.describe(Lang::En), "row rejected");
                out.error = Some(problem.describe(lang));
                None
            }
            Ok(card) => match store.enter_card(card, &args.operator, source) {
                Ok(saved) => Some(saved),
                Err(StoreError::DuplicateSource { card_id, .. }) => {
                    let id = &out.source_id;
                    out.error = Some(tr!(
                        lang,
                        "cli-import-duplicate-row",
                        id = id.to_string(),
                        card = card_id
                    ));
                    None
                }
                Err(e) => {
                    let e = e.describe(lang);
                    return Err(Failure::found(tr!(
                        lang,
                        "cli-import-stopped",
                        row = row,
                        line = line,
                        error = e
                    )));
                }
            },
        };
        let same: Vec<String>;
        if let Some(saved) = &saved {
            out.status = if saved.assessment.is_valid() {
                tally.valid += 1;
                "valid"
            } else {
                tally.invalid += 1;
                "invalid"
            };
            out.reasons = saved.assessment.reasons.iter().map(|r| r.code()).collect();
            same = saved.same_pesel.iter().map(|p| p.card_id.clone()).collect();
            out.same_pesel = same.iter().map(String::as_str).collect();
            out.id = Some(&saved.card_id);
            tally.flagged += u64::from(!saved.same_pesel.is_empty());
        } else {
            tally.rejected += 1;
        }
        let text = if args.json {
            serde_json::to_string(&out).unwrap_or_default()
        } else {
            text_line(lang, &out, saved.as_ref())
        };
        // A closed stdout must not stop the import: every row is in the store.
        say!("{text}");
    }
    tracing::info!(
        file = %file_name,
        valid = tally.valid,
        invalid = tally.invalid,
        rejected = tally.rejected,
        "import-cards finished"
    );
    summary(lang, &tally, args.json);
    Ok(if tally.invalid + tally.rejected > 0 {
        1
    } else {
        0
    })
}

fn text_line(lang: Lang, out: &JsonLine<'_>, saved: Option<&crate::store::Saved>) -> String {
    let (row, line) = (out.row, out.line);
    let Some(saved) = saved else {
        return tr!(
            lang,
            "cli-import-row-rejected",
            row = row,
            line = line,
            error = out.error.as_deref().unwrap_or_default()
        );
    };
    let card = saved.card_id.as_str();
    let mut s = if saved.assessment.is_valid() {
        tr!(
            lang,
            "cli-import-row-valid",
            row = row,
            line = line,
            card = card
        )
    } else {
        let reasons: Vec<String> = saved
            .assessment
            .reasons
            .iter()
            .map(|r| format!("{} ({})", r.code(), i18n::reason(lang, *r)))
            .collect();
        tr!(
            lang,
            "cli-import-row-invalid",
            row = row,
            line = line,
            card = card,
            reasons = reasons.join(", ")
        )
    };
    for p in &saved.same_pesel {
        let at = format_at(&p.at, "%Y-%m-%d %H:%M");
        s.push_str("\n    ");
        s.push_str(&tr!(
            lang,
            "cli-import-same-pesel",
            card = p.card_id.as_str(),
            operator = p.operator.as_str(),
            at = at
        ));
    }
    s
}

fn summary(lang: Lang, tally: &Tally, json: bool) {
    let stored = tally.valid + tally.invalid;
    let rows = stored + tally.rejected;
    if json {
        let line = serde_json::json!({
            "summary": {
                "rows": rows,
                "stored": stored,
                "valid": tally.valid,
                "invalid": tally.invalid,
                "rejected": tally.rejected,
                "same_pesel": tally.flagged,
            }
        });
        say!("{line}");
        return;
    }
    let flagged = if tally.flagged > 0 {
        tr!(lang, "cli-import-summary-same-pesel", cards = tally.flagged)
    } else {
        String::new()
    };
    say!(
        "{}",
        tr!(
            lang,
            "cli-import-summary",
            rows = rows,
            stored = stored,
            valid = tally.valid,
            invalid = tally.invalid,
            rejected = tally.rejected,
            same_pesel = flagged
        )
    );
}
