//! End-of-day bundles (DESIGN §6): one tar file a coordinator carries to the
//! city on a USB stick.
//!
//! ```text
//! <point>-<YYYYMMDD>-<seq>.urna   (tar)
//!   manifest.json           what the bundle holds, its payload's SHA-256
//!   manifest.json.minisig   the kiosk's Ed25519 signature of manifest.json
//!   journal.jsonl.age       the whole journal so far, encrypted to the office
//! ```
//!
//! Anyone can check a bundle with `tar`, `minisign` and `sha256sum`; only the
//! office's age identity opens the journal. See `docs/bundle-format.md`.

pub mod delta;
pub mod protocol;
pub mod read;
pub mod words;

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::store::journal::Event;
use crate::store::{Store, StoreError, signing};

pub use read::Source;
pub use words::Said;

/// The format this code writes and reads.
pub const FORMAT: &str = "urna-bundle/1";
pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.json.minisig";
pub const PAYLOAD: &str = "journal.jsonl.age";

/// What `manifest.json` says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub edition: String,
    pub point: PointInfo,
    /// The signing key's id as minisign prints it.
    pub kiosk_key_id: String,
    /// The kiosk's public key (minisign base64), for checks without a key file.
    pub kiosk_public_key: String,
    /// 1 for the point's first bundle, then 2, 3…
    pub sequence: u64,
    /// The voting day of the bundle (`YYYY-MM-DD`), as in its file name.
    pub day: String,
    pub created: String,
    pub training: bool,
    pub counts: Counts,
    pub journal: JournalInfo,
    pub payload: PayloadInfo,
    /// SHA-256 of the previous bundle's manifest.json (null for the first).
    pub previous_bundle: Option<String>,
    /// Exported from a store that failed its checks, for the office to look
    /// at: `urna tally import` takes it only with `--investigation`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub investigation: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointInfo {
    pub id: String,
    pub name: String,
    pub mobile: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub cards: u64,
    pub valid: u64,
    pub invalid: u64,
    pub invalid_by_reason: BTreeMap<String, u64>,
    pub amended: u64,
    pub voided: u64,
    pub flagged: u64,
    /// Verification at the point over the whole journal (docs/verification.md);
    /// absent when the point has verified nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<crate::store::stats::VerificationTotals>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalInfo {
    /// Entries in the payload: 1 up to this number.
    pub entries: u64,
    /// The last entry's hash, hex.
    pub head_hash: String,
    /// The journal key's seal over the head (an Ed25519 signature, base64,
    /// of `urna journal seal point=… entries=… head=…`), as the store holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<String>,
    /// A delta only ([`delta`]): the entries before its first, which the
    /// office already holds, and the hash of the last of them (hex; the 64
    /// zeros of the chain's start for 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_hash: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PayloadInfo {
    pub file: String,
    /// SHA-256 of `journal.jsonl.age` as stored in the bundle.
    pub sha256: String,
    /// The age recipients it is encrypted to.
    pub recipients: Vec<String>,
}

/// Why a bundle could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(
        "no central office key yet, so the journal cannot be encrypted: a coordinator sets it with `urna central set AGE_RECIPIENT --as NAME`"
    )]
    NoRecipient,
    #[error("the central office key \"{0}\" is not an age X25519 recipient")]
    BadRecipient(String),
    #[error("{path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} already exists; nothing was overwritten")]
    Exists(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Other(String),
}

