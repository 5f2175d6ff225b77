//! Typing a card: saved field by field, district XI's four picks, an
//! underage voter and a sixteenth birthday, a repeated project, a repeated
//! PESEL.

use super::*;

// ---------------------------------------------------------------------------
// 1. A valid card, field by field.

#[test]
fn valid_card_typed_field_by_field_is_saved_and_the_next_card_is_empty() {
    let mut k = Kiosk::anna(Lang::Pl);
    let s = k.screen();
    assert!(s.contains("Karta do głosowania"), "{s}");
    assert!(s.contains("Anna (koordynator)"), "{s}");
    assert!(s.contains("2014-09-27"), "the demo day in the header:\n{s}");
    assert!(s.contains("TRENING"), "{s}");

    k.type_text("Jan\n");
    k.type_text("Kowalski\n");
    k.type_text("ul. Długa 1\n");
    k.type_text(&adult());
    let s = k.screen();
    assert!(
        line_with(&s, "PESEL").contains("✓ ur. 1975-03-14, 39 lat"),
        "PESEL shows birth date and age:\n{s}"
    );
    assert!(
        line_with(&s, "Podpis").starts_with("▶"),
        "a complete PESEL moves on by itself:\n{s}"
    );
    k.type_text("t");
    assert!(line_with(&k.screen(), "Podpis").contains("✓ tak"));
    k.type_text("XI");
    assert!(
        line_with(&k.screen(), "Dzielnica").contains("✓ XI Podgórze Duchackie"),
        "the district's name as it is typed"
    );
    k.type_text("4");
    assert!(
        line_with(&k.screen(), "Lokalne").contains("[4    ] ✓ [przykład] Plac zabaw"),
        "the first digit after XI is the first local pick, with its title"
    );
    k.type_text("213");
    k.type_text("15297");
    assert_eq!(k.scope(), Some(Scope::Entry));
    k.type_text("1");
    assert_eq!(k.scope(), Some(Scope::Entry), "`1` alone is ambiguous");
    k.type_text("1");
    assert_eq!(k.scope(), Some(Scope::Review), "`11` completes the card");

    let s = k.screen();
    assert!(s.contains("Przegląd karty przed zapisem"), "{s}");
    assert!(s.contains("✓ KARTA WAŻNA — Enter zapisuje"), "{s}");
    assert_eq!(k.status().cards, 0, "nothing saved before Enter");

    k.key(KeyCode::Enter);
    let status = k.status();
    assert_eq!((status.cards, status.valid, status.invalid), (1, 1, 0));
    let rows = k.cards_of(demo_day());
    assert_eq!(rows.len(), 1);
    let card = rows[0].card.as_ref().expect("card");
    assert_eq!(
        (card.first_name.as_str(), card.last_name.as_str()),
        ("Jan", "Kowalski")
    );
    assert_eq!(card.address, "ul. Długa 1");
    assert_eq!(card.pesel, adult());
    assert!(card.signed);
    assert_eq!(card.district, "XI");
    assert_eq!(card.local, ["4", "2", "1", "3"]);
    assert_eq!(card.citywide, ["15", "2", "9", "7", "11"]);
    assert_eq!(card.cast_date, demo_day());
    assert_eq!(rows[0].entered_by, "Anna");

    let s = k.screen();
    assert_eq!(k.scope(), Some(Scope::Entry), "the next card at once");
    assert!(s.contains("Karta do głosowania"), "{s}");
    assert!(
        line_with(&s, "Imię").starts_with("▶Imię             [                      ]"),
        "the next card is empty, focus on the first name:\n{s}"
    );
    assert!(
        s.contains(&format!(
            "» Zapisano kartę {} (ważna) — Kowalski Jan",
            rows[0].card_id
        )),
        "{s}"
    );
    k.app.store.check().expect("store checks");
}

// ---------------------------------------------------------------------------
// 2. District XI: four local picks, 5..2 points, no fifth slot.

