//! Operator statistics, computed from the journal alone (F4 and `urna status
//! --json`): how much each operator keyed, how fast, with how many keys, and
//! how often the paper showed them wrong when their cards were verified.
//!
//! Definitions (docs/verification.md says the same):
//! - `cards`: cards entered by the operator (kiosk and imported rows);
//! - `cards_per_hour`: the intervals between their consecutive cards — with
//!   n cards entered over t hours from first to last, (n − 1) / t; none
//!   before the second card;
//! - `keys_per_card`: the mean of the keys counted at the kiosk over their
//!   cards that carry a count (imported rows and earlier releases carry none);
//! - `corrections`: amendments (by anyone, verifications included) of cards
//!   they entered;
//! - `verified`: verifications they made; `their_cards_verified`: of their
//!   versions, by others; `fields_checked`: fields compared on those;
//! - `keyer_errors`: fields the paper showed they had keyed wrong;
//!   `verifier_errors`: fields they slipped on as a verifier;
//! - `errors_per_100_fields`: 100 × keyer_errors / fields_checked.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::journal::{Entry, Event, parse_entry};
use super::{Result, Store, StoreError};

/// One operator's figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OperatorStats {
    pub operator: String,
    pub cards: u64,
    pub cards_per_hour: Option<f64>,
    pub keys_per_card: Option<f64>,
    pub corrections: u64,
    pub verified: u64,
    pub their_cards_verified: u64,
    pub fields_checked: u64,
    pub keyer_errors: u64,
    pub verifier_errors: u64,
    pub errors_per_100_fields: Option<f64>,
}

/// The point's verification totals (the protocol and the manifest).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationTotals {
    /// Distinct cards verified at least once.
    pub cards_verified: u64,
    /// Verifications made (a card can be verified again).
    pub verifications: u64,
    /// Fields compared.
    pub fields: u64,
    /// Fields the paper showed the first keying had wrong.
    pub keyer_errors: u64,
    /// Fields the verifier slipped on.
    pub verifier_errors: u64,
}

#[derive(Default)]
struct Tally {
    stats: OperatorStats,
    first: Option<i64>,
    last: Option<i64>,
    keys: u64,
    counted: u64,
}

fn seconds(at: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(at)
        .ok()
        .map(|d| d.timestamp())
}

/// Statistics per operator, in the order operators first appear.
pub fn operator_stats(entries: &[Entry]) -> Vec<OperatorStats> {
    let mut order: Vec<String> = Vec::new();
    let mut by: HashMap<String, Tally> = HashMap::new();
    let mut entered_by: HashMap<&str, &str> = HashMap::new();
    fn of<'m>(
        by: &'m mut HashMap<String, Tally>,
        order: &mut Vec<String>,
        name: &str,
    ) -> &'m mut Tally {
        if !by.contains_key(name) {
            order.push(name.to_string());
        }
        by.entry(name.to_string()).or_insert_with(|| Tally {
            stats: OperatorStats {
                operator: name.to_string(),
                ..OperatorStats::default()
            },
            ..Tally::default()
        })
    }
    for e in entries {
        match &e.event {
            Event::OperatorAdded { name, .. } => {
                of(&mut by, &mut order, name);
            }
            Event::CardEntered { card_id, keys, .. } => {
                entered_by.insert(card_id, &e.operator);
                let t = of(&mut by, &mut order, &e.operator);
                t.stats.cards += 1;
                if let Some(s) = seconds(&e.at) {
                    t.first = Some(t.first.map_or(s, |f| f.min(s)));
                    t.last = Some(t.last.map_or(s, |l| l.max(s)));
                }
                if let Some(k) = keys {
                    t.keys += u64::from(*k);
                    t.counted += 1;
                }
            }
            Event::CardAmended { card_id, .. } => {
                if let Some(keyer) = entered_by.get(card_id.as_str()).copied() {
                    of(&mut by, &mut order, keyer).stats.corrections += 1;
                }
            }
            Event::CardVerified {
                keyer,
                fields,
                keyer_errors,
                verifier_errors,
                ..
            } => {
                let v = of(&mut by, &mut order, &e.operator);
                v.stats.verified += 1;
                v.stats.verifier_errors += verifier_errors.len() as u64;
                let k = of(&mut by, &mut order, keyer);
                k.stats.their_cards_verified += 1;
                k.stats.fields_checked += u64::from(*fields);
                k.stats.keyer_errors += keyer_errors.len() as u64;
            }
            _ => {}
        }
    }
    order
        .into_iter()
        .filter_map(|name| by.remove(&name))
        .map(|t| {
            let mut s = t.stats;
            s.cards_per_hour = match (t.first, t.last) {
                (Some(f), Some(l)) if s.cards > 1 && l > f => {
                    Some((s.cards - 1) as f64 * 3600.0 / (l - f) as f64)
                }
                _ => None,
            };
            s.keys_per_card = (t.counted > 0).then(|| t.keys as f64 / t.counted as f64);
            s.errors_per_100_fields = (s.fields_checked > 0)
                .then(|| s.keyer_errors as f64 * 100.0 / s.fields_checked as f64);
            s
        })
        .collect()
}

