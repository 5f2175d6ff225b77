//! Keying errors nobody caught (`tally simulate --keying-errors PERCENT`):
//! a share of the paper cards typed with one field wrong and never
//! corrected, so that the office's audit against paper can be practised and
//! measured. The paper's truth of every card goes to `paper-truth.csv`
//! (`point,card_id,differs`: the field typed wrong, as `audit-record
//! --differs` names it, or nothing), and `expected.json` counts the paper.
//!
//! A keying error here never changes whether a card is valid: it is another
//! project of the same list in one rubric (a real number in place of
//! another, what no live check can see), or a letter wrong in a name or the
//! address. So the paper's verdicts are the typed ones, and only the points
//! move.

use super::*;

/// The card as typed with one field wrong, and that field's name (as
/// `tally audit-record --differs` takes it).
pub(super) fn keyed_wrong(w: &World<'_>, card: &RawCard, rng: &mut Rng) -> (RawCard, String) {
    let mut typed = card.clone();
    if rng.chance(0.6) {
        let district = w.edition.parse_district(&card.district);
        let local = district.is_some() && !card.local.is_empty() && rng.chance(0.5);
        let (list, part, name) = match district {
            Some(d) if local => (&d.list, &mut typed.local, "local"),
            _ => (&w.edition.citywide, &mut typed.citywide, "citywide"),
        };
        let unused = unused(list, part);
        let filled: Vec<usize> = (0..part.len()).filter(|i| !part[*i].is_empty()).collect();
        if !unused.is_empty() && !filled.is_empty() {
            let i = *rng.pick(&filled);
            part[i] = rng.pick(&unused).to_string();
            return (typed, format!("{name}.{}", i + 1));
        }
    }
    let (value, name) = match rng.index(3) {
        0 => (&mut typed.first_name, "first_name"),
        1 => (&mut typed.last_name, "last_name"),
        _ => (&mut typed.address, "address"),
    };
    let wrong = misspelt(value);
    // A name with nothing to misspell gets a letter more.
    *value = if wrong == *value {
        format!("{value}a")
    } else {
        wrong
    };
    (typed, name.to_string())
}

/// One line of `paper-truth.csv`.
pub(super) fn truth_line(out: &mut String, point: &str, card_id: &str, differs: Option<&str>) {
    let _ = writeln!(out, "{point},{card_id},{}", differs.unwrap_or(""));
}

/// The header of `paper-truth.csv`.
pub(super) const TRUTH_HEADER: &str = "point,card_id,differs\n";

/// What a point's verifications found (`tally simulate --verify`).
#[derive(Default)]
pub(super) struct Checked {
    pub(super) cards: u64,
    pub(super) fields: u64,
    pub(super) keyer_errors: u64,
}

impl Checked {
    /// The manifest's `counts.verification`, as the kiosk's export gives it.
    pub(super) fn totals(&self) -> Option<crate::store::stats::VerificationTotals> {
        (self.cards > 0).then_some(crate::store::stats::VerificationTotals {
            cards_verified: self.cards,
            verifications: self.cards,
            fields: self.fields,
            keyer_errors: self.keyer_errors,
            verifier_errors: 0,
        })
    }
}

