//! The kiosk screen with a full day's store behind it (DESIGN §8):
//!
//! - `keypress_to_frame/80x24` and `/200x60`: one key press through
//!   `App::handle_key` and a whole `terminal.draw` of the result on ratatui's
//!   `TestBackend`, cycling through typing realistic cards (letters, Enter,
//!   PESEL digits with the store lookup, the review with the card rules, Esc
//!   and Ctrl-K to start over without saving, so this measures the screen,
//!   not the disk). Target: p99 < 2 ms.
//! - `startup_first_frame_100k`: `Store::open` of the 100,000-card store,
//!   `App::new` and the first frame of the login screen at 80×24.
//!   Target: < 100 ms.
//!
//! Criterion gives medians but no p99, so after criterion this file times
//! 5,000 single key→frame iterations per size with `Instant` and prints p50,
//! p99 and the worst, also per kind of key; then the same at 80×24 on
//! crossterm's backend writing into a byte counter (what a real terminal is
//! sent), and the real binary started in a pseudo-terminal until its login
//! screen is drawn.
//!
//! The store (100,000 cards entered with `Store::enter_card`, each with its
//! own fsync: about a minute on the development machine) is built once and kept in
//! `target/tmp/urna-bench-100k/`; a later run reuses it when it opens and
//! holds exactly 100,000 cards built by this same generator (`BUILT` names
//! the generator's version). Delete that directory to rebuild it.
//!
//! Run with `cargo bench --bench kiosk`. `cargo test --benches` (criterion's
//! `--test` mode) runs everything once on a 1,000-card store instead.

use std::cell::Cell;
use std::hint::black_box;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::Criterion;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use urna::i18n::Lang;
use urna::pesel::{self, Sex};
use urna::store::Store;
use urna::tui::demo::demo_operators;
use urna::tui::form::CardForm;
use urna::tui::keys::Scope;
use urna::tui::{App, Mode, Screen};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

#[path = "support/bench_store.rs"]
mod bench_store;

use bench_store::{Plan, bench_store, date, stored_pesel};

/// What a key does, for the per-kind figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A character typed into a field (some also move to the next field).
    Char,
    /// Enter, Backspace: next field, or a correction.
    Edit,
    /// The eleventh PESEL digit: the note, and the store searched for the PESEL.
    PeselDone,
    /// The key that completes the card: the first frame of the review, which
    /// runs the card rules.
    Review,
    /// Esc from the review, Ctrl-K and its `t`: back to an empty card.
    Reset,
}

const KINDS: [Kind; 5] = [
    Kind::Char,
    Kind::Edit,
    Kind::PeselDone,
    Kind::Review,
    Kind::Reset,
];

struct Key {
    event: KeyEvent,
    kind: Kind,
}

/// One paper card as typed, and whether the rules accept it.
struct Typed {
    keys: String,
    valid: bool,
}

