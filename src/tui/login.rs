//! Login (operator + PIN) and the idle lock, which only the same operator's
//! PIN opens. Five wrong PINs lock an operator for five minutes (the store
//! counts them, so restarting the kiosk does not reset the count).

use chrono::Local;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_input::{Input, InputRequest};

use super::keys::{self, Action, Scope};
use super::{App, footer_line};
use crate::store::{LoginError, Operator, Role, Store, StoreError};
use crate::tr;

pub struct LoginState {
    pub operators: Vec<Operator>,
    pub selected: usize,
    pub pin: Input,
    pub error: Option<String>,
    /// The operator who logged out leaving a half-typed card (kept for
    /// their next login), for the line that says so.
    pub kept_card_of: Option<String>,
}

pub struct LockState {
    pub operator: Operator,
    pub pin: Input,
    pub error: Option<String>,
    pub why: LockWhy,
}

/// Why the screen is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWhy {
    /// Ten minutes without a key.
    Idle,
    /// Ctrl-L.
    Asked,
}

pub enum LoginOutcome {
    Stay,
    LoggedIn(Operator),
    Quit,
}

pub enum LockOutcome {
    Stay,
    Unlocked,
    Logout,
}

impl LoginState {
    pub fn new(store: &Store) -> Result<LoginState, StoreError> {
        Ok(LoginState {
            operators: store.operators()?,
            ..LoginState::empty()
        })
    }

    pub fn empty() -> LoginState {
        LoginState {
            operators: Vec::new(),
            selected: 0,
            pin: Input::default(),
            error: None,
            kept_card_of: None,
        }
    }
}

impl LockState {
    pub fn new(operator: Operator, why: LockWhy) -> LockState {
        LockState {
            operator,
            pin: Input::default(),
            error: None,
            why,
        }
    }
}

/// Only digits go into a PIN field.
fn pin_key(pin: &mut Input, key: &KeyEvent) {
    match key.code {
        KeyCode::Char(c) if c.is_ascii_digit() && pin.value().len() < 12 => {
            pin.handle(InputRequest::InsertChar(c));
        }
        KeyCode::Backspace => {
            pin.handle(InputRequest::DeletePrevChar);
        }
        _ => {}
    }
}

fn describe(app: &App, e: &StoreError) -> String {
    match e {
        StoreError::Login(LoginError::WrongPin { left }) => {
            tr!(app.lang, "kiosk-login-wrong-pin", left = *left)
        }
        StoreError::Login(LoginError::Locked { until }) => {
            tr!(app.lang, "kiosk-login-locked", until = until.to_string())
        }
        other => other.describe(app.lang),
    }
}

pub fn handle_login(app: &mut App, state: &mut LoginState, key: KeyEvent) -> LoginOutcome {
    match keys::action(Scope::Login, false, &key) {
        Some(Action::Logout) => return LoginOutcome::Quit,
        Some(Action::Language) => {
            app.lang = app.lang.next();
            // A wrong PIN's line was said in the old language.
            state.error = None;
        }
        Some(Action::Up) => {
            state.selected = state.selected.saturating_sub(1);
            state.pin = Input::default();
        }
        Some(Action::Down) => {
            if state.selected + 1 < state.operators.len() {
                state.selected += 1;
            }
            state.pin = Input::default();
        }
        Some(Action::Back) => {
            state.pin = Input::default();
            state.error = None;
        }
        Some(Action::Confirm) => {
            let Some(op) = state.operators.get(state.selected).cloned() else {
                return LoginOutcome::Stay;
            };
            let pin = state.pin.value().to_string();
            state.pin = Input::default();
            match app.store.login(&op.name, &pin, Local::now()) {
                Ok(operator) => return LoginOutcome::LoggedIn(operator),
                Err(e) => state.error = Some(describe(app, &e)),
            }
        }
        _ => pin_key(&mut state.pin, &key),
    }
    LoginOutcome::Stay
}

pub fn handle_lock(app: &mut App, state: &mut LockState, key: KeyEvent) -> LockOutcome {
    match keys::action(Scope::Locked, false, &key) {
        Some(Action::Logout) => return LockOutcome::Logout,
        Some(Action::Confirm) => {
            let pin = state.pin.value().to_string();
            state.pin = Input::default();
            match app.store.login(&state.operator.name, &pin, Local::now()) {
                Ok(_) => return LockOutcome::Unlocked,
                Err(e) => state.error = Some(describe(app, &e)),
            }
        }
        _ => pin_key(&mut state.pin, &key),
    }
    LockOutcome::Stay
}

fn role_name(app: &App, role: Role) -> String {
    crate::i18n::role(app.lang, role)
}

fn frame_parts(app: &App, frame: &mut Frame, area: Rect, scope: Scope) -> Rect {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(app.header_line(None)), header);
    frame.render_widget(
        Paragraph::new(footer_line(app.lang, scope, footer.width)),
        footer,
    );
    body
}

pub fn render_login(app: &App, state: &LoginState, frame: &mut Frame, area: Rect) {
    let body = frame_parts(app, frame, area, Scope::Login);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr!(app.lang, "kiosk-login-title"));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let mut lines = vec![Line::from(tr!(app.lang, "kiosk-login-how")), Line::from("")];
    for (i, op) in state.operators.iter().enumerate() {
        let chosen = i == state.selected;
        let text = format!(
            "{} {} ({})",
            if chosen { "▶" } else { " " },
            op.name,
            role_name(app, op.role)
        );
        lines.push(if chosen {
            Line::from(Span::styled(
                text,
                Style::default().add_modifier(Modifier::REVERSED),
            ))
        } else {
            Line::from(text)
        });
    }
    lines.push(Line::from(""));
    let pin_line = format!("PIN: [{:<12}]", "•".repeat(state.pin.value().len()));
    lines.push(Line::from(pin_line));
    if let Some(e) = &state.error {
        lines.push(Line::from(format!("✗ {e}")));
    }
    if let Some(name) = &state.kept_card_of {
        let notice = tr!(app.lang, "kiosk-login-card-kept", name = name.as_str());
        lines.push(Line::from(format!("» {notice}")));
    }
    if !app.demo.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(tr!(app.lang, "kiosk-login-training")));
        for d in &app.demo {
            lines.push(Line::from(format!(
                "  {} ({}) — PIN {}",
                d.name,
                role_name(app, d.role),
                d.pin
            )));
        }
    }
    let pin_row = inner.y + 2 + state.operators.len() as u16 + 1;
    frame.render_widget(Paragraph::new(lines), inner);
    if pin_row < inner.bottom() {
        frame.set_cursor_position((inner.x + 6 + state.pin.value().len() as u16, pin_row));
    }
}

pub fn render_lock(app: &App, state: &LockState, frame: &mut Frame, area: Rect) {
    let body = frame_parts(app, frame, area, Scope::Locked);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr!(app.lang, "kiosk-lock-title"));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let mut lines = vec![
        Line::from(match state.why {
            LockWhy::Idle => tr!(
                app.lang,
                "kiosk-lock-idle",
                name = state.operator.name.clone()
            ),
            LockWhy::Asked => tr!(
                app.lang,
                "kiosk-lock-asked",
                name = state.operator.name.clone()
            ),
        }),
        Line::from(tr!(app.lang, "kiosk-lock-card-kept")),
        Line::from(""),
        Line::from(format!(
            "PIN: [{:<12}]",
            "•".repeat(state.pin.value().len())
        )),
    ];
    if let Some(e) = &state.error {
        lines.push(Line::from(format!("✗ {e}")));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position((inner.x + 6 + state.pin.value().len() as u16, inner.y + 3));
}
