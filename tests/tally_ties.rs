//! Ties and grosze end to end with the real binary, on crafted Pabulib files
//! (tests/fixtures/crafted-krakow-ties, README there) in the shapes of
//! Kraków's later editions: the edition is built by `edition
//! import-pabulib` (Kraków's tie-break: more top-points votes, then more
//! voters), the votes come through the internet channel, and every format
//! — text, JSON, CSV, Pabulib, HTML — says which tie decided the selection
//! and by which key, or that nothing did. Money with grosze is counted to
//! the grosz. The same votes under `tie_break = ["voters"]` fund the other
//! project.

#[path = "support/pabutools.rs"]
mod pabutools;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{Sex, synthesize};

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .args(["--lang", "en", "--data-dir"])
        .arg(dir);
    c
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crafted-krakow-ties");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "pb"))
        .collect();
    files.sort();
    files
}

/// Cards (district, local picks): every card also votes M1|M2|M3 city-wide.
const CARDS: [(&str, &str); 8] = [
    ("XIV", "C2|C3|C4"),
    ("XIV", "C2|C3|C4"),
    ("XIV", "C3|C1|C4"),
    ("XIV", "C4|C1|C3"),
    ("XIV", "C3|C4|C1"),
    ("XIV", "C4|C3|C1"),
    ("V", "K3|K1|K4"),
    ("V", "K3|K2|K4"),
];

struct Tally {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    dir: PathBuf,
}

impl Tally {
    /// The crafted edition (changed by `edit`), its tally, the cards cast.
    fn new(edit: impl Fn(String) -> String) -> Tally {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().to_path_buf();
        let edition = root.join("edition.toml");
        urna(&root.join("none"))
            .args(["edition", "import-pabulib"])
            .args(fixtures())
            .arg("--out")
            .arg(&edition)
            .assert()
            .success();
        let toml = std::fs::read_to_string(&edition).expect("edition");
        std::fs::write(&edition, edit(toml)).expect("edition");
        let dir = root.join("tally");
        urna(&dir)
            .args(["tally", "init", "--edition"])
            .arg(&edition)
            .assert()
            .success();
        let born = NaiveDate::from_ymd_opt(1980, 5, 17).expect("date");
        let rows: Vec<String> = CARDS
            .iter()
            .enumerate()
            .map(|(i, (district, local))| {
                let pesel = synthesize(born, i as u16 + 1, Sex::Female).expect("pesel");
                format!(
                    "w{i},{pesel},Ewa,Nowak,ul. Długa 1,2024-06-02,{district},{local},M1|M2|M3,1"
                )
            })
            .collect();
        let online = root.join("online.csv");
        std::fs::write(
            &online,
            format!(
                "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed\n{}\n",
                rows.join("\n")
            ),
        )
        .expect("csv");
        urna(&dir)
            .args(["tally", "import-online"])
            .arg(&online)
            .assert()
            .success();
        Tally {
            _tmp: tmp,
            root,
            dir,
        }
    }

    fn results(&self, format: &str) -> String {
        let out = urna(&self.dir)
            .args(["tally", "results", "--format", format])
            .output()
            .expect("results");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.results("json")).expect("json")
    }

    fn pabulib(&self) -> PathBuf {
        let out = self.root.join("pabulib");
        urna(&self.dir)
            .args(["tally", "results", "--format", "pabulib", "--out"])
            .arg(&out)
            .assert()
            .success();
        out
    }
}

fn district(json: &Value, number: u64) -> &Value {
    json["districts"]
        .as_array()
        .expect("districts")
        .iter()
        .find(|d| d["number"] == number)
        .expect("district")
}

/// (id, points, voters, top_points, selected) of a list, in rank order.
fn rows(list: &Value) -> Vec<(String, u64, u64, u64, bool)> {
    list["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_string(),
                p["points"].as_u64().expect("points"),
                p["voters"].as_u64().expect("voters"),
                p["top_points"].as_u64().expect("top"),
                p["selected"].as_bool().expect("selected"),
            )
        })
        .collect()
}

fn row(
    id: &str,
    points: u64,
    voters: u64,
    top: u64,
    selected: bool,
) -> (String, u64, u64, u64, bool) {
    (id.to_string(), points, voters, top, selected)
}

