//! Typing a card, and its review before it is saved.
//!
//! The review separates the two things that can be wrong: a typing mistake
//! (Esc goes back to the field) and a defect of the paper card (F8 saves it,
//! deliberately, as an invalid card with its reasons). Enter saves only a
//! valid card, so nobody saves an invalid one by accident.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::InputRequest;

use super::form::{CardForm, FormEvent, SIGNED_NO, SIGNED_YES, Slot};
use super::keys::Action;
use super::{App, Message, Prompt, PromptKind, Work};
use crate::card::{Assessment, Reason};
use crate::edition::roman;
use crate::i18n::{self, Forms, Lang, count};
use crate::pesel::{Pesel, PeselError};
use crate::store::PriorCard;
use crate::store::journal::{Source, format_at};

pub struct EntryState {
    pub form: CardForm,
    /// The card being amended, if this is an amendment.
    pub amend: Option<String>,
    /// Earlier cards in this store with the PESEL typed.
    pub same_pesel: Vec<PriorCard>,
    pesel_looked_up: String,
    /// The review is shown and the card is valid (Enter saves it).
    pub review_valid: bool,
    /// Keys pressed on this card so far (operator statistics).
    pub keys: u32,
    /// The paper number of the card saved just before this one, shown
    /// large until this card is begun: the volunteer writes it on the paper.
    pub saved_number: Option<String>,
    /// A verification's title instead of the card's; no verdict is shown.
    pub verifying: Option<String>,
}

const YEARS: Forms = Forms {
    pl: ["rok", "lata", "lat"],
    en: ["year", "years"],
};

impl EntryState {
    pub fn new(store: &crate::store::Store) -> EntryState {
        EntryState {
            form: CardForm::new(store.edition()),
            amend: None,
            same_pesel: Vec::new(),
            pesel_looked_up: String::new(),
            review_valid: false,
            keys: 0,
            saved_number: None,
            verifying: None,
        }
    }

    /// An amendment of a stored card.
    pub fn amend(
        store: &crate::store::Store,
        card_id: &str,
        card: &crate::card::RawCard,
    ) -> EntryState {
        let mut state = EntryState::new(store);
        state.form = CardForm::from_card(store.edition(), card);
        state.amend = Some(card_id.to_string());
        state.refresh_same_pesel(store);
        state
    }

    /// Looks the PESEL up once it is complete.
    fn refresh_same_pesel(&mut self, store: &crate::store::Store) {
        let typed = self.form.value(Slot::Pesel).to_string();
        if typed == self.pesel_looked_up {
            return;
        }
        self.pesel_looked_up = typed.clone();
        self.same_pesel = if Pesel::parse(&typed).is_ok() {
            store
                .find_by_pesel(&typed)
                .unwrap_or_default()
                .into_iter()
                .filter(|p| Some(&p.card_id) != self.amend.as_ref())
                .collect()
        } else {
            Vec::new()
        };
    }
}

/// The field where a reason's problem is.
fn field_of(reason: Reason) -> Option<Slot> {
    Some(match reason {
        Reason::MissingFirstName => Slot::FirstName,
        Reason::MissingLastName => Slot::LastName,
        Reason::MissingAddress => Slot::Address,
        Reason::MissingPesel | Reason::PeselInvalid | Reason::Underage => Slot::Pesel,
        Reason::MissingSignature => Slot::Signed,
        Reason::NoDistrict | Reason::UnknownDistrict => Slot::District,
        Reason::LocalIncomplete | Reason::LocalDuplicate | Reason::LocalUnknownProject => {
            Slot::Local(0)
        }
        Reason::CitywideIncomplete | Reason::CitywideDuplicate | Reason::CitywideUnknownProject => {
            Slot::Citywide(0)
        }
        _ => return None,
    })
}

pub fn handle(
    app: &mut App,
    work: &mut Work,
    state: &mut EntryState,
    action: Option<Action>,
    key: KeyEvent,
) {
    state.keys = state.keys.saturating_add(1);
    handle_key(app, work, state, action, key);
    state.review_valid = state.form.reviewing
        && state
            .form
            .assess(app.store.edition(), app.day, app.store.rule_options())
            .is_valid();
}

