//! The edition file as TOML gives it, and its validation into an
//! [`Edition`]: each field checked, each error tied to its place in the file.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use super::{
    Ballot, District, Edition, Money, Msg, Project, ProjectList, TieBreak, TieKey, id_problem, msg,
    normalize_id, pabulib, roman,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    edition: RawEdition,
    ballot: RawBallot,
    citywide: RawList,
    #[serde(default)]
    district: Vec<RawDistrict>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdition {
    id: Spanned<String>,
    name: Spanned<String>,
    voting_start: Spanned<toml::value::Datetime>,
    voting_end: Spanned<toml::value::Datetime>,
    min_age: Spanned<u32>,
    #[serde(default)]
    sample: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBallot {
    picks: Option<Spanned<u32>>,
    local_picks: Option<Spanned<u32>>,
    citywide_picks: Option<Spanned<u32>>,
    #[serde(default = "yes")]
    require_local: bool,
    #[serde(default = "yes")]
    require_citywide: bool,
    #[serde(default = "yes")]
    require_signature: bool,
    tie_break: Option<Spanned<Vec<Spanned<String>>>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    budget: Option<Money>,
    projects: Spanned<Vec<RawProject>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDistrict {
    number: Spanned<u32>,
    name: Spanned<String>,
    budget: Option<Money>,
    projects: Spanned<Vec<RawProject>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProject {
    id: Spanned<String>,
    title: Spanned<String>,
    cost: Option<Money>,
}

type Invalid = (Range<usize>, Msg);

/// Whose list a message speaks of, in both languages.
struct Whose {
    pl: String,
    en: String,
}

fn date(v: &Spanned<toml::value::Datetime>, field: &str) -> Result<NaiveDate, Invalid> {
    let dt = v.get_ref();
    match (dt.date, dt.time) {
        (Some(d), None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(|| {
                    (
                        v.span(),
                        msg(
                            format!("`{field}` nie jest prawdziwą datą"),
                            format!("`{field}` is not a real date"),
                        ),
                    )
                })
        }
        _ => Err((
            v.span(),
            msg(
                format!("`{field}` musi być datą jak 2014-09-27, bez godziny"),
                format!("`{field}` must be a date like 2014-09-27, without a time"),
            ),
        )),
    }
}

fn non_empty(v: &Spanned<String>, what: (&str, &str)) -> Result<String, Invalid> {
    let t = v.get_ref().trim();
    if t.is_empty() {
        Err((
            v.span(),
            msg(
                format!("{} jest puste", what.0),
                format!("{} is empty", what.1),
            ),
        ))
    } else {
        Ok(t.to_string())
    }
}

fn picks(v: Option<&Spanned<u32>>, fallback: Option<&Spanned<u32>>) -> Result<u32, Invalid> {
    match v.or(fallback) {
        None => Err((
            0..0,
            msg(
                "brak pola `local_picks`/`citywide_picks` (albo `picks`) w [ballot]",
                "missing field `local_picks`/`citywide_picks` (or `picks`) in [ballot]",
            ),
        )),
        Some(p) if *p.get_ref() == 0 || *p.get_ref() as usize > crate::card::limits::PICKS => {
            Err((
                p.span(),
                msg(
                    format!(
                        "{} wyborów: karta ma od 1 do {} wyborów",
                        p.get_ref(),
                        crate::card::limits::PICKS
                    ),
                    format!(
                        "{} picks: a card has between 1 and {} picks",
                        p.get_ref(),
                        crate::card::limits::PICKS
                    ),
                ),
            ))
        }
        Some(p) => Ok(*p.get_ref()),
    }
}

fn tie_break(raw: Option<&Spanned<Vec<Spanned<String>>>>) -> Result<TieBreak, Invalid> {
    let Some(raw) = raw else {
        return Ok(TieBreak::default());
    };
    let mut keys = Vec::with_capacity(raw.get_ref().len());
    for k in raw.get_ref() {
        let key = TieKey::from_name(k.get_ref()).ok_or_else(|| {
            let keys = TieKey::ALL.map(|k| format!("\"{}\"", k.name())).join(", ");
            (
                k.span(),
                msg(
                    format!(
                        "nieznany klucz tie_break \"{}\": klucze to {keys}",
                        k.get_ref()
                    ),
                    format!(
                        "unknown tie_break key \"{}\": the keys are {keys}",
                        k.get_ref()
                    ),
                ),
            )
        })?;
        if keys.contains(&key) {
            return Err((
                k.span(),
                msg(
                    format!("tie_break wymienia \"{}\" dwa razy", k.get_ref()),
                    format!("tie_break names \"{}\" twice", k.get_ref()),
                ),
            ));
        }
        keys.push(key);
    }
    TieBreak::new(&keys).ok_or_else(|| {
        (
            raw.span(),
            msg(
                "tie_break wymienia jakiś klucz dwa razy",
                "tie_break names a key twice",
            ),
        )
    })
}

impl RawList {
    fn validate(self, budget: Option<Money>, whose: &Whose) -> Result<ProjectList, Invalid> {
        let RawList { projects, .. } = self;
        validate_projects(projects, budget, whose)
    }
}

fn validate_projects(
    projects: Spanned<Vec<RawProject>>,
    budget: Option<Money>,
    whose: &Whose,
) -> Result<ProjectList, Invalid> {
    let span = projects.span();
    let projects = projects.into_inner();
    if projects.is_empty() {
        return Err((
            span,
            msg(
                format!("{} nie ma zadań", whose.pl),
                format!("{} has no projects", whose.en),
            ),
        ));
    }
    let mut seen: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(projects.len());
    let mut out = Vec::with_capacity(projects.len());
    for p in projects {
        if let Some(why) = id_problem(p.id.get_ref()) {
            let id = p.id.get_ref();
            return Err((
                p.id.span(),
                msg(
                    format!("numer zadania {id:?} ({}) {}", whose.pl, why.pl),
                    format!("project id {id:?} in {} {}", whose.en, why.en),
                ),
            ));
        }
        let id = non_empty(&p.id, ("numer zadania", "project id"))?;
        let key = normalize_id(&id);
        if !seen.insert(key) {
            return Err((
                p.id.span(),
                msg(
                    format!("numer zadania \"{id}\" powtarza się ({})", whose.pl),
                    format!("duplicate project id \"{id}\" in {}", whose.en),
                ),
            ));
        }
        let title = non_empty(&p.title, ("tytuł zadania", "project title"))?;
        out.push(Project {
            id,
            title,
            cost: p.cost,
        });
    }
    Ok(ProjectList {
        budget,
        projects: out,
    })
}

impl RawFile {
    pub(super) fn validate(self) -> Result<Edition, Invalid> {
        let e = self.edition;
        let id = non_empty(&e.id, ("id edycji", "edition id"))?;
        let name = non_empty(&e.name, ("nazwa edycji", "edition name"))?;
        let voting_start = date(&e.voting_start, "voting_start")?;
        let voting_end = date(&e.voting_end, "voting_end")?;
        if voting_end < voting_start {
            return Err((
                e.voting_end.span(),
                msg(
                    format!("voting_end {voting_end} jest przed voting_start {voting_start}"),
                    format!("voting_end {voting_end} is before voting_start {voting_start}"),
                ),
            ));
        }
        if *e.min_age.get_ref() > 120 {
            return Err((
                e.min_age.span(),
                msg(
                    "min_age to nie jest możliwy wiek",
                    "min_age is not a plausible age",
                ),
            ));
        }
        let b = self.ballot;
        let ballot = Ballot {
            local_picks: picks(b.local_picks.as_ref(), b.picks.as_ref())?,
            citywide_picks: picks(b.citywide_picks.as_ref(), b.picks.as_ref())?,
            require_local: b.require_local,
            require_citywide: b.require_citywide,
            require_signature: b.require_signature,
            tie_break: tie_break(b.tie_break.as_ref())?,
        };
        let budget = self.citywide.budget;
        let citywide = self.citywide.validate(
            budget,
            &Whose {
                pl: "lista ogólnomiejska".into(),
                en: "the city-wide list".into(),
            },
        )?;
        let mut districts: Vec<(Range<usize>, District)> = Vec::with_capacity(self.district.len());
        for d in self.district {
            let number = *d.number.get_ref();
            if !(1..=roman::MAX).contains(&number) {
                return Err((
                    d.number.span(),
                    msg(
                        format!(
                            "nieznany numer dzielnicy {number}: dzielnice mają numery od 1 (I) do {} ({})",
                            roman::MAX,
                            roman::to_roman(roman::MAX)
                        ),
                        format!(
                            "unknown district number {number}: districts are numbered from 1 (I) to {} ({})",
                            roman::MAX,
                            roman::to_roman(roman::MAX)
                        ),
                    ),
                ));
            }
            if districts.iter().any(|(_, x)| x.number == number) {
                return Err((
                    d.number.span(),
                    msg(
                        format!(
                            "numer dzielnicy {number} ({}) występuje dwa razy",
                            roman::to_roman(number)
                        ),
                        format!(
                            "district number {number} ({}) appears twice",
                            roman::to_roman(number)
                        ),
                    ),
                ));
            }
            let name = non_empty(&d.name, ("nazwa dzielnicy", "district name"))?;
            let whose = Whose {
                pl: format!("dzielnica {} {name}", roman::to_roman(number)),
                en: format!("district {} {name}", roman::to_roman(number)),
            };
            let list = validate_projects(d.projects, d.budget, &whose)?;
            districts.push((d.number.span(), District { number, name, list }));
        }
        if id.starts_with("krakow") {
            check_krakow_districts(&districts)?;
        }
        if districts.is_empty() && (ballot.require_local) {
            return Err((
                0..0,
                msg(
                    "karta wymaga części lokalnej, a edycja nie ma żadnej [[district]]",
                    "the ballot requires a local part but the edition has no [[district]]",
                ),
            ));
        }
        let mut districts: Vec<District> = districts.into_iter().map(|(_, d)| d).collect();
        districts.sort_by_key(|d| d.number);
        Ok(Edition {
            id,
            name,
            voting_start,
            voting_end,
            min_age: *e.min_age.get_ref(),
            sample: e.sample,
            ballot,
            citywide,
            districts,
        })
    }
}

/// A Kraków edition (id `krakow-…`) must use the city's official district
/// numbers and names, so that a card's district rubric means the same district
/// at every polling point.
fn check_krakow_districts(districts: &[(Range<usize>, District)]) -> Result<(), Invalid> {
    use pabulib::{KRAKOW_DISTRICTS, fold_name};
    for (span, d) in districts {
        let Some(official) = KRAKOW_DISTRICTS.get(d.number as usize - 1) else {
            return Err((
                span.clone(),
                msg(
                    format!(
                        "nieznany numer dzielnicy {}: dzielnice Krakowa to I–XVIII (1–18)",
                        d.number
                    ),
                    format!(
                        "unknown district number {}: Kraków's districts are I–XVIII (1–18)",
                        d.number
                    ),
                ),
            ));
        };
        if fold_name(official) != fold_name(&d.name) {
            return Err((
                span.clone(),
                msg(
                    format!(
                        "dzielnica {} Krakowa to „{official}”, nie „{}”",
                        roman::to_roman(d.number),
                        d.name
                    ),
                    format!(
                        "district {} of Kraków is \"{official}\", not \"{}\"",
                        roman::to_roman(d.number),
                        d.name
                    ),
                ),
            ));
        }
    }
    Ok(())
}
