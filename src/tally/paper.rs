//! Drawing a sample and recording what each drawn card's paper showed, as
//! the office's journaled decisions, and what the audit says of them: the
//! samples, the cards checked, those that differ and in which fields, and
//! the estimated keying error rate with its exact 95 % upper bound
//! ([`super::bound`]). The draw itself is [`super::sample`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;

use crate::i18n::{self, Forms, Lang};
use crate::tr;

use super::bound::upper_bound;
use super::sample::{self, Checked, Drawn, PaperCard};
use super::store::{Decision, DecisionRecord, Result, Tally, words};

/// The confidence of the upper bound.
pub const CONFIDENCE: f64 = 0.95;

/// The longest seed and operator name taken, in characters.
const MAX_TEXT: usize = 200;

const SAMPLE: Forms = Forms { id: "count-sample" };

/// "pole" after "z" (out of): z 1 pola, z 17 pól, z 22 pól.
const FIELD_OF: Forms = Forms {
    id: "count-field-of",
};

/// A seed or an operator name as the journal may keep it: not empty, no
/// control character, not too long, and (a name) no run of digits like a
/// PESEL. `what` names the option in messages.
fn check_text(value: &str, what: &str, name: bool) -> Result<()> {
    if value.trim().is_empty() {
        return Err(words({
            let what = what.to_string();
            move |lang| crate::tr!(lang, "tally-paper-empty", what = what.as_str())
        }));
    }
    if value.chars().any(char::is_control) {
        return Err(words({
            let what = what.to_string();
            move |lang| crate::tr!(lang, "tally-paper-control", what = what.as_str())
        }));
    }
    // Characters that show as nothing or turn the text around: a seed that
    // looks like the announced one but draws another list.
    if value.chars().any(|c| {
        matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}')
    }) {
        return Err(words({
            let what = what.to_string();
            move |lang| crate::tr!(lang, "tally-paper-invisible", what = what.as_str())
        }));
    }
    if value.chars().count() > MAX_TEXT {
        return Err(words({
            let max_text = MAX_TEXT.to_string();
            let what = what.to_string();
            move |lang| {
                crate::tr!(
                    lang,
                    "tally-paper-too-long",
                    max_text = max_text.as_str(),
                    what = what.as_str()
                )
            }
        }));
    }
    if !name && value.trim() != value {
        return Err(words({
            let what = what.to_string();
            move |lang| crate::tr!(lang, "tally-paper-spaces", what = what.as_str())
        }));
    }
    if name && crate::shown::could_hold_a_pesel(value) {
        return Err(words({
            let what = what.to_string();
            move |lang| crate::tr!(lang, "tally-paper-pesel-like", what = what.as_str())
        }));
    }
    Ok(())
}

/// A drawn sample: the cards, and its decision.
#[derive(Debug, Clone)]
pub struct Draw {
    pub cards: Vec<PaperCard>,
    /// Cards the draw was made from (after the point filter).
    pub population: u64,
    pub population_sha256: String,
    /// The decision that journals it.
    pub decision: u64,
    /// The very same sample had been journaled before (not journaled again).
    pub already: bool,
}

