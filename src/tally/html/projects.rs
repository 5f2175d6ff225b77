//! The project lists: each project's points and outcome, bars, and the
//! note on a tie that decided the selection.

use std::fmt::Write as _;

use crate::i18n::{Lang, t};

use crate::tally::report::{key_meaning, money, num, share};
use crate::tally::results::{ListResult, ProjectResult};

use super::{BAR, POINT, PROJECT, bar_width, counted, esc, section_start};

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
fn tie_note(o: &mut String, lang: Lang, l: &ListResult, tie: &crate::tally::results::Tie) {
    let members: Vec<&ProjectResult> = tie
        .projects
        .iter()
        .filter_map(|id| l.projects.iter().find(|p| &p.id == id))
        .collect();
    let (open, close) = t(lang, "„|”", "“|”").split_once('|').unwrap_or(("", ""));
    let figures = |p: &ProjectResult| match lang {
        Lang::Pl | Lang::Uk => format!(
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
                crate::tally::report::outcome_word(lang, p.selected).to_lowercase()
            )
        })
        .collect();
    let level = match lang {
        Lang::Pl | Lang::Uk => format!(
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
            Lang::Pl | Lang::Uk => format!(
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
