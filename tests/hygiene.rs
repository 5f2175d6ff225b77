//! The office survives careless files (issue 10): output closed early,
//! CRLF files, values over the card model's limits, file modes under
//! `umask 000`, and edition ids no card can carry — each through the real
//! binary (the kiosk's rubric through its real key handling).

#[path = "support/office.rs"]
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

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

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

/// Rows as Python's `csv.writer` writes them (the "excel" dialect: CRLF after
/// every record, a field with a line break quoted and the break kept as is).
fn python_csv(rows: &[Vec<&str>], newline: &str) -> String {
    let mut out = String::new();
    for r in rows {
        let fields: Vec<String> = r
            .iter()
            .map(|f| {
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.to_string()
                }
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str(newline);
    }
    out
}

#[test]
fn crlf_and_lf_files_give_the_same_right_lines_also_in_the_journal_and_the_audit() {
    let p: Vec<String> = (1..=4).map(pesel).collect();
    let header: Vec<&str> = HEADER.split(',').collect();
    let body =
        |id: &'static str, pesel: &'static str, address: &'static str, date: &'static str| {
            vec![
                id,
                pesel,
                "Ewa",
                "Nowak",
                address,
                date,
                "I",
                "1|2|3|4|5",
                "1|2|3|4|5",
                "1",
            ]
        };
    let p: Vec<&'static str> = p
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect();
    let rows = vec![
        header,
        body("r1", p[0], "ul. Długa 1", "2014-09-28"),
        // An address over two lines: the record takes lines 3 and 4.
        body("r2", p[1], "ul. Długa 1\nm. 4", "2014-09-28"),
        body("r3", p[2], "ul. Długa 1", "28.09.2014"),
        // Not signed: stored, invalid, listed by the audit with its line.
        vec![
            "r4",
            p[3],
            "Ewa",
            "Nowak",
            "ul. Długa 1",
            "2014-09-28",
            "I",
            "1|2|3|4|5",
            "1|2|3|4|5",
            "0",
        ],
    ];
    let expected_lines = [2, 3, 5, 6];
    for newline in ["\n", "\r\n"] {
        let tmp = tempfile::tempdir().expect("tmp");
        let dir = kiosk(tmp.path());
        let csv = write(&tmp.path().join("cards.csv"), &python_csv(&rows, newline));
        let out = urna(&dir)
            .args(IMPORT)
            .arg("--json")
            .arg(&csv)
            .write_stdin("1234\n")
            .output()
            .expect("run");
        let lines: Vec<u64> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .filter_map(|v| v["line"].as_u64())
            .collect();
        assert_eq!(lines, expected_lines, "{newline:?}");
        let store = Store::open(&dir).expect("store");
        let journaled: Vec<u64> = store
            .journal()
            .expect("journal")
            .iter()
            .filter_map(
                |(seq, _, _)| match store.entry(*seq).expect("entry").event {
                    Event::CardEntered {
                        source: Source::Csv { line, .. },
                        ..
                    } => Some(line),
                    _ => None,
                },
            )
            .collect();
        assert_eq!(
            journaled,
            [2, 3, 6],
            "{newline:?}: the journal's source lines"
        );

        // The same file (without its bad row) at the office: the audit's
        // invalid ballot names its line.
        let o = office();
        let mut online_rows = rows.clone();
        online_rows.remove(3);
        let online = write(
            &o.root.join("internet.csv"),
            &python_csv(&online_rows, newline),
        );
        urna(&o.tally)
            .args(["tally", "import-online"])
            .arg(&online)
            .assert()
            .success();
        let audit = urna(&o.tally)
            .args(["tally", "audit", "--format", "json"])
            .output()
            .expect("audit");
        let audit: Value = serde_json::from_slice(&audit.stdout).expect("json");
        assert_eq!(audit["invalid"][0]["source"]["line"], 5, "{newline:?}");
        // And a refusal names the right line too.
        let bad = write(&o.root.join("bad.csv"), &python_csv(&rows, newline));
        urna(&o.tally)
            .args(["tally", "import-online"])
            .arg(&bad)
            .assert()
            .code(1)
            .stdout(predicates::str::contains("line 5: cast_date"));
    }
}

/// One value for each limited column, `extra` characters over (or at, with 0)
/// its limit.
fn limit_rows(extra: usize) -> Vec<(&'static str, String)> {
    let over = |max: usize, c: &str| c.repeat(max + extra);
    let valid = |id: String, col: usize, value: String| {
        let mut f: Vec<String> = office::row(&id, &pesel(1), "1|2|3|4|5")
            .split(',')
            .map(String::from)
            .collect();
        f[col] = value;
        f.join(",")
    };
    let tag = if extra == 0 { "at" } else { "over" };
    let id = |c: &str| format!("{tag}-{c}");
    vec![
        ("id", valid("x".into(), 0, over(limits::ROW_ID, "k"))),
        (
            "pesel",
            valid(
                id("pesel"),
                1,
                format!("{}{}", pesel(2), "-".repeat(limits::PESEL - 11 + extra)),
            ),
        ),
        (
            "first_name",
            valid(id("first"), 2, over(limits::FIRST_NAME, "ż")),
        ),
        (
            "last_name",
            valid(id("last"), 3, over(limits::LAST_NAME, "ź")),
        ),
        (
            "address",
            valid(id("address"), 4, over(limits::ADDRESS, "a")),
        ),
        (
            "district",
            valid(id("district"), 6, over(limits::DISTRICT, "X")),
        ),
        (
            "local",
            valid(
                id("local"),
                7,
                format!("1|{}", over(limits::PROJECT_ID, "2")),
            ),
        ),
        (
            "citywide",
            valid(
                id("citywide"),
                8,
                format!("{}|2", over(limits::PROJECT_ID, "3")),
            ),
        ),
    ]
}

#[test]
fn each_limit_is_the_same_at_import_cards_and_import_online() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = kiosk(tmp.path());
    let at = limit_rows(0);
    let over = limit_rows(1);
    let all: Vec<String> = at.iter().chain(&over).map(|(_, r)| r.clone()).collect();
    let csv = write(
        &tmp.path().join("limits.csv"),
        &format!("{HEADER}\n{}\n", all.join("\n")),
    );
    let out = urna(&dir)
        .args(IMPORT)
        .arg("--json")
        .arg(&csv)
        .write_stdin("1234\n")
        .output()
        .expect("run");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    for (i, (column, _)) in at.iter().enumerate() {
        assert_ne!(
            lines[i]["status"], "rejected",
            "{column} at its limit: {}",
            lines[i]
        );
    }
    for (i, (column, _)) in over.iter().enumerate() {
        let l = &lines[at.len() + i];
        assert_eq!(l["status"], "rejected", "{column} over its limit");
        let error = l["error"].as_str().expect("error");
        assert!(
            error.starts_with(&format!("{column} ")),
            "{column}: {error}"
        );
        assert!(error.contains("at most"), "{error}");
    }
    assert_eq!(cards(&dir), at.len() as u64);
    // Nothing over a limit was stored.
    let store = Store::open(&dir).expect("store");
    for (seq, _, _) in store.journal().expect("journal") {
        if let Event::CardEntered { card, .. } = store.entry(seq).expect("entry").event {
            assert!(card.check_limits().is_ok());
        }
    }

    // The office: the same rows at the limit are accepted; each row over
    // its limit is named with its line and column, and nothing is stored.
    let o = office();
    let at_rows: Vec<String> = at.iter().map(|(_, r)| r.clone()).collect();
    let ok = write(
        &o.root.join("at.csv"),
        &format!("{HEADER}\n{}\n", at_rows.join("\n")),
    );
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&ok)
        .assert()
        .success();
    let before = o.results();
    let bad = write(
        &o.root.join("over.csv"),
        &format!("{HEADER}\n{}\n", all.join("\n")),
    );
    let out = urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&bad)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for (i, (column, _)) in over.iter().enumerate() {
        let line = at.len() + i + 2;
        assert!(
            text.contains(&format!("line {line}: {column} ")),
            "{column} at line {line}: {text}"
        );
    }
    assert_eq!(o.results(), before);
}

