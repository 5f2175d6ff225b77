//! Who may do what: a coordinator amends, voids and sets the day, a
//! volunteer may not; wrong PINs, the idle lock, Ctrl+L and Ctrl+Q.

use super::*;

// ---------------------------------------------------------------------------
// 6. Amend and void by a coordinator.

#[test]
fn coordinator_amends_and_voids_keeping_the_original() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    let original = k.cards_of(demo_day())[0].clone();
    let before = k.journal();

    k.key(KeyCode::F(3));
    assert_eq!(k.scope(), Some(Scope::Cards));
    k.key(KeyCode::Enter);
    assert_eq!(k.scope(), Some(Scope::CardDetail));
    let s = k.screen();
    assert!(s.contains(&format!("Karta {}", original.card_id)), "{s}");
    assert!(s.contains("Nazwisko    Kowalski"), "{s}");

    k.key(KeyCode::F(5));
    assert_eq!(k.scope(), Some(Scope::Entry));
    let s = k.screen();
    assert!(
        s.contains(&format!("Poprawa karty {}", original.card_id)),
        "{s}"
    );
    assert!(line_with(&s, "Imię").contains("[Jan"), "{s}");
    // The first name was mistyped: Jan → Janusz.
    k.type_text("usz");
    k.enter_to_review();
    k.key(KeyCode::Enter);
    let s = k.screen();
    assert!(
        s.contains("Powód poprawki"),
        "Enter asks for a reason:\n{s}"
    );
    assert_eq!(k.journal(), before, "nothing written before the reason");

    // No reason, no amendment.
    k.key(KeyCode::Enter);
    assert!(k.screen().contains("✗ Podaj powód."));
    assert_eq!(k.journal(), before);
    k.type_text("literówka w imieniu\n");

    let after = k.journal();
    assert_eq!(after.len(), before.len() + 1, "one new entry");
    assert_eq!(
        after[..before.len()],
        before[..],
        "earlier entries unchanged"
    );
    let (seq, _, _) = after.last().expect("entry");
    let Event::CardAmended {
        card_id,
        card,
        reason,
        ..
    } = k.event(*seq)
    else {
        panic!("not a card_amended entry");
    };
    assert_eq!(card_id, original.card_id);
    assert_eq!(card.first_name, "Janusz");
    assert_eq!(reason, "literówka w imieniu");
    let Event::CardEntered { card, .. } = k.event(original.seq) else {
        panic!("the original is no longer card_entered");
    };
    assert_eq!(card.first_name, "Jan", "the original stays as typed");

    assert_eq!(k.scope(), Some(Scope::Cards), "back to the list");
    let s = k.screen();
    assert!(
        s.contains(&format!("» Poprawiono kartę {} (ważna).", original.card_id)),
        "{s}"
    );
    let wide = k.wide_screen();
    assert!(
        line_with(&wide, &original.card_id).contains("ważna · poprawiona"),
        "{wide}"
    );
    assert_eq!(k.status().amended, 1);

    // Void it.
    let before = k.journal();
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(8));
    assert_eq!(k.scope(), Some(Scope::Prompt));
    assert!(k.screen().contains("Powód unieważnienia"));
    k.key(KeyCode::Enter);
    assert!(k.screen().contains("✗ Podaj powód."));
    k.type_text("karta wprowadzona dwa razy\n");
    let after = k.journal();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[..before.len()], before[..]);
    let (seq, _, _) = after.last().expect("entry");
    assert_eq!(
        k.event(*seq),
        Event::CardVoided {
            card_id: original.card_id.clone(),
            reason: "karta wprowadzona dwa razy".into()
        }
    );
    let status = k.status();
    assert_eq!((status.cards, status.voided, status.valid), (1, 1, 0));
    let s = k.screen();
    assert!(
        s.contains(&format!("» Unieważniono kartę {}.", original.card_id)),
        "{s}"
    );
    assert!(line_with(&s, &original.card_id).contains("UNIEWAŻNIONA"));

    // A voided card can be neither voided again nor amended.
    k.key(KeyCode::Enter);
    k.key(KeyCode::F(8));
    assert!(k.screen().contains("Karta jest już unieważniona."));
    k.key(KeyCode::F(5));
    assert!(k.screen().contains("Karta jest unieważniona."));
    assert_eq!(k.journal(), after);
    k.app.store.check().expect("store checks");
}

