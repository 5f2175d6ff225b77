//! The kiosk driven through its real key handling and drawn on ratatui's test
//! backend: what the screen says after each step, and what the store holds
//! afterwards. Snapshots (tests/snapshots/kiosk__*.snap) are every screen at
//! 80×24, in Polish and in English, with entry times masked.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tempfile::TempDir;
use urna::card::{Pick, Reason};
use urna::i18n::Lang;
use urna::pesel::{Sex, synthesize};
use urna::store::journal::Event;
use urna::store::{CardQuery, CardRow, DB_FILE, InitParams, Point, Role, Store};
use urna::tui::demo::{BUNDLED_2014, demo_operators, demo_store};
use urna::tui::form::{CardForm, Slot};
use urna::tui::keys::Scope;
use urna::tui::{App, IDLE_LOCK, Mode, Screen, SetupApp, SetupOutcome};

mod a_day_of_sixty_cards;
mod entry;
mod issue12_keys_and_pages;
mod issue12_saved_and_said;
mod operators;
mod screens;
mod snapshots;

const EDITION_FILE: &str = "assets/editions/krakow-2014.toml";

/// District XI (4 projects), then five city-wide picks: every id here is
/// unambiguous except the last pick's leading `1`, which `11` settles.
const XI_PICKS: &str = "XI42131529711";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// A valid PESEL of someone born on that day.
fn pesel(y: i32, m: u32, d: u32, serial: u16, sex: Sex) -> String {
    synthesize(date(y, m, d), serial, sex).expect("pesel")
}

/// Born 1975-03-14: 39 on the demo day.
fn adult() -> String {
    pesel(1975, 3, 14, 123, Sex::Male)
}

/// Sixteen the day after the demo day (2014-09-27).
fn underage() -> String {
    pesel(1998, 9, 28, 42, Sex::Female)
}

/// The keys of a whole card: name, surname, address, PESEL, signature, then
/// the district and picks (`\n` is Enter).
fn card_keys(first: &str, last: &str, pesel: &str, signed: char, picks: &str) -> String {
    format!("{first}\n{last}\nul. Długa 1\n{pesel}{signed}{picks}")
}

