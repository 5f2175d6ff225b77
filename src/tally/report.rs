//! The results as plain text (`results --format text`) and CSV, and the
//! number and money formats every human-readable output shares: thousands
//! grouped, złoty with grosze where there are any.

use std::fmt::Write as _;

use crate::edition::Money;
use crate::edition::roman::to_roman;
use crate::i18n::Lang;
use crate::tr;

use super::results::{ListResult, ProjectResult, Results, Tie};

/// A whole number with its thousands grouped: `2 700 000` (a no-break
/// space) in Polish, `2,700,000` in English.
pub fn num(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::Pl | Lang::Uk => '\u{a0}',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// An amount: `1 546 168,66 zł` / `PLN 1,546,168.66`; whole złoty without
/// grosze: `2 700 000 zł`.
pub fn money(lang: Lang, m: Money) -> String {
    let zl = num(lang, m.whole_zloty());
    let zl = if m.cents() == 0 {
        zl
    } else {
        match lang {
            Lang::Pl | Lang::Uk => format!("{zl},{:02}", m.cents()),
            Lang::En => format!("{zl}.{:02}", m.cents()),
        }
    };
    tr!(lang, "tally-money", amount = zl)
}

/// `part` of `whole` in percent with one decimal, rounded half up:
/// `12,3%` / `12.3%`; `—` when `whole` is 0.
pub fn share(lang: Lang, part: u64, whole: u64) -> String {
    if whole == 0 {
        return "—".into();
    }
    let tenths = (u128::from(part) * 1000 + u128::from(whole) / 2) / u128::from(whole);
    let sep = match lang {
        Lang::Pl | Lang::Uk => ',',
        Lang::En => '.',
    };
    format!("{}{sep}{}%", tenths / 10, tenths % 10)
}

/// What a tie-break key means, for a list whose cards give `top` points to
/// their first pick.
pub fn key_meaning(lang: Lang, key: &str, top: u32) -> String {
    match key {
        "top_points" => tr!(lang, "tally-key-top-points", top = top),
        "voters" => tr!(lang, "tally-key-voters"),
        other => other.to_string(),
    }
}

/// One line saying how a tie was settled, without the projects' names.
pub fn tie_settled(lang: Lang, tie: &Tie, top: u32) -> String {
    match tie.settled_by {
        Some(key) => tr!(
            lang,
            "tally-tie-settled",
            key = key,
            meaning = key_meaning(lang, key, top)
        ),
        None => tr!(lang, "tally-tie-undecided"),
    }
}

/// The mark of one project in a tie: `remis: top_points` / `remis: nierozstrzygnięty`.
pub fn tie_mark(lang: Lang, tie: &Tie) -> String {
    match tie.settled_by {
        Some(key) => tr!(lang, "tally-tie-mark", key = key),
        None => tr!(lang, "tally-tie-mark-undecided"),
    }
}

/// The outcome of a project in words.
pub fn outcome_word(lang: Lang, selected: Option<bool>) -> String {
    match selected {
        Some(true) => tr!(lang, "tally-selected"),
        Some(false) => tr!(lang, "tally-not-selected"),
        None => "—".into(),
    }
}

/// The results as a CSV table, one row a project; `tie` names the key that
/// settled a tie the project was in, or `undecided`.
pub fn csv(r: &Results) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "list",
        "district",
        "project",
        "title",
        "cost",
        "points",
        "voters",
        "rank",
        "selected",
        "top_points",
        "tie",
    ]);
    let mut rows = |list: &str, district: String, l: &ListResult| {
        for p in &l.projects {
            let tie = l
                .tie_of(&p.id)
                .map(|t| t.settled_by.unwrap_or("undecided"))
                .unwrap_or_default();
            let _ = w.write_record([
                list.to_string(),
                district.clone(),
                p.id.clone(),
                p.title.clone(),
                p.cost.map(|c| c.plain()).unwrap_or_default(),
                p.points.to_string(),
                p.voters.to_string(),
                p.rank.to_string(),
                p.selected
                    .map(|s| if s { "1" } else { "0" }.to_string())
                    .unwrap_or_default(),
                p.top_points.to_string(),
                tie.to_string(),
            ]);
        }
    };
    rows("citywide", String::new(), &r.citywide);
    for d in &r.districts {
        rows("district", d.number.to_string(), &d.list);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The results as text for a terminal or a printout: per list its budget,
/// what the selection spends and leaves, and per project rank, id, points,
/// voters, top-points votes, cost, outcome (with any tie) and title.
pub fn text(lang: Lang, r: &Results) -> String {
    let mut s = String::new();
    let b = &r.ballots;
    let head = tr!(
        lang,
        "tally-report-head",
        edition = r.edition.as_str(),
        total = b.total.to_string(),
        valid = b.valid.to_string(),
        invalid = b.invalid.to_string()
    );
    let _ = writeln!(s, "{head}");
    for (code, n) in &b.by_reason {
        // In words; a code this version does not know as it is.
        let words = crate::i18n::reason_of_code(lang, code);
        let _ = writeln!(s, "  {n:>7}  {words}");
    }
    let keys = if r.tie_break.is_empty() {
        "—".to_string()
    } else {
        r.tie_break
            .iter()
            .map(|k| match *k {
                "top_points" => tr!(lang, "tally-key-top-points-any"),
                "voters" => tr!(lang, "tally-key-voters"),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let _ = writeln!(s, "{}", tr!(lang, "tally-report-tie-break", keys = keys));
    list_text(
        &mut s,
        lang,
        &tr!(lang, "tally-report-citywide"),
        &r.citywide,
    );
    for d in &r.districts {
        list_text(
            &mut s,
            lang,
            &tr!(
                lang,
                "tally-report-district",
                roman = to_roman(d.number),
                name = d.name.as_str()
            ),
            &d.list,
        );
    }
    s
}

fn list_text(s: &mut String, lang: Lang, title: &str, l: &ListResult) {
    let plain = |m: String| m.replace('\u{a0}', " ");
    let _ = writeln!(s, "\n{title}");
    match l.budget {
        Some(b) => {
            let _ = write!(
                s,
                "  {}",
                tr!(lang, "tally-report-budget", budget = plain(money(lang, b)))
            );
        }
        None => {
            let _ = write!(s, "  {}", tr!(lang, "tally-report-no-budget"));
        }
    }
    match (l.spent, l.left) {
        (Some(spent), Some(left)) => {
            let _ = writeln!(
                s,
                "; {}",
                tr!(
                    lang,
                    "tally-report-spent",
                    spent = plain(money(lang, spent)),
                    left = plain(money(lang, left))
                )
            );
        }
        _ => {
            let _ = writeln!(s, "; {}", tr!(lang, "tally-report-nothing-selected"));
        }
    }
    let top = tr!(lang, "tally-report-col-top", top = l.top);
    let _ = writeln!(
        s,
        "  {:>4} {:<12} {:>9} {:>8} {:>9} {:>17}  {}",
        tr!(lang, "tally-report-col-rank"),
        tr!(lang, "tally-report-col-id"),
        tr!(lang, "tally-report-col-points"),
        tr!(lang, "tally-report-col-voters"),
        top,
        tr!(lang, "tally-report-col-cost"),
        tr!(lang, "tally-report-col-outcome"),
    );
    for p in &l.projects {
        project_line(s, lang, l, p);
    }
    for tie in &l.ties {
        let _ = writeln!(
            s,
            "  ! {}",
            tr!(
                lang,
                "tally-report-tie",
                points = tie.points.to_string(),
                projects = tie.projects.join(", "),
                how = tie_settled(lang, tie, l.top)
            )
        );
    }
}

fn project_line(s: &mut String, lang: Lang, l: &ListResult, p: &ProjectResult) {
    let cost = p
        .cost
        .map(|c| money(lang, c).replace('\u{a0}', " "))
        .unwrap_or_else(|| "—".into());
    let tie = l
        .tie_of(&p.id)
        .map(|tie| format!(" [{}]", tie_mark(lang, tie)))
        .unwrap_or_default();
    let _ = writeln!(
        s,
        "  {:>3}. {:<12} {:>9} {:>8} {:>9} {:>17}  {}{tie} · {}",
        p.rank,
        p.id,
        p.points,
        p.voters,
        p.top_points,
        cost,
        outcome_word(lang, p.selected),
        p.title,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_money_and_shares() {
        assert_eq!(num(Lang::En, 0), "0");
        assert_eq!(num(Lang::En, 999), "999");
        assert_eq!(num(Lang::En, 1000), "1,000");
        assert_eq!(num(Lang::En, 2_700_000), "2,700,000");
        assert_eq!(
            money(Lang::Pl, Money::zloty(100_000)),
            "100\u{a0}000\u{a0}zł"
        );
        assert_eq!(
            money(Lang::Pl, Money::from_grosze(154_616_866)),
            "1\u{a0}546\u{a0}168,66\u{a0}zł"
        );
        assert_eq!(
            money(Lang::En, Money::from_grosze(154_616_805)),
            "PLN\u{a0}1,546,168.05"
        );
        assert_eq!(share(Lang::Pl, 1, 3), "33,3%");
        assert_eq!(share(Lang::En, 2, 3), "66.7%");
        assert_eq!(share(Lang::En, 5, 0), "—");
        assert_eq!(share(Lang::En, 7, 7), "100.0%");
    }
}
