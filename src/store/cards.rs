//! Entering, amending and voiding cards, and the `card_versions` rows each
//! writes.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::card::{self, Assessment, RawCard, RuleOptions};
use crate::edition::Edition;

use super::append::append_at;
use super::append::{Own, seal_head_with, sealed_entries};
use super::card_index::{self, IndexRow, Recent, RecentCard, SEAL_AT, card_id_for};
use super::journal::{Event, Source};
use super::settings::latest_setting;
use super::{Head, Result, Store, StoreError, now, pesel_key, seal_head};

/// A card that was just stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub card_id: String,
    pub seq: u64,
    pub assessment: Assessment,
    /// Earlier cards in this store with the same PESEL.
    pub same_pesel: Vec<PriorCard>,
}

/// An earlier card with the same PESEL: when and by whom it was entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorCard {
    pub card_id: String,
    pub at: String,
    pub operator: String,
}

impl Store {
    /// Stores a new card: checks it, journals it, and returns once it is on disk.
    /// A card from a file row with an `id` is refused if that id is stored.
    pub fn enter_card(&mut self, card: RawCard, operator: &str, source: Source) -> Result<Saved> {
        self.enter_card_counted(card, operator, source, None)
    }

    /// [`Store::enter_card`] with the keys the kiosk counted for the card.
    pub fn enter_card_counted(
        &mut self,
        card: RawCard,
        operator: &str,
        source: Source,
        keys: Option<u32>,
    ) -> Result<Saved> {
        let assessment = card::assess(&self.edition, &card, self.rule_options());
        let training = self.point.training;
        // A row id from an imported file may be stored once only.
        let source_ref = match &source {
            Source::Csv { id: Some(id), .. } => Some(id.clone()),
            _ => None,
        };
        let source_ref = source_ref.as_deref();
        if let Some(r) = source_ref {
            // Quick refusal without taking the write lock; checked again inside.
            refuse_known_source(&self.conn, r)?;
        }
        let key = self.writer()?;
        // Taken out for this save and put back once it is on disk: a save
        // that fails leaves an empty list, which the next save does not
        // trust (it catches the index up first), and what was known of the
        // journal's length and seal before it.
        let mut recent = {
            let mut kept = self.recent.borrow_mut();
            let fallback = kept.after_failure();
            std::mem::replace(&mut *kept, fallback)
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let head = Head::read(&tx)?;
        let sealed = sealed_entries(&tx)?;
        // This process's own cards since the index last caught up, if
        // nobody else appended after them: sealed without verifying their
        // signatures, if each still has the hash it was written with.
        recent.refuse_shorter(head.seq - 1)?;
        let whole = recent.head == head.seq - 1;
        if whole && recent.head_hash.is_some_and(|h| h != head.prev) {
            // The head this process wrote has another hash now: the chain
            // was recomputed under it. Nothing is chained to that.
            return Err(card_index::damaged(recent.head, card_index::CHANGED));
        }
        // The list the catch-up below empties, kept for the seal.
        let mut caught_up = Vec::new();
        let catching_up = !recent.usable_at(head.seq - 1);
        if catching_up {
            // Another process wrote, this one wrote something else, or
            // enough cards wait: their index rows now — from the rows made
            // when they were saved if the list is the whole tail (enough of
            // this process's own cards wait) and nobody wrote them, else
            // from the journal.
            let written = match whole {
                true => card_index::write_own(&tx, &recent.cards)?,
                false => None,
            };
            if written.is_none() {
                card_index::catch_up(&tx, &self.point.id)?;
            }
            let old = std::mem::replace(&mut recent, Recent::caught_up(head.seq - 1));
            recent.seal = old.seal;
            recent.floor = recent.floor.max(old.floor);
            if whole {
                caught_up = old.cards;
            }
        }
        if let Some(r) = source_ref {
            refuse_known_source(&tx, r)?;
            if let Some(c) = recent
                .cards
                .iter()
                .find(|c| c.row.source_ref.as_deref() == Some(r))
            {
                return Err(StoreError::DuplicateSource {
                    source_ref: r.to_string(),
                    card_id: c.row.card_id.clone(),
                });
            }
        }
        // The stop read for this very head (the last write was this
        // store's own card), or read again.
        let stop = match self.stop_seen.take() {
            Some((seq, stop)) if seq == head.seq => stop,
            _ => latest_setting(&tx, "stop_set")?,
        };
        let card_id = card_id_for(&self.point.id, head.seq);
        let pesel = pesel_key(&card.pesel);
        let mut same_pesel = prior_cards(&tx, &card.pesel, &card_id)?;
        for c in recent.cards.iter().map(|c| &c.row) {
            if c.pesel.is_some()
                && c.pesel == pesel
                && !same_pesel.iter().any(|p| p.card_id == c.card_id)
            {
                same_pesel.push(PriorCard {
                    card_id: c.card_id.clone(),
                    at: c.at.clone(),
                    operator: c.operator.clone(),
                });
            }
        }
        let at = now();
        let event = Event::CardEntered {
            card_id: card_id.clone(),
            card,
            assessment: assessment.clone(),
            source,
            same_pesel: same_pesel.iter().map(|p| p.card_id.clone()).collect(),
            training,
            stop: stop.clone(),
            keys,
        };
        // The card's index row is written later, with the next cards' (see
        // card_index), and so is the seal over the head: the save writes the
        // journal entry, signed, and nothing else — one b-tree, as a bare
        // insert does.
        let (entry, hash) =
            head.append_signed(&tx, (&self.point.id, &key), operator, &at, event)?;
        let seq = entry.seq;
        let row = IndexRow::of(&entry).ok_or(StoreError::Journal {
            seq,
            what: super::JournalFault::Unreadable,
        })?;
        // Sealed with the index's catch-up, so that what waits for the seal
        // is this process's own run of cards (nothing to verify again), and
        // at the latest once more than SEAL_AT wait.
        if catching_up || seq - sealed > SEAL_AT {
            let own = Own {
                remembered: if catching_up {
                    &caught_up
                } else {
                    &recent.cards
                },
                this_tx: seq,
                seal: recent.seal.as_ref(),
            };
            recent.seal = Some(seal_head_with(&tx, &self.point.id, &key, own)?);
        }
        tx.commit()?;
        recent.cards.push(RecentCard { seq, row, hash });
        recent.head = seq;
        recent.head_hash = Some(hash);
        recent.floor = seq;
        self.recent.replace(recent);
        self.stop_seen = Some((seq + 1, stop.clone()));
        tracing::info!(
            card = %card_id,
            seq,
            valid = assessment.is_valid(),
            reasons = %assessment.reasons.iter().map(|r| r.code()).collect::<Vec<_>>().join(","),
            flagged = !same_pesel.is_empty(),
            operator,
            "card entered"
        );
        Ok(Saved {
            card_id,
            seq,
            assessment,
            same_pesel,
        })
    }

    /// Records a corrected version of a card; the original entry stays.
    pub fn amend_card(
        &mut self,
        card_id: &str,
        card: RawCard,
        operator: &str,
        reason: &str,
    ) -> Result<Saved> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let key = self.writer()?;
        let options = self.rule_options();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let saved = amend_in(
            &tx,
            &self.point.id,
            &self.edition,
            options,
            card_id,
            card,
            operator,
            reason,
        )?;
        seal_head(&tx, &self.point.id, &key, saved.seq)?;
        tx.commit()?;
        tracing::info!(card = %card_id, seq = saved.seq, valid = saved.assessment.is_valid(), operator, "card amended");
        Ok(saved)
    }