/// One screen row per line, every cell, trailing spaces kept.
fn buffer_text(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `chars[i..]` fits `template`, where `D` is any digit.
fn fits(chars: &[char], i: usize, template: &str) -> bool {
    template
        .chars()
        .enumerate()
        .all(|(k, t)| match chars.get(i + k) {
            Some(c) if t == 'D' => c.is_ascii_digit(),
            Some(c) => *c == t,
            None => false,
        })
}

/// Masks the wall-clock parts of a screen: entry times (`HH:MM`) and the
/// dates written with them (years from 2020 on), even when the screen's edge
/// cuts them short. Voting days (2014) and birth dates stay: they are fixed. The masks are as wide as
/// what they hide, so columns stay where they are.
fn mask_clock(screen: &str) -> String {
    let chars: Vec<char> = screen.chars().collect();
    let mut out = String::with_capacity(screen.len());
    let mut i = 0;
    while i < chars.len() {
        let year: String = chars.iter().skip(i).take(4).collect();
        if fits(&chars, i, "DDDD-DD-DD") && year.as_str() >= "2020" {
            out.push_str("YYYY-MM-DD");
            i += 10;
            // The time after it, as much of it as is on screen.
            for (t, m) in " DD:DD".chars().zip(" HH:MM".chars()) {
                let Some(c) = chars.get(i) else { break };
                if !((t == 'D' && c.is_ascii_digit()) || t == *c) {
                    break;
                }
                out.push(m);
                i += 1;
            }
        } else if fits(&chars, i, "DD:DD") {
            out.push_str("HH:MM");
            i += 5;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn mask_clock_hides_wall_clock_times_only() {
    assert_eq!(
        mask_clock("2014-09-27 · 2026-11-21 11:05 · 12:30 · 1975-03-14 · 2026-01-02 1"),
        "2014-09-27 · YYYY-MM-DD HH:MM · HH:MM · 1975-03-14 · YYYY-MM-DD H"
    );
    assert_eq!(mask_clock("Anna, 2026-11-21 11:│"), "Anna, YYYY-MM-DD HH:│");
}

fn lang_tag(lang: Lang) -> &'static str {
    lang.code()
}

/// A snapshot of one screen in one language, clock masked: from this file,
/// so the snapshot keeps its name `kiosk__<name>_<lang>` whatever module
/// asks, and in tests/snapshots/ beside the other test binaries'.
fn snap(name: &str, lang: Lang, screen: &str) {
    let name = format!("{name}_{}", lang_tag(lang));
    insta::with_settings!({ snapshot_path => "../snapshots" }, {
        insta::assert_snapshot!(name, mask_clock(screen));
    });
}

/// The kiosk on a store in a throw-away directory, with a clock the test
/// moves.
struct Kiosk {
    app: App,
    now: Instant,
    width: u16,
    height: u16,
    _dir: TempDir,
}

impl Kiosk {
    /// The training kiosk (Anna and Bartek, day 2014-09-27), at the login.
    fn demo(lang: Lang) -> Kiosk {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = demo_store(dir.path()).expect("demo store");
        Kiosk::on(store, dir, lang, demo_operators())
    }

    fn on(store: Store, dir: TempDir, lang: Lang, demo: Vec<urna::tui::DemoOperator>) -> Kiosk {
        let app = App::new(store, lang, demo).expect("app");
        Kiosk {
            app,
            now: Instant::now(),
            width: 80,
            height: 24,
            _dir: dir,
        }
    }

    /// The demo kiosk with Anna (coordinator) logged in.
    fn anna(lang: Lang) -> Kiosk {
        let mut k = Kiosk::demo(lang);
        k.login(0, "1234");
        assert_eq!(k.scope(), Some(Scope::Entry), "Anna logs in");
        k
    }

    /// The demo kiosk with Bartek (volunteer) logged in.
    fn bartek(lang: Lang) -> Kiosk {
        let mut k = Kiosk::demo(lang);
        k.login(1, "5678");
        assert_eq!(k.scope(), Some(Scope::Entry), "Bartek logs in");
        k
    }

    fn press(&mut self, code: KeyCode, mods: KeyModifiers) {
        self.app.handle_key(KeyEvent::new(code, mods), self.now);
    }

    fn key(&mut self, code: KeyCode) {
        self.press(code, KeyModifiers::NONE);
    }

    fn keys(&mut self, code: KeyCode, times: usize) {
        for _ in 0..times {
            self.key(code);
        }
    }

    fn ctrl(&mut self, c: char) {
        self.press(KeyCode::Char(c), KeyModifiers::CONTROL);
    }

    /// Types text; `\n` is Enter.
    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '\n' => self.key(KeyCode::Enter),
                c => self.key(KeyCode::Char(c)),
            }
        }
    }

    /// On the login screen: the n-th operator (alphabetical), the PIN, Enter.
    fn login(&mut self, operator: usize, pin: &str) {
        self.keys(KeyCode::Up, 5);
        self.keys(KeyCode::Down, operator);
        self.type_text(pin);
        self.key(KeyCode::Enter);
    }

    /// The review is shown (of a valid card or of an invalid one).
    fn reviewing(&self) -> bool {
        matches!(self.scope(), Some(Scope::Review | Scope::ReviewInvalid))
    }

    /// The key scope on screen; `None` at the login or lock screen.
    fn scope(&self) -> Option<Scope> {
        match &self.app.mode {
            Mode::Work(work) => Some(work.scope()),
            _ => None,
        }
    }

    /// Enter until the review shows (moving through an already typed card).
    fn enter_to_review(&mut self) {
        for _ in 0..30 {
            if self.reviewing() {
                return;
            }
            self.key(KeyCode::Enter);
        }
        panic!("no review after 30 Enters:\n{}", self.screen());
    }

    /// Draws the kiosk and returns the screen as text.
    fn screen(&self) -> String {
        let mut terminal =
            Terminal::new(TestBackend::new(self.width, self.height)).expect("terminal");
        terminal.draw(|f| self.app.render(f)).expect("draw");
        buffer_text(&terminal)
    }

    /// The screen drawn 160 columns wide, for text cut off at 80.
    fn wide_screen(&self) -> String {
        let mut terminal = Terminal::new(TestBackend::new(160, self.height)).expect("terminal");
        terminal.draw(|f| self.app.render(f)).expect("draw");
        buffer_text(&terminal)
    }

    /// Today's cards, as the store lists them (newest first).
    fn cards_of(&self, day: NaiveDate) -> Vec<CardRow> {
        self.app
            .store
            .cards(&CardQuery {
                day: Some(day),
                text: String::new(),
                limit: 0,
            })
            .expect("cards")
    }

    fn journal(&self) -> Vec<(u64, Vec<u8>, [u8; 32])> {
        self.app.store.journal().expect("journal")
    }

    /// The event of a journal entry.
    fn event(&self, seq: u64) -> Event {
        self.app.store.entry(seq).expect("entry").event
    }

    fn status(&self) -> urna::store::Status {
        self.app.store.status().expect("status")
    }
}

