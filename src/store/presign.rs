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
//! away. Each nonce is popped from the pool by the one signature that
//! uses it, is never copied or written anywhere, and is zeroed when dropped;
//! nonces live in this process's memory only. When none is ready (the
//! thread has not made one yet, or saves come faster than it makes them),
//! the signature is ed25519-dalek's own, with its deterministic nonce.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, Once, OnceLock};

use curve25519_dalek::Scalar;
use curve25519_dalek::constants::ED25519_BASEPOINT_TABLE;
use ed25519_dalek::{Signature, Signer, SigningKey};
use sha2::{Digest, Sha512};
use zeroize::Zeroize;

/// How many nonces the thread keeps ready: a burst of saves (a file
/// imported card by card) uses them up and goes on at ed25519-dalek's pace.
const AHEAD: usize = 64;

/// Below this many, a save asks the thread for more: it then makes
/// `AHEAD - LOW` or more in one go.
const LOW: usize = 32;

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

/// The nonces made ahead, and the thread's signal to make more.
struct Pool {
    nonces: Mutex<Vec<Nonce>>,
    /// The thread waits here while the pool is full enough.
    low: Condvar,
    /// Whether a save has told the thread to refill and it has not finished
    /// yet: a save signals at most once per refill, so the nonce costs it
    /// a lock and a pop, not a system call to wake the thread up (which on
    /// a busy laptop lets the woken thread take the saving one's core).
    asked: AtomicBool,
}

/// The pool; the thread filling it starts with the first call.
fn pool() -> &'static Pool {
    static POOL: OnceLock<Pool> = OnceLock::new();
    static STARTED: Once = Once::new();
    let pool = POOL.get_or_init(|| Pool {
        nonces: Mutex::new(Vec::with_capacity(AHEAD)),
        low: Condvar::new(),
        asked: AtomicBool::new(true),
    });
    STARTED.call_once(|| {
        let started = std::thread::Builder::new()
            .name("urna-nonces".into())
            .spawn(move || fill(pool));
        if let Err(e) = started {
            tracing::warn!(error = %e, "no thread for signing ahead: every signature is made whole");
        }
    });
    pool
}

/// The thread: fills the pool to [`AHEAD`], then sleeps until a save finds
/// it below [`LOW`] (it fills it to the top again, saves taking from it
/// meanwhile).
fn fill(pool: &Pool) {
    loop {
        {
            let Ok(mut ready) = pool.nonces.lock() else {
                return;
            };
            if ready.len() >= AHEAD {
                pool.asked.store(false, Ordering::Release);
                while ready.len() >= LOW && !pool.asked.load(Ordering::Acquire) {
                    ready = match pool.low.wait(ready) {
                        Ok(r) => r,
                        Err(_) => return,
                    };
                }
            }
        }
        // The costly multiplication outside the lock.
        let Some(n) = Nonce::fresh() else { return };
        match pool.nonces.lock() {
            Ok(mut ready) => ready.push(n),
            Err(_) => return,
        }
    }
}

/// Starts making nonces, so that the first saves after a login find some.
pub fn warm_up() {
    let _ = pool();
}

/// A nonce made ahead, if one is ready.
fn take() -> Option<Nonce> {
    let pool = pool();
    let (nonce, left) = {
        let mut ready = pool.nonces.lock().ok()?;
        let nonce = ready.pop();
        (nonce, ready.len())
    };
    if left < LOW && !pool.asked.swap(true, Ordering::AcqRel) {
        pool.low.notify_one();
    }
    nonce
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

    /// The tests that take many nonces, one at a time: each sees the pool
    /// as its own burst left it.
    static BURSTS: Mutex<()> = Mutex::new(());

    fn ready_now() -> usize {
        pool().nonces.lock().map(|n| n.len()).unwrap_or(0)
    }

    fn wait_for(full: usize) -> bool {
        (0..500).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(2));
            ready_now() >= full
        })
    }

    #[test]
    fn an_emptied_pool_is_filled_again_and_a_burst_never_leaves_it_low() {
        let _alone = BURSTS.lock();
        warm_up();
        for _ in 0..3 {
            // Faster than the thread makes them: the pool runs dry.
            let mut taken = 0;
            while take().is_some() && taken < 100_000 {
                taken += 1;
            }
            assert!(taken < 100_000, "the pool never ran dry");
            assert!(wait_for(AHEAD), "not filled again: {}", ready_now());
        }
        let k = key(3);
        for _ in 0..3 {
            for _ in 0..=AHEAD {
                let sig = sign(&k, b"a burst of saves");
                assert!(
                    k.verifying_key()
                        .verify_strict(b"a burst of saves", &sig)
                        .is_ok()
                );
            }
            assert!(wait_for(LOW), "left low: {}", ready_now());
        }
    }

    #[test]
    fn every_signature_made_ahead_has_a_nonce_of_its_own() {
        let k = key(7);
        let text = b"the same text";
        // ed25519-dalek's signature of one text is always the same, R and all.
        let dalek = k.sign(text).r_bytes().to_owned();
        let _alone = BURSTS.lock();
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
