//! The office's audit and its one decision, end to end with the real binary:
//! invalid ballots with their sources, people who voted more than once with
//! every ballot, every import (rejected ones with why), and `annul` of an
//! internet account someone else registered on a PESEL (konta-faq #10).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{Sex, synthesize};

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";

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
    synthesize(
        NaiveDate::from_ymd_opt(1970, 1, 1).expect("date"),
        n,
        Sex::Female,
    )
    .expect("pesel")
}

/// A card row: district I, local 1..5 and city-wide 1..5 in `order`.
fn row(id: &str, pesel: &str, order: &str) -> String {
    format!("{id},{pesel},Ewa,Nowak,ul. Długa 1,2014-09-28,I,{order},{order},1")
}

struct Office {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    tally: PathBuf,
    usb: PathBuf,
}

fn office() -> Office {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().to_path_buf();
    let tally = root.join("tally");
    let usb = root.join("usb");
    std::fs::create_dir(&usb).expect("usb");
    urna(&tally)
        .args(["tally", "init", "--edition", EDITION])
        .assert()
        .success();
    Office {
        _tmp: tmp,
        root,
        tally,
        usb,
    }
}

impl Office {
    fn recipient(&self) -> String {
        let out = urna(&self.tally)
            .args(["tally", "init", "--edition", EDITION])
            .output()
            .expect("run");
        assert!(!out.status.success(), "a second init is refused");
        let text =
            std::fs::read_to_string(self.tally.join("office-identity.txt")).expect("identity");
        let line = text
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .expect("key");
        let id: age::x25519::Identity = line.parse().expect("identity");
        id.to_public().to_string()
    }

