//! The ballot-count and turnout sections: valid and invalid ballots, and
//! where they came from (each point, the internet channel).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::card::Reason;
use crate::i18n::{self, Lang};
use crate::tr;

use crate::tally::report::num;
use crate::tally::results::Results;

use super::{Counts, INVALID, PageInfo, Turnout, VALID, counted, esc, section_start};

pub(super) fn ballot_counts(o: &mut String, lang: Lang, results: &Results) {
    let b = &results.ballots;
    section_start(o, "ballots", &tr!(lang, "html-ballots"));
    let total = counted(lang, b.total, &i18n::BALLOT);
    let _ = writeln!(
        o,
        "<p class=\"lead\">{}: {}, {}.</p>",
        tr!(lang, "html-cast", total = total),
        counted(lang, b.valid, &VALID),
        counted(lang, b.invalid, &INVALID),
    );
    let _ = write!(
        o,
        "<div class=\"wrap\"><table id=\"t-ballots\">\n<caption>{}</caption>\n<tbody>\n\
         <tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n\
         <tr><th scope=\"row\">{}</th><td class=\"n\">{}</td></tr>\n</tbody>\n</table></div>\n",
        tr!(lang, "html-ballot-count"),
        tr!(lang, "html-all"),
        num(lang, b.total),
        tr!(lang, "html-valid"),
        num(lang, b.valid),
        tr!(lang, "html-invalid"),
        num(lang, b.invalid),
    );
    let _ = writeln!(
        o,
        "<h3 id=\"h-reasons\">{}</h3>",
        tr!(lang, "html-invalid-by-reason")
    );
    if b.by_reason.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", tr!(lang, "html-no-invalid"));
    } else {
        let _ = write!(
            o,
            "<div class=\"wrap\"><table id=\"t-reasons\" class=\"cards\" aria-labelledby=\"h-reasons\">\n<thead><tr>\
             <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\" class=\"n\">{}</th>\
             </tr></thead>\n<tbody>\n",
            tr!(lang, "html-code"),
            tr!(lang, "html-reason"),
            tr!(lang, "html-ballots"),
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
                esc(&what),
                tr!(lang, "html-ballots"),
                counted(lang, *n, &i18n::BALLOT),
            );
        }
        let _ = writeln!(
            o,
            "</tbody>\n</table></div>\n<p class=\"note\">{}</p>",
            tr!(lang, "html-reasons-note")
        );
    }
    o.push_str("</section>\n");
}

fn counts_cells(o: &mut String, lang: Lang, c: &Counts) {
    let _ = write!(
        o,
        "<td class=\"n\" data-label=\"{}\">{}</td><td class=\"n\" data-label=\"{}\">{}</td>\
         <td class=\"n\" data-label=\"{}\">{}</td>",
        tr!(lang, "html-ballots"),
        num(lang, c.ballots),
        tr!(lang, "html-valid"),
        num(lang, c.valid),
        tr!(lang, "html-invalid"),
        num(lang, c.invalid)
    );
}

fn counts_head(o: &mut String, lang: Lang, first: &str) {
    let _ = writeln!(
        o,
        "<thead><tr><th scope=\"col\">{first}</th><th scope=\"col\" class=\"n\">{}</th>\
         <th scope=\"col\" class=\"n\">{}</th><th scope=\"col\" class=\"n\">{}</th></tr></thead>",
        tr!(lang, "html-ballots"),
        tr!(lang, "html-valid"),
        tr!(lang, "html-invalid"),
    );
}

pub(super) fn channels(o: &mut String, lang: Lang, turnout: &Turnout, info: &PageInfo) {
    section_start(o, "turnout", &tr!(lang, "html-by-channel"));
    let _ = write!(
        o,
        "<div class=\"wrap\"><table id=\"t-channels\" class=\"cards\">\n<caption>{}</caption>\n",
        tr!(lang, "html-channels")
    );
    counts_head(o, lang, &tr!(lang, "html-channel"));
    o.push_str("<tbody>\n");
    for (name, c) in [
        (tr!(lang, "html-paper"), &turnout.paper),
        (tr!(lang, "html-internet"), &turnout.internet),
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
        tr!(lang, "html-total")
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
        let _ = writeln!(o, "<p>{}</p>", tr!(lang, "html-no-point-ballots"));
    } else {
        let _ = write!(
            o,
            "<div class=\"wrap\"><table id=\"t-points\" class=\"cards\">\n<caption>{}</caption>\n",
            tr!(lang, "html-by-point")
        );
        counts_head(o, lang, &tr!(lang, "html-point"));
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
                    tr!(lang, "html-not-reported")
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
    let _ = writeln!(o, "<p class=\"note\">{}</p>", tr!(lang, "html-voided-note"));
    o.push_str("</section>\n");
}
