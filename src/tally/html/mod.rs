//! The results as one self-contained HTML page (DESIGN §7): what the city
//! office publishes.
//!
//! Nothing outside the page is referenced — no scripts, fonts, images or
//! style sheets — so it opens the same offline, from a USB stick or an
//! archive years later. Bars are inline SVG, so they print. No clock goes
//! in: "as of" is the time of the last accepted import, so the same data
//! gives the same bytes, and anyone can compare a copy's SHA-256 with the
//! office's. The page shows counts and where ballots came from (points by
//! id and name, the internet channel), never a voter.
//!
//! It reads on a phone: below 40rem every wide table becomes a list of
//! cards (each cell labelled), and status words never wrap.

mod projects;
mod turnout;

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::edition::Edition;
use crate::edition::roman::to_roman;
use crate::i18n::{self, Forms, Lang, count, t};

use super::report::num;
use super::results::Results;
use super::store::{Judged, PointRoll, Source, Tally};
use projects::list;
use turnout::{ballot_counts, channels};

/// "głos" with an adjective: 1 głos ważny, 2 głosy ważne, 5 głosów ważnych.
const VALID: Forms = Forms {
    id: "count-vote-valid",
};
const INVALID: Forms = Forms {
    id: "count-vote-invalid",
};
const POINT: Forms = Forms { id: "count-point" };
/// "punkt" after "z": 1 z 1 punktu, z 5 punktów.
const POINT_GEN: Forms = Forms {
    id: "count-polling-point-gen",
};
const PROJECT: Forms = Forms {
    id: "count-project",
};

/// Width of a full bar in the SVG's own units.
const BAR: u64 = 1000;

/// What the page says about the data as a whole: when the last data came
/// in and which points have sent theirs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageInfo {
    /// The time of the latest accepted import (RFC 3339), if any.
    pub as_of: Option<String>,
    /// Every trusted point, in id order.
    pub points: Vec<PointRoll>,
    /// Verification at each point (`tally::verification`).
    pub verification: Vec<super::verification::PointVerification>,
}

impl PageInfo {
    pub fn of(tally: &Tally) -> super::store::Result<PageInfo> {
        Ok(PageInfo {
            as_of: tally.as_of()?,
            points: tally.point_roll()?,
            verification: super::verification::per_point(tally.conn())?,
        })
    }

    fn name_of(&self, point: &str) -> Option<&str> {
        self.points
            .iter()
            .find(|p| p.point == point)
            .and_then(|p| p.name.as_deref())
    }
}

/// The whole page.
pub fn page(
    lang: Lang,
    edition: &Edition,
    results: &Results,
    turnout: &Turnout,
    info: &PageInfo,
) -> String {
    let mut o = String::with_capacity(32 * 1024);
    head(&mut o, lang, edition, info);
    nav(&mut o, lang, results);
    o.push_str("<main>\n");
    ballot_counts(&mut o, lang, results);
    channels(&mut o, lang, turnout, info);
    o.push_str(&super::verification::html(lang, &info.verification));
    list(
        &mut o,
        lang,
        "citywide",
        t(lang, "Zadania ogólnomiejskie", "City-wide projects"),
        &results.citywide,
    );
    for d in &results.districts {
        list(
            &mut o,
            lang,
            &format!("d{}", d.number),
            &format!(
                "{} {} — {}",
                t(lang, "Dzielnica", "District"),
                to_roman(d.number),
                d.name
            ),
            &d.list,
        );
    }
    how_to_check(&mut o, lang, &results.tie_break);
    o.push_str("</main>\n");
    let _ = writeln!(
        o,
        "<footer><p class=\"note\">urna {} · {} <code>{}</code></p></footer>\n</body>\n</html>",
        env!("CARGO_PKG_VERSION"),
        t(lang, "edycja", "edition"),
        esc(&results.edition)
    );
    o
}

/// Text made safe for element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A recorded time (RFC 3339) as the page shows it: `1.12.2026, 21:05
/// (UTC+01:00)` / `2026-12-01 21:05 (UTC+01:00)`; as recorded if unreadable.
fn when(lang: Lang, at: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(at) {
        Ok(t) => match lang {
            Lang::Pl | Lang::Uk => t.format("%-d.%m.%Y, %H:%M (UTC%:z)").to_string(),
            Lang::En => t.format("%Y-%m-%d %H:%M (UTC%:z)").to_string(),
        },
        Err(_) => at.to_string(),
    }
}

