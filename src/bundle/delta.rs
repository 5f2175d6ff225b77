//! A sync's delta (`docs/sync.md`): the journal entries after a head the
//! office already holds, packed and encrypted exactly as a bundle is, but
//! signed by the store's journal key instead of the kiosk key.
//!
//! Why the journal key: the kiosk key opens only with a coordinator's PIN
//! (an export is a coordinator's act), while a sync runs in the background
//! whenever any operator is logged in. The journal key is what every
//! operator's PIN unlocks and what already seals every head; its public
//! half is in the journal's first entry, which the kiosk key signed and the
//! office checked when it first stored that point's journal. So the office
//! knows the key before a delta arrives, and someone who has the disk but
//! no PIN can no more sign a delta than seal a head.

use std::io::Read;
use std::str::FromStr;

use super::{
    Counts, ExportError, JournalInfo, Manifest, Opened, PAYLOAD, PayloadInfo, PointInfo, Sealed,
    Source, VerifyError, encrypt, hex_sha256, pack, public_key_id, read_head, signed, signing_key,
};
use crate::store::signing;

/// The format a delta's manifest names.
pub const FORMAT: &str = "urna-delta/1";

/// What goes into a delta.
pub struct Contents<'a> {
    pub edition: &'a str,
    pub point: PointInfo,
    pub training: bool,
    /// The kiosk's public key: it names the kiosk, as in a bundle.
    pub kiosk_public: &'a minisign::PublicKey,
    /// The journal key, unlocked by the logged-in operator's PIN: it signs.
    pub journal_key: &'a minisign::SecretKey,
    pub recipient: &'a str,
    /// The kiosk's latest stick export (0 and `None` before any).
    pub sequence: u64,
    pub previous_bundle: Option<String>,
    pub day: chrono::NaiveDate,
    pub created: chrono::DateTime<chrono::FixedOffset>,
    pub counts: Counts,
    /// Entries `from + 1` to `entries`, each line and a newline.
    pub journal: Vec<u8>,
    pub from: u64,
    /// The hash of entry `from`, hex.
    pub from_hash: String,
    pub entries: u64,
    pub head_hash: String,
    pub journal_seal: Option<String>,
}

/// Encrypts the entries, writes the manifest and signs it with the journal
/// key: the delta's bytes, as a kiosk posts them.
pub fn seal(c: Contents<'_>) -> Result<Sealed, ExportError> {
    let recipient = age::x25519::Recipient::from_str(c.recipient)
        .map_err(|_| ExportError::BadRecipient(c.recipient.to_string()))?;
    let payload = encrypt(&c.journal, std::slice::from_ref(&recipient))?;
    drop(c.journal);
    let manifest = Manifest {
        format: FORMAT.into(),
        edition: c.edition.to_string(),
        point: c.point,
        kiosk_key_id: signing::key_id(c.kiosk_public.keynum()),
        kiosk_public_key: c.kiosk_public.to_base64(),
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
            from: Some(c.from),
            from_hash: Some(c.from_hash),
        },
        payload: PayloadInfo {
            file: PAYLOAD.into(),
            sha256: hex_sha256(&payload),
            recipients: vec![c.recipient.to_string()],
        },
        previous_bundle: c.previous_bundle,
        investigation: false,
    };
    pack(
        manifest,
        &payload,
        c.created,
        None,
        c.journal_key,
        "signature from urna journal key",
    )
}

/// What a delta is called in the import log (it has no file):
/// `<point>-delta-<first entry>-<last entry>`.
pub fn name(m: &Manifest) -> String {
    format!(
        "{}-delta-{}-{}",
        m.point.id,
        m.journal.from.unwrap_or(0) + 1,
        m.journal.entries
    )
}

/// Whether these bytes are a delta: the manifest they start with says so.
/// Only a routing hint: [`open`] checks everything.
pub fn is_delta(bytes: &[u8]) -> bool {
    let mut src = Source::new(bytes);
    read_head(&mut src, Some(bytes.len() as u64)).is_ok_and(|(m, ..)| m.format == FORMAT)
}

/// A delta's signature, not checked yet: the office checks it with the
/// journal key it holds for the point ([`Unverified::verify`]).
pub struct Unverified {
    manifest_bytes: Vec<u8>,
    signature: String,
}

impl Unverified {
    /// The signature is the journal key's (minisign base64 `journal_public`)
    /// over this manifest, with the trusted comment
    /// `urna delta point=… from=… entries=… manifest_sha256=…`.
    pub fn verify(&self, manifest: &Manifest, journal_public: &str) -> Result<(), VerifyError> {
        let key_id = public_key_id(journal_public).unwrap_or_default();
        let (sig, public, _) = signing_key(&self.signature, &key_id, journal_public)?;
        signed(manifest, &self.manifest_bytes, &sig, &public).map(|_| ())
    }
}

/// Reads a delta's headers and small members and checks what can be checked
/// without the office's store: the format, that it says where it starts
/// and that it names a kiosk key by its own id. The signature is checked by
/// the caller, with the journal key it holds ([`Unverified`]).
pub fn open<'a, R: Read>(
    src: &'a mut Source<R>,
    file_len: Option<u64>,
) -> Result<(Opened<'a, R>, Unverified), VerifyError> {
    let (manifest, manifest_bytes, signature, payload_size) = read_head(src, file_len)?;
    if manifest.format != FORMAT {
        return Err(VerifyError::Format(manifest.format.clone()));
    }
    match (manifest.journal.from, &manifest.journal.from_hash) {
        (None, _) => {
            return Err(VerifyError::DeltaStart {
                field: "journal.from",
            });
        }
        (Some(from), _) if from > manifest.journal.entries => {
            return Err(VerifyError::DeltaStart {
                field: "journal.from",
            });
        }
        (_, Some(hash)) if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {}
        (_, _) => {
            return Err(VerifyError::DeltaStart {
                field: "journal.from_hash",
            });
        }
    }
    if public_key_id(&manifest.kiosk_public_key).as_deref() != Some(manifest.kiosk_key_id.as_str())
    {
        return Err(VerifyError::KeyMismatch(manifest.kiosk_key_id.clone()));
    }
    let fingerprint = hex_sha256(&manifest_bytes);
    let unverified = Unverified {
        manifest_bytes: manifest_bytes.clone(),
        signature,
    };
    Ok((
        Opened {
            manifest,
            manifest_bytes,
            fingerprint,
            trusted_comment: String::new(),
            src,
            payload_size,
        },
        unverified,
    ))
}
