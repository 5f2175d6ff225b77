//! Whether the store is sound: the full check, in the background or now,
//! which every write and export waits for.

use crate::tr;
use rusqlite::Connection;

use super::{DB_FILE, Result, Store, StoreError, Verified, check};

/// What `urna check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub entries: u64,
    pub head_hash: String,
}

impl Store {
    /// Starts the full check on another thread (the kiosk does, so its first
    /// frame does not wait); the first write waits for it.
    pub fn verify_in_background(&mut self) {
        if !matches!(self.verified, Verified::NotYet) {
            return;
        }
        let dir = self.dir.clone();
        self.verified = Verified::Running(std::thread::spawn(move || {
            match Connection::open(dir.join(DB_FILE)) {
                Ok(conn) => {
                    let _ = conn.busy_timeout(std::time::Duration::from_secs(10));
                    check::full(&conn, &dir).problems
                }
                Err(e) => vec![check::Problem::new("sqlite", "", |lang| {
                    tr!(
                        lang,
                        "check-cannot-open",
                        error = crate::foreign::sqlite_error(lang, &e)
                    )
                })],
            }
        }));
    }

    /// What the checks found so far (the quick ones, and the full one once it
    /// has finished). A background check that has finished is taken in here.
    pub fn problems(&mut self) -> &[check::Problem] {
        if let Verified::Running(h) = &self.verified
            && h.is_finished()
        {
            self.finish_background();
        }
        &self.problems
    }

    fn finish_background(&mut self) {
        if let Verified::Running(h) = std::mem::replace(&mut self.verified, Verified::Done) {
            let found = h.join().unwrap_or_else(|_| {
                vec![check::Problem::new("sqlite", "", |lang| {
                    tr!(lang, "check-stopped")
                })]
            });
            for p in found {
                if !self.problems.contains(&p) {
                    self.problems.push(p);
                }
            }
        }
    }

    /// The store has passed the full check (run now if it has not run yet),
    /// or `Err(Damaged)`: what every write and export asks first.
    pub fn ensure_sound(&mut self) -> Result<()> {
        match self.verified {
            Verified::Done => {}
            Verified::Running(_) => self.finish_background(),
            Verified::NotYet => {
                let full = check::full(&self.conn, &self.dir);
                for p in full.problems {
                    if !self.problems.contains(&p) {
                        self.problems.push(p);
                    }
                }
                self.verified = Verified::Done;
            }
        }
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(StoreError::Damaged(self.problems.clone()))
        }
    }

    /// Verifies the whole store ([`check::full`]): `Err(Damaged)` lists
    /// every difference found.
    pub fn check(&self) -> Result<CheckReport> {
        let full = check::full(&self.conn, &self.dir);
        if !full.problems.is_empty() {
            return Err(StoreError::Damaged(full.problems));
        }
        Ok(CheckReport {
            entries: full.entries,
            head_hash: hex::encode(full.head),
        })
    }
}