/// The cards a volunteer types in the bench, with the kiosk's own shortcuts
/// (fields that are complete move on by themselves; `\r` is Enter, `\x08`
/// Backspace), in the 2014 edition.
fn typed_cards(repeated_pesel: &str) -> Vec<Typed> {
    let fresh =
        |y, m, d, serial, sex| pesel::synthesize(date(y, m, d), serial, sex).expect("PESEL");
    // Serials the store never uses for these dates: nobody here is in it.
    let adult = fresh(1975, 3, 14, 777, Sex::Male);
    let minor = fresh(1999, 2, 11, 777, Sex::Male);
    let unsigned = fresh(1962, 11, 30, 777, Sex::Female);
    vec![
        // District XI has four projects; "15" and the others settle by themselves.
        Typed {
            keys: format!("Jan\rKowalski\rul. Długa 1\r{adult}tXI42131529711"),
            valid: true,
        },
        // A PESEL already in the store: the warning names the earlier card.
        Typed {
            keys: format!(
                "Małgorzata\rWiśniewska-Kowalczyk\ros. Centrum C 7/12, 31-929 Kraków\r{repeated_pesel}t18729463146105"
            ),
            valid: true,
        },
        // A typo fixed with Backspace; a voter under 16; "1" needs Enter.
        Typed {
            keys: format!("Piotr\rNowakk\x08\rul. Wielicka 25/3\r{minor}tI1053821241\r713"),
            valid: false,
        },
        // Not signed.
        Typed {
            keys: format!("Zofia\rZając\rul. Sienna 5\r{unsigned}nVII15328821169"),
            valid: false,
        },
    ]
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The key events of the typed cards, each card followed by Esc, Ctrl-K and
/// `t` (yes, throw it away).
/// Returns the script and, per card, the index of its review key.
fn script(cards: &[Typed]) -> (Vec<Key>, Vec<usize>) {
    let mut keys = Vec::new();
    let mut reviews = Vec::new();
    for card in cards {
        let mut digits = 0;
        let chars: Vec<char> = card.keys.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let (event, mut kind) = match c {
                '\r' => (key(KeyCode::Enter), Kind::Edit),
                '\x08' => (key(KeyCode::Backspace), Kind::Edit),
                c => (key(KeyCode::Char(c)), Kind::Char),
            };
            // The PESEL is the only run of 11 digits before the district.
            if c.is_ascii_digit() {
                digits += 1;
                if digits == 11 {
                    kind = Kind::PeselDone;
                }
            } else if digits < 11 {
                digits = 0;
            }
            if i + 1 == chars.len() {
                kind = Kind::Review;
                reviews.push(keys.len());
            }
            keys.push(Key { event, kind });
        }
        keys.push(Key {
            event: key(KeyCode::Esc),
            kind: Kind::Reset,
        });
        keys.push(Key {
            event: KeyEvent::new(KeyCode::Char('k'), KeyModifiers::CONTROL),
            kind: Kind::Reset,
        });
        // Ctrl-K on a typed card asks first: `t` throws it away.
        keys.push(Key {
            event: key(KeyCode::Char('t')),
            kind: Kind::Reset,
        });
    }
    (keys, reviews)
}

fn scope(app: &App) -> Option<Scope> {
    match &app.mode {
        Mode::Work(work) => Some(work.scope()),
        _ => None,
    }
}

fn form(app: &App) -> &CardForm {
    match &app.mode {
        Mode::Work(work) => match &work.screen {
            Screen::Entry(state) => &state.form,
            _ => panic!("not on the card entry screen"),
        },
        _ => panic!("not logged in"),
    }
}

/// A logged-in kiosk on the store, and the key script checked against it:
/// every card reaches its review at its last key, with the expected verdict,
/// and the script leaves an empty card behind. This is also the warm-up.
fn kiosk<B: Backend>(dir: &Path, terminal: &mut Terminal<B>) -> (App, Vec<Key>) {
    let store = Store::open(dir).expect("open the bench store");
    // Card 540 is in every bench store (and is an ordinary adult's card).
    let repeated = stored_pesel(540);
    let mut app = App::new(store, Lang::Pl, demo_operators()).expect("start the kiosk");
    for c in "1234\r".chars() {
        let code = if c == '\r' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        app.handle_key(key(code), Instant::now());
    }
    assert_eq!(scope(&app), Some(Scope::Entry), "login with the demo PIN");
    let cards = typed_cards(&repeated);
    let (keys, reviews) = script(&cards);
    let mut card = 0;
    for (i, k) in keys.iter().enumerate() {
        let before = scope(&app);
        app.handle_key(k.event, Instant::now());
        terminal.draw(|f| app.render(f)).expect("draw a frame");
        let reviewing = matches!(scope(&app), Some(Scope::Review | Scope::ReviewInvalid));
        if reviews.get(card) == Some(&i) {
            assert!(
                reviewing,
                "card {card} did not reach the review at its last key: the form's typing rules changed?"
            );
            let valid = form(&app)
                .assess(app.store.edition(), app.day, app.store.rule_options())
                .is_valid();
            assert_eq!(valid, cards[card].valid, "card {card}'s verdict");
            card += 1;
        } else {
            assert!(
                !reviewing || matches!(before, Some(Scope::Review | Scope::ReviewInvalid)),
                "card {card} reached the review early, at key {i}"
            );
        }
    }
    assert_eq!(card, cards.len());
    assert_eq!(scope(&app), Some(Scope::Entry));
    assert!(
        form(&app).raw(app.day).first_name.is_empty(),
        "Ctrl-K leaves an empty card"
    );
    assert!(
        !app.store
            .find_by_pesel(&repeated)
            .expect("lookup")
            .is_empty(),
        "the repeated PESEL is in the store"
    );
    (app, keys)
}

fn test_terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("test terminal")
}

