//! The ballot-count and turnout sections: valid and invalid ballots, and
//! where they came from (each point, the internet channel).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::card::Reason;
use crate::i18n::{self, Lang, t};

use crate::tally::report::num;
use crate::tally::results::Results;

use super::{Counts, INVALID, PageInfo, Turnout, VALID, counted, esc, section_start};

pub(super) fn ballot_counts(o: &mut String, lang: Lang, results: &Results) {
    let b = &results.ballots;
    section_start(o, "ballots", t(lang, "Głosy", "Ballots"));
    let total = counted(lang, b.total, &i18n::BALLOT);
    let _ = writeln!(
        o,
        "<p class=\"lead\">{}: {}, {}.</p>",
        match lang {
            Lang::Pl | Lang::Uk => format!("Oddano {total}"),
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
                esc(&what),
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

pub(super) fn channels(o: &mut String, lang: Lang, turnout: &Turnout, info: &PageInfo) {
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
