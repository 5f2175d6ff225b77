//! Double-entry verification at the point: a paper card keyed again blind by
//! another operator, compared field by field (the comparing is the kiosk's,
//! `tui/verify.rs`); this module finds the card by the number written on the
//! paper and stores the outcome: an amendment (reason "weryfikacja") when the
//! paper showed the first keying wrong, then a [`Event::CardVerified`] entry,
//! both in one transaction.
//!
//! A card's number is its journal sequence number, the digits after the point
//! id in its id, written with at least four digits: `P01-000042` is `0042`,
//! `P01-012345` is `12345`. Any number of leading zeros is accepted back.

use rusqlite::{OptionalExtension, TransactionBehavior};

use super::journal::Event;
use super::{Result, Saved, Store, StoreError, amend_in, seal_head};
use crate::card::RawCard;
use crate::i18n::Lang;

/// The reason of an amendment made by a verification.
pub const REASON: &str = "weryfikacja";

/// The number to write on the paper card for a card id: `P01-000042` → `0042`.
pub fn card_number(card_id: &str) -> String {
    let digits = card_id.rsplit('-').next().unwrap_or(card_id);
    match digits.parse::<u64>() {
        Ok(n) => format!("{n:04}"),
        Err(_) => digits.to_string(),
    }
}

/// A number as typed from the paper (`42`, `0042`, `000042`): its value.
pub fn parse_card_number(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || t.len() > 12 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|n| *n > 0)
}

/// A card about to be verified: its latest version and who keyed it.
#[derive(Debug, Clone, PartialEq)]
pub struct ToVerify {
    pub card_id: String,
    /// The number on the paper (`0042`).
    pub number: String,
    /// The journal seq of the version compared.
    pub version_seq: u64,
    pub keyer: String,
    /// The version as keyed; the kiosk never shows it whole.
    pub card: RawCard,
}

/// What a verification found, to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Verification {
    pub card_id: String,
    pub version_seq: u64,
    pub fields: u32,
    pub keyer_errors: Vec<String>,
    pub verifier_errors: Vec<String>,
    /// The card as the paper shows it, when the first keying was wrong.
    pub corrected: Option<RawCard>,
}

/// What was stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Recorded {
    pub verified_seq: u64,
    pub amended: Option<Saved>,
}

/// Why a card cannot be verified (or its verification stored).
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    NotANumber(crate::shown::Shown),
    NoSuchCard(String),
    Voided(String),
    OwnCard { card_id: String, keyer: String },
    Changed(String),
    Store(#[from] StoreError),
}

impl VerifyError {
    /// The error in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        use crate::tr;
        match self {
            VerifyError::NotANumber(t) => {
                tr!(lang, "error-verify-not-a-number", typed = t.to_string())
            }
            VerifyError::NoSuchCard(n) => {
                tr!(lang, "error-verify-no-such-card", number = n.as_str())
            }
            VerifyError::Voided(id) => tr!(lang, "error-verify-voided", card = id.as_str()),
            VerifyError::OwnCard { card_id, keyer } => tr!(
                lang,
                "error-verify-own-card",
                card = card_id.as_str(),
                keyer = keyer.as_str()
            ),
            VerifyError::Changed(id) => tr!(lang, "error-verify-changed", card = id.as_str()),
            VerifyError::Store(e) => e.describe(lang),
        }
    }
}

crate::display_in_english!(VerifyError);

/// The latest version of a card: its seq, kind and who made it.
fn latest_version(
    conn: &rusqlite::Connection,
    card_id: &str,
) -> rusqlite::Result<Option<(u64, String, String)>> {
    conn.prepare_cached(
        "SELECT seq, kind, operator FROM card_versions WHERE card_id = ?1 ORDER BY seq DESC LIMIT 1",
    )?
    .query_row([card_id], |r| {
        Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get(2)?))
    })
    .optional()
}

