//! CRLF and LF files give the same lines, in the journal and the audit too.

use super::*;

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
