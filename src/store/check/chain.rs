//! The full check's walk of the journal: every entry's hash chain, and the
//! card index (`card_versions`) row by row against the card entries.

use crate::tr;
use std::collections::HashMap;

use rusqlite::Connection;

use super::cards::Replay;
use super::{Problem, sql_problem};
use crate::i18n::Lang;
use crate::store::card_index::{CATCH_UP_AT, IndexRow};
use crate::store::journal::{GENESIS, Hash, chain_hash, parse_entry};

/// The card index's rows by journal entry, and the entries that have more
/// than one row (one of them made up).
fn index_rows(conn: &Connection) -> rusqlite::Result<(HashMap<u64, IndexRow>, Vec<u64>)> {
    let mut stmt = conn.prepare(
        "SELECT seq, card_id, kind, pesel, surname, valid, reasons, flagged, operator, at, source_ref, day, stop FROM card_versions",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)? as u64,
            IndexRow {
                card_id: r.get(1)?,
                kind: r.get(2)?,
                pesel: r.get(3)?,
                surname: r.get(4)?,
                valid: r.get(5)?,
                reasons: r.get(6)?,
                flagged: r.get(7)?,
                operator: r.get(8)?,
                at: r.get(9)?,
                source_ref: r.get(10)?,
                day: r.get(11)?,
                stop: r.get(12)?,
            },
        ))
    })?;
    let mut index = HashMap::new();
    let mut twice = Vec::new();
    for row in rows {
        let (seq, row) = row?;
        if index.insert(seq, row).is_some() {
            twice.push(seq);
        }
    }
    Ok((index, twice))
}

pub(super) fn chain(conn: &Connection, out: &mut Vec<Problem>) -> (u64, Hash) {
    let mut index = match index_rows(conn) {
        Ok((index, twice)) => {
            out.extend(twice.into_iter().map(|seq| {
                Problem::new("card_versions", seq.to_string(), |lang| {
                    tr!(lang, "check-index-row-twice")
                })
            }));
            index
        }
        Err(e) => {
            out.push(sql_problem("card_versions", e));
            HashMap::new()
        }
    };
    let mut replay = Replay::default();
    let mut prev = GENESIS;
    let mut expected = 1u64;
    // Cards entered without an index row since the last entry that is
    // indexed or is not a card's: the waiting tail if nothing else follows.
    let mut waiting: Vec<u64> = Vec::new();
    let lacks = |seq: u64| {
        Problem::new("card_versions", seq.to_string(), |lang| {
            tr!(lang, "check-index-row-missing")
        })
    };
    let result = (|| -> rusqlite::Result<()> {
        let mut stmt =
            conn.prepare("SELECT seq, kind, body, prev_hash, hash FROM journal ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let seq = r.get::<_, i64>(0)? as u64;
            let bad = |say: &dyn Fn(Lang) -> String| Problem::new("journal", seq.to_string(), say);
            if seq != expected {
                out.push(bad(&|lang| {
                    tr!(lang, "check-chain-expected", entry = expected)
                }));
                return Ok(());
            }
            let kind: String = r.get(1)?;
            let body: Vec<u8> = r.get(2)?;
            let prev_hash: Vec<u8> = r.get(3)?;
            let hash: Vec<u8> = r.get(4)?;
            if prev_hash != prev {
                out.push(bad(&|lang| tr!(lang, "check-not-following")));
                return Ok(());
            }
            let computed = chain_hash(&prev, &body);
            if hash != computed {
                out.push(bad(&|lang| tr!(lang, "check-hash-changed")));
                return Ok(());
            }
            let entry = match parse_entry(&body) {
                Ok(e) => e,
                Err(_) => {
                    out.push(bad(&|lang| tr!(lang, "check-entry-unreadable")));
                    return Ok(());
                }
            };
            if entry.seq != seq || entry.event.kind() != kind || !entry.is_canonical(&body) {
                out.push(bad(&|lang| tr!(lang, "check-contents-kind-or-number")));
                return Ok(());
            }
            out.extend(replay.entry(&entry));
            let want = IndexRow::of(&entry);
            let found = if want.is_some() {
                index.remove(&seq)
            } else {
                None
            };
            match (want, found) {
                (Some(want), Some(found)) if found == want => {
                    out.extend(waiting.drain(..).map(lacks))
                }
                (Some(_), Some(_)) => {
                    out.extend(waiting.drain(..).map(lacks));
                    out.push(Problem::new("card_versions", seq.to_string(), |lang| {
                        tr!(lang, "check-index-row-differs")
                    }))
                }
                // A card entered without its row may be waiting for it, if
                // only such cards come after it (see card_index).
                (Some(_), None) if kind == "card_entered" => waiting.push(seq),
                (Some(_), None) => {
                    out.extend(waiting.drain(..).map(lacks));
                    out.push(lacks(seq));
                }
                (None, _) => out.extend(waiting.drain(..).map(lacks)),
            }
            prev = computed;
            expected += 1;
        }
        Ok(())
    })();
    if let Err(e) = result {
        out.push(sql_problem("journal", e));
    }
    // No kiosk leaves more cards waiting than one batch: a longer "tail" is
    // rows deleted.
    if waiting.len() > CATCH_UP_AT {
        out.extend(waiting.drain(..).map(lacks));
    }
    let mut extra: Vec<_> = index.keys().copied().collect();
    extra.sort_unstable();
    for seq in extra {
        out.push(Problem::new("card_versions", seq.to_string(), |lang| {
            tr!(lang, "check-index-row-without-entry")
        }));
    }
    (expected - 1, prev)
}
