//! Roman numerals for district numbers: the paper card carries `XI`, a volunteer
//! may type `XI`, `xi` or `11`.

/// The highest district number an edition may use (XCIX).
pub const MAX: u32 = 99;

const TABLE: [(u32, &str); 9] = [
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
    (0, ""),
];

/// `11` → `XI`. Numbers outside 1..=MAX are shown in Arabic digits.
pub fn to_roman(n: u32) -> String {
    if !(1..=MAX).contains(&n) {
        return n.to_string();
    }
    let mut left = n;
    let mut out = String::new();
    for (value, glyphs) in TABLE {
        while value > 0 && left >= value {
            out.push_str(glyphs);
            left -= value;
        }
    }
    out
}

/// Reads a district number typed as Roman (any case) or Arabic digits.
///
/// ```
/// use urna::edition::roman::parse_district_number;
///
/// assert_eq!(parse_district_number("XI"), Some(11));
/// assert_eq!(parse_district_number("xi"), Some(11));
/// assert_eq!(parse_district_number("11"), Some(11));
/// assert_eq!(parse_district_number("IIII"), None);
/// ```
///
/// Only the
/// canonical Roman form is accepted (`IIII` is not 4), so a typo is not silently
/// read as some other district.
pub fn parse_district_number(typed: &str) -> Option<u32> {
    let t = typed.trim();
    if t.is_empty() {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<u32>().ok().filter(|n| (1..=MAX).contains(n));
    }
    // Compared glyph by glyph, with no numeral built: a card's district is
    // read once per card, a million times in a count.
    (1..=MAX).find(|n| is_roman(*n, t))
}

/// Whether `t` is `n`'s canonical numeral, in any case.
fn is_roman(n: u32, t: &str) -> bool {
    let mut rest = t.as_bytes();
    let mut left = n;
    for (value, glyphs) in TABLE {
        while value > 0 && left >= value {
            let g = glyphs.as_bytes();
            match rest.split_at_checked(g.len()) {
                Some((head, tail)) if head.eq_ignore_ascii_case(g) => rest = tail,
                _ => return false,
            }
            left -= value;
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn krakow_numbers() {
        let expected = [
            "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
            "XIV", "XV", "XVI", "XVII", "XVIII",
        ];
        for (i, r) in expected.iter().enumerate() {
            let n = i as u32 + 1;
            assert_eq!(to_roman(n), *r);
            assert_eq!(parse_district_number(r), Some(n));
            assert_eq!(parse_district_number(&r.to_lowercase()), Some(n));
            assert_eq!(parse_district_number(&n.to_string()), Some(n));
        }
    }

    #[test]
    fn rejects_non_canonical_and_out_of_range() {
        for bad in ["IIII", "VX", "0", "100", "X1", "", "  ", "11a"] {
            assert_eq!(parse_district_number(bad), None, "{bad}");
        }
        assert_eq!(parse_district_number(" 011 "), Some(11));
    }
}