#[test]
fn the_kiosk_rubric_stops_taking_characters_at_the_limit() {
    let tmp = tempfile::tempdir().expect("tmp");
    let store = urna::tui::demo::demo_store(tmp.path()).expect("demo store");
    let mut app = urna::tui::App::new(
        store,
        urna::i18n::Lang::En,
        urna::tui::demo::demo_operators(),
    )
    .expect("app");
    let now = Instant::now();
    let mut key = |code: KeyCode| app.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now);
    for _ in 0..5 {
        key(KeyCode::Up);
    }
    let mut text = "1234\n".to_string();
    text.push_str(&"Ż".repeat(limits::FIRST_NAME + 10));
    text.push('\n');
    text.push_str(&"n".repeat(limits::LAST_NAME + 1));
    text.push('\n');
    text.push_str(&"a".repeat(limits::ADDRESS + 5));
    text.push('\n');
    text.push_str("75031412362tXI42131529711\n");
    for c in text.chars() {
        key(if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        });
    }
    let saved = app.store.journal().expect("journal");
    let card = saved
        .iter()
        .find_map(
            |(seq, _, _)| match app.store.entry(*seq).expect("entry").event {
                Event::CardEntered { card, .. } => Some(card),
                _ => None,
            },
        )
        .expect("the card was saved");
    assert_eq!(card.first_name, "Ż".repeat(limits::FIRST_NAME));
    assert_eq!(card.last_name, "n".repeat(limits::LAST_NAME));
    assert_eq!(card.address, "a".repeat(limits::ADDRESS));
    assert_eq!(card.pesel, "75031412362");
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