/// Draws `count` cards with `seed` (of `point` only, if given) and journals
/// the draw, unless the same draw of the same population is journaled.
pub fn draw(
    tally: &mut Tally,
    seed: &str,
    count: u64,
    point: Option<&str>,
    operator: &str,
) -> Result<Draw> {
    check_text(seed, "--seed", false)?;
    check_text(operator, "--as", true)?;
    if count == 0 {
        return Err(words(|lang| crate::tr!(lang, "tally-paper-count-zero")));
    }
    if let Some(p) = point
        && !tally.points()?.iter().any(|q| q == p)
    {
        let shown = crate::shown::Shown::new(p);
        return Err(words({
            let shown = shown.to_string();
            move |lang| crate::tr!(lang, "tally-paper-unknown-point", shown = shown.as_str())
        }));
    }
    let all = sample::population(tally)?;
    let population_sha256 = sample::ids_sha256(&all);
    let cards: Vec<PaperCard> = sample::draw(&all, seed, count, point)
        .into_iter()
        .cloned()
        .collect();
    let population = all
        .iter()
        .filter(|c| point.is_none_or(|p| c.point == p))
        .count() as u64;
    if population == 0 {
        return Err(match point {
            Some(p) => words({
                let p = p.to_string();
                move |lang| crate::tr!(lang, "tally-paper-no-cards-point", p = p.as_str())
            }),
            None => words(|lang| crate::tr!(lang, "tally-paper-no-cards")),
        });
    }
    let drawn = Drawn {
        seed: seed.to_string(),
        count,
        point: point.map(str::to_string),
        population,
        population_sha256: population_sha256.clone(),
        cards: cards.iter().map(|c| c.card_id.clone()).collect(),
        operator: operator.trim().to_string(),
    };
    let before = tally.decisions()?.into_iter().enumerate().find(|(_, d)| {
        matches!(&d.decision, Decision::AuditSample(s)
            if s.seed == drawn.seed && s.count == drawn.count && s.point == drawn.point
                && s.population_sha256 == drawn.population_sha256)
    });
    let (decision, already) = match before {
        Some((i, _)) => (i as u64 + 1, true),
        None => (
            tally.append_decision(Decision::AuditSample(drawn))? as u64,
            false,
        ),
    };
    tracing::info!(decision, count, population, "paper audit sample drawn");
    Ok(Draw {
        cards,
        population,
        population_sha256,
        decision,
        already,
    })
}

/// A card id as a message may show it: as typed if it has a card id's
/// shape, masked if it could be personal data.
pub(crate) fn shown_card(card: &str) -> String {
    if crate::store::valid_point_id(card) && !crate::shown::could_hold_a_pesel(card) {
        card.to_string()
    } else {
        crate::shown::Shown::new(card).to_string()
    }
}

/// An unknown field name as a message may show it: as typed if it looks
/// like a field's name (ASCII, lower case, a known field's start), masked
/// otherwise (someone may have typed what the paper says).
fn shown_field(name: &str) -> String {
    const STARTS: [&str; 9] = [
        "local", "citywide", "first", "last", "addr", "pes", "sign", "distr", "cast",
    ];
    let plain = name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_');
    if plain && STARTS.iter().any(|s| name.starts_with(s)) {
        name.to_string()
    } else {
        crate::shown::Shown::new(name).to_string()
    }
}

/// Records what a drawn card's paper showed: `differs` empty when it
/// matches. A card not in the office, or not drawn in any sample, is
/// refused; so is a card already recorded, unless `again` (the new record
/// supersedes the old one, which stays in the journal). Returns the
/// decision's number and the fields, in the card's order.
pub fn record(
    tally: &mut Tally,
    card: &str,
    differs: &[String],
    operator: &str,
    again: bool,
) -> Result<(u64, Vec<String>)> {
    check_text(operator, "--as", true)?;
    let differs = sample::parse_fields(tally.edition(), differs).map_err(|f| {
        let all = sample::fields(tally.edition()).join(", ");
        let f = shown_field(&f);
        words({
            let all = all.to_string();
            let f = f.to_string();
            move |lang| {
                crate::tr!(
                    lang,
                    "tally-paper-unknown-field",
                    all = all.as_str(),
                    f = f.as_str()
                )
            }
        })
    })?;
    let point = super::store::point_of_card(tally.conn(), card)?;
    let shown = shown_card(card);
    let Some(point) = point else {
        return Err(words({
            let shown = shown.to_string();
            move |lang| crate::tr!(lang, "tally-paper-no-such-card", shown = shown.as_str())
        }));
    };
    let decisions = tally.decisions()?;
    let state = State::of(&decisions);
    if !state.drawn.contains(card) {
        return Err(words({
            let shown = shown.to_string();
            move |lang| crate::tr!(lang, "tally-paper-not-drawn", shown = shown.as_str())
        }));
    }
    let supersedes = state.latest.get(card).map(|(n, _)| *n);
    if let (Some(n), false) = (supersedes, again) {
        return Err(words({
            let n = n.to_string();
            let shown = shown.to_string();
            move |lang| {
                crate::tr!(
                    lang,
                    "tally-paper-already-recorded",
                    n = n.as_str(),
                    shown = shown.as_str()
                )
            }
        }));
    }
    let n = tally.append_decision(Decision::AuditRecord(Checked {
        card_id: card.to_string(),
        point,
        differs: differs.clone(),
        operator: operator.trim().to_string(),
        supersedes,
    }))? as u64;
    tracing::info!(decision = n, fields = differs.len(), "paper audit record");
    Ok((n, differs))
}

