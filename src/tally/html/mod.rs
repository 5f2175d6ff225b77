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
use crate::i18n::{Forms, Lang, count};
use crate::tr;

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
        &tr!(lang, "html-citywide"),
        &results.citywide,
    );
    for d in &results.districts {
        list(
            &mut o,
            lang,
            &format!("d{}", d.number),
            &tr!(
                lang,
                "html-district",
                roman = to_roman(d.number),
                name = d.name.as_str()
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
        tr!(lang, "html-footer-edition"),
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
        Ok(t) => tr!(
            lang,
            "html-date",
            day = t.format("%d").to_string(),
            month = t.format("%m").to_string(),
            year = t.format("%Y").to_string(),
            time = t.format("%H:%M").to_string(),
            offset = t.format("%:z").to_string()
        ),
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
    let code = tr!(lang, "html-lang");
    let title = format!("{} — {}", tr!(lang, "html-results-title"), edition.name);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <p class=\"note\">{}</p>\n<h1>{}</h1>\n<p>{} <code>{}</code></p>\n",
        esc(&title),
        tr!(lang, "html-results-title"),
        esc(&edition.name),
        tr!(lang, "html-edition"),
        esc(&edition.id),
    );
    let reported = info.points.iter().filter(|p| p.reported).count() as u64;
    let all = info.points.len() as u64;
    let as_of = match info.as_of.as_deref().map(|at| when(lang, at)) {
        Some(at) => tr!(lang, "html-as-of", at = esc(&at)),
        None => tr!(lang, "html-no-data"),
    };
    let points = tr!(
        lang,
        "html-reported",
        reported = num(lang, reported),
        all = counted(lang, all, &POINT_GEN),
        n = reported
    );
    let _ = writeln!(
        o,
        "<p class=\"asof\" id=\"as-of\">{as_of}. <span id=\"reported\">{points}</span>.</p>"
    );
    if edition.sample {
        let _ = writeln!(
            o,
            "<p class=\"sample\" role=\"note\"><strong>{}</strong> {}</p>",
            tr!(lang, "html-sample"),
            tr!(lang, "html-sample-note")
        );
    }
    o.push_str("</header>\n");
}

fn nav(o: &mut String, lang: Lang, results: &Results) {
    let _ = write!(
        o,
        "<nav aria-label=\"{}\">\n<ul>\n<li><a href=\"#ballots\">{}</a></li>\n\
         <li><a href=\"#turnout\">{}</a></li>\n<li><a href=\"#citywide\">{}</a></li>\n",
        tr!(lang, "html-contents"),
        tr!(lang, "html-ballots"),
        tr!(lang, "html-channels-points"),
        tr!(lang, "html-citywide"),
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
        tr!(lang, "html-how-to-check")
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
    section_start(o, "check", &tr!(lang, "html-how-to-check"));
    let items = [
        tr!(lang, "html-rule", keys = keys),
        tr!(lang, "html-check-json"),
        tr!(lang, "html-check-pabulib"),
        tr!(lang, "html-check-audit"),
        tr!(lang, "html-check-bundle"),
        tr!(lang, "html-check-as-of"),
    ];
    o.push_str("<ul>\n");
    for item in items {
        let _ = writeln!(o, "<li>{item}</li>");
    }
    o.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests;