impl ExportError {
    /// The error as the kiosk's screen says it, in `lang`.
    pub fn localized(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang;
        match (self, lang) {
            (ExportError::NoRecipient, Lang::Pl) => "Punkt nie ma jeszcze klucza biura, więc paczki nie da się zaszyfrować. Poproś biuro o jego klucz age (age1…); koordynator wpisuje go w terminalu: urna central set age1… --as IMIĘ".into(),
            (ExportError::NoRecipient, Lang::En) => "This point has no office key yet, so the bundle cannot be encrypted. Ask the office for its age key (age1…); a coordinator enters it in a terminal: urna central set age1… --as NAME".into(),
            (ExportError::Store(StoreError::Damaged(_)), Lang::Pl) => "Magazyn jest uszkodzony: eksport odmówiony (tylko eksport do wyjaśnienia: urna export --investigation).".into(),
            (ExportError::Store(StoreError::NotCoordinator), Lang::Pl) => "Eksport robi koordynator (jego PIN otwiera klucz podpisu).".into(),
            (ExportError::Exists(p), Lang::Pl) => format!("{} już istnieje; niczego nie nadpisano", p.display()),
            (ExportError::BadRecipient(r), Lang::Pl) => format!("klucz biura „{r}” nie jest odbiorcą age X25519"),
            (ExportError::Write { path, source }, lang) => format!(
                "{}: {}",
                crate::shown::path(path),
                crate::foreign::io_error(lang, source)
            ),
            (ExportError::Store(e), lang) => e.describe(lang),
            (other, _) => other.to_string(),
        }
    }
}

/// A written bundle.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub manifest: Manifest,
    /// SHA-256 of manifest.json: the bundle's fingerprint.
    pub fingerprint: String,
}

/// SHA-256 as lowercase hex.
pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The file name a bundle must have.
pub fn file_name(m: &Manifest) -> String {
    format!(
        "{}-{}-{}.urna",
        m.point.id,
        m.day.replace('-', ""),
        m.sequence
    )
}

/// The file name a bundle received with no name (an upload to the sync
/// server) implies: the one its manifest asks for, if its head can be read.
/// Only a name: every check is still [`open`]'s.
pub fn implied_file_name(bytes: &[u8]) -> Option<String> {
    let mut src = Source::new(bytes);
    let head = read::head(&mut src, Some(bytes.len() as u64)).ok()?;
    let manifest: Manifest = serde_json::from_slice(&head.manifest).ok()?;
    if manifest.format == delta::FORMAT {
        return Some(delta::name(&manifest));
    }
    Some(file_name(&manifest))
}

/// The trusted comment the signature carries: point, sequence (for a
/// delta, the entries it starts after and ends at) and manifest hash.
fn trusted_comment(m: &Manifest, manifest_sha256: &str) -> String {
    if m.format == delta::FORMAT {
        return format!(
            "urna delta point={} from={} entries={} manifest_sha256={manifest_sha256}",
            m.point.id,
            m.journal.from.unwrap_or(0),
            m.journal.entries
        );
    }
    format!(
        "urna bundle point={} sequence={} manifest_sha256={manifest_sha256}",
        m.point.id, m.sequence
    )
}

/// The journal as the bundle carries it: each entry's canonical bytes, one
/// per line, in order.
fn journal_lines(store: &Store) -> Result<(Vec<u8>, u64, String), StoreError> {
    let journal = store.journal()?;
    let mut out = Vec::with_capacity(journal.iter().map(|(_, b, _)| b.len() + 1).sum());
    for (_, body, _) in &journal {
        out.extend_from_slice(body);
        out.push(b'\n');
    }
    let entries = journal.len() as u64;
    let head = journal
        .last()
        .map(|(_, _, h)| hex::encode(h))
        .unwrap_or_else(|| hex::encode(crate::store::journal::GENESIS));
    Ok((out, entries, head))
}

fn encrypt(plain: &[u8], recipients: &[age::x25519::Recipient]) -> Result<Vec<u8>, ExportError> {
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| ExportError::Other(format!("age: {e}")))?;
    let mut out = Vec::with_capacity(plain.len() + 1024);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(|e| ExportError::Other(format!("age: {e}")))?;
    writer
        .write_all(plain)
        .and_then(|_| writer.finish().map(|_| ()))
        .map_err(|e| ExportError::Other(format!("age: {e}")))?;
    Ok(out)
}

/// Builds the tar bytes of a bundle.
fn tar_bytes(files: &[(&str, &[u8])], mtime: u64) -> std::io::Result<Vec<u8>> {
    let mut builder = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(mtime);
        header.set_uid(0);
        header.set_gid(0);
        header.set_entry_type(tar::EntryType::Regular);
        builder.append_data(&mut header, name, *data)?;
    }
    builder.into_inner()
}

