//! The central tally end to end with the real binary: three kiosks export
//! bundles, the internet channel sends a CSV, and the office imports, dedups
//! and counts. One person voted at two points, another online and at a point:
//! every ballot of theirs is `multiple_votes`; everyone else counts once.

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
        urna(&data).arg("import-cards").arg(&csv).assert().success();
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

fn points(list: &Value) -> Vec<(String, u64, u64)> {
    let mut v: Vec<(String, u64, u64)> = list["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .filter(|p| p["points"].as_u64() != Some(0))
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_string(),
                p["points"].as_u64().expect("points"),
                p["voters"].as_u64().expect("voters"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn double_voters_are_voided_everywhere_and_everyone_else_counts_once() {
    let o = office();
    let a = pesel(1); // votes at P1 and P2
    let b = pesel(2); // votes at P3 and online
    let up = "1|2|3|4|5";
    let down = "5|4|3|2|1";
    o.kiosk(
        "P1",
        &[
            row("r1", &a, down),
            row("r2", &pesel(10), up),
            row("r3", &pesel(11), up),
        ],
        true,
    );
    o.kiosk(
        "P2",
        &[row("r1", &a, down), row("r2", &pesel(12), up)],
        true,
    );
    o.kiosk(
        "P3",
        &[row("r1", &b, down), row("r2", &pesel(13), up)],
        true,
    );
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    let online = o.root.join("online.csv");
    std::fs::write(
        &online,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("w1", &b, down),
            row("w2", &pesel(14), up)
        ),
    )
    .expect("online");
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();

    let r = o.results();
    // 9 ballots: A twice, B twice (all four multiple_votes), five others valid.
    assert_eq!(r["ballots"]["total"], 9);
    assert_eq!(r["ballots"]["valid"], 5);
    assert_eq!(r["ballots"]["invalid"], 4);
    assert_eq!(r["ballots"]["by_reason"]["multiple_votes"], 4);
    // By hand: five voters gave 1..5 the points 5..1; the double voters' "down"
    // order counts nowhere.
    let expected: Vec<(String, u64, u64)> = (1..=5)
        .map(|i| (i.to_string(), 5 * (6 - i as u64), 5))
        .collect();
    assert_eq!(points(&r["citywide"]), expected);
    let district_1 = &r["districts"][0];
    assert_eq!(district_1["number"], 1);
    assert_eq!(points(district_1), expected);

    // Importing everything again changes nothing and says so.
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success()
        .stdout(predicates::str::contains("already known"));
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success()
        .stdout(predicates::str::contains("already known"));
    assert_eq!(o.results(), r);

    // A kiosk the office does not trust is refused, and nothing changes.
    let stranger = o.kiosk("P9", &[row("r1", &pesel(20), up)], false);
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&stranger)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("unknown kiosk: point P9"));
    assert_eq!(o.results(), r);

    // An internet file with an unreadable row is refused whole.
    let bad = o.root.join("bad.csv");
    std::fs::write(
        &bad,
        format!("{HEADER}\n{}\nw4,x,y\n", row("w3", &pesel(21), up)),
    )
    .expect("bad");
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("nothing imported"));
    assert_eq!(o.results(), r);
}
