//! Importing a bundle or a sync's delta, from a file or from memory: one
//! attempt, one row in the import log, and the stream read into one
//! transaction, all or nothing. The reading side ([`super::reading`]) needs
//! nothing of the store; this is the storing side.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rusqlite::{TransactionBehavior, params};

use crate::bundle::{self, Said, hex_sha256};
use crate::store::journal::{GENESIS, Hash};

use super::checker::{CheckedEntry, Reading};
use super::delta::{delta_signed, delta_start};
use super::import_log::ImportLog;
use super::reading::{self, Ended, Incoming, Kind, ReadEnd};
use super::seal::check_sealed;
use super::storing::Storing;
use super::{Rejection, Result, Tally, TallyError};

/// What an accepted import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// New entries stored.
    Added { point: String, entries: u64 },
    /// The same or an older bundle: nothing changed.
    AlreadyHave { point: String },
    /// Internet rows stored.
    Online { rows: u64 },
    /// The same internet file again: nothing changed.
    OnlineAlreadyHave,
}

type Outcome = std::result::Result<Imported, Rejection>;

impl Tally {
    /// Imports one bundle file: every check first, then all of it or nothing.
    /// `Err(TallyError)` is a failure of the tally itself; a refused bundle is
    /// `Ok(Err(Rejection))`, and is recorded for the audit.
    pub fn import_bundle(&mut self, path: &Path) -> Result<Outcome> {
        let mut outcome = None;
        self.import_in_order(&[path.to_path_buf()], |_, o| outcome = Some(o))?;
        Ok(outcome.unwrap_or(Err(Rejection::Internal)))
    }

    /// Imports bundle files in order, each as [`Tally::import_bundle`]
    /// would: each in its own transaction, committed or refused, and
    /// logged, in the order given. Whatever is wrong with one file is that
    /// file's refusal and the next is read; only a failure of the tally's
    /// own database stops the lot. `report` hears of each file as it is
    /// done.
    pub fn import_bundles(
        &mut self,
        paths: &[PathBuf],
        mut report: impl FnMut(&Path, &Outcome),
    ) -> Result<()> {
        self.import_in_order(paths, |p, outcome| report(p, &outcome))
    }

    /// The files in order, each stored while the next is already being
    /// read, checked and judged on other threads (reading needs nothing of
    /// the store): in flight are the bundle being stored and the next one,
    /// and of that one at most a few batches of entries.
    fn import_in_order(
        &mut self,
        paths: &[PathBuf],
        mut each: impl FnMut(&Path, Outcome),
    ) -> Result<()> {
        let checker = self.checker()?;
        let checker = &checker;
        std::thread::scope(|s| {
            // The next bundle waits here while the one before it is stored.
            let (out, incoming) = sync_channel::<Incoming>(1);
            s.spawn(move || {
                for p in paths {
                    if !reading::read_file(checker, p, &out) {
                        return;
                    }
                }
            });
            // Returning drops `incoming`: the reader stops at its next step.
            for p in paths {
                let next = incoming
                    .recv()
                    .map_err(|_| TallyError::from(super::TallyFault::ReaderStopped))?;
                let outcome = self.import_logged(crate::shown::path(p), |tally, log| {
                    tally.store_incoming(next, log)
                })?;
                each(p, outcome);
            }
            Ok(())
        })
    }

    /// Imports one bundle received whole in memory (the sync server's
    /// upload), exactly as [`Tally::import_bundle`] imports a file: the same
    /// checks, all or nothing, one row in the import log under `source`.
    /// With no file name to check, the name the manifest implies is taken.
    pub fn import_bytes(&mut self, bytes: &[u8], source: &str) -> Result<Outcome> {
        let checker = self.checker()?;
        self.import_logged(source.to_string(), |tally, log| {
            let name = bundle::implied_file_name(bytes).unwrap_or_default();
            let kind = if bundle::delta::is_delta(bytes) {
                Kind::Delta
            } else {
                Kind::Bundle(&name)
            };
            let len = bytes.len() as u64;
            let outcome = std::thread::scope(|s| {
                let (out, incoming) = sync_channel::<Incoming>(1);
                let checker = &checker;
                let reader = s.spawn(move || {
                    let mut src = bundle::Source::new(bytes);
                    reading::read_source(checker, &mut src, len, kind, &mut |i| out.send(i).is_ok())
                });
                let outcome = match incoming.recv() {
                    Ok(next) => tally.store_incoming(next, log),
                    Err(_) => Ok(Err(Rejection::Internal)),
                };
                if let Err(panic) = reader.join() {
                    std::panic::resume_unwind(panic);
                }
                outcome
            })?;
            if !matches!(outcome, Ok(Imported::Added { .. })) {
                log.sha = hex_sha256(bytes);
            }
            Ok(outcome)
        })
    }

