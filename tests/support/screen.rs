//! Driving the kiosk's real key handling and reading what it draws at 80×24
//! on ratatui's test backend.

#![allow(dead_code)] // each test uses the helpers it needs

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use urna::tui::App;

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE), Instant::now());
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Instant::now(),
    );
}

/// Types `text` key by key; `⏎` is Enter.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(
            app,
            if c == '⏎' {
                KeyCode::Enter
            } else {
                KeyCode::Char(c)
            },
        );
    }
}

/// The whole screen, one row per line.
pub fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    let b = terminal.backend().buffer().clone();
    (0..b.area.height)
        .map(|y| {
            (0..b.area.width)
                .map(|x| b[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
