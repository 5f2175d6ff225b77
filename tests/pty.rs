//! End to end in a real pseudo-terminal: the real binary (`urna demo`) in an
//! 80×24 pty, driven with the bytes a keyboard sends, its screen read back
//! through a terminal emulator (vt100). One valid and one invalid card are
//! typed, then `urna status` and `urna check` look at what was stored.

use std::path::Path;

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{self, Sex};

#[path = "support/pty.rs"]
mod pty;

use pty::{CTRL_Q, ENTER, F8, Kiosk};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The keys of a complete 2014 card: district XI (four projects), five
/// city-wide picks. Every field that can advance by itself does.
fn card_keys(pesel: &str) -> String {
    format!("Jan\rKowalski\rul. Długa 1\r{pesel}tXI42131529711")
}

fn urna(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR").arg("--data-dir").arg(dir);
    c
}

/// Last position of `needle` in `hay`.
fn last_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[test]
fn types_a_valid_and_an_invalid_card_in_a_real_terminal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    // Adult on the demo's day (2014-09-27), and one day short of 16.
    let adult = pesel::synthesize(date(1975, 3, 14), 123, Sex::Male).expect("PESEL");
    let minor = pesel::synthesize(date(1998, 9, 28), 456, Sex::Female).expect("PESEL");

    let mut kiosk = Kiosk::start(&dir);
    kiosk.wait_for("Logowanie");
    kiosk.wait_for("Anna");
    // Anna, the first operator, is preselected.
    kiosk.type_text("1234");
    kiosk.key(ENTER);
    kiosk.wait_for("Karta do głosowania");

    // A valid card.
    kiosk.type_text(&card_keys(&adult));
    kiosk.wait_for("ur. 1975-03-14");
    kiosk.wait_for("KARTA WAŻNA");
    kiosk.key(ENTER);
    kiosk.wait_for_line(&["Zapisano kartę", "(ważna)"]);

    // A card with a defect of the paper: the voter is 15.
    kiosk.type_text(&card_keys(&minor));
    kiosk.wait_for("ur. 1998-09-28");
    kiosk.wait_for("KARTA NIEWAŻNA");
    // Enter does not save an invalid card…
    kiosk.key(ENTER);
    kiosk.wait_for("Karta ma błędy");
    assert!(
        kiosk.screen_text().contains("KARTA NIEWAŻNA"),
        "Enter left the review:\n{}",
        kiosk.screen_text()
    );
    // …F8 does, deliberately, as invalid.
    kiosk.key(F8);
    kiosk.wait_for_line(&["Zapisano kartę", "NIEWAŻNA: osoba nie ukończyła"]);
    assert!(
        kiosk.screen_text().contains("Karta do głosowania"),
        "after saving, the next card is ready:\n{}",
        kiosk.screen_text()
    );

    // Log out, then quit from the login screen.
    kiosk.key(CTRL_Q);
    kiosk.wait_for("Logowanie");
    kiosk.key(CTRL_Q);
    let status = kiosk.wait_exit();
    assert!(
        status.success(),
        "urna demo exited with {status:?}; the screen shows:\n{}",
        kiosk.screen_text()
    );
    kiosk.finish_reading();

    // The terminal was given back as it was found.
    let output = kiosk.output.lock().expect("output lock").clone();
    let left = last_at(&output, b"\x1b[?1049l").expect("the kiosk never left the alternate screen");
    let entered = last_at(&output, b"\x1b[?1049h").expect("the kiosk used the alternate screen");
    assert!(
        left > entered,
        "the alternate screen was entered again after leaving it"
    );
    let shown = last_at(&output, b"\x1b[?25h").expect("the cursor was never shown");
    if let Some(hidden) = last_at(&output, b"\x1b[?25l") {
        assert!(shown > hidden, "the cursor was left hidden");
    }
    {
        let parser = kiosk.parser.lock().expect("parser lock");
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
    }
    // Raw mode is off again: the line discipline is back to canonical mode
    // with echo (the flags are read without depending on nix directly).
    if let Some(termios) = kiosk.master.get_termios() {
        let local = format!("{:?}", termios.local_flags);
        let flags: Vec<&str> = local.split(|c: char| !c.is_ascii_alphanumeric()).collect();
        assert!(
            flags.contains(&"ICANON") && flags.contains(&"ECHO"),
            "the terminal was left in raw mode: {local}"
        );
    }
    drop(kiosk);

    // What the store says.
    let out = urna(&dir)
        .args(["status", "--json"])
        .output()
        .expect("run urna status");
    assert!(
        out.status.success(),
        "urna status failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Value = serde_json::from_slice(&out.stdout).expect("status JSON");
    assert_eq!(s["cards"], 2, "{s:#}");
    assert_eq!(s["valid"], 1, "{s:#}");
    assert_eq!(s["invalid"], 1, "{s:#}");
    assert_eq!(s["invalid_by_reason"]["underage"], 1, "{s:#}");
    assert_eq!(
        s["invalid_by_reason"].as_object().map(|o| o.len()),
        Some(1),
        "underage is the only reason: {s:#}"
    );
    assert_eq!(s["by_operator"]["Anna"], 2, "{s:#}");
    urna(&dir).arg("check").assert().success();
}

