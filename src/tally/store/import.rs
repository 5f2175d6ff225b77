//! Importing a bundle or a sync's delta, from a file or from memory: one
//! attempt, one row in the import log, and the stream read into one
//! transaction, all or nothing.

use std::path::{Path, PathBuf};

use rusqlite::{TransactionBehavior, params};

use crate::bundle::{self, Said, hex_sha256};
use crate::store::journal::{Entry, GENESIS};

use super::checker::{CheckedEntry, Checker, ENTRY_BATCH, RawEntry, Reading};
use super::delta::{delta_signed, delta_start};
use super::import_log::ImportLog;
use super::parallel::in_order;
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

impl Tally {
    /// Imports one bundle file: every check first, then all of it or nothing.
    /// `Err(TallyError)` is a failure of the tally itself; a refused bundle is
    /// `Ok(Err(Rejection))`, and is recorded for the audit.
    pub fn import_bundle(
        &mut self,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let checker = self.checker()?;
        self.import_one(&checker, path)
    }

    /// Imports bundle files in order, one at a time, each as
    /// [`Tally::import_bundle`] would. Whatever is wrong with one file is
    /// that file's refusal and the next is read; only a failure of the
    /// tally's own database stops the lot. `report` hears of each file as
    /// it is done.
    pub fn import_bundles(
        &mut self,
        paths: &[PathBuf],
        mut report: impl FnMut(&Path, &std::result::Result<Imported, Rejection>),
    ) -> Result<()> {
        let checker = self.checker()?;
        for p in paths {
            let outcome = self.import_one(&checker, p)?;
            report(p, &outcome);
        }
        Ok(())
    }

    /// One file, start to end, with exactly one row in the import log.
    fn import_one(
        &mut self,
        checker: &Checker,
        path: &Path,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        self.import_logged(crate::shown::path(path), |tally, log| {
            tally.read_and_store(checker, path, log)
        })
    }

