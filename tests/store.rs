//! The store on a real SQLite file: durability settings, the append-only
//! journal, amend and void, the PESEL index and PIN lockout.

use std::os::unix::fs::PermissionsExt;

use chrono::{Duration, Local, NaiveDate};
use urna::card::Reason;
use urna::store::journal::{Event, Source};
use urna::store::{LoginError, Role, Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, save};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2014, 9, d).expect("date")
}

#[test]
fn durable_settings_and_private_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    assert_eq!(store.durability().expect("pragmas"), ("wal".to_string(), 2));
    save(&mut store, 1);
    for f in [
        "urna.sqlite",
        "urna.sqlite-wal",
        "urna.sqlite-shm",
        "pin-secret.key",
    ] {
        let mode = std::fs::metadata(tmp.path().join(f))
            .expect(f)
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
    drop(store);
    let reopened = Store::open(tmp.path()).expect("reopen");
    assert_eq!(reopened.status().expect("status").cards, 1);
    // The store's creation, Anna, the card.
    assert_eq!(reopened.check().expect("check").entries, 3);
}

#[test]
fn amend_and_void_keep_the_original() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut typo = card(&adult(2));
    typo.local[4] = "99".into();
    let saved = store
        .enter_card(typo.clone(), "Anna", Source::Kiosk)
        .expect("save");
    assert_eq!(saved.assessment.reasons, vec![Reason::LocalUnknownProject]);
    let original = store.journal().expect("journal");

    let fixed = card(&adult(2));
    let amended = store
        .amend_card(
            &saved.card_id,
            fixed.clone(),
            "Anna",
            "literówka w numerze zadania",
        )
        .expect("amend");
    assert!(amended.assessment.is_valid());
    assert_eq!(store.card(&saved.card_id).expect("card"), Some(fixed));
    assert!(matches!(
        store.amend_card(&saved.card_id, typo.clone(), "Anna", " "),
        Err(StoreError::MissingReason)
    ));

    store
        .void_card(&saved.card_id, "Anna", "karta wprowadzona dwa razy")
        .expect("void");
    assert_eq!(store.card(&saved.card_id).expect("card"), None);
    assert!(matches!(
        store.amend_card(&saved.card_id, typo, "Anna", "again"),
        Err(StoreError::CardVoided(_))
    ));
    assert!(matches!(
        store.void_card("P01-999999", "Anna", "x"),
        Err(StoreError::UnknownCard(_))
    ));

    let journal = store.journal().expect("journal");
    assert_eq!(journal.len(), original.len() + 2);
    assert_eq!(
        &journal[..original.len()],
        &original[..],
        "history unchanged"
    );
    let kinds: Vec<&str> = (1..=journal.len() as u64)
        .map(|seq| store.entry(seq).expect("entry").event.kind())
        .collect();
    assert_eq!(
        kinds,
        [
            "store_created",
            "operator_added",
            "card_entered",
            "card_amended",
            "card_voided"
        ]
    );
    let status = store.status().expect("status");
    assert_eq!(
        (
            status.cards,
            status.valid,
            status.invalid,
            status.voided,
            status.amended
        ),
        (1, 0, 0, 1, 1)
    );
    store.check().expect("chain intact");
}

#[test]
fn same_pesel_is_found_with_when_and_who() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let pesel = adult(3);
    let first = store
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("first");
    assert!(first.same_pesel.is_empty());
    // Typed with spaces, it is still the same person.
    let spaced = format!("{} {}", &pesel[..6], &pesel[6..]);
    let second = store
        .enter_card(card(&spaced), "Anna", Source::Kiosk)
        .expect("second");
    assert_eq!(second.same_pesel.len(), 1);
    assert_eq!(second.same_pesel[0].card_id, first.card_id);
    assert_eq!(second.same_pesel[0].operator, "Anna");
    assert!(
        second.assessment.is_valid(),
        "the kiosk flags, the tally decides"
    );
    match store.entry(second.seq).expect("entry").event {
        Event::CardEntered { same_pesel, .. } => {
            assert_eq!(same_pesel, vec![first.card_id.clone()])
        }
        other => panic!("unexpected {other:?}"),
    }
    store
        .void_card(&first.card_id, "Anna", "duplikat")
        .expect("void");
    store
        .void_card(&second.card_id, "Anna", "duplikat")
        .expect("void");
    let third = store
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("third");
    assert!(third.same_pesel.is_empty(), "voided cards do not warn");
    assert_eq!(store.find_by_pesel(&pesel).expect("find").len(), 1);
    assert_eq!(store.status().expect("status").flagged, 1);
}

