//! Edition ids no card can carry, and Pabulib files, named by file, line
//! and field.

use super::*;

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
