//! The first entry: what it says, and that the kiosk key it names signed it
//! and is the key in `kiosk.pub`.

use crate::tr;
use std::path::Path;

use super::Problem;
use crate::i18n::Lang;
use crate::store::journal::{Entry, Event};
use crate::store::{keys, signing};

/// What the first entry says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Genesis {
    pub point_id: String,
    pub point_name: String,
    pub mobile: bool,
    pub training: bool,
    pub edition_id: String,
    pub edition_sha256: String,
    pub central_recipient: Option<String>,
    pub kiosk_public_key: String,
    pub journal_public_key: String,
    pub min_pin_length: u8,
}

/// The bytes the kiosk key signs in the first entry: the entry with an
/// empty `signature`.
pub fn genesis_claims(entry: &Entry) -> Option<Vec<u8>> {
    let mut e = entry.clone();
    match &mut e.event {
        Event::StoreCreated { signature, .. } => signature.clear(),
        _ => return None,
    }
    Some(e.canonical_bytes())
}

/// The trusted comment of the first entry's signature.
pub fn genesis_comment(point: &str) -> String {
    format!("urna store created point={point}")
}

/// Reads and checks the first entry: it must be `store_created`, signed by
/// the kiosk key it names.
pub fn genesis_of(entry: &Entry) -> Result<Genesis, Problem> {
    fn bad(say: impl Fn(Lang) -> String) -> Problem {
        Problem::new("journal", "1", say)
    }
    let Event::StoreCreated {
        point_id,
        point_name,
        mobile,
        training,
        edition_id,
        edition_sha256,
        central_recipient,
        kiosk_public_key,
        journal_public_key,
        min_pin_length,
        signature,
    } = &entry.event
    else {
        return Err(bad(|lang| tr!(lang, "check-genesis-not-creation")));
    };
    let claims = genesis_claims(entry).unwrap_or_default();
    if entry.seq != 1
        || !keys::verify(
            kiosk_public_key,
            &claims,
            signature,
            &genesis_comment(point_id),
        )
    {
        return Err(bad(|lang| tr!(lang, "check-genesis-not-signed")));
    }
    Ok(Genesis {
        point_id: point_id.clone(),
        point_name: point_name.clone(),
        mobile: *mobile,
        training: *training,
        edition_id: edition_id.clone(),
        edition_sha256: edition_sha256.clone(),
        central_recipient: central_recipient.clone(),
        kiosk_public_key: kiosk_public_key.clone(),
        journal_public_key: journal_public_key.clone(),
        min_pin_length: *min_pin_length,
    })
}

pub(super) fn check_key_file(dir: &Path, g: &Genesis, out: &mut Vec<Problem>) {
    let found = signing::public_text(dir).ok().and_then(|t| {
        minisign::PublicKeyBox::from_string(&t)
            .and_then(|b| b.into_public_key())
            .ok()
            .map(|k| k.to_base64())
    });
    if found.as_deref() != Some(g.kiosk_public_key.as_str()) {
        out.push(Problem::new(signing::PUB_FILE, "", |lang| {
            tr!(lang, "check-key-file-other")
        }));
    }
}
