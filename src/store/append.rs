//! Appending to the journal after its head, and the seal over the head.

use crate::tr;
use rusqlite::{Connection, OptionalExtension, params};

use super::journal::{Entry, Event, GENESIS, Hash, chain_hash};
use super::{Result, Store, StoreError, card_index, keys, now};
use crate::i18n::Lang;

impl Store {
    /// The seal over the journal's head as this read sees it (an Ed25519
    /// signature by the journal key), for the bundle's manifest: the head's
    /// own signature if it is a card's save still waiting for the seal
    /// (every signed entry is a seal of the journal up to it), else the
    /// seal's. An entry the seal covers has its signature read by nothing:
    /// a journal cut back to one of them still shows the seal over the
    /// entry that was cut, which the office refuses.
    pub fn seal(&self) -> Result<Option<String>> {
        let sealed = sealed_entries(&self.conn)?;
        let head_sig: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT sig FROM journal WHERE seq > ?1 ORDER BY seq DESC LIMIT 1",
                [sealed as i64],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(Some(sig)) = head_sig {
            return Ok(Some(sig));
        }
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
        keys::seal_sign(&s.unlocked.journal, text.as_bytes()).map_err(|what| StoreError::Journal {
            seq: entries,
            what: super::JournalFault::Sealing(what),
        })
    }
}

/// How many entries the seal covers (0 before the first seal).
pub(super) fn sealed_entries(conn: &Connection) -> Result<u64> {
    Ok(conn
        .prepare_cached("SELECT entries FROM seal WHERE id = 1")?
        .query_row([], |r| r.get::<_, i64>(0))
        .optional()?
        .unwrap_or(0) as u64)
}

/// What a seal takes on trust among the entries it is to cover: from
/// `this_tx` on, what this write transaction wrote; before it, the entries
/// in `remembered` (this process's own saves, oldest first) if each is
/// still the one this process wrote, by the hash it remembers.
#[derive(Clone, Copy)]
pub(super) struct Own<'a> {
    pub(super) remembered: &'a [card_index::RecentCard],
    pub(super) this_tx: u64,
    /// The seal this process last made or verified: not verified again
    /// while the seal row is still that one, byte for byte.
    pub(super) seal: Option<&'a SealMade>,
}

/// A seal as this process made or verified it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SealMade {
    pub(super) entries: u64,
    pub(super) head: Hash,
    pub(super) signature: String,
}

/// [`seal_head_with`] where nothing before `own_from`, this transaction's
/// first entry, is remembered.
pub(super) fn seal_head(
    conn: &Connection,
    point: &str,
    key: &minisign::SecretKey,
    own_from: u64,
) -> Result<()> {
    let own = Own {
        remembered: &[],
        this_tx: own_from,
        seal: None,
    };
    seal_head_with(conn, point, key, own).map(|_| ())
}

/// Signs the journal's head as it is inside this write transaction, only
/// if what it vouches for is what the old seal vouched for and what was
/// written since ([`verify_unsealed`]): the old seal is the journal key's
/// and still names the hash its entry has on the disk, and every entry
/// after it chains to the one before and is this process's own, as
/// [`Own`] says, or carries the journal key's signature. An entry forged on
/// the disk, or a chain recomputed under a running process, is never sealed.
/// Returns the seal the head now has, for [`Own::seal`].
pub(super) fn seal_head_with(
    conn: &Connection,
    point: &str,
    key: &minisign::SecretKey,
    own: Own<'_>,
) -> Result<SealMade> {
    let sealed = sealed_entries(conn)?;
    let base = verify_unsealed(conn, point, key, sealed, own)?;
    let (seq, hash): (i64, Vec<u8>) = conn
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let head: Hash = hash
        .as_slice()
        .try_into()
        .map_err(|_| unsealed_damage(seq as u64, UNSEALED_CHANGED))?;
    if seq as u64 == sealed
        && own.this_tx > seq as u64
        && let Some(base) = base
    {
        return Ok(base);
    }
    let text = keys::seal_text(point, seq as u64, &hex::encode(&hash));
    let signature = keys::seal_sign(key, text.as_bytes()).map_err(|what| StoreError::Journal {
        seq: seq as u64,
        what: super::JournalFault::Sealing(what),
    })?;
    conn.prepare_cached(
        "INSERT INTO seal(id, entries, head, signature) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT(id) DO UPDATE SET entries = excluded.entries, head = excluded.head, signature = excluded.signature",
    )?
    .execute(params![seq, hash, signature])?;
    Ok(SealMade {
        entries: seq as u64,
        head,
        signature,
    })
}

/// The signature an entry carries: the journal key's seal over the journal
/// up to it (the seal's own text, so that every signed entry is a seal of
/// the journal as it was when it was written).
fn entry_signature(
    point: &str,
    key: &minisign::SecretKey,
    seq: u64,
    hash: &Hash,
) -> Result<String> {
    let text = keys::seal_text(point, seq, &hex::encode(hash));
    keys::seal_sign(key, text.as_bytes()).map_err(|what| StoreError::Journal {
        seq,
        what: super::JournalFault::Signing(what),
    })
}

