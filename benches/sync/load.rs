//! Part 2: many kiosks syncing at once against the real server. Kiosk
//! stores are made with the library (one argon2 hash of a PIN each: the
//! slow part of the setup, spread over the cores), each with a few cards and
//! trusted at the office; then `urna tally serve` starts on 127.0.0.1 and
//! one thread per kiosk does `SYNC_ROUNDS` rounds of: enter 10 cards,
//! `urna::sync::sync_with` (GET head, POST delta). A transient error (no
//! connection, a 5xx such as the store's 10 s busy timeout) is retried
//! after a short pause, and counted; any other error is counted and fails
//! the run. Past the deadline no thread starts another attempt, and the run
//! fails. At the end the server's peak RSS is read, the server is stopped,
//! and the office's store, opened afresh, must hold every kiosk's journal
//! head, entry count and hash: zero lost.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use urna::i18n::Lang;
use urna::store::Store;
use urna::store::journal::Source;
use urna::store::sync::CentralUrl;
use urna::sync::{Client, SyncError, Synced, sync_with};
use urna::tally::store::Tally;

use super::{EDITION, card, env_u64, fail, kiosk, ms, percentile, public_key};

/// Cards each kiosk holds before the run, and enters before each sync.
const CARDS_BEFORE: u64 = 3;
const CARDS_PER_ROUND: u64 = 10;

/// The real server, killed when dropped (so a panic does not leave it running).
struct Server {
    child: Child,
    url: String,
}

