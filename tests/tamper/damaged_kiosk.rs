//! The kiosk, in a real pseudo-terminal, on a damaged store: it explains
//! and takes no card.

use super::*;

/// The kiosk in a real pseudo-terminal on a damaged store.
mod pty {
    use super::*;
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};

    pub struct Screen {
        parser: Arc<Mutex<vt100::Parser>>,
        writer: Box<dyn Write + Send>,
        child: Box<dyn portable_pty::Child + Send + Sync>,
        _master: Box<dyn portable_pty::MasterPty + Send>,
    }

    impl Screen {
        pub fn kiosk(data: &Path) -> Screen {
            let pair = native_pty_system()
                .openpty(PtySize {
                    rows: 30,
                    cols: 110,
                    pixel_width: 0,
                    pixel_height: 0,
                })
                .expect("pty");
            let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_urna"));
            cmd.arg("--data-dir");
            cmd.arg(data);
            cmd.env("TERM", "xterm-256color");
            cmd.env_remove("URNA_DATA_DIR");
            let child = pair.slave.spawn_command(cmd).expect("start the kiosk");
            drop(pair.slave);
            let size = |n| NonZeroU16::new(n).expect("size");
            let parser = Arc::new(Mutex::new(vt100::Parser::new(size(30), size(110), 0)));
            let mut from = pair.master.try_clone_reader().expect("reader");
            let p = Arc::clone(&parser);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = from.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    p.lock().expect("lock").process(&buf[..n]);
                }
            });
            Screen {
                parser,
                writer: pair.master.take_writer().expect("writer"),
                child,
                _master: pair.master,
            }
        }

        pub fn text(&self) -> String {
            self.parser.lock().expect("lock").screen().contents()
        }

        pub fn wait_for(&self, what: &str) {
            let deadline = Instant::now() + Duration::from_secs(60);
            while !self.text().contains(what) {
                assert!(
                    Instant::now() < deadline,
                    "no {what:?} on:\n{}",
                    self.text()
                );
                std::thread::sleep(Duration::from_millis(50));
            }
        }

        pub fn keys(&mut self, s: &str) {
            self.writer.write_all(s.as_bytes()).expect("type");
            self.writer.flush().expect("flush");
            std::thread::sleep(Duration::from_millis(300));
        }

        pub fn exits(&mut self) {
            let deadline = Instant::now() + Duration::from_secs(30);
            loop {
                if self.child.try_wait().expect("wait").is_some() {
                    return;
                }
                assert!(Instant::now() < deadline, "the kiosk did not quit");
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
}

#[test]
fn the_kiosk_on_a_damaged_store_explains_and_takes_no_card() {
    let w = world();
    // One found by the quick checks at start, one only by the full check
    // that runs behind the login screen, and both: the screen the quick
    // check opened lists what the full one adds.
    let cases: [(&str, Edit, &[&str]); 3] = [
        (
            "quick",
            sql("UPDATE operators SET role = 'coordinator' WHERE name = 'Bartek'"),
            &["operators[Bartek]: rola koordynator"],
        ),
        (
            "full",
            sql(
                "UPDATE card_versions SET surname = 'kowalska' WHERE seq = (SELECT MIN(seq) FROM card_versions)",
            ),
            &["wiersz indeksu kart inny niż wpis dziennika"],
        ),
        (
            "both",
            sql(
                "UPDATE operators SET role = 'coordinator' WHERE name = 'Bartek';
                 UPDATE card_versions SET surname = 'kowalska' WHERE seq = (SELECT MIN(seq) FROM card_versions)",
            ),
            &[
                "operators[Bartek]: rola koordynator",
                "wiersz indeksu kart inny niż wpis dziennika",
            ],
        ),
    ];
    for (name, edit, found) in cases {
        let data = w.copy(&format!("pty-{name}"));
        edit(&w, &data);
        let before = dump(&data);
        let mut k = pty::Screen::kiosk(&data);
        k.wait_for("MAGAZYN USZKODZONY");
        for f in found {
            k.wait_for(f);
        }
        let screen = k.text();
        for line in [
            "Kiosk nie zapisze żadnej karty",
            "Zostaw laptopa tak, jak jest",
            "Zadzwoń do biura",
            "urna export --investigation",
        ] {
            assert!(screen.contains(line), "{name}: no {line:?} on\n{screen}");
        }
        // Someone tries to log in and type a card: nothing but this screen.
        k.keys("\r5678\r");
        k.keys("1234\r");
        k.keys("Jan\tKowalski\t\r");
        let screen = k.text();
        assert!(screen.contains("MAGAZYN USZKODZONY"), "{name}:\n{screen}");
        assert!(!screen.contains("Logowanie"), "{name}:\n{screen}");
        k.keys("\x1b");
        k.exits();
        assert_eq!(
            dump(&data),
            before,
            "{name}: the kiosk wrote to a damaged store"
        );
    }
}
