//! Kraków 2021 from Pabulib: the import must carry every project, cost and
//! budget of the 19 files into the edition unchanged.

use std::collections::BTreeMap;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::str::contains;
use urna::edition::{Edition, Money, TieBreak, pabulib};

fn fixture_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/pabulib-krakow-2021"
    ));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    files
}

/// What one file says, read here independently of the importer: META as a
/// map, PROJECTS as id → cost.
fn read_pb(path: &PathBuf) -> (BTreeMap<String, String>, BTreeMap<String, Money>) {
    let text = std::fs::read_to_string(path).expect("read");
    let mut meta = BTreeMap::new();
    let mut costs = BTreeMap::new();
    let mut section = "";
    let mut header: Vec<String> = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for rec in reader.records() {
        let rec = rec.expect("record");
        if rec.len() == 1 && ["META", "PROJECTS", "VOTES"].contains(&&rec[0]) {
            section = if &rec[0] == "META" {
                "meta"
            } else if &rec[0] == "PROJECTS" {
                "projects"
            } else {
                "votes"
            };
            header.clear();
            continue;
        }
        if header.is_empty() {
            header = rec.iter().map(String::from).collect();
            continue;
        }
        match section {
            "meta" => {
                meta.insert(rec[0].to_string(), rec[1].to_string());
            }
            "projects" => {
                let id = header
                    .iter()
                    .position(|h| h == "project_id")
                    .expect("id col");
                let cost = header.iter().position(|h| h == "cost").expect("cost col");
                costs.insert(rec[id].to_string(), rec[cost].parse().expect("cost"));
            }
            _ => break,
        }
    }
    (meta, costs)
}

#[test]
fn krakow_2021_round_trips() {
    let files = fixture_files();
    assert_eq!(files.len(), 19);
    let edition = pabulib::import(&files, 16).expect("import");
    assert_eq!(edition.id, "krakow-2021");
    assert_eq!(edition.districts.len(), 18);
    assert_eq!(edition.ballot.local_picks, 3);
    assert_eq!(edition.ballot.citywide_picks, 3);
    assert!(!edition.ballot.require_local && !edition.ballot.require_citywide);
    // Kraków's practice: more top-points votes, then more voters.
    assert_eq!(edition.ballot.tie_break, TieBreak::KRAKOW);
    assert_eq!(edition.voting_start.to_string(), "2021-10-01");
    assert_eq!(edition.voting_end.to_string(), "2021-10-10");

    for f in &files {
        let (meta, costs) = read_pb(f);
        let list = match meta.get("district") {
            None => &edition.citywide,
            Some(name) => {
                let d = edition
                    .districts
                    .iter()
                    .find(|d| &d.name == name)
                    .unwrap_or_else(|| panic!("district {name} missing"));
                // Official numbering.
                let official = pabulib::KRAKOW_DISTRICTS
                    .iter()
                    .position(|k| k == name)
                    .expect("a Kraków district") as u32
                    + 1;
                assert_eq!(d.number, official, "{name}");
                &d.list
            }
        };
        assert_eq!(
            list.budget,
            Some(meta["budget"].parse().expect("budget")),
            "{}",
            f.display()
        );
        assert_eq!(
            list.projects.len().to_string(),
            meta["num_projects"],
            "{}",
            f.display()
        );
        let got: BTreeMap<String, Money> = list
            .projects
            .iter()
            .map(|p| (p.id.clone(), p.cost.expect("cost")))
            .collect();
        assert_eq!(got, costs, "{}", f.display());
    }
    // The one title with quotes inside survives.
    assert!(
        edition
            .citywide
            .projects
            .iter()
            .any(|p| p.title == "„Przylądek dobrej nadziei\" Zygmunta Nowakowskiego")
    );
    // And the TOML it writes reads back as the same edition.
    assert_eq!(
        Edition::parse(&edition.to_toml(), "again").expect("parse"),
        edition
    );
}

#[test]
fn cli_builds_an_edition_that_checks() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = tmp.path().join("krakow-2021.toml");
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["edition", "import-pabulib"])
        .args(fixture_files())
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("18 dzielnic"));
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["edition", "check"])
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("99 zadań ogólnomiejskich"));
    let loaded = Edition::load(&out).expect("load");
    assert_eq!(
        loaded,
        pabulib::import(&fixture_files(), 16).expect("import")
    );
}

#[test]
fn bad_pabulib_input_names_file_and_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let bad = tmp.path().join("bad.pb");
    std::fs::write(
        &bad,
        "META\nkey;value\nunit;Kraków\ninstance;2021\ndate_begin;01.10.2021\ndate_end;10.10.2021\nPROJECTS\nproject_id;cost;name\n1;100;A\n2;dużo;B\n",
    )
    .expect("write");
    let err = pabulib::import(std::slice::from_ref(&bad), 16).expect_err("bad cost");
    assert_eq!(
        err.to_string(),
        format!(
            "{}:10: project 2: cost \"dużo\" is not an amount (złoty, at most two decimals)",
            bad.display()
        )
    );
    let files = fixture_files();
    let districts_only: Vec<PathBuf> = files
        .iter()
        .filter(|f| !f.ends_with("Poland_Krakow_2021.pb"))
        .cloned()
        .collect();
    assert!(
        pabulib::import(&districts_only, 16)
            .expect_err("no city file")
            .to_string()
            .contains("no city-wide file")
    );
    let twice = [files.clone(), vec![files[1].clone()]].concat();
    assert!(
        pabulib::import(&twice, 16)
            .expect_err("twice")
            .to_string()
            .contains("two files for the same district")
    );
}

/// 2024's files give budgets and costs with grosze (`1546168.66`): the
/// import reads them exactly, and refuses three decimals by file and line.
#[test]
fn budgets_and_costs_with_grosze_are_read_exactly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let city = tmp.path().join("Poland_Krakow_2024.pb");
    std::fs::write(
        &city,
        "META\nkey;value\nunit;Kraków\ninstance;2024\nbudget;1546168.66\nmax_length;3\n\
         date_begin;01.06.2024\ndate_end;10.06.2024\nPROJECTS\nproject_id;cost;name\n\
         A;1000000.5;Park\nB;546168.16;Ławki\nC;7;Kino\nVOTES\nvoter_id;vote;points\n",
    )
    .expect("write");
    let edition = pabulib::import(std::slice::from_ref(&city), 16).expect("import");
    assert_eq!(
        edition.citywide.budget,
        Some(Money::from_grosze(154_616_866))
    );
    let costs: Vec<u64> = edition
        .citywide
        .projects
        .iter()
        .map(|p| p.cost.expect("cost").grosze())
        .collect();
    assert_eq!(costs, [100_000_050, 54_616_816, 700]);
    assert_eq!(
        Edition::parse(&edition.to_toml(), "again").expect("parse"),
        edition
    );
    let text = std::fs::read_to_string(&city).expect("read");
    std::fs::write(&city, text.replace("546168.16", "546168.165")).expect("write");
    assert_eq!(
        pabulib::import(std::slice::from_ref(&city), 16)
            .expect_err("three decimals")
            .to_string(),
        format!(
            "{}:12: project B: cost \"546168.165\" is not an amount (złoty, at most two decimals)",
            city.display()
        )
    );
    std::fs::write(&city, text.replace("1546168.66", "1546168,66")).expect("write");
    assert!(
        pabulib::import(std::slice::from_ref(&city), 16)
            .expect_err("comma")
            .to_string()
            .contains("META `budget` \"1546168,66\" is not an amount")
    );
}