fn handle_key(
    app: &mut App,
    work: &mut Work,
    state: &mut EntryState,
    action: Option<Action>,
    key: KeyEvent,
) {
    let edition = app.store.edition_shared();
    if state.form.reviewing {
        let assessment = state
            .form
            .assess(&edition, app.day, app.store.rule_options());
        match action {
            Some(Action::Back) => {
                let first = assessment.reasons.iter().find_map(|r| field_of(*r));
                state.form.reviewing = false;
                state.form.focus_on(first.unwrap_or(Slot::FirstName));
                // Enter or Esc on the fixed field comes straight back here.
                state.form.from_review = true;
                work.message = None;
            }
            Some(Action::Confirm) if assessment.is_valid() => save(app, work, state),
            Some(Action::Confirm) => {
                work.message = Some(Message::Problem(
                    app.t(
                        "Karta ma błędy: literówka → Esc; wada karty → F8 (zapisz jako nieważną).",
                        "The card has problems: a typo → Esc; a card defect → F8 (save as invalid).",
                    )
                    .into(),
                ));
            }
            Some(Action::SaveInvalid) if !assessment.is_valid() => save(app, work, state),
            Some(Action::SaveInvalid) => {
                work.message = Some(Message::Problem(
                    app.t(
                        "Karta jest ważna — zapisuje ją Enter.",
                        "The card is valid — Enter saves it.",
                    )
                    .into(),
                ));
            }
            Some(Action::MarkIllegible) => toggle(&mut state.form, Reason::Illegible),
            Some(Action::MarkWrongRubric) => toggle(&mut state.form, Reason::WrongRubric),
            _ => {}
        }
        return;
    }
    match action {
        Some(Action::Next) => {
            state.form.next(&edition);
        }
        Some(Action::Prev) => {
            state.form.prev(&edition);
        }
        Some(Action::Back) => {
            state.form.back_to_review();
        }
        Some(Action::ClearField) => state.form.clear_field(),
        _ => match key.code {
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                let event = state.form.type_char(c, &edition);
                // The review replaces the last card's message.
                work.message = work.message.take().filter(|_| event != FormEvent::Complete);
            }
            KeyCode::Backspace => {
                state.form.backspace(&edition);
            }
            KeyCode::Delete => state.form.edit(InputRequest::DeleteNextChar),
            KeyCode::Left => state.form.edit(InputRequest::GoToPrevChar),
            KeyCode::Right => state.form.edit(InputRequest::GoToNextChar),
            KeyCode::Home => state.form.edit(InputRequest::GoToStart),
            KeyCode::End => state.form.edit(InputRequest::GoToEnd),
            _ => {}
        },
    }
    state.refresh_same_pesel(&app.store);
}

fn toggle(form: &mut CardForm, mark: Reason) {
    if !form.marks.remove(&mark) {
        form.marks.insert(mark);
    }
}

fn save(app: &mut App, work: &mut Work, state: &mut EntryState) {
    let raw = state.form.raw(app.day);
    if let Some(card_id) = &state.amend {
        work.prompt = Some(Prompt::new(
            PromptKind::AmendReason {
                card_id: card_id.clone(),
                card: Box::new(raw),
            },
            app.t(
                "Powód poprawki (zostaje w dzienniku razem z oryginałem):",
                "Reason for the amendment (kept in the journal with the original):",
            ),
            "",
        ));
        return;
    }
    match app.store.enter_card_counted(
        raw.clone(),
        &work.operator.name,
        Source::Kiosk,
        Some(state.keys),
    ) {
        Ok(saved) => {
            app.card_saved();
            let verdict = if saved.assessment.is_valid() {
                app.t("ważna", "valid").to_string()
            } else {
                format!(
                    "{}: {}",
                    app.t("NIEWAŻNA", "INVALID"),
                    reason_words(app.lang, &saved.assessment.reasons)
                )
            };
            let flagged = if saved.same_pesel.is_empty() {
                String::new()
            } else {
                app.t(
                    " · oznaczona: powtórzony PESEL",
                    " · flagged: repeated PESEL",
                )
                .to_string()
            };
            work.message = Some(Message::Info(format!(
                "{} {} ({verdict}{flagged}) — {}",
                app.t("Zapisano kartę", "Saved card"),
                saved.card_id,
                summary(app.store.edition(), &raw)
            )));
            *state = EntryState::new(&app.store);
            state.saved_number = Some(crate::store::verify::card_number(&saved.card_id));
        }
        Err(e) => {
            work.message = Some(Message::Problem(format!(
                "{}: {}",
                app.t("NIE ZAPISANO", "NOT SAVED"),
                e.describe(app.lang)
            )));
        }
    }
}

/// Reasons in words of the kiosk's language.
fn reason_words(lang: Lang, reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(|r| i18n::reason(lang, *r))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One line of what a card says, for the message after saving; the district
/// as the edition writes it (`XI`, whatever was typed).
fn summary(edition: &crate::edition::Edition, raw: &crate::card::RawCard) -> String {
    let mut s = format!("{} {}", raw.last_name, raw.first_name);
    if !raw.district.is_empty() {
        let district = edition
            .parse_district(&raw.district)
            .map_or_else(|| raw.district.clone(), |d| roman::to_roman(d.number));
        s.push_str(&format!(", {district}: {}", raw.local.join(",")));
    }
    s.push_str(&format!(" / {}", raw.citywide.join(",")));
    s
}

/// What a note beside a rubric means; shown as a symbol, never colour alone.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Ok,
    Problem,
    Hint,
}

