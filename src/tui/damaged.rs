//! The full screen of a damaged store: what is wrong and what to do. The
//! kiosk shows it instead of the login when the store fails its checks (at
//! start, or when the background check finishes), and nothing can be typed
//! into it: the only key is the one that quits.

use std::path::Path;

use ratatui::Frame;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::i18n::Lang;
use crate::tr;

/// What the screen lists: each problem already in the kiosk's language.
pub struct DamagedState {
    pub found: Vec<String>,
}

impl DamagedState {
    pub fn new(found: Vec<String>) -> DamagedState {
        DamagedState { found }
    }
}

/// Whether the key quits the screen (Esc, Ctrl-Q); every other key does
/// nothing.
pub fn quits(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && (key.code == KeyCode::Esc
            || (key.code == KeyCode::Char('q') && key.modifiers.contains(KeyModifiers::CONTROL)))
}

pub fn render(lang: Lang, dir: &Path, state: &DamagedState, frame: &mut Frame, area: Rect) {
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            tr!(lang, "kiosk-damaged-header"),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ))),
        header,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .title(tr!(lang, "kiosk-damaged-title"));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let mut lines = vec![
        Line::from(Span::styled(
            tr!(lang, "kiosk-damaged-explained"),
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::from(""),
        Line::from(tr!(lang, "kiosk-damaged-what-to-do")),
        Line::from(tr!(lang, "kiosk-damaged-step-leave")),
        Line::from(tr!(lang, "kiosk-damaged-step-call")),
        Line::from(tr!(lang, "kiosk-damaged-step-export")),
        Line::from(tr!(lang, "kiosk-damaged-export-command")),
        Line::from(""),
        Line::from(format!(
            "{}: {}",
            tr!(lang, "kiosk-damaged-data-directory"),
            dir.display()
        )),
        Line::from(tr!(lang, "kiosk-damaged-what-was-found")),
    ];
    for f in &state.found {
        lines.push(Line::from(format!("  ✗ {f}")));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Esc", Style::default().add_modifier(Modifier::REVERSED)),
            Span::raw(tr!(lang, "kiosk-damaged-quit")),
        ])),
        footer,
    );
}

/// The screen on its own, for a store that could not even be opened (or
/// failed its quick checks): until Esc or Ctrl-Q.
pub fn run_damaged(dir: &Path, lang: Lang, found: Vec<String>) -> std::io::Result<()> {
    let state = DamagedState::new(found);
    super::with_terminal(|terminal| -> std::io::Result<()> {
        loop {
            terminal.draw(|f| {
                let area = f.area();
                render(lang, dir, &state, f, area)
            })?;
            if let Event::Key(key) = event::read()?
                && quits(&key)
            {
                return Ok(());
            }
        }
    })
}
