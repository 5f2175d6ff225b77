//! The count on real data: every vote of Kraków's 2021 participatory budget
//! (Pabulib files in tests/fixtures) counted by urna must give, for all 19
//! units, exactly the official points (`score`), voters (`votes`) and winners
//! (`selected`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use urna::card::{Assessment, Pick};
use urna::edition::pabulib;
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

#[test]
fn krakow_2021_counts_exactly_as_officially_published() {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pabulib-krakow-2021"
    ));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
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
