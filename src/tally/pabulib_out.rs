//! The results as Pabulib files (DESIGN §7): one per district and one
//! city-wide, `vote_type;cumulative`, each valid ballot's points.

use crate::edition::Edition;

use super::results::Results;
use super::store::Judged;

/// `(file name, contents)` for the city-wide list and every district.
pub fn files(_edition: &Edition, _results: &Results, _ballots: &[Judged]) -> Vec<(String, String)> {
    Vec::new()
}
