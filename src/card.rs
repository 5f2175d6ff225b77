//! The rules that decide whether a paper voting card is valid (DESIGN §2).
//!
//! A [`RawCard`] holds the text typed in each rubric; [`assess`] turns it into an
//! [`Assessment`]: either valid, with the points each project gets, or invalid
//! with every reason that applies. An invalid card is still a card: the paper is
//! in the urn, so it is stored with its reasons and counted as invalid.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::edition::{self, Edition, ProjectList};
use crate::pesel::Pesel;

/// Why a card is invalid. The order is the order of the card's rubrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    MissingFirstName,
    MissingLastName,
    MissingAddress,
    MissingPesel,
    PeselInvalid,
    Underage,
    OutsideWindow,
    MissingSignature,
    NoDistrict,
    UnknownDistrict,
    LocalIncomplete,
    LocalDuplicate,
    LocalUnknownProject,
    CitywideIncomplete,
    CitywideDuplicate,
    CitywideUnknownProject,
    Illegible,
    WrongRubric,
    MultipleVotes,
    /// The office annulled the votes of an internet account registered on
    /// someone else's PESEL (konta-faq #10). Set by the tally only.
    Annulled,
}

impl Reason {
    pub const ALL: [Reason; 20] = [
        Reason::MissingFirstName,
        Reason::MissingLastName,
        Reason::MissingAddress,
        Reason::MissingPesel,
        Reason::PeselInvalid,
        Reason::Underage,
        Reason::OutsideWindow,
        Reason::MissingSignature,
        Reason::NoDistrict,
        Reason::UnknownDistrict,
        Reason::LocalIncomplete,
        Reason::LocalDuplicate,
        Reason::LocalUnknownProject,
        Reason::CitywideIncomplete,
        Reason::CitywideDuplicate,
        Reason::CitywideUnknownProject,
        Reason::Illegible,
        Reason::WrongRubric,
        Reason::MultipleVotes,
        Reason::Annulled,
    ];

    /// The machine-readable code, as in DESIGN §2.
    pub fn code(self) -> &'static str {
        match self {
            Reason::MissingFirstName => "missing_first_name",
            Reason::MissingLastName => "missing_last_name",
            Reason::MissingAddress => "missing_address",
            Reason::MissingPesel => "missing_pesel",
            Reason::PeselInvalid => "pesel_invalid",
            Reason::Underage => "underage",
            Reason::OutsideWindow => "outside_window",
            Reason::MissingSignature => "missing_signature",
            Reason::NoDistrict => "no_district",
            Reason::UnknownDistrict => "unknown_district",
            Reason::LocalIncomplete => "local_incomplete",
            Reason::LocalDuplicate => "local_duplicate",
            Reason::LocalUnknownProject => "local_unknown_project",
            Reason::CitywideIncomplete => "citywide_incomplete",
            Reason::CitywideDuplicate => "citywide_duplicate",
            Reason::CitywideUnknownProject => "citywide_unknown_project",
            Reason::Illegible => "illegible",
            Reason::WrongRubric => "wrong_rubric",
            Reason::MultipleVotes => "multiple_votes",
            Reason::Annulled => "annulled",
        }
    }

    /// Reasons an operator sets from the paper; the rules never produce them.
    pub fn is_operator_mark(self) -> bool {
        matches!(self, Reason::Illegible | Reason::WrongRubric)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Reason {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Reason::ALL
            .into_iter()
            .find(|r| r.code() == s.trim())
            .ok_or_else(|| format!("unknown reason code \"{}\"", s.trim()))
    }
}

/// What was typed in each rubric of one paper card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawCard {
    pub first_name: String,
    pub last_name: String,
    pub address: String,
    pub pesel: String,
    /// The signature rubric is signed.
    pub signed: bool,
    /// As typed: `XI`, `xi` or `11`; empty when the local part is empty.
    pub district: String,
    /// Local project ids by slot, highest points first; a blank slot is `""`.
    pub local: Vec<String>,
    /// City-wide project ids by slot, highest points first.
    pub citywide: Vec<String>,
    /// The day the card was cast (the urn's day).
    pub cast_date: NaiveDate,
    /// Defects the operator saw on the paper: `illegible`, `wrong_rubric`.
    #[serde(default)]
    pub marks: Vec<Reason>,
}

