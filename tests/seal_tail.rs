//! The seal a few saves behind the journal, on real SQLite files: a card's
//! save writes its journal entry signed by the journal key, and nothing
//! else; the seal over the head follows once more than 32 entries wait, when
//! nobody types, at log-out and when the store is closed. `urna check` takes
//! the signed entries after the seal for what they are, reports an entry
//! after the seal that the journal key did not sign (no PIN, no signature),
//! and the limit the threat model states holds exactly: cutting the entries
//! that still wait for the seal goes unnoticed, cutting one more does not.

use std::path::Path;

use rusqlite::Connection;
use urna::store::journal::{Entry, Event, Source, chain_hash};
use urna::store::{Store, StoreError};

#[path = "support/kiosk_store.rs"]
mod kiosk_store;

use kiosk_store::{adult, card, create, reopen, save, unguarded};

/// The seal's entry count and the journal's last entry, read from the file.
fn seal_and_head(dir: &Path) -> (i64, i64) {
    let c = Connection::open(dir.join("urna.sqlite")).expect("open the file");
    let sealed = c
        .query_row("SELECT entries FROM seal", [], |r| r.get(0))
        .expect("seal");
    let head = c
        .query_row("SELECT MAX(seq) FROM journal", [], |r| r.get(0))
        .expect("head");
    (sealed, head)
}

/// `urna check` in English on `dir`: its exit code and what it said.
fn urna_check(dir: &Path) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .arg("--data-dir")
        .arg(dir)
        .args(["--lang", "en", "check"])
        .output()
        .expect("urna check");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// A store with `n` cards saved by a process that was then killed (no
/// destructor ran): the cards wait, signed, for the seal.
fn killed_after(n: u16) -> (tempfile::TempDir, i64) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    for i in 0..n {
        save(&mut store, 700 + i);
    }
    std::mem::forget(store);
    let (sealed, head) = seal_and_head(tmp.path());
    assert_eq!(head - sealed, i64::from(n), "the saves waited for the seal");
    (tmp, sealed)
}

#[test]
fn a_save_writes_its_signed_entry_and_the_seal_follows() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    let (sealed, _) = seal_and_head(tmp.path());
    let mut most_waiting = 0;
    for i in 0..80 {
        save(&mut store, 800 + i);
        let (s, h) = seal_and_head(tmp.path());
        most_waiting = most_waiting.max(h - s);
    }
    assert_eq!(most_waiting, 32, "at most 32 saves wait for the seal");
    let (s, h) = seal_and_head(tmp.path());
    assert!(
        s > sealed && s < h,
        "the seal moved with the saves: {s} of {h}"
    );
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    let unsigned: i64 = db
        .query_row(
            "SELECT COUNT(*) FROM journal WHERE kind = 'card_entered' AND sig IS NULL",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(unsigned, 0, "every save carries its own signature");
    // Nobody types for a moment: the kiosk seals what waits.
    store.index_pending().expect("idle");
    let (s, h) = seal_and_head(tmp.path());
    assert_eq!(s, h, "sealed while nobody types");
    // Log-out seals too, and closing the store.
    save(&mut store, 900);
    store.logout();
    let (s, h) = seal_and_head(tmp.path());
    assert_eq!(s, h, "sealed at log-out");
    let mut store = reopen(tmp.path());
    save(&mut store, 901);
    drop(store);
    let (s, h) = seal_and_head(tmp.path());
    assert_eq!(s, h, "sealed when closed");
    assert_eq!(urna_check(tmp.path()).0, 0);
}

#[test]
fn a_killed_kiosks_signed_saves_pass_the_check_and_the_next_login_seals_them() {
    let (tmp, _) = killed_after(5);
    let (code, said) = urna_check(tmp.path());
    assert_eq!(code, 0, "{said}");
    let store = reopen(tmp.path());
    store.check().expect("sound");
    drop(store);
    let (s, h) = seal_and_head(tmp.path());
    assert_eq!(s, h, "the next operator's session sealed them");
    assert_eq!(urna_check(tmp.path()).0, 0);
}

