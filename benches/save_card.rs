//! Saving one card: `Store::enter_card` against a bare rusqlite insert of a
//! card-sized blob with the same durability (`journal_mode=WAL`,
//! `synchronous=FULL`, one transaction per row), on the same filesystem in the
//! same run. The README quotes the ratio of the two medians (target ≤ 1.5×).
//!
//! Run with `cargo bench --bench save_card`; the figures are in
//! `target/criterion/save_card/*/new/estimates.json` as well.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rusqlite::{Connection, params};
use urna::store::journal::Source;

#[path = "support/cards.rs"]
#[allow(dead_code)] // its EDITION: the store below brings its own
mod cards;
// The store the tests make (point P01, coordinator Anna, PIN 1234): one
// copy of its set-up for both.
#[path = "../tests/support/kiosk_store.rs"]
mod kiosk_store;

use cards::card;

/// About 600 bytes shaped like a journal entry for one card.
fn blob(n: u64) -> Vec<u8> {
    let mut s = format!(
        r#"{{"seq":{n},"at":"2014-09-27T10:00:00+02:00","operator":"Anna","kind":"card_entered","data":{{"card_id":"B01-{n:06}","card":{{"first_name":"Łucja","last_name":"Wiśniewska","address":"ul. Kalwaryjska 41/7, 30-504 Kraków","pesel":"{n:011}","signed":true,"district":"XI","local":["3","1","4","2"],"citywide":["15","4","9","1","12"],"cast_date":"2014-09-27","marks":[]}},"assessment":{{"reasons":[],"district":11,"local":[{{"project":"3","points":5}},{{"project":"1","points":4}},{{"project":"4","points":3}},{{"project":"2","points":2}}],"citywide":[{{"project":"15","points":5}},{{"project":"4","points":4}},{{"project":"9","points":3}}"#
    );
    while s.len() < 600 {
        s.push(' ');
    }
    s.push_str("]}}}");
    s.into_bytes()
}

fn bare_db(path: &Path) -> Connection {
    let conn = Connection::open(path).expect("open the bare SQLite file");
    conn.pragma_update(None, "journal_mode", "WAL")
        .expect("journal_mode=WAL");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("synchronous=FULL");
    conn.execute_batch("CREATE TABLE cards (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        .expect("create the bare table");
    conn
}

fn save_card(c: &mut Criterion) {
    // Both databases in one directory on the project's filesystem (not a
    // tmpfs /tmp, where fsync costs nothing).
    let tmp = tempfile::Builder::new()
        .prefix("urna-bench-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temp dir");

    let mut group = c.benchmark_group("save_card");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(12));

    let bare = bare_db(&tmp.path().join("bare.sqlite"));
    let mut n = 0u64;
    group.bench_function("bare_rusqlite_insert", |b| {
        b.iter_batched(
            || {
                n += 1;
                blob(n)
            },
            |body| {
                let mut stmt = bare
                    .prepare_cached("INSERT INTO cards (body) VALUES (?1)")
                    .expect("prepare the insert");
                black_box(stmt.execute(params![body]).expect("insert a row"))
            },
            BatchSize::SmallInput,
        )
    });

    let mut store = kiosk_store::create(&tmp.path().join("store"));
    assert!(
        urna::card::assess(store.edition(), &card(1), store.rule_options()).is_valid(),
        "the bench card must be a valid card"
    );
    let mut n = 0u64;
    group.bench_function("urna_enter_card", |b| {
        b.iter_batched(
            || {
                n += 1;
                card(n)
            },
            |card| {
                black_box(
                    store
                        .enter_card(card, "Anna", Source::Kiosk)
                        .expect("store a card"),
                )
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();

    // What one offline guess of a PIN costs whoever copied the disk: one
    // argon2id derivation with the store's parameters and a failed
    // decryption of a PIN record (docs/threat-model.md multiplies it out).
    let dir = tmp.path().join("store");
    let record: String = Connection::open(dir.join(urna::store::DB_FILE))
        .expect("open the store file")
        .query_row(
            "SELECT pin_hash FROM operators WHERE name = 'Anna'",
            [],
            |r| r.get(0),
        )
        .expect("Anna's PIN record");
    let pepper = hex::decode(
        std::fs::read_to_string(dir.join(urna::store::SECRET_FILE))
            .expect("the pepper")
            .trim(),
    )
    .expect("hex");
    let mut guesses = c.benchmark_group("pin_guess");
    guesses.sample_size(20);
    let mut guess = 0u32;
    guesses.bench_function("one_wrong_pin", |b| {
        b.iter(|| {
            guess = (guess + 1) % 1000;
            let pin = format!("{:04}", 5000 + guess);
            black_box(
                urna::store::keys::open_record(&pepper, "Anna", &pin, &record)
                    .expect("argon2")
                    .is_none(),
            )
        })
    });
    guesses.finish();
}

criterion_group!(benches, save_card);
criterion_main!(benches);
