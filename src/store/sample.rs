//! How much a point verifies, and which card to verify next.
//!
//! The policy is a coordinator's setting, journaled as `verification_set`:
//! - `all`: every card;
//! - `sample` (the default: first 20, share 10 %): all of an operator's
//!   first `first` cards, then of their later cards a share of
//!   `share + 20 × (their keyer errors per 100 fields compared)` per cent, at
//!   most 100 — an operator the paper shows wrong gets more of their cards
//!   verified. Whether a later card is in the share is fixed by its id:
//!   the first 8 bytes of SHA-256(card id), big-endian, modulo 100, below the
//!   share. Nobody chooses the cards, and the same journal gives the same
//!   sample on any machine.
//!
//! The kiosk offers the oldest card of the sample that is not verified yet,
//! not voided, and neither entered nor last changed by the verifier.

use std::collections::{HashMap, HashSet};

use rusqlite::TransactionBehavior;
use sha2::{Digest, Sha256};

use super::journal::{Entry, Event};
use super::{Result, Store, append, seal_head, stats};

/// The share rises this many percentage points per keyer error per 100
/// fields compared.
pub const RISE: f64 = 20.0;

/// How much the point verifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Policy {
    All,
    Sample { first: u32, share: u32 },
}

impl Default for Policy {
    fn default() -> Self {
        Policy::Sample {
            first: 20,
            share: 10,
        }
    }
}

impl Policy {
    fn of(event: &Event) -> Option<Policy> {
        match event {
            Event::VerificationSet { mode, .. } if mode == "all" => Some(Policy::All),
            Event::VerificationSet { first, share, .. } => Some(Policy::Sample {
                first: *first,
                share: (*share).min(100),
            }),
            _ => None,
        }
    }

    fn event(self) -> Event {
        match self {
            Policy::All => Event::VerificationSet {
                mode: "all".into(),
                first: 0,
                share: 100,
            },
            Policy::Sample { first, share } => Event::VerificationSet {
                mode: "sample".into(),
                first,
                share: share.min(100),
            },
        }
    }
}

/// The share (per cent) of an operator's later cards verified, given their
/// keyer errors per 100 fields.
pub fn share_for(share: u32, errors_per_100_fields: Option<f64>) -> u32 {
    let rise = errors_per_100_fields.unwrap_or(0.0) * RISE;
    (f64::from(share) + rise).round().clamp(0.0, 100.0) as u32
}

/// Where a card id falls in 0..100.
pub fn draw(card_id: &str) -> u32 {
    let digest = Sha256::digest(card_id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) % 100) as u32
}

/// A card offered for verification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub card_id: String,
    pub number: String,
    /// Who keyed its current version.
    pub keyer: String,
    /// Cards of the sample still to verify for this verifier, this one included.
    pub waiting: u64,
}

struct Card {
    id: String,
    entered_by: String,
    /// Position among the cards its operator entered (0 = first).
    nth: u32,
    keyer: String,
    voided: bool,
}

/// The policy in force after these entries.
pub fn policy(entries: &[Entry]) -> Policy {
    entries
        .iter()
        .rev()
        .find_map(|e| Policy::of(&e.event))
        .unwrap_or_default()
}

/// The sample's cards waiting for `verifier`, oldest first.
pub fn waiting(entries: &[Entry], verifier: &str) -> Vec<Offer> {
    let policy = policy(entries);
    let rates: HashMap<String, Option<f64>> = stats::operator_stats(entries)
        .into_iter()
        .map(|s| (s.operator, s.errors_per_100_fields))
        .collect();
    let mut cards: Vec<Card> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut entered: HashMap<String, u32> = HashMap::new();
    let mut verified: HashSet<String> = HashSet::new();
    for e in entries {
        match &e.event {
            Event::CardEntered { card_id, .. } => {
                let n = entered.entry(e.operator.clone()).or_default();
                at.insert(card_id.clone(), cards.len());
                cards.push(Card {
                    id: card_id.clone(),
                    entered_by: e.operator.clone(),
                    nth: *n,
                    keyer: e.operator.clone(),
                    voided: false,
                });
                *n += 1;
            }
            Event::CardAmended { card_id, .. } => {
                if let Some(&i) = at.get(card_id) {
                    cards[i].keyer = e.operator.clone();
                }
            }
            Event::CardVoided { card_id, .. } => {
                if let Some(&i) = at.get(card_id) {
                    cards[i].voided = true;
                }
            }
            Event::CardVerified { card_id, .. } => {
                verified.insert(card_id.clone());
            }
            _ => {}
        }
    }
    let sampled = |c: &Card| match policy {
        Policy::All => true,
        Policy::Sample { first, share } => {
            c.nth < first
                || draw(&c.id) < share_for(share, rates.get(&c.entered_by).copied().flatten())
        }
    };
    let mut out: Vec<Offer> = cards
        .iter()
        .filter(|c| !c.voided && !verified.contains(&c.id))
        .filter(|c| c.keyer != verifier && c.entered_by != verifier)
        .filter(|c| sampled(c))
        .map(|c| Offer {
            card_id: c.id.clone(),
            number: super::verify::card_number(&c.id),
            keyer: c.keyer.clone(),
            waiting: 0,
        })
        .collect();
    let n = out.len() as u64;
    for o in &mut out {
        o.waiting = n;
    }
    out
}

impl Store {
    /// The verification policy in force.
    pub fn verification_policy(&self) -> Result<Policy> {
        Ok(policy(&self.entries()?))
    }

    /// Sets the verification policy (a coordinator's decision, journaled).
    pub fn set_verification_policy(&mut self, policy: Policy) -> Result<u64> {
        let (key, by) = self.coordinator()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(&tx, &self.point.id, &by, policy.event())?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        tracing::info!(seq, operator = %by, ?policy, "verification policy set");
        Ok(seq)
    }

    /// The next card of the sample for `verifier`, if any is waiting.
    pub fn next_to_verify(&self, verifier: &str) -> Result<Option<Offer>> {
        Ok(waiting(&self.entries()?, verifier).into_iter().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_share_rises_with_the_error_rate_up_to_all() {
        assert_eq!(share_for(10, None), 10);
        assert_eq!(share_for(10, Some(0.0)), 10);
        assert_eq!(share_for(10, Some(1.5)), 40);
        assert_eq!(share_for(10, Some(50.0)), 100);
        // A fixed draw: the same card id, the same place, everywhere.
        assert_eq!(draw("P01-000042"), draw("P01-000042"));
        assert!(draw("P01-000042") < 100);
    }
}