/// `n` with the noun's right form, the number grouped.
fn counted(lang: Lang, n: u64, forms: &Forms) -> String {
    let text = count(lang, n, forms);
    match text.split_once(' ') {
        Some((_, word)) => format!("{}\u{a0}{word}", num(lang, n)),
        None => text,
    }
}

/// A bar's length for `points` when the longest bar has `max`: proportional,
/// rounded to the nearest unit of [`BAR`].
fn bar_width(points: u64, max: u64) -> u64 {
    if max == 0 {
        return 0;
    }
    ((u128::from(points) * u128::from(BAR) + u128::from(max) / 2) / u128::from(max)) as u64
}

const STYLE: &str = "\
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--line:#c8c8c8;--bar:#2b5797;--sel:#17703a;--track:#e8e8e8;--warn:#a04a00}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;color:var(--ink);background:#fff;max-width:72rem;margin:0 auto;padding:1rem;overflow-wrap:break-word}
h1{font-size:1.7rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.35rem;line-height:1.25;margin:2.5rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.1rem;margin:1.5rem 0 .4rem}
a{color:var(--bar)}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.lead{font-size:1.15rem}
.note{color:var(--muted);font-size:.92rem}
.asof{font-weight:600}
.sample,.tie{border-left:4px solid var(--warn);background:#fff4e8;padding:.4rem .8rem;margin:.8rem 0}
.tie.open{border-left-width:8px}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;margin:.4rem 0}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);font-weight:600}
tbody th{font-weight:normal}
.n{text-align:right;white-space:nowrap}
thead .n{white-space:normal}
.share{display:block;color:var(--muted);font-size:.85em}
.status{white-space:nowrap;display:inline-block}
td>code{white-space:nowrap;overflow-wrap:normal}
tfoot th,tfoot td{font-weight:600;border-top:2px solid var(--ink)}
.chart{margin:.8rem 0}
.chart figcaption{font-weight:600}
.bars{list-style:none;padding:0;margin:.3rem 0}
.bars li{display:grid;grid-template-columns:minmax(0,1fr) minmax(11rem,max-content);gap:0 .6rem;align-items:center;margin:.4rem 0}
.bars .label{grid-column:1/3;overflow-wrap:anywhere}
.bars .val{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{display:block;width:100%;height:.9rem}
.bar .track{fill:var(--track)}
.bar .pts{fill:var(--bar)}
.bar .pts.sel{fill:var(--sel)}
.yes{color:var(--sel);font-weight:600}
.tie-mark{color:var(--warn);font-weight:600}
@media (max-width:40rem){body{padding:.6rem;font-size:15px}
.bars li{grid-template-columns:minmax(0,1fr) minmax(9.5rem,max-content)}
.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.cards,.cards tbody,.cards tfoot,.cards tr,.cards td,.cards th{display:block;width:100%}
.cards caption{display:block}
.cards tr{border:1px solid var(--line);border-radius:.3rem;margin:.5rem 0;padding:.3rem .6rem}
.cards td,.cards th{border:0;padding:.1rem 0;text-align:left;white-space:normal}
.cards td>code{white-space:normal;overflow-wrap:anywhere}
.cards tfoot tr{border-width:2px;border-color:var(--ink)}
.cards [data-label]::before{content:attr(data-label) \": \";color:var(--muted);font-weight:normal}
.cards .share{display:inline;margin-left:.4rem}
.cards .share::before{content:\"(\"}.cards .share::after{content:\")\"}}
@media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}a{color:inherit;text-decoration:none}.wrap{overflow:visible}h2,h3{break-after:avoid}tr,.bars li,.tie{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
";

fn head(o: &mut String, lang: Lang, edition: &Edition, info: &PageInfo) {
    let code = match lang {
        Lang::Pl | Lang::Uk => "pl",
        Lang::En => "en",
    };
    let title = format!(
        "{} — {}",
        t(lang, "Wyniki głosowania", "Voting results"),
        edition.name
    );
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <p class=\"note\">{}</p>\n<h1>{}</h1>\n<p>{} <code>{}</code></p>\n",
        esc(&title),
        t(lang, "Wyniki głosowania", "Voting results"),
        esc(&edition.name),
        t(lang, "Edycja", "Edition"),
        esc(&edition.id),
    );
    let reported = info.points.iter().filter(|p| p.reported).count() as u64;
    let all = info.points.len() as u64;
    let as_of = match info.as_of.as_deref().map(|at| when(lang, at)) {
        Some(at) => format!("{} {}", t(lang, "Stan na", "As of"), esc(&at)),
        None => t(
            lang,
            "Nie przyjęto jeszcze żadnych danych",
            "No data received yet",
        )
        .to_string(),
    };
    let points = match lang {
        Lang::Pl | Lang::Uk => format!(
            "{} z {} {} dane",
            num(lang, reported),
            counted(lang, all, &POINT_GEN),
            i18n::plural_pl(reported, "przesłał", "przesłały", "przesłało")
        ),
        Lang::En => format!(
            "{} of {} {}",
            num(lang, reported),
            counted(lang, all, &POINT_GEN),
            if reported == 1 {
                "has reported"
            } else {
                "have reported"
            }
        ),
    };
    let _ = writeln!(
        o,
        "<p class=\"asof\" id=\"as-of\">{as_of}. <span id=\"reported\">{points}</span>.</p>"
    );
    if edition.sample {
        let _ = writeln!(
            o,
            "<p class=\"sample\" role=\"note\"><strong>{}</strong> {}</p>",
            t(lang, "Dane przykładowe.", "Sample data."),
            t(
                lang,
                "Tytuły, koszty i budżety zadań tej edycji są przykładowe — to nie jest oficjalna lista zadań.",
                "The project titles, costs and budgets of this edition are samples — this is not the official list of projects."
            )
        );
    }
    o.push_str("</header>\n");
}

fn nav(o: &mut String, lang: Lang, results: &Results) {
    let _ = write!(
        o,
        "<nav aria-label=\"{}\">\n<ul>\n<li><a href=\"#ballots\">{}</a></li>\n\
         <li><a href=\"#turnout\">{}</a></li>\n<li><a href=\"#citywide\">{}</a></li>\n",
        t(lang, "Spis treści", "Contents"),
        t(lang, "Głosy", "Ballots"),
        t(lang, "Kanały i punkty", "Channels and points"),
        t(lang, "Zadania ogólnomiejskie", "City-wide projects"),
    );
    for d in &results.districts {
        let _ = writeln!(
            o,
            "<li><a href=\"#d{}\">{} {}</a></li>",
            d.number,
            to_roman(d.number),
            esc(&d.name)
        );
    }
    let _ = write!(
        o,
        "<li><a href=\"#check\">{}</a></li>\n</ul>\n</nav>\n",
        t(lang, "Jak sprawdzić", "How to check")
    );
}

fn section_start(o: &mut String, id: &str, heading: &str) {
    let _ = writeln!(
        o,
        "<section id=\"{id}\" aria-labelledby=\"h-{id}\">\n<h2 id=\"h-{id}\">{}</h2>",
        esc(heading)
    );
}

/// Ballots, valid and invalid, of one channel or point.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Counts {
    ballots: u64,
    valid: u64,
    invalid: u64,
}

impl Counts {
    fn add(&mut self, valid: bool) {
        self.ballots += 1;
        if valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
    }
}

/// Where the ballots came from: paper cards typed at the points (and each
/// point on its own) and the internet channel.
#[derive(Debug, Default)]
pub struct Turnout {
    paper: Counts,
    internet: Counts,
    points: BTreeMap<String, Counts>,
}

impl Turnout {
    /// Adds one ballot, gathered one at a time.
    pub fn add(&mut self, b: &Judged) {
        let point = match &b.source {
            Source::Point { point, .. } => Some(point.as_str()),
            Source::Internet { .. } => None,
        };
        self.add_counted(point, b.assessment.is_valid());
    }

    /// Adds one ballot as the count reads it: its point (`None`: the
    /// internet) and whether it is valid.
    pub fn add_counted(&mut self, point: Option<&str>, valid: bool) {
        match point {
            Some(point) => {
                self.paper.add(valid);
                match self.points.get_mut(point) {
                    Some(c) => c.add(valid),
                    None => self.points.entry(point.to_string()).or_default().add(valid),
                }
            }
            None => self.internet.add(valid),
        }
    }

    pub fn of<'a>(ballots: impl IntoIterator<Item = &'a Judged>) -> Turnout {
        let mut out = Turnout::default();
        for b in ballots {
            out.add(b);
        }
        out
    }
}

fn how_to_check(o: &mut String, lang: Lang, tie_break: &[&str]) {
    let keys = if tie_break.is_empty() {
        "—".to_string()
    } else {
        tie_break
            .iter()
            .map(|k| format!("<code>{k}</code>"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let rule = match lang {
        Lang::Pl | Lang::Uk => format!(
            "Zasada liczenia: zadania ustawia się według punktów; przy równej liczbie punktów kolejność ustalają klucze z zasad edycji, po kolei: {keys} (<code>top_points</code>: więcej głosów z najwyższą liczbą punktów, <code>voters</code>: więcej głosujących). Zadanie jest wybrane, jeśli jego koszt mieści się w tym, co zostało z budżetu; inaczej się je pomija i sprawdza następne. Remis, który zmienił wybór, jest opisany przy liście."
        ),
        Lang::En => format!(
            "The rule: projects are ordered by points; level on points, the edition's tie-break keys order them, in turn: {keys} (<code>top_points</code>: more votes giving the top points, <code>voters</code>: more voters). A project is selected if its cost fits what is left of the budget; otherwise it is skipped and the next one is tried. A tie that changed the selection is described at its list."
        ),
    };
    section_start(o, "check", t(lang, "Jak sprawdzić", "How to check"));
    let items: [&str; 6] = [
        &rule,
        t(
            lang,
            "Te same liczby podaje <code>urna tally results --format json</code> (a także <code>--format csv</code> i <code>--format text</code>); ta strona jest z nich zrobiona i nie dodaje niczego.",
            "The same figures come from <code>urna tally results --format json</code> (and <code>--format csv</code> and <code>--format text</code>); this page is made from them and adds nothing.",
        ),
        t(
            lang,
            "<code>urna tally results --format pabulib --out FOLDER</code> zapisuje każdy ważny głos w formacie Pabulib (plik na każdą dzielnicę i plik ogólnomiejski), tak by każdy mógł przeliczyć wyniki własnym programem, np. pabutools.",
            "<code>urna tally results --format pabulib --out FOLDER</code> writes every valid ballot in the Pabulib format (a file per district and one city-wide), so anyone can recount with their own program, e.g. pabutools.",
        ),
        t(
            lang,
            "<code>urna tally audit</code> wymienia każdy głos nieważny z powodem i źródłem (punkt, paczka, operator albo plik internetowy), każdą osobę, która głosowała więcej niż raz, każdy import — przyjęty czy odrzucony — i decyzje biura.",
            "<code>urna tally audit</code> lists every invalid ballot with its reasons and source (point, bundle, operator, or internet file), every person who voted more than once, every import — accepted or rejected — and the office's decisions.",
        ),
        t(
            lang,
            "Paczkę z punktu można sprawdzić bez urna: <code>minisign -V -p kiosk.pub -m manifest.json</code>, albo <code>urna verify PLIK</code>.",
            "A point's bundle can be checked without urna: <code>minisign -V -p kiosk.pub -m manifest.json</code>, or <code>urna verify FILE</code>.",
        ),
        t(
            lang,
            "„Stan na” to czas ostatniego przyjętego importu, nie czas zrobienia strony: z tych samych danych powstaje zawsze ta sama strona, więc kopię można porównać z oryginałem po sumie SHA-256.",
            "“As of” is the time of the last accepted import, not of making the page: the same data always gives the same page, so a copy can be compared with the original by its SHA-256.",
        ),
    ];
    o.push_str("<ul>\n");
    for item in items {
        let _ = writeln!(o, "<li>{item}</li>");
    }
    o.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests;
