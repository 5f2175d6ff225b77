//! A SQLite error (through rusqlite) in words of either language, from its
//! result code. SQLite's own English message is not shown; the code's
//! number stays for whoever reads the log.

use rusqlite::ErrorCode;

use crate::i18n::Lang;

/// A rusqlite error in words of `lang`.
pub fn error(lang: Lang, e: &rusqlite::Error) -> String {
    let pick = |pl: &str, en: &str| crate::i18n::t(lang, pl, en).to_string();
    match e {
        rusqlite::Error::SqliteFailure(f, _) => {
            let (pl, en) = match f.code {
                ErrorCode::PermissionDenied => (
                    "brak uprawnień do pliku bazy danych",
                    "no permission on the database file",
                ),
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => (
                    "baza danych jest zajęta przez inny program urna; zamknij go i spróbuj ponownie",
                    "the database is busy with another urna; close it and try again",
                ),
                ErrorCode::OutOfMemory => ("brak pamięci", "out of memory"),
                ErrorCode::ReadOnly => (
                    "baza danych jest tylko do odczytu",
                    "the database is read-only",
                ),
                ErrorCode::SystemIoFailure => (
                    "błąd wejścia-wyjścia dysku przy zapisie lub odczycie bazy",
                    "a disk input/output error while using the database",
                ),
                ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => (
                    "plik bazy danych jest uszkodzony albo nie jest bazą urna",
                    "the database file is damaged or is not an urna database",
                ),
                ErrorCode::DiskFull => ("brak miejsca na dysku", "no space left on the device"),
                ErrorCode::CannotOpen => (
                    "nie można otworzyć pliku bazy danych",
                    "the database file cannot be opened",
                ),
                ErrorCode::ConstraintViolation => (
                    "zapis naruszyłby spójność bazy danych",
                    "the write would break the database's constraints",
                ),
                ErrorCode::TooBig => (
                    "wartość za duża dla bazy danych",
                    "a value too large for the database",
                ),
                ErrorCode::OperationInterrupted | ErrorCode::OperationAborted => (
                    "operację na bazie przerwano",
                    "the database operation was interrupted",
                ),
                _ => {
                    return match lang {
                        Lang::Pl | Lang::Uk => {
                            format!("błąd bazy danych SQLite (kod {})", f.extended_code)
                        }
                        Lang::En => format!("an SQLite database error (code {})", f.extended_code),
                    };
                }
            };
            pick(pl, en)
        }
        rusqlite::Error::QueryReturnedNoRows => pick(
            "w bazie brak oczekiwanego wiersza",
            "an expected row is missing from the database",
        ),
        rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::IntegralValueOutOfRange(..)
        | rusqlite::Error::Utf8Error(..) => pick(
            "wartość w bazie danych ma nieoczekiwany typ",
            "a value in the database has an unexpected type",
        ),
        _ => pick("błąd bazy danych", "a database error"),
    }
}

/// A failed schema migration in words of `lang`.
pub fn migration(lang: Lang, e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => error(lang, err),
        rusqlite_migration::Error::InvalidUserVersion => crate::i18n::t(
            lang,
            "numer wersji schematu bazy danych zmieniono poza urną",
            "the database's schema version was changed outside urna",
        )
        .to_string(),
        _ => crate::i18n::t(
            lang,
            "nie udało się uaktualnić schematu bazy danych",
            "the database schema could not be brought up to date",
        )
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_and_a_damaged_database_in_both_languages() {
        let fail = |code| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error {
                    code,
                    extended_code: 5,
                },
                Some("database is locked".into()),
            )
        };
        let busy = fail(ErrorCode::DatabaseBusy);
        assert!(error(Lang::Pl, &busy).contains("zajęta"));
        assert!(error(Lang::En, &busy).contains("busy"));
        assert!(!error(Lang::Pl, &busy).contains("locked"));
        assert!(error(Lang::Pl, &fail(ErrorCode::SchemaChanged)).contains("kod 5"));
    }
}
