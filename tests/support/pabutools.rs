//! Runs `tests/pabutools_check.py`: pabutools (in its own venv, made on first
//! use) reads urna's Pabulib files and counts them again; it must agree with
//! urna's JSON results.

use std::path::Path;
use std::process::{Command, Output};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pabutools_check.py");

/// The check's output, whatever it says.
pub fn run(results_json: &Path, pabulib_dir: &Path) -> Output {
    Command::new("python3")
        .arg(SCRIPT)
        .arg(results_json)
        .arg(pabulib_dir)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run python3 ({e}): `bash test.sh` installs it with venv and pip")
        })
}

/// Fails the test unless pabutools agrees with urna on every file.
pub fn agrees(results_json: &Path, pabulib_dir: &Path) -> String {
    let out = run(results_json, pabulib_dir);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "pabutools disagrees with urna (or is missing):\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}
