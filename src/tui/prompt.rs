//! The one-line question over a screen: asking it, its answers, and drawing it.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use tui_input::Input;

use super::keys::{self, Action, Scope};
use super::{App, Message, Screen, Work, cards, edit_input, entry, footer_line};
use crate::store::Role;
use crate::tr;

/// A one-line question over the current screen.
pub struct Prompt {
    pub kind: PromptKind,
    pub question: String,
    pub input: Input,
    pub error: Option<String>,
}

pub enum PromptKind {
    AmendReason {
        card_id: String,
        card: Box<crate::card::RawCard>,
    },
    VoidReason {
        card_id: String,
    },
    Day,
    Stop,
    /// A yes/no question: `t`/`y` is yes, `n` or Esc is no.
    Confirm(Confirm),
}

/// What a yes/no question decides.
pub enum Confirm {
    /// F2 or Ctrl-K on a half-typed card.
    DiscardCard,
    /// F2 or Ctrl-K while amending a card.
    DiscardAmendment,
    /// F10: a day outside the edition's voting window.
    DayOutside(NaiveDate),
    /// At login: the day set is outside the edition's voting window.
    LoginDayOutside,
}

impl App {
    /// The yes/no question about a day outside the voting window.
    pub(super) fn day_question(&self, kind: Confirm, day: NaiveDate) -> Prompt {
        let question = tr!(
            self.lang,
            "kiosk-prompt-day-outside",
            day = day.to_string(),
            window = self.window_text()
        );
        Prompt::new(PromptKind::Confirm(kind), &question, "")
    }

    pub(super) fn handle_prompt(&mut self, work: &mut Work, key: KeyEvent) {
        let Some(mut prompt) = work.prompt.take() else {
            return;
        };
        if let PromptKind::Confirm(confirm) = &prompt.kind {
            match keys::action(Scope::Confirm, false, &key) {
                Some(Action::Yes) => self.confirmed(work, confirm, true),
                Some(Action::No) => self.confirmed(work, confirm, false),
                _ => work.prompt = Some(prompt),
            }
            return;
        }
        match keys::action(Scope::Prompt, false, &key) {
            Some(Action::Back) => {
                work.message = Some(Message::Info(tr!(self.lang, "kiosk-prompt-cancelled")));
                return;
            }
            Some(Action::Confirm) => {
                let answer = prompt.input.value().trim().to_string();
                match self.answer(work, &prompt.kind, &answer) {
                    Ok(None) => {}
                    Ok(Some(next)) => work.prompt = Some(next),
                    Err(problem) => {
                        prompt.error = Some(problem);
                        work.prompt = Some(prompt);
                    }
                }
                return;
            }
            _ => edit_input(&mut prompt.input, key),
        }
        work.prompt = Some(prompt);
    }

    /// Carries out a confirmed prompt; `Err` keeps the prompt open with a reason.
    fn answer(
        &mut self,
        work: &mut Work,
        kind: &PromptKind,
        answer: &str,
    ) -> Result<Option<Prompt>, String> {
        let who = work.operator.name.clone();
        match kind {
            PromptKind::Day => {
                let day: NaiveDate = answer.parse().map_err(|_| {
                    tr!(self.lang, "kiosk-prompt-not-a-yyyy-mm-dd-date").to_string()
                })?;
                if self.outside_window(day) {
                    return Ok(Some(self.day_question(Confirm::DayOutside(day), day)));
                }
                self.set_day(work, day)
            }
            PromptKind::Confirm(_) => Ok(None),
            PromptKind::Stop => {
                if answer.is_empty() {
                    return Err(tr!(self.lang, "kiosk-prompt-type-the-stop"));
                }
                self.store
                    .set_stop(answer, &who)
                    .map_err(|e| e.describe(self.lang))?;
                self.stop = Some(answer.to_string());
                work.message = Some(Message::Info(tr!(
                    self.lang,
                    "kiosk-prompt-stop-set",
                    stop = answer
                )));
                Ok(None)
            }
            PromptKind::VoidReason { card_id } => {
                if answer.is_empty() {
                    return Err(tr!(self.lang, "kiosk-prompt-give-a-reason"));
                }
                self.store
                    .void_card(card_id, &who, answer)
                    .map_err(|e| e.describe(self.lang))?;
                work.message = Some(Message::Info(tr!(
                    self.lang,
                    "kiosk-prompt-voided",
                    card = card_id.as_str()
                )));
                work.screen = Screen::Cards(cards::CardsState::new(self));
                Ok(None)
            }
            PromptKind::AmendReason { card_id, card } => {
                if answer.is_empty() {
                    return Err(tr!(self.lang, "kiosk-prompt-give-a-reason"));
                }
                let saved = self
                    .store
                    .amend_card(card_id, (**card).clone(), &who, answer)
                    .map_err(|e| e.describe(self.lang))?;
                let valid = if saved.assessment.is_valid() {
                    "yes"
                } else {
                    "no"
                };
                work.message = Some(Message::Info(tr!(
                    self.lang,
                    "kiosk-prompt-amended",
                    card = card_id.as_str(),
                    valid = valid
                )));
                work.screen = Screen::Cards(cards::CardsState::new(self));
                Ok(None)
            }
        }
    }