/// Writes `bytes` to `path` so that a reader (or a pulled USB stick) sees the
/// whole file or none, and never overwrites: see [`replace_atomically`].
///
/// Temporary files of this name left by an earlier attempt (a pulled stick, a
/// killed process) are removed first: the caller is the only writer of this
/// name (an export holds the store's write lock; its file name carries the
/// point and the sequence number).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    if path.exists() {
        return Err(ExportError::Exists(path.to_path_buf()));
    }
    if let (Some(dir), Some(name)) = (path.parent(), path.file_name()) {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        let stem = format!(".{}.", name.to_string_lossy());
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let n = e.file_name().to_string_lossy().into_owned();
                if n.starts_with(&stem) && n.ends_with("partial") {
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
    }
    replace_atomically(path, bytes, 0o600).map_err(|source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// Puts `bytes` at `path` (replacing what is there) through a temporary file
/// in the same directory, fsync, rename and an fsync of the directory. The
/// temporary name is this process's own (pid, time, a counter), so two
/// writers never share one; a failure removes it.
pub fn replace_atomically(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let tmp = dir.join(format!(
        ".{}.{}-{nanos}-{}.partial",
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)?;
        File::open(dir)?.sync_all()
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Everything a bundle is made of, for [`seal`]: the kiosk's journal (its
/// canonical lines) and counts, who signs it and to whom it is encrypted.
pub struct Contents<'a> {
    pub edition: &'a str,
    pub point: PointInfo,
    pub training: bool,
    pub key: &'a signing::KioskKey,
    /// The central office's age recipient (`age1…`).
    pub recipient: &'a str,
    pub sequence: u64,
    /// SHA-256 of the previous bundle's manifest.json (None for the first).
    pub previous_bundle: Option<String>,
    pub day: chrono::NaiveDate,
    /// When the bundle is made: the manifest's `created` and the tar's mtime.
    pub created: chrono::DateTime<chrono::FixedOffset>,
    pub counts: Counts,
    /// Each entry's canonical bytes and a newline, entry 1 first. Taken, so
    /// that the plain text can go once it is encrypted.
    pub journal: Vec<u8>,
    pub entries: u64,
    /// The last entry's hash, hex.
    pub head_hash: String,
    /// The store's seal over that head (see [`JournalInfo::seal`]).
    pub journal_seal: Option<String>,
    /// A bundle for investigation (see [`Manifest::investigation`]).
    pub investigation: bool,
}

/// A bundle ready to be written: its manifest, fingerprint and tar bytes.
#[derive(Debug, Clone)]
pub struct Sealed {
    pub manifest: Manifest,
    /// SHA-256 of manifest.json: the bundle's fingerprint.
    pub fingerprint: String,
    pub tar: Vec<u8>,
}

impl Sealed {
    /// The name the bundle's file must have.
    pub fn file_name(&self) -> String {
        file_name(&self.manifest)
    }
}

impl Counts {
    /// The manifest's counts from a store's status.
    pub fn of(status: &crate::store::Status) -> Counts {
        Counts {
            cards: status.cards,
            valid: status.valid,
            invalid: status.invalid,
            invalid_by_reason: status.invalid_by_reason.clone(),
            amended: status.amended,
            voided: status.voided,
            flagged: status.flagged,
            verification: None,
        }
    }
}

/// Encrypts the journal, writes the manifest, signs it and packs the three
/// members into a tar: one bundle, byte for byte as `docs/bundle-format.md`
/// says. The kiosk's [`export`] and the tally's simulator both make their
/// bundles here.
pub fn seal(c: Contents<'_>) -> Result<Sealed, ExportError> {
    let recipient = age::x25519::Recipient::from_str(c.recipient)
        .map_err(|_| ExportError::BadRecipient(c.recipient.to_string()))?;
    let payload = encrypt(&c.journal, std::slice::from_ref(&recipient))?;
    drop(c.journal);
    let manifest = Manifest {
        format: FORMAT.into(),
        edition: c.edition.to_string(),
        point: c.point,
        kiosk_key_id: signing::key_id(c.key.public.keynum()),
        kiosk_public_key: c.key.public.to_base64(),
        sequence: c.sequence,
        day: c.day.to_string(),
        created: c
            .created
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
        training: c.training,
        counts: c.counts,
        journal: JournalInfo {
            entries: c.entries,
            head_hash: c.head_hash,
            seal: c.journal_seal,
            from: None,
            from_hash: None,
        },
        payload: PayloadInfo {
            file: PAYLOAD.into(),
            sha256: hex_sha256(&payload),
            recipients: vec![c.recipient.to_string()],
        },
        previous_bundle: c.previous_bundle,
        investigation: c.investigation,
    };
    let untrusted = format!("signature from urna kiosk {}", manifest.kiosk_key_id);
    pack(
        manifest,
        &payload,
        c.created,
        Some(&c.key.public),
        &c.key.secret,
        &untrusted,
    )
}

/// Writes the manifest, signs it with `secret` (its trusted comment as
/// [`trusted_comment`] makes it for the manifest's format) and packs the
/// three members: what a bundle and a delta share.
fn pack(
    manifest: Manifest,
    payload: &[u8],
    created: chrono::DateTime<chrono::FixedOffset>,
    public: Option<&minisign::PublicKey>,
    secret: &minisign::SecretKey,
    untrusted: &str,
) -> Result<Sealed, ExportError> {
    let mut manifest_bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| ExportError::Other(e.to_string()))?;
    manifest_bytes.push(b'\n');
    let fingerprint = hex_sha256(&manifest_bytes);
    let signature = minisign::sign(
        public,
        secret,
        manifest_bytes.as_slice(),
        Some(&trusted_comment(&manifest, &fingerprint)),
        Some(untrusted),
    )
    .map_err(|e| ExportError::Other(format!("signing: {e}")))?
    .to_string();
    let tar = tar_bytes(
        &[
            (MANIFEST, &manifest_bytes),
            (SIGNATURE, signature.as_bytes()),
            (PAYLOAD, payload),
        ],
        created.timestamp().max(0) as u64,
    )
    .map_err(|e| ExportError::Other(format!("tar: {e}")))?;
    Ok(Sealed {
        manifest,
        fingerprint,
        tar,
    })
}

/// Writes the next bundle of this kiosk into `out_dir` and journals it; the
/// logged-in coordinator's PIN opened the signing key. The store must pass
/// its full check first. The export holds the store's write lock from
/// reading the journal to journaling the bundle, so a second export at the
/// same time (another process, another stick) waits and then writes the
/// next sequence number; if anything fails after the file was written, the
/// file is removed: an export that is not journaled leaves nothing behind.
pub fn export(store: &mut Store, out_dir: &Path, operator: &str) -> Result<Exported, ExportError> {
    export_as(store, out_dir, operator, false)
}

/// A bundle of a store that failed its checks, for the office to look at:
/// marked `investigation` in its manifest, carrying the seal as stored (the
/// office sees whether the journal is the one that was sealed), and not
/// journaled (nothing is written to a damaged store).
pub fn export_investigation(
    store: &mut Store,
    out_dir: &Path,
    operator: &str,
) -> Result<Exported, ExportError> {
    export_as(store, out_dir, operator, true)
}

fn export_as(
    store: &mut Store,
    out_dir: &Path,
    operator: &str,
    investigation: bool,
) -> Result<Exported, ExportError> {
    let point = store.point().clone();
    let recipient = point
        .central_recipient
        .clone()
        .ok_or(ExportError::NoRecipient)?;
    // A bad office key is reported before anything else is read.
    age::x25519::Recipient::from_str(&recipient)
        .map_err(|_| ExportError::BadRecipient(recipient.clone()))?;
    if !investigation {
        store.ensure_sound()?;
    }
    if store.session_operator().map(|o| o.name.as_str()) != Some(operator) {
        return Err(StoreError::NotLoggedIn.into());
    }
    let key = store.signing_key()?;
    let edition = store.edition().id.clone();
    store.exclusive(investigation, |store| {
        // Counts, journal and the last export as of this lock.
        let status = store.status()?;
        let verification = Some(store.verification_totals(None)?).filter(|v| v.verifications > 0);
        let (lines, entries, head_hash) = journal_lines(store)?;
        let last = store.last_export()?;
        let day = store.current_day()?;
        let journal_seal = store.seal()?;
        let previous = last.as_ref().map(|(seq, _)| *seq);
        let (sequence, previous_bundle) = match last {
            Some((seq, hash)) => (seq + 1, Some(hash)),
            None => (1, None),
        };
        let Sealed {
            manifest,
            fingerprint,
            tar,
        } = seal(Contents {
            edition: &edition,
            point: PointInfo {
                id: point.id.clone(),
                name: point.name.clone(),
                mobile: point.mobile,
            },
            training: point.training,
            key: &key,
            recipient: &recipient,
            sequence,
            previous_bundle,
            day,
            created: chrono::Local::now().fixed_offset(),
            counts: Counts {
                verification,
                ..Counts::of(&status)
            },
            journal: lines,
            entries,
            head_hash: head_hash.clone(),
            journal_seal,
            investigation,
        })?;
        let path = out_dir.join(file_name(&manifest));
        write_atomically(&path, &tar)?;
        if !investigation {
            let recorded = store.record_export_locked(
                operator,
                previous,
                Event::ExportMade {
                    file: file_name(&manifest),
                    sequence,
                    manifest_sha256: fingerprint.clone(),
                    entries,
                    head_hash,
                },
            );
            if let Err(e) = recorded {
                // Not journaled: the file must not stay on the stick.
                let _ = std::fs::remove_file(&path);
                if let Ok(d) = File::open(out_dir) {
                    let _ = d.sync_all();
                }
                return Err(e.into());
            }
        }
        tracing::info!(
            file = %crate::shown::path(&path),
            sequence,
            entries,
            investigation,
            fingerprint = %fingerprint,
            "bundle exported"
        );
        Ok(Exported {
            path,
            manifest,
            fingerprint,
        })
    })
}

/// Where a file ended too soon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    Empty,
    /// Inside a 512-byte block (a header, or a member's data).
    Block {
        at: u64,
    },
    /// Where the member `name` should begin.
    Before {
        at: u64,
        name: &'static str,
    },
    /// Inside the member `name`.
    Inside {
        at: u64,
        name: &'static str,
    },
    /// Inside a member's zero padding.
    Padding {
        at: u64,
    },
    /// The two zero blocks at the end are not there.
    EndBlocks,
}

/// Why a bundle is not to be trusted. Each has its own code (for the
/// import log) and words in both languages ([`words`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// The file could not be read: the I/O error's code
    /// ([`crate::foreign::io::code`]), said in words when shown.
    Unreadable(String),
    /// Truncated: the file ends before the archive does.
    Tar(Cut),
    HeaderChecksum {
        at: u64,
    },
    /// A header of another type than a regular file (`kind` is a code:
    /// `symlink`, `pax_header`, `gnu_sparse`…).
    MemberType {
        name: String,
        kind: &'static str,
        at: u64,
    },
    NotUstar {
        at: u64,
    },
    /// A header field a kiosk leaves empty (`linkname`, `prefix`, the
    /// name's tail) or an unreadable `size`.
    HeaderField {
        at: u64,
        field: &'static str,
    },
    TooLarge {
        name: &'static str,
        size: u64,
        limit: u64,
    },
    /// A file other than a bundle (card CSV, key, edition) over its limit.
    InputTooLarge {
        size: u64,
        limit: u64,
    },
    /// An upload that passed its limit as it arrived (its whole size not
    /// known): at least `read` bytes.
    BodyTooLarge {
        read: u64,
        limit: u64,
    },
    FileTooLarge {
        size: u64,
        limit: u64,
    },
    Missing(&'static str),
    Unexpected(String),
    Duplicate(String),
    Order {
        found: String,
        expected: &'static str,
    },
    /// A header where the end-of-archive blocks should be.
    ExtraMember {
        at: u64,
    },
    TrailingData {
        at: u64,
    },
    Padding {
        at: u64,
    },
    /// The manifest is not valid JSON of the right shape: what kind of
    /// error and where, never text from the file.
    Manifest {
        kind: &'static str,
        line: usize,
        column: usize,
    },
    Format(String),
    /// A delta's manifest does not say where it starts: `journal.from`
    /// missing or past `journal.entries`, or `journal.from_hash` not 64
    /// hex digits.
    DeltaStart {
        field: &'static str,
    },
    SignatureUnreadable(String),
    WrongKey {
        signed_by: String,
        named: String,
    },
    KeyMismatch(String),
    NotTheExpectedKey {
        signed_by: String,
        expected: String,
    },
    BadSignature,
    TrustedComment,
    PayloadHash {
        expected: String,
        found: String,
    },
    FileName {
        expected: String,
        found: String,
    },
    /// Not a regular file (`kind`: `directory`, `fifo`, `char_device`…);
    /// never opened.
    NotAFile {
        kind: &'static str,
    },
    /// A symbolic link, never followed.
    Symlink {
        target: String,
    },
    /// What was opened is not what was looked at (replaced meanwhile).
    ChangedWhileOpened,
}

impl VerifyError {
    /// The file could not be read for this I/O error.
    pub fn unreadable(e: &std::io::Error) -> VerifyError {
        VerifyError::Unreadable(crate::foreign::io::code(e))
    }

    /// The code and arguments the import log keeps.
    pub fn said(&self) -> Said {
        use VerifyError::*;
        let s = |v: &dyn ToString| v.to_string();
        let (code, args): (&'static str, Vec<String>) = match self {
            Unreadable(e) => ("unreadable", vec![e.clone()]),
            Tar(c) => (
                "tar",
                match c {
                    Cut::Empty => vec!["empty".into()],
                    Cut::EndBlocks => vec!["end_blocks".into()],
                    Cut::Block { at } => vec!["block".into(), s(at)],
                    Cut::Padding { at } => vec!["padding".into(), s(at)],
                    Cut::Before { at, name } => vec!["before".into(), s(at), s(name)],
                    Cut::Inside { at, name } => vec!["inside".into(), s(at), s(name)],
                },
            ),
            HeaderChecksum { at } => ("header_checksum", vec![s(at)]),
            MemberType { name, kind, at } => ("member_type", vec![name.clone(), s(kind), s(at)]),
            NotUstar { at } => ("not_ustar", vec![s(at)]),
            HeaderField { at, field } => ("header_field", vec![s(at), s(field)]),
            TooLarge { name, size, limit } => ("too_large", vec![s(name), s(size), s(limit)]),
            FileTooLarge { size, limit } => ("file_too_large", vec![s(size), s(limit)]),
            InputTooLarge { size, limit } => ("input_too_large", vec![s(size), s(limit)]),
            BodyTooLarge { read, limit } => ("body_too_large", vec![s(read), s(limit)]),
            Missing(name) => ("missing", vec![s(name)]),
            Unexpected(name) => ("unexpected", vec![name.clone()]),
            Duplicate(name) => ("duplicate", vec![name.clone()]),
            Order { found, expected } => ("order", vec![found.clone(), s(expected)]),
            ExtraMember { at } => ("extra_member", vec![s(at)]),
            TrailingData { at } => ("trailing_data", vec![s(at)]),
            Padding { at } => ("padding", vec![s(at)]),
            Manifest { kind, line, column } => ("manifest", vec![s(kind), s(line), s(column)]),
            Format(f) => ("format", vec![crate::shown::Shown::new(f).to_string()]),
            DeltaStart { field } => ("delta_start", vec![s(field)]),
            SignatureUnreadable(e) => ("signature_unreadable", vec![e.clone()]),
            WrongKey { signed_by, named } => ("wrong_key", vec![signed_by.clone(), named.clone()]),
            KeyMismatch(id) => ("key_mismatch", vec![id.clone()]),
            NotTheExpectedKey {
                signed_by,
                expected,
            } => (
                "not_expected_key",
                vec![signed_by.clone(), expected.clone()],
            ),
            BadSignature => ("bad_signature", vec![]),
            TrustedComment => ("trusted_comment", vec![]),
            PayloadHash { expected, found } => {
                ("payload_hash", vec![expected.clone(), found.clone()])
            }
            FileName { expected, found } => (
                "file_name",
                vec![
                    crate::shown::escape_controls(expected),
                    crate::shown::escape_controls(found),
                ],
            ),
            NotAFile { kind } => ("not_a_file", vec![s(kind)]),
            Symlink { target } => ("symlink", vec![crate::shown::escape_controls(target)]),
            ChangedWhileOpened => ("changed_while_opened", vec![]),
        };
        Said::new(code, args)
    }

    /// The refusal in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        self.said().render(lang)
    }
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(crate::i18n::Lang::En))
    }
}