// ---------------------------------------------------------------------------
// 7. A volunteer may not amend or void.

#[test]
fn volunteer_cannot_amend_void_or_set_the_day() {
    let mut k = Kiosk::bartek(Lang::Pl);
    assert!(k.screen().contains("Bartek (wolontariusz)"));
    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    assert_eq!(k.cards_of(demo_day())[0].entered_by, "Bartek");
    let before = k.journal();

    k.key(KeyCode::F(3));
    k.key(KeyCode::Enter);
    assert_eq!(k.scope(), Some(Scope::CardDetail));
    k.key(KeyCode::F(5));
    assert_eq!(k.scope(), Some(Scope::CardDetail), "no amendment form");
    let s = k.screen();
    assert!(
        s.contains("✗ Poprawiać i unieważniać karty może tylko koordynator."),
        "{s}"
    );
    k.key(KeyCode::F(8));
    assert_eq!(k.scope(), Some(Scope::CardDetail), "no reason prompt");
    assert!(k.screen().contains("tylko koordynator"));
    k.key(KeyCode::F(10));
    assert_eq!(k.scope(), Some(Scope::CardDetail), "no day prompt");
    assert!(k.screen().contains("✗ Dzień i postój ustawia koordynator."));
    assert_eq!(k.journal(), before, "nothing written");
    let status = k.status();
    assert_eq!((status.amended, status.voided), (0, 0));
}

// ---------------------------------------------------------------------------
// 8. Five wrong PINs lock the operator.

#[test]
fn five_wrong_pins_lock_the_operator_but_not_the_others() {
    let mut k = Kiosk::demo(Lang::Pl);
    for left in (1..=4).rev() {
        k.login(1, "0000");
        assert!(k.scope().is_none());
        assert!(
            k.screen()
                .contains(&format!("✗ Zły PIN. Pozostało prób: {left}.")),
            "{}",
            k.screen()
        );
    }
    k.login(1, "0000");
    let s = mask_clock(&k.screen());
    assert!(
        s.contains("✗ Za dużo błędnych PIN-ów: operator zablokowany do HH:MM."),
        "{s}"
    );
    // Now even the right PIN is refused.
    k.login(1, "5678");
    assert!(k.scope().is_none(), "Bartek stays out");
    let s = mask_clock(&k.screen());
    assert!(s.contains("zablokowany do HH:MM"), "{s}");
    // Anna is not locked.
    k.login(0, "1234");
    assert_eq!(k.scope(), Some(Scope::Entry));
    assert!(k.screen().contains("Anna (koordynator)"));
}

// ---------------------------------------------------------------------------
// 9. Idle lock.

#[test]
fn idle_lock_keeps_the_half_typed_card_for_the_same_operator() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text("Jan\nKow");
    let t0 = k.now;
    k.app.tick(t0 + IDLE_LOCK / 2);
    assert_eq!(k.scope(), Some(Scope::Entry), "not idle long enough");
    k.app.tick(t0 + IDLE_LOCK);
    assert!(matches!(k.app.mode, Mode::Locked(..)));
    let s = k.screen();
    assert!(s.contains("Ekran zablokowany"), "{s}");
    assert!(s.contains("Odblokować może tylko Anna"), "{s}");
    assert!(!s.contains("Kow"), "the card is hidden while locked:\n{s}");
    // The half-typed card is still underneath.
    let Mode::Locked(_, work) = &k.app.mode else {
        panic!("not locked");
    };
    let Screen::Entry(entry) = &work.screen else {
        panic!("not the card entry underneath");
    };
    assert_eq!(entry.form.value(urna::tui::form::Slot::LastName), "Kow");

    k.now = t0 + IDLE_LOCK;
    k.type_text("9999\n");
    assert!(matches!(k.app.mode, Mode::Locked(..)), "wrong PIN refused");
    assert!(k.screen().contains("✗ Zły PIN. Pozostało prób: 4."));
    // Bartek's PIN does not open Anna's session either.
    k.type_text("5678\n");
    assert!(matches!(k.app.mode, Mode::Locked(..)));
    k.type_text("1234\n");
    assert_eq!(k.scope(), Some(Scope::Entry), "unlocked");
    let s = k.screen();
    assert!(line_with(&s, "Imię").contains("[Jan "), "{s}");
    assert!(
        line_with(&s, "Nazwisko").starts_with("▶Nazwisko         [Kow "),
        "{s}"
    );
    assert!(s.contains("Anna (koordynator)"));
    // Typing goes on where it stopped.
    k.type_text("alski\n");
    assert!(line_with(&k.screen(), "Nazwisko").contains("[Kowalski "));
}

