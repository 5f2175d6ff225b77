//! Issue 12, items 9 to 16 (one test per item, each on the real app): picks
//! under an unknown district, Backspace and Ctrl+U, what a rubric refuses, a
//! day outside the window, Ctrl+L's lock, the projects page, the surname
//! search, long fields at 80 columns.

use super::*;

#[test]
fn issue12_item09_local_picks_under_an_unknown_district_are_marked_and_move() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&format!("Jan\nKowalski\nul. Długa 1\n{}ty8339\n", adult()));
    assert_eq!(k.form().focused(), Slot::Local(0));
    k.type_text("1216161616");
    assert_ne!(
        k.value(Slot::Local(0)),
        "1216161616",
        "a number never grows forever"
    );
    let s = k.screen();
    assert!(
        line_with(&s, "Lokalne").contains("✗ dzielnica nieznana"),
        "{s}"
    );
    assert_ne!(k.form().focused(), Slot::Local(0), "{s}");
}

#[test]
fn issue12_item10_backspace_stops_at_the_start_of_a_field_and_ctrl_u_clears() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&format!("Jan\nKowalski\nul. Długa 1\n{}", adult()));
    assert_eq!(k.form().focused(), Slot::Signed);
    k.keys(KeyCode::Backspace, 15);
    assert_eq!(k.form().focused(), Slot::Pesel, "{}", k.screen());
    assert_eq!(k.value(Slot::Pesel), "");
    assert_eq!(
        k.value(Slot::Address),
        "ul. Długa 1",
        "the address is whole"
    );
    k.key(KeyCode::BackTab);
    k.ctrl('u');
    assert_eq!(k.value(Slot::Address), "");
    assert_eq!(k.form().focused(), Slot::Address);
}

#[test]
fn issue12_item11_no_twelfth_digit_no_word_in_the_district_district_as_written() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&format!("Jan\nKowalski\nul. Długa 1\n{}", adult()));
    k.key(KeyCode::BackTab);
    assert_eq!(k.form().focused(), Slot::Pesel);
    k.key(KeyCode::End);
    k.type_text("5");
    assert_eq!(k.value(Slot::Pesel), adult(), "a 12th digit is refused");
    assert_eq!(k.form().focused(), Slot::Pesel);
    assert!(line_with(&k.screen(), "PESEL").contains("✗ PESEL ma 11 cyfr"));
    k.key(KeyCode::Enter);
    // A digit is no signature.
    k.type_text("1");
    assert_eq!(k.value(Slot::Signed), "");
    assert!(line_with(&k.screen(), "Podpis").contains("✗ tylko t (tak) albo n (nie)"));
    // `tak` typed out: the signature, nothing in the district.
    k.type_text("tak");
    assert_eq!(k.value(Slot::Signed), "t");
    assert_eq!(k.value(Slot::District), "");
    k.type_text(&XI_PICKS.to_lowercase());
    k.key(KeyCode::Enter);
    let s = k.flat();
    assert!(
        s.contains("Kowalski Jan, XI: 4,2,1,3"),
        "the district as written:\n{s}"
    );
    // `nie` too, even though `i` is district I.
    k.type_text(&format!("Ola\nNowak\nul. Długa 1\n{}nie", adult()));
    assert_eq!(k.value(Slot::Signed), "n");
    assert_eq!(k.value(Slot::District), "");
    // But `n` then district I is district I.
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&format!("Ola\nNowak\nul. Długa 1\n{}nI7", adult()));
    assert_eq!(k.value(Slot::District), "I");
    assert_eq!(k.value(Slot::Local(0)), "7");
}

#[test]
fn issue12_item12_a_day_outside_the_window_must_be_confirmed_and_a_new_store_asks() {
    // F10: outside the window asks; no goes back to the day, yes sets it.
    let mut k = Kiosk::anna(Lang::Pl);
    k.key(KeyCode::F(10));
    k.keys(KeyCode::Backspace, 10);
    k.type_text("2014-11-27\n");
    assert_eq!(k.scope(), Some(Scope::Confirm), "{}", k.screen());
    let s = k.flat();
    assert!(s.contains("poza terminem głosowania (2014-09-27"), "{s}");
    k.type_text("n");
    assert_eq!(k.scope(), Some(Scope::Prompt));
    assert_eq!(k.app.day, demo_day(), "nothing set");
    k.key(KeyCode::Enter);
    assert_eq!(
        k.scope(),
        Some(Scope::Entry),
        "the same day again needs no question"
    );
    k.key(KeyCode::F(10));
    k.keys(KeyCode::Backspace, 10);
    k.type_text("2014-11-27\nt");
    assert_eq!(k.app.day, date(2014, 11, 27));
    // At the next login, the day outside the window is asked about again.
    k.ctrl('q');
    k.login(1, "5678");
    assert_eq!(k.scope(), Some(Scope::Confirm), "{}", k.screen());
    k.type_text("n");
    assert!(k.flat().contains("Poproś koordynatora"), "{}", k.screen());

    // A new store: the first coordinator's login asks for the day, with the
    // edition's first day offered.
    let mut k = real_kiosk(BUNDLED_2014, false, Lang::Pl);
    k.login(1, "5678");
    assert!(
        k.flat()
            .contains("Dzień głosowania nie jest jeszcze ustawiony"),
        "{}",
        k.screen()
    );
    k.ctrl('q');
    k.login(0, "1234");
    assert_eq!(k.scope(), Some(Scope::Prompt), "{}", k.screen());
    let s = k.flat();
    assert!(s.contains("Nowy punkt: dzień głosowania"), "{s}");
    assert!(s.contains("> 2014-09-27"), "{s}");
    k.key(KeyCode::Enter);
    assert_eq!(k.app.store.current_day().expect("day"), demo_day());
    assert!(k.app.store.day_is_set().expect("set"));
}