impl std::error::Error for VerifyError {}

/// A bundle that passed every check.
#[derive(Debug, Clone)]
pub struct Verified {
    pub manifest: Manifest,
    pub manifest_bytes: Vec<u8>,
    pub fingerprint: String,
    pub trusted_comment: String,
}

/// The key id inside a minisign signature (its second line, base64).
fn signature_key_id(sig: &str) -> Option<String> {
    let line = sig.lines().nth(1)?;
    let raw = base64::engine::general_purpose::STANDARD
        .decode(line.trim())
        .ok()?;
    (raw.len() >= 10).then(|| signing::key_id(&raw[2..10]))
}

/// Checks a bundle without the office key: tar structure, signature, that
/// the signing key is the one the manifest names (and, with `expected_key`,
/// a key the caller trusts), the file name and the payload hash. Reads the
/// file as a stream: memory does not grow with its size.
pub fn verify(path: &Path, expected_key: Option<&str>) -> Result<Verified, VerifyError> {
    let (file, len) = read::open_file(path)?;
    let mut src = Source::new(std::io::BufReader::with_capacity(64 * 1024, file));
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let opened = open(&mut src, Some(len), &file, expected_key)?;
    let (v, ()) = opened.read_payload(|r| {
        // A read error is found again, and named, by the check of the end.
        let _ = std::io::copy(r, &mut std::io::sink());
        Ok::<(), VerifyError>(())
    })?;
    Ok(v)
}

