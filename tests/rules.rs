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
// 1. One defect, one reason
// ---------------------------------------------------------------------------

type Edit = fn(&mut RawCard);

fn case(reason: Reason, edit: Edit) -> (Reason, Edit) {
    (reason, edit)
}

/// For each reason the rules produce, a change of one rubric of
/// [`valid_2014_card`] that produces exactly that reason. None of them needs a
/// second reason: a blank or unknown district with five distinct ids in the
/// slots is complete (the expected count is then `local_picks` = 5).
fn one_defect_cases() -> Vec<(Reason, Edit)> {
    vec![
        case(Reason::MissingFirstName, |c| c.first_name = " \t ".into()),
        case(Reason::MissingLastName, |c| c.last_name = String::new()),
        case(Reason::MissingAddress, |c| c.address = "   ".into()),
        case(Reason::MissingPesel, |c| c.pesel = " - ".into()),
        case(Reason::PeselInvalid, |c| {
            // The base card's number with a wrong check digit.
            let mut p = pesel_born(day(1980, 5, 14));
            let last = p.pop().and_then(|d| d.to_digit(10)).expect("digit");
            p.push(char::from_digit((last + 1) % 10, 10).expect("digit"));
            c.pesel = p;
        }),
        case(Reason::Underage, |c| c.pesel = pesel_born(day(2000, 1, 1))),
        case(Reason::OutsideWindow, |c| c.cast_date = day(2014, 10, 6)),
        case(Reason::MissingSignature, |c| c.signed = false),
        case(Reason::NoDistrict, |c| c.district = " ".into()),
        case(Reason::UnknownDistrict, |c| c.district = "XIX".into()),
        case(Reason::LocalIncomplete, |c| c.local[4] = String::new()),
        case(Reason::LocalDuplicate, |c| c.local[4] = "01".into()),
        case(Reason::LocalUnknownProject, |c| c.local[4] = "99".into()),
        case(Reason::CitywideIncomplete, |c| {
            c.citywide.pop();
        }),
        case(Reason::CitywideDuplicate, |c| c.citywide[2] = " 1 ".into()),
        case(Reason::CitywideUnknownProject, |c| {
            c.citywide[0] = "16".into()
        }),
        case(Reason::Illegible, |c| c.marks = vec![Reason::Illegible]),
        case(Reason::WrongRubric, |c| c.marks = vec![Reason::WrongRubric]),
    ]
}

#[test]
fn the_base_card_is_valid() {
    let a = check(&KRAKOW_2014, &valid_2014_card());
    assert!(a.is_valid(), "{:?}", a.reasons);
    assert_eq!(a.district, Some(1));
    let five = [("1", 5), ("2", 4), ("3", 3), ("4", 2), ("5", 1)];
    assert_eq!(points(&a.local), five);
    assert_eq!(points(&a.citywide), five);
}

#[test]
fn each_defect_gives_exactly_its_reason() {
    for (reason, edit) in one_defect_cases() {
        let mut card = valid_2014_card();
        edit(&mut card);
        let a = check(&KRAKOW_2014, &card);
        assert_eq!(a.reasons, vec![reason], "card {card:?}");
        assert!(!a.is_valid());
        assert!(
            a.local.is_empty() && a.citywide.is_empty(),
            "{reason}: {a:?}"
        );
    }
}

#[test]
fn the_table_covers_every_code_but_the_tallys_verdicts() {
    let produced: BTreeSet<Reason> = one_defect_cases()
        .into_iter()
        .flat_map(|(_, edit)| {
            let mut card = valid_2014_card();
            edit(&mut card);
            reasons(&KRAKOW_2014, &card)
        })
        .collect();
    let wanted: BTreeSet<Reason> = Reason::ALL
        .into_iter()
        // `multiple_votes` and `annulled` are the central tally's verdicts.
        .filter(|r| !matches!(r, Reason::MultipleVotes | Reason::Annulled))
        .collect();
    assert_eq!(produced, wanted);
}