    /// One attempt, start to end, with exactly one row in the import log.
    fn import_logged(
        &mut self,
        file: String,
        read: impl FnOnce(&mut Tally, &mut ImportLog) -> Result<Outcome>,
    ) -> Result<Outcome> {
        let mut log = ImportLog {
            kind: "bundle",
            file,
            sha: String::new(),
            point: None,
            sequence: None,
            point_name: None,
        };
        // The last line of defence: a bug met while reading one file is
        // that file's refusal (its transaction rolls back as it unwinds).
        let outcome =
            match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(self, &mut log))) {
                Ok(outcome) => outcome?,
                Err(_) => Err(Rejection::Internal),
            };
        match &outcome {
            Ok(Imported::Added { .. }) => {}
            Ok(_) => {
                Self::log_import(
                    &self.conn,
                    &log,
                    "unchanged",
                    &Said::new("unchanged", vec![]),
                    None,
                )?;
            }
            Err(r) => {
                Self::log_import(&self.conn, &log, "rejected", &r.said(), None)?;
            }
        }
        // The log file gets the outcome's code only: the import log in the
        // store has the whole sentence.
        let (outcome_word, code) = match &outcome {
            Ok(Imported::Added { .. }) => ("accepted", "accepted"),
            Ok(_) => ("unchanged", "unchanged"),
            Err(r) => ("rejected", r.said().code),
        };
        tracing::info!(
            file = %log.file,
            sha256 = %log.sha,
            point = %log.point.as_deref().map(crate::shown::Shown::new).map(|p| p.to_string()).unwrap_or_default(),
            sequence = log.sequence.unwrap_or_default(),
            outcome = outcome_word,
            code,
            "bundle imported"
        );
        Ok(outcome)
    }

    /// Stores one bundle as the reading side hands it over, and names it
    /// in the log: by its manifest's point and sequence, and by the
    /// SHA-256 of the file.
    fn store_incoming(&mut self, incoming: Incoming, log: &mut ImportLog) -> Result<Outcome> {
        let Incoming {
            manifest,
            unverified,
            refused,
            start,
            batches,
            ended,
        } = incoming;
        if let Some(m) = &manifest {
            log.point = Some(m.point.id.clone());
            log.sequence = unverified.is_none().then_some(m.sequence);
            log.point_name = Some(m.point.name.clone());
        }
        let mut end: Option<Ended> = None;
        let outcome = match (manifest, refused) {
            (Some(m), None) => self.store_read(
                &m,
                unverified.as_ref(),
                start,
                batches,
                &ended,
                &mut end,
                log,
            )?,
            (_, refused) => Err(refused.unwrap_or(Rejection::Internal)),
        };
        if !matches!(outcome, Ok(Imported::Added { .. })) {
            // The reading side hashes the rest of a refused file.
            if end.is_none() {
                end = ended.recv().ok();
            }
            log.sha = end.map(|e| e.sha_file).unwrap_or_default();
        }
        Ok(outcome)
    }

    /// Stores a bundle whose manifest the office trusts: its entries into
    /// one transaction as they come, then — once its reading has ended —
    /// the checks that need the whole journal (its head, its seal, a fork),
    /// and the commit. `end` gets how the reading ended when it was waited
    /// for.
    #[allow(clippy::too_many_arguments)]
    fn store_read(
        &mut self,
        m: &bundle::Manifest,
        unverified: Option<&bundle::delta::Unverified>,
        start: Option<SyncSender<(u64, Hash)>>,
        batches: Receiver<Vec<CheckedEntry>>,
        ended: &Receiver<Ended>,
        end: &mut Option<Ended>,
        log: &mut ImportLog,
    ) -> Result<Outcome> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Entries are stored 1, 2, 3… for each point: the highest is the count.
        let have: i64 = tx.query_row(
            "SELECT COALESCE(MAX(seq), 0) FROM kiosk_entries WHERE point = ?1",
            [&m.point.id],
            |r| r.get(0),
        )?;
        let have = have as u64;
        // The log row is written last, with the entries: its id now.
        let bundle_no: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM imports", [], |r| {
                r.get(0)
            })?;
        let hash_at = |seq: u64| -> Result<Vec<u8>> {
            Ok(tx.query_row(
                "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
                params![m.point.id, seq as i64],
                |r| r.get(0),
            )?)
        };
        let ours_at_have: Option<Vec<u8>> = if have > 0 { Some(hash_at(have)?) } else { None };
        // A delta starts where the office's copy of that journal is, at most:
        // its payload is read from there once the reading side hears it.
        let (from, stored_first) = match unverified {
            None => ((0, GENESIS), None),
            Some(unverified) => match delta_start(&tx, m, have, unverified)? {
                Ok(start) => start,
                Err(r) => return Ok(Err(r)),
            },
        };
        if let Some(start) = start {
            // A reading side that stopped has its refusal in `ended`.
            let _ = start.send(from);
        }
        let mut storing = Storing {
            point: &m.point.id,
            have,
            ours_at_have,
            bundle_no,
            added: 0,
        };
        // A refusal stops the storing; dropping `batches` stops the reading.
        let stored = (|| -> Result<Option<Rejection>> {
            for batch in batches {
                if let Err(r) = storing.add(&tx, batch)? {
                    return Ok(Some(r));
                }
            }
            Ok(None)
        })()?;
        *end = ended.recv().ok();
        let Some(read) = end.as_mut().and_then(|e| e.read.take()) else {
            // The reading side stopped without an end: a bug of its own.
            return Ok(Err(Rejection::Internal));
        };
        let ReadEnd {
            read,
            refused,
            failed,
            created,
        } = read;
        let created = created.or(stored_first);
        // The first refusal stopped the stages: the storing's (it stores
        // only what was checked before it), else an entry's. Any other
        // stop is the tally's.
        let refused = stored.or(refused);
        if refused.is_none()
            && let Some(e) = failed
        {
            return Err(e);
        }
        let (head_seq, head) = match (refused, read) {
            // The archive or the payload itself is wrong: that is the refusal,
            // whatever storing made of it.
            (_, Err(Reading::Refused(r @ Rejection::Bundle(_)))) => return Ok(Err(r)),
            (Some(r), _) => return Ok(Err(r)),
            (None, Err(Reading::Refused(r))) => return Ok(Err(r)),
            (None, Err(Reading::Stopped)) => {
                return Err(TallyError::from(super::TallyFault::ReaderStopped));
            }
            (None, Ok(head)) => head,
        };
        if head_seq != m.journal.entries || hex::encode(head) != m.journal.head_hash {
            return Ok(Err(Rejection::BrokenChain {
                seq: head_seq,
                what: "head",
            }));
        }
        // A delta from the journal's start carried the creation entry: the
        // journal key that must have signed it is known only now.
        if let Some(unverified) = unverified
            && m.journal.from == Some(0)
            && let Err(r) = delta_signed(m, created.as_ref(), unverified)
        {
            return Ok(Err(r));
        }
        // The head is the manifest's: now its seal, by the journal key the
        // store's creation entry names.
        if let Err(r) = check_sealed(m, created.as_ref()) {
            return Ok(Err(r));
        }
        if head_seq < have {
            let ours = hash_at(head_seq)?;
            if ours != head {
                return Ok(Err(Rejection::Fork {
                    point: m.point.id.clone(),
                    seq: head_seq,
                    ours: hex::encode(ours),
                    theirs: hex::encode(head),
                }));
            }
        }
        if head_seq <= have {
            return Ok(Ok(Imported::AlreadyHave {
                point: m.point.id.clone(),
            }));
        }
        let added = storing.added;
        log.sha = end.as_ref().map(|e| e.sha_read.clone()).unwrap_or_default();
        Self::log_import(
            &tx,
            log,
            "accepted",
            &Said::new("accepted", vec![added.to_string()]),
            Some(bundle_no),
        )?;
        tx.commit()?;
        Ok(Ok(Imported::Added {
            point: m.point.id.clone(),
            entries: added,
        }))
    }
}
