//! The office survives any stick (issue 10): a corpus of hostile and broken
//! bundles, made here from real bundles the real binary exported, each
//! imported (and checked with `urna verify`) by the real binary under a
//! 512 MiB address-space limit and a timeout. Every one is refused, by its own code, with exactly one row in
//! the import log per file, and the count does not move; then the whole
//! corpus in one folder with two good bundles among it: both good ones are
//! imported, every file has its line, and the exit code says that some were
//! refused.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use urna::bundle::words::render;
use urna::i18n::Lang;
use urna::tally::store::{ImportRecord, Tally};

#[path = "../support/office.rs"]
mod office;

use office::{EDITION, HEADER, Office, office, pesel, row, urna};

mod corpus;
mod planted;

const BIN: &str = env!("CARGO_BIN_EXE_urna");
/// The address-space limit every hostile import runs under.
const LIMIT: &str = "--as=536870912";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

// ---------------------------------------------------------------------------
// Tar, by hand: headers exactly as a kiosk writes them, then bent.

fn checksum(h: &mut [u8; 512]) {
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|b| u32::from(*b)).sum();
    h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
}

fn octal(n: u64) -> [u8; 12] {
    let s = format!("{n:011o}\0");
    assert_eq!(s.len(), 12, "{n} does not fit 11 octal digits");
    s.as_bytes().try_into().expect("12 bytes")
}

/// GNU tar's base-256 size: 0x80, then the number big-endian.
fn base256(n: u64) -> [u8; 12] {
    let mut f = [0u8; 12];
    f[0] = 0x80;
    f[4..].copy_from_slice(&n.to_be_bytes());
    f
}

fn header(name: &[u8], size: [u8; 12], flag: u8) -> [u8; 512] {
    let mut h = [0u8; 512];
    h[..name.len()].copy_from_slice(name);
    h[100..108].copy_from_slice(b"0000644\0");
    h[108..116].copy_from_slice(b"0000000\0");
    h[116..124].copy_from_slice(b"0000000\0");
    h[124..136].copy_from_slice(&size);
    h[136..148].copy_from_slice(b"15300302541\0");
    h[156] = flag;
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    checksum(&mut h);
    h
}

fn regular(name: &str, data: &[u8]) -> ([u8; 512], Vec<u8>) {
    (
        header(name.as_bytes(), octal(data.len() as u64), b'0'),
        data.to_vec(),
    )
}

