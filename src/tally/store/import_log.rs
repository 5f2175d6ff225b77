//! The import log: one row for every attempt, accepted or refused, and
//! reading it back.

use rusqlite::{Connection, OptionalExtension, params};

use crate::bundle::{self, Said};

use super::{Result, Tally, now};

/// What the import log records about one file.
pub(super) struct ImportLog {
    pub(super) kind: &'static str,
    pub(super) file: String,
    pub(super) sha: String,
    pub(super) point: Option<String>,
    pub(super) sequence: Option<u64>,
    pub(super) point_name: Option<String>,
}

impl Tally {
    /// One row of the import log: the outcome as a code and its arguments
    /// (rendered in the reader's language later) and, for whoever reads
    /// the table itself, in English.
    pub(super) fn log_import(
        conn: &Connection,
        what: &ImportLog,
        outcome: &str,
        said: &Said,
        id: Option<i64>,
    ) -> Result<i64> {
        conn.prepare_cached(
            "INSERT INTO imports(id, at, kind, file, sha256, point, sequence, outcome, detail, code, args, point_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            id,
            now(),
            what.kind,
            what.file,
            what.sha,
            what.point,
            what.sequence.map(|s| s as i64),
            outcome,
            said.render(crate::i18n::Lang::En),
            said.code,
            serde_json::to_string(&said.args).unwrap_or_else(|_| "[]".into()),
            what.point_name,
        ])?;
        Ok(conn.last_insert_rowid())
    }

    /// Every import attempt, in order: what, when, and what came of it.
    pub fn imports(&self) -> Result<Vec<ImportRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, kind, file, sha256, point, sequence, outcome, detail, code, args
             FROM imports ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(ImportRecord {
                id: r.get::<_, i64>(0)? as u64,
                at: r.get(1)?,
                kind: r.get(2)?,
                file: r.get(3)?,
                sha256: r.get(4)?,
                point: r.get(5)?,
                sequence: r.get::<_, Option<i64>>(6)?.map(|s| s as u64),
                outcome: r.get(7)?,
                detail: r.get(8)?,
                code: r.get(9)?,
                args: r
                    .get::<_, Option<String>>(10)?
                    .and_then(|a| serde_json::from_str(&a).ok())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// When the last data came in: the time of the latest accepted import
    /// (bundle or internet file), as recorded; `None` before any.
    pub fn as_of(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT at FROM imports WHERE outcome = 'accepted' ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// One row of the import log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportRecord {
    pub id: u64,
    pub at: String,
    /// `bundle` or `online`.
    pub kind: String,
    pub file: String,
    pub sha256: String,
    pub point: Option<String>,
    pub sequence: Option<u64>,
    /// `accepted`, `unchanged` or `rejected`.
    pub outcome: String,
    /// What came of it, in English.
    pub detail: String,
    /// The same as a code and its arguments (see `bundle::words`); `None`
    /// for a rejection logged before codes were kept.
    pub code: Option<String>,
    pub args: Vec<String>,
}

impl ImportRecord {
    /// What came of the import, in `lang` (an old row's English text as
    /// it was written).
    pub fn detail_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.code {
            Some(code) => bundle::words::render(lang, code, &self.args),
            None => self.detail.clone(),
        }
    }
}