/// The longest value each rubric of a card may hold, in characters. The same
/// at the kiosk (the field stops taking characters), in `import-cards` and in
/// `tally import-online` (a longer value rejects the row): no path stores more.
pub mod limits {
    /// First name.
    pub const FIRST_NAME: usize = 64;
    /// Surname.
    pub const LAST_NAME: usize = 64;
    /// Address.
    pub const ADDRESS: usize = 160;
    /// PESEL as typed, spaces and dashes included (11 digits).
    pub const PESEL: usize = 20;
    /// District as typed (`XVIII`, `18`).
    pub const DISTRICT: usize = 8;
    /// One project id as typed (`BO.OM.63/24`).
    pub const PROJECT_ID: usize = 32;
    /// Rubrics in one part (local or city-wide) of a card; an edition has at
    /// most this many picks.
    pub const PICKS: usize = 20;
    /// A card CSV row's own `id`.
    pub const ROW_ID: usize = 64;
}

/// A rubric of the card, for messages about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rubric {
    FirstName,
    LastName,
    Address,
    Pesel,
    District,
    Local,
    Citywide,
    RowId,
}

impl Rubric {
    /// The card CSV column of the rubric.
    pub fn column(self) -> &'static str {
        match self {
            Rubric::FirstName => "first_name",
            Rubric::LastName => "last_name",
            Rubric::Address => "address",
            Rubric::Pesel => "pesel",
            Rubric::District => "district",
            Rubric::Local => "local",
            Rubric::Citywide => "citywide",
            Rubric::RowId => "id",
        }
    }

    /// The most characters the rubric holds (for a list: one project id).
    pub fn max_chars(self) -> usize {
        match self {
            Rubric::FirstName => limits::FIRST_NAME,
            Rubric::LastName => limits::LAST_NAME,
            Rubric::Address => limits::ADDRESS,
            Rubric::Pesel => limits::PESEL,
            Rubric::District => limits::DISTRICT,
            Rubric::Local | Rubric::Citywide => limits::PROJECT_ID,
            Rubric::RowId => limits::ROW_ID,
        }
    }
}

/// A value longer than its rubric's limit; it is never stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub rubric: Rubric,
    /// Characters found (for a list: rubrics found, when `list` is set).
    pub found: usize,
    pub max: usize,
    /// The list has too many rubrics (rather than one id too long).
    pub list: bool,
}

/// Checks one value against its rubric's limit.
pub fn check_len(rubric: Rubric, value: &str) -> Result<(), TooLong> {
    let max = rubric.max_chars();
    // Counting stops just past the limit: a 10 MB value costs no more.
    let found = value.chars().take(max + 1).count();
    if found > max {
        Err(TooLong {
            rubric,
            found: value.chars().count(),
            max,
            list: false,
        })
    } else {
        Ok(())
    }
}

/// A value holding a control character other than a tab or a line break (a
/// bell, an escape, a backspace, DEL, a C1 control such as CSI): nothing a
/// kiosk's rubric lets be typed, and what could ring or repaint the terminal
/// of whoever reads a list; it is never stored. A line break stays allowed:
/// a spreadsheet's address cell may hold one (README: Field limits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ControlChar {
    pub rubric: Rubric,
}

/// Checks one value for control characters.
pub fn check_controls(rubric: Rubric, value: &str) -> Result<(), ControlChar> {
    if value
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        Err(ControlChar { rubric })
    } else {
        Ok(())
    }
}

impl RawCard {
    /// The first rubric holding a control character, if any.
    pub fn check_controls(&self) -> Result<(), ControlChar> {
        check_controls(Rubric::FirstName, &self.first_name)?;
        check_controls(Rubric::LastName, &self.last_name)?;
        check_controls(Rubric::Address, &self.address)?;
        check_controls(Rubric::Pesel, &self.pesel)?;
        check_controls(Rubric::District, &self.district)?;
        for id in &self.local {
            check_controls(Rubric::Local, id)?;
        }
        for id in &self.citywide {
            check_controls(Rubric::Citywide, id)?;
        }
        Ok(())
    }

