//! Whose ballot is whose: a person by PESEL, and the count's first pass,
//! which finds superseded cards and people with more than one ballot.

use std::collections::{HashMap, HashSet};

use crate::store::pesel_key;

use super::{Result, Tally, TallyError};

impl Tally {
    /// A count's first pass, over the small columns written at import:
    /// which kiosk rows a later entry amended or voided (by the point's
    /// place in `ORDER BY point` and the entry's number), and how many
    /// standing ballots each person has — the internet ballots of a PESEL
    /// the office annulled are not that person's.
    pub(super) fn first_pass(
        &self,
        annulled: &HashSet<String>,
    ) -> Result<(HashSet<(u32, i64)>, People)> {
        let mut superseded: HashSet<(u32, i64)> = HashSet::new();
        let mut people = Ballots::default();
        let mut stmt = self.conn.prepare(
            "SELECT point, seq, card_id, kind, pesel FROM kiosk_cards ORDER BY point, seq",
        )?;
        let mut rows = stmt.query([])?;
        let mut point = String::new();
        let mut point_no = 0u32;
        let mut cards: HashMap<String, (i64, Option<Person>)> = HashMap::new();
        while let Some(r) = rows.next()? {
            let this_point = r.get_ref(0)?.as_str()?;
            if this_point != point {
                for (_, person) in cards.values() {
                    people.add(person.as_ref());
                }
                cards.clear();
                point = this_point.to_string();
                point_no += 1;
            }
            let seq: i64 = r.get(1)?;
            let card_id = r.get_ref(2)?.as_str()?;
            let before = if r.get_ref(3)?.as_str()? == "card_voided" {
                cards.remove(card_id)
            } else {
                cards.insert(
                    card_id.to_string(),
                    (seq, Person::of(r.get_ref(4)?.as_str()?)),
                )
            };
            if let Some((old, _)) = before {
                superseded.insert((point_no, old));
            }
        }
        for (_, person) in cards.values() {
            people.add(person.as_ref());
        }
        let mut stmt = self.conn.prepare("SELECT card FROM online")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let card: PeselOnly = serde_json::from_str(r.get_ref(0)?.as_str()?)
                .map_err(|_| TallyError::from(super::TallyFault::OnlineUnreadable))?;
            if !pesel_key(&card.pesel).is_some_and(|k| annulled.contains(&k)) {
                people.add(Person::of(&card.pesel).as_ref());
            }
        }
        Ok((superseded, people.people()))
    }
}

/// Whose ballot it is: the PESEL as [`pesel_key`] normalizes it, as a
/// number when it is up to 15 digits (every real PESEL; no allocation),
/// else as text. Two keys are equal exactly when their [`pesel_key`]s are.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Person {
    /// The digit count (at most 15) in the top four bits, the value
    /// (under 10^15 < 2^50) below.
    Digits(u64),
    Text(String),
}

impl Person {
    pub(super) fn of(pesel: &str) -> Option<Person> {
        let mut value = 0u64;
        let mut digits = 0u64;
        for b in pesel.bytes() {
            match b {
                b'0'..=b'9' if digits < 15 => {
                    value = value * 10 + u64::from(b - b'0');
                    digits += 1;
                }
                b'-' | b' ' | b'\t' | b'\n' | b'\r' => {}
                // Anything else (other whitespace, letters, a long number):
                // the key as `pesel_key` makes it.
                _ => return pesel_key(pesel).map(Person::from_key),
            }
        }
        (digits > 0).then_some(Person::Digits(digits << 60 | value))
    }

    fn from_key(key: String) -> Person {
        if key.len() <= 15 && key.bytes().all(|b| b.is_ascii_digit()) {
            let value = key.bytes().fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
            Person::Digits((key.len() as u64) << 60 | value)
        } else {
            Person::Text(key)
        }
    }
}

/// Every person's standing ballots as the first pass finds them: a key
/// each, sorted once at the end ([`Ballots::people`]), so that a million
/// voters cost a list of numbers and one sort, not a hash table.
#[derive(Default)]
struct Ballots {
    digits: Vec<u64>,
    text: HashMap<String, u32>,
}

impl Ballots {
    fn add(&mut self, p: Option<&Person>) {
        match p {
            Some(Person::Digits(d)) => self.digits.push(*d),
            Some(Person::Text(t)) => match self.text.get_mut(t) {
                Some(n) => *n += 1,
                None => {
                    self.text.insert(t.clone(), 1);
                }
            },
            None => {}
        }
    }

    /// Those with more than one ballot.
    fn people(mut self) -> People {
        self.digits.sort_unstable();
        let mut twice: Vec<u64> = Vec::new();
        for pair in self.digits.windows(2) {
            if pair[0] == pair[1] && twice.last() != Some(&pair[0]) {
                twice.push(pair[0]);
            }
        }
        People {
            digits: twice,
            text: self
                .text
                .into_iter()
                .filter(|(_, n)| *n > 1)
                .map(|(t, _)| t)
                .collect(),
        }
    }
}

/// The people who have more than one standing ballot.
#[derive(Default)]
pub(super) struct People {
    /// Sorted.
    digits: Vec<u64>,
    text: HashSet<String>,
}

impl People {
    pub(super) fn twice(&self, p: Option<&Person>) -> bool {
        match p {
            Some(Person::Digits(d)) => self.digits.binary_search(d).is_ok(),
            Some(Person::Text(t)) => self.text.contains(t),
            None => false,
        }
    }
}

/// A card as the deduplication pass reads it.
#[derive(serde::Deserialize)]
pub(super) struct PeselOnly {
    #[serde(default)]
    pub(super) pesel: String,
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_person_key_is_equal_exactly_when_pesel_keys_are() {
        use super::{Person, pesel_key};
        let typed = [
            "75031412362",
            "750314-12362",
            " 7503 1412 362 ",
            "75031412362\u{a0}",
            "7503\u{a0}1412362",
            "075031412362",
            "0075031412362",
            "7503141236",
            "123456789012345678",
            "1234567890123456789",
            "7",
            "00000000000000007",
            "000000000000000007",
            "42",
            "000000000000000042",
            "0000000000000042",
            "000000000000042",
            "999999999999999",
            "9999999999999999",
            "12345678901234567890",
            "7503141236x",
            "x7503141236",
            "ABC",
            "abc",
            "",
            "--",
            " ",
            "\u{b}75031412362",
            "0",
            "00",
        ];
        for a in typed {
            for b in typed {
                assert_eq!(
                    Person::of(a) == Person::of(b),
                    pesel_key(a) == pesel_key(b),
                    "{a:?} and {b:?}"
                );
            }
            assert_eq!(Person::of(a).is_none(), pesel_key(a).is_none(), "{a:?}");
        }
    }
}
