//! Part 1: a day of cards synced every few cards, in one process. The kiosk
//! enters cards; after every `SYNC_EVERY`-th it asks the office's head
//! (`Tally::point_head`, the server's GET), makes the delta after it
//! (`Store::delta`) and the office imports it (`Tally::import_bytes`, the
//! server's POST). The office's share of each sync (head + import) is
//! timed alone: process CPU from `/proc/self/stat` (the import's worker
//! threads included), summed over windows of syncs because a tick is
//! 10 ms, and the import's wall time, each sync.

use std::path::Path;
use std::time::{Duration, Instant};

use urna::store::journal::Source;
use urna::tally::store::{Imported, Tally};

use super::{
    EDITION, card, cpu_ticks, env_u64, fail, kiosk, ms, percentile, public_key, thread_cpu_ns,
    ticks_ms,
};

/// Syncs per window of the table.
const WINDOW: usize = 50;

/// One sync's figures.
struct Sync {
    /// The kiosk: entering the cards since the last sync (wall).
    enter: Duration,
    /// The kiosk: making the delta (wall, and process CPU ticks).
    delta: Duration,
    delta_ticks: u64,
    /// The office: the head it answers (wall), the import (wall), and
    /// process CPU for both.
    head: Duration,
    import: Duration,
    office_ticks: u64,
    /// The office's CPU on this thread alone (its workers left out), ns.
    office_thread_ns: u64,
    /// The delta's size on the wire.
    bytes: usize,
}

/// What one window of syncs cost.
struct Window {
    first: usize,
    last: usize,
    cards: u64,
    office_cpu_ms: f64,
    office_thread_ms: f64,
    import_p50: Duration,
    import_p99: Duration,
    head_p50: Duration,
    kiosk_cpu_ms: f64,
    delta_p50: Duration,
    delta_p99: Duration,
    enter_p50: Duration,
    bytes: usize,
}

fn window(syncs: &[Sync], first: usize, every: u64) -> Window {
    let w = &syncs[first..(first + WINDOW).min(syncs.len())];
    let sorted = |f: fn(&Sync) -> Duration| {
        let mut v: Vec<Duration> = w.iter().map(f).collect();
        v.sort();
        v
    };
    let import = sorted(|s| s.import);
    let delta = sorted(|s| s.delta);
    let n = w.len() as f64;
    Window {
        first: first + 1,
        last: first + w.len(),
        cards: (first + w.len()) as u64 * every,
        office_cpu_ms: ticks_ms(w.iter().map(|s| s.office_ticks).sum()) / n,
        office_thread_ms: w.iter().map(|s| s.office_thread_ns).sum::<u64>() as f64 / 1e6 / n,
        import_p50: percentile(&import, 50.0),
        import_p99: percentile(&import, 99.0),
        head_p50: percentile(&sorted(|s| s.head), 50.0),
        kiosk_cpu_ms: ticks_ms(w.iter().map(|s| s.delta_ticks).sum()) / n,
        delta_p50: percentile(&delta, 50.0),
        delta_p99: percentile(&delta, 99.0),
        enter_p50: percentile(&sorted(|s| s.enter), 50.0) / every as u32,
        bytes: w.iter().map(|s| s.bytes).sum::<usize>() / w.len(),
    }
}

/// The median wall time of `f` over `n` calls.
fn median_of(n: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    percentile(&v, 50.0)
}

