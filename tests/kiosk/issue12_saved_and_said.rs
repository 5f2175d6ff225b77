//! Issue 12, items 1 to 8: no half-typed card lost, no silent mis-key,
//! every screen whole at 80×24 (one test per item, each on the real app):
//! a half-typed card kept, numbers that could grow, the protocol's
//! fingerprint and QR code, reasons in words, the review's footer, a field
//! fixed from the review, what happened to a card, an optional part left
//! empty.

use super::*;

#[test]
fn issue12_item01_a_half_typed_card_survives_screens_lock_and_logout() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text("Jan\nKowalski\n");
    let kept = |k: &Kiosk| {
        assert_eq!(k.value(Slot::FirstName), "Jan", "{}", k.screen());
        assert_eq!(k.value(Slot::LastName), "Kowalski");
        assert_eq!(k.form().focused(), Slot::Address, "where it stopped");
    };
    for f in [9, 3, 4, 12] {
        k.key(KeyCode::F(f));
        k.key(KeyCode::Esc);
        kept(&k);
    }
    // F3 then F2 comes back to the card too, and says so.
    k.key(KeyCode::F(3));
    k.key(KeyCode::F(2));
    kept(&k);
    assert!(
        k.screen().contains("Niezapisana karta wróciła"),
        "{}",
        k.screen()
    );
    // F2 and Ctrl-K on the card ask first; no and Esc keep it.
    k.key(KeyCode::F(2));
    assert_eq!(k.scope(), Some(Scope::Confirm));
    assert!(
        k.flat().contains("Wyrzucić niezapisaną kartę"),
        "{}",
        k.screen()
    );
    k.type_text("n");
    kept(&k);
    k.ctrl('k');
    assert_eq!(k.scope(), Some(Scope::Confirm));
    k.key(KeyCode::Esc);
    kept(&k);
    // Ctrl-L and back.
    k.ctrl('l');
    assert!(k.scope().is_none());
    k.type_text("1234\n");
    kept(&k);
    // Log-out: kept for Anna's next login, not given to Bartek.
    k.ctrl('q');
    assert!(
        k.flat().contains("Anna: niezapisana karta czeka"),
        "{}",
        k.screen()
    );
    k.login(1, "5678");
    assert!(k.form().is_blank(), "Bartek gets an empty card");
    k.ctrl('q');
    k.login(0, "1234");
    kept(&k);
    assert!(k.screen().contains("wróciła"), "{}", k.screen());
    // Yes throws it away.
    k.key(KeyCode::F(2));
    k.type_text("t");
    assert!(k.form().is_blank());
    assert_eq!(k.status().cards, 0);
}

#[test]
fn issue12_item02_a_number_that_could_still_grow_says_so() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', "XI4213"));
    assert_eq!(k.form().focused(), Slot::Citywide(0));
    k.type_text("1");
    let s = k.screen();
    let line = line_with(&s, "Miejskie");
    assert!(line.contains("[1…"), "the field shows it waits:\n{s}");
    assert!(line.contains("Enter = 1 · 10–15 dalej"), "{s}");
    // `1` `2` is 12: the review names project 12 beside it before saving.
    k.type_text("2");
    assert_eq!(k.value(Slot::Citywide(0)), "12");
    k.type_text("9711");
    k.key(KeyCode::Enter);
    assert!(k.reviewing(), "{}", k.screen());
    let s = k.screen();
    let twelve = urna::edition::Edition::parse(BUNDLED_2014, "e")
        .expect("edition")
        .citywide
        .find("12")
        .expect("project 12")
        .title
        .clone();
    assert!(
        line_with(&s, "Miejskie").contains(&format!("[12   ] ✓ {twelve}")),
        "{s}"
    );
    // The district waits too: XI could be XII or XIII.
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', "XI"));
    let s = k.screen();
    assert!(
        line_with(&s, "Dzielnica").contains("[XI…  ] ✓ XI Podgórze"),
        "{s}"
    );
    assert!(
        line_with(&s, "Dzielnica").contains("✓ XI Podgórze Duchackie · Enter = XI · XII–XIV dalej"),
        "{s}"
    );
}

fn fingerprint_of(usb: &Path) -> String {
    let bundle = std::fs::read_dir(usb)
        .expect("usb")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "urna"))
        .expect("a bundle");
    urna::bundle::verify(&bundle, None)
        .expect("verifies")
        .fingerprint
}

