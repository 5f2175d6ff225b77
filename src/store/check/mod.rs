//! The store checks itself: every table is the journal's, or committed to by
//! it, and the journal's head is sealed by the journal key.
//!
//! - [`quick`] reads only what a kiosk needs before its first frame: the
//!   schema, the first entry (signed by the kiosk key), `meta`, `operators`
//!   against their entries, `kiosk.pub`, and the seal over the head. A few
//!   rows whatever the size of the store.
//! - [`full`] adds SQLite's integrity check, every entry's hash chain, and
//!   the card index row by row, column by column.
//!
//! Each difference is a [`Problem`]: which table, which row, what, in every
//! language (from the catalogs, `errors-check.ftl`).
//!
//! One file for each thing checked: `genesis.rs` the first entry and
//! `kiosk.pub`, `schema.rs` the tables' definitions, `meta.rs` and
//! `operators.rs` those tables against their journal entries, `seal.rs` the
//! seal over the head, `chain.rs` the hash chain and the card index.

mod cards;
mod chain;
mod genesis;
mod meta;
mod operators;
mod schema;
mod seal;

use crate::tr;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::journal::{Entry, Hash, parse_entry};
use crate::i18n::Lang;
use chain::chain;
use genesis::check_key_file;
pub use genesis::{Genesis, genesis_claims, genesis_comment, genesis_of};
use meta::check_meta;
use operators::check_operators;
use schema::check_schema;
use seal::check_seal;

/// One difference between the store and its journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub table: String,
    /// The row (a key, an entry number), or empty for the whole table.
    pub row: String,
    pub pl: String,
    pub en: String,
    pub uk: String,
}

impl Problem {
    /// A problem whose words `say` gives in each language (from the
    /// catalogs, said once when it is found: problems are few).
    pub fn new(table: &str, row: impl Into<String>, say: impl Fn(Lang) -> String) -> Problem {
        Problem {
            table: table.into(),
            row: row.into(),
            pl: say(Lang::Pl),
            en: say(Lang::En),
            uk: say(Lang::Uk),
        }
    }

    /// `table[row]: what`, in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        let what = match lang {
            Lang::Pl => &self.pl,
            Lang::En => &self.en,
            Lang::Uk => &self.uk,
        };
        if self.row.is_empty() {
            format!("{}: {what}", self.table)
        } else {
            format!("{}[{}]: {what}", self.table, self.row)
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

fn sql_problem(table: &str, e: impl std::fmt::Display) -> Problem {
    let e = e.to_string();
    Problem::new(table, "", |lang| {
        tr!(lang, "check-unreadable", error = e.as_str())
    })
}

fn entry_at(conn: &Connection, seq: u64) -> Result<Option<(Entry, Vec<u8>)>, Problem> {
    let body: Option<Vec<u8>> = conn
        .prepare_cached("SELECT body FROM journal WHERE seq = ?1")
        .and_then(|mut s| s.query_row([seq as i64], |r| r.get(0)).optional())
        .map_err(|e| sql_problem("journal", e))?;
    let Some(body) = body else { return Ok(None) };
    let entry = parse_entry(&body).map_err(|e| {
        let e = e.to_string();
        Problem::new("journal", seq.to_string(), |lang| {
            tr!(lang, "check-entry-unreadable-because", error = e.as_str())
        })
    })?;
    Ok(Some((entry, body)))
}

/// Entries of the kinds the `journal_settings` index holds, in order.
fn entries_of_kind(conn: &Connection, kind: &str) -> Result<Vec<Entry>, Problem> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT seq, body FROM journal WHERE kind = ?1 AND kind IN ('day_set', 'stop_set', 'export_made', 'store_created', 'operator_added', 'central_set') ORDER BY seq",
        )
        .map_err(|e| sql_problem("journal", e))?;
    let rows = stmt
        .query_map([kind], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .map_err(|e| sql_problem("journal", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, body) = row.map_err(|e| sql_problem("journal", e))?;
        match parse_entry(&body) {
            Ok(e) if e.event.kind() == kind && e.seq == seq as u64 => out.push(e),
            _ => {
                return Err(Problem::new("journal", seq.to_string(), |lang| {
                    tr!(lang, "check-entry-kind-or-number")
                }));
            }
        }
    }
    Ok(out)
}

/// What the quick check learned, for opening the store.
pub struct Quick {
    pub genesis: Option<Genesis>,
    pub problems: Vec<Problem>,
}

/// The checks of a few rows (see the module's doc).
pub fn quick(conn: &Connection, dir: &Path) -> Quick {
    let _one = Snapshot::begin(conn);
    let mut out = Vec::new();
    check_schema(conn, &mut out);
    let genesis = match entry_at(conn, 1) {
        Ok(Some((entry, _))) => match genesis_of(&entry) {
            Ok(g) => Some(g),
            Err(p) => {
                out.push(p);
                None
            }
        },
        Ok(None) => {
            out.push(Problem::new("journal", "1", |lang| {
                tr!(lang, "check-first-entry-missing")
            }));
            None
        }
        Err(p) => {
            out.push(p);
            None
        }
    };
    if let Some(g) = &genesis {
        check_key_file(dir, g, &mut out);
        check_meta(conn, g, &mut out);
        check_operators(conn, &mut out);
        check_seal(conn, g, &mut out);
    }
    Quick {
        genesis,
        problems: out,
    }
}

/// What the full check found.
pub struct Full {
    pub entries: u64,
    pub head: Hash,
    pub problems: Vec<Problem>,
}

/// Every check: [`quick`], SQLite's integrity check, the hash chain of every
/// entry, and the card index.
pub fn full(conn: &Connection, dir: &Path) -> Full {
    let _one = Snapshot::begin(conn);
    let mut out = Vec::new();
    match conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0)) {
        Ok(s) if s == "ok" => {}
        Ok(s) => out.push(Problem::new("sqlite", "", |lang| {
            tr!(lang, "check-integrity", result = s.as_str())
        })),
        Err(e) => out.push(sql_problem("sqlite", e)),
    }
    out.extend(quick(conn, dir).problems);
    let (entries, head) = chain(conn, &mut out);
    Full {
        entries,
        head,
        problems: out,
    }
}

/// One read transaction around a check, so that what it compares (the
/// journal's head and the seal, the index and the entries) is one state of
/// the store even while another process writes. Nothing if the caller is in
/// a transaction already.
struct Snapshot<'c>(Option<&'c Connection>);

impl<'c> Snapshot<'c> {
    fn begin(conn: &'c Connection) -> Snapshot<'c> {
        Snapshot(
            (conn.is_autocommit() && conn.execute_batch("BEGIN DEFERRED").is_ok()).then_some(conn),
        )
    }
}

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.0 {
            let _ = conn.execute_batch("COMMIT");
        }
    }
}
