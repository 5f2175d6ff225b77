//! An operating-system error (`std::io::Error`) in words of either
//! language, from its kind or error number, never from its English text.

use std::io::{self, ErrorKind};

use crate::i18n::Lang;

/// Every kind a user can meet: its code (kept in the import log) and its
/// words in Polish and English.
const KINDS: &[(ErrorKind, &str, &str, &str)] = &[
    (
        ErrorKind::NotFound,
        "not_found",
        "nie ma takiego pliku ani katalogu",
        "no such file or directory",
    ),
    (
        ErrorKind::PermissionDenied,
        "permission_denied",
        "brak uprawnień do tego pliku lub katalogu",
        "permission denied",
    ),
    (
        ErrorKind::AlreadyExists,
        "already_exists",
        "taki plik już istnieje",
        "the file already exists",
    ),
    (
        ErrorKind::IsADirectory,
        "is_a_directory",
        "to katalog, a nie plik",
        "it is a directory, not a file",
    ),
    (
        ErrorKind::NotADirectory,
        "not_a_directory",
        "część ścieżki nie jest katalogiem",
        "a part of the path is not a directory",
    ),
    (
        ErrorKind::DirectoryNotEmpty,
        "directory_not_empty",
        "katalog nie jest pusty",
        "the directory is not empty",
    ),
    (
        ErrorKind::StorageFull,
        "storage_full",
        "brak miejsca na dysku",
        "no space left on the device",
    ),
    (
        ErrorKind::QuotaExceeded,
        "quota_exceeded",
        "przekroczono przydział miejsca na dysku",
        "the disk quota is exceeded",
    ),
    (
        ErrorKind::ReadOnlyFilesystem,
        "read_only_filesystem",
        "dysk jest tylko do odczytu",
        "the file system is read-only",
    ),
    (
        ErrorKind::FileTooLarge,
        "file_too_large",
        "plik jest za duży dla tego systemu plików",
        "the file is too large for the file system",
    ),
    (
        ErrorKind::UnexpectedEof,
        "unexpected_eof",
        "plik kończy się wcześniej, niż powinien",
        "the file ends too soon",
    ),
    (
        ErrorKind::InvalidData,
        "invalid_data",
        "dane są niepoprawne lub uszkodzone",
        "the data is invalid or damaged",
    ),
    (
        ErrorKind::InvalidInput,
        "invalid_input",
        "system odrzucił żądanie jako niepoprawne",
        "the system refused the request as invalid",
    ),
    (
        ErrorKind::InvalidFilename,
        "invalid_filename",
        "niepoprawna nazwa pliku (na przykład za długa)",
        "an invalid file name (too long, for instance)",
    ),
    (
        ErrorKind::Interrupted,
        "interrupted",
        "operację przerwano",
        "the operation was interrupted",
    ),
    (
        ErrorKind::BrokenPipe,
        "broken_pipe",
        "odbiorca danych zamknął potok",
        "broken pipe: the reader went away",
    ),
    (
        ErrorKind::TimedOut,
        "timed_out",
        "przekroczono czas oczekiwania",
        "the operation timed out",
    ),
    (
        ErrorKind::WouldBlock,
        "would_block",
        "plik nie jest gotowy do odczytu (operacja by się zablokowała)",
        "the file is not ready (the operation would block)",
    ),
    (
        ErrorKind::WriteZero,
        "write_zero",
        "nie udało się zapisać danych",
        "the data could not be written",
    ),
    (
        ErrorKind::ResourceBusy,
        "resource_busy",
        "plik lub urządzenie jest zajęte",
        "the file or device is busy",
    ),
    (
        ErrorKind::ExecutableFileBusy,
        "executable_busy",
        "plik jest właśnie uruchomionym programem",
        "the file is a program that is running",
    ),
    (
        ErrorKind::CrossesDevices,
        "crosses_devices",
        "nie można przenieść pliku na inny dysk",
        "a file cannot be moved to another device",
    ),
    (
        ErrorKind::TooManyLinks,
        "too_many_links",
        "za dużo dowiązań",
        "too many links",
    ),
    (
        ErrorKind::StaleNetworkFileHandle,
        "stale_network_file",
        "plik sieciowy przestał być dostępny",
        "the network file handle is stale",
    ),
    (
        ErrorKind::NotSeekable,
        "not_seekable",
        "w tym pliku nie można się przemieszczać (to potok lub urządzenie)",
        "the file is not seekable (a pipe or a device)",
    ),
    (
        ErrorKind::OutOfMemory,
        "out_of_memory",
        "brak pamięci",
        "out of memory",
    ),
    (
        ErrorKind::Unsupported,
        "unsupported",
        "ta operacja nie jest tu obsługiwana",
        "the operation is not supported here",
    ),
    (
        ErrorKind::Deadlock,
        "deadlock",
        "zakleszczenie blokad pliku",
        "a file-lock deadlock",
    ),
    (
        ErrorKind::AddrInUse,
        "addr_in_use",
        "ten adres i port są już zajęte (czy inny program, np. drugi serwer, już na nich słucha?)",
        "the address and port are already in use (is another program, a second server perhaps, listening there?)",
    ),
    (
        ErrorKind::AddrNotAvailable,
        "addr_not_available",
        "tego adresu nie ma na tym komputerze",
        "this computer has no such address",
    ),
    (
        ErrorKind::ConnectionRefused,
        "connection_refused",
        "komputer pod tym adresem odmówił połączenia (serwer nie działa albo słucha na innym porcie)",
        "the computer at that address refused the connection (no server running, or on another port)",
    ),
    (
        ErrorKind::ConnectionReset,
        "connection_reset",
        "połączenie zerwane przez drugą stronę",
        "the other side reset the connection",
    ),
    (
        ErrorKind::ConnectionAborted,
        "connection_aborted",
        "połączenie przerwane",
        "the connection was aborted",
    ),
    (
        ErrorKind::NotConnected,
        "not_connected",
        "brak połączenia",
        "not connected",
    ),
    (
        ErrorKind::HostUnreachable,
        "host_unreachable",
        "komputer pod tym adresem jest nieosiągalny",
        "the computer at that address cannot be reached",
    ),
    (
        ErrorKind::NetworkUnreachable,
        "network_unreachable",
        "sieć jest nieosiągalna (brak połączenia z internetem?)",
        "the network cannot be reached (no internet connection?)",
    ),
    (
        ErrorKind::NetworkDown,
        "network_down",
        "sieć nie działa",
        "the network is down",
    ),
    (
        ErrorKind::ArgumentListTooLong,
        "argument_list_too_long",
        "za długa lista argumentów",
        "the argument list is too long",
    ),
];

