//! The card form: one field per rubric of the paper card, in the card's order,
//! with the typing rules that keep keystrokes to the characters on the card:
//! fixed-length and unambiguous fields move on by themselves, and a Roman
//! district runs straight into the first project number.
//!
//! Pure state and logic; `entry.rs` draws it.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use tui_input::{Input, InputRequest};

use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::edition::{self, Edition, ProjectList, roman};

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

    /// The longer numbers the focused field could still become, when what is
    /// typed already names something (`1` in a list of 1–15: 10…15). The
    /// field waits for Enter or the next digit; the screen says so.
    pub fn waiting_for(&self, edition: &Edition) -> Option<Vec<String>> {
        if self.reviewing || !self.is_complete(edition) || self.is_settled(edition) {
            return None;
        }
        let typed = self.fields[self.focus].input.value().trim();
        let longer: Vec<String> = match self.focused() {
            Slot::District => {
                let t = typed.to_ascii_uppercase();
                let arabic = t.bytes().all(|b| b.is_ascii_digit());
                edition
                    .districts
                    .iter()
                    .map(|d| {
                        if arabic {
                            d.number.to_string()
                        } else {
                            roman::to_roman(d.number)
                        }
                    })
                    .filter(|n| n.len() > t.len() && n.starts_with(&t))
                    .collect()
            }
            Slot::Local(_) | Slot::Citywide(_) => {
                let key = edition::normalize_id(typed);
                self.lists(edition)
                    .iter()
                    .flat_map(|l| l.projects.iter())
                    .filter(|p| {
                        let id = edition::normalize_id(&p.id);
                        id != key && id.starts_with(&key)
                    })
                    .map(|p| p.id.clone())
                    .collect()
            }
            _ => return None,
        };
        let mut longer = longer;
        if self.focused() != Slot::District {
            // Districts come in their order; numbers by value, then codes.
            longer.sort_by(|a, b| {
                let n = |s: &str| s.parse::<u64>().unwrap_or(u64::MAX);
                n(a).cmp(&n(b)).then(a.len().cmp(&b.len())).then(a.cmp(b))
            });
        }
        longer.dedup();
        (!longer.is_empty()).then_some(longer)
    }

    /// The project lists a pick of the focused field is checked against: the
    /// district's, the city-wide one, or, while the district is not known,
    /// every district's (so a number still settles and moves on).
    fn lists<'e>(&self, edition: &'e Edition) -> Vec<&'e ProjectList> {
        match self.focused() {
            Slot::Local(_) => match self.district(edition) {
                Some(d) => vec![&d.list],
                None => edition.districts.iter().map(|d| &d.list).collect(),
            },
            Slot::Citywide(_) => vec![&edition.citywide],
            _ => Vec::new(),
        }
    }

    /// One typed character.
    pub fn type_char(&mut self, c: char, edition: &Edition) -> FormEvent {
        let slot = self.focused();
        self.untouched = false;
        let mut keep_word = None;
        if let Some(word) = self.signature_word.take()
            && slot == Slot::District
        {
            // `tak`, `nie`, `yes`, `no` typed out in full: the letters after
            // the first are the signature's, not the district's.
            let next = format!("{word}{c}").to_lowercase();
            let rests: [&str; 2] = if self.value(Slot::Signed) == SIGNED_YES {
                ["ak", "es"]
            } else {
                ["ie", "o"]
            };
            if rests.iter().any(|r| r.starts_with(&next)) {
                let value = self.fields[self.focus].input.value().to_lowercase();
                if rests.contains(&next.as_str()) {
                    // The word is complete: a letter of it that went into the
                    // district (`i` of `nie`) is taken back.
                    if !value.is_empty() && next.starts_with(&value) {
                        self.fields[self.focus].input = Input::default();
                    }
                    self.untouched = true;
                    return FormEvent::Nothing;
                }
                if !self.could_be(edition, &format!("{value}{c}")) {
                    self.signature_word = Some(next);
                    self.untouched = true;
                    return FormEvent::Nothing;
                }
                // `i` could be district I: typed as usual, still followed.
                keep_word = Some(next);
            }
        }
        match slot {
            Slot::Signed => {
                let value = match c.to_ascii_lowercase() {
                    't' | 'y' => SIGNED_YES,
                    'n' => SIGNED_NO,
                    _ => {
                        self.refused = Some(c);
                        return FormEvent::Nothing;
                    }
                };
                self.refused = None;
                self.fields[self.focus].input = Input::new(value.to_string());
                let moved = self.next(edition);
                if moved == FormEvent::Moved && self.focused() == Slot::District {
                    self.signature_word = Some(String::new());
                }
                return moved;
            }
            Slot::Pesel if !(c.is_ascii_digit() || c == ' ' || c == '-') => {
                self.refused = Some(c);
                return FormEvent::Nothing;
            }
            Slot::Pesel
                if c.is_ascii_digit()
                    && self.fields[self.focus]
                        .input
                        .value()
                        .chars()
                        .filter(char::is_ascii_digit)
                        .count()
                        >= 11 =>
            {
                // A PESEL has 11 digits: a 12th is refused, never kept.
                self.refused = Some(c);
                return FormEvent::Nothing;
            }
            Slot::District | Slot::Local(_) | Slot::Citywide(_) => {
                if c.is_whitespace() {
                    return FormEvent::Nothing;
                }
                // A character that cannot continue a complete number starts the
                // next rubric: `XI` then `4`, or `1` then `6` in a list of 1–15.
                let extended = format!("{}{c}", self.fields[self.focus].input.value());
                if self.is_complete(edition) && !self.could_be(edition, &extended) {
                    return match self.next(edition) {
                        FormEvent::Moved => self.type_char(c, edition),
                        other => other,
                    };
                }
            }
            _ => {}
        }
        // The rubric holds no more than the card model allows (card::limits).
        if self.fields[self.focus].input.value().chars().count() >= slot.max_chars() {
            return FormEvent::Nothing;
        }
        self.refused = None;
        self.fields[self.focus]
            .input
            .handle(InputRequest::InsertChar(c));
        if slot == Slot::District {
            self.signature_word = keep_word;
        }
        if self.is_settled(edition) {
            self.next(edition)
        } else {
            FormEvent::Nothing
        }
    }

    /// Whether the focused number field names something already.
    fn is_complete(&self, edition: &Edition) -> bool {
        let value = self.fields[self.focus].input.value();
        match self.focused() {
            Slot::District => self.district(edition).is_some(),
            Slot::Local(_) | Slot::Citywide(_) => {
                self.lists(edition).iter().any(|l| l.find(value).is_some())
            }
            _ => false,
        }
    }

    /// Whether `text` could still become a valid value of the focused field.
    fn could_be(&self, edition: &Edition, text: &str) -> bool {
        match self.focused() {
            Slot::District => {
                let t = text.trim().to_ascii_uppercase();
                edition.districts.iter().any(|d| {
                    d.number.to_string().starts_with(&t)
                        || roman::to_roman(d.number).starts_with(&t)
                })
            }
            Slot::Local(_) | Slot::Citywide(_) => {
                self.lists(edition).iter().any(|l| id_could_be(l, text))
            }
            _ => true,
        }
    }

    /// Whether the focused field is complete and nothing longer could be meant,
    /// so the form can move on without a key.
    fn is_settled(&self, edition: &Edition) -> bool {
        let value = self.fields[self.focus].input.value();
        match self.focused() {
            Slot::Pesel => value.chars().filter(char::is_ascii_digit).count() >= 11,
            Slot::District => district_settled(edition, value),
            Slot::Local(_) | Slot::Citywide(_) => {
                let lists = self.lists(edition);
                lists.iter().any(|l| l.find(value).is_some())
                    && !lists.iter().any(|l| has_longer(l, value))
            }
            _ => false,
        }
    }
}