/// What the field beside a rubric says.
fn note(app: &App, state: &EntryState, index: usize) -> Option<(Mark, String)> {
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
const WAIT: &str = " · ⏎ ";

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
        (PeselError::Empty, Lang::Pl) => "puste".into(),
        (PeselError::Empty, Lang::En) => "empty".into(),
        (PeselError::Length(n), Lang::Pl) => format!("{n} cyfr zamiast 11"),
        (PeselError::Length(n), Lang::En) => format!("{n} digits instead of 11"),
        (PeselError::NotDigit(_), Lang::Pl) => "tylko cyfry".into(),
        (PeselError::NotDigit(_), Lang::En) => "digits only".into(),
        (PeselError::NoSuchDate { .. }, Lang::Pl) => "nie ma takiej daty urodzenia".into(),
        (PeselError::NoSuchDate { .. }, Lang::En) => "no such birth date".into(),
        (PeselError::CheckDigit { .. }, Lang::Pl) => "zła cyfra kontrolna".into(),
        (PeselError::CheckDigit { .. }, Lang::En) => "wrong check digit".into(),
    }
}

pub(super) fn label(app: &App, slot: Slot) -> String {
    let b = app.store.edition().ballot;
    match slot {
        Slot::FirstName => app.t("Imię", "First name").into(),
        Slot::LastName => app.t("Nazwisko", "Surname").into(),
        Slot::Address => app.t("Adres", "Address").into(),
        Slot::Pesel => "PESEL".into(),
        Slot::Signed => app.t("Podpis", "Signature").into(),
        Slot::District => app.t("Dzielnica", "District").into(),
        Slot::Local(i) => pick_label(app, app.t("Lokalne", "Local"), b.local_picks, i),
        Slot::Citywide(i) => pick_label(app, app.t("Miejskie", "City"), b.citywide_picks, i),
    }
}

/// `Lokalne  5 pkt` on the first pick of a part, `         4 pkt` below it.
fn pick_label(app: &App, part: &str, picks: u32, index: usize) -> String {
    let points = picks as usize - index;
    let part = if index == 0 { part } else { "" };
    format!("{part:<9}{points} {}", points_word(app, points))
}

/// "pkt" in Polish whatever the number; "pt"/"pts" in English.
fn points_word(app: &App, n: usize) -> &'static str {
    match (app.lang, n) {
        (Lang::Pl, _) => "pkt",
        (Lang::En, 1) => "pt",
        (Lang::En, _) => "pts",
    }
}

fn width_of(slot: Slot) -> usize {
    match slot {
        Slot::FirstName | Slot::LastName => 22,
        Slot::Address => 40,
        Slot::Pesel => 13,
        Slot::Signed => 1,
        Slot::District => 5,
        Slot::Local(_) | Slot::Citywide(_) => 5,
    }
}

pub(super) fn shown_value(slot: Slot, value: &str, app: &App) -> String {
    match (slot, value) {
        (Slot::Signed, SIGNED_YES) => app.t("t", "y").into(),
        (Slot::Signed, SIGNED_NO) => "n".into(),
        _ => value.to_string(),
    }
}