    /// Voids a card (e.g. entered twice by mistake); the original entry stays.
    pub fn void_card(&mut self, card_id: &str, operator: &str, reason: &str) -> Result<u64> {
        if reason.trim().is_empty() {
            return Err(StoreError::MissingReason);
        }
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        card_index::catch_up(&tx, &self.point.id)?;
        latest_kind(&tx, card_id)?;
        let seq = append_indexed(
            &tx,
            &self.point.id,
            operator,
            &now(),
            Event::CardVoided {
                card_id: card_id.to_string(),
                reason: reason.trim().to_string(),
            },
        )?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        tracing::info!(card = %card_id, seq, operator, "card voided");
        Ok(seq)
    }
}

/// Refuses a source row id that is already stored.
fn refuse_known_source(conn: &Connection, source_ref: &str) -> Result<()> {
    let existing: Option<String> = conn
        .prepare_cached("SELECT card_id FROM card_versions WHERE source_ref = ?1")?
        .query_row([source_ref], |row| row.get(0))
        .optional()?;
    match existing {
        Some(card_id) => Err(StoreError::DuplicateSource {
            source_ref: source_ref.to_string(),
            card_id,
        }),
        None => Ok(()),
    }
}

/// Journals a corrected version of a card inside the caller's write
/// transaction (an amendment from the cards screen, or from a verification).
#[allow(clippy::too_many_arguments)]
pub(super) fn amend_in(
    tx: &Connection,
    point: &str,
    edition: &Edition,
    options: RuleOptions,
    card_id: &str,
    card: RawCard,
    operator: &str,
    reason: &str,
) -> Result<Saved> {
    let assessment = card::assess(edition, &card, options);
    card_index::catch_up(tx, point)?;
    latest_kind(tx, card_id)?;
    let same_pesel = prior_cards(tx, &card.pesel, card_id)?;
    let event = Event::CardAmended {
        card_id: card_id.to_string(),
        card,
        assessment: assessment.clone(),
        reason: reason.trim().to_string(),
        same_pesel: same_pesel.iter().map(|p| p.card_id.clone()).collect(),
    };
    let seq = append_indexed(tx, point, operator, &now(), event)?;
    Ok(Saved {
        card_id: card_id.to_string(),
        seq,
        assessment,
        same_pesel,
    })
}

