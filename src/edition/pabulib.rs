//! Builds an edition from Pabulib `.pb` files (the public library of
//! participatory-budgeting data): one file per district plus one city-wide file.
//!
//! A `.pb` file has three sections, `META`, `PROJECTS` and `VOTES`, each a
//! semicolon-separated table with a header row; fields may be quoted with `"`.
//! Only `META` and `PROJECTS` are needed for an edition.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Ballot, District, Edition, Money, Msg, Project, ProjectList, TieBreak};
use crate::tr;

/// Kraków's districts in their official order (number = index + 1).
pub const KRAKOW_DISTRICTS: [&str; 18] = [
    "Stare Miasto",
    "Grzegórzki",
    "Prądnik Czerwony",
    "Prądnik Biały",
    "Krowodrza",
    "Bronowice",
    "Zwierzyniec",
    "Dębniki",
    "Łagiewniki-Borek Fałęcki",
    "Swoszowice",
    "Podgórze Duchackie",
    "Bieżanów-Prokocim",
    "Podgórze",
    "Czyżyny",
    "Mistrzejowice",
    "Bieńczyce",
    "Wzgórza Krzesławickie",
    "Nowa Huta",
];

/// Why the `.pb` files could not become an edition.
#[derive(Debug, thiserror::Error)]
pub enum PabulibError {
    Io {
        path: String,
        source: std::io::Error,
    },
    At {
        path: String,
        line: u64,
        message: Msg,
    },
    Set(Msg),
}

impl PabulibError {
    /// The error in `lang`, with file and line.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match self {
            PabulibError::Io { path, source } => format!(
                "{path}: {}",
                crate::tr!(
                    lang,
                    "error-csv-io",
                    error = crate::foreign::io_error(lang, source)
                )
            ),
            PabulibError::At {
                path,
                line,
                message,
            } => format!("{path}:{line}: {}", message.get(lang)),
            PabulibError::Set(m) => m.get(lang).to_string(),
        }
    }
}

crate::display_in_english!(PabulibError);

/// One project row of a `.pb` file.
#[derive(Debug, Clone, PartialEq)]
pub struct PbProject {
    pub id: String,
    pub cost: Money,
    pub name: Option<String>,
    /// The file's own `votes` column (number of voters), if present.
    pub votes: Option<u64>,
    /// The file's own `score` column (points), if present.
    pub score: Option<u64>,
    pub selected: Option<bool>,
}

/// The `META` and `PROJECTS` sections of one `.pb` file.
#[derive(Debug, Clone)]
pub struct PbFile {
    pub path: PathBuf,
    pub meta: BTreeMap<String, String>,
    /// Line of each `META` key.
    pub meta_lines: BTreeMap<String, u64>,
    pub projects: Vec<PbProject>,
}

