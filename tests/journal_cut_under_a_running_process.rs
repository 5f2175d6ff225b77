//! Someone with the disk cuts the journal or moves the seal while a kiosk
//! or an import is running in it (found by a second review): the process
//! knows how long the journal was and which seal it made, and refuses a
//! shorter journal, a seal put back or a seal whose signature was replaced,
//! none of which its disk alone would show. And the stated limit: a sealed
//! entry changed without its hash is left to the full check.

use rusqlite::{Connection, params};
use urna::store::journal::Source;
use urna::store::{Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, save, save_many, unguarded};

fn db(dir: &std::path::Path) -> Connection {
    Connection::open(dir.join("urna.sqlite")).expect("open")
}

fn head_of(dir: &std::path::Path) -> i64 {
    db(dir)
        .query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0))
        .expect("head")
}

fn sealed_of(dir: &std::path::Path) -> i64 {
    db(dir)
        .query_row("SELECT entries FROM seal WHERE id = 1", [], |r| r.get(0))
        .expect("seal")
}

/// Deletes the journal after `keep` (and any index rows of what is cut),
/// with the triggers out of the way.
fn cut_after(dir: &std::path::Path, keep: i64) {
    unguarded(dir, |db| {
        db.execute("DELETE FROM card_versions WHERE seq > ?1", [keep])
            .expect("rows");
        db.execute("DELETE FROM journal WHERE seq > ?1", [keep])
            .expect("cut");
    });
}

/// A running kiosk has saved 40 cards; the last few wait for the seal
/// (it follows every 32) and for their index rows. Someone with the disk
/// deletes the last three — this process's own waiting cards, which at
/// rest is the stated limit (docs/threat-model.md). The process knows the
/// journal was longer: its next save is refused, and nothing is sealed
/// over the cut.
#[test]
fn own_waiting_cards_deleted_under_a_running_process_are_not_built_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    save_many(&mut store, 40, 7000);
    let head = head_of(tmp.path());
    assert!(sealed_of(tmp.path()) < head - 3, "the last cards wait");
    cut_after(tmp.path(), head - 3);
    let r = store.enter_card(card(&adult(7999)), "Anna", Source::Kiosk);
    assert!(
        matches!(r, Err(StoreError::Damaged(_))),
        "a save on a journal cut back under the process: {r:?}"
    );
    // Refused again: a failed save keeps what the process knew.
    let again = store.enter_card(card(&adult(7998)), "Anna", Source::Kiosk);
    assert!(matches!(again, Err(StoreError::Damaged(_))), "{again:?}");
    assert!(
        store.index_pending().is_err(),
        "nothing sealed over the cut"
    );
    drop(store);
    assert_eq!(head_of(tmp.path()), head - 3, "nothing chained to the cut");
}

/// The same with the cut reaching into what this process sealed itself:
/// an idle kiosk sealed its head (n); the journal is cut back to an earlier
/// card's entry k, and the seal row set to (k, hash_k, sig_k) — a card's
/// own signature is the seal text over the journal up to it, so it is a
/// valid seal, and at rest a sound store. The process remembers how long
/// the journal was and its seal over n > k, and builds on neither.
#[test]
fn a_journal_cut_back_behind_this_process_s_own_seal_is_not_built_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    save_many(&mut create(tmp.path()), 40, 7100);
    let mut store = kiosk_store::reopen(tmp.path());
    for i in 0..10 {
        save(&mut store, 7200 + i);
    }
    store
        .index_pending()
        .expect("caught up and sealed when idle");
    let head = head_of(tmp.path());
    assert_eq!(sealed_of(tmp.path()), head, "this process sealed its head");
    let k = head - 8;
    unguarded(tmp.path(), |db| {
        let (hash, sig): (Vec<u8>, String) = db
            .query_row("SELECT hash, sig FROM journal WHERE seq = ?1", [k], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .expect("entry k");
        db.execute("DELETE FROM card_versions WHERE seq > ?1", [k])
            .expect("rows");
        db.execute("DELETE FROM journal WHERE seq > ?1", [k])
            .expect("cut");
        db.execute(
            "UPDATE seal SET entries = ?1, head = ?2, signature = ?3 WHERE id = 1",
            params![k, hash, sig],
        )
        .expect("seal");
    });
    let r = store.enter_card(card(&adult(7999)), "Anna", Source::Kiosk);
    drop(store);
    let check = Store::open(tmp.path()).expect("open").check();
    assert!(
        matches!(r, Err(StoreError::Damaged(_))) || check.is_err(),
        "the process built on a journal cut back behind its own seal ({r:?}) and the check passes"
    );
}