#[test]
fn district_xi_takes_four_local_picks_with_points_5_to_2() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', "XI1234"));
    let s = k.screen();
    assert!(
        line_with(&s, "Miejskie").starts_with("▶Miejskie 5 pkt"),
        "after four picks the focus is on the city-wide part:\n{s}"
    );
    let fifth = line_with(&s, "1 pkt");
    assert!(
        fifth.contains(" —      (dzielnica ma mniej zadań)"),
        "the fifth local slot is skipped and says why:\n{s}"
    );
    // Back from the first city-wide pick lands on the fourth local pick.
    k.key(KeyCode::BackTab);
    assert!(line_with(&k.screen(), "2 pkt").starts_with("▶"));
    k.key(KeyCode::Tab);
    k.type_text("1529711");
    assert!(k.reviewing());
    k.key(KeyCode::Enter);

    let rows = k.cards_of(demo_day());
    assert_eq!(rows.len(), 1);
    assert!(rows[0].valid);
    let Event::CardEntered {
        assessment, card, ..
    } = k.event(rows[0].seq)
    else {
        panic!("not a card_entered entry");
    };
    assert_eq!(card.local, ["1", "2", "3", "4"]);
    assert_eq!(assessment.district, Some(11));
    let points: Vec<u32> = assessment.local.iter().map(|p| p.points).collect();
    assert_eq!(points, [5, 4, 3, 2]);
    assert_eq!(
        assessment.local[0],
        Pick {
            project: "1".into(),
            points: 5
        }
    );
    let city: Vec<u32> = assessment.citywide.iter().map(|p| p.points).collect();
    assert_eq!(city, [5, 4, 3, 2, 1]);
}

// ---------------------------------------------------------------------------
// 3. Underage: seen as typed, refused by Enter, saved as invalid with F8.

#[test]
fn underage_card_is_shown_as_typed_and_saved_only_as_invalid() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text("Ola\nNowak\nul. Krótka 2\n");
    k.type_text(&underage());
    let s = k.screen();
    assert!(
        line_with(&s, "PESEL").contains("✗ ur. 1998-09-28, 15 lat — poniżej 16"),
        "the age problem shows as soon as the PESEL is complete:\n{s}"
    );
    k.type_text(&format!("t{XI_PICKS}"));
    assert!(k.reviewing());
    let s = k.screen();
    assert!(
        s.contains("✗ KARTA NIEWAŻNA: osoba nie ukończyła wymaganego wieku w dniu głosowania"),
        "{s}"
    );
    assert!(s.contains("F8 zapisz jako NIEWAŻNĄ"), "{s}");

    // Enter does not save an invalid card.
    k.key(KeyCode::Enter);
    assert_eq!(k.status().cards, 0);
    assert!(k.reviewing());
    assert!(k.screen().contains("✗ Karta ma błędy:"));

    // Esc goes back to the field with the problem; the card is kept.
    k.key(KeyCode::Esc);
    assert_eq!(k.scope(), Some(Scope::Entry));
    assert!(line_with(&k.screen(), "PESEL").starts_with("▶PESEL"));
    k.enter_to_review();

    k.key(KeyCode::F(8));
    let rows = k.cards_of(demo_day());
    assert_eq!(rows.len(), 1);
    assert!(!rows[0].valid);
    assert_eq!(rows[0].reasons, [Reason::Underage]);
    let status = k.status();
    assert_eq!((status.cards, status.valid, status.invalid), (1, 0, 1));
    assert_eq!(status.invalid_by_reason.get("underage"), Some(&1));
    let s = k.screen();
    assert!(
        s.contains("(NIEWAŻNA: osoba nie ukończyła wymaganego wieku"),
        "the saved line says why in words:\n{s}"
    );
    assert!(!s.contains("underage"), "no reason code on screen:\n{s}");
    assert_eq!(k.scope(), Some(Scope::Entry));
}

