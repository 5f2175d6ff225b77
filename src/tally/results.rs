//! Counting (DESIGN §7): each project's points, the number of voters who
//! gave it points and of those who gave it the list's highest points, its
//! rank, and — where the list has a budget and every project a cost — the
//! winners by the greedy rule: in order of points (projects level on points
//! ordered by the edition's `tie_break` keys, each "more first"; Kraków:
//! more top-points votes, then more voters), a project is selected if its
//! cost fits what is left of the budget, else skipped; a project with no
//! points at all is not selected. Money is counted in grosze, exactly.
//!
//! A tie — projects level on points — is reported when it decided
//! something (another order of the level projects would select
//! differently), with the key that settled it, or as undecided when the
//! projects are level on every key too (the edition file's order then
//! stands, and the office decides).
//!
//! Pure: ballots in, results out. Where ballots come from (bundles, the
//! internet channel) and which count is the tally's business.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::card::{Assessment, Reason};
use crate::edition::{Edition, Money, ProjectList, TieBreak, TieKey};

/// The whole result, in the JSON shape of DESIGN §7.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Results {
    pub edition: String,
    /// The edition's tie-break keys, in order.
    pub tie_break: Vec<&'static str>,
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
    #[serde(flatten)]
    pub list: ListResult,
}

/// One list's result: the city-wide list or a district's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListResult {
    pub budget: Option<Money>,
    /// Valid ballots that gave points in this list.
    pub ballots: u64,
    /// The points a card gives its first pick in this list.
    pub top: u32,
    /// What the selected projects cost, and what is left of the budget
    /// (`None` when the list selects nothing: no budget or a cost missing).
    pub spent: Option<Money>,
    pub left: Option<Money>,
    pub projects: Vec<ProjectResult>,
    /// Every tie that decided which projects are selected.
    pub ties: Vec<Tie>,
}

/// Projects level on points whose order decided the selection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    /// The level projects in the order the count put them.
    pub projects: Vec<String>,
    pub points: u64,
    /// The tie-break key that settled it; `None` (JSON `null`) when the
    /// projects are level on every key too: undecided.
    pub settled_by: Option<&'static str>,
}

impl Tie {
    pub fn undecided(&self) -> bool {
        self.settled_by.is_none()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectResult {
    pub id: String,
    pub title: String,
    pub cost: Option<Money>,
    pub points: u64,
    pub voters: u64,
    /// Voters who gave it the list's highest points (its first pick).
    pub top_points: u64,
    /// 1 for the most points; projects level on points and every
    /// tie-break key share a rank.
    pub rank: u32,
    /// `None` when the list has no budget or a project has no cost.
    pub selected: Option<bool>,
}

impl ProjectResult {
    fn key(&self, k: TieKey) -> u64 {
        match k {
            TieKey::TopPoints => self.top_points,
            TieKey::Voters => self.voters,
        }
    }
}

impl ListResult {
    /// The tie a project is in, if any.
    pub fn tie_of(&self, id: &str) -> Option<&Tie> {
        self.ties
            .iter()
            .find(|t| t.projects.iter().any(|p| p == id))
    }
}

/// Points, voters and top-points votes of each project of one list, by the
/// project's place in the edition; ids are looked up once per pick.
#[derive(Debug, Clone, Default)]
struct ListCount {
    index: HashMap<String, usize>,
    top: u32,
    ballots: u64,
    /// (points, voters, top-points votes)
    tallies: Vec<(u64, u64, u64)>,
}

impl ListCount {
    fn new(list: &ProjectList, top: u32) -> ListCount {
        ListCount {
            index: list
                .projects
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), i))
                .collect(),
            top,
            ballots: 0,
            tallies: vec![(0, 0, 0); list.projects.len()],
        }
    }

    fn add_encoded(&mut self, picks: &[u8]) {
        if picks.is_empty() {
            return;
        }
        self.ballots += 1;
        for (i, points) in Picks::decode(picks) {
            let Some(t) = usize::try_from(i)
                .ok()
                .filter(|_| i != Picks::UNKNOWN)
                .and_then(|i| self.tallies.get_mut(i))
            else {
                continue;
            };
            t.0 += u64::from(points);
            t.1 += 1;
            if points == self.top {
                t.2 += 1;
            }
        }
    }

    fn add(&mut self, picks: &[crate::card::Pick]) {
        if picks.is_empty() {
            return;
        }
        self.ballots += 1;
        for p in picks {
            // A card's picks are the edition's ids (the rules made sure).
            if let Some(&i) = self.index.get(p.project.as_str()) {
                let t = &mut self.tallies[i];
                t.0 += u64::from(p.points);
                t.1 += 1;
                if p.points == self.top {
                    t.2 += 1;
                }
            }
        }
    }
}