/// A district number nobody could be still typing: Arabic with no longer
/// number in the edition starting with it (`11`, `2`… but not `1`), or a
/// Roman numeral that no longer numeral of the edition extends.
fn district_settled(edition: &Edition, typed: &str) -> bool {
    let t = typed.trim().to_ascii_uppercase();
    let Some(n) = roman::parse_district_number(&t) else {
        return false;
    };
    if edition.district(n).is_none() {
        return false;
    }
    let arabic = t.bytes().all(|b| b.is_ascii_digit());
    !edition.districts.iter().any(|d| {
        d.number != n
            && if arabic {
                d.number.to_string().starts_with(&n.to_string())
            } else {
                roman::to_roman(d.number).starts_with(&t)
            }
    })
}

/// Whether some project id begins with `text`.
fn id_could_be(list: &ProjectList, text: &str) -> bool {
    let key = edition::normalize_id(text);
    list.projects
        .iter()
        .any(|p| edition::normalize_id(&p.id).starts_with(&key))
}

/// Whether a longer id of the list starts with `typed`.
fn has_longer(list: &ProjectList, typed: &str) -> bool {
    let key = edition::normalize_id(typed);
    list.projects.iter().any(|p| {
        let other = edition::normalize_id(&p.id);
        other != key && other.starts_with(&key)
    })
}

#[cfg(test)]
/// A project id that names a project and is the start of no other id.
fn pick_settled(list: &ProjectList, typed: &str) -> bool {
    if list.find(typed).is_none() {
        return false;
    }
    let key = edition::normalize_id(typed);
    !list.projects.iter().any(|p| {
        let other = edition::normalize_id(&p.id);
        other != key && other.starts_with(&key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edition() -> Edition {
        Edition::parse(
            include_str!("../../assets/editions/krakow-2014.toml"),
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
