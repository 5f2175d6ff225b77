//! PESEL, the Polish personal identification number: parsing, validation, birth
//! date, sex and age.
//!
//! A PESEL is 11 digits: `YYMMDD` (the month carries the century: +80 for the
//! 1800s, +0 for the 1900s, +20, +40, +60 for the 2000s, 2100s, 2200s), a
//! four-digit serial whose last digit gives the sex (odd: male), and a check digit.
//! The number is also the key by which the tally finds people who voted twice, so
//! it never appears unmasked in logs or error messages: see [`mask`].

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// Weights of the first ten digits in the check-digit sum.
const WEIGHTS: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/// A valid PESEL: 11 digits, a real birth date and a correct check digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pesel {
    digits: [u8; 11],
    birth_date: NaiveDate,
}

/// Sex as encoded in the PESEL's tenth digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

/// What is wrong with a typed PESEL. The variants are in the order they are checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeselError {
    Empty,
    Length(usize),
    NotDigit(usize),
    NoSuchDate { month: u8, day: u8 },
    CheckDigit { expected: u8, found: u8 },
}

impl PeselError {
    /// The problem in words for the command line, in `lang`; quotes no digit
    /// of the PESEL.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        use crate::tr;
        match self {
            PeselError::Empty => tr!(lang, "error-pesel-empty"),
            PeselError::Length(n) => tr!(lang, "error-pesel-length", digits = *n),
            PeselError::NotDigit(i) => tr!(lang, "error-pesel-not-digit", position = *i),
            PeselError::NoSuchDate { .. } => tr!(lang, "error-pesel-no-such-date"),
            PeselError::CheckDigit { .. } => tr!(lang, "error-pesel-check-digit"),
        }
    }
}

crate::display_in_english!(PeselError);

impl Pesel {
    /// Parses what a person typed: spaces and dashes are ignored, anything else
    /// must be exactly 11 digits forming a valid PESEL.
    ///
    /// ```
    /// use urna::pesel::{Pesel, PeselError};
    ///
    /// let p = Pesel::parse("440514 013-59")?;
    /// assert_eq!(p.birth_date().to_string(), "1944-05-14");
    /// assert_eq!(p.masked(), "440514*****");
    /// assert_eq!(Pesel::parse("44051401358"),
    ///            Err(PeselError::CheckDigit { expected: 9, found: 8 }));
    /// # Ok::<(), PeselError>(())
    /// ```
    pub fn parse(typed: &str) -> Result<Self, PeselError> {
        let cleaned: Vec<char> = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if cleaned.is_empty() {
            return Err(PeselError::Empty);
        }
        if let Some(pos) = cleaned.iter().position(|c| !c.is_ascii_digit()) {
            return Err(PeselError::NotDigit(pos + 1));
        }
        if cleaned.len() != 11 {
            return Err(PeselError::Length(cleaned.len()));
        }
        let mut digits = [0u8; 11];
        for (slot, c) in digits.iter_mut().zip(&cleaned) {
            // Checked above: every char is an ASCII digit.
            *slot = *c as u8 - b'0';
        }
        let birth_date = birth_date_of(&digits)?;
        let expected = check_digit(&digits);
        if expected != digits[10] {
            return Err(PeselError::CheckDigit {
                expected,
                found: digits[10],
            });
        }
        Ok(Pesel { digits, birth_date })
    }

    /// The birth date encoded in the first six digits.
    pub fn birth_date(&self) -> NaiveDate {
        self.birth_date
    }

    /// Sex from the tenth digit: odd is male, even is female.
    pub fn sex(&self) -> Sex {
        if self.digits[9] % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// Full years of age on `day`, or `None` if the person was not yet born.
    ///
    /// As Polish law counts age (art. 112 of the Civil Code), a year of life is
    /// completed at the start of the birthday: born 1998-09-27, one is 16 on
    /// 2014-09-27. Someone born on 29 February completes a year at the start of
    /// 28 February in a common year (the last day of that month).
    pub fn age_on(&self, day: NaiveDate) -> Option<u32> {
        let born = self.birth_date;
        if day < born {
            return None;
        }
        let years = u32::try_from(day.year() - born.year()).ok()?;
        let birthday_this_year = NaiveDate::from_ymd_opt(day.year(), born.month(), born.day())
            .or_else(|| NaiveDate::from_ymd_opt(day.year(), born.month(), born.day() - 1))?;
        Some(if day < birthday_this_year {
            years - 1
        } else {
            years
        })
    }

    /// The 11 digits as a string.
    pub fn as_string(&self) -> String {
        self.digits.iter().map(|d| char::from(b'0' + d)).collect()
    }

    /// The masked form for logs and messages: the birth date part, then stars.
    pub fn masked(&self) -> String {
        mask(&self.as_string())
    }
}

impl fmt::Display for Pesel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_string())
    }
}

