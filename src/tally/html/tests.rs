//! Unit tests of the results page.

use super::*;
use crate::card::Reason;
use crate::card::{Assessment, Pick};
use crate::tally::results::count as tally;

fn edition() -> Edition {
    Edition::parse(
        r#"[edition]
id = "t-2024"
name = "Budżet <Testowy> & \"Próbny\""
voting_start = 2024-05-01
voting_end = 2024-05-10
min_age = 16
[ballot]
picks = 2
require_local = false
require_citywide = false
[citywide]
budget = 100
projects = [ { id = "a", title = "Park <b>\"Zielony\"</b> & 'plac'", cost = 60 },
             { id = "b", title = "B", cost = 50 },
             { id = "c", title = "C", cost = 40 } ]
[[district]]
number = 1
name = "Stare Miasto"
budget = 50
projects = [ { id = "1", title = "Ławki", cost = 20 }, { id = "2", title = "Drzewa", cost = 40 } ]
[[district]]
number = 14
name = "Czyżyny"
projects = [ { id = "1", title = "Kino" } ]
"#,
        "t",
    )
    .expect("edition")
}

fn judged(source: Source, reasons: &[Reason], citywide: &[(&str, u32)]) -> Judged {
    Judged {
        source,
        pesel: "700101*****".into(),
        person: None,
        assessment: Assessment {
            reasons: reasons.to_vec(),
            district: None,
            local: vec![],
            citywide: citywide
                .iter()
                .map(|(p, n)| Pick {
                    project: p.to_string(),
                    points: *n,
                })
                .collect(),
        },
    }
}

fn at(point: &str) -> Source {
    Source::Point {
        point: point.into(),
        bundle: format!("{point}-20240502-1.urna"),
        card_id: "c".into(),
        operator: "Anna".into(),
    }
}

fn online(line: u64) -> Source {
    Source::Internet {
        id: format!("w{line}"),
        file: "online.csv".into(),
        line,
    }
}

fn render(lang: Lang, ballots: &[Judged]) -> String {
    let e = edition();
    let r = tally(&e, ballots.iter().map(|j| &j.assessment));
    page(lang, &e, &r, &Turnout::of(ballots), &PageInfo::default())
}

/// The `width`s of the point bars in the section with this id.
fn bars(page: &str, section: &str) -> Vec<u64> {
    let start = page
        .find(&format!("<section id=\"{section}\""))
        .expect("section");
    let body = &page[start..];
    let body = &body[..body.find("</section>").expect("end")];
    body.split("<rect class=\"pts")
        .skip(1)
        .map(|s| {
            let w = &s[s.find("width=\"").expect("width") + 7..];
            w[..w.find('"').expect("quote")].parse().expect("number")
        })
        .collect()
}