#[test]
fn multiple_votes_is_never_set_by_the_rules() {
    let mut card = valid_2014_card();
    card.marks = vec![Reason::MultipleVotes];
    let a = check(&KRAKOW_2014, &card);
    assert!(a.is_valid(), "{:?}", a.reasons);
    assert_eq!(a.local.len(), 5);

    card.marks = vec![Reason::MultipleVotes, Reason::Illegible, Reason::Illegible];
    assert_eq!(reasons(&KRAKOW_2014, &card), vec![Reason::Illegible]);

    // Every defect at once still does not produce it.
    let mut all = valid_2014_card();
    for (_, edit) in one_defect_cases() {
        edit(&mut all);
    }
    all.marks.push(Reason::MultipleVotes);
    assert!(!reasons(&KRAKOW_2014, &all).contains(&Reason::MultipleVotes));
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

#[test]
fn district_xi_has_four_projects_worth_5_4_3_2() {
    let four = [("1", 5), ("2", 4), ("3", 3), ("4", 2)];
    // The printed card has five slots; the fifth stays blank.
    for slots in [&["1", "2", "3", "4", ""][..], &["1", "2", "3", "4"][..]] {
        let a = check(&KRAKOW_2014, &xi_card("XI", slots));
        assert!(a.is_valid(), "{slots:?}: {:?}", a.reasons);
        assert_eq!(a.district, Some(11));
        assert_eq!(points(&a.local), four);
        assert_eq!(a.local.iter().map(|p| p.points).sum::<u32>(), 14);
    }
    // Slot order decides the points.
    let a = check(&KRAKOW_2014, &xi_card("XI", &["3", "1", "4", "2", ""]));
    assert_eq!(points(&a.local), [("3", 5), ("1", 4), ("4", 3), ("2", 2)]);
}

#[test]
fn district_xi_may_be_typed_several_ways() {
    for typed in ["XI", "xi", "Xi", "11", " 11 ", "011", "\txi "] {
        let a = check(&KRAKOW_2014, &xi_card(typed, &["4", "3", "2", "1", ""]));
        assert!(a.is_valid(), "{typed:?}: {:?}", a.reasons);
        assert_eq!(a.district, Some(11), "{typed:?}");
    }
    for typed in ["XIX", "19", "0", "IIII", "X1", "11a", "XVIIII"] {
        let a = check(&KRAKOW_2014, &xi_card(typed, &["1", "2", "3", "4", "5"]));
        assert_eq!(a.reasons, vec![Reason::UnknownDistrict], "{typed:?}");
        assert_eq!(a.district, None, "{typed:?}");
    }
}

#[test]
fn district_xi_with_a_fifth_slot_filled_is_invalid() {
    // XI has only four projects: a fifth filled slot is either unknown or a repeat.
    let a = check(&KRAKOW_2014, &xi_card("XI", &["1", "2", "3", "4", "5"]));
    assert_eq!(a.reasons, vec![Reason::LocalUnknownProject]);
    assert!(a.local.is_empty());
    assert_eq!(a.district, Some(11));
    let a = check(&KRAKOW_2014, &xi_card("XI", &["1", "2", "3", "4", "01"]));
    assert_eq!(a.reasons, vec![Reason::LocalDuplicate]);
    // Four slots expected: a blank among the first four is incomplete even if
    // the fifth is filled.
    let a = check(&KRAKOW_2014, &xi_card("XI", &["1", "2", "", "4", "3"]));
    assert_eq!(a.reasons, vec![Reason::LocalIncomplete]);
    let a = check(&KRAKOW_2014, &xi_card("XI", &["1", "2", "3"]));
    assert_eq!(a.reasons, vec![Reason::LocalIncomplete]);
}

#[test]
fn ids_ignore_spaces_and_leading_zeros() {
    let card = RawCard {
        local: strings(&[" 01", "002 ", "3", " 4 ", "0005"]),
        citywide: strings(&["15", " 014", "0013 ", "\t12", "011"]),
        ..valid_2014_card()
    };
    let a = check(&KRAKOW_2014, &card);
    assert!(a.is_valid(), "{:?}", a.reasons);
    // Picks carry the id as the edition spells it.
    assert_eq!(
        points(&a.local),
        [("1", 5), ("2", 4), ("3", 3), ("4", 2), ("5", 1)]
    );
    assert_eq!(
        points(&a.citywide),
        [("15", 5), ("14", 4), ("13", 3), ("12", 2), ("11", 1)]
    );

    // "07" and "7" are the same project.
    let card = RawCard {
        local: strings(&["7", "2", "3", "07", "5"]),
        ..valid_2014_card()
    };
    assert_eq!(reasons(&KRAKOW_2014, &card), vec![Reason::LocalDuplicate]);
    let card = RawCard {
        citywide: strings(&[" 9 ", "2", "009", "4", "5"]),
        ..valid_2014_card()
    };
    assert_eq!(
        reasons(&KRAKOW_2014, &card),
        vec![Reason::CitywideDuplicate]
    );
    // "0" is not project "10" and not any project.
    let card = RawCard {
        local: strings(&["1", "2", "3", "4", "0"]),
        ..valid_2014_card()
    };
    assert_eq!(
        reasons(&KRAKOW_2014, &card),
        vec![Reason::LocalUnknownProject]
    );
}

#[test]
fn code_ids_compare_without_case() {
    let card = RawCard {
        district: "i".into(),
        local: strings(&[" bo.d1.5/19", "Bo.D1.4/19 ", "BO.D1.3/19"]),
        citywide: strings(&["bo.om.4/19", "BO.OM.3/19", "bo.OM.2/19"]),
        ..valid_optional_card()
    };
    let a = check(&OPTIONAL, &card);
    assert!(a.is_valid(), "{:?}", a.reasons);
    assert_eq!(
        points(&a.local),
        [("BO.D1.5/19", 3), ("BO.D1.4/19", 2), ("BO.D1.3/19", 1)]
    );
    assert_eq!(
        points(&a.citywide),
        [("BO.OM.4/19", 3), ("BO.OM.3/19", 2), ("BO.OM.2/19", 1)]
    );

    let card = RawCard {
        citywide: strings(&["bo.om.1/19", "BO.OM.2/19", "BO.OM.1/19"]),
        ..valid_optional_card()
    };
    assert_eq!(reasons(&OPTIONAL, &card), vec![Reason::CitywideDuplicate]);
    let card = RawCard {
        local: strings(&["BO.D1.1/19", "BO.D11.1/19", "BO.D1.3/19"]),
        ..valid_optional_card()
    };
    assert_eq!(reasons(&OPTIONAL, &card), vec![Reason::LocalUnknownProject]);
}

#[test]
fn sixteenth_birthday_on_the_cast_date_may_vote() {
    for cast in [day(2014, 9, 27), day(2014, 10, 1), day(2014, 10, 5)] {
        let sixteen = cast.checked_sub_months(Months::new(16 * 12)).expect("date");
        let card = RawCard {
            pesel: pesel_born(sixteen),
            cast_date: cast,
            ..valid_2014_card()
        };
        assert!(
            check(&KRAKOW_2014, &card).is_valid(),
            "born {sixteen}, cast {cast}"
        );
        let a_day_later = sixteen + Days::new(1);
        let card = RawCard {
            pesel: pesel_born(a_day_later),
            cast_date: cast,
            ..valid_2014_card()
        };
        assert_eq!(
            reasons(&KRAKOW_2014, &card),
            vec![Reason::Underage],
            "born {a_day_later}, cast {cast}"
        );
    }
    // DESIGN's own example.
    let card = RawCard {
        pesel: pesel_born(day(1998, 9, 27)),
        cast_date: day(2014, 9, 27),
        ..valid_2014_card()
    };
    assert!(check(&KRAKOW_2014, &card).is_valid());
    // Born after the cast date: underage, not an invalid PESEL.
    for birth in [day(2014, 10, 1), day(2020, 1, 1), day(2150, 6, 1)] {
        let card = RawCard {
            pesel: pesel_born(birth),
            ..valid_2014_card()
        };
        assert_eq!(
            reasons(&KRAKOW_2014, &card),
            vec![Reason::Underage],
            "{birth}"
        );
    }
}

#[test]
fn pesel_defects() {
    let good = pesel_born(day(1980, 5, 14));
    for typed in [
        format!("{}-{}", &good[..6], &good[6..]),
        format!(" {} {} {} ", &good[..4], &good[4..8], &good[8..]),
    ] {
        let card = RawCard {
            pesel: typed.clone(),
            ..valid_2014_card()
        };
        assert!(check(&KRAKOW_2014, &card).is_valid(), "{typed:?}");
    }
    for blank in ["", "   ", "-", " - - ", "\t"] {
        let card = RawCard {
            pesel: blank.into(),
            ..valid_2014_card()
        };
        assert_eq!(
            reasons(&KRAKOW_2014, &card),
            vec![Reason::MissingPesel],
            "{blank:?}"
        );
    }
    let mut bad = vec![
        good[..10].to_string(),     // 10 digits
        format!("{good}0"),         // 12 digits
        format!("A{}", &good[1..]), // a letter
        format!("{}O", &good[..10]),
        "00000000000".to_string(), // no such date
    ];
    for head in ["9913010001", "9904310001", "9902290001", "9933010001"] {
        bad.push(with_check_digit(head)); // impossible dates, right check digit
    }
    for typed in bad {
        let card = RawCard {
            pesel: typed.clone(),
            ..valid_2014_card()
        };
        assert_eq!(
            reasons(&KRAKOW_2014, &card),
            vec![Reason::PeselInvalid],
            "{typed:?}"
        );
    }
}

#[test]
fn voting_window_is_inclusive() {
    let on = |cast: NaiveDate, check_window: bool| {
        let card = RawCard {
            cast_date: cast,
            ..valid_2014_card()
        };
        assess(&KRAKOW_2014, &card, RuleOptions { check_window }).reasons
    };
    for inside in [day(2014, 9, 27), day(2014, 10, 1), day(2014, 10, 5)] {
        assert_eq!(on(inside, true), vec![], "{inside}");
    }
    for outside in [day(2014, 9, 26), day(2014, 10, 6), day(2013, 9, 30)] {
        assert_eq!(on(outside, true), vec![Reason::OutsideWindow], "{outside}");
        assert_eq!(on(outside, false), vec![], "{outside}");
    }
}

#[test]
fn required_parts_of_2014() {
    let only_citywide = RawCard {
        district: String::new(),
        local: vec![String::new(); 5],
        ..valid_2014_card()
    };
    assert_eq!(
        reasons(&KRAKOW_2014, &only_citywide),
        vec![Reason::NoDistrict, Reason::LocalIncomplete]
    );
    let only_local = RawCard {
        citywide: Vec::new(),
        ..valid_2014_card()
    };
    assert_eq!(
        reasons(&KRAKOW_2014, &only_local),
        vec![Reason::CitywideIncomplete]
    );
    let nothing = RawCard {
        district: " ".into(),
        local: Vec::new(),
        citywide: vec![" ".into(); 5],
        ..valid_2014_card()
    };
    let a = check(&KRAKOW_2014, &nothing);
    assert_eq!(
        a.reasons,
        vec![
            Reason::NoDistrict,
            Reason::LocalIncomplete,
            Reason::CitywideIncomplete
        ]
    );
    assert_eq!(a.district, None);
    // A district with no projects chosen is a started, incomplete local part.
    let district_only = RawCard {
        local: Vec::new(),
        ..valid_2014_card()
    };
    let a = check(&KRAKOW_2014, &district_only);
    assert_eq!(a.reasons, vec![Reason::LocalIncomplete]);
    assert_eq!(a.district, Some(1));
}

#[test]
fn unknown_or_blank_district_interactions() {
    // Unknown district: five slots are expected and project ids cannot be checked.
    let card = xi_card("XX", &["1", "2", "3", "4"]);
    assert_eq!(
        reasons(&KRAKOW_2014, &card),
        vec![Reason::UnknownDistrict, Reason::LocalIncomplete]
    );
    let card = xi_card("XX", &["91", "92", "93", "94", "abc"]);
    assert_eq!(reasons(&KRAKOW_2014, &card), vec![Reason::UnknownDistrict]);
    // Blank district: repeats are still seen.
    let card = xi_card("", &["1", "2", "3", "4", "004"]);
    assert_eq!(
        reasons(&KRAKOW_2014, &card),
        vec![Reason::NoDistrict, Reason::LocalDuplicate]
    );
    let card = xi_card("", &["", "", "7", "", ""]);
    assert_eq!(
        reasons(&KRAKOW_2014, &card),
        vec![Reason::NoDistrict, Reason::LocalIncomplete]
    );
}

#[test]
fn invalid_card_gives_no_points_but_keeps_the_district() {
    let card = RawCard {
        district: "xi".into(),
        local: strings(&["1", "2", "3", "4", ""]),
        signed: false,
        ..valid_2014_card()
    };
    let a = check(&KRAKOW_2014, &card);
    assert_eq!(a.reasons, vec![Reason::MissingSignature]);
    assert_eq!(a.district, Some(11));
    assert!(a.local.is_empty() && a.citywide.is_empty());
}

#[test]
fn optional_parts_alone_are_valid() {
    let only_local = RawCard {
        citywide: Vec::new(),
        ..valid_optional_card()
    };
    let a = check(&OPTIONAL, &only_local);
    assert!(a.is_valid(), "{:?}", a.reasons);
    assert_eq!(a.district, Some(1));
    assert_eq!(
        points(&a.local),
        [("BO.D1.1/19", 3), ("BO.D1.2/19", 2), ("BO.D1.3/19", 1)]
    );
    assert!(a.citywide.is_empty());
    let blank_citywide = RawCard {
        citywide: vec![" ".into(); 3],
        ..only_local
    };
    assert!(check(&OPTIONAL, &blank_citywide).is_valid());

    let only_citywide = RawCard {
        district: String::new(),
        local: vec![String::new(); 3],
        ..valid_optional_card()
    };
    let a = check(&OPTIONAL, &only_citywide);
    assert!(a.is_valid(), "{:?}", a.reasons);
    assert_eq!(a.district, None);
    assert!(a.local.is_empty());
    assert_eq!(
        points(&a.citywide),
        [("BO.OM.1/19", 3), ("BO.OM.2/19", 2), ("BO.OM.3/19", 1)]
    );

    // A district shorter than the picks: all of it, points from 3 down.
    let short = RawCard {
        district: "XI".into(),
        local: strings(&["BO.D11.2/19", "BO.D11.1/19", ""]),
        citywide: Vec::new(),
        ..valid_optional_card()
    };
    let a = check(&OPTIONAL, &short);
    assert!(a.is_valid(), "{:?}", a.reasons);
    assert_eq!(points(&a.local), [("BO.D11.2/19", 3), ("BO.D11.1/19", 2)]);
}

#[test]
fn optional_parts_both_empty_is_invalid() {
    for (district, local, citywide) in [
        ("", vec![], vec![]),
        (" ", vec![String::new(); 3], vec!["  ".to_string(); 3]),
    ] {
        let nothing = RawCard {
            district: district.into(),
            local,
            citywide,
            ..valid_optional_card()
        };
        // Not no_district: the local part is not required.
        assert_eq!(
            reasons(&OPTIONAL, &nothing),
            vec![Reason::LocalIncomplete, Reason::CitywideIncomplete]
        );
    }
}

#[test]
fn optional_part_started_but_incomplete_is_invalid() {
    let local_short = RawCard {
        local: strings(&["BO.D1.1/19", "", "BO.D1.3/19"]),
        citywide: Vec::new(),
        ..valid_optional_card()
    };
    assert_eq!(
        reasons(&OPTIONAL, &local_short),
        vec![Reason::LocalIncomplete]
    );
    let district_only = RawCard {
        local: Vec::new(),
        citywide: Vec::new(),
        ..valid_optional_card()
    };
    assert_eq!(
        reasons(&OPTIONAL, &district_only),
        vec![Reason::LocalIncomplete]
    );
    let slots_without_district = RawCard {
        district: String::new(),
        ..valid_optional_card()
    };
    assert_eq!(
        reasons(&OPTIONAL, &slots_without_district),
        vec![Reason::NoDistrict]
    );
    let citywide_short = RawCard {
        district: String::new(),
        local: Vec::new(),
        citywide: strings(&["BO.OM.1/19", "BO.OM.2/19"]),
        ..valid_optional_card()
    };
    assert_eq!(
        reasons(&OPTIONAL, &citywide_short),
        vec![Reason::CitywideIncomplete]
    );
}

#[test]
fn picks_past_the_last_rubric_are_never_dropped() {
    // A paper card has no sixth rubric; data beyond it (only possible through
    // the API, the CSV reader rejects such rows) makes the card wrong_rubric
    // instead of being silently ignored.
    let mut card = valid_2014_card();
    card.local.push("6".into());
    assert_eq!(reasons(&KRAKOW_2014, &card), vec![Reason::WrongRubric]);
    let mut card = valid_2014_card();
    card.citywide.push("6".into());
    assert_eq!(reasons(&KRAKOW_2014, &card), vec![Reason::WrongRubric]);
    // A blank sixth place is just an empty string, not data.
    let mut card = valid_2014_card();
    card.citywide.push(" ".into());
    assert!(check(&KRAKOW_2014, &card).is_valid());
}

#[test]
fn signature_not_required() {
    let e = Edition::parse(
        &OPTIONAL_TOML.replace(
            "require_citywide = false",
            "require_citywide = false\nrequire_signature = false",
        ),
        "unsigned.toml",
    )
    .expect("valid edition");
    let card = RawCard {
        signed: false,
        ..valid_optional_card()
    };
    assert!(check(&e, &card).is_valid());
    assert_eq!(reasons(&OPTIONAL, &card), vec![Reason::MissingSignature]);
}

// ---------------------------------------------------------------------------
// 3. Random cards built by construction
// ---------------------------------------------------------------------------

/// The first ten digits with the check digit they require.
fn with_check_digit(head: &str) -> String {
    let mut digits = [0u8; 11];
    for (slot, b) in digits.iter_mut().zip(head.bytes()) {
        *slot = b - b'0';
    }
    format!("{head}{}", check_digit(&digits))
}

/// Indices `0..n` in an order given by random keys.
fn permutation(n: usize, keys: &[u16]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (keys[i % keys.len()], i));
    order
}

