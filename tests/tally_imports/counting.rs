//! What the office counts: a kiosk's own amendments and voids, a bundle
//! again, a folder of good and bad bundles, many bundles at once.

use super::*;

#[test]
fn a_kiosks_own_amendments_and_voids_are_counted() {
    // The other side of the check above: the kiosk corrects and voids its
    // own cards, from an earlier bundle and from this one.
    let (o, p1, b1) = Office::with_p1();
    let held = o.open(&b1, "held");
    let (a1, a2) = (
        card_id(&held.entry(held.cards()[0])),
        card_id(&held.entry(held.cards()[1])),
    );
    p1.enter(&[row("a4", &pesel(4), "1|2|3|4|5")]);
    let a4 =
        card_id(&serde_json::from_slice(&p1.journal().last().expect("an entry").1).expect("entry"));
    {
        let mut store = p1.insider();
        let order = |o: &str| o.split('|').map(String::from).collect::<Vec<_>>();
        for (id, new) in [(&a1, "10|9|8|7|6"), (&a4, "6|7|8|9|10")] {
            let mut card = store.card(id).expect("read").expect("the card");
            card.local = order(new);
            card.citywide = order(new);
            store
                .amend_card(id, card, "Anna", "typed in the wrong order")
                .expect("amend");
        }
        store.void_card(&a2, "Anna", "entered twice").expect("void");
    }
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    o.accepted(&b2);
    // By hand: a1 as amended, a3 as entered, a4 as amended; a2 voided.
    let r = o.results_json();
    assert_eq!(r["ballots"]["total"], 3);
    assert_eq!(r["ballots"]["valid"], 3);
    let expected: Vec<(String, u64)> = [
        ("10", 6),
        ("3", 5),
        ("4", 4),
        ("5", 3),
        ("6", 8),
        ("7", 7),
        ("8", 6),
        ("9", 6),
    ]
    .map(|(id, p)| (id.to_string(), p))
    .to_vec();
    assert_eq!(citywide_points(&r), expected);
}

// ---------------------------------------------------------------------------
// What is already there

#[test]
fn the_same_or_an_older_bundle_again_changes_nothing() {
    let (o, p1, b1) = Office::with_p1();
    o.nothing_changes(&b1);
    p1.enter(&[row("a4", &pesel(4), "1|2|3|4|5")]);
    let b2 = p1.export(&o.dir("usb-p1-day2"));
    o.accepted(&b2);
    assert_eq!(o.results_json()["ballots"]["total"], 4);
    o.nothing_changes(&b2);
    o.nothing_changes(&b1);
    // A copy of the older bundle elsewhere (another stick): the same.
    let copy = o.dir("another-stick").join(b1.file_name().expect("name"));
    std::fs::copy(&b1, &copy).expect("copy");
    o.nothing_changes(&copy);
    assert_eq!(o.results_json()["ballots"]["total"], 4);
}

#[test]
fn a_folder_with_a_good_and_a_bad_bundle_imports_the_good_one() {
    let (o, _, _) = Office::with_p1();
    let p2 = o.kiosk("P2");
    let p3 = o.kiosk("P3");
    o.trust(&p2);
    o.trust(&p3);
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    p3.enter(&[row("c1", &pesel(30), "1|2|3|4|5")]);
    let stick = o.dir("stick");
    let good = p2.export(&stick.join("P2"));
    let bad = p3.export(&stick.join("P3"));
    let bytes = std::fs::read(&bad).expect("bundle");
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).expect("cut");

    // The same office, copied before the import, takes the good one alone.
    let alone = o.root.join("tally-alone");
    tool(&o.root, "cp", &["-a", utf8(&o.tally), utf8(&alone)]);
    ok(
        urna(&alone)
            .args(["tally", "import"])
            .arg(&good)
            .output()
            .expect("run"),
        "import the good bundle alone",
    );
    let expected = ok(
        urna(&alone)
            .args(["tally", "results", "--format", "json"])
            .output()
            .expect("run"),
        "results",
    )
    .stdout;

    let out = o.import(&[&stick]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(
        said.contains(&format!("{}: accepted (P2, ", good.display())),
        "{said}"
    );
    assert!(
        said.contains(&format!(
            "{}: REJECTED — not a complete tar archive",
            bad.display()
        )),
        "{said}"
    );
    assert_eq!(text(&o.results()), text(&expected));
    assert_eq!(o.results_json()["ballots"]["total"], 4);
    assert!(
        !o.stored()
            .iter()
            .any(|s| s.starts_with("entry P3 ") || s.starts_with("card P3-")),
        "nothing of P3 is stored"
    );
}

