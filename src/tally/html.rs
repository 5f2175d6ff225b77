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

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::card::Reason;
use crate::edition::Edition;
use crate::edition::roman::to_roman;
use crate::i18n::{self, Forms, Lang, count, t};

use super::report::{key_meaning, money, num, share};
use super::results::{ListResult, ProjectResult, Results};
use super::store::{Judged, PointRoll, Source, Tally};

/// "głos" with an adjective: 1 głos ważny, 2 głosy ważne, 5 głosów ważnych.
const VALID: Forms = Forms {
    pl: ["ważny", "ważne", "ważnych"],
    en: ["valid", "valid"],
};
const INVALID: Forms = Forms {
    pl: ["nieważny", "nieważne", "nieważnych"],
    en: ["invalid", "invalid"],
};
const POINT: Forms = Forms {
    pl: ["punkt", "punkty", "punktów"],
    en: ["point", "points"],
};
/// "punkt" after "z": 1 z 1 punktu, z 5 punktów.
const POINT_GEN: Forms = Forms {
    pl: ["punktu", "punktów", "punktów"],
    en: ["polling point", "polling points"],
};
const PROJECT: Forms = Forms {
    pl: ["zadanie", "zadania", "zadań"],
    en: ["project", "projects"],
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
            Lang::Pl => t.format("%-d.%m.%Y, %H:%M (UTC%:z)").to_string(),
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
        Lang::Pl => "pl",
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
        Lang::Pl => format!(
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

fn ballot_counts(o: &mut String, lang: Lang, results: &Results) {
    let b = &results.ballots;
    section_start(o, "ballots", t(lang, "Głosy", "Ballots"));
    let total = counted(lang, b.total, &i18n::BALLOT);
    let _ = writeln!(
        o,
        "<p class=\"lead\">{}: {}, {}.</p>",
        match lang {
            Lang::Pl => format!("Oddano {total}"),
            Lang::En => format!("{total} cast"),
        },
        counted(lang, b.valid, &VALID),
        counted(lang, b.invalid, &INVALID),
    );
    let _ = write!(
        o,
        "<div class=\"wrap\"><table id=\"t-ballots\">\n<caption>{}</caption>\n<tbody>\n\
         <tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n</tbody>\n</table></div>\n",
        t(lang, "Liczba głosów", "Number of ballots"),
        t(lang, "Wszystkie", "All"),
        num(lang, b.total),
        t(lang, "Ważne", "Valid"),
        num(lang, b.valid),
        t(lang, "Nieważne", "Invalid"),
        num(lang, b.invalid),
    );
    let _ = writeln!(
        o,
        "<h3 id=\"h-reasons\">{}</h3>",
        t(
            lang,
            "Głosy nieważne według powodu",
            "Invalid ballots by reason"
        )
    );
    if b.by_reason.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            t(
                lang,
                "Nie ma głosów nieważnych.",
                "There are no invalid ballots."
            )
        );
    } else {
        let _ = write!(
            o,
            "<div class=\"wrap\"><table id=\"t-reasons\" class=\"cards\" aria-labelledby=\"h-reasons\">\n<thead><tr>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
             </tr></thead>\n<tbody>\n",
            t(lang, "Kod", "Code"),
            t(lang, "Powód", "Reason"),
            t(lang, "Głosy", "Ballots"),
        );
        for (code, n) in &b.by_reason {
            let what = code
                .parse::<Reason>()
                .map(|r| i18n::reason(lang, r))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<tr><th scope=\"row\"><code>{}</code></th><td>{}</td><td class=\"n\" data-label=\"{}\">{}</td></tr>",
                esc(code),
                esc(what),
                t(lang, "Głosy", "Ballots"),
                counted(lang, *n, &i18n::BALLOT),
            );
        }
        let _ = writeln!(
            o,
            "</tbody>\n</table></div>\n<p class=\"note\">{}</p>",
            t(
                lang,
                "Jeden głos może być nieważny z kilku powodów naraz, więc liczby w tabeli mogą się sumować do więcej niż liczba głosów nieważnych. Głos nieważny nie daje punktów żadnemu zadaniu.",
                "One ballot can be invalid for several reasons at once, so the figures above may add up to more than the number of invalid ballots. An invalid ballot gives no points to any project."
            )
        );
    }
    o.push_str("</section>\n");
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

