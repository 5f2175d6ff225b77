//! What a PIN unlocks, and the seal over the journal.
//!
//! Two secrets live in a store, neither of them in plain on the disk:
//!
//! - the **journal key** (an Ed25519 key pair, minisign format): every write
//!   signs the journal's head with it (the *seal*, one row of the `seal`
//!   table). Its public half is in the first journal entry, which the kiosk's
//!   signing key signs, so anyone can check the seal without a PIN; its secret
//!   half is wrapped for **every operator** under their PIN.
//! - the **signing password**: 32 random bytes that open `kiosk.key`, the
//!   kiosk's minisign secret key that signs bundles. It is wrapped for
//!   **every coordinator** only.
//!
//! An operator's *PIN record* (the `operators.pin_hash` column) is that wrap:
//! `urna-pin/1:` and base64 of salt (16) ‖ nonce (12) ‖ ChaCha20-Poly1305
//! ciphertext, under a key derived from the PIN by argon2id (salted per
//! record, peppered with the kiosk's `pin-secret.key`). A wrong PIN does not
//! decrypt; there is no separate PIN hash. The journal entry that added the
//! operator carries the SHA-256 of the record, so a record cannot be swapped.

use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use minisign::SecretKey;
use sha2::{Digest, Sha256};

use super::operators::LoginError;

const PIN_PREFIX: &str = "urna-pin/1:";

/// argon2id parameters for PINs: the crate's defaults (19 MiB, 2 passes,
/// 1 lane), the OWASP minimum. See docs/threat-model.md for what a guess
/// costs with them.
pub fn pin_params() -> Params {
    Params::default()
}

/// What an operator's PIN opens.
#[derive(Clone)]
pub struct Unlocked {
    pub journal: SecretKey,
    /// The password of `kiosk.key` (coordinators only).
    pub signing: Option<[u8; 32]>,
}

pub fn random<const N: usize>() -> [u8; N] {
    let mut s = [0u8; N];
    // Without an OS random source there is no safe secret to make.
    if getrandom::fill(&mut s).is_err() {
        panic!("no operating-system random source available");
    }
    s
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn kek(pepper: &[u8], pin: &str, salt: &[u8]) -> Result<[u8; 32], LoginError> {
    let argon = Argon2::new_with_secret(pepper, Algorithm::Argon2id, Version::V0x13, pin_params())
        .map_err(|e| LoginError::Hash(e.to_string()))?;
    let mut out = [0u8; 32];
    argon
        .hash_password_into(pin.as_bytes(), salt, &mut out)
        .map_err(|e| LoginError::Hash(e.to_string()))?;
    Ok(out)
}

/// Encrypts `plain` under `key` (a fresh nonce), bound to `aad`.
pub fn seal_bytes(key: &[u8; 32], aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let nonce: [u8; 12] = random();
    let cipher = ChaCha20Poly1305::new(key.into());
    let ct = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad })
        // Encryption of an in-memory buffer cannot fail.
        .unwrap_or_default();
    let mut out = nonce.to_vec();
    out.extend_from_slice(&ct);
    out
}

/// Decrypts what [`seal_bytes`] made; `None` for a wrong key or changed bytes.
pub fn open_bytes(key: &[u8; 32], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if sealed.len() < 12 + 16 {
        return None;
    }
    let (nonce, ct) = sealed.split_at(12);
    ChaCha20Poly1305::new(key.into())
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad })
        .ok()
}

fn aad(name: &str) -> Vec<u8> {
    format!("{PIN_PREFIX}{name}").into_bytes()
}

/// A new PIN record for `name`.
pub fn make_record(
    pepper: &[u8],
    name: &str,
    pin: &str,
    unlocked: &Unlocked,
) -> Result<String, LoginError> {
    let salt: [u8; 16] = random();
    let key = kek(pepper, pin, &salt)?;
    let journal = unlocked.journal.to_bytes();
    let mut plain = Vec::with_capacity(2 + journal.len() + 32);
    plain.extend_from_slice(&(journal.len() as u16).to_le_bytes());
    plain.extend_from_slice(&journal);
    if let Some(s) = &unlocked.signing {
        plain.extend_from_slice(s);
    }
    let mut out = salt.to_vec();
    out.extend(seal_bytes(&key, &aad(name), &plain));
    Ok(format!("{PIN_PREFIX}{}", B64.encode(out)))
}