fn keypress_to_frame(c: &mut Criterion, dir: &Path) {
    let mut group = c.benchmark_group("keypress_to_frame");
    group
        .sample_size(100)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(6));
    for (w, h) in SIZES {
        // Built on first use, so a filtered-out size costs nothing.
        let mut state: Option<(App, Vec<Key>, Terminal<TestBackend>)> = None;
        let mut i = 0usize;
        group.bench_function(format!("{w}x{h}"), |b| {
            let (app, keys, terminal) = state.get_or_insert_with(|| {
                let mut terminal = test_terminal(w, h);
                let (app, keys) = kiosk(dir, &mut terminal);
                (app, keys, terminal)
            });
            b.iter(|| {
                let k = &keys[i % keys.len()];
                i += 1;
                app.handle_key(k.event, Instant::now());
                terminal.draw(|f| app.render(f)).expect("draw a frame");
            })
        });
    }
    group.finish();
}

/// From opening the store to the login screen's first frame.
fn start(dir: &Path) -> (App, Terminal<TestBackend>) {
    let store = Store::open(dir).expect("open the bench store");
    let app = App::new(store, Lang::Pl, demo_operators()).expect("start the kiosk");
    let mut terminal = test_terminal(80, 24);
    terminal
        .draw(|f| app.render(f))
        .expect("draw the first frame");
    (app, terminal)
}

fn startup(c: &mut Criterion, dir: &Path, plan: &Plan) {
    c.bench_function(&format!("startup_first_frame_{}", plan.label()), |b| {
        // Closing the store is not part of starting it.
        b.iter_with_large_drop(|| black_box(start(dir)))
    });
}

struct Percentiles {
    p50: Duration,
    p99: Duration,
    max: Duration,
    n: usize,
}

fn percentiles(mut v: Vec<Duration>) -> Option<Percentiles> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let at = |q: f64| v[((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1];
    Some(Percentiles {
        p50: at(0.50),
        p99: at(0.99),
        max: v[v.len() - 1],
        n: v.len(),
    })
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

fn print_row(what: &str, p: &Percentiles) {
    println!(
        "  {what:<34} n={:<5} p50 {:>10}  p99 {:>10}  max {:>10}",
        p.n,
        ms(p.p50),
        ms(p.p99),
        ms(p.max)
    );
}

/// Times `samples` single key→frame iterations on a terminal.
fn time_keys<B: Backend>(
    dir: &Path,
    mut terminal: Terminal<B>,
    samples: usize,
    mut after: impl FnMut(&mut Terminal<B>),
) -> Vec<(Kind, Duration)> {
    let (mut app, keys) = kiosk(dir, &mut terminal);
    after(&mut terminal);
    let mut out = Vec::with_capacity(samples);
    for i in 0..samples {
        let k = &keys[i % keys.len()];
        let t = Instant::now();
        app.handle_key(k.event, Instant::now());
        terminal.draw(|f| app.render(f)).expect("draw a frame");
        out.push((k.kind, t.elapsed()));
        after(&mut terminal);
    }
    out
}

fn report(what: &str, times: &[(Kind, Duration)]) {
    println!("{what}");
    if let Some(p) = percentiles(times.iter().map(|t| t.1).collect()) {
        print_row("every key", &p);
    }
    for kind in KINDS {
        let of_kind = times.iter().filter(|t| t.0 == kind).map(|t| t.1).collect();
        if let Some(p) = percentiles(of_kind) {
            print_row(&format!("{kind:?}"), &p);
        }
    }
}

/// The keys that leave the card form, at 80×24: today's cards and their
/// search (each key searches the store again), the day summary (counts over
/// the store), the project list and the help. Not in the criterion mix: a
/// volunteer presses them now and then, not between every two characters.
fn other_screens(dir: &Path, plan: &Plan) {
    let mut terminal = test_terminal(80, 24);
    let (mut app, _) = kiosk(dir, &mut terminal);
    let f = |n| key(KeyCode::F(n));
    let esc = key(KeyCode::Esc);
    let mut steps: Vec<(String, KeyEvent)> = vec![("F3 today's cards".into(), f(3))];
    for c in "Kowal".chars() {
        steps.push((format!("  search: {c}"), key(KeyCode::Char(c))));
    }
    steps.push(("  search: Backspace".into(), key(KeyCode::Backspace)));
    steps.push(("  Esc".into(), esc));
    steps.push(("F3 again".into(), f(3)));
    for c in "7503".chars() {
        steps.push((format!("  search: {c}"), key(KeyCode::Char(c))));
    }
    steps.push(("  Esc".into(), esc));
    steps.push(("F4 day summary".into(), f(4)));
    steps.push(("  Esc".into(), esc));
    steps.push(("F9 projects".into(), f(9)));
    steps.push(("  Esc".into(), esc));
    steps.push(("F1 help".into(), f(1)));
    steps.push(("  Esc".into(), esc));
    let rounds = (plan.samples / 500).max(1);
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); steps.len()];
    for _ in 0..rounds {
        for (i, (_, event)) in steps.iter().enumerate() {
            let t = Instant::now();
            app.handle_key(*event, Instant::now());
            terminal.draw(|f| app.render(f)).expect("draw a frame");
            times[i].push(t.elapsed());
        }
        assert_eq!(scope(&app), Some(Scope::Entry), "back at the card form");
    }
    println!("80x24, TestBackend, keys that open other screens ({rounds} rounds):");
    for ((label, _), t) in steps.iter().zip(times) {
        if let Some(p) = percentiles(t) {
            print_row(label, &p);
        }
    }
}

