//! The other screens: a mobile point's stop, English, help, the cards
//! list, set-up, a large and a tiny terminal.

use super::*;

#[test]
fn mobile_point_asks_for_the_stop_and_cards_record_it() {
    let mut k = mobile_kiosk(Lang::Pl);
    assert!(!k.screen().contains("postój:"));
    k.key(KeyCode::F(10));
    k.key(KeyCode::Enter);
    let s = k.screen();
    assert!(s.contains("Miejsce postoju punktu mobilnego:"), "{s}");
    k.key(KeyCode::Enter);
    assert!(k.screen().contains("✗ Wpisz miejsce postoju."));
    k.type_text("Rynek Podgórski\n");
    assert_eq!(k.scope(), Some(Scope::Entry));
    assert_eq!(
        k.app.store.current_stop().expect("stop").as_deref(),
        Some("Rynek Podgórski")
    );
    let s = k.screen();
    assert!(
        s.lines()
            .next()
            .unwrap_or("")
            .contains("postój: Rynek Podgórski"),
        "{s}"
    );
    assert!(s.contains("» Postój: Rynek Podgórski."), "{s}");

    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    let rows = k.cards_of(demo_day());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].stop.as_deref(), Some("Rynek Podgórski"));
    let Event::CardEntered { stop, .. } = k.event(rows[0].seq) else {
        panic!("not a card_entered entry");
    };
    assert_eq!(stop.as_deref(), Some("Rynek Podgórski"));

    // The opened card and the summary name the stop.
    k.key(KeyCode::F(3));
    k.key(KeyCode::Enter);
    assert!(k.screen().contains("Postój: Rynek Podgórski"));
    k.key(KeyCode::F(4));
    let s = k.screen();
    assert!(s.contains("Według postoju:"), "{s}");
    assert!(s.contains("      1  Rynek Podgórski"), "{s}");
    snap("summary_mobile", Lang::Pl, &s);
}

// ---------------------------------------------------------------------------
// 11. English.

#[test]
fn english_kiosk_speaks_english() {
    let mut k = Kiosk::demo(Lang::En);
    let s = k.screen();
    assert!(s.contains("Log in"), "{s}");
    assert!(s.contains("TRAINING KIOSK"), "{s}");
    k.login(0, "1234");
    let s = k.screen();
    assert!(s.contains("Voting card"), "{s}");
    assert!(s.contains("Anna (coordinator)"), "{s}");
    k.type_text("Jan\nKowalski\nul. Długa 1\n");
    k.type_text(&adult());
    assert!(line_with(&k.screen(), "PESEL").contains("✓ born 1975-03-14, 39 years"));
    k.type_text(&format!("y{XI_PICKS}"));
    let s = k.screen();
    for label in ["First name", "Surname", "Address", "Signature", "District"] {
        assert!(s.contains(label), "{label}:\n{s}");
    }
    assert!(line_with(&s, "Signature").contains("[y] ✓ yes"), "{s}");
    assert!(s.contains("Review before saving"), "{s}");
    assert!(s.contains("✓ VALID CARD — Enter saves"), "{s}");
    k.key(KeyCode::Enter);
    assert_eq!(k.status().valid, 1);
    assert!(k.screen().contains("» Saved card DEMO-"));
}

// ---------------------------------------------------------------------------
// More of the screens' behaviour.

#[test]
fn help_closes_on_any_key_without_typing_it() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.key(KeyCode::F(1));
    let s = k.screen();
    assert!(s.contains("Pomoc — dowolny klawisz zamyka"), "{s}");
    assert!(s.contains("Ctrl-K"), "the help lists every key:\n{s}");
    k.type_text("x");
    let s = k.screen();
    assert!(!s.contains("Pomoc"), "{s}");
    assert!(
        line_with(&s, "Imię").contains("[                      ]"),
        "{s}"
    );
}

#[test]
fn cards_list_searches_by_pesel_and_surname() {
    let mut k = Kiosk::anna(Lang::Pl);
    let other = pesel(1980, 7, 1, 456, Sex::Female);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    k.type_text(&card_keys("Łucja", "Żółkiewska", &other, 't', XI_PICKS));
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(3));
    let s = k.screen();
    assert!(s.contains("Karty z dnia 2014-09-27 (2)"), "{s}");
    assert!(s.contains("Żółkiewska Łucja"), "{s}");
    assert!(s.contains("Kowalski Jan"), "{s}");
    assert!(!s.contains(&adult()), "PESELs are masked in the list:\n{s}");

    k.type_text("zolk");
    let s = k.screen();
    assert!(s.contains("(1)"), "surname without diacritics:\n{s}");
    assert!(
        s.contains("Żółkiewska Łucja") && !s.contains("Kowalski"),
        "{s}"
    );
    k.keys(KeyCode::Backspace, 4);
    k.type_text(&adult()[..6]);
    let s = k.screen();
    assert!(s.contains("(1)"), "PESEL prefix:\n{s}");
    assert!(
        s.contains("Kowalski Jan") && !s.contains("Żółkiewska"),
        "{s}"
    );
    k.type_text("x");
    assert!(k.screen().contains("Brak kart."));
    k.keys(KeyCode::Backspace, 7);
    k.key(KeyCode::Down);
    k.key(KeyCode::Enter);
    let s = k.screen();
    assert!(
        s.contains("Nazwisko    Kowalski"),
        "↓ selected the older card:\n{s}"
    );
    k.key(KeyCode::Esc);
    assert_eq!(k.scope(), Some(Scope::Cards));
    k.key(KeyCode::Esc);
    assert_eq!(k.scope(), Some(Scope::Entry));
}