/// What the decisions say so far: every card drawn, and each card's
/// standing record (its decision number and record).
struct State<'a> {
    drawn: HashSet<&'a str>,
    latest: HashMap<&'a str, (u64, &'a Checked)>,
}

impl<'a> State<'a> {
    fn of(decisions: &'a [DecisionRecord]) -> State<'a> {
        let mut drawn = HashSet::new();
        let mut latest = HashMap::new();
        for (i, d) in decisions.iter().enumerate() {
            match &d.decision {
                Decision::AuditSample(s) => drawn.extend(s.cards.iter().map(String::as_str)),
                Decision::AuditRecord(c) => {
                    latest.insert(c.card_id.as_str(), (i as u64 + 1, c));
                }
                _ => {}
            }
        }
        State { drawn, latest }
    }
}

/// A sample as the audit lists it.
#[derive(Debug, Clone, Serialize)]
pub struct SampleView {
    pub decision: u64,
    pub at: String,
    #[serde(flatten)]
    pub drawn: Drawn,
}

/// A record as the audit lists it.
#[derive(Debug, Clone, Serialize)]
pub struct RecordView {
    pub decision: u64,
    pub at: String,
    #[serde(flatten)]
    pub checked: Checked,
    /// The later record that replaced this one.
    pub superseded_by: Option<u64>,
}

/// An estimated rate: `k` of `n`, and its one-sided 95 % upper bound.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Estimate {
    pub found: u64,
    pub of: u64,
    pub rate: Option<f64>,
    pub upper_95: Option<f64>,
}

impl Estimate {
    pub fn new(found: u64, of: u64) -> Estimate {
        Estimate {
            found,
            of,
            rate: (of > 0).then(|| found as f64 / of as f64),
            upper_95: upper_bound(found, of, CONFIDENCE),
        }
    }
}

/// The audit against paper, as `tally audit` shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PaperAudit {
    pub samples: Vec<SampleView>,
    pub records: Vec<RecordView>,
    /// Distinct cards drawn over all samples.
    pub drawn: u64,
    /// Drawn cards with no record yet.
    pub unchecked: u64,
    /// Cards with a difference among the cards checked (each card's
    /// standing record).
    pub cards: Estimate,
    /// Fields that differ among all fields of the cards checked.
    pub fields: Estimate,
    /// Per field: how many checked cards differ in it.
    pub by_field: BTreeMap<String, u64>,
}

