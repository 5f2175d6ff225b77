//! The typing rules: what one typed character does to the focused rubric,
//! and when a number rubric (the district, a project pick) names something
//! nobody could still be typing, so the form moves on without a key.

use tui_input::{Input, InputRequest};

use super::{CardForm, FormEvent, SIGNED_NO, SIGNED_YES, Slot};
use crate::edition::{self, Edition, ProjectList, roman};

impl CardForm {
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
pub(super) fn district_settled(edition: &Edition, typed: &str) -> bool {
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
pub(super) fn pick_settled(list: &ProjectList, typed: &str) -> bool {
    if list.find(typed).is_none() {
        return false;
    }
    let key = edition::normalize_id(typed);
    !list.projects.iter().any(|p| {
        let other = edition::normalize_id(&p.id);
        other != key && other.starts_with(&key)
    })
}