pub fn run(dir: &Path) {
    let cards = env_u64("SYNC_DAY_CARDS", 5000);
    let every = env_u64("SYNC_EVERY", 10).max(1);
    if cards / every < 2 * WINDOW as u64 {
        fail(&format!(
            "SYNC_DAY_CARDS / SYNC_EVERY must give at least {} syncs",
            2 * WINDOW
        ));
    }
    println!(
        "\n== day: {cards} cards, a sync after every {every} ({} syncs), in-process ==",
        cards / every
    );
    let started = Instant::now();
    let (mut tally, recipient) =
        Tally::create(&dir.join("office"), EDITION).expect("create the office's tally");
    let kiosk_dir = dir.join("kiosk");
    let mut store = kiosk(&kiosk_dir, "D01", &recipient);
    tally
        .trust(&public_key(&kiosk_dir), "D01")
        .expect("trust the kiosk");
    println!(
        "setup (tally, kiosk store, trust): {:.2?}",
        started.elapsed()
    );

    let day = Instant::now();
    let mut syncs: Vec<Sync> = Vec::with_capacity((cards / every) as usize);
    let mut entered = Duration::ZERO;
    for n in 1..=cards {
        let t = Instant::now();
        store
            .enter_card(card(n), "Anna", Source::Kiosk)
            .expect("store a card");
        entered += t.elapsed();
        if !n.is_multiple_of(every) {
            continue;
        }
        // The office: what it holds (the server's GET).
        let cpu0 = cpu_ticks();
        let ns0 = thread_cpu_ns();
        let t = Instant::now();
        let (from, head) = tally
            .point_head("D01")
            .expect("read the office's head")
            .unwrap_or_else(|| fail("the office does not trust D01"));
        let head_wall = t.elapsed();
        let ns1 = thread_cpu_ns();
        let cpu1 = cpu_ticks();
        // The kiosk: where it stands, and the delta.
        let t = Instant::now();
        if let Some(p) = store
            .position(from, head.as_deref())
            .expect("compare heads")
        {
            fail(&format!("after card {n} the kiosk stands at {p:?}"));
        }
        let delta = store.delta(from).expect("make a delta");
        let delta_wall = t.elapsed();
        let cpu2 = cpu_ticks();
        let ns2 = thread_cpu_ns();
        // The office: the import (the server's POST).
        let t = Instant::now();
        let imported = tally
            .import_bytes(&delta.sealed.tar, "http:")
            .expect("the office's store");
        let import_wall = t.elapsed();
        let ns3 = thread_cpu_ns();
        let cpu3 = cpu_ticks();
        match imported {
            Ok(Imported::Added { entries, .. }) if entries == delta.entries => {}
            other => fail(&format!(
                "sync after card {n}: {} entries sent, the office answered {other:?}",
                delta.entries
            )),
        }
        syncs.push(Sync {
            enter: std::mem::take(&mut entered),
            delta: delta_wall,
            delta_ticks: cpu2 - cpu1,
            head: head_wall,
            import: import_wall,
            office_ticks: (cpu1 - cpu0) + (cpu3 - cpu2),
            office_thread_ns: (ns1 - ns0) + (ns3 - ns2),
            bytes: delta.sealed.tar.len(),
        });
    }
    let day_wall = day.elapsed();

    // Zero lost: the office's head is the kiosk's.
    let status = store.status().expect("the kiosk's counts");
    let held = tally.point_head("D01").expect("the office's head");
    if held != Some((status.journal_entries, Some(status.head_hash.clone()))) {
        fail(&format!(
            "the office holds {held:?}, the kiosk's head is {} {}",
            status.journal_entries, status.head_hash
        ));
    }
    println!(
        "{} syncs in {:.1?} (the whole loop, cards included); the office holds all {} entries, head {}…",
        syncs.len(),
        day_wall,
        status.journal_entries,
        &status.head_hash[..16]
    );

    println!(
        "\n| syncs | cards at end | office CPU ms/sync | office main thread CPU ms/sync | import p50 ms | import p99 ms | head p50 ms | kiosk delta CPU ms | delta p50 ms | delta p99 ms | card entry p50 ms | delta bytes |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let windows: Vec<Window> = (0..syncs.len())
        .step_by(WINDOW)
        .map(|first| window(&syncs, first, every))
        .collect();
    for w in &windows {
        println!(
            "| {}–{} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.3} | {:.2} | {:.2} | {:.2} | {:.3} | {} |",
            w.first,
            w.last,
            w.cards,
            w.office_cpu_ms,
            w.office_thread_ms,
            ms(w.import_p50),
            ms(w.import_p99),
            ms(w.head_p50),
            w.kiosk_cpu_ms,
            ms(w.delta_p50),
            ms(w.delta_p99),
            ms(w.enter_p50),
            w.bytes
        );
    }
    let (start, end) = (&windows[0], windows.last().expect("two windows at least"));
    let ratio = |a: f64, b: f64| if a > 0.0 { b / a } else { f64::NAN };
    println!(
        "\nend ÷ start (syncs {}–{} against {}–{}): office CPU {:.2}× (main thread {:.2}×), import p50 {:.2}×, import p99 {:.2}×; kiosk delta CPU {:.2}×, delta p50 {:.2}×",
        end.first,
        end.last,
        start.first,
        start.last,
        ratio(start.office_cpu_ms, end.office_cpu_ms),
        ratio(start.office_thread_ms, end.office_thread_ms),
        ratio(ms(start.import_p50), ms(end.import_p50)),
        ratio(ms(start.import_p99), ms(end.import_p99)),
        ratio(start.kiosk_cpu_ms, end.kiosk_cpu_ms),
        ratio(ms(start.delta_p50), ms(end.delta_p50)),
    );

    // Halves of the day: many more ticks per figure than a window of 50.
    let half = syncs.len() / 2;
    let per_sync = |w: &[Sync]| ticks_ms(w.iter().map(|s| s.office_ticks).sum()) / w.len() as f64;
    let thread_ms = |w: &[Sync]| {
        w.iter().map(|s| s.office_thread_ns).sum::<u64>() as f64 / 1e6 / w.len() as f64
    };
    let (a, b) = syncs.split_at(half);
    println!(
        "halves (syncs 1–{half} against {}–{}): office CPU {:.2} → {:.2} ms/sync ({:.2}×), main thread {:.3} → {:.3} ms/sync ({:.2}×)",
        half + 1,
        syncs.len(),
        per_sync(a),
        per_sync(b),
        ratio(per_sync(a), per_sync(b)),
        thread_ms(a),
        thread_ms(b),
        ratio(thread_ms(a), thread_ms(b)),
    );

    // What in the kiosk's delta follows the journal: its two whole-store
    // reads, timed alone at the end of the day (the rest of the delta reads
    // only the new entries and the latest settings).
    let status_wall = median_of(20, || {
        store.status().expect("the kiosk's counts");
    });
    let verif_wall = median_of(20, || {
        store.verification_totals(None).expect("verifications");
    });
    let delta_now = median_of(20, || {
        store.delta(status.journal_entries - every).expect("delta");
    });
    println!(
        "at {} cards, each alone (median of 20): Store::delta of the last {every} entries {:.2} ms, of which Store::status {:.2} ms and Store::verification_totals {:.2} ms",
        status.cards,
        ms(delta_now),
        ms(status_wall),
        ms(verif_wall),
    );
}