/// The part of a text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let s = &text[text.find(start).unwrap_or_else(|| panic!("no {start:?}"))..];
    &s[..s.find(end).unwrap_or(s.len())]
}

#[test]
fn the_edition_s_tie_break_decides_and_every_format_says_so() {
    let t = Tally::new(|toml| toml);
    let json = t.json();
    assert_eq!(
        json["tie_break"],
        serde_json::json!(["top_points", "voters"])
    );

    // Czyżyny: C1 and C2 level on 6 points; C2 has the 3-point votes and
    // is funded, though C1 has more voters.
    let czyzyny = district(&json, 14);
    assert_eq!(
        rows(czyzyny),
        [
            row("C3", 13, 6, 2, true),
            row("C4", 11, 6, 2, true),
            row("C2", 6, 2, 2, true),
            row("C1", 6, 4, 0, false),
        ]
    );
    assert_eq!(
        czyzyny["ties"],
        serde_json::json!([{"projects": ["C2", "C1"], "points": 6, "settled_by": "top_points"}])
    );
    // Krowodrza: K1 and K2 level on every key; only one fits: undecided,
    // the edition file's order stands.
    let krowodrza = district(&json, 5);
    assert_eq!(
        rows(krowodrza),
        [
            row("K3", 6, 2, 2, true),
            row("K4", 2, 2, 0, true),
            row("K1", 2, 1, 0, true),
            row("K2", 2, 1, 0, false),
        ]
    );
    assert_eq!(
        krowodrza["ties"],
        serde_json::json!([{"projects": ["K4", "K1", "K2"], "points": 2, "settled_by": null}])
    );
    // No tie in the city-wide list; nothing else reported anywhere.
    assert_eq!(json["citywide"]["ties"], serde_json::json!([]));
    let reported: usize = json["districts"]
        .as_array()
        .expect("districts")
        .iter()
        .map(|d| d["ties"].as_array().expect("ties").len())
        .sum();
    assert_eq!(reported, 2);

    // Text: each tied project marked, and a line per tie with its key.
    let text = t.results("text");
    let cz = between(&text, "District XIV Czyżyny", "\n\n");
    for id in ["C1", "C2"] {
        let line = cz
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .expect("line");
        assert!(line.contains("[tie: top_points]"), "{line}");
    }
    assert!(!cz.lines().any(|l| l.contains(" C3 ") && l.contains("[tie")));
    assert!(
        cz.contains("! tie (6 pts): C2, C1 — settled by the key top_points (more votes giving it the top points (3))"),
        "{cz}"
    );
    let kr = between(&text, "District V Krowodrza", "\n\n");
    assert!(kr.contains("[undecided tie]"), "{kr}");
    assert!(kr.contains("! tie (2 pts): K4, K1, K2 — UNDECIDED"), "{kr}");

    // CSV: the `tie` column names the key, or `undecided`.
    let csv = t.results("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let ties: Vec<(String, String)> = reader
        .records()
        .map(|r| r.expect("row"))
        .filter(|r| !r[col("tie")].is_empty())
        .map(|r| (r[col("project")].to_string(), r[col("tie")].to_string()))
        .collect();
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        ties,
        [
            pair("K4", "undecided"),
            pair("K1", "undecided"),
            pair("K2", "undecided"),
            pair("C2", "top_points"),
            pair("C1", "top_points"),
        ]
    );

    // Pabulib: the tie-break in META, each tie in the comment; pabutools
    // counts the same, ties and keys included.
    let pb = t.pabulib();
    let file = |name: &str| std::fs::read_to_string(pb.join(name)).expect(name);
    let cz = file("krakow-2024-proba_district_14_czyzyny.pb");
    assert!(cz.contains("\ntie_break;top_points,voters\n"), "{cz}");
    assert!(cz.contains(
        "#1: a tie on 6 points between C2, C1 that decided the selection was settled by the tie-break key top_points"
    ), "{cz}");
    let kr = file("krakow-2024-proba_district_05_krowodrza.pb");
    assert!(
        kr.contains("between K4, K1, K2 that decided the selection is UNDECIDED"),
        "{kr}"
    );
    let results = t.root.join("results.json");
    std::fs::write(&results, t.results("json")).expect("json");
    pabutools::agrees(&results, &pb);

    // HTML: a note per tie with its key, and every tied row marked.
    let html = t.results("html");
    let cz = between(&html, "<section id=\"d14\"", "</section>");
    assert!(cz.contains("Settled by the edition's tie-break key <code>top_points</code>: more votes giving it the top points (3)."), "{cz}");
    let table = between(cz, "<table id=\"t-d14\"", "</table>");
    for tr in table.split("<tr>").skip(2) {
        let tied = tr.contains("<code>C1</code>") || tr.contains("<code>C2</code>");
        assert_eq!(tr.contains("⚠ tie: top_points"), tied, "{tr}");
    }
    let kr = between(&html, "<section id=\"d5\"", "</section>");
    assert!(kr.contains("<strong>Undecided:</strong>"), "{kr}");
    assert_eq!(
        kr.matches("<br><span class=\"status tie-mark\">⚠ undecided tie</span>")
            .count(),
        3
    );
}

