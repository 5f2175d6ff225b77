//! The office's audit and its one decision, end to end with the real binary:
//! invalid ballots with their sources, people who voted more than once with
//! every ballot, every import (rejected ones with why), and `annul` of an
//! internet account someone else registered on a PESEL (konta-faq #10).

use serde_json::Value;

#[path = "support/office.rs"]
mod office;

use office::{HEADER, office, pesel, row, urna};

#[test]
fn the_audit_traces_every_invalid_ballot_and_an_annulment_frees_the_real_voter() {
    let o = office();
    let a = pesel(1); // votes at P1 and at P2
    let c = pesel(3); // votes at P1; someone else voted online on c's PESEL
    let up = "1|2|3|4|5";
    let unsigned = format!(
        "x,{},Jan,Kowal,ul. Krótka 2,2014-09-28,I,{up},{up},0",
        pesel(11)
    );
    // The unsigned card is stored as invalid: import-cards says so with exit 1.
    o.kiosk_with(
        "P1",
        &[
            row("r1", &pesel(10), up),
            unsigned.replace("x,", "r2,"),
            row("r3", &a, up),
            row("r4", &c, up),
        ],
        true,
        1,
    );
    o.kiosk("P2", &[row("r1", &a, up)], true);
    let stranger = o.kiosk("P9", &[row("r1", &pesel(20), up)], false);
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(o.usb.join("P1"))
        .arg(o.usb.join("P2"))
        .assert()
        .success();
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&stranger)
        .assert()
        .code(1);
    let online = o.root.join("online.csv");
    std::fs::write(&online, format!("{HEADER}\n{}\n", row("w1", &c, up))).expect("csv");
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();

    // Before the decision: a at two points and c on paper and online.
    let r = o.results();
    assert_eq!(r["ballots"]["total"], 6);
    assert_eq!(r["ballots"]["by_reason"]["multiple_votes"], 4);
    assert_eq!(r["ballots"]["by_reason"]["missing_signature"], 1);
    assert_eq!(r["ballots"]["valid"], 1);

    // Before any decision, the audit says there is none.
    let out = urna(&o.tally)
        .args(["tally", "audit"])
        .output()
        .expect("audit");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("The office's decisions (0)\n  none — the office annulled no votes"),
        "{text}"
    );

    // The office annuls the account's votes; c's paper ballot then stands.
    let out = urna(&o.tally)
        .args([
            "tally",
            "annul",
            &c,
            "--reason",
            "konto założone przez inną osobę",
        ])
        .output()
        .expect("annul");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("1 vote"), "{said}");
    assert!(!said.contains(&c), "the PESEL is masked: {said}");
    let r = o.results();
    assert_eq!(r["ballots"]["total"], 6);
    assert_eq!(r["ballots"]["valid"], 2);
    assert_eq!(r["ballots"]["by_reason"]["annulled"], 1);
    assert_eq!(r["ballots"]["by_reason"]["multiple_votes"], 2);

    // A decision needs a real PESEL and a reason.
    urna(&o.tally)
        .args(["tally", "annul", "12345678901", "--reason", "x"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("123456*****"));
    urna(&o.tally)
        .args(["tally", "annul", &c, "--reason", " "])
        .assert()
        .code(2);

    let out = urna(&o.tally)
        .args(["tally", "audit"])
        .output()
        .expect("audit");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for p in [&a, &c, &pesel(10), &pesel(11), &pesel(20)] {
        assert!(!text.contains(p.as_str()), "no PESEL in the clear: {text}");
    }
    for name in ["Nowak", "Kowal", "Długa", "Krótka"] {
        assert!(!text.contains(name), "no names or addresses: {text}");
    }
    // The unsigned card, traced to its point, card, bundle and operator.
    let line = text
        .lines()
        .find(|l| l.contains("missing_signature"))
        .unwrap_or_else(|| panic!("the unsigned card: {text}"));
    assert!(line.contains("point P1, card P1-"), "{line}");
    assert!(line.contains("bundle P1-"), "{line}");
    assert!(line.contains("operator"), "{line}");
    assert!(line.contains(&urna::pesel::mask(&pesel(11))), "{line}");
    // The annulled internet ballot, traced to its file and line.
    let line = text
        .lines()
        .find(|l| l.contains("annulled ("))
        .unwrap_or_else(|| panic!("the annulled ballot: {text}"));
    assert!(
        line.contains("internet, vote w1, file online.csv:2"),
        "{line}"
    );
    // a's two ballots under one person.
    assert!(text.contains("People who voted more than once"), "{text}");
    assert!(text.contains("2 ballots"), "{text}");
    // The refused import and why.
    assert!(text.contains("REJECTED: unknown kiosk: point P9"), "{text}");
    assert!(text.contains("konto założone przez inną osobę"), "{text}");

    // The same in JSON, for machines.
    let out = urna(&o.tally)
        .args(["tally", "audit", "--format", "json"])
        .output()
        .expect("audit");
    let j: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(j["ballots"]["invalid"], 4);
    assert_eq!(j["invalid"].as_array().map(Vec::len), Some(4));
    assert_eq!(j["multiple_voters"].as_array().map(Vec::len), Some(1));
    let voter = &j["multiple_voters"][0];
    let points: Vec<&str> = voter["ballots"]
        .as_array()
        .expect("ballots")
        .iter()
        .map(|b| b["point"].as_str().expect("point"))
        .collect();
    assert_eq!(points, ["P1", "P2"]);
    assert_eq!(j["decisions"][0]["kind"], "annul");
    assert_eq!(j["decisions"][0]["ballots"], 1);
    assert_eq!(j["ballots"]["imports_rejected"], 1);

    // The office's key and store are for the office alone.
    use std::os::unix::fs::PermissionsExt;
    for f in ["office-identity.txt", "tally.sqlite"] {
        let mode = std::fs::metadata(o.tally.join(f))
            .expect(f)
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
    let mode = std::fs::metadata(&o.tally)
        .expect("dir")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o700, "the tally's folder");

    // The decision is journaled for good: the store refuses to change it.
    let db = rusqlite::Connection::open(o.tally.join("tally.sqlite")).expect("db");
    let err = db
        .execute("DELETE FROM decisions", [])
        .expect_err("decisions are append-only");
    assert!(err.to_string().contains("never deleted"), "{err}");
}
