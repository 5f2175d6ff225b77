//! The schema: every table, index and trigger as the migrations make it, and
//! the schema version.

use crate::tr;
use std::collections::BTreeMap;

use rusqlite::Connection;

use super::{Problem, sql_problem};
use crate::store;

/// The schema every store must have, from the migrations themselves.
fn expected_schema() -> Option<Vec<(String, String, String)>> {
    let mut mem = Connection::open_in_memory().ok()?;
    store::migrations().to_latest(&mut mem).ok()?;
    schema_of(&mem).ok()
}

fn schema_of(conn: &Connection) -> rusqlite::Result<Vec<(String, String, String)>> {
    let mut stmt = conn
        .prepare("SELECT type, name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

pub(super) fn check_schema(conn: &Connection, out: &mut Vec<Problem>) {
    let (Some(want), found) = (expected_schema(), schema_of(conn)) else {
        return;
    };
    let found = match found {
        Ok(f) => f,
        Err(e) => return out.push(sql_problem("sqlite_master", e)),
    };
    let want: BTreeMap<_, _> = want.into_iter().map(|(t, n, s)| ((t, n), s)).collect();
    let found: BTreeMap<_, _> = found.into_iter().map(|(t, n, s)| ((t, n), s)).collect();
    for ((t, n), s) in &want {
        match found.get(&(t.clone(), n.clone())) {
            None => out.push(Problem::new("sqlite_master", format!("{t} {n}"), |lang| {
                tr!(lang, "check-schema-dropped")
            })),
            Some(f) if f != s => {
                out.push(Problem::new("sqlite_master", format!("{t} {n}"), |lang| {
                    tr!(lang, "check-schema-changed")
                }))
            }
            Some(_) => {}
        }
    }
    for (t, n) in found.keys() {
        if !want.contains_key(&(t.clone(), n.clone())) {
            out.push(Problem::new("sqlite_master", format!("{t} {n}"), |lang| {
                tr!(lang, "check-schema-added")
            }));
        }
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap_or(-1);
    if version != store::SCHEMA_VERSION {
        out.push(Problem::new("sqlite_master", "user_version", |lang| {
            tr!(
                lang,
                "check-schema-version",
                version = version,
                expected = store::SCHEMA_VERSION
            )
        }));
    }
}
