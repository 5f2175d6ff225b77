//! The results as one self-contained HTML page (DESIGN §7).

use crate::edition::Edition;
use crate::i18n::Lang;

use super::results::Results;
use super::store::Judged;

/// The whole page.
pub fn page(_lang: Lang, _edition: &Edition, _results: &Results, _ballots: &[Judged]) -> String {
    String::new()
}
