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
use crate::i18n::{self, Lang};
use crate::pesel;
use crate::store::journal::format_at;
use crate::store::{CardQuery, CardRow, Role};

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
            Err(e) => self.error = Some(e.to_string()),
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
                work.message = Some(Message::Problem(
                    app.t(
                        "Poprawiać i unieważniać karty może tylko koordynator.",
                        "Only a coordinator can amend or void cards.",
                    )
                    .into(),
                ));
            }
            Some(Action::Amend) => {
                let Some(card) = &row.card else {
                    work.message = Some(Message::Problem(
                        app.t("Karta jest unieważniona.", "The card is voided.")
                            .into(),
                    ));
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
                work.message = Some(Message::Problem(
                    app.t(
                        "Karta jest już unieważniona.",
                        "The card is already voided.",
                    )
                    .into(),
                ));
            }
            Some(Action::Void) => {
                work.prompt = Some(Prompt::new(
                    PromptKind::VoidReason {
                        card_id: row.card_id.clone(),
                    },
                    app.t(
                        "Powód unieważnienia (zostaje w dzienniku, karta nie znika):",
                        "Reason for voiding (kept in the journal; the card stays):",
                    ),
                    "",
                ));
            }
            _ => {}
        }
        return None;
    }
    match action {
        Some(Action::Back) => return Some(Screen::Entry(EntryState::new(&app.store))),
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

fn verdict(app: &App, row: &CardRow) -> String {
    let mut s = match row.kind.as_str() {
        "voided" => app.t("UNIEWAŻNIONA", "VOIDED").to_string(),
        _ if row.valid => app.t("ważna", "valid").to_string(),
        _ => format!(
            "{} ({})",
            app.t("NIEWAŻNA", "INVALID"),
            row.reasons
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(",")
        ),
    };
    if row.kind == "amended" {
        s.push_str(app.t(" · poprawiona", " · amended"));
    }
    if row.flagged {
        s.push_str(app.t(" · ! PESEL powtórzony", " · ! repeated PESEL"));
    }
    s
}

pub fn render(app: &App, _work: &Work, state: &CardsState, frame: &mut Frame, area: Rect) {
    if let Some(open) = state.open
        && let Some(row) = state.rows.get(open)
    {
        return render_detail(app, row, frame, area);
    }
    let title = match app.lang {
        Lang::Pl => format!(" Karty z dnia {} ({}) ", app.day, state.rows.len()),
        Lang::En => format!(" Cards of {} ({}) ", app.day, state.rows.len()),
    };
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![Line::from(format!(
        "{} [{:<20}]",
        app.t("Szukaj (PESEL lub nazwisko):", "Search (PESEL or surname):"),
        state.search.value()
    ))];
    if let Some(e) = &state.error {
        lines.push(Line::from(format!("✗ {e}")));
    }
    if state.rows.is_empty() {
        lines.push(Line::from(app.t("Brak kart.", "No cards.")));
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
            "{} {} {} {:<18.18} {:<11} {}",
            if i == state.selected { "▶" } else { " " },
            row.card_id,
            format_at(&row.entered_at, "%H:%M"),
            name,
            pesel,
            verdict(app, row)
        );
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
        + app
            .t("Szukaj (PESEL lub nazwisko):", "Search (PESEL or surname):")
            .chars()
            .count() as u16
        + 2
        + state.search.visual_cursor() as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}

fn render_detail(app: &App, row: &CardRow, frame: &mut Frame, area: Rect) {
    let title = format!(" {} {} ", app.t("Karta", "Card"), row.card_id);
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines = vec![
        Line::from(format!(
            "{} {} · {} {}",
            app.t("Wprowadził(a):", "Entered by:"),
            row.entered_by,
            app.t("o", "at"),
            format_at(&row.entered_at, "%Y-%m-%d %H:%M")
        )),
        Line::from(Span::styled(
            format!("{}: {}", app.t("Stan", "Status"), verdict(app, row)),
            Style::default().add_modifier(Modifier::BOLD),
        )),
    ];
    if let Some(stop) = &row.stop {
        lines.push(Line::from(format!("{} {stop}", app.t("Postój:", "Stop:"))));
    }
    if let Some(c) = &row.card {
        let yes_no = if c.signed {
            app.t("tak", "yes")
        } else {
            app.t("nie", "no")
        };
        lines.extend([
            Line::from(""),
            Line::from(format!(
                "{:<12}{}",
                app.t("Imię", "First name"),
                c.first_name
            )),
            Line::from(format!(
                "{:<12}{}",
                app.t("Nazwisko", "Surname"),
                c.last_name
            )),
            Line::from(format!("{:<12}{}", app.t("Adres", "Address"), c.address)),
            Line::from(format!("{:<12}{}", "PESEL", c.pesel)),
            Line::from(format!("{:<12}{yes_no}", app.t("Podpis", "Signature"))),
            Line::from(format!(
                "{:<12}{}",
                app.t("Dzielnica", "District"),
                c.district
            )),
            Line::from(format!(
                "{:<12}{}",
                app.t("Lokalne", "Local"),
                c.local.join(" · ")
            )),
            Line::from(format!(
                "{:<12}{}",
                app.t("Miejskie", "City"),
                c.citywide.join(" · ")
            )),
        ]);
        for r in &row.reasons {
            lines.push(Line::from(format!("  ✗ {}", i18n::reason(app.lang, *r))));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