impl PbFile {
    /// Reads `META` and `PROJECTS`; stops at `VOTES`.
    pub fn read(path: &Path) -> Result<PbFile, PabulibError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|source| PabulibError::Io {
            path: shown.clone(),
            source,
        })?;
        let at = |line: u64, message: Msg| PabulibError::At {
            path: shown.clone(),
            line,
            message,
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes.as_slice());
        #[derive(PartialEq)]
        enum Section {
            None,
            Meta,
            Projects,
        }
        let mut section = Section::None;
        let mut header: Option<Vec<String>> = None;
        let mut meta = BTreeMap::new();
        let mut meta_lines = BTreeMap::new();
        let mut projects: Vec<PbProject> = Vec::new();
        let mut seen: BTreeMap<String, u64> = BTreeMap::new();
        let mut lines = crate::cardcsv::Lines::new(&bytes);
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, |p| lines.of(p.byte() as usize));
                at(
                    line,
                    Msg::new(|lang| {
                        tr!(
                            lang,
                            "error-pabulib-unreadable-line",
                            error = crate::cardcsv::csv_error(lang, &e)
                        )
                    }),
                )
            })?;
            let line = record.position().map_or(0, |p| lines.of(p.byte() as usize));
            let first = record.get(0).unwrap_or("").trim();
            if record.len() == 1 {
                match first {
                    "META" => {
                        section = Section::Meta;
                        header = None;
                        continue;
                    }
                    "PROJECTS" => {
                        section = Section::Projects;
                        header = None;
                        continue;
                    }
                    "VOTES" => break,
                    "" => continue,
                    _ => {}
                }
            }
            let Some(cols) = &header else {
                if section == Section::None {
                    return Err(at(
                        line,
                        Msg::new(|lang| tr!(lang, "error-pabulib-meta-first")),
                    ));
                }
                header = Some(record.iter().map(|s| s.trim().to_string()).collect());
                continue;
            };
            let field = |name: &str| -> Option<&str> {
                cols.iter()
                    .position(|c| c == name)
                    .and_then(|i| record.get(i))
                    .map(str::trim)
            };
            match section {
                Section::Meta => {
                    let key = record.get(0).unwrap_or("").trim().to_string();
                    let value = record.get(1).unwrap_or("").trim().to_string();
                    meta_lines.insert(key.clone(), line);
                    meta.insert(key, value);
                }
                Section::Projects => {
                    let id = field("project_id")
                        .filter(|s| !s.is_empty())
                        .ok_or_else(|| {
                            at(
                                line,
                                Msg::new(|lang| tr!(lang, "error-pabulib-no-project-id")),
                            )
                        })?
                        .to_string();
                    if let Some(why) = super::id_problem(&id) {
                        return Err(at(
                            line,
                            Msg::new(|lang| {
                                tr!(
                                    lang,
                                    "error-pabulib-bad-project-id",
                                    id = format!("{id:?}"),
                                    why = why.get(lang)
                                )
                            }),
                        ));
                    }
                    if let Some(first) = seen.insert(super::normalize_id(&id), line) {
                        return Err(at(
                            line,
                            Msg::new(|lang| {
                                tr!(
                                    lang,
                                    "error-pabulib-project-id-twice",
                                    id = id.to_string(),
                                    first = first
                                )
                            }),
                        ));
                    }
                    let cost_text = field("cost").ok_or_else(|| {
                        at(
                            line,
                            Msg::new(|lang| {
                                tr!(lang, "error-pabulib-no-cost", id = id.to_string())
                            }),
                        )
                    })?;
                    let cost = Money::parse(cost_text).ok_or_else(|| {
                        at(
                            line,
                            Msg::new(|lang| {
                                tr!(
                                    lang,
                                    "error-pabulib-cost-not-amount",
                                    id = id.to_string(),
                                    cost = cost_text.to_string()
                                )
                            }),
                        )
                    })?;
                    let number = |name: &str| field(name).and_then(parse_amount);
                    projects.push(PbProject {
                        id,
                        cost,
                        name: field("name").filter(|s| !s.is_empty()).map(str::to_string),
                        votes: number("votes"),
                        score: number("score"),
                        selected: field("selected").map(|s| s == "1"),
                    });
                }
                Section::None => {}
            }
        }
        if meta.is_empty() {
            return Err(at(1, Msg::new(|lang| tr!(lang, "error-pabulib-no-meta"))));
        }
        if projects.is_empty() {
            return Err(at(
                1,
                Msg::new(|lang| tr!(lang, "error-pabulib-no-projects")),
            ));
        }
        let file = PbFile {
            path: path.to_path_buf(),
            meta,
            meta_lines,
            projects,
        };
        file.check_meta()?;
        Ok(file)
    }

    fn shown(&self) -> String {
        self.path.display().to_string()
    }

    /// The district this file is for, or `None` for a city-wide file.
    pub fn district_name(&self) -> Option<&str> {
        self.meta
            .get("district")
            .or_else(|| self.meta.get("subunit"))
            .map(String::as_str)
            .filter(|s| !s.is_empty())
    }

    fn meta_required(&self, key: &str) -> Result<&str, PabulibError> {
        self.meta
            .get(key)
            .map(String::as_str)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                self.meta_at(
                    key,
                    Msg::new(|lang| tr!(lang, "error-pabulib-meta-missing", key = key.to_string())),
                )
            })
    }

    /// The line of a `META` key (1 when it is missing).
    fn meta_line(&self, key: &str) -> u64 {
        self.meta_lines.get(key).copied().unwrap_or(1)
    }

    fn meta_at(&self, key: &str, message: Msg) -> PabulibError {
        PabulibError::At {
            path: self.shown(),
            line: self.meta_line(key),
            message,
        }
    }

    fn meta_number(&self, key: &str) -> Result<Option<u64>, PabulibError> {
        match self.meta.get(key) {
            None => Ok(None),
            Some(v) => parse_amount(v).map(Some).ok_or_else(|| {
                self.meta_at(
                    key,
                    Msg::new(|lang| {
                        tr!(
                            lang,
                            "error-pabulib-meta-not-number",
                            key = key.to_string(),
                            value = v.to_string()
                        )
                    }),
                )
            }),
        }
    }

    /// What an edition takes from `META`, checked where it is written: the
    /// picks (`min_length`, `max_length`) and the voting dates.
    fn check_meta(&self) -> Result<(), PabulibError> {
        let max_picks = crate::card::limits::PICKS as u64;
        let max = self.meta_number("max_length")?;
        if let Some(n) = max
            && !(1..=max_picks).contains(&n)
        {
            return Err(self.meta_at(
                "max_length",
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-pabulib-max-length",
                        length = n,
                        max = max_picks
                    )
                }),
            ));
        }
        if let Some(n) = self.meta_number("min_length")? {
            let limit = max.unwrap_or(max_picks);
            if n > limit {
                return Err(self.meta_at(
                    "min_length",
                    Msg::new(|lang| tr!(lang, "error-pabulib-min-over-max", min = n, max = limit)),
                ));
            }
        }
        let mut dates = Vec::new();
        for key in ["date_begin", "date_end"] {
            if self.meta.contains_key(key) {
                dates.push(self.meta_date(key)?);
            }
        }
        if let [begin, end] = dates[..]
            && end < begin
        {
            return Err(self.meta_at(
                "date_end",
                Msg::new(|lang| {
                    tr!(
                        lang,
                        "error-pabulib-end-before-begin",
                        end = end.to_string(),
                        begin = begin.to_string()
                    )
                }),
            ));
        }
        Ok(())
    }

    fn meta_date(&self, key: &str) -> Result<NaiveDate, PabulibError> {
        let v = self.meta_required(key)?;
        NaiveDate::parse_from_str(v, "%d.%m.%Y")
            .or_else(|_| NaiveDate::parse_from_str(v, "%Y-%m-%d"))
            .map_err(|_| {
                self.meta_at(
                    key,
                    Msg::new(|lang| {
                        tr!(
                            lang,
                            "error-pabulib-meta-not-date",
                            key = key.to_string(),
                            value = v.to_string()
                        )
                    }),
                )
            })
    }

    fn meta_money(&self, key: &str) -> Result<Option<Money>, PabulibError> {
        match self.meta.get(key) {
            None => Ok(None),
            Some(v) => Money::parse(v).map(Some).ok_or_else(|| {
                self.meta_at(
                    key,
                    Msg::new(|lang| {
                        tr!(
                            lang,
                            "error-pabulib-meta-not-amount",
                            key = key.to_string(),
                            value = v.to_string()
                        )
                    }),
                )
            }),
        }
    }

    fn project_list(&self) -> Result<ProjectList, PabulibError> {
        Ok(ProjectList {
            budget: self.meta_money("budget")?,
            projects: self
                .projects
                .iter()
                .map(|p| Project {
                    id: p.id.clone(),
                    title: p
                        .name
                        .clone()
                        .unwrap_or_else(|| format!("Projekt {}", p.id)),
                    cost: Some(p.cost),
                })
                .collect(),
        })
    }
}

