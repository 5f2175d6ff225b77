//! The card's parts: required in 2014, optional in another edition; unknown
//! or blank districts, picks past the last rubric, no signature required.

use super::*;

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
