//! Crash safety of `urna import-cards`: the real binary imports 20,000 cards and
//! is killed with SIGKILL at a random moment, several times over the same store.
//! After every kill `urna check` must pass, and every row the binary reported
//! (a result line is printed only after its row is committed) must be in the store
//! under the card id it reported.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use urna::card::RawCard;
use urna::cardcsv;
use urna::pesel::{self, Sex};
use urna::store::Store;

/// Rows in the generated card CSV.
const ROWS: usize = 20_000;
/// Import runs over the same store, each killed after a random delay.
const ROUNDS: usize = 6;
/// Seed of the generator for the CSV and the kill delays.
const SEED: u64 = 0x2014_0927_b0d5_eed5;
/// Bounds of the delay before the kill, in milliseconds.
const KILL_AFTER_MS: (u64, u64) = (50, 1500);

/// xorshift64*: small, seeded, reproducible; plenty for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform-enough in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    /// `k` distinct ids out of `1..=n`, in random order.
    fn distinct_ids(&mut self, k: usize, n: u64) -> Vec<String> {
        let mut all: Vec<u64> = (1..=n).collect();
        for i in (1..all.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            all.swap(i, j);
        }
        all.into_iter().take(k).map(|i| i.to_string()).collect()
    }
}

/// What the generator expects the import to make of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Valid,
    Invalid,
    /// The row cannot be read as a card: reported, never stored.
    Unreadable,
}

impl Expect {
    fn status(self) -> &'static str {
        match self {
            Expect::Valid => "valid",
            Expect::Invalid => "invalid",
            Expect::Unreadable => "rejected",
        }
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real calendar date")
}

/// A PESEL of someone born between 1930 and 1997 (at least 16 in 2014).
fn adult_pesel(rng: &mut Rng) -> String {
    let born = date(1930, 1, 1)
        .checked_add_days(Days::new(rng.below(68 * 365)))
        .expect("birth date in range");
    let sex = if rng.below(2) == 0 {
        Sex::Female
    } else {
        Sex::Male
    };
    pesel::synthesize(born, rng.below(1000) as u16, sex).expect("birth year is synthesizable")
}

