//! Every screen at 80×24 in Polish and English (and Ukrainian where it
//! matters), entry times masked: tests/snapshots/kiosk__*.snap.

use super::*;

#[test]
fn snapshots_login_and_lock() {
    for lang in Lang::ALL {
        let mut k = Kiosk::demo(lang);
        snap("login", lang, &k.screen());
        k.login(1, "0000");
        snap("login_error", lang, &k.screen());
        k.login(0, "1234");
        k.type_text("Jan\nKow");
        k.app.tick(k.now + IDLE_LOCK);
        snap("lock", lang, &k.screen());
    }
}

#[test]
fn snapshots_card_entry_and_review() {
    // Ukrainian as well: its volunteers type `t` (так) for yes.
    for lang in Lang::ALL {
        let yes = if lang == Lang::En { 'y' } else { 't' };
        let mut k = Kiosk::anna(lang);
        snap("entry_empty", lang, &k.screen());
        // Surname skipped (a problem), the rest fine so far.
        k.type_text(&format!("Jan\n\nul. Długa 1\n{}{yes}XI42", adult()));
        snap("entry_half_typed", lang, &k.screen());
        k.key(KeyCode::F(1));
        snap("help_entry", lang, &k.screen());
        k.key(KeyCode::Esc);
        assert_eq!(k.scope(), Some(Scope::Entry), "Esc only closed the help");
        k.type_text("131529711");
        assert!(k.reviewing());
        // The skipped surname: Esc goes back to it.
        k.key(KeyCode::Esc);
        k.type_text("Kowalski");
        k.enter_to_review();
        snap("review_valid", lang, &k.screen());
        k.key(KeyCode::F(1));
        snap("help_review", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.key(KeyCode::Enter);
        assert_eq!(k.status().valid, 1);
        snap("after_save", lang, &k.screen());

        k.type_text(&card_keys("Ola", "Nowak", &underage(), 'n', XI_PICKS));
        snap("review_invalid", lang, &k.screen());
        k.key(KeyCode::Enter);
        snap("review_invalid_enter_refused", lang, &k.screen());
    }
}

#[test]
fn snapshots_cards_and_views() {
    for lang in LANGS {
        let yes = if lang == Lang::Pl { 't' } else { 'y' };
        let mut k = Kiosk::anna(lang);
        k.type_text(&card_keys("Jan", "Kowalski", &adult(), yes, XI_PICKS));
        k.key(KeyCode::Enter);
        k.type_text(&card_keys("Ola", "Nowak", &underage(), yes, XI_PICKS));
        k.key(KeyCode::F(8));
        k.type_text(&card_keys("Łucja", "Żółkiewska", &adult(), yes, XI_PICKS));
        k.key(KeyCode::Enter);
        assert_eq!(k.status().cards, 3);

        k.key(KeyCode::F(3));
        snap("cards_list", lang, &k.screen());
        k.key(KeyCode::Down);
        k.key(KeyCode::Enter);
        snap("card_open", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.key(KeyCode::Down);
        k.key(KeyCode::Enter);
        k.key(KeyCode::F(8));
        k.type_text("wpisana dwa razy");
        snap("void_prompt", lang, &k.screen());
        k.key(KeyCode::Enter);
        k.key(KeyCode::F(4));
        snap("summary", lang, &k.screen());
        k.key(KeyCode::F(9));
        snap("projects", lang, &k.screen());
        k.keys(KeyCode::Down, 20);
        snap("projects_scrolled", lang, &k.screen());
    }
}

/// The setup screen with its data directory written as `[DATA_DIR]`, the
/// row padded back to the screen's width.
fn setup_screen(setup: &SetupApp, dir: &Path) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|f| setup.render(f)).expect("draw");
    let shown = dir.display().to_string();
    buffer_text(&terminal)
        .lines()
        .map(|line| {
            if !line.contains(&shown) {
                return line.to_string();
            }
            let replaced = line.replace(&shown, "[DATA_DIR]");
            let mut chars: Vec<char> = replaced.chars().collect();
            let border = chars.pop().unwrap_or(' ');
            while chars.len() < 79 {
                chars.push(' ');
            }
            while chars.len() > 79 && chars.last() == Some(&' ') {
                chars.pop();
            }
            chars.push(border);
            chars.into_iter().collect()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn snapshots_setup() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut setup = SetupApp::new(dir.path(), lang, Path::new(EDITION_FILE));
        let s = setup_screen(&setup, dir.path());
        assert!(s.contains("[DATA_DIR]"), "the data dir is shown:\n{s}");
        snap("setup", lang, &s);
        let yes = if lang == Lang::Pl { "t" } else { "y" };
        for c in format!("P07\nSzkoła nr 7\n{yes}\n\nEwa\n1234\n4321\n").chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                c => KeyCode::Char(c),
            };
            setup.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
        assert!(setup.error.is_some());
        snap("setup_error", lang, &setup_screen(&setup, dir.path()));
    }
}