impl PaperAudit {
    pub fn of(tally: &Tally, decisions: &[DecisionRecord]) -> PaperAudit {
        let state = State::of(decisions);
        let mut samples = Vec::new();
        let mut records = Vec::new();
        for (i, d) in decisions.iter().enumerate() {
            let decision = i as u64 + 1;
            match &d.decision {
                Decision::AuditSample(s) => samples.push(SampleView {
                    decision,
                    at: d.at.clone(),
                    drawn: s.clone(),
                }),
                Decision::AuditRecord(c) => records.push(RecordView {
                    decision,
                    at: d.at.clone(),
                    checked: c.clone(),
                    superseded_by: state
                        .latest
                        .get(c.card_id.as_str())
                        .map(|(n, _)| *n)
                        .filter(|n| *n != decision),
                }),
                _ => {}
            }
        }
        let per_card = sample::fields(tally.edition()).len() as u64;
        let checked = state.latest.len() as u64;
        let differing = state
            .latest
            .values()
            .filter(|(_, c)| !c.differs.is_empty())
            .count() as u64;
        let mut by_field = BTreeMap::new();
        for (_, c) in state.latest.values() {
            for f in &c.differs {
                *by_field.entry(f.clone()).or_insert(0) += 1;
            }
        }
        let field_differences = by_field.values().sum();
        PaperAudit {
            drawn: state.drawn.len() as u64,
            unchecked: state
                .drawn
                .iter()
                .filter(|c| !state.latest.contains_key(*c))
                .count() as u64,
            cards: Estimate::new(differing, checked),
            fields: Estimate::new(field_differences, checked * per_card),
            by_field,
            samples,
            records,
        }
    }

    /// The section of the audit for people.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = String::new();
        let n = |v: u64, f: &Forms| i18n::count(lang, v, f);
        let _ = writeln!(
            s,
            "\n{}",
            tr!(
                lang,
                "tally-paper-head",
                samples = n(self.samples.len() as u64, &SAMPLE)
            )
        );
        if self.samples.is_empty() {
            return s;
        }
        for p in &self.samples {
            let d = &p.drawn;
            let _ = writeln!(
                s,
                "  {:>4}. {}  {}",
                p.decision,
                p.at,
                tr!(
                    lang,
                    "tally-paper-sample",
                    seed = crate::shown::escape_controls(&d.seed),
                    cards = i18n::count(lang, d.cards.len() as u64, &i18n::CARD),
                    population = d.population.to_string(),
                    point = match &d.point {
                        Some(p) => tr!(lang, "tally-paper-sample-point", point = p.as_str()),
                        None => tr!(lang, "tally-paper-sample-all-points"),
                    },
                    all = if d.count > d.population { "yes" } else { "no" },
                    operator = crate::shown::escape_controls(&d.operator)
                )
            );
        }
        let _ = writeln!(
            s,
            "  {}",
            tr!(
                lang,
                "tally-paper-drawn",
                drawn = n(self.drawn, &i18n::CARD),
                unchecked = n(self.unchecked, &i18n::CARD)
            )
        );
        let c = &self.cards;
        let _ = writeln!(
            s,
            "  {}",
            tr!(
                lang,
                "tally-paper-checked",
                checked = n(c.of, &i18n::CARD),
                found = n(c.found, &i18n::CARD)
            )
        );
        if c.of > 0 {
            let _ = writeln!(
                s,
                "  {}",
                tr!(
                    lang,
                    "tally-paper-card-rate",
                    rate = percent(lang, c.rate),
                    bound = percent_up(lang, c.upper_95)
                )
            );
            let f = &self.fields;
            let _ = writeln!(
                s,
                "  {}",
                tr!(
                    lang,
                    "tally-paper-field-rate",
                    found = f.found.to_string(),
                    fields = n(f.of, &FIELD_OF),
                    rate = percent(lang, f.rate),
                    bound = percent_up(lang, f.upper_95)
                )
            );
            for (field, cards) in &self.by_field {
                let _ = writeln!(s, "        {field}: {}", n(*cards, &i18n::CARD));
            }
        }
        for r in &self.records {
            let k = &r.checked;
            let what = verdict(lang, &k.differs);
            let _ = writeln!(
                s,
                "  {:>4}. {}  {}{}",
                r.decision,
                r.at,
                tr!(
                    lang,
                    "tally-paper-record",
                    card = crate::shown::escape_controls(&k.card_id),
                    point = crate::shown::escape_controls(&k.point),
                    verdict = what,
                    operator = crate::shown::escape_controls(&k.operator)
                ),
                match r.superseded_by {
                    Some(n) => tr!(lang, "tally-paper-superseded", decision = n.to_string()),
                    None => String::new(),
                }
            );
        }
        s
    }
}

