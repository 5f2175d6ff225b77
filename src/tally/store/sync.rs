//! What the sync server (`urna tally serve`) reads from the office's store
//! beside the import itself: a point's head, the status page's roll, and a
//! row in the import log for an upload refused before it was a bundle.

use rusqlite::OptionalExtension;

use super::{ImportLog, Rejection, Result, Tally};

/// One trusted point as the status page shows it: nothing personal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointSync {
    pub point: String,
    /// The name its latest accepted bundle's manifest gives.
    pub name: Option<String>,
    /// When a bundle of it was last accepted or found already known.
    pub last_sync: Option<String>,
    /// Cards entered (not amendments or voids) the office holds from it.
    pub cards: u64,
    /// Entries held and the hash of the last one.
    pub entries: u64,
    pub head: Option<String>,
    /// Its bundles the office refused.
    pub refused: u64,
}

impl Tally {
    /// What the office holds from a trusted point: its entry count and head
    /// hash (`None` for a point it does not trust).
    pub fn point_head(&self, point: &str) -> Result<Option<(u64, Option<String>)>> {
        let trusted: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM kiosks WHERE point = ?1)",
            [point],
            |r| r.get(0),
        )?;
        if !trusted {
            return Ok(None);
        }
        let head: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row(
                "SELECT seq, hash FROM kiosk_entries WHERE point = ?1 ORDER BY seq DESC LIMIT 1",
                [point],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(Some(match head {
            Some((seq, hash)) => (seq as u64, Some(hex::encode(hash))),
            None => (0, None),
        }))
    }

    /// Every trusted point, in id order, with what the status page shows.
    pub fn sync_roll(&self) -> Result<Vec<PointSync>> {
        let roll = self.point_roll()?;
        let mut out = Vec::with_capacity(roll.len());
        let mut last = self.conn.prepare_cached(
            "SELECT MAX(at) FROM imports WHERE point = ?1 AND kind = 'bundle'
               AND outcome IN ('accepted', 'unchanged')",
        )?;
        let mut cards = self.conn.prepare_cached(
            "SELECT COUNT(*) FROM kiosk_cards WHERE point = ?1 AND kind = 'card_entered'",
        )?;
        let mut refused = self.conn.prepare_cached(
            "SELECT COUNT(*) FROM imports WHERE point = ?1 AND kind = 'bundle'
               AND outcome = 'rejected'",
        )?;
        for p in roll {
            let last_sync: Option<String> = last.query_row([&p.point], |r| r.get(0))?;
            let n: i64 = cards.query_row([&p.point], |r| r.get(0))?;
            let r: i64 = refused.query_row([&p.point], |r| r.get(0))?;
            let (entries, head) = self.point_head(&p.point)?.unwrap_or((0, None));
            out.push(PointSync {
                point: p.point,
                name: p.name,
                last_sync,
                cards: n as u64,
                entries,
                head,
                refused: r as u64,
            });
        }
        Ok(out)
    }

    /// Refused attempts that name no trusted point (unreadable uploads,
    /// unknown kiosks).
    pub fn refused_elsewhere(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM imports WHERE kind = 'bundle' AND outcome = 'rejected'
               AND (point IS NULL OR point NOT IN (SELECT point FROM kiosks))",
            [],
            |r| r.get(0),
        )?;
        Ok(n as u64)
    }

    /// Records an attempt refused before it could be read as a bundle (an
    /// upload too large or cut short), so the import log has every attempt.
    pub fn log_refused(&mut self, source: &str, sha256: &str, rejection: &Rejection) -> Result<()> {
        let log = ImportLog {
            kind: "bundle",
            file: source.to_string(),
            sha: sha256.to_string(),
            point: None,
            sequence: None,
            point_name: None,
        };
        Tally::log_import(&self.conn, &log, "rejected", &rejection.said(), None)?;
        Ok(())
    }
}
