//! The card index a few saves behind the journal, on real SQLite files: a
//! save writes the journal entry and the seal, and the index rows follow in
//! batches. Whatever reads the store sees every card at once, a PESEL or a
//! file row still waiting for its index row is found by the next save, in
//! this process or another, a killed process's waiting rows are written by
//! the next one, and `urna check` takes the journal's waiting tail for what
//! it is while a row missing anywhere else is damage.

use std::path::Path;

use chrono::{Local, NaiveDate};
use rusqlite::Connection;
use urna::card::RawCard;
use urna::pesel::{Sex, synthesize};
use urna::store::journal::Source;
use urna::store::{InitParams, Point, Store, StoreError};

const EDITION: &str = include_str!("../assets/editions/krakow-2014.toml");

fn create(dir: &Path) -> Store {
    Store::create(
        dir,
        InitParams {
            edition_toml: EDITION,
            point: Point {
                id: "P01".into(),
                name: "Szkoła".into(),
                mobile: false,
                central_recipient: None,
                training: false,
            },
            coordinator: "Anna",
            pin: "1234",
            min_pin_length: 4,
        },
    )
    .expect("create store")
}

fn reopen(dir: &Path) -> Store {
    let mut s = Store::open(dir).expect("open");
    s.login("Anna", "1234", Local::now()).expect("login");
    s
}

fn card(pesel: &str) -> RawCard {
    RawCard {
        first_name: "Jan".into(),
        last_name: "Kowalski".into(),
        address: "ul. Długa 1, Kraków".into(),
        pesel: pesel.into(),
        signed: true,
        district: "I".into(),
        local: ["1", "2", "3", "4", "5"].map(String::from).to_vec(),
        citywide: ["5", "4", "3", "2", "1"].map(String::from).to_vec(),
        cast_date: NaiveDate::from_ymd_opt(2014, 9, 27).expect("date"),
        marks: vec![],
    }
}

fn adult(serial: u16) -> String {
    synthesize(
        NaiveDate::from_ymd_opt(1980, 1, 1).expect("date"),
        serial,
        Sex::Female,
    )
    .expect("pesel")
}

/// What another reader of the file sees, without urna: index rows and
/// cards journaled.
fn on_disk(dir: &Path) -> (i64, i64) {
    let c = Connection::open(dir.join("urna.sqlite")).expect("open the file");
    let rows = c
        .query_row("SELECT COUNT(*) FROM card_versions", [], |r| r.get(0))
        .expect("rows");
    let cards = c
        .query_row(
            "SELECT COUNT(*) FROM journal WHERE kind = 'card_entered'",
            [],
            |r| r.get(0),
        )
        .expect("cards");
    (rows, cards)
}

/// Every index row, in order, as text.
fn index_dump(dir: &Path) -> Vec<String> {
    let c = Connection::open(dir.join("urna.sqlite")).expect("open the file");
    let mut stmt = c
        .prepare("SELECT * FROM card_versions ORDER BY seq")
        .expect("prepare");
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        let mut line = String::new();
        for i in 0..n {
            line.push_str(&format!("{:?}|", r.get::<_, rusqlite::types::Value>(i)?));
        }
        Ok(line)
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

#[test]
fn a_card_is_journaled_at_once_and_indexed_with_the_cards_after_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut last = String::new();
    for i in 0..40 {
        last = store
            .enter_card(card(&adult(i)), "Anna", Source::Kiosk)
            .expect("save")
            .card_id;
    }
    // The 33rd save wrote the 32 rows waiting before it; 8 still wait, and
    // every card is in the journal, which is what a save promises.
    assert_eq!(on_disk(tmp.path()), (32, 40));
    assert!(store.index_behind());
    // The waiting tail is not damage.
    store
        .check()
        .expect("a store with cards waiting for the index is sound");
    // Whatever reads the index sees every card: the reader writes the rows.
    assert_eq!(store.status().expect("status").cards, 40);
    assert!(store.card(&last).expect("read").is_some());
    assert_eq!(on_disk(tmp.path()), (40, 40));
    store.check().expect("sound");
}

#[test]
fn a_pesel_or_a_file_row_still_waiting_for_the_index_is_found_by_the_next_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let pesel = adult(7);
    let a = store
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("a");
    let b = store
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("b");
    let c = store
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("c");
    assert_eq!(on_disk(tmp.path()), (0, 3), "all three wait for the index");
    assert_eq!(
        b.same_pesel.iter().map(|p| &p.card_id).collect::<Vec<_>>(),
        [&a.card_id]
    );
    assert_eq!(
        c.same_pesel.iter().map(|p| &p.card_id).collect::<Vec<_>>(),
        [&a.card_id, &b.card_id]
    );
    assert_eq!(c.same_pesel[0].operator, "Anna");
    let row = |id: &str| Source::Csv {
        file: "karty.csv".into(),
        line: 2,
        id: Some(id.into()),
    };
    let first = store
        .enter_card(card(&adult(8)), "Anna", row("w1"))
        .expect("row w1");
    let again = store.enter_card(card(&adult(8)), "Anna", row("w1"));
    assert!(
        matches!(&again, Err(StoreError::DuplicateSource { card_id, .. }) if *card_id == first.card_id),
        "{again:?}"
    );
    // The index written later says what the saves said.
    assert_eq!(store.status().expect("status").flagged, 2);
    assert_eq!(store.find_by_pesel(&pesel).expect("find").len(), 3);
    store.check().expect("sound");
}