/// An entry long sealed and indexed has its body changed (a voter's
/// address), its hash left as it was — no chain recomputed. A running
/// process does not read sealed entries again (that is the full check's
/// work, at every start and in `urna check`), so its next save, its seal
/// when idle and another kind of write go on: the stated limit
/// (docs/threat-model.md). The change stays damage for `urna check`, which
/// names the entry, and the next start refuses to write.
#[test]
fn a_sealed_entry_changed_without_its_hash_under_a_running_process_is_left_to_the_check() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, saved) = kiosk_store::idle_kiosk(tmp.path(), 40, 7300);
    let target = saved[2].seq;
    unguarded(tmp.path(), |db| {
        db.execute(
            "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), 'ul. Długa 1', 'ul. Inna 99') AS BLOB) WHERE seq = ?1",
            [target as i64],
        )
        .expect("edit");
    });
    let r1 = store.enter_card(card(&adult(7399)), "Anna", Source::Kiosk);
    let r2 = store.index_pending();
    let day = chrono::NaiveDate::from_ymd_opt(2014, 4, 6).expect("date");
    let r3 = store.set_day(day, "Anna");
    assert!(
        r1.is_ok() && r2.is_ok() && r3.is_ok(),
        "the limit as stated: {r1:?} {r2:?} {r3:?}"
    );
    drop(store);
    let problems = match Store::open(tmp.path()).expect("open").check() {
        Err(StoreError::Damaged(p)) => p,
        other => panic!("a sealed entry changed is not reported: {other:?}"),
    };
    assert!(
        problems
            .iter()
            .any(|p| p.table == "journal" && p.row == target.to_string()),
        "{problems:?}"
    );
    let mut next = Store::open(tmp.path()).expect("open");
    assert!(
        next.login("Anna", "1234", chrono::Local::now()).is_err()
            || next
                .enter_card(card(&adult(7397)), "Anna", Source::Kiosk)
                .is_err(),
        "the next start writes on a damaged store"
    );
}

/// The seal row's signature replaced by garbage while it still names the
/// seal this process made: the shortcut (`Own::seal`) takes the row as its
/// own only byte for byte, so the next seal verifies it and refuses; the
/// garbage is not overwritten, and `urna check` reports it.
#[test]
fn a_seal_signature_replaced_under_the_process_that_made_it_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (mut store, _) = kiosk_store::idle_kiosk(tmp.path(), 40, 7400);
    unguarded(tmp.path(), |db| {
        db.execute("UPDATE seal SET signature = 'RWQgarbage' WHERE id = 1", [])
            .expect("edit");
    });
    // Another process sees it at once.
    assert!(Store::open(tmp.path()).expect("open").check().is_err());
    let _ = store.enter_card(card(&adult(7499)), "Anna", Source::Kiosk);
    let r = store.index_pending();
    assert!(
        matches!(&r, Err(StoreError::Damaged(p)) if p.iter().any(|p| p.table == "seal")),
        "the next seal over a replaced signature: {r:?}"
    );
    drop(store);
    assert!(
        Store::open(tmp.path()).expect("open").check().is_err(),
        "the replaced signature is still there to be found"
    );
}

/// The seal row rolled back to an older seal of this very process (a
/// genuine signature), the journal left whole: at rest that is a sound
/// store (a rollback no kiosk can see on its own disk, docs/threat-model.md),
/// but the process that sealed further refuses to seal behind itself.
#[test]
fn a_seal_row_rolled_back_under_the_process_that_sealed_further_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    save_many(&mut store, 10, 7500);
    store.index_pending().expect("sealed");
    let old: (i64, Vec<u8>, String) = db(tmp.path())
        .query_row("SELECT entries, head, signature FROM seal", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .expect("seal");
    for i in 10..20 {
        save(&mut store, 7500 + i);
    }
    store.index_pending().expect("sealed");
    unguarded(tmp.path(), |db| {
        db.execute(
            "UPDATE seal SET entries = ?1, head = ?2, signature = ?3 WHERE id = 1",
            params![old.0, old.1, old.2],
        )
        .expect("roll back");
        // And a forged unsigned card after it, chained.
    });
    let _ = store.enter_card(card(&adult(7599)), "Anna", Source::Kiosk);
    let r = store.index_pending();
    assert!(
        matches!(&r, Err(StoreError::Damaged(p)) if p.iter().any(|p| p.table == "seal")),
        "a seal put back under the process that sealed further: {r:?}"
    );
    drop(store);
    // At rest, every entry after the old seal is signed: nothing forged.
    Store::open(tmp.path())
        .expect("open")
        .check()
        .expect("sound at rest");
}