#[test]
fn source_rows_are_stored_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let src = || Source::Csv {
        file: "a.csv".into(),
        line: 2,
        id: Some("r1".into()),
    };
    let saved = store
        .enter_card(card(&adult(4)), "import-cards", src())
        .expect("save");
    let again = store.enter_card(card(&adult(4)), "import-cards", src());
    assert!(
        matches!(again, Err(StoreError::DuplicateSource { card_id, .. }) if card_id == saved.card_id)
    );
    assert_eq!(store.status().expect("status").cards, 1);
    assert_eq!(
        store.journal().expect("journal").len(),
        3,
        "nothing half-written"
    );
}

#[test]
fn five_wrong_pins_lock_for_five_minutes() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    store
        .add_operator("Bartek", Role::Volunteer, "5678", "Anna")
        .expect("add");
    let t0 = Local::now();
    assert_eq!(
        store.login("Bartek", "5678", t0).expect("login").role,
        Role::Volunteer
    );
    for left in (1..=4).rev() {
        match store.login("Bartek", "0000", t0) {
            Err(StoreError::Login(LoginError::WrongPin { left: l })) => assert_eq!(l, left),
            other => panic!("expected a wrong PIN, got {other:?}"),
        }
    }
    assert!(matches!(
        store.login("Bartek", "0000", t0),
        Err(StoreError::Login(LoginError::Locked { .. }))
    ));
    // Even the right PIN waits out the lock…
    assert!(matches!(
        store.login("Bartek", "5678", t0 + Duration::minutes(4)),
        Err(StoreError::Login(LoginError::Locked { .. }))
    ));
    // …and the lock does not touch other operators.
    store.login("Anna", "1234", t0).expect("Anna unaffected");
    assert!(
        store
            .login("Bartek", "5678", t0 + Duration::minutes(5))
            .is_ok()
    );
    // After a good login the count starts again.
    assert!(matches!(
        store.login("Bartek", "1111", t0 + Duration::minutes(6)),
        Err(StoreError::Login(LoginError::WrongPin { left: 4 }))
    ));
    assert!(matches!(
        store.login("Nikt", "1234", t0),
        Err(StoreError::Login(LoginError::UnknownOperator(_)))
    ));
    // Bartek is logged in now: a volunteer adds no one.
    assert!(matches!(
        store.add_operator("Celina", Role::Volunteer, "4321", "Bartek"),
        Err(StoreError::NotCoordinator)
    ));
    store.login("Anna", "1234", t0).expect("Anna");
    assert!(matches!(
        store.add_operator("Celina", Role::Volunteer, "12a4", "Anna"),
        Err(StoreError::Login(LoginError::BadPin(_)))
    ));
}

#[test]
fn the_pepper_matters() {
    // A copied database with another kiosk's secret cannot verify PINs.
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    drop(store);
    std::fs::write(tmp.path().join("pin-secret.key"), "00".repeat(32)).expect("swap secret");
    store = Store::open(tmp.path()).expect("open");
    assert!(store.login("Anna", "1234", Local::now()).is_err());
}

#[test]
fn check_catches_an_index_that_disagrees_with_the_journal() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut bad = card(&adult(5));
    bad.signed = false;
    let saved = store.enter_card(bad, "Anna", Source::Kiosk).expect("save");
    assert!(!saved.assessment.is_valid());
    // An entry after the card: its index row cannot be one still waiting
    // to be written (tests/card_index.rs), so a missing row is damage.
    store.set_day(day(27), "Anna").expect("day");
    store.check().expect("intact");
    drop(store);
    let db = rusqlite::Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    // Someone turns an invalid card valid in the index only.
    db.execute(
        "UPDATE card_versions SET valid = 1, reasons = '' WHERE card_id = ?1",
        [&saved.card_id],
    )
    .expect("tamper");
    drop(db);
    let store = Store::open(tmp.path()).expect("open");
    let err = store.check().expect_err("caught").to_string();
    assert!(
        err.contains("card_versions[3]: the card index row differs from the journal entry"),
        "{err}"
    );
    drop(store);
    let db = rusqlite::Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    db.execute("DELETE FROM card_versions", []).expect("tamper");
    drop(db);
    let err = Store::open(tmp.path())
        .expect("open")
        .check()
        .expect_err("caught")
        .to_string();
    assert!(err.contains("the card index lacks this entry"), "{err}");
}

