//! Importing the internet channel's card CSV.

use std::path::Path;

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use crate::bundle::{self, Said, hex_sha256};
use crate::cardcsv;
use crate::tally::online::{OnlineRefusal, RowFault};

use super::import_log::ImportLog;
use super::{Imported, Rejection, Result, Tally};

impl Tally {
    /// Imports the internet channel's card CSV: every row readable, every id
    /// new or unchanged, or nothing is stored.
    pub fn import_online(
        &mut self,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let file = crate::shown::path(path);
        let (sha, outcome) = match bundle::read::read_regular(path, cardcsv::MAX_FILE_BYTES) {
            Ok(bytes) => (hex_sha256(&bytes), self.store_online(&bytes, &file)?),
            Err(reason) => {
                let e = cardcsv::FileError::Open {
                    path: file.clone(),
                    reason,
                };
                (
                    String::new(),
                    Err(Rejection::Online(OnlineRefusal::file(&e))),
                )
            }
        };
        let (result, said) = match &outcome {
            Ok(Imported::Online { rows }) => (
                "accepted",
                Said::new("online_accepted", vec![rows.to_string()]),
            ),
            Ok(_) => ("unchanged", Said::new("online_unchanged", vec![])),
            Err(r) => ("rejected", r.said()),
        };
        let log = ImportLog {
            kind: "online",
            file: file.clone(),
            sha,
            point: None,
            sequence: None,
            point_name: None,
        };
        Self::log_import(&self.conn, &log, result, &said, None)?;
        tracing::info!(
            file = %log.file,
            sha256 = %log.sha,
            outcome = result,
            code = said.code,
            "internet file imported"
        );
        Ok(outcome)
    }

    fn store_online(
        &mut self,
        bytes: &[u8],
        file: &str,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let rows = match cardcsv::parse(bytes, file, &self.edition.ballot) {
            Ok(rows) => rows,
            Err(e) => return Ok(Err(Rejection::Online(OnlineRefusal::file(&e)))),
        };
        let mut problems = Vec::new();
        let mut cards = Vec::new();
        for row in rows {
            match row.card {
                Err(p) => problems.push((row.line, RowFault::Problem(p))),
                Ok(_) if row.id.is_empty() => problems.push((row.line, RowFault::NoId)),
                Ok(card) => cards.push((row.id, row.line, card)),
            }
        }
        if !problems.is_empty() {
            return Ok(Err(Rejection::Online(OnlineRefusal::rows(file, &problems))));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut added = 0;
        {
            let mut seen_digest = tx.prepare_cached("SELECT digest FROM online WHERE id = ?1")?;
            let mut add_row = tx.prepare_cached(
                "INSERT INTO online(id, file, line, card, digest) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for (id, line, card) in &cards {
                let json = serde_json::to_string(card).unwrap_or_default();
                let digest = hex_sha256(json.as_bytes());
                let seen: Option<String> = seen_digest.query_row([id], |r| r.get(0)).optional()?;
                match seen {
                    Some(d) if d != digest => {
                        return Ok(Err(Rejection::RecordChanged {
                            id: crate::shown::Shown::new(id).to_string(),
                        }));
                    }
                    Some(_) => {}
                    None => {
                        add_row.execute(params![id, file, *line as i64, json, digest])?;
                        added += 1;
                    }
                }
            }
        }
        tx.commit()?;
        Ok(Ok(if added == 0 {
            Imported::OnlineAlreadyHave
        } else {
            Imported::Online { rows: added }
        }))
    }
}
