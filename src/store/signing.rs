//! The kiosk's own signing key (minisign format, Ed25519): it signs every
//! end-of-day bundle, so the central office can tell which kiosk made it.
//! Both files are created mode 0600 beside the database. The secret key file
//! is sealed (ChaCha20-Poly1305 under a random password that only the
//! coordinators' PIN records hold, see [`super::keys`]): the disk alone signs
//! nothing.

use std::path::Path;

use minisign::{KeyPair, PublicKey, PublicKeyBox, SecretKey};

use super::{Result, StoreError, create_private};

pub const KEY_FILE: &str = "kiosk.key";
pub const PUB_FILE: &str = "kiosk.pub";

/// The kiosk's key pair.
pub struct KioskKey {
    pub secret: SecretKey,
    pub public: PublicKey,
}

fn bad(path: &Path, what: impl std::fmt::Display) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string()),
    }
}

/// The key id as minisign prints it (`minisign public key 1A2B…`).
pub fn key_id(keynum: &[u8]) -> String {
    let mut id = [0u8; 8];
    for (slot, b) in id.iter_mut().zip(keynum) {
        *slot = *b;
    }
    format!("{:016X}", u64::from_le_bytes(id))
}

/// A new key pair, in memory, with the text of its public key file (what
/// `urna key` prints and `minisign -V -p` reads).
pub fn generate() -> std::result::Result<(KioskKey, String), minisign::PError> {
    let pair = KeyPair::generate_unencrypted_keypair()?;
    let public = pair.pk.to_box()?.to_string();
    Ok((
        KioskKey {
            secret: pair.sk,
            public: pair.pk,
        },
        public,
    ))
}

/// The second line of a sealed `kiosk.key`: not minisign's base64, so
/// `minisign -S -s kiosk.key` finds no key in it.
const SEALED_TAG: &str = "urna-sealed-key/1 ";

/// Makes a new key pair in `dir`: `kiosk.pub` in plain, `kiosk.key` sealed
/// under a fresh random password (returned, for the coordinators' PIN
/// records). The key pair is returned open, for the store's first entry.
pub fn create_sealed(dir: &Path) -> Result<(KioskKey, [u8; 32])> {
    let key_path = dir.join(KEY_FILE);
    let (key, public) = generate().map_err(|e| bad(&key_path, e))?;
    let password: [u8; 32] = super::keys::random();
    let id = key_id(key.public.keynum());
    let sealed = super::keys::seal_bytes(&password, id.as_bytes(), &key.secret.to_bytes());
    use base64::Engine;
    let text = format!(
        "untrusted comment: urna kiosk secret key {id}, sealed: only urna opens it, with a coordinator's PIN\n{SEALED_TAG}{}\n",
        base64::engine::general_purpose::STANDARD.encode(sealed)
    );
    create_private(&dir.join(PUB_FILE), public.as_bytes())?;
    create_private(&key_path, text.as_bytes())?;
    Ok((key, password))
}

/// Opens `kiosk.key` with its password (from a coordinator's PIN record).
pub fn load(dir: &Path, password: &[u8; 32]) -> Result<KioskKey> {
    use base64::Engine;
    let key_path = dir.join(KEY_FILE);
    let text = std::fs::read_to_string(&key_path).map_err(|source| StoreError::Io {
        path: key_path.clone(),
        source,
    })?;
    let public = PublicKeyBox::from_string(&public_text(dir)?)
        .and_then(|b| b.into_public_key())
        .map_err(|e| bad(&key_path, e))?;
    let id = key_id(public.keynum());
    let sealed = text
        .lines()
        .nth(1)
        .and_then(|l| l.strip_prefix(SEALED_TAG))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .ok_or_else(|| bad(&key_path, "not a sealed urna kiosk key"))?;
    let plain = super::keys::open_bytes(password, id.as_bytes(), &sealed).ok_or_else(|| {
        bad(
            &key_path,
            "the key does not open with this password (changed or not this kiosk's)",
        )
    })?;
    let secret = SecretKey::from_bytes(&plain).map_err(|e| bad(&key_path, e))?;
    if PublicKey::from_secret_key(&secret)
        .map(|p| p.to_base64() != public.to_base64())
        .unwrap_or(true)
    {
        return Err(bad(
            &key_path,
            "the secret key does not belong to kiosk.pub",
        ));
    }
    Ok(KioskKey { secret, public })
}

/// The public key file as `minisign -V -p` reads it.
pub fn public_text(dir: &Path) -> Result<String> {
    let path = dir.join(PUB_FILE);
    let text = std::fs::read_to_string(&path).map_err(|source| StoreError::Io {
        path: path.clone(),
        source,
    })?;
    // Make sure it is a key before handing it out.
    PublicKeyBox::from_string(&text)
        .and_then(|b| b.into_public_key())
        .map_err(|e| bad(&path, e))?;
    Ok(text)
}
