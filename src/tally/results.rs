//! Counting (DESIGN §7): each project's points and the number of voters who
//! gave it points, its rank, and — where the list has a budget and every
//! project a cost — the winners by the greedy rule: in order of points (ties:
//! more voters first), a project is selected if its cost fits what is left of
//! the budget, else skipped; a project with no points at all is not selected.
//! A tie still left after that is reported when it decided something: when
//! another order of the level projects would select differently.
//!
//! Pure: ballots in, results out. Where ballots come from (bundles, the
//! internet channel) and which count is the tally's business.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::card::{Assessment, Reason};
use crate::edition::{Edition, ProjectList};

/// The whole result, in the JSON shape of DESIGN §7.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub edition: String,
    pub ballots: BallotCounts,
    pub citywide: ListResult,
    pub districts: Vec<DistrictResult>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BallotCounts {
    pub total: u64,
    pub valid: u64,
    pub invalid: u64,
    pub by_reason: BTreeMap<String, u64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictResult {
    pub number: u32,
    pub name: String,
    pub budget: Option<u64>,
    pub projects: Vec<ProjectResult>,
    /// Groups of projects level on points and voters whose order decided
    /// which of them won (another order would select differently).
    pub ties: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListResult {
    pub budget: Option<u64>,
    pub projects: Vec<ProjectResult>,
    pub ties: Vec<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectResult {
    pub id: String,
    pub title: String,
    pub cost: Option<u64>,
    pub points: u64,
    pub voters: u64,
    /// 1 for the most points; projects level on points and voters share a rank.
    pub rank: u32,
    /// `None` when the list has no budget or a project has no cost.
    pub selected: Option<bool>,
}

/// Points and voters per project id of one list.
#[derive(Default)]
struct Tallies(BTreeMap<String, (u64, u64)>);

impl Tallies {
    fn add(&mut self, project: &str, points: u32) {
        // Look up before allocating: a million ballots name few projects.
        let e = match self.0.get_mut(project) {
            Some(e) => e,
            None => self.0.entry(project.to_string()).or_default(),
        };
        e.0 += u64::from(points);
        e.1 += 1;
    }
}

/// Ranks a list and picks its winners.
fn rank(list: &ProjectList, tallies: &Tallies) -> (Vec<ProjectResult>, Vec<Vec<String>>) {
    let mut projects: Vec<ProjectResult> = list
        .projects
        .iter()
        .map(|p| {
            let (points, voters) = tallies.0.get(&p.id).copied().unwrap_or_default();
            ProjectResult {
                id: p.id.clone(),
                title: p.title.clone(),
                cost: p.cost,
                points,
                voters,
                rank: 0,
                selected: None,
            }
        })
        .collect();
    // Stable: projects level on points and voters keep the edition's order.
    projects.sort_by_key(|p| std::cmp::Reverse((p.points, p.voters)));
    for i in 0..projects.len() {
        projects[i].rank = if i > 0
            && (projects[i].points, projects[i].voters)
                == (projects[i - 1].points, projects[i - 1].voters)
        {
            projects[i - 1].rank
        } else {
            i as u32 + 1
        };
    }
    let mut ties = Vec::new();
    let costs: Option<Vec<u64>> = projects.iter().map(|p| p.cost).collect();
    if let (Some(budget), Some(costs)) = (list.budget, costs) {
        let mut left = budget;
        let mut start = 0;
        while start < projects.len() {
            let mut end = start + 1;
            while end < projects.len() && projects[end].rank == projects[start].rank {
                end += 1;
            }
            // One level group at a time, from what is left before it.
            let left_before = left;
            for i in start..end {
                // A project nobody gave a point to is not chosen by anyone.
                let fits = projects[i].points > 0 && costs[i] <= left;
                if fits {
                    left -= costs[i];
                }
                projects[i].selected = Some(fits);
            }
            // The order inside a level group decided something exactly when
            // a member left out would have fitted had it come first: every
            // order then selects the same projects otherwise.
            let group = &projects[start..end];
            let decided = group.len() > 1
                && group
                    .iter()
                    .zip(&costs[start..end])
                    .any(|(p, c)| p.selected == Some(false) && p.points > 0 && *c <= left_before);
            if decided {
                ties.push(group.iter().map(|p| p.id.clone()).collect());
            }
            start = end;
        }
    }
    (projects, ties)
}

/// Counts valid ballots (their picks) and the reasons of invalid ones.
pub fn count<'a>(edition: &Edition, ballots: impl IntoIterator<Item = &'a Assessment>) -> Results {
    let mut counter = Counter::default();
    for a in ballots {
        counter.add(a);
    }
    counter.finish(edition)
}

/// The count, one ballot at a time.
#[derive(Default)]
pub struct Counter {
    counts: BallotCounts,
    citywide: Tallies,
    local: BTreeMap<u32, Tallies>,
}

impl Counter {
    pub fn add(&mut self, a: &Assessment) {
        let counts = &mut self.counts;
        counts.total += 1;
        if !a.is_valid() {
            counts.invalid += 1;
            for r in &a.reasons {
                match counts.by_reason.get_mut(r.code()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.by_reason.insert(r.code().to_string(), 1);
                    }
                }
            }
            return;
        }
        counts.valid += 1;
        for p in &a.citywide {
            self.citywide.add(&p.project, p.points);
        }
        if let Some(d) = a.district {
            let t = self.local.entry(d).or_default();
            for p in &a.local {
                t.add(&p.project, p.points);
            }
        }
    }

    /// Ranks every list and picks the winners.
    pub fn finish(self, edition: &Edition) -> Results {
        let Counter {
            counts,
            citywide,
            local,
        } = self;
        let (projects, ties) = rank(&edition.citywide, &citywide);
        let empty = Tallies::default();
        let districts = edition
            .districts
            .iter()
            .map(|d| {
                let (projects, ties) = rank(&d.list, local.get(&d.number).unwrap_or(&empty));
                DistrictResult {
                    number: d.number,
                    name: d.name.clone(),
                    budget: d.list.budget,
                    projects,
                    ties,
                }
            })
            .collect();
        Results {
            edition: edition.id.clone(),
            ballots: counts,
            citywide: ListResult {
                budget: edition.citywide.budget,
                projects,
                ties,
            },
            districts,
        }
    }
}

/// A ballot's assessment with a tally verdict added (`multiple_votes` for a
/// person who voted more than once, `annulled` by an office decision): it
/// is invalid and gives no points.
pub fn with_reason(a: Assessment, reason: Reason) -> Assessment {
    let mut a = a;
    if !a.reasons.contains(&reason) {
        a.reasons.push(reason);
        a.reasons.sort();
    }
    a.local.clear();
    a.citywide.clear();
    a
}

#[cfg(test)]
mod tests {
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
        // a and b are level and only one won: that tie is reported.
        assert_eq!(
            r.citywide.ties,
            vec![vec!["a".to_string(), "b".to_string()]]
        );
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
        let r = count(&e, &[ballot(&[("a", 3)])]);
        assert!(r.citywide.projects.iter().all(|p| p.selected.is_none()));
    }
}
