//! The setup screen of a kiosk whose data directory holds no store yet: the
//! edition, the point, the central office's key, the first coordinator.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_input::Input;

use super::edit_input;
use crate::i18n::Lang;
use crate::store::{InitParams, Point, Store, valid_point_id, valid_recipient};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Edition,
    PointId,
    PointName,
    Mobile,
    Central,
    Coordinator,
    Pin,
    PinAgain,
}

const FIELDS: [SetupField; 8] = [
    SetupField::Edition,
    SetupField::PointId,
    SetupField::PointName,
    SetupField::Mobile,
    SetupField::Central,
    SetupField::Coordinator,
    SetupField::Pin,
    SetupField::PinAgain,
];

/// What the office-key field takes for "no key yet": the word of every
/// language the screen speaks (its catalog names its own).
pub const NO_KEY_WORDS: [&str; 3] = ["brak", "none", "немає"];

pub struct SetupApp {
    pub lang: Lang,
    pub dir: PathBuf,
    pub inputs: Vec<Input>,
    pub focus: usize,
    pub error: Option<String>,
    pub outcome: Option<SetupOutcome>,
}

pub enum SetupOutcome {
    Ready(Box<Store>),
    Quit,
}

impl SetupApp {
    pub fn new(dir: &Path, lang: Lang, default_edition: &Path) -> SetupApp {
        let mut inputs: Vec<Input> = FIELDS.iter().map(|_| Input::default()).collect();
        inputs[0] = Input::new(default_edition.display().to_string());
        inputs[3] = Input::new("n".into());
        SetupApp {
            lang,
            dir: dir.to_path_buf(),
            inputs,
            focus: 1,
            error: None,
            outcome: None,
        }
    }

    fn value(&self, f: SetupField) -> String {
        FIELDS
            .iter()
            .position(|x| *x == f)
            .map(|i| self.inputs[i].value().trim().to_string())
            .unwrap_or_default()
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        self.error = None;
        match (key.code, key.modifiers.contains(KeyModifiers::CONTROL)) {
            (KeyCode::Char('q'), true) | (KeyCode::Esc, _) => {
                self.outcome = Some(SetupOutcome::Quit);
            }
            (KeyCode::Enter | KeyCode::Tab | KeyCode::Down, _) => {
                if self.focus + 1 < FIELDS.len() {
                    self.focus += 1;
                } else if key.code == KeyCode::Enter {
                    self.submit();
                }
            }
            (KeyCode::BackTab | KeyCode::Up, _) => self.focus = self.focus.saturating_sub(1),
            _ => {
                let field = FIELDS[self.focus];
                if matches!(field, SetupField::Pin | SetupField::PinAgain)
                    && matches!(key.code, KeyCode::Char(c) if !c.is_ascii_digit())
                {
                    return;
                }
                if field == SetupField::Mobile {
                    if let KeyCode::Char(c) = key.code {
                        let v = match c.to_ascii_lowercase() {
                            't' | 'y' => "t",
                            'n' => "n",
                            _ => return,
                        };
                        self.inputs[self.focus] = Input::new(v.into());
                    }
                    return;
                }
                edit_input(&mut self.inputs[self.focus], key);
            }
        }
    }

    fn fail(&mut self, field: SetupField, problem: String) {
        self.focus = FIELDS.iter().position(|f| *f == field).unwrap_or(0);
        self.error = Some(problem);
    }

    fn submit(&mut self) {
        use SetupField as F;
        let edition_path = self.value(F::Edition);
        let edition_toml = match std::fs::read_to_string(&edition_path) {
            Ok(text) => text,
            Err(e) => {
                self.focus = 0;
                self.error = Some(format!(
                    "{edition_path}: {}",
                    crate::foreign::io_error(self.lang, &e)
                ));
                return;
            }
        };
        if let Err(e) = crate::edition::Edition::parse(&edition_toml, &edition_path) {
            self.focus = 0;
            self.error = Some(e.describe(self.lang));
            return;
        }
        let point_id = self.value(F::PointId);
        if !valid_point_id(&point_id) {
            return self.fail(F::PointId, tr!(self.lang, "kiosk-setup-bad-point-id"));
        }
        if self.value(F::PointName).is_empty() {
            return self.fail(F::PointName, tr!(self.lang, "kiosk-setup-no-point-name"));
        }
        let central = self.value(F::Central);
        let no_key_yet = NO_KEY_WORDS.contains(&central.to_lowercase().as_str());
        if central.is_empty() {
            return self.fail(F::Central, tr!(self.lang, "kiosk-setup-no-office-key"));
        }
        if !no_key_yet && !valid_recipient(&central) {
            return self.fail(F::Central, tr!(self.lang, "kiosk-setup-bad-office-key"));
        }
        let central = if no_key_yet { String::new() } else { central };
        if self.value(F::Coordinator).is_empty() {
            return self.fail(F::Coordinator, tr!(self.lang, "kiosk-setup-no-coordinator"));
        }
        let pin = self.value(F::Pin);
        if !(4..=12).contains(&pin.len()) {
            return self.fail(F::Pin, tr!(self.lang, "kiosk-setup-bad-pin"));
        }
        if pin != self.value(F::PinAgain) {
            return self.fail(F::PinAgain, tr!(self.lang, "kiosk-setup-pins-differ"));
        }
        let coordinator = self.value(F::Coordinator);
        match Store::create(
            &self.dir,
            InitParams {
                edition_toml: &edition_toml,
                point: Point {
                    id: point_id,
                    name: self.value(F::PointName),
                    mobile: self.value(F::Mobile) == "t",
                    central_recipient: (!central.is_empty()).then_some(central),
                    training: false,
                },
                coordinator: &coordinator,
                pin: &pin,
                min_pin_length: crate::store::MIN_PIN_LENGTH,
            },
        ) {
            Ok(store) => self.outcome = Some(SetupOutcome::Ready(Box::new(store))),
            Err(e) => self.error = Some(e.describe(self.lang)),
        }
    }