pub fn render(app: &App, _work: &Work, state: &EntryState, frame: &mut Frame, area: Rect) {
    let form = &state.form;
    let edition = app.store.edition();
    let title = match (&state.amend, form.reviewing) {
        _ if state.verifying.is_some() => state.verifying.clone().unwrap_or_default(),
        (Some(id), _) => format!(" {} {id} ", app.t("Poprawa karty", "Amending card")),
        (None, true) => app
            .t(" Przegląd karty przed zapisem ", " Review before saving ")
            .to_string(),
        (None, false) => app.t(" Karta do głosowania ", " Voting card ").to_string(),
    };
    let block = Block::default().borders(Borders::TOP).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = (form.fields.len() as u16).min(inner.height);
    let [fields_area, below] =
        Layout::vertical([Constraint::Length(rows), Constraint::Min(0)]).areas(inner);

    let label_width = 17usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut cursor = None;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus && !form.reviewing;
        let active = form.is_active(i, edition);
        let w = width_of(field.slot);
        let mut value = shown_value(field.slot, field.input.value(), app);
        if focused && form.waiting_for(edition).is_some() {
            // Still waiting: Enter takes it as it is, a digit makes it longer.
            value.push('…');
        }
        let shown: String = if active {
            let visible: String = if focused {
                // The end, where the cursor is.
                value
                    .chars()
                    .rev()
                    .take(w)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect()
            } else {
                // The start, cut with `…`: the review reads from the left.
                fit(&value, w)
            };
            format!("[{visible:<w$}]")
        } else {
            format!(" {:<w$} ", "—")
        };
        let marker = if focused { "▶" } else { " " };
        let shown_width = shown.chars().count();
        let mut spans = vec![
            Span::raw(format!("{marker}{:<label_width$}", label(app, field.slot))),
            Span::styled(
                shown,
                if focused {
                    Style::default().add_modifier(Modifier::REVERSED)
                } else {
                    Style::default()
                },
            ),
        ];
        if let Some((mark, text)) = note(app, state, i) {
            let mark = match mark {
                Mark::Ok => "✓ ",
                Mark::Problem => "✗ ",
                Mark::Hint => "",
            };
            let used = 1 + label_width + shown_width + 1 + mark.chars().count();
            let room = (fields_area.width as usize).saturating_sub(used);
            let text = match text.split_once(WAIT) {
                Some((what, hint)) => {
                    let hint = format!(" · {hint}");
                    let left = room.saturating_sub(hint.chars().count());
                    format!("{}{hint}", fit(what, left))
                }
                None => fit(&text, room),
            };
            spans.push(Span::raw(format!(" {mark}{text}")));
        }
        if focused {
            let visual = field.input.visual_cursor().min(w);
            cursor = Some((
                fields_area.x + 1 + label_width as u16 + 1 + visual as u16,
                fields_area.y + lines.len() as u16,
            ));
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), fields_area);
    let mut notes: Vec<Line> = Vec::new();
    if form.reviewing && state.verifying.is_none() {
        let assessment = form.assess(edition, app.day, app.store.rule_options());
        notes.extend(verdict_lines(app, &assessment, form));
    }
    for p in &state.same_pesel {
        let at = format_at(&p.at, "%Y-%m-%d %H:%M");
        notes.push(Line::from(Span::styled(
            match app.lang {
                Lang::Pl => format!(
                    "! Ten PESEL jest już na karcie {} ({}, {at}). Można zapisać — karta zostanie oznaczona.",
                    p.card_id, p.operator
                ),
                Lang::En => format!(
                    "! This PESEL is already on card {} ({}, {at}). It can be saved — it will be flagged.",
                    p.card_id, p.operator
                ),
            },
            Style::default().add_modifier(Modifier::BOLD),
        )));
    }
    frame.render_widget(Paragraph::new(notes).wrap(Wrap { trim: false }), below);
    if let Some(number) = state.saved_number.as_ref().filter(|_| form.is_blank()) {
        render_number(app, number, frame, below);
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

/// The saved card's paper number, boxed and bold, for the volunteer to copy
/// onto the paper card.
fn render_number(app: &App, number: &str, frame: &mut Frame, area: Rect) {
    let text = format!(
        "{} {number}",
        app.t("Wpisz na karcie:", "Write on the card:")
    );
    let width = (text.chars().count() as u16 + 6).min(area.width);
    let rect = Rect {
        width,
        height: area.height.min(3),
        ..area
    };
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let line = Line::from(vec![
        Span::styled(
            format!(" {} ", app.t("Wpisz na karcie:", "Write on the card:")),
            bold,
        ),
        Span::styled(format!(" {number} "), bold.add_modifier(Modifier::REVERSED)),
    ]);
    frame.render_widget(
        Paragraph::new(line).block(Block::default().borders(Borders::ALL)),
        rect,
    );
}

fn verdict_lines<'a>(app: &App, a: &Assessment, form: &CardForm) -> Vec<Line<'a>> {
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let marks = if form.marks.is_empty() {
        String::new()
    } else {
        format!(
            " [{}: {}]",
            app.t("zaznaczono", "marked"),
            form.marks
                .iter()
                .map(|m| i18n::reason_short(app.lang, *m))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    if a.is_valid() {
        vec![Line::from(Span::styled(
            format!(
                "✓ {}{marks}",
                app.t(
                    "KARTA WAŻNA — Enter zapisuje, Esc wraca do poprawek.",
                    "VALID CARD — Enter saves, Esc goes back to correct."
                )
            ),
            bold,
        ))]
    } else {
        let reasons: Vec<String> = a
            .reasons
            .iter()
            .map(|r| i18n::reason(app.lang, *r).to_string())
            .collect();
        vec![
            Line::from(Span::styled(
                format!(
                    "✗ {} {}{marks}",
                    app.t("KARTA NIEWAŻNA:", "INVALID CARD:"),
                    reasons.join("; ")
                ),
                bold,
            )),
            Line::from(app.t(
                "Literówka → Esc i popraw.  Wada papierowej karty → F8: zapisz jako NIEWAŻNĄ.",
                "A typo → Esc and fix it.  A defect of the paper card → F8: save as INVALID.",
            )),
        ]
    }
}