/// One `tally import` of many files reads each next bundle while the one
/// before it is stored: it must come to exactly what importing them one at
/// a time does — the same outcomes in the same order, the same log rows,
/// the same store and count — with a later bundle of the same point taking
/// only what the earlier one (committed just before) did not have.
#[test]
fn many_bundles_in_one_import_come_to_what_one_at_a_time_does() {
    let o = office();
    let p1 = o.kiosk("P1");
    let p2 = o.kiosk("P2");
    let p3 = o.kiosk("P3");
    for k in [&p1, &p2, &p3] {
        o.trust(k);
    }
    p1.enter(&[
        row("a1", &pesel(1), "1|2|3|4|5"),
        row("a2", &pesel(2), "2|3|4|5|6"),
    ]);
    let day1 = p1.export(&o.dir("stick-day1"));
    p1.enter(&[row("a3", &pesel(3), "3|4|5|6|7")]);
    let day2 = p1.export(&o.dir("stick-day2"));
    let copy = o.dir("another-stick").join(day1.file_name().expect("name"));
    std::fs::copy(&day1, &copy).expect("copy");
    p2.enter(&[row("b1", &pesel(20), "1|2|3|4|5")]);
    let p2_bundle = p2.export(&o.dir("stick-p2"));
    p3.enter(&[row("c1", &pesel(30), "1|2|3|4|5")]);
    let bad = p3.export(&o.dir("stick-p3"));
    let bytes = std::fs::read(&bad).expect("bundle");
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).expect("cut");
    let files: [&Path; 5] = [&day1, &bad, &day2, &copy, &p2_bundle];

    // The same office, copied before, takes the files one at a time.
    let alone = Office {
        _tmp: tempfile::tempdir().expect("tempdir"),
        root: o.root.clone(),
        tally: o.root.join("tally-alone"),
        recipient: o.recipient.clone(),
    };
    tool(&o.root, "cp", &["-a", utf8(&o.tally), utf8(&alone.tally)]);
    // Each file's line, without the summary.
    let lines = |said: &str| -> Vec<String> {
        said.lines()
            .filter(|l| !l.starts_with("Bundles accepted: "))
            .map(str::to_string)
            .collect()
    };
    let said_alone: Vec<String> = files
        .iter()
        .flat_map(|f| lines(&text(&alone.import(&[f]).stdout)))
        .collect();

    let out = o.import(&files);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert_eq!(lines(&said), said_alone);
    let outcomes: Vec<&str> = said_alone
        .iter()
        .map(|l| {
            if l.contains(": accepted (") {
                "accepted"
            } else if l.contains(ALREADY_KNOWN) {
                "unchanged"
            } else {
                "rejected"
            }
        })
        .collect();
    assert_eq!(
        outcomes,
        ["accepted", "rejected", "accepted", "unchanged", "accepted"],
        "{said}"
    );
    assert!(
        said.contains(&format!("{}: accepted (P1, new entries: ", day2.display())),
        "{said}"
    );

    // The log: one row per file, in the order given, each named by its
    // SHA-256; row for row what the imports one at a time wrote.
    let rows = |log: Vec<ImportRecord>| -> Vec<[String; 7]> {
        log.into_iter()
            .map(|r| {
                [
                    r.id.to_string(),
                    r.file,
                    r.sha256,
                    r.outcome,
                    r.point.unwrap_or_default(),
                    r.sequence.map(|s| s.to_string()).unwrap_or_default(),
                    r.detail,
                ]
            })
            .collect()
    };
    let log = rows(o.log());
    assert_eq!(log, rows(alone.log()));
    let last: Vec<(String, String)> = log[log.len() - files.len()..]
        .iter()
        .map(|r| (r[1].clone(), r[2].clone()))
        .collect();
    let given: Vec<(String, String)> = files
        .iter()
        .map(|f| {
            let sha = sha256_hex(&std::fs::read(f).expect("file"));
            (f.display().to_string(), sha)
        })
        .collect();
    assert_eq!(last, given);
    assert_eq!(o.stored(), alone.stored());
    assert_eq!(text(&o.results()), text(&alone.results()));
    assert_eq!(o.results_json()["ballots"]["total"], 4);
}