#[test]
fn the_same_votes_by_voters_fund_the_other_project() {
    let t = Tally::new(|toml| {
        toml.replace(
            "tie_break = [\"top_points\", \"voters\"]",
            "tie_break = [\"voters\"]",
        )
    });
    let json = t.json();
    let czyzyny = district(&json, 14);
    assert_eq!(
        rows(czyzyny)[2..],
        [row("C1", 6, 4, 0, true), row("C2", 6, 2, 2, false)]
    );
    assert_eq!(czyzyny["ties"][0]["settled_by"], "voters");
    // And pabutools, ordering by the file's `tie_break;voters`, agrees.
    let results = t.root.join("results.json");
    std::fs::write(&results, t.results("json")).expect("json");
    pabutools::agrees(&results, &t.pabulib());
}

#[test]
fn grosze_are_counted_to_the_grosz() {
    let t = Tally::new(|toml| toml);
    let json = t.json();
    let city = &json["citywide"];
    let raw = t.results("json");
    // Exactly as written, never a binary fraction.
    assert!(raw.contains("\"budget\": 1546168.66,"), "{raw}");
    assert!(
        raw.contains("\"cost\": 1000000.5,") || raw.contains("\"cost\": 1000000.50,"),
        "{raw}"
    );
    assert!(raw.contains("\"spent\": 1546168.66,"), "{raw}");
    assert!(raw.contains("\"left\": 0,"), "{raw}");
    // M1 then M2 fit to the grosz; M3 (one grosz) no longer fits.
    let selected: Vec<(String, bool)> = city["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_string(),
                p["selected"] == true,
            )
        })
        .collect();
    assert_eq!(
        selected,
        [
            ("M1".to_string(), true),
            ("M2".to_string(), true),
            ("M3".to_string(), false)
        ]
    );
    let text = t.results("text");
    let city = between(&text, "City-wide projects", "\n\n");
    assert!(
        city.contains("budget PLN 1,546,168.66; selected cost PLN 1,546,168.66, left PLN 0"),
        "{city}"
    );
    assert!(city.contains("PLN 1,000,000.50  SELECTED"), "{city}");
    assert!(city.contains("PLN 0.01  not selected"), "{city}");
    let csv = t.results("csv");
    assert!(
        csv.contains(",M2,Ścieżka rowerowa (próba),546168.16,"),
        "{csv}"
    );
    let pb = t.pabulib();
    let city = std::fs::read_to_string(pb.join("krakow-2024-proba_citywide.pb")).expect("pb");
    assert!(city.contains("\nbudget;1546168.66\n"), "{city}");
    assert!(city.contains("\nM1;1000000.50;"), "{city}");
    let html = t.results("html");
    assert!(html.contains("Budget: PLN\u{a0}1,546,168.66."), "html");
    let polish = Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .arg("--data-dir")
        .arg(&t.dir)
        .args(["tally", "results", "--format", "html"])
        .output()
        .expect("html");
    let polish = String::from_utf8(polish.stdout).expect("utf-8");
    assert!(polish.contains("Budżet: 1\u{a0}546\u{a0}168,66\u{a0}zł."));
}