#[test]
fn escapes_every_title_and_name() {
    let p = render(Lang::Pl, &[judged(at("P1"), &[], &[("a", 2)])]);
    assert!(p.contains("Park &lt;b&gt;&quot;Zielony&quot;&lt;/b&gt; &amp; &#39;plac&#39;"));
    assert!(p.contains("Budżet &lt;Testowy&gt; &amp; &quot;Próbny&quot;"));
    assert!(!p.contains("<b>"));
    assert!(!p.contains("<Testowy>"));
    assert_eq!(
        esc(r#"<a href="x">&'"#),
        "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
    );
}

#[test]
fn polish_and_english_plural_forms() {
    let n = |k: usize, invalid: usize| -> Vec<Judged> {
        (0..k)
            .map(|i| {
                let reasons: &[Reason] = if i < invalid {
                    &[Reason::MissingSignature]
                } else {
                    &[]
                };
                judged(at("P1"), reasons, &[("a", 2)])
            })
            .collect()
    };
    let lead = |p: &str| {
        let s = &p[p.find("<p class=\"lead\">").expect("lead") + 16..];
        s[..s.find("</p>").expect("end")].replace('\u{a0}', " ")
    };
    assert_eq!(
        lead(&render(Lang::Pl, &n(1, 0))),
        "Oddano 1 głos: 1 ważny, 0 nieważnych."
    );
    assert_eq!(
        lead(&render(Lang::Pl, &n(3, 2))),
        "Oddano 3 głosy: 1 ważny, 2 nieważne."
    );
    assert_eq!(
        lead(&render(Lang::Pl, &n(5, 5))),
        "Oddano 5 głosów: 0 ważnych, 5 nieważnych."
    );
    assert_eq!(
        lead(&render(Lang::Pl, &n(22, 12))),
        "Oddano 22 głosy: 10 ważnych, 12 nieważnych."
    );
    assert_eq!(
        lead(&render(Lang::En, &n(3, 1))),
        "3 ballots cast: 2 valid, 1 invalid."
    );
    let p = render(Lang::Pl, &n(3, 2));
    assert!(p.contains("<code>missing_signature</code></th><td>brak podpisu</td><td class=\"n\" data-label=\"Głosy\">2\u{a0}głosy</td>"));
    assert!(p.contains("<html lang=\"pl\">"));
    assert!(render(Lang::En, &n(1, 1)).contains("<html lang=\"en\">"));
}

#[test]
fn a_district_without_votes_says_so_and_draws_no_bars() {
    let p = render(Lang::En, &[judged(at("P1"), &[], &[("a", 2)])]);
    assert!(bars(&p, "d1").is_empty());
    let d1 = &p[p.find("<section id=\"d1\"").expect("d1")..];
    assert!(d1.starts_with("<section id=\"d1\" aria-labelledby=\"h-d1\">\n<h2 id=\"h-d1\">District I — Stare Miasto</h2>"));
    assert!(d1.contains("Nobody gave points to the projects of this list."));
    // Its table still lists every project, with zeros.
    assert!(d1.contains("<th scope=\"row\">Ławki</th><td class=\"n\" data-label=\"Cost\">PLN\u{a0}20</td><td class=\"n\" data-label=\"Points\">0 <span class=\"share\">—</span></td><td class=\"n\" data-label=\"Voters\">0 <span class=\"share\">—</span></td>"), "{d1}");
    // A district without a budget selects nothing and says why.
    let d14 = &p[p.find("<section id=\"d14\"").expect("d14")..];
    assert!(d14.contains("District XIV — Czyżyny"));
    assert!(d14.contains("No budget. Without a budget"));
    // Nothing with no votes at all breaks either.
    let empty = render(Lang::Pl, &[]);
    assert!(empty.contains("Nie ma głosów nieważnych."));
    assert!(empty.contains("Nie ma głosów z punktów głosowania."));
    assert!(bars(&empty, "citywide").is_empty());
}

#[test]
fn bars_are_proportional_to_points() {
    // a: 2+2+2 = 6, b: 1+1 = 2 + 1 = 3, c: 1.
    let ballots = [
        judged(at("P1"), &[], &[("a", 2), ("b", 1)]),
        judged(at("P1"), &[], &[("a", 2), ("b", 1)]),
        judged(online(2), &[], &[("a", 2), ("c", 1)]),
        judged(online(3), &[], &[("b", 1)]),
    ];
    let p = render(Lang::Pl, &ballots);
    assert_eq!(bars(&p, "citywide"), [1000, 500, 167]);
    assert_eq!(bar_width(0, 0), 0);
    assert_eq!(bar_width(u64::MAX, u64::MAX), BAR);
    assert_eq!(bar_width(1, 3), 333);
}

#[test]
fn selection_is_a_symbol_and_a_word_and_ties_are_called_out() {
    // a and b level (2 points, 1 voter each); a (60) fits, b (50) does
    // not: a reported tie. c (40) fits after a.
    let ballots = [
        judged(at("P1"), &[], &[("a", 2)]),
        judged(at("P1"), &[], &[("b", 2)]),
        judged(at("P2"), &[], &[("c", 1)]),
    ];
    let p = render(Lang::En, &ballots);
    let city = &p[p.find("<section id=\"citywide\"").expect("city")..];
    let city = &city[..city.find("</section>").expect("end")];
    assert!(city.contains("<strong>⚠ Tie.</strong>"));
    assert!(city.contains("Projects <code>a</code> “Park &lt;b&gt;"));
    assert!(city.contains(", <code>b</code> “B” (top-points votes (2): 1, voters: 1; not selected) have the same points (2)"), "{city}");
    assert!(city.contains("<strong>Undecided:</strong>"));
    assert!(city.contains("<span class=\"status yes\">✓ selected</span>"));
    assert!(
        city.contains(
            "✗ not selected</span><br><span class=\"status tie-mark\">⚠ undecided tie</span>"
        ),
        "{city}"
    );
    assert!(
        city.contains("Selected: 2\u{a0}projects, costing PLN\u{a0}100 (left: PLN\u{a0}0)."),
        "{city}"
    );
}

#[test]
fn turnout_per_channel_and_point() {
    let ballots = [
        judged(at("P2"), &[], &[("a", 2)]),
        judged(at("P1"), &[Reason::Illegible], &[]),
        judged(at("P1"), &[], &[("a", 2)]),
        judged(online(2), &[Reason::MultipleVotes], &[]),
    ];
    let t = Turnout::of(&ballots);
    let c = |b, v, i| Counts {
        ballots: b,
        valid: v,
        invalid: i,
    };
    assert_eq!(t.paper, c(3, 2, 1));
    assert_eq!(t.internet, c(1, 0, 1));
    assert_eq!(
        t.points.into_iter().collect::<Vec<_>>(),
        [
            ("P1".to_string(), c(2, 1, 1)),
            ("P2".to_string(), c(1, 1, 0))
        ]
    );
}

#[test]
fn self_contained_deterministic_and_without_voters() {
    let ballots = [judged(at("P1"), &[], &[("a", 2)])];
    let p = render(Lang::Pl, &ballots);
    assert_eq!(p, render(Lang::Pl, &ballots));
    for outside in ["http", "src=", "<link", "<script", "@import", "url("] {
        assert!(!p.contains(outside), "{outside}");
    }
    assert!(!p.contains("700101"));
    assert!(!p.contains("Anna"));
    assert!(p.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">"));
}

