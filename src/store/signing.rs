//! The kiosk's own signing key (minisign format, Ed25519): it signs every
//! end-of-day bundle, so the central office can tell which kiosk made it.
//! Both files are created mode 0600 beside the database.

use std::path::Path;

use minisign::{KeyPair, PublicKey, PublicKeyBox, SecretKey, SecretKeyBox};

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

/// Makes the key pair unless it exists.
pub fn ensure(dir: &Path) -> Result<()> {
    let key_path = dir.join(KEY_FILE);
    if key_path.exists() {
        return Ok(());
    }
    let (key, public) = generate().map_err(|e| bad(&key_path, e))?;
    let id = key_id(key.public.keynum());
    let secret = key
        .secret
        .to_box(Some(&format!("urna kiosk secret key {id}")))
        .map_err(|e| bad(&key_path, e))?
        .to_string();
    create_private(&dir.join(PUB_FILE), public.as_bytes())?;
    create_private(&key_path, secret.as_bytes())
}

/// Loads the key pair.
pub fn load(dir: &Path) -> Result<KioskKey> {
    let key_path = dir.join(KEY_FILE);
    let text = std::fs::read_to_string(&key_path).map_err(|source| StoreError::Io {
        path: key_path.clone(),
        source,
    })?;
    let secret = SecretKeyBox::from_string(&text)
        .and_then(|b| b.into_unencrypted_secret_key())
        .map_err(|e| bad(&key_path, e))?;
    let public = PublicKey::from_secret_key(&secret).map_err(|e| bad(&key_path, e))?;
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