#[test]
fn issue12_item13_ctrl_l_says_it_was_locked_on_purpose() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.ctrl('l');
    let s = k.flat();
    assert!(s.contains("Ekran zablokowany (Ctrl-L)"), "{s}");
    assert!(!s.contains("bezczynności"), "{s}");
}

#[test]
fn issue12_item14_projects_page_stop_filter_and_open_on_the_district() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.key(KeyCode::F(9));
    let top = k.screen();
    k.key(KeyCode::PageDown);
    let paged = k.screen();
    assert_ne!(top, paged);
    k.key(KeyCode::End);
    let end = k.screen();
    k.key(KeyCode::Down);
    assert_eq!(k.screen(), end, "stops at the end");
    k.key(KeyCode::PageDown);
    assert_eq!(k.screen(), end);
    assert!(end.contains("XVIII"), "the last district:\n{end}");
    k.key(KeyCode::Home);
    assert_eq!(k.screen(), top);
    // Typing filters: words of a title, diacritics and case aside.
    k.type_text("PSOW");
    let s = k.screen();
    assert!(s.contains("Wybieg dla psów"), "{s}");
    assert!(!s.contains("Plac zabaw"), "{s}");
    k.key(KeyCode::Esc);
    // With district XI typed, F9 opens on district XI.
    k.type_text(&format!("Jan\nKowalski\nul. Długa 1\n{}tXI", adult()));
    k.key(KeyCode::F(9));
    let s = k.screen();
    let first = s.lines().nth(3).unwrap_or("");
    assert!(first.contains("Dzielnica XI Podgórze Duchackie"), "{s}");
    k.key(KeyCode::Esc);
    assert_eq!(k.value(Slot::District), "XI", "the card is kept");
}

#[test]
fn issue12_item15_surname_search_finds_any_part_without_case_or_diacritics() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys(
        "Anna",
        "Wiśniewska-Żak",
        &adult(),
        't',
        XI_PICKS,
    ));
    k.key(KeyCode::Enter);
    k.type_text(&card_keys("Jan", "Kowalski", &underage(), 't', XI_PICKS));
    k.key(KeyCode::F(8));
    k.key(KeyCode::F(3));
    for q in ["żak", "ZAK", "niewska", "wiśn"] {
        k.type_text(q);
        let s = k.screen();
        assert!(s.contains("Wiśniewska-Żak"), "{q}:\n{s}");
        assert!(!s.contains("Kowalski"), "{q}:\n{s}");
        k.keys(KeyCode::Backspace, q.chars().count());
    }
}

#[test]
fn issue12_item16_at_80_columns_roles_titles_and_long_fields_are_whole_or_marked_cut() {
    let mut k = mobile_kiosk(Lang::Pl);
    k.key(KeyCode::F(10));
    k.key(KeyCode::Enter);
    k.type_text("Parking przy Centrum Kongresowym ICE Kraków\n");
    let header = k.screen().lines().next().unwrap_or("").to_string();
    assert!(header.contains("Anna (koordynator)"), "{header}");
    assert!(
        header.contains('…'),
        "the stop is cut, and says so: {header}"
    );
    // A long title ends with `…`; the review shows the start of a long field.
    let mut k = real_kiosk(KRAKOW_2021, false, Lang::Pl);
    k.set_day_as_anna(date(2021, 10, 2));
    k.app.day = date(2021, 10, 2);
    k.login(0, "1234");
    let born = pesel(1980, 1, 2, 5, Sex::Female);
    let address = "ul. Zygmunta Starego Wielkiego Króla Polskiego 123/45, 30-001 Kraków";
    k.type_text(&format!("Ewa\nNowak\n{address}\n{born}t\n\n\n\n55"));
    if k.form().focused() == Slot::Citywide(0) {
        k.key(KeyCode::Enter);
    }
    let s = k.screen();
    let line = line_with(&s, "ZRZUTKA");
    assert!(line.trim_end().ends_with('…'), "{line}");
    let line = line_with(&s, "Adres");
    assert!(line.contains("[ul. Zygmunta"), "{line}");
    assert!(line.contains("…]"), "{line}");
}