/// Whole numbers (counts, lengths); some files write `1500000.0`. Read as
/// text, never through a float.
fn parse_amount(s: &str) -> Option<u64> {
    let t = s.trim();
    t.parse::<u64>().ok().or_else(|| {
        Money::parse(t)
            .filter(|m| m.cents() == 0)
            .map(Money::whole_zloty)
    })
}

/// Lowercase without Polish diacritics, for matching district names.
pub fn fold_name(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            '_' => ' ',
            other => other,
        })
        .collect()
}

/// Lowercase ASCII letters and digits, other runs as one `-`: for ids and file names.
pub(crate) fn slug(s: &str) -> String {
    let folded = fold_name(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Builds an edition from a city-wide file and district files.
pub fn import(paths: &[PathBuf], min_age: u32) -> Result<Edition, PabulibError> {
    let files = paths
        .iter()
        .map(|p| PbFile::read(p))
        .collect::<Result<Vec<_>, _>>()?;
    let (city, districts): (Vec<&PbFile>, Vec<&PbFile>) =
        files.iter().partition(|f| f.district_name().is_none());
    let city = match city.as_slice() {
        [one] => *one,
        [] => {
            return Err(PabulibError::Set(Msg::new(|lang| {
                tr!(lang, "error-pabulib-no-citywide")
            })));
        }
        many => {
            let list = many
                .iter()
                .map(|f| f.shown())
                .collect::<Vec<_>>()
                .join(", ");
            return Err(PabulibError::Set(Msg::new(|lang| {
                tr!(
                    lang,
                    "error-pabulib-many-citywide",
                    files = list.to_string()
                )
            })));
        }
    };
    let unit = city.meta_required("unit")?.to_string();
    let instance = city.meta_required("instance")?.to_string();
    let is_krakow = fold_name(&unit) == "krakow";

    let mut numbered: Vec<(u32, &PbFile)> = Vec::with_capacity(districts.len());
    if is_krakow {
        for f in &districts {
            let name = f.district_name().unwrap_or_default();
            let number = KRAKOW_DISTRICTS
                .iter()
                .position(|k| fold_name(k) == fold_name(name))
                .ok_or_else(|| {
                    f.meta_at(
                        if f.meta.contains_key("district") {
                            "district"
                        } else {
                            "subunit"
                        },
                        Msg::new(|lang| {
                            tr!(
                                lang,
                                "error-pabulib-not-krakow-district",
                                name = name.to_string()
                            )
                        }),
                    )
                })?;
            numbered.push((number as u32 + 1, f));
        }
    } else {
        let mut sorted = districts.clone();
        sorted.sort_by_key(|f| fold_name(f.district_name().unwrap_or_default()));
        numbered = sorted
            .into_iter()
            .enumerate()
            .map(|(i, f)| (i as u32 + 1, f))
            .collect();
    }
    numbered.sort_by_key(|(n, _)| *n);
    for pair in numbered.windows(2) {
        if pair[0].0 == pair[1].0 {
            let (a, b) = (pair[0].1.shown(), pair[1].1.shown());
            return Err(PabulibError::Set(Msg::new(|lang| {
                tr!(
                    lang,
                    "error-pabulib-same-district",
                    first = a.to_string(),
                    second = b.to_string()
                )
            })));
        }
    }

    let picks_of = |f: &PbFile| -> Result<u32, PabulibError> {
        Ok(f.meta_number("max_length")?.map_or(3, |n| n as u32))
    };
    let mut local_picks = 0;
    for (_, f) in &numbered {
        local_picks = local_picks.max(picks_of(f)?);
    }
    let citywide_picks = picks_of(city)?;
    let district_list = numbered
        .iter()
        .map(|(number, f)| {
            Ok(District {
                number: *number,
                name: f.district_name().unwrap_or_default().to_string(),
                list: f.project_list()?,
            })
        })
        .collect::<Result<Vec<_>, PabulibError>>()?;
    let name = if is_krakow {
        format!("Budżet Obywatelski Miasta Krakowa {instance}")
    } else {
        format!("Budżet Obywatelski – {unit} {instance}")
    };
    Ok(Edition {
        id: format!("{}-{}", slug(&unit), slug(&instance)),
        name,
        voting_start: city.meta_date("date_begin")?,
        voting_end: city.meta_date("date_end")?,
        min_age,
        sample: false,
        ballot: Ballot {
            local_picks: if local_picks == 0 {
                citywide_picks
            } else {
                local_picks
            },
            citywide_picks,
            require_local: false,
            require_citywide: false,
            require_signature: true,
            // Kraków settles a tie on points by more top-points votes (the
            // 2022 Czyżyny and 2024 Krowodrza ties), then more voters.
            tie_break: if is_krakow {
                TieBreak::KRAKOW
            } else {
                TieBreak::default()
            },
        },
        citywide: city.project_list()?,
        districts: district_list,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_polish_names() {
        assert_eq!(
            fold_name("Łagiewniki-Borek Fałęcki"),
            "lagiewniki-borek falecki"
        );
        assert_eq!(fold_name("PODGÓRZE_DUCHACKIE"), "podgorze duchackie");
        assert_eq!(slug("Kraków"), "krakow");
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("1500000"), Some(1_500_000));
        assert_eq!(parse_amount("1500000.0"), Some(1_500_000));
        assert_eq!(parse_amount("15.5"), None);
        assert_eq!(parse_amount("dużo"), None);
    }
}