/// Masks anything that may be a PESEL for logs and error messages: the first six
/// characters stay, the rest become `*` (`44051401359` → `440514*****`). A value
/// that is not digits (a name typed into the PESEL rubric) keeps only its first
/// character ([`crate::shown::Shown`]).
pub fn mask(typed: &str) -> String {
    let kept: Vec<char> = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if kept.len() <= 11 && kept.iter().all(char::is_ascii_digit) {
        kept.iter()
            .enumerate()
            .map(|(i, c)| if i < 6 { *c } else { '*' })
            .collect()
    } else {
        let shown = crate::shown::Shown::new(typed).to_string();
        if shown == typed && !typed.is_empty() {
            // Short and harmless, but still in the PESEL rubric: hide all
            // but the first character.
            let mut chars = typed.chars();
            let first = chars.next().unwrap_or('*');
            std::iter::once(first).chain(chars.map(|_| '*')).collect()
        } else {
            shown
        }
    }
}

/// The check digit the first ten digits require.
pub fn check_digit(digits: &[u8; 11]) -> u8 {
    let sum: u32 = digits
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    ((10 - sum % 10) % 10) as u8
}

fn birth_date_of(d: &[u8; 11]) -> Result<NaiveDate, PeselError> {
    let yy = i32::from(d[0] * 10 + d[1]);
    let month_field = d[2] * 10 + d[3];
    let day = d[4] * 10 + d[5];
    let (century, month) = match month_field {
        81..=92 => (1800, month_field - 80),
        1..=12 => (1900, month_field),
        21..=32 => (2000, month_field - 20),
        41..=52 => (2100, month_field - 40),
        61..=72 => (2200, month_field - 60),
        _ => {
            return Err(PeselError::NoSuchDate {
                month: month_field,
                day,
            });
        }
    };
    NaiveDate::from_ymd_opt(century + yy, u32::from(month), u32::from(day)).ok_or(
        PeselError::NoSuchDate {
            month: month_field,
            day,
        },
    )
}