/// [`verify`] on bytes already read; `file_name` is the name it came under.
pub fn verify_bytes(
    bytes: &[u8],
    file_name_seen: &str,
    expected_key: Option<&str>,
) -> Result<Verified, VerifyError> {
    let mut src = Source::new(bytes);
    let opened = open(
        &mut src,
        Some(bytes.len() as u64),
        file_name_seen,
        expected_key,
    )?;
    let (v, ()) = opened.read_payload(|r| {
        let _ = std::io::copy(r, &mut std::io::sink());
        Ok::<(), VerifyError>(())
    })?;
    Ok(v)
}

/// A bundle whose tar headers, manifest, signature, key and file name
/// passed every check, its payload not read yet.
pub struct Opened<'a, R> {
    pub manifest: Manifest,
    pub manifest_bytes: Vec<u8>,
    pub fingerprint: String,
    pub trusted_comment: String,
    src: &'a mut Source<R>,
    payload_size: u64,
}

impl<R: Read> Opened<'_, R> {
    /// Hands the payload (its ciphertext, as it is read) to `f`, then reads
    /// the rest of the archive and checks the payload's hash. A refusal of
    /// the archive's structure comes first, then a payload that is not the
    /// one the manifest names, then whatever `f` found: so a changed or
    /// cut payload is refused as such, whatever `f` made of it.
    pub fn read_payload<T, E: From<VerifyError>>(
        self,
        f: impl FnOnce(&mut dyn Read) -> Result<T, E>,
    ) -> Result<(Verified, T), E> {
        let mut payload = read::Payload::new(self.src, self.payload_size);
        let got = f(&mut payload);
        let found = payload.finish(self.payload_size)?;
        if found != self.manifest.payload.sha256 {
            return Err(VerifyError::PayloadHash {
                expected: self.manifest.payload.sha256.clone(),
                found,
            }
            .into());
        }
        let t = got?;
        Ok((
            Verified {
                manifest: self.manifest,
                manifest_bytes: self.manifest_bytes,
                fingerprint: self.fingerprint,
                trusted_comment: self.trusted_comment,
            },
            t,
        ))
    }
}

