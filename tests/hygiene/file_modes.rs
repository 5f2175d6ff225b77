//! File modes under `umask 000`: personal data the owner's only; a data
//! directory that is a file refused.

use super::*;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

/// The real binary under `umask 000`.
fn umask0(dir: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    let mut cmd = Std::new("sh");
    cmd.arg("-c")
        .arg("umask 000; exec \"$@\"")
        .arg("sh")
        .arg(BIN)
        .args(["--lang", "en", "--data-dir"])
        .arg(dir)
        .args(args)
        .env_remove("URNA_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn files_with_personal_data_are_the_owners_only_whatever_the_umask() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = tmp.path();
    // The office: an existing 0755 directory is tightened; the audit (masked
    // PESELs) is written 0600.
    let tally = root.join("tally");
    std::fs::create_dir(&tally).expect("dir");
    std::fs::set_permissions(&tally, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    umask0(&tally, &["tally", "init", "--edition", EDITION], "");
    assert_eq!(
        mode(&tally),
        0o700,
        "tally init tightens the data directory"
    );
    for f in ["tally.sqlite", "office-identity.txt"] {
        assert_eq!(mode(&tally.join(f)), 0o600, "{f}");
    }
    let identity = std::fs::read_to_string(tally.join("office-identity.txt")).expect("identity");
    let identity: age::x25519::Identity = identity
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .expect("key")
        .parse()
        .expect("identity");
    let recipient = identity.to_public().to_string();

    // An existing data directory open to everyone is tightened by `init`.
    let dir = root.join("kiosk");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    let out = umask0(
        &dir,
        &[&init_args("P1", "P1")[..], &["--central", &recipient]].concat(),
        "1234\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(mode(&dir), 0o700, "init tightens the data directory");
    for f in ["urna.sqlite", "pin-secret.key"] {
        assert_eq!(mode(&dir.join(f)), 0o600, "{f}");
    }
    // Logs at -v, with a row that is rejected (its text goes to the log).
    let csv = write(
        &root.join("c.csv"),
        &format!(
            "{HEADER}\n{}\nk-2,{},Ewa,Nowak,x,28.09.2014,I,1,1,1\n",
            row("k-1", 1),
            pesel(2)
        ),
    );
    umask0(
        &dir,
        &[
            "-v",
            "import-cards",
            "--as",
            "Anna",
            "--pin-stdin",
            csv.to_str().expect("path"),
        ],
        "1234\n",
    );
    let logs = dir.join("logs");
    assert_eq!(mode(&logs), 0o700, "logs/");
    let files: Vec<PathBuf> = std::fs::read_dir(&logs)
        .expect("logs")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(!files.is_empty());
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
        assert!(
            std::fs::read_to_string(f)
                .expect("log")
                .contains("row rejected")
        );
    }
    // An older log file made 0644 is tightened when it is written again.
    std::fs::set_permissions(&files[0], std::fs::Permissions::from_mode(0o644)).expect("chmod");
    umask0(&dir, &["status"], "");
    assert_eq!(mode(&files[0]), 0o600);

    // The bundle and the protocols.
    let stick = root.join("stick");
    std::fs::create_dir(&stick).expect("stick");
    umask0(
        &dir,
        &[
            "export",
            "--out",
            stick.to_str().expect("path"),
            "--as",
            "Anna",
            "--pin-stdin",
        ],
        "1234\n",
    );
    let written: Vec<PathBuf> = std::fs::read_dir(&stick)
        .expect("stick")
        .map(|e| e.expect("entry").path())
        .collect();
    assert!(written.len() >= 2, "{written:?}");
    for f in &written {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }

    let online = write(
        &root.join("internet.csv"),
        &format!("{HEADER}\n{}\n", row("i-1", 3)),
    );
    umask0(
        &tally,
        &["tally", "import-online", online.to_str().expect("path")],
        "",
    );
    let audit = root.join("audit.txt");
    umask0(
        &tally,
        &["tally", "audit", "--out", audit.to_str().expect("path")],
        "",
    );
    assert_eq!(mode(&audit), 0o600, "the audit");
    std::fs::set_permissions(&audit, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    umask0(
        &tally,
        &[
            "tally",
            "audit",
            "--format",
            "json",
            "--out",
            audit.to_str().expect("path"),
        ],
        "",
    );
    assert_eq!(
        mode(&audit),
        0o600,
        "the audit, written again over a 0644 file"
    );
}

#[test]
fn init_refuses_a_data_directory_that_is_not_one() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = write(&tmp.path().join("plik"), "x");
    for args in [
        &["tally", "init", "--edition", EDITION][..],
        &init_args("P1", "P1"),
    ] {
        let out = urna(&file)
            .args(args)
            .write_stdin("1234\n")
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("plik: not a directory"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&file).expect("file"), "x");
}
