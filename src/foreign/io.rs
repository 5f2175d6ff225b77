//! An operating-system error (`std::io::Error`) in words of either
//! language, from its kind or error number, never from its English text.

use std::io::{self, ErrorKind};

use crate::i18n::Lang;
use crate::tr;

/// Every kind a user can meet: its code (kept in the import log) and its
/// words in Polish and English.
const KINDS: &[(ErrorKind, &str)] = &[
    (ErrorKind::NotFound, "not_found"),
    (ErrorKind::PermissionDenied, "permission_denied"),
    (ErrorKind::AlreadyExists, "already_exists"),
    (ErrorKind::IsADirectory, "is_a_directory"),
    (ErrorKind::NotADirectory, "not_a_directory"),
    (ErrorKind::DirectoryNotEmpty, "directory_not_empty"),
    (ErrorKind::StorageFull, "storage_full"),
    (ErrorKind::QuotaExceeded, "quota_exceeded"),
    (ErrorKind::ReadOnlyFilesystem, "read_only_filesystem"),
    (ErrorKind::FileTooLarge, "file_too_large"),
    (ErrorKind::UnexpectedEof, "unexpected_eof"),
    (ErrorKind::InvalidData, "invalid_data"),
    (ErrorKind::InvalidInput, "invalid_input"),
    (ErrorKind::InvalidFilename, "invalid_filename"),
    (ErrorKind::Interrupted, "interrupted"),
    (ErrorKind::BrokenPipe, "broken_pipe"),
    (ErrorKind::TimedOut, "timed_out"),
    (ErrorKind::WouldBlock, "would_block"),
    (ErrorKind::WriteZero, "write_zero"),
    (ErrorKind::ResourceBusy, "resource_busy"),
    (ErrorKind::ExecutableFileBusy, "executable_busy"),
    (ErrorKind::CrossesDevices, "crosses_devices"),
    (ErrorKind::TooManyLinks, "too_many_links"),
    (ErrorKind::StaleNetworkFileHandle, "stale_network_file"),
    (ErrorKind::NotSeekable, "not_seekable"),
    (ErrorKind::OutOfMemory, "out_of_memory"),
    (ErrorKind::Unsupported, "unsupported"),
    (ErrorKind::Deadlock, "deadlock"),
    (ErrorKind::AddrInUse, "addr_in_use"),
    (ErrorKind::AddrNotAvailable, "addr_not_available"),
    (ErrorKind::ConnectionRefused, "connection_refused"),
    (ErrorKind::ConnectionReset, "connection_reset"),
    (ErrorKind::ConnectionAborted, "connection_aborted"),
    (ErrorKind::NotConnected, "not_connected"),
    (ErrorKind::HostUnreachable, "host_unreachable"),
    (ErrorKind::NetworkUnreachable, "network_unreachable"),
    (ErrorKind::NetworkDown, "network_down"),
    (ErrorKind::ArgumentListTooLong, "argument_list_too_long"),
];

/// Error numbers whose kind std leaves uncategorised, with their own words.
fn errno_words(lang: Lang, n: i32) -> Option<String> {
    Some(match n {
        libc::EIO => tr!(lang, "error-io-eio"),
        libc::ELOOP => tr!(lang, "error-io-eloop"),
        libc::ENXIO => tr!(lang, "error-io-enxio"),
        libc::EBADF => tr!(lang, "error-io-ebadf"),
        libc::ENODEV => tr!(lang, "error-io-enodev"),
        libc::ETXTBSY => tr!(lang, "error-io-etxtbsy"),
        _ => return None,
    })
}

/// The words of an error kind's code (a [`KINDS`] code) in `lang`.
fn kind_words(lang: Lang, code: &str) -> Option<String> {
    Some(match code {
        "not_found" => tr!(lang, "error-io-not-found"),
        "permission_denied" => tr!(lang, "error-io-permission-denied"),
        "already_exists" => tr!(lang, "error-io-already-exists"),
        "is_a_directory" => tr!(lang, "error-io-is-a-directory"),
        "not_a_directory" => tr!(lang, "error-io-not-a-directory"),
        "directory_not_empty" => tr!(lang, "error-io-directory-not-empty"),
        "storage_full" => tr!(lang, "error-io-storage-full"),
        "quota_exceeded" => tr!(lang, "error-io-quota-exceeded"),
        "read_only_filesystem" => tr!(lang, "error-io-read-only-filesystem"),
        "file_too_large" => tr!(lang, "error-io-file-too-large"),
        "unexpected_eof" => tr!(lang, "error-io-unexpected-eof"),
        "invalid_data" => tr!(lang, "error-io-invalid-data"),
        "invalid_input" => tr!(lang, "error-io-invalid-input"),
        "invalid_filename" => tr!(lang, "error-io-invalid-filename"),
        "interrupted" => tr!(lang, "error-io-interrupted"),
        "broken_pipe" => tr!(lang, "error-io-broken-pipe"),
        "timed_out" => tr!(lang, "error-io-timed-out"),
        "would_block" => tr!(lang, "error-io-would-block"),
        "write_zero" => tr!(lang, "error-io-write-zero"),
        "resource_busy" => tr!(lang, "error-io-resource-busy"),
        "executable_busy" => tr!(lang, "error-io-executable-busy"),
        "crosses_devices" => tr!(lang, "error-io-crosses-devices"),
        "too_many_links" => tr!(lang, "error-io-too-many-links"),
        "stale_network_file" => tr!(lang, "error-io-stale-network-file"),
        "not_seekable" => tr!(lang, "error-io-not-seekable"),
        "out_of_memory" => tr!(lang, "error-io-out-of-memory"),
        "unsupported" => tr!(lang, "error-io-unsupported"),
        "deadlock" => tr!(lang, "error-io-deadlock"),
        "addr_in_use" => tr!(lang, "error-io-addr-in-use"),
        "addr_not_available" => tr!(lang, "error-io-addr-not-available"),
        "connection_refused" => tr!(lang, "error-io-connection-refused"),
        "connection_reset" => tr!(lang, "error-io-connection-reset"),
        "connection_aborted" => tr!(lang, "error-io-connection-aborted"),
        "not_connected" => tr!(lang, "error-io-not-connected"),
        "host_unreachable" => tr!(lang, "error-io-host-unreachable"),
        "network_unreachable" => tr!(lang, "error-io-network-unreachable"),
        "network_down" => tr!(lang, "error-io-network-down"),
        "argument_list_too_long" => tr!(lang, "error-io-argument-list-too-long"),
        _ => return None,
    })
}

