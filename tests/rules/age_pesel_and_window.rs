//! The 16th birthday, PESEL defects and the voting window.

use super::*;

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
