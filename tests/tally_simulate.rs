//! `urna tally simulate` with the real binary: the simulated election goes
//! through the office's real commands (trust, import, import-online, results)
//! and the count equals the generator's ground truth; the same seed makes the
//! same election; importing it again changes nothing.

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .arg("--lang")
        .arg("en")
        .arg("--data-dir")
        .arg(dir);
    c
}

struct Office {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    tally: PathBuf,
}

fn office() -> Office {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().to_path_buf();
    let tally = root.join("tally");
    urna(&tally)
        .args(["tally", "init", "--edition", EDITION])
        .assert()
        .success();
    Office {
        _tmp: tmp,
        root,
        tally,
    }
}

impl Office {
    fn simulate(&self, name: &str, seed: u64) -> PathBuf {
        let out = self.root.join(name);
        urna(&self.tally)
            .args(["tally", "simulate", "--voters", "2000", "--points", "3"])
            .args(["--seed", &seed.to_string(), "--out"])
            .arg(&out)
            .assert()
            .success()
            .stdout(predicates::str::contains(
                "2000 persons, 3 polling points (3 bundles in usb/)",
            ));
        out
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

    /// The plain journal inside a bundle, opened with the office's key.
    fn journal(&self, bundle: &Path) -> Vec<u8> {
        let text =
            std::fs::read_to_string(self.tally.join("office-identity.txt")).expect("identity");
        let identity: age::x25519::Identity = text
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .expect("key")
            .parse()
            .expect("identity");
        let bytes = std::fs::read(bundle).expect("bundle");
        let mut archive = tar::Archive::new(bytes.as_slice());
        for entry in archive.entries().expect("tar") {
            let mut entry = entry.expect("member");
            if entry.path().expect("name").to_string_lossy() == "journal.jsonl.age" {
                let mut payload = Vec::new();
                entry.read_to_end(&mut payload).expect("payload");
                let decryptor = age::Decryptor::new_buffered(payload.as_slice()).expect("age");
                let mut plain = Vec::new();
                decryptor
                    .decrypt(std::iter::once(&identity as &dyn age::Identity))
                    .expect("decrypt")
                    .read_to_end(&mut plain)
                    .expect("read");
                return plain;
            }
        }
        panic!("no journal in {}", bundle.display());
    }
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json")
}

/// `(id, points, voters)` of each project of a list in `results` JSON.
fn counted(projects: &Value) -> Vec<(String, u64, u64)> {
    let mut v: Vec<(String, u64, u64)> = projects
        .as_array()
        .expect("projects")
        .iter()
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

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read_dir") {
        let e = e.expect("entry");
        if e.file_type().expect("type").is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

fn bundles(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for point in std::fs::read_dir(dir.join("usb")).expect("usb") {
        for f in std::fs::read_dir(point.expect("point").path()).expect("stick") {
            out.push(f.expect("file").path());
        }
    }
    out.sort();
    out
}

#[test]
fn the_office_counts_what_the_generator_knows() {
    let o = office();
    let sim = o.simulate("sim", 7);
    let expected = json(&sim.join("expected.json"));

    // A realistic mix: every kind of trouble is there.
    let doubles = expected["double_voters"].as_u64().expect("doubles");
    assert!(doubles > 0, "{expected}");
    assert!(expected["cards"]["voided"].as_u64() > Some(0));
    assert!(expected["cards"]["amended"].as_u64() > Some(0));
    assert!(expected["cards"]["defective"].as_u64() > Some(0));
    assert!(expected["ballots"]["internet"].as_u64() > Some(400));
    let by_reason = &expected["results"]["ballots"]["by_reason"];
    assert_eq!(by_reason["multiple_votes"].as_u64(), Some(2 * doubles));
    assert!(by_reason["underage"].as_u64() > Some(0), "{by_reason}");
    assert_eq!(expected["points"].as_array().map(Vec::len), Some(3));

    // Personal data only for the owner; keys are what `urna key` prints.
    let mode = |p: PathBuf| {
        std::fs::metadata(&p)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode(sim.join("internet.csv")), 0o600);
    for b in bundles(&sim) {
        assert_eq!(mode(b), 0o600);
    }
    let key = std::fs::read_to_string(sim.join("keys/P001.pub")).expect("key");
    assert!(key.starts_with("untrusted comment: minisign public key: "));
    let readme = std::fs::read_to_string(sim.join("README.txt")).expect("readme");
    assert!(readme.contains("tally import usb/"), "{readme}");

    // The office's real commands, as README.txt says.
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
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(sim.join("internet.csv"))
        .assert()
        .success();

    let r = o.results();
    assert_eq!(r["ballots"], expected["results"]["ballots"]);
    assert_eq!(
        counted(&r["citywide"]["projects"]),
        counted(&expected["results"]["citywide"])
    );
    let districts = r["districts"].as_array().expect("districts");
    let truth = expected["results"]["districts"]
        .as_array()
        .expect("districts");
    assert_eq!(districts.len(), truth.len());
    for (d, t) in districts.iter().zip(truth) {
        assert_eq!(d["number"], t["number"]);
        assert_eq!(counted(&d["projects"]), counted(&t["projects"]), "{d}");
    }
    // Skewed popularity: a clear city-wide winner.
    let top: Vec<u64> = r["citywide"]["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .map(|p| p["points"].as_u64().expect("points"))
        .collect();
    assert!(top[0] > top[1] * 5 / 4, "{top:?}");

    // Everything again: nothing changes.
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(sim.join("usb"))
        .assert()
        .success()
        .stdout(predicates::str::contains("already known"));
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(sim.join("internet.csv"))
        .assert()
        .success()
        .stdout(predicates::str::contains("already known"));
    assert_eq!(o.results(), r);

    // The count reads the verdicts the import stored beside each card. A
    // tally whose card rows were stored before those columns existed
    // (NULL there) judges those cards from their entries when counting:
    // every format the same, byte for byte.
    let old = o.root.join("tally-old");
    copy_dir(&o.tally, &old);
    {
        let db = rusqlite::Connection::open(old.join("tally.sqlite")).expect("open the copy");
        let stored: i64 = db
            .query_row(
                "SELECT COUNT(*) FROM kiosk_cards WHERE reasons IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .expect("count");
        assert!(stored > 1000, "{stored} judged rows");
        db.execute_batch(
            "DROP TRIGGER kiosk_cards_no_update;
             UPDATE kiosk_cards SET reasons = NULL, district = NULL, local = NULL, citywide = NULL;
             CREATE TRIGGER kiosk_cards_no_update BEFORE UPDATE ON kiosk_cards
             BEGIN SELECT RAISE(ABORT, 'kiosk entries are never changed'); END;",
        )
        .expect("forget the stored verdicts");
    }
    for format in ["json", "csv", "text", "html"] {
        let out = |dir: &Path| {
            let o = urna(dir)
                .args(["tally", "results", "--format", format])
                .output()
                .expect("results");
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            o.stdout
        };
        assert!(out(&o.tally) == out(&old), "--format {format} differs");
    }

    // The audit re-counts from the journal entries and says it matches…
    let audit = |dir: &Path| {
        urna(dir)
            .args(["tally", "audit", "--format", "text"])
            .output()
            .expect("audit")
    };
    let a = audit(&o.tally);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(
        String::from_utf8_lossy(&a.stdout)
            .contains("Recount from the journal entries: equals the results."),
        "{}",
        String::from_utf8_lossy(&a.stdout)
    );
    // …and catches a stored verdict changed in the office's store.
    let edited = o.root.join("tally-edited");
    copy_dir(&o.tally, &edited);
    {
        let db = rusqlite::Connection::open(edited.join("tally.sqlite")).expect("open the copy");
        db.execute_batch(
            "DROP TRIGGER kiosk_cards_no_update;
             UPDATE kiosk_cards SET citywide = X'00000000050000000100000004000000'
             WHERE (point, seq) IN (SELECT point, seq FROM kiosk_cards
                 WHERE reasons = '' AND kind = 'card_entered' LIMIT 50);",
        )
        .expect("edit stored verdicts");
    }
    let a = audit(&edited);
    assert_eq!(a.status.code(), Some(1), "the audit reports the difference");
    assert!(
        String::from_utf8_lossy(&a.stdout).contains("THE RECOUNT FROM THE JOURNAL ENTRIES DIFFERS"),
        "{}",
        String::from_utf8_lossy(&a.stdout)
    );

    // A folder is never simulated into twice.
    urna(&o.tally)
        .args([
            "tally", "simulate", "--voters", "10", "--points", "1", "--out",
        ])
        .arg(&sim)
        .assert()
        .failure()
        .stderr(predicates::str::contains("not empty"));
}

#[test]
fn one_seed_one_election() {
    let o = office();
    let a = o.simulate("a", 2014);
    let b = o.simulate("b", 2014);
    let c = o.simulate("c", 2015);
    let read = |dir: &Path, name: &str| std::fs::read(dir.join(name)).expect("read");
    for name in ["internet.csv", "expected.json", "README.txt", "trust.sh"] {
        assert!(read(&a, name) == read(&b, name), "{name} differs");
    }
    assert!(read(&a, "internet.csv") != read(&c, "internet.csv"));
    // Bundles differ only by the kiosk keys and the encryption: the
    // journals inside are the same, byte for byte.
    let (ba, bb) = (bundles(&a), bundles(&b));
    assert_eq!(ba.len(), 3);
    for (x, y) in ba.iter().zip(&bb) {
        assert_eq!(x.file_name(), y.file_name());
        assert_ne!(std::fs::read(x).ok(), std::fs::read(y).ok());
        assert!(o.journal(x) == o.journal(y), "{} differs", x.display());
    }
}