/// The tar's head: the manifest parsed, its bytes, the signature's text and
/// the payload's size. Nothing is checked but that each can be read.
fn read_head<R: Read>(
    src: &mut Source<R>,
    file_len: Option<u64>,
) -> Result<(Manifest, Vec<u8>, String, u64), VerifyError> {
    let read::Head {
        manifest: manifest_bytes,
        signature,
        payload_size,
    } = read::head(src, file_len)?;
    let signature = String::from_utf8(signature)
        .map_err(|_| VerifyError::SignatureUnreadable("sig:not_text".into()))?;
    let manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|e| VerifyError::Manifest {
            kind: match e.classify() {
                serde_json::error::Category::Io => "io",
                serde_json::error::Category::Syntax => "syntax",
                serde_json::error::Category::Data => "data",
                serde_json::error::Category::Eof => "eof",
            },
            line: e.line(),
            column: e.column(),
        })?;
    Ok((manifest, manifest_bytes, signature, payload_size))
}

/// The signature decoded, and the key it must verify with: `key_id`'s, given
/// as `public_b64`, which must be a key with that id.
fn signing_key(
    signature: &str,
    key_id: &str,
    public_b64: &str,
) -> Result<
    (
        minisign_verify::Signature,
        minisign_verify::PublicKey,
        String,
    ),
    VerifyError,
