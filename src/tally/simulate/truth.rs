//! The ground truth: what the tally must count, summed task by task, and
//! `expected.json`.

use super::*;

/// Counts per project of one list: points and voters.
pub(super) type ListCount = Vec<(u64, u64)>;

/// What the tally must find, summed over the part of the election one task
/// made. Adding the parts gives the whole.
#[derive(Debug, Clone, Default)]
pub(super) struct Truth {
    pub(super) total: u64,
    pub(super) valid: u64,
    pub(super) invalid: u64,
    pub(super) by_reason: [u64; Reason::ALL.len()],
    /// Defects on standing paper cards, by the reasons they gave.
    pub(super) defects: [u64; Reason::ALL.len()],
    pub(super) defective: u64,
    pub(super) citywide: ListCount,
    pub(super) districts: Vec<ListCount>,
    pub(super) cards: u64,
    pub(super) voided: u64,
    pub(super) amended: u64,
    pub(super) paper: u64,
    pub(super) online: u64,
    pub(super) multiple: u64,
}

impl Truth {
    pub(super) fn new(e: &Edition) -> Truth {
        Truth {
            citywide: vec![(0, 0); e.citywide.projects.len()],
            districts: e
                .districts
                .iter()
                .map(|d| vec![(0, 0); d.list.projects.len()])
                .collect(),
            ..Truth::default()
        }
    }

    /// A ballot that stands, as the tally will judge it.
    pub(super) fn ballot(&mut self, w: &World<'_>, a: &Assessment, double: bool) {
        self.total += 1;
        let mut reasons = a.reasons.clone();
        if double {
            self.multiple += 1;
            if !reasons.contains(&Reason::MultipleVotes) {
                reasons.push(Reason::MultipleVotes);
            }
        }
        if !reasons.is_empty() {
            self.invalid += 1;
            for r in reasons {
                self.by_reason[r as usize] += 1;
            }
            return;
        }
        self.valid += 1;
        for p in &a.citywide {
            if let Some(i) = w.citywide_index.get(&p.project) {
                self.citywide[*i].0 += u64::from(p.points);
                self.citywide[*i].1 += 1;
            }
        }
        if let Some(d) = a
            .district
            .and_then(|n| w.edition.districts.iter().position(|d| d.number == n))
        {
            for p in &a.local {
                if let Some(i) = w.local_index[d].get(&p.project) {
                    self.districts[d][*i].0 += u64::from(p.points);
                    self.districts[d][*i].1 += 1;
                }
            }
        }
    }

    pub(super) fn add(&mut self, o: &Truth) {
        self.total += o.total;
        self.valid += o.valid;
        self.invalid += o.invalid;
        for (a, b) in self.by_reason.iter_mut().zip(o.by_reason) {
            *a += b;
        }
        for (a, b) in self.defects.iter_mut().zip(o.defects) {
            *a += b;
        }
        self.defective += o.defective;
        for (a, b) in self.citywide.iter_mut().zip(&o.citywide) {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (da, db) in self.districts.iter_mut().zip(&o.districts) {
            for (a, b) in da.iter_mut().zip(db) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
        self.cards += o.cards;
        self.voided += o.voided;
        self.amended += o.amended;
        self.paper += o.paper;
        self.online += o.online;
        self.multiple += o.multiple;
    }
}

/// Reason counts as `{code: n}`, zeros left out.
pub(super) fn reason_map(counts: &[u64]) -> BTreeMap<String, u64> {
    Reason::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(r, n)| (r.code().to_string(), *n))
        .collect()
}

/// `expected.json`: the ground truth.
#[derive(Debug, Serialize)]
pub(super) struct Expected {
    pub(super) generator: &'static str,
    pub(super) edition: String,
    pub(super) seed: u64,
    pub(super) persons: u64,
    pub(super) online_percent: u8,
    pub(super) double_voters: u64,
    pub(super) ballots: ChannelBallots,
    pub(super) cards: CardFigures,
    /// Reasons of the standing paper cards that carry a defect on purpose.
    pub(super) defects: BTreeMap<String, u64>,
    pub(super) points: Vec<PointReport>,
    /// What `urna tally results --format json` must show.
    pub(super) results: ExpectedResults,
}

#[derive(Debug, Serialize)]
pub(super) struct ChannelBallots {
    pub(super) total: u64,
    pub(super) points: u64,
    pub(super) internet: u64,
}

#[derive(Debug, Serialize)]
pub(super) struct CardFigures {
    pub(super) entered: u64,
    pub(super) voided: u64,
    pub(super) amended: u64,
    pub(super) defective: u64,
}

#[derive(Debug, Serialize)]
pub(super) struct ExpectedResults {
    pub(super) ballots: crate::tally::results::BallotCounts,
    pub(super) citywide: Vec<ExpectedProject>,
    pub(super) districts: Vec<ExpectedDistrict>,
}

#[derive(Debug, Serialize)]
pub(super) struct ExpectedDistrict {
    pub(super) number: u32,
    pub(super) projects: Vec<ExpectedProject>,
}

#[derive(Debug, Serialize)]
pub(super) struct ExpectedProject {
    pub(super) id: String,
    pub(super) points: u64,
    pub(super) voters: u64,
}

pub(super) fn projects(
    list: &crate::edition::ProjectList,
    counts: &ListCount,
) -> Vec<ExpectedProject> {
    list.projects
        .iter()
        .zip(counts)
        .map(|(p, (points, voters))| ExpectedProject {
            id: p.id.clone(),
            points: *points,
            voters: *voters,
        })
        .collect()
}