/// Types and saves one valid card, then quits the kiosk; returns the PESEL.
fn one_card_and_quit(kiosk: &mut Kiosk) -> String {
    let pesel = pesel::synthesize(date(1975, 3, 14), 123, Sex::Female).expect("a valid PESEL");
    kiosk.wait_for("Logowanie");
    kiosk.type_text("1234\r");
    kiosk.wait_for("Karta do głosowania");
    kiosk.type_text(&card_keys(&pesel));
    kiosk.wait_for("KARTA WAŻNA");
    kiosk.key(ENTER);
    kiosk.wait_for("Zapisano kartę");
    kiosk.key(CTRL_Q);
    kiosk.wait_for("Logowanie");
    kiosk.key(CTRL_Q);
    let status = kiosk.wait_exit();
    assert!(status.success(), "the kiosk exited with {status:?}");
    kiosk.finish_reading();
    pesel
}

/// Every log file's text.
fn logs(dir: &Path) -> String {
    let mut all = String::new();
    if let Ok(entries) = std::fs::read_dir(dir.join("logs")) {
        for e in entries.flatten() {
            all.push_str(&std::fs::read_to_string(e.path()).expect("read a log file"));
        }
    }
    all
}

#[test]
fn trace_logging_stays_off_the_screen_and_holds_no_personal_data() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let mut kiosk = Kiosk::start_with(&dir, &[("URNA_LOG", "trace")]);
    let pesel = one_card_and_quit(&mut kiosk);
    let screen_bytes = String::from_utf8_lossy(&kiosk.output.lock().expect("output")).into_owned();
    for level in ["TRACE", "DEBUG", " INFO "] {
        assert!(
            !screen_bytes.contains(level),
            "log output reached the screen: {level}"
        );
    }
    let log = logs(&dir);
    assert!(log.contains("card entered"), "the log has the card:\n{log}");
    assert!(log.contains("TRACE"), "trace level is on:\n{log}");
    for personal in [pesel.as_str(), &pesel[..6], "Kowalski", "Długa"] {
        assert!(!log.contains(personal), "{personal} is in the log:\n{log}");
    }
}

#[test]
fn an_unwritable_log_directory_does_not_break_the_kiosk() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).expect("data dir");
    // A file where the log folder should be: no log can be written there,
    // even by root.
    std::fs::write(dir.join("logs"), b"not a folder").expect("block the log folder");
    let mut kiosk = Kiosk::start_with(&dir, &[("URNA_LOG", "trace")]);
    one_card_and_quit(&mut kiosk);
    let screen_bytes = String::from_utf8_lossy(&kiosk.output.lock().expect("output")).into_owned();
    assert!(
        !screen_bytes.contains("logs:"),
        "no log complaint on the kiosk screen"
    );
    let status = urna(&dir)
        .args(["status", "--json"])
        .output()
        .expect("status");
    let s: Value = serde_json::from_slice(&status.stdout).expect("status JSON");
    assert_eq!(s["cards"], 1, "the card was saved");
}
