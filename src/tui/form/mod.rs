//! The card form: one field per rubric of the paper card, in the card's order,
//! with the typing rules that keep keystrokes to the characters on the card:
//! fixed-length and unambiguous fields move on by themselves, and a Roman
//! district runs straight into the first project number.
//!
//! Pure state and logic; `entry.rs` draws it. The typing rules themselves
//! (what a character does, when a number rubric is settled) are in `typing.rs`.

mod typing;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use tui_input::{Input, InputRequest};

use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::edition::{self, Edition};

/// Which rubric a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    FirstName,
    LastName,
    Address,
    Pesel,
    Signed,
    District,
    /// Local pick by rank (0 = most points).
    Local(usize),
    Citywide(usize),
}

impl Slot {
    /// The most characters the rubric takes ([`card::limits`]).
    pub fn max_chars(self) -> usize {
        let rubric = match self {
            Slot::FirstName => card::Rubric::FirstName,
            Slot::LastName => card::Rubric::LastName,
            Slot::Address => card::Rubric::Address,
            Slot::Pesel => card::Rubric::Pesel,
            Slot::Signed => return 1,
            Slot::District => card::Rubric::District,
            Slot::Local(_) => card::Rubric::Local,
            Slot::Citywide(_) => card::Rubric::Citywide,
        };
        rubric.max_chars()
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub slot: Slot,
    pub input: Input,
}

/// The whole card being typed.
#[derive(Debug, Clone)]
pub struct CardForm {
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Defects seen on the paper: illegible, wrong rubric.
    pub marks: BTreeSet<Reason>,
    /// The review of the whole card is shown; keys save or go back.
    pub reviewing: bool,
    /// The focused field was reached from the review (Esc on it): Enter or
    /// Esc goes straight back to the review.
    pub from_review: bool,
    /// The focused field was empty when the focus came to it and nothing was
    /// typed or deleted in it since: only then does Backspace go back a field,
    /// so a held Backspace stops at the start of a field.
    untouched: bool,
    /// The letters typed right after the signature key, while they spell on
    /// the word for it (`t` then `ak`): swallowed, not put into the district.
    signature_word: Option<String>,
    /// The last character the focused field refused, to say so beside it.
    pub refused: Option<char>,
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEvent {
    Nothing,
    /// The focus moved to another field.
    Moved,
    /// The last field was completed: show the review.
    Complete,
}

/// The signature rubric's value as stored in its input.
pub const SIGNED_YES: &str = "t";
pub const SIGNED_NO: &str = "n";

/// A rubric of a stored card as the form holds it (the signature as `t`/`n`).
pub fn slot_value(card: &RawCard, slot: Slot) -> String {
    match slot {
        Slot::FirstName => card.first_name.clone(),
        Slot::LastName => card.last_name.clone(),
        Slot::Address => card.address.clone(),
        Slot::Pesel => card.pesel.clone(),
        Slot::Signed => if card.signed { SIGNED_YES } else { SIGNED_NO }.to_string(),
        Slot::District => card.district.clone(),
        Slot::Local(i) => card.local.get(i).cloned().unwrap_or_default(),
        Slot::Citywide(i) => card.citywide.get(i).cloned().unwrap_or_default(),
    }
}

impl CardForm {
    /// An empty card for this edition.
    pub fn new(edition: &Edition) -> CardForm {
        let mut fields: Vec<Field> = [
            Slot::FirstName,
            Slot::LastName,
            Slot::Address,
            Slot::Pesel,
            Slot::Signed,
            Slot::District,
        ]
        .into_iter()
        .map(|slot| Field {
            slot,
            input: Input::default(),
        })
        .collect();
        for i in 0..edition.ballot.local_picks as usize {
            fields.push(Field {
                slot: Slot::Local(i),
                input: Input::default(),
            });
        }
        for i in 0..edition.ballot.citywide_picks as usize {
            fields.push(Field {
                slot: Slot::Citywide(i),
                input: Input::default(),
            });
        }
        CardForm {
            fields,
            focus: 0,
            marks: BTreeSet::new(),
            reviewing: false,
            from_review: false,
            untouched: true,
            signature_word: None,
            refused: None,
        }
    }

    /// A form holding an existing card (to amend it).
    pub fn from_card(edition: &Edition, card: &RawCard) -> CardForm {
        let mut form = CardForm::new(edition);
        for f in &mut form.fields {
            f.input = Input::new(slot_value(card, f.slot));
        }
        form.marks = card.marks.iter().copied().collect();
        form
    }

    pub fn value(&self, slot: Slot) -> &str {
        self.fields
            .iter()
            .find(|f| f.slot == slot)
            .map_or("", |f| f.input.value())
    }

