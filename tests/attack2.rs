//! A hostile tester's third round, against the real binary: what the count
//! read from the columns the import writes (`kiosk_cards`) gets wrong where
//! the recount from the journal (`tally audit`, `--format pabulib`) does not,
//! and what the office's commands take that a kiosk never would.

#[path = "support/office.rs"]
mod office;

use std::path::Path;

use office::{EDITION, HEADER, office, results_of, said, urna};

/// An internet row in district I, valid but for what `pesel` makes of it.
fn online_row(id: &str, pesel: &str, citywide: &str) -> String {
    format!("{id},{pesel},Ewa,Nowak,ul. Długa 1,2014-09-28,I,1|2|3|4|5,{citywide},1")
}

fn import_online(tally: &Path, root: &Path, name: &str, rows: &[String]) {
    let csv = root.join(name);
    std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    urna(tally)
        .arg("tally")
        .arg("import-online")
        .arg(&csv)
        .assert()
        .success();
}

fn audit_code(tally: &Path) -> (i32, String) {
    let out = urna(tally)
        .args(["tally", "audit"])
        .output()
        .expect("audit");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// `Person` packs the digit count into four bits, so 17 digits count as 1
/// and 18 as 2: "7" and "00000000000000007" (or "42" and
/// "000000000000000042") became one person in the count, though
/// `pesel_key` (and so the audit's recount) keeps them apart. Any voter can
/// type such a number; the audit then says the store was tampered with and
/// the result may not be published.
#[test]
fn a_17_or_18_digit_number_is_not_the_same_person_as_a_short_one() {
    let o = office();
    import_online(
        &o.tally,
        &o.root,
        "internet.csv",
        &[
            online_row("w1", "7", "1|2|3|4|5"),
            online_row("w2", "00000000000000007", "1|2|3|4|5"),
            online_row("w3", "42", "1|2|3|4|5"),
            online_row("w4", "000000000000000042", "1|2|3|4|5"),
        ],
    );
    let r = results_of(&o.tally);
    assert_eq!(r["ballots"]["invalid"], 4, "{r}");
    assert_eq!(r["ballots"]["by_reason"]["pesel_invalid"], 4, "{r}");
    assert!(
        r["ballots"]["by_reason"].get("multiple_votes").is_none(),
        "four different numbers are four people: {}",
        r["ballots"]
    );
    let (code, text) = audit_code(&o.tally);
    assert_eq!(code, 0, "the recount agrees with the count:\n{text}");
}

/// Picks are stored as u16 positions with `u16::MAX` meaning "not on the
/// list", but the count adds `u16::MAX` like any position: every pick of a
/// project at position 65,535 or later went to the project at position
/// 65,535 (id "65536" here). An edition may hold that many projects
/// (`urna edition check` accepts it).
#[test]
fn a_pick_past_position_65534_counts_for_its_own_project() {
    let o = office();
    let n = 65_540;
    let projects: Vec<String> = (1..=n)
        .map(|i| format!("{{ id = \"{i}\", title = \"P{i}\" }}"))
        .collect();
    let edition = format!(
        "[edition]\nid = \"big\"\nname = \"Big\"\nvoting_start = 2014-09-27\n\
         voting_end = 2014-10-05\nmin_age = 16\nsample = true\n\
         [ballot]\npicks = 3\nrequire_local = false\nrequire_citywide = true\n\
         require_signature = false\n\
         [citywide]\nprojects = [\n{}\n]\n\
         [[district]]\nnumber = 1\nname = \"Stare Miasto\"\n\
         projects = [ {{ id = \"1\", title = \"a\" }} ]\n",
        projects.join(",\n")
    );
    let file = o.root.join("big.toml");
    std::fs::write(&file, edition).expect("edition");
    let tally = o.root.join("big-tally");
    urna(&tally)
        .args(["tally", "init", "--edition"])
        .arg(&file)
        .assert()
        .success();
    let csv = o.root.join("big.csv");
    std::fs::write(
        &csv,
        format!("{HEADER}\nw1,44051401359,Ewa,Nowak,ul. Długa 1,2014-09-28,,,65540|65536|1,1\n"),
    )
    .expect("csv");
    urna(&tally)
        .arg("tally")
        .arg("import-online")
        .arg(&csv)
        .assert()
        .success();
    let r = results_of(&tally);
    let project = |id: &str| -> (u64, u64) {
        let p = r["citywide"]["projects"]
            .as_array()
            .expect("projects")
            .iter()
            .find(|p| p["id"] == id)
            .unwrap_or_else(|| panic!("project {id}"));
        (
            p["points"].as_u64().expect("points"),
            p["voters"].as_u64().expect("voters"),
        )
    };
    assert_eq!(project("65540"), (3, 1), "the top pick");
    assert_eq!(project("65536"), (2, 1), "the second pick, not both");
    assert_eq!(project("1"), (1, 1));
    let (code, text) = audit_code(&tally);
    assert_eq!(code, 0, "the recount agrees with the count:\n{text}");
}

/// A kiosk's point id is letters, digits, `-` and `_`, up to 32; the
/// office trusted any text as a point (empty, a terminal escape, 100
/// characters), echoing it raw, so a typo made a trust no bundle can match.
#[test]
fn tally_trust_refuses_point_ids_no_kiosk_can_have() {
    let o = office();
    let data = o.root.join("P1");
    urna(&data)
        .args([
            "init",
            "--edition",
            EDITION,
            "--point",
            "P1",
            "--point-name",
            "P1",
        ])
        .args(["--coordinator", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
    let key = o.root.join("P1.pub");
    let out = urna(&data).arg("key").output().expect("key");
    std::fs::write(&key, &out.stdout).expect("key file");
    let long = "P".repeat(100);
    for point in ["", "P 1", "P\u{1b}[31m", "../x", long.as_str()] {
        urna(&o.tally)
            .args(["tally", "trust"])
            .arg(&key)
            .args(["--point", point])
            .assert()
            .failure();
    }
}

/// The office's imports log one line per file in TALLY/logs; the internet
/// file is an imported file too, but `import-online` logged nothing.
#[test]
fn import_online_writes_its_line_in_the_tally_log() {
    let o = office();
    import_online(
        &o.tally,
        &o.root,
        "internet.csv",
        &[online_row("w1", "44051401359", "1|2|3|4|5")],
    );
    let mut log = String::new();
    for f in std::fs::read_dir(o.tally.join("logs")).expect("logs") {
        log.push_str(&std::fs::read_to_string(f.expect("entry").path()).expect("log"));
    }
    assert!(
        log.contains("internet.csv"),
        "a line for the internet file:\n{log}"
    );
    assert!(!log.contains("44051401359"), "no PESEL in the log");
}

/// Operator names and point ids refuse control characters; the point's
/// name took them (ESC, BEL) and went raw to the terminal in `init`'s
/// confirmation, `status`, the day's protocol and `urna verify` (an
/// observer's check of a stranger's bundle), and signed into every bundle.
#[test]
fn init_refuses_control_characters_in_the_point_name() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("kiosk");
    let out = urna(&data)
        .args(["init", "--edition", EDITION, "--point", "P1"])
        .args([
            "--point-name",
            "Punkt\u{1b}]0;x\u{7}",
            "--coordinator",
            "Anna",
        ])
        .arg("--pin-stdin")
        .write_stdin("1234\n")
        .output()
        .expect("init");
    let text = said(&out);
    assert!(!out.status.success(), "refused:\n{text}");
    assert!(!text.contains('\u{1b}'), "nothing raw on the terminal");
}
