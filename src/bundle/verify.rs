//! Checking a bundle: its tar layout, the signature over its manifest and
//! the payload's hash ([`verify`], [`open`]), and why one is refused.

use std::io::Read;
use std::path::Path;

use base64::Engine;

use crate::store::signing;

use super::{FORMAT, Manifest, Said, Source, file_name, hex_sha256, read, trusted_comment};

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
/// import log) and words in both languages ([`words`](super::words)).
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
    pub(super) src: &'a mut Source<R>,
    pub(super) payload_size: u64,
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
pub(super) fn read_head<R: Read>(
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
pub(super) fn signing_key(
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
pub(super) fn signed(
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
