//! Every ballot that stands, read from the store: each kiosk card's latest
//! version and each internet row, with where it came from.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::card::RawCard;

use super::parallel::in_order;
use super::{Result, Tally, TallyError};

impl Tally {
    /// Every ballot that stands: each kiosk card's latest version (voided
    /// cards left out) and each internet row, with where it came from.
    pub fn ballots(&self) -> Result<Vec<Ballot>> {
        let mut out = Vec::new();
        self.each_ballot(
            |json| {
                serde_json::from_str::<RawCard>(json)
                    .map_err(|_| TallyError::from(super::TallyFault::CardUnreadable))
            },
            |source, card| {
                out.push(Ballot { source, card });
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Calls `f` with every ballot that stands, its card (JSON) read by
    /// `read`: kiosk cards point by point in card order, then internet rows.
    /// Reading the store stays on this thread; `read` runs on every core, a
    /// batch of rows at a time, and the results come back in order. A
    /// point's cards are its own (the import makes sure), so only one
    /// point's cards are held at once.
    pub(super) fn each_ballot<T: Send>(
        &self,
        read: impl Fn(&str) -> Result<T> + Sync,
        mut f: impl FnMut(Source, T) -> Result<()>,
    ) -> Result<()> {
        let files: HashMap<i64, String> = {
            let mut stmt = self.conn.prepare("SELECT id, file FROM imports")?;
            let rows =
                stmt.query_map([], |r| Ok((r.get(0)?, file_name(&r.get::<_, String>(1)?))))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        // Kiosk rows are (point, bundle, entry); internet rows (id, file,
        // line, card).
        enum Row {
            Kiosk(String, i64, Vec<u8>),
            Online(String, String, i64, String),
        }
        enum Parsed<T> {
            Card {
                point: String,
                bundle: i64,
                kind: u8,
                card_id: String,
                operator: String,
                card: Option<T>,
            },
            Online(Source, T),
            Other(String),
        }
        const ENTERED: u8 = 0;
        const VOIDED: u8 = 1;
        let parse = |row: Row| -> Result<Parsed<T>> {
            match row {
                Row::Kiosk(point, bundle, body) => {
                    let e: EntryView<'_> = serde_json::from_slice(&body)
                        .map_err(|_| TallyError::from(super::TallyFault::EntryUnreadable))?;
                    let kind = match e.kind {
                        "card_entered" | "card_amended" => ENTERED,
                        "card_voided" => VOIDED,
                        _ => return Ok(Parsed::Other(point)),
                    };
                    let (Some(card_id), card) = (e.data.card_id, e.data.card) else {
                        return Ok(Parsed::Other(point));
                    };
                    let card = match (kind, card) {
                        (ENTERED, Some(c)) => Some(read(c.get())?),
                        (ENTERED, None) => return Ok(Parsed::Other(point)),
                        _ => None,
                    };
                    Ok(Parsed::Card {
                        point,
                        bundle,
                        kind,
                        card_id,
                        operator: e.operator,
                        card,
                    })
                }
                Row::Online(id, file, line, card) => Ok(Parsed::Online(
                    Source::Internet {
                        id,
                        file: file_name(&file),
                        line: line as u64,
                    },
                    read(&card)?,
                )),
            }
        };
        let mut point = String::new();
        let mut cards: BTreeMap<String, (Source, T)> = BTreeMap::new();
        let mut take = |p: Parsed<T>| -> Result<()> {
            let this_point = match &p {
                Parsed::Card { point, .. } | Parsed::Other(point) => Some(point.as_str()),
                Parsed::Online(..) => None,
            };
            if this_point != Some(point.as_str()) {
                for (_, (source, card)) in std::mem::take(&mut cards) {
                    f(source, card)?;
                }
                point = this_point.unwrap_or_default().to_string();
            }
            match p {
                Parsed::Card {
                    point,
                    bundle,
                    kind,
                    card_id,
                    operator,
                    card,
                } => match (kind, card) {
                    (ENTERED, Some(card)) => {
                        let bundle = files.get(&bundle).cloned().unwrap_or_default();
                        cards.insert(
                            card_id.clone(),
                            (
                                Source::Point {
                                    point,
                                    bundle,
                                    card_id,
                                    operator,
                                },
                                card,
                            ),
                        );
                    }
                    _ => {
                        cards.remove(&card_id);
                    }
                },
                Parsed::Online(source, card) => f(source, card)?,
                Parsed::Other(_) => {}
            }
            Ok(())
        };
        let mut rows = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare("SELECT point, bundle, body FROM kiosk_entries ORDER BY point, seq")?;
            let mut q = stmt.query([])?;
            let mut online = self
                .conn
                .prepare("SELECT id, file, line, card FROM online ORDER BY id")?;
            let mut o = online.query([])?;
            let mut next = || -> Result<Option<Row>> {
                if let Some(r) = q.next()? {
                    return Ok(Some(Row::Kiosk(r.get(0)?, r.get(1)?, r.get(2)?)));
                }
                Ok(match o.next()? {
                    Some(r) => Some(Row::Online(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                    None => None,
                })
            };
            in_order(
                || {
                    rows.clear();
                    while rows.len() < BATCH {
                        match next()? {
                            Some(r) => rows.push(r),
                            None => break,
                        }
                    }
                    Ok(std::mem::take(&mut rows))
                },
                &parse,
                &mut take,
            )?;
        }
        // The last point's cards (the loop flushes on a change of point).
        take(Parsed::Other(String::from("\u{0}")))?;
        Ok(())
    }
}

fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string())
}

/// Where a ballot came from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "channel")]
pub enum Source {
    /// A card typed at a polling point, received in a bundle (file name).
    Point {
        point: String,
        bundle: String,
        card_id: String,
        operator: String,
    },
    /// A row of an internet channel file (file name and line).
    Internet { id: String, file: String, line: u64 },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ballot {
    pub source: Source,
    pub card: RawCard,
}

/// A stored journal entry as the count reads it: the card left unread.
#[derive(serde::Deserialize)]
pub(super) struct EntryView<'a> {
    pub(super) operator: String,
    pub(super) kind: &'a str,
    #[serde(borrow)]
    pub(super) data: DataView<'a>,
}

#[derive(serde::Deserialize)]
pub(super) struct DataView<'a> {
    #[serde(default)]
    pub(super) card_id: Option<String>,
    #[serde(borrow, default)]
    pub(super) card: Option<&'a serde_json::value::RawValue>,
}

/// Rows per batch handed to a worker.
const BATCH: usize = 2048;