#[test]
fn edition_check_refuses_ids_no_card_can_carry_at_their_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let long = "9".repeat(limits::PROJECT_ID + 1);
    for (id, why) in [
        ("1|2", "`|`"),
        ("7\\u0007", "control character"),
        ("", "is empty"),
        (" 7", "blank"),
        ("7 ", "blank"),
        ("7\\t8", "control character"),
        ("7 8", "blank"),
        (long.as_str(), "at most 32"),
    ] {
        let text = MINI.replace("id = \"ID\"", &format!("id = \"{id}\""));
        let path = write(&tmp.path().join("e.toml"), &text);
        let out = urna(tmp.path())
            .args(["edition", "check"])
            .arg(&path)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1), "{id:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("e.toml:15:"), "{id:?}: {err}");
        assert!(err.contains(why), "{id:?}: {err}");
    }
    let ok = write(&tmp.path().join("e.toml"), MINI);
    urna(tmp.path())
        .args(["edition", "check"])
        .arg(&ok)
        .assert()
        .success();
}

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

/// 1-based line of the first line of `text` starting with `prefix`.
fn line_of(text: &str, prefix: &str) -> usize {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .expect(prefix)
        + 1
}

#[test]
fn import_pabulib_names_file_line_and_field() {
    let tmp = tempfile::tempdir().expect("tmp");
    let good = ["1;100;A", "2;200;B"];
    let cases: Vec<(String, &str, &str)> = vec![
        (
            pb(&[], &["1;100;A", "2;200;B", "01;300;C"]),
            "01;",
            "project_id \"01\" appears twice (first at line",
        ),
        (
            pb(&[], &["1;100;A", "2|3;200;B"]),
            "2|3;",
            "project_id \"2|3\" contains `|`",
        ),
        (
            pb(&[("max_length", "21")], &good),
            "max_length;",
            "`max_length` 21: a card has between 1 and 20 picks",
        ),
        (
            pb(&[("max_length", "0")], &good),
            "max_length;",
            "`max_length` 0",
        ),
        (
            pb(&[("max_length", "4294967296")], &good),
            "max_length;",
            "`max_length` 4294967296",
        ),
        (
            pb(&[("min_length", "4")], &good),
            "min_length;",
            "`min_length` 4 is more than `max_length` 3",
        ),
        (
            pb(&[("min_length", "dwa")], &good),
            "min_length;",
            "`min_length` \"dwa\" is not a number",
        ),
        (
            pb(&[("date_begin", "2021-13-45")], &good),
            "date_begin;",
            "`date_begin` \"2021-13-45\" is not a date",
        ),
        (
            pb(&[("date_end", "2021-08-01")], &good),
            "date_end;",
            "`date_end` 2021-08-01 is before `date_begin` 2021-09-01",
        ),
    ];
    for (text, at, message) in &cases {
        for newline in ["\n", "\r\n"] {
            let text = text.replace('\n', newline);
            let path = write(&tmp.path().join("city.pb"), &text);
            let out = urna(tmp.path())
                .args(["edition", "import-pabulib", "--out"])
                .arg(tmp.path().join("out.toml"))
                .arg(&path)
                .output()
                .expect("run");
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{message}: {err}");
            let line = line_of(&text, at);
            assert!(
                err.contains(&format!("city.pb:{line}: ")),
                "{message} at line {line} ({newline:?}): {err}"
            );
            assert!(err.contains(message), "{err}");
            assert!(!err.contains("internal"), "{err}");
        }
    }
    // A district file's own dates are checked too, at their line.
    let district = pb(&[("district", "A"), ("date_begin", "2021-02-30")], &good);
    let city = write(&tmp.path().join("city.pb"), &pb(&[], &good));
    let d = write(&tmp.path().join("a.pb"), &district);
    let out = urna(tmp.path())
        .args(["edition", "import-pabulib", "--out"])
        .arg(tmp.path().join("out.toml"))
        .args([&city, &d])
        .output()
        .expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("a.pb:{}: ", line_of(&district, "date_begin;"))),
        "{err}"
    );
    // And the good file still builds an edition.
    urna(tmp.path())
        .args(["edition", "import-pabulib", "--out"])
        .arg(tmp.path().join("out.toml"))
        .arg(&city)
        .assert()
        .success();
}

