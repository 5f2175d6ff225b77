//! The central tally end to end with the real binary: three kiosks export
//! bundles, the internet channel sends a CSV, and the office imports, dedups
//! and counts. One person voted at two points, another online and at a point:
//! every ballot of theirs is `multiple_votes`; everyone else counts once.

use serde_json::Value;
use urna::card::Reason;
use urna::tally::store::Source;

#[path = "support/office.rs"]
mod office;

use office::{HEADER, office, pesel, picks, row, urna};

fn points(list: &Value) -> Vec<(String, u64, u64)> {
    let mut v: Vec<(String, u64, u64)> = list["projects"]
        .as_array()
        .expect("projects")
        .iter()
        .filter(|p| p["points"].as_u64() != Some(0))
        .map(|p| {
            (
                p["id"].as_str().expect("id").to_string(),
                p["points"].as_u64().expect("points"),
                p["voters"].as_u64().expect("voters"),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn double_voters_are_voided_everywhere_and_everyone_else_counts_once() {
    let o = office();
    // A votes at P1 and at P2, B at P3 and online: for projects no one else
    // picks (city-wide 11..15), or (B online) as V10 does, so any of their
    // ballots counted would show.
    let a = pesel(1);
    let b = pesel(2);
    let a_card = |id: &str| picks(id, &a, "6|7|5|4|10", "11|12|13|14|15");
    // Five people who vote once each, in different orders.
    let (v10, v11, v12, v13, v14) = (pesel(10), pesel(11), pesel(12), pesel(13), pesel(14));
    o.kiosk(
        "P1",
        &[
            a_card("r1"),
            row("r2", &v10, "1|2|3|4|5"),
            row("r3", &v11, "2|3|4|5|6"),
        ],
        true,
    );
    o.kiosk("P2", &[a_card("r1"), row("r2", &v12, "3|1|8|7|9")], true);
    o.kiosk(
        "P3",
        &[
            picks("r1", &b, "10|4|5|7|6", "15|14|13|12|11"),
            row("r2", &v13, "10|9|8|7|6"),
        ],
        true,
    );
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    let online = o.root.join("online.csv");
    std::fs::write(
        &online,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("w1", &b, "1|2|3|4|5"),
            row("w2", &v14, "1|10|2|9|3")
        ),
    )
    .expect("online");
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();

    // Every ballot of A and B, and only theirs, is multiple_votes.
    let tally = urna::tally::store::Tally::open(&o.tally).expect("open the tally");
    let ballots = tally.ballots().expect("ballots");
    let judged = tally.judged().expect("judged");
    assert_eq!(ballots.len(), 9);
    let mut voided: Vec<(String, String)> = Vec::new();
    for (ballot, j) in ballots.iter().zip(&judged) {
        let from = match &ballot.source {
            Source::Point { point, .. } => point.clone(),
            Source::Internet { id, .. } => format!("online {id}"),
        };
        if ballot.card.pesel == a || ballot.card.pesel == b {
            assert_eq!(j.assessment.reasons, [Reason::MultipleVotes], "{from}");
            voided.push((from, ballot.card.pesel.clone()));
        } else {
            assert_eq!(j.assessment.reasons, [], "{from} counts");
        }
    }
    voided.sort();
    assert_eq!(
        voided,
        [
            ("P1".to_string(), a.clone()),
            ("P2".to_string(), a.clone()),
            ("P3".to_string(), b.clone()),
            ("online w1".to_string(), b.clone()),
        ]
    );

    let r = o.results();
    // 9 ballots: A twice, B twice (all four multiple_votes), five others valid.
    assert_eq!(r["ballots"]["total"], 9);
    assert_eq!(r["ballots"]["valid"], 5);
    assert_eq!(r["ballots"]["invalid"], 4);
    assert_eq!(
        r["ballots"]["by_reason"],
        serde_json::json!({"multiple_votes": 4})
    );
    // By hand, (project, points, voters), 5..1 points by rank:
    //   V10 1|2|3|4|5   V11 2|3|4|5|6   V12 3|1|8|7|9
    //   V13 10|9|8|7|6  V14 1|10|2|9|3
    // 1: 5+4+5   2: 4+5+3   3: 3+4+5+1   4: 2+3   5: 1+2   6: 1+1
    // 7: 2+2     8: 3+3     9: 1+4+2     10: 5+4   11..15: none
    let expected: Vec<(String, u64, u64)> = [
        ("1", 14, 3),
        ("10", 9, 2),
        ("2", 12, 3),
        ("3", 13, 4),
        ("4", 5, 2),
        ("5", 3, 2),
        ("6", 2, 2),
        ("7", 4, 2),
        ("8", 6, 2),
        ("9", 7, 3),
    ]
    .map(|(id, p, v)| (id.to_string(), p, v))
    .to_vec();
    assert_eq!(points(&r["citywide"]), expected);
    // The local picks were the same, in district I; no other district got any.
    let districts = r["districts"].as_array().expect("districts");
    assert_eq!(districts[0]["number"], 1);
    assert_eq!(points(&districts[0]), expected);
    for d in &districts[1..] {
        assert_eq!(points(d), [], "district {}", d["number"]);
    }

    // Importing everything again changes nothing and says so.
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success()
        .stdout(predicates::str::contains("already known"));
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success()
        .stdout(predicates::str::contains("already known"));
    assert_eq!(o.results(), r);

    // A kiosk the office does not trust is refused, and nothing changes.
    let stranger = o.kiosk("P9", &[row("r1", &pesel(20), "1|2|3|4|5")], false);
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&stranger)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("unknown kiosk: point P9"));
    assert_eq!(o.results(), r);

    // An internet file with an unreadable row is refused whole.
    let bad = o.root.join("bad.csv");
    std::fs::write(
        &bad,
        format!("{HEADER}\n{}\nw4,x,y\n", row("w3", &pesel(21), "1|2|3|4|5")),
    )
    .expect("bad");
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicates::str::contains("nothing imported"));
    assert_eq!(o.results(), r);
}
