//! The kiosk speaks one language at a time: every snapshot of its screens
//! is in the language its name says (Polish ones hold no English, English
//! ones no Polish, Ukrainian ones neither); Ukrainian counts cards with its
//! own plurals on screen; F2 on the login screen switches the language and
//! the screen follows at once, also in the real binary (`--lang uk`).

use std::path::Path;

use ratatui::crossterm::event::KeyCode;
use urna::edition::Edition;
use urna::i18n::Lang;
use urna::tui::App;
use urna::tui::demo::{BUNDLED_2014, demo_operators, demo_store};
use urna::tui::sender::SyncStatus;

#[path = "support/language.rs"]
mod language;
#[path = "support/pty.rs"]
mod pty;
#[path = "support/screen.rs"]
mod screen;

use language::{english_in, polish_in};
use screen::{ctrl, press, screen, type_text};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Words of the screens that are no language's sentence: key names,
/// commands and their flags, codes and units that are the same in every
/// language.
const KEYS_AND_CODES: &[&str] = &[
    "Enter",
    "Esc",
    "Tab",
    "Shift",
    "Ctrl",
    "PgUp",
    "PgDn",
    "Home",
    "End",
    "Backspace",
    "F1",
    "F2",
    "F3",
    "F4",
    "F5",
    "F6",
    "F7",
    "F8",
    "F9",
    "F10",
    "F12",
    "PIN",
    "PESEL",
    "urna",
    "export",
    "investigation",
    "out",
    "media",
    "run",
    "central",
    "set",
    "age",
    "age1",
    "DEMO",
];

/// The test data on the screens that reads as Polish: voters and their
/// address, a mobile point's stop, a point's name, an amendment's reason
/// as the test typed it.
const TEST_DATA: &[&str] = &[
    "Łucja",
    "Żółkiewska",
    "Długa",
    "Podgórski",
    "Punkt",
    "szkoleniowy",
    "Szkoła",
    "literówka",
];

