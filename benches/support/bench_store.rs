//! The kiosk bench's store: 100,000 cards (or 1,000 in `--test` mode) made
//! once through the public API and kept in `target/tmp/` (benches/kiosk.rs).

use chrono::{Days, NaiveDate};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;
use urna::card::RawCard;
use urna::edition::{Edition, roman};
use urna::pesel::{self, Sex};
use urna::store::journal::Source;
use urna::store::{DB_FILE, Store};
use urna::tui::demo::{demo_operators, demo_store};

/// Bump when `stored_card` changes, so a cached store is rebuilt.
pub const GENERATOR: &str = "kiosk-bench-store v2 (schema with the day index)";

/// How much work this run does: `cargo bench`, or a quick `--test` pass.
pub struct Plan {
    pub cards: u64,
    pub samples: usize,
    pub process_starts: usize,
}

impl Plan {
    /// Criterion's rule: without `--bench` (`cargo test --benches`), or with
    /// `--test`, benches run once as tests.
    pub fn from_args() -> Plan {
        let has = |flag: &str| std::env::args().any(|a| a == flag);
        if has("--test") || !has("--bench") {
            Plan {
                cards: 1_000,
                samples: 200,
                process_starts: 2,
            }
        } else {
            Plan {
                cards: 100_000,
                samples: 5_000,
                process_starts: 20,
            }
        }
    }

