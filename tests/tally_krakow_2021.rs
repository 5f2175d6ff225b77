//! The count on real data: every vote of Kraków's 2021 participatory budget
//! (Pabulib files in tests/fixtures) counted by urna must give, for all 19
//! units, exactly the official points (`score`), voters (`votes`) and winners
//! (`selected`) — counted directly, and cast through the internet channel of
//! the real binary, whose Pabulib output pabutools must then count the same.

#[path = "support/pabutools.rs"]
mod pabutools;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::{Days, NaiveDate};
use serde_json::Value;
use urna::card::{Assessment, Pick};
use urna::edition::{Edition, pabulib};
use urna::pesel::{Sex, synthesize};
use urna::tally::results;

struct Unit {
    district: Option<String>,
    /// project id → (score, votes, selected) as the file states them.
    official: BTreeMap<String, (u64, u64, bool)>,
    /// Each vote line: project ids and their points.
    votes: Vec<Vec<(String, u32)>>,
}

fn read_unit(path: &PathBuf) -> Unit {
    let text = std::fs::read_to_string(path).expect("read");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut section = String::new();
    let mut header: Vec<String> = Vec::new();
    let mut unit = Unit {
        district: None,
        official: BTreeMap::new(),
        votes: Vec::new(),
    };
    for rec in reader.records() {
        let rec = rec.expect("record");
        if rec.len() == 1 && ["META", "PROJECTS", "VOTES"].contains(&&rec[0]) {
            section = rec[0].to_string();
            header.clear();
            continue;
        }
        if header.is_empty() {
            header = rec.iter().map(String::from).collect();
            continue;
        }
        let col = |name: &str| &rec[header.iter().position(|h| h == name).expect(name)];
        match section.as_str() {
            "META" if &rec[0] == "district" => unit.district = Some(rec[1].to_string()),
            "PROJECTS" => {
                unit.official.insert(
                    col("project_id").to_string(),
                    (
                        col("score").parse().expect("score"),
                        col("votes").parse().expect("votes"),
                        col("selected") == "1",
                    ),
                );
            }
            "VOTES" => {
                let ids = col("vote").split(',');
                let points = col("points")
                    .split(',')
                    .map(|p| p.parse::<u32>().expect("points"));
                unit.votes.push(ids.map(String::from).zip(points).collect());
            }
            _ => {}
        }
    }
    unit
}

fn fixture_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pabulib-krakow-2021"
    ));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
}

#[test]
fn krakow_2021_counts_exactly_as_officially_published() {
    let files = fixture_files();
    let edition = pabulib::import(&files, 16).expect("edition");
    let units: Vec<Unit> = files.iter().map(read_unit).collect();

    // One ballot per vote line, each with one part filled (the files keep the
    // city-wide and the district votes apart).
    let mut ballots = Vec::new();
    for unit in &units {
        let district = unit.district.as_ref().map(|name| {
            edition
                .districts
                .iter()
                .find(|d| &d.name == name)
                .expect("district in the edition")
                .number
        });
        for vote in &unit.votes {
            let picks: Vec<Pick> = vote
                .iter()
                .map(|(project, points)| Pick {
                    project: project.clone(),
                    points: *points,
                })
                .collect();
            ballots.push(Assessment {
                reasons: vec![],
                district,
                local: if district.is_some() {
                    picks.clone()
                } else {
                    vec![]
                },
                citywide: if district.is_none() { picks } else { vec![] },
            });
        }
    }
    let result = results::count(&edition, &ballots);
    assert_eq!(result.ballots.valid as usize, ballots.len());

    let mut checked = 0;
    for unit in &units {
        let (label, projects) = match &unit.district {
            None => ("city-wide".to_string(), &result.citywide.projects),
            Some(name) => (
                name.clone(),
                &result
                    .districts
                    .iter()
                    .find(|d| &d.name == name)
                    .expect("district result")
                    .list
                    .projects,
            ),
        };
        assert_eq!(projects.len(), unit.official.len(), "{label}");
        for p in projects {
            let (score, votes, selected) = unit.official[&p.id];
            assert_eq!(
                (p.points, p.voters, p.selected),
                (score, votes, Some(selected)),
                "{label}, project {}",
                p.id
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 99 + 497, "every project of the 19 units");
}

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .arg("--lang")
        .arg("en")
        .arg("--data-dir")
        .arg(dir);
    c
}

/// A distinct valid PESEL for voter `n`: 2000 per birth day (serial and sex),
/// born in 1950, of age on any day of 2021.
fn pesel(n: u32) -> String {
    let born = NaiveDate::from_ymd_opt(1950, 1, 1)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(n / 2000))))
        .expect("birth date");
    let sex = if n.is_multiple_of(2) {
        Sex::Female
    } else {
        Sex::Male
    };
    synthesize(born, ((n % 2000) / 2) as u16, sex).expect("pesel")
}

