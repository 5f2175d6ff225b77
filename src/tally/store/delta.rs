//! A sync's delta: where its entries start in the office's copy, and its
//! signature by the journal key.

use rusqlite::params;

use crate::bundle;
use crate::store::journal::{Entry, Event, GENESIS, Hash};

use super::seal::{genesis_for, unsealed};
use super::{Rejection, Result, TallyError};

/// Where a delta's entries start (the number and hash of the entry before
/// its first), and the point's creation entry as the office holds it: the
/// office must hold the entry the delta starts after, with the same hash,
/// and (unless the delta starts the journal) the journal key that signed it.
#[allow(clippy::type_complexity)]
pub(super) fn delta_start(
    tx: &rusqlite::Transaction<'_>,
    m: &bundle::Manifest,
    have: u64,
    unverified: &bundle::delta::Unverified,
) -> Result<std::result::Result<((u64, Hash), Option<Entry>), Rejection>> {
    let from = m.journal.from.unwrap_or(0);
    let from_hash = m.journal.from_hash.clone().unwrap_or_default();
    if from == 0 {
        // Signed by the journal key its own creation entry names: checked
        // once that entry is read.
        return Ok(Ok(((0, GENESIS), None)));
    }
    if have == 0 {
        // Nothing here to check its signature with: the office holds
        // nothing of this point, which is all the answer says.
        return Ok(Err(Rejection::Gap {
            point: m.point.id.clone(),
            have,
            from,
        }));
    }
    // The signature first: a delta whose start was changed after signing
    // is a bad signature, not a gap or a fork.
    let first: Vec<u8> = tx.query_row(
        "SELECT body FROM kiosk_entries WHERE point = ?1 AND seq = 1",
        [&m.point.id],
        |r| r.get(0),
    )?;
    let first = crate::store::journal::parse_entry(&first)
        .ok()
        .filter(|e| matches!(e.event, Event::StoreCreated { .. }));
    if let Err(r) = delta_signed(m, first.as_ref(), unverified) {
        return Ok(Err(r));
    }
    if from > have {
        return Ok(Err(Rejection::Gap {
            point: m.point.id.clone(),
            have,
            from,
        }));
    }
    let ours: Vec<u8> = tx.query_row(
        "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
        params![m.point.id, from as i64],
        |r| r.get(0),
    )?;
    if hex::encode(&ours) != from_hash {
        return Ok(Err(Rejection::Fork {
            point: m.point.id.clone(),
            seq: from,
            ours: hex::encode(ours),
            theirs: crate::shown::escape_controls(&from_hash),
        }));
    }
    let start: Hash = ours
        .try_into()
        .map_err(|_| TallyError::from(super::TallyFault::CopyHashLength { seq: from }))?;
    Ok(Ok(((from, start), first)))
}

/// A delta's signature is the journal key's that the point's creation
/// entry names (and that entry the trusted kiosk key's).
pub(super) fn delta_signed(
    m: &bundle::Manifest,
    created: Option<&Entry>,
    unverified: &bundle::delta::Unverified,
) -> std::result::Result<(), Rejection> {
    let Some(first) = created else {
        return Err(unsealed(|lang| {
            crate::tr!(lang, "tally-seal-delta-needs-creation")
        }));
    };
    let g = genesis_for(m, first)?;
    unverified
        .verify(m, &g.journal_public_key)
        .map_err(Rejection::Bundle)
}
