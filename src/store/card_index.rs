//! The card index (`card_versions`) a few saves behind the journal.
//!
//! A card's save writes its journal entry and the seal, and nothing else:
//! its row in the card index, with the rows of the cards saved after it, is
//! written later in one go — by the save that finds [`CATCH_UP_AT`] of them
//! waiting, by the kiosk when nobody has typed for a moment, by every other
//! kind of write before it writes, before anything reads the index, and
//! when the store is closed. One write of 256 rows touches far fewer pages
//! than 256 writes of one (the index's last page, the day index's last
//! page), and a save that writes one b-tree instead of five is what keeps
//! it within 1.5× a bare insert (README, "Saving a card"). The seal over
//! the head is not tied to it: it follows every [`SEAL_AT`] saves.
//!
//! Every row is derived from its journal entry by [`IndexRow::of`], the very
//! derivation `urna check` compares the index with, so a row written late is
//! the row `check` expects. What is behind is always the journal's last
//! entries, each a card entered with no index row: the tail. Everything
//! before the tail is indexed, since every write other than a card's save
//! catches up first. So the tail needs no record of its own that could be
//! edited: it is found by walking back from the journal's head, and a row
//! missing anywhere else is damage (`check` reports it).
//!
//! A card saved by this process and still in the tail is also kept in
//! [`Recent`], so that the next save finds an earlier card with the same
//! PESEL, or the same file row, without reading the journal. When that list
//! is the whole tail (nobody else wrote since), the save that finds it full
//! writes the rows it holds, made by [`IndexRow::of`] from each entry as it
//! was written ([`write_own`]): the catch-up then neither walks the tail
//! back nor reads and parses 256 entries again.

use crate::tr;
use rusqlite::{Connection, OptionalExtension, params};

use crate::card::Assessment;
use crate::i18n::Lang;

use super::append::{Head, Own, SealMade, UNSEALED_MISSING, seal_head_with, sealed_entries};
use super::check::Problem;
use super::journal::{Entry, Event, GENESIS, Hash, Source, chain_hash, parse_entry};
use super::{Result, Store, StoreError, pesel_key, surname_key};

/// How many saved cards may wait for their index rows before a save writes
/// them. Not a bound anything relies on (the seal's is [`SEAL_AT`]): one
/// write of 256 rows touches a few pages per table where 256 writes of one
/// touch a page each, and what waits costs a save nothing but a look
/// through [`Recent`].
pub(super) const CATCH_UP_AT: usize = 256;

/// How many saved cards may wait for the seal over the head: a save that
/// finds more after the seal seals the head. Each of them carries its own
/// signature, so what waits is checked all the same; what is not seen is
/// the last few taken away (docs/threat-model.md).
pub const SEAL_AT: u64 = 32;

/// The kind of the journal entries the tail is made of.
const ENTERED: &str = "card_entered";

/// The id of the card a journal entry enters: the point and the entry's
/// number.
pub(super) fn card_id_for(point: &str, seq: u64) -> String {
    format!("{point}-{seq:06}")
}

/// The cards this process saved since the index was last caught up, while
/// nobody else has written: what a save looks at besides the index.
#[derive(Debug, Default)]
pub(super) struct Recent {
    /// The journal's last entry when this list was last known to be whole:
    /// any other process's entry after it makes the list unusable.
    pub(super) head: u64,
    /// The hash `head` had when this process wrote it (its own last save):
    /// what the head must still have before the next save chains to it.
    pub(super) head_hash: Option<Hash>,
    /// The seal this process last made or verified ([`Own::seal`]).
    pub(super) seal: Option<SealMade>,
    /// The longest the journal has been in this process's eyes: it only
    /// grows, so a shorter one was cut under it.
    pub(super) floor: u64,
    pub(super) cards: Vec<RecentCard>,
}

/// What a later save needs of a card in the tail.
#[derive(Debug, Clone)]
pub(super) struct RecentCard {
    /// Its journal entry.
    pub(super) seq: u64,
    /// Its index row, made from the entry as this process wrote it: the
    /// row the catch-up writes when the list is the whole tail.
    pub(super) row: IndexRow,
    /// The entry's hash as this process wrote it: what the entry on the
    /// disk must still have (and match) before its row or a seal over it
    /// is written.
    pub(super) hash: Hash,
}

