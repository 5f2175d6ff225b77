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

use crate::i18n::{Lang, t};

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
            t(
                lang,
                "urna · MAGAZYN USZKODZONY — kiosk zablokowany",
                "urna · STORE DAMAGED — the kiosk is locked",
            ),
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ))),
        header,
    );
    let block = Block::default().borders(Borders::ALL).title(t(
        lang,
        " Magazyn uszkodzony ",
        " Store damaged ",
    ));
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let mut lines = vec![
        Line::from(Span::styled(
            t(
                lang,
                "Dane tego punktu zostały zmienione poza urną albo są zepsute. Kiosk nie zapisze żadnej karty.",
                "This point's data was changed outside urna or is broken. The kiosk will not save any card.",
            ),
            Style::default().add_modifier(Modifier::BOLD),
        )),
        Line::from(""),
        Line::from(t(lang, "Co zrobić:", "What to do:")),
        Line::from(t(
            lang,
            " 1. Zostaw laptopa tak, jak jest: nie usuwaj plików, nie instaluj urny od nowa, nie wpisuj kart gdzie indziej.",
            " 1. Leave the laptop as it is: do not delete files, do not reinstall urna, do not enter cards elsewhere.",
        )),
        Line::from(t(
            lang,
            " 2. Zadzwoń do biura i przeczytaj mu listę poniżej. Karty papierowe zostają zapieczętowane w urnie.",
            " 2. Call the office and read it the list below. The paper cards stay sealed in the urn.",
        )),
        Line::from(t(
            lang,
            " 3. Jeśli biuro poprosi, koordynator robi w terminalu eksport do wyjaśnienia (nie do liczenia):",
            " 3. If the office asks, a coordinator makes an export for investigation (not for counting) in a terminal:",
        )),
        Line::from(t(
            lang,
            "      urna export --investigation --out /media/… --as IMIĘ",
            "      urna export --investigation --out /media/… --as NAME",
        )),
        Line::from(""),
        Line::from(format!(
            "{}: {}",
            t(lang, "Katalog danych", "Data directory"),
            dir.display()
        )),
        Line::from(t(lang, "Co znaleziono:", "What was found:")),
    ];
    for f in &state.found {
        lines.push(Line::from(format!("  ✗ {f}")));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("Esc", Style::default().add_modifier(Modifier::REVERSED)),
            Span::raw(t(lang, " zakończ", " quit")),
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
