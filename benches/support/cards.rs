//! The benches' cards: the `n`-th is valid in the 2014 edition, each with
//! its own PESEL, so indexes grow as on a real day.

use chrono::{Days, NaiveDate};
use urna::card::RawCard;
use urna::pesel::{self, Sex};

/// The bundled 2014 edition.
pub const EDITION: &str = include_str!("../../assets/editions/krakow-2014.toml");

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real calendar date")
}

/// The `n`-th card: valid in the 2014 edition, each with its own PESEL (for the
/// first 25 million or so), so the PESEL index grows as it would on a real day.
pub fn card(n: u64) -> RawCard {
    let born = date(1930, 1, 1)
        .checked_add_days(Days::new(n % 24_000))
        .expect("birth date in range");
    let sex = if n.is_multiple_of(2) {
        Sex::Female
    } else {
        Sex::Male
    };
    let serial = ((n / 24_000) % 1000) as u16;
    RawCard {
        first_name: "Łucja".into(),
        last_name: "Wiśniewska".into(),
        address: "ul. Kalwaryjska 41/7, 30-504 Kraków".into(),
        pesel: pesel::synthesize(born, serial, sex).expect("birth year is synthesizable"),
        signed: true,
        district: "XI".into(),
        local: ["3", "1", "4", "2"].map(String::from).to_vec(),
        citywide: ["15", "4", "9", "1", "12"].map(String::from).to_vec(),
        cast_date: date(2014, 9, 27 + (n % 4) as u32),
        marks: Vec::new(),
    }
}
