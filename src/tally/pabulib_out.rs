//! The results as Pabulib files (DESIGN §7): one per district and one
//! city-wide, `vote_type;cumulative`, each valid ballot's points, so that
//! anyone can recount with the Pabulib tools (pabutools) from published data.
//!
//! A file has three `;`-separated sections, `META` (`key;value`), `PROJECTS`
//! (`project_id;cost;votes;score;name;selected`, in rank order: `score` is the
//! points, `votes` the voters) and `VOTES` (`voter_id;vote;points;voting_method`:
//! the picks of one valid ballot in rank order and their points). A field
//! holding `;`, `"` or a line break is quoted with `"`, quotes doubled.
//! pabutools reads a file line by line, so a line break inside a quoted field
//! would be lost there: free text (titles, names) is written on one line, its
//! line breaks turned into spaces.
//!
//! A voter is named by the ballot's card id, or `internet:<row id>` for the
//! internet channel — never by a PESEL or a name.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::card::Pick;
use crate::edition::{Edition, pabulib, roman};

use super::results::{ListResult, Results};
use super::store::{Judged, Source};

/// The `VOTES` lines of every list, gathered one ballot at a time so that a
/// million ballots need not be held at once.
#[derive(Debug, Default)]
pub struct Votes {
    citywide: Lines,
    local: BTreeMap<u32, Lines>,
}

#[derive(Debug, Default)]
struct Lines {
    count: u64,
    text: String,
}

impl Lines {
    fn add(&mut self, voter: &str, method: &str, picks: &[Pick]) {
        let mut ids = String::new();
        let mut pts = String::new();
        for (i, p) in picks.iter().enumerate() {
            if i > 0 {
                ids.push(',');
                pts.push(',');
            }
            ids.push_str(&p.project);
            let _ = write!(pts, "{}", p.points);
        }
        let fields = [field(voter), field(&ids), field(&pts), field(method)];
        self.text.push_str(&fields.join(";"));
        self.text.push('\n');
        self.count += 1;
    }
}

impl Votes {
    /// Adds a ballot: a valid one's picks go to its lists.
    pub fn add(&mut self, b: &Judged) {
        let a = &b.assessment;
        if !a.is_valid() {
            return;
        }
        let (voter, method) = match &b.source {
            Source::Point { card_id, .. } => (card_id.clone(), "paper"),
            Source::Internet { id, .. } => (format!("internet:{id}"), "internet"),
        };
        if !a.citywide.is_empty() {
            self.citywide.add(&voter, method, &a.citywide);
        }
        if let (Some(d), false) = (a.district, a.local.is_empty()) {
            self.local
                .entry(d)
                .or_default()
                .add(&voter, method, &a.local);
        }
    }

    pub fn of<'a>(ballots: impl IntoIterator<Item = &'a Judged>) -> Votes {
        let mut v = Votes::default();
        for b in ballots {
            v.add(b);
        }
        v
    }
}

/// `(file name, contents)` for the city-wide list and every district.
pub fn files(edition: &Edition, results: &Results, votes: &Votes) -> Vec<(String, String)> {
    let citywide = &votes.citywide;
    let none = Lines::default();
    let id = file_slug(&edition.id, "edition");
    let mut out = Vec::with_capacity(1 + results.districts.len());
    out.push((
        format!("{id}_citywide.pb"),
        file(
            edition,
            &Unit {
                description: format!("{}, city-wide list", edition.name),
                district: None,
                list: &results.citywide,
                picks: edition.ballot.citywide_picks,
            },
            citywide,
        ),
    ));
    for d in &results.districts {
        let slug = pabulib::slug(&d.name);
        let name = if slug.is_empty() {
            format!("{id}_district_{:02}.pb", d.number)
        } else {
            format!("{id}_district_{:02}_{slug}.pb", d.number)
        };
        let unit = Unit {
            description: format!(
                "{}, district {} {}",
                edition.name,
                roman::to_roman(d.number),
                d.name
            ),
            district: Some(&d.name),
            list: &d.list,
            picks: edition.ballot.local_picks,
        };
        let lines = votes.local.get(&d.number).unwrap_or(&none);
        out.push((name, file(edition, &unit, lines)));
    }
    out
}