    /// Sets the voting day (asked and, outside the window, confirmed), then
    /// at a mobile point asks for the stop.
    fn set_day(&mut self, work: &mut Work, day: NaiveDate) -> Result<Option<Prompt>, String> {
        let who = work.operator.name.clone();
        self.store
            .set_day(day, &who)
            .map_err(|e| e.describe(self.lang))?;
        self.day = day;
        let day_text = day.to_string();
        work.message = Some(Message::Info(if self.outside_window(day) {
            tr!(self.lang, "kiosk-prompt-day-set-outside", day = day_text)
        } else {
            tr!(self.lang, "kiosk-prompt-day-set", day = day_text)
        }));
        if self.store.point().mobile {
            return Ok(Some(Prompt::new(
                PromptKind::Stop,
                tr!(self.lang, "kiosk-prompt-stop-question"),
                self.stop.as_deref().unwrap_or(""),
            )));
        }
        Ok(None)
    }

    /// A yes/no question answered.
    fn confirmed(&mut self, work: &mut Work, confirm: &Confirm, yes: bool) {
        match (confirm, yes) {
            (Confirm::DiscardCard, true) => {
                work.screen = Screen::Entry(entry::EntryState::new(&self.store));
                work.message = Some(Message::Info(tr!(
                    self.lang,
                    "kiosk-prompt-card-thrown-away"
                )));
            }
            (Confirm::DiscardAmendment, true) => {
                work.amending = None;
                let (screen, message) = work.resume(self);
                work.screen = screen;
                work.message = message.or_else(|| {
                    Some(Message::Info(tr!(
                        self.lang,
                        "kiosk-prompt-amendment-dropped"
                    )))
                });
            }
            (Confirm::DiscardCard | Confirm::DiscardAmendment, false) => {
                work.message = Some(Message::Info(tr!(self.lang, "kiosk-prompt-the-card-stays")));
            }
            (Confirm::DayOutside(day), true) => match self.set_day(work, *day) {
                Ok(next) => work.prompt = next,
                Err(e) => work.message = Some(Message::Problem(e)),
            },
            (Confirm::DayOutside(_), false) => {
                work.prompt = Some(Prompt::new(
                    PromptKind::Day,
                    tr!(self.lang, "kiosk-day-question"),
                    &self.day.to_string(),
                ));
            }
            (Confirm::LoginDayOutside, true) => {
                work.message = Some(Message::Info(tr!(
                    self.lang,
                    "kiosk-prompt-day-set-outside",
                    day = self.day.to_string()
                )));
            }
            (Confirm::LoginDayOutside, false) if work.operator.role == Role::Coordinator => {
                work.prompt = Some(Prompt::new(
                    PromptKind::Day,
                    tr!(self.lang, "kiosk-day-question"),
                    &self.store.edition().voting_start.to_string(),
                ));
            }
            (Confirm::LoginDayOutside, false) => {
                work.message = Some(Message::Problem(tr!(
                    self.lang,
                    "kiosk-prompt-ask-coordinator"
                )));
            }
        }
    }
}

impl Prompt {
    pub(super) fn new(kind: PromptKind, question: impl Into<String>, value: &str) -> Prompt {
        Prompt {
            kind,
            question: question.into(),
            input: Input::new(value.to_string()),
            error: None,
        }
    }
}

/// How many rows `text` takes wrapped at word boundaries into `width`.
fn wrapped_rows(text: &str, width: usize) -> u16 {
    let mut rows = 1u16;
    let mut used = 0usize;
    for word in text.split(' ') {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > width {
            rows += 1;
            used = len;
        } else {
            used += len + usize::from(used > 0);
        }
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

pub(super) fn render_prompt(app: &App, prompt: &Prompt, frame: &mut Frame, area: Rect) {
    let width = area.width.saturating_sub(4).min(76);
    let confirm = matches!(prompt.kind, PromptKind::Confirm(_));
    let inner_width = width.saturating_sub(2).max(1) as usize;
    // The question wrapped, the answer line, an error, the keys.
    let question_rows = wrapped_rows(&prompt.question, inner_width);
    let rows = question_rows + u16::from(!confirm) + u16::from(prompt.error.is_some()) + 1;
    let height = (rows + 2).min(area.height);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + area.height.saturating_sub(height) / 2,
        width,
        height,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr!(app.lang, "kiosk-prompt-question"));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut lines = vec![Line::from(prompt.question.clone())];
    if !confirm {
        lines.push(Line::from(format!("> {}", prompt.input.value())));
    }
    if let Some(e) = &prompt.error {
        lines.push(Line::from(format!("✗ {e}")));
    }
    let scope = if confirm {
        Scope::Confirm
    } else {
        Scope::Prompt
    };
    lines.push(footer_line(app.lang, scope, inner.width));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    if !confirm {
        let x = inner.x + 2 + prompt.input.visual_cursor() as u16;
        frame.set_cursor_position((
            x.min(inner.right().saturating_sub(1)),
            inner.y + question_rows,
        ));
    }
}