/// The seal over the first `sealed` entries, if it is the journal key's
/// (or, byte for byte, the one this process last made or verified), its
/// entry still has the hash it names on the disk, and it is not behind the
/// one this process knows (a journal cut back under it). `None` before the
/// first seal.
fn seal_base(
    conn: &Connection,
    point: &str,
    key: &minisign::SecretKey,
    sealed: u64,
    known: Option<&SealMade>,
) -> Result<Option<SealMade>> {
    if let Some(k) = known
        && sealed < k.entries
    {
        let known = k.entries;
        return Err(damage("seal", String::new(), move |lang| {
            tr!(
                lang,
                "check-seal-moved-back",
                sealed = sealed,
                known = known
            )
        }));
    }
    if sealed == 0 {
        return Ok(None);
    }
    let (head, signature): (Vec<u8>, String) = conn
        .prepare_cached("SELECT head, signature FROM seal WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let head: Hash = head
        .try_into()
        .map_err(|_| unsealed_damage(sealed, UNSEALED_CHANGED))?;
    let seal = SealMade {
        entries: sealed,
        head,
        signature,
    };
    let text = keys::seal_text(point, sealed, &hex::encode(head));
    if known != Some(&seal) && !keys::seal_verify_own(key, text.as_bytes(), &seal.signature) {
        return Err(damage("seal", String::new(), |lang| {
            tr!(lang, "check-seal-not-signed")
        }));
    }
    let on_disk: Option<Vec<u8>> = conn
        .prepare_cached("SELECT hash FROM journal WHERE seq = ?1")?
        .query_row([sealed as i64], |r| r.get(0))
        .optional()?;
    match on_disk {
        None => Err(unsealed_damage(sealed, UNSEALED_MISSING)),
        Some(h) if h != head => Err(damage("journal", sealed.to_string(), move |lang| {
            tr!(lang, "check-seal-other-hash", entry = sealed)
        })),
        Some(_) => Ok(Some(seal)),
    }
}

/// Every entry after the first `after`, which the seal covers: each must
/// follow the hash of the one before it (from the seal's), match its
/// contents, and be this process's own ([`Own`]) or carry its own
/// signature by the journal key. What a seal over them would vouch for.
fn verify_unsealed(
    conn: &Connection,
    point: &str,
    key: &minisign::SecretKey,
    after: u64,
    own: Own<'_>,
) -> Result<Option<SealMade>> {
    let base = seal_base(conn, point, key, after, own.seal)?;
    let mut prev = base.as_ref().map_or(GENESIS, |b| b.head);
    let mut stmt = conn.prepare_cached(
        "SELECT seq, body, prev_hash, hash, sig FROM journal WHERE seq > ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query(params![after as i64])?;
    let mut expected = after + 1;
    while let Some(r) = rows.next()? {
        let seq = r.get::<_, i64>(0)? as u64;
        if seq != expected {
            return Err(unsealed_damage(expected, UNSEALED_MISSING));
        }
        let body: Vec<u8> = r.get(1)?;
        let prev_hash: Vec<u8> = r.get(2)?;
        let hash: Vec<u8> = r.get(3)?;
        let sig: Option<String> = r.get(4)?;
        let computed = chain_hash(&prev, &body);
        if prev_hash != prev || hash != computed {
            return Err(unsealed_damage(seq, UNSEALED_CHANGED));
        }
        if seq < own.this_tx {
            match own.remembered.binary_search_by_key(&seq, |c| c.seq) {
                Ok(i) if own.remembered[i].hash == computed => {}
                Ok(_) => return Err(unsealed_damage(seq, UNSEALED_CHANGED)),
                Err(_) => {
                    let text = keys::seal_text(point, seq, &hex::encode(computed));
                    if !sig.is_some_and(|sig| keys::seal_verify_own(key, text.as_bytes(), &sig)) {
                        return Err(unsealed_damage(seq, UNSEALED_UNSIGNED));
                    }
                }
            }
        }
        prev = computed;
        expected += 1;
    }
    Ok(base)
}

pub(super) const UNSEALED_MISSING: fn(Lang) -> String = |lang| tr!(lang, "check-unsealed-missing");
pub(super) const UNSEALED_CHANGED: fn(Lang) -> String = |lang| tr!(lang, "check-hash-changed");
pub(super) const UNSEALED_UNSIGNED: fn(Lang) -> String =
    |lang| tr!(lang, "check-unsealed-unsigned");

fn unsealed_damage(seq: u64, say: fn(Lang) -> String) -> StoreError {
    damage("journal", seq.to_string(), say)
}

/// A store damaged in one place: `table` and `row`, said by `say`.
fn damage(table: &str, row: String, say: impl Fn(Lang) -> String) -> StoreError {
    StoreError::Damaged(vec![super::check::Problem::new(table, row, say)])
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
                    what: super::JournalFault::HashLength,
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
        Ok(self.append_with(conn, operator, at, event, None)?.0)
    }

    /// Appends a card's save, signed by the journal key: it waits for the
    /// seal (see [`seal_head`]), and its own signature covers it until then.
    /// Returns the entry and its hash (which this process remembers).
    pub(super) fn append_signed(
        self,
        conn: &Connection,
        (point, key): (&str, &minisign::SecretKey),
        operator: &str,
        at: &str,
        event: Event,
    ) -> Result<(Entry, Hash)> {
        self.append_with(conn, operator, at, event, Some((point, key)))
    }

    fn append_with(
        self,
        conn: &Connection,
        operator: &str,
        at: &str,
        event: Event,
        signer: Option<(&str, &minisign::SecretKey)>,
    ) -> Result<(Entry, Hash)> {
        let entry = Entry {
            seq: self.seq,
            at: at.to_string(),
            operator: operator.to_string(),
            event,
        };
        let body = entry.canonical_bytes();
        let hash = chain_hash(&self.prev, &body);
        let sig = signer
            .map(|(point, key)| entry_signature(point, key, self.seq, &hash))
            .transpose()?;
        conn.prepare_cached(
            "INSERT INTO journal(seq, kind, body, prev_hash, hash, sig) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            self.seq as i64,
            entry.event.kind(),
            body,
            self.prev.as_slice(),
            hash.as_slice(),
            sig
        ])?;
        Ok((entry, hash))
    }
}