impl Server {
    fn start(tally: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_urna"))
            .env_remove("URNA_DATA_DIR")
            .args(["--lang", "en", "--data-dir"])
            .arg(tally)
            .args(["tally", "serve", "--listen", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start urna tally serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("the server's stdout"))
            .read_line(&mut line)
            .expect("the server's first line");
        let url = line
            .split_whitespace()
            .next()
            .filter(|u| u.starts_with("http://"))
            .unwrap_or_else(|| {
                let _ = child.kill();
                fail(&format!("the server printed no address: {line:?}"))
            })
            .to_string();
        Server { child, url }
    }

    /// A line of `/proc/PID/status` (`VmHWM` and `VmRSS` in kB, `Threads`).
    fn status_kb(&self, key: &str) -> u64 {
        status_field(self.child.id(), key)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

fn status_field(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// The most threads the server ran at once, sampled every 10 ms until
/// `stop` (tokio starts a blocking thread for each store call waiting).
/// (or two minutes past the run's deadline, should a kiosk's thread panic).
fn sample_threads(pid: u32, stop: &AtomicBool, until: Instant) -> u64 {
    let mut most = 0;
    while !stop.load(Ordering::Relaxed) && Instant::now() < until {
        most = most.max(status_field(pid, "Threads"));
        std::thread::sleep(Duration::from_millis(10));
    }
    most
}

/// What one kiosk's thread saw.
#[derive(Default)]
struct Seen {
    /// Each completed sync, first attempt to answer (retries included).
    latencies: Vec<Duration>,
    completed: u64,
    retries: u64,
    /// Errors by kind, transient ones included.
    errors: BTreeMap<String, u64>,
    /// Syncs given up (a lasting error) or not tried (past the deadline).
    failed: u64,
    past_deadline: bool,
}

/// An error's kind for the table: its variant, and for a transport error
/// the start of what the client said.
fn kind(e: &SyncError) -> String {
    match e {
        SyncError::NoUrl => "no url".into(),
        SyncError::Unreachable(why) => {
            format!(
                "unreachable: {}",
                why.words(urna::i18n::Lang::En)
                    .chars()
                    .take(60)
                    .collect::<String>()
            )
        }
        SyncError::Office { code, .. } => format!("office {code}"),
        SyncError::Unknown { .. } => "unknown kiosk".into(),
        SyncError::Refused { code, status, .. } => format!("refused {code} {status}"),
        SyncError::Diverged(_) => "diverged".into(),
        SyncError::Moving => "head moving".into(),
        SyncError::Store(_) => format!(
            "store: {}",
            e.describe(Lang::En).chars().take(60).collect::<String>()
        ),
    }
}

/// One kiosk's rounds.
fn kiosk_rounds(
    store: &mut Store,
    client: &Client,
    first_card: u64,
    rounds: u64,
    deadline: Instant,
) -> Seen {
    let mut seen = Seen::default();
    let mut next = first_card;
    for _ in 0..rounds {
        for _ in 0..CARDS_PER_ROUND {
            store
                .enter_card(card(next), "Anna", Source::Kiosk)
                .expect("store a card");
            next += 1;
        }
        let started = Instant::now();
        let mut attempt = 0u32;
        loop {
            if Instant::now() >= deadline {
                seen.past_deadline = true;
                seen.failed += 1;
                return seen;
            }
            attempt += 1;
            match sync_with(store, client) {
                Ok(Synced::Sent { .. }) => {
                    seen.latencies.push(started.elapsed());
                    seen.completed += 1;
                    break;
                }
                Ok(Synced::UpToDate { .. }) => {
                    // Ten new cards and nothing to send: the office took
                    // them in an attempt whose answer was lost (and retried).
                    *seen.errors.entry("nothing to send".into()).or_default() += 1;
                    seen.latencies.push(started.elapsed());
                    seen.completed += 1;
                    break;
                }
                Err(e) => {
                    *seen.errors.entry(kind(&e)).or_default() += 1;
                    if !e.transient() {
                        seen.failed += 1;
                        break;
                    }
                    seen.retries += 1;
                    std::thread::sleep(Duration::from_millis(50 * u64::from(attempt.min(20))));
                }
            }
        }
    }
    seen
}

pub fn run(dir: &Path) {
    let kiosks = env_u64("SYNC_KIOSKS", 200) as usize;
    let rounds = env_u64("SYNC_ROUNDS", 5);
    let deadline_s = env_u64("SYNC_DEADLINE_S", 600);
    println!(
        "\n== load: {kiosks} kiosks × {rounds} rounds of {CARDS_PER_ROUND} cards + a sync, at once, against `urna tally serve` on 127.0.0.1 (deadline {deadline_s} s) =="
    );

    // Setup: the office, the kiosks (in parallel: each is an argon2 hash),
    // trust.
    let setup = Instant::now();
    let office = dir.join("office");
    let (mut tally, recipient) = Tally::create(&office, EDITION).expect("create the office");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let point = |i: usize| format!("L{i:03}");
    let kiosk_dir = |i: usize| -> PathBuf { dir.join(format!("kiosk-{i:03}")) };
    let mut stores: Vec<(usize, Store)> = std::thread::scope(|s| {
        let made: Vec<_> = (0..cores)
            .map(|c| {
                let (recipient, point, kiosk_dir) = (&recipient, &point, &kiosk_dir);
                s.spawn(move || {
                    (c..kiosks)
                        .step_by(cores)
                        .map(|i| {
                            let mut store = kiosk(&kiosk_dir(i), &point(i), recipient);
                            for k in 0..CARDS_BEFORE {
                                store
                                    .enter_card(card(i as u64 * 1000 + k), "Anna", Source::Kiosk)
                                    .expect("store a card");
                            }
                            (i, store)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        made.into_iter()
            .flat_map(|h| h.join().expect("a setup thread"))
            .collect()
    });
    stores.sort_by_key(|(i, _)| *i);
    let made = setup.elapsed();
    for i in 0..kiosks {
        tally
            .trust(&public_key(&kiosk_dir(i)), &point(i))
            .expect("trust a kiosk");
    }
    drop(tally);
    let mut server = Server::start(&office);
    let central = CentralUrl {
        url: server.url.clone(),
        ca_pem: None,
        every_cards: 10,
        every_minutes: 5,
    };
    for (_, store) in &mut stores {
        store
            .set_central_url(Some(&central))
            .expect("set the office's address");
    }
    println!(
        "setup: {kiosks} kiosk stores with {CARDS_BEFORE} cards each in {:.1?} ({cores} threads), trusted and the server started at {} in {:.1?} in all",
        made,
        server.url,
        setup.elapsed()
    );

    // The run: every thread starts at once.
    let deadline = Instant::now() + Duration::from_secs(deadline_s);
    let barrier = Arc::new(Barrier::new(kiosks + 1));
    let stop = AtomicBool::new(false);
    let pid = server.child.id();
    let (seen, wall, stores, threads) = std::thread::scope(|s| {
        let sampler = s.spawn(|| sample_threads(pid, &stop, deadline + Duration::from_secs(120)));
        let handles: Vec<_> = stores
            .into_iter()
            .map(|(i, mut store)| {
                let (barrier, central, point) = (Arc::clone(&barrier), &central, &point);
                std::thread::Builder::new()
                    .name(point(i))
                    .spawn_scoped(s, move || {
                        let client = Client::new(central).expect("a client");
                        barrier.wait();
                        let first = i as u64 * 1000 + CARDS_BEFORE;
                        let seen = kiosk_rounds(&mut store, &client, first, rounds, deadline);
                        (i, store, seen)
                    })
                    .expect("start a kiosk thread")
            })
            .collect();
        barrier.wait();
        let started = Instant::now();
        let done: Vec<_> = handles
            .into_iter()
            .map(|h| h.join().expect("a kiosk thread"))
            .collect();
        let wall = started.elapsed();
        stop.store(true, Ordering::Relaxed);
        let threads = sampler.join().expect("the sampler");
        let mut seen = Vec::new();
        let mut stores = Vec::new();
        for (i, store, s) in done {
            seen.push(s);
            stores.push((i, store));
        }
        (seen, wall, stores, threads)
    });
    let hwm_kb = server.status_kb("VmHWM");
    let rss_kb = server.status_kb("VmRSS");
    server.stop();

    // What came of it.
    let mut latencies: Vec<Duration> = seen.iter().flat_map(|s| s.latencies.clone()).collect();
    latencies.sort();
    let completed: u64 = seen.iter().map(|s| s.completed).sum();
    let retries: u64 = seen.iter().map(|s| s.retries).sum();
    let failed: u64 = seen.iter().map(|s| s.failed).sum();
    let late = seen.iter().filter(|s| s.past_deadline).count();
    let mut errors: BTreeMap<String, u64> = BTreeMap::new();
    for s in &seen {
        for (k, n) in &s.errors {
            *errors.entry(k.clone()).or_default() += n;
        }
    }

    // Zero lost: the office's store, opened after the server stopped.
    let tally = Tally::open(&office).expect("open the office's store");
    let mut lost = Vec::new();
    let mut entries = 0;
    for (i, store) in &stores {
        let status = store.status().expect("a kiosk's counts");
        entries += status.journal_entries;
        let held = tally.point_head(&point(*i)).expect("the office's head");
        let ours = Some((status.journal_entries, Some(status.head_hash.clone())));
        if held != ours {
            lost.push(format!(
                "{}: the office holds {held:?}, the kiosk {ours:?}",
                point(*i)
            ));
        }
    }

    println!("\n| figure | value |");
    println!("|---|---:|");
    println!("| kiosks × rounds | {kiosks} × {rounds} |");
    println!(
        "| syncs completed | {completed} of {} |",
        kiosks as u64 * rounds
    );
    println!("| wall time | {:.2} s |", wall.as_secs_f64());
    println!(
        "| syncs per second | {:.1} |",
        completed as f64 / wall.as_secs_f64()
    );
    for (name, p) in [("p50", 50.0), ("p90", 90.0), ("p99", 99.0)] {
        println!(
            "| sync latency {name} | {:.1} ms |",
            ms(percentile(&latencies, p))
        );
    }
    println!(
        "| sync latency max | {:.1} ms |",
        ms(latencies.last().copied().unwrap_or_default())
    );
    println!(
        "| server peak RSS (VmHWM) | {:.1} MiB (at the end {:.1} MiB) |",
        hwm_kb as f64 / 1024.0,
        rss_kb as f64 / 1024.0
    );
    println!("| server threads, most at once (sampled every 10 ms) | {threads} |");
    println!("| retries | {retries} |");
    println!("| failed syncs | {failed} |");
    println!(
        "| entries held by the office = the kiosks' | {} of {kiosks} kiosks ({entries} entries) |",
        kiosks - lost.len()
    );
    if errors.is_empty() {
        println!("errors: none");
    } else {
        println!("errors by kind:");
        for (k, n) in &errors {
            println!("  {n:>5} × {k}");
        }
    }
    if late > 0 {
        fail(&format!(
            "{late} kiosks were still syncing when the deadline of {deadline_s} s passed"
        ));
    }
    if !lost.is_empty() {
        fail(&format!(
            "{} kiosks' journals are not all at the office:\n  {}",
            lost.len(),
            lost.join("\n  ")
        ));
    }
    if failed > 0 {
        fail(&format!("{failed} syncs failed"));
    }
}
