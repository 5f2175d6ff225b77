//! The office's audit against paper (issue 13, point 6): which paper cards
//! to take out of the urns, drawn reproducibly from a seed announced in
//! public, and what each card's paper showed. docs/audit-sample.md gives the
//! algorithm byte by byte so that anyone can re-draw a sample without urna.
//!
//! The population is every card a polling point's kiosk entered and the
//! office holds (valid or invalid: both are counted, and a slip can turn one
//! into the other), each card id once, voided cards left out (a voided card
//! counts for nothing, and a card typed twice by mistake has one paper,
//! numbered with the id that stands). Internet rows have no paper.
//!
//! The draw: for each card id, `key = SHA-256(UTF-8 seed ‖ 0x00 ‖ UTF-8
//! card id)`; the cards (of one point, with `--point`) sorted by key as
//! bytes, ascending; the first `count` of them. Every draw and every record
//! is one of the office's journaled decisions ([`Drawn`], [`Checked`]).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::edition::Edition;

use super::store::{Result, Tally};

/// A sample drawn, as the decisions journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    /// The seed exactly as given.
    pub seed: String,
    /// Cards asked for.
    pub count: u64,
    /// Only this point's cards, if given.
    pub point: Option<String>,
    /// Cards the draw was made from (after the point filter).
    pub population: u64,
    /// SHA-256 (hex) of the population file (`audit-sample --all-ids`) at
    /// the draw: an observer with the same file re-draws the same cards.
    pub population_sha256: String,
    /// The cards drawn, in draw order.
    pub cards: Vec<String>,
    /// Who drew it (`--as`).
    pub operator: String,
}

/// What a drawn card's paper showed, as the decisions journal keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checked {
    pub card_id: String,
    pub point: String,
    /// The fields in which the typed card differs from its paper; empty: the
    /// card matches.
    pub differs: Vec<String>,
    /// Who compared it (`--as`).
    pub operator: String,
    /// The earlier record of the same card this one replaces (`--again`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<u64>,
}

/// A card of the population, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PaperCard {
    pub point: String,
    /// The point's name as its latest accepted bundle gives it.
    pub point_name: Option<String>,
    /// The digits of the card id after the point id (`P01-000042` → 42):
    /// what the kiosk shows to be written on the paper card.
    pub number: u64,
    pub card_id: String,
    /// The file name of the bundle whose journal first carried the card.
    pub bundle: String,
    /// That bundle's sequence number at its point.
    pub bundle_sequence: u64,
}

/// The card number in a card id of `point`: the digits after `point-`.
pub fn card_number(point: &str, card_id: &str) -> Option<u64> {
    let digits = card_id.strip_prefix(point)?.strip_prefix('-')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The draw key of a card: SHA-256 of the seed's UTF-8 bytes, one 0x00
/// byte and the card id's UTF-8 bytes.
pub fn key(seed: &str, card_id: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(seed.as_bytes());
    h.update([0u8]);
    h.update(card_id.as_bytes());
    h.finalize().into()
}

/// The first `count` cards of `cards` (of `point` only, if given) in key
/// order: the sample.
pub fn draw<'a>(
    cards: &'a [PaperCard],
    seed: &str,
    count: u64,
    point: Option<&str>,
) -> Vec<&'a PaperCard> {
    let mut keyed: Vec<([u8; 32], &PaperCard)> = cards
        .iter()
        .filter(|c| point.is_none_or(|p| c.point == p))
        .map(|c| (key(seed, &c.card_id), c))
        .collect();
    keyed.sort_unstable_by_key(|k| k.0);
    keyed
        .into_iter()
        .take(usize::try_from(count).unwrap_or(usize::MAX))
        .map(|(_, c)| c)
        .collect()
}

/// The population file: a header `point,card_id`, then one line per card in
/// card id order. Point ids and card ids hold only letters, digits, `-` and
/// `_`, so nothing is quoted.
pub fn ids_csv(cards: &[PaperCard]) -> String {
    let mut s = String::from("point,card_id\n");
    for c in cards {
        s.push_str(&c.point);
        s.push(',');
        s.push_str(&c.card_id);
        s.push('\n');
    }
    s
}

/// SHA-256 (hex) of the population file.
pub fn ids_sha256(cards: &[PaperCard]) -> String {
    crate::bundle::hex_sha256(ids_csv(cards).as_bytes())
}