> {
    let sig = minisign_verify::Signature::decode(signature)
        .map_err(|e| VerifyError::SignatureUnreadable(crate::foreign::signature_code(&e)))?;
    let signed_by = signature_key_id(signature)
        .ok_or_else(|| VerifyError::SignatureUnreadable("sig:no_key_id".into()))?;
    if signed_by != key_id {
        return Err(VerifyError::WrongKey {
            signed_by,
            named: key_id.to_string(),
        });
    }
    let public = minisign_verify::PublicKey::from_base64(public_b64)
        .map_err(|_| VerifyError::KeyMismatch(key_id.to_string()))?;
    if public_key_id(public_b64).as_deref() != Some(key_id) {
        return Err(VerifyError::KeyMismatch(key_id.to_string()));
    }
    Ok((sig, public, signed_by))
}

/// The signature verified over the manifest's bytes, its trusted comment
/// the one this manifest must carry: the fingerprint and that comment.
fn signed(
    manifest: &Manifest,
    manifest_bytes: &[u8],
    sig: &minisign_verify::Signature,
    public: &minisign_verify::PublicKey,
) -> Result<(String, String), VerifyError> {
    public
        .verify(manifest_bytes, sig, false)
        .map_err(|_| VerifyError::BadSignature)?;
    let fingerprint = hex_sha256(manifest_bytes);
    let comment = sig.trusted_comment().to_string();
    if comment != trusted_comment(manifest, &fingerprint) {
        return Err(VerifyError::TrustedComment);
    }
    Ok((fingerprint, comment))
}

