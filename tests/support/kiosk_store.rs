//! A kiosk store of point P01 made through the library, and cards to save
//! in it: what the store-level tests share.

#![allow(dead_code)] // each test uses the helpers it needs

use std::path::Path;

use chrono::{Local, NaiveDate};
use rusqlite::Connection;
use urna::card::RawCard;
use urna::pesel::{Sex, synthesize};
use urna::store::journal::Source;
use urna::store::{InitParams, Point, Saved, Store};

#[path = "sqlite.rs"]
mod sqlite;

pub const EDITION: &str = include_str!("../../assets/editions/krakow-2014.toml");

pub fn create(dir: &Path) -> Store {
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

pub fn reopen(dir: &Path) -> Store {
    let mut s = Store::open(dir).expect("open");
    s.login("Anna", "1234", Local::now()).expect("login");
    s
}

pub fn card(pesel: &str) -> RawCard {
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

/// Anna saves at the kiosk the card of [`adult`] `serial`.
pub fn save(store: &mut Store, serial: u16) -> Saved {
    store
        .enter_card(card(&adult(serial)), "Anna", Source::Kiosk)
        .expect("save")
}

/// `n` cards saved one after another, serials from `serial`.
pub fn save_many(store: &mut Store, n: u16, serial: u16) -> Vec<Saved> {
    (0..n).map(|i| save(store, serial + i)).collect()
}

pub fn adult(serial: u16) -> String {
    synthesize(
        NaiveDate::from_ymd_opt(1980, 1, 1).expect("date"),
        serial,
        Sex::Female,
    )
    .expect("pesel")
}

/// What another reader of the file sees, without urna: index rows and
/// cards journaled.
pub fn on_disk(dir: &Path) -> (i64, i64) {
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

/// Runs `f` on the file with the journal's append-only triggers out of the
/// way, as someone with the disk would, and puts them back.
pub fn unguarded(dir: &Path, f: impl FnOnce(&Connection)) {
    let db = Connection::open(dir.join("urna.sqlite")).expect("open");
    db.pragma_update(None, "foreign_keys", "OFF")
        .expect("foreign keys off");
    let triggers: Vec<String> = sqlite::column(
        &db,
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'",
    );
    db.execute_batch("DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;")
        .expect("drop");
    f(&db);
    for t in &triggers {
        db.execute_batch(t).expect("trigger back");
    }
}

/// A kiosk that has been running a while and is idle: a closed store of
/// `cards` cards (serials from `serial`), opened again and logged in, one
/// more card saved (so its checks before the first write are behind it),
/// then caught up and sealed as when nobody types. Returns the store and
/// the first cards' saves.
pub fn idle_kiosk(dir: &Path, cards: u16, serial: u16) -> (Store, Vec<Saved>) {
    let saved = save_many(&mut create(dir), cards, serial);
    let mut store = reopen(dir);
    save(&mut store, serial + 998);
    store
        .index_pending()
        .expect("caught up and sealed when idle");
    (store, saved)
}