#[test]
fn setup_refuses_a_bad_form_and_creates_the_store_from_a_good_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let mut setup = SetupApp::new(&data, Lang::Pl, Path::new(EDITION_FILE));
    let key = |setup: &mut SetupApp, code: KeyCode| {
        setup.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    };
    let type_text = |setup: &mut SetupApp, text: &str| {
        for c in text.chars() {
            match c {
                '\n' => key(setup, KeyCode::Enter),
                c => key(setup, KeyCode::Char(c)),
            }
        }
    };
    // Focus starts on the point id; Enter on the last field submits.
    type_text(&mut setup, "\n\n\n\n\n\n\n");
    assert!(setup.outcome.is_none());
    assert!(
        setup
            .error
            .as_deref()
            .is_some_and(|e| e.starts_with("Identyfikator punktu")),
        "{:?}",
        setup.error
    );
    assert_eq!(setup.focus, 1, "back on the point id");
    // "brak": no office key yet, said explicitly (an empty key is refused).
    type_text(&mut setup, "P07\nSzkoła nr 7\nt\nbrak\nEwa\n1234\n4321\n");
    assert_eq!(setup.error.as_deref(), Some("PIN-y się różnią."));
    assert!(setup.outcome.is_none());
    assert!(!data.join(DB_FILE).exists(), "nothing created");
    for _ in 0..4 {
        key(&mut setup, KeyCode::Backspace);
    }
    type_text(&mut setup, "1234\n");
    let Some(SetupOutcome::Ready(store)) = setup.outcome.take() else {
        panic!("no store: {:?}", setup.error);
    };
    assert_eq!(store.point().id, "P07");
    assert_eq!(store.point().name, "Szkoła nr 7");
    assert!(store.point().mobile);
    assert!(!store.point().training);
    let ops = store.operators().expect("operators");
    assert_eq!(ops.len(), 1);
    assert_eq!(
        (ops[0].name.as_str(), ops[0].role),
        ("Ewa", Role::Coordinator)
    );
}

// ---------------------------------------------------------------------------
// Sizes.

#[test]
fn card_entry_renders_on_a_large_terminal() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.width = 200;
    k.height = 60;
    k.type_text("Jan\nKowalski\n");
    let s = k.screen();
    assert_eq!(s.lines().count(), 60);
    for label in [
        "Imię",
        "Nazwisko",
        "Adres",
        "PESEL",
        "Podpis",
        "Dzielnica",
        "Lokalne",
        "Miejskie",
        "Karta do głosowania",
    ] {
        assert!(s.contains(label), "{label}:\n{s}");
    }
    assert!(line_with(&s, "Nazwisko").contains("[Kowalski"));
    assert!(
        s.lines().last().unwrap_or("").contains("F1 pomoc"),
        "the footer on the last row:\n{s}"
    );
}

#[test]
fn tiny_terminal_does_not_panic() {
    let mut k = Kiosk::demo(Lang::Pl);
    k.width = 40;
    k.height = 12;
    let mut seen = vec![k.screen()];
    k.login(0, "1234");
    seen.push(k.screen());
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    seen.push(k.screen());
    k.key(KeyCode::F(1));
    seen.push(k.screen());
    k.key(KeyCode::Esc);
    k.key(KeyCode::Enter);
    seen.push(k.screen());
    k.key(KeyCode::F(3));
    seen.push(k.screen());
    k.key(KeyCode::Enter);
    seen.push(k.screen());
    k.key(KeyCode::F(8));
    seen.push(k.screen());
    k.key(KeyCode::Esc);
    k.key(KeyCode::F(4));
    seen.push(k.screen());
    k.key(KeyCode::F(9));
    seen.push(k.screen());
    k.key(KeyCode::F(10));
    seen.push(k.screen());
    k.key(KeyCode::Esc);
    k.app.tick(k.now + IDLE_LOCK);
    seen.push(k.screen());
    for s in &seen {
        assert_eq!(s.lines().count(), 12);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let setup = SetupApp::new(dir.path(), Lang::Pl, Path::new(EDITION_FILE));
    let mut terminal = Terminal::new(TestBackend::new(40, 12)).expect("terminal");
    terminal.draw(|f| setup.render(f)).expect("draw");
}
