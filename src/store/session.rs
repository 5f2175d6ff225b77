//! The logged-in operator: logging in and out, the keys their PIN opened
//! for a write, and adding operators.

use chrono::{DateTime, Local};
use rusqlite::TransactionBehavior;

use super::journal::Event;
use super::{
    LoginError, MIN_PIN_LENGTH, Operator, Result, Role, Session, Store, StoreError, append, keys,
    operators, seal_head, signing,
};

impl Store {
    /// The operator logged in on this store, if any.
    pub fn session_operator(&self) -> Option<&Operator> {
        self.session.as_ref().map(|s| &s.operator)
    }

    /// Forgets the logged-in operator and the keys their PIN opened.
    pub fn logout(&mut self) {
        // The cards waiting for the seal are sealed while the key is here.
        if let Err(e) = self.index_pending() {
            tracing::warn!(error = %e, "the journal was not sealed at log-out");
        }
        self.session = None;
        keys::forget_seal_key();
    }

    /// The shortest PIN this store accepts.
    pub fn min_pin_length(&self) -> u8 {
        self.genesis
            .as_ref()
            .map_or(MIN_PIN_LENGTH, |g| g.min_pin_length.max(MIN_PIN_LENGTH))
    }

    /// The journal key of the logged-in operator, for one write: the store
    /// must be sound.
    pub(super) fn writer(&mut self) -> Result<minisign::SecretKey> {
        self.ensure_sound()?;
        self.session
            .as_ref()
            .map(|s| s.unlocked.journal.clone())
            .ok_or(StoreError::NotLoggedIn)
    }

    pub(super) fn coordinator(&mut self) -> Result<(minisign::SecretKey, String)> {
        let key = self.writer()?;
        match &self.session {
            Some(s) if s.operator.role == Role::Coordinator => Ok((key, s.operator.name.clone())),
            _ => Err(StoreError::NotCoordinator),
        }
    }

    /// The kiosk's signing key, opened with the logged-in coordinator's PIN
    /// record. Nothing else opens it.
    pub fn signing_key(&self) -> Result<signing::KioskKey> {
        match self.session.as_ref().and_then(|s| s.unlocked.signing) {
            Some(password) => signing::load(&self.dir, &password),
            None if self.session.is_some() => Err(StoreError::NotCoordinator),
            None => Err(StoreError::NotLoggedIn),
        }
    }

    /// All operators, by name.
    pub fn operators(&self) -> Result<Vec<Operator>> {
        operators::all(&self.conn)
    }

    /// Checks an operator's PIN at `now`. Five wrong PINs in a row lock the
    /// operator for five minutes.
    /// The operator's PIN opens their PIN record: from then on this store
    /// writes as them, until [`Store::logout`] or another login.
    pub fn login(&mut self, name: &str, pin: &str, now: DateTime<Local>) -> Result<Operator> {
        let result = operators::login(&mut self.conn, &self.secret, name, pin, now);
        match result {
            Ok((op, unlocked)) => {
                tracing::info!(operator = %op.name, "login");
                // This operator's saves will sign: nonces ready before the first.
                super::presign::warm_up();
                self.session = Some(Session {
                    operator: op.clone(),
                    unlocked,
                });
                Ok(op)
            }
            Err(e) => {
                tracing::warn!(operator = %name, error = %e, "login refused");
                Err(e)
            }
        }
    }

    /// Adds an operator; the logged-in coordinator does it (`by` must be
    /// their name). The new PIN record wraps the journal key, and for a
    /// coordinator the signing password too.
    pub fn add_operator(&mut self, name: &str, role: Role, pin: &str, by: &str) -> Result<u64> {
        let (key, coordinator) = self.coordinator()?;
        if coordinator != by {
            return Err(StoreError::NotCoordinator);
        }
        let name = operators::check_name(name)?;
        operators::check_pin(pin, self.min_pin_length())?;
        let Some(session) = &self.session else {
            return Err(StoreError::NotLoggedIn);
        };
        let unlocked = keys::Unlocked {
            journal: session.unlocked.journal.clone(),
            signing: match role {
                Role::Coordinator => session.unlocked.signing,
                Role::Volunteer => None,
            },
        };
        let record = keys::make_record(&self.secret, &name, pin, &unlocked)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if operators::find(&tx, &name)?.is_some() {
            return Err(LoginError::NameTaken(name).into());
        }
        let seq = append(
            &tx,
            &self.point.id,
            by,
            Event::OperatorAdded {
                name: name.clone(),
                role: role.as_str().into(),
                pin_record: Some(keys::sha256_hex(record.as_bytes())),
            },
        )?;
        operators::insert(&tx, &name, role, &record, seq)?;
        seal_head(&tx, &self.point.id, &key, seq)?;
        tx.commit()?;
        Ok(seq)
    }
}