    pub fn render(&self, frame: &mut Frame) {
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(frame.area());
        let lang = self.lang;
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                tr!(lang, "kiosk-setup-header"),
                Style::default().add_modifier(Modifier::REVERSED),
            ))),
            header,
        );
        let block = Block::default()
            .borders(Borders::ALL)
            .title(tr!(lang, "kiosk-setup-title"));
        let inner = block.inner(body);
        frame.render_widget(block, body);
        let labels: [String; 8] = [
            tr!(lang, "kiosk-setup-edition-file"),
            tr!(lang, "kiosk-setup-point-id"),
            tr!(lang, "kiosk-setup-point-name"),
            tr!(lang, "kiosk-setup-mobile"),
            tr!(lang, "kiosk-setup-office-key"),
            tr!(lang, "kiosk-setup-coordinator"),
            "PIN".to_string(),
            tr!(lang, "kiosk-setup-pin-again"),
        ];
        let mut lines = vec![
            Line::from(tr!(lang, "kiosk-setup-how")),
            Line::from(format!(
                "{}: {}",
                tr!(lang, "kiosk-damaged-data-directory"),
                self.dir.display()
            )),
            Line::from(""),
        ];
        let width = inner.width.saturating_sub(26) as usize;
        for (i, field) in FIELDS.iter().enumerate() {
            let raw = self.inputs[i].value();
            let shown = match field {
                SetupField::Pin | SetupField::PinAgain => "•".repeat(raw.chars().count()),
                SetupField::Mobile if raw == "t" => tr!(lang, "kiosk-setup-y-yes"),
                SetupField::Mobile => tr!(lang, "kiosk-setup-n-no"),
                _ => raw
                    .chars()
                    .rev()
                    .take(width)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect(),
            };
            let focused = i == self.focus;
            lines.push(Line::from(vec![
                Span::raw(format!(
                    "{}{:<22}",
                    if focused { "▶" } else { " " },
                    labels[i]
                )),
                Span::styled(
                    format!("[{shown:<width$}]"),
                    if focused {
                        Style::default().add_modifier(Modifier::REVERSED)
                    } else {
                        Style::default()
                    },
                ),
            ]));
        }
        if NO_KEY_WORDS.contains(&self.value(SetupField::Central).to_lowercase().as_str()) {
            lines.push(Line::from(""));
            lines.push(Line::from(tr!(lang, "kiosk-setup-no-office-key-warning")));
        }
        if let Some(e) = &self.error {
            lines.push(Line::from(""));
            lines.push(Line::from(format!("✗ {e}")));
        }
        frame.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            inner,
        );
        let cursor_x = inner.x + 24 + self.inputs[self.focus].visual_cursor().min(width) as u16;
        frame.set_cursor_position((cursor_x, inner.y + 3 + self.focus as u16));
        frame.render_widget(Paragraph::new(tr!(lang, "kiosk-setup-footer")), footer);
    }
}

/// Runs the setup screen on the terminal; a store when it was set up.
pub fn run_setup(dir: &Path, lang: Lang, default_edition: &Path) -> std::io::Result<SetupOutcome> {
    let mut app = SetupApp::new(dir, lang, default_edition);
    super::with_terminal(|terminal| -> std::io::Result<()> {
        while app.outcome.is_none() {
            terminal.draw(|f| app.render(f))?;
            if let Event::Key(key) = event::read()? {
                app.handle_key(key);
            }
        }
        Ok(())
    })?;
    Ok(app.outcome.unwrap_or(SetupOutcome::Quit))
}