#[test]
fn two_processes_on_one_store_see_each_others_waiting_cards() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut kiosk = create(tmp.path());
    let pesel = adult(11);
    let a = kiosk
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("a");
    kiosk
        .enter_card(card(&adult(12)), "Anna", Source::Kiosk)
        .expect("other");
    // A second process (`urna import-cards` beside the kiosk) saves a card
    // with the same PESEL while the kiosk's two wait for the index.
    let mut import = reopen(tmp.path());
    let b = import
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("b");
    assert_eq!(
        b.same_pesel.iter().map(|p| &p.card_id).collect::<Vec<_>>(),
        [&a.card_id]
    );
    // The kiosk's next save sees the other process's card too, and lists
    // its own earlier card once.
    let c = kiosk
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("c");
    assert_eq!(
        c.same_pesel.iter().map(|p| &p.card_id).collect::<Vec<_>>(),
        [&a.card_id, &b.card_id]
    );
    drop(import);
    drop(kiosk);
    assert_eq!(on_disk(tmp.path()), (4, 4), "closing writes what waited");
    reopen(tmp.path()).check().expect("sound");
}

#[test]
fn a_killed_processs_waiting_cards_are_indexed_by_the_next_one() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(
            store
                .enter_card(card(&adult(20 + i)), "Anna", Source::Kiosk)
                .expect("save")
                .card_id,
        );
    }
    // Killed: no destructor runs, the five rows were never written (the
    // real binary under SIGKILL is tests/crash.rs).
    std::mem::forget(store);
    assert_eq!(on_disk(tmp.path()), (0, 5));
    let next = Store::open(tmp.path()).expect("open");
    next.check()
        .expect("a killed kiosk's waiting cards are not damage");
    for id in &ids {
        assert!(next.card(id).expect("read").is_some(), "{id} is found");
    }
    assert_eq!(on_disk(tmp.path()), (5, 5));
    next.check().expect("sound");
}

#[test]
fn a_missing_row_is_damage_except_in_the_waiting_tail_which_comes_back_the_same() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(
            store
                .enter_card(card(&adult(30 + i)), "Anna", Source::Kiosk)
                .expect("save")
                .card_id,
        );
    }
    drop(store);
    let whole = index_dump(tmp.path());
    assert_eq!(whole.len(), 3);

    // The last card's row removed: it is where a waiting row would be, so
    // it is not damage, and the next reader writes it again, the same.
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    db.execute("DELETE FROM card_versions WHERE card_id = ?1", [&ids[2]])
        .expect("delete");
    drop(db);
    let store = Store::open(tmp.path()).expect("open");
    store.check().expect("a missing last row is a waiting row");
    assert_eq!(store.status().expect("status").cards, 3);
    drop(store);
    assert_eq!(index_dump(tmp.path()), whole, "written again, the same");

    // The middle card's row removed: a card after it is indexed, so this
    // one cannot be waiting. Damage, and every write is refused.
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    db.execute("DELETE FROM card_versions WHERE card_id = ?1", [&ids[1]])
        .expect("delete");
    drop(db);
    let mut store = reopen(tmp.path());
    let err = store.check().expect_err("caught").to_string();
    assert!(err.contains("the card index lacks this entry"), "{err}");
    assert!(matches!(
        store.enter_card(card(&adult(40)), "Anna", Source::Kiosk),
        Err(StoreError::Damaged(_))
    ));
}

#[path = "support/pty.rs"]
mod pty;

#[test]
fn the_kiosk_writes_the_waiting_rows_while_nobody_types() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("data");
    let adult = synthesize(
        NaiveDate::from_ymd_opt(1975, 3, 14).expect("date"),
        123,
        Sex::Male,
    )
    .expect("pesel");
    let mut kiosk = pty::Kiosk::start(&dir);
    kiosk.wait_for("Logowanie");
    kiosk.type_text("1234");
    kiosk.key(pty::ENTER);
    kiosk.wait_for("Karta do głosowania");
    kiosk.type_text(&format!(
        "Jan\rKowalski\rul. Długa 1\r{adult}tXI42131529711"
    ));
    kiosk.wait_for("KARTA WAŻNA");
    kiosk.key(pty::ENTER);
    kiosk.wait_for_line(&["Zapisano kartę", "(ważna)"]);
    // The kiosk is still running and nobody types: within a few idle
    // ticks the saved card's index row is on disk.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let (rows, cards) = on_disk(&dir);
        if cards >= 1 && rows == cards {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the kiosk left {} of {cards} cards without an index row while idle",
            cards - rows
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    kiosk.key(pty::CTRL_Q);
    kiosk.wait_for("Logowanie");
    kiosk.key(pty::CTRL_Q);
    assert!(kiosk.wait_exit().success());
    kiosk.finish_reading();
}
