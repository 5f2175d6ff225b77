//! Errors that come from libraries and the operating system, said in the
//! user's language. A foreign error becomes a code first (`not_found`,
//! `os:5`, `age:no_matching_keys`), which is what the import log keeps, and
//! words only where a line is printed — so `tally audit` says it in either
//! language. Nothing here repeats a library's English text except, labelled,
//! a TOML message no template matches.

pub mod age;
pub mod io;
pub mod sqlite;
pub mod tls;
pub mod toml;

use crate::i18n::Lang;

pub use self::age::error as age_error;
pub use self::io::error as io_error;
pub use self::io::error_at as io_error_at;
pub use self::sqlite::error as sqlite_error;

/// The code of a minisign signature that cannot be read.
pub fn signature_code(e: &minisign_verify::Error) -> String {
    use minisign_verify::Error::*;
    match e {
        InvalidEncoding => "sig:encoding".into(),
        UnexpectedAlgorithm | UnsupportedAlgorithm | UnsupportedLegacyMode => {
            "sig:algorithm".into()
        }
        IoError(e) => io::code(e),
        InvalidSignature | UnexpectedKeyId => "sig:other".into(),
    }
}

fn signature_words(lang: Lang, code: &str) -> Option<String> {
    Some(match code.strip_prefix("sig:")? {
        "not_text" => crate::tr!(lang, "error-signature-not-text"),
        "no_key_id" => crate::tr!(lang, "error-signature-no-key-id"),
        "encoding" => crate::tr!(lang, "error-signature-encoding"),
        "algorithm" => crate::tr!(lang, "error-signature-algorithm"),
        "other" => crate::tr!(lang, "error-signature-other"),
        _ => return None,
    })
}

/// The words of a code made here, in `lang`. Anything else is text kept
/// by an older urna (English from a library): what can still be recognised
/// in it (an OS error number, age's sentences) is said in `lang`, the rest
/// shown as it is.
pub fn words(lang: Lang, code: &str) -> String {
    if let Some(w) = io::words(lang, code)
        .or_else(|| age::words(lang, code))
        .or_else(|| signature_words(lang, code))
    {
        return w;
    }
    legacy(lang, code).unwrap_or_else(|| code.to_string())
}

/// Text an older urna logged: `No such file or directory (os error 2)`,
/// `No matching keys found`.
fn legacy(lang: Lang, text: &str) -> Option<String> {
    if let Some((_, n)) = text.rsplit_once("(os error ")
        && let Ok(n) = n.trim_end_matches(')').parse::<i32>()
    {
        return io::words(lang, &io::code(&std::io::Error::from_raw_os_error(n)));
    }
    let code = match text {
        "Decryption failed" => "age:decryption_failed",
        "Header is invalid" => "age:invalid_header",
        "Header MAC is invalid" => "age:invalid_mac",
        "Failed to decrypt an encrypted key" => "age:key_decryption_failed",
        "No matching keys found" => "age:no_matching_keys",
        "decryption error" => "age:damaged",
        "not text" => "sig:not_text",
        "no key id" => "sig:no_key_id",
        "Invalid encoding in minisign data" => "sig:encoding",
        _ => return None,
    };
    age::words(lang, code).or_else(|| signature_words(lang, code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_old_text_both_read_in_the_language_asked() {
        assert_eq!(
            words(Lang::Pl, "not_found"),
            "nie ma takiego pliku ani katalogu"
        );
        assert_eq!(
            words(Lang::Pl, "No such file or directory (os error 2)"),
            "nie ma takiego pliku ani katalogu"
        );
        assert_eq!(
            words(Lang::En, "No matching keys found"),
            words(Lang::En, "age:no_matching_keys")
        );
        assert!(words(Lang::Pl, "age:io:permission_denied").starts_with("brak uprawnień"));
        assert_eq!(words(Lang::Pl, "something else"), "something else");
    }
}