/// The error the kiosk gives when started without a terminal.
#[derive(Debug)]
pub struct NoTerminal;

impl std::fmt::Display for NoTerminal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!(Lang::En, "error-io-no-terminal"))
    }
}

impl std::error::Error for NoTerminal {}

/// The code of an I/O error: its kind's code, or `os:N` for an error
/// number without a kind of its own, or `other`.
pub fn code(e: &io::Error) -> String {
    if e.get_ref().is_some_and(|inner| inner.is::<NoTerminal>()) {
        return "no_terminal".into();
    }
    // A failed name lookup has no kind or number of its own: std says it
    // in these words (then the resolver's, in English).
    if e.raw_os_error().is_none()
        && e.to_string()
            .starts_with("failed to lookup address information")
    {
        return "host_not_found".into();
    }
    if let Some(n) = e.raw_os_error()
        && errno_words(Lang::En, n).is_some()
    {
        return format!("os:{n}");
    }
    match KINDS.iter().find(|k| k.0 == e.kind()) {
        Some(k) => k.1.to_string(),
        None => match e.raw_os_error() {
            Some(n) => format!("os:{n}"),
            None => "other".into(),
        },
    }
}

/// The words for an I/O error code made by [`code`]; `None` if it is not one.
pub fn words(lang: Lang, code: &str) -> Option<String> {
    if let Some(words) = kind_words(lang, code) {
        return Some(words);
    }
    match code {
        "host_not_found" => return Some(tr!(lang, "error-io-host-not-found")),
        "no_terminal" => return Some(tr!(lang, "error-io-no-terminal")),
        "other" => return Some(tr!(lang, "error-io-other")),
        _ => {}
    }
    let n: i32 = code.strip_prefix("os:")?.parse().ok()?;
    Some(errno_words(lang, n).unwrap_or_else(|| {
        let kind = io::Error::from_raw_os_error(n).kind();
        KINDS
            .iter()
            .find(|k| k.0 == kind)
            .and_then(|k| kind_words(lang, k.1))
            .unwrap_or_else(|| tr!(lang, "error-io-os", number = n))
    }))
}

/// An I/O error on `path`, in words of `lang`: the path as urna prints it
/// (control characters escaped), then the error.
pub fn error_at(lang: Lang, path: &std::path::Path, e: &io::Error) -> String {
    format!("{}: {}", crate::shown::path(path), error(lang, e))
}

/// An I/O error in words of `lang`. An error urna made itself with its
/// own English words (no OS error number behind it) keeps them in English;
/// in Polish it is said by its kind.
pub fn error(lang: Lang, e: &io::Error) -> String {
    let c = code(e);
    if lang == Lang::En
        && !matches!(c.as_str(), "no_terminal" | "host_not_found")
        && e.raw_os_error().is_none()
        && e.get_ref().is_some()
    {
        return e.to_string();
    }
    words(lang, &c).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_words_in_both_languages() {
        let mut seen = std::collections::HashSet::new();
        for (kind, code) in KINDS {
            let e = io::Error::from(*kind);
            assert_eq!(super::code(&e), *code);
            let [pl, en, uk] = [Lang::Pl, Lang::En, Lang::Uk].map(|l| error(l, &e));
            assert_ne!(pl, en);
            assert_ne!(uk, pl);
            assert!(!pl.contains("error-io-"), "{pl}");
            assert!(seen.insert(pl), "{code}: its words twice");
        }
    }

    #[test]
    fn os_errors_by_number() {
        let enoent = io::Error::from_raw_os_error(libc::ENOENT);
        assert_eq!(code(&enoent), "not_found");
        assert_eq!(
            error(Lang::Pl, &enoent),
            "nie ma takiego pliku ani katalogu"
        );
        let eio = io::Error::from_raw_os_error(libc::EIO);
        assert_eq!(code(&eio), format!("os:{}", libc::EIO));
        assert!(error(Lang::Pl, &eio).starts_with("błąd wejścia-wyjścia"));
        let odd = io::Error::from_raw_os_error(libc::ECHRNG);
        assert_eq!(
            error(Lang::Pl, &odd),
            format!("błąd systemu operacyjnego nr {}", libc::ECHRNG)
        );
        let other = io::Error::other("some English words");
        assert_eq!(error(Lang::Pl, &other), "błąd wejścia-wyjścia");
        assert_eq!(error(Lang::En, &other), "some English words");
        let tty = io::Error::other(NoTerminal);
        assert!(error(Lang::Pl, &tty).starts_with("kiosk potrzebuje terminala"));
        assert!(error(Lang::En, &tty).starts_with("the kiosk needs a terminal"));
        assert_eq!(words(Lang::Pl, "os:x"), None);
        assert_eq!(words(Lang::Pl, "No such file"), None);
    }
}
