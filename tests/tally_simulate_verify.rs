//! `tally simulate --verify PERCENT` with the real binary: the simulated
//! points verify a share of their cards blind (issue 13, point 7), the
//! office stores every `card_verified` entry it imports, and `tally
//! results` and `tally audit` show per point what the verification found.

use std::path::{Path, PathBuf};

use serde_json::Value;

#[path = "support/office.rs"]
mod office;

use office::{Office, office, urna};

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = urna(dir).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Simulates 2 points of paper cards only, trusts and imports them.
fn simulated(o: &Office, keying: &str, verify: &str) -> (PathBuf, Value) {
    let sim = o.root.join("sim");
    stdout(
        &o.tally,
        &[
            "tally",
            "simulate",
            "--voters",
            "1500",
            "--points",
            "2",
            "--online",
            "0",
            "--seed",
            "11",
            "--keying-errors",
            keying,
            "--verify",
            verify,
            "--out",
            sim.to_str().expect("path"),
        ],
    );
    std::process::Command::new("sh")
        .arg(sim.join("trust.sh"))
        .env("URNA", env!("CARGO_BIN_EXE_urna"))
        .status()
        .map(|s| assert!(s.success(), "trust.sh failed"))
        .expect("sh");
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(sim.join("usb"))
        .assert()
        .success();
    let expected: Value =
        serde_json::from_slice(&std::fs::read(sim.join("expected.json")).expect("read"))
            .expect("json");
    (sim, expected)
}

fn points(expected: &Value) -> &Vec<Value> {
    expected["points"].as_array().expect("points")
}

/// The results' verification figures are the simulation's, point by point.
fn figures_match(verification: &Value, expected: &Value) {
    let rows = verification.as_array().expect("verification");
    assert_eq!(rows.len(), points(expected).len());
    for (row, p) in rows.iter().zip(points(expected)) {
        assert_eq!(row["point"], p["id"]);
        assert_eq!(row["cards_entered"], p["cards"], "{row}");
        assert_eq!(row["cards_verified"], p["verified"], "{row}");
        assert_eq!(row["fields"], p["fields_compared"], "{row}");
        assert_eq!(row["keyer_errors"], p["keyer_errors"], "{row}");
        let share = 100.0 * p["verified"].as_f64().expect("n") / p["cards"].as_f64().expect("n");
        let got = row["verified_percent"].as_f64().expect("share");
        assert!((got - share).abs() < 1e-9, "{got} {share}");
    }
}

#[test]
fn every_card_verified_corrects_every_keying_error() {
    let o = office();
    let (sim, expected) = simulated(&o, "2", "100");
    let r = o.results();
    // The paper's truth, exactly: every injected error was found and amended.
    assert_eq!(r["ballots"], expected["results"]["ballots"]);
    assert_eq!(
        r["citywide"]["projects"].as_array().map(Vec::len),
        Some(
            expected["results"]["citywide"]
                .as_array()
                .map(Vec::len)
                .unwrap_or(0)
        )
    );
    let project = |p: &Value| (p["id"].clone(), p["points"].clone(), p["voters"].clone());
    let sorted = |v: &Value| {
        let mut v: Vec<_> = v.as_array().expect("list").iter().map(project).collect();
        v.sort_by_key(|p| p.0.to_string());
        v
    };
    assert_eq!(
        sorted(&r["citywide"]["projects"]),
        sorted(&expected["results"]["citywide"])
    );
    let truth = expected["results"]["districts"].as_array().expect("d");
    for (d, t) in r["districts"].as_array().expect("d").iter().zip(truth) {
        assert_eq!(sorted(&d["projects"]), sorted(&t["projects"]), "{d}");
    }
    let injected: u64 = points(&expected)
        .iter()
        .map(|p| p["keyed_wrong"].as_u64().expect("n"))
        .sum();
    assert!(injected > 5, "{injected}");
    for p in points(&expected) {
        assert_eq!(p["keyer_errors"], p["keyed_wrong"], "all found: {p}");
    }
    figures_match(&r["verification"], &expected);
    let truth_csv = std::fs::read_to_string(sim.join("paper-truth.csv")).expect("truth");
    assert!(
        truth_csv.lines().skip(1).all(|l| l.ends_with(',')),
        "no card stays typed wrong"
    );
}

#[test]
fn a_tenth_verified_bounds_the_injected_rate() {
    let o = office();
    let (sim, expected) = simulated(&o, "10", "10");
    let truth_csv = std::fs::read_to_string(sim.join("paper-truth.csv")).expect("truth");
    let a: Value = serde_json::from_str(&stdout(&o.tally, &["tally", "audit", "--format", "json"]))
        .expect("json");
    figures_match(&a["verification"], &expected);
    figures_match(&o.results()["verification"], &expected);
    for (row, p) in a["verification"]
        .as_array()
        .expect("rows")
        .iter()
        .zip(points(&expected))
    {
        let id = p["id"].as_str().expect("id");
        // The actual share of this point's standing cards typed wrong.
        let injected = p["keyed_wrong"].as_f64().expect("n");
        let standing = truth_csv
            .lines()
            .filter(|l| l.starts_with(&format!("{id},")))
            .count();
        let share = injected / standing as f64;
        assert!((0.06..0.14).contains(&share), "{share}");
        let verified = row["cards_verified"].as_u64().expect("n");
        let verified_share = verified as f64 / standing as f64;
        assert!(
            (0.05..0.17).contains(&verified_share),
            "{verified} of {standing}"
        );
        let found = row["cards_keyed_wrong"].as_u64().expect("n");
        assert_eq!(
            row["keyer_errors"].as_u64(),
            Some(found),
            "one field a card"
        );
        let upper = row["cards_keyed_wrong_upper_95"].as_f64().expect("bound");
        let estimate = found as f64 / verified as f64;
        assert!(
            estimate <= upper && upper >= share,
            "{estimate} ≤ {upper} ≥ {share}"
        );
    }
    // The text of the results and of the audit says the same figures.
    let text = stdout(&o.tally, &["tally", "results"]);
    let audit = stdout(&o.tally, &["tally", "audit"]);
    for p in points(&expected) {
        let line = format!(
            "{}: entered {}, verified {} (",
            p["id"].as_str().expect("id"),
            p["cards"],
            p["verified"]
        );
        let errors = format!(
            "fields {}, keyer errors {},",
            p["fields_compared"], p["keyer_errors"]
        );
        for t in [&text, &audit] {
            assert!(
                t.contains(&line) && t.contains(&errors),
                "{line} {errors} in {t}"
            );
        }
    }
    let html = stdout(&o.tally, &["tally", "results", "--format", "html"]);
    for p in points(&expected) {
        let row = format!(
            "<tr><th scope=\"row\">{}</th><td data-label=\"Cards entered\">{}</td><td data-label=\"Verified\">{}</td>",
            p["id"].as_str().expect("id"),
            p["cards"],
            p["verified"]
        );
        assert!(html.contains(&row), "{row}");
    }
    let polish = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .arg("--data-dir")
        .arg(&o.tally)
        .args(["tally", "results"])
        .output()
        .expect("pl");
    let polish = String::from_utf8_lossy(&polish.stdout);
    assert!(polish.contains("błędy wpisującego"), "{polish}");
}
