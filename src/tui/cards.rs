//! Today's cards: the list of the voting day's cards, searched by PESEL or
//! surname as you type, and one card opened. A coordinator amends (the card
//! goes back into the form; the original stays in the journal) or voids it,
//! always with a reason.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_input::Input;

use super::entry::EntryState;
use super::keys::Action;
use super::{App, Message, Prompt, PromptKind, Screen, Work, edit_input};
use crate::card::RawCard;
use crate::i18n;
use crate::pesel;
use crate::store::journal::{Event, format_at};
use crate::store::{CardQuery, CardRow, Role};
use crate::tr;

/// How many cards the list holds at once (search narrows it).
const LIMIT: usize = 500;

pub struct CardsState {
    pub search: Input,
    pub rows: Vec<CardRow>,
    pub selected: usize,
    /// The row opened for a closer look.
    pub open: Option<usize>,
    pub error: Option<String>,
}

impl CardsState {
    pub fn new(app: &App) -> CardsState {
        let mut state = CardsState {
            search: Input::default(),
            rows: Vec::new(),
            selected: 0,
            open: None,
            error: None,
        };
        state.reload(app);
        state
    }

    fn reload(&mut self, app: &App) {
        match app.store.cards(&CardQuery {
            day: Some(app.day),
            text: self.search.value().to_string(),
            limit: LIMIT,
        }) {
            Ok(rows) => {
                self.rows = rows;
                self.error = None;
            }
            Err(e) => self.error = Some(e.describe(app.lang)),
        }
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
    }
}

pub fn handle(
    app: &mut App,
    work: &mut Work,
    state: &mut CardsState,
    action: Option<Action>,
    key: KeyEvent,
) -> Option<Screen> {
    if let Some(open) = state.open {
        let row = state.rows.get(open)?.clone();
        let coordinator = work.operator.role == Role::Coordinator;
        match action {
            Some(Action::Back) => state.open = None,
            Some(Action::Amend | Action::Void) if !coordinator => {
                work.message = Some(Message::Problem(tr!(
                    app.lang,
                    "kiosk-cards-coordinator-only"
                )));
            }
            Some(Action::Amend) => {
                let Some(card) = &row.card else {
                    work.message = Some(Message::Problem(tr!(
                        app.lang,
                        "kiosk-cards-the-card-is-voided"
                    )));
                    return None;
                };
                work.message = None;
                return Some(Screen::Entry(EntryState::amend(
                    &app.store,
                    &row.card_id,
                    card,
                )));
            }
            Some(Action::Void) if row.kind == "voided" => {
                work.message = Some(Message::Problem(tr!(
                    app.lang,
                    "kiosk-cards-the-card-is-already-voided"
                )));
            }
            Some(Action::Void) => {
                work.prompt = Some(Prompt::new(
                    PromptKind::VoidReason {
                        card_id: row.card_id.clone(),
                    },
                    tr!(app.lang, "kiosk-cards-void-reason"),
                    "",
                ));
            }
            _ => {}
        }
        return None;
    }
    match action {
        Some(Action::Back) => {
            let (screen, message) = work.resume(app);
            work.message = message;
            return Some(screen);
        }
        Some(Action::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Action::Down) => {
            if state.selected + 1 < state.rows.len() {
                state.selected += 1;
            }
        }
        Some(Action::Confirm) => {
            if !state.rows.is_empty() {
                state.open = Some(state.selected);
            }
        }
        _ => {
            let before = state.search.value().to_string();
            edit_input(&mut state.search, key);
            if state.search.value() != before {
                state.selected = 0;
                state.reload(app);
            }
        }
    }
    None
}

/// A card's state in words: `NIEWAŻNA: brak podpisu`, several reasons
/// shortened (the opened card lists them all).
fn verdict(app: &App, row: &CardRow) -> String {
    let mut s = match row.kind.as_str() {
        "voided" => tr!(app.lang, "kiosk-cards-voided").to_string(),
        _ if row.valid => tr!(app.lang, "kiosk-cards-valid").to_string(),
        _ => {
            let mut reasons = String::new();
            if let Some(first) = row.reasons.first() {
                reasons.push_str(&i18n::reason_short(app.lang, *first));
            }
            if row.reasons.len() > 1 {
                reasons.push_str(&format!(" +{}", row.reasons.len() - 1));
            }
            tr!(app.lang, "kiosk-cards-invalid-because", reasons = reasons)
                .trim_end()
                .to_string()
        }
    };
    if row.kind == "amended" {
        s.push_str(&tr!(app.lang, "kiosk-cards-amended"));
    }
    if row.flagged {
        s.push_str(&tr!(app.lang, "kiosk-cards-repeated-pesel"));
    }
    s
}