#[test]
fn ctrl_l_locks_and_ctrl_q_logs_out() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.type_text("Jan");
    // Ctrl-L computes `Instant::now() - IDLE_LOCK`, which panics while the
    // monotonic clock is younger than ten minutes (a machine just booted).
    if Instant::now()
        .checked_sub(IDLE_LOCK + Duration::from_secs(60))
        .is_some()
    {
        k.ctrl('l');
        // The lock takes effect at the next tick of the loop.
        k.app.tick(Instant::now());
        assert!(matches!(k.app.mode, Mode::Locked(..)));
        k.now = Instant::now();
        k.type_text("1234\n");
        assert_eq!(k.scope(), Some(Scope::Entry));
        assert!(line_with(&k.screen(), "Imię").contains("[Jan "));
    } else {
        eprintln!("Ctrl-L not tested: the monotonic clock is under 11 minutes old");
    }
    k.ctrl('q');
    assert!(matches!(k.app.mode, Mode::Login(_)));
    assert!(k.screen().contains("Logowanie"));
    assert!(!k.app.quit, "logging out does not quit");
    k.ctrl('q');
    assert!(k.app.quit, "Ctrl-Q on the login screen quits");
}

// ---------------------------------------------------------------------------
// 10. The voting day and a mobile point's stop.

#[test]
fn coordinator_sets_the_day_and_later_cards_carry_it() {
    let mut k = Kiosk::anna(Lang::Pl);
    k.key(KeyCode::F(10));
    assert_eq!(k.scope(), Some(Scope::Prompt));
    let s = k.screen();
    assert!(
        s.contains("Dzień głosowania, którego urnę wprowadzasz"),
        "{s}"
    );
    assert!(
        s.contains("> 2014-09-27"),
        "prefilled with the current day:\n{s}"
    );
    snap("day_prompt", Lang::Pl, &s);
    k.keys(KeyCode::Backspace, 10);
    k.type_text("2014-09-3x\n");
    assert!(k.screen().contains("✗ To nie jest data RRRR-MM-DD."));
    k.keys(KeyCode::Backspace, 10);
    k.type_text("2014-09-28\n");
    assert_eq!(k.scope(), Some(Scope::Entry), "no stop prompt: stationary");
    assert_eq!(k.app.day, date(2014, 9, 28));
    assert_eq!(k.app.store.current_day().expect("day"), date(2014, 9, 28));
    let s = k.screen();
    assert!(s.lines().next().unwrap_or("").contains("2014-09-28"), "{s}");
    assert!(
        s.contains("» Karty są wprowadzane pod dniem 2014-09-28."),
        "{s}"
    );

    k.type_text(&card_keys("Jan", "Kowalski", &adult(), 't', XI_PICKS));
    k.key(KeyCode::Enter);
    assert!(k.cards_of(demo_day()).is_empty());
    let rows = k.cards_of(date(2014, 9, 28));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].card.as_ref().expect("card").cast_date,
        date(2014, 9, 28)
    );
    assert_eq!(rows[0].stop, None);
    // Esc on the day prompt changes nothing.
    let before = k.journal();
    k.key(KeyCode::F(10));
    k.key(KeyCode::Esc);
    assert_eq!(k.scope(), Some(Scope::Entry));
    assert_eq!(k.journal(), before);
}