/// One way of typing an id that still names the same project.
fn typed_id(id: &str, style: u8) -> String {
    let numeric = id.bytes().all(|b| b.is_ascii_digit());
    match style % 4 {
        0 => id.to_string(),
        1 => format!(" {id} "),
        2 if numeric => format!("0{id}"),
        2 => id.to_uppercase(),
        _ if numeric => format!("00{id}\t"),
        _ => format!("{} ", id.to_lowercase()),
    }
}

const BLANKS: [&str; 3] = ["", " ", " \t "];
/// Ids that are in no list of either 2014 edition.
const UNKNOWN_IDS: [&str; 6] = ["99", "0", "X7", "1a", "bo.d99.1", "BO.M.99/14"];
/// Districts that are not in the 2014 edition (or not a district at all).
const UNKNOWN_DISTRICTS: [&str; 8] = ["XIX", "19", "0", "IIII", "XX", "abc", "99", "XI1"];
const NAMES: [&str; 4] = ["Zofia", "Łukasz", "Ewa Maria", "O'Neil"];
/// First ten digits encoding no real date.
const NO_SUCH_DATE: [&str; 7] = [
    "9913010001", // month 13
    "9900010001", // month 00
    "9901000001", // day 00
    "9904310001", // 31 April
    "9933010001", // month 33: no century
    "9902290001", // 1999 is not a leap year
    "0142300001", // 30 February 2101
];