/// Builds the PESEL of a person born on `date` with the given serial (0..=999)
/// and sex, with the right check digit. Used by tests, the demo and benches.
pub fn synthesize(date: NaiveDate, serial: u16, sex: Sex) -> Option<String> {
    let year = date.year();
    let offset = match year {
        1800..=1899 => 80,
        1900..=1999 => 0,
        2000..=2099 => 20,
        2100..=2199 => 40,
        2200..=2299 => 60,
        _ => return None,
    };
    let serial = serial % 1000;
    let sex_digit = match sex {
        Sex::Male => (serial % 5) * 2 + 1,
        Sex::Female => (serial % 5) * 2,
    };
    let head = format!(
        "{:02}{:02}{:02}{:03}{}",
        year % 100,
        date.month() + offset,
        date.day(),
        serial,
        sex_digit
    );
    let mut digits = [0u8; 11];
    for (slot, b) in digits.iter_mut().zip(head.bytes()) {
        *slot = b - b'0';
    }
    let check = check_digit(&digits);
    Some(format!("{head}{check}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("test date")
    }

    #[test]
    fn known_valid_pesel() {
        let p = Pesel::parse("44051401359").expect("valid");
        assert_eq!(p.birth_date(), d(1944, 5, 14));
        assert_eq!(p.sex(), Sex::Male);
        assert_eq!(p.masked(), "440514*****");
    }

    #[test]
    fn spaces_and_dashes_are_ignored() {
        assert!(Pesel::parse(" 440514-01359 ").is_ok());
        assert!(Pesel::parse("440 514 013 59").is_ok());
    }

    #[test]
    fn every_century() {
        for (y, m) in [(1850, 3), (1999, 12), (2000, 1), (2150, 7), (2299, 12)] {
            let s = synthesize(d(y, m, 15), 123, Sex::Female).expect("in range");
            let p = Pesel::parse(&s).expect("synthesized is valid");
            assert_eq!(p.birth_date(), d(y, m, 15), "{s}");
            assert_eq!(p.sex(), Sex::Female);
        }
        assert_eq!(synthesize(d(1799, 12, 31), 1, Sex::Male), None);
        assert_eq!(synthesize(d(2300, 1, 1), 1, Sex::Male), None);
    }

    #[test]
    fn leap_days() {
        let ok = synthesize(d(2000, 2, 29), 5, Sex::Male).expect("2000 is leap");
        assert!(Pesel::parse(&ok).is_ok());
        // 1900-02-29 and 2100-02-29 do not exist; give them valid check digits so
        // only the date can fail.
        for bad_head in ["0002290001", "0042290001"] {
            let mut digits = [0u8; 11];
            for (slot, b) in digits.iter_mut().zip(bad_head.bytes()) {
                *slot = b - b'0';
            }
            let s = format!("{bad_head}{}", check_digit(&digits));
            assert_eq!(
                Pesel::parse(&s),
                Err(PeselError::NoSuchDate {
                    month: bad_head[2..4].parse().expect("digits"),
                    day: 29
                }),
                "{s}"
            );
        }
    }

    fn with_check(head: &str) -> String {
        let mut digits = [0u8; 11];
        for (slot, b) in digits.iter_mut().zip(head.bytes()) {
            *slot = b - b'0';
        }
        format!("{head}{}", check_digit(&digits))
    }

    #[test]
    fn impossible_dates() {
        for head in [
            "9913010001", // month 13
            "9900010001", // month 00
            "9901000001", // day 00
            "9904310001", // 31 April
            "9933010001", // month 33: no century uses it
        ] {
            let s = with_check(head);
            assert!(
                matches!(Pesel::parse(&s), Err(PeselError::NoSuchDate { .. })),
                "{s}"
            );
        }
        assert!(matches!(
            Pesel::parse("00000000000"),
            Err(PeselError::NoSuchDate { month: 0, day: 0 })
        ));
    }

    #[test]
    fn lengths_and_letters() {
        assert_eq!(Pesel::parse("4405140135"), Err(PeselError::Length(10)));
        assert_eq!(Pesel::parse("440514013590"), Err(PeselError::Length(12)));
        assert_eq!(Pesel::parse("4405140135X"), Err(PeselError::NotDigit(11)));
        assert_eq!(Pesel::parse("A4405140135"), Err(PeselError::NotDigit(1)));
        assert_eq!(Pesel::parse("  - "), Err(PeselError::Empty));
    }

    #[test]
    fn check_digit_is_checked() {
        assert_eq!(
            Pesel::parse("44051401358"),
            Err(PeselError::CheckDigit {
                expected: 9,
                found: 8
            })
        );
    }

    #[test]
    fn birthday_boundary() {
        let p = Pesel::parse(&synthesize(d(1998, 9, 27), 42, Sex::Female).expect("pesel"))
            .expect("valid");
        assert_eq!(p.age_on(d(2014, 9, 27)), Some(16));
        assert_eq!(p.age_on(d(2014, 9, 26)), Some(15));
        assert_eq!(p.age_on(d(1998, 9, 26)), None);
        let leap =
            Pesel::parse(&synthesize(d(2000, 2, 29), 1, Sex::Male).expect("pesel")).expect("valid");
        assert_eq!(leap.age_on(d(2016, 2, 28)), Some(15));
        assert_eq!(leap.age_on(d(2016, 2, 29)), Some(16));
        assert_eq!(leap.age_on(d(2017, 2, 27)), Some(16));
        assert_eq!(leap.age_on(d(2017, 2, 28)), Some(17));
        assert_eq!(leap.age_on(d(2017, 3, 1)), Some(17));
        assert_eq!(leap.age_on(d(2000, 2, 29)), Some(0));
    }

    #[test]
    fn mask_hides_the_serial() {
        assert_eq!(mask("44051401359"), "440514*****");
        assert_eq!(mask("4405"), "4405");
        assert_eq!(mask("440514-013 59"), "440514*****");
    }

    proptest::proptest! {
        /// Every date of 1800–2299 round-trips, and changing any one digit of a
        /// valid PESEL to any other digit is always caught (the weights 1, 3, 7,
        /// 9 are coprime with 10).
        #[test]
        fn synthesized_round_trip_and_single_digit_errors_are_caught(
            days in 0i64..(500 * 365),
            serial in 0u16..1000,
            male: bool,
            pos in 0usize..11,
            delta in 1u8..10,
        ) {
            let born = d(1800, 1, 1) + chrono::Duration::days(days);
            let sex = if male { Sex::Male } else { Sex::Female };
            let s = synthesize(born, serial, sex).expect("in range");
            let p = Pesel::parse(&s).expect("valid");
            proptest::prop_assert_eq!(p.birth_date(), born);
            proptest::prop_assert_eq!(p.sex(), sex);
            let mut bytes = s.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let changed = String::from_utf8(bytes).expect("ascii");
            proptest::prop_assert!(Pesel::parse(&changed).is_err(), "{}", changed);
        }
    }
}
