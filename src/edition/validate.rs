//! The edition file as TOML gives it, and its validation into an
//! [`Edition`]: each field checked, each error tied to its place in the file.

use std::ops::Range;

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::i18n::Lang;
use crate::tr;

use super::{
    Ballot, District, Edition, Money, Msg, Project, ProjectList, TieBreak, TieKey, id_problem,
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

/// Whose list a message speaks of.
enum Whose {
    Citywide,
    District { number: u32, name: String },
}

impl Whose {
    fn words(&self, lang: Lang) -> String {
        match self {
            Whose::Citywide => tr!(lang, "error-edition-whose-citywide"),
            Whose::District { number, name } => tr!(
                lang,
                "error-edition-whose-district",
                roman = roman::to_roman(*number),
                name = name.as_str()
            ),
        }
    }
}

/// A text field that must not be empty.
#[derive(Clone, Copy)]
enum Field {
    ProjectId,
    ProjectTitle,
    EditionId,
    EditionName,
    DistrictName,
}

impl Field {
    fn words(self, lang: Lang) -> String {
        match self {
            Field::ProjectId => tr!(lang, "error-edition-field-project-id"),
            Field::ProjectTitle => tr!(lang, "error-edition-field-project-title"),
            Field::EditionId => tr!(lang, "error-edition-field-edition-id"),
            Field::EditionName => tr!(lang, "error-edition-field-edition-name"),
            Field::DistrictName => tr!(lang, "error-edition-field-district-name"),
        }
    }
}

fn date(v: &Spanned<toml::value::Datetime>, field: &str) -> Result<NaiveDate, Invalid> {
    let dt = v.get_ref();
    match (dt.date, dt.time) {
        (Some(d), None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                .ok_or_else(|| {
                    (
                        v.span(),
                        Msg::new(|lang| tr!(lang, "error-edition-not-a-date", field = field)),
                    )
                })
        }
        _ => Err((
            v.span(),
            Msg::new(|lang| tr!(lang, "error-edition-date-with-time", field = field)),
        )),
    }
}

fn non_empty(v: &Spanned<String>, what: Field) -> Result<String, Invalid> {
    let t = v.get_ref().trim();
    if t.is_empty() {
        Err((
            v.span(),
            Msg::new(|lang| tr!(lang, "error-edition-empty", field = what.words(lang))),
        ))
    } else {
        Ok(t.to_string())
    }
}

fn picks(v: Option<&Spanned<u32>>, fallback: Option<&Spanned<u32>>) -> Result<u32, Invalid> {
    match v.or(fallback) {
        None => Err((0..0, Msg::new(|lang| tr!(lang, "error-edition-no-picks")))),
        Some(p) if *p.get_ref() == 0 || *p.get_ref() as usize > crate::card::limits::PICKS => {
            Err((
                p.span(),
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-picks",
                        picks = *p.get_ref(),
                        max = crate::card::limits::PICKS
                    )
                }),
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
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-unknown-tie-key",
                        key = k.get_ref().as_str(),
                        keys = keys.as_str()
                    )
                }),
            )
        })?;
        if keys.contains(&key) {
            return Err((
                k.span(),
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-tie-key-twice",
                        key = k.get_ref().as_str()
                    )
                }),
            ));
        }
        keys.push(key);
    }
    TieBreak::new(&keys).ok_or_else(|| {
        (
            raw.span(),
            Msg::new(|lang| tr!(lang, "error-edition-tie-keys-twice")),
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
            Msg::new(|lang| tr!(lang, "error-edition-no-projects", list = whose.words(lang))),
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
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-bad-project-id",
                        id = format!("{id:?}"),
                        list = whose.words(lang),
                        why = why.get(lang)
                    )
                }),
            ));
        }
        let id = non_empty(&p.id, Field::ProjectId)?;
        let key = normalize_id(&id);
        if !seen.insert(key) {
            return Err((
                p.id.span(),
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-duplicate-project-id",
                        id = id.as_str(),
                        list = whose.words(lang)
                    )
                }),
            ));
        }
        let title = non_empty(&p.title, Field::ProjectTitle)?;
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
        let id = non_empty(&e.id, Field::EditionId)?;
        let name = non_empty(&e.name, Field::EditionName)?;
        let voting_start = date(&e.voting_start, "voting_start")?;
        let voting_end = date(&e.voting_end, "voting_end")?;
        if voting_end < voting_start {
            return Err((
                e.voting_end.span(),
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-end-before-start",
                        end = voting_end.to_string(),
                        start = voting_start.to_string()
                    )
                }),
            ));
        }
        if *e.min_age.get_ref() > 120 {
            return Err((
                e.min_age.span(),
                Msg::new(|lang| tr!(lang, "error-edition-min-age")),
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
        let citywide = self.citywide.validate(budget, &Whose::Citywide)?;
        let mut districts: Vec<(Range<usize>, District)> = Vec::with_capacity(self.district.len());
        for d in self.district {
            let number = *d.number.get_ref();
            if !(1..=roman::MAX).contains(&number) {
                return Err((
                    d.number.span(),
                    Msg::new(|lang| {
                        tr!(
                            lang,
                            "error-edition-unknown-district",
                            number = number,
                            max = roman::MAX,
                            roman = roman::to_roman(roman::MAX)
                        )
                    }),
                ));
            }
            if districts.iter().any(|(_, x)| x.number == number) {
                return Err((
                    d.number.span(),
                    Msg::new(|lang| {
                        tr!(
                            lang,
                            "error-edition-district-twice",
                            number = number,
                            roman = roman::to_roman(number)
                        )
                    }),
                ));
            }
            let name = non_empty(&d.name, Field::DistrictName)?;
            let whose = Whose::District {
                number,
                name: name.clone(),
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
                Msg::new(|lang| tr!(lang, "error-edition-no-districts")),
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
                Msg::new(|lang| tr!(lang, "error-edition-not-krakow-district", number = d.number)),
            ));
        };
        if fold_name(official) != fold_name(&d.name) {
            return Err((
                span.clone(),
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-edition-krakow-district-name",
                        roman = roman::to_roman(d.number),
                        official = *official,
                        name = d.name.as_str()
                    )
                }),
            ));
        }
    }
    Ok(())
}
