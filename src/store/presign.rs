//! Ed25519 signatures with their costly half made ahead of the save.
//!
//! An Ed25519 signature of a message M by the key a (public A) is the pair
//! R = r·B and s = r + H(R ‖ A ‖ M)·a mod ℓ. The scalar multiplication
//! r·B is most of its cost (about 15 µs of a save's 20 µs of signing on a
//! kiosk laptop), and it does not involve the message once the nonce r is
//! drawn at random instead of derived from the message as RFC 8032 does:
//! a verifier cannot tell the two apart and checks both alike (the seal's
//! checks use ed25519-dalek's `verify_strict`). So a thread draws nonces
//! from the OS's randomness and multiplies them out ahead; the save only
//! hashes and multiplies two scalars.
//!
//! A nonce signs once and only once: two signatures with one r give the key
//! away. Each nonce is moved out of the channel by the one signature that
//! uses it, is never copied or written anywhere, and is zeroed when dropped;
//! nonces live in this process's memory only. When none is ready (the
//! thread has not made one yet, or saves come faster than it makes them),
//! the signature is ed25519-dalek's own, with its deterministic nonce.

use std::sync::mpsc::{Receiver, sync_channel};
use std::sync::{Mutex, OnceLock};

use curve25519_dalek::Scalar;
use curve25519_dalek::constants::ED25519_BASEPOINT_TABLE;
use ed25519_dalek::{Signature, Signer, SigningKey};
use sha2::{Digest, Sha512};
use zeroize::Zeroize;

/// How many nonces the thread keeps ready: a burst of saves (a file
/// imported card by card) uses them up and goes on at ed25519-dalek's pace.
const AHEAD: usize = 64;

/// A random nonce r and its point R = r·B, compressed.
struct Nonce {
    r: Scalar,
    point: [u8; 32],
}

impl Nonce {
    /// A fresh nonce from 64 bytes of the OS's randomness (reduced mod ℓ:
    /// uniform), or none if the OS gives no randomness.
    fn fresh() -> Option<Nonce> {
        let mut wide = [0u8; 64];
        getrandom::fill(&mut wide).ok()?;
        let r = Scalar::from_bytes_mod_order_wide(&wide);
        wide.zeroize();
        let point = (&r * ED25519_BASEPOINT_TABLE).compress().to_bytes();
        Some(Nonce { r, point })
    }
}

impl Drop for Nonce {
    fn drop(&mut self) {
        self.r.zeroize();
    }
}

/// The nonces made ahead; the thread making them starts with the first
/// call.
fn ready() -> &'static Mutex<Receiver<Nonce>> {
    static READY: OnceLock<Mutex<Receiver<Nonce>>> = OnceLock::new();
    READY.get_or_init(|| {
        let (tx, rx) = sync_channel(AHEAD);
        let started = std::thread::Builder::new()
            .name("urna-nonces".into())
            .spawn(move || {
                while let Some(n) = Nonce::fresh() {
                    if tx.send(n).is_err() {
                        break;
                    }
                }
            });
        if let Err(e) = started {
            tracing::warn!(error = %e, "no thread for signing ahead: every signature is made whole");
        }
        Mutex::new(rx)
    })
}

/// Starts making nonces, so that the first saves after a login find some.
pub fn warm_up() {
    let _ = ready();
}

/// A nonce made ahead, if one is ready.
fn take() -> Option<Nonce> {
    ready().lock().ok()?.try_recv().ok()
}

/// The Ed25519 signature of `msg` by `key`: with a nonce made ahead when one
/// is ready, else ed25519-dalek's.
pub fn sign(key: &SigningKey, msg: &[u8]) -> Signature {
    match take() {
        Some(nonce) => sign_with(key, nonce, msg),
        None => key.sign(msg),
    }
}

/// s = r + H(R ‖ A ‖ M)·a, the signature (R, s).
fn sign_with(key: &SigningKey, nonce: Nonce, msg: &[u8]) -> Signature {
    let mut a = key.to_scalar();
    let k = Scalar::from_hash(
        Sha512::new()
            .chain_update(nonce.point)
            .chain_update(key.verifying_key().as_bytes())
            .chain_update(msg),
    );
    let s = k * a + nonce.r;
    a.zeroize();
    let mut bytes = [0u8; 64];
    bytes[..32].copy_from_slice(&nonce.point);
    bytes[32..].copy_from_slice(s.as_bytes());
    Signature::from_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    #[test]
    fn a_signature_made_ahead_verifies_strictly_and_only_for_its_message_and_key() {
        for n in 0..50u8 {
            let k = key(n);
            let msg = format!("urna journal seal point=P01 entries={n} head=00");
            let sig = sign_with(&k, Nonce::fresh().expect("randomness"), msg.as_bytes());
            let public = k.verifying_key();
            assert!(public.verify_strict(msg.as_bytes(), &sig).is_ok());
            assert!(public.verify_strict(b"another message", &sig).is_err());
            assert!(
                key(n.wrapping_add(1))
                    .verifying_key()
                    .verify_strict(msg.as_bytes(), &sig)
                    .is_err()
            );
        }
    }

    #[test]
    fn every_signature_made_ahead_has_a_nonce_of_its_own() {
        let k = key(7);
        let text = b"the same text";
        // ed25519-dalek's signature of one text is always the same, R and all.
        let dalek = k.sign(text).r_bytes().to_owned();
        warm_up();
        std::thread::sleep(std::time::Duration::from_millis(100));
        let mut ahead = Vec::new();
        for _ in 0..3 * AHEAD {
            let sig = sign(&k, text);
            assert!(k.verifying_key().verify_strict(text, &sig).is_ok());
            if sig.r_bytes() != &dalek {
                ahead.push(sig.r_bytes().to_owned());
            }
        }
        assert!(
            ahead.len() >= AHEAD,
            "the nonces made ahead were used: {}",
            ahead.len()
        );
        let distinct: std::collections::HashSet<_> = ahead.iter().collect();
        assert_eq!(distinct.len(), ahead.len(), "a nonce signed twice");
    }
}
