//! The tally tests' office: a tally store, and kiosks made with the real
//! binary (`urna init`, `import-cards`, `export`) whose bundles go on a stick;
//! the real binary in a language, and what a run said.

#![allow(dead_code)] // each test uses the helpers it needs

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use urna::i18n::Lang;
use urna::pesel::{Sex, synthesize};

pub const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
pub const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";

pub fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .arg("--lang")
        .arg("en")
        .arg("--data-dir")
        .arg(dir);
    c
}

/// The real binary in `lang` on the data dir `dir`; Polish, the default,
/// with no `--lang` at all.
pub fn urna_in(dir: &Path, lang: Lang) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").arg("--data-dir").arg(dir);
    if lang != Lang::Pl {
        c.args(["--lang", lang.code()]);
    }
    c
}

/// All a run said: its stdout, then its stderr.
pub fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// `urna init`'s arguments for point `point` named `name`, coordinator
/// Anna, her PIN on stdin.
pub fn init_args<'a>(point: &'a str, name: &'a str) -> [&'a str; 10] {
    [
        "init",
        "--edition",
        EDITION,
        "--point",
        point,
        "--point-name",
        name,
        "--coordinator",
        "Anna",
        "--pin-stdin",
    ]
}

/// A copy of the directory tree `from` at `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(e.file_name());
        if e.file_type().expect("type").is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).expect("copy");
        }
    }
}

pub fn pesel(n: u16) -> String {
    synthesize(
        NaiveDate::from_ymd_opt(1970, 1, 1).expect("date"),
        n,
        Sex::Female,
    )
    .expect("pesel")
}

/// A card row: district I, local 1..5 and city-wide 1..5 in `order`.
pub fn row(id: &str, pesel: &str, order: &str) -> String {
    picks(id, pesel, order, order)
}

/// A card row in district I with its local and city-wide picks in order.
pub fn picks(id: &str, pesel: &str, local: &str, citywide: &str) -> String {
    format!("{id},{pesel},Ewa,Nowak,ul. Długa 1,2014-09-28,I,{local},{citywide},1")
}

pub struct Office {
    _tmp: tempfile::TempDir,
    pub root: PathBuf,
    pub tally: PathBuf,
    pub usb: PathBuf,
}

pub fn office() -> Office {
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
    pub fn recipient(&self) -> String {
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

    /// A kiosk with these card rows, all valid, trusted (or not) by the
    /// office, exported.
    pub fn kiosk(&self, point: &str, rows: &[String], trusted: bool) -> PathBuf {
        self.kiosk_with(point, rows, trusted, 0)
    }

    /// The same, `import-cards` exiting with `code` (1: some cards were
    /// stored as invalid).
    pub fn kiosk_with(&self, point: &str, rows: &[String], trusted: bool, code: i32) -> PathBuf {
        let data = self.init_kiosk(point);
        let csv = self.root.join(format!("{point}.csv"));
        std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
        urna(&data)
            .arg("import-cards")
            .arg(&csv)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .code(code)
            .stdout(predicates::str::contains("rejected 0 rows"));
        self.export(point, &data, trusted)
    }

    /// A kiosk set up with the real binary (`urna init`, coordinator Anna,
    /// PIN 1234, the office's key): its data directory.
    pub fn init_kiosk(&self, point: &str) -> PathBuf {
        let data = self.root.join(point);
        urna(&data)
            .args(init_args(point, point))
            .args(["--central", &self.recipient()])
            .write_stdin("1234\n")
            .assert()
            .success();
        data
    }

    /// The kiosk trusted (or not) by the office and its bundle exported by
    /// Anna onto the stick: the stick's folder.
    pub fn export(&self, point: &str, data: &Path, trusted: bool) -> PathBuf {
        if trusted {
            self.trust(data, point);
        }
        let stick = self.usb.join(point);
        std::fs::create_dir_all(&stick).expect("stick");
        urna(data)
            .args(["export", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .success();
        stick
    }

    /// A kiosk's data dir (as [`Office::kiosk`] made it) enters more card
    /// rows and exports again, into the empty folder `stick`: the new bundle.
    pub fn enter_and_export(&self, data: &Path, rows: &[String], stick: &Path) -> PathBuf {
        let csv = stick.with_extension("csv");
        std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
        urna(data)
            .arg("import-cards")
            .arg(&csv)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .success();
        std::fs::create_dir_all(stick).expect("stick");
        urna(data)
            .args(["export", "--out"])
            .arg(stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .success();
        only_bundle(stick)
    }

    /// The office trusts the kiosk in `data` as `point`.
    pub fn trust(&self, data: &Path, point: &str) {
        let key = self.root.join(format!("{point}.pub"));
        let out = urna(data).arg("key").output().expect("key");
        std::fs::write(&key, &out.stdout).expect("key file");
        urna(&self.tally)
            .args(["tally", "trust"])
            .arg(&key)
            .args(["--point", point])
            .assert()
            .success();
    }

    pub fn results(&self) -> Value {
        results_of(&self.tally)
    }
}

/// The results the office in `tally` counts, as JSON.
pub fn results_of(tally: &Path) -> Value {
    let out = urna(tally)
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

/// The one bundle a stick folder holds.
pub fn only_bundle(stick: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(stick)
        .expect("stick")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "urna"))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one bundle in {}: {found:?}",
        stick.display()
    );
    found.into_iter().next().expect("a bundle")
}
