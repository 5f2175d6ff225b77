//! The note beside each rubric of the card being typed: what is wrong, what is
//! still awaited, and the PESEL's problems in words.

use super::App;
use super::entry::EntryState;
use super::form::{CardForm, SIGNED_NO, SIGNED_YES, Slot};
use crate::edition::roman;
use crate::i18n::{Forms, Lang, count};
use crate::pesel::{Pesel, PeselError};
use crate::tr;

const YEARS: Forms = Forms { id: "count-year" };

/// What a note beside a rubric means; shown as a symbol, never colour alone.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mark {
    Ok,
    Problem,
    Hint,
}

/// What the field beside a rubric says.
pub(super) fn note(app: &App, state: &EntryState, index: usize) -> Option<(Mark, String)> {
    let form = &state.form;
    let edition = app.store.edition();
    let field = &form.fields[index];
    let value = field.input.value().trim();
    let passed = index < form.focus || form.reviewing;
    let focused = index == form.focus && !form.reviewing;
    let lang = app.lang;
    if focused && let Some(c) = form.refused {
        let digits = value.chars().filter(char::is_ascii_digit).count();
        let text = match field.slot {
            Slot::Signed => tr!(app.lang, "kiosk-entry-yes-or-no-only"),
            Slot::Pesel if c.is_ascii_digit() && digits >= 11 => {
                tr!(app.lang, "kiosk-entry-pesel-twelfth-digit")
            }
            _ => tr!(app.lang, "kiosk-entry-digits-only"),
        };
        return Some((Mark::Problem, text));
    }
    let skipped = |local: bool| skipped_part(form, edition, local);
    match field.slot {
        Slot::FirstName | Slot::LastName | Slot::Address => (value.is_empty() && passed)
            .then(|| (Mark::Problem, tr!(app.lang, "kiosk-entry-empty"))),
        Slot::Pesel => {
            if value.is_empty() {
                return passed.then(|| (Mark::Problem, tr!(app.lang, "kiosk-entry-empty")));
            }
            match Pesel::parse(value) {
                Ok(p) => {
                    let born = p.birth_date().to_string();
                    let years = |a: u32| count(lang, u64::from(a), &YEARS);
                    match p.age_on(app.day) {
                        Some(a) if a >= edition.min_age => Some((
                            Mark::Ok,
                            tr!(lang, "kiosk-entry-born", born = born, age = years(a)),
                        )),
                        Some(a) => Some((
                            Mark::Problem,
                            tr!(
                                lang,
                                "kiosk-entry-born-under",
                                born = born,
                                age = years(a),
                                min = edition.min_age
                            ),
                        )),
                        None => Some((
                            Mark::Problem,
                            tr!(lang, "kiosk-entry-born-not-yet", born = born),
                        )),
                    }
                }
                Err(PeselError::Length(n)) if n < 11 && !passed => {
                    Some((Mark::Hint, format!("{n}/11")))
                }
                Err(e) => Some((Mark::Problem, pesel_problem(lang, &e))),
            }
        }
        Slot::Signed => match value {
            SIGNED_YES => Some((Mark::Ok, tr!(app.lang, "kiosk-cards-yes"))),
            SIGNED_NO => Some((Mark::Problem, tr!(app.lang, "kiosk-entry-no-not-signed"))),
            _ => Some((Mark::Hint, tr!(app.lang, "kiosk-entry-y-yes-n-no"))),
        },
        Slot::District => {
            if value.is_empty() && skipped(true) {
                return passed
                    .then(|| (Mark::Hint, tr!(app.lang, "kiosk-entry-local-part-optional")));
            }
            if value.is_empty() {
                return passed.then(|| (Mark::Problem, tr!(app.lang, "kiosk-entry-empty")));
            }
            if focused && let Some(longer) = form.waiting_for(edition) {
                let name = form
                    .district(edition)
                    .map(|d| format!("{} {}", roman::to_roman(d.number), d.name))
                    .unwrap_or_default();
                return Some((Mark::Ok, waiting_note(app, value, &longer, &name)));
            }
            match form.district(edition) {
                Some(d) => Some((
                    Mark::Ok,
                    format!("{} {}", roman::to_roman(d.number), d.name),
                )),
                None => Some((Mark::Problem, tr!(app.lang, "kiosk-entry-no-such-district"))),
            }
        }
        Slot::Local(_) | Slot::Citywide(_) => {
            let local = matches!(field.slot, Slot::Local(_));
            if !form.is_active(index, edition) {
                return Some((Mark::Hint, tr!(app.lang, "kiosk-entry-fewer-projects")));
            }
            let list = if local {
                form.district(edition).map(|d| &d.list)
            } else {
                Some(&edition.citywide)
            };
            if value.is_empty() && skipped(local) {
                return None;
            }
            if value.is_empty() {
                return passed.then(|| (Mark::Problem, tr!(app.lang, "kiosk-entry-empty")));
            }
            if local && list.is_none() {
                return Some((Mark::Problem, tr!(app.lang, "kiosk-entry-district-unknown")));
            }
            let key = crate::edition::normalize_id(value);
            let earlier = form.fields[..index].iter().any(|f| {
                matches!(
                    (f.slot, local),
                    (Slot::Local(_), true) | (Slot::Citywide(_), false)
                ) && crate::edition::normalize_id(f.input.value()) == key
            });
            if earlier {
                return Some((Mark::Problem, tr!(app.lang, "kiosk-entry-project-repeated")));
            }
            match list.map(|l| l.find(value)) {
                Some(Some(p)) if focused => match form.waiting_for(edition) {
                    Some(longer) => Some((Mark::Ok, waiting_note(app, value, &longer, &p.title))),
                    None => Some((Mark::Ok, p.title.clone())),
                },
                Some(Some(p)) => Some((Mark::Ok, p.title.clone())),
                Some(None) => Some((Mark::Problem, tr!(app.lang, "kiosk-entry-no-such-project"))),
                None => None,
            }
        }
    }
}

