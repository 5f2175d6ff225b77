//! What the journal's card entries must agree on among themselves, replayed
//! in order: every file row is stored once, and every card names as earlier
//! cards with its PESEL exactly the cards (not voided, whose latest version
//! carries that PESEL) that were in the store when it was saved — what the
//! save found and journaled. Both were read from the card index when the
//! card was saved, so an index edited under a running kiosk shows up here
//! even after the index was written again from the journal.

use crate::tr;
use std::collections::{BTreeSet, HashMap};

use super::Problem;
use crate::store::journal::{Entry, Event, Source};
use crate::store::pesel_key;

#[derive(Default)]
pub(super) struct Replay {
    /// Each card's PESEL (as indexed) in its latest version; `None` once
    /// voided or without a readable PESEL.
    pesel_of: HashMap<String, Option<String>>,
    /// The cards whose latest version carries each PESEL.
    by_pesel: HashMap<String, BTreeSet<String>>,
    /// The file rows stored, and the entry that stored each.
    sources: HashMap<String, u64>,
}

impl Replay {
    /// One entry, in journal order: what it contradicts, if anything.
    pub(super) fn entry(&mut self, entry: &Entry) -> Vec<Problem> {
        let mut out = Vec::new();
        let seq = entry.seq;
        match &entry.event {
            Event::CardEntered {
                card_id,
                card,
                source,
                same_pesel,
                ..
            } => {
                if let Source::Csv { id: Some(id), .. } = source
                    && let Some(first) = self.sources.insert(id.clone(), seq)
                {
                    out.push(Problem::new("journal", seq.to_string(), |lang| {
                        tr!(
                            lang,
                            "check-file-row-twice",
                            id = id.as_str(),
                            first = first
                        )
                    }));
                }
                out.extend(self.earlier(seq, card_id, &card.pesel, same_pesel));
                self.set(card_id, pesel_key(&card.pesel));
            }
            Event::CardAmended {
                card_id,
                card,
                same_pesel,
                ..
            } => {
                out.extend(self.earlier(seq, card_id, &card.pesel, same_pesel));
                self.set(card_id, pesel_key(&card.pesel));
            }
            Event::CardVoided { card_id, .. } => self.set(card_id, None),
            _ => {}
        }
        out
    }

    fn earlier(&self, seq: u64, card_id: &str, pesel: &str, named: &[String]) -> Option<Problem> {
        let expected: BTreeSet<&str> = pesel_key(pesel)
            .and_then(|k| self.by_pesel.get(&k))
            .map(|cards| {
                cards
                    .iter()
                    .map(String::as_str)
                    .filter(|c| *c != card_id)
                    .collect()
            })
            .unwrap_or_default();
        let named: BTreeSet<&str> = named.iter().map(String::as_str).collect();
        (named != expected).then(|| {
            let list = |s: &BTreeSet<&str>| {
                if s.is_empty() {
                    "—".to_string()
                } else {
                    s.iter().copied().collect::<Vec<_>>().join(", ")
                }
            };
            let (expected, named) = (list(&expected), list(&named));
            Problem::new("journal", seq.to_string(), |lang| {
                tr!(
                    lang,
                    "check-earlier-cards",
                    expected = expected.as_str(),
                    named = named.as_str()
                )
            })
        })
    }

    fn set(&mut self, card_id: &str, pesel: Option<String>) {
        if let Some(Some(old)) = self.pesel_of.get(card_id)
            && let Some(cards) = self.by_pesel.get_mut(old)
        {
            cards.remove(card_id);
        }
        if let Some(k) = &pesel {
            self.by_pesel
                .entry(k.clone())
                .or_default()
                .insert(card_id.to_string());
        }
        self.pesel_of.insert(card_id.to_string(), pesel);
    }
}
