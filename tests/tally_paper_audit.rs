//! The office's audit against paper (issue 13, point 6), end to end with the
//! real binary: `tally audit-sample` draws the same fixed list from the same
//! seed on any machine (and the Python re-draw in docs/audit-sample.md gives
//! it too), `tally audit-record` journals what the paper showed, and `tally
//! audit` gives the estimated keying error rate with its exact upper bound,
//! checked against values computed apart (Python, exact binomial sums).

use std::path::Path;

use serde_json::Value;

#[path = "support/office.rs"]
mod office;
#[path = "support/sqlite.rs"]
mod sqlite;

use office::{Office, office, pesel, row, urna};

const UP: &str = "1|2|3|4|5";

/// An office with P1's 8 cards (P1-000003 … P1-000010) and P2's 5
/// (P2-000003 … P2-000007), all imported.
fn two_points() -> Office {
    let o = office();
    let p1: Vec<String> = (0..8)
        .map(|i| row(&format!("a{i}"), &pesel(100 + i), UP))
        .collect();
    let p2: Vec<String> = (0..5)
        .map(|i| row(&format!("b{i}"), &pesel(200 + i), UP))
        .collect();
    o.kiosk("P1", &p1, true);
    o.kiosk("P2", &p2, true);
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    o
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = urna(dir).args(args).output().expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

/// The real binary in its default language, Polish.
fn polish(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run")
}

fn sample(o: &Office, seed: &str, count: &str, point: Option<&str>) -> Value {
    let mut args = vec![
        "tally",
        "audit-sample",
        "--seed",
        seed,
        "--count",
        count,
        "--as",
        "Ewa",
        "--format",
        "json",
    ];
    if let Some(p) = point {
        args.extend(["--point", p]);
    }
    serde_json::from_str(&stdout(&o.tally, &args)).expect("json")
}

fn ids(v: &Value) -> Vec<String> {
    v["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["card_id"].as_str().expect("id").to_string())
        .collect()
}

/// The re-draw script of docs/audit-sample.md, run with python3.
fn python_redraw(
    dir: &Path,
    ids_csv: &Path,
    seed: &str,
    count: u64,
    point: Option<&str>,
) -> Vec<String> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/audit-sample.md"))
        .expect("docs");
    let start = doc.find("```python\n").expect("a python block") + "```python\n".len();
    let script = &doc[start..start + doc[start..].find("```").expect("its end")];
    let file = dir.join("redraw.py");
    std::fs::write(&file, script).expect("script");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(&file).arg(seed).arg(count.to_string()).arg(ids_csv);
    if let Some(p) = point {
        cmd.arg(p);
    }
    let out = cmd.output().expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_seed_draws_a_fixed_list_that_anyone_can_redraw() {
    let o = two_points();
    let seed = "3 1 4 1 5 9";
    // A point that sent nothing has nothing to draw from.
    // (Its own kiosk: the office trusts a kiosk key for one point only.)
    let idle = o.root.join("idle.pub");
    let key = urna(&o.init_kiosk("P3")).arg("key").output().expect("key");
    std::fs::write(&idle, &key.stdout).expect("key");
    urna(&o.tally)
        .args(["tally", "trust"])
        .arg(&idle)
        .args(["--point", "P3"])
        .assert()
        .success();
    urna(&o.tally)
        .args([
            "tally",
            "audit-sample",
            "--seed",
            seed,
            "--count",
            "5",
            "--point",
            "P3",
        ])
        .args(["--as", "Ewa"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "the office has no card from point P3 yet",
        ));
    let first = sample(&o, seed, "5", None);
    // Fixed: the same on every machine (computed once with the docs' script).
    assert_eq!(
        ids(&first),
        [
            "P1-000007",
            "P1-000009",
            "P1-000004",
            "P2-000004",
            "P1-000005"
        ]
    );
    assert_eq!(first["population"], 13);
    assert_eq!(first["already_drawn"], false);
    let card = &first["cards"][1];
    assert_eq!(card["point"], "P1");
    assert_eq!(card["point_name"], "P1");
    assert_eq!(card["number"], 9);
    assert!(
        card["bundle"].as_str().expect("bundle").starts_with("P1-"),
        "{card}"
    );
    assert_eq!(card["bundle_sequence"], 1);

    // The clerk sees a drawn card as typed, field by field; no other card.
    let card = stdout(&o.tally, &["tally", "audit-card", "P1-000007"]);
    assert!(
        card.starts_with("Card P1-000007 (point P1)\n  entered "),
        "{card}"
    );
    for line in [
        format!("  pesel        {}\n", pesel(104)),
        "  last_name    Nowak\n".into(),
        "  district     I\n".into(),
        "  local.2      2\n".into(),
        "  cast_date    2014-09-28\n".into(),
    ] {
        assert!(card.contains(&line), "{line:?} in {card}");
    }
    urna(&o.tally)
        .args(["tally", "audit-card", "P1-000010"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "card P1-000010 was not drawn in any sample",
        ));

    // Again: the same list, not journaled a second time.
    let again = sample(&o, seed, "5", None);
    assert_eq!(ids(&again), ids(&first));
    assert_eq!(again["already_drawn"], true);
    assert_eq!(again["decision"], first["decision"]);
    // Another seed, another list; a point's cards only.
    assert_ne!(ids(&sample(&o, "2 7 1 8", "5", None)), ids(&first));
    let p2 = sample(&o, seed, "3", Some("P2"));
    assert_eq!(ids(&p2), ["P2-000004", "P2-000007", "P2-000005"]);
    assert_eq!(p2["population"], 5);

    // The observer's re-draw from the exported population.
    let file = o.root.join("ids.csv");
    urna(&o.tally)
        .args(["tally", "audit-sample", "--all-ids", "--out"])
        .arg(&file)
        .assert()
        .success();
    let csv = std::fs::read_to_string(&file).expect("ids");
    assert!(csv.starts_with("point,card_id\nP1,P1-000003\n"), "{csv}");
    assert_eq!(csv.lines().count(), 14);
    use sha2::Digest;
    assert_eq!(
        hex::encode(sha2::Sha256::digest(csv.as_bytes())),
        first["population_sha256"].as_str().expect("sha")
    );
    assert_eq!(python_redraw(&o.root, &file, seed, 5, None), ids(&first));
    assert_eq!(python_redraw(&o.root, &file, seed, 3, Some("P2")), ids(&p2));

    // More than there are: all of them, said so; in text and CSV too.
    let draw = |count: &'static str, more: &[&'static str]| {
        let mut args = vec!["tally", "audit-sample", "--seed", seed, "--count", count];
        args.extend(["--as", "Ewa"]);
        args.extend(more);
        args
    };
    let text = stdout(&o.tally, &draw("20", &[]));
    assert!(
        text.contains("Asked for 20, but the population holds only 13 cards: all are drawn."),
        "{text}"
    );
    assert!(
        text.contains("1. point P1 (P1), card no. 7 (P1-000007), bundle P1-"),
        "{text}"
    );
    let pl = String::from_utf8(polish(&o.tally, &draw("2", &[])).stdout).expect("utf-8");
    assert!(pl.contains("wylosowano 2 karty spośród 13"), "{pl}");
    let csv = stdout(&o.tally, &draw("1", &["--format", "csv"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("order,point,point_name,card_number,card_id,bundle,bundle_sequence")
    );
    assert!(
        lines
            .next()
            .expect("row")
            .starts_with("1,P1,P1,7,P1-000007,P1-"),
        "{csv}"
    );

    // What cannot be drawn.
    for (args, said) in [
        (
            vec!["--seed", " 3", "--count", "5"],
            "starts or ends with a space",
        ),
        (
            vec!["--seed", "3", "--count", "0"],
            "--count must be at least 1",
        ),
        // Looks like "31" on every screen, draws another list.
        (
            vec!["--seed", "3\u{200b}1", "--count", "5"],
            "holds an invisible or text-direction character",
        ),
        (
            vec!["--seed", "3\u{202e}1", "--count", "5"],
            "holds an invisible or text-direction character",
        ),
        (
            vec!["--seed", "3", "--count", "5", "--point", "P7"],
            "knows no point P7",
        ),
    ] {
        urna(&o.tally)
            .args(["tally", "audit-sample", "--as", "Ewa"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(said));
    }
}

/// The one-sided 95 % Clopper–Pearson upper bound, computed by python3 with
/// exact binomial sums (math.comb) and bisection: apart from urna's code.
fn python_bound(k: u64, n: u64) -> f64 {
    let script = format!(
        "from math import comb\n\
         cdf = lambda p: sum(comb({n}, i) * p**i * (1 - p)**({n} - i) for i in range({k} + 1))\n\
         lo, hi = 0.0, 1.0\n\
         for _ in range(200):\n    m = (lo + hi) / 2\n    lo, hi = (m, hi) if cdf(m) > 0.05 else (lo, m)\n\
         print(hi)\n"
    );
    let out = std::process::Command::new("python3")
        .args(["-c", &script])
        .output()
        .expect("python3 runs");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .parse()
        .expect("a number")
}

fn audit(o: &Office) -> Value {
    serde_json::from_str(&stdout(&o.tally, &["tally", "audit", "--format", "json"])).expect("json")
}

fn record(o: &Office, args: &[&str]) -> std::process::Output {
    urna(&o.tally)
        .args(["tally", "audit-record"])
        .args(args)
        .output()
        .expect("record")
}

#[test]
fn records_are_journaled_and_the_audit_estimates_the_error_rate() {
    let o = office();
    let cards: Vec<String> = (0..50)
        .map(|i| row(&format!("r{i}"), &pesel(300 + i), UP))
        .collect();
    o.kiosk("P1", &cards, true);
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    let drawn = ids(&sample(&o, "6 6 6", "50", None));
    assert_eq!(drawn.len(), 50);

    // Refusals: an unknown field, a card the office lacks, a card not drawn.
    let out = record(&o, &[&drawn[0], "--differs", "local.9", "--as", "Jan"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown card field \"local.9\""), "{err}");
    assert!(
        err.contains("first_name, last_name, address, pesel, signed, district, local.1"),
        "{err}"
    );
    let out = record(&o, &["P1-999999", "--matches", "--as", "Jan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("the office has no card P1-999999"),
        "{out:?}"
    );
    let pl = polish(
        &o.tally,
        &[
            "tally",
            "audit-record",
            "P1-999999",
            "--matches",
            "--as",
            "Jan",
        ],
    );
    assert!(
        String::from_utf8_lossy(&pl.stderr)
            .contains("biuro nie ma karty P1-999999 z żadnego punktu"),
        "{pl:?}"
    );
    let out = record(
        &o,
        &[&drawn[0], "--matches", "--differs", "pesel", "--as", "Jan"],
    );
    assert_eq!(out.status.code(), Some(2), "matches and differs together");

    // Every drawn card matches its paper: 0 of 50, bound 5.8155 %, shown rounded up.
    for id in &drawn {
        let out = record(&o, &[id, "--matches", "--as", "Jan"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let a = audit(&o);
    let cards = &a["paper"]["cards"];
    assert_eq!(
        (cards["found"].as_u64(), cards["of"].as_u64()),
        (Some(0), Some(50))
    );
    let bound = cards["upper_95"].as_f64().expect("bound");
    assert!((bound - python_bound(0, 50)).abs() < 1e-9, "{bound}");
    assert!((bound - 0.0582).abs() < 5e-5, "{bound}");
    let text = String::from_utf8(polish(&o.tally, &["tally", "audit"]).stdout).expect("utf-8");
    assert!(
        text.contains("Kontrola kart z papierem (1 próba)"),
        "{text}"
    );
    assert!(
        text.contains("Sprawdzone z papierem: 50 kart; z różnicą: 0 kart"),
        "{text}"
    );
    assert!(
        text.contains(
            "Szacowany odsetek kart wpisanych z błędem: 0,0 % (górna granica 95 %: 5,9 %)"
        ),
        "{text}"
    );

    // Twice is refused; --again supersedes with a new entry.
    let out = record(&o, &[&drawn[3], "--differs", "local.2", "--as", "Jan"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is already recorded (decision"),
        "{out:?}"
    );
    let out = record(
        &o,
        &[
            &drawn[3],
            "--differs",
            "local.2",
            "pesel",
            "--as",
            "Jan",
            "--again",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let out = record(
        &o,
        &[&drawn[7], "--differs", "local.2", "--as", "Jan", "--again"],
    );
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("DIFFERS: local.2"));

    let a = audit(&o);
    let p = &a["paper"];
    assert_eq!(
        (p["cards"]["found"].as_u64(), p["cards"]["of"].as_u64()),
        (Some(2), Some(50))
    );
    let bound = p["cards"]["upper_95"].as_f64().expect("bound");
    assert!((bound - python_bound(2, 50)).abs() < 1e-9, "{bound}");
    assert_eq!(p["by_field"]["local.2"], 2);
    assert_eq!(p["by_field"]["pesel"], 1);
    assert_eq!(
        (p["fields"]["found"].as_u64(), p["fields"]["of"].as_u64()),
        (Some(3), Some(50 * 17))
    );
    let fbound = p["fields"]["upper_95"].as_f64().expect("bound");
    assert!((fbound - python_bound(3, 850)).abs() < 1e-9, "{fbound}");
    assert_eq!(p["unchecked"], 0);
    let replaced = p["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter(|r| !r["superseded_by"].is_null())
        .count();
    assert_eq!(replaced, 2, "the earlier records stay, shown as replaced");
    let text = String::from_utf8(polish(&o.tally, &["tally", "audit"]).stdout).expect("utf-8");
    assert!(text.contains("z różnicą: 2 karty"), "{text}");
    assert!(text.contains("Pola z różnicą: 3 z 850 pól"), "{text}");
    assert!(text.contains("local.2: 2 karty"), "{text}");
    assert!(text.contains("pesel: 1 karta"), "{text}");
    assert!(
        text.contains(&format!(
            "karta {} (punkt P1): RÓŻNI SIĘ: pesel, local.2",
            drawn[3]
        )),
        "{text}"
    );

    // In the office's hash-chained decisions journal, never changed.
    let db = rusqlite::Connection::open(o.tally.join("tally.sqlite")).expect("db");
    let kinds: Vec<String> = sqlite::column(
        &db,
        "SELECT json_extract(body, '$.kind') FROM decisions ORDER BY seq",
    );
    assert_eq!(kinds.len(), 1 + 50 + 2);
    assert_eq!(kinds[0], "audit_sample");
    assert!(kinds[1..].iter().all(|k| k == "audit_record"));
    let last: String = db
        .query_row(
            "SELECT body FROM decisions ORDER BY seq DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("last");
    let last: Value = serde_json::from_str(&last).expect("json");
    assert_eq!(last["card_id"], drawn[7].as_str());
    assert_eq!(last["differs"], serde_json::json!(["local.2"]));
    assert_eq!(last["operator"], "Jan");
    assert!(last["supersedes"].is_u64(), "{last}");
    db.execute("UPDATE decisions SET body = body WHERE seq = 2", [])
        .expect_err("decisions are never changed");
}

/// `tally simulate --keying-errors`: cards typed with a field wrong, the
/// paper's truth in paper-truth.csv; the audit, answered from it, finds
/// the share that was injected within its bound.
#[test]
fn the_audit_of_a_simulation_with_keying_errors_brackets_the_injected_rate() {
    let o = office();
    let sim = o.root.join("sim");
    let said = stdout(
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
            "10",
            "--out",
            sim.to_str().expect("path"),
        ],
    );
    assert!(said.contains("typed wrong and never corrected: "), "{said}");
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

    // The paper's truth: one line per standing card, the field typed wrong.
    let truth_text = std::fs::read_to_string(sim.join("paper-truth.csv")).expect("truth");
    let mut lines = truth_text.lines();
    assert_eq!(lines.next(), Some("point,card_id,differs"));
    let truth: std::collections::HashMap<String, String> = lines
        .map(|l| {
            let mut f = l.split(',');
            let (_, id, differs) = (f.next(), f.next(), f.next());
            (
                id.expect("id").to_string(),
                differs.unwrap_or("").to_string(),
            )
        })
        .collect();
    let population: Vec<String> = std::fs::read_to_string({
        let f = o.root.join("ids.csv");
        urna(&o.tally)
            .args(["tally", "audit-sample", "--all-ids", "--out"])
            .arg(&f)
            .assert()
            .success();
        f
    })
    .expect("ids")
    .lines()
    .skip(1)
    .map(|l| l.split(',').nth(1).expect("id").to_string())
    .collect();
    let mut listed: Vec<&String> = truth.keys().collect();
    listed.sort();
    assert_eq!(
        listed,
        population.iter().collect::<Vec<_>>(),
        "the same cards"
    );
    let wrong = truth.values().filter(|d| !d.is_empty()).count();
    let share = wrong as f64 / truth.len() as f64;
    assert!((0.07..0.13).contains(&share), "{wrong} of {}", truth.len());

    // The tally counts what was typed, expected.json what the paper says.
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(sim.join("expected.json")).expect("json"))
            .expect("json");
    let results: Value =
        serde_json::from_str(&stdout(&o.tally, &["tally", "results", "--format", "json"]))
            .expect("json");
    assert_eq!(
        results["ballots"], expected["results"]["ballots"],
        "validity is kept"
    );
    assert_ne!(
        results["citywide"]["projects"], expected["results"]["citywide"]["projects"],
        "the points moved"
    );

    let drawn = ids(&sample(&o, "5 2 3 6 1", "150", None));
    for id in &drawn {
        let differs = &truth[id];
        let out = if differs.is_empty() {
            record(&o, &[id, "--matches", "--as", "Jan"])
        } else {
            record(&o, &[id, "--differs", differs, "--as", "Jan"])
        };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let found = drawn.iter().filter(|id| !truth[*id].is_empty()).count() as u64;
    let p = &audit(&o)["paper"];
    assert_eq!(p["cards"]["found"].as_u64(), Some(found));
    assert_eq!(p["cards"]["of"].as_u64(), Some(150));
    assert_eq!(
        p["fields"]["found"].as_u64(),
        Some(found),
        "one field a card"
    );
    let rate = p["cards"]["rate"].as_f64().expect("rate");
    let upper = p["cards"]["upper_95"].as_f64().expect("bound");
    assert!((upper - python_bound(found, 150)).abs() < 1e-9);
    assert!(rate > 0.0 && rate <= share * 2.0, "{rate} against {share}");
    assert!(upper >= 0.10 && upper >= share, "{upper} bounds {share}");
}
