//! The store's settings, each a journal entry: the central office's key,
//! the voting day and a mobile point's stop.

use chrono::{Local, NaiveDate};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use super::journal::{Entry, Event};
use super::{Result, Store, StoreError, append, seal_head};

impl Store {
    /// Sets or changes the central office's age recipient (a coordinator).
    pub fn set_central(&mut self, recipient: &str) -> Result<u64> {
        let (key, by) = self.coordinator()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(
            &tx,
            &self.point.id,
            &by,
            Event::CentralSet {
                recipient: recipient.to_string(),
            },
        )?;
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'central_recipient'",
            [recipient],
        )?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        self.point.central_recipient = Some(recipient.to_string());
        tracing::info!(seq, operator = %by, "central office key set");
        Ok(seq)
    }

    /// Sets the voting day whose urn is being entered; cards typed from now on
    /// carry it as their cast date.
    pub fn set_day(&mut self, day: NaiveDate, operator: &str) -> Result<u64> {
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(&tx, &self.point.id, operator, Event::DaySet { day })?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        Ok(seq)
    }

    /// Sets a mobile point's current stop; cards entered from now on record it.
    pub fn set_stop(&mut self, location: &str, operator: &str) -> Result<u64> {
        let location = location.trim();
        if location.is_empty() {
            return Err(StoreError::MissingReason);
        }
        let key = self.writer()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let seq = append(
            &tx,
            &self.point.id,
            operator,
            Event::StopSet {
                location: location.to_string(),
            },
        )?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        Ok(seq)
    }

    /// The voting day set by a coordinator, or today when none was set.
    pub fn current_day(&self) -> Result<NaiveDate> {
        Ok(latest_setting(&self.conn, "day_set")?
            .and_then(|d| d.parse().ok())
            .unwrap_or_else(|| Local::now().date_naive()))
    }

    /// Whether a coordinator has ever set the voting day (a new store has not).
    pub fn day_is_set(&self) -> Result<bool> {
        Ok(latest_setting(&self.conn, "day_set")?.is_some())
    }

    /// A mobile point's current stop, if one was set.
    pub fn current_stop(&self) -> Result<Option<String>> {
        latest_setting(&self.conn, "stop_set")
    }
}

/// The value of the latest `day_set` or `stop_set` entry, if any.
pub(super) fn latest_setting(conn: &Connection, kind: &str) -> Result<Option<String>> {
    Ok(match latest_of_kind(conn, kind)?.map(|e| e.event) {
        Some(Event::DaySet { day }) => Some(day.to_string()),
        Some(Event::StopSet { location }) => Some(location),
        _ => None,
    })
}

/// The latest entry of a kind the `journal_settings` index holds.
pub(super) fn latest_of_kind(conn: &Connection, kind: &str) -> Result<Option<Entry>> {
    let body: Option<Vec<u8>> = conn
        .prepare_cached(
            "SELECT body FROM journal
             WHERE kind = ?1 AND kind IN ('day_set', 'stop_set', 'export_made', 'store_created', 'operator_added', 'central_set')
             ORDER BY seq DESC LIMIT 1",
        )?
        .query_row([kind], |r| r.get(0))
        .optional()?;
    let Some(body) = body else { return Ok(None) };
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|_| StoreError::Journal {
            seq: 0,
            what: super::JournalFault::UnreadableKind(kind.to_string()),
        })
}