    /// A kiosk with these card rows, trusted (or not) by the office, exported.
    fn kiosk(&self, point: &str, rows: &[String], trusted: bool) -> PathBuf {
        let data = self.root.join(point);
        urna(&data)
            .args([
                "init",
                "--edition",
                EDITION,
                "--point",
                point,
                "--point-name",
                point,
            ])
            .args([
                "--coordinator",
                "Anna",
                "--central",
                &self.recipient(),
                "--pin-stdin",
            ])
            .write_stdin("1234\n")
            .assert()
            .success();
        let csv = self.root.join(format!("{point}.csv"));
        std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
        // Exit 1 says some cards were stored as invalid: that is expected here.
        let code = urna(&data)
            .arg("import-cards")
            .arg(&csv)
            .output()
            .expect("import-cards")
            .status
            .code();
        assert!(matches!(code, Some(0 | 1)), "import-cards: {code:?}");
        if trusted {
            let key = self.root.join(format!("{point}.pub"));
            let out = urna(&data).arg("key").output().expect("key");
            std::fs::write(&key, &out.stdout).expect("key file");
            urna(&self.tally)
                .args(["tally", "trust"])
                .arg(&key)
                .args(["--point", point])
                .assert()
                .success();
        }
        let stick = self.usb.join(point);
        std::fs::create_dir_all(&stick).expect("stick");
        urna(&data)
            .args(["export", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .success();
        stick
    }

    fn results(&self) -> Value {
        let out = urna(&self.tally)
            .args(["tally", "results", "--format", "json"])
            .output()
            .expect("results");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

#[test]
fn the_audit_traces_every_invalid_ballot_and_an_annulment_frees_the_real_voter() {
    let o = office();
    let a = pesel(1); // votes at P1 and at P2
    let c = pesel(3); // votes at P1; someone else voted online on c's PESEL
    let up = "1|2|3|4|5";
    let unsigned = format!(
        "x,{},Jan,Kowal,ul. Krótka 2,2014-09-28,I,{up},{up},0",
        pesel(11)
    );
    o.kiosk(
        "P1",
        &[
            row("r1", &pesel(10), up),
            unsigned.replace("x,", "r2,"),
            row("r3", &a, up),
            row("r4", &c, up),
        ],
        true,
    );
    o.kiosk("P2", &[row("r1", &a, up)], true);
    let stranger = o.kiosk("P9", &[row("r1", &pesel(20), up)], false);
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(o.usb.join("P1"))
        .arg(o.usb.join("P2"))
        .assert()
        .success();
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&stranger)
        .assert()
        .code(1);
    let online = o.root.join("online.csv");
    std::fs::write(&online, format!("{HEADER}\n{}\n", row("w1", &c, up))).expect("csv");
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();

    // Before the decision: a at two points and c on paper and online.
    let r = o.results();
    assert_eq!(r["ballots"]["total"], 6);
    assert_eq!(r["ballots"]["by_reason"]["multiple_votes"], 4);
    assert_eq!(r["ballots"]["by_reason"]["missing_signature"], 1);
    assert_eq!(r["ballots"]["valid"], 1);

    // The office annuls the account's votes; c's paper ballot then stands.
    let out = urna(&o.tally)
        .args([
            "tally",
            "annul",
            &c,
            "--reason",
            "konto założone przez inną osobę",
        ])
        .output()
        .expect("annul");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 vote"), "{said}");
    assert!(!said.contains(&c), "the PESEL is masked: {said}");
    let r = o.results();
    assert_eq!(r["ballots"]["total"], 6);
    assert_eq!(r["ballots"]["valid"], 2);
    assert_eq!(r["ballots"]["by_reason"]["annulled"], 1);
    assert_eq!(r["ballots"]["by_reason"]["multiple_votes"], 2);

    // A decision needs a real PESEL and a reason.
    urna(&o.tally)
        .args(["tally", "annul", "12345678901", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("123456*****"));
    urna(&o.tally)
        .args(["tally", "annul", &c, "--reason", " "])
        .assert()
        .code(2);

    let out = urna(&o.tally)
        .args(["tally", "audit"])
        .output()
        .expect("audit");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for p in [&a, &c, &pesel(10), &pesel(11), &pesel(20)] {
        assert!(!text.contains(p.as_str()), "no PESEL in the clear: {text}");
    }
    for name in ["Nowak", "Kowal", "Długa", "Krótka"] {
        assert!(!text.contains(name), "no names or addresses: {text}");
    }
    // The unsigned card, traced to its point, card, bundle and operator.
    let line = text
        .lines()
        .find(|l| l.contains("missing_signature"))
        .unwrap_or_else(|| panic!("the unsigned card: {text}"));
    assert!(line.contains("point P1, card P1-"), "{line}");
    assert!(line.contains("bundle P1-"), "{line}");
    assert!(line.contains("operator"), "{line}");
    assert!(line.contains(&urna::pesel::mask(&pesel(11))), "{line}");
    // The annulled internet ballot, traced to its file and line.
    let line = text
        .lines()
        .find(|l| l.contains("annulled ("))
        .unwrap_or_else(|| panic!("the annulled ballot: {text}"));
    assert!(
        line.contains("internet, vote w1, file online.csv:2"),
        "{line}"
    );
    // a's two ballots under one person.
    assert!(text.contains("People who voted more than once"), "{text}");
    assert!(text.contains("2 ballots"), "{text}");
    // The refused import and why.
    assert!(text.contains("REJECTED: unknown kiosk: point P9"), "{text}");
    assert!(text.contains("konto założone przez inną osobę"), "{text}");

    // The same in JSON, for machines.
    let out = urna(&o.tally)
        .args(["tally", "audit", "--format", "json"])
        .output()
        .expect("audit");
    let j: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(j["ballots"]["invalid"], 4);
    assert_eq!(j["invalid"].as_array().map(Vec::len), Some(4));
    assert_eq!(j["multiple_voters"].as_array().map(Vec::len), Some(1));
    let voter = &j["multiple_voters"][0];
    let points: Vec<&str> = voter["ballots"]
        .as_array()
        .expect("ballots")
        .iter()
        .map(|b| b["point"].as_str().expect("point"))
        .collect();
    assert_eq!(points, ["P1", "P2"]);
    assert_eq!(j["decisions"][0]["kind"], "annul");
    assert_eq!(j["decisions"][0]["ballots"], 1);
    assert_eq!(j["ballots"]["imports_rejected"], 1);

    // The office's key and store are for the office alone.
    use std::os::unix::fs::PermissionsExt;
    for f in ["office-identity.txt", "tally.sqlite"] {
        let mode = std::fs::metadata(o.tally.join(f))
            .expect(f)
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
    let mode = std::fs::metadata(&o.tally)
        .expect("dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "the tally's folder");

    // The decision is journaled for good: the store refuses to change it.
    let db = rusqlite::Connection::open(o.tally.join("tally.sqlite")).expect("db");
    let err = db
        .execute("DELETE FROM decisions", [])
        .expect_err("decisions are append-only");
    assert!(err.to_string().contains("never deleted"), "{err}");
}