/// Ranks a list and picks its winners.
fn rank(list: &ProjectList, count: &ListCount, tie_break: &TieBreak) -> ListResult {
    let mut projects: Vec<ProjectResult> = list
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (points, voters, top_points) = count.tallies.get(i).copied().unwrap_or_default();
            ProjectResult {
                id: p.id.clone(),
                title: p.title.clone(),
                cost: p.cost,
                points,
                voters,
                top_points,
                rank: 0,
                selected: None,
            }
        })
        .collect();
    let keys = tie_break.keys();
    let order = |p: &ProjectResult| {
        let mut k = [0u64; TieKey::ALL.len()];
        for (slot, key) in k.iter_mut().zip(keys) {
            *slot = p.key(*key);
        }
        std::cmp::Reverse((p.points, k))
    };
    // Stable: projects level on points and every key keep the edition's order.
    projects.sort_by_key(order);
    for i in 0..projects.len() {
        projects[i].rank = if i > 0 && order(&projects[i]) == order(&projects[i - 1]) {
            projects[i - 1].rank
        } else {
            i as u32 + 1
        };
    }
    let mut ties = Vec::new();
    let mut spent = None;
    let mut left_over = None;
    let costs: Option<Vec<Money>> = projects.iter().map(|p| p.cost).collect();
    if let (Some(budget), Some(costs)) = (list.budget, costs) {
        let mut left = budget;
        let mut start = 0;
        while start < projects.len() {
            let mut end = start + 1;
            while end < projects.len() && projects[end].points == projects[start].points {
                end += 1;
            }
            // One group level on points at a time, from what is left before it.
            let left_before = left;
            for i in start..end {
                // A project nobody gave a point to is not chosen by anyone.
                let fits = projects[i].points > 0 && costs[i] <= left;
                if fits {
                    left = left.saturating_sub(costs[i]);
                }
                projects[i].selected = Some(fits);
            }
            // The order inside the group decided something exactly when a
            // member left out would have fitted had it come first. Which
            // key put the selected members ahead of it settled the tie.
            let group = &projects[start..end];
            let mut decided = false;
            let mut deepest: Option<usize> = Some(0);
            for (x, px) in group.iter().enumerate() {
                let fits_first = px.points > 0 && costs[start + x] <= left_before;
                if px.selected != Some(false) || !fits_first {
                    continue;
                }
                decided = true;
                for py in group[..x].iter().filter(|p| p.selected == Some(true)) {
                    let key = keys.iter().position(|k| py.key(*k) != px.key(*k));
                    deepest = match (deepest, key) {
                        (Some(d), Some(k)) => Some(d.max(k)),
                        _ => None,
                    };
                }
            }
            if decided && group.len() > 1 {
                ties.push(Tie {
                    projects: group.iter().map(|p| p.id.clone()).collect(),
                    points: group[0].points,
                    settled_by: deepest.map(|d| keys[d].name()),
                });
            }
            start = end;
        }
        spent = Some(budget.saturating_sub(left));
        left_over = Some(left);
    }
    ListResult {
        budget: list.budget,
        ballots: count.ballots,
        top: count.top,
        spent,
        left: left_over,
        projects,
        ties,
    }
}

/// Counts valid ballots (their picks) and the reasons of invalid ones.
pub fn count<'a>(edition: &Edition, ballots: impl IntoIterator<Item = &'a Assessment>) -> Results {
    let mut counter = Counter::new(edition);
    for a in ballots {
        counter.add(a);
    }
    counter.finish(edition)
}

/// The count, one ballot at a time.
#[derive(Debug, Clone)]
pub struct Counter {
    counts: BallotCounts,
    citywide: ListCount,
    local: BTreeMap<u32, ListCount>,
}

impl Counter {
    /// A count of this edition's lists, with every project id looked up once.
    pub fn new(edition: &Edition) -> Counter {
        Counter {
            counts: BallotCounts::default(),
            citywide: ListCount::new(&edition.citywide, edition.ballot.citywide_picks),
            local: edition
                .districts
                .iter()
                .map(|d| {
                    (
                        d.number,
                        ListCount::new(&d.list, edition.ballot.local_picks),
                    )
                })
                .collect(),
        }
    }

    pub fn add(&mut self, a: &Assessment) {
        if !self.tally_reasons(&a.reasons) {
            return;
        }
        self.citywide.add(&a.citywide);
        if let Some(t) = a.district.and_then(|d| self.local.get_mut(&d)) {
            t.add(&a.local);
        }
    }