/// Each vote line of the 19 files becomes one card of the internet channel
/// (one part filled: the files keep the city-wide and district votes apart);
/// the office imports them with `urna tally import-online` and counts. For
/// every project of every unit: the official points, voters and winners.
/// Then the same count published as Pabulib must be what pabutools counts.
#[test]
fn krakow_2021_through_the_internet_channel() {
    let files = fixture_files();
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let edition_file = root.join("krakow-2021.toml");
    urna(&root.join("unused"))
        .args(["edition", "import-pabulib"])
        .args(&files)
        .arg("--out")
        .arg(&edition_file)
        .assert()
        .success();
    let edition = Edition::load(&edition_file).expect("the built edition");
    let units: Vec<Unit> = files.iter().map(read_unit).collect();

    let mut csv = String::from(
        "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed\n",
    );
    let first_day = NaiveDate::from_ymd_opt(2021, 10, 1).expect("date");
    let mut n = 0u32;
    for unit in &units {
        let district = unit.district.as_ref().map(|name| {
            edition
                .districts
                .iter()
                .find(|d| &d.name == name)
                .expect("district in the edition")
                .number
        });
        for vote in &unit.votes {
            // Rank order: the most points first.
            let mut picks = vote.clone();
            picks.sort_by_key(|(_, points)| std::cmp::Reverse(*points));
            let ids = picks
                .iter()
                .map(|(id, _)| id.as_str())
                .collect::<Vec<_>>()
                .join("|");
            let (number, local, citywide) = match district {
                Some(d) => (d.to_string(), ids.as_str(), ""),
                None => (String::new(), "", ids.as_str()),
            };
            let cast = first_day
                .checked_add_days(Days::new(u64::from(n % 10)))
                .expect("cast date");
            let _ = writeln!(
                csv,
                "w{n},{},Jan,Nowak,ul. Długa 1,{cast},{number},{local},{citywide},1",
                pesel(n)
            );
            n += 1;
        }
    }
    let online = root.join("online.csv");
    std::fs::write(&online, csv).expect("csv");

    let tally = root.join("tally");
    urna(&tally)
        .args(["tally", "init", "--edition"])
        .arg(&edition_file)
        .assert()
        .success();
    urna(&tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();
    let out = urna(&tally)
        .args(["tally", "results", "--format", "json"])
        .output()
        .expect("results");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");

    let ballots = &json["ballots"];
    assert_eq!(
        (ballots["total"].as_u64(), ballots["valid"].as_u64()),
        (Some(u64::from(n)), Some(u64::from(n))),
        "every vote line is a valid card; invalid by reason: {}",
        ballots["by_reason"]
    );
    let mut checked = 0;
    for unit in &units {
        let (label, list) = match &unit.district {
            None => ("city-wide".to_string(), &json["citywide"]),
            Some(name) => (
                name.clone(),
                json["districts"]
                    .as_array()
                    .expect("districts")
                    .iter()
                    .find(|d| d["name"] == name.as_str())
                    .expect("district result"),
            ),
        };
        let projects = list["projects"].as_array().expect("projects");
        assert_eq!(projects.len(), unit.official.len(), "{label}");
        for p in projects {
            let id = p["id"].as_str().expect("id");
            let (score, votes, selected) = unit.official[id];
            assert_eq!(
                (
                    p["points"].as_u64(),
                    p["voters"].as_u64(),
                    p["selected"].as_bool()
                ),
                (Some(score), Some(votes), Some(selected)),
                "{label}, project {id}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 99 + 497, "every project of the 19 units");

    // Published as Pabulib: one file per unit, no PESEL in any, and pabutools
    // reads them and counts the same.
    let results_json = root.join("results.json");
    std::fs::write(&results_json, &out.stdout).expect("results.json");
    let pb = root.join("pabulib");
    urna(&tally)
        .args(["tally", "results", "--format", "pabulib", "--out"])
        .arg(&pb)
        .assert()
        .success();
    let mut written: Vec<String> = std::fs::read_dir(&pb)
        .expect("pabulib dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 19, "{written:?}");
    assert!(written.contains(&"krakow-2021_citywide.pb".to_string()));
    assert!(written.contains(&"krakow-2021_district_09_lagiewniki-borek-falecki.pb".to_string()));
    for name in &written {
        let text = std::fs::read_to_string(pb.join(name)).expect("pb");
        let longest_digits = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(
            longest_digits < 11,
            "{name}: a run of {longest_digits} digits"
        );
    }
    // Read back by urna's own importer: the same edition (its lists in rank
    // order), and each file's projects with the official costs, votes, score
    // and selected.
    let ours: Vec<PathBuf> = written.iter().map(|n| pb.join(n)).collect();
    let by_id = |mut e: Edition| {
        for list in
            std::iter::once(&mut e.citywide).chain(e.districts.iter_mut().map(|d| &mut d.list))
        {
            list.projects.sort_by(|a, b| a.id.cmp(&b.id));
        }
        e
    };
    assert_eq!(
        by_id(pabulib::import(&ours, 16).expect("urna's files import")),
        by_id(edition)
    );
    let by_unit = |paths: &[PathBuf]| -> BTreeMap<Option<String>, Vec<String>> {
        paths
            .iter()
            .map(|p| {
                let f = pabulib::PbFile::read(p).expect("pb");
                let mut rows: Vec<String> = f.projects.iter().map(|p| format!("{p:?}")).collect();
                rows.sort();
                (f.district_name().map(String::from), rows)
            })
            .collect()
    };
    assert_eq!(by_unit(&ours), by_unit(&files));
    let report = pabutools::agrees(&results_json, &pb);
    assert_eq!(
        report.lines().filter(|l| l.starts_with("ok ")).count(),
        19,
        "{report}"
    );
}
