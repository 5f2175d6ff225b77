//! End-of-day bundles (DESIGN §6) as the people around them meet them: the
//! real `urna` binary exports into a real directory, and Debian's `tar`,
//! `age`, `minisign` and `sha256sum` open and check what it wrote, as the
//! central office or an observer would with no urna installed. Then every way
//! a bundle can be damaged or forged on its way to the city, each named by
//! `urna verify`; and exports that cannot be written (a read-only or full USB
//! stick, no office key) leave no file and journal nothing.
//!
//! The format is described in `docs/bundle-format.md`. The USB-stick tests
//! mount a tmpfs and so need root; CI runs as root.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;
use sha2::{Digest, Sha256};
use urna::bundle::{self, Manifest};
use urna::store::Store;
use urna::store::journal::{GENESIS, Hash, chain_hash};

mod exports;
mod refusals;
mod standard_tools;

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/cards-2014.csv");

/// What `urna verify` prints (in Polish, the default) before the reason.
const NOT_TRUSTWORTHY: &str = "PACZKA NIEWIARYGODNA";
const TAR_DAMAGED: &str = "not a complete tar archive (truncated or damaged)";
const BAD_SIGNATURE: &str =
    "the signature does not match manifest.json (the manifest or the signature was changed)";

fn urna() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR");
    c
}

fn urna_in(data: &Path) -> Command {
    let mut c = urna();
    c.arg("--data-dir").arg(data);
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs one of the peers (Debian's tools) in `cwd`.
fn tool(cwd: &Path, program: &str, args: &[&str]) -> Output {
    std::process::Command::new(program)
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run {program} ({e}): `bash test.sh` installs Debian's tar, age and minisign"
            )
        })
}

