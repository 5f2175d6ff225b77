//! An age decryption error in words of either language, from the error's
//! variant (and, for the payload's stream, the I/O error's kind), never
//! from age's English text.

use std::io;

use crate::i18n::Lang;
use crate::tr;

/// The I/O error a reader gives when the age header is longer than the
/// office reads ([`crate::bundle::read::Capped`]).
#[derive(Debug)]
pub struct HeaderTooLong;

impl std::fmt::Display for HeaderTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!(
            Lang::En,
            "error-age-header-too-long",
            bytes = crate::bundle::read::MAX_AGE_HEADER
        ))
    }
}

impl std::error::Error for HeaderTooLong {}

/// The code of a failed decryption (kept in the import log).
pub fn code(e: &age::DecryptError) -> String {
    use age::DecryptError::*;
    match e {
        DecryptionFailed => "age:decryption_failed".into(),
        ExcessiveWork { required, target } => format!("age:excessive_work:{required}:{target}"),
        InvalidHeader => "age:invalid_header".into(),
        InvalidMac => "age:invalid_mac".into(),
        Io(e) => io_code(e, false),
        KeyDecryptionFailed => "age:key_decryption_failed".into(),
        NoMatchingKeys => "age:no_matching_keys".into(),
        UnknownFormat => "age:unknown_format".into(),
        _ => "age:other".into(),
    }
}

/// The code of an error while reading the decrypted stream: age's stream
/// says a damaged chunk with `InvalidData` and a cut one with
/// `UnexpectedEof`.
pub fn stream_code(e: &io::Error) -> String {
    io_code(e, true)
}

fn io_code(e: &io::Error, stream: bool) -> String {
    if e.get_ref().is_some_and(|inner| inner.is::<HeaderTooLong>()) {
        return "age:header_too_long".into();
    }
    match e.kind() {
        io::ErrorKind::InvalidData if stream => "age:damaged".into(),
        io::ErrorKind::UnexpectedEof => "age:truncated".into(),
        _ => format!("age:io:{}", super::io::code(e)),
    }
}

/// The words for a code made by [`code`] or [`stream_code`]; `None` if it
/// is not one.
pub fn words(lang: Lang, code: &str) -> Option<String> {
    let rest = code.strip_prefix("age:")?;
    Some(match rest {
        "decryption_failed" => tr!(lang, "error-age-decryption-failed"),
        "invalid_header" => tr!(lang, "error-age-invalid-header"),
        "invalid_mac" => tr!(lang, "error-age-invalid-mac"),
        "key_decryption_failed" => tr!(lang, "error-age-key-decryption-failed"),
        "no_matching_keys" => tr!(lang, "error-age-no-matching-keys"),
        "unknown_format" => tr!(lang, "error-age-unknown-format"),
        "header_too_long" => tr!(
            lang,
            "error-age-header-too-long",
            bytes = crate::bundle::read::MAX_AGE_HEADER
        ),
        "damaged" => tr!(lang, "error-age-damaged"),
        "truncated" => tr!(lang, "error-age-truncated"),
        "other" => tr!(lang, "error-age-other"),
        _ => {
            if let Some(io) = rest.strip_prefix("io:") {
                return super::io::words(lang, io);
            }
            let work = rest.strip_prefix("excessive_work:")?;
            let (required, target) = work.split_once(':')?;
            let (required, target): (u8, u8) = (required.parse().ok()?, target.parse().ok()?);
            let seconds = 1u64
                .checked_shl(u32::from(required.saturating_sub(target)))
                .unwrap_or(u64::MAX);
            tr!(lang, "error-age-excessive-work", seconds = seconds)
        }
    })
}

/// A failed decryption in words of `lang`.
pub fn error(lang: Lang, e: &age::DecryptError) -> String {
    let c = code(e);
    words(lang, &c).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::DecryptError;

    #[test]
    fn every_variant_has_words_in_both_languages() {
        let all = [
            DecryptError::DecryptionFailed,
            DecryptError::ExcessiveWork {
                required: 22,
                target: 18,
            },
            DecryptError::InvalidHeader,
            DecryptError::InvalidMac,
            DecryptError::Io(io::Error::from(io::ErrorKind::PermissionDenied)),
            DecryptError::Io(io::Error::other(HeaderTooLong)),
            DecryptError::Io(io::Error::from(io::ErrorKind::UnexpectedEof)),
            DecryptError::KeyDecryptionFailed,
            DecryptError::NoMatchingKeys,
            DecryptError::UnknownFormat,
        ];
        let mut seen = std::collections::HashSet::new();
        for e in &all {
            let (pl, en) = (error(Lang::Pl, e), error(Lang::En, e));
            assert_ne!(pl, en);
            assert!(!pl.starts_with("age:"), "{pl}");
            assert_ne!(pl, e.to_string());
            assert!(seen.insert(pl.clone()), "{pl}");
        }
        assert!(error(Lang::Pl, &all[1]).contains("16 s"));
        assert_eq!(
            words(
                Lang::Pl,
                &stream_code(&io::Error::from(io::ErrorKind::InvalidData))
            ),
            words(Lang::Pl, "age:damaged")
        );
        assert_eq!(words(Lang::Pl, "age:excessive_work:x"), None);
    }
}
