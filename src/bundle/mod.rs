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

mod atomic;
pub mod delta;
mod export;
pub mod protocol;
pub mod read;
mod verify;
pub mod words;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use atomic::{replace_atomically, write_atomically};
pub use export::{
    Contents, ExportError, ExportFault, Exported, Sealed, export, export_investigation, seal,
};
use export::{encrypt, pack};
pub use read::Source;
pub(crate) use verify::public_key_id;
pub use verify::{Cut, Opened, Verified, VerifyError, open, verify, verify_bytes};
use verify::{read_head, signed, signing_key};
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