/// Writes the card CSV: `ROWS` rows, mostly valid, some invalid, a few unreadable.
/// Returns what each row (index = row number - 1) should become.
fn write_cards(path: &Path, rng: &mut Rng) -> Vec<Expect> {
    const FIRST: [&str; 8] = [
        "Anna",
        "Jan",
        "Łucja",
        "Żaneta",
        "Piotr",
        "Zofia",
        "Michał",
        "Katarzyna",
    ];
    const LAST: [&str; 8] = [
        "Kowalski",
        "Nowak",
        "Wiśniewska",
        "Wójcik",
        "Kamińska",
        "Lewandowski",
        "Zieliński",
        "Szymańska",
    ];
    const STREETS: [&str; 6] = [
        "ul. Długa",
        "ul. Wielicka",
        "ul. Kalwaryjska",
        "os. Podwawelskie",
        "al. Pokoju",
        "ul. Łużycka",
    ];
    let mut out = csv::Writer::from_path(path).expect("create the card CSV");
    out.write_record(cardcsv::REQUIRED.iter().chain(&cardcsv::OPTIONAL))
        .expect("write the CSV header");
    let mut expected = Vec::with_capacity(ROWS);
    let mut earlier_pesels: Vec<String> = Vec::new();
    for n in 1..=ROWS {
        let id = format!("r{n:06}");
        let (district, local) = if rng.below(2) == 0 {
            // District XI has only 4 projects: all four are a complete local part.
            ("XI".to_string(), rng.distinct_ids(4, 4))
        } else {
            ("I".to_string(), rng.distinct_ids(5, 10))
        };
        let mut card = RawCard {
            first_name: rng.pick(&FIRST).to_string(),
            last_name: rng.pick(&LAST).to_string(),
            address: format!(
                "{} {}/{}, Kraków",
                rng.pick(&STREETS),
                1 + rng.below(120),
                1 + rng.below(40)
            ),
            pesel: adult_pesel(rng),
            signed: true,
            district,
            local,
            citywide: rng.distinct_ids(5, 15),
            cast_date: date(2014, 9, 27)
                .checked_add_days(Days::new(rng.below(9)))
                .expect("cast date in the window"),
            marks: Vec::new(),
        };
        let mut expect = Expect::Valid;
        let kind = rng.below(100);
        match kind {
            0..80 => {}
            80..84 => {
                // One digit off: the check digit no longer matches.
                let mut digits: Vec<u8> = card.pesel.bytes().collect();
                digits[10] = b'0' + (digits[10] - b'0' + 1) % 10;
                card.pesel = String::from_utf8(digits).expect("ASCII digits");
                expect = Expect::Invalid;
            }
            84..87 => {
                card.signed = false;
                expect = Expect::Invalid;
            }
            87..90 => {
                card.pesel =
                    pesel::synthesize(date(2000, 3, 14), rng.below(1000) as u16, Sex::Male)
                        .expect("2000 is synthesizable");
                expect = Expect::Invalid;
            }
            90..93 => {
                card.citywide[4] = card.citywide[0].clone();
                expect = Expect::Invalid;
            }
            93..95 => {
                card.first_name.clear();
                expect = Expect::Invalid;
            }
            95..98 if !earlier_pesels.is_empty() => {
                // Same person again: still a valid card, flagged for the tally.
                let i = rng.below(earlier_pesels.len() as u64) as usize;
                card.pesel = earlier_pesels[i].clone();
            }
            95..98 => {}
            _ => expect = Expect::Unreadable,
        }
        let mut record = cardcsv::to_record(&id, &card);
        if expect == Expect::Unreadable {
            record[5] = card.cast_date.format("%d.%m.%Y").to_string();
        }
        if expect == Expect::Valid && earlier_pesels.len() < 1000 {
            earlier_pesels.push(card.pesel.clone());
        }
        out.write_record(&record).expect("write a CSV row");
        expected.push(expect);
    }
    out.flush().expect("flush the card CSV");
    expected
}

fn urna(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.arg("--data-dir").arg(data).args(["--lang", "en"]);
    c
}

fn init_store(data: &Path) {
    let edition: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "assets",
        "editions",
        "krakow-2014.toml",
    ]
    .iter()
    .collect();
    let mut child = urna(data)
        .arg("init")
        .arg("--edition")
        .arg(&edition)
        .args(["--point", "P01", "--point-name", "Test"])
        .args(["--coordinator", "Anna", "--pin-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start `urna init`");
    child
        .stdin
        .take()
        .expect("init's stdin is piped")
        .write_all(b"1234\n")
        .expect("send the PIN to `urna init`");
    let out = child.wait_with_output().expect("wait for `urna init`");
    assert!(
        out.status.success(),
        "`urna init` failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every line the importer wrote before it died; `false` marks a last line cut
/// short (no newline).
fn read_lines(stdout: impl Read) -> Vec<(String, bool)> {
    let mut reader = BufReader::new(stdout);
    let mut lines = Vec::new();
    loop {
        let mut buf = Vec::new();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {
                let complete = buf.last() == Some(&b'\n');
                let text = String::from_utf8(buf).expect("import output is UTF-8");
                lines.push((text.trim_end().to_string(), complete));
            }
            Err(e) => panic!("reading the importer's stdout: {e}"),
        }
    }
    lines
}

/// One committed row as the importer reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    card_id: String,
    status: String,
}

/// What one round's output says.
#[derive(Default)]
struct Round {
    /// Rows reported as stored in this run: source id → card.
    committed: BTreeMap<String, Stored>,
    /// Rows reported as already stored earlier: source id → card id.
    already: BTreeMap<String, String>,
    rows_seen: usize,
    finished: bool,
}