/// Runs a peer that must succeed.
fn tool_ok(cwd: &Path, program: &str, args: &[&str]) -> Output {
    let out = tool(cwd, program, args);
    assert!(
        out.status.success(),
        "{program} {args:?} failed ({}):\n{}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// The central office's age identity, made with Debian's `age-keygen`:
/// `office.key` in `dir` and its recipient.
fn office(dir: &Path) -> String {
    tool_ok(dir, "age-keygen", &["-o", "office.key"]);
    let out = tool_ok(dir, "age-keygen", &["-y", "office.key"]);
    let recipient = text(&out.stdout).trim().to_string();
    assert!(recipient.starts_with("age1"), "{recipient}");
    recipient
}

/// A kiosk set up as the README says, with the sample cards entered (the
/// sample has a rejected row on purpose, hence exit 1).
fn kiosk(data: &Path, point: &str, central: Option<&str>) {
    let mut init = urna_in(data);
    init.args(["init", "--edition", EDITION, "--point", point])
        .args(["--point-name", "Szkoła nr 1", "--coordinator", "Anna"])
        .arg("--pin-stdin");
    if let Some(r) = central {
        init.args(["--central", r]);
    }
    init.write_stdin("1234\n").assert().success();
    urna_in(data)
        .args(["import-cards", SAMPLE, "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(1);
}

/// Runs `urna export --out DIR` as Anna with her PIN.
fn run_export(data: &Path, out: &Path) -> Output {
    urna_in(data)
        .args(["export", "--out"])
        .arg(out)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("run urna export")
}

/// Every name in a directory, hidden ones too.
fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("read the directory")
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

/// Exports into `out` and returns the path of the one new bundle.
fn export(data: &Path, out: &Path) -> PathBuf {
    let before = names_in(out);
    let run = run_export(data, out);
    assert!(
        run.status.success(),
        "urna export failed ({}):\n{}{}",
        run.status,
        text(&run.stdout),
        text(&run.stderr)
    );
    let new: Vec<String> = names_in(out)
        .difference(&before)
        .filter(|n| n.ends_with(".urna"))
        .cloned()
        .collect();
    assert_eq!(new.len(), 1, "one new bundle expected, found {new:?}");
    out.join(&new[0])
}

/// `urna key`, saved as `kiosk.pub` in `dir`.
fn kiosk_pub(data: &Path, dir: &Path) -> PathBuf {
    let out = urna_in(data).arg("key").output().expect("run urna key");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = dir.join("kiosk.pub");
    std::fs::write(&path, &out.stdout).expect("write kiosk.pub");
    path
}

/// The store's journal: (seq, canonical bytes, hash) of every entry.
fn journal(data: &Path) -> Vec<(u64, Vec<u8>, Hash)> {
    Store::open(data)
        .expect("open the store")
        .journal()
        .expect("read the journal")
}

/// The journal's length and head hash.
fn journal_head(data: &Path) -> (usize, Hash) {
    let j = journal(data);
    (j.len(), j.last().map(|(_, _, h)| *h).unwrap_or(GENESIS))
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// One member of a bundle's tar: its name, where its data starts in the
/// file, and its bytes.
struct Member {
    name: String,
    offset: usize,
    data: Vec<u8>,
}

fn members(bytes: &[u8]) -> Vec<Member> {
    let mut archive = tar::Archive::new(bytes);
    archive
        .entries()
        .expect("a tar archive")
        .map(|e| {
            let mut e = e.expect("a tar member");
            let name = e.path().expect("a name").to_string_lossy().into_owned();
            let offset = e.raw_file_position() as usize;
            let mut data = Vec::new();
            std::io::Read::read_to_end(&mut e, &mut data).expect("member data");
            Member { name, offset, data }
        })
        .collect()
}

fn member<'a>(all: &'a [Member], name: &str) -> &'a Member {
    all.iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("the bundle has no {name}"))
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &str) -> usize {
    hay.windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

/// Writes `bytes` as `dir/case/name` (the bundle's own name, so that only the
/// damage is judged) and returns the path.
fn copy_as(dir: &Path, case: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let d = dir.join(case);
    std::fs::create_dir_all(&d).expect("create a case directory");
    let p = d.join(name);
    std::fs::write(&p, bytes).expect("write a tampered copy");
    p
}

fn run_verify(file: &Path, key: Option<&Path>) -> Output {
    let mut c = urna();
    c.arg("verify").arg(file);
    if let Some(k) = key {
        c.arg("--key").arg(k);
    }
    c.output().expect("run urna verify")
}

/// `urna verify` accepts the file; returns what it printed.
fn verified(file: &Path, key: Option<&Path>) -> String {
    let out = run_verify(file, key);
    assert!(
        out.status.success(),
        "{} should verify:\n{}{}",
        file.display(),
        text(&out.stdout),
        text(&out.stderr)
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Paczka poprawna"), "{stdout}");
    stdout
}

/// `urna verify` refuses the file with exit 1 and says `why` (in English
/// with `--lang en`; the Polish default says it in Polish).
fn refused(file: &Path, key: Option<&Path>, why: &str) {
    let polish = run_verify(file, key);
    let said = text(&polish.stderr);
    assert_eq!(polish.status.code(), Some(1), "{said}");
    assert!(
        said.contains(NOT_TRUSTWORTHY) && !said.contains(why),
        "the Polish refusal says {why:?} in Polish: {said}"
    );
    let mut c = urna();
    c.args(["--lang", "en", "verify"]).arg(file);
    if let Some(k) = key {
        c.arg("--key").arg(k);
    }
    let out = c.output().expect("run urna verify");
    let stderr = text(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}: expected exit 1 with {why:?}, got {}:\n{}{stderr}",
        file.display(),
        out.status,
        text(&out.stdout)
    );
    assert!(
        stderr.contains("BUNDLE NOT TRUSTWORTHY") && stderr.contains(why),
        "{}: expected {why:?}, got:\n{stderr}",
        file.display()
    );
    assert!(
        !text(&out.stdout).contains("Paczka poprawna"),
        "a refused bundle must not be called OK"
    );
}

/// A kiosk with the sample cards and one bundle on its stick.
struct Exported {
    _tmp: tempfile::TempDir,
    work: PathBuf,
    data: PathBuf,
    recipient: String,
    bundle: PathBuf,
    bytes: Vec<u8>,
}

fn exported() -> Exported {
    let tmp = tempfile::tempdir().expect("tempdir");
    let work = tmp.path().to_path_buf();
    let recipient = office(&work);
    let data = work.join("data");
    kiosk(&data, "P01", Some(&recipient));
    let usb = work.join("usb");
    std::fs::create_dir(&usb).expect("create the stick");
    let bundle = export(&data, &usb);
    let bytes = std::fs::read(&bundle).expect("read the bundle");
    verified(&bundle, None);
    Exported {
        _tmp: tmp,
        work,
        data,
        recipient,
        bundle,
        bytes,
    }
}
