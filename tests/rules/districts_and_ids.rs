//! Short districts (XI), and how districts and project ids may be typed.

use super::*;

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