#[test]
fn annul_speaks_polish_and_names_no_pesel() {
    let o = office();
    let tally = |args: &[&str]| {
        let out = Std::new(BIN)
            .env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(&o.tally)
            .args(args)
            .output()
            .expect("run");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let good = pesel(7);
    let mut bad = good.clone();
    let last = bad.pop().expect("digit");
    bad.push(if last == '0' { '1' } else { '0' });
    let (code, _, err) = tally(&["tally", "annul", &bad, "--reason", "wniosek"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err.trim(),
        format!(
            "błąd: PESEL {}*****: cyfra kontrolna numeru PESEL się nie zgadza",
            &bad[..6]
        )
    );
    let (_, _, err) = tally(&["--lang", "en", "tally", "annul", &bad, "--reason", "x"]);
    assert!(err.contains("PESEL check digit is wrong"), "{err}");
    assert!(!err.contains(&bad) && !err.contains("expected"), "{err}");
    let (code, _, err) = tally(&["tally", "annul", &good, "--reason", " "]);
    assert_eq!(code, Some(2));
    assert!(err.contains("decyzja potrzebuje uzasadnienia"), "{err}");
    // A reason naming the PESEL would publish it in the audit: refused.
    let (code, _, err) = tally(&[
        "tally",
        "annul",
        &good,
        "--reason",
        &format!("wniosek {good}"),
    ]);
    assert_eq!(code, Some(2));
    assert!(err.contains("ciąg cyfr jak PESEL"), "{err}");
    assert!(!err.contains(&good), "{err}");
    let (code, out, _) = tally(&["tally", "annul", &good, "--reason", "wniosek z 3.10"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains(&format!("{}*****", &good[..6])) && !out.contains(&good),
        "{out}"
    );
    let (_, audit, _) = tally(&["tally", "audit"]);
    assert!(!audit.contains(&good), "{audit}");
}

#[test]
fn card_csv_and_import_online_errors_speak_polish() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = kiosk(tmp.path());
    let pl = |dir: &Path, args: &[&str], file: &Path| {
        let mut cmd = Std::new(BIN);
        cmd.env_remove("URNA_DATA_DIR")
            .arg("--data-dir")
            .arg(dir)
            .args(args)
            .arg(file)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let out = with_pin(cmd);
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    let headerless = write(&tmp.path().join("bez.csv"), &format!("{}\n", row("k-1", 1)));
    let text = pl(&dir, &IMPORT, &headerless);
    assert!(
        text.contains("bez.csv:1: pierwsza linia nie jest nagłówkiem"),
        "{text}"
    );
    let o = office();
    let text = pl(&o.tally, &["tally", "import-online"], &headerless);
    assert!(
        text.contains("ODRZUCONY — ") && text.contains("pierwsza linia nie jest nagłówkiem"),
        "{text}"
    );
    let rows = write(
        &tmp.path().join("zle.csv"),
        &format!(
            "{HEADER}\n{}\nk-2,{},Ewa,Nowak,x,28.09.2014,I,1,1,1\n,{},Ewa,Nowak,x,2014-09-28,I,1,1,1\n",
            row("k-1", 1),
            pesel(2),
            pesel(3)
        ),
    );
    let text = pl(&o.tally, &["tally", "import-online"], &rows);
    assert!(
        text.contains("nic nie zaimportowano; linia 3: cast_date \"28.09.2014\" nie jest datą w postaci RRRR-MM-DD; linia 4: brak id wiersza"),
        "{text}"
    );
    let long = write(
        &tmp.path().join("dlugie.csv"),
        &format!(
            "{HEADER}\nk-9,{},{},Nowak,x,2014-09-28,I,1,1,1\n",
            pesel(4),
            "J".repeat(65)
        ),
    );
    let text = pl(&dir, &IMPORT, &long);
    assert!(
        text.contains("first_name ma 65 znaków, a może mieć najwyżej 64"),
        "{text}"
    );
}

#[test]
fn edition_errors_speak_polish() {
    let tmp = tempfile::tempdir().expect("tmp");
    let polish = |args: &[&str]| {
        let out = Std::new(BIN)
            .env_remove("URNA_DATA_DIR")
            .args(args)
            .output()
            .expect("run");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let e = write(
        &tmp.path().join("e.toml"),
        &MINI.replace("id = \"ID\"", "id = \"1|2\""),
    );
    let err = polish(&["edition", "check", e.to_str().expect("path")]);
    assert!(
        err.contains("e.toml:15:10: numer zadania \"1|2\" (lista ogólnomiejska) zawiera `|`"),
        "{err}"
    );
    let pb = write(
        &tmp.path().join("city.pb"),
        &pb(&[("max_length", "0")], &["1;100;A"]),
    );
    let out = tmp.path().join("out.toml");
    let err = polish(&[
        "edition",
        "import-pabulib",
        "--out",
        out.to_str().expect("path"),
        pb.to_str().expect("path"),
    ]);
    assert!(
        err.contains("city.pb:11: META `max_length` 0: karta ma od 1 do 20 wyborów"),
        "{err}"
    );
}