/// Journals an entry about a card with its index row, after the index has
/// caught up (an amendment or a voiding: only new cards wait for theirs).
fn append_indexed(
    tx: &Connection,
    point: &str,
    operator: &str,
    at: &str,
    event: Event,
) -> Result<u64> {
    let entry = append_at(tx, point, operator, at, event)?;
    if let Some(row) = IndexRow::of(&entry) {
        row.insert(tx, entry.seq)?;
    }
    Ok(entry.seq)
}

/// The kind of a card's latest version; errors if the card is unknown or voided.
fn latest_kind(conn: &Connection, card_id: &str) -> Result<String> {
    let kind: Option<String> = conn
        .prepare_cached(
            "SELECT kind FROM card_versions WHERE card_id = ?1 ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([card_id], |r| r.get(0))
        .optional()?;
    match kind.as_deref() {
        None => Err(StoreError::UnknownCard(card_id.to_string())),
        Some("voided") => Err(StoreError::CardVoided(card_id.to_string())),
        Some(k) => Ok(k.to_string()),
    }
}

/// Other cards whose latest version carries this PESEL and are not voided.
pub(super) fn prior_cards(conn: &Connection, pesel: &str, except: &str) -> Result<Vec<PriorCard>> {
    let Some(key) = pesel_key(pesel) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(
        "SELECT v.card_id, e.at, e.operator
         FROM card_versions v
         JOIN card_versions e ON e.card_id = v.card_id AND e.kind = 'entered'
         WHERE v.pesel = ?1 AND v.card_id != ?2
           AND v.seq = (SELECT MAX(seq) FROM card_versions w WHERE w.card_id = v.card_id)
         ORDER BY v.seq",
    )?;
    let rows = stmt.query_map(params![key, except], |r| {
        Ok(PriorCard {
            card_id: r.get(0)?,
            at: r.get(1)?,
            operator: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}
