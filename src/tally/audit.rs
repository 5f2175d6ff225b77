//! The audit (DESIGN §7): every invalid ballot with its reasons and source,
//! every person who voted more than once with all their ballots, every import
//! and what came of it, and the office's decisions. PESELs appear masked;
//! names and addresses not at all.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::card::Reason;
use crate::i18n::{self, Lang};
use crate::tr;

use super::store::{Decision, ImportRecord, Judged, Result, Source, Tally};

#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub edition: String,
    pub ballots: Counts,
    /// Every invalid ballot, in source order.
    pub invalid: Vec<AuditBallot>,
    /// Every person with more than one ballot, with all of them.
    pub multiple_voters: Vec<MultipleVoter>,
    /// Every import attempt, accepted or not.
    pub imports: Vec<ImportRecord>,
    /// The annulments among the office's decisions.
    pub decisions: Vec<DecisionView>,
    /// The samples of paper cards drawn and what their paper showed.
    pub paper: super::paper::PaperAudit,
    /// Whether the results as `tally results` counts them (from the
    /// verdicts stored beside each card at import) equal a re-count that
    /// judges every card again from its hash-chained journal entry. `false`
    /// means the office's store was changed behind urna's back.
    pub recount_matches: bool,
    /// Verification at each point, with the keyer error rate's bound.
    pub verification: Vec<super::verification::PointVerification>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub total: u64,
    pub valid: u64,
    pub invalid: u64,
    pub imports_rejected: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditBallot {
    pub source: Source,
    /// Masked.
    pub pesel: String,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MultipleVoter {
    /// Masked.
    pub pesel: String,
    pub ballots: Vec<Source>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DecisionView {
    pub number: u64,
    pub at: String,
    pub kind: &'static str,
    /// Masked.
    pub pesel: String,
    pub reason: String,
    /// Internet ballots the decision applies to now.
    pub ballots: u64,
}

impl Audit {
    pub fn of(tally: &Tally) -> Result<Audit> {
        // Only invalid ballots are kept (every multiple voter's and every
        // annulled one is among them): the audit is about them, and a million
        // valid ones need not sit in memory.
        let (mut total, mut valid) = (0u64, 0u64);
        let mut judged = Vec::new();
        let mut recount = super::results::Counter::new(tally.edition());
        tally.each_judged(|j| {
            recount.add(&j.assessment);
            total += 1;
            if j.assessment.is_valid() {
                valid += 1;
            } else {
                judged.push(j);
            }
            Ok(())
        })?;
        let mut stored = super::results::Counter::new(tally.edition());
        tally.each_counted(|c| stored.add_compact(c.reasons, c.district, c.local, c.citywide))?;
        let imports = tally.imports()?;
        let decisions = tally.decisions()?;
        let mut audit = Self::build(
            tally.edition().id.clone(),
            (total, valid),
            &judged,
            imports,
            &decisions,
        );
        audit.paper = super::paper::PaperAudit::of(tally, &decisions);
        audit.verification = super::verification::per_point(tally.conn())?;
        audit.recount_matches = recount.finish(tally.edition()) == stored.finish(tally.edition());
        Ok(audit)
    }

    /// From the ballot counts and the invalid ballots.
    fn build(
        edition: String,
        (total, valid): (u64, u64),
        judged: &[Judged],
        imports: Vec<ImportRecord>,
        decisions: &[super::store::DecisionRecord],
    ) -> Audit {
        let invalid: Vec<AuditBallot> = judged
            .iter()
            .map(|j| AuditBallot {
                source: shown_source(&j.source),
                pesel: j.pesel.clone(),
                reasons: j.assessment.reasons.clone(),
            })
            .collect();
        // A person's ballots in the order they were listed; people in the
        // order of their first ballot.
        let mut people: BTreeMap<&str, (usize, MultipleVoter)> = BTreeMap::new();
        for (i, j) in judged.iter().enumerate() {
            if !j.assessment.reasons.contains(&Reason::MultipleVotes) {
                continue;
            }
            let Some(key) = j.person.as_deref() else {
                continue;
            };
            people
                .entry(key)
                .or_insert_with(|| {
                    (
                        i,
                        MultipleVoter {
                            pesel: j.pesel.clone(),
                            ballots: Vec::new(),
                        },
                    )
                })
                .1
                .ballots
                .push(shown_source(&j.source));
        }
        let mut multiple_voters: Vec<(usize, MultipleVoter)> = people.into_values().collect();
        multiple_voters.sort_by_key(|(first, _)| *first);
        let decisions = decisions
            .iter()
            .enumerate()
            .filter_map(|(i, d)| match &d.decision {
                Decision::Annul { pesel, reason } => {
                    let key = crate::store::pesel_key(pesel);
                    Some(DecisionView {
                        number: i as u64 + 1,
                        at: d.at.clone(),
                        kind: "annul",
                        pesel: crate::pesel::mask(pesel),
                        reason: reason.clone(),
                        ballots: judged
                            .iter()
                            .filter(|j| {
                                j.person == key && j.assessment.reasons.contains(&Reason::Annulled)
                            })
                            .count() as u64,
                    })
                }
                _ => None,
            })
            .collect();
        Audit {
            edition,
            ballots: Counts {
                total,
                valid,
                invalid: total - valid,
                imports_rejected: imports.iter().filter(|i| i.outcome == "rejected").count() as u64,
            },
            invalid,
            multiple_voters: multiple_voters.into_iter().map(|(_, m)| m).collect(),
            imports,
            decisions,
            paper: super::paper::PaperAudit::default(),
            verification: Vec::new(),
            recount_matches: true,
        }
    }

    /// The audit for people, Polish or English.
    pub fn text(&self, lang: Lang) -> String {
        let mut s = String::new();
        let c = &self.ballots;
        let head = tr!(lang, "tally-audit-head", edition = self.edition.as_str());
        let ballots = tr!(
            lang,
            "tally-audit-ballots",
            total = c.total.to_string(),
            valid = c.valid.to_string(),
            invalid = c.invalid.to_string()
        );
        let recount = if self.recount_matches {
            tr!(lang, "tally-audit-recount-ok")
        } else {
            tr!(lang, "tally-audit-recount-differs")
        };
        let _ = writeln!(s, "{head}\n{ballots}\n{recount}");

        let _ = writeln!(
            s,
            "\n{}",
            tr!(
                lang,
                "tally-audit-imports",
                count = self.imports.len().to_string(),
                rejected = c.imports_rejected.to_string()
            )
        );
        for i in &self.imports {
            let outcome = match i.outcome.as_str() {
                "accepted" => tr!(lang, "tally-audit-accepted"),
                "unchanged" => tr!(lang, "tally-audit-unchanged"),
                "rejected" => tr!(lang, "tally-audit-rejected"),
                other => other.to_string(),
            };
            let what = match &i.point {
                // A sync's delta is no numbered export: no `#`.
                Some(p) => match i.sequence {
                    Some(n) => tr!(
                        lang,
                        "tally-audit-point-export",
                        point = p.as_str(),
                        sequence = n.to_string()
                    ),
                    None => tr!(lang, "tally-audit-point", point = p.as_str()),
                },
                None if i.kind == "online" => tr!(lang, "tally-audit-internet"),
                None => String::new(),
            };
            let _ = writeln!(
                s,
                "  {:>4}. {}  {}  {what}  {outcome}: {}",
                i.id,
                i.at,
                i.file,
                i.detail_in(lang)
            );
            if i.outcome == "rejected" && !i.sha256.is_empty() {
                let _ = writeln!(s, "        sha256 {}", i.sha256);
            }
        }

        let _ = writeln!(
            s,
            "\n{}",
            tr!(
                lang,
                "tally-audit-decisions",
                count = self.decisions.len().to_string()
            )
        );
        if self.decisions.is_empty() {
            let _ = writeln!(s, "  {}", tr!(lang, "tally-audit-no-decisions"));
        }
        for d in &self.decisions {
            let _ = writeln!(
                s,
                "  {:>4}. {}  {}",
                d.number,
                d.at,
                tr!(
                    lang,
                    "tally-audit-annulment",
                    pesel = d.pesel.as_str(),
                    reason = d.reason.as_str(),
                    votes = i18n::count(lang, d.ballots, &i18n::VOTE)
                )
            );
        }

        s.push_str(&self.paper.text(lang));
        s.push_str(&super::verification::text(lang, &self.verification));

        let _ = writeln!(
            s,
            "\n{}",
            tr!(
                lang,
                "tally-audit-invalid",
                count = self.invalid.len().to_string()
            )
        );
        for b in &self.invalid {
            let reasons: Vec<String> = b
                .reasons
                .iter()
                .map(|r| format!("{r} ({})", i18n::reason(lang, *r)))
                .collect();
            let _ = writeln!(
                s,
                "  {}  PESEL {}: {}",
                describe(lang, &b.source),
                b.pesel,
                reasons.join("; ")
            );
        }

        let _ = writeln!(
            s,
            "\n{}",
            tr!(
                lang,
                "tally-audit-multiple",
                count = self.multiple_voters.len().to_string()
            )
        );
        for (n, m) in self.multiple_voters.iter().enumerate() {
            let _ = writeln!(
                s,
                "  {:>4}. PESEL {}: {}",
                n + 1,
                m.pesel,
                i18n::count(lang, m.ballots.len() as u64, &i18n::BALLOT)
            );
            for b in &m.ballots {
                let _ = writeln!(s, "        {}", describe(lang, b));
            }
        }
        s
    }
}

/// A ballot's source as the audit shows it: an internet row's id is the
/// channel's own text, masked if it could be personal data.
fn shown_source(source: &Source) -> Source {
    match source {
        Source::Internet { id, file, line } => Source::Internet {
            id: crate::shown::Shown::new(id).to_string(),
            file: file.clone(),
            line: *line,
        },
        // A trusted kiosk's text: never a control character to the terminal.
        Source::Point {
            point,
            bundle,
            card_id,
            operator,
        } => Source::Point {
            point: crate::shown::escape_controls(point),
            bundle: crate::shown::escape_controls(bundle),
            card_id: crate::shown::escape_controls(card_id),
            operator: crate::shown::escape_controls(operator),
        },
    }
}

/// Where a ballot came from, in one line.
pub fn describe(lang: Lang, source: &Source) -> String {
    match source {
        Source::Point {
            point,
            bundle,
            card_id,
            operator,
        } => tr!(
            lang,
            "tally-audit-source-point",
            point = point.as_str(),
            card = card_id.as_str(),
            bundle = bundle.as_str(),
            operator = operator.as_str()
        ),
        Source::Internet { id, file, line } => tr!(
            lang,
            "tally-audit-source-internet",
            id = id.as_str(),
            file = file.as_str(),
            line = line.to_string()
        ),
    }
}