impl Recent {
    /// The list for a journal whose head is `head` and whose index is whole.
    pub(super) fn caught_up(head: u64) -> Recent {
        Recent {
            head,
            head_hash: None,
            seal: None,
            floor: head,
            cards: Vec::new(),
        }
    }

    /// What stays when a save fails (its transaction rolled back): no list
    /// the next save would trust, but what this process knew of the
    /// journal's length and of the seal before that save.
    pub(super) fn after_failure(&self) -> Recent {
        Recent {
            seal: self.seal.clone(),
            floor: self.floor,
            ..Recent::default()
        }
    }

    /// A journal whose head is `head`, behind the last entry this process
    /// wrote or saw: entries were deleted under it (the journal only
    /// grows). Nothing is built on that.
    pub(super) fn refuse_shorter(&self, head: u64) -> Result<()> {
        match head < self.floor {
            true => Err(damaged(head + 1, UNSEALED_MISSING)),
            false => Ok(()),
        }
    }

    /// Whether this list still holds every card of the tail at `head`, and
    /// is short enough for one more.
    pub(super) fn usable_at(&self, head: u64) -> bool {
        self.head == head && self.cards.len() < CATCH_UP_AT
    }
}

/// A row of `card_versions`, as the journal entry it comes from says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct IndexRow {
    pub(super) card_id: String,
    pub(super) kind: String,
    pub(super) pesel: Option<String>,
    pub(super) surname: Option<String>,
    pub(super) valid: bool,
    pub(super) reasons: String,
    pub(super) flagged: bool,
    pub(super) operator: String,
    pub(super) at: String,
    pub(super) source_ref: Option<String>,
    pub(super) day: Option<String>,
    pub(super) stop: Option<String>,
}

fn codes(a: &Assessment) -> String {
    a.reasons
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",")
}

impl IndexRow {
    /// The index row of a journal entry about a card; `None` for other
    /// entries.
    pub(super) fn of(entry: &Entry) -> Option<IndexRow> {
        let base = |card_id: &str, kind: &str| IndexRow {
            card_id: card_id.to_string(),
            kind: kind.into(),
            pesel: None,
            surname: None,
            valid: false,
            reasons: String::new(),
            flagged: false,
            operator: entry.operator.clone(),
            at: entry.at.clone(),
            source_ref: None,
            day: None,
            stop: None,
        };
        Some(match &entry.event {
            Event::CardEntered {
                card_id,
                card,
                assessment,
                source,
                same_pesel,
                stop,
                ..
            } => IndexRow {
                pesel: pesel_key(&card.pesel),
                surname: Some(surname_key(&card.last_name)),
                valid: assessment.is_valid(),
                reasons: codes(assessment),
                flagged: !same_pesel.is_empty(),
                source_ref: match source {
                    Source::Csv { id, .. } => id.clone(),
                    Source::Kiosk => None,
                },
                day: Some(card.cast_date.to_string()),
                stop: stop.clone(),
                ..base(card_id, "entered")
            },
            Event::CardAmended {
                card_id,
                card,
                assessment,
                same_pesel,
                ..
            } => IndexRow {
                pesel: pesel_key(&card.pesel),
                surname: Some(surname_key(&card.last_name)),
                valid: assessment.is_valid(),
                reasons: codes(assessment),
                flagged: !same_pesel.is_empty(),
                day: Some(card.cast_date.to_string()),
                ..base(card_id, "amended")
            },
            Event::CardVoided { card_id, .. } => base(card_id, "voided"),
            _ => return None,
        })
    }

    /// Writes the row for journal entry `seq`.
    pub(super) fn insert(&self, conn: &Connection, seq: u64) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO card_versions(seq, card_id, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            seq as i64,
            self.card_id,
            self.kind,
            self.pesel,
            self.surname,
            self.valid,
            self.reasons,
            self.flagged,
            self.operator,
            self.at,
            self.source_ref,
            self.day,
            self.stop,
        ])?;
        Ok(())
    }
}