/// One list: the city-wide one or a district's.
struct Unit<'a> {
    description: String,
    district: Option<&'a str>,
    list: &'a ListResult,
    /// How many picks a card has for this list.
    picks: u32,
}

/// The city the edition is for: Kraków's editions are known by their id
/// (as the edition check knows them); any other is named by its edition.
fn unit_name(edition: &Edition) -> &str {
    if edition.id.starts_with("krakow") {
        "Kraków"
    } else {
        &edition.name
    }
}

fn file(edition: &Edition, unit: &Unit<'_>, votes: &Lines) -> String {
    let mut s = String::new();
    let mut row = |fields: &[&str]| {
        let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
        s.push_str(&line.join(";"));
        s.push('\n');
    };

    let projects = &unit.list.projects;
    // A card gives its picks points from `picks` down, all of a shorter list.
    let points = crate::edition::points(unit.picks, projects.len());
    let length = points.len().to_string();
    let max_points = points.first().copied().unwrap_or(0).to_string();
    let min_points = points.last().copied().unwrap_or(0).to_string();
    let sum_points = points.iter().sum::<u32>().to_string();
    let mut gaps = Vec::new();
    if edition.sample {
        gaps.push("the projects are samples, not an official list");
    }
    if unit.list.budget.is_none() {
        gaps.push("the edition gives this list no budget: budget 0 stands for none");
    }
    if projects.iter().any(|p| p.cost.is_none()) {
        gaps.push("the edition gives some projects no cost: cost 0 stands for none");
    }
    let mut gaps: Vec<String> = gaps.into_iter().map(String::from).collect();
    for tie in &unit.list.ties {
        let how = match tie.settled_by {
            Some(key) => format!(
                "was settled by the tie-break key {key} ({})",
                super::report::key_meaning(crate::i18n::Lang::En, key, unit.list.top)
            ),
            None => "is UNDECIDED: level on every tie-break key; listed in the edition's order, the office decides".into(),
        };
        gaps.push(format!(
            "a tie on {} points between {} that decided the selection {how}",
            tie.points,
            tie.projects.join(", ")
        ));
    }
    let comment = gaps
        .iter()
        .enumerate()
        .map(|(i, g)| format!("#{}: {g}", i + 1))
        .collect::<Vec<_>>()
        .join(" ");
    let budget = unit.list.budget.unwrap_or_default().plain();
    let tie_break: Vec<&str> = edition
        .ballot
        .tie_break
        .keys()
        .iter()
        .map(|k| k.name())
        .collect();
    let day = |d: chrono::NaiveDate| d.format("%d.%m.%Y").to_string();

    row(&["META"]);
    row(&["key", "value"]);
    row(&["description", &text(&unit.description)]);
    row(&["country", "Poland"]);
    row(&["unit", &text(unit_name(edition))]);
    if let Some(district) = unit.district {
        row(&["district", &text(district)]);
        row(&["subunit", &text(district)]);
    }
    row(&["instance", &edition.voting_start.format("%Y").to_string()]);
    row(&["num_projects", &projects.len().to_string()]);
    row(&["num_votes", &votes.count.to_string()]);
    row(&["budget", &budget]);
    row(&["vote_type", "cumulative"]);
    row(&["rule", "greedy"]);
    row(&["tie_break", &tie_break.join(",")]);
    row(&["date_begin", &day(edition.voting_start)]);
    row(&["date_end", &day(edition.voting_end)]);
    row(&["min_length", &length]);
    row(&["max_length", &length]);
    row(&["min_points", &min_points]);
    row(&["max_points", &max_points]);
    row(&["min_sum_points", &sum_points]);
    row(&["max_sum_points", &sum_points]);
    row(&["language", "pl"]);
    row(&["currency", "PLN"]);
    if !comment.is_empty() {
        row(&["comment", &comment]);
    }

    // `selected` only where the count decided winners.
    let decided = projects.iter().all(|p| p.selected.is_some());
    row(&["PROJECTS"]);
    let mut header = vec!["project_id", "cost", "votes", "score", "name"];
    if decided {
        header.push("selected");
    }
    row(&header);
    for p in projects {
        let cost = p.cost.unwrap_or_default().plain();
        let voters = p.voters.to_string();
        let score = p.points.to_string();
        let title = text(&p.title);
        let mut fields = vec![
            p.id.as_str(),
            cost.as_str(),
            voters.as_str(),
            score.as_str(),
            title.as_str(),
        ];
        if let Some(selected) = p.selected.filter(|_| decided) {
            fields.push(if selected { "1" } else { "0" });
        }
        row(&fields);
    }

    row(&["VOTES"]);
    row(&["voter_id", "vote", "points", "voting_method"]);
    s.push_str(&votes.text);
    s
}