/// The point's verification totals over these entries.
pub fn verification_totals(entries: &[Entry]) -> VerificationTotals {
    let mut totals = VerificationTotals::default();
    let mut cards: BTreeMap<&str, ()> = BTreeMap::new();
    for e in entries {
        if let Event::CardVerified {
            card_id,
            fields,
            keyer_errors,
            verifier_errors,
            ..
        } = &e.event
        {
            cards.insert(card_id, ());
            totals.verifications += 1;
            totals.fields += u64::from(*fields);
            totals.keyer_errors += keyer_errors.len() as u64;
            totals.verifier_errors += verifier_errors.len() as u64;
        }
    }
    totals.cards_verified = cards.len() as u64;
    totals
}

impl Store {
    /// Every journal entry, read.
    pub fn entries(&self) -> Result<Vec<Entry>> {
        self.journal()?
            .into_iter()
            .map(|(seq, body, _)| {
                parse_entry(&body).map_err(|_| StoreError::Journal {
                    seq,
                    what: super::JournalFault::Unreadable,
                })
            })
            .collect()
    }

    /// Statistics per operator over the whole journal.
    pub fn operator_stats(&self) -> Result<Vec<OperatorStats>> {
        Ok(operator_stats(&self.entries()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Assessment, RawCard};
    use crate::store::journal::Source;

    fn entry(seq: u64, at: &str, operator: &str, event: Event) -> Entry {
        Entry {
            seq,
            at: at.into(),
            operator: operator.into(),
            event,
        }
    }

    fn entered(card_id: &str, keys: Option<u32>) -> Event {
        Event::CardEntered {
            card_id: card_id.into(),
            card: RawCard {
                first_name: String::new(),
                last_name: String::new(),
                address: String::new(),
                pesel: String::new(),
                signed: true,
                district: String::new(),
                local: vec![],
                citywide: vec![],
                cast_date: chrono::NaiveDate::from_ymd_opt(2014, 9, 27).expect("day"),
                marks: vec![],
            },
            assessment: Assessment {
                reasons: vec![],
                district: None,
                local: vec![],
                citywide: vec![],
            },
            source: Source::Kiosk,
            same_pesel: vec![],
            training: false,
            stop: None,
            keys,
        }
    }

    #[test]
    fn rates_come_from_the_entries() {
        let entries = vec![
            entry(
                1,
                "2014-09-27T10:00:00+02:00",
                "Ala",
                entered("P-000001", Some(60)),
            ),
            entry(
                2,
                "2014-09-27T10:20:00+02:00",
                "Ala",
                entered("P-000002", Some(70)),
            ),
            entry(
                3,
                "2014-09-27T10:30:00+02:00",
                "Ala",
                entered("P-000003", None),
            ),
            entry(
                4,
                "2014-09-27T11:00:00+02:00",
                "Bob",
                Event::CardVerified {
                    card_id: "P-000002".into(),
                    version_seq: 2,
                    keyer: "Ala".into(),
                    fields: 16,
                    keyer_errors: vec!["local.2".into(), "pesel".into()],
                    verifier_errors: vec!["address".into()],
                    amended_seq: None,
                },
            ),
        ];
        let s = operator_stats(&entries);
        assert_eq!(s.len(), 2);
        let ala = &s[0];
        assert_eq!(ala.operator, "Ala");
        assert_eq!(ala.cards, 3);
        // Two intervals in half an hour.
        assert_eq!(ala.cards_per_hour, Some(4.0));
        assert_eq!(ala.keys_per_card, Some(65.0));
        assert_eq!(ala.keyer_errors, 2);
        assert_eq!(ala.errors_per_100_fields, Some(12.5));
        let bob = &s[1];
        assert_eq!((bob.cards, bob.verified, bob.verifier_errors), (0, 1, 1));
        assert_eq!(bob.cards_per_hour, None);
        assert_eq!(bob.errors_per_100_fields, None);
        let totals = verification_totals(&entries);
        assert_eq!(
            (
                totals.cards_verified,
                totals.keyer_errors,
                totals.verifier_errors
            ),
            (1, 2, 1)
        );
    }
}
