//! Counts for `urna status` and the day summary.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::journal::GENESIS;
use super::{Result, Store};

/// Counts for `urna status` and the day summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Status {
    pub point: String,
    pub edition: String,
    pub journal_entries: u64,
    pub head_hash: String,
    pub operators: u64,
    /// Cards entered (every paper card, whatever became of it).
    pub cards: u64,
    /// Cards whose latest version is valid and not voided.
    pub valid: u64,
    /// Cards whose latest version is invalid and not voided.
    pub invalid: u64,
    pub invalid_by_reason: BTreeMap<String, u64>,
    pub amended: u64,
    pub voided: u64,
    /// Cards entered while another card with the same PESEL was in the store.
    pub flagged: u64,
    pub by_operator: BTreeMap<String, u64>,
    /// Cards by a mobile point's stop (empty for a stationary point).
    pub by_stop: BTreeMap<String, u64>,
}

impl Store {
    /// Counts over the whole store.
    pub fn status(&self) -> Result<Status> {
        self.status_of(None)
    }

    /// Counts over the cards of one voting day, or of every day.
    pub fn status_of(&self, day: Option<NaiveDate>) -> Result<Status> {
        let mut s = Status {
            point: self.point.id.clone(),
            edition: self.edition.id.clone(),
            ..Status::default()
        };
        // The card index holds every card from here on (one catch-up, if
        // any, for the three reads below).
        let conn = self.index()?;
        let (entries, head): (i64, Option<Vec<u8>>) = conn.query_row(
            // Entries are numbered 1, 2, 3… without gaps (check verifies it),
            // so the last number is the count, without reading every entry.
            "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        s.journal_entries = entries as u64;
        s.head_hash = hex::encode(head.unwrap_or_else(|| GENESIS.to_vec()));
        s.operators =
            conn.query_row("SELECT COUNT(*) FROM operators", [], |r| r.get::<_, i64>(0))? as u64;
        // Every version of the chosen cards in one pass, ordered by card: the
        // last row of a card is its latest version.
        let sql = format!(
            "SELECT v.card_id, v.kind, v.valid, v.reasons, e.flagged, e.operator, e.stop
             FROM card_versions e
             JOIN card_versions v ON v.card_id = e.card_id
             WHERE e.kind = 'entered' {}
             ORDER BY v.card_id, v.seq",
            if day.is_some() { "AND e.day = ?1" } else { "" }
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let day = day.map(|d| d.to_string());
        let mut rows = match &day {
            Some(d) => stmt.query([d])?,
            None => stmt.query([])?,
        };
        struct Latest {
            card_id: String,
            kind: String,
            valid: bool,
            reasons: String,
            amended: bool,
        }
        let count = |s: &mut Status, c: &Latest| {
            s.amended += u64::from(c.amended);
            if c.kind == "voided" {
                s.voided += 1;
            } else if c.valid {
                s.valid += 1;
            } else {
                s.invalid += 1;
                for code in c.reasons.split(',').filter(|c| !c.is_empty()) {
                    *s.invalid_by_reason.entry(code.to_string()).or_default() += 1;
                }
            }
        };
        let mut current: Option<Latest> = None;
        while let Some(r) = rows.next()? {
            let card_id: String = r.get(0)?;
            let kind: String = r.get(1)?;
            let same_card = current.as_ref().is_some_and(|c| c.card_id == card_id);
            if !same_card {
                if let Some(done) = current.take() {
                    count(&mut s, &done);
                }
                // The first row of a card is its entered version.
                let flagged: bool = r.get(4)?;
                let by: String = r.get(5)?;
                let stop: Option<String> = r.get(6)?;
                s.cards += 1;
                s.flagged += u64::from(flagged);
                *s.by_operator.entry(by).or_default() += 1;
                if let Some(stop) = stop {
                    *s.by_stop.entry(stop).or_default() += 1;
                }
            }
            let amended = kind == "amended" || current.as_ref().is_some_and(|c| c.amended);
            current = Some(Latest {
                card_id,
                kind,
                valid: r.get(2)?,
                reasons: r.get(3)?,
                amended,
            });
        }
        if let Some(done) = current.take() {
            count(&mut s, &done);
        }
        Ok(s)
    }
}
