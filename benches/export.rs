//! The end-of-day export of a busy point: `urna::bundle::export` on a store
//! of 10,000 cards (target < 1 s), and the stages it is made of, each
//! measured alone on the same store: reading the journal, the day's counts,
//! encrypting the journal to the office (age, X25519), signing the manifest
//! (minisign), and writing the tar (temporary file, fsync, rename, fsync of
//! the directory).
//!
//! The store is built once (`Store::create` + 10,000 × `enter_card`, a few
//! seconds) in a directory under `target/tmp`, on the project's filesystem
//! (not a tmpfs, where fsync costs nothing). Every export writes into a fresh
//! empty directory there; the exports are journaled like real ones, so the
//! journal grows by one `export_made` entry (~300 bytes) per iteration: a few
//! hundred over the run, on a journal of 10,000 card entries (~7 MB), which
//! is printed at the end (about 1.5% more bytes by the last samples).
//!
//! Run with `cargo bench --bench export`; the figures are in
//! `target/criterion/export/*/new/estimates.json` as well.

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use urna::bundle;
use urna::store::journal::Source;
use urna::store::{InitParams, Point, Store};

#[path = "support/cards.rs"]
mod cards;

use cards::{EDITION, card};

const CARDS: u64 = 10_000;

/// A store of `CARDS` cards whose bundles go to a freshly made office key.
fn busy_store(dir: &Path) -> Store {
    let office = age::x25519::Identity::generate().to_public();
    let mut store = Store::create(
        dir,
        InitParams {
            edition_toml: EDITION,
            point: Point {
                id: "B01".into(),
                name: "bench".into(),
                mobile: false,
                central_recipient: Some(office.to_string()),
                training: false,
            },
            coordinator: "Anna",
            pin: "1234",
            min_pin_length: 4,
        },
    )
    .expect("create the store");
    let started = Instant::now();
    for n in 1..=CARDS {
        store
            .enter_card(card(n), "Anna", Source::Kiosk)
            .expect("store a card");
    }
    eprintln!(
        "export bench: {CARDS} cards entered in {:.1?}",
        started.elapsed()
    );
    store
}

fn export(c: &mut Criterion) {
    let tmp = tempfile::Builder::new()
        .prefix("urna-bench-export-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temp dir");
    let mut store = busy_store(&tmp.path().join("store"));
    let out_root = tmp.path().join("out");
    std::fs::create_dir(&out_root).expect("create the output root");
    let fresh_dir = || {
        tempfile::Builder::new()
            .prefix("usb-")
            .tempdir_in(&out_root)
            .expect("create an output dir")
    };

    // One export up front: its sizes, for the stage benches and the record.
    let first_dir = fresh_dir();
    let first = bundle::export(&mut store, first_dir.path(), "Anna").expect("export");
    let bundle_bytes = std::fs::read(&first.path).expect("read the bundle");
    let mut manifest_bytes = serde_json::to_vec_pretty(&first.manifest).expect("manifest JSON");
    manifest_bytes.push(b'\n');
    let journal_bytes: Vec<u8> = store
        .journal()
        .expect("read the journal")
        .into_iter()
        .flat_map(|(_, mut body, _)| {
            body.push(b'\n');
            body
        })
        .collect();
    eprintln!(
        "export bench: bundle {} bytes, journal {} entries, {} bytes in the clear",
        bundle_bytes.len(),
        first.manifest.journal.entries,
        journal_bytes.len()
    );

    let mut group = c.benchmark_group("export");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10));

    group.bench_function("export_10000_cards", |b| {
        b.iter_batched(
            fresh_dir,
            |dir| {
                let exported = bundle::export(&mut store, dir.path(), "Anna").expect("export");
                // The directory is removed after the timing, with the output.
                (dir, black_box(exported))
            },
            BatchSize::PerIteration,
        )
    });

    eprintln!(
        "export bench: the journal now holds {} entries",
        store.journal().expect("read the journal").len()
    );

    // The stages, alone.
    group.bench_function("stage_journal_read", |b| {
        b.iter(|| black_box(store.journal().expect("read the journal")))
    });
    group.bench_function("stage_status", |b| {
        b.iter(|| black_box(store.status().expect("count")))
    });
    let office = age::x25519::Identity::generate().to_public();
    group.bench_function("stage_encrypt_age", |b| {
        b.iter(|| {
            let encryptor =
                age::Encryptor::with_recipients(std::iter::once(&office as &dyn age::Recipient))
                    .expect("an encryptor");
            let mut out = Vec::with_capacity(journal_bytes.len() + 1024);
            let mut w = encryptor.wrap_output(&mut out).expect("wrap");
            w.write_all(&journal_bytes).expect("encrypt");
            w.finish().expect("finish");
            black_box(out)
        })
    });
    group.bench_function("stage_sha256_payload", |b| {
        use sha2::Digest;
        b.iter(|| black_box(sha2::Sha256::digest(&bundle_bytes)))
    });
    let key = store.signing_key().expect("the kiosk key");
    group.bench_function("stage_sign_minisign", |b| {
        b.iter(|| {
            black_box(
                minisign::sign(
                    Some(&key.public),
                    &key.secret,
                    manifest_bytes.as_slice(),
                    Some("urna bundle point=B01 sequence=1 manifest_sha256=00"),
                    Some("signature from urna kiosk"),
                )
                .expect("sign"),
            )
        })
    });
    group.bench_function("stage_write_fsync", |b| {
        b.iter_batched(
            fresh_dir,
            |dir| {
                bundle::write_atomically(&dir.path().join("B01-20140927-1.urna"), &bundle_bytes)
                    .expect("write");
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
