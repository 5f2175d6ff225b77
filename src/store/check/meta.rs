//! `meta` against the journal: the first entry's point and edition, the
//! latest office key.

use crate::tr;
use std::collections::BTreeMap;

use rusqlite::Connection;

use super::{Genesis, Problem, entries_of_kind, sql_problem};
use crate::store::journal::Event;
use crate::store::keys::sha256_hex;

/// `meta` as the journal says it must be.
pub(super) fn check_meta(conn: &Connection, g: &Genesis, out: &mut Vec<Problem>) {
    let central = match entries_of_kind(conn, "central_set") {
        Ok(sets) => sets
            .into_iter()
            .filter_map(|e| match e.event {
                Event::CentralSet { recipient } => Some(recipient),
                _ => None,
            })
            .next_back()
            .or_else(|| g.central_recipient.clone()),
        Err(p) => return out.push(p),
    };
    let mut want: BTreeMap<&str, String> = BTreeMap::new();
    want.insert("point_id", g.point_id.clone());
    want.insert("point_name", g.point_name.clone());
    want.insert("mobile", (g.mobile as u8).to_string());
    want.insert("training", (g.training as u8).to_string());
    want.insert("edition_id", g.edition_id.clone());
    want.insert("central_recipient", central.unwrap_or_default());
    let rows: Vec<(String, String)> =
        match conn
            .prepare("SELECT key, value FROM meta")
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            }) {
            Ok(r) => r,
            Err(e) => return out.push(sql_problem("meta", e)),
        };
    let mut seen = std::collections::BTreeSet::new();
    for (k, v) in &rows {
        seen.insert(k.as_str());
        let ok = match k.as_str() {
            "edition_toml" => sha256_hex(v.as_bytes()) == g.edition_sha256,
            key => want.get(key).is_some_and(|w| w == v),
        };
        if !ok {
            out.push(if want.contains_key(k.as_str()) || k == "edition_toml" {
                Problem::new("meta", k.clone(), |lang| tr!(lang, "check-meta-differs"))
            } else {
                Problem::new("meta", k.clone(), |lang| {
                    tr!(lang, "check-meta-foreign-key")
                })
            });
        }
    }
    for k in want.keys().copied().chain(["edition_toml"]) {
        if !seen.contains(k) {
            out.push(Problem::new("meta", k, |lang| {
                tr!(lang, "check-meta-row-missing")
            }));
        }
    }
}