/// What a record says, in words: the card matches its paper, or differs
/// in these fields.
pub fn verdict(lang: Lang, differs: &[String]) -> String {
    if differs.is_empty() {
        tr!(lang, "tally-paper-matches")
    } else {
        tr!(lang, "tally-paper-differs", fields = differs.join(", "))
    }
}

/// A share as a percentage with one decimal: `5,8 %` in Polish, `5.8%` in
/// English; `—` when there is none.
pub fn percent(lang: Lang, share: Option<f64>) -> String {
    shown_percent(lang, share.map(|x| x * 100.0))
}

/// An upper bound as a percentage, rounded up to one decimal so that the
/// shown bound is never below the computed one (0.546 % → `0,6 %`).
pub fn percent_up(lang: Lang, share: Option<f64>) -> String {
    shown_percent(lang, share.map(|x| (x * 1000.0 - 1e-9).ceil() / 10.0))
}

fn shown_percent(lang: Lang, percent: Option<f64>) -> String {
    match percent {
        None => "—".to_string(),
        Some(v) => {
            let v = format!("{v:.1}");
            let v = match lang {
                Lang::Pl | Lang::Uk => v.replace('.', ","),
                Lang::En => v,
            };
            tr!(lang, "tally-percent", value = v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_out_of_a_number_take_the_genitive() {
        assert_eq!(i18n::count(Lang::Pl, 1, &FIELD_OF), "1 pola");
        assert_eq!(i18n::count(Lang::Pl, 22, &FIELD_OF), "22 pól");
        assert_eq!(i18n::count(Lang::Pl, 850, &FIELD_OF), "850 pól");
        assert_eq!(i18n::count(Lang::En, 17, &FIELD_OF), "17 fields");
    }

    #[test]
    fn percentages_in_both_languages() {
        assert_eq!(percent(Lang::Pl, Some(0.058155)), "5,8 %");
        assert_eq!(percent(Lang::En, Some(0.061619)), "6.2%");
        assert_eq!(percent(Lang::Pl, None), "—");
        // Bounds are never shown below what was computed.
        assert_eq!(percent_up(Lang::Pl, Some(0.058155)), "5,9 %");
        assert_eq!(percent_up(Lang::Pl, Some(0.00546)), "0,6 %");
        assert_eq!(percent_up(Lang::En, Some(0.05)), "5.0%");
    }

    #[test]
    fn an_estimate_is_the_share_and_its_bound() {
        let e = Estimate::new(2, 100);
        assert_eq!(e.rate, Some(0.02));
        assert!((e.upper_95.unwrap_or_default() - 0.061619).abs() < 1e-6);
        assert_eq!(Estimate::new(0, 0).rate, None);
    }

    #[test]
    fn a_field_name_is_shown_only_if_it_looks_like_one() {
        assert_eq!(shown_field("local.9"), "local.9");
        assert_eq!(shown_field("lastname"), "lastname");
        assert_eq!(shown_field("Nowak"), "N****");
        assert_eq!(shown_field("44051401359"), "440514*****");
    }

    #[test]
    fn seeds_and_names_are_checked() {
        assert!(check_text("4 2 6 1 3", "--seed", false).is_ok());
        assert!(check_text(" 4", "--seed", false).is_err());
        assert!(check_text("a\u{0}b", "--seed", false).is_err());
        assert!(check_text("", "--seed", false).is_err());
        assert!(check_text("Ewa Nowak", "--as", true).is_ok());
        assert!(check_text("Ewa 44051401359", "--as", true).is_err());
    }
}
