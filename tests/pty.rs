//! End to end in a real pseudo-terminal: the real binary (`urna demo`) in an
//! 80×24 pty, driven with the bytes a keyboard sends, its screen read back
//! through a terminal emulator (vt100). One valid and one invalid card are
//! typed, then `urna status` and `urna check` look at what was stored.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use chrono::NaiveDate;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use serde_json::Value;
use urna::pesel::{self, Sex};

const ROWS: u16 = 24;
const COLS: u16 = 80;
/// How long a screen may take to show what is expected. Generous: a debug
/// build on a busy two-core machine hashes PINs (argon2) at start and login.
const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(20);

const F8: &str = "\x1b[19~";
const CTRL_Q: &str = "\x11";
const ENTER: &str = "\r";

/// The kiosk running in a pty, and everything it has written.
struct Kiosk {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the pty produced, for the checks on exit.
    output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    master: Box<dyn MasterPty + Send>,
}

impl Kiosk {
    /// Starts `urna --data-dir DIR demo` in an 80×24 pty.
    fn start(dir: &Path) -> Kiosk {
        Kiosk::start_with(dir, &[])
    }

    /// The same, with extra environment variables.
    fn start_with(dir: &Path, env: &[(&str, &str)]) -> Kiosk {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_urna"));
        cmd.arg("--data-dir");
        cmd.arg(dir);
        cmd.arg("demo");
        cmd.cwd(dir.parent().expect("the data dir has a parent"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("URNA_DATA_DIR");
        cmd.env_remove("URNA_LOG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start urna demo");
        // Only the child holds the slave side now, so the reader sees the end
        // of output when the child exits.
        drop(pair.slave);

        let size = |n| NonZeroU16::new(n).expect("a screen dimension is not 0");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(ROWS), size(COLS), 0)));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut from_pty = pair.master.try_clone_reader().expect("pty reader");
        let reader = {
            let parser = Arc::clone(&parser);
            let output = Arc::clone(&output);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    let n = match from_pty.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => n,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        // Linux reports the closed slave side as EIO: the end.
                        Err(_) => break,
                    };
                    parser.lock().expect("parser lock").process(&buf[..n]);
                    output
                        .lock()
                        .expect("output lock")
                        .extend_from_slice(&buf[..n]);
                }
            })
        };
        let writer = pair.master.take_writer().expect("pty writer");
        Kiosk {
            parser,
            output,
            writer,
            child,
            reader: Some(reader),
            master: pair.master,
        }
    }

    fn screen_text(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Waits until the screen satisfies `ok`; fails showing the screen.
    fn wait_until(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if ok(self.parser.lock().expect("parser lock").screen()) {
                return;
            }
            if Instant::now() > deadline {
                panic!(
                    "waited {TIMEOUT:?} for {what}; the screen shows:\n{}\n{}",
                    "-".repeat(COLS as usize),
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until `text` is somewhere on the screen.
    fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// Waits until one line of the screen holds all of `parts`.
    fn wait_for_line(&self, parts: &[&str]) {
        self.wait_until(&format!("a line with {parts:?}"), |s| {
            s.rows(0, COLS)
                .any(|row| parts.iter().all(|p| row.contains(p)))
        });
    }

    /// One key: the bytes a terminal sends for it, in one write.
    fn key(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write a key to the pty");
    }

    /// Types text one key press at a time (`\r` is Enter).
    fn type_text(&mut self, text: &str) {
        let mut buf = [0u8; 4];
        for c in text.chars() {
            self.key(c.encode_utf8(&mut buf));
        }
    }

    /// Waits for the process to end; fails if it does not.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the kiosk process") {
                return status;
            }
            if Instant::now() > deadline {
                panic!(
                    "the kiosk did not exit within {TIMEOUT:?}; the screen shows:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the reader has seen the end of the pty's output.
    fn finish_reading(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        let reader = self.reader.take().expect("reader running");
        while !reader.is_finished() {
            assert!(
                Instant::now() < deadline,
                "the pty's output did not end after the kiosk exited"
            );
            std::thread::sleep(POLL);
        }
        reader.join().expect("reader thread");
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        // A failed test must not leave the kiosk running.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

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