/// A part of the card (local or city-wide) left wholly empty where the
/// edition does not require it and the other part is filled (Kraków 2021).
fn skipped_part(form: &CardForm, edition: &crate::edition::Edition, local: bool) -> bool {
    let b = edition.ballot;
    let required = if local {
        b.require_local
    } else {
        b.require_citywide
    };
    let blank = |of_local: bool| {
        form.fields.iter().all(|f| match f.slot {
            Slot::District | Slot::Local(_) => !of_local || f.input.value().trim().is_empty(),
            Slot::Citywide(_) => of_local || f.input.value().trim().is_empty(),
            _ => true,
        })
    };
    !required && blank(local) && !blank(!local)
}

/// Where a note's waiting hint starts (the text before it may be cut, the
/// hint never).
pub(super) const WAIT: &str = " · ⏎ ";

/// What a field that could still grow says: `Enter = 1 · 10–15 dalej`.
fn waiting_note(app: &App, typed: &str, longer: &[String], what: &str) -> String {
    // Arabic numbers, or Roman district numbers (`XII`–`XIV`).
    let numbers: Option<Vec<u32>> = longer
        .iter()
        .map(|l| l.parse().ok().or_else(|| roman::parse_district_number(l)))
        .collect();
    let range = match numbers {
        Some(n) if n.len() > 2 && n.windows(2).all(|w| w[1] == w[0] + 1) => {
            format!("{}–{}", longer[0], longer[longer.len() - 1])
        }
        _ if longer.len() > 4 => format!("{}, …", longer[..3].join(", ")),
        _ => longer.join(", "),
    };
    let hint = tr!(
        app.lang,
        "kiosk-entry-waiting",
        typed = typed,
        range = range
    );
    format!("{what}{WAIT}{hint}")
}

/// `text` cut to `width` characters, with `…` where it was cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut cut: String = text.chars().take(width - 1).collect();
    cut.push('…');
    cut
}

fn pesel_problem(lang: Lang, e: &PeselError) -> String {
    match e {
        PeselError::Empty => tr!(lang, "kiosk-entry-empty"),
        PeselError::Length(n) => tr!(lang, "kiosk-entry-pesel-length", n = *n),
        PeselError::NotDigit(_) => tr!(lang, "kiosk-entry-digits-only"),
        PeselError::NoSuchDate { .. } => tr!(lang, "kiosk-entry-no-such-birth-date"),
        PeselError::CheckDigit { .. } => tr!(lang, "kiosk-entry-wrong-check-digit"),
    }
}