/// A writer that only counts what a real terminal would be sent.
#[derive(Default, Clone)]
struct Counter(Rc<Cell<u64>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len() as u64);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The real binary started in a pseudo-terminal on the store, until its login
/// screen has been drawn; then Ctrl-Q.
fn process_start(dir: &Path) -> Duration {
    let size = |n| NonZeroU16::new(n).expect("not 0");
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_urna"));
    cmd.arg("--data-dir");
    cmd.arg(dir);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("URNA_DATA_DIR");
    cmd.cwd(dir);
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("start urna");
    drop(pair.slave);
    let (tx, rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(size(24), size(80), 0);
        let mut buf = [0u8; 8192];
        let mut seen = false;
        loop {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    parser.process(&buf[..n]);
                    if !seen && parser.screen().contents().contains("Logowanie") {
                        seen = true;
                        let _ = tx.send(Instant::now());
                    }
                }
            }
        }
    });
    let drawn = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the kiosk drew its login screen");
    writer.write_all(b"\x11").expect("Ctrl-Q");
    writer.flush().expect("flush");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if child.try_wait().expect("poll the kiosk").is_some() {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the kiosk did not quit on Ctrl-Q");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    thread.join().expect("reader thread");
    drawn - started
}

fn own_figures(dir: &Path, plan: &Plan) {
    println!(
        "\nkiosk: single key→frame iterations timed with Instant ({} per size, {} cards):",
        plan.samples, plan.cards
    );
    for (w, h) in SIZES {
        let times = time_keys(dir, test_terminal(w, h), plan.samples, |_| {});
        report(&format!("{w}x{h}, TestBackend"), &times);
    }
    // What a real terminal gets: crossterm's escape sequences for the changed
    // cells (a fixed viewport, so no terminal needs to answer size queries).
    let sent = Counter::default();
    let terminal = Terminal::with_options(
        CrosstermBackend::new(sent.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
        },
    )
    .expect("crossterm terminal");
    // Called once after the warm-up, then after every timed frame.
    let mut per_key: Vec<u64> = Vec::with_capacity(plan.samples + 1);
    let mut last = 0u64;
    let times = time_keys(dir, terminal, plan.samples, |_| {
        let now = sent.0.get();
        per_key.push(now - last);
        last = now;
    });
    report("80x24, CrosstermBackend into a byte counter", &times);
    let timed = &per_key[1..];
    println!(
        "  bytes sent per key: mean {:.0}, most {}",
        timed.iter().sum::<u64>() as f64 / timed.len().max(1) as f64,
        timed.iter().max().unwrap_or(&0)
    );

    other_screens(dir, plan);

    let starts: Vec<Duration> = (0..plan.process_starts)
        .map(|_| process_start(dir))
        .collect();
    if let Some(p) = percentiles(starts) {
        println!("real binary in an 80x24 pty, exec to the login screen drawn:");
        print_row(&format!("urna --data-dir <{}>", plan.label()), &p);
    }
}

fn main() {
    let plan = Plan::from_args();
    let mut c = Criterion::default().configure_from_args();
    // `--list` names the benches without running them: no store needed.
    let listing = std::env::args().any(|a| a == "--list");
    let dir = if listing {
        PathBuf::new()
    } else {
        bench_store(&plan)
    };
    keypress_to_frame(&mut c, &dir);
    startup(&mut c, &dir, &plan);
    c.final_summary();
    if !listing {
        own_figures(&dir, &plan);
    }
}
