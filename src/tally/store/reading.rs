//! The reading side of an import: a bundle's head read and its signature
//! checked, its manifest held against what the office trusts, then its
//! payload decrypted, split into chained lines, and each line parsed,
//! checked and judged — handed to the storing side in order, in batches
//! ([`Incoming`]). Nothing here reads the store, so the next bundle is read
//! while the one before it is stored and committed
//! ([`super::Tally::import_bundles`]).

use std::io::Read;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use crate::bundle::{self, Manifest, Source};
use crate::store::journal::{Entry, GENESIS, Hash};

use super::checker::{CheckedEntry, Checker, ENTRY_BATCH, RawEntry, Reading};
use super::parallel::in_order;
use super::{Rejection, TallyError};

/// Batches of checked entries between the reading and the storing side:
/// with [`ENTRY_BATCH`] entries each, what one bundle can be read ahead of
/// its storing.
const BATCHES_AHEAD: usize = 8;

/// What an import reads: a bundle (under the file name it came with) or a
/// sync's delta (which has none).
#[derive(Clone, Copy)]
pub(super) enum Kind<'a> {
    Bundle(&'a str),
    Delta,
}

/// One bundle as the reading side hands it to the storing side.
pub(super) struct Incoming {
    /// The signed manifest, once the head was read and its signature held.
    pub(super) manifest: Option<Manifest>,
    /// A delta's signature: the journal key that must have made it is in
    /// the office's copy of the journal (or in the delta's first entry).
    pub(super) unverified: Option<bundle::delta::Unverified>,
    /// Why the bundle is refused before its payload is read: its head, or
    /// its manifest against what the office trusts.
    pub(super) refused: Option<Rejection>,
    /// Where a delta's entries start, which only the store knows: its
    /// payload is read once the storing side sends it here (and not at all
    /// if it drops this). A bundle's journal starts at the beginning.
    pub(super) start: Option<SyncSender<(u64, Hash)>>,
    /// The checked entries, in order; the channel ends with the payload, or
    /// at the first entry refused. Dropping it stops the reading.
    pub(super) batches: Receiver<Vec<CheckedEntry>>,
    /// How the reading ended, once it has.
    pub(super) ended: Receiver<Ended>,
}

impl Incoming {
    /// A bundle refused before anything of it could be read: there is no
    /// payload and no hash of it.
    fn refused(r: Rejection) -> Incoming {
        Incoming {
            manifest: None,
            unverified: None,
            refused: Some(r),
            start: None,
            batches: sync_channel(0).1,
            ended: sync_channel(0).1,
        }
    }
}

/// The end of one bundle's reading.
pub(super) struct Ended {
    /// How the payload's reading and checking ended (`None`: not read).
    pub(super) read: Option<ReadEnd>,
    /// SHA-256 of the bytes read, which name an accepted file (its payload
    /// and the end of the archive were read to the end of the file).
    pub(super) sha_read: String,
    /// SHA-256 of the whole file, which names a refused one (empty when the
    /// file is larger than any bundle can be).
    pub(super) sha_file: String,
}

/// How one payload's reading and checking ended.
pub(super) struct ReadEnd {
    /// The journal's last number and hash as read, or why the payload (the
    /// archive, its hash, the decryption, a line) was refused.
    pub(super) read: std::result::Result<(u64, Hash), Reading>,
    /// The first entry refused, which stopped the checks.
    pub(super) refused: Option<Rejection>,
    /// Checking stopped otherwise: the storing side stopped listening, or a
    /// failure of the tally's own.
    pub(super) failed: Option<TallyError>,
    /// The store-creation entry, when the payload had it.
    pub(super) created: Option<Entry>,
}

/// Reads the bundle file at `path` and hands it to `out`; `false` once
/// nobody takes bundles any more. A bug met while reading it is that
/// bundle's refusal, and the next file is read.
pub(super) fn read_file(checker: &Checker, path: &Path, out: &SyncSender<Incoming>) -> bool {
    let mut delivered = false;
    let mut deliver = |incoming: Incoming| {
        delivered = true;
        out.send(incoming).is_ok()
    };
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let (file, len) = match bundle::read::open_file(path) {
            Ok(f) => f,
            Err(e) => return deliver(Incoming::refused(e.into())),
        };
        let mut src = Source::new(std::io::BufReader::with_capacity(256 * 1024, file));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        read_source(checker, &mut src, len, Kind::Bundle(&name), &mut deliver)
    }));
    match read {
        Ok(more) => more,
        // Told already (its channels closed as the panic unwound), or told now.
        Err(_) => delivered || out.send(Incoming::refused(Rejection::Internal)).is_ok(),
    }
}

