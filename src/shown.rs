//! The one place where a value read from the input (a CSV cell, a header
//! name, a row id, a typed PESEL) becomes text for a message, a log line, an
//! audit row or a JSON field.
//!
//! Input values can be a voter's PESEL, name or address, also where they do
//! not belong (a file without its header line, shifted columns). A [`Shown`]
//! can only be made by masking, so any message that holds one is safe by
//! construction:
//!
//! - a value with a run of nine or more digits (spaces and dashes aside) is a
//!   possible PESEL: all digits → the PESEL mask (`440514*****`), otherwise the
//!   first character and stars;
//! - a value with two letters in a row is a possible name or address: the
//!   first character and stars (`Nowak` → `N****`);
//! - a value longer than [`MAX_SHOWN`] characters: the first character, stars
//!   and `…`;
//! - anything else (a date typed wrongly, `1.10.2014`, a flag `2`, a project
//!   number) is shown as it is, with control characters escaped.

use std::fmt;

/// Values longer than this are never shown whole.
pub const MAX_SHOWN: usize = 32;
/// At most this many stars stand for the hidden characters.
const MAX_STARS: usize = 15;

/// An input value made safe to show. Its only constructor masks.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Shown(String);

impl Shown {
    /// Masks what could be personal data in `value` (see the module doc).
    ///
    /// ```
    /// use urna::shown::Shown;
    ///
    /// assert_eq!(Shown::new("75031412362").to_string(), "750314*****");
    /// assert_eq!(Shown::new("Nowak").to_string(), "N****");
    /// assert_eq!(Shown::new("ul. Długa 12/3").to_string(), "u*************");
    /// assert_eq!(Shown::new("1.10.2014").to_string(), "1.10.2014");
    /// ```
    pub fn new(value: &str) -> Shown {
        Shown(render(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl serde::Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Whether `value` could carry personal data and must be masked.
/// A path as urna prints it: every control character escaped (`\n`,
/// `\u{1b}`), so a file name cannot move the cursor, clear the screen or
/// forge a line of output.
pub fn path(p: &std::path::Path) -> String {
    escape_controls(&p.display().to_string())
}

/// `text` with every control character escaped as Rust's `escape_debug` does.
pub fn escape_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    out
}

pub fn could_be_personal(value: &str) -> bool {
    let mut digits = 0usize;
    let mut letters = 0usize;
    let mut count = 0usize;
    for c in value.chars() {
        count += 1;
        if c.is_alphabetic() {
            letters += 1;
            if letters >= 2 {
                return true;
            }
        } else {
            letters = 0;
        }
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 9 {
                return true;
            }
        } else if !(c.is_whitespace() || c == '-') {
            digits = 0;
        }
    }
    count > MAX_SHOWN
}

/// Whether `value` holds a run of nine or more digits (spaces and dashes
/// aside): a possible PESEL inside free text.
pub fn could_hold_a_pesel(value: &str) -> bool {
    let mut digits = 0usize;
    for c in value.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            if digits >= 9 {
                return true;
            }
        } else if !(c.is_whitespace() || c == '-') {
            digits = 0;
        }
    }
    false
}

fn render(value: &str) -> String {
    if !could_be_personal(value) {
        return value.chars().flat_map(char::escape_default).collect();
    }
    let kept: Vec<char> = value
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if !kept.is_empty() && kept.iter().all(char::is_ascii_digit) {
        // A PESEL, perhaps with separators: the birth date stays, as
        // everywhere else urna shows one.
        let mut s: String = kept.iter().take(6).collect();
        let hidden = kept.len().saturating_sub(6);
        s.extend(std::iter::repeat_n('*', hidden.min(MAX_STARS)));
        if hidden > MAX_STARS {
            s.push('…');
        }
        return s;
    }
    let mut chars = value.chars();
    let first = chars.next().filter(|c| c.is_alphanumeric()).unwrap_or('*');
    let hidden = chars.count();
    let mut s = String::from(first);
    s.extend(std::iter::repeat_n('*', hidden.min(MAX_STARS)));
    if hidden > MAX_STARS {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(v: &str) -> String {
        Shown::new(v).to_string()
    }

    #[test]
    fn possible_pesels_are_masked() {
        assert_eq!(shown("75031412362"), "750314*****");
        assert_eq!(shown("750314 123-62"), "750314*****");
        assert_eq!(shown("750314123"), "750314***");
        assert_eq!(shown("PESEL 75031412362"), "P***************…");
        assert_eq!(shown("Nowak 75031412362"), "N***************…");
    }

    #[test]
    fn names_and_addresses_are_masked() {
        assert_eq!(shown("Jan"), "J**");
        assert_eq!(shown("Łucja"), "Ł****");
        assert_eq!(shown("ul. Długa 12/3, 31-147 Kraków"), "u***************…");
        assert_eq!(shown("\"Nowak\""), "*******");
        assert!(!shown("Kowalska-Nowak").contains("owal"));
    }

    #[test]
    fn harmless_values_are_shown() {
        for v in [
            "1.10.2014",
            "20141001",
            "2014-10-01x",
            "tak1",
            "2",
            "",
            "XI",
            "k-0001",
        ] {
            // "XI" and "tak1" have letters in a row: masked.
            if could_be_personal(v) {
                continue;
            }
            assert_eq!(shown(v), v);
        }
        assert_eq!(shown("1.10.2014"), "1.10.2014");
        assert_eq!(shown("k-0001"), "k-0001");
        assert_eq!(shown("2"), "2");
        assert_eq!(shown("1\u{1b}[2J"), "1\\u{1b}[2J");
    }

    #[test]
    fn long_values_are_cut() {
        let long = "1.".repeat(5_000_000);
        let s = shown(&long);
        assert!(s.chars().count() <= MAX_STARS + 2, "{s}");
    }
}