/// Error numbers whose kind std leaves uncategorised, with their own words.
fn errno_words(n: i32) -> Option<(&'static str, &'static str)> {
    Some(match n {
        libc::EIO => (
            "błąd wejścia-wyjścia urządzenia (uszkodzony lub wyjęty nośnik?)",
            "an input/output error on the device (a damaged or removed medium?)",
        ),
        libc::ELOOP => (
            "za dużo dowiązań symbolicznych po drodze (pętla?)",
            "too many symbolic links on the way (a loop?)",
        ),
        libc::ENXIO => (
            "nie ma takiego urządzenia lub adresu",
            "no such device or address",
        ),
        libc::EBADF => ("niepoprawny deskryptor pliku", "a bad file descriptor"),
        libc::ENODEV => ("nie ma takiego urządzenia", "no such device"),
        libc::ETXTBSY => (
            "plik jest właśnie uruchomionym programem",
            "the file is a program that is running",
        ),
        _ => return None,
    })
}

/// The error the kiosk gives when started without a terminal.
#[derive(Debug)]
pub struct NoTerminal;

impl std::fmt::Display for NoTerminal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the kiosk needs a terminal (run it in a terminal window, not from a pipe)")
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
        && errno_words(n).is_some()
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
    let pick = |pl: &str, en: &str| crate::i18n::t(lang, pl, en).to_string();
    if let Some(k) = KINDS.iter().find(|k| k.1 == code) {
        return Some(pick(k.2, k.3));
    }
    if code == "host_not_found" {
        return Some(pick(
            "nie ma komputera o takiej nazwie (sprawdź adres i połączenie z siecią)",
            "no computer has that name (check the address and the network)",
        ));
    }
    if code == "no_terminal" {
        return Some(pick(
            "kiosk potrzebuje terminala (uruchom go w oknie terminala, nie z potoku)",
            &NoTerminal.to_string(),
        ));
    }
    if code == "other" {
        return Some(pick("błąd wejścia-wyjścia", "an input/output error"));
    }
    let n: i32 = code.strip_prefix("os:")?.parse().ok()?;
    Some(match errno_words(n) {
        Some((pl, en)) => pick(pl, en),
        None => {
            // A kind std knows by the number: name it by the kind.
            let kind = io::Error::from_raw_os_error(n).kind();
            match KINDS.iter().find(|k| k.0 == kind) {
                Some(k) => pick(k.2, k.3),
                None => match lang {
                    Lang::Pl | Lang::Uk => format!("błąd systemu operacyjnego nr {n}"),
                    Lang::En => format!("operating system error {n}"),
                },
            }
        }
    })
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
        for (kind, code, pl, en) in KINDS {
            let e = io::Error::from(*kind);
            assert_eq!(super::code(&e), *code);
            assert_eq!(error(Lang::Pl, &e), *pl);
            assert_eq!(error(Lang::En, &e), *en);
            assert_ne!(pl, en);
            assert!(seen.insert(*code), "{code} twice");
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
