//! Typing a card, and its review before it is saved.
//!
//! The review separates the two things that can be wrong: a typing mistake
//! (Esc goes back to the field) and a defect of the paper card (F8 saves it,
//! deliberately, as an invalid card with its reasons). Enter saves only a
//! valid card, so nobody saves an invalid one by accident.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

use super::form::{CardForm, FormEvent, Slot};
use super::keys::Action;
use super::{App, Message, Prompt, PromptKind, Work};
use crate::card::Reason;
use crate::edition::roman;
use crate::i18n::{self, Lang};
use crate::pesel::Pesel;
use crate::store::PriorCard;
use crate::store::journal::Source;
use crate::tr;

pub use super::entry_notes::fit;
pub use super::entry_render::render;
pub(super) use super::entry_render::{label, shown_value};

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
                work.message = Some(Message::Problem(tr!(app.lang, "kiosk-entry-enter-refused")));
            }
            Some(Action::SaveInvalid) if !assessment.is_valid() => save(app, work, state),
            Some(Action::SaveInvalid) => {
                work.message = Some(Message::Problem(tr!(app.lang, "kiosk-entry-f8-refused")));
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
            tr!(app.lang, "kiosk-entry-amend-reason"),
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
            let mut verdict = if saved.assessment.is_valid() {
                tr!(app.lang, "kiosk-cards-valid")
            } else {
                let reasons = reason_words(app.lang, &saved.assessment.reasons);
                tr!(app.lang, "kiosk-cards-invalid-because", reasons = reasons)
            };
            if !saved.same_pesel.is_empty() {
                verdict.push_str(&tr!(app.lang, "kiosk-entry-flagged-repeated-pesel"));
            }
            work.message = Some(Message::Info(tr!(
                app.lang,
                "kiosk-entry-saved",
                card = saved.card_id.as_str(),
                verdict = verdict,
                summary = summary(app.store.edition(), &raw)
            )));
            *state = EntryState::new(&app.store);
            state.saved_number = Some(crate::store::verify::card_number(&saved.card_id));
        }
        Err(e) => {
            work.message = Some(Message::Problem(tr!(
                app.lang,
                "kiosk-not-saved",
                error = e.describe(app.lang)
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
