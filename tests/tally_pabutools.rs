//! urna's Pabulib output read by pabutools, the Pabulib project's own tools:
//! titles with `;` and `"` survive the quoting, the count pabutools makes
//! from the files is urna's, and the check fails when the two disagree.
//! (Kraków 2021 through pabutools is in `tally_krakow_2021.rs`.)

#[path = "support/pabutools.rs"]
mod pabutools;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{Sex, synthesize};

const EDITION: &str = r#"[edition]
id = "proba-2021"
name = 'Budżet; "próbny" 2021'
voting_start = 2021-10-01
voting_end = 2021-10-10
min_age = 16

[ballot]
picks = 3
require_local = false
require_citywide = false

[citywide]
budget = 100
projects = [
  { id = "1", title = 'Park; "Zielony" i ławki', cost = 60 },
  { id = "2", title = "Zwykły", cost = 50 },
  { id = "3", title = 'Trzeci "cytat"', cost = 40 },
]

[[district]]
number = 1
name = "Stare Miasto"
budget = 30
projects = [
  { id = "A", title = "Chodnik; nowy", cost = 20 },
  { id = "B", title = "Ławki", cost = 15 },
]
"#;

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .arg("--lang")
        .arg("en")
        .arg("--data-dir")
        .arg(dir);
    c
}

fn pesel(n: u16) -> String {
    let born = NaiveDate::from_ymd_opt(1980, 5, 17).expect("date");
    synthesize(born, n, Sex::Female).expect("pesel")
}

/// A small tally through the internet channel, counted as JSON and as
/// Pabulib files: (temp dir, results.json, pabulib dir).
fn small_tally() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    let edition = root.join("edition.toml");
    std::fs::write(&edition, EDITION).expect("edition");
    let rows = [
        format!(
            "w1,{},Ewa,Nowak,ul. Długa 1,2021-10-01,I,A|B,1|2|3,1",
            pesel(1)
        ),
        format!("w2,{},Ewa,Nowak,ul. Długa 1,2021-10-02,,,3|1|2,1", pesel(2)),
        format!("w3,{},Ewa,Nowak,ul. Długa 1,2021-10-03,1,B|A,,1", pesel(3)),
        format!("w4,{},Ewa,Nowak,ul. Długa 1,2021-10-04,,,1|3|2,1", pesel(4)),
        // Not signed: invalid, so in no file.
        format!(
            "w5,{},Ewa,Nowak,ul. Długa 1,2021-10-04,I,B,2|3|1,0",
            pesel(5)
        ),
    ];
    let online = root.join("online.csv");
    std::fs::write(
        &online,
        format!(
            "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed\n{}\n",
            rows.join("\n")
        ),
    )
    .expect("csv");
    let tally = root.join("tally");
    urna(&tally)
        .args(["tally", "init", "--edition"])
        .arg(&edition)
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
    assert!(out.status.success());
    let json = root.join("results.json");
    std::fs::write(&json, &out.stdout).expect("results.json");
    let pb = root.join("pabulib");
    urna(&tally)
        .args(["tally", "results", "--format", "pabulib", "--out"])
        .arg(&pb)
        .assert()
        .success();
    (tmp, json, pb)
}

#[test]
fn quoted_titles_and_the_count_survive_pabutools() {
    let (_tmp, json, pb) = small_tally();
    let city = std::fs::read_to_string(pb.join("proba-2021_citywide.pb")).expect("city-wide");
    // 1: 3+2+3 points, 3: 1+3+2, 2: 2+1+1; 1 and 3 fit the budget of 100.
    assert!(
        city.contains("\nproject_id;cost;votes;score;name;selected\n1;60;3;8;\"Park; \"\"Zielony\"\" i ławki\";1\n3;40;3;6;\"Trzeci \"\"cytat\"\"\";1\n2;50;3;4;Zwykły;0\nVOTES\n"),
        "{city}"
    );
    assert!(
        city.contains("\ndescription;\"Budżet; \"\"próbny\"\" 2021, city-wide list\"\n"),
        "{city}"
    );
    assert!(city.contains("\nnum_votes;3\n"), "{city}");
    assert!(city.ends_with(
        "internet:w1;1,2,3;3,2,1;internet\ninternet:w2;3,1,2;3,2,1;internet\ninternet:w4;1,3,2;3,2,1;internet\n"
    ));
    let district = std::fs::read_to_string(pb.join("proba-2021_district_01_stare-miasto.pb"))
        .expect("district file");
    // A list of two: 3 and 2 points. A and B level; A first in the edition.
    assert!(district.contains("\nmin_length;2\nmax_length;2\nmin_points;2\nmax_points;3\nmin_sum_points;5\nmax_sum_points;5\n"), "{district}");
    assert!(
        district.contains("\nA;20;2;5;\"Chodnik; nowy\";1\nB;15;2;5;Ławki;0\n"),
        "{district}"
    );

    let report = pabutools::agrees(&json, &pb);
    assert!(
        report.contains("ok proba-2021_citywide.pb (city-wide): 3 votes, 2 of 3 selected"),
        "{report}"
    );
    assert!(
        report.contains("(Stare Miasto): 2 votes, 1 of 2 selected"),
        "{report}"
    );
}

#[test]
fn the_check_fails_when_pabutools_counts_otherwise() {
    let (_tmp, json, pb) = small_tally();
    let mut results: Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("parse");
    // Say that project 2 won instead of 3.
    for p in results["citywide"]["projects"]
        .as_array_mut()
        .expect("projects")
    {
        let id = p["id"].as_str().unwrap_or_default().to_string();
        if id == "2" || id == "3" {
            p["selected"] = Value::Bool(id == "2");
        }
    }
    std::fs::write(&json, results.to_string()).expect("write");
    let out = pabutools::run(&json, &pb);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains("greedy selects ['1', '3'], urna ['1', '2']"),
        "{stderr}"
    );
}