#[test]
fn sixteen_on_the_day_itself_is_old_enough() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys(
        "Ola",
        "Nowak",
        &pesel(1998, 9, 27, 7, Sex::Female),
        't',
        XI_PICKS,
    ));
    let s = k.screen();
    assert!(
        line_with(&s, "PESEL").contains("✓ ur. 1998-09-27, 16 lat"),
        "{s}"
    );
    assert!(s.contains("✓ KARTA WAŻNA"), "{s}");
    // F8 does not save a valid card as invalid.
    k.key(KeyCode::F(8));
    assert_eq!(k.status().cards, 0);
    assert!(k.screen().contains("Karta jest ważna — zapisuje ją Enter."));
    k.key(KeyCode::Enter);
    assert_eq!(k.status().valid, 1);
}

// ---------------------------------------------------------------------------
// 4. A repeated local project.

#[test]
fn repeated_local_project_is_marked_at_once_and_the_card_is_invalid() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Ala", "Zając", &adult(), 't', "XI1"));
    assert!(!k.screen().contains("powtórzone"));
    k.type_text("1");
    let s = k.screen();
    assert!(
        line_with(&s, "4 pkt").contains("[1    ] ✗ powtórzone zadanie"),
        "the repeat is marked as soon as it is typed:\n{s}"
    );
    k.type_text("231529711");
    assert!(k.reviewing());
    let s = k.screen();
    assert!(
        s.contains("✗ KARTA NIEWAŻNA: zadanie lokalne wpisane więcej niż raz"),
        "{s}"
    );
    k.key(KeyCode::Enter);
    assert_eq!(k.status().cards, 0, "Enter refuses");
    k.key(KeyCode::F(8));
    let rows = k.cards_of(demo_day());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].reasons, [Reason::LocalDuplicate]);
    assert_eq!(
        rows[0].card.as_ref().expect("card").local,
        ["1", "1", "2", "3"]
    );
}

// ---------------------------------------------------------------------------
// 5. The same PESEL twice.

#[test]
fn repeated_pesel_warns_with_the_earlier_card_and_is_flagged() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    let first = k.cards_of(demo_day())[0].clone();

    k.type_text("Maria\nKowalska\nul. Długa 1\n");
    assert!(!k.screen().contains("Ten PESEL"));
    k.type_text(&adult());
    let s = k.screen();
    // The warning wraps below the card at 80 columns: read it as one text.
    let flat = mask_clock(&s.lines().map(str::trim_end).collect::<Vec<_>>().join(" "));
    assert!(
        flat.contains(&format!(
            "! Ten PESEL jest już na karcie {} (Anna, YYYY-MM-DD HH:MM). Można zapisać — karta zostanie oznaczona.",
            first.card_id
        )),
        "{s}"
    );
    snap("entry_repeated_pesel", Lang::Pl, &k.screen());

    k.type_text(&format!("t{XI_PICKS}"));
    let s = k.screen();
    assert!(
        s.contains("✓ KARTA WAŻNA"),
        "a repeated PESEL is no defect:\n{s}"
    );
    assert!(s.contains("Ten PESEL jest już na karcie"), "{s}");
    k.key(KeyCode::Enter);

    let status = k.status();
    assert_eq!((status.cards, status.valid, status.flagged), (2, 2, 1));
    let rows = k.cards_of(demo_day());
    assert_eq!(rows.len(), 2);
    assert!(rows[0].flagged, "the second card is flagged");
    assert!(!rows[1].flagged, "the first is not");
    let Event::CardEntered { same_pesel, .. } = k.event(rows[0].seq) else {
        panic!("not a card_entered entry");
    };
    assert_eq!(same_pesel, std::slice::from_ref(&first.card_id));
    assert!(
        k.screen().contains(&format!(
            "» Zapisano kartę {} (ważna · oznaczona",
            rows[0].card_id
        )),
        "{}",
        k.screen()
    );
    // The list marks it too.
    // The list marks it too (past column 80: see cards_list_pl).
    k.key(KeyCode::F(3));
    let wide = k.wide_screen();
    assert!(
        line_with(&wide, &rows[0].card_id).contains("ważna · ! PESEL powtórzony"),
        "{wide}"
    );
}