/// Opens a PIN record: `Ok(None)` for a wrong PIN (or a damaged record).
pub fn open_record(
    pepper: &[u8],
    name: &str,
    pin: &str,
    record: &str,
) -> Result<Option<Unlocked>, LoginError> {
    let Some(raw) = record
        .strip_prefix(PIN_PREFIX)
        .and_then(|b| B64.decode(b).ok())
        .filter(|r| r.len() > 16)
    else {
        return Ok(None);
    };
    let (salt, sealed) = raw.split_at(16);
    let key = kek(pepper, pin, salt)?;
    let Some(plain) = open_bytes(&key, &aad(name), sealed) else {
        return Ok(None);
    };
    if plain.len() < 2 {
        return Ok(None);
    }
    let n = u16::from_le_bytes([plain[0], plain[1]]) as usize;
    let Some(journal) = plain.get(2..2 + n) else {
        return Ok(None);
    };
    let Ok(journal) = SecretKey::from_bytes(journal) else {
        return Ok(None);
    };
    let rest = &plain[2 + n..];
    let signing = <[u8; 32]>::try_from(rest).ok();
    Ok(Some(Unlocked { journal, signing }))
}

/// The seal's signature: one plain Ed25519 signature (base64) of the seal
/// text by the journal key (a minisign signature would be two, and this runs
/// on every save), its nonce made ahead when one is ready (store::presign).
pub fn seal_sign(sk: &SecretKey, text: &[u8]) -> Result<String, String> {
    let seed = seal_seed(sk).ok_or("not an Ed25519 secret key")?;
    Ok(with_seal_key(&seed, |key| {
        B64.encode(super::presign::sign(key, text).to_bytes())
    }))
}

/// Whether `sig` is the seal of `text` by the journal key `sk` (the key of
/// the operator logged in, before it seals what others wrote).
pub fn seal_verify_own(sk: &SecretKey, text: &[u8], sig: &str) -> bool {
    let (Some(seed), Some(sig)) = (seal_seed(sk), seal_signature(sig)) else {
        return false;
    };
    with_seal_key(&seed, |key| key.verifying_key())
        .verify_strict(text, &sig)
        .is_ok()
}

/// The Ed25519 seed of a minisign secret key. minisign's layout: 62 bytes
/// of algorithms, KDF and key id, then the Ed25519 secret key as seed ‖
/// public key.
fn seal_seed(sk: &SecretKey) -> Option<[u8; 32]> {
    sk.to_bytes()
        .get(62..94)
        .and_then(|s| <[u8; 32]>::try_from(s).ok())
}

/// A seal's signature from its base64.
fn seal_signature(sig: &str) -> Option<ed25519_dalek::Signature> {
    B64.decode(sig.trim())
        .ok()
        .and_then(|raw| <[u8; 64]>::try_from(raw.as_slice()).ok())
        .map(|raw| ed25519_dalek::Signature::from_bytes(&raw))
}

/// Runs `f` with the signing key of `seed`. Deriving it (its public half)
/// costs as much as a signature: the key of the last seal is kept for the
/// next save, on this thread, until the operator logs out
/// ([`forget_seal_key`]).
fn with_seal_key<T>(seed: &[u8; 32], f: impl FnOnce(&ed25519_dalek::SigningKey) -> T) -> T {
    SEAL_KEY.with(|cached| {
        let mut cached = cached.borrow_mut();
        let key = match cached.as_ref() {
            Some(k) if k.to_bytes() == *seed => k,
            _ => cached.insert(ed25519_dalek::SigningKey::from_bytes(seed)),
        };
        f(key)
    })
}

