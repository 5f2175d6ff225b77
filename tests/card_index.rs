//! The card index a few saves behind the journal, on real SQLite files: a
//! save writes its signed journal entry, and the index rows follow in
//! batches (the seal too: tests/seal_tail.rs). Whatever reads the store sees every card at once, a PESEL or a
//! file row still waiting for its index row is found by the next save, in
//! this process or another, a killed process's waiting rows are written by
//! the next one, and `urna check` takes the journal's waiting tail for what
//! it is while a row missing anywhere else is damage.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;
use urna::pesel::{Sex, synthesize};
use urna::store::journal::Source;
use urna::store::{Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, on_disk, reopen, save, unguarded};

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
    for i in 0..260 {
        last = save(&mut store, i).card_id;
    }
    // The 257th save wrote the 256 rows waiting before it; 4 still wait, and
    // every card is in the journal, which is what a save promises.
    assert_eq!(on_disk(tmp.path()), (256, 260));
    assert!(store.index_behind());
    // The waiting tail is not damage.
    store
        .check()
        .expect("a store with cards waiting for the index is sound");
    // Whatever reads the index sees every card: the reader writes the rows.
    assert_eq!(store.status().expect("status").cards, 260);
    assert!(store.card(&last).expect("read").is_some());
    assert_eq!(on_disk(tmp.path()), (260, 260));
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
fn the_rows_a_process_writes_from_its_own_saves_are_the_journals() {
    // 600 saves in one process: twice the list of its own cards is the whole
    // tail when it is full, and the save writes the rows it made while
    // saving, without reading the journal back. Every kind of field varies:
    // a repeated PESEL (flagged), file rows (source_ref), an underage card
    // (invalid, with its reason).
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let young = synthesize(
        NaiveDate::from_ymd_opt(2010, 5, 5).expect("date"),
        1,
        Sex::Male,
    )
    .expect("pesel");
    for i in 0..600u16 {
        let pesel = match i % 50 {
            7 => adult(1),
            13 => young.clone(),
            _ => adult(i + 1),
        };
        let source = match i % 3 {
            0 => Source::Csv {
                file: "karty.csv".into(),
                line: u64::from(i) + 2,
                id: Some(format!("w{i}")),
            },
            _ => Source::Kiosk,
        };
        store
            .enter_card(card(&pesel), "Anna", source)
            .expect("save");
    }
    assert_eq!(
        on_disk(tmp.path()),
        (512, 600),
        "two batches of 256 written"
    );
    // `check` holds every row against the entry on the disk, field by field.
    store.check().expect("the rows are the journal's");
    let rows = index_dump(tmp.path());
    assert!(
        rows.iter().filter(|r| r.contains("Text(\"w")).count() >= 170,
        "file rows' ids kept"
    );
    assert!(rows.iter().any(|r| r.contains("underage")), "a reason kept");
    drop(store);
    let again = reopen(tmp.path());
    again.check().expect("sound after reopening");
    // adult(1) on 13 cards (the first, and every 50th from the 8th) and
    // the young PESEL on 12: all but the first of each are flagged.
    assert_eq!(again.status().expect("status").flagged, 12 + 11);
}

#[test]
fn two_processes_on_one_store_see_each_others_waiting_cards() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut kiosk = create(tmp.path());
    let pesel = adult(11);
    let a = kiosk
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("a");
    save(&mut kiosk, 12);
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
        ids.push(save(&mut store, 20 + i).card_id);
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
        ids.push(save(&mut store, 30 + i).card_id);
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

#[test]
fn two_rows_for_one_entry_and_a_tail_longer_than_a_batch_are_damage() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut ids = Vec::new();
    for i in 0..40 {
        ids.push(save(&mut store, 100 + i).card_id);
    }
    drop(store);
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    // A made-up second row for a real entry: the card shown voided.
    db.execute(
        "INSERT INTO card_versions(card_id, seq, kind, valid, reasons, flagged, operator, at)
         SELECT 'P01-000050', seq, 'voided', 0, '', 0, operator, at FROM card_versions WHERE card_id = ?1",
        [&ids[5]],
    )
    .expect("insert");
    drop(db);
    let err = Store::open(tmp.path())
        .expect("open")
        .check()
        .expect_err("caught")
        .to_string();
    assert!(
        err.contains("more than one card index row for this entry"),
        "{err}"
    );

    // The rows of the last 300 cards deleted: more than a kiosk ever leaves
    // waiting (256), so not a tail.
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    for i in 0..300 {
        save(&mut store, 200 + i);
    }
    drop(store);
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    db.execute("DELETE FROM card_versions", []).expect("delete");
    drop(db);
    let err = Store::open(tmp.path())
        .expect("open")
        .check()
        .expect_err("caught")
        .to_string();
    assert!(err.contains("the card index lacks this entry"), "{err}");
}

