//! A SQLite error (through rusqlite) in words of either language, from its
//! result code. SQLite's own English message is not shown; the code's
//! number stays for whoever reads the log.

use rusqlite::ErrorCode;

use crate::i18n::Lang;
use crate::tr;

/// A rusqlite error in words of `lang`.
pub fn error(lang: Lang, e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqliteFailure(f, _) => match f.code {
            ErrorCode::PermissionDenied => tr!(lang, "error-sqlite-permission-denied"),
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => tr!(lang, "error-sqlite-busy"),
            ErrorCode::OutOfMemory => tr!(lang, "error-sqlite-out-of-memory"),
            ErrorCode::ReadOnly => tr!(lang, "error-sqlite-read-only"),
            ErrorCode::SystemIoFailure => tr!(lang, "error-sqlite-io"),
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => {
                tr!(lang, "error-sqlite-corrupt")
            }
            ErrorCode::DiskFull => tr!(lang, "error-sqlite-disk-full"),
            ErrorCode::CannotOpen => tr!(lang, "error-sqlite-cannot-open"),
            ErrorCode::ConstraintViolation => tr!(lang, "error-sqlite-constraint"),
            ErrorCode::TooBig => tr!(lang, "error-sqlite-too-big"),
            ErrorCode::OperationInterrupted | ErrorCode::OperationAborted => {
                tr!(lang, "error-sqlite-interrupted")
            }
            _ => tr!(lang, "error-sqlite-code", code = f.extended_code),
        },
        rusqlite::Error::QueryReturnedNoRows => tr!(lang, "error-sqlite-no-row"),
        rusqlite::Error::InvalidColumnType(..)
        | rusqlite::Error::FromSqlConversionFailure(..)
        | rusqlite::Error::IntegralValueOutOfRange(..)
        | rusqlite::Error::Utf8Error(..) => tr!(lang, "error-sqlite-type"),
        _ => tr!(lang, "error-sqlite-other"),
    }
}

/// A schema migration's failure in words of `lang`.
pub fn migration(lang: Lang, e: &rusqlite_migration::Error) -> String {
    match e {
        rusqlite_migration::Error::RusqliteError { err, .. } => error(lang, err),
        rusqlite_migration::Error::InvalidUserVersion => tr!(lang, "error-sqlite-schema-version"),
        _ => tr!(lang, "error-sqlite-migration"),
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
