//! Entering, amending and voiding cards, and the `card_versions` rows each
//! writes.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use crate::card::{self, Assessment, RawCard, RuleOptions};
use crate::edition::Edition;

use super::append::append_at;
use super::journal::{Event, Source};
use super::settings::latest_setting;
use super::{Head, Result, Store, StoreError, now, pesel_key, seal_head, surname_key};

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
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(r) = source_ref {
            refuse_known_source(&tx, r)?;
        }
        let head = Head::read(&tx)?;
        // The stop read for this very head (the last write was this
        // store's own card), or read again.
        let stop = match self.stop_seen.take() {
            Some((seq, stop)) if seq == head.seq => stop,
            _ => latest_setting(&tx, "stop_set")?,
        };
        let card_id = format!("{}-{:06}", self.point.id, head.seq);
        let same_pesel = prior_cards(&tx, &card.pesel, &card_id)?;
        let at = now();
        let version = Version {
            card_id: &card_id,
            kind: "entered",
            card: Some(&card),
            assessment: Some(&assessment),
            flagged: !same_pesel.is_empty(),
            operator,
            at: &at,
            source_ref,
            stop: stop.as_deref(),
        };
        let event = Event::CardEntered {
            card_id: card_id.clone(),
            card: card.clone(),
            assessment: assessment.clone(),
            source,
            same_pesel: same_pesel.iter().map(|p| p.card_id.clone()).collect(),
            training,
            stop: stop.clone(),
            keys,
        };
        let seq = head.append(&tx, operator, &at, event)?;
        version.insert(&tx, seq)?;
        seal_head(&tx, &self.point.id, &key)?;
        tx.commit()?;
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
        let saved = amend_in(&tx, &self.edition, options, card_id, card, operator, reason)?;
        seal_head(&tx, &self.point.id, &key)?;
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
        latest_kind(&tx, card_id)?;
        let at = now();
        let seq = append_at(
            &tx,
            operator,
            &at,
            Event::CardVoided {
                card_id: card_id.to_string(),
                reason: reason.trim().to_string(),
            },
        )?;
        Version {
            card_id,
            kind: "voided",
            card: None,
            assessment: None,
            flagged: false,
            operator,
            at: &at,
            source_ref: None,
            stop: None,
        }
        .insert(&tx, seq)?;
        seal_head(&tx, &self.point.id, &key)?;
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
pub(super) fn amend_in(
    tx: &Connection,
    edition: &Edition,
    options: RuleOptions,
    card_id: &str,
    card: RawCard,
    operator: &str,
    reason: &str,
) -> Result<Saved> {
    let assessment = card::assess(edition, &card, options);
    latest_kind(tx, card_id)?;
    let same_pesel = prior_cards(tx, &card.pesel, card_id)?;
    let at = now();
    let event = Event::CardAmended {
        card_id: card_id.to_string(),
        card: card.clone(),
        assessment: assessment.clone(),
        reason: reason.trim().to_string(),
        same_pesel: same_pesel.iter().map(|p| p.card_id.clone()).collect(),
    };
    let seq = append_at(tx, operator, &at, event)?;
    Version {
        card_id,
        kind: "amended",
        card: Some(&card),
        assessment: Some(&assessment),
        flagged: !same_pesel.is_empty(),
        operator,
        at: &at,
        source_ref: None,
        stop: None,
    }
    .insert(tx, seq)?;
    Ok(Saved {
        card_id: card_id.to_string(),
        seq,
        assessment,
        same_pesel,
    })
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

/// A row of `card_versions`.
struct Version<'a> {
    card_id: &'a str,
    kind: &'a str,
    card: Option<&'a RawCard>,
    assessment: Option<&'a Assessment>,
    flagged: bool,
    operator: &'a str,
    at: &'a str,
    source_ref: Option<&'a str>,
    stop: Option<&'a str>,
}

impl Version<'_> {
    fn insert(&self, conn: &Connection, seq: u64) -> Result<()> {
        let reasons = self
            .assessment
            .map(|a| {
                a.reasons
                    .iter()
                    .map(|r| r.code())
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .unwrap_or_default();
        conn.prepare_cached(
            "INSERT INTO card_versions(seq, card_id, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            seq as i64,
            self.card_id,
            self.kind,
            self.card.and_then(|c| pesel_key(&c.pesel)),
            self.card.map(|c| surname_key(&c.last_name)),
            self.assessment.is_some_and(Assessment::is_valid),
            reasons,
            self.flagged,
            self.operator,
            self.at,
            self.source_ref,
            self.card.map(|c| c.cast_date.to_string()),
            self.stop,
        ])?;
        Ok(())
    }
}
