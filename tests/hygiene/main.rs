//! The office survives careless files (issue 10): output closed early,
//! CRLF files, values over the card model's limits, file modes under
//! `umask 000`, and edition ids no card can carry — each through the real
//! binary (the kiosk's rubric through its real key handling).

#[path = "../support/office.rs"]
mod office;

use std::io::{BufRead, BufReader};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};
use std::time::Instant;

use office::{EDITION, HEADER, init_args, office, pesel, urna};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::Value;
use urna::card::limits;
use urna::store::Store;
use urna::store::journal::{Event, Source};

mod closed_pipes;
mod edition_ids;
mod field_limits;
mod file_modes;
mod line_endings;
mod polish;

const BIN: &str = env!("CARGO_BIN_EXE_urna");

/// A kiosk data dir with the 2014 edition (`urna init`).
fn kiosk(root: &Path) -> PathBuf {
    let dir = root.join("kiosk");
    urna(&dir)
        .args(init_args("P1", "P1"))
        .write_stdin("1234\n")
        .assert()
        .success();
    dir
}

/// A valid row: district I, picks 1..5 in both parts.
fn row(id: &str, n: u16) -> String {
    office::row(id, &pesel(n), "1|2|3|4|5")
}

fn write(path: &Path, text: &str) -> PathBuf {
    std::fs::write(path, text).expect("write");
    path.to_path_buf()
}

fn cards(dir: &Path) -> u64 {
    let out = urna(dir)
        .args(["status", "--json"])
        .output()
        .expect("status");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    v["cards"].as_u64().expect("cards")
}

/// Runs `cmd` with the coordinator's PIN (`--pin-stdin`) on its stdin.
fn with_pin(mut cmd: Std) -> std::process::Output {
    use std::io::Write;
    let mut child = cmd.stdin(Stdio::piped()).spawn().expect("spawn");
    // A command that asks for no PIN may exit before reading it.
    let _ = child.stdin.take().expect("stdin").write_all(b"1234\n");
    child.wait_with_output().expect("wait")
}

/// `import-cards` as coordinator Anna, her PIN on stdin.
const IMPORT: [&str; 4] = ["import-cards", "--as", "Anna", "--pin-stdin"];

const MINI: &str = r#"[edition]
id = "t"
name = "Test"
voting_start = 2014-09-27
voting_end = 2014-10-05
min_age = 16

[ballot]
picks = 2
require_local = false

[citywide]
projects = [
  { id = "1", title = "A" },
  { id = "ID", title = "B" },
]
"#;

/// A city-wide Pabulib file; `meta` lines replace or add to the defaults.
fn pb(meta: &[(&str, &str)], projects: &[&str]) -> String {
    let mut keys: Vec<(String, String)> = [
        ("description", "Test"),
        ("country", "Poland"),
        ("unit", "Testowo"),
        ("instance", "2021"),
        ("budget", "1000"),
        ("vote_type", "approval"),
        ("date_begin", "2021-09-01"),
        ("date_end", "2021-09-30"),
        ("max_length", "3"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in meta {
        match keys.iter_mut().find(|(key, _)| key == k) {
            Some(slot) => slot.1 = v.to_string(),
            None => keys.push((k.to_string(), v.to_string())),
        }
    }
    let mut s = String::from("META\nkey;value\n");
    for (k, v) in keys {
        s.push_str(&format!("{k};{v}\n"));
    }
    s.push_str("PROJECTS\nproject_id;cost;name\n");
    for p in projects {
        s.push_str(p);
        s.push('\n');
    }
    s.push_str("VOTES\nvoter_id;vote\n");
    s
}