/// Every paper card the office holds from the kiosks, in card id order.
pub fn population(tally: &Tally) -> Result<Vec<PaperCard>> {
    let conn = tally.conn();
    let mut voided: HashSet<String> = HashSet::new();
    {
        let mut stmt =
            conn.prepare("SELECT card_id FROM kiosk_cards WHERE kind = 'card_voided'")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for r in rows {
            voided.insert(r?);
        }
    }
    let mut names: HashMap<String, String> = HashMap::new();
    for p in tally.point_roll()? {
        if let Some(n) = p.name {
            names.insert(p.point, n);
        }
    }
    let mut stmt = conn.prepare(
        "SELECT c.point, c.card_id, i.file, i.sequence
         FROM kiosk_cards c
         JOIN kiosk_entries e ON e.point = c.point AND e.seq = c.seq
         JOIN imports i ON i.id = e.bundle
         WHERE c.kind = 'card_entered'",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (point, card_id, file, sequence) = r?;
        if voided.contains(&card_id) {
            continue;
        }
        // The import makes sure an entered card's id is `point-seq`.
        let number = card_number(&point, &card_id).unwrap_or_default();
        out.push(PaperCard {
            point_name: names.get(&point).cloned(),
            number,
            card_id,
            bundle: Path::new(&file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(file),
            bundle_sequence: sequence.unwrap_or_default().max(0) as u64,
            point,
        });
    }
    out.sort_by(|a, b| a.card_id.cmp(&b.card_id));
    Ok(out)
}

/// The fields of a card as the kiosk names them, for `--differs`: the
/// rubrics in the paper card's order, `local.1…` and `citywide.1…` up to
/// the edition's number of picks.
pub fn fields(edition: &Edition) -> Vec<String> {
    let mut f: Vec<String> = ["first_name", "last_name", "address", "pesel", "signed"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    f.push("district".into());
    f.extend((1..=edition.ballot.local_picks).map(|i| format!("local.{i}")));
    f.extend((1..=edition.ballot.citywide_picks).map(|i| format!("citywide.{i}")));
    f.push("cast_date".into());
    f
}

/// The fields named, each once, in the card's order; an unknown name is
/// returned as the error.
pub fn parse_fields(
    edition: &Edition,
    named: &[String],
) -> std::result::Result<Vec<String>, String> {
    let all = fields(edition);
    for n in named {
        if !all.iter().any(|f| f == n.trim()) {
            return Err(n.clone());
        }
    }
    Ok(all
        .into_iter()
        .filter(|f| named.iter().any(|n| n.trim() == f))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(point: &str, n: u64) -> PaperCard {
        PaperCard {
            point: point.into(),
            point_name: None,
            number: n,
            card_id: format!("{point}-{n:06}"),
            bundle: "b.urna".into(),
            bundle_sequence: 1,
        }
    }

    #[test]
    fn the_key_is_sha256_of_seed_nul_card_id() {
        // hashlib.sha256(b"seed\x00P1-000001").hexdigest() in Python.
        assert_eq!(
            hex::encode(key("seed", "P1-000001")),
            "55ba1ccf125c5af79034dd39086ae37f649d1629b0e147a132be0c7c341637d4"
        );
        // Seed and id are not simply concatenated: the 0x00 keeps
        // ("ab", "c") and ("a", "bc") apart.
        assert_ne!(key("ab", "c"), key("a", "bc"));
    }

    #[test]
    fn a_card_number_is_the_digits_after_the_point() {
        assert_eq!(card_number("P01", "P01-000042"), Some(42));
        assert_eq!(card_number("P-XI-03", "P-XI-03-000003"), Some(3));
        assert_eq!(card_number("P-XI-03", "P-XI-03-1234567"), Some(1_234_567));
        assert_eq!(card_number("P01", "P02-000042"), None);
        assert_eq!(card_number("P01", "P01-00x2"), None);
        assert_eq!(card_number("P01", "P01-"), None);
    }

    #[test]
    fn a_draw_is_sorted_by_key_and_filtered_by_point() {
        let cards: Vec<PaperCard> = (1..=30)
            .map(|n| card(if n % 2 == 0 { "A" } else { "B" }, n))
            .collect();
        let all = draw(&cards, "6 2 4", 100, None);
        assert_eq!(all.len(), 30, "a count above the population takes all");
        let keys: Vec<[u8; 32]> = all.iter().map(|c| key("6 2 4", &c.card_id)).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let five = draw(&cards, "6 2 4", 5, None);
        assert_eq!(five, all[..5].to_vec(), "a smaller count is a prefix");
        let only_a = draw(&cards, "6 2 4", 100, Some("A"));
        assert_eq!(only_a.len(), 15);
        assert!(only_a.iter().all(|c| c.point == "A"));
        assert_ne!(draw(&cards, "6 2 5", 5, None), five, "another seed");
    }

    #[test]
    fn fields_follow_the_edition_and_unknown_ones_are_named() {
        let e = Edition::parse(
            include_str!("../../assets/editions/krakow-2014.toml"),
            "krakow-2014.toml",
        )
        .expect("edition");
        let f = fields(&e);
        assert_eq!(f.len(), 17);
        assert_eq!(f[6], "local.1");
        assert_eq!(f[15], "citywide.5");
        let named = vec!["cast_date".to_string(), "pesel".into(), "pesel".into()];
        assert_eq!(
            parse_fields(&e, &named),
            Ok(vec!["pesel".to_string(), "cast_date".to_string()])
        );
        assert_eq!(
            parse_fields(&e, &["local.6".to_string()]),
            Err("local.6".to_string())
        );
        assert_eq!(
            parse_fields(&e, &["name".to_string()]),
            Err("name".to_string())
        );
    }
}
