//! `operators` against the journal's `operator_added` entries: each added by
//! a coordinator, with the role, PIN record and entry the journal says.

use crate::tr;
use std::collections::HashMap;

use rusqlite::Connection;

use super::{Problem, entries_of_kind, sql_problem};
use crate::store::Role;
use crate::store::journal::Event;
use crate::store::keys::sha256_hex;

/// `operators` as the journal's `operator_added` entries say.
pub(super) fn check_operators(conn: &Connection, out: &mut Vec<Problem>) {
    let added = match entries_of_kind(conn, "operator_added") {
        Ok(a) => a,
        Err(p) => return out.push(p),
    };
    let rows: Vec<(String, String, String, i64)> = match conn
        .prepare("SELECT name, role, pin_hash, added_seq FROM operators")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()
        }) {
        Ok(r) => r,
        Err(e) => return out.push(sql_problem("operators", e)),
    };
    let mut rows: HashMap<String, (String, String, i64)> = rows
        .into_iter()
        .map(|(n, r, p, s)| (n, (r, p, s)))
        .collect();
    let mut coordinators: Vec<String> = Vec::new();
    for e in &added {
        let Event::OperatorAdded {
            name,
            role,
            pin_record,
        } = &e.event
        else {
            continue;
        };
        let first = coordinators.is_empty();
        let by_coordinator = coordinators.contains(&e.operator)
            || (first && e.operator == *name && role == Role::Coordinator.as_str());
        if !by_coordinator {
            out.push(Problem::new("journal", e.seq.to_string(), |lang| {
                tr!(lang, "check-operator-added-by", name = name.as_str())
            }));
        }
        if role == Role::Coordinator.as_str() {
            coordinators.push(name.clone());
        }
        match rows.remove(name) {
            None => out.push(Problem::new("operators", name.clone(), |lang| {
                tr!(lang, "check-operator-no-row")
            })),
            Some((r, pin, seq)) => {
                if r != *role {
                    // A role code in words; anything else as it is stored.
                    let word = |code: &str, lang| match Role::parse(code) {
                        Some(role) => role.word(lang),
                        None => format!("„{}”", crate::shown::Shown::new(code)),
                    };
                    out.push(Problem::new("operators", name.clone(), |lang| {
                        tr!(
                            lang,
                            "check-operator-role",
                            stored = word(&r, lang),
                            journal = word(role, lang)
                        )
                    }));
                }
                if pin_record.as_deref() != Some(sha256_hex(pin.as_bytes()).as_str()) {
                    out.push(Problem::new("operators", name.clone(), |lang| {
                        tr!(lang, "check-operator-pin")
                    }));
                }
                if seq as u64 != e.seq {
                    out.push(Problem::new("operators", name.clone(), |lang| {
                        tr!(lang, "check-operator-added-seq")
                    }));
                }
            }
        }
    }
    for name in rows.keys() {
        out.push(Problem::new("operators", name.clone(), |lang| {
            tr!(lang, "check-operator-not-added")
        }));
    }
}
