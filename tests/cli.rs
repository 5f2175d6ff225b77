//! The command line as a user runs it: the real binary on a real data directory.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/cards-2014.csv");
const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").arg("--data-dir").arg(dir);
    c
}

fn init(dir: &Path) {
    urna(dir)
        .args(["init", "--edition", EDITION, "--point", "P01"])
        .args([
            "--point-name",
            "Szkoła nr 1",
            "--coordinator",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n")
        .assert()
        .success()
        .stdout(contains("Gotowe: punkt P01"));
}

fn status(dir: &Path) -> Value {
    let out = urna(dir)
        .args(["status", "--json"])
        .output()
        .expect("run status");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("status JSON")
}

fn fresh() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    (tmp, dir)
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn init_creates_a_private_store_once() {
    let (_tmp, dir) = fresh();
    init(&dir);
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("urna.sqlite")), 0o600);
    assert_eq!(mode(&dir.join("pin-secret.key")), 0o600);
    urna(&dir)
        .args(["init", "--edition", EDITION, "--point", "P01"])
        .args(["--point-name", "x", "--coordinator", "Ola", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(2)
        .stderr(contains("już jest magazyn"));
    let s = status(&dir);
    assert_eq!(s["operators"], 1);
    assert_eq!(s["journal_entries"], 2);
}

#[test]
fn init_refuses_bad_input_and_writes_nothing() {
    let (tmp, dir) = fresh();
    urna(&dir)
        .args(["init", "--edition", EDITION, "--point", "P01"])
        .args(["--point-name", "x", "--coordinator", "Anna", "--pin-stdin"])
        .write_stdin("12\n")
        .assert()
        .code(2)
        .stderr(contains("PIN"));
    assert!(!dir.join("urna.sqlite").exists());

    let broken = tmp.path().join("broken.toml");
    std::fs::write(&broken, "[edition]\nid = \"x\"\nname = \n").expect("write");
    urna(&dir)
        .args(["init", "--edition"])
        .arg(&broken)
        .args([
            "--point",
            "P01",
            "--point-name",
            "x",
            "--coordinator",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n")
        .assert()
        .code(2)
        .stderr(contains(format!("{}:3:", broken.display())));
    assert!(!dir.join("urna.sqlite").exists());

    urna(&dir)
        .args(["init", "--edition", EDITION, "--point", "P 01"])
        .args(["--point-name", "x", "--coordinator", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(2)
        .stderr(contains("--point"));
    urna(&dir)
        .args([
            "init",
            "--edition",
            EDITION,
            "--point",
            "P01",
            "--central",
            "age1nope",
        ])
        .args(["--point-name", "x", "--coordinator", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(2)
        .stderr(contains("--central"));
    assert!(!dir.join("urna.sqlite").exists());
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let (_tmp, dir) = fresh();
    init(&dir);
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .env("URNA_DATA_DIR", &dir)
        .args(["--lang", "en", "status"])
        .assert()
        .success()
        .stdout(contains("Point: P01 (Szkoła nr 1)"));
}

#[test]
fn commands_without_a_store_say_how_to_start() {
    let (_tmp, dir) = fresh();
    urna(&dir)
        .arg("status")
        .assert()
        .code(2)
        .stderr(contains("urna init"));
    urna(&dir)
        .args(["--lang", "en", "check"])
        .assert()
        .code(2)
        .stderr(contains("error: ").and(contains("run `urna init` first")));
}

#[test]
fn import_sample_in_text_then_status_and_check() {
    let (_tmp, dir) = fresh();
    init(&dir);
    let out = urna(&dir)
        .args(["import-cards", SAMPLE, "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("utf8");
    assert!(
        out.contains("wiersz 1 (linia 2): P01-000003 ważna"),
        "{out}"
    );
    assert!(out.contains("P01-000006 NIEWAŻNA: underage"), "{out}");
    assert!(
        out.contains("wiersz 8 (linia 9): ODRZUCONY — cast_date \"1.10.2014\""),
        "{out}"
    );
    assert!(
        out.contains("uwaga: ten sam PESEL jest już na karcie P01-000003"),
        "{out}"
    );
    assert!(
        out.contains(
            "Wczytano 10 wierszy: zapisano 9 kart (5 ważnych, 4 nieważne), odrzucono 1 wiersz; 1 karta z PESEL-em"
        ),
        "{out}"
    );
    // No PESEL from the file appears in what the command prints.
    let sample = std::fs::read_to_string(SAMPLE).expect("sample");
    for line in sample.lines().skip(1) {
        let pesel = line.split(',').nth(1).expect("pesel column");
        assert!(!out.contains(pesel), "PESEL {pesel} printed");
    }
    let s = status(&dir);
    assert_eq!(
        (&s["cards"], &s["valid"], &s["invalid"], &s["flagged"]),
        (
            &Value::from(9),
            &Value::from(5),
            &Value::from(4),
            &Value::from(1)
        )
    );
    assert_eq!(s["invalid_by_reason"]["underage"], 1);
    assert_eq!(s["journal_entries"], 11);
    urna(&dir)
        .arg("check")
        .assert()
        .success()
        .stdout(contains("Magazyn w porządku").and(contains("11 wpisów")));
    urna(&dir)
        .arg("status")
        .assert()
        .success()
        .stdout(contains("Karty: 9 — ważne 5, nieważne 4"));
}

#[test]
fn import_json_lines_and_reimport_changes_nothing() {
    let (_tmp, dir) = fresh();
    init(&dir);
    let out = urna(&dir)
        .args([
            "import-cards",
            "--json",
            SAMPLE,
            "--as",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(out)
        .expect("utf8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 11);
    for (i, l) in lines[..10].iter().enumerate() {
        assert_eq!(l["row"], i as u64 + 1);
        assert_eq!(l["line"], i as u64 + 2);
        assert_eq!(l["source_id"], format!("k-{:04}", i + 1));
    }
    assert_eq!(lines[0]["status"], "valid");
    assert_eq!(lines[0]["id"], "P01-000003");
    assert_eq!(lines[0]["reasons"], serde_json::json!([]));
    assert_eq!(lines[4]["status"], "invalid");
    assert_eq!(lines[4]["reasons"], serde_json::json!(["pesel_invalid"]));
    assert_eq!(
        lines[6]["reasons"],
        serde_json::json!([
            "missing_address",
            "missing_signature",
            "citywide_incomplete"
        ])
    );
    assert_eq!(lines[7]["status"], "rejected");
    assert_eq!(lines[7]["id"], Value::Null);
    assert!(
        lines[7]["error"]
            .as_str()
            .expect("error")
            .contains("cast_date")
    );
    assert_eq!(lines[8]["same_pesel"], serde_json::json!(["P01-000003"]));
    assert_eq!(lines[10]["summary"]["stored"], 9);
    assert_eq!(lines[10]["summary"]["rejected"], 1);

    let before = status(&dir);
    let again = urna(&dir)
        .args([
            "--lang",
            "en",
            "import-cards",
            SAMPLE,
            "--as",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n")
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let again = String::from_utf8(again).expect("utf8");
    assert!(
        again.contains(
            "row 1 (line 2): REJECTED — row id \"k-0001\" is already stored as card P01-000003"
        ),
        "{again}"
    );
    assert!(again.contains("stored 0 cards"), "{again}");
    assert_eq!(status(&dir), before);
}

#[test]
fn unreadable_files_store_nothing_and_name_file_and_line() {
    let (tmp, dir) = fresh();
    init(&dir);
    let before = status(&dir);
    let write = |name: &str, bytes: &[u8]| {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    };
    let good_row = "a,75031412362,Anna,Nowak,Długa 1,2014-09-27,I,1|2|3|4|5,1|2|3|4|5,1";
    let cases: Vec<(PathBuf, String)> = vec![
        (
            write(
                "missing.csv",
                format!(
                    "id,pesel,first_name,address,cast_date,district,local,citywide\n{good_row}\n"
                )
                .as_bytes(),
            ),
            "missing.csv:1: missing column(s) last_name".into(),
        ),
        (
            write("empty.csv", b""),
            "empty.csv:1: the file is empty".into(),
        ),
        (
            write("latin2.csv", &{
                let mut bytes = format!("{HEADER}\n{good_row}\n").into_bytes();
                // "Łab" in ISO-8859-2, as an old spreadsheet would save it.
                bytes.extend_from_slice(b"b,75031412362,Zofia,\xa3ab,x,2014-09-27,I,1,1,1\n");
                bytes
            }),
            "latin2.csv:3: the file is not UTF-8".into(),
        ),
        (
            write(
                "typo.csv",
                format!("{HEADER},extra\n{good_row},x\n").as_bytes(),
            ),
            "typo.csv:1: unknown column 11 \"e****\"".into(),
        ),
    ];
    for (path, expected) in &cases {
        urna(&dir)
            .args([
                "--lang",
                "en",
                "import-cards",
                "--as",
                "Anna",
                "--pin-stdin",
            ])
            .arg(path)
            .write_stdin("1234\n")
            .assert()
            .code(2)
            .stderr(contains(expected.as_str()));
        assert_eq!(status(&dir), before, "{expected}");
    }
    urna(&dir)
        .args([
            "import-cards",
            "/nonexistent/cards.csv",
            "--as",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n")
        .assert()
        .code(2)
        .stderr(contains("/nonexistent/cards.csv"));
    assert_eq!(status(&dir), before);
}

#[test]
fn a_row_with_the_wrong_number_of_fields_is_rejected_by_line() {
    let (tmp, dir) = fresh();
    init(&dir);
    let p = tmp.path().join("short.csv");
    std::fs::write(
        &p,
        format!(
            "{HEADER}\na,75031412362,Anna,Nowak,Długa 1,2014-09-27,I,1|2|3|4|5,1|2|3|4|5,1\nb,75031412362,Anna\nc,88110244132,Łukasz,Wójcik,Os. 5,2014-09-27,XI,1|2|3|4,1|2|3|4|5,1\n"
        ),
    )
    .expect("write");
    urna(&dir)
        .args(["import-cards", "--as", "Anna", "--pin-stdin"])
        .arg(&p)
        .write_stdin("1234\n")
        .assert()
        .code(1)
        .stdout(
            contains("wiersz 2 (linia 3): ODRZUCONY — wiersz ma 3 pól, a nagłówek 10")
                .and(contains("wiersz 3 (linia 4): P01-000004 ważna")),
        );
    assert_eq!(status(&dir)["cards"], 2);
}

#[test]
fn a_clean_file_exits_zero() {
    let (tmp, dir) = fresh();
    init(&dir);
    let p = tmp.path().join("ok.csv");
    std::fs::write(
        &p,
        format!("{HEADER}\n,75031412362,Anna,Nowak,Długa 1,2014-09-27,I,1|2|3|4|5,1|2|3|4|5,1\n"),
    )
    .expect("write");
    urna(&dir)
        .args(["import-cards", "--as", "Anna", "--pin-stdin"])
        .arg(&p)
        .write_stdin("1234\n")
        .assert()
        .success()
        .stdout(contains("zapisano 1 kartę (1 ważna, 0 nieważnych)"));
}

#[test]
fn operators_are_added_once_and_journaled() {
    let (_tmp, dir) = fresh();
    init(&dir);
    urna(&dir)
        .args([
            "operator",
            "add",
            "Bartek",
            "--role",
            "volunteer",
            "--as",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n5678\n")
        .assert()
        .success()
        .stdout(contains("Dodano operatora Bartek (wolontariusz)"));
    urna(&dir)
        .args([
            "operator",
            "add",
            "Bartek",
            "--role",
            "coordinator",
            "--as",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n5678\n")
        .assert()
        .code(2)
        .stderr(contains("operator o nazwie „Bartek” już istnieje"));
    urna(&dir)
        .args([
            "operator",
            "add",
            "Celina",
            "--role",
            "boss",
            "--as",
            "Anna",
            "--pin-stdin",
        ])
        .write_stdin("1234\n5678\n")
        .assert()
        .code(2);
    urna(&dir)
        .args([
            "operator",
            "add",
            "Celina",
            "--role",
            "volunteer",
            "--as",
            "Anna",
        ])
        .assert()
        .code(2)
        .stderr(contains("--pin-stdin"));
    urna(&dir)
        .args(["operator", "list"])
        .assert()
        .success()
        .stdout("Anna\tkoordynator\nBartek\twolontariusz\n");
    urna(&dir)
        .args(["--lang", "en", "operator", "list"])
        .assert()
        .success()
        .stdout("Anna\tcoordinator\nBartek\tvolunteer\n");
    assert_eq!(status(&dir)["journal_entries"], 3);
}

#[test]
fn check_catches_a_changed_journal() {
    let (_tmp, dir) = fresh();
    init(&dir);
    urna(&dir)
        .args(["import-cards", SAMPLE, "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .code(1);
    let db = rusqlite::Connection::open(dir.join("urna.sqlite")).expect("open");
    // The journal refuses changes by itself…
    let refused = db.execute("UPDATE journal SET body = body WHERE seq = 3", []);
    assert!(refused.is_err());
    assert!(
        db.execute("DELETE FROM journal WHERE seq = 10", [])
            .is_err()
    );
    // …and someone who removes that guard is caught by the hash chain.
    db.execute_batch(
        "DROP TRIGGER journal_no_update;
         UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), '\"Anna\"', '\"Hanna\"') AS BLOB) WHERE seq = 2;",
    )
    .expect("tamper");
    drop(db);
    urna(&dir).arg("check").assert().code(1).stderr(
        contains("MAGAZYN USZKODZONY").and(contains("journal[2]: skrót nie zgadza się z treścią")),
    );
}

#[test]
fn edition_check_points_at_the_line() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(EDITION).expect("edition");
    let bad = text.replacen("voting_end = 2014-10-05", "voting_end = 2014-09-01", 1);
    let line = bad
        .lines()
        .position(|l| l.starts_with("voting_end"))
        .expect("line")
        + 1;
    let p = tmp.path().join("bad.toml");
    std::fs::write(&p, &bad).expect("write");
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["edition", "check"])
        .arg(&p)
        .assert()
        .code(1)
        .stderr(contains(format!("bad.toml:{line}:")).and(contains("jest przed voting_start")));
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["--lang", "en", "edition", "check"])
        .arg(&p)
        .assert()
        .code(1)
        .stderr(contains(format!("bad.toml:{line}:")).and(contains("before voting_start")));
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["edition", "check", EDITION])
        .assert()
        .success()
        .stdout(contains("18 dzielnic").and(contains("15 zadań ogólnomiejskich")));
    Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["--lang", "en", "edition", "check", "/nonexistent.toml"])
        .assert()
        .code(2)
        .stderr(contains("/nonexistent.toml"));
}

#[test]
fn a_damaged_database_is_named() {
    let (_tmp, dir) = fresh();
    init(&dir);
    std::fs::write(dir.join("urna.sqlite"), b"not a database, just bytes").expect("damage");
    urna(&dir)
        .args(["--lang", "en", "status"])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "{}: cannot open the store: the database file is damaged or is not an urna database",
            dir.join("urna.sqlite").display()
        )));
}

#[test]
fn the_kiosk_without_a_terminal_says_so() {
    let (_tmp, dir) = fresh();
    urna(&dir)
        .args(["--lang", "en", "demo"])
        .assert()
        .code(1)
        .stderr(contains("the kiosk needs a terminal"));
    urna(&dir)
        .arg("--lang")
        .arg("en")
        .assert()
        .code(1)
        .stderr(contains("the kiosk needs a terminal"));
}