/// Every word of the editions' projects and districts (titles stay as the
/// city wrote them, in Polish, on every screen).
fn edition_words() -> Vec<String> {
    let edition = Edition::parse(BUNDLED_2014, "krakow-2014.toml").expect("the 2014 edition");
    let mut titles: Vec<String> = edition
        .citywide
        .projects
        .iter()
        .map(|p| p.title.clone())
        .collect();
    for d in &edition.districts {
        titles.push(d.name.clone());
        titles.extend(d.list.projects.iter().map(|p| p.title.clone()));
    }
    titles.push(edition.name.clone());
    titles
        .iter()
        .flat_map(|t| {
            t.split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The screen of a snapshot file (what follows its header).
fn snapshot_screen(text: &str) -> &str {
    text.splitn(3, "---\n").nth(2).unwrap_or(text)
}

#[test]
fn every_kiosk_snapshot_is_in_its_own_language() {
    let dir = Path::new(ROOT).join("tests/snapshots");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/snapshots")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.starts_with("kiosk") && n.ends_with(".snap"))
        .collect();
    names.sort();
    let data = edition_words();
    let mut allow: Vec<&str> = data.iter().map(String::as_str).collect();
    allow.extend(KEYS_AND_CODES);
    allow.extend(TEST_DATA);
    let mut seen = [0usize; 3];
    let mut wrong = Vec::new();
    for name in &names {
        let text = std::fs::read_to_string(dir.join(name)).expect("a snapshot");
        let shown = snapshot_screen(&text);
        let (english, polish) = if name.ends_with("_pl.snap") {
            seen[0] += 1;
            (english_in(shown, &allow), Vec::new())
        } else if name.ends_with("_en.snap") {
            seen[1] += 1;
            (Vec::new(), polish_in(shown, &allow))
        } else if name.ends_with("_uk.snap") {
            seen[2] += 1;
            (english_in(shown, &allow), polish_in(shown, &allow))
        } else {
            panic!("{name}: a kiosk snapshot names its language (_pl, _en, _uk)");
        };
        if !english.is_empty() || !polish.is_empty() {
            wrong.push(format!("{name}: English {english:?}, Polish {polish:?}"));
        }
    }
    assert!(
        seen[0] >= 40 && seen[1] >= 40 && seen[2] >= 10,
        "snapshots scanned (pl, en, uk): {seen:?}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The demo kiosk at its login screen, in `lang`.
fn demo(dir: &Path, lang: Lang) -> App {
    App::new(demo_store(dir).expect("demo store"), lang, demo_operators()).expect("app")
}

/// A valid 2014 card, typed and saved (`⏎` is Enter).
const CARD: &str = "Jan⏎Kowalski⏎ul. Długa 1⏎75031412362tXI42131529711⏎";

#[test]
fn ukrainian_counts_cards_with_its_own_plurals_on_screen() {
    for (n, uk, pl) in [
        (1, "Внесено: 1 картка", "Wprowadzono: 1 karta"),
        (3, "Внесено: 3 картки", "Wprowadzono: 3 karty"),
        (5, "Внесено: 5 карток", "Wprowadzono: 5 kart"),
    ] {
        let tmp = tempfile::tempdir().expect("tempdir");
        let mut app = demo(tmp.path(), Lang::Uk);
        type_text(&mut app, "1234⏎");
        for _ in 0..n {
            type_text(&mut app, CARD);
        }
        assert_eq!(app.store.status().expect("status").cards, n);
        press(&mut app, KeyCode::F(4));
        let s = screen(&app);
        assert!(s.contains(" Підсумок дня 2014-09-27 "), "{s}");
        assert!(s.contains(uk), "{n} cards:\n{s}");
        // The same count in Polish, after logging out and switching.
        ctrl(&mut app, 'q');
        press(&mut app, KeyCode::F(2));
        press(&mut app, KeyCode::F(2));
        assert_eq!(app.lang, Lang::Pl, "Uk → En → Pl");
        type_text(&mut app, "1234⏎");
        press(&mut app, KeyCode::F(4));
        let s = screen(&app);
        assert!(s.contains(pl), "{n} cards:\n{s}");
    }
}

#[test]
fn the_office_senders_header_words_count_in_every_language() {
    let sent = |cards| SyncStatus {
        on: true,
        last: Some(("12:03".into(), cards)),
        ..SyncStatus::default()
    };
    let words = |lang, cards| sent(cards).words(lang, false).expect("sending is on");
    assert_eq!(words(Lang::Uk, 1), "бюро: надіслано 12:03 · 1 картка");
    assert_eq!(words(Lang::Uk, 3), "бюро: надіслано 12:03 · 3 картки");
    assert_eq!(words(Lang::Uk, 5), "бюро: надіслано 12:03 · 5 карток");
    assert_eq!(words(Lang::Pl, 22), "biuro: wysłano 12:03 · 22 karty");
    assert_eq!(words(Lang::En, 1), "office: sent 12:03 · 1 card");
    let waiting = SyncStatus {
        on: true,
        waiting: true,
        ..SyncStatus::default()
    };
    assert_eq!(
        waiting.words(Lang::Uk, true).as_deref(),
        Some("бюро: пізніше")
    );
}

#[test]
fn f2_on_the_login_screen_switches_the_language_and_the_screen_follows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = demo(tmp.path(), Lang::Pl);
    let s = screen(&app);
    assert!(s.contains("┌ Logowanie "), "{s}");
    assert!(
        s.contains("F2 język: українська"),
        "the hint names the next language:\n{s}"
    );

    // A wrong PIN's line goes with the language it was said in.
    type_text(&mut app, "0000⏎");
    assert!(screen(&app).contains("Zły PIN"));
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.lang, Lang::Uk);
    let s = screen(&app);
    for ukrainian in [
        "┌ Вхід ",
        "Виберіть себе (↑/↓), введіть PIN і натисніть Enter.",
        "Anna (координатор)",
        "НАВЧАННЯ · urna · DEMO",
        "Enter далі  Esc назад  Ctrl-Q завершити  F2 мова: English",
    ] {
        assert!(s.contains(ukrainian), "{ukrainian:?} after F2:\n{s}");
    }
    assert!(!s.contains("Zły PIN"), "{s}");
    assert!(polish_in(&s, &["Anna", "Bartek"]).is_empty(), "{s}");

    press(&mut app, KeyCode::F(2));
    assert_eq!(app.lang, Lang::En);
    let s = screen(&app);
    assert!(s.contains("┌ Log in "), "{s}");
    assert!(s.contains("F2 language: polski"), "{s}");
    press(&mut app, KeyCode::F(2));
    assert_eq!(app.lang, Lang::Pl);
    assert!(screen(&app).contains("┌ Logowanie "));

    // Switched to Ukrainian, the session after the login is Ukrainian too.
    press(&mut app, KeyCode::F(2));
    type_text(&mut app, "1234⏎");
    let s = screen(&app);
    assert!(s.contains("Картка для голосування"), "{s}");
    assert!(s.contains("Anna (координатор)"), "{s}");
    assert!(s.contains("F1 довідка"), "{s}");
    type_text(&mut app, CARD);
    assert!(
        screen(&app).contains("» Збережено картку DEMO-") && screen(&app).contains("(дійсна)"),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_real_kiosk_starts_in_ukrainian_with_lang_uk_and_f2_switches_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let mut kiosk = pty::Kiosk::start_args(&dir, &["--lang", "uk", "demo"], &[]);
    kiosk.wait_for("Вхід");
    kiosk.wait_for("F2 мова: English");
    // F2 as an xterm sends it.
    kiosk.key("\x1bOQ");
    kiosk.wait_for("Log in");
    kiosk.wait_for("F2 language: polski");
    kiosk.key(pty::CTRL_Q);
    let status = kiosk.wait_exit();
    assert!(status.success(), "the kiosk exited with {status:?}");
    kiosk.finish_reading();
}