#[derive(Debug, Clone)]
struct EditionPlan {
    code_ids: bool,
    local_picks: u32,
    citywide_picks: u32,
    require_local: bool,
    require_citywide: bool,
    require_signature: bool,
}

impl EditionPlan {
    fn build(&self) -> Edition {
        let mut e = if self.code_ids {
            KRAKOW_2014_CODES.clone()
        } else {
            KRAKOW_2014.clone()
        };
        e.ballot = Ballot {
            local_picks: self.local_picks,
            citywide_picks: self.citywide_picks,
            require_local: self.require_local,
            require_citywide: self.require_citywide,
            require_signature: self.require_signature,
            tie_break: e.ballot.tie_break,
        };
        e
    }
}

#[derive(Debug, Clone, Copy)]
enum PeselKind {
    Adult,
    Underage,
    Blank,
    TooShort,
    TooLong,
    Letter,
    WrongCheckDigit,
    NoSuchDate,
}

#[derive(Debug, Clone)]
struct PeselPlan {
    kind: PeselKind,
    /// Adult: full years on the cast date, at least 16.
    years: u32,
    /// Adult: days further back than `years`.
    extra_days: u64,
    /// Underage: days after the 16th-birthday-on-the-cast-date (may be after
    /// the cast date).
    young_days: u64,
    serial: u16,
    male: bool,
    style: u8,
    pick: usize,
}