    /// Counts a ballot as valid or invalid (by each of its reasons); whether
    /// it is valid, so that its points count.
    fn tally_reasons(&mut self, reasons: &[Reason]) -> bool {
        let counts = &mut self.counts;
        counts.total += 1;
        if reasons.is_empty() {
            counts.valid += 1;
            return true;
        }
        counts.invalid += 1;
        for r in reasons {
            match counts.by_reason.get_mut(r.code()) {
                Some(n) => *n += 1,
                None => {
                    counts.by_reason.insert(r.code().to_string(), 1);
                }
            }
        }
        false
    }

    /// Adds one ballot in its stored form: `reasons` empty when valid; the
    /// picks as [`Picks`] encodes them. Counts exactly as [`Counter::add`]
    /// counts the assessment it came from.
    pub fn add_compact(
        &mut self,
        reasons: &[Reason],
        district: Option<u32>,
        local: &[u8],
        citywide: &[u8],
    ) {
        if !self.tally_reasons(reasons) {
            return;
        }
        self.citywide.add_encoded(citywide);
        if let Some(t) = district.and_then(|d| self.local.get_mut(&d)) {
            t.add_encoded(local);
        }
    }

    /// Ranks every list and picks the winners.
    pub fn finish(self, edition: &Edition) -> Results {
        let Counter {
            counts,
            citywide,
            local,
        } = self;
        let tie_break = &edition.ballot.tie_break;
        let citywide = rank(&edition.citywide, &citywide, tie_break);
        let empty = ListCount::default();
        let districts = edition
            .districts
            .iter()
            .map(|d| DistrictResult {
                number: d.number,
                name: d.name.clone(),
                list: rank(&d.list, local.get(&d.number).unwrap_or(&empty), tie_break),
            })
            .collect();
        Results {
            edition: edition.id.clone(),
            tie_break: tie_break.keys().iter().map(|k| k.name()).collect(),
            ballots: counts,
            citywide,
            districts,
        }
    }
}

/// A ballot's assessment as the office's store keeps it beside the journal
/// entry, so that the count reads a few small columns instead of parsing
/// and judging every card again: the reason codes (empty when valid), the
/// district, and each list's picks as the project's position in the
/// edition's list with its points (see [`Picks`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Compact {
    pub reasons: String,
    pub district: Option<u32>,
    pub local: Vec<u8>,
    pub citywide: Vec<u8>,
}

/// Picks encoded for the count: per pick the project's position in its
/// list (u32, little-endian; `u32::MAX` for an id not on the list, which
/// the rules never let through, and which counts for no project) and its
/// points (u32, little-endian).
pub struct Picks;

impl Picks {
    pub const UNKNOWN: u32 = u32::MAX;
    const SIZE: usize = 8;

    fn encode(index: Option<&HashMap<String, usize>>, picks: &[crate::card::Pick]) -> Vec<u8> {
        let mut out = Vec::with_capacity(picks.len() * Picks::SIZE);
        for p in picks {
            let i = index
                .and_then(|ix| ix.get(p.project.as_str()))
                .and_then(|&i| u32::try_from(i).ok())
                .filter(|&i| i != Picks::UNKNOWN)
                .unwrap_or(Picks::UNKNOWN);
            out.extend_from_slice(&i.to_le_bytes());
            out.extend_from_slice(&p.points.to_le_bytes());
        }
        out
    }

    /// (position, points) of each pick.
    pub fn decode(bytes: &[u8]) -> impl Iterator<Item = (u32, u32)> + '_ {
        bytes.chunks_exact(Picks::SIZE).map(|c| {
            (
                u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            )
        })
    }
}

/// Each list's project positions, built once per edition: what turns an
/// [`Assessment`] into its [`Compact`] form.
pub struct Positions {
    citywide: HashMap<String, usize>,
    local: HashMap<u32, HashMap<String, usize>>,
}

fn positions(list: &ProjectList) -> HashMap<String, usize> {
    list.projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect()
}

impl Positions {
    pub fn new(edition: &Edition) -> Positions {
        Positions {
            citywide: positions(&edition.citywide),
            local: edition
                .districts
                .iter()
                .map(|d| (d.number, positions(&d.list)))
                .collect(),
        }
    }

    pub fn compact(&self, a: &Assessment) -> Compact {
        let mut reasons = String::new();
        for r in &a.reasons {
            if !reasons.is_empty() {
                reasons.push(',');
            }
            reasons.push_str(r.code());
        }
        Compact {
            reasons,
            district: a.district,
            local: Picks::encode(a.district.and_then(|d| self.local.get(&d)), &a.local),
            citywide: Picks::encode(Some(&self.citywide), &a.citywide),
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
mod tests;
