//! Money in grosze: budgets and costs as whole numbers of grosze (1 zł =
//! 100 gr), read exactly from text such as `1546168.66` — never through a
//! floating-point number, so a sum of costs is exact and a project that fits
//! the budget to the grosz is selected.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in grosze.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(u64);

impl Money {
    /// Whole złoty.
    pub const fn zloty(zl: u64) -> Money {
        Money(zl * 100)
    }

    pub const fn from_grosze(gr: u64) -> Money {
        Money(gr)
    }

    pub const fn grosze(self) -> u64 {
        self.0
    }

    /// The whole złoty (grosze dropped).
    pub const fn whole_zloty(self) -> u64 {
        self.0 / 100
    }

    /// The grosze beyond the whole złoty (0–99).
    pub const fn cents(self) -> u64 {
        self.0 % 100
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }

    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }

    pub fn saturating_sub(self, other: Money) -> Money {
        Money(self.0.saturating_sub(other.0))
    }

    /// Reads `1500000`, `1546168.66`, `1546168.6` or `1500000.0`: digits, at
    /// most one `.` and at most two decimals. Anything else is `None`.
    pub fn parse(text: &str) -> Option<Money> {
        let t = text.trim();
        let (whole, frac) = match t.split_once('.') {
            Some((w, f)) => (w, f),
            None => (t, ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 {
            return None;
        }
        if t.contains('.') && frac.is_empty() {
            return None;
        }
        let zl: u64 = whole.parse().ok()?;
        let gr: u64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<u64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        zl.checked_mul(100)?.checked_add(gr).map(Money)
    }

    /// As an edition file or a Pabulib file writes it: `2700000`,
    /// `1546168.66`, `10.50` (a dot, no grouping).
    pub fn plain(self) -> String {
        if self.cents() == 0 {
            self.whole_zloty().to_string()
        } else {
            format!("{}.{:02}", self.whole_zloty(), self.cents())
        }
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.plain())
    }
}

/// Why text is not an amount.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct NotAnAmount(pub String);

impl NotAnAmount {
    /// The refusal in `lang`, the text masked if it could be personal.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        let value = format!("\"{}\"", crate::shown::Shown::new(&self.0));
        crate::tr!(lang, "error-toml-not-an-amount", value = value)
    }
}

crate::display_in_english!(NotAnAmount);

impl std::str::FromStr for Money {
    type Err = NotAnAmount;
    fn from_str(s: &str) -> Result<Money, NotAnAmount> {
        Money::parse(s).ok_or_else(|| NotAnAmount(s.to_string()))
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        Money(iter.map(|m| m.0).sum())
    }
}

/// In JSON a number: `2700000`, or `1546168.66` written exactly as text
/// (never a rounded binary fraction).
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.cents() == 0 {
            return s.serialize_u64(self.whole_zloty());
        }
        match serde_json::value::RawValue::from_string(self.plain()) {
            Ok(raw) => raw.serialize(s),
            Err(e) => Err(serde::ser::Error::custom(e)),
        }
    }
}

/// From an edition file: a whole number of złoty (`2700000`) or a string
/// with grosze (`"1546168.66"`). A TOML float is refused: it is binary and
/// would not be read exactly.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an amount in złoty: a whole number, or a string with grosze such as \"1546168.66\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                v.checked_mul(100)
                    .map(Money)
                    .ok_or_else(|| E::custom(format!("the amount {v} is too large")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                if v < 0 {
                    return Err(E::custom(format!(
                        "the amount {v} is negative: amounts are 0 or more"
                    )));
                }
                self.visit_u64(v as u64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                Err(E::custom(format!(
                    "the amount {v} has a decimal point: write an amount with grosze in quotes, \"{v}\", so that it is read exactly"
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                Money::parse(v).ok_or_else(|| {
                    E::custom(format!(
                        "\"{v}\" is not an amount: write złoty with at most two decimals after a dot, such as \"1546168.66\""
                    ))
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_grosze_exactly() {
        assert_eq!(
            Money::parse("1546168.66"),
            Some(Money::from_grosze(154_616_866))
        );
        assert_eq!(Money::parse("1500000"), Some(Money::zloty(1_500_000)));
        assert_eq!(Money::parse("1500000.0"), Some(Money::zloty(1_500_000)));
        assert_eq!(Money::parse("0.1"), Some(Money::from_grosze(10)));
        assert_eq!(Money::parse(" 10.05 "), Some(Money::from_grosze(1005)));
        for bad in [
            "", ".5", "5.", "1.234", "-1", "1,50", "1e6", "dużo", "1.2.3",
        ] {
            assert_eq!(Money::parse(bad), None, "{bad}");
        }
        assert_eq!(Money::parse("184467440737095516.16"), None);
        // Sums that a binary fraction gets wrong are exact: 0.1 + 0.2 = 0.3.
        let sum: Money = ["0.1", "0.2"].iter().filter_map(|s| Money::parse(s)).sum();
        assert_eq!(sum, Money::from_grosze(30));
    }

    #[test]
    fn writes_grosze_only_where_there_are_any() {
        assert_eq!(Money::from_grosze(154_616_866).plain(), "1546168.66");
        assert_eq!(Money::from_grosze(1050).plain(), "10.50");
        assert_eq!(Money::zloty(2_700_000).plain(), "2700000");
        assert_eq!(
            serde_json::to_string(&[Money::from_grosze(154_616_866), Money::zloty(7)])
                .expect("json"),
            "[1546168.66,7]"
        );
    }
}