    /// Imports one bundle received whole in memory (the sync server's
    /// upload), exactly as [`Tally::import_bundle`] imports a file: the same
    /// checks, all or nothing, one row in the import log under `source`.
    /// With no file name to check, the name the manifest implies is taken.
    pub fn import_bytes(
        &mut self,
        bytes: &[u8],
        source: &str,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let checker = self.checker()?;
        self.import_logged(source.to_string(), |tally, log| {
            let name = bundle::implied_file_name(bytes).unwrap_or_default();
            let mut src = bundle::Source::new(bytes);
            let len = bytes.len() as u64;
            let kind = if bundle::delta::is_delta(bytes) {
                Kind::Delta
            } else {
                Kind::Bundle(&name)
            };
            let outcome = tally.read_bundle(&checker, &mut src, len, kind, log)?;
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
        read: impl FnOnce(
            &mut Tally,
            &mut ImportLog,
        ) -> Result<std::result::Result<Imported, Rejection>>,
    ) -> Result<std::result::Result<Imported, Rejection>> {
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

    fn read_and_store(
        &mut self,
        checker: &Checker,
        path: &Path,
        log: &mut ImportLog,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let (file, len) = match bundle::read::open_file(path) {
            Ok(f) => f,
            Err(e) => return Ok(Err(e.into())),
        };
        let mut src = bundle::Source::new(std::io::BufReader::with_capacity(256 * 1024, file));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let outcome = self.read_bundle(checker, &mut src, len, Kind::Bundle(&name), log)?;
        if !matches!(outcome, Ok(Imported::Added { .. })) {
            // A refused file is named by its SHA-256 too: the rest of it is
            // read to hash it, unless it is larger than any bundle can be
            // (then the log has no hash for it).
            log.sha = if len > bundle::read::MAX_FILE {
                String::new()
            } else {
                match src.drain(bundle::read::MAX_FILE.saturating_sub(src.offset())) {
                    Ok(true) => src.sha256_hex(),
                    _ => String::new(),
                }
            };
        }
        Ok(outcome)
    }

    /// Checks the bundle's headers and signature, then streams its journal
    /// into one transaction as it is decrypted: nothing is kept but a few
    /// batches of entries, and nothing is committed unless every check
    /// held, the last ones (the payload's hash, the end of the archive, the
    /// manifest's head hash) included.
    fn read_bundle<R: std::io::Read + Send>(
        &mut self,
        checker: &Checker,
        src: &mut bundle::Source<R>,
        len: u64,
        kind: Kind<'_>,
        log: &mut ImportLog,
    ) -> Result<std::result::Result<Imported, Rejection>> {
        let opened = match kind {
            Kind::Bundle(name) => bundle::open(src, Some(len), name, None).map(|o| (o, None)),
            Kind::Delta => bundle::delta::open(src, Some(len)).map(|(o, u)| (o, Some(u))),
        };
        let (opened, unverified) = match opened {
            Ok(o) => o,
            Err(e) => return Ok(Err(e.into())),
        };
        let m = opened.manifest.clone();
        log.point = Some(m.point.id.clone());
        log.sequence = unverified.is_none().then_some(m.sequence);
        log.point_name = Some(m.point.name.clone());
        if let Err(r) = checker.check_manifest(&m) {
            return Ok(Err(r));
        }
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
        // A delta starts where the office's copy of that journal is, at most.
        let (start, stored_first) = match &unverified {
            None => ((0, GENESIS), None),
            Some(unverified) => match delta_start(&tx, &m, have, unverified)? {
                Ok(start) => start,
                Err(r) => return Ok(Err(r)),
            },
        };
        let identity = &checker.identity;
        let judge = &checker.judge;
        let (batches, incoming) = std::sync::mpsc::sync_channel::<Vec<RawEntry>>(4);
        let mut storing = Storing {
            point: &m.point.id,
            have,
            ours_at_have,
            bundle_no,
            added: 0,
        };
        // Three stages: this bundle's reader decrypts, splits and chains the
        // lines; workers on every core parse, check and judge them; this
        // thread stores them, in order, in the one transaction.
        let (stored, read, created) = std::thread::scope(|s| {
            let reader = s.spawn(move || {
                opened.read_payload(|r| Checker::read_lines(r, identity, start, &batches))
            });
            let mut refusal: Option<Rejection> = None;
            let mut created: Option<Entry> = stored_first;
            let mut pending: Vec<CheckedEntry> = Vec::with_capacity(ENTRY_BATCH);
            let mut store =
                |pending: &mut Vec<CheckedEntry>, refusal: &mut Option<Rejection>| -> Result<()> {
                    match storing.add(&tx, std::mem::take(pending))? {
                        Ok(()) => Ok(()),
                        Err(r) => {
                            *refusal = Some(r);
                            Err(TallyError::Other(String::new()))
                        }
                    }
                };
            let checked = in_order(
                || Ok(incoming.recv().unwrap_or_default()),
                &|raw: RawEntry| Ok(Checker::check_entry(judge, raw)),
                |c: std::result::Result<(CheckedEntry, Option<Entry>), Rejection>| match c {
                    Err(r) => {
                        refusal = Some(r);
                        Err(TallyError::Other(String::new()))
                    }
                    Ok((entry, first)) => {
                        if first.is_some() {
                            created = first;
                        }
                        pending.push(entry);
                        if pending.len() == ENTRY_BATCH {
                            store(&mut pending, &mut refusal)?;
                        }
                        Ok(())
                    }
                },
            )
            .and_then(|()| store(&mut pending, &mut refusal));
            // The reader stops at its next batch once nobody listens.
            drop(incoming);
            let read = match reader.join() {
                Ok(read) => read,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            // A refusal stopped the stages; any other error is the tally's.
            let stored: Result<std::result::Result<(), Rejection>> = match (checked, refusal) {
                (_, Some(r)) => Ok(Err(r)),
                (Err(e), None) => Err(e),
                (Ok(()), None) => Ok(Ok(())),
            };
            (stored, read, created)
        });
        let read = read.map(|(v, (seq, head))| (v, (seq, head, created)));
        let refused = stored?.err();
        let (head_seq, (head, created)) = match (refused, read) {
            // The archive or the payload itself is wrong: that is the refusal,
            // whatever storing made of it.
            (_, Err(Reading::Refused(r @ Rejection::Bundle(_)))) => return Ok(Err(r)),
            (Some(r), _) => return Ok(Err(r)),
            (None, Err(Reading::Refused(r))) => return Ok(Err(r)),
            (None, Err(Reading::Stopped)) => {
                return Err(TallyError::Other("the bundle reader stopped".into()));
            }
            (None, Ok((_, (seq, head, created)))) => (seq, (head, created)),
        };
        if head_seq != m.journal.entries || hex::encode(head) != m.journal.head_hash {
            return Ok(Err(Rejection::BrokenChain {
                seq: head_seq,
                what: "head",
            }));
        }
        // A delta from the journal's start carried the creation entry: the
        // journal key that must have signed it is known only now.
        if let Some(unverified) = &unverified
            && m.journal.from == Some(0)
            && let Err(r) = delta_signed(&m, created.as_ref(), unverified)
        {
            return Ok(Err(r));
        }
        // The head is the manifest's: now its seal, by the journal key the
        // store's creation entry names.
        if let Err(r) = check_sealed(&m, created.as_ref()) {
            return Ok(Err(r));
        }
        if head_seq < have {
            let ours: Vec<u8> = tx.query_row(
                "SELECT hash FROM kiosk_entries WHERE point = ?1 AND seq = ?2",
                params![m.point.id, head_seq as i64],
                |r| r.get(0),
            )?;
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
        log.sha = src.sha256_hex();
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

/// What an import reads: a bundle (under the file name it came with) or a
/// sync's delta (which has none).
#[derive(Clone, Copy)]
enum Kind<'a> {
    Bundle(&'a str),
    Delta,
}
