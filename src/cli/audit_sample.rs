//! `urna tally audit-sample` and `urna tally audit-record`: the office's
//! audit of typed cards against their paper (docs/audit-sample.md).

use std::path::PathBuf;

use clap::{ArgGroup, Args, ValueEnum};

use super::Failure;
use super::out::say;
use crate::i18n::{self, Lang};
use crate::tally::paper;
use crate::tally::sample::{self, PaperCard};
use crate::tally::store::Tally;
use crate::tr;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SampleFormat {
    Text,
    Json,
    Csv,
}

#[derive(Debug, Args)]
pub struct SampleArgs {
    /// The seed announced in public (e.g. dice rolled at an open session),
    /// taken byte for byte
    #[arg(long, value_name = "SEED", required_unless_present = "all_ids")]
    seed: Option<String>,
    /// How many paper cards to draw
    #[arg(long, value_name = "N", required_unless_present = "all_ids")]
    count: Option<u64>,
    /// Draw only from this point's cards
    #[arg(long, value_name = "ID", conflicts_with = "all_ids")]
    point: Option<String>,
    /// Who draws (an office worker's name; journaled)
    #[arg(long = "as", value_name = "NAME", required_unless_present = "all_ids")]
    operator: Option<String>,
    /// What to write the sample as
    #[arg(long, value_enum, default_value = "text", conflicts_with = "all_ids")]
    format: SampleFormat,
    /// Write the population instead (`point,card_id`, every card the draw
    /// is made from), for an observer to re-draw the sample
    #[arg(long, conflicts_with_all = ["seed", "count", "operator"])]
    all_ids: bool,
    /// The file to write; without it, standard output
    #[arg(long, value_name = "PATH")]
    out: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("paper").required(true).args(["matches", "differs"])))]
pub struct RecordArgs {
    /// The card's id as `audit-sample` lists it (e.g. P01-000042)
    #[arg(value_name = "CARD")]
    card: String,
    /// The paper shows what was typed
    #[arg(long)]
    matches: bool,
    /// The fields in which the paper differs from what was typed (first_name,
    /// last_name, address, pesel, signed, district, local.1…, citywide.1…, cast_date)
    #[arg(long, value_name = "FIELD", num_args = 1.., value_delimiter = ',')]
    differs: Vec<String>,
    /// Who compared the card with its paper (journaled)
    #[arg(long = "as", value_name = "NAME")]
    operator: String,
    /// Record a card already recorded: the new record replaces the earlier
    /// one, which stays in the journal
    #[arg(long)]
    again: bool,
}

/// `tally audit-sample`.
pub fn run_sample(lang: Lang, tally: &mut Tally, args: SampleArgs) -> Result<u8, Failure> {
    if args.all_ids {
        let all = sample::population(tally).map_err(|e| Failure::found(e.describe(lang)))?;
        super::tally::write_out(lang, args.out.as_deref(), &sample::ids_csv(&all), 0o644)?;
        return Ok(0);
    }
    let (Some(seed), Some(count), Some(operator)) = (args.seed, args.count, args.operator) else {
        return Err(Failure::usage(tr!(lang, "tally-sample-needs-args")));
    };
    let draw = paper::draw(tally, &seed, count, args.point.as_deref(), &operator)
        .map_err(|e| Failure::usage(e.describe(lang)))?;
    let text = match args.format {
        SampleFormat::Text => text(lang, &seed, count, args.point.as_deref(), &draw),
        SampleFormat::Csv => csv(&draw.cards),
        SampleFormat::Json => {
            let v = serde_json::json!({
                "seed": seed,
                "count": count,
                "point": args.point,
                "population": draw.population,
                "population_sha256": draw.population_sha256,
                "decision": draw.decision,
                "already_drawn": draw.already,
                "cards": draw.cards,
            });
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
    };
    // Card ids, points and bundles: nothing personal.
    super::tally::write_out(lang, args.out.as_deref(), &text, 0o644)?;
    Ok(0)
}

fn text(lang: Lang, seed: &str, count: u64, point: Option<&str>, d: &paper::Draw) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        tr!(
            lang,
            "tally-sample-head",
            seed = crate::shown::escape_controls(seed),
            point = match point {
                Some(p) => tr!(lang, "tally-sample-head-point", point = p),
                None => String::new(),
            },
            cards = i18n::count(lang, d.cards.len() as u64, &i18n::CARD_ACC),
            population = d.population.to_string(),
            decision = d.decision.to_string(),
            already = if d.already { "yes" } else { "no" }
        )
    );
    if count > d.population {
        let _ = writeln!(
            s,
            "{}",
            tr!(
                lang,
                "tally-sample-fewer",
                count = count.to_string(),
                population = i18n::count(lang, d.population, &i18n::CARD_ACC)
            )
        );
    }
    let _ = writeln!(
        s,
        "{}",
        tr!(
            lang,
            "tally-sample-population",
            sha256 = d.population_sha256.as_str()
        )
    );
    for (i, c) in d.cards.iter().enumerate() {
        let name = c
            .point_name
            .as_deref()
            .map(|n| format!(" ({})", crate::shown::escape_controls(n)))
            .unwrap_or_default();
        let _ = writeln!(
            s,
            "{:>5}. {}",
            i + 1,
            tr!(
                lang,
                "tally-sample-card",
                point = c.point.as_str(),
                name = name,
                number = c.number.to_string(),
                card = c.card_id.as_str(),
                bundle = crate::shown::escape_controls(&c.bundle),
                sequence = c.bundle_sequence.to_string()
            )
        );
    }
    s
}

fn csv(cards: &[PaperCard]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "order",
        "point",
        "point_name",
        "card_number",
        "card_id",
        "bundle",
        "bundle_sequence",
    ]);
    for (i, c) in cards.iter().enumerate() {
        let _ = w.write_record([
            (i + 1).to_string(),
            c.point.clone(),
            c.point_name.clone().unwrap_or_default(),
            c.number.to_string(),
            c.card_id.clone(),
            c.bundle.clone(),
            c.bundle_sequence.to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// `tally audit-record`.
pub fn run_record(lang: Lang, tally: &mut Tally, args: RecordArgs) -> Result<u8, Failure> {
    let (n, differs) = paper::record(tally, &args.card, &args.differs, &args.operator, args.again)
        .map_err(|e| Failure::usage(e.describe(lang)))?;
    let what = paper::verdict(lang, &differs);
    say!(
        "{}",
        tr!(
            lang,
            "tally-record-done",
            decision = n.to_string(),
            card = args.card.as_str(),
            verdict = what
        )
    );
    Ok(0)
}