impl PeselPlan {
    /// The typed PESEL and the reason it must give.
    fn build(&self, cast: NaiveDate) -> (String, Option<Reason>) {
        let sex = if self.male { Sex::Male } else { Sex::Female };
        let sixteen = cast.checked_sub_months(Months::new(16 * 12)).expect("date");
        let adult_birth = cast
            .checked_sub_months(Months::new(self.years * 12))
            .expect("date")
            - Days::new(self.extra_days);
        let adult = synthesize(adult_birth, self.serial, sex).expect("in range");
        let style = |p: String| -> String {
            match self.style % 4 {
                0 => p,
                1 if p.len() > 6 => format!("{}-{}", &p[..6], &p[6..]),
                2 if p.len() > 9 => {
                    format!(" {} {} {} {} ", &p[..3], &p[3..6], &p[6..9], &p[9..])
                }
                _ => format!("\t{p} "),
            }
        };
        match self.kind {
            PeselKind::Adult => (style(adult), None),
            PeselKind::Underage => {
                let birth = sixteen + Days::new(self.young_days);
                let p = synthesize(birth, self.serial, sex).expect("in range");
                (style(p), Some(Reason::Underage))
            }
            PeselKind::Blank => {
                let blank = ["", " ", " - ", "--", "\t", "- -"][self.pick % 6];
                (blank.to_string(), Some(Reason::MissingPesel))
            }
            PeselKind::TooShort => (
                style(adult[..10 - self.pick % 3].to_string()),
                Some(Reason::PeselInvalid),
            ),
            PeselKind::TooLong => (
                style(format!("{adult}{}", self.pick % 10)),
                Some(Reason::PeselInvalid),
            ),
            PeselKind::Letter => {
                let at = self.pick % 11;
                let letter = ['A', 'x', 'O', '#', 'l'][self.pick % 5];
                let p: String = adult
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i == at { letter } else { c })
                    .collect();
                (style(p), Some(Reason::PeselInvalid))
            }
            PeselKind::WrongCheckDigit => {
                let mut p = adult;
                let last = p.pop().and_then(|c| c.to_digit(10)).expect("digit");
                let wrong = (last + 1 + (self.pick % 9) as u32) % 10;
                p.push(char::from_digit(wrong, 10).expect("digit"));
                (style(p), Some(Reason::PeselInvalid))
            }
            PeselKind::NoSuchDate => (
                style(with_check_digit(
                    NO_SUCH_DATE[self.pick % NO_SUCH_DATE.len()],
                )),
                Some(Reason::PeselInvalid),
            ),
        }
    }
}

