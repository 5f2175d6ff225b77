//! Recording exports in the journal, and the write lock and read snapshot
//! an export runs under.

use rusqlite::TransactionBehavior;

use super::journal::Event;
use super::settings::latest_of_kind;
use super::{Result, Store, StoreError, append, seal_head};

impl Store {
    /// The last end-of-day export: its sequence number and manifest hash.
    pub fn last_export(&self) -> Result<Option<(u64, String)>> {
        Ok(
            match latest_of_kind(&self.conn, "export_made")?.map(|e| e.event) {
                Some(Event::ExportMade {
                    sequence,
                    manifest_sha256,
                    ..
                }) => Some((sequence, manifest_sha256)),
                _ => None,
            },
        )
    }

    /// Records a written bundle in the journal. Refused if another export
    /// was recorded since this one read `previous` (so two exports cannot
    /// take one sequence number).
    pub fn record_export(
        &mut self,
        operator: &str,
        previous: Option<u64>,
        event: Event,
    ) -> Result<u64> {
        let (key, _) = self.coordinator()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let now = match latest_of_kind(&tx, "export_made")?.map(|e| e.event) {
            Some(Event::ExportMade { sequence, .. }) => Some(sequence),
            _ => None,
        };
        if now != previous {
            return Err(StoreError::Journal {
                seq: 0,
                what: super::JournalFault::ConcurrentExport,
            });
        }
        let seq = append(&tx, &self.point.id, operator, event)?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        tracing::info!(seq, operator, "export recorded");
        Ok(seq)
    }

    /// Runs `f` holding the store's write lock (`BEGIN IMMEDIATE`): no other
    /// process writes until it returns. Committed when `f` succeeds, rolled
    /// back otherwise. `damaged_ok` lets an investigation export read a store
    /// that failed its checks (it writes nothing).
    pub fn exclusive<T, E: From<StoreError>>(
        &mut self,
        damaged_ok: bool,
        f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        if !damaged_ok {
            self.ensure_sound()?;
        }
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StoreError::from)?;
        // What `f` reads of the card index is whole (readers inside a
        // transaction do not catch up themselves).
        // The seal covers the head too, for the manifest: a sound store's
        // waiting entries are sealed (never a damaged one's — its export is
        // for investigation).
        let ready = super::card_index::catch_up(&self.conn, &self.point.id).and_then(|_| {
            match (&self.session, self.problems.is_empty()) {
                (Some(s), true) => {
                    seal_head(&self.conn, &self.point.id, &s.unlocked.journal, u64::MAX)
                }
                _ => Ok(()),
            }
        });
        let result = match ready {
            Ok(()) => f(self),
            Err(e) => Err(e.into()),
        };
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.execute_batch(end).map_err(StoreError::from)?;
        result
    }

    /// [`Store::record_export`] inside [`Store::exclusive`].
    pub fn record_export_locked(
        &mut self,
        operator: &str,
        previous: Option<u64>,
        event: Event,
    ) -> Result<u64> {
        let (key, _) = self.coordinator()?;
        let now = match latest_of_kind(&self.conn, "export_made")?.map(|e| e.event) {
            Some(Event::ExportMade { sequence, .. }) => Some(sequence),
            _ => None,
        };
        if now != previous {
            return Err(StoreError::Journal {
                seq: 0,
                what: super::JournalFault::ConcurrentExport,
            });
        }
        let seq = append(&self.conn, &self.point.id, operator, event)?;
        seal_head(&self.conn, &self.point.id, &key, seq)?;
        tracing::info!(seq, operator, "export recorded");
        Ok(seq)
    }

    /// Runs `f` on one consistent snapshot of the store (a read transaction),
    /// so counts, journal and last export agree with each other.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        self.index_pending()?;
        self.conn.execute_batch("BEGIN DEFERRED")?;
        let result = f(self);
        self.conn.execute_batch("COMMIT")?;
        result
    }
}