/// Whether journal entry `seq` of point `point`, a card entered, has its
/// index row.
fn indexed(conn: &Connection, point: &str, seq: u64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM card_versions WHERE card_id = ?1 AND seq = ?2")?
        .query_row(params![card_id_for(point, seq), seq as i64], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The first entry of the tail — the journal's last entries that are cards
/// entered without an index row — or `None` when every entry is indexed.
pub(super) fn tail_start(conn: &Connection, point: &str) -> Result<Option<u64>> {
    let mut stmt = conn.prepare_cached("SELECT seq, kind FROM journal ORDER BY seq DESC")?;
    let mut rows = stmt.query([])?;
    let mut start = None;
    while let Some(r) = rows.next()? {
        let seq = r.get::<_, i64>(0)? as u64;
        let kind: String = r.get(1)?;
        if kind != ENTERED || indexed(conn, point, seq)? {
            break;
        }
        start = Some(seq);
    }
    Ok(start)
}

/// Writes the index rows of `cards`, this process's own saves since the
/// index last caught up, from the rows made when each was saved: for a list
/// that is the whole tail (nobody else appended since, [`Recent::usable_at`]'s
/// head), inside the save's write transaction. Each row is the one
/// [`IndexRow::of`] made of the entry this process wrote, as [`catch_up`]
/// would make it of that entry read back, and only if the entry on the disk
/// is still that one: its hash the one remembered, and matching its
/// contents (an entry changed on the disk gets no row; the save is refused).
/// `None`, writing nothing, when another process has written these rows
/// (a reader's catch-up, which appends nothing): then the tail is walked.
pub(super) fn write_own(conn: &Connection, cards: &[RecentCard]) -> Result<Option<usize>> {
    let Some(first) = cards.first() else {
        return Ok(Some(0));
    };
    if conn
        .prepare_cached("SELECT 1 FROM card_versions WHERE card_id = ?1 AND seq = ?2")?
        .query_row(params![first.row.card_id, first.seq as i64], |_| Ok(()))
        .optional()?
        .is_some()
    {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT seq, body, prev_hash, hash FROM journal WHERE seq >= ?1 AND seq <= ?2 ORDER BY seq",
    )?;
    let last = cards[cards.len() - 1].seq;
    let mut rows = stmt.query(params![first.seq as i64, last as i64])?;
    let mut own = cards.iter();
    while let Some(r) = rows.next()? {
        let seq = r.get::<_, i64>(0)? as u64;
        let body: Vec<u8> = r.get(1)?;
        let prev_hash: Vec<u8> = r.get(2)?;
        let hash: Vec<u8> = r.get(3)?;
        let Some(c) = own.next().filter(|c| c.seq == seq) else {
            return Err(damaged(seq, CHANGED));
        };
        let prev: Hash = prev_hash.try_into().map_err(|_| damaged(seq, CHANGED))?;
        if hash != c.hash || chain_hash(&prev, &body) != c.hash {
            return Err(damaged(seq, CHANGED));
        }
    }
    if let Some(c) = own.next() {
        return Err(damaged(c.seq, CHANGED));
    }
    for c in cards {
        c.row.insert(conn, c.seq)?;
    }
    Ok(Some(cards.len()))
}

/// Writes the index rows of the tail, each derived from its journal entry;
/// must run inside a write transaction. Returns how many it wrote. The
/// tail's entries are chained again first: the seal the quick checks
/// verified covers the head's hash, and through the chain every entry of
/// the tail, so a row is never derived from an entry changed on the disk.
pub(super) fn catch_up(conn: &Connection, point: &str) -> Result<usize> {
    let Some(start) = tail_start(conn, point)? else {
        return Ok(0);
    };
    let mut prev: Hash = match start {
        1 => GENESIS,
        _ => {
            let hash: Vec<u8> = conn
                .prepare_cached("SELECT hash FROM journal WHERE seq = ?1")?
                .query_row([start as i64 - 1], |r| r.get(0))?;
            hash.try_into().map_err(|_| damaged(start - 1, CHANGED))?
        }
    };
    let mut stmt = conn.prepare_cached(
        "SELECT seq, body, prev_hash, hash FROM journal WHERE seq >= ?1 ORDER BY seq",
    )?;
    let mut rows = stmt.query([start as i64])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let seq = r.get::<_, i64>(0)? as u64;
        let body: Vec<u8> = r.get(1)?;
        let prev_hash: Vec<u8> = r.get(2)?;
        let hash: Vec<u8> = r.get(3)?;
        let computed = chain_hash(&prev, &body);
        if prev_hash != prev || hash != computed {
            return Err(damaged(seq, CHANGED));
        }
        prev = computed;
        // Not the parser's words: they can quote the entry, a voter's data.
        let entry = parse_entry(&body).map_err(|_| damaged(seq, UNREADABLE))?;
        let row = IndexRow::of(&entry)
            .filter(|_| entry.seq == seq)
            .ok_or_else(|| damaged(seq, UNREADABLE))?;
        row.insert(conn, seq)?;
        n += 1;
    }
    Ok(n)
}

pub(super) const CHANGED: fn(Lang) -> String = |lang| tr!(lang, "check-hash-changed");
const UNREADABLE: fn(Lang) -> String = |lang| tr!(lang, "check-not-card-entry");

pub(super) fn damaged(seq: u64, say: fn(Lang) -> String) -> StoreError {
    StoreError::Damaged(vec![Problem::new("journal", seq.to_string(), say)])
}

impl Store {
    /// The connection, once the card index holds every card: what every
    /// reader of the index asks first. Writes the tail's rows if there is a
    /// tail and the store passed its quick checks; otherwise (a damaged
    /// store, which takes no writes, or inside a transaction, which caught
    /// up when it began) reads the index as it is.
    pub(super) fn index(&self) -> Result<&Connection> {
        self.index_pending()?;
        Ok(&self.conn)
    }

    /// Writes the index rows of the cards still waiting for them, and — if
    /// an operator is logged in — seals the entries still waiting for the
    /// seal: the kiosk calls it when nobody is typing, every reader of the
    /// index before it reads, and the store when it is closed or the
    /// operator logs out.
    pub fn index_pending(&self) -> Result<()> {
        if !self.problems.is_empty() || !self.conn.is_autocommit() {
            return Ok(());
        }
        let key = self.session.as_ref().map(|s| &s.unlocked.journal);
        let unsealed = match key {
            Some(_) => sealed_entries(&self.conn)? < Head::read(&self.conn)?.seq - 1,
            None => false,
        };
        if !unsealed && tail_start(&self.conn, &self.point.id)?.is_none() {
            self.recent.borrow_mut().cards.clear();
            return Ok(());
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        let done = (|| {
            let n = catch_up(&self.conn, &self.point.id)?;
            if let Some(key) = key {
                // This process's own cards, if nobody wrote after them, are
                // not verified again before they are sealed.
                let head = Head::read(&self.conn)?.seq - 1;
                let mut recent = self.recent.borrow_mut();
                recent.refuse_shorter(head)?;
                let remembered = match recent.head == head {
                    true => recent.cards.as_slice(),
                    false => &[],
                };
                let own = Own {
                    remembered,
                    this_tx: u64::MAX,
                    seal: recent.seal.as_ref(),
                };
                let seal = seal_head_with(&self.conn, &self.point.id, key, own);
                recent.seal = seal.as_ref().ok().cloned();
                seal?;
            }
            Ok::<_, StoreError>(n)
        })();
        let end = if done.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.conn.execute_batch(end)?;
        let n = done?;
        // Every card the list held is indexed now; its head still says
        // whether anybody else wrote since.
        self.recent.borrow_mut().cards.clear();
        tracing::debug!(rows = n, sealed = key.is_some(), "card index caught up");
        Ok(())
    }

    /// Whether cards saved by this process still wait for their index rows.
    pub fn index_behind(&self) -> bool {
        !self.recent.borrow().cards.is_empty()
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        // This process's own cards, and the seal if an operator is still
        // logged in, best effort: a tail left behind is written (and sealed)
        // by the next process that reads or writes, and a process that only
        // looked (`urna check` on a copy kept as evidence) leaves
        // the file as it found it.
        if (self.index_behind() || self.session.is_some())
            && let Err(e) = self.index_pending()
        {
            tracing::warn!(error = %e, "the card index was not caught up on closing");
        }
    }
}