/// Reads one bundle or delta from `src`: hands its [`Incoming`] to
/// `deliver` once its head is checked (`false` from it: nobody is storing
/// any more, and so is the answer), then reads its payload into it.
pub(super) fn read_source<R: Read + Send>(
    checker: &Checker,
    src: &mut Source<R>,
    len: u64,
    kind: Kind<'_>,
    deliver: &mut dyn FnMut(Incoming) -> bool,
) -> bool {
    let (batches_out, batches) = sync_channel(BATCHES_AHEAD);
    let (ended_out, ended) = sync_channel(1);
    let opened = match kind {
        Kind::Bundle(name) => bundle::open(src, Some(len), name, None).map(|o| (o, None)),
        Kind::Delta => bundle::delta::open(src, Some(len)).map(|(o, u)| (o, Some(u))),
    };
    let read = match opened {
        Err(e) => {
            let incoming = Incoming {
                manifest: None,
                unverified: None,
                refused: Some(e.into()),
                start: None,
                batches,
                ended,
            };
            if !deliver(incoming) {
                return false;
            }
            None
        }
        Ok((opened, unverified)) => {
            let refused = checker.check_manifest(&opened.manifest).err();
            let go = refused.is_none();
            let (start, starts) = match &unverified {
                Some(_) => {
                    let (start, starts) = sync_channel(1);
                    (Some(start), Some(starts))
                }
                None => (None, None),
            };
            let incoming = Incoming {
                manifest: Some(opened.manifest.clone()),
                unverified,
                refused,
                start,
                batches,
                ended,
            };
            if !deliver(incoming) {
                return false;
            }
            let start = match starts {
                _ if !go => None,
                None => Some((0, GENESIS)),
                Some(starts) => starts.recv().ok(),
            };
            start.map(|start| read_checked(opened, checker, start, batches_out))
        }
    };
    let sha_read = src.sha256_hex();
    // A refused file is named by its SHA-256 too: the rest of it is read
    // to hash it, unless it is larger than any bundle can be.
    let sha_file = if len > bundle::read::MAX_FILE {
        String::new()
    } else {
        match src.drain(bundle::read::MAX_FILE.saturating_sub(src.offset())) {
            Ok(true) => src.sha256_hex(),
            _ => String::new(),
        }
    };
    // The storing side may have stopped listening: then nobody asks.
    let _ = ended_out.send(Ended {
        read,
        sha_read,
        sha_file,
    });
    true
}

/// Reads one payload in two stages — a thread decrypts, splits and chains
/// the lines; workers on every core parse, check and judge them — and sends
/// the checked entries to `out` in order, [`ENTRY_BATCH`] at a time. Stops
/// at the first entry refused or once nobody listens on `out`; the payload
/// is read to its end (and its hash checked) either way.
fn read_checked<R: Read + Send>(
    opened: bundle::Opened<'_, R>,
    checker: &Checker,
    start: (u64, Hash),
    out: SyncSender<Vec<CheckedEntry>>,
) -> ReadEnd {
    let identity = &checker.identity;
    let judge = &checker.judge;
    let (lines, incoming) = sync_channel::<Vec<RawEntry>>(4);
    std::thread::scope(|s| {
        let reader = s.spawn(move || {
            opened.read_payload(|r| Checker::read_lines(r, identity, start, &lines))
        });
        let stopped = || TallyError::from(super::TallyFault::StoringStopped);
        let mut refused: Option<Rejection> = None;
        let mut created: Option<Entry> = None;
        let mut pending: Vec<CheckedEntry> = Vec::with_capacity(ENTRY_BATCH);
        let checked = in_order(
            || Ok(incoming.recv().unwrap_or_default()),
            &|raw: RawEntry| Ok(Checker::check_entry(judge, raw)),
            |c: std::result::Result<(CheckedEntry, Option<Entry>), Rejection>| match c {
                Err(r) => {
                    refused = Some(r);
                    Err(stopped())
                }
                Ok((entry, first)) => {
                    if first.is_some() {
                        created = first;
                    }
                    pending.push(entry);
                    if pending.len() == ENTRY_BATCH {
                        let full = std::mem::replace(&mut pending, Vec::with_capacity(ENTRY_BATCH));
                        out.send(full).map_err(|_| stopped())?;
                    }
                    Ok(())
                }
            },
        )
        .and_then(|()| {
            if pending.is_empty() {
                return Ok(());
            }
            out.send(std::mem::take(&mut pending))
                .map_err(|_| stopped())
        });
        // The storing side hears the end of the entries now, before the
        // rest of the payload is read.
        drop(out);
        // The reader stops at its next batch once nobody listens.
        drop(incoming);
        let read = match reader.join() {
            Ok(read) => read,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        ReadEnd {
            read: read.map(|(_, end)| end),
            failed: if refused.is_none() {
                checked.err()
            } else {
                None
            },
            refused,
            created,
        }
    })
}