/// The key id of a minisign public key in base64 (`None` if it is not one).
pub(crate) fn public_key_id(b64: &str) -> Option<String> {
    base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .ok()
        .filter(|raw| raw.len() >= 10)
        .map(|raw| signing::key_id(&raw[2..10]))
}

/// Reads a bundle's headers and small members from `src` and checks them
/// (everything [`verify`] checks but the payload's hash and the archive's
/// end); `file_len`, when known, lets a cut file be named before anything
/// is read.
pub fn open<'a, R: Read>(
    src: &'a mut Source<R>,
    file_len: Option<u64>,
    file_name_seen: &str,
    expected_key: Option<&str>,
) -> Result<Opened<'a, R>, VerifyError> {
    let (manifest, manifest_bytes, signature, payload_size) = read_head(src, file_len)?;
    if manifest.format != FORMAT {
        return Err(VerifyError::Format(manifest.format.clone()));
    }
    let (sig, public, signed_by) = signing_key(
        &signature,
        &manifest.kiosk_key_id,
        &manifest.kiosk_public_key,
    )?;
    if let Some(expected) = expected_key {
        let expected_id = public_key_id(expected).unwrap_or_default();
        if expected_id != signed_by || expected.trim() != manifest.kiosk_public_key {
            return Err(VerifyError::NotTheExpectedKey {
                signed_by,
                expected: expected_id,
            });
        }
    }
    let (fingerprint, comment) = signed(&manifest, &manifest_bytes, &sig, &public)?;
    let expected_name = file_name(&manifest);
    if file_name_seen != expected_name {
        return Err(VerifyError::FileName {
            expected: expected_name,
            found: file_name_seen.to_string(),
        });
    }
    Ok(Opened {
        manifest,
        manifest_bytes,
        fingerprint,
        trusted_comment: comment,
        src,
        payload_size,
    })
}
