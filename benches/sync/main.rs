//! What a sync costs (issue 17, `docs/sync.md`), in two parts:
//!
//! 1. **day** (`day.rs`, in-process): one kiosk store and one office tally;
//!    the kiosk enters a day of cards and after every 10th makes a delta
//!    (`Store::delta`) that the office imports (`Tally::import_bytes`, what
//!    the server calls for each POST). Office CPU and import wall time per
//!    sync, window by window through the day: is the end of the day's sync
//!    as cheap as the start's?
//! 2. **load** (`load.rs`): kiosks made with the library, every one trusted
//!    at the office, sync at once, each from its own thread, against the
//!    real `urna tally serve` on 127.0.0.1 (`urna::sync::sync_with`, GET
//!    head then POST delta): syncs per second, latency, the server's peak
//!    RSS, errors by kind, and zero lost (the office holds every kiosk's
//!    journal head at the end, read from its store after the server stops).
//!
//! Everything lives in a temp dir under `target/tmp` (the project's disk,
//! not a tmpfs: fsync costs what it costs). Run both parts with
//! `cargo bench --bench sync`, one with `cargo bench --bench sync -- day`
//! or `-- load`. Sizes can be changed by environment variables:
//! `SYNC_DAY_CARDS` (5000), `SYNC_EVERY` (10), `SYNC_KIOSKS` (200),
//! `SYNC_ROUNDS` (5), `SYNC_DEADLINE_S` (600).
//!
//! A failed check (a sync refused, an entry lost, the deadline passed) ends
//! the run with a message and exit status 1.

mod day;
mod load;

use std::path::Path;
use std::time::Duration;

use urna::store::{InitParams, Point, Store};

#[path = "../support/cards.rs"]
mod cards;

use cards::{EDITION, card};

/// A new kiosk store for `point` whose deltas go to the office's
/// `recipient`; its coordinator Anna (PIN 1234) stays logged in.
fn kiosk(dir: &Path, point: &str, recipient: &str) -> Store {
    Store::create(
        dir,
        InitParams {
            edition_toml: EDITION,
            point: Point {
                id: point.into(),
                name: format!("bench {point}"),
                mobile: false,
                central_recipient: Some(recipient.to_string()),
                training: false,
            },
            coordinator: "Anna",
            pin: "1234",
            min_pin_length: 4,
        },
    )
    .expect("create a kiosk store")
}

/// The kiosk's public key, as `urna key` prints it and `tally trust` takes it.
fn public_key(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("kiosk.pub")).expect("read kiosk.pub")
}

/// Clock ticks per second of `/proc/*/stat` (USER_HZ: 100 on every Linux
/// build; `sysconf` would need `unsafe`).
const TICKS_PER_S: u64 = 100;

/// CPU time used by this process so far (utime + stime, every thread,
/// the import's workers included), in ticks of 10 ms.
fn cpu_ticks() -> u64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("read /proc/self/stat");
    // The command name (field 2) may hold spaces: count from after its ')'.
    let rest = &stat[stat.rfind(')').expect("a stat line") + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of the line are the 12th and 13th after the name.
    let field = |i: usize| -> u64 { fields[i].parse().expect("a tick count") };
    field(11) + field(12)
}

/// CPU time used by the calling thread so far, in ns
/// (`/proc/thread-self/schedstat`): exact, but without the threads it
/// started and joined.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn ticks_ms(ticks: u64) -> f64 {
    ticks as f64 * 1000.0 / TICKS_PER_S as f64
}

/// The `p`-th percentile (nearest rank) of `sorted`.
fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| fail(&format!("{name}={v:?} is not a whole number"))),
        Err(_) => default,
    }
}

/// Ends the run: a check did not hold.
fn fail(what: &str) -> ! {
    eprintln!("sync bench FAILED: {what}");
    std::process::exit(1)
}

fn main() {
    // `cargo bench` passes `--bench`; anything else not a flag names a part.
    let parts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wants = |p: &str| parts.is_empty() || parts.iter().any(|a| a == p);
    let root = tempfile::Builder::new()
        .prefix("urna-bench-sync-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temp dir");
    println!(
        "sync bench: {} cores, load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    if wants("day") {
        day::run(&root.path().join("day"));
    }
    if wants("load") {
        load::run(&root.path().join("load"));
    }
}