impl Desk<'_> {
    /// In the evening, a share of today's standing cards keyed again blind
    /// by another operator, journaled as `Store::record_verification` does:
    /// a card the paper shows typed wrong is amended (reason
    /// "weryfikacja", the paper's card), then `card_verified` names the
    /// field against its keyer. Whether a card is verified is drawn from
    /// its own stream, so the rest of the simulation is the same.
    pub(super) fn verify_day(
        &mut self,
        w: &World<'_>,
        operators: &[String],
        mut secs: u32,
        checked: &mut Checked,
    ) {
        for i in 0..self.today.len() {
            let c = &self.today[i];
            let seq = c.id.rsplit('-').next().and_then(|n| n.parse::<u64>().ok());
            let mut r = Rng::new(w.seed, &[VERIFY, seq.unwrap_or(0), self.journal.seq]);
            if c.voided || !r.chance(w.verify) {
                continue;
            }
            let Some(verifier) = operators.iter().find(|o| **o != c.keyer).cloned() else {
                continue;
            };
            let version_seq = c.version_seq;
            let keyer = c.keyer.clone();
            // The rubrics compared: the district's local picks only where
            // the card names a district.
            let fields = 6
                + c.assessment
                    .district
                    .map_or(0, |_| self.edition.ballot.local_picks)
                + self.edition.ballot.citywide_picks;
            let mut keyer_errors = Vec::new();
            let mut amended_seq = None;
            if let (Some((field, _)), Some(paper)) = (c.keyed_wrong.clone(), c.paper.clone()) {
                self.amend(i, paper, crate::store::verify::REASON, &verifier, secs);
                secs += 30;
                amended_seq = Some(self.journal.seq);
                keyer_errors.push(field);
                let c = &mut self.today[i];
                c.keyed_wrong = None;
                c.paper = None;
            }
            checked.cards += 1;
            checked.fields += u64::from(fields);
            checked.keyer_errors += keyer_errors.len() as u64;
            self.journal.push(
                at(self.day, secs),
                &verifier,
                Event::CardVerified {
                    card_id: self.today[i].id.clone(),
                    version_seq,
                    keyer,
                    fields,
                    keyer_errors,
                    verifier_errors: Vec::new(),
                    amended_seq,
                },
            );
            secs += 30;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_field_is_wrong_and_the_card_stays_as_valid_as_it_was() {
        let edition = Edition::parse(
            include_str!("../../../assets/editions/krakow-2014.toml"),
            "krakow-2014.toml",
        )
        .expect("edition");
        let plan = Plan {
            voters: 100,
            points: 1,
            online_percent: 0,
            seed: 7,
            keying_errors_bp: 0,
            verify_percent: 0,
        };
        let w = World::new(&edition, String::new(), &plan).expect("world");
        let mut seen = std::collections::HashSet::new();
        for n in 0..200u64 {
            let mut r = Rng::new(7, &[99, n]);
            let person = w.person(n % 100);
            let day = w.days[0];
            let card = w.card(&person, &mut r, Some(0), day);
            let (typed, field) = keyed_wrong(&w, &card, &mut r);
            let all = crate::tally::sample::fields(&edition);
            assert!(all.contains(&field), "{field}");
            let differing: Vec<&str> = all
                .iter()
                .map(String::as_str)
                .filter(|f| field_of(&card, f) != field_of(&typed, f))
                .collect();
            assert_eq!(differing, [field.as_str()], "exactly the field named");
            let before = card::assess(&edition, &card, RuleOptions::default()).is_valid();
            let after = card::assess(&edition, &typed, RuleOptions::default()).is_valid();
            assert_eq!(before, after);
            seen.insert(field.split('.').next().unwrap_or_default().to_string());
        }
        for kind in ["local", "citywide", "first_name", "last_name", "address"] {
            assert!(seen.contains(kind), "{kind} among {seen:?}");
        }
    }

    fn field_of(c: &RawCard, f: &str) -> String {
        let pick = |part: &[String], i: &str| {
            let i: usize = i.parse().unwrap_or(0);
            part.get(i.wrapping_sub(1)).cloned().unwrap_or_default()
        };
        match f.split_once('.') {
            Some(("local", i)) => pick(&c.local, i),
            Some(("citywide", i)) => pick(&c.citywide, i),
            _ => match f {
                "first_name" => c.first_name.clone(),
                "last_name" => c.last_name.clone(),
                "address" => c.address.clone(),
                "pesel" => c.pesel.clone(),
                "signed" => c.signed.to_string(),
                "district" => c.district.clone(),
                "cast_date" => c.cast_date.to_string(),
                _ => String::new(),
            },
        }
    }
}
