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
use crate::i18n::{self, Lang};
use crate::pesel;
use crate::store::journal::{Event, format_at};
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
        "voided" => app.t("UNIEWAŻNIONA", "VOIDED").to_string(),
        _ if row.valid => app.t("ważna", "valid").to_string(),
        _ => {
            let mut s = format!("{}:", app.t("NIEWAŻNA", "INVALID"));
            if let Some(first) = row.reasons.first() {
                s.push(' ');
                s.push_str(&i18n::reason_short(app.lang, *first));
            }
            if row.reasons.len() > 1 {
                s.push_str(&format!(" +{}", row.reasons.len() - 1));
            }
            s
        }
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
        Lang::Pl | Lang::Uk => format!(" Karty z dnia {} ({}) ", app.day, state.rows.len()),
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
        + app
            .t("Szukaj (PESEL lub nazwisko):", "Search (PESEL or surname):")
            .chars()
            .count() as u16
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
        match entry.event {
            Event::CardEntered { card, .. } => before = Some(card),
            Event::CardAmended { card, reason, .. } => {
                lines.push(Line::from(Span::styled(
                    format!(
                        "{} {} · {at} · {} {reason}",
                        app.t("Poprawił(a):", "Amended by:"),
                        entry.operator,
                        app.t("powód:", "reason:")
                    ),
                    Style::default().add_modifier(Modifier::BOLD),
                )));
                if let Some(old) = &before {
                    for (what, was, now) in changes(app, old, &card) {
                        lines.push(Line::from(format!("  {what}: {was} → {now}")));
                    }
                }
                before = Some(card);
            }
            Event::CardVoided { reason, .. } => {
                lines.push(Line::from(Span::styled(
                    format!(
                        "{} {} · {at} · {} {reason}",
                        app.t("Unieważnił(a):", "Voided by:"),
                        entry.operator,
                        app.t("powód:", "reason:")
                    ),
                    Style::default().add_modifier(Modifier::BOLD),
                )));
                if let Some(old) = &before {
                    lines.push(Line::from(app.t(
                        "Karta przed unieważnieniem:",
                        "The card before it was voided:",
                    )));
                    lines.push(Line::from(format!(
                        "  {} {} · {} · {} {}: {} / {}",
                        old.last_name,
                        old.first_name,
                        pesel::mask(&old.pesel),
                        app.t("dzielnica", "district"),
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
    let yes_no = |b: bool| app.t(if b { "tak" } else { "nie" }, if b { "yes" } else { "no" });
    let mut out = Vec::new();
    let mut diff = |what: &str, a: String, b: String| {
        if a != b {
            out.push((what.to_string(), a, b));
        }
    };
    diff(
        app.t("Imię", "First name"),
        old.first_name.clone(),
        new.first_name.clone(),
    );
    diff(
        app.t("Nazwisko", "Surname"),
        old.last_name.clone(),
        new.last_name.clone(),
    );
    diff(
        app.t("Adres", "Address"),
        old.address.clone(),
        new.address.clone(),
    );
    diff("PESEL", old.pesel.clone(), new.pesel.clone());
    diff(
        app.t("Podpis", "Signature"),
        yes_no(old.signed).into(),
        yes_no(new.signed).into(),
    );
    diff(
        app.t("Dzielnica", "District"),
        old.district.clone(),
        new.district.clone(),
    );
    diff(
        app.t("Lokalne", "Local"),
        old.local.join(" "),
        new.local.join(" "),
    );
    diff(
        app.t("Miejskie", "City"),
        old.citywide.join(" "),
        new.citywide.join(" "),
    );
    out
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
    lines.extend(history_lines(app, row));
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