fn demo_day() -> NaiveDate {
    date(2014, 9, 27)
}

/// The line of the screen that contains `needle`.
fn line_with<'a>(screen: &'a str, needle: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} on screen:\n{screen}"))
}

/// A mobile training point, day 2014-09-27, coordinator Anna (1234).
fn mobile_kiosk(lang: Lang) -> Kiosk {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::create(
        dir.path(),
        InitParams {
            edition_toml: BUNDLED_2014,
            point: Point {
                id: "MOB1".into(),
                name: "Autobus".into(),
                mobile: true,
                central_recipient: None,
                training: true,
            },
            coordinator: "Anna",
            pin: "1234",
            min_pin_length: 4,
        },
    )
    .expect("create");
    store.set_day(demo_day(), "Anna").expect("day");
    let mut k = Kiosk::on(store, dir, lang, Vec::new());
    k.login(0, "1234");
    assert_eq!(k.scope(), Some(Scope::Entry));
    k
}

// ---------------------------------------------------------------------------
// Snapshots of every screen at 80×24, Polish and English (the login, lock,
// card and review screens in Ukrainian too).

const LANGS: [Lang; 2] = [Lang::Pl, Lang::En];

impl Kiosk {
    /// The card form on screen.
    fn form(&self) -> &CardForm {
        match &self.app.mode {
            Mode::Work(w) => match &w.screen {
                Screen::Entry(e) => &e.form,
                _ => panic!("not the card screen:\n{}", self.screen()),
            },
            Mode::Locked(_, w) => match &w.screen {
                Screen::Entry(e) => &e.form,
                _ => panic!("not the card screen under the lock"),
            },
            Mode::Login(_) => panic!("at the login:\n{}", self.screen()),
            Mode::Damaged(_) => panic!("on the damaged-store screen:\n{}", self.screen()),
        }
    }

    /// Sets the day through the store as coordinator Anna (PIN 1234), as
    /// F10 would, then logs her out again.
    fn set_day_as_anna(&mut self, day: NaiveDate) {
        self.app
            .store
            .login("Anna", "1234", chrono::Local::now())
            .expect("Anna's PIN");
        self.app.store.set_day(day, "Anna").expect("day");
        self.app.store.logout();
    }

    fn value(&self, slot: Slot) -> String {
        self.form().value(slot).to_string()
    }

    /// A whole screen as one text (lines joined), for messages that wrap.
    fn flat(&self) -> String {
        self.screen()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl Kiosk {
    /// Types a number rubric's value; Enter when the field still waits for
    /// more (`1` of 1–15, `XI` of XII).
    fn number(&mut self, value: &str) {
        let at = self.form().focus;
        self.type_text(value);
        if !self.reviewing() && self.form().focus == at {
            self.key(KeyCode::Enter);
        }
    }
}

/// A kiosk on a real (not training) store with this edition, coordinator Anna
/// (1234) and volunteer Bartek (5678), the day not yet set.
fn real_kiosk(edition_toml: &str, mobile: bool, lang: Lang) -> Kiosk {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::create(
        dir.path(),
        InitParams {
            edition_toml,
            point: Point {
                id: "P07".into(),
                name: "Szkoła".into(),
                mobile,
                central_recipient: None,
                training: false,
            },
            coordinator: "Anna",
            pin: "1234",
            min_pin_length: 4,
        },
    )
    .expect("create");
    store
        .add_operator("Bartek", Role::Volunteer, "5678", "Anna")
        .expect("volunteer");
    Kiosk::on(store, dir, lang, Vec::new())
}

const KRAKOW_2021: &str = include_str!("../fixtures/krakow-2021.toml");

/// The kiosk's F12 done: Anna exported one card to a folder.
fn exported(lang: Lang) -> (Kiosk, TempDir) {
    let usb = tempfile::tempdir().expect("usb");
    let mut k = Kiosk::anna(lang);
    let yes = if lang == Lang::Pl { 't' } else { 'y' };
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), yes, XI_PICKS));
    k.key(KeyCode::Enter);
    k.type_text(&card_keys("Ola", "Nowak", &adult(), 'n', XI_PICKS));
    k.key(KeyCode::F(8));
    k.key(KeyCode::F(12));
    k.keys(KeyCode::Down, 5);
    k.type_text(&format!("{}\n", usb.path().display()));
    (k, usb)
}