/// A field as Pabulib writes it: quoted with `"` (quotes doubled) when it
/// holds the delimiter, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Free text on one line: every character that ends a line for Python's
/// `str.splitlines` (which pabutools reads with) becomes a space.
fn text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}'
            | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect()
}

/// An ASCII-only part of a file name, or `fallback` when nothing is left.
fn file_slug(s: &str, fallback: &str) -> String {
    let slug = pabulib::slug(s);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::{Assessment, Reason};
    use crate::tally::results;

    fn edition() -> Edition {
        Edition::parse(
            r#"[edition]
id = "krakow-2021"
name = "Budżet Obywatelski Miasta Krakowa 2021"
voting_start = 2021-10-01
voting_end = 2021-10-10
min_age = 16
[ballot]
picks = 3
require_local = false
require_citywide = false
[citywide]
budget = 100
projects = [ { id = "A1", title = 'Park; "Zielony" dla wszystkich', cost = 60 },
             { id = "A2", title = "Ławki", cost = 50 } ]
[[district]]
number = 3
name = "Prądnik Czerwony"
budget = 10
projects = [ { id = "7", title = "Chodnik", cost = 10 } ]
"#,
            "t",
        )
        .expect("edition")
    }

    fn judged(source: Source, district: Option<u32>, local: &[&str], citywide: &[&str]) -> Judged {
        let picks = |ids: &[&str]| {
            ids.iter()
                .zip([3, 2, 1])
                .map(|(p, n)| Pick {
                    project: p.to_string(),
                    points: n,
                })
                .collect()
        };
        Judged {
            source,
            pesel: "440514*****".into(),
            person: Some("44051401359".into()),
            assessment: Assessment {
                reasons: vec![],
                district,
                local: picks(local),
                citywide: picks(citywide),
            },
        }
    }

    fn point(card: &str) -> Source {
        Source::Point {
            point: "P1".into(),
            bundle: "b.urna".into(),
            card_id: card.into(),
            operator: "Anna".into(),
        }
    }

    fn internet(id: &str) -> Source {
        Source::Internet {
            id: id.into(),
            file: "online.csv".into(),
            line: 2,
        }
    }

    #[test]
    fn quoting() {
        assert_eq!(field("Ławki"), "Ławki");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        assert_eq!(text("two\nlines\r\nand\u{2028}more"), "two lines  and more");
    }

    #[test]
    fn one_file_per_list_with_names_that_stay_ascii() {
        let e = edition();
        let ballots = vec![
            judged(point("P1-000001"), Some(3), &["7"], &["A1", "A2"]),
            judged(internet("w-17"), None, &[], &["A2"]),
        ];
        let r = results::count(&e, ballots.iter().map(|b| &b.assessment));
        let files = files(&e, &r, &Votes::of(&ballots));
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "krakow-2021_citywide.pb",
                "krakow-2021_district_03_pradnik-czerwony.pb"
            ]
        );
    }

    #[test]
    fn a_title_with_a_semicolon_and_quotes_is_quoted() {
        let e = edition();
        let mut invalid = judged(internet("bad"), None, &[], &["A1"]);
        invalid.assessment =
            results::with_reason(invalid.assessment.clone(), Reason::MultipleVotes);
        let ballots = vec![
            judged(point("P1-000001"), Some(3), &["7"], &["A1", "A2"]),
            judged(internet("w-17"), None, &[], &["A2"]),
            invalid,
        ];
        let r = results::count(&e, ballots.iter().map(|b| &b.assessment));
        let files = files(&e, &r, &Votes::of(&ballots));
        let city = &files[0].1;
        assert_eq!(
            city,
            "META\n\
             key;value\n\
             description;Budżet Obywatelski Miasta Krakowa 2021, city-wide list\n\
             country;Poland\n\
             unit;Kraków\n\
             instance;2021\n\
             num_projects;2\n\
             num_votes;2\n\
             budget;100\n\
             vote_type;cumulative\n\
             rule;greedy\n\
             tie_break;voters\n\
             date_begin;01.10.2021\n\
             date_end;10.10.2021\n\
             min_length;2\n\
             max_length;2\n\
             min_points;2\n\
             max_points;3\n\
             min_sum_points;5\n\
             max_sum_points;5\n\
             language;pl\n\
             currency;PLN\n\
             PROJECTS\n\
             project_id;cost;votes;score;name;selected\n\
             A2;50;2;5;Ławki;1\n\
             A1;60;1;3;\"Park; \"\"Zielony\"\" dla wszystkich\";0\n\
             VOTES\n\
             voter_id;vote;points;voting_method\n\
             P1-000001;A1,A2;3,2;paper\n\
             internet:w-17;A2;3;internet\n"
        );
        let district = &files[1].1;
        assert!(district.contains("\ndistrict;Prądnik Czerwony\nsubunit;Prądnik Czerwony\n"));
        assert!(district.contains("\nnum_votes;1\n"));
        assert!(
            district.ends_with("VOTES\nvoter_id;vote;points;voting_method\nP1-000001;7;3;paper\n")
        );
        // Voters are named by card or row id, never by PESEL.
        for (_, content) in &files {
            assert!(!content.contains("440514"), "{content}");
        }
    }

    #[test]
    fn a_tie_that_decided_and_money_with_grosze() {
        let mut e = edition();
        e.ballot.tie_break = crate::edition::TieBreak::KRAKOW;
        e.citywide.budget = crate::edition::Money::parse("100.50");
        e.citywide.projects[0].cost = crate::edition::Money::parse("60.25");
        // A1 and A2 level on 3 points; A2 has the 3-point vote: A2 first.
        let ballots = vec![
            judged(point("P1-000001"), None, &[], &["A2"]),
            judged(point("P1-000002"), None, &[], &["X", "A1"]),
            judged(point("P1-000003"), None, &[], &["X", "Y", "A1"]),
        ];
        let r = results::count(&e, ballots.iter().map(|b| &b.assessment));
        let city = &files(&e, &r, &Votes::of(&ballots))[0].1;
        assert!(city.contains("\nbudget;100.50\n"), "{city}");
        assert!(city.contains("\ntie_break;top_points,voters\n"), "{city}");
        assert!(
            city.contains("\nA2;50;1;3;Ławki;1\nA1;60.25;2;3;"),
            "{city}"
        );
        assert!(city.contains(
            "\ncomment;#1: a tie on 3 points between A2, A1 that decided the selection \
             was settled by the tie-break key top_points (more votes giving it the top points (3))\n"
        ), "{city}");
    }

    #[test]
    fn gaps_in_the_edition_are_said_in_a_comment() {
        let mut e = edition();
        e.sample = true;
        e.citywide.budget = None;
        e.citywide.projects[1].cost = None;
        let r = results::count(&e, std::iter::empty());
        let files = files(&e, &r, &Votes::default());
        let city = &files[0].1;
        assert!(city.contains("\nbudget;0\n"), "{city}");
        assert!(city.contains(
            "\ncomment;#1: the projects are samples, not an official list \
             #2: the edition gives this list no budget: budget 0 stands for none \
             #3: the edition gives some projects no cost: cost 0 stands for none\n"
        ));
        // No winners without a budget: no `selected` column.
        assert!(
            city.contains("\nproject_id;cost;votes;score;name\n"),
            "{city}"
        );
        assert!(
            files[1]
                .1
                .contains("\ncomment;#1: the projects are samples")
        );
    }
}
