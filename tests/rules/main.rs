//! The card rules of DESIGN §2, tested through `urna::card::assess`.
//!
//! Three layers:
//! 1. a table: one valid 2014 card and, for every reason code the rules can
//!    produce, a near-identical card that produces exactly that reason;
//! 2. specific cases: short districts (XI), how districts and project ids may be
//!    typed, the 16th birthday, the voting window, optional parts;
//! 3. a property test that builds random cards by construction, breaking each
//!    rule independently, and checks that the reasons are exactly the ones
//!    broken and that a valid card's points are picks, picks-1, … in slot order.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

use chrono::{Days, Months, NaiveDate};
use proptest::prelude::*;
use urna::card::{Assessment, Pick, RawCard, Reason, RuleOptions, assess};
use urna::edition::roman::to_roman;
use urna::edition::{Ballot, Edition};
use urna::pesel::{Sex, check_digit, synthesize};

mod age_pesel_and_window;
mod card_plans;
mod defect_table;
mod districts_and_ids;
mod parts;

const KRAKOW_2014_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);

static KRAKOW_2014: LazyLock<Edition> = LazyLock::new(|| {
    Edition::load(Path::new(KRAKOW_2014_PATH)).expect("the bundled 2014 edition loads")
});

/// The 2014 edition with later-style project codes instead of digits
/// (`bo.d11.3`, `BO.M.7/14`), so that ids compared without case matter.
static KRAKOW_2014_CODES: LazyLock<Edition> = LazyLock::new(|| {
    let mut e = KRAKOW_2014.clone();
    for p in &mut e.citywide.projects {
        p.id = format!("BO.M.{}/14", p.id);
    }
    for d in &mut e.districts {
        let n = d.number;
        for p in &mut d.list.projects {
            p.id = format!("bo.d{n}.{}", p.id);
        }
    }
    // Through the parser, so the rewritten edition is known to be a valid one.
    Edition::parse(&e.to_toml(), "krakow-2014-codes").expect("the coded edition is valid")
});

/// A later-style edition: 3 picks, each part optional. District XI has only two
/// projects; ids are codes.
const OPTIONAL_TOML: &str = r#"[edition]
id = "test-optional"
name = "Both parts optional"
voting_start = 2019-09-20
voting_end = 2019-09-30
min_age = 16

[ballot]
picks = 3
require_local = false
require_citywide = false

[citywide]
projects = [
  { id = "BO.OM.1/19", title = "A" },
  { id = "BO.OM.2/19", title = "B" },
  { id = "BO.OM.3/19", title = "C" },
  { id = "BO.OM.4/19", title = "D" },
]

[[district]]
number = 1
name = "Stare Miasto"
projects = [
  { id = "BO.D1.1/19", title = "E" },
  { id = "BO.D1.2/19", title = "F" },
  { id = "BO.D1.3/19", title = "G" },
  { id = "BO.D1.4/19", title = "H" },
  { id = "BO.D1.5/19", title = "I" },
]

[[district]]
number = 11
name = "Podgórze Duchackie"
projects = [
  { id = "BO.D11.1/19", title = "J" },
  { id = "BO.D11.2/19", title = "K" },
]
"#;

static OPTIONAL: LazyLock<Edition> = LazyLock::new(|| {
    let e = Edition::parse(OPTIONAL_TOML, "optional.toml").expect("the optional edition is valid");
    assert!(!e.ballot.require_local && !e.ballot.require_citywide);
    assert_eq!((e.ballot.local_picks, e.ballot.citywide_picks), (3, 3));
    e
});

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn pesel_born(birth: NaiveDate) -> String {
    synthesize(birth, 123, Sex::Female).expect("birth year within the PESEL range")
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

/// A valid 2014 card: district I, local 1..5, city-wide 1..5.
fn valid_2014_card() -> RawCard {
    RawCard {
        first_name: "Anna".into(),
        last_name: "Kowalska".into(),
        address: "ul. Długa 1, 31-147 Kraków".into(),
        pesel: pesel_born(day(1980, 5, 14)),
        signed: true,
        district: "I".into(),
        local: strings(&["1", "2", "3", "4", "5"]),
        citywide: strings(&["1", "2", "3", "4", "5"]),
        cast_date: day(2014, 9, 30),
        marks: Vec::new(),
    }
}

/// A valid card for [`OPTIONAL`], both parts filled.
fn valid_optional_card() -> RawCard {
    RawCard {
        first_name: "Jan".into(),
        last_name: "Nowak".into(),
        address: "os. Zielone 3, Kraków".into(),
        pesel: pesel_born(day(1970, 1, 2)),
        signed: true,
        district: "I".into(),
        local: strings(&["BO.D1.1/19", "BO.D1.2/19", "BO.D1.3/19"]),
        citywide: strings(&["BO.OM.1/19", "BO.OM.2/19", "BO.OM.3/19"]),
        cast_date: day(2019, 9, 25),
        marks: Vec::new(),
    }
}

fn check(edition: &Edition, card: &RawCard) -> Assessment {
    assess(edition, card, RuleOptions::default())
}

fn reasons(edition: &Edition, card: &RawCard) -> Vec<Reason> {
    check(edition, card).reasons
}

fn points(picks: &[Pick]) -> Vec<(&str, u32)> {
    picks
        .iter()
        .map(|p| (p.project.as_str(), p.points))
        .collect()
}

// ---------------------------------------------------------------------------
// 2. Specific cases
// ---------------------------------------------------------------------------

fn xi_card(district: &str, local: &[&str]) -> RawCard {
    RawCard {
        district: district.into(),
        local: strings(local),
        ..valid_2014_card()
    }
}

/// The first ten digits with the check digit they require.
fn with_check_digit(head: &str) -> String {
    let mut digits = [0u8; 11];
    for (slot, b) in digits.iter_mut().zip(head.bytes()) {
        *slot = b - b'0';
    }
    format!("{head}{}", check_digit(&digits))
}