    /// Nothing typed and nothing marked: discarding it loses nothing.
    pub fn is_blank(&self) -> bool {
        self.marks.is_empty()
            && self
                .fields
                .iter()
                .all(|f| f.input.value().trim().is_empty())
    }

    fn set_focus(&mut self, i: usize) {
        if i != self.focus {
            self.refused = None;
            self.signature_word = None;
        }
        self.focus = i;
        self.untouched = self.fields[i].input.value().is_empty();
    }

    pub fn focused(&self) -> Slot {
        self.fields[self.focus].slot
    }

    /// The card as typed, for the rules and the store.
    pub fn raw(&self, cast_date: NaiveDate) -> RawCard {
        let picks = |local: bool| -> Vec<String> {
            let mut v: Vec<String> = self
                .fields
                .iter()
                .filter_map(|f| match (f.slot, local) {
                    (Slot::Local(_), true) | (Slot::Citywide(_), false) => {
                        Some(f.input.value().trim().to_string())
                    }
                    _ => None,
                })
                .collect();
            while v.last().is_some_and(String::is_empty) {
                v.pop();
            }
            v
        };
        RawCard {
            first_name: self.value(Slot::FirstName).trim().to_string(),
            last_name: self.value(Slot::LastName).trim().to_string(),
            address: self.value(Slot::Address).trim().to_string(),
            pesel: self.value(Slot::Pesel).trim().to_string(),
            signed: self.value(Slot::Signed) == SIGNED_YES,
            district: self.value(Slot::District).trim().to_string(),
            local: picks(true),
            citywide: picks(false),
            cast_date,
            marks: self.marks.iter().copied().collect(),
        }
    }

    pub fn assess(
        &self,
        edition: &Edition,
        cast_date: NaiveDate,
        options: RuleOptions,
    ) -> Assessment {
        card::assess(edition, &self.raw(cast_date), options)
    }

    /// The district the district rubric names, if it names one.
    pub fn district<'e>(&self, edition: &'e Edition) -> Option<&'e edition::District> {
        edition.parse_district(self.value(Slot::District))
    }

    /// Whether a field takes input: local picks past the number of projects in
    /// the chosen district (district XI in 2014: four) do not.
    pub fn is_active(&self, index: usize, edition: &Edition) -> bool {
        if index >= self.fields.len() {
            return false;
        }
        match self.fields[index].slot {
            Slot::Local(i) => match self.district(edition) {
                Some(d) => i < d.list.projects.len(),
                None => true,
            },
            _ => true,
        }
    }

    fn last_active(&self, edition: &Edition) -> usize {
        (0..self.fields.len())
            .rev()
            .find(|i| self.is_active(*i, edition))
            .unwrap_or(0)
    }

    /// Moves to the next field that takes input; past the last one, the card
    /// is complete.
    pub fn next(&mut self, edition: &Edition) -> FormEvent {
        if self.from_review || self.focus >= self.last_active(edition) {
            self.from_review = false;
            self.refused = None;
            self.reviewing = true;
            return FormEvent::Complete;
        }
        let mut i = self.focus + 1;
        while i < self.fields.len() && !self.is_active(i, edition) {
            i += 1;
        }
        self.set_focus(i.min(self.fields.len() - 1));
        FormEvent::Moved
    }

    pub fn prev(&mut self, edition: &Edition) -> FormEvent {
        let mut i = self.focus;
        while i > 0 {
            i -= 1;
            if self.is_active(i, edition) {
                self.set_focus(i);
                return FormEvent::Moved;
            }
        }
        FormEvent::Nothing
    }

    /// Puts the focus on a field (e.g. the first one with a problem).
    pub fn focus_on(&mut self, slot: Slot) {
        if let Some(i) = self.fields.iter().position(|f| f.slot == slot) {
            self.set_focus(i);
            self.reviewing = false;
        }
    }

    /// Esc on a field reached from the review: back to the review.
    pub fn back_to_review(&mut self) -> bool {
        if self.from_review {
            self.from_review = false;
            self.reviewing = true;
        }
        self.reviewing
    }

    /// Backspace: deletes a character. On a field that was empty when the
    /// focus came to it, it goes back to the previous field (deleting
    /// nothing there); a field it has emptied keeps the focus, so a held
    /// Backspace stops at the start of a field.
    pub fn backspace(&mut self, edition: &Edition) -> FormEvent {
        self.refused = None;
        let input = &mut self.fields[self.focus].input;
        if input.value().is_empty() {
            if !self.untouched {
                return FormEvent::Nothing;
            }
            let moved = self.prev(edition);
            self.untouched = false;
            moved
        } else {
            input.handle(InputRequest::DeletePrevChar);
            self.untouched = false;
            FormEvent::Nothing
        }
    }

