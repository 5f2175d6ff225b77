//! The internet channel's file (all or nothing, once) and the office's
//! log at `-v`.

use super::*;

// ---------------------------------------------------------------------------
// The internet channel

#[test]
fn an_internet_file_with_one_bad_row_imports_nothing_and_names_line_and_field() {
    let (o, _, _) = Office::with_p1();
    let file = o.root.join("internet-1.csv");
    std::fs::write(
        &file,
        format!(
            "{HEADER}\n{}\n{}\n{}\n",
            row("w1", &pesel(50), "1|2|3|4|5"),
            row("w2", &pesel(51), "1|2|3|4|5"),
            row("w3", &pesel(52), "1|2|3|4|5").replace("2014-09-28", "28.09.2014"),
        ),
    )
    .expect("csv");
    let why = [
        &format!("{}: nothing imported", file.display()) as &str,
        "line 4: cast_date \"28.09.2014\" is not a date like YYYY-MM-DD",
    ];
    let first = o.refused_by(true, &file, &why);
    // The same file again: refused the same way, and still nothing.
    let second = o.refused_by(true, &file, &why);
    assert_eq!(first, second);
    assert_eq!(o.results_json()["ballots"]["total"], 3);
}

#[test]
fn an_internet_file_again_changes_nothing_and_a_changed_row_is_refused() {
    let (o, _, _) = Office::with_p1();
    let rows = [
        row("w1", &pesel(50), "1|2|3|4|5"),
        row("w2", &pesel(51), "2|3|4|5|6"),
    ];
    let file = o.root.join("internet.csv");
    std::fs::write(&file, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    let out = ok(o.import_online(&file), "import-online");
    assert!(
        text(&out.stdout).contains("rows accepted: 2"),
        "{}",
        text(&out.stdout)
    );
    let results = o.results();
    let stored = o.stored();
    assert_eq!(o.results_json()["ballots"]["total"], 5);

    let out = ok(o.import_online(&file), "import-online again");
    assert!(
        text(&out.stdout).contains(&format!("{}: {ALREADY_KNOWN}", file.display())),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(text(&o.results()), text(&results));
    assert_eq!(o.stored(), stored);

    // The channel's next export, with w2 changed on the way and a new row:
    // nothing of it is taken, the new row neither.
    let changed = o.root.join("internet-2.csv");
    std::fs::write(
        &changed,
        format!(
            "{HEADER}\n{}\n{}\n{}\n",
            rows[0],
            row("w2", &pesel(51), "6|5|4|3|2"),
            row("w3", &pesel(52), "1|2|3|4|5"),
        ),
    )
    .expect("csv");
    o.refused_by(
        true,
        &changed,
        &["record w2 was seen before with different data"],
    );
    // One new id twice in a file, with different votes: neither is taken.
    let twice = o.root.join("internet-3.csv");
    std::fs::write(
        &twice,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("w4", &pesel(53), "1|2|3|4|5"),
            row("w4", &pesel(53), "5|4|3|2|1"),
        ),
    )
    .expect("csv");
    o.refused_by(
        true,
        &twice,
        &["record w4 was seen before with different data"],
    );
    assert_eq!(o.stored(), stored);
}

/// At `-v` the office's commands log into the tally's own `logs/` (0700,
/// files 0600): one line per imported file with its outcome code, the
/// point and the file's hash; no PESEL.
#[test]
fn the_office_logs_each_import_at_verbose() {
    use std::os::unix::fs::PermissionsExt;
    let (o, p1, _) = Office::with_p1();
    let p9 = o.kiosk("P9");
    let voter = pesel(91);
    p9.enter(&[row("z1", &voter, "1|2|3|4|5")]);
    let refused = p9.export(&o.dir("usb-p9"));
    let accepted = p1.export(&o.dir("usb-p1"));
    for b in [&refused, &accepted] {
        urna(&o.tally)
            .arg("-v")
            .args(["tally", "import"])
            .arg(b)
            .output()
            .expect("run");
    }
    let logs = o.tally.join("logs");
    assert_eq!(
        std::fs::metadata(&logs).expect("logs").permissions().mode() & 0o777,
        0o700
    );
    let mut all = String::new();
    for f in std::fs::read_dir(&logs).expect("read logs") {
        let f = f.expect("entry").path();
        assert_eq!(
            std::fs::metadata(&f).expect("file").permissions().mode() & 0o777,
            0o600,
            "{}",
            f.display()
        );
        all.push_str(&std::fs::read_to_string(&f).expect("log"));
    }
    let line = |file: &Path, code: &str| {
        all.lines()
            .find(|l| {
                l.contains("bundle imported")
                    && l.contains(&format!("file={}", file.display()))
                    && l.contains(&format!("code=\"{code}\""))
            })
            .unwrap_or_else(|| panic!("no {code} line in:\n{all}"))
            .to_string()
    };
    assert!(
        line(&refused, "unknown_kiosk").contains("outcome=\"rejected\""),
        "{all}"
    );
    let ok_line = line(&accepted, "accepted");
    assert!(ok_line.contains("point=P1"), "{ok_line}");
    assert!(
        ok_line.contains(&sha256_hex(&std::fs::read(&accepted).expect("read"))),
        "{ok_line}"
    );
    assert!(!all.contains(&voter), "a PESEL in the log:\n{all}");
}