impl Store {
    /// The verifications stored, optionally only of the cards entered for
    /// one voting day.
    pub fn verification_totals(
        &self,
        day: Option<chrono::NaiveDate>,
    ) -> Result<super::stats::VerificationTotals> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT seq, body FROM journal WHERE kind = 'card_verified' ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut entries = Vec::new();
        for row in rows {
            let (seq, body) = row?;
            entries.push(
                super::journal::parse_entry(&body).map_err(|_| StoreError::Journal {
                    seq,
                    what: super::JournalFault::Unreadable,
                })?,
            );
        }
        if let Some(day) = day {
            let mut of_day = self.index()?.prepare_cached(
                "SELECT 1 FROM card_versions WHERE card_id = ?1 AND kind = 'entered' AND day = ?2",
            )?;
            let mut keep = Vec::new();
            for e in entries {
                let Event::CardVerified { card_id, .. } = &e.event else {
                    continue;
                };
                if of_day.exists(rusqlite::params![card_id, day.to_string()])? {
                    keep.push(e);
                }
            }
            entries = keep;
        }
        Ok(super::stats::verification_totals(&entries))
    }

    /// The first and last paper numbers of the cards entered for a voting
    /// day (the day's protocol gives the range).
    pub fn day_numbers(&self, day: chrono::NaiveDate) -> Result<Option<(String, String)>> {
        let (first, last): (Option<String>, Option<String>) = self.index()?.query_row(
            "SELECT (SELECT card_id FROM card_versions WHERE kind = 'entered' AND day = ?1 ORDER BY seq LIMIT 1),
                    (SELECT card_id FROM card_versions WHERE kind = 'entered' AND day = ?1 ORDER BY seq DESC LIMIT 1)",
            [day.to_string()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(first
            .zip(last)
            .map(|(f, l)| (card_number(&f), card_number(&l))))
    }

    /// The id of the card with this paper number, if this store has it.
    pub fn card_by_number(&self, text: &str) -> Result<Option<String>> {
        let Some(n) = parse_card_number(text) else {
            return Ok(None);
        };
        let card_id = super::card_index::card_id_for(&self.point.id, n);
        let known: Option<i64> = self
            .index()?
            .prepare_cached(
                "SELECT seq FROM card_versions WHERE card_id = ?1 AND kind = 'entered'",
            )?
            .query_row([&card_id], |r| r.get(0))
            .optional()?;
        Ok(known.map(|_| card_id))
    }

    /// The card with this paper number, to be verified by `verifier`.
    pub fn to_verify(
        &self,
        text: &str,
        verifier: &str,
    ) -> std::result::Result<ToVerify, VerifyError> {
        let card_id = self
            .card_by_number(text)?
            .ok_or_else(|| match parse_card_number(text) {
                Some(n) => VerifyError::NoSuchCard(format!("{n:04}")),
                None => VerifyError::NotANumber(crate::shown::Shown::new(text.trim())),
            })?;
        // card_by_number caught the index up.
        let (version_seq, kind, keyer) = latest_version(&self.conn, &card_id)
            .map_err(StoreError::from)?
            .ok_or_else(|| VerifyError::NoSuchCard(card_number(&card_id)))?;
        if kind == "voided" {
            return Err(VerifyError::Voided(card_id));
        }
        if keyer == verifier {
            return Err(VerifyError::OwnCard { card_id, keyer });
        }
        let card = match self.entry(version_seq)?.event {
            Event::CardEntered { card, .. } | Event::CardAmended { card, .. } => card,
            _ => return Err(VerifyError::Changed(card_id)),
        };
        Ok(ToVerify {
            number: card_number(&card_id),
            card_id,
            version_seq,
            keyer,
            card,
        })
    }

    /// Stores a verification made by the logged-in operator: the amendment
    /// (when the first keying was wrong and a corrected card is given) and
    /// the [`Event::CardVerified`] entry, in one transaction.
    pub fn record_verification(
        &mut self,
        v: Verification,
    ) -> std::result::Result<Recorded, VerifyError> {
        let key = self.writer()?;
        let verifier = self
            .session_operator()
            .map(|o| o.name.clone())
            .ok_or(StoreError::NotLoggedIn)?;
        let options = self.rule_options();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        super::card_index::catch_up(&tx, &self.point.id)?;
        let latest = latest_version(&tx, &v.card_id).map_err(StoreError::from)?;
        let keyer = match latest {
            None => return Err(VerifyError::NoSuchCard(card_number(&v.card_id))),
            Some((_, kind, _)) if kind == "voided" => return Err(VerifyError::Voided(v.card_id)),
            Some((seq, _, _)) if seq != v.version_seq => {
                return Err(VerifyError::Changed(v.card_id));
            }
            Some((_, _, keyer)) => keyer,
        };
        if keyer == verifier {
            return Err(VerifyError::OwnCard {
                card_id: v.card_id,
                keyer,
            });
        }
        let amended = match v.corrected {
            Some(card) if !v.keyer_errors.is_empty() => Some(amend_in(
                &tx,
                &self.point.id,
                &self.edition,
                options,
                &v.card_id,
                card,
                &verifier,
                REASON,
            )?),
            _ => None,
        };
        let event = Event::CardVerified {
            card_id: v.card_id.clone(),
            version_seq: v.version_seq,
            keyer: keyer.clone(),
            fields: v.fields,
            keyer_errors: v.keyer_errors.clone(),
            verifier_errors: v.verifier_errors.clone(),
            amended_seq: amended.as_ref().map(|a| a.seq),
        };
        let verified_seq = super::append(&tx, &self.point.id, &verifier, event)?;
        seal_head(
            &tx,
            &self.point.id,
            &key,
            amended.as_ref().map_or(verified_seq, |a| a.seq),
        )?;
        tx.commit().map_err(StoreError::from)?;
        // Field names and counts only: the values are voters' data.
        tracing::info!(
            card = %v.card_id,
            seq = verified_seq,
            fields = v.fields,
            keyer_errors = %v.keyer_errors.join(","),
            verifier_errors = v.verifier_errors.len(),
            amended = amended.is_some(),
            operator = %verifier,
            "card verified"
        );
        Ok(Recorded {
            verified_seq,
            amended,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_the_digits_after_the_point() {
        assert_eq!(card_number("P01-000042"), "0042");
        assert_eq!(card_number("KR-NH-012345"), "12345");
        assert_eq!(card_number("P01-000007"), "0007");
        assert_eq!(parse_card_number("0042"), Some(42));
        assert_eq!(parse_card_number(" 000042 "), Some(42));
        assert_eq!(parse_card_number("42a"), None);
        assert_eq!(parse_card_number("0"), None);
        assert_eq!(parse_card_number(""), None);
    }
}
