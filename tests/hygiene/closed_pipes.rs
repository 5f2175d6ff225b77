//! Output closed early: every row stored, the work kept, a normal exit.

use super::*;

/// The real binary with stdout into a pipe whose reader is already gone.
fn into_closed_pipe(args: &[&str], dir: &Path) -> std::process::ExitStatus {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let mut cmd = Std::new(BIN);
    cmd.env_remove("URNA_DATA_DIR")
        .args(["--lang", "en", "--data-dir"])
        .arg(dir)
        .args(args)
        .stdout(writer)
        .stderr(Stdio::piped());
    with_pin(cmd).status
}

#[test]
fn import_cards_into_a_closed_pipe_stores_every_row_and_exits_normally() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = kiosk(tmp.path());
    let rows: Vec<String> = (1..=40).map(|i| row(&format!("k-{i}"), i)).collect();
    let csv = write(
        &tmp.path().join("big.csv"),
        &format!("{HEADER}\n{}\n", rows.join("\n")),
    );
    let csv = csv.to_str().expect("path");
    for json in [false, true] {
        let mut args = IMPORT.to_vec();
        args.push(csv);
        if json {
            args.push("--json");
        }
        let status = into_closed_pipe(&args, &dir);
        // The second run finds every row id stored already: rejected rows, 1.
        assert_eq!(status.code(), Some(i32::from(json)), "json {json}");
        assert_eq!(cards(&dir), 40);
    }
}

#[test]
fn a_reader_that_stops_after_one_line_loses_nothing() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = kiosk(tmp.path());
    let rows: Vec<String> = (1..=300).map(|i| row(&format!("k-{i}"), i)).collect();
    let csv = write(
        &tmp.path().join("big.csv"),
        &format!("{HEADER}\n{}\n", rows.join("\n")),
    );
    let mut child = Std::new(BIN)
        .env_remove("URNA_DATA_DIR")
        .args(["--lang", "en", "--data-dir"])
        .arg(&dir)
        .args(IMPORT)
        .arg("--json")
        .arg(&csv)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(b"1234\n")
            .expect("PIN");
    }
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    // The reader is dropped here, like `| head -1`.
    let out = child.wait_with_output().expect("wait");
    assert!(first.contains("\"row\":1"), "{first}");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(cards(&dir), 300);
}

#[test]
fn tally_commands_into_a_closed_pipe_keep_their_work() {
    let o = office();
    o.kiosk("P01", &[row("a", 1), row("b", 2)], true);
    o.kiosk("P02", &[row("c", 3)], true);
    let usb = o.usb.to_str().expect("path").to_string();
    assert_eq!(
        into_closed_pipe(&["tally", "import", &usb], &o.tally).code(),
        Some(0)
    );
    assert_eq!(o.results()["ballots"]["total"], 3);
    let online = write(
        &o.root.join("internet.csv"),
        &format!("{HEADER}\n{}\n", row("i-1", 4)),
    );
    let online = online.to_str().expect("path");
    assert_eq!(
        into_closed_pipe(&["tally", "import-online", online], &o.tally).code(),
        Some(0)
    );
    assert_eq!(o.results()["ballots"]["total"], 4);
    for args in [
        &["tally", "results"][..],
        &["tally", "audit", "--format", "json"],
        &["status"],
    ] {
        let dir = if args[0] == "status" {
            o.root.join("P01")
        } else {
            o.tally.clone()
        };
        assert_eq!(into_closed_pipe(args, &dir).code(), Some(0), "{args:?}");
    }
}