#[test]
fn an_index_row_deleted_under_a_running_kiosk_is_caught_by_the_journals_own_flags() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut kiosk = create(tmp.path());
    let pesel = adult(300);
    let first = kiosk
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("first");
    // Indexed (a reader catches up), then another card waits.
    assert_eq!(kiosk.status().expect("status").cards, 1);
    save(&mut kiosk, 301);
    // Someone with the disk deletes the first card's row while the kiosk
    // runs; the next card with the same PESEL is then not flagged…
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    db.execute(
        "DELETE FROM card_versions WHERE card_id = ?1",
        [&first.card_id],
    )
    .expect("delete");
    drop(db);
    let third = kiosk
        .enter_card(card(&pesel), "Anna", Source::Kiosk)
        .expect("third");
    assert!(third.same_pesel.is_empty(), "the edit hid the earlier card");
    drop(kiosk);
    // …and the index is whole again, written from the journal. But the
    // journal itself says the third card was saved not knowing the first.
    let store = Store::open(tmp.path()).expect("open");
    let err = store.check().expect_err("caught").to_string();
    assert!(
        err.contains(&format!(
            "journal[{}]: the earlier cards with this PESEL are {}, but the entry names —",
            third.seq, first.card_id
        )),
        "{err}"
    );
    assert!(!err.contains(&pesel), "no PESEL in the report: {err}");
}

#[test]
fn a_waiting_entry_changed_on_the_disk_gets_no_index_row() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    save(&mut store, 400);
    let last = save(&mut store, 401);
    // Killed with both waiting; then the last entry's surname is changed
    // with the triggers out of the way, its stored hash and signature left.
    std::mem::forget(store);
    unguarded(tmp.path(), |db| {
        db.execute(
            "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), 'Kowalski', 'Zmieniony') AS BLOB) WHERE seq = ?1",
            [last.seq as i64],
        )
        .expect("edit");
    });
    // The entry waits for the seal, so its own signature is checked when
    // the store opens: damaged at once, before anything derives from it.
    let mut store = Store::open(tmp.path()).expect("open");
    let err = StoreError::Damaged(store.problems().to_vec());
    assert!(
        err.to_string().contains(&format!(
            "journal[{}]: the hash does not match its contents",
            last.seq
        )),
        "{err}"
    );
    assert!(
        err.describe(urna::i18n::Lang::Pl)
            .contains("skrót nie zgadza się z treścią"),
        "in Polish too"
    );
    drop(store);
    assert_eq!(on_disk(tmp.path()), (0, 2), "no row derived from it");
}

#[test]
fn urna_check_leaves_the_file_as_it_found_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    for i in 0..3 {
        save(&mut store, 500 + i);
    }
    std::mem::forget(store);
    let db = tmp.path().join("urna.sqlite");
    // Everything in the database file, the WAL checkpointed into it.
    Connection::open(&db)
        .expect("open")
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    let before = std::fs::read(&db).expect("read");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .arg("--data-dir")
        .arg(tmp.path())
        .args(["--lang", "en", "check"])
        .output()
        .expect("urna check");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Connection::open(&db)
        .expect("open")
        .pragma_update(None, "wal_checkpoint", "TRUNCATE")
        .expect("checkpoint");
    assert!(
        std::fs::read(&db).expect("read") == before,
        "`urna check` changed the store"
    );
    assert_eq!(on_disk(tmp.path()), (0, 3));
}

#[test]
fn a_check_beside_a_writing_process_sees_one_state_of_the_store() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = create(tmp.path());
    drop(store);
    let dir = tmp.path().to_path_buf();
    let writer = std::thread::spawn(move || {
        let mut s = reopen(&dir);
        for i in 0..400 {
            save(&mut s, 600 + i);
        }
    });
    let mut checks = 0;
    while !writer.is_finished() {
        let mut s = Store::open(tmp.path()).expect("open");
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        s.check().expect("every check beside the writer passes");
        checks += 1;
    }
    writer.join().expect("writer");
    assert!(checks > 3, "only {checks} checks ran beside the writer");
}
