//! Layer 3's property test: the reasons of a random card are exactly the
//! ones it was built with, and a valid card's points are picks, picks-1, …
//! in slot order.

use super::*;

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
