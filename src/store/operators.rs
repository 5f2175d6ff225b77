//! Operators and their PINs. A PIN is checked by opening the operator's PIN
//! record (see [`super::keys`]): argon2id, salted per record and peppered with
//! a per-kiosk secret in its own 0600 file beside the database (so the
//! database file alone does not allow guessing PINs offline; the whole disk
//! does, see docs/threat-model.md).

use chrono::{DateTime, Duration, Local};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::Result;

/// Wrong PINs in a row before an operator is locked out.
pub const MAX_FAILURES: u32 = 5;
/// How long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Volunteer,
    Coordinator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Coordinator => "coordinator",
        }
    }

    /// The role in words of `lang` (the stored code is English).
    pub fn word(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::role(lang, self)
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "volunteer" => Some(Role::Volunteer),
            "coordinator" => Some(Role::Coordinator),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operator {
    pub name: String,
    pub role: Role,
}

/// Why a login or an operator change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoginError {
    UnknownOperator(String),
    WrongPin { left: u32 },
    Locked { until: String },
    BadPin(u8),
    BadName,
    NameTaken(String),
    Hash(String),
}

impl LoginError {
    /// The refusal in `lang`.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match self {
            LoginError::UnknownOperator(name) => {
                crate::tr!(lang, "error-login-unknown-operator", name = shown(name))
            }
            LoginError::WrongPin { left } => crate::tr!(
                lang,
                "error-login-wrong-pin",
                left = *left,
                minutes = LOCKOUT_MINUTES
            ),
            LoginError::Locked { until } => crate::tr!(
                lang,
                "error-login-locked",
                failures = MAX_FAILURES,
                until = until.as_str()
            ),
            LoginError::BadPin(min) => crate::tr!(lang, "error-login-bad-pin", min = *min),
            LoginError::BadName => crate::tr!(lang, "error-login-bad-name"),
            LoginError::NameTaken(name) => {
                crate::tr!(lang, "error-login-name-taken", name = shown(name))
            }
            LoginError::Hash(_) => crate::tr!(lang, "error-login-hash"),
        }
    }
}

crate::display_in_english!(LoginError);

/// A name or id as typed: control characters escaped, and masked if it
/// could hold a PESEL.
pub(super) fn shown(typed: &str) -> String {
    if crate::shown::could_hold_a_pesel(typed) {
        crate::shown::Shown::new(typed).to_string()
    } else {
        crate::shown::escape_controls(typed)
    }
}

pub(super) fn new_secret() -> [u8; 32] {
    let mut s = [0u8; 32];
    // Without an OS random source there is no safe secret to make.
    if getrandom::fill(&mut s).is_err() {
        panic!("no operating-system random source available");
    }
    s
}

pub(super) fn check_name(name: &str) -> Result<String> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 60 || n.chars().any(char::is_control) {
        return Err(LoginError::BadName.into());
    }
    Ok(n.to_string())
}

pub(super) fn check_pin(pin: &str, min: u8) -> Result<()> {
    if (min as usize..=12).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(LoginError::BadPin(min).into())
    }
}

pub(super) fn insert(
    conn: &Connection,
    name: &str,
    role: Role,
    pin_hash: &str,
    seq: u64,
) -> Result<()> {
    conn.execute(
        "INSERT INTO operators(name, role, pin_hash, added_seq) VALUES (?1, ?2, ?3, ?4)",
        params![name, role.as_str(), pin_hash, seq as i64],
    )?;
    Ok(())
}

pub(super) fn find(conn: &Connection, name: &str) -> Result<Option<(Operator, String)>> {
    let row: Option<(String, String, String)> = conn
        .query_row(
            "SELECT name, role, pin_hash FROM operators WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(row.and_then(|(name, role, hash)| {
        Role::parse(&role).map(|role| (Operator { name, role }, hash))
    }))
}

pub(super) fn all(conn: &Connection) -> Result<Vec<Operator>> {
    let mut stmt = conn.prepare("SELECT name, role FROM operators ORDER BY name")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (name, role) = row?;
        if let Some(role) = Role::parse(&role) {
            out.push(Operator { name, role });
        }
    }
    Ok(out)
}

pub(super) fn login(
    conn: &mut Connection,
    secret: &[u8],
    name: &str,
    pin: &str,
    now: DateTime<Local>,
) -> Result<(Operator, super::keys::Unlocked)> {
    let Some((operator, record)) = find(conn, name)? else {
        return Err(LoginError::UnknownOperator(name.to_string()).into());
    };
    let lock: Option<(u32, Option<String>)> = conn
        .query_row(
            "SELECT failures, locked_until FROM operator_lock WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (mut failures, locked_until) = lock.unwrap_or((0, None));
    if let Some(until) = locked_until
        .as_deref()
        .and_then(|u| DateTime::parse_from_rfc3339(u).ok())
    {
        if now < until {
            return Err(LoginError::Locked {
                until: until.format("%H:%M").to_string(),
            }
            .into());
        }
        // The lock has run out: a fresh count of attempts.
        failures = 0;
    }
    let opened = super::keys::open_record(secret, name, pin, &record)?
        // A coordinator's record holds the signing password; a volunteer's does not.
        .filter(|u| u.signing.is_some() == (operator.role == Role::Coordinator));
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    if let Some(unlocked) = opened {
        tx.execute("DELETE FROM operator_lock WHERE name = ?1", [name])?;
        tx.commit()?;
        return Ok((operator, unlocked));
    }
    failures += 1;
    let until =
        (failures >= MAX_FAILURES).then(|| (now + Duration::minutes(LOCKOUT_MINUTES)).to_rfc3339());
    tx.execute(
        "INSERT INTO operator_lock(name, failures, locked_until) VALUES (?1, ?2, ?3)
         ON CONFLICT(name) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until",
        params![name, failures, until],
    )?;
    tx.commit()?;
    Err(match until {
        Some(u) => LoginError::Locked {
            until: DateTime::parse_from_rfc3339(&u)
                .map(|d| d.format("%H:%M").to_string())
                .unwrap_or(u),
        },
        None => LoginError::WrongPin {
            left: MAX_FAILURES - failures,
        },
    }
    .into())
}

#[cfg(test)]
mod tests {
    use super::LoginError;
    use crate::i18n::Lang;

    #[test]
    fn an_unknown_name_is_shown_escaped_and_a_pesel_masked() {
        for lang in [Lang::Pl, Lang::En] {
            let said = LoginError::UnknownOperator("Anna\u{1b}[31mRED\u{7}".into()).describe(lang);
            assert!(!said.chars().any(char::is_control), "{said:?}");
            assert!(said.contains("Anna"), "{said}");
            let said = LoginError::UnknownOperator("44051401359".into()).describe(lang);
            assert!(!said.contains("44051401359"), "{said}");
        }
    }
}
