//! `urna tally import` on a real terminal (a pseudo-terminal) shows a progress
//! bar while it works, and every file's outcome and the summary stay on the
//! screen; with its output piped, no bar is drawn at all.

use std::io::Read;
use std::path::Path;

use assert_cmd::Command;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .args(["--lang", "en", "--data-dir"])
        .arg(dir);
    c
}

/// A tally with a simulated election's keys trusted; returns its usb folder.
fn office(root: &Path) -> std::path::PathBuf {
    let office = root.join("office");
    urna(&office)
        .args(["tally", "init", "--edition", EDITION])
        .assert()
        .success();
    let sim = root.join("sim");
    urna(&office)
        .args([
            "tally", "simulate", "--voters", "3000", "--points", "3", "--out",
        ])
        .arg(&sim)
        .assert()
        .success();
    for point in ["P001", "P002", "P003"] {
        urna(&office)
            .args(["tally", "trust"])
            .arg(sim.join("keys").join(format!("{point}.pub")))
            .args(["--point", point])
            .assert()
            .success();
    }
    sim.join("usb")
}

#[test]
fn import_draws_a_progress_bar_on_a_terminal_and_none_in_a_pipe() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let usb = office(tmp.path());
    let copy = tmp.path().join("office-copy");
    // A second office in the same state, for the piped run.
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(tmp.path().join("office"))
        .arg(&copy)
        .status()
        .expect("cp");
    assert!(status.success());

    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_urna"));
    cmd.args(["--lang", "en", "--data-dir"]);
    cmd.arg(tmp.path().join("office"));
    cmd.args(["tally", "import"]);
    cmd.arg(&usb);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("URNA_DATA_DIR");
    let mut child = pair.slave.spawn_command(cmd).expect("start urna");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut raw = Vec::new();
    // Reading ends when the child exits and the pty closes (EIO on Linux).
    let _ = reader.read_to_end(&mut raw);
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status:?}");
    let text = String::from_utf8_lossy(&raw);
    // The bar: its brackets, fill and byte counts, drawn while importing…
    assert!(text.contains("[===="), "a bar is drawn: {text}");
    assert!(text.contains("MiB"), "with the bytes done: {text}");
    // …and the outcome of every file and the summary, on the screen.
    for point in ["P001", "P002", "P003"] {
        assert!(
            text.contains(&format!("{point}-20141005-1.urna: accepted ({point}")),
            "{point}: {text}"
        );
    }
    assert!(
        text.contains("Bundles accepted: 3, unchanged: 0, rejected: 0"),
        "{text}"
    );

    // Piped: the same lines, and not a byte of a bar.
    let out = urna(&copy)
        .args(["tally", "import"])
        .arg(&usb)
        .output()
        .expect("import");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(stdout.contains("Bundles accepted: 3"), "{stdout}");
    assert!(
        !stdout.contains("[=") && !stdout.contains('\u{1b}'),
        "{stdout}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
