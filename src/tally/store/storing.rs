//! Storing one bundle's checked entries in its transaction: new entries
//! and their card rows added, those the office has compared.

use rusqlite::params;

use super::card_ids::{entered_here, is_entry_card_id, point_of_card};
use super::checker::{CardRow, CheckedEntry};
use super::{Rejection, Result};

/// The storing side of one bundle's import.
pub(super) struct Storing<'a> {
    pub(super) point: &'a str,
    /// Entries the office had from this point before.
    pub(super) have: u64,
    /// The hash of entry `have` as the office has it.
    pub(super) ours_at_have: Option<Vec<u8>>,
    pub(super) bundle_no: i64,
    pub(super) added: u64,
}

impl Storing<'_> {
    /// Stores the new entries of one batch; those the office has are only
    /// compared (the last of them must hash the same: no fork).
    pub(super) fn add(
        &mut self,
        tx: &rusqlite::Transaction<'_>,
        batch: Vec<CheckedEntry>,
    ) -> Result<std::result::Result<(), Rejection>> {
        let point = self.point;
        let mut add_entry = tx.prepare_cached(
            "INSERT INTO kiosk_entries(point, seq, body, hash, bundle) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut add_card = tx.prepare_cached(
            "INSERT INTO kiosk_cards(point, seq, card_id, kind, pesel, reasons, district, local, citywide)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for CheckedEntry {
            seq,
            body,
            hash,
            card,
            verified,
        } in &batch
        {
            if *seq <= self.have {
                if *seq == self.have
                    && let Some(ours) = &self.ours_at_have
                    && ours.as_slice() != hash.as_slice()
                {
                    return Ok(Err(Rejection::Fork {
                        point: point.to_string(),
                        seq: *seq,
                        ours: hex::encode(ours),
                        theirs: hex::encode(hash),
                    }));
                }
                continue;
            }
            if let Some(CardRow {
                kind,
                card_id,
                pesel,
                judged,
            }) = card
            {
                if *kind == "card_entered" {
                    // A kiosk names a card by its point and entry number, so
                    // no point can take ids from another's range, and no id
                    // is entered twice.
                    if !is_entry_card_id(card_id, point, *seq) {
                        if point_of_card(tx, card_id)?.is_some_and(|other| other != point) {
                            return Ok(Err(Rejection::NotItsCard {
                                seq: *seq,
                                id: card_id.clone(),
                                point: point.to_string(),
                            }));
                        }
                        return Ok(Err(Rejection::WrongCardId {
                            seq: *seq,
                            id: card_id.clone(),
                            expected: format!("{point}-{seq:06}"),
                        }));
                    }
                } else if !entered_here(tx, point, card_id)? {
                    // A kiosk amends or voids only cards it entered itself.
                    return Ok(Err(Rejection::NotItsCard {
                        seq: *seq,
                        id: card_id.clone(),
                        point: point.to_string(),
                    }));
                }
                let j = judged.as_ref();
                add_card.execute(params![
                    point,
                    *seq as i64,
                    card_id,
                    kind,
                    pesel,
                    j.map(|j| j.reasons.as_str()),
                    j.and_then(|j| j.district),
                    j.map(|j| j.local.as_slice()),
                    j.map(|j| j.citywide.as_slice()),
                ])?;
            }
            if let Some(v) = verified {
                crate::tally::verification::insert(tx, point, *seq, v)?;
            }
            add_entry.execute(params![
                point,
                *seq as i64,
                body,
                hash.as_slice(),
                self.bundle_no
            ])?;
            self.added += 1;
        }
        Ok(Ok(()))
    }
}