    pub fn label(&self) -> String {
        if self.cards.is_multiple_of(1000) {
            format!("{}k", self.cards / 1000)
        } else {
            self.cards.to_string()
        }
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real calendar date")
}

pub const FIRST: [&str; 12] = [
    "Anna",
    "Piotr",
    "Małgorzata",
    "Krzysztof",
    "Agnieszka",
    "Tomasz",
    "Katarzyna",
    "Paweł",
    "Barbara",
    "Michał",
    "Zofia",
    "Łukasz",
];
pub const LAST: [&str; 12] = [
    "Nowak",
    "Kowalski",
    "Wiśniewska",
    "Wójcik",
    "Kowalczyk",
    "Kamińska",
    "Lewandowski",
    "Zielińska",
    "Szymański",
    "Woźniak",
    "Dąbrowska",
    "Kozłowski",
];
pub const STREETS: [&str; 8] = [
    "ul. Kalwaryjska",
    "ul. Wielicka",
    "os. Centrum C",
    "ul. Długa",
    "al. Pokoju",
    "ul. Kamieńskiego",
    "os. Piastów",
    "ul. Zakopiańska",
];

/// The PESEL of the `n`-th stored card: every card its own, except one in a
/// thousand that repeats an earlier voter (flagged, as the kiosk would).
pub fn stored_pesel(n: u64) -> String {
    if n % 1000 == 999 {
        return stored_pesel(n - 500);
    }
    let sex = if n.is_multiple_of(2) {
        Sex::Female
    } else {
        Sex::Male
    };
    if n % 100 < 6 {
        // Under 16 on every day of the window: born from 1998-10-01 on.
        let born = date(1998, 10, 1)
            .checked_add_days(Days::new(n / 100 % 1000))
            .expect("birth date");
        return pesel::synthesize(born, 500 + (n % 100) as u16, sex).expect("PESEL");
    }
    let born = date(1930, 1, 1)
        .checked_add_days(Days::new(n % 24_000))
        .expect("birth date");
    pesel::synthesize(born, (n / 24_000 % 500) as u16, sex).expect("PESEL")
}

/// The `n`-th card of the store: districts, picks, names and days spread out;
/// about one card in seven has a defect of the paper.
pub fn stored_card(edition: &Edition, n: u64, cards: u64) -> RawCard {
    let district = &edition.districts[(n % edition.districts.len() as u64) as usize];
    let local_list = &district.list.projects;
    let k = local_list.len();
    let local_n = (edition.ballot.local_picks as usize).min(k);
    let start = (n / 3) as usize;
    let mut local: Vec<String> = (0..local_n)
        .map(|i| local_list[(start + i) % k].id.clone())
        .collect();
    let city = &edition.citywide.projects;
    let cstart = (n * 7) as usize;
    let mut citywide: Vec<String> = (0..edition.ballot.citywide_picks as usize)
        .map(|i| city[(cstart + i) % city.len()].id.clone())
        .collect();
    let mut pesel = stored_pesel(n);
    let mut signed = true;
    let mut address = format!(
        "{} {}/{}, 3{}-{:03} Kraków",
        STREETS[(n % 8) as usize],
        n % 120 + 1,
        n % 40 + 1,
        n % 2,
        n % 1000
    );
    match n % 100 {
        6..=8 => signed = false,
        9 | 10 => local[1] = local[0].clone(),
        11 => {
            // A digit misread on the paper: the check digit no longer fits.
            let last = pesel.pop().expect("11 digits");
            let wrong = (last.to_digit(10).expect("digit") + 1) % 10;
            pesel.push(char::from_digit(wrong, 10).expect("digit"));
        }
        12 => citywide.truncate(3),
        13 => address.clear(),
        _ => {}
    }
    let window = (edition.voting_end - edition.voting_start).num_days() as u64 + 1;
    RawCard {
        first_name: FIRST[(n % 12) as usize].into(),
        last_name: LAST[(n / 12 % 12) as usize].into(),
        address,
        pesel,
        signed,
        district: if n.is_multiple_of(3) {
            district.number.to_string()
        } else {
            roman::to_roman(district.number)
        },
        local,
        citywide,
        // The urn's days in order, as a point enters them day by day.
        cast_date: edition
            .voting_start
            .checked_add_days(Days::new(n * window / cards))
            .expect("a day of the window"),
        marks: Vec::new(),
    }
}

/// Opens the cached store if it is complete, else builds it.
pub fn bench_store(plan: &Plan) -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.join(format!("urna-bench-{}", plan.label()));
    let marker = dir.join("BUILT");
    let stamp = format!("{GENERATOR}, {} cards", plan.cards);
    if let Ok(built) = fs::read_to_string(&marker)
        && built.lines().next() == Some(stamp.as_str())
        && Store::open(&dir)
            .and_then(|s| s.status())
            .is_ok_and(|s| s.cards == plan.cards)
    {
        eprintln!(
            "kiosk bench: reusing the store in {} ({})",
            dir.display(),
            built.lines().nth(1).unwrap_or("build time unknown")
        );
        return dir;
    }
    let building = tmp.join(format!("urna-bench-{}.building", plan.label()));
    for d in [&dir, &building] {
        if d.exists() {
            fs::remove_dir_all(d).expect("remove an old bench store");
        }
    }
    eprintln!(
        "kiosk bench: building a store of {} cards in {} (one fsync per card)…",
        plan.cards,
        dir.display()
    );
    let started = Instant::now();
    {
        let mut store = demo_store(&building).expect("create the demo store");
        let edition = store.edition().clone();
        let operators = demo_operators();
        for n in 0..plan.cards {
            let who = &operators[(n / 500 % operators.len() as u64) as usize].name;
            store
                .enter_card(stored_card(&edition, n, plan.cards), who, Source::Kiosk)
                .expect("store a card");
            if (n + 1) % 10_000 == 0 {
                eprintln!(
                    "  {} cards, {:.1} s",
                    n + 1,
                    started.elapsed().as_secs_f64()
                );
            }
        }
        let status = store.status().expect("status");
        assert_eq!(status.cards, plan.cards);
        eprintln!(
            "kiosk bench: {} cards ({} valid, {} invalid {:?}, {} flagged) built in {:.1} s",
            status.cards,
            status.valid,
            status.invalid,
            status.invalid_by_reason,
            status.flagged,
            started.elapsed().as_secs_f64()
        );
    }
    fs::write(
        building.join("BUILT"),
        format!(
            "{stamp}\nbuilt in {:.1} s\n",
            started.elapsed().as_secs_f64()
        ),
    )
    .expect("write the marker");
    fs::rename(&building, &dir).expect("move the finished store into place");
    assert!(dir.join(DB_FILE).is_file());
    dir
}