    /// The first rubric holding more than the card model allows, if any.
    pub fn check_limits(&self) -> Result<(), TooLong> {
        check_len(Rubric::FirstName, &self.first_name)?;
        check_len(Rubric::LastName, &self.last_name)?;
        check_len(Rubric::Address, &self.address)?;
        check_len(Rubric::Pesel, &self.pesel)?;
        check_len(Rubric::District, &self.district)?;
        for (rubric, list) in [
            (Rubric::Local, &self.local),
            (Rubric::Citywide, &self.citywide),
        ] {
            if list.len() > limits::PICKS {
                return Err(TooLong {
                    rubric,
                    found: list.len(),
                    max: limits::PICKS,
                    list: true,
                });
            }
            for id in list {
                check_len(rubric, id)?;
            }
        }
        Ok(())
    }
}

/// Switches that differ between a real kiosk and training.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleOptions {
    /// Check the cast date against the voting window (off in the demo).
    pub check_window: bool,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions { check_window: true }
    }
}

/// Points one project gets from one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pick {
    /// The project id as the edition spells it.
    pub project: String,
    pub points: u32,
}

/// The verdict on a card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Empty exactly when the card is valid; sorted, no repeats.
    pub reasons: Vec<Reason>,
    /// The district number, when the district rubric names one of the edition's.
    pub district: Option<u32>,
    /// Points for local projects (empty when invalid or no local part).
    pub local: Vec<Pick>,
    /// Points for city-wide projects (empty when invalid or no city-wide part).
    pub citywide: Vec<Pick>,
}