/// Appends a copy of the last card as a new entry with a correct hash, and
/// `sig` as its signature.
fn append_forged(dir: &Path, sig: Option<String>) -> i64 {
    let mut at = 0;
    unguarded(dir, |c| {
        let (last, body, hash): (i64, Vec<u8>, Vec<u8>) = c
            .query_row(
                "SELECT seq, body, hash FROM journal ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("last");
        let mut e: Entry = urna::store::journal::parse_entry(&body).expect("entry");
        e.seq = last as u64 + 1;
        if let Event::CardEntered { card_id, card, .. } = &mut e.event {
            *card_id = format!("P01-{:06}", e.seq);
            card.pesel = adult(999);
        }
        let body = e.canonical_bytes();
        let h = chain_hash(&hash.clone().try_into().expect("32"), &body);
        c.execute(
            "INSERT INTO journal(seq, kind, body, prev_hash, hash, sig) VALUES (?1, 'card_entered', ?2, ?3, ?4, ?5)",
            rusqlite::params![last + 1, body, hash, h.as_slice(), sig],
        )
        .expect("append");
        at = last + 1;
    });
    at
}

#[test]
fn a_card_forged_after_the_seal_is_reported_refused_and_never_sealed() {
    // No signature, and the signature of the entry before (a real one, over
    // another number and hash).
    for copy_sig in [false, true] {
        let (tmp, sealed) = killed_after(3);
        let sig = copy_sig.then(|| {
            Connection::open(tmp.path().join("urna.sqlite"))
                .expect("open")
                .query_row(
                    "SELECT sig FROM journal ORDER BY seq DESC LIMIT 1",
                    [],
                    |r| r.get::<_, String>(0),
                )
                .expect("sig")
        });
        let forged = append_forged(tmp.path(), sig);
        let (code, said) = urna_check(tmp.path());
        assert_eq!(code, 1, "{said}");
        assert!(
            said.contains(&format!(
                "journal[{forged}]: an entry after the seal without the journal key's signature: rewritten, cut or appended to without a PIN"
            )),
            "{said}"
        );
        // The kiosk's first write refuses, and nothing gets sealed.
        let mut store = Store::open(tmp.path()).expect("open");
        store
            .login("Anna", "1234", chrono::Local::now())
            .expect("login");
        let err = store
            .enter_card(card(&adult(990)), "Anna", Source::Kiosk)
            .expect_err("refused");
        assert!(matches!(err, StoreError::Damaged(_)), "{err:?}");
        store.logout();
        drop(store);
        assert_eq!(seal_and_head(tmp.path()), (sealed, forged), "not sealed");
    }
}

#[test]
fn cutting_what_waits_for_the_seal_is_the_stated_limit_and_one_more_is_reported() {
    // The limit (docs/threat-model.md): a kiosk killed while three cards
    // waited for the seal; someone with the disk removes them. Every entry
    // left is sealed or signed, so nothing on the disk shows it — the paper
    // protocol's count and the office's earlier heads do.
    let (tmp, sealed) = killed_after(3);
    unguarded(tmp.path(), |c| {
        c.execute("DELETE FROM journal WHERE seq > ?1", [sealed])
            .expect("cut");
    });
    let (code, said) = urna_check(tmp.path());
    assert_eq!(code, 0, "the stated limit: {said}");
    // One entry more, into what the seal covers: reported.
    unguarded(tmp.path(), |c| {
        c.execute("DELETE FROM journal WHERE seq >= ?1", [sealed])
            .expect("cut");
    });
    let (code, said) = urna_check(tmp.path());
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains(&format!(
            "the journal ends at entry {}, but entry {sealed} was sealed: rewritten, cut or appended to without a PIN",
            sealed - 1
        )),
        "{said}"
    );
}

#[test]
fn a_store_of_the_previous_release_opens_with_its_new_column_and_checks_clean() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = create(tmp.path());
    save(&mut store, 950);
    drop(store);
    // What schema 2 left: every entry sealed, no signature column.
    let db = Connection::open(tmp.path().join("urna.sqlite")).expect("open");
    db.execute_batch("ALTER TABLE journal DROP COLUMN sig; PRAGMA user_version = 2;")
        .expect("schema 2");
    drop(db);
    let mut store = reopen(tmp.path());
    store.check().expect("sound after the upgrade");
    save(&mut store, 951);
    drop(store);
    assert_eq!(urna_check(tmp.path()).0, 0);
}