fn counts_cells(o: &mut String, lang: Lang, c: &Counts) {
    let _ = write!(
        o,
        "<td class=\"n\" data-label=\"{}\">{}</td><td class=\"n\" data-label=\"{}\">{}</td>\
         <td class=\"n\" data-label=\"{}\">{}</td>",
        t(lang, "Głosy", "Ballots"),
        num(lang, c.ballots),
        t(lang, "Ważne", "Valid"),
        num(lang, c.valid),
        t(lang, "Nieważne", "Invalid"),
        num(lang, c.invalid)
    );
}

fn counts_head(o: &mut String, lang: Lang, first: &str) {
    let _ = writeln!(
        o,
        "<thead><tr><th scope=\"col\">{first}</th><th scope=\"col\" class=\"n\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead>",
        t(lang, "Głosy", "Ballots"),
        t(lang, "Ważne", "Valid"),
        t(lang, "Nieważne", "Invalid"),
    );
}

fn channels(o: &mut String, lang: Lang, turnout: &Turnout, info: &PageInfo) {
    section_start(
        o,
        "turnout",
        t(
            lang,
            "Głosy według kanału i punktu",
            "Ballots by channel and point",
        ),
    );
    let _ = write!(
        o,
        "<div class=\"wrap\"><table id=\"t-channels\" class=\"cards\">\n<caption>{}</caption>\n",
        t(lang, "Kanały głosowania", "Voting channels")
    );
    counts_head(o, lang, t(lang, "Kanał", "Channel"));
    o.push_str("<tbody>\n");
    for (name, c) in [
        (
            t(
                lang,
                "Karty papierowe w punktach",
                "Paper cards at polling points",
            ),
            &turnout.paper,
        ),
        (t(lang, "Internet", "Internet"), &turnout.internet),
    ] {
        let _ = write!(o, "<tr><th scope=\"row\">{name}</th>");
        counts_cells(o, lang, c);
        o.push_str("</tr>\n");
    }
    let all = Counts {
        ballots: turnout.paper.ballots + turnout.internet.ballots,
        valid: turnout.paper.valid + turnout.internet.valid,
        invalid: turnout.paper.invalid + turnout.internet.invalid,
    };
    let _ = write!(
        o,
        "</tbody>\n<tfoot><tr><th scope=\"row\">{}</th>",
        t(lang, "Razem", "Total")
    );
    counts_cells(o, lang, &all);
    o.push_str("</tr></tfoot>\n</table></div>\n");

    // Every trusted point, and any point with ballots (trusted before).
    let mut rows: BTreeMap<&str, (Option<&str>, bool, Counts)> = info
        .points
        .iter()
        .map(|p| {
            (
                p.point.as_str(),
                (p.name.as_deref(), p.reported, Counts::default()),
            )
        })
        .collect();
    for (point, c) in &turnout.points {
        let row =
            rows.entry(point.as_str())
                .or_insert((info.name_of(point), true, Counts::default()));
        row.1 = true;
        row.2 = *c;
    }
    if rows.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            t(
                lang,
                "Nie ma głosów z punktów głosowania.",
                "There are no ballots from polling points."
            )
        );
    } else {
        let _ = write!(
            o,
            "<div class=\"wrap\"><table id=\"t-points\" class=\"cards\">\n<caption>{}</caption>\n",
            t(
                lang,
                "Karty papierowe według punktu głosowania",
                "Paper cards by polling point"
            )
        );
        counts_head(o, lang, t(lang, "Punkt", "Point"));
        o.push_str("<tbody>\n");
        for (point, (name, reported, c)) in &rows {
            let name = name
                .filter(|n| n != point)
                .map(|n| format!(" {}", esc(n)))
                .unwrap_or_default();
            let missing = if *reported {
                String::new()
            } else {
                format!(
                    " <span class=\"status tie-mark\">{}</span>",
                    t(lang, "nie przesłał danych", "not reported")
                )
            };
            let _ = write!(
                o,
                "<tr><th scope=\"row\"><code>{}</code>{name}{missing}</th>",
                esc(point)
            );
            counts_cells(o, lang, c);
            o.push_str("</tr>\n");
        }
        o.push_str("</tbody>\n</table></div>\n");
    }
    let _ = writeln!(
        o,
        "<p class=\"note\">{}</p>",
        t(
            lang,
            "Karta unieważniona w punkcie (zniszczona, wpisana dwa razy) nie jest głosem i nie jest tu liczona. Każdą poprawkę i unieważnienie pokazuje audyt.",
            "A card voided at the point (spoilt, typed twice) is not a ballot and is not counted here. The audit shows every amendment and voiding."
        )
    );
    o.push_str("</section>\n");
}