fn parse_round(lines: &[(String, bool)], expected: &[Expect]) -> Round {
    let mut round = Round::default();
    for (i, (text, complete)) in lines.iter().enumerate() {
        let last = i + 1 == lines.len();
        let v: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            // The kill may cut the last line short; its row is committed anyway
            // and is found again in the next round.
            Err(_) if last && !complete => break,
            Err(e) => panic!(
                "line {} of the import output is not JSON ({e}): {text}",
                i + 1
            ),
        };
        if let Some(summary) = v.get("summary") {
            assert!(last, "the summary must be the last line");
            assert_eq!(summary["rows"], ROWS as u64, "summary: {summary}");
            round.finished = true;
            break;
        }
        let row = v["row"].as_u64().expect("a result line has a row number") as usize;
        assert_eq!(
            row,
            i + 1,
            "rows are reported in order, none skipped: {text}"
        );
        let source_id = v["source_id"]
            .as_str()
            .expect("a result line has source_id");
        assert_eq!(source_id, format!("r{row:06}"), "{text}");
        let status = v["status"].as_str().expect("a result line has a status");
        let want = expected[row - 1];
        match (status, v["id"].as_str()) {
            ("valid" | "invalid", Some(card_id)) => {
                assert_eq!(status, want.status(), "row {row} assessed wrongly: {text}");
                round.committed.insert(
                    source_id.to_string(),
                    Stored {
                        card_id: card_id.to_string(),
                        status: status.to_string(),
                    },
                );
            }
            ("rejected", None) if want == Expect::Unreadable => {}
            ("rejected", None) => {
                let error = v["error"].as_str().unwrap_or_default();
                let marker = "is already stored as card ";
                let at = error.find(marker).unwrap_or_else(|| {
                    panic!("row {row} should be stored or already stored: {text}")
                });
                round.already.insert(
                    source_id.to_string(),
                    error[at + marker.len()..].to_string(),
                );
            }
            _ => panic!("unexpected result line: {text}"),
        }
        round.rows_seen = row;
    }
    round
}

