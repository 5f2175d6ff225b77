//! The page the office writes against its JSON: the same figures, each
//! point's ballots, no voter, well-formed HTML.

use super::*;

#[test]
fn the_published_page_says_what_the_json_says_and_nothing_about_voters() {
    let o = Office::new();
    let adult = |n| pesel((1970, 1, 1), n);
    let double = adult(9); // at P1 and online: both multiple_votes
    let child = pesel((2010, 1, 1), 5); // 14 on the day: underage
    o.kiosk(
        "P1",
        &[
            row("r1", &adult(1), "I", "1|2", "1|2", 1),
            row("r2", &adult(2), "I", "2|1", "2|3", 1),
            row("r3", &adult(3), "I", "1|3", "1|3", 0),
            row("r4", &double, "I", "3|1", "3|1", 1),
        ],
    );
    o.kiosk(
        "P2",
        &[
            row("r1", &adult(4), "1", "1|3", "1|3", 1),
            row("r2", &child, "I", "1|2", "1|2", 1),
        ],
    );
    urna(&o.tally, Some("en"))
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    let online = o.root.join("online.csv");
    std::fs::write(
        &online,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("w1", &double, "I", "2|3", "2|3", 1),
            row("w2", &adult(6), "I", "3|1", "3|1", 1),
        ),
    )
    .expect("online");
    urna(&o.tally, Some("en"))
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();

    let json = o.json();
    let b = &json["ballots"];
    assert_eq!(
        (&b["total"], &b["valid"], &b["invalid"]),
        (&8.into(), &4.into(), &4.into())
    );

    let (path, page) = o.page(Some("en"));
    let t = tables(&path);
    let cells = |id: &str| -> &Vec<Vec<String>> {
        t.get(id)
            .unwrap_or_else(|| panic!("no table {id}: {:?}", t.keys()))
    };

    // Totals and reasons are the JSON's.
    let totals: Vec<u64> = cells("t-ballots").iter().map(|r| digits(&r[1])).collect();
    assert_eq!(
        totals,
        [
            b["total"].as_u64().expect("total"),
            b["valid"].as_u64().expect("valid"),
            b["invalid"].as_u64().expect("invalid")
        ]
    );
    let reasons: BTreeMap<String, u64> = cells("t-reasons")
        .iter()
        .map(|r| (r[0].clone(), digits(&r[2])))
        .collect();
    let expected: BTreeMap<String, u64> =
        serde_json::from_value(b["by_reason"].clone()).expect("by_reason");
    assert_eq!(reasons, expected);
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        ["missing_signature", "multiple_votes", "underage"]
    );
    assert!(cells("t-reasons").contains(&vec![
        "multiple_votes".to_string(),
        "person voted more than once".to_string(),
        "2 ballots".to_string()
    ]));

    // Each list's table is the JSON's list, row by row.
    same_list(cells("t-citywide"), &json["citywide"]);
    for d in json["districts"].as_array().expect("districts") {
        same_list(cells(&format!("t-d{}", d["number"])), d);
    }
    // District II had no votes: no bars, and the page says so.
    let d2 = &page[page.find("<section id=\"d2\"").expect("d2")..];
    let d2 = &d2[..d2.find("</section>").expect("end")];
    assert!(d2.contains("District II — Grzegórzki"));
    assert!(d2.contains("Nobody gave points"));
    assert!(!d2.contains("<svg"));

    // Paper at each point and the internet channel.
    let numbers = |id: &str| -> Vec<(String, Vec<u64>)> {
        cells(id)
            .iter()
            .map(|r| (r[0].clone(), r[1..].iter().map(|c| digits(c)).collect()))
            .collect()
    };
    assert_eq!(
        numbers("t-points"),
        [
            ("P1 Szkoła nr 1".to_string(), vec![4, 2, 2]),
            ("P2 Szkoła nr 2".to_string(), vec![2, 1, 1])
        ]
    );
    assert_eq!(
        numbers("t-channels"),
        [
            ("Paper cards at polling points".to_string(), vec![6, 3, 3]),
            ("Internet".to_string(), vec![2, 1, 1]),
            ("Total".to_string(), vec![8, 4, 4])
        ]
    );

    // As of the last import, and every trusted point has reported.
    assert!(
        page.contains("<p class=\"asof\" id=\"as-of\">As of 20"),
        "as of"
    );
    assert!(page.contains("<span id=\"reported\">2 of 2\u{a0}polling points have reported</span>"));

    // On its own: nothing fetched from anywhere.
    for outside in ["http", "src=", "<link", "<script", "@import", "url("] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    // No voter: no PESEL, not even masked or in part, no name, no address.
    for p in [
        adult(1),
        adult(2),
        adult(3),
        adult(4),
        adult(6),
        double,
        child,
    ] {
        for part in [&p[..], &p[..6], &p[6..]] {
            assert!(!page.contains(part), "PESEL digits {part} on the page");
        }
    }
    for personal in [FIRST, LAST, ADDRESS, "Anna"] {
        assert!(!page.contains(personal), "{personal} on the page");
    }
    // Titles are escaped, never markup.
    assert!(page.contains("Park &quot;Zielony&quot; &amp; &lt;plac&gt; zabaw"));
    assert!(!page.contains("<plac>") && !page.contains("<plenerowe>"));

    // Polish by default, with Polish plural forms; the same data gives the
    // same page.
    let (pl_path, pl) = o.page(None);
    std::fs::copy(&pl_path, "/tmp/page-pl.html").ok();
    std::fs::copy(&path, "/tmp/page-en.html").ok();
    tables(&pl_path);
    assert!(pl.contains("<html lang=\"pl\">"));
    assert!(pl.contains("Oddano 8\u{a0}głosów: 4\u{a0}ważne, 4\u{a0}nieważne."));
    assert!(pl.contains("<code>multiple_votes</code></th><td>osoba głosowała więcej niż raz</td><td class=\"n\" data-label=\"Głosy\">2\u{a0}głosy</td>"));
    assert!(pl.contains("<span id=\"reported\">2 z 2\u{a0}punktów przesłały dane</span>"));
    assert!(pl.contains("✓ wybrane"));
    assert_eq!(o.page(None).1, pl);
}