/// The mark of a project's outcome: a symbol and a word, never colour alone.
fn outcome(lang: Lang, selected: Option<bool>) -> &'static str {
    match selected {
        Some(true) => t(
            lang,
            "<span class=\"status yes\">✓ wybrane</span>",
            "<span class=\"status yes\">✓ selected</span>",
        ),
        Some(false) => t(
            lang,
            "<span class=\"status\">✗ niewybrane</span>",
            "<span class=\"status\">✗ not selected</span>",
        ),
        None => "—",
    }
}

/// The mark of a project in a tie that decided something.
fn tie_mark(lang: Lang, tie: &super::results::Tie) -> String {
    format!(
        "<span class=\"status tie-mark\">⚠ {}</span>",
        esc(&super::report::tie_mark(lang, tie))
    )
}

fn list(o: &mut String, lang: Lang, anchor: &str, heading: &str, l: &ListResult) {
    let projects = &l.projects;
    section_start(o, anchor, heading);
    o.push_str("<p>");
    match l.budget {
        Some(b) => {
            let _ = write!(o, "{} {}.", t(lang, "Budżet:", "Budget:"), money(lang, b));
        }
        None => {
            let _ = write!(o, "{}", t(lang, "Lista bez budżetu.", "No budget."));
        }
    }
    match (l.spent, l.left) {
        (Some(spent), Some(left)) if !projects.is_empty() => {
            let chosen = projects.iter().filter(|p| p.selected == Some(true)).count();
            let _ = write!(
                o,
                " {} {}, {} {} ({} {}).",
                t(lang, "Wybrano", "Selected:"),
                counted(lang, chosen as u64, &PROJECT),
                t(lang, "łącznie", "costing"),
                money(lang, spent),
                t(lang, "pozostaje", "left:"),
                money(lang, left)
            );
        }
        _ => {
            let _ = write!(
                o,
                " {}",
                t(
                    lang,
                    "Bez budżetu i kosztu każdego zadania nie wybiera się zadań do realizacji; lista pokazuje punkty i miejsca.",
                    "Without a budget and every project's cost no projects are selected; the list shows points and ranks."
                )
            );
        }
    }
    o.push_str("</p>\n");
    let total_points: u64 = projects.iter().map(|p| p.points).sum();
    let _ = writeln!(
        o,
        "<p class=\"note\">{}: {}; {}: {}.</p>",
        t(
            lang,
            "Głosy ważne z wyborem na tej liście",
            "Valid ballots with picks on this list"
        ),
        num(lang, l.ballots),
        t(lang, "punkty razem", "points in all"),
        num(lang, total_points)
    );

    for tie in &l.ties {
        tie_note(o, lang, l, tie);
    }

    let max = projects.iter().map(|p| p.points).max().unwrap_or(0);
    if max == 0 {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            t(
                lang,
                "Nikt nie przyznał punktów zadaniom z tej listy.",
                "Nobody gave points to the projects of this list."
            )
        );
    } else {
        let _ = write!(
            o,
            "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<ol class=\"bars\">\n",
            t(lang, "Punkty zadań", "Points per project")
        );
        for p in projects {
            let w = bar_width(p.points, max);
            let sel = p.selected == Some(true);
            let tie = l
                .tie_of(&p.id)
                .map(|t| tie_mark(lang, t))
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "<li><span class=\"label\">{}. <code>{}</code> {} {}{}</span>\
                 <svg class=\"bar\" viewBox=\"0 0 {BAR} 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">\
                 <rect class=\"track\" width=\"{BAR}\" height=\"10\"/><rect class=\"pts{}\" width=\"{w}\" height=\"10\"/></svg>\
                 <span class=\"val\">{} · {}</span></li>",
                p.rank,
                esc(&p.id),
                esc(&p.title),
                if sel { outcome(lang, Some(true)) } else { "" },
                if tie.is_empty() {
                    String::new()
                } else {
                    format!(" {tie}")
                },
                if sel { " sel" } else { "" },
                counted(lang, p.points, &POINT),
                share(lang, p.points, total_points),
            );
        }
        o.push_str("</ol>\n</figure>\n");
    }

    let label = |pl: &'static str, en: &'static str| t(lang, pl, en);
    let (l_rank, l_id, l_cost, l_points, l_voters, l_top, l_out) = (
        label("Miejsce", "Rank"),
        label("Nr", "Id"),
        label("Koszt", "Cost"),
        label("Punkty", "Points"),
        label("Głosujący", "Voters"),
        label("Głosy za najwyższe punkty", "Top-points votes"),
        label("Wynik", "Outcome"),
    );
    let _ = write!(
        o,
        "<div class=\"wrap\"><table id=\"t-{anchor}\" class=\"cards\">\n<caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"n\">{l_rank}</th><th scope=\"col\">{l_id}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"n\">{l_cost}</th><th scope=\"col\" class=\"n\">{l_points}</th>\
         <th scope=\"col\" class=\"n\">{l_voters}</th><th scope=\"col\" class=\"n\">{l_top} ({})</th>\
         <th scope=\"col\">{l_out}</th></tr></thead>\n<tbody>\n",
        esc(&format!("{heading}: {}", t(lang, "wyniki", "results"))),
        t(lang, "Zadanie", "Project"),
        l.top,
    );
    for p in projects {
        let tie = l
            .tie_of(&p.id)
            .map(|t| format!("<br>{}", tie_mark(lang, t)))
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "<tr><td class=\"n\" data-label=\"{l_rank}\">{}</td><td data-label=\"{l_id}\"><code>{}</code></td><th scope=\"row\">{}</th>\
             <td class=\"n\" data-label=\"{l_cost}\">{}</td>\
             <td class=\"n\" data-label=\"{l_points}\">{} <span class=\"share\">{}</span></td>\
             <td class=\"n\" data-label=\"{l_voters}\">{} <span class=\"share\">{}</span></td>\
             <td class=\"n\" data-label=\"{l_top} ({})\">{}</td><td data-label=\"{l_out}\">{}{tie}</td></tr>",
            p.rank,
            esc(&p.id),
            esc(&p.title),
            p.cost.map(|c| money(lang, c)).unwrap_or_else(|| "—".into()),
            num(lang, p.points),
            share(lang, p.points, total_points),
            num(lang, p.voters),
            share(lang, p.voters, l.ballots),
            l.top,
            num(lang, p.top_points),
            outcome(lang, p.selected),
        );
    }
    o.push_str("</tbody>\n</table></div>\n");
    let _ = writeln!(
        o,
        "<p class=\"note\">{}</p>\n</section>",
        t(
            lang,
            "Udział w punktach: część wszystkich punktów tej listy. Udział w głosujących: część głosów ważnych z wyborem na tej liście, które dały zadaniu punkty.",
            "Share of points: of all points on this list. Share of voters: of the valid ballots with picks on this list, those that gave the project points."
        )
    );
}

