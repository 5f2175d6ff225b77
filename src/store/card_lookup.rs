//! Finding cards: by PESEL, by id, the "today's cards" list, a card's
//! history and the card a source row became.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use crate::card::{RawCard, Reason};

use super::cards::prior_cards;
use super::journal::{Entry, Event};
use super::{PriorCard, Result, Store, surname_key, verify};

/// What to list on the "today's cards" screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardQuery {
    /// Only cards entered for this voting day.
    pub day: Option<NaiveDate>,
    /// Digits: a PESEL prefix; otherwise a surname prefix (case and Polish
    /// diacritics ignored). Empty: every card.
    pub text: String,
    pub limit: usize,
}

/// One card as the list shows it: its latest version.
#[derive(Debug, Clone, PartialEq)]
pub struct CardRow {
    pub card_id: String,
    /// Sequence number of the latest version.
    pub seq: u64,
    /// `entered`, `amended` or `voided`.
    pub kind: String,
    pub entered_at: String,
    pub entered_by: String,
    pub valid: bool,
    pub reasons: Vec<Reason>,
    pub flagged: bool,
    pub stop: Option<String>,
    /// The latest version as typed (`None` when voided).
    pub card: Option<RawCard>,
}

impl Store {
    /// Cards (not voided) whose latest version carries this PESEL.
    pub fn find_by_pesel(&self, pesel: &str) -> Result<Vec<PriorCard>> {
        prior_cards(self.index()?, pesel, "")
    }

    /// The latest version of a card as typed; `None` if unknown or voided.
    pub fn card(&self, card_id: &str) -> Result<Option<RawCard>> {
        let latest: Option<(i64, String)> = self
            .index()?
            .query_row(
                "SELECT seq, kind FROM card_versions WHERE card_id = ?1 ORDER BY seq DESC LIMIT 1",
                [card_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((seq, _)) = latest.filter(|(_, kind)| kind != "voided") else {
            return Ok(None);
        };
        Ok(match self.entry(seq as u64)?.event {
            Event::CardEntered { card, .. } | Event::CardAmended { card, .. } => Some(card),
            _ => None,
        })
    }

    /// Cards, newest first, as the "today's cards" screen lists them.
    pub fn cards(&self, q: &CardQuery) -> Result<Vec<CardRow>> {
        let digits: String = q
            .text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        let mut conditions = String::new();
        let mut values: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(day) = q.day {
            values.push(day.to_string().into());
            conditions.push_str(&format!(" AND e.day = ?{}", values.len()));
        }
        if digits.is_empty() {
            // Every card.
        } else if digits.bytes().all(|b| b.is_ascii_digit()) {
            // A PESEL prefix: a range of the PESEL index; or the number
            // written on the paper card (`0042`: card `P01-000042`).
            values.push(digits.clone().into());
            values.push(format!("{digits}\u{10FFFF}").into());
            let number = verify::parse_card_number(&digits)
                .map(|n| super::card_index::card_id_for(&self.point.id, n))
                .unwrap_or_default();
            values.push(number.into());
            conditions.push_str(&format!(
                " AND (e.card_id IN (SELECT card_id FROM card_versions WHERE pesel >= ?{} AND pesel < ?{}) OR e.card_id = ?{})",
                values.len() - 2,
                values.len() - 1,
                values.len()
            ));
        } else {
            // Any part of the surname (`żak` finds `Wiśniewska-Żak`), folded
            // like the stored key; `%`, `_` and `\` typed are literal.
            let key = surname_key(&q.text)
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            values.push(format!("%{key}%").into());
            conditions.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM card_versions n WHERE n.card_id = e.card_id AND n.surname LIKE ?{} ESCAPE '\\')",
                values.len()
            ));
        }
        values.push(if q.limit == 0 { -1i64 } else { q.limit as i64 }.into());
        let sql = format!(
            "SELECT e.card_id, v.seq, v.kind, v.valid, v.reasons, e.at, e.operator, e.flagged, e.stop
             FROM card_versions e
             JOIN card_versions v ON v.card_id = e.card_id
              AND v.seq = (SELECT MAX(w.seq) FROM card_versions w WHERE w.card_id = e.card_id)
             WHERE e.kind = 'entered'{conditions}
             ORDER BY e.seq DESC
             LIMIT ?{}",
            values.len()
        );
        let mut stmt = self.index()?.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| {
            Ok(CardRow {
                card_id: r.get(0)?,
                seq: r.get::<_, i64>(1)? as u64,
                kind: r.get(2)?,
                valid: r.get(3)?,
                reasons: parse_reasons(&r.get::<_, String>(4)?),
                entered_at: r.get(5)?,
                entered_by: r.get(6)?,
                flagged: r.get(7)?,
                stop: r.get(8)?,
                card: None,
            })
        })?;
        let mut out: Vec<CardRow> = rows.collect::<std::result::Result<_, _>>()?;
        for row in &mut out {
            if row.kind != "voided" {
                row.card = match self.entry(row.seq)?.event {
                    Event::CardEntered { card, .. } | Event::CardAmended { card, .. } => Some(card),
                    _ => None,
                };
            }
        }
        Ok(out)
    }

    /// Every journal entry of one card, oldest first: entered, amended, voided.
    pub fn card_history(&self, card_id: &str) -> Result<Vec<Entry>> {
        let mut stmt = self
            .index()?
            .prepare_cached("SELECT seq FROM card_versions WHERE card_id = ?1 ORDER BY seq")?;
        let seqs: Vec<i64> = stmt
            .query_map([card_id], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        seqs.into_iter().map(|seq| self.entry(seq as u64)).collect()
    }

    /// The card id stored for a source row id, if that row was imported.
    pub fn card_for_source(&self, source_ref: &str) -> Result<Option<String>> {
        Ok(self
            .index()?
            .query_row(
                "SELECT card_id FROM card_versions WHERE source_ref = ?1",
                [source_ref],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// Reasons as the index stores them.
pub fn parse_reasons(s: &str) -> Vec<Reason> {
    s.split(',').filter_map(|c| c.parse().ok()).collect()
}
