//! Someone with the disk edits the store while a kiosk or an import is
//! running in it (found by a review of the card index's batched rows): the
//! running process must not build on the edit, nor seal over it, nor index
//! it, and must not fail when another process only wrote the rows it was
//! about to write. `Recent::head` tells only whether another process
//! *appended* to the journal; what the process wrote is held by the hashes
//! it remembers, what was sealed by the seal's own hash and signature.

use rusqlite::params;
use urna::store::journal::Source;
use urna::store::{Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, on_disk, save, save_many, unguarded};

/// `urna import-cards` is saving cards; meanwhile `urna status` (or the
/// kiosk's list, or anything that reads the index) runs in another
/// process and writes the waiting rows, appending nothing to the journal.
/// The importer's list still looks like "the whole tail"; its 257th save
/// must find those rows written and not insert them a second time (which
/// the primary key would refuse, stopping the real `import-cards`).
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
/// process, the entry must not get the row this process made in memory
/// either: the save that would write it is refused.
#[test]
fn a_waiting_entry_changed_under_a_running_process_gets_no_row_from_memory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let saved = save_many(&mut store, 40, 1000);
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

/// Someone with the disk rewrites an entry long sealed (a voter's address)
/// while a kiosk or an import is running, and recomputes the chain up to
/// the head. The running process must neither chain its next entry to the
/// forged head nor seal it (the seal follows the chain from the old seal's
/// own hash, which its entry no longer has), so `urna check` still reports
/// the rewrite (docs/threat-model.md: changing journal entries "with or
/// without recomputing the hash chain" is detected).
#[test]
fn a_chain_recomputed_under_a_running_process_is_not_sealed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let saved = save_many(&mut store, 40, 3000);
    let target = saved[2].seq;
    readdress(tmp.path(), target);
    // Before the running process writes again, the rewrite is damage.
    assert!(
        Store::open(tmp.path()).expect("open").check().is_err(),
        "the rewrite is seen while nothing has sealed over it"
    );
    // The running process saves on and seals (on closing, logged in).
    let _ = store.enter_card(card(&adult(3999)), "Anna", Source::Kiosk);
    drop(store);
    assert!(
        body_of(tmp.path(), target).contains("ul. Inna 99"),
        "still rewritten"
    );
    let check = Store::open(tmp.path()).expect("open").check();
    assert!(
        check.is_err(),
        "entry {target} rewritten with its chain recomputed passes the check"
    );
}

/// Rewrites entry `target` with `edit` and recomputes the hash chain from
/// it to the head, with the journal's triggers dropped: what a hand edit
/// that knows the hash function does.
fn recompute_from(dir: &std::path::Path, target: u64, edit: impl Fn(String) -> String) {
    use urna::store::journal::{GENESIS, chain_hash};
    unguarded(dir, |db| {
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
                edit(String::from_utf8(body).expect("utf8")).into_bytes()
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
}

/// [`recompute_from`] moving entry `target`'s voter to another address.
fn readdress(dir: &std::path::Path, target: u64) {
    recompute_from(dir, target, |body| {
        body.replace("ul. Długa 1", "ul. Inna 99")
    });
}

fn body_of(dir: &std::path::Path, seq: u64) -> String {
    let body: Vec<u8> = rusqlite::Connection::open(dir.join("urna.sqlite"))
        .expect("open")
        .query_row(
            "SELECT body FROM journal WHERE seq = ?1",
            [seq as i64],
            |r| r.get(0),
        )
        .expect("body");
    String::from_utf8_lossy(&body).into_owned()
}

/// The same rewrite made while a kiosk that has saved and caught up (as
/// it does when nobody types) waits for the next card: it holds no cards
/// of its own to compare with, and its checks before the first write are
/// behind it, so what holds is the seal, whose hash is no longer its
/// entry's.
#[test]
fn a_chain_recomputed_under_an_idle_kiosk_is_not_sealed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, saved) = kiosk_store::idle_kiosk(tmp.path(), 40, 4000);
    let target = saved[2].seq;
    readdress(tmp.path(), target);
    let r = store.enter_card(card(&adult(4999)), "Anna", Source::Kiosk);
    assert!(
        matches!(r, Err(StoreError::Damaged(_))),
        "a save onto a recomputed chain: {r:?}"
    );
    drop(store);
    assert!(body_of(tmp.path(), target).contains("ul. Inna 99"));
    assert!(
        Store::open(tmp.path()).expect("open").check().is_err(),
        "entry {target} rewritten with its chain recomputed passes the check"
    );
}

/// This process's own cards after the seal, one rewritten and the chain
/// recomputed to the head, and then the process closes (its last seal and
/// index rows): the seal compares each with the hash it was written with.
#[test]
fn an_own_waiting_card_rewritten_with_the_chain_is_not_sealed_on_closing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let saved = save_many(&mut store, 40, 5000);
    // The last cards wait for the seal (it follows every 32).
    let target = saved[37].seq;
    readdress(tmp.path(), target);
    drop(store);
    assert!(body_of(tmp.path(), target).contains("ul. Inna 99"));
    let check = Store::open(tmp.path()).expect("open").check();
    assert!(
        check.is_err(),
        "own waiting entry {target} rewritten passes the check after closing"
    );
}

/// A kiosk whose every card is sealed (it sealed when nobody typed) makes
/// another kind of write, the day's date, after the rewrite: nothing after
/// the seal to compare, so the seal's own hash is what refuses it.
#[test]
fn a_chain_recomputed_under_a_sealed_head_is_not_sealed_by_the_next_setting() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, saved) = kiosk_store::idle_kiosk(tmp.path(), 40, 6000);
    let target = saved[2].seq;
    readdress(tmp.path(), target);
    let day = chrono::NaiveDate::from_ymd_opt(2014, 4, 6).expect("date");
    let r = store.set_day(day, "Anna");
    assert!(
        matches!(r, Err(StoreError::Damaged(_))),
        "a setting sealed onto a recomputed chain: {r:?}"
    );
    drop(store);
    assert!(body_of(tmp.path(), target).contains("ul. Inna 99"));
    assert!(Store::open(tmp.path()).expect("open").check().is_err());
}
