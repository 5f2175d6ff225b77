//! Appending to the journal after its head, and the seal over the head.

use rusqlite::{Connection, OptionalExtension, params};

use super::journal::{Entry, Event, GENESIS, Hash, chain_hash};
use super::{Result, Store, StoreError, card_index, keys, now};

impl Store {
    /// The seal over the journal's head as stored (an Ed25519 signature by the
    /// journal key), for the bundle's manifest.
    pub fn seal(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT signature FROM seal WHERE id = 1", [], |r| r.get(0))
            .optional()?)
    }

    /// The seal the logged-in operator's journal key makes over a head (what
    /// every write stores). Public for tests that play an operator who has
    /// a PIN and forges a bundle with it: that is the limit the threat model
    /// states, not something the disk alone allows.
    pub fn sign_seal(&self, entries: u64, head_hex: &str) -> Result<String> {
        let s = self.session.as_ref().ok_or(StoreError::NotLoggedIn)?;
        let text = keys::seal_text(&self.point.id, entries, head_hex);
        keys::seal_sign(&s.unlocked.journal, text.as_bytes())
            .map_err(|what| StoreError::Journal { seq: entries, what })
    }
}

/// Signs the journal's head as it is inside this write transaction.
pub(super) fn seal_head(conn: &Connection, point: &str, key: &minisign::SecretKey) -> Result<()> {
    let (seq, hash): (i64, Vec<u8>) = conn
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let text = keys::seal_text(point, seq as u64, &hex::encode(&hash));
    let signature = keys::seal_sign(key, text.as_bytes()).map_err(|what| StoreError::Journal {
        seq: seq as u64,
        what: format!("sealing: {what}"),
    })?;
    conn.prepare_cached(
        "INSERT INTO seal(id, entries, head, signature) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET entries = excluded.entries, head = excluded.head, signature = excluded.signature",
    )?
    .execute(params![seq, hash, signature])?;
    Ok(())
}

/// Journals an entry that is not a card's save (a setting, an operator, an
/// export…): the card index catches up first, so that only cards entered
/// are ever behind it (see card_index).
pub(super) fn append(conn: &Connection, point: &str, operator: &str, event: Event) -> Result<u64> {
    Ok(append_at(conn, point, operator, &now(), event)?.seq)
}

/// [`append`] at a given time; returns the entry journaled.
pub(super) fn append_at(
    conn: &Connection,
    point: &str,
    operator: &str,
    at: &str,
    event: Event,
) -> Result<Entry> {
    card_index::catch_up(conn, point)?;
    Head::read(conn)?.append_entry(conn, operator, at, event)
}

/// Where the next journal entry goes: its number and the hash it chains to.
/// Read inside the write transaction, so two processes on one store cannot
/// fork the chain.
pub(super) struct Head {
    pub(super) seq: u64,
    pub(super) prev: Hash,
}

impl Head {
    pub(super) fn read(conn: &Connection) -> Result<Head> {
        let last: Option<(i64, Vec<u8>)> = conn
            .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match last {
            None => Ok(Head {
                seq: 1,
                prev: GENESIS,
            }),
            Some((seq, hash)) => Ok(Head {
                seq: seq as u64 + 1,
                prev: hash.try_into().map_err(|_| StoreError::Journal {
                    seq: seq as u64,
                    what: "hash is not 32 bytes".into(),
                })?,
            }),
        }
    }

    /// Appends the entry; must run inside a write transaction.
    pub(super) fn append(
        self,
        conn: &Connection,
        operator: &str,
        at: &str,
        event: Event,
    ) -> Result<u64> {
        Ok(self.append_entry(conn, operator, at, event)?.seq)
    }

    /// [`Head::append`], returning the entry.
    pub(super) fn append_entry(
        self,
        conn: &Connection,
        operator: &str,
        at: &str,
        event: Event,
    ) -> Result<Entry> {
        let entry = Entry {
            seq: self.seq,
            at: at.to_string(),
            operator: operator.to_string(),
            event,
        };
        let body = entry.canonical_bytes();
        let hash = chain_hash(&self.prev, &body);
        conn.prepare_cached(
            "INSERT INTO journal(seq, kind, body, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            self.seq as i64,
            entry.event.kind(),
            body,
            self.prev.as_slice(),
            hash.as_slice()
        ])?;
        Ok(entry)
    }
}
