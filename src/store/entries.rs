//! Reading the journal back: one entry, or all of them with their hashes.

use super::journal::{Entry, Hash};
use super::{Result, Store, StoreError};

impl Store {
    /// One journal entry.
    pub fn entry(&self, seq: u64) -> Result<Entry> {
        let body: Vec<u8> = self.conn.query_row(
            "SELECT body FROM journal WHERE seq = ?1",
            [seq as i64],
            |r| r.get(0),
        )?;
        serde_json::from_slice(&body).map_err(|_| StoreError::Journal {
            seq,
            what: super::JournalFault::Unreadable,
        })
    }

    /// The whole journal in order, as stored (canonical bytes) with hashes.
    pub fn journal(&self) -> Result<Vec<(u64, Vec<u8>, Hash)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT seq, body, hash FROM journal ORDER BY seq")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, Vec<u8>>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (seq, body, hash) = row?;
            let hash: Hash = hash.try_into().map_err(|_| StoreError::Journal {
                seq,
                what: super::JournalFault::HashLength,
            })?;
            out.push((seq, body, hash));
        }
        Ok(out)
    }
}
