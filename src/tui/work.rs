//! A session's screens: switching between them, the card kept aside, the key scope.

use super::keys::Scope;
use super::{App, Message, PromptKind, Screen, Work, entry};
use crate::store::{Operator, Role, Status};
use crate::tr;

impl Work {
    pub(super) fn new(operator: Operator, app: &App) -> Work {
        Work {
            operator,
            screen: Screen::Entry(entry::EntryState::new(&app.store)),
            help: false,
            prompt: None,
            message: None,
            draft: None,
            amending: None,
        }
    }

    pub(super) fn placeholder() -> Work {
        Work {
            operator: Operator {
                name: String::new(),
                role: Role::Volunteer,
            },
            screen: Screen::Summary(Box::<Status>::default(), Vec::new()),
            help: false,
            prompt: None,
            message: None,
            draft: None,
            amending: None,
        }
    }

    /// Keeps the card on screen (new or amended) aside while another
    /// screen is shown.
    pub(super) fn stash(&mut self) {
        let screen = std::mem::replace(
            &mut self.screen,
            Screen::Summary(Box::<Status>::default(), Vec::new()),
        );
        match screen {
            Screen::Entry(state) if state.amend.is_some() => self.amending = Some(state),
            Screen::Entry(state) => self.draft = Some(state),
            other => self.screen = other,
        }
    }

    /// Shows another screen; the card being typed waits.
    pub fn show(&mut self, screen: Screen) {
        self.stash();
        self.screen = screen;
    }

    /// The card screen again: the amendment or the new card that was being
    /// typed, or an empty card; with a line saying a card came back.
    pub fn resume(&mut self, app: &App) -> (Screen, Option<Message>) {
        if let Some(state) = self.amending.take().or_else(|| self.draft.take()) {
            let back = (!state.form.is_blank() || state.amend.is_some())
                .then(|| Message::Info(tr!(app.lang, "kiosk-card-back")));
            return (Screen::Entry(state), back);
        }
        (Screen::Entry(entry::EntryState::new(&app.store)), None)
    }

    /// The district typed on the card being entered, if it names one.
    pub(super) fn typed_district(&self, app: &App) -> Option<u32> {
        let state = match &self.screen {
            Screen::Entry(state) => Some(state),
            _ => self.amending.as_ref().or(self.draft.as_ref()),
        }?;
        state.form.district(app.store.edition()).map(|d| d.number)
    }

    /// The key scope of what is on screen.
    pub fn scope(&self) -> Scope {
        if let Some(prompt) = &self.prompt {
            return if matches!(prompt.kind, PromptKind::Confirm(_)) {
                Scope::Confirm
            } else {
                Scope::Prompt
            };
        }
        match &self.screen {
            Screen::Entry(state) if state.form.reviewing && !state.review_valid => {
                Scope::ReviewInvalid
            }
            Screen::Entry(state) if state.form.reviewing => Scope::Review,
            Screen::Entry(_) => Scope::Entry,
            Screen::Cards(state) if state.open.is_some() => Scope::CardDetail,
            Screen::Cards(_) => Scope::Cards,
            Screen::Summary(..) | Screen::Projects(_) => Scope::View,
            Screen::Export(state) if state.done.is_some() => Scope::View,
            Screen::Export(_) => Scope::Export,
            Screen::Verify(state) => state.scope(),
        }
    }
}