#[test]
fn counted_numbers_are_grouped() {
    assert_eq!(counted(Lang::Pl, 1_002, &POINT), "1\u{a0}002\u{a0}punkty");
}

#[test]
fn as_of_and_points_reported() {
    let e = edition();
    let r = tally(&e, std::iter::empty());
    let roll = |point: &str, name: Option<&str>, reported| PointRoll {
        point: point.into(),
        name: name.map(String::from),
        reported,
    };
    let info = PageInfo {
        as_of: Some("2024-05-11T09:05:00+02:00".into()),
        points: vec![
            roll("P1", Some("Szkoła nr 5"), true),
            roll("P2", None, false),
            roll("P3", Some("P3"), true),
        ],
        verification: Vec::new(),
    };
    let pl = page(Lang::Pl, &e, &r, &Turnout::default(), &info);
    assert!(pl.contains("Stan na 11.05.2024, 09:05 (UTC+02:00). <span id=\"reported\">2 z 3\u{a0}punktów przesłały dane</span>."), "{pl}");
    assert!(pl.contains("<th scope=\"row\"><code>P1</code> Szkoła nr 5</th>"));
    assert!(
        pl.contains("<code>P2</code> <span class=\"status tie-mark\">nie przesłał danych</span>")
    );
    assert!(pl.contains("<th scope=\"row\"><code>P3</code></th>"));
    let en = page(Lang::En, &e, &r, &Turnout::default(), &info);
    assert!(en.contains("As of 2024-05-11 09:05 (UTC+02:00). <span id=\"reported\">2 of 3\u{a0}polling points have reported</span>."), "{en}");
    let none = page(Lang::En, &e, &r, &Turnout::default(), &PageInfo::default());
    assert!(none.contains("No data received yet. <span id=\"reported\">0 of 0\u{a0}polling points have reported</span>."));
}

#[test]
fn a_date_keeps_two_digits_for_the_day() {
    let at = "2026-12-03T18:24:00+00:00";
    assert_eq!(super::when(Lang::En, at), "2026-12-03 18:24 (UTC+00:00)");
    assert_eq!(super::when(Lang::Pl, at), "03.12.2026, 18:24 (UTC+00:00)");
}
