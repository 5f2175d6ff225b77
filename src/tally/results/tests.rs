//! The count's tests: points, voters, the greedy rule, ties and grosze.

use super::*;
use crate::card::Pick;

fn edition() -> Edition {
    Edition::parse(
        r#"[edition]
id = "t"
name = "T"
voting_start = 2021-10-01
voting_end = 2021-10-10
min_age = 16
[ballot]
picks = 3
require_local = false
require_citywide = false
[citywide]
budget = 100
projects = [ { id = "a", title = "A", cost = 60 }, { id = "b", title = "B", cost = 50 },
         { id = "c", title = "C", cost = 40 }, { id = "d", title = "D", cost = 10 } ]
"#,
        "t",
    )
    .expect("edition")
}

fn ballot(picks: &[(&str, u32)]) -> Assessment {
    Assessment {
        reasons: vec![],
        district: None,
        local: vec![],
        citywide: picks
            .iter()
            .map(|(p, n)| Pick {
                project: p.to_string(),
                points: *n,
            })
            .collect(),
    }
}

#[test]
fn greedy_by_points_with_voters_breaking_ties() {
    let e = edition();
    let ballots = [
        ballot(&[("a", 3), ("b", 2), ("c", 1)]),
        ballot(&[("b", 3), ("a", 2), ("d", 1)]),
        ballot(&[("c", 3), ("d", 2)]),
        with_reason(ballot(&[("d", 3)]), Reason::MultipleVotes),
    ];
    let r = count(&e, &ballots);
    assert_eq!(
        (r.ballots.total, r.ballots.valid, r.ballots.invalid),
        (4, 3, 1)
    );
    assert_eq!(r.ballots.by_reason.get("multiple_votes"), Some(&1));
    let got: Vec<(&str, u64, u64, u32, Option<bool>)> = r
        .citywide
        .projects
        .iter()
        .map(|p| (p.id.as_str(), p.points, p.voters, p.rank, p.selected))
        .collect();
    // a: 5 pts/2 voters, b: 5/2, c: 4/2, d: 3/2. a (60) then b (50) does not
    // fit, c (40) fits, d (10) does not.
    assert_eq!(
        got,
        [
            ("a", 5, 2, 1, Some(true)),
            ("b", 5, 2, 1, Some(false)),
            ("c", 4, 2, 3, Some(true)),
            ("d", 3, 2, 4, Some(false)),
        ]
    );
    // a and b are level on points, voters and top points, and only one
    // won: that tie is reported, undecided.
    assert_eq!(
        r.citywide.ties,
        vec![Tie {
            projects: vec!["a".into(), "b".into()],
            points: 5,
            settled_by: None
        }]
    );
    assert_eq!(r.citywide.spent, Some(Money::zloty(100)));
    assert_eq!(r.citywide.left, Some(Money::zloty(0)));
}

/// a and b level on 6 points; a has more voters (3 × 2 points), b more
/// top-points votes (2 × 3 points): the edition's key decides.
#[test]
fn the_stored_form_counts_as_the_assessment_does() {
    let e = edition();
    let positions = Positions::new(&e);
    let mut invalid = ballot(&[]);
    invalid.reasons = vec![Reason::MissingPesel, Reason::Underage];
    let mut ballots = disagreeing();
    ballots.extend([
        ballot(&[("d", 3), ("c", 2), ("a", 1)]),
        ballot(&[("c", 1)]),
        ballot(&[]),
        invalid,
    ]);
    let mut by_assessment = Counter::new(&e);
    let mut by_stored = Counter::new(&e);
    for a in &ballots {
        by_assessment.add(a);
        let c = positions.compact(a);
        let reasons: Vec<Reason> = c
            .reasons
            .split(',')
            .filter(|r| !r.is_empty())
            .map(|r| r.parse().expect("a reason code"))
            .collect();
        assert_eq!(reasons, a.reasons);
        assert_eq!(c.citywide.len(), 8 * a.citywide.len());
        by_stored.add_compact(&reasons, c.district, &c.local, &c.citywide);
    }
    let (a, b) = (by_assessment.finish(&e), by_stored.finish(&e));
    assert_eq!(a, b);
    assert_eq!(a.ballots.invalid, 1);
    assert!(a.citywide.projects.iter().any(|p| p.points > 0));
}

fn disagreeing() -> Vec<Assessment> {
    vec![
        ballot(&[("a", 2)]),
        ballot(&[("a", 2)]),
        ballot(&[("a", 2)]),
        ballot(&[("b", 3)]),
        ballot(&[("b", 3)]),
    ]
}