impl Assessment {
    pub fn is_valid(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// True when the rubric holds nothing but blanks.
fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// Outcome of checking one part (local or city-wide) of a card.
struct PartCheck {
    incomplete: bool,
    /// Something is written past the card's last rubric of this part.
    overflow: bool,
    duplicate: bool,
    unknown: bool,
    picks: Vec<Pick>,
}

/// Checks the slots of one part against a list (or, when the district is not
/// known, against nothing: only completeness and repeats can be judged).
fn check_part(slots: &[String], picks: u32, list: Option<&ProjectList>) -> PartCheck {
    let expected = match list {
        Some(l) => (picks as usize).min(l.projects.len()),
        None => picks as usize,
    };
    let incomplete = slots.len() < expected || slots[..expected].iter().any(|s| blank(s));
    let overflow = slots.iter().skip(picks as usize).any(|s| !blank(s));
    let mut duplicate = false;
    let mut unknown = false;
    let mut chosen = Vec::with_capacity(slots.len());
    let typed: Vec<&String> = slots.iter().filter(|s| !blank(s)).collect();
    for (i, slot) in typed.iter().enumerate() {
        // A handful of rubrics: compared pairwise, as ids compare.
        if typed[..i].iter().any(|t| edition::same_id(t, slot)) {
            duplicate = true;
        }
        if let Some(list) = list {
            match list.find(slot) {
                Some(p) => chosen.push(p.id.clone()),
                None => unknown = true,
            }
        }
    }
    let points = edition::points(picks, expected);
    let picks = chosen
        .into_iter()
        .zip(points)
        .map(|(project, points)| Pick { project, points })
        .collect();
    PartCheck {
        incomplete,
        overflow,
        duplicate,
        unknown,
        picks,
    }
}

/// Decides whether a card is valid under an edition's rules.
pub fn assess(edition: &Edition, card: &RawCard, options: RuleOptions) -> Assessment {
    let mut reasons = BTreeSet::new();
    let mut flag = |cond: bool, r: Reason| {
        if cond {
            reasons.insert(r);
        }
    };
    flag(blank(&card.first_name), Reason::MissingFirstName);
    flag(blank(&card.last_name), Reason::MissingLastName);
    flag(blank(&card.address), Reason::MissingAddress);
    match Pesel::parse(&card.pesel) {
        Err(crate::pesel::PeselError::Empty) => flag(true, Reason::MissingPesel),
        Err(_) => flag(true, Reason::PeselInvalid),
        Ok(p) => flag(
            p.age_on(card.cast_date)
                .is_none_or(|age| age < edition.min_age),
            Reason::Underage,
        ),
    }
    flag(
        options.check_window
            && (card.cast_date < edition.voting_start || card.cast_date > edition.voting_end),
        Reason::OutsideWindow,
    );
    flag(
        edition.ballot.require_signature && !card.signed,
        Reason::MissingSignature,
    );

    let ballot = edition.ballot;
    let local_started = !blank(&card.district) || card.local.iter().any(|s| !blank(s));
    let citywide_started = card.citywide.iter().any(|s| !blank(s));
    // A card that votes for nothing at all is incomplete in both parts, even when
    // each part alone is optional.
    let nothing = !local_started && !citywide_started;

    let mut district = None;
    let mut local = Vec::new();
    if local_started {
        let found = edition.parse_district(&card.district);
        district = found.map(|d| d.number);
        flag(blank(&card.district), Reason::NoDistrict);
        flag(
            !blank(&card.district) && found.is_none(),
            Reason::UnknownDistrict,
        );
        let part = check_part(&card.local, ballot.local_picks, found.map(|d| &d.list));
        flag(part.incomplete, Reason::LocalIncomplete);
        flag(part.duplicate, Reason::LocalDuplicate);
        flag(part.unknown, Reason::LocalUnknownProject);
        flag(part.overflow, Reason::WrongRubric);
        local = part.picks;
    } else if ballot.require_local || nothing {
        flag(ballot.require_local, Reason::NoDistrict);
        flag(true, Reason::LocalIncomplete);
    }

    let mut citywide = Vec::new();
    if citywide_started {
        let part = check_part(
            &card.citywide,
            ballot.citywide_picks,
            Some(&edition.citywide),
        );
        flag(part.incomplete, Reason::CitywideIncomplete);
        flag(part.duplicate, Reason::CitywideDuplicate);
        flag(part.unknown, Reason::CitywideUnknownProject);
        flag(part.overflow, Reason::WrongRubric);
        citywide = part.picks;
    } else if ballot.require_citywide || nothing {
        flag(true, Reason::CitywideIncomplete);
    }

    for m in &card.marks {
        flag(m.is_operator_mark(), *m);
    }

    let reasons: Vec<Reason> = reasons.into_iter().collect();
    if !reasons.is_empty() {
        local.clear();
        citywide.clear();
    }
    Assessment {
        reasons,
        district,
        local,
        citywide,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in Reason::ALL {
            assert_eq!(r.code().parse::<Reason>(), Ok(r));
            assert_eq!(
                serde_json::to_string(&r).expect("serialize"),
                format!("\"{}\"", r.code())
            );
        }
        assert!("nonsense".parse::<Reason>().is_err());
    }

    fn card() -> RawCard {
        RawCard {
            first_name: "Jan".into(),
            last_name: "Kowalski".into(),
            address: "ul. Długa 1".into(),
            pesel: "44051401359".into(),
            signed: true,
            district: "XI".into(),
            local: vec!["1".into()],
            citywide: vec!["1".into()],
            cast_date: NaiveDate::from_ymd_opt(2014, 9, 27).expect("date"),
            marks: Vec::new(),
        }
    }

    #[test]
    fn every_limit_holds_at_the_limit_and_refuses_one_more() {
        type Set = fn(&mut RawCard, String);
        let cases: [(Rubric, Set); 7] = [
            (Rubric::FirstName, |c, v| c.first_name = v),
            (Rubric::LastName, |c, v| c.last_name = v),
            (Rubric::Address, |c, v| c.address = v),
            (Rubric::Pesel, |c, v| c.pesel = v),
            (Rubric::District, |c, v| c.district = v),
            (Rubric::Local, |c, v| c.local = vec![v]),
            (Rubric::Citywide, |c, v| c.citywide = vec![v]),
        ];
        for (rubric, set) in cases {
            let max = rubric.max_chars();
            let mut c = card();
            // Multi-byte characters: the limit counts characters, not bytes.
            set(&mut c, "ż".repeat(max));
            assert_eq!(c.check_limits(), Ok(()), "{rubric:?} at the limit");
            set(&mut c, "ż".repeat(max + 1));
            assert_eq!(
                c.check_limits(),
                Err(TooLong {
                    rubric,
                    found: max + 1,
                    max,
                    list: false
                })
            );
        }
        let mut c = card();
        c.local = vec!["1".into(); limits::PICKS];
        assert_eq!(c.check_limits(), Ok(()));
        c.local.push("1".into());
        assert!(matches!(c.check_limits(), Err(TooLong { list: true, .. })));
    }
}
