//! Layer 1: one valid 2014 card and, for every reason code the rules can
//! produce, a near-identical card that produces exactly that reason.

use super::*;

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