pub fn render(app: &App, _work: &Work, state: &CardsState, frame: &mut Frame, area: Rect) {
    if let Some(open) = state.open
        && let Some(row) = state.rows.get(open)
    {
        return render_detail(app, row, frame, area);
    }
    let title = tr!(
        app.lang,
        "kiosk-cards-title",
        day = app.day.to_string(),
        n = state.rows.len()
    );
    let title = format!(" {title} ");
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(format!(
        "{} [{:<20}]",
        tr!(app.lang, "kiosk-cards-search"),
        state.search.value()
    ))];
    if let Some(e) = &state.error {
        lines.push(Line::from(format!("✗ {e}")));
    }
    if state.rows.is_empty() {
        lines.push(Line::from(tr!(app.lang, "kiosk-cards-no-cards")));
    }
    let room = inner.height.saturating_sub(1) as usize;
    let first = state.selected.saturating_sub(room.saturating_sub(1));
    for (i, row) in state.rows.iter().enumerate().skip(first).take(room) {
        let (name, pesel) = match &row.card {
            Some(c) => (
                format!("{} {}", c.last_name, c.first_name),
                pesel::mask(&c.pesel),
            ),
            None => (String::new(), String::new()),
        };
        let text = format!(
            "{} {} {} {:<18} {:<11} ",
            if i == state.selected { "▶" } else { " " },
            row.card_id,
            format_at(&row.entered_at, "%H:%M"),
            super::entry::fit(&name, 18),
            pesel,
        );
        let room = (inner.width as usize).saturating_sub(text.chars().count());
        let text = format!("{text}{}", super::entry::fit(&verdict(app, row), room));
        lines.push(if i == state.selected {
            Line::from(Span::styled(
                text,
                Style::default().add_modifier(Modifier::REVERSED),
            ))
        } else {
            Line::from(text)
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x
        + tr!(app.lang, "kiosk-cards-search").chars().count() as u16
        + 2
        + state.search.visual_cursor() as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}

/// What happened to a card after it was entered: who voided or amended
/// it, when, why, and what an amendment changed.
fn history_lines(app: &App, row: &CardRow) -> Vec<Line<'static>> {
    let Ok(history) = app.store.card_history(&row.card_id) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut before: Option<RawCard> = None;
    for entry in history {
        let at = format_at(&entry.at, "%Y-%m-%d %H:%M");
        // Who amended or voided it, when and why: one bold line.
        let by = |reason: &str, voided: bool| {
            let args = [
                ("operator", i18n::arg(entry.operator.clone())),
                ("at", i18n::arg(at.clone())),
                ("reason", i18n::arg(reason.to_string())),
            ];
            let text = if voided {
                i18n::lookup(app.lang, "kiosk-cards-voided-by", &args)
            } else {
                i18n::lookup(app.lang, "kiosk-cards-amended-by", &args)
            };
            Line::from(Span::styled(
                text,
                Style::default().add_modifier(Modifier::BOLD),
            ))
        };
        match entry.event {
            Event::CardEntered { card, .. } => before = Some(card),
            Event::CardAmended { card, reason, .. } => {
                lines.push(by(&reason, false));
                if let Some(old) = &before {
                    for (what, was, now) in changes(app, old, &card) {
                        lines.push(Line::from(format!("  {what}: {was} → {now}")));
                    }
                }
                before = Some(card);
            }
            Event::CardVoided { reason, .. } => {
                lines.push(by(&reason, true));
                if let Some(old) = &before {
                    lines.push(Line::from(tr!(
                        app.lang,
                        "kiosk-cards-the-card-before-it-was-voided"
                    )));
                    lines.push(Line::from(format!(
                        "  {} {} · {} · {} {}: {} / {}",
                        old.last_name,
                        old.first_name,
                        pesel::mask(&old.pesel),
                        tr!(app.lang, "kiosk-cards-district-word"),
                        old.district,
                        old.local.join(" "),
                        old.citywide.join(" ")
                    )));
                }
            }
            _ => {}
        }
    }
    lines
}

/// The rubrics an amendment changed: name, old value, new value.
fn changes(app: &App, old: &RawCard, new: &RawCard) -> Vec<(String, String, String)> {
    let yes_no = |b: bool| {
        if b {
            tr!(app.lang, "kiosk-cards-yes")
        } else {
            tr!(app.lang, "kiosk-cards-no")
        }
    };
    let mut out = Vec::new();
    let mut diff = |what: String, a: String, b: String| {
        if a != b {
            out.push((what, a, b));
        }
    };
    diff(
        tr!(app.lang, "kiosk-field-first-name"),
        old.first_name.clone(),
        new.first_name.clone(),
    );
    diff(
        tr!(app.lang, "kiosk-field-surname"),
        old.last_name.clone(),
        new.last_name.clone(),
    );
    diff(
        tr!(app.lang, "kiosk-field-address"),
        old.address.clone(),
        new.address.clone(),
    );
    diff("PESEL".into(), old.pesel.clone(), new.pesel.clone());
    diff(
        tr!(app.lang, "kiosk-field-signature"),
        yes_no(old.signed),
        yes_no(new.signed),
    );
    diff(
        tr!(app.lang, "kiosk-field-district"),
        old.district.clone(),
        new.district.clone(),
    );
    diff(
        tr!(app.lang, "kiosk-field-local"),
        old.local.join(" "),
        new.local.join(" "),
    );
    diff(
        tr!(app.lang, "kiosk-field-citywide"),
        old.citywide.join(" "),
        new.citywide.join(" "),
    );
    out
}

fn render_detail(app: &App, row: &CardRow, frame: &mut Frame, area: Rect) {
    let title = format!(
        " {} ",
        tr!(app.lang, "kiosk-cards-card", card = row.card_id.as_str())
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![
        Line::from(tr!(
            app.lang,
            "kiosk-cards-entered-by",
            operator = row.entered_by.as_str(),
            at = format_at(&row.entered_at, "%Y-%m-%d %H:%M")
        )),
        Line::from(Span::styled(
            tr!(app.lang, "kiosk-cards-status", status = verdict(app, row)),
            Style::default().add_modifier(Modifier::BOLD),
        )),
    ];
    if let Some(stop) = &row.stop {
        lines.push(Line::from(tr!(
            app.lang,
            "kiosk-cards-stop",
            stop = stop.as_str()
        )));
    }
    lines.extend(history_lines(app, row));
    if let Some(c) = &row.card {
        let yes_no = if c.signed {
            tr!(app.lang, "kiosk-cards-yes")
        } else {
            tr!(app.lang, "kiosk-cards-no")
        };
        lines.extend([
            Line::from(""),
            Line::from(format!(
                "{:<12}{}",
                tr!(app.lang, "kiosk-field-first-name"),
                c.first_name
            )),
            Line::from(format!(
                "{:<12}{}",
                tr!(app.lang, "kiosk-field-surname"),
                c.last_name
            )),
            Line::from(format!(
                "{:<12}{}",
                tr!(app.lang, "kiosk-field-address"),
                c.address
            )),
            Line::from(format!("{:<12}{}", "PESEL", c.pesel)),
            Line::from(format!(
                "{:<12}{yes_no}",
                tr!(app.lang, "kiosk-field-signature")
            )),
            Line::from(format!(
                "{:<12}{}",
                tr!(app.lang, "kiosk-field-district"),
                c.district
            )),
            Line::from(format!(
                "{:<12}{}",
                tr!(app.lang, "kiosk-field-local"),
                c.local.join(" · ")
            )),
            Line::from(format!(
                "{:<12}{}",
                tr!(app.lang, "kiosk-field-citywide"),
                c.citywide.join(" · ")
            )),
        ]);
        for r in &row.reasons {
            lines.push(Line::from(format!("  ✗ {}", i18n::reason(app.lang, *r))));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
