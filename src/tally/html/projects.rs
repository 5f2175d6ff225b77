//! The project lists: each project's points and outcome, bars, and the
//! note on a tie that decided the selection.

use std::fmt::Write as _;

use crate::i18n::Lang;
use crate::tr;

use crate::tally::report::{key_meaning, money, num, share};
use crate::tally::results::{ListResult, ProjectResult};

use super::{BAR, POINT, PROJECT, bar_width, counted, esc, section_start};

/// The mark of a project's outcome: a symbol and a word, never colour alone.
fn outcome(lang: Lang, selected: Option<bool>) -> String {
    match selected {
        Some(true) => format!(
            "<span class=\"status yes\">{}</span>",
            tr!(lang, "html-selected")
        ),
        Some(false) => format!(
            "<span class=\"status\">{}</span>",
            tr!(lang, "html-not-selected")
        ),
        None => "—".into(),
    }
}

/// The mark of a project in a tie that decided something.
fn tie_mark(lang: Lang, tie: &crate::tally::results::Tie) -> String {
    format!(
        "<span class=\"status tie-mark\">⚠ {}</span>",
        esc(&crate::tally::report::tie_mark(lang, tie))
    )
}

pub(super) fn list(o: &mut String, lang: Lang, anchor: &str, heading: &str, l: &ListResult) {
    let projects = &l.projects;
    section_start(o, anchor, heading);
    o.push_str("<p>");
    match l.budget {
        Some(b) => {
            let _ = write!(o, "{}", tr!(lang, "html-budget", budget = money(lang, b)));
        }
        None => {
            let _ = write!(o, "{}", tr!(lang, "html-no-budget"));
        }
    }
    match (l.spent, l.left) {
        (Some(spent), Some(left)) if !projects.is_empty() => {
            let chosen = projects.iter().filter(|p| p.selected == Some(true)).count();
            let _ = write!(
                o,
                " {}",
                tr!(
                    lang,
                    "html-spent",
                    chosen = counted(lang, chosen as u64, &PROJECT),
                    spent = money(lang, spent),
                    left = money(lang, left)
                )
            );
        }
        _ => {
            let _ = write!(o, " {}", tr!(lang, "html-nothing-selected"));
        }
    }
    o.push_str("</p>\n");
    let total_points: u64 = projects.iter().map(|p| p.points).sum();
    let _ = writeln!(
        o,
        "<p class=\"note\">{}</p>",
        tr!(
            lang,
            "html-list-totals",
            ballots = num(lang, l.ballots),
            points = num(lang, total_points)
        )
    );

    for tie in &l.ties {
        tie_note(o, lang, l, tie);
    }

    let max = projects.iter().map(|p| p.points).max().unwrap_or(0);
    if max == 0 {
        let _ = writeln!(o, "<p>{}</p>", tr!(lang, "html-no-points"));
    } else {
        let _ = write!(
            o,
            "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<ol class=\"bars\">\n",
            tr!(lang, "html-points-chart")
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
                if sel {
                    outcome(lang, Some(true))
                } else {
                    String::new()
                },
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

    let (l_rank, l_id, l_cost, l_points, l_voters, l_top, l_out) = (
        tr!(lang, "html-rank"),
        tr!(lang, "html-id"),
        tr!(lang, "html-cost"),
        tr!(lang, "html-points"),
        tr!(lang, "html-voters"),
        tr!(lang, "html-top-votes"),
        tr!(lang, "html-outcome"),
    );
    let _ = write!(
        o,
        "<div class=\"wrap\"><table id=\"t-{anchor}\" class=\"cards\">\n<caption>{}</caption>\n<thead><tr>\
         <th scope=\"col\" class=\"n\">{l_rank}</th><th scope=\"col\">{l_id}</th><th scope=\"col\">{}</th>\
         <th scope=\"col\" class=\"n\">{l_cost}</th><th scope=\"col\" class=\"n\">{l_points}</th>\
         <th scope=\"col\" class=\"n\">{l_voters}</th><th scope=\"col\" class=\"n\">{l_top} ({})</th>\
         <th scope=\"col\">{l_out}</th></tr></thead>\n<tbody>\n",
        esc(&tr!(lang, "html-list-caption", heading = heading)),
        tr!(lang, "html-project"),
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
        tr!(lang, "html-shares-note")
    );
}

/// The note on a tie that decided the selection: who is level, on what,
/// and the key that settled it — or that nothing did.
fn tie_note(o: &mut String, lang: Lang, l: &ListResult, tie: &crate::tally::results::Tie) {
    let members: Vec<&ProjectResult> = tie
        .projects
        .iter()
        .filter_map(|id| l.projects.iter().find(|p| &p.id == id))
        .collect();
    let figures = |p: &ProjectResult| {
        tr!(
            lang,
            "html-tie-figures",
            top = l.top,
            top_votes = num(lang, p.top_points),
            voters = num(lang, p.voters)
        )
    };
    let names: Vec<String> = members
        .iter()
        .map(|p| {
            tr!(
                lang,
                "html-tie-member",
                id = esc(&p.id),
                title = esc(&p.title),
                figures = figures(p),
                outcome = crate::tally::report::outcome_word(lang, p.selected).to_lowercase()
            )
        })
        .collect();
    let level = tr!(
        lang,
        "html-tie-level",
        names = names.join(", "),
        points = num(lang, tie.points)
    );
    let how = match tie.settled_by {
        Some(key) => tr!(
            lang,
            "html-tie-settled",
            key = key,
            meaning = esc(&key_meaning(lang, key, l.top))
        ),
        None => tr!(lang, "html-tie-undecided"),
    };
    let _ = writeln!(
        o,
        "<div class=\"tie{}\" role=\"note\"><p><strong>⚠ {}</strong> {level} {how}</p></div>",
        if tie.undecided() { " open" } else { "" },
        tr!(lang, "html-tie"),
    );
}