#[test]
fn day_and_stop_are_journaled_and_recorded_on_every_card() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    assert_eq!(store.current_stop().expect("stop"), None);
    store.set_day(day(28), "Anna").expect("day");
    assert_eq!(store.current_day().expect("day"), day(28));
    store.set_stop("Rynek Podgórski", "Anna").expect("stop");
    let mut c = card(&adult(10));
    c.cast_date = store.current_day().expect("day");
    let first = store
        .enter_card(c.clone(), "Anna", Source::Kiosk)
        .expect("save");
    store.set_stop("Plac Wolnica", "Anna").expect("stop");
    c.pesel = adult(11);
    c.last_name = "Żółć".into();
    let second = store
        .enter_card(c.clone(), "Anna", Source::Kiosk)
        .expect("save");
    c.cast_date = day(27);
    c.pesel = adult(12);
    store.enter_card(c, "Anna", Source::Kiosk).expect("save");
    match store.entry(first.seq).expect("entry").event {
        Event::CardEntered { stop, card, .. } => {
            assert_eq!(stop.as_deref(), Some("Rynek Podgórski"));
            assert_eq!(card.cast_date, day(28));
        }
        other => panic!("unexpected {other:?}"),
    }
    let of_28 = store.status_of(Some(day(28))).expect("status");
    assert_eq!(of_28.cards, 2);
    assert_eq!(of_28.by_stop.get("Rynek Podgórski"), Some(&1));
    assert_eq!(of_28.by_stop.get("Plac Wolnica"), Some(&1));
    assert_eq!(store.status().expect("status").cards, 3);
    assert!(store.set_stop("  ", "Anna").is_err());

    // The list: newest first, by day, by surname without diacritics, by PESEL.
    let q = |text: &str, d: Option<NaiveDate>| urna::store::CardQuery {
        day: d,
        text: text.into(),
        limit: 50,
    };
    let all = store.cards(&q("", None)).expect("list");
    assert_eq!(all.len(), 3);
    assert_eq!(all[1].card_id, second.card_id);
    assert_eq!(store.cards(&q("", Some(day(28)))).expect("list").len(), 2);
    let zolc = store.cards(&q("zolc", None)).expect("list");
    assert_eq!(zolc.len(), 2, "Żółć, on two cards");
    let by_pesel = store.cards(&q(&adult(10)[..6], None)).expect("list");
    assert_eq!(by_pesel.len(), 3, "same birth date prefix");
    let exact = store.cards(&q(&adult(11), None)).expect("list");
    assert_eq!(exact.len(), 1);
    assert_eq!(
        exact[0].card.as_ref().map(|c| c.last_name.as_str()),
        Some("Żółć")
    );
    store
        .void_card(&second.card_id, "Anna", "pomyłka")
        .expect("void");
    let exact = store.cards(&q(&adult(11), None)).expect("list");
    assert_eq!(exact[0].kind, "voided");
    assert_eq!(exact[0].card, None);
    store.check().expect("intact");
}

#[test]
fn a_store_of_an_earlier_release_is_refused() {
    // What the previous release left: schema 1 (user_version 1), an
    // unsealed key beside it.
    let tmp = tempfile::tempdir().expect("tempdir");
    let db = rusqlite::Connection::open(tmp.path().join("urna.sqlite")).expect("db");
    db.execute_batch(include_str!("../src/store/schema-1.sql"))
        .expect("schema 1");
    db.pragma_update(None, "user_version", 1).expect("version");
    drop(db);
    std::fs::write(tmp.path().join("pin-secret.key"), "00".repeat(32)).expect("pepper");
    match Store::open(tmp.path()) {
        Err(e @ StoreError::EarlierRelease(_)) => {
            let said = e.to_string();
            assert!(
                said.contains("export its last bundle with that release"),
                "{said}"
            );
        }
        Err(other) => panic!("not the earlier-release refusal: {other}"),
        Ok(_) => panic!("a schema-1 store was opened"),
    }
}

/// A card takes the stop in force when it is saved, also when another
/// process (another handle on the same store) set it since this one's
/// last card.
#[test]
fn a_stop_set_by_another_process_is_the_next_card_s_stop() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut a = create(tmp.path());
    a.set_day(day(28), "Anna").expect("day");
    a.set_stop("Rynek Podgórski", "Anna").expect("stop");
    let mut c = card(&adult(20));
    c.cast_date = day(28);
    let first = a
        .enter_card(c.clone(), "Anna", Source::Kiosk)
        .expect("save");
    c.pesel = adult(21);
    let second = a
        .enter_card(c.clone(), "Anna", Source::Kiosk)
        .expect("save");

    let mut b = Store::open(tmp.path()).expect("open");
    b.login("Anna", "1234", Local::now()).expect("login");
    b.set_stop("Plac Wolnica", "Anna").expect("stop");
    drop(b);

    c.pesel = adult(22);
    let third = a.enter_card(c, "Anna", Source::Kiosk).expect("save");
    let stop_of = |seq| match a.entry(seq).expect("entry").event {
        Event::CardEntered { stop, .. } => stop,
        other => panic!("unexpected {other:?}"),
    };
    assert_eq!(stop_of(first.seq).as_deref(), Some("Rynek Podgórski"));
    assert_eq!(stop_of(second.seq).as_deref(), Some("Rynek Podgórski"));
    assert_eq!(stop_of(third.seq).as_deref(), Some("Plac Wolnica"));
}