/// The protocol screen's text column (the QR to its right changes with
/// every export), with the folder, hex digits and clock times masked.
fn mask_export(screen: &str, usb: &str) -> String {
    let text_width = 80 - urna::tui::QR_WIDTH as usize;
    screen
        .lines()
        .map(|line| {
            let left: String = line.chars().take(text_width).collect();
            let left = left.replace(usb, "[USB]");
            // Runs of four or more hex digits (fingerprints, hashes), not
            // a date's year.
            let chars: Vec<char> = left.chars().collect();
            let mut out = String::new();
            let mut i = 0;
            while i < chars.len() {
                let run = chars[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit() || ('a'..='f').contains(c))
                    .count();
                let year = run == 4
                    && chars[i..i + 4].iter().all(char::is_ascii_digit)
                    && chars.get(i + 4) == Some(&'-');
                let word = i > 0 && chars[i - 1].is_alphabetic();
                if run >= 4 && !year && !word {
                    out.extend(std::iter::repeat_n('x', run));
                    i += run;
                } else {
                    out.push(chars[i]);
                    i += 1;
                }
            }
            // A date-time written `…T12:34:56+01:00`.
            if out.contains('T') && out.contains('+') && out.contains(':') {
                out = out
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect();
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn snapshots_issue12_screens() {
    for lang in LANGS {
        let yes = if lang == Lang::Pl { 't' } else { 'y' };
        let mut k = Kiosk::anna(lang);
        k.type_text(&card_keys("Jan", "Kowalski", &adult(), yes, "XI4213"));
        k.type_text("1");
        snap("entry_waiting", lang, &k.screen());
        k.key(KeyCode::F(2));
        snap("confirm_discard", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.key(KeyCode::F(9));
        snap("projects_on_district", lang, &k.screen());
        k.type_text("plac");
        snap("projects_filtered", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.type_text("\n29711");
        assert!(k.reviewing(), "{}", k.screen());
        k.key(KeyCode::F(6));
        snap("review_marked", lang, &k.screen());
        k.key(KeyCode::F(6));
        k.key(KeyCode::Enter);
        k.type_text(&card_keys("Ola", "Nowak", &adult(), yes, XI_PICKS));
        k.key(KeyCode::Enter);
        k.key(KeyCode::F(3));
        k.key(KeyCode::Enter);
        k.key(KeyCode::F(8));
        k.type_text("wpisana dwa razy\n");
        k.key(KeyCode::Enter);
        snap("card_voided", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.key(KeyCode::Down);
        k.key(KeyCode::Enter);
        k.key(KeyCode::F(5));
        k.ctrl('u');
        k.type_text("Janusz");
        k.enter_to_review();
        k.key(KeyCode::Enter);
        k.type_text("literówka\n");
        k.key(KeyCode::Down);
        k.key(KeyCode::Enter);
        snap("card_amended", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.key(KeyCode::Esc);
        k.key(KeyCode::F(12));
        snap("export_choose", lang, &k.screen());
        {
            // The protocol after an export: its text column, with what
            // changes from run to run (folder, fingerprint, times) masked.
            let usb = tempfile::tempdir().expect("usb");
            let mut done = Kiosk::anna(lang);
            done.type_text(&card_keys("Jan", "Kowalski", &adult(), yes, XI_PICKS));
            done.key(KeyCode::Enter);
            done.key(KeyCode::F(12));
            done.keys(KeyCode::Down, 5);
            done.type_text(&format!("{}\n", usb.path().display()));
            for (name, key) in [
                ("export_done", None),
                ("export_done_end", Some(KeyCode::End)),
            ] {
                if let Some(key) = key {
                    done.key(key);
                }
                let text = mask_export(&done.screen(), &usb.path().display().to_string());
                snap(name, lang, &text);
            }
        }
        k.key(KeyCode::Esc);
        k.key(KeyCode::F(10));
        k.keys(KeyCode::Backspace, 10);
        k.type_text("2014-11-27\n");
        snap("day_outside_window", lang, &k.screen());
        k.key(KeyCode::Esc);
        k.key(KeyCode::Esc);
        k.type_text("Ewa\n");
        k.ctrl('l');
        snap("lock_ctrl_l", lang, &k.screen());
        k.ctrl('q');
        snap("login_card_kept", lang, &k.screen());
    }
    // A new store's first login.
    for lang in LANGS {
        let mut k = real_kiosk(BUNDLED_2014, true, lang);
        k.login(0, "1234");
        snap("first_login_day", lang, &k.screen());
    }
}

// ---------------------------------------------------------------------------
// Snapshots of the screens the scenarios above take in Polish only.

/// The damaged-store screen in both languages: a demo store whose
/// `operators` table was edited behind urna's back (a volunteer made a
/// coordinator), opened again. The store's folder (a temporary path) is
/// shown as `<DIR>`.
#[test]
fn snapshots_damaged_store() {
    for lang in LANGS {
        let dir = tempfile::tempdir().expect("tempdir");
        drop(demo_store(dir.path()).expect("demo store"));
        let db = rusqlite::Connection::open(dir.path().join(DB_FILE)).expect("open the file");
        let changed = db
            .execute(
                "UPDATE operators SET role = 'coordinator' WHERE role = 'volunteer'",
                [],
            )
            .expect("edit operators");
        assert!(changed > 0);
        drop(db);
        let store = Store::open(dir.path()).expect("the store opens");
        let shown_dir = dir.path().display().to_string();
        let k = Kiosk::on(store, dir, lang, demo_operators());
        assert!(matches!(k.app.mode, Mode::Damaged(_)), "{}", k.screen());
        let s = k.screen();
        assert!(
            s.contains(match lang {
                Lang::Pl => "MAGAZYN USZKODZONY",
                Lang::En => "STORE DAMAGED",
                Lang::Uk => unreachable!("run in Polish and English only"),
            }),
            "{s}"
        );
        snap("damaged", lang, &s.replace(&shown_dir, "<DIR>"));
    }
}

/// The day prompt, the repeated-PESEL warning and a mobile point's day
/// summary in English (their scenarios above run in Polish).
#[test]
fn snapshots_english_of_the_day_prompt_repeated_pesel_and_mobile_summary() {
    let mut k = Kiosk::anna(Lang::En);
    k.key(KeyCode::F(10));
    assert_eq!(k.scope(), Some(Scope::Prompt));
    let s = k.screen();
    assert!(s.contains("> 2014-09-27"), "{s}");
    snap("day_prompt", Lang::En, &s);

    let mut k = Kiosk::anna(Lang::En);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    k.type_text("Maria\nKowalska\nul. Długa 1\n");
    k.type_text(&adult());
    let s = k.screen();
    assert!(s.contains("This PESEL"), "{s}");
    snap("entry_repeated_pesel", Lang::En, &s);

    let mut k = mobile_kiosk(Lang::En);
    k.key(KeyCode::F(10));
    k.key(KeyCode::Enter);
    k.type_text("Rynek Podgórski\n");
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(4));
    let s = k.screen();
    assert!(s.contains("      1  Rynek Podgórski"), "{s}");
    snap("summary_mobile", Lang::En, &s);
}
