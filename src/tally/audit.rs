//! The audit (DESIGN §7): every invalid ballot with its reasons and source,
//! every person who voted more than once with all their ballots, every import
//! and what came of it, and the office's decisions. PESELs appear masked.

use serde::Serialize;

use crate::i18n::Lang;

use super::store::{Result, Tally};

#[derive(Debug, Clone, Serialize)]
pub struct Audit {}

impl Audit {
    pub fn of(_tally: &Tally) -> Result<Audit> {
        Ok(Audit {})
    }

    pub fn text(&self, _lang: Lang) -> String {
        String::new()
    }
}
