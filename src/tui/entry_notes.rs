//! The note beside each rubric of the card being typed: what is wrong, what is
//! still awaited, and the PESEL's problems in words.

use super::App;
use super::entry::EntryState;
use super::form::{CardForm, SIGNED_NO, SIGNED_YES, Slot};
use crate::edition::roman;
use crate::i18n::{Forms, Lang, count};
use crate::pesel::{Pesel, PeselError};

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
            Slot::Signed => app.t("tylko t (tak) albo n (nie)", "only y (yes) or n (no)"),
            Slot::Pesel if c.is_ascii_digit() && digits >= 11 => app.t(
                "PESEL ma 11 cyfr — 12. cyfra nie weszła",
                "a PESEL has 11 digits — the 12th was not taken",
            ),
            _ => app.t("tylko cyfry", "digits only"),
        };
        return Some((Mark::Problem, text.into()));
    }
    let skipped = |local: bool| skipped_part(form, edition, local);
    match field.slot {
        Slot::FirstName | Slot::LastName | Slot::Address => {
            (value.is_empty() && passed).then(|| (Mark::Problem, app.t("puste", "empty").into()))
        }
        Slot::Pesel => {
            if value.is_empty() {
                return passed.then(|| (Mark::Problem, app.t("puste", "empty").into()));
            }
            match Pesel::parse(value) {
                Ok(p) => {
                    let age = p.age_on(app.day);
                    let born = format!("{} {}", app.t("ur.", "born"), p.birth_date());
                    match age {
                        Some(a) if a >= edition.min_age => Some((
                            Mark::Ok,
                            format!("{born}, {}", count(lang, a as u64, &YEARS)),
                        )),
                        Some(a) => Some((
                            Mark::Problem,
                            format!(
                                "{born}, {} — {} {}",
                                count(lang, a as u64, &YEARS),
                                app.t("poniżej", "under"),
                                edition.min_age
                            ),
                        )),
                        None => Some((
                            Mark::Problem,
                            format!("{born} — {}", app.t("jeszcze nie urodzony", "not yet born")),
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
            SIGNED_YES => Some((Mark::Ok, app.t("tak", "yes").into())),
            SIGNED_NO => Some((
                Mark::Problem,
                app.t("nie — brak podpisu", "no — not signed").into(),
            )),
            _ => Some((
                Mark::Hint,
                app.t("t — tak, n — nie", "y — yes, n — no").into(),
            )),
        },
        Slot::District => {
            if value.is_empty() && skipped(true) {
                return passed.then(|| {
                    (
                        Mark::Hint,
                        app.t(
                            "część lokalna pusta — na tej karcie nieobowiązkowa",
                            "local part left empty — optional on this card",
                        )
                        .into(),
                    )
                });
            }
            if value.is_empty() {
                return passed.then(|| (Mark::Problem, app.t("puste", "empty").into()));
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
                None => Some((
                    Mark::Problem,
                    app.t("nie ma takiej dzielnicy", "no such district").into(),
                )),
            }
        }
        Slot::Local(_) | Slot::Citywide(_) => {
            let local = matches!(field.slot, Slot::Local(_));
            if !form.is_active(index, edition) {
                return Some((
                    Mark::Hint,
                    app.t(
                        "(dzielnica ma mniej zadań)",
                        "(the district has fewer projects)",
                    )
                    .into(),
                ));
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
                return passed.then(|| (Mark::Problem, app.t("puste", "empty").into()));
            }
            if local && list.is_none() {
                return Some((
                    Mark::Problem,
                    app.t(
                        "dzielnica nieznana — numeru nie da się sprawdzić",
                        "district unknown — the number cannot be checked",
                    )
                    .into(),
                ));
            }
            let key = crate::edition::normalize_id(value);
            let earlier = form.fields[..index].iter().any(|f| {
                matches!(
                    (f.slot, local),
                    (Slot::Local(_), true) | (Slot::Citywide(_), false)
                ) && crate::edition::normalize_id(f.input.value()) == key
            });
            if earlier {
                return Some((
                    Mark::Problem,
                    app.t("powtórzone zadanie", "project repeated").into(),
                ));
            }
            match list.map(|l| l.find(value)) {
                Some(Some(p)) if focused => match form.waiting_for(edition) {
                    Some(longer) => Some((Mark::Ok, waiting_note(app, value, &longer, &p.title))),
                    None => Some((Mark::Ok, p.title.clone())),
                },
                Some(Some(p)) => Some((Mark::Ok, p.title.clone())),
                Some(None) => Some((
                    Mark::Problem,
                    app.t("nie ma takiego zadania", "no such project").into(),
                )),
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
    format!(
        "{what}{WAIT}Enter = {typed} · {range} {}",
        app.t("dalej", "type on")
    )
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
    match (e, lang) {
        (PeselError::Empty, Lang::Pl | Lang::Uk) => "puste".into(),
        (PeselError::Empty, Lang::En) => "empty".into(),
        (PeselError::Length(n), Lang::Pl | Lang::Uk) => format!("{n} cyfr zamiast 11"),
        (PeselError::Length(n), Lang::En) => format!("{n} digits instead of 11"),
        (PeselError::NotDigit(_), Lang::Pl | Lang::Uk) => "tylko cyfry".into(),
        (PeselError::NotDigit(_), Lang::En) => "digits only".into(),
        (PeselError::NoSuchDate { .. }, Lang::Pl | Lang::Uk) => {
            "nie ma takiej daty urodzenia".into()
        }
        (PeselError::NoSuchDate { .. }, Lang::En) => "no such birth date".into(),
        (PeselError::CheckDigit { .. }, Lang::Pl | Lang::Uk) => "zła cyfra kontrolna".into(),
        (PeselError::CheckDigit { .. }, Lang::En) => "wrong check digit".into(),
    }
}
