//! Review of 729b309 ("card index: when a process's own saves are the whole
//! tail, the save that finds 256 waiting writes the rows it made while
//! saving"). `Recent::head` only tells whether another process *appended*
//! to the journal; it does not tell whether another process wrote the
//! tail's *index rows*, nor whether the tail's entries on the disk are still
//! the ones this process wrote. The first two tests pass on 8d5726f (the
//! catch-up walked the tail on the disk) and fail on 729b309; the third
//! fails on both (an older hole, found while reviewing).

use rusqlite::params;
use urna::store::journal::Source;
use urna::store::{Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, on_disk, save, unguarded};

/// `urna import-cards` is saving cards; meanwhile `urna status` (or the
/// kiosk's list, or anything that reads the index) runs in another
/// process and writes the waiting rows, appending nothing to the journal.
/// The importer's list still looks like "the whole tail", so its 257th
/// save inserts those rows a second time: the primary key refuses, the save
/// fails, and the real `import-cards` stops ("the write would break the
/// database's constraints").
#[test]
fn another_process_writing_the_waiting_rows_does_not_fail_the_257th_save() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut import = create(tmp.path());
    for i in 0..10 {
        save(&mut import, i);
    }
    assert_eq!(on_disk(tmp.path()), (0, 10));
    {
        // A reader in another process: its first read writes the tail.
        let status = Store::open(tmp.path()).expect("open");
        assert_eq!(status.status().expect("status").cards, 10);
    }
    assert_eq!(on_disk(tmp.path()), (10, 10), "the reader wrote the rows");
    for i in 10..256 {
        save(&mut import, i);
    }
    // The 257th save finds 256 "own" cards waiting, 10 of them indexed.
    let r = import.enter_card(card(&adult(256)), "Anna", Source::Kiosk);
    assert!(r.is_ok(), "the 257th save failed: {r:?}");
    drop(import);
    assert_eq!(on_disk(tmp.path()), (257, 257));
    Store::open(tmp.path())
        .expect("open")
        .check()
        .expect("sound");
}

/// docs/threat-model.md: "the tail's entries are chained again before a
/// row is derived from them, so an entry of the tail changed on the disk
/// gets no row and every read is refused". Changed under a running
/// process, the entry now gets the row this process made in memory, the
/// save seals over it, and the process goes on saving on a damaged store.
#[test]
fn a_waiting_entry_changed_under_a_running_process_gets_no_row_from_memory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut saved = Vec::new();
    for i in 0..40 {
        saved.push(save(&mut store, 1000 + i));
    }
    let changed = saved[2].seq;
    unguarded(tmp.path(), |db| {
        db.execute(
            "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), 'Kowalski', 'Zmieniony') AS BLOB) WHERE seq = ?1",
            params![changed as i64],
        )
        .expect("edit");
    });
    for i in 40..256 {
        save(&mut store, 1000 + i);
    }
    // The 257th save writes the 256 waiting rows.
    let r = store.enter_card(card(&adult(2000)), "Anna", Source::Kiosk);
    let c = rusqlite::Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    let row: i64 = c
        .query_row(
            "SELECT COUNT(*) FROM card_versions WHERE seq = ?1",
            [changed as i64],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(row, 0, "a row was derived for the changed entry {changed}");
    assert!(
        matches!(r, Err(StoreError::Damaged(_))),
        "a save over a changed waiting entry: {r:?}"
    );
    std::mem::forget(store);
}

/// Not from 729b309 (fails on 8d5726f too): someone with the disk rewrites
/// an entry long sealed (a voter's address) while a kiosk or an import is
/// running, and recomputes the chain up to the head. The running process
/// chains its next entry to the forged head and seals it: `seal_head` and
/// `verify_unsealed` (src/store/append.rs) start from the journal's hash at
/// the sealed entry as it is on the disk and never compare it with the
/// seal's own `head`, so the forgery gets a valid seal and `urna check`
/// passes. docs/threat-model.md: changing journal entries "with or without
/// recomputing the hash chain" is detected.
#[test]
fn a_chain_recomputed_under_a_running_process_is_not_sealed() {
    use urna::store::journal::{GENESIS, chain_hash};
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let mut saved = Vec::new();
    for i in 0..40 {
        saved.push(save(&mut store, 3000 + i));
    }
    let target = saved[2].seq;
    unguarded(tmp.path(), |db| {
        let mut prev: [u8; 32] = match target {
            1 => GENESIS,
            _ => db
                .query_row(
                    "SELECT hash FROM journal WHERE seq = ?1",
                    [target as i64 - 1],
                    |r| r.get::<_, Vec<u8>>(0),
                )
                .expect("hash")
                .try_into()
                .expect("32 bytes"),
        };
        let rows: Vec<(i64, Vec<u8>)> = db
            .prepare("SELECT seq, body FROM journal WHERE seq >= ?1 ORDER BY seq")
            .expect("prepare")
            .query_map([target as i64], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows");
        for (seq, body) in rows {
            let body = if seq as u64 == target {
                String::from_utf8(body)
                    .expect("utf8")
                    .replace("ul. Długa 1", "ul. Inna 99")
                    .into_bytes()
            } else {
                body
            };
            let hash = chain_hash(&prev, &body);
            db.execute(
                "UPDATE journal SET body = ?1, prev_hash = ?2, hash = ?3 WHERE seq = ?4",
                params![body, prev.as_slice(), hash.as_slice(), seq],
            )
            .expect("rewrite");
            prev = hash;
        }
    });
    // Before the running process writes again, the rewrite is damage.
    assert!(
        Store::open(tmp.path()).expect("open").check().is_err(),
        "the rewrite is seen while nothing has sealed over it"
    );
    // The running process saves on and seals (on closing, logged in).
    let _ = store.enter_card(card(&adult(3999)), "Anna", Source::Kiosk);
    drop(store);
    let body: Vec<u8> = rusqlite::Connection::open(tmp.path().join("urna.sqlite"))
        .expect("open")
        .query_row(
            "SELECT body FROM journal WHERE seq = ?1",
            [target as i64],
            |r| r.get(0),
        )
        .expect("body");
    assert!(
        String::from_utf8_lossy(&body).contains("ul. Inna 99"),
        "still rewritten"
    );
    let check = Store::open(tmp.path()).expect("open").check();
    assert!(
        check.is_err(),
        "entry {target} rewritten with its chain recomputed passes the check"
    );
}