/// Headers and data, each padded to 512, without the end blocks.
fn members(ms: &[([u8; 512], Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (h, d) in ms {
        out.extend_from_slice(h);
        out.extend_from_slice(d);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out
}

fn tar(ms: &[([u8; 512], Vec<u8>)]) -> Vec<u8> {
    let mut out = members(ms);
    out.extend_from_slice(&[0u8; 1024]);
    out
}

/// A real bundle's three members (name, data), and where each header is.
struct Real {
    bytes: Vec<u8>,
    name: String,
    manifest: Vec<u8>,
    signature: Vec<u8>,
    payload: Vec<u8>,
    /// Offsets of the three headers, then of the end blocks.
    at: [usize; 4],
}

fn real(path: &Path) -> Real {
    let bytes = std::fs::read(path).expect("a bundle");
    let mut at = [0usize; 4];
    let mut data = Vec::new();
    let mut pos = 0;
    for slot in at.iter_mut().take(3) {
        *slot = pos;
        let h = &bytes[pos..pos + 512];
        let size = usize::from_str_radix(std::str::from_utf8(&h[124..135]).expect("octal"), 8)
            .expect("a size");
        data.push(bytes[pos + 512..pos + 512 + size].to_vec());
        pos += 512 + size.div_ceil(512) * 512;
    }
    at[3] = pos;
    assert_eq!(bytes.len(), pos + 1024, "three members, then the end");
    Real {
        name: path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned(),
        bytes,
        payload: data.pop().expect("payload"),
        signature: data.pop().expect("signature"),
        manifest: data.pop().expect("manifest"),
        at,
    }
}

impl Real {
    fn three(&self) -> Vec<([u8; 512], Vec<u8>)> {
        vec![
            regular("manifest.json", &self.manifest),
            regular("manifest.json.minisig", &self.signature),
            regular("journal.jsonl.age", &self.payload),
        ]
    }

    /// The real bundle with one header's bytes changed by `f` (checksum
    /// made right again).
    fn bent(&self, member: usize, f: impl FnOnce(&mut [u8; 512])) -> Vec<u8> {
        let mut out = self.bytes.clone();
        let at = self.at[member];
        let mut h: [u8; 512] = out[at..at + 512].try_into().expect("a header");
        f(&mut h);
        checksum(&mut h);
        out[at..at + 512].copy_from_slice(&h);
        out
    }
}

// ---------------------------------------------------------------------------
// The office and its kiosks, all made with the real binary.

fn run(c: &mut assert_cmd::Command) -> Output {
    let out = c.output().expect("run urna");
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

/// A kiosk of `point` for `edition`, encrypting to `central`, with one card
/// per row entered; trusted by the office if asked; its data dir.
fn kiosk(o: &Office, point: &str, edition: &Path, central: &str, rows: &[String]) -> PathBuf {
    let data = o.root.join(format!("kiosk-{point}"));
    run(urna(&data)
        .args(["init", "--edition"])
        .arg(edition)
        .args(["--point", point, "--point-name", point])
        .args(["--coordinator", "Anna", "--central", central, "--pin-stdin"])
        .write_stdin("1234\n"));
    enter(o, &data, rows);
    data
}

fn enter(o: &Office, data: &Path, rows: &[String]) {
    let csv = o.root.join(format!(
        "{}-{}.csv",
        data.file_name().expect("name").to_string_lossy(),
        rows.len()
    ));
    std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    let out = urna(data)
        .arg("import-cards")
        .arg(&csv)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("import-cards");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
}

fn trust(o: &Office, data: &Path, point: &str) {
    let key = o.root.join(format!("{point}.pub"));
    let out = run(urna(data).arg("key"));
    std::fs::write(&key, &out.stdout).expect("key file");
    run(urna(&o.tally)
        .args(["tally", "trust"])
        .arg(&key)
        .args(["--point", point]));
}

/// `urna export` into `out`; the new bundle.
fn export(data: &Path, out: &Path) -> PathBuf {
    std::fs::create_dir_all(out).expect("stick");
    let before: Vec<PathBuf> = bundles(out);
    run(urna(data)
        .args(["export", "--out"])
        .arg(out)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n"));
    let made: Vec<PathBuf> = bundles(out)
        .into_iter()
        .filter(|p| !before.contains(p))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    made[0].clone()
}

fn bundles(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "urna"))
        .collect();
    v.sort();
    v
}

/// `urna tally import PATHS` as the office runs it, but under the address
/// space limit and killed after 60 s.
fn import_limited(tally: &Path, lang: &str, paths: &[&Path]) -> Output {
    Command::new("timeout")
        .args(["-s", "KILL", "60", "prlimit", LIMIT, "--"])
        .arg(BIN)
        .args(["--lang", lang, "--data-dir"])
        .arg(tally)
        .args(["tally", "import"])
        .args(paths)
        .env_remove("URNA_DATA_DIR")
        .output()
        .expect("run urna tally import")
}

/// `urna verify FILE`, under the same limits.
fn verify_limited(path: &Path) -> Output {
    Command::new("timeout")
        .args(["-s", "KILL", "60", "prlimit", LIMIT, "--"])
        .arg(BIN)
        .args(["--lang", "en", "verify"])
        .arg(path)
        .output()
        .expect("run urna verify")
}

/// Refusals only the office can make (they need its trust, its edition or
/// its key): `urna verify` finds these bundles whole.
const OFFICE_ONLY: [&str; 4] = [
    "unknown_kiosk",
    "other_edition",
    "undecryptable",
    "training",
];

fn results(tally: &Path) -> Vec<u8> {
    run(urna(tally).args(["tally", "results", "--format", "json"])).stdout
}

fn log(tally: &Path) -> Vec<ImportRecord> {
    Tally::open(tally)
        .expect("the tally")
        .imports()
        .expect("the import log")
}
