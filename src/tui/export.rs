//! Close the day / export (a coordinator): choose a mounted USB stick (or type
//! a path), write the bundle and the day's protocol there, and show the
//! protocol with the bundle's fingerprint and its QR code, so the paper
//! protocol and the file can be matched.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::Input;

use super::keys::Action;
use super::{App, Screen, Work, edit_input};
use crate::bundle::{self, protocol};
use crate::tr;

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
    pub fingerprint: String,
    pub files: Vec<PathBuf>,
    /// The first protocol row shown; the protocol scrolls (↑/↓, PgUp/PgDn).
    pub scroll: usize,
    /// Rows the last frame had room for, and how many the protocol took.
    pub rows: Cell<(usize, usize)>,
}

/// Width of the on-screen QR code: 29 modules (version 3) and a quiet zone
/// of 4 on each side, one column per module.
pub const QR_WIDTH: u16 = 37;

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
    if let Some(done) = &mut state.done {
        let (room, total) = done.rows.get();
        let last = total.saturating_sub(room);
        let page = room.saturating_sub(1).max(1);
        match action {
            Some(Action::Down) => done.scroll = (done.scroll + 1).min(last),
            Some(Action::Up) => done.scroll = done.scroll.saturating_sub(1),
            Some(Action::PageDown) => done.scroll = (done.scroll + page).min(last),
            Some(Action::PageUp) => done.scroll = done.scroll.saturating_sub(page),
            Some(Action::Top) => done.scroll = 0,
            Some(Action::Bottom) => done.scroll = last,
            _ => {}
        }
        return matches!(action, Some(Action::Back | Action::Confirm)).then(|| {
            let (screen, message) = work.resume(app);
            work.message = message;
            screen
        });
    }
    match action {
        Some(Action::Back) => {
            let (screen, message) = work.resume(app);
            work.message = message;
            return Some(screen);
        }
        Some(Action::Up) => state.selected = state.selected.saturating_sub(1),
        Some(Action::Down) => state.selected = (state.selected + 1).min(state.drives.len()),
        Some(Action::Confirm) => {
            let Some(dir) = state.target() else {
                state.error = Some(tr!(app.lang, "kiosk-export-choose-drive"));
                return None;
            };
            if !dir.is_dir() {
                state.error = Some(format!(
                    "{}: {}",
                    dir.display(),
                    tr!(app.lang, "kiosk-export-no-such-directory")
                ));
                return None;
            }
            match bundle::export(&mut app.store, &dir, &work.operator.name) {
                Err(e) => {
                    state.error = Some(format!(
                        "{}: {}",
                        tr!(app.lang, "kiosk-export-failed"),
                        e.localized(app.lang)
                    ))
                }
                Ok(exported) => {
                    let status = protocol::DayFigures::of(&app.store, app.day).unwrap_or_default();
                    let mut files = vec![exported.path.clone()];
                    match protocol::write(app.lang, &exported, &status, &work.operator.name) {
                        Ok((txt, html)) => files.extend([txt, html]),
                        Err(e) => {
                            state.error = Some(format!(
                                "{}: {}",
                                tr!(app.lang, "kiosk-export-protocol-failed"),
                                e.localized(app.lang)
                            ))
                        }
                    }
                    state.done = Some(Done {
                        lines: protocol::lines(app.lang, &exported, &status, &work.operator.name),
                        // With its quiet zone: a phone reads it off the screen.
                        qr: protocol::qr_text(&exported.fingerprint, true),
                        fingerprint: exported.fingerprint.clone(),
                        files,
                        scroll: 0,
                        rows: Cell::new((0, 0)),
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

/// The protocol as screen rows of `width`: long lines wrapped (never cut),
/// the full fingerprint in groups of four on lines of its own.
fn protocol_rows(app: &App, done: &Done, width: usize) -> Vec<String> {
    let mut rows = Vec::new();
    // The full fingerprint goes right below the short one, near the top, so
    // the first screen shows all of it.
    let full = done
        .lines
        .iter()
        .position(|l| l.contains(&done.fingerprint));
    let short = protocol::short(&done.fingerprint);
    for (i, line) in done.lines.iter().enumerate() {
        if Some(i) == full {
            continue;
        }
        let line = match full {
            Some(f) if line.contains(&short) => {
                rows.extend(wrap(line, width));
                &done.lines[f]
            }
            _ => line,
        };
        if let Some(at) = line.find(&done.fingerprint) {
            rows.extend(wrap(line[..at].trim_end(), width));
            let groups: Vec<String> = done
                .fingerprint
                .chars()
                .collect::<Vec<_>>()
                .chunks(4)
                .map(|c| c.iter().collect())
                .collect();
            for four in groups.chunks(4) {
                rows.push(format!("  {}", four.join(" ")));
            }
            rows.extend(wrap(line[at + done.fingerprint.len()..].trim(), width));
        } else {
            rows.extend(wrap(line, width));
        }
    }
    rows.push(String::new());
    // The folder once, then the file names, so no name is broken.
    let folder = done
        .files
        .first()
        .and_then(|f| f.parent())
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    rows.extend(wrap(
        &format!(
            "{} {folder}:",
            tr!(app.lang, "kiosk-export-files-written-to")
        ),
        width,
    ));
    for f in &done.files {
        let name = f.file_name().map_or_else(
            || f.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        rows.extend(wrap(&format!("✓ {name}"), width));
    }
    rows
}

/// A line wrapped at spaces into `width` columns; a word longer than a row
/// is broken. An empty line stays one empty row.
fn wrap(line: &str, width: usize) -> Vec<String> {
    // The indent of the line is kept on each of its rows.
    let text = line.trim_start_matches(' ');
    let indent = " ".repeat((line.len() - text.len()).min(width / 2));
    let width = width - indent.len();
    let mut rows = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let mut word: Vec<char> = word.chars().collect();
        let used = row.chars().count();
        if used > 0 && used + 1 + word.len() > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        while row.chars().count() + word.len() > width {
            let take = width - row.chars().count();
            row.extend(word.drain(..take));
            rows.push(std::mem::take(&mut row));
        }
        row.extend(word);
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows.into_iter()
        .map(|r| {
            if r.is_empty() {
                r
            } else {
                format!("{indent}{r}")
            }
        })
        .collect()
}

pub fn render(app: &App, state: &ExportState, frame: &mut Frame, area: Rect) {
    let block = Block::default()
        .borders(Borders::TOP)
        .title(tr!(app.lang, "kiosk-export-title"));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if let Some(done) = &state.done {
        let [text, qr] =
            Layout::horizontal([Constraint::Min(30), Constraint::Length(QR_WIDTH)]).areas(inner);
        let width = text.width.saturating_sub(1).max(10) as usize;
        let rows = protocol_rows(app, done, width);
        let room = text.height.saturating_sub(1) as usize;
        done.rows.set((room, rows.len()));
        let scroll = done.scroll.min(rows.len().saturating_sub(room));
        let mut lines: Vec<Line> = rows
            .iter()
            .skip(scroll)
            .take(room)
            .map(|l| Line::from(l.clone()))
            .collect();
        lines.push(Line::from(Span::styled(
            format!(
                "{} {}–{}/{}",
                tr!(app.lang, "kiosk-export-pgup-pgdn-scroll"),
                scroll + 1,
                (scroll + room).min(rows.len()),
                rows.len()
            ),
            Style::default().add_modifier(Modifier::REVERSED),
        )));
        frame.render_widget(Paragraph::new(lines), text);
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
        Line::from(tr!(app.lang, "kiosk-export-bundle-explained")),
        Line::from(""),
        Line::from(tr!(app.lang, "kiosk-export-where")),
    ];
    if state.drives.is_empty() {
        lines.push(Line::from(tr!(app.lang, "kiosk-export-no-drive")));
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
        tr!(app.lang, "kiosk-export-another-path"),
        state.typed.value()
    )));
    if let Some(e) = &state.error {
        lines.push(Line::from(""));
        lines.push(Line::from(format!("✗ {e}")));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