#[test]
fn issue12_item03_the_protocol_screen_shows_the_whole_fingerprint_and_scrolls() {
    let (mut k, usb) = exported(Lang::Pl);
    let fp = fingerprint_of(usb.path());
    let s = k.screen();
    // The whole fingerprint on one screen, in groups of four.
    let groups: Vec<String> = fp
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect())
        .collect();
    for four in groups.chunks(4) {
        assert!(
            s.contains(&four.join(" ")),
            "{} missing:\n{s}",
            four.join(" ")
        );
    }
    // The end of the protocol is reachable: End shows who did it and the files.
    k.key(KeyCode::End);
    let s = k.screen();
    assert!(s.contains("Wykonał(a)"), "{s}");
    assert!(s.contains("Zapisane pliki w"), "{s}");
    assert!(s.contains("DEMO-20140927-1.urna"), "{s}");
    // And it stops there.
    k.key(KeyCode::Down);
    assert_eq!(k.screen(), s, "no scrolling past the end");
    k.key(KeyCode::Home);
    assert!(k.screen().contains("PROTOKÓŁ DNIA"));
}

/// The screen's cells as a greyscale image, two pixels per cell row (the
/// block characters' upper and lower halves), `scale` pixels per module.
fn qr_from_screen(k: &Kiosk) -> Option<String> {
    let mut terminal = Terminal::new(TestBackend::new(k.width, k.height)).expect("terminal");
    terminal.draw(|f| k.app.render(f)).expect("draw");
    let buffer = terminal.backend().buffer();
    // The QR is the right-hand 37 columns of the body.
    let x0 = k.width - urna::tui::QR_WIDTH;
    let (y0, rows) = (2u16, 19u16);
    let scale = 4usize;
    let w = urna::tui::QR_WIDTH as usize * scale;
    let h = rows as usize * 2 * scale;
    let light = |x: usize, y: usize| -> bool {
        let cell = &buffer[(x0 + (x / scale) as u16, y0 + (y / scale / 2) as u16)];
        let upper = (y / scale).is_multiple_of(2);
        match cell.symbol() {
            "█" => true,
            "▀" => upper,
            "▄" => !upper,
            _ => false,
        }
    };
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| if light(x, y) { 255 } else { 0 });
    // The screen draws light modules as blocks on a dark terminal: what a
    // phone sees is the blocks light, the rest dark.
    let grids = img.detect_grids();
    let (_, text) = grids.first()?.decode().ok()?;
    Some(text)
}

#[test]
fn issue12_item03_the_on_screen_qr_code_decodes_to_the_fingerprint() {
    let (k, usb) = exported(Lang::Pl);
    let fp = fingerprint_of(usb.path());
    let text = qr_from_screen(&k).unwrap_or_else(|| panic!("no QR read:\n{}", k.screen()));
    assert_eq!(text, fp.to_ascii_uppercase());
}

#[test]
fn issue12_item04_reasons_flags_and_roles_are_words_everywhere() {
    for lang in LANGS {
        let mut k = Kiosk::anna(lang);
        let yes = if lang == Lang::Pl { 't' } else { 'y' };
        k.type_text(&card_keys("Jan", "Kowalski", &adult(), yes, XI_PICKS));
        k.key(KeyCode::F(6));
        k.key(KeyCode::F(7));
        let s = k.flat();
        let marked = match lang {
            Lang::Pl => "[zaznaczono: nieczytelna, zła rubryka]",
            Lang::En => "[marked: illegible, wrong rubric]",
            Lang::Uk => unreachable!("run in Polish and English only"),
        };
        assert!(s.contains(marked), "{s}");
        k.key(KeyCode::F(8));
        k.type_text(&card_keys("Ola", "Nowak", &adult(), 'n', XI_PICKS));
        k.key(KeyCode::F(8));
        let s = k.flat();
        let saved = match lang {
            Lang::Pl => "(NIEWAŻNA: brak podpisu",
            Lang::En => "(INVALID: not signed",
            Lang::Uk => unreachable!("run in Polish and English only"),
        };
        assert!(s.contains(saved), "{s}");
        k.key(KeyCode::F(3));
        let s = k.screen();
        let listed = match lang {
            Lang::Pl => "NIEWAŻNA: brak podpisu",
            Lang::En => "INVALID: not signed",
            Lang::Uk => unreachable!("run in Polish and English only"),
        };
        assert!(line_with(&s, "Nowak").contains(listed), "{s}");
        let listed = match lang {
            Lang::Pl => "NIEWAŻNA: nieczytelna +1",
            Lang::En => "INVALID: illegible +1",
            Lang::Uk => unreachable!("run in Polish and English only"),
        };
        assert!(line_with(&s, "Kowalski").contains(listed), "{s}");
        for code in ["missing_signature", "wrong_rubric", "coordinator)"] {
            if lang == Lang::Pl || code != "coordinator)" {
                assert!(!s.contains(code), "{code} on screen:\n{s}");
            }
        }
        k.key(KeyCode::F(4));
        let s = k.screen();
        assert!(!s.contains("missing_signature"), "{s}");
        assert!(!s.contains("(illegible)"), "{s}");
    }
}

