//! The office's own decisions (annulments, the audit sample), hash-chained
//! like a kiosk journal.

use std::collections::HashSet;

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use crate::store::journal::{GENESIS, Hash, chain_hash};
use crate::store::pesel_key;

use super::ballots::Source;
use super::people::PeselOnly;
use super::{Result, Tally, TallyError, now, words};

impl Tally {
    /// The PESELs (as keys) whose internet votes the office annulled.
    pub(super) fn annulled(&self) -> Result<HashSet<String>> {
        Ok(self
            .decisions()?
            .into_iter()
            .filter_map(|d| match d.decision {
                Decision::Annul { pesel, .. } => pesel_key(&pesel),
                _ => None,
            })
            .collect())
    }

    /// Annuls the internet votes cast on a PESEL: the office's decision after
    /// its owner showed that someone else registered the account (konta-faq
    /// #10). Journaled; applies to rows imported before and after. Returns
    /// the decision's number and how many internet ballots it touches now.
    pub fn annul(&mut self, pesel: &str, reason: &str) -> Result<(u64, u64)> {
        let parsed = crate::pesel::Pesel::parse(pesel).map_err(|e| {
            let masked = crate::pesel::mask(pesel);
            words(move |lang| format!("PESEL {masked}: {}", e.describe(lang)))
        })?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(words(|lang| crate::tr!(lang, "tally-annul-no-reason")));
        }
        let seq = self.append_decision(Decision::Annul {
            pesel: parsed.as_string(),
            reason: reason.to_string(),
        })?;
        let key = pesel_key(pesel);
        let mut touched = 0u64;
        self.each_ballot(
            |json| {
                serde_json::from_str::<PeselOnly>(json)
                    .map_err(|_| TallyError::from(super::TallyFault::CardUnreadable))
            },
            |source, card| {
                if matches!(source, Source::Internet { .. }) && pesel_key(&card.pesel) == key {
                    touched += 1;
                }
                Ok(())
            },
        )?;
        tracing::info!(decision = seq, pesel = %parsed.masked(), touched, "internet votes annulled");
        Ok((seq as u64, touched))
    }

    /// Appends one of the office's decisions to its hash-chained journal
    /// (never changing an earlier one); returns its number.
    pub(crate) fn append_decision(&mut self, decision: Decision) -> Result<i64> {
        let record = DecisionRecord {
            at: now(),
            decision,
        };
        let body = serde_json::to_string(&record)
            .map_err(|_| TallyError::from(super::TallyFault::DecisionUnwritable))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let last: Option<(i64, Vec<u8>)> = tx
            .query_row(
                "SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (seq, prev) = match last {
            Some((seq, hash)) => (seq + 1, Hash::try_from(hash.as_slice()).unwrap_or(GENESIS)),
            None => (1, GENESIS),
        };
        let hash = chain_hash(&prev, body.as_bytes());
        tx.execute(
            "INSERT INTO decisions(seq, body, hash) VALUES (?1, ?2, ?3)",
            params![seq, body, hash.as_slice()],
        )?;
        tx.commit()?;
        Ok(seq)
    }

    /// The office's decisions in order, their hash chain checked.
    pub fn decisions(&self) -> Result<Vec<DecisionRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, body, hash FROM decisions ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut prev = GENESIS;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            let body: String = r.get(1)?;
            let hash: Vec<u8> = r.get(2)?;
            let expected = chain_hash(&prev, body.as_bytes());
            if hash != expected {
                return Err(words({
                    let seq = seq.to_string();
                    move |lang| crate::tr!(lang, "tally-decision-chain", seq = seq.as_str())
                }));
            }
            prev = expected;
            out.push(serde_json::from_str(&body).map_err(|_| {
                TallyError::from(super::TallyFault::DecisionUnreadable { seq: seq as u64 })
            })?);
        }
        Ok(out)
    }
}

/// One of the office's decisions, as journaled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DecisionRecord {
    pub at: String,
    #[serde(flatten)]
    pub decision: Decision,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Decision {
    /// The internet votes on this PESEL are not its owner's.
    Annul { pesel: String, reason: String },
    /// Paper cards drawn for the audit against paper (`tally audit-sample`).
    AuditSample(crate::tally::sample::Drawn),
    /// What a drawn card's paper showed (`tally audit-record`).
    AuditRecord(crate::tally::sample::Checked),
}
