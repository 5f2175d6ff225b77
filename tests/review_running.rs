//! Review of 905aa88 / 0569343 (edits of the journal under a running
//! process; the seal this process made is not verified again while the seal
//! row names it). docs/threat-model.md: "an edit made *under a running kiosk
//! or import* ... is not built on, indexed or sealed: the next save, seal or
//! catch-up refuses the store".
//!
//! Each failing test here is one the running process builds on; the ones
//! that pass record what held.

use rusqlite::{Connection, params};
use urna::store::journal::Source;
use urna::store::{Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, save, unguarded};

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
/// deletes the last three — this process's own waiting cards. The process
/// does not notice that the journal is now shorter than what it wrote
/// itself (`recent.head` > the head): the next save chains to the cut head,
/// is sealed on closing, and the store passes `urna check`. Three cards
/// counted by this kiosk are gone without a trace on the disk.
#[test]
fn own_waiting_cards_deleted_under_a_running_process_are_not_built_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    for i in 0..40 {
        save(&mut store, 7000 + i);
    }
    let head = head_of(tmp.path());
    assert!(sealed_of(tmp.path()) < head - 3, "the last cards wait");
    cut_after(tmp.path(), head - 3);
    let r = store.enter_card(card(&adult(7999)), "Anna", Source::Kiosk);
    drop(store);
    let check = Store::open(tmp.path()).expect("open").check();
    assert!(
        matches!(r, Err(StoreError::Damaged(_))) || check.is_err(),
        "the process built on a journal cut back under it ({r:?}) and the check passes"
    );
}

/// The same with the cut reaching into what this process sealed itself:
/// an idle kiosk sealed its head (n); the journal is cut back to an earlier
/// card's entry k, and the seal row set to (k, hash_k, sig_k) — a card's
/// own signature is the seal text over the journal up to it, so it is a
/// valid seal. The process remembers its seal over n > k but the seal's
/// shortcut only ever asks "is this the seal I know", never "did the seal
/// go backwards": the next save builds on it and `urna check` passes.
#[test]
fn a_journal_cut_back_behind_this_process_s_own_seal_is_not_built_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    {
        let mut store = create(tmp.path());
        for i in 0..40 {
            save(&mut store, 7100 + i);
        }
    }
    let mut store = kiosk_store::reopen(tmp.path());
    for i in 0..10 {
        save(&mut store, 7200 + i);
    }
    store.index_pending().expect("caught up and sealed when idle");
    let head = head_of(tmp.path());
    assert_eq!(sealed_of(tmp.path()), head, "this process sealed its head");
    let k = head - 8;
    unguarded(tmp.path(), |db| {
        let (hash, sig): (Vec<u8>, String) = db
            .query_row(
                "SELECT hash, sig FROM journal WHERE seq = ?1",
                [k],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
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
/// address), its hash left as it was — no chain recomputed. The running
/// process's next save, its seal when idle and another kind of write all
/// go on: nothing they do chains a sealed entry again. Stays damage for
/// `urna check` (the hash no longer matches), but the claim is "the next
/// save, seal or catch-up refuses the store".
#[test]
fn a_sealed_entry_changed_without_its_hash_under_a_running_process_is_refused_by_the_next_write() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut saved = Vec::new();
    {
        let mut store = create(tmp.path());
        for i in 0..40 {
            saved.push(save(&mut store, 7300 + i));
        }
    }
    let mut store = kiosk_store::reopen(tmp.path());
    save(&mut store, 7398);
    store.index_pending().expect("caught up and sealed when idle");
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
    drop(store);
    assert!(
        Store::open(tmp.path()).expect("open").check().is_err(),
        "still damage at rest"
    );
    assert!(
        r1.is_err() || r2.is_err() || r3.is_err(),
        "save {r1:?}, seal {r2:?}, setting {r3:?}: all went on over the changed sealed entry {target}"
    );
}

/// Held: the seal row's signature replaced by garbage while it still names
/// the seal this process made (`Own::seal` skips its verification). Nothing
/// unsigned is vouched for, but the process's next seal overwrites the
/// garbage and `urna check` then passes: the tamper is erased rather than
/// refused. Recorded as it behaves.
#[test]
fn a_seal_signature_replaced_under_the_process_that_made_it_is_overwritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    {
        let mut store = create(tmp.path());
        for i in 0..40 {
            save(&mut store, 7400 + i);
        }
    }
    let mut store = kiosk_store::reopen(tmp.path());
    save(&mut store, 7498);
    store.index_pending().expect("sealed when idle");
    unguarded(tmp.path(), |db| {
        db.execute("UPDATE seal SET signature = 'RWQgarbage' WHERE id = 1", [])
            .expect("edit");
    });
    // Another process sees it at once.
    assert!(Store::open(tmp.path()).expect("open").check().is_err());
    let r = store.enter_card(card(&adult(7499)), "Anna", Source::Kiosk);
    assert!(r.is_ok(), "{r:?}");
    store.index_pending().expect("the shortcut takes the seal row as its own");
    drop(store);
    assert!(
        Store::open(tmp.path()).expect("open").check().is_ok(),
        "the replaced signature was overwritten by the next seal"
    );
}

/// Held: the seal row rolled back to an older seal of this very process
/// (a genuine signature), the journal left whole. The next seal verifies
/// every entry after the old seal again (signatures) and seals the head;
/// nothing forged is vouched for.
#[test]
fn a_seal_row_rolled_back_to_an_older_own_seal_vouches_for_nothing_new() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    for i in 0..10 {
        save(&mut store, 7500 + i);
    }
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
    save(&mut store, 7599);
    store.index_pending().expect("sealed again");
    drop(store);
    Store::open(tmp.path())
        .expect("open")
        .check()
        .expect("sound");
}

/// Review of f9e19bf (completions in the line's language): `urna operator
/// help ` + Tab offered add/list/help before (clap_complete built the
/// command itself and gave the help subcommand the tree); the localized
/// command is built one level at a time by `help::localize`'s
/// `render_usage`, so its help subcommand has no subcommands and fish now
/// offers the directory's files (zsh: `_default`, every command on PATH).
/// bash, made from the plain command, still offers them.
#[test]
fn fish_still_completes_the_commands_after_help() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let ok = std::process::Command::new(env!("CARGO_BIN_EXE_urna"))
        .args(["generate-assets", "--out"])
        .arg(tmp.path())
        .status()
        .expect("run urna generate-assets");
    assert!(ok.success());
    for line in ["urna operator help ", "urna --lang en operator help "] {
        let out = std::process::Command::new("fish")
            .arg("--no-config")
            .arg("-c")
            .arg(format!(
                "source {}; complete -C '{line}'",
                tmp.path().join("urna.fish").display()
            ))
            .output()
            .expect("fish runs");
        let offers = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            offers.lines().any(|l| l.starts_with("add\t"))
                && offers.lines().any(|l| l.starts_with("list\t")),
            "`{line}` + Tab: {offers}"
        );
    }
}