/// The note on a tie that decided the selection: who is level, on what,
/// and the key that settled it — or that nothing did.
fn tie_note(o: &mut String, lang: Lang, l: &ListResult, tie: &super::results::Tie) {
    let members: Vec<&ProjectResult> = tie
        .projects
        .iter()
        .filter_map(|id| l.projects.iter().find(|p| &p.id == id))
        .collect();
    let (open, close) = t(lang, "„|”", "“|”").split_once('|').unwrap_or(("", ""));
    let figures = |p: &ProjectResult| match lang {
        Lang::Pl => format!(
            "głosy za {} pkt: {}, głosujący: {}",
            l.top,
            num(lang, p.top_points),
            num(lang, p.voters)
        ),
        Lang::En => format!(
            "top-points votes ({}): {}, voters: {}",
            l.top,
            num(lang, p.top_points),
            num(lang, p.voters)
        ),
    };
    let names: Vec<String> = members
        .iter()
        .map(|p| {
            format!(
                "<code>{}</code> {open}{}{close} ({}; {})",
                esc(&p.id),
                esc(&p.title),
                figures(p),
                super::report::outcome_word(lang, p.selected).to_lowercase()
            )
        })
        .collect();
    let level = match lang {
        Lang::Pl => format!(
            "Zadania {} mają tyle samo punktów ({}), a nie wszystkie mogły zostać wybrane.",
            names.join(", "),
            num(lang, tie.points)
        ),
        Lang::En => format!(
            "Projects {} have the same points ({}), and not all of them could be selected.",
            names.join(", "),
            num(lang, tie.points)
        ),
    };
    let how = match tie.settled_by {
        Some(key) => match lang {
            Lang::Pl => format!(
                "Rozstrzygnął klucz <code>{key}</code> z zasad edycji: {}.",
                esc(&key_meaning(lang, key, l.top))
            ),
            Lang::En => format!(
                "Settled by the edition's tie-break key <code>{key}</code>: {}.",
                esc(&key_meaning(lang, key, l.top))
            ),
        },
        None => t(
            lang,
            "<strong>Nierozstrzygnięty:</strong> zadania są równe także według każdego klucza zasad edycji. Strona podaje je w kolejności z pliku edycji i według niej zaznacza wybrane; rozstrzyga biuro.",
            "<strong>Undecided:</strong> the projects are level on every tie-break key of the edition too. This page lists them in the edition file's order and marks the selection by it; the office decides.",
        )
        .to_string(),
    };
    let _ = writeln!(
        o,
        "<div class=\"tie{}\" role=\"note\"><p><strong>⚠ {}</strong> {level} {how}</p></div>",
        if tie.undecided() { " open" } else { "" },
        t(lang, "Remis.", "Tie."),
    );
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
        Lang::Pl => format!(
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
mod tests {
    use super::*;
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
        assert!(
            p.starts_with("<!DOCTYPE html>\n<html lang=\"pl\">\n<head>\n<meta charset=\"utf-8\">")
        );
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
        assert!(pl.contains(
            "<code>P2</code> <span class=\"status tie-mark\">nie przesłał danych</span>"
        ));
        assert!(pl.contains("<th scope=\"row\"><code>P3</code></th>"));
        let en = page(Lang::En, &e, &r, &Turnout::default(), &info);
        assert!(en.contains("As of 2024-05-11 09:05 (UTC+02:00). <span id=\"reported\">2 of 3\u{a0}polling points have reported</span>."), "{en}");
        let none = page(Lang::En, &e, &r, &Turnout::default(), &PageInfo::default());
        assert!(none.contains("No data received yet. <span id=\"reported\">0 of 0\u{a0}polling points have reported</span>."));
    }
}