#[test]
fn import_survives_sigkill() {
    let started = Instant::now();
    let tmp = tempfile::Builder::new()
        .prefix("urna-crash-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create a temp dir");
    let data = tmp.path().join("data");
    let csv_path = tmp.path().join("cards.csv");
    let mut rng = Rng::new(SEED);
    let expected = write_cards(&csv_path, &mut rng);
    init_store(&data);

    // Every row known to be stored, from this run's report or a later run's
    // "already stored" message: source id → card id.
    let mut known: BTreeMap<String, String> = BTreeMap::new();
    let mut kills = 0usize;
    let mut killed_mid_import = 0usize;
    // Before its first row an import checks the whole store and opens the
    // operator's PIN record (argon2, slow in a debug build): the kill delays
    // start after that time, measured on a file of no rows.
    let ready = {
        let empty = tmp.path().join("empty.csv");
        let header = std::fs::read_to_string(&csv_path)
            .expect("the csv")
            .lines()
            .next()
            .expect("a header")
            .to_string();
        std::fs::write(&empty, format!("{header}\n")).expect("empty csv");
        let t = Instant::now();
        let out = urna(&data)
            .arg("import-cards")
            .arg(&empty)
            .args(["--as", "Anna", "--pin-stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .and_then(|mut c| {
                c.stdin.take().expect("stdin").write_all(b"1234\n")?;
                c.wait()
            })
            .expect("an empty import");
        assert!(out.success(), "an import of no rows");
        t.elapsed()
    };
    for round_no in 1..=ROUNDS {
        let delay = ready
            + Duration::from_millis(
                KILL_AFTER_MS.0 + rng.below(KILL_AFTER_MS.1 - KILL_AFTER_MS.0 + 1),
            );
        let t0 = Instant::now();
        let mut child = urna(&data)
            .arg("import-cards")
            .arg(&csv_path)
            .args(["--json", "--as", "Anna", "--pin-stdin"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start `urna import-cards`");
        child
            .stdin
            .take()
            .expect("import's stdin is piped")
            .write_all(b"1234\n")
            .expect("the PIN");
        let stdout = child.stdout.take().expect("import's stdout is piped");
        let reader = thread::spawn(move || read_lines(stdout));
        thread::sleep(delay);
        let running = child.try_wait().expect("poll the importer").is_none();
        if running {
            // SIGKILL on Unix: no destructors, no flush, no SQLite cleanup.
            child.kill().expect("kill the importer");
            kills += 1;
        }
        let out = child.wait_with_output().expect("reap the importer");
        let lines = reader.join().expect("the reader thread panicked");
        let round = parse_round(&lines, &expected);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if round.finished {
            // Invalid and rejected rows make the exit code 1.
            assert!(
                out.status.code() == Some(1) || out.status.signal() == Some(9),
                "round {round_no}: a finished import exits 1: {}\n{stderr}",
                out.status
            );
        } else {
            assert_eq!(
                out.status.signal(),
                Some(9),
                "round {round_no}: the import stopped without a summary: {}\n{stderr}",
                out.status
            );
            if round.rows_seen > 0 {
                killed_mid_import += 1;
            }
        }

        // A row reported stored in an earlier round must come back as already
        // stored under the same card id.
        for (source_id, card_id) in &round.already {
            if let Some(before) = known.get(source_id) {
                assert_eq!(
                    before, card_id,
                    "round {round_no}: {source_id} moved to another card"
                );
            } else {
                known.insert(source_id.clone(), card_id.clone());
            }
        }
        for (source_id, stored) in &round.committed {
            let earlier = known.insert(source_id.clone(), stored.card_id.clone());
            assert_eq!(
                earlier, None,
                "round {round_no}: {source_id} was stored twice ({stored:?})"
            );
        }

        let check = urna(&data).arg("check").output().expect("run `urna check`");
        assert!(
            check.status.success(),
            "round {round_no}: `urna check` failed after the kill: {}\n{}{}",
            check.status,
            String::from_utf8_lossy(&check.stdout),
            String::from_utf8_lossy(&check.stderr)
        );

        let store = Store::open(&data).expect("open the store after the kill");
        for (source_id, stored) in &round.committed {
            assert_eq!(
                store
                    .card_for_source(source_id)
                    .expect("look up a source row"),
                Some(stored.card_id.clone()),
                "round {round_no}: {source_id} was reported committed as {} ({}) but is not in the store",
                stored.card_id,
                stored.status
            );
        }
        for (source_id, card_id) in &known {
            assert_eq!(
                store
                    .card_for_source(source_id)
                    .expect("look up a source row")
                    .as_ref(),
                Some(card_id),
                "round {round_no}: {source_id}, stored in an earlier round, is gone"
            );
        }
        let cards = store.status().expect("store status").cards as usize;
        assert!(
            cards >= known.len(),
            "round {round_no}: {cards} cards stored, but {} rows were reported stored",
            known.len()
        );
        // Each kill can leave at most one committed row unreported: the one whose
        // line was not yet written.
        assert!(
            cards <= known.len() + kills,
            "round {round_no}: {cards} cards stored, {} reported, {kills} kills",
            known.len()
        );
        eprintln!(
            "round {round_no}: {} after {delay:?} ({:?} in all): {} rows read, {} newly stored, {} already stored; store holds {cards} cards",
            if running { "killed" } else { "finished" },
            t0.elapsed(),
            round.rows_seen,
            round.committed.len(),
            round.already.len(),
        );
        drop(store);
        if round.finished && known.len() == ROWS - unreadable(&expected) {
            break;
        }
    }

    assert!(!known.is_empty(), "no round committed any row");
    assert!(
        killed_mid_import > 0 || known.len() == ROWS - unreadable(&expected),
        "no round was killed while it was importing"
    );
    eprintln!(
        "{kills} kills ({killed_mid_import} mid-import), {} rows stored, {:?} in all",
        known.len(),
        started.elapsed()
    );
}

fn unreadable(expected: &[Expect]) -> usize {
    expected
        .iter()
        .filter(|e| **e == Expect::Unreadable)
        .count()
}
