//! The real binary in an 80×24 pseudo-terminal, driven with the bytes a
//! keyboard sends, its screen read back through a terminal emulator (vt100).

#![allow(dead_code)] // each test uses the helpers it needs

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
/// How long a screen may take to show what is expected. Generous: a debug
/// build on a busy two-core machine hashes PINs (argon2) at start and login.
pub const TIMEOUT: Duration = Duration::from_secs(30);
pub const POLL: Duration = Duration::from_millis(20);

pub const F8: &str = "\x1b[19~";
pub const CTRL_Q: &str = "\x11";
pub const ENTER: &str = "\r";

/// The kiosk running in a pty, and everything it has written.
pub struct Kiosk {
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the pty produced, for the checks on exit.
    pub output: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    pub master: Box<dyn MasterPty + Send>,
}

impl Kiosk {
    /// Starts `urna --data-dir DIR demo` in an 80×24 pty.
    pub fn start(dir: &Path) -> Kiosk {
        Kiosk::start_with(dir, &[])
    }

    /// The same, with extra environment variables.
    pub fn start_with(dir: &Path, env: &[(&str, &str)]) -> Kiosk {
        Kiosk::start_args(dir, &["demo"], env)
    }

    /// `urna --data-dir DIR ARGS…` in an 80×24 pty (no arguments: the
    /// kiosk on the store in DIR).
    pub fn start_args(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Kiosk {
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
        for a in args {
            cmd.arg(a);
        }
        cmd.cwd(dir.parent().expect("the data dir has a parent"));
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("URNA_DATA_DIR");
        cmd.env_remove("URNA_LOG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("start urna");
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

    pub fn screen_text(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Waits until the screen satisfies `ok`; fails showing the screen.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&vt100::Screen) -> bool) {
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
    pub fn wait_for(&self, text: &str) {
        self.wait_until(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// Waits until one line of the screen holds all of `parts`.
    pub fn wait_for_line(&self, parts: &[&str]) {
        self.wait_until(&format!("a line with {parts:?}"), |s| {
            s.rows(0, COLS)
                .any(|row| parts.iter().all(|p| row.contains(p)))
        });
    }

    /// One key: the bytes a terminal sends for it, in one write.
    pub fn key(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("write a key to the pty");
    }

    /// Types text one key press at a time (`\r` is Enter).
    pub fn type_text(&mut self, text: &str) {
        let mut buf = [0u8; 4];
        for c in text.chars() {
            self.key(c.encode_utf8(&mut buf));
        }
    }

    /// Waits for the process to end; fails if it does not.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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
    pub fn finish_reading(&mut self) {
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