#[test]
fn issue12_item05_the_review_footer_fits_the_card_it_reviews() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Ola", "Nowak", &underage(), 't', XI_PICKS));
    let footer = k.screen().lines().last().unwrap_or("").to_string();
    assert!(!footer.contains("zapisz ważną"), "{footer}");
    assert!(!footer.starts_with("Enter"), "{footer}");
    assert!(footer.contains("F8 zapisz jako NIEWAŻNĄ"), "{footer}");
    assert!(
        footer.contains("F7 zła rubryka"),
        "F7 at 80 columns: {footer}"
    );
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    let footer = k.screen().lines().last().unwrap_or("").to_string();
    assert!(footer.starts_with("Enter zapisz"), "{footer}");
    assert!(footer.contains("F7 zła rubryka"), "{footer}");
    assert!(!footer.contains("NIEWAŻNĄ"), "{footer}");
}

#[test]
fn issue12_item06_a_field_fixed_from_the_review_goes_straight_back() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&format!("Jan\n\nul. Długa 1\n{}t{XI_PICKS}", adult()));
    assert!(k.reviewing());
    k.key(KeyCode::Esc);
    assert_eq!(k.form().focused(), Slot::LastName);
    k.type_text("Kowalski\n");
    assert_eq!(
        k.scope(),
        Some(Scope::Review),
        "one Enter back:\n{}",
        k.screen()
    );
    // Esc on such a field goes back too, with what was typed kept.
    k.key(KeyCode::Esc);
    k.key(KeyCode::Right);
    k.key(KeyCode::Esc);
    assert!(k.reviewing());
    assert_eq!(k.value(Slot::LastName), "Kowalski");
}

#[test]
fn issue12_item07_a_voided_or_amended_card_says_what_happened() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    k.type_text(&card_keys("Ola", "Nowak", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    // Void Ola's (the newest, first in the list).
    k.key(KeyCode::F(3));
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(8));
    k.type_text("wpisana dwa razy\n");
    k.key(KeyCode::Enter);
    let s = k.screen();
    assert!(s.contains("UNIEWAŻNIONA"), "{s}");
    assert!(s.contains("Unieważnił(a): Anna"), "{s}");
    assert!(s.contains("powód: wpisana dwa razy"), "{s}");
    assert!(s.contains("Nowak Ola"), "the card as it was:\n{s}");
    // Amend Jan's first name.
    k.key(KeyCode::Esc);
    k.key(KeyCode::Down);
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(5));
    k.ctrl('u');
    k.type_text("Janusz");
    k.enter_to_review();
    k.key(KeyCode::Enter);
    k.type_text("literówka w imieniu\n");
    k.key(KeyCode::Down);
    k.key(KeyCode::Enter);
    let s = k.screen();
    assert!(s.contains("Poprawił(a): Anna"), "{s}");
    assert!(s.contains("powód: literówka w imieniu"), "{s}");
    assert!(s.contains("Imię: Jan → Janusz"), "{s}");
}

#[test]
fn issue12_item08_an_optional_part_left_empty_is_not_a_problem() {
    let mut k = real_kiosk(KRAKOW_2021, false, Lang::Pl);
    k.set_day_as_anna(date(2021, 10, 2));
    k.app.day = date(2021, 10, 2);
    k.login(0, "1234");
    let born = pesel(1980, 1, 2, 5, Sex::Female);
    k.type_text(&format!("Ewa\nNowak\nul. Długa 1\n{born}t\n\n\n\n"));
    assert_eq!(k.form().focused(), Slot::Citywide(0), "{}", k.screen());
    for pick in ["28", "98", "213"] {
        k.number(pick);
    }
    k.enter_to_review();
    let s = k.screen();
    assert!(s.contains("✓ KARTA WAŻNA"), "{s}");
    assert!(
        !s.contains("✗ puste"),
        "an optional part is not `empty`:\n{s}"
    );
    assert!(line_with(&s, "Dzielnica").contains("nieobowiązkowa"), "{s}");
}

#[test]
fn issue12_item04_urna_verify_names_reasons_in_words() {
    let (_k, usb) = exported(Lang::Pl);
    let bundle = std::fs::read_dir(usb.path())
        .expect("usb")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "urna"))
        .expect("a bundle");
    for (lang, words) in [("pl", "brak podpisu"), ("en", "not signed")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_urna"))
            .args(["--lang", lang, "verify"])
            .arg(&bundle)
            .output()
            .expect("urna verify");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{text}");
        assert!(text.contains(words), "{text}");
        assert!(!text.contains("missing_signature"), "{text}");
    }
}
