//! A bundle's checks: its manifest against what the office trusts, its
//! payload decrypted and split into chained lines, and each line parsed,
//! checked and its card judged (on any thread).

use std::collections::HashMap;

use crate::bundle::{self, VerifyError};
use crate::store::journal::{Entry, Event, Hash, chain_hash};

use super::seal::unsealed;
use super::{Judge, Rejection, Result, Tally};

impl Tally {
    /// What bundle checks need from the store, loaded once so that the
    /// checks can run on another thread while entries are being stored.
    pub(super) fn checker(&self) -> Result<Checker> {
        let mut stmt = self
            .conn
            .prepare("SELECT point, key_id, public_key FROM kiosks")?;
        let trusted = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Checker {
            trusted,
            edition: self.edition.id.clone(),
            judge: Judge::new(&self.edition),
            identity: self.identity.clone(),
            allow_investigation: self.allow_investigation,
        })
    }
}

/// Everything a bundle's checks need, apart from the store.
pub(super) struct Checker {
    /// point → (key id, public key)
    trusted: HashMap<String, (String, String)>,
    edition: String,
    /// The office's own rules, which every card is judged by as it is read.
    pub(super) judge: Judge,
    pub(super) identity: age::x25519::Identity,
    allow_investigation: bool,
}

/// Why the journal's reader stopped: a refusal, or the storing side
/// stopped listening (it refused first).
pub(super) enum Reading {
    Refused(Rejection),
    Stopped,
}

impl From<VerifyError> for Reading {
    fn from(e: VerifyError) -> Reading {
        Reading::Refused(e.into())
    }
}

/// Entries per batch from the journal's reader to the storing thread.
pub(super) const ENTRY_BATCH: usize = 1024;

impl Checker {
    /// What the signed manifest says, against what the office trusts.
    pub(super) fn check_manifest(
        &self,
        m: &bundle::Manifest,
    ) -> std::result::Result<(), Rejection> {
        match self.trusted.get(&m.point.id) {
            None => {
                return Err(Rejection::UnknownKiosk {
                    point: m.point.id.clone(),
                    key_id: m.kiosk_key_id.clone(),
                });
            }
            Some((key_id, key)) if *key != m.kiosk_public_key => {
                return Err(Rejection::NotTheTrustedKey {
                    point: m.point.id.clone(),
                    trusted: key_id.clone(),
                    found: m.kiosk_key_id.clone(),
                });
            }
            Some(_) => {}
        }
        if m.edition != self.edition {
            return Err(Rejection::OtherEdition {
                expected: self.edition.clone(),
                // A trusted kiosk's text, shown in the import line and the audit.
                found: crate::shown::escape_controls(&m.edition),
            });
        }
        if m.training {
            return Err(Rejection::Training);
        }
        if m.investigation && !self.allow_investigation {
            return Err(Rejection::Investigation);
        }
        Ok(())
    }

    /// Decrypts the payload and splits it into journal lines, each with its
    /// number and chain hash, sent in batches: the part of reading that
    /// must go in order. The lines are checked by [`Checker::check_entry`].
    pub(super) fn read_lines(
        r: &mut dyn std::io::Read,
        identity: &age::x25519::Identity,
        (start_seq, start_hash): (u64, Hash),
        out: &std::sync::mpsc::SyncSender<Vec<RawEntry>>,
    ) -> std::result::Result<(u64, Hash), Reading> {
        use crate::foreign::age as words;
        use std::io::{BufRead, Read};
        let undecryptable = |code: String| Reading::Refused(Rejection::Undecryptable(code));
        let (capped, lift) = bundle::read::Capped::new(r);
        let decryptor =
            age::Decryptor::new_buffered(std::io::BufReader::with_capacity(64 * 1024, capped))
                .map_err(|e| undecryptable(words::code(&e)))?;
        lift.lift();
        let plain = decryptor
            .decrypt(std::iter::once(identity as &dyn age::Identity))
            .map_err(|e| undecryptable(words::code(&e)))?;
        let mut plain = std::io::BufReader::with_capacity(256 * 1024, plain);
        let mut line = Vec::with_capacity(2048);
        let mut batch = Vec::with_capacity(ENTRY_BATCH);
        let mut prev: Hash = start_hash;
        let mut seq = start_seq;
        loop {
            line.clear();
            let n = (&mut plain)
                .take(bundle::read::MAX_LINE as u64 + 1)
                .read_until(b'\n', &mut line)
                .map_err(|e| undecryptable(words::stream_code(&e)))?;
            if n == 0 {
                break;
            }
            if line.last() == Some(&b'\n') {
                line.pop();
            } else if line.len() > bundle::read::MAX_LINE {
                return Err(Reading::Refused(Rejection::BrokenChain {
                    seq: seq + 1,
                    what: "too_long",
                }));
            }
            if line.is_empty() {
                continue;
            }
            seq += 1;
            let hash = chain_hash(&prev, &line);
            prev = hash;
            let body = std::mem::replace(&mut line, Vec::with_capacity(2048));
            batch.push(RawEntry { seq, body, hash });
            if batch.len() == ENTRY_BATCH {
                out.send(std::mem::replace(
                    &mut batch,
                    Vec::with_capacity(ENTRY_BATCH),
                ))
                .map_err(|_| Reading::Stopped)?;
            }
        }
        if !batch.is_empty() {
            out.send(batch).map_err(|_| Reading::Stopped)?;
        }
        Ok((seq, prev))
    }

