//! Close the day / export (a coordinator): choose a mounted USB stick (or type
//! a path), write the bundle and the day's protocol there, and show the
//! protocol with the bundle's fingerprint and its QR code, so the paper
//! protocol and the file can be matched.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::Input;

use super::entry::EntryState;
use super::keys::Action;
use super::{App, Screen, Work, edit_input};
use crate::bundle::{self, protocol};

pub struct ExportState {
    /// Mounted removable drives.
    pub drives: Vec<PathBuf>,
    /// A drive, or `drives.len()` for the typed path.
    pub selected: usize,
    pub typed: Input,
    pub error: Option<String>,
    pub done: Option<Done>,
}

pub struct Done {
    pub lines: Vec<String>,
    pub qr: String,
    pub files: Vec<PathBuf>,
}

/// Folders of mounted removable drives: `/media/$USER/*`, `/run/media/$USER/*`.
pub fn removable_drives() -> Vec<PathBuf> {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "root".into());
    let mut found = Vec::new();
    for base in [
        Path::new("/media").join(&user),
        Path::new("/run/media").join(&user),
    ] {
        if let Ok(entries) = std::fs::read_dir(&base) {
            for e in entries.flatten() {
                if e.path().is_dir() {
                    found.push(e.path());
                }
            }
        }
    }
    found.sort();
    found
}

impl ExportState {
    pub fn new(drives: Vec<PathBuf>) -> ExportState {
        ExportState {
            drives,
            selected: 0,
            typed: Input::default(),
            error: None,
            done: None,
        }
    }

    fn target(&self) -> Option<PathBuf> {
        match self.drives.get(self.selected) {
            Some(d) => Some(d.clone()),
            None => {
                let t = self.typed.value().trim();
                (!t.is_empty()).then(|| PathBuf::from(t))
            }
        }
    }
}

pub fn handle(
    app: &mut App,
    work: &mut Work,
    state: &mut ExportState,
    action: Option<Action>,
    key: KeyEvent,
) -> Option<Screen> {
    if state.done.is_some() {
        return matches!(action, Some(Action::Back | Action::Confirm))
            .then(|| Screen::Entry(EntryState::new(&app.store)));
    }
    match action {
        Some(Action::Back) => return Some(Screen::Entry(EntryState::new(&app.store))),
        Some(Action::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Action::Down) => state.selected = (state.selected + 1).min(state.drives.len()),
        Some(Action::Confirm) => {
            let Some(dir) = state.target() else {
                state.error = Some(
                    app.t(
                        "Wybierz dysk albo wpisz ścieżkę.",
                        "Choose a drive or type a path.",
                    )
                    .into(),
                );
                return None;
            };
            if !dir.is_dir() {
                state.error = Some(format!(
                    "{}: {}",
                    dir.display(),
                    app.t("nie ma takiego katalogu", "no such directory")
                ));
                return None;
            }
            match bundle::export(&mut app.store, &dir, &work.operator.name) {
                Err(e) => {
                    state.error = Some(format!(
                        "{}: {}",
                        app.t(
                            "Eksport nieudany, nic nie zapisano",
                            "Export failed, nothing recorded"
                        ),
                        e.localized(app.lang)
                    ))
                }
                Ok(exported) => {
                    let status = app.store.status_of(Some(app.day)).unwrap_or_default();
                    let mut files = vec![exported.path.clone()];
                    match protocol::write(app.lang, &exported, &status, &work.operator.name) {
                        Ok((txt, html)) => files.extend([txt, html]),
                        Err(e) => {
                            state.error = Some(format!(
                                "{}: {e}",
                                app.t(
                                    "Paczka zapisana, protokół nie",
                                    "Bundle written, protocol not"
                                )
                            ))
                        }
                    }
                    state.done = Some(Done {
                        lines: protocol::lines(app.lang, &exported, &status, &work.operator.name),
                        qr: protocol::qr_text(&exported.fingerprint, false),
                        files,
                    });
                }
            }
        }
        _ => {
            if state.selected == state.drives.len() {
                edit_input(&mut state.typed, key);
            }
        }
    }
    None
}

pub fn render(app: &App, state: &ExportState, frame: &mut Frame, area: Rect) {
    let block = Block::default().borders(Borders::TOP).title(app.t(
        " Zamknięcie dnia i eksport na pendrive ",
        " Close the day and export to a USB stick ",
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(done) = &state.done {
        let [text, qr] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(31)]).areas(inner);
        let mut lines: Vec<Line> = done.lines.iter().map(|l| Line::from(l.clone())).collect();
        lines.push(Line::from(""));
        for f in &done.files {
            lines.push(Line::from(format!("✓ {}", f.display())));
        }
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), text);
        let qr_lines: Vec<Line> = done.qr.lines().map(|l| Line::from(l.to_string())).collect();
        frame.render_widget(Paragraph::new(qr_lines), qr);
        return;
    }
    if app.store.point().central_recipient.is_none() {
        let text = bundle::ExportError::NoRecipient.localized(app.lang);
        frame.render_widget(
            Paragraph::new(format!("✗ {text}")).wrap(Wrap { trim: false }),
            inner,
        );
        return;
    }
    let mut lines = vec![
        Line::from(app.t(
            "Paczka zawiera cały dziennik (zaszyfrowany dla biura) i jest podpisana kluczem kiosku.",
            "The bundle holds the whole journal (encrypted for the office), signed by this kiosk.",
        )),
        Line::from(""),
        Line::from(app.t("Gdzie zapisać (↑/↓, Enter):", "Where to write it (↑/↓, Enter):")),
    ];
    if state.drives.is_empty() {
        lines.push(Line::from(app.t(
            "  (nie widać podłączonego pendrive'a w /media ani /run/media)",
            "  (no USB stick mounted under /media or /run/media)",
        )));
    }
    for (i, d) in state.drives.iter().enumerate() {
        let text = format!(
            "{} {}",
            if i == state.selected { "▶" } else { " " },
            d.display()
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
    let typed_selected = state.selected == state.drives.len();
    lines.push(Line::from(format!(
        "{} {} [{}]",
        if typed_selected { "▶" } else { " " },
        app.t("inna ścieżka:", "another path:"),
        state.typed.value()
    )));
    if let Some(e) = &state.error {
        lines.push(Line::from(""));
        lines.push(Line::from(format!("✗ {e}")));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