thread_local! {
    /// The journal key of the last seal made on this thread (zeroed when
    /// dropped).
    static SEAL_KEY: std::cell::RefCell<Option<ed25519_dalek::SigningKey>> =
        const { std::cell::RefCell::new(None) };
}

/// Drops the journal key [`seal_sign`] keeps: at log-out
/// ([`super::Store::logout`]).
pub fn forget_seal_key() {
    SEAL_KEY.with(|k| k.borrow_mut().take());
}

/// Whether `sig` is the journal key's seal of `text`; `pk_b64` is the
/// journal key as minisign prints it.
pub fn seal_verify(pk_b64: &str, text: &[u8], sig: &str) -> bool {
    let Some(pk) = B64
        .decode(pk_b64)
        .ok()
        .and_then(|raw| <[u8; 32]>::try_from(raw.get(10..42)?).ok())
        .and_then(|raw| ed25519_dalek::VerifyingKey::from_bytes(&raw).ok())
    else {
        return false;
    };
    let Some(sig) = seal_signature(sig) else {
        return false;
    };
    pk.verify_strict(text, &sig).is_ok()
}

/// The text the seal signs: which point, how many entries, the head's hash.
pub fn seal_text(point: &str, entries: u64, head_hex: &str) -> String {
    format!("urna journal seal point={point} entries={entries} head={head_hex}")
}

/// A minisign signature (the whole `.minisig` text) of `data` with `text` as
/// its trusted comment.
pub fn sign(sk: &SecretKey, data: &[u8], comment: &str) -> Result<String, String> {
    minisign::sign(None, sk, data, Some(comment), Some("urna"))
        .map(|b| b.into_string())
        .map_err(|e| e.to_string())
}

/// Whether `sig` (a `.minisig` text) is a good signature of `data` by the
/// public key `pk_b64` whose trusted comment is `comment`.
pub fn verify(pk_b64: &str, data: &[u8], sig: &str, comment: &str) -> bool {
    let (Ok(pk), Ok(s)) = (
        minisign_verify::PublicKey::from_base64(pk_b64),
        minisign_verify::Signature::decode(sig),
    ) else {
        return false;
    };
    s.trusted_comment() == comment && pk.verify(data, &s, false).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_opens_with_its_pin_only() {
        let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("key");
        let u = Unlocked {
            journal: pair.sk,
            signing: Some([7u8; 32]),
        };
        let rec = make_record(b"pepper", "Anna", "1234", &u).expect("record");
        let back = open_record(b"pepper", "Anna", "1234", &rec)
            .expect("argon2")
            .expect("opens");
        assert_eq!(back.signing, Some([7u8; 32]));
        assert_eq!(back.journal.to_bytes(), u.journal.to_bytes());
        assert!(
            open_record(b"pepper", "Anna", "1235", &rec)
                .expect("a2")
                .is_none()
        );
        assert!(
            open_record(b"other", "Anna", "1234", &rec)
                .expect("a2")
                .is_none()
        );
        // A record moved to another name does not open.
        assert!(
            open_record(b"pepper", "Bartek", "1234", &rec)
                .expect("a2")
                .is_none()
        );
        let pk = minisign::PublicKey::from_secret_key(&u.journal).expect("pk");
        let s = sign(&u.journal, b"data", "c").expect("sign");
        assert!(verify(&pk.to_base64(), b"data", &s, "c"));
        assert!(!verify(&pk.to_base64(), b"datb", &s, "c"));
        assert!(!verify(&pk.to_base64(), b"data", &s, "d"));
        let seal = seal_sign(&u.journal, b"head").expect("seal");
        assert!(seal_verify(&pk.to_base64(), b"head", &seal));
        assert!(!seal_verify(&pk.to_base64(), b"heae", &seal));
        let other = minisign::KeyPair::generate_unencrypted_keypair().expect("key");
        assert!(!seal_verify(&other.pk.to_base64(), b"head", &seal));
    }
}