    /// Ctrl-U: empties the focused field.
    pub fn clear_field(&mut self) {
        self.fields[self.focus].input = Input::default();
        self.untouched = false;
        self.refused = None;
    }

    /// Cursor movement and deletion inside the focused field.
    pub fn edit(&mut self, request: InputRequest) {
        self.fields[self.focus].input.handle(request);
        self.untouched = false;
    }
}

#[cfg(test)]
mod tests {
    use super::typing::{district_settled, pick_settled};
    use super::*;

    fn edition() -> Edition {
        Edition::parse(
            include_str!("../../../assets/editions/krakow-2014.toml"),
            "krakow-2014",
        )
        .expect("bundled edition")
    }

    fn type_all(form: &mut CardForm, e: &Edition, keys: &str) {
        for c in keys.chars() {
            if c == '\n' {
                form.next(e);
            } else {
                form.type_char(c, e);
            }
        }
    }

    #[test]
    fn a_card_typed_with_few_keys() {
        let e = edition();
        let mut f = CardForm::new(&e);
        // XI has 4 projects; the city-wide list has 15 (1 is ambiguous).
        type_all(
            &mut f,
            &e,
            "Jan\nKowalski\nul. Długa 1\n75031412362tXI42131529711",
        );
        assert!(f.reviewing, "the last pick completes the card");
        let raw = f.raw(NaiveDate::from_ymd_opt(2014, 9, 27).expect("date"));
        assert_eq!(raw.district, "XI");
        assert_eq!(raw.local, ["4", "2", "1", "3"]);
        assert_eq!(raw.citywide, ["15", "2", "9", "7", "11"]);
        assert!(raw.signed);
        assert!(card::assess(&e, &raw, RuleOptions::default()).is_valid());
    }

    #[test]
    fn a_character_that_cannot_continue_starts_the_next_rubric() {
        let e = edition();
        let mut f = CardForm::new(&e);
        type_all(&mut f, &e, "A\nB\nC\n75031412362t");
        // District I, then 9 cannot make 19 (there are 18): 9 is the first pick.
        type_all(&mut f, &e, "19");
        assert_eq!(f.value(Slot::District), "1");
        assert_eq!(f.value(Slot::Local(0)), "9");
        // City-wide 1..15: "1" then "6" is 1 and 6; "1" then "2" is 12.
        let mut f = CardForm::new(&e);
        type_all(&mut f, &e, "A\nB\nC\n75031412362tXI1234");
        assert_eq!(f.focused(), Slot::Citywide(0));
        type_all(&mut f, &e, "1612");
        assert_eq!(f.value(Slot::Citywide(0)), "1");
        assert_eq!(f.value(Slot::Citywide(1)), "6");
        assert_eq!(f.value(Slot::Citywide(2)), "12");
    }

    #[test]
    fn settling_rules() {
        let e = edition();
        assert!(district_settled(&e, "11"));
        assert!(district_settled(&e, "2"));
        assert!(!district_settled(&e, "1"));
        assert!(!district_settled(&e, "XI"), "XII and XIII start with XI");
        assert!(district_settled(&e, "XVIII"));
        assert!(district_settled(&e, "xviii"));
        assert!(!district_settled(&e, "19"));
        assert!(!pick_settled(&e.citywide, "1"));
        assert!(pick_settled(&e.citywide, "2"));
        assert!(pick_settled(&e.citywide, "15"));
        assert!(!pick_settled(&e.citywide, "16"));
    }

    #[test]
    fn backspace_on_an_empty_field_goes_back() {
        let e = edition();
        let mut f = CardForm::new(&e);
        type_all(&mut f, &e, "Jan\n");
        assert_eq!(f.focused(), Slot::LastName);
        f.backspace(&e);
        assert_eq!(f.focused(), Slot::FirstName);
        f.backspace(&e);
        assert_eq!(f.value(Slot::FirstName), "Ja");
    }

    #[test]
    fn short_district_skips_missing_slots() {
        let e = edition();
        let mut f = CardForm::new(&e);
        type_all(&mut f, &e, "A\nB\nC\n75031412362t11");
        assert_eq!(f.focused(), Slot::Local(0));
        type_all(&mut f, &e, "1234");
        assert_eq!(
            f.focused(),
            Slot::Citywide(0),
            "no fifth local rubric for XI"
        );
        f.prev(&e);
        assert_eq!(f.focused(), Slot::Local(3));
    }
}