#[derive(Debug, Clone)]
enum DistrictPlan {
    Known { number: u32, style: u8 },
    Blank { style: usize },
    Unknown { pick: usize },
}

impl DistrictPlan {
    fn typed(&self) -> String {
        match self {
            DistrictPlan::Known { number, style } => match style % 4 {
                0 => to_roman(*number),
                1 => to_roman(*number).to_lowercase(),
                2 => number.to_string(),
                _ => format!(" 0{number} "),
            },
            DistrictPlan::Blank { style } => BLANKS[style % BLANKS.len()].to_string(),
            DistrictPlan::Unknown { pick } => {
                UNKNOWN_DISTRICTS[pick % UNKNOWN_DISTRICTS.len()].to_string()
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Incomplete {
    No,
    /// One of the expected slots left blank.
    BlankSlot,
    /// The last expected slot missing altogether.
    DropLast,
}

#[derive(Debug, Clone)]
struct PartPlan {
    /// Anything written in this part at all.
    present: bool,
    incomplete: Incomplete,
    duplicate: bool,
    unknown: bool,
    /// Shuffles the project list.
    order: Vec<u16>,
    /// Shuffles which slots the defects hit.
    positions: Vec<u16>,
    /// How each id is typed.
    styles: Vec<u8>,
    dup_style: u8,
    unknown_pick: usize,
    /// Pad with blank slots up to the number printed on the card.
    pad: bool,
    blank_style: usize,
}

/// The slots of one part and what is wrong with them by construction.
#[derive(Debug)]
struct BuiltPart {
    slots: Vec<String>,
    incomplete: bool,
    duplicate: bool,
    /// An unknown id was written (a reason only when the list is known).
    unknown: bool,
    /// The ids, as the edition spells them, in slot order (when no defect).
    chosen: Vec<String>,
}

impl PartPlan {
    /// `pool`: the ids to choose from; `expected`: how many slots must be
    /// filled; `printed`: how many slots the card has.
    fn build(&self, pool: &[String], expected: usize, printed: usize) -> BuiltPart {
        let blank = BLANKS[self.blank_style % BLANKS.len()].to_string();
        if !self.present {
            let slots = if self.pad {
                vec![blank; printed]
            } else {
                Vec::new()
            };
            return BuiltPart {
                slots,
                incomplete: false,
                duplicate: false,
                unknown: false,
                chosen: Vec::new(),
            };
        }
        assert!(pool.len() >= expected && expected >= 3, "test set-up");
        let ids: Vec<String> = permutation(pool.len(), &self.order)
            .into_iter()
            .take(expected)
            .map(|i| pool[i].clone())
            .collect();
        let mut slots: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| typed_id(id, self.styles[i % self.styles.len()]))
            .collect();
        let mut built = BuiltPart {
            slots: Vec::new(),
            incomplete: false,
            duplicate: false,
            unknown: false,
            chosen: ids.clone(),
        };
        if let Incomplete::DropLast = self.incomplete {
            slots.pop();
            built.incomplete = true;
        }
        // Each defect takes slots of its own, so they never mask one another.
        let mut free = permutation(slots.len(), &self.positions).into_iter();
        if self.duplicate
            && let (Some(source), Some(target)) = (free.next(), free.next())
        {
            slots[target] = typed_id(&ids[source], self.dup_style);
            built.duplicate = true;
        }
        if self.unknown
            && let Some(at) = free.next()
        {
            slots[at] = UNKNOWN_IDS[self.unknown_pick % UNKNOWN_IDS.len()].to_string();
            built.unknown = true;
        }
        if let Incomplete::BlankSlot = self.incomplete
            && let Some(at) = free.next()
        {
            slots[at] = blank.clone();
            built.incomplete = true;
        }
        if self.pad && !matches!(self.incomplete, Incomplete::DropLast) {
            slots.resize(printed.max(slots.len()), blank);
        }
        built.slots = slots;
        built
    }
}

#[derive(Debug, Clone)]
struct CardPlan {
    edition: EditionPlan,
    /// Blank first name, last name, address (with the blank style).
    blank_names: [Option<usize>; 3],
    names: [usize; 3],
    pesel: PeselPlan,
    inside_window: bool,
    after_window: bool,
    date_offset: u64,
    check_window: bool,
    signed: bool,
    district: DistrictPlan,
    local: PartPlan,
    citywide: PartPlan,
    marks: Vec<Reason>,
}

fn edition_plan() -> impl Strategy<Value = EditionPlan> {
    (
        any::<bool>(),
        prop::sample::select(vec![5u32, 3]),
        prop::sample::select(vec![5u32, 3]),
        prop::bool::weighted(0.7),
        prop::bool::weighted(0.7),
        prop::bool::weighted(0.8),
    )
        .prop_map(
            |(code_ids, local_picks, citywide_picks, require_local, require_citywide, sig)| {
                EditionPlan {
                    code_ids,
                    local_picks,
                    citywide_picks,
                    require_local,
                    require_citywide,
                    require_signature: sig,
                }
            },
        )
}

fn pesel_plan() -> impl Strategy<Value = PeselPlan> {
    let kind = prop_oneof![
        40 => Just(PeselKind::Adult),
        2 => Just(PeselKind::Underage),
        1 => Just(PeselKind::Blank),
        1 => Just(PeselKind::TooShort),
        1 => Just(PeselKind::TooLong),
        1 => Just(PeselKind::Letter),
        1 => Just(PeselKind::WrongCheckDigit),
        1 => Just(PeselKind::NoSuchDate),
    ];
    (
        kind,
        16u32..=95,
        0u64..=364,
        1u64..=7000,
        0u16..1000,
        any::<bool>(),
        0u8..4,
        0usize..1000,
    )
        .prop_map(
            |(kind, years, extra_days, young_days, serial, male, style, pick)| PeselPlan {
                kind,
                years,
                extra_days,
                young_days,
                serial,
                male,
                style,
                pick,
            },
        )
}

fn district_plan() -> impl Strategy<Value = DistrictPlan> {
    prop_oneof![
        8 => (1u32..=18, 0u8..4).prop_map(|(number, style)| DistrictPlan::Known { number, style }),
        4 => (0u8..4).prop_map(|style| DistrictPlan::Known { number: 11, style }),
        1 => (0usize..3).prop_map(|style| DistrictPlan::Blank { style }),
        1 => (0usize..8).prop_map(|pick| DistrictPlan::Unknown { pick }),
    ]
}

fn part_plan() -> impl Strategy<Value = PartPlan> {
    let incomplete = prop_oneof![
        16 => Just(Incomplete::No),
        1 => Just(Incomplete::BlankSlot),
        1 => Just(Incomplete::DropLast),
    ];
    (
        (
            // Overwritten by `card_plan`, which decides both parts together.
            Just(true),
            incomplete,
            prop::bool::weighted(0.08),
            prop::bool::weighted(0.08),
        ),
        (
            prop::collection::vec(any::<u16>(), 16),
            prop::collection::vec(any::<u16>(), 8),
            prop::collection::vec(0u8..4, 8),
        ),
        (0u8..4, 0usize..6, any::<bool>(), 0usize..3),
    )
        .prop_map(
            |(
                (present, incomplete, duplicate, unknown),
                (order, positions, styles),
                (dup_style, unknown_pick, pad, blank_style),
            )| PartPlan {
                present,
                incomplete,
                duplicate,
                unknown,
                order,
                positions,
                styles,
                dup_style,
                unknown_pick,
                pad,
                blank_style,
            },
        )
}

fn name_blank() -> impl Strategy<Value = Option<usize>> {
    prop_oneof![20 => Just(None), 1 => (0usize..3).prop_map(Some)]
}

fn card_plan() -> impl Strategy<Value = CardPlan> {
    (
        edition_plan(),
        (
            [name_blank(), name_blank(), name_blank()],
            [0usize..4, 0usize..4, 0usize..4],
        ),
        pesel_plan(),
        (
            prop::bool::weighted(0.9),
            any::<bool>(),
            0u64..400,
            prop::bool::weighted(0.8),
        ),
        prop::bool::weighted(0.93),
        district_plan(),
        // Which parts have anything written: (local, city-wide).
        (
            prop_oneof![
                16 => Just((true, true)),
                2 => Just((true, false)),
                2 => Just((false, true)),
                1 => Just((false, false)),
            ],
            part_plan(),
            part_plan(),
        ),
        prop_oneof![
            8 => Just(Vec::new()),
            1 => prop::collection::vec(
                prop::sample::select(vec![
                    Reason::Illegible,
                    Reason::WrongRubric,
                    Reason::MultipleVotes,
                ]),
                1..4,
            ),
        ],
    )
        .prop_map(
            |(
                edition,
                (blank_names, names),
                pesel,
                (inside_window, after_window, date_offset, check_window),
                signed,
                district,
                ((local_present, citywide_present), local, citywide),
                marks,
            )| CardPlan {
                edition,
                blank_names,
                names,
                pesel,
                inside_window,
                after_window,
                date_offset,
                check_window,
                signed,
                district,
                local: PartPlan {
                    present: local_present,
                    ..local
                },
                citywide: PartPlan {
                    present: citywide_present,
                    ..citywide
                },
                marks,
            },
        )
}

/// A card, the edition it is for, and what the rules must say about it.
struct Built {
    edition: Edition,
    card: RawCard,
    expected: BTreeSet<Reason>,
    district: Option<u32>,
    /// Canonical ids in slot order for a valid card.
    local: Vec<String>,
    citywide: Vec<String>,
}

fn build(plan: &CardPlan) -> Built {
    let edition = plan.edition.build();
    let ballot = edition.ballot;
    let mut expected = BTreeSet::new();

    let person: Vec<String> = plan
        .blank_names
        .iter()
        .zip(plan.names)
        .map(|(blank, name)| match blank {
            Some(style) => BLANKS[style % BLANKS.len()].to_string(),
            None => NAMES[name % NAMES.len()].to_string(),
        })
        .collect();
    for (blank, reason) in plan.blank_names.iter().zip([
        Reason::MissingFirstName,
        Reason::MissingLastName,
        Reason::MissingAddress,
    ]) {
        if blank.is_some() {
            expected.insert(reason);
        }
    }

    let window_days = (edition.voting_end - edition.voting_start).num_days() as u64;
    let cast_date = if plan.inside_window {
        edition.voting_start + Days::new(plan.date_offset % (window_days + 1))
    } else if plan.after_window {
        edition.voting_end + Days::new(1 + plan.date_offset)
    } else {
        edition.voting_start - Days::new(1 + plan.date_offset)
    };
    if plan.check_window && !plan.inside_window {
        expected.insert(Reason::OutsideWindow);
    }

    let (pesel, pesel_reason) = plan.pesel.build(cast_date);
    expected.extend(pesel_reason);

    if ballot.require_signature && !plan.signed {
        expected.insert(Reason::MissingSignature);
    }

    // Local part.
    let local_picks = ballot.local_picks as usize;
    let (district_typed, district, local) = if plan.local.present {
        match &plan.district {
            DistrictPlan::Known { number, .. } => {
                let list = &edition.district(*number).expect("a 2014 district").list;
                let pool: Vec<String> = list.projects.iter().map(|p| p.id.clone()).collect();
                let built = plan
                    .local
                    .build(&pool, local_picks.min(pool.len()), local_picks);
                if built.unknown {
                    expected.insert(Reason::LocalUnknownProject);
                }
                (plan.district.typed(), Some(*number), built)
            }
            unchecked => {
                expected.insert(match unchecked {
                    DistrictPlan::Blank { .. } => Reason::NoDistrict,
                    _ => Reason::UnknownDistrict,
                });
                // Without a known district nothing can be an unknown project,
                // and all `local_picks` slots are expected.
                let pool: Vec<String> = edition
                    .citywide
                    .projects
                    .iter()
                    .map(|p| p.id.clone())
                    .collect();
                let built = plan.local.build(&pool, local_picks, local_picks);
                (plan.district.typed(), None, built)
            }
        }
    } else {
        if ballot.require_local {
            expected.extend([Reason::NoDistrict, Reason::LocalIncomplete]);
        }
        let blank = DistrictPlan::Blank {
            style: plan.local.blank_style,
        };
        (blank.typed(), None, plan.local.build(&[], 0, local_picks))
    };
    if local.incomplete {
        expected.insert(Reason::LocalIncomplete);
    }
    if local.duplicate {
        expected.insert(Reason::LocalDuplicate);
    }

    // City-wide part.
    let citywide_picks = ballot.citywide_picks as usize;
    let pool: Vec<String> = edition
        .citywide
        .projects
        .iter()
        .map(|p| p.id.clone())
        .collect();
    let citywide = plan
        .citywide
        .build(&pool, citywide_picks.min(pool.len()), citywide_picks);
    if plan.citywide.present {
        for (flag, reason) in [
            (citywide.incomplete, Reason::CitywideIncomplete),
            (citywide.duplicate, Reason::CitywideDuplicate),
            (citywide.unknown, Reason::CitywideUnknownProject),
        ] {
            if flag {
                expected.insert(reason);
            }
        }
    } else if ballot.require_citywide {
        expected.insert(Reason::CitywideIncomplete);
    }

    // A card voting for nothing.
    if !plan.local.present && !plan.citywide.present {
        expected.extend([Reason::LocalIncomplete, Reason::CitywideIncomplete]);
    }

    for m in &plan.marks {
        if matches!(m, Reason::Illegible | Reason::WrongRubric) {
            expected.insert(*m);
        }
    }

    let card = RawCard {
        first_name: person[0].clone(),
        last_name: person[1].clone(),
        address: person[2].clone(),
        pesel,
        signed: plan.signed,
        district: district_typed,
        local: local.slots,
        citywide: citywide.slots,
        cast_date,
        marks: plan.marks.clone(),
    };
    Built {
        edition,
        card,
        expected,
        district,
        local: local.chosen,
        citywide: citywide.chosen,
    }
}

/// Checks the points of a valid part: picks, picks-1, … in slot order.
fn check_points(part: &[Pick], ids: &[String], picks: u32) -> Result<(), TestCaseError> {
    let want: Vec<(&str, u32)> = ids
        .iter()
        .zip((0..).map(|i| picks - i))
        .map(|(id, pts)| (id.as_str(), pts))
        .collect();
    prop_assert_eq!(points(part), want);
    let n = ids.len() as u32;
    let sum: u32 = part.iter().map(|p| p.points).sum();
    prop_assert_eq!(sum, n * picks - n * (n.saturating_sub(1)) / 2);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn random_cards_get_exactly_the_reasons_they_were_built_with(plan in card_plan()) {
        let b = build(&plan);
        for u in UNKNOWN_IDS {
            prop_assert!(b.edition.citywide.find(u).is_none(), "{u} must be unknown");
            for d in &b.edition.districts {
                prop_assert!(d.list.find(u).is_none(), "{u} must be unknown");
            }
        }
        // A present local part must count as started.
        if plan.local.present {
            prop_assert!(
                !b.card.district.trim().is_empty()
                    || b.card.local.iter().any(|s| !s.trim().is_empty())
            );
        }

        let options = RuleOptions { check_window: plan.check_window };
        let a = assess(&b.edition, &b.card, options);
        let got: BTreeSet<Reason> = a.reasons.iter().copied().collect();
        prop_assert_eq!(got.len(), a.reasons.len(), "reasons repeat: {:?}", a.reasons);
        prop_assert!(a.reasons.is_sorted(), "reasons not sorted: {:?}", a.reasons);
        prop_assert_eq!(&got, &b.expected, "card {:?}", b.card);
        prop_assert_eq!(a.is_valid(), b.expected.is_empty());
        prop_assert_eq!(a.district, b.district);

        if a.is_valid() {
            check_points(&a.local, &b.local, b.edition.ballot.local_picks)?;
            check_points(&a.citywide, &b.citywide, b.edition.ballot.citywide_picks)?;
        } else {
            prop_assert!(a.local.is_empty() && a.citywide.is_empty());
        }
    }
}