    /// One journal line parsed and checked (its number, canonical form,
    /// field limits, where a creation entry may be), its card's office
    /// verdict computed: what storing needs, and the creation entry
    /// when this is it. Runs on any thread.
    pub(super) fn check_entry(
        judge: &Judge,
        raw: RawEntry,
    ) -> std::result::Result<(CheckedEntry, Option<Entry>), Rejection> {
        let RawEntry { seq, body, hash } = raw;
        let broken = |what: &'static str| Rejection::BrokenChain { seq, what };
        let entry: Entry =
            crate::store::journal::parse_entry(&body).map_err(|_| broken("unreadable"))?;
        if entry.seq != seq {
            return Err(broken("out_of_order"));
        }
        if !entry.is_canonical(&body) {
            return Err(broken("not_canonical"));
        }
        let mut created = None;
        if matches!(entry.event, Event::StoreCreated { .. }) {
            if seq != 1 {
                return Err(unsealed(|lang| {
                    crate::tr!(lang, "tally-seal-creation-in-middle")
                }));
            }
            created = Some(entry.clone());
        }
        // The kiosk keeps every rubric within the field limits; a signed
        // card past them was not entered through urna's rules.
        if let Event::CardEntered { card, .. } | Event::CardAmended { card, .. } = &entry.event
            && card.check_limits().is_err()
        {
            return Err(broken("field_too_long"));
        }
        if let Event::CardEntered { card, .. } | Event::CardAmended { card, .. } = &entry.event
            && card.check_controls().is_err()
        {
            return Err(broken("control_character"));
        }
        // What storing needs of a card entry, the card judged by the
        // office's rules for the count; the entry itself is dropped here,
        // on the thread that made it.
        let verified = match &entry.event {
            Event::CardVerified {
                card_id,
                fields,
                keyer_errors,
                verifier_errors,
                ..
            } => Some(crate::tally::verification::VerifiedRow {
                card_id: card_id.clone(),
                fields: *fields,
                keyer_errors: u32::try_from(keyer_errors.len()).unwrap_or(u32::MAX),
                verifier_errors: u32::try_from(verifier_errors.len()).unwrap_or(u32::MAX),
            }),
            _ => None,
        };
        let card = match entry.event {
            Event::CardEntered { card_id, card, .. } => Some(CardRow {
                kind: "card_entered",
                judged: Some(judge.compact(&card)),
                card_id,
                pesel: card.pesel,
            }),
            Event::CardAmended { card_id, card, .. } => Some(CardRow {
                kind: "card_amended",
                judged: Some(judge.compact(&card)),
                card_id,
                pesel: card.pesel,
            }),
            Event::CardVoided { card_id, .. } => Some(CardRow {
                kind: "card_voided",
                judged: None,
                card_id,
                pesel: String::new(),
            }),
            _ => None,
        };
        Ok((
            CheckedEntry {
                seq,
                body,
                hash,
                card,
                verified,
            },
            created,
        ))
    }
}

/// A journal line as the reader hands it on: its number and chain hash.
pub(super) struct RawEntry {
    seq: u64,
    body: Vec<u8>,
    hash: Hash,
}

/// One journal entry read, checked and prepared for storing: its row of
/// `kiosk_cards` with the office verdict, computed on a worker thread.
pub(super) struct CheckedEntry {
    pub(super) seq: u64,
    pub(super) body: Vec<u8>,
    pub(super) hash: Hash,
    pub(super) card: Option<CardRow>,
    /// A `card_verified` entry's row of `kiosk_verifications`.
    pub(super) verified: Option<crate::tally::verification::VerifiedRow>,
}

/// A card entry's row of `kiosk_cards`.
pub(super) struct CardRow {
    /// `card_entered`, `card_amended` or `card_voided`.
    pub(super) kind: &'static str,
    pub(super) card_id: String,
    /// As typed; empty for a voiding.
    pub(super) pesel: String,
    /// `None` for a voiding.
    pub(super) judged: Option<crate::tally::results::Compact>,
}
