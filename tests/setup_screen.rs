//! The setup screen of a new kiosk, driven with keys: a wrong answer is
//! pointed at and nothing is created; a complete one creates the store.

use std::path::Path;

use chrono::Local;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use urna::i18n::Lang;
use urna::tui::{SetupApp, SetupOutcome};

const EDITION: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/editions/krakow-2014.toml"
);

fn keys(app: &mut SetupApp, text: &str) {
    for c in text.chars() {
        let code = match c {
            '⏎' => KeyCode::Enter,
            '⌫' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn screen(app: &SetupApp) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| app.render(f)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn setup_creates_the_store_only_when_everything_is_right() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("kiosk");
    let mut app = SetupApp::new(&dir, Lang::Pl, Path::new(EDITION));
    // Point id, name, mobile, the office key left empty, coordinator, PIN
    // twice: an empty key is not an answer.
    keys(&mut app, "P-XI-03⏎Rada Dzielnicy XI⏎t⏎⏎Anna⏎1234⏎1243⏎");
    assert!(app.outcome.is_none());
    let text = screen(&app);
    assert!(
        text.contains("✗ Wpisz klucz age biura (age1…) albo słowo „brak”"),
        "{text}"
    );
    assert!(!dir.join("urna.sqlite").exists(), "nothing created yet");
    // "No key yet", said explicitly: the screen states what follows.
    keys(&mut app, "brak");
    let text = screen(&app);
    assert!(
        text.contains("! Bez klucza biura: karty można wpisywać, ale eksport"),
        "{text}"
    );
    // On to the second PIN, which is wrong.
    keys(&mut app, "⏎⏎⏎⏎");
    assert!(app.outcome.is_none());
    let text = screen(&app);
    assert!(text.contains("✗ PIN-y się różnią."), "{text}");
    assert!(!dir.join("urna.sqlite").exists(), "nothing created yet");
    // Fix the second PIN (the focus is back on it).
    keys(&mut app, "⌫⌫⌫⌫1234⏎");
    let store = match app.outcome.take() {
        Some(SetupOutcome::Ready(store)) => store,
        _ => panic!("setup did not finish: {}", screen(&app)),
    };
    let mut store = *store;
    assert_eq!(store.point().id, "P-XI-03");
    assert_eq!(store.point().name, "Rada Dzielnicy XI");
    assert!(store.point().mobile);
    assert!(!store.point().training);
    assert_eq!(store.edition().id, "krakow-2014");
    assert_eq!(store.point().central_recipient, None, "no key yet");
    assert!(store.login("Anna", "1234", Local::now()).is_ok());
}

#[test]
fn setup_points_at_a_bad_point_id_and_a_bad_office_key() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("kiosk");
    let mut app = SetupApp::new(&dir, Lang::En, Path::new(EDITION));
    keys(&mut app, "P 03⏎Point⏎n⏎age1nope⏎Anna⏎1234⏎1234⏎");
    assert!(screen(&app).contains("✗ Point id: letters, digits"));
    keys(&mut app, "⌫⌫⌫⌫P03⏎⏎⏎⏎⏎⏎⏎");
    assert!(screen(&app).contains("✗ Not the office's age key"));
    assert!(!dir.join("urna.sqlite").exists());
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(matches!(app.outcome, Some(SetupOutcome::Quit)));
    assert!(!dir.join("urna.sqlite").exists());
}

#[test]
fn in_ukrainian_the_no_key_answer_is_a_ukrainian_word() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("kiosk");
    let mut app = SetupApp::new(&dir, Lang::Uk, Path::new(EDITION));
    keys(&mut app, "P-XI-03⏎Rada Dzielnicy XI⏎n⏎⏎Anna⏎1234⏎1234⏎");
    assert!(app.outcome.is_none());
    let text = screen(&app);
    assert!(
        text.contains("✗ Введіть ключ age бюро (age1…) або слово «немає»"),
        "{text}"
    );
    keys(&mut app, "немає");
    let text = screen(&app);
    assert!(
        text.contains("! Без ключа бюро: картки можна вносити"),
        "{text}"
    );
    keys(&mut app, "⏎⏎⏎⏎");
    let store = match app.outcome.take() {
        Some(SetupOutcome::Ready(store)) => store,
        _ => panic!("setup did not finish: {}", screen(&app)),
    };
    assert_eq!(store.point().central_recipient, None, "no key yet");
}
