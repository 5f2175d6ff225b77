//! Kiosks that sync as they go (docs/sync.md), with the real binary: the
//! office's server on 127.0.0.1, kiosks set up with `urna init`, the kiosk
//! in a real pty sending in the background as cards are typed, `urna sync`
//! from the command line, sticks beside them. What the office counts from
//! syncs and sticks mixed is what it counts from sticks alone; a resent
//! delta changes nothing; a gap, a fork, a bad signature and an unknown
//! kiosk are refused; `kill -9` of the server mid-sync stores all or
//! nothing and the retry completes it; TLS with a certificate made here.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{self, Sex};
use urna::store::Store;
use urna::tally::store::Tally;

#[path = "../support/office.rs"]
mod office;
#[path = "../support/pty.rs"]
mod pty;
#[path = "../support/http.rs"]
#[allow(dead_code)]
mod support;

use office::{HEADER, Office, copy_dir, office, only_bundle, pesel, results_of, row, said, urna};
use pty::{CTRL_Q, ENTER, Kiosk};
use support::{http, serve, serve_at};

mod by_http_and_stick;
mod deltas;
mod refusals;
mod tls;

fn rows(prefix: &str, from: u16, n: u16) -> Vec<String> {
    (from..from + n)
        .map(|i| row(&format!("{prefix}{i}"), &pesel(i), "1|2|3|4|5"))
        .collect()
}

/// Anna points the kiosk at the office's server.
fn set_url(data: &Path, url: &str, every_cards: u32, extra: &[&str]) {
    urna(data)
        .args(["central", "url", url, "--every-cards"])
        .arg(every_cards.to_string())
        .args(extra)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
}

/// Card rows entered with `import-cards`.
fn enter(data: &Path, rows: &[String]) {
    let csv = data.with_extension(format!("{}.csv", rows.len()));
    std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    urna(data)
        .arg("import-cards")
        .arg(&csv)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
}

/// `c` run as Anna (her PIN on stdin): its exit code and all it printed.
fn as_anna(c: &mut assert_cmd::Command) -> (i32, String) {
    let out = c
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("urna");
    (out.status.code().unwrap_or(-1), said(&out))
}

/// `urna sync` as Anna: its exit code and output.
fn sync(data: &Path) -> (i32, String) {
    as_anna(urna(data).arg("sync"))
}

/// The kiosk's journal: entries and head hash, as `urna status` says.
fn kiosk_head(data: &Path) -> (u64, Option<String>) {
    let out = urna(data)
        .args(["status", "--json"])
        .output()
        .expect("status");
    let s: Value = serde_json::from_slice(&out.stdout).expect("status json");
    (
        s["journal_entries"].as_u64().expect("entries"),
        s["head_hash"].as_str().map(str::to_string),
    )
}

fn office_head(tally: &Path, point: &str) -> (u64, Option<String>) {
    Tally::open(tally)
        .expect("tally")
        .point_head(point)
        .expect("head")
        .expect("a trusted point")
}

fn import(tally: &Path, bundle: &Path) {
    urna(tally)
        .args(["tally", "import"])
        .arg(bundle)
        .assert()
        .success();
}

/// A delta of the kiosk in `data` from entry `from`, made as the sender
/// makes it (Anna's PIN unlocks the journal key).
fn delta(data: &Path, from: u64) -> Vec<u8> {
    let mut store = Store::open(data).expect("store");
    store
        .login("Anna", "1234", chrono::Local::now())
        .expect("login");
    store.delta(from).expect("delta").sealed.tar
}

/// `urna` in Polish (the helpers above run it in English).
fn urna_pl(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .args(["--lang", "pl", "--data-dir"])
        .arg(dir);
    c
}

/// `urna central url …` in Polish as Anna.
fn set_url_pl(data: &Path, args: &[&str]) -> (i32, String) {
    as_anna(urna_pl(data).args(["central", "url"]).args(args))
}

fn sync_pl(data: &Path) -> (i32, String) {
    as_anna(urna_pl(data).arg("sync"))
}

/// Replaces `from` in `bytes` by `to` (of the same length), once.
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{} not found", String::from_utf8_lossy(from)));
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}
