//! Writing a bundle: the journal encrypted to the office, the manifest
//! signed by the kiosk, packed into one tar ([`seal`], [`export`]).

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::store::journal::Event;
use crate::store::{Store, StoreError, signing};

use super::{
    Counts, FORMAT, JournalInfo, MANIFEST, Manifest, PAYLOAD, PayloadInfo, PointInfo, SIGNATURE,
    file_name, hex_sha256, trusted_comment, write_atomically,
};

/// Why a bundle could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    NoRecipient,
    BadRecipient(String),
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    Exists(PathBuf),
    Store(#[from] StoreError),
    /// Internal: something urna's own code should not let happen.
    Fault(ExportFault),
}

/// What should never go wrong while a bundle is made in memory, said from
/// `errors-internal.ftl` (a library's words only as an argument).
#[derive(Debug)]
pub enum ExportFault {
    /// age would not encrypt to the recipients it was given.
    Recipients,
    /// Encrypting the journal failed.
    Encrypt(std::io::Error),
    /// The manifest would not become JSON (serde_json's words).
    Manifest(String),
    /// Signing the manifest failed (minisign's words).
    Signing(String),
    /// Packing the tar failed.
    Tar(std::io::Error),
}

impl ExportFault {
    /// What went wrong, in `lang`, without the frame around it.
    pub fn what(&self, lang: crate::i18n::Lang) -> String {
        use crate::{foreign, tr};
        match self {
            ExportFault::Recipients => tr!(lang, "internal-export-recipients"),
            ExportFault::Encrypt(e) => tr!(
                lang,
                "internal-export-encrypt",
                error = foreign::io_error(lang, e)
            ),
            ExportFault::Manifest(d) => {
                tr!(lang, "internal-export-manifest", detail = d.as_str())
            }
            ExportFault::Signing(d) => tr!(lang, "internal-export-signing", detail = d.as_str()),
            ExportFault::Tar(e) => tr!(
                lang,
                "internal-export-tar",
                error = foreign::io_error(lang, e)
            ),
        }
    }
}

impl From<ExportFault> for ExportError {
    fn from(f: ExportFault) -> ExportError {
        ExportError::Fault(f)
    }
}

impl ExportError {
    /// The error as the kiosk's screen says it, in `lang`.
    pub fn localized(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            ExportError::NoRecipient => tr!(lang, "bundle-export-no-recipient"),
            ExportError::Store(StoreError::Damaged(_)) => tr!(lang, "bundle-export-damaged"),
            ExportError::Store(StoreError::NotCoordinator) => {
                tr!(lang, "bundle-export-not-coordinator")
            }
            ExportError::Exists(p) => {
                tr!(lang, "bundle-export-exists", path = p.display().to_string())
            }
            ExportError::BadRecipient(r) => {
                tr!(lang, "bundle-export-bad-recipient", recipient = r.as_str())
            }
            ExportError::Write { path, source } => crate::foreign::io_error_at(lang, path, source),
            ExportError::Store(e) => e.describe(lang),
            ExportError::Fault(f) => tr!(lang, "internal-kiosk", what = f.what(lang)),
        }
    }
}

crate::display_in_english!(ExportError, localized);

/// A written bundle.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: PathBuf,
    pub manifest: Manifest,
    /// SHA-256 of manifest.json: the bundle's fingerprint.
    pub fingerprint: String,
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

pub(super) fn encrypt(
    plain: &[u8],
    recipients: &[age::x25519::Recipient],
) -> Result<Vec<u8>, ExportError> {
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|e| match e {
                age::EncryptError::Io(e) => ExportFault::Encrypt(e),
                _ => ExportFault::Recipients,
            })?;
    let mut out = Vec::with_capacity(plain.len() + 1024);
    let mut writer = encryptor
        .wrap_output(&mut out)
        .map_err(ExportFault::Encrypt)?;
    writer
        .write_all(plain)
        .and_then(|_| writer.finish().map(|_| ()))
        .map_err(ExportFault::Encrypt)?;
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
pub(super) fn pack(
    manifest: Manifest,
    payload: &[u8],
    created: chrono::DateTime<chrono::FixedOffset>,
    public: Option<&minisign::PublicKey>,
    secret: &minisign::SecretKey,
    untrusted: &str,
) -> Result<Sealed, ExportError> {
    let mut manifest_bytes =
        serde_json::to_vec_pretty(&manifest).map_err(|e| ExportFault::Manifest(e.to_string()))?;
    manifest_bytes.push(b'\n');
    let fingerprint = hex_sha256(&manifest_bytes);
    let signature = minisign::sign(
        public,
        secret,
        manifest_bytes.as_slice(),
        Some(&trusted_comment(&manifest, &fingerprint)),
        Some(untrusted),
    )
    .map_err(|e| ExportFault::Signing(e.to_string()))?
    .to_string();
    let tar = tar_bytes(
        &[
            (MANIFEST, &manifest_bytes),
            (SIGNATURE, signature.as_bytes()),
            (PAYLOAD, payload),
        ],
        created.timestamp().max(0) as u64,
    )
    .map_err(ExportFault::Tar)?;
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