#[test]
fn the_edition_s_tie_break_decides_and_is_named() {
    let mut e = edition();
    let ids = |r: &Results| -> Vec<(String, u64, u64, u64, u32, Option<bool>)> {
        r.citywide
            .projects
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.points,
                    p.voters,
                    p.top_points,
                    p.rank,
                    p.selected,
                )
            })
            .collect()
    };
    let r = count(&e, &disagreeing());
    assert_eq!(r.tie_break, ["voters"]);
    assert_eq!(ids(&r)[0], ("a".into(), 6, 3, 0, 1, Some(true)));
    assert_eq!(ids(&r)[1], ("b".into(), 6, 2, 2, 2, Some(false)));
    assert_eq!(r.citywide.ties[0].settled_by, Some("voters"));

    e.ballot.tie_break = TieBreak::KRAKOW;
    let r = count(&e, &disagreeing());
    assert_eq!(r.tie_break, ["top_points", "voters"]);
    assert_eq!(ids(&r)[0], ("b".into(), 6, 2, 2, 1, Some(true)));
    assert_eq!(ids(&r)[1], ("a".into(), 6, 3, 0, 2, Some(false)));
    assert_eq!(
        r.citywide.ties,
        [Tie {
            projects: vec!["b".into(), "a".into()],
            points: 6,
            settled_by: Some("top_points")
        }]
    );
    assert_eq!(r.citywide.tie_of("a"), r.citywide.tie_of("b"));
    assert!(r.citywide.tie_of("c").is_none());

    // Level on top points too: the next key, voters, settles it.
    let r = count(
        &e,
        &[
            ballot(&[("a", 3)]),
            ballot(&[("a", 1)]),
            ballot(&[("a", 1)]),
            ballot(&[("a", 1)]),
            ballot(&[("b", 3)]),
            ballot(&[("b", 2)]),
            ballot(&[("b", 1)]),
        ],
    );
    assert_eq!(ids(&r)[0], ("a".into(), 6, 4, 1, 1, Some(true)));
    assert_eq!(ids(&r)[1], ("b".into(), 6, 3, 1, 2, Some(false)));
    assert_eq!(r.citywide.ties[0].settled_by, Some("voters"));
}

#[test]
fn level_on_every_key_is_undecided_and_an_empty_tie_break_orders_by_file() {
    let mut e = edition();
    e.ballot.tie_break = TieBreak::new(&[]).expect("empty");
    // a and b: 3 points each, voters 1 and 2: with no key they are level.
    let r = count(
        &e,
        &[
            ballot(&[("a", 3)]),
            ballot(&[("b", 2)]),
            ballot(&[("b", 1)]),
        ],
    );
    assert_eq!(r.citywide.projects[0].id, "a");
    assert_eq!(r.citywide.projects[1].rank, 1);
    assert!(r.citywide.ties[0].undecided());
}

#[test]
fn grosze_are_counted_exactly() {
    let mut e = edition();
    // 100 zł budget: 60.01 + 39.99 fits to the grosz, 0.01 more does not.
    e.citywide.projects[0].cost = Money::parse("60.01");
    e.citywide.projects[1].cost = Money::parse("39.99");
    e.citywide.projects[2].cost = Money::parse("0.01");
    let r = count(&e, &[ballot(&[("a", 3), ("b", 2), ("c", 1)])]);
    let sel: Vec<Option<bool>> = r.citywide.projects.iter().map(|p| p.selected).collect();
    assert_eq!(sel, [Some(true), Some(true), Some(false), Some(false)]);
    assert_eq!(r.citywide.spent, Some(Money::zloty(100)));
    assert_eq!(r.citywide.left, Some(Money::from_grosze(0)));
}

#[test]
fn nobody_s_project_does_not_win_and_an_order_that_decides_nothing_is_no_tie() {
    let e = edition();
    // a, b, c level at 3 points, 1 voter each, in the edition's order:
    // a (60) fits, b (50) not with 40 left, c (40) does; d got no points
    // and stays out.
    let r = count(
        &e,
        &[
            ballot(&[("a", 3)]),
            ballot(&[("b", 3)]),
            ballot(&[("c", 3)]),
        ],
    );
    let got: Vec<(&str, Option<bool>)> = r
        .citywide
        .projects
        .iter()
        .map(|p| (p.id.as_str(), p.selected))
        .collect();
    assert_eq!(
        got,
        [
            ("a", Some(true)),
            ("b", Some(false)),
            ("c", Some(true)),
            ("d", Some(false))
        ]
    );
    // b would have won had it come first: that tie decided something.
    assert_eq!(r.citywide.ties.len(), 1);
    let r = count(
        &e,
        &[ballot(&[("a", 3), ("b", 2)]), ballot(&[("c", 3), ("d", 2)])],
    );
    // a 3, c 3 level: a (60) then c (40) both fit; b 2 / d 2 level with 0
    // left: neither fits in any order. No tie decided anything.
    assert!(r.citywide.ties.is_empty(), "{:?}", r.citywide.ties);
    assert_eq!(
        r.citywide
            .projects
            .iter()
            .filter(|p| p.selected == Some(true))
            .count(),
        2
    );
}

#[test]
fn a_list_without_costs_has_no_winners() {
    let mut e = edition();
    e.citywide.projects[0].cost = None;
    assert_eq!(count(&e, &[]).citywide.spent, None);
    let r = count(&e, &[ballot(&[("a", 3)])]);
    assert!(r.citywide.projects.iter().all(|p| p.selected.is_none()));
}
