//! A simulated election for training the office and for the scale bench
//! (`urna tally simulate`).
//!
//! For the tally's edition and office key it writes what a real election
//! leaves on the office's desk: each polling point's kiosk key and end-of-day
//! bundle (real journals: operators, voting days, cards entered with the
//! kiosk's rules, a few amended or voided), the internet channel's card CSV,
//! and `expected.json`, the ground truth the generator knows, which
//! `urna tally results --format json` must reproduce.
//!
//! Everything comes from one seed through small splitmix64 streams, one per
//! person, ballot and point, so a point's bundle is made on its own (points
//! are generated in parallel, each worker holding one journal at a time) and
//! the same seed gives the same votes. Only the kiosk keys and the age
//! encryption are fresh randomness. Each point exports once, after its last
//! voting day: one cumulative bundle, sequence 1.
//!
//! Who votes: persons `0..online` on the internet, the rest in contiguous
//! ranges, one per point. A person's PESEL comes from a keyed permutation of
//! (birth date, serial, sex), so no two persons share one; about 1% of persons
//! vote a second time elsewhere, which makes every ballot of theirs
//! `multiple_votes`.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, FixedOffset, Months, NaiveDate, Offset, Weekday};
use serde::Serialize;

use crate::bundle::{self, Contents, Counts, PointInfo};
use crate::card::{self, Assessment, RawCard, Reason, RuleOptions};
use crate::edition::{Edition, roman};
use crate::i18n::{self, Forms, Lang, t};
use crate::pesel::{self, Sex};
use crate::store::journal::{Entry, Event, GENESIS, Hash, Source, chain_hash};
use crate::store::{pesel_key, signing, valid_point_id};

use super::store::{Result, Tally, TallyError};

/// What to simulate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Persons who vote (a double voter is one person with two ballots).
    pub voters: u64,
    /// Polling points, each with its own kiosk and bundle.
    pub points: u32,
    /// Share of persons who vote on the internet, 0..=100.
    pub online_percent: u8,
    pub seed: u64,
}

/// What a simulation wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub out: PathBuf,
    pub persons: u64,
    pub points: u32,
    /// Paper cards typed at the points (voided ones included).
    pub cards: u64,
    /// Paper ballots that stand (cards less voided ones).
    pub paper_ballots: u64,
    pub online_ballots: u64,
    pub double_voters: u64,
    /// Standing paper cards with a defect on the paper.
    pub defective: u64,
    pub amended: u64,
    pub voided: u64,
    pub seconds: f64,
}

const PERSON_FORMS: Forms = Forms {
    pl: ["osoba", "osoby", "osób"],
    en: ["person", "persons"],
};
const POINT_FORMS: Forms = Forms {
    pl: ["punkt", "punkty", "punktów"],
    en: ["polling point", "polling points"],
};
const BUNDLE_FORMS: Forms = Forms {
    pl: ["paczka", "paczki", "paczek"],
    en: ["bundle", "bundles"],
};
const PAPER_FORMS: Forms = Forms {
    pl: ["karta papierowa", "karty papierowe", "kart papierowych"],
    en: ["paper card", "paper cards"],
};
const ONLINE_FORMS: Forms = Forms {
    pl: [
        "głos internetowy",
        "głosy internetowe",
        "głosów internetowych",
    ],
    en: ["internet vote", "internet votes"],
};

impl Summary {
    /// What to tell the person who ran it.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        let n = |v: u64, f: &Forms| i18n::count(lang, v, f);
        vec![
            format!(
                "{} {} ({:.1} s):",
                t(lang, "Symulacja zapisana w", "Simulation written to"),
                self.out.display(),
                self.seconds
            ),
            format!(
                "  {}, {} ({} {}), {} ({})",
                n(self.persons, &PERSON_FORMS),
                n(u64::from(self.points), &POINT_FORMS),
                n(u64::from(self.points), &BUNDLE_FORMS),
                t(lang, "w usb/", "in usb/"),
                n(self.online_ballots, &ONLINE_FORMS),
                "internet.csv",
            ),
            format!(
                "  {}: {} {}, {} {}, {} {}",
                n(self.cards, &PAPER_FORMS),
                t(lang, "z wadą", "defective"),
                self.defective,
                t(lang, "poprawionych", "amended"),
                self.amended,
                t(lang, "anulowanych", "voided"),
                self.voided,
            ),
            format!(
                "  {}: {}",
                t(lang, "głosujący dwa razy", "voted twice"),
                n(self.double_voters, &PERSON_FORMS)
            ),
            t(
                lang,
                "Dalej: README.txt (sh trust.sh, import usb/ i internet.csv); prawdziwe liczby są w expected.json.",
                "Next: README.txt (sh trust.sh, import usb/ and internet.csv); the true figures are in expected.json.",
            )
            .to_string(),
        ]
    }
}

/// Share of persons who vote twice.
const DOUBLE_RATE: f64 = 0.01;
/// Defects other than age, per paper card (with the underage ~2% in all).
const DEFECT_RATE: f64 = 0.0167;
/// One paper voter in this many is too young.
const UNDERAGE_EVERY: u64 = 300;
/// Paper cards typed with a mistake and amended in the evening.
const AMEND_RATE: f64 = 0.01;
/// Paper cards typed twice by mistake, the second voided in the evening.
const DUPLICATE_RATE: f64 = 0.005;
/// Birth dates × serials × sexes the PESEL gives per day.
const PER_DAY: u64 = 2000;
/// Persons a simulation may have (the PESEL space of the age bands holds more).
const MAX_VOTERS: u64 = 20_000_000;

/// Stream tags, so that no two uses of the seed draw the same numbers.
const PERSON: u64 = 1;
const BALLOT: u64 = 2;
const POINT: u64 = 3;
const LAYOUT: u64 = 4;
const DOUBLE: u64 = 5;
const SHUFFLE: u64 = 6;

/// The splitmix64 finaliser.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// splitmix64: small, fast and well mixed; one per stream.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: &[u64]) -> Rng {
        let mut s = mix(seed ^ 0x7572_6E61_5349_4D55);
        for x in stream {
            s = mix(s ^ mix(x.wrapping_add(0x9E37_79B9_7F4A_7C15)));
        }
        Rng(s)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// An index drawn with these weights (all ≥ 0, not all 0).
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// `k` distinct indices drawn with these weights, most likely first.
    fn weighted_distinct(&mut self, weights: &[f64], k: usize) -> Vec<usize> {
        let mut w = weights.to_vec();
        let mut out = Vec::with_capacity(k);
        for _ in 0..k.min(w.len()) {
            let i = self.weighted(&w);
            out.push(i);
            w[i] = 0.0;
        }
        out
    }
}

/// A keyed permutation of `0..size`: a four-round Feistel network on the
/// next even number of bits, walked until it lands inside.
#[derive(Debug, Clone)]
struct Shuffle {
    size: u64,
    half: u32,
    keys: [u64; 4],
}

impl Shuffle {
    fn new(size: u64, key: u64) -> Shuffle {
        let bits = (64 - size.saturating_sub(1).leading_zeros()).max(2);
        let half = bits.div_ceil(2);
        let mut rng = Rng(key);
        Shuffle {
            size,
            half,
            keys: [rng.next(), rng.next(), rng.next(), rng.next()],
        }
    }

    fn round(&self, x: u64) -> u64 {
        let mask = (1u64 << self.half) - 1;
        let (mut l, mut r) = (x >> self.half, x & mask);
        for k in self.keys {
            let f = mix(r ^ k) & mask;
            (l, r) = (r, l ^ f);
        }
        (l << self.half) | r
    }

    /// The image of `x` (which must be below `size`).
    fn apply(&self, x: u64) -> u64 {
        let mut y = self.round(x);
        while y >= self.size {
            y = self.round(y);
        }
        y
    }
}

/// Persons born between `first` and `first + days`, spread without repeats
/// over every (birth date, serial, sex) of that span.
#[derive(Debug, Clone)]
struct Band {
    first: NaiveDate,
    shuffle: Shuffle,
    /// Of every 100 adult persons, how many fall in this band.
    share: u64,
}

impl Band {
    fn new(first: NaiveDate, last: NaiveDate, share: u64, key: u64) -> Band {
        let days = (last - first).num_days().max(0) as u64 + 1;
        Band {
            first,
            shuffle: Shuffle::new(days * PER_DAY, key),
            share,
        }
    }

    fn capacity(&self) -> u64 {
        self.shuffle.size
    }

    /// The `j`-th person of the band: birth date, PESEL serial and sex.
    fn at(&self, j: u64) -> (NaiveDate, u16, Sex) {
        let x = self.shuffle.apply(j % self.shuffle.size);
        let born = self
            .first
            .checked_add_days(chrono::Days::new(x / PER_DAY))
            .unwrap_or(self.first);
        let r = x % PER_DAY;
        let sex = if r.is_multiple_of(2) {
            Sex::Female
        } else {
            Sex::Male
        };
        (born, (r / 2) as u16, sex)
    }
}

/// Adult age bands on the first voting day: (from, below) years and the share
/// of voters, roughly as participatory budgets are voted.
const AGE_BANDS: [(u32, u32, u64); 6] = [
    (0, 9, 14),
    (9, 19, 24),
    (19, 29, 21),
    (29, 44, 21),
    (44, 59, 15),
    (59, 75, 5),
];

const FEMALE: &str = "\
    Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia \
    Joanna Magdalena Monika Teresa Danuta Natalia Aleksandra Julia Zuzanna Helena \
    Jadwiga Halina Irena Beata Dorota Łucja Bożena Grażyna Jolanta Urszula Weronika \
    Wiktoria Paulina Justyna Marta Karolina Iwona Renata Alicja Stanisława";

const MALE: &str = "\
    Jan Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Adam Łukasz Mateusz \
    Józef Stanisław Marek Grzegorz Wojciech Zbigniew Jerzy Tadeusz Kazimierz Ryszard \
    Maciej Bartłomiej Szymon Kacper Jacek Rafał Dariusz Mirosław Sławomir Przemysław \
    Filip Dawid Henryk Zdzisław Leszek Wiesław Błażej Karol";

/// Surnames in their masculine form, the commonest first.
const SURNAMES: &str = "\
    Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński \
    Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Kwiatkowski Krawczyk \
    Piotrowski Grabowski Nowakowski Pawłowski Michalski Król Wieczorek Jabłoński \
    Wróbel Nowicki Majewski Olszewski Stępień Malinowski Jaworski Adamczyk Dudek \
    Nowacki Pawlak Górski Witkowski Walczak Sikora Baran Rutkowski Michalak Szewczyk \
    Ostrowski Tomaszewski Pietrzak Zalewski Wróblewski Marciniak Jasiński Zawadzki \
    Bąk Jakubowski Sadowski Duda Włodarczyk Wilk Chmielewski Borkowski Sokołowski \
    Szczepański Sawicki Lis Kucharski Kalinowski Wysocki Mazurek Kubiak Maciejewski \
    Czarnecki Kołodziej Kaczmarek Zając Gołębiowski Żak Ptak Łuczak Ślusarczyk \
    Gąsior Żurek";

const STREETS: &str = "\
    ul. Długa|ul. Grodzka|al. Mickiewicza|ul. Karmelicka|os. Centrum A|ul. Wielicka|\
    ul. Kalwaryjska|ul. Zakopiańska|ul. Półłanki|ul. Mogilska|al. Pokoju|\
    ul. Bora-Komorowskiego|os. Złotej Jesieni|ul. Łokietka|ul. Wrocławska|\
    ul. Królewska|ul. Bronowicka|ul. Armii Krajowej|ul. Kobierzyńska|ul. Zabłocie|\
    ul. Lipska|ul. Nowohucka|ul. Józefińska|ul. Starowiślna|ul. Dietla|\
    ul. Kościuszki|ul. Księcia Józefa|ul. Tyniecka|ul. Zakrzowiecka|ul. Ruczaj|\
    ul. Czerwone Maki|ul. Bobrzyńskiego|ul. Łagiewnicka|ul. Witosa|ul. Sawy|\
    ul. Na Kozłówce|ul. Teligi|ul. Kurczaba|os. Dywizjonu 303|os. Oświecenia|\
    ul. Dobrego Pasterza|ul. Kazimierza Wielkiego|ul. Prądnicka|ul. Opolska|\
    ul. Jasnogórska|ul. Kluczborska|ul. Pilotów|ul. Śliczna";

/// Where mobile points stand.
const STOPS: &str = "\
    Rynek Główny|Plac Centralny|Galeria Krakowska|Rondo Mogilskie|Park Jordana|\
    Kampus UJ|Dworzec MDA|Plac Wolnica|Rynek Dębnicki|Hala Targowa|Bulwary Wiślane|\
    Plac Bohaterów Getta";

/// The word lists, split once.
struct Names {
    female: Vec<&'static str>,
    male: Vec<&'static str>,
    surnames: Vec<&'static str>,
    streets: Vec<&'static str>,
    stops: Vec<&'static str>,
}

impl Names {
    fn new() -> Names {
        Names {
            female: FEMALE.split_whitespace().collect(),
            male: MALE.split_whitespace().collect(),
            surnames: SURNAMES.split_whitespace().collect(),
            streets: STREETS.split('|').collect(),
            stops: STOPS.split('|').collect(),
        }
    }
}

/// The feminine form of a surname (Kowalski → Kowalska; Nowak stays).
fn feminine(surname: &str) -> String {
    if surname.ends_with("ski") || surname.ends_with("cki") || surname.ends_with("dzki") {
        format!("{}a", &surname[..surname.len() - 1])
    } else {
        surname.to_string()
    }
}

/// A surname typed without its Polish letters, or with two letters swapped.
fn misspelt(s: &str) -> String {
    let folded: String = s
        .chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            'Ł' => 'L',
            'Ś' => 'S',
            'Ż' | 'Ź' => 'Z',
            c => c,
        })
        .collect();
    if folded != s {
        return folded;
    }
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() > 3 {
        chars.swap(1, 2);
    }
    chars.into_iter().collect()
}

/// One person: what they write in the card's personal rubrics.
#[derive(Debug, Clone)]
struct Person {
    pesel: String,
    first_name: &'static str,
    last_name: String,
    address: String,
    underage: bool,
}

/// A polling point's plan.
#[derive(Debug, Clone)]
struct PointPlan {
    id: String,
    name: String,
    mobile: bool,
    /// Index into the edition's districts of the district it stands in.
    home: Option<usize>,
    /// Indices into the voting days on which it is open, in order.
    days: Vec<usize>,
    /// Its voters (persons `start..end`).
    start: u64,
    end: u64,
}

/// A paper-card defect the generator puts on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Defect {
    Signature,
    CheckDigit,
    Incomplete,
    Duplicate,
    Illegible,
}

impl Defect {
    const ALL: [(Defect, f64); 5] = [
        (Defect::Signature, 0.30),
        (Defect::CheckDigit, 0.15),
        (Defect::Incomplete, 0.25),
        (Defect::Duplicate, 0.15),
        (Defect::Illegible, 0.15),
    ];
}

/// Everything the generator knows before the first ballot; shared by the
/// workers, read only.
struct World<'a> {
    edition: &'a Edition,
    recipient: String,
    seed: u64,
    persons: u64,
    /// Persons `0..online` vote on the internet.
    online: u64,
    online_percent: u8,
    points: Vec<PointPlan>,
    /// Per place (points, then the internet): persons whose second ballot is there.
    guests: Vec<Vec<u64>>,
    /// Persons with two ballots, ascending.
    doubles: Vec<u64>,
    births: Births,
    days: Vec<NaiveDate>,
    day_weights: Vec<f64>,
    district_weights: Vec<f64>,
    local_weights: Vec<Vec<f64>>,
    citywide_weights: Vec<f64>,
    citywide_index: HashMap<String, usize>,
    local_index: Vec<HashMap<String, usize>>,
    names: Names,
}

/// Popularity of a list's projects: a few clear favourites, a long tail.
fn popularity(rng: &mut Rng, n: usize) -> Vec<f64> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.index(i + 1));
    }
    let mut w = vec![0.0; n];
    for (rank, i) in order.into_iter().enumerate() {
        w[i] = (0.8 + 0.4 * rng.unit()) / (rank as f64 + 1.0).powf(1.1);
    }
    w
}

fn years_before(day: NaiveDate, years: u32) -> Option<NaiveDate> {
    day.checked_sub_months(Months::new(years.checked_mul(12)?))
}

fn other(what: impl Into<String>) -> TallyError {
    TallyError::Other(what.into())
}

/// The voting days and how busy each is: weekends more, the last day most.
fn voting_days(edition: &Edition) -> Result<(Vec<NaiveDate>, Vec<f64>)> {
    let mut days = Vec::new();
    let mut d = edition.voting_start;
    while d <= edition.voting_end {
        days.push(d);
        d = d
            .succ_opt()
            .ok_or_else(|| other("the voting window runs past the calendar"))?;
    }
    if days.is_empty() {
        return Err(other("the edition's voting window has no days"));
    }
    let weights = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            let last = i + 1 == days.len();
            (if weekend { 1.8 } else { 1.0 }) * (if last { 1.4 } else { 1.0 })
        })
        .collect();
    Ok((days, weights))
}

/// Project id → its position in the list.
fn positions(list: &crate::edition::ProjectList) -> HashMap<String, usize> {
    list.projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect()
}

/// The polling points: where they stand, when they are open, and their
/// voters (`first_voter..` on, in proportion to how busy each is).
fn plan_points(
    edition: &Edition,
    count: usize,
    days: usize,
    district_weights: &[f64],
    voters: (u64, u64),
    layout: &mut Rng,
) -> Result<Vec<PointPlan>> {
    let (first_voter, paper) = voters;
    let width = count.to_string().len().max(3);
    let mobile_every = if count >= 4 { 8 } else { usize::MAX };
    let mut points = Vec::with_capacity(count);
    let mut weights = Vec::with_capacity(count);
    for p in 0..count {
        let id = format!("P{:0width$}", p + 1);
        let mobile = p % mobile_every == mobile_every - 1;
        let home = (!edition.districts.is_empty()).then(|| layout.weighted(district_weights));
        let name = match (mobile, home) {
            (true, _) => format!("Punkt mobilny nr {}", p + 1),
            (false, Some(h)) => {
                let d = &edition.districts[h];
                format!(
                    "Dzielnica {} {} — punkt nr {}",
                    roman::to_roman(d.number),
                    d.name,
                    p + 1
                )
            }
            (false, None) => format!("Punkt nr {}", p + 1),
        };
        let open: Vec<usize> = if mobile {
            let want = (2 + layout.index(3)).min(days);
            let mut chosen = layout.weighted_distinct(&vec![1.0; days], want);
            chosen.sort_unstable();
            chosen
        } else {
            (0..days).collect()
        };
        let busy = 0.4 + 1.6 * layout.unit() * layout.unit();
        weights.push(if mobile { busy * 0.4 } else { busy });
        points.push(PointPlan {
            id,
            name,
            mobile,
            home,
            days: open,
            start: 0,
            end: 0,
        });
    }
    if count == 0 {
        return if paper > 0 {
            Err(other("paper voters need at least one polling point"))
        } else {
            Ok(points)
        };
    }
    // Split the paper voters in proportion (largest remainder).
    let total: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| paper as f64 * w / total).collect();
    let mut sizes: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut left = paper.saturating_sub(sizes.iter().sum::<u64>());
    let mut by_remainder: Vec<usize> = (0..count).collect();
    by_remainder.sort_by(|a, b| {
        let ra = exact[*a] - exact[*a].floor();
        let rb = exact[*b] - exact[*b].floor();
        rb.total_cmp(&ra).then(a.cmp(b))
    });
    for i in by_remainder.into_iter().cycle() {
        if left == 0 {
            break;
        }
        sizes[i] += 1;
        left -= 1;
    }
    let mut start = first_voter;
    for (p, size) in points.iter_mut().zip(sizes) {
        p.start = start;
        p.end = start + size;
        start += size;
    }
    Ok(points)
}

/// Where birth dates come from: adult age bands, and the too young.
struct Births {
    bands: Vec<Band>,
    /// For `person % 100`: its band and its rank inside that band's share.
    slots: [(u8, u8); 100],
    young: Band,
}

impl Births {
    fn new(edition: &Edition, seed: u64, persons: u64) -> Result<Births> {
        let out_of_range = || other("the edition's dates are out of range");
        // Everyone born by this day is of age on every voting day.
        let adult_last = years_before(edition.voting_start, edition.min_age)
            .and_then(|d| d.pred_opt())
            .ok_or_else(out_of_range)?;
        let mut bands = Vec::new();
        let mut slots = [(0u8, 0u8); 100];
        let mut slot = 0usize;
        for (b, (from, below, share)) in AGE_BANDS.iter().enumerate() {
            let last = years_before(adult_last, *from).ok_or_else(out_of_range)?;
            let first = years_before(adult_last, *below)
                .and_then(|d| d.succ_opt())
                .ok_or_else(out_of_range)?;
            bands.push(Band::new(
                first,
                last,
                *share,
                mix(seed ^ mix(SHUFFLE + b as u64)),
            ));
            for rank in 0..*share {
                slots[slot] = (b as u8, rank as u8);
                slot += 1;
            }
        }
        // Born after this day: too young on every voting day.
        let young_first = years_before(edition.voting_end, edition.min_age)
            .and_then(|d| d.checked_add_days(chrono::Days::new(2)))
            .ok_or_else(out_of_range)?;
        let young_last = years_before(edition.voting_end, edition.min_age.saturating_sub(3))
            .filter(|d| *d > young_first)
            .unwrap_or(young_first);
        let young = Band::new(young_first, young_last, 0, mix(seed ^ mix(SHUFFLE + 99)));
        for b in &bands {
            if (persons / 100 + 1) * b.share > b.capacity() {
                return Err(other(format!(
                    "{persons} voters do not fit the PESEL numbers of one age band; simulate at most {MAX_VOTERS}"
                )));
            }
        }
        if persons / UNDERAGE_EVERY + 1 > young.capacity() {
            return Err(other("too many voters for the underage PESEL numbers"));
        }
        let oldest = bands.last().map_or(young_first, |b| b.first);
        for day in [oldest, young_last] {
            if pesel::synthesize(day, 0, Sex::Female).is_none() {
                return Err(other(format!(
                    "birth date {day} has no PESEL (years 1800–2299 only)"
                )));
            }
        }
        Ok(Births {
            bands,
            slots,
            young,
        })
    }

    /// Birth date, PESEL serial and sex of adult person `i`.
    fn adult(&self, i: u64) -> (NaiveDate, u16, Sex) {
        let (band, rank) = self.slots[(i % 100) as usize];
        let band = &self.bands[band as usize];
        band.at((i / 100) * band.share + u64::from(rank))
    }
}

impl<'a> World<'a> {
    fn new(edition: &'a Edition, recipient: String, plan: &Plan) -> Result<World<'a>> {
        let seed = plan.seed;
        let persons = plan.voters;
        let online = persons * u64::from(plan.online_percent) / 100;
        let mut layout = Rng::new(seed, &[LAYOUT]);
        let (days, day_weights) = voting_days(edition)?;
        // Popularity of districts and projects.
        let district_weights: Vec<f64> = edition
            .districts
            .iter()
            .map(|_| 0.4 + 1.6 * layout.unit())
            .collect();
        let citywide_weights = popularity(&mut layout, edition.citywide.projects.len());
        let local_weights = edition
            .districts
            .iter()
            .map(|d| popularity(&mut layout, d.list.projects.len()))
            .collect();
        let points = plan_points(
            edition,
            plan.points as usize,
            days.len(),
            &district_weights,
            (online, persons - online),
            &mut layout,
        )?;
        let mut world = World {
            edition,
            recipient,
            seed,
            persons,
            online,
            online_percent: plan.online_percent,
            guests: vec![Vec::new(); points.len() + 1],
            points,
            doubles: Vec::new(),
            births: Births::new(edition, seed, persons)?,
            days,
            day_weights,
            district_weights,
            local_weights,
            citywide_weights,
            citywide_index: positions(&edition.citywide),
            local_index: edition
                .districts
                .iter()
                .map(|d| positions(&d.list))
                .collect(),
            names: Names::new(),
        };
        world.choose_doubles();
        Ok(world)
    }

    /// About 1% of persons vote a second time: at another point, or (for
    /// a paper voter, as often as people vote online) on the internet.
    fn choose_doubles(&mut self) {
        let k = self.points.len();
        let internet = k;
        let online_share = f64::from(self.online_percent) / 100.0;
        for i in 0..self.persons {
            let mut rng = Rng::new(self.seed, &[DOUBLE, i]);
            if !rng.chance(DOUBLE_RATE) {
                continue;
            }
            let primary = self.place_of(i);
            let second = if primary == internet {
                (k > 0).then(|| rng.index(k))
            } else if online_share > 0.0 && rng.chance(online_share) {
                Some(internet)
            } else if k > 1 {
                let o = rng.index(k - 1);
                Some(if o >= primary { o + 1 } else { o })
            } else {
                None
            };
            if let Some(place) = second {
                self.guests[place].push(i);
                self.doubles.push(i);
            }
        }
    }

    /// Where a person casts their first ballot: a point's index, or `points.len()`
    /// for the internet.
    fn place_of(&self, person: u64) -> usize {
        if person < self.online {
            return self.points.len();
        }
        self.points.partition_point(|p| p.end <= person)
    }

    fn is_double(&self, person: u64) -> bool {
        self.doubles.binary_search(&person).is_ok()
    }

    fn is_underage(&self, person: u64) -> bool {
        person >= self.online && (person - self.online) % UNDERAGE_EVERY == UNDERAGE_EVERY / 2
    }

    fn person(&self, i: u64) -> Person {
        let mut rng = Rng::new(self.seed, &[PERSON, i]);
        let underage = self.is_underage(i);
        let (born, serial, sex) = if underage {
            self.births.young.at((i - self.online) / UNDERAGE_EVERY)
        } else {
            self.births.adult(i)
        };
        // The bands' dates were checked to have PESEL numbers.
        let pesel = pesel::synthesize(born, serial, sex).unwrap_or_default();
        // Common surnames more often: the square of a uniform number.
        let u = rng.unit();
        let names = &self.names;
        let surname = names.surnames[((u * u) * names.surnames.len() as f64) as usize];
        let (first_name, last_name) = match sex {
            Sex::Female => (*rng.pick(&names.female), feminine(surname)),
            Sex::Male => (*rng.pick(&names.male), surname.to_string()),
        };
        let street = rng.pick(&names.streets);
        let number = 1 + rng.below(150);
        let address = if rng.chance(0.65) {
            format!("{street} {number}/{}", 1 + rng.below(80))
        } else {
            format!("{street} {number}")
        };
        Person {
            pesel,
            first_name,
            last_name,
            address,
            underage,
        }
    }

    /// A correctly filled card of this person, cast on `day`; `home` is the
    /// district the point stands in.
    fn card(&self, person: &Person, rng: &mut Rng, home: Option<usize>, day: NaiveDate) -> RawCard {
        let e = self.edition;
        let ballot = e.ballot;
        let local = !e.districts.is_empty() && (ballot.require_local || rng.chance(0.85));
        let citywide = !e.citywide.projects.is_empty()
            && (ballot.require_citywide || !local || rng.chance(0.85));
        let (district, local_ids) = if local {
            let d = match home {
                Some(h) if rng.chance(0.7) => h,
                _ => rng.weighted(&self.district_weights),
            };
            let list = &e.districts[d].list.projects;
            let k = (ballot.local_picks as usize).min(list.len());
            let ids = rng
                .weighted_distinct(&self.local_weights[d], k)
                .into_iter()
                .map(|i| list[i].id.clone())
                .collect();
            let number = e.districts[d].number;
            let typed = if rng.chance(0.8) {
                roman::to_roman(number)
            } else {
                number.to_string()
            };
            (typed, ids)
        } else {
            (String::new(), Vec::new())
        };
        let citywide_ids = if citywide {
            let list = &e.citywide.projects;
            let k = (ballot.citywide_picks as usize).min(list.len());
            rng.weighted_distinct(&self.citywide_weights, k)
                .into_iter()
                .map(|i| list[i].id.clone())
                .collect()
        } else {
            Vec::new()
        };
        RawCard {
            first_name: person.first_name.to_string(),
            last_name: person.last_name.clone(),
            address: person.address.clone(),
            pesel: person.pesel.clone(),
            signed: true,
            district,
            local: local_ids,
            citywide: citywide_ids,
            cast_date: day,
            marks: Vec::new(),
        }
    }

    /// Puts a defect on a card; false if this card cannot carry it.
    fn spoil(&self, card: &mut RawCard, defect: Defect, rng: &mut Rng) -> bool {
        match defect {
            Defect::Signature => {
                if !self.edition.ballot.require_signature {
                    return false;
                }
                card.signed = false;
            }
            Defect::CheckDigit => {
                let Some(last) = card.pesel.pop() else {
                    return false;
                };
                let d = last.to_digit(10).unwrap_or(0);
                let wrong = (d + 1 + rng.below(9) as u32) % 10;
                card.pesel.push(char::from(b'0' + wrong as u8));
            }
            Defect::Incomplete => {
                let part =
                    if !card.local.is_empty() && (card.citywide.is_empty() || rng.chance(0.5)) {
                        &mut card.local
                    } else {
                        &mut card.citywide
                    };
                if part.is_empty() {
                    return false;
                }
                let i = rng.index(part.len());
                part[i].clear();
            }
            Defect::Duplicate => {
                let part = if card.local.len() >= 2 && (card.citywide.len() < 2 || rng.chance(0.5))
                {
                    &mut card.local
                } else {
                    &mut card.citywide
                };
                if part.len() < 2 {
                    return false;
                }
                let i = 1 + rng.index(part.len() - 1);
                part[i] = part[rng.index(i)].clone();
            }
            Defect::Illegible => card.marks.push(Reason::Illegible),
        }
        true
    }

    /// The card as first typed with a typing mistake, and why it was amended.
    fn mistyped(&self, card: &RawCard, rng: &mut Rng) -> (RawCard, &'static str) {
        let mut first = card.clone();
        match rng.index(3) {
            0 if first.pesel.len() == 11 => {
                let mut digits: Vec<u8> = first.pesel.bytes().collect();
                let i = rng.index(11);
                digits[i] = b'0' + (digits[i] - b'0' + 1 + rng.below(9) as u8) % 10;
                first.pesel = String::from_utf8(digits).unwrap_or_default();
                (first, "literówka w numerze PESEL")
            }
            1 => {
                first.last_name = misspelt(&first.last_name);
                (first, "literówka w nazwisku")
            }
            _ => {
                // Another project of the same list in one rubric.
                let d = self.edition.parse_district(&card.district);
                let list = match d {
                    Some(d) if !card.local.is_empty() && rng.chance(0.5) => Some((&d.list, true)),
                    _ if !card.citywide.is_empty() => Some((&self.edition.citywide, false)),
                    _ => None,
                };
                if let Some((list, local)) = list {
                    let part = if local {
                        &mut first.local
                    } else {
                        &mut first.citywide
                    };
                    let unused: Vec<&str> = list
                        .projects
                        .iter()
                        .map(|p| p.id.as_str())
                        .filter(|id| !part.iter().any(|s| s == id))
                        .collect();
                    if !unused.is_empty() && !part.is_empty() {
                        let i = rng.index(part.len());
                        part[i] = rng.pick(&unused).to_string();
                        return (first, "pomyłka w numerze zadania");
                    }
                }
                first.last_name = misspelt(&first.last_name);
                (first, "literówka w nazwisku")
            }
        }
    }
}

/// Counts per project of one list: points and voters.
type ListCount = Vec<(u64, u64)>;

/// What the tally must find, summed over the part of the election one task
/// made. Adding the parts gives the whole.
#[derive(Debug, Clone, Default)]
struct Truth {
    total: u64,
    valid: u64,
    invalid: u64,
    by_reason: [u64; Reason::ALL.len()],
    /// Defects on standing paper cards, by the reasons they gave.
    defects: [u64; Reason::ALL.len()],
    defective: u64,
    citywide: ListCount,
    districts: Vec<ListCount>,
    cards: u64,
    voided: u64,
    amended: u64,
    paper: u64,
    online: u64,
    multiple: u64,
}

impl Truth {
    fn new(e: &Edition) -> Truth {
        Truth {
            citywide: vec![(0, 0); e.citywide.projects.len()],
            districts: e
                .districts
                .iter()
                .map(|d| vec![(0, 0); d.list.projects.len()])
                .collect(),
            ..Truth::default()
        }
    }

    /// A ballot that stands, as the tally will judge it.
    fn ballot(&mut self, w: &World<'_>, a: &Assessment, double: bool) {
        self.total += 1;
        let mut reasons = a.reasons.clone();
        if double {
            self.multiple += 1;
            if !reasons.contains(&Reason::MultipleVotes) {
                reasons.push(Reason::MultipleVotes);
            }
        }
        if !reasons.is_empty() {
            self.invalid += 1;
            for r in reasons {
                self.by_reason[r as usize] += 1;
            }
            return;
        }
        self.valid += 1;
        for p in &a.citywide {
            if let Some(i) = w.citywide_index.get(&p.project) {
                self.citywide[*i].0 += u64::from(p.points);
                self.citywide[*i].1 += 1;
            }
        }
        if let Some(d) = a
            .district
            .and_then(|n| w.edition.districts.iter().position(|d| d.number == n))
        {
            for p in &a.local {
                if let Some(i) = w.local_index[d].get(&p.project) {
                    self.districts[d][*i].0 += u64::from(p.points);
                    self.districts[d][*i].1 += 1;
                }
            }
        }
    }

    fn add(&mut self, o: &Truth) {
        self.total += o.total;
        self.valid += o.valid;
        self.invalid += o.invalid;
        for (a, b) in self.by_reason.iter_mut().zip(o.by_reason) {
            *a += b;
        }
        for (a, b) in self.defects.iter_mut().zip(o.defects) {
            *a += b;
        }
        self.defective += o.defective;
        for (a, b) in self.citywide.iter_mut().zip(&o.citywide) {
            a.0 += b.0;
            a.1 += b.1;
        }
        for (da, db) in self.districts.iter_mut().zip(&o.districts) {
            for (a, b) in da.iter_mut().zip(db) {
                a.0 += b.0;
                a.1 += b.1;
            }
        }
        self.cards += o.cards;
        self.voided += o.voided;
        self.amended += o.amended;
        self.paper += o.paper;
        self.online += o.online;
        self.multiple += o.multiple;
    }
}

/// Reason counts as `{code: n}`, zeros left out.
fn reason_map(counts: &[u64]) -> BTreeMap<String, u64> {
    Reason::ALL
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(r, n)| (r.code().to_string(), *n))
        .collect()
}

/// A kiosk journal being written: canonical lines and the chain's head.
struct Journal {
    lines: Vec<u8>,
    prev: Hash,
    seq: u64,
}

impl Journal {
    fn push(&mut self, at: String, operator: &str, event: Event) {
        self.seq += 1;
        let entry = Entry {
            seq: self.seq,
            at,
            operator: operator.to_string(),
            event,
        };
        let body = entry.canonical_bytes();
        self.prev = chain_hash(&self.prev, &body);
        self.lines.extend_from_slice(&body);
        self.lines.push(b'\n');
    }
}

/// Poland's offset from UTC on a day: CEST from the last Sunday of March to
/// the last Sunday of October, CET otherwise (in the daytime).
fn warsaw_offset(day: NaiveDate) -> FixedOffset {
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(day.year(), month, 31)?;
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt()?;
        }
        Some(d)
    };
    let summer = match (last_sunday(3), last_sunday(10)) {
        (Some(from), Some(to)) => day >= from && day < to,
        _ => false,
    };
    let hours = if summer { 2 } else { 1 };
    FixedOffset::east_opt(hours * 3600).unwrap_or_else(|| chrono::Utc.fix())
}

/// `day` at `secs` after midnight, local time, RFC 3339.
fn at(day: NaiveDate, secs: u32) -> String {
    let secs = secs.min(86_399);
    let offset = warsaw_offset(day);
    format!(
        "{day}T{:02}:{:02}:{:02}{offset}",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// A card typed today whose fate (amended, voided) is decided by evening.
struct DayCard {
    id: String,
    key: Option<String>,
    assessment: Assessment,
    double: bool,
    defect: bool,
    voided: bool,
    amended: bool,
    flagged: bool,
}

/// The kiosk's index of PESELs: cards (not voided) whose latest version
/// carries each, in the order of that version, as `Store::enter_card` sees it.
#[derive(Default)]
struct PeselIndex(HashMap<String, Vec<String>>);

impl PeselIndex {
    fn others(&self, key: &Option<String>, except: &str) -> Vec<String> {
        key.as_ref()
            .and_then(|k| self.0.get(k))
            .map(|ids| ids.iter().filter(|id| *id != except).cloned().collect())
            .unwrap_or_default()
    }

    fn add(&mut self, key: &Option<String>, id: &str) {
        if let Some(k) = key {
            self.0.entry(k.clone()).or_default().push(id.to_string());
        }
    }

    fn remove(&mut self, key: &Option<String>, id: &str) {
        if let Some(ids) = key.as_ref().and_then(|k| self.0.get_mut(k)) {
            ids.retain(|i| i != id);
        }
    }
}

/// What one point's task produced.
struct PointDone {
    truth: Truth,
    report: PointReport,
}

/// One point in `expected.json`.
#[derive(Debug, Clone, Serialize)]
struct PointReport {
    id: String,
    name: String,
    mobile: bool,
    file: String,
    days: Vec<NaiveDate>,
    /// Cards typed (voided ones included), as the manifest counts them.
    cards: u64,
    voided: u64,
    amended: u64,
    /// Ballots that stand (cards less voided ones).
    ballots: u64,
    /// The kiosk's own verdict (the manifest's counts).
    kiosk_valid: u64,
    kiosk_invalid: u64,
    /// Ballots of persons who also voted elsewhere.
    multiple_votes: u64,
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> TallyError + '_ {
    move |source| TallyError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// How one card was typed.
#[derive(Debug, Clone, Copy)]
struct Typed<'a> {
    operator: &'a str,
    /// Seconds after midnight.
    secs: u32,
    double: bool,
    defect: bool,
}

/// A point's kiosk while it types one day's cards: its journal, its PESEL
/// index, and today's cards until their fate is known.
struct Desk<'a> {
    edition: &'a Edition,
    point: &'a str,
    journal: Journal,
    index: PeselIndex,
    today: Vec<DayCard>,
    day: NaiveDate,
    stop: Option<String>,
}

impl Desk<'_> {
    /// Journals a new card as `Store::enter_card` would; its place in `today`.
    fn enter(&mut self, card: RawCard, typed: &Typed<'_>) -> usize {
        let id = format!("{}-{:06}", self.point, self.journal.seq + 1);
        let key = pesel_key(&card.pesel);
        let same_pesel = self.index.others(&key, &id);
        self.index.add(&key, &id);
        let assessment = card::assess(self.edition, &card, RuleOptions::default());
        self.today.push(DayCard {
            id: id.clone(),
            key,
            assessment: assessment.clone(),
            double: typed.double,
            defect: typed.defect,
            voided: false,
            amended: false,
            flagged: !same_pesel.is_empty(),
        });
        self.journal.push(
            at(self.day, typed.secs),
            typed.operator,
            Event::CardEntered {
                card_id: id,
                card,
                assessment,
                source: Source::Kiosk,
                same_pesel,
                training: false,
                stop: self.stop.clone(),
            },
        );
        self.today.len() - 1
    }

    fn void(&mut self, i: usize, operator: &str, secs: u32) {
        let c = &mut self.today[i];
        self.index.remove(&c.key, &c.id);
        c.voided = true;
        self.journal.push(
            at(self.day, secs),
            operator,
            Event::CardVoided {
                card_id: c.id.clone(),
                reason: "karta wprowadzona dwa razy".into(),
            },
        );
    }

    fn amend(&mut self, i: usize, card: RawCard, reason: &str, operator: &str, secs: u32) {
        let c = &mut self.today[i];
        self.index.remove(&c.key, &c.id);
        let key = pesel_key(&card.pesel);
        let same_pesel = self.index.others(&key, &c.id);
        self.index.add(&key, &c.id);
        let assessment = card::assess(self.edition, &card, RuleOptions::default());
        c.key = key;
        c.assessment = assessment.clone();
        c.amended = true;
        self.journal.push(
            at(self.day, secs),
            operator,
            Event::CardAmended {
                card_id: c.id.clone(),
                card,
                assessment,
                reason: reason.into(),
                same_pesel,
            },
        );
    }
}

/// Makes point `p`'s journal and bundle and writes its key and bundle.
fn simulate_point(w: &World<'_>, p: usize, out: &Path) -> Result<PointDone> {
    let plan = &w.points[p];
    let edition = w.edition;
    let mut rng = Rng::new(w.seed, &[POINT, p as u64]);
    let (key, public) =
        signing::generate().map_err(|e| other(format!("point {}: a kiosk key: {e}", plan.id)))?;

    // Who votes here, on which day.
    let mut ballots: Vec<(usize, u64, u64)> = Vec::new();
    let day_of = |person: u64, ordinal: u64| {
        let mut r = Rng::new(w.seed, &[BALLOT, person, ordinal, 0]);
        let weights: Vec<f64> = plan.days.iter().map(|d| w.day_weights[*d]).collect();
        plan.days[r.weighted(&weights)]
    };
    for person in plan.start..plan.end {
        ballots.push((day_of(person, 0), person, 0));
    }
    for person in &w.guests[p] {
        ballots.push((day_of(*person, 1), *person, 1));
    }
    ballots.sort_unstable();

    let operators: Vec<String> = {
        let mut names: Vec<String> = Vec::new();
        let want = 3 + rng.index(3);
        while names.len() < want {
            let female = rng.chance(0.6);
            let s = *rng.pick(&w.names.surnames);
            let name = if female {
                format!("{} {}", rng.pick(&w.names.female), feminine(s))
            } else {
                format!("{} {}", rng.pick(&w.names.male), s)
            };
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    };
    let coordinator = operators[0].clone();

    let mut journal = Journal {
        lines: Vec::new(),
        prev: GENESIS,
        seq: 0,
    };
    let first_day = w.days[plan.days[0]];
    for (i, name) in operators.iter().enumerate() {
        journal.push(
            at(first_day, 7 * 3600 + 30 * 60 + 60 * i as u32),
            &coordinator,
            Event::OperatorAdded {
                name: name.clone(),
                role: if i == 0 { "coordinator" } else { "volunteer" }.into(),
            },
        );
    }

    let mut truth = Truth::new(edition);
    let mut counts = Counts {
        cards: 0,
        valid: 0,
        invalid: 0,
        invalid_by_reason: BTreeMap::new(),
        amended: 0,
        voided: 0,
        flagged: 0,
    };
    let mut desk = Desk {
        edition,
        point: &plan.id,
        journal,
        index: PeselIndex::default(),
        today: Vec::new(),
        day: first_day,
        stop: None,
    };
    let defect_weights: Vec<f64> = Defect::ALL.iter().map(|d| d.1).collect();
    for group in ballots.chunk_by(|a, b| a.0 == b.0) {
        let day = w.days[group[0].0];
        desk.day = day;
        desk.journal
            .push(at(day, 8 * 3600), &coordinator, Event::DaySet { day });
        desk.stop = plan.mobile.then(|| rng.pick(&w.names.stops).to_string());
        if let Some(location) = &desk.stop {
            desk.journal.push(
                at(day, 8 * 3600 + 60),
                &coordinator,
                Event::StopSet {
                    location: location.clone(),
                },
            );
        }
        let step = (11 * 3600 / (group.len() as u32 + 1)).max(1);
        let mut amend: Vec<(usize, RawCard, &'static str)> = Vec::new();
        let mut void: Vec<usize> = Vec::new();
        for (k, (_, person_no, ordinal)) in group.iter().enumerate() {
            let secs = 9 * 3600 + step * k as u32;
            let operator = &operators[1 + (k / 40) % (operators.len() - 1)];
            let person = w.person(*person_no);
            let double = w.is_double(*person_no);
            let mut r = Rng::new(w.seed, &[BALLOT, *person_no, *ordinal, 1]);
            let mut card = w.card(&person, &mut r, plan.home, day);
            let mut defect = person.underage;
            if !defect && r.chance(DEFECT_RATE) {
                let mut kind = Defect::ALL[r.weighted(&defect_weights)].0;
                // A changed PESEL would hide a double voter from the tally.
                if kind == Defect::CheckDigit && double {
                    kind = Defect::Signature;
                }
                defect = w.spoil(&mut card, kind, &mut r);
            }
            let typed = Typed {
                operator,
                secs,
                double,
                defect,
            };
            if defect {
                desk.enter(card, &typed);
            } else if r.chance(AMEND_RATE) {
                let (first, reason) = w.mistyped(&card, &mut r);
                amend.push((desk.enter(first, &typed), card, reason));
            } else if r.chance(DUPLICATE_RATE) {
                desk.enter(card.clone(), &typed);
                let again = Typed {
                    secs: secs + 1,
                    ..typed
                };
                void.push(desk.enter(card, &again));
            } else {
                desk.enter(card, &typed);
            }
        }
        // In the evening the coordinator voids what was typed twice and
        // corrects the typing mistakes found on checking.
        let mut secs = 20 * 3600 + 30 * 60;
        for i in void {
            desk.void(i, &coordinator, secs);
            secs += 30;
        }
        for (i, card, reason) in amend {
            desk.amend(i, card, reason, &coordinator, secs);
            secs += 30;
        }
        for c in desk.today.drain(..) {
            counts.cards += 1;
            truth.cards += 1;
            counts.flagged += u64::from(c.flagged);
            if c.amended {
                counts.amended += 1;
                truth.amended += 1;
            }
            if c.voided {
                counts.voided += 1;
                truth.voided += 1;
                continue;
            }
            if c.assessment.is_valid() {
                counts.valid += 1;
            } else {
                counts.invalid += 1;
                for r in &c.assessment.reasons {
                    *counts
                        .invalid_by_reason
                        .entry(r.code().to_string())
                        .or_default() += 1;
                }
            }
            if c.defect {
                truth.defective += 1;
                for r in &c.assessment.reasons {
                    truth.defects[*r as usize] += 1;
                }
            }
            truth.paper += 1;
            truth.ballot(w, &c.assessment, c.double);
        }
    }
    let last_day = desk.day;
    let mut journal = desk.journal;

    let entries = journal.seq;
    let head_hash = hex::encode(journal.prev);
    let offset = warsaw_offset(last_day);
    let created = last_day
        .and_hms_opt(21, 0, 0)
        .and_then(|t| t.and_local_timezone(offset).single())
        .ok_or_else(|| other(format!("point {}: no export time on {last_day}", plan.id)))?;
    let multiple = truth.multiple;
    let sealed = bundle::seal(Contents {
        edition: &edition.id,
        point: PointInfo {
            id: plan.id.clone(),
            name: plan.name.clone(),
            mobile: plan.mobile,
        },
        training: false,
        key: &key,
        recipient: &w.recipient,
        sequence: 1,
        previous_bundle: None,
        day: last_day,
        created,
        counts: counts.clone(),
        journal: std::mem::take(&mut journal.lines),
        entries,
        head_hash,
    })
    .map_err(|e| other(format!("point {}: {e}", plan.id)))?;
    let key_path = out.join("keys").join(format!("{}.pub", plan.id));
    fs::write(&key_path, public.as_bytes()).map_err(io_err(&key_path))?;
    let stick = out.join("usb").join(&plan.id);
    fs::DirBuilder::new()
        .mode(0o700)
        .create(&stick)
        .map_err(io_err(&stick))?;
    let file = sealed.file_name();
    let path = stick.join(&file);
    bundle::write_atomically(&path, &sealed.tar).map_err(|e| other(e.to_string()))?;
    Ok(PointDone {
        report: PointReport {
            id: plan.id.clone(),
            name: plan.name.clone(),
            mobile: plan.mobile,
            file,
            days: plan.days.iter().map(|d| w.days[*d]).collect(),
            cards: counts.cards,
            voided: counts.voided,
            amended: counts.amended,
            ballots: counts.cards - counts.voided,
            kiosk_valid: counts.valid,
            kiosk_invalid: counts.invalid,
            multiple_votes: multiple,
        },
        truth,
    })
}

/// Creates a file only its owner can read, failing if it exists.
fn private_file(path: &Path) -> Result<fs::File> {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err(path))
}

/// Writes the internet channel's card CSV.
fn simulate_internet(w: &World<'_>, out: &Path) -> Result<Truth> {
    let path = out.join("internet.csv");
    let file = private_file(&path)?;
    let mut csv = csv::Writer::from_writer(std::io::BufWriter::with_capacity(1 << 20, file));
    let write_err = |e: csv::Error| other(format!("{}: {e}", path.display()));
    csv.write_record(
        crate::cardcsv::REQUIRED
            .iter()
            .chain(&crate::cardcsv::OPTIONAL),
    )
    .map_err(write_err)?;
    let mut truth = Truth::new(w.edition);
    let internet = w.points.len();
    let guests = &w.guests[internet];
    // Primary voters and guests, in person order.
    let (mut i, mut g) = (0u64, 0usize);
    let mut row = 0u64;
    let width = (w.online + guests.len() as u64).to_string().len().max(6);
    let options = RuleOptions::default();
    loop {
        let next_primary = (i < w.online).then_some(i);
        let next_guest = guests.get(g).copied();
        let (person_no, ordinal) = match (next_primary, next_guest) {
            (Some(a), Some(b)) if b < a => {
                g += 1;
                (b, 1)
            }
            (Some(a), _) => {
                i += 1;
                (a, 0)
            }
            (None, Some(b)) => {
                g += 1;
                (b, 1)
            }
            (None, None) => break,
        };
        let person = w.person(person_no);
        let mut r = Rng::new(w.seed, &[BALLOT, person_no, ordinal, 1]);
        let day = w.days[r.index(w.days.len())];
        let card = w.card(&person, &mut r, None, day);
        row += 1;
        let id = format!("I-{row:0width$}");
        csv.write_record(crate::cardcsv::to_record(&id, &card))
            .map_err(write_err)?;
        let a = card::assess(w.edition, &card, options);
        truth.online += 1;
        truth.ballot(w, &a, w.is_double(person_no));
    }
    let inner = csv
        .into_inner()
        .map_err(|e| other(format!("{}: {e}", path.display())))?;
    let file = inner
        .into_inner()
        .map_err(|e| other(format!("{}: {e}", path.display())))?;
    file.sync_all().map_err(io_err(&path))?;
    Ok(truth)
}

/// `expected.json`: the ground truth.
#[derive(Debug, Serialize)]
struct Expected {
    generator: &'static str,
    edition: String,
    seed: u64,
    persons: u64,
    online_percent: u8,
    double_voters: u64,
    ballots: ChannelBallots,
    cards: CardFigures,
    /// Reasons of the standing paper cards that carry a defect on purpose.
    defects: BTreeMap<String, u64>,
    points: Vec<PointReport>,
    /// What `urna tally results --format json` must show.
    results: ExpectedResults,
}

#[derive(Debug, Serialize)]
struct ChannelBallots {
    total: u64,
    points: u64,
    internet: u64,
}

#[derive(Debug, Serialize)]
struct CardFigures {
    entered: u64,
    voided: u64,
    amended: u64,
    defective: u64,
}

#[derive(Debug, Serialize)]
struct ExpectedResults {
    ballots: crate::tally::results::BallotCounts,
    citywide: Vec<ExpectedProject>,
    districts: Vec<ExpectedDistrict>,
}

#[derive(Debug, Serialize)]
struct ExpectedDistrict {
    number: u32,
    projects: Vec<ExpectedProject>,
}

#[derive(Debug, Serialize)]
struct ExpectedProject {
    id: String,
    points: u64,
    voters: u64,
}

fn projects(list: &crate::edition::ProjectList, counts: &ListCount) -> Vec<ExpectedProject> {
    list.projects
        .iter()
        .zip(counts)
        .map(|(p, (points, voters))| ExpectedProject {
            id: p.id.clone(),
            points: *points,
            voters: *voters,
        })
        .collect()
}

/// Single quotes for the shell.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn readme(w: &World<'_>, tally_dir: &Path, truth: &Truth, plan: &Plan) -> String {
    let dir = tally_dir.display();
    let e = w.edition;
    let first = w.points.first().map(|p| p.id.as_str()).unwrap_or("P001");
    let mut s = String::new();
    let _ = writeln!(s, "Symulowane głosowanie (urna tally simulate)");
    let _ = writeln!(s, "============================================\n");
    let _ = writeln!(s, "Edycja: {} ({})", e.id, e.name);
    let _ = writeln!(
        s,
        "Ziarno (--seed): {}. To samo ziarno daje te same osoby i głosy; inne są\ntylko klucze kiosków i szyfrowanie paczek.\n",
        plan.seed
    );
    let _ = writeln!(
        s,
        "Wszystkie osoby, numery PESEL, adresy i głosy są zmyślone przez program.\nMimo to obchodź się z folderem jak z prawdziwymi danymi osobowymi: tak\nćwiczy się procedurę (internet.csv ma prawa 0600, paczki są zaszyfrowane).\n"
    );
    let _ = writeln!(s, "Co jest w folderze");
    let _ = writeln!(
        s,
        "  keys/{first}.pub …        klucze publiczne kiosków (minisign), jeden na punkt"
    );
    let _ = writeln!(
        s,
        "  usb/{first}/{first}-….urna\n                         paczka końca głosowania każdego punktu: podpisana\n                         kluczem kiosku, dziennik zaszyfrowany kluczem biura"
    );
    let _ = writeln!(
        s,
        "  internet.csv           głosy oddane przez internet (format CSV kart)"
    );
    let _ = writeln!(
        s,
        "  expected.json          co wie generator: osoby, głosy w każdym kanale i punkcie,\n                         osoby głosujące dwa razy, karty z wadami i wyniki, jakie\n                         musi pokazać `urna tally results --format json`"
    );
    let _ = writeln!(
        s,
        "  trust.sh               zaufanie kluczom wszystkich kiosków naraz\n"
    );
    let _ = writeln!(s, "Liczby");
    let _ = writeln!(
        s,
        "  osoby: {}, punkty: {}, głosy z internetu ({}% osób): {}",
        w.persons,
        w.points.len(),
        w.online_percent,
        truth.online
    );
    let _ = writeln!(
        s,
        "  karty papierowe: {} (anulowane: {}, poprawione: {}, z wadą: {})",
        truth.cards, truth.voided, truth.amended, truth.defective
    );
    let _ = writeln!(
        s,
        "  głosujący dwa razy: {} (wszystkie ich głosy są nieważne)",
        w.doubles.len()
    );
    let _ = writeln!(
        s,
        "  głosy razem: {}, ważne: {}, nieważne: {}\n",
        truth.total, truth.valid, truth.invalid
    );
    let _ = writeln!(s, "Jak to policzyć (katalog biura: {dir})");
    let _ = writeln!(s, "  1. Zaufaj kioskom:   sh trust.sh");
    let _ = writeln!(
        s,
        "     (to samo ręcznie, dla każdego punktu:\n      urna --data-dir {dir} tally trust keys/{first}.pub --point {first})"
    );
    let _ = writeln!(
        s,
        "  2. Wczytaj paczki:   urna --data-dir {dir} tally import usb/"
    );
    let _ = writeln!(
        s,
        "  3. Wczytaj internet: urna --data-dir {dir} tally import-online internet.csv"
    );
    let _ = writeln!(
        s,
        "  4. Wyniki:           urna --data-dir {dir} tally results\n                       urna --data-dir {dir} tally results --format json"
    );
    let _ = writeln!(
        s,
        "  5. Audyt:            urna --data-dir {dir} tally audit\n"
    );
    let _ = writeln!(
        s,
        "Pole \"ballots\" wyniku w JSON musi być równe \"results.ballots\" w expected.json,\na punkty i liczby głosujących każdego zadania — \"results\" tamże.\nPonowne wczytanie tych samych plików niczego nie zmienia."
    );
    s
}

fn trust_script(tally_dir: &Path) -> String {
    format!(
        r#"#!/bin/sh
# Ufa kluczom wszystkich kiosków tej symulacji (urna tally trust).
# Użycie: sh trust.sh [KATALOG_BIURA]; program urna z $URNA albo z PATH.
set -eu
DEFAULT_DIR={}
DATA_DIR="${{1:-$DEFAULT_DIR}}"
case "$DATA_DIR" in
    /*) ;;
    *) DATA_DIR="$PWD/$DATA_DIR" ;;
esac
URNA="${{URNA:-urna}}"
cd "$(dirname "$0")"
for key in keys/*.pub; do
    point=$(basename "$key" .pub)
    "$URNA" --data-dir "$DATA_DIR" tally trust "$key" --point "$point"
done
"#,
        sh_quote(&tally_dir.display().to_string())
    )
}

/// What one task made: its part of the truth and, for a point, its report.
type TaskResult = Result<(Truth, Option<PointReport>)>;

/// Writes a simulated election for `tally`'s edition and office key into
/// `out`, which must not exist or be empty.
pub fn run(tally: &Tally, plan: &Plan, out: &Path) -> Result<Summary> {
    let began = std::time::Instant::now();
    if plan.voters == 0 {
        return Err(other("--voters must be at least 1"));
    }
    if plan.voters > MAX_VOTERS {
        return Err(other(format!("--voters may be at most {MAX_VOTERS}")));
    }
    if plan.points == 0 && plan.online_percent < 100 {
        return Err(other("--points must be at least 1 (or --online 100)"));
    }
    if plan.online_percent > 100 {
        return Err(other("--online is a percentage, 0 to 100"));
    }
    if plan.points > 99_999 {
        return Err(other("--points may be at most 99999"));
    }
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(other(format!(
                    "{} is not empty; simulate into a new folder",
                    out.display()
                )));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(out)
                .map_err(io_err(out))?;
        }
        Err(e) => return Err(io_err(out)(e)),
    }
    for sub in ["keys", "usb"] {
        let d = out.join(sub);
        fs::DirBuilder::new()
            .mode(0o700)
            .create(&d)
            .map_err(io_err(&d))?;
    }
    let world = World::new(tally.edition(), tally.recipient(), plan)?;
    for p in &world.points {
        if !valid_point_id(&p.id) {
            return Err(other(format!("point id {} is not valid", p.id)));
        }
    }

    // Task 0 is the internet file, task p + 1 point p; as many workers as
    // cores (two or more), each taking the next task.
    let tasks = world.points.len() + 1;
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(1, 8)
        .min(tasks);
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<TaskResult>>> = Mutex::new((0..tasks).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let task = next.fetch_add(1, Ordering::Relaxed);
                    if task >= tasks {
                        break;
                    }
                    let result = if task == 0 {
                        simulate_internet(&world, out).map(|t| (t, None))
                    } else {
                        simulate_point(&world, task - 1, out).map(|d| (d.truth, Some(d.report)))
                    };
                    let failed = result.is_err();
                    if let Ok(mut slots) = done.lock() {
                        slots[task] = Some(result);
                    }
                    if failed {
                        // Stop handing out work; the error is reported below.
                        next.store(tasks, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let results = done
        .into_inner()
        .map_err(|_| other("a simulation worker failed"))?;
    let mut truth = Truth::new(world.edition);
    let mut reports = Vec::with_capacity(world.points.len());
    for r in results {
        match r {
            Some(Ok((t, report))) => {
                truth.add(&t);
                reports.extend(report);
            }
            Some(Err(e)) => return Err(e),
            None => return Err(other("a simulation worker stopped early")),
        }
    }

    let e = world.edition;
    let expected = Expected {
        generator: "urna tally simulate",
        edition: e.id.clone(),
        seed: plan.seed,
        persons: world.persons,
        online_percent: plan.online_percent,
        double_voters: world.doubles.len() as u64,
        ballots: ChannelBallots {
            total: truth.total,
            points: truth.paper,
            internet: truth.online,
        },
        cards: CardFigures {
            entered: truth.cards,
            voided: truth.voided,
            amended: truth.amended,
            defective: truth.defective,
        },
        defects: reason_map(&truth.defects),
        points: reports,
        results: ExpectedResults {
            ballots: crate::tally::results::BallotCounts {
                total: truth.total,
                valid: truth.valid,
                invalid: truth.invalid,
                by_reason: reason_map(&truth.by_reason),
            },
            citywide: projects(&e.citywide, &truth.citywide),
            districts: e
                .districts
                .iter()
                .zip(&truth.districts)
                .map(|(d, c)| ExpectedDistrict {
                    number: d.number,
                    projects: projects(&d.list, c),
                })
                .collect(),
        },
    };
    let json = serde_json::to_string_pretty(&expected).map_err(|e| other(e.to_string()))? + "\n";
    let tally_dir = fs::canonicalize(tally.dir()).unwrap_or_else(|_| tally.dir().to_path_buf());
    for (name, text, mode) in [
        ("expected.json", json, 0o644),
        (
            "README.txt",
            readme(&world, &tally_dir, &truth, plan),
            0o644,
        ),
        ("trust.sh", trust_script(&tally_dir), 0o755),
    ] {
        let path = out.join(name);
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&path)
            .map_err(io_err(&path))?;
        f.write_all(text.as_bytes()).map_err(io_err(&path))?;
    }
    tracing::info!(
        out = %out.display(),
        persons = world.persons,
        points = world.points.len(),
        ballots = truth.total,
        "election simulated"
    );
    Ok(Summary {
        out: out.to_path_buf(),
        persons: world.persons,
        points: plan.points,
        cards: truth.cards,
        paper_ballots: truth.paper,
        online_ballots: truth.online,
        double_voters: world.doubles.len() as u64,
        defective: truth.defective,
        amended: truth.amended,
        voided: truth.voided,
        seconds: began.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffle_is_a_permutation() {
        for size in [1u64, 2, 3, 7, 1000, 4097] {
            let s = Shuffle::new(size, 42);
            let mut seen: Vec<u64> = (0..size).map(|x| s.apply(x)).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..size).collect::<Vec<_>>(), "size {size}");
        }
    }

    #[test]
    fn polish_surnames_agree_with_sex() {
        assert_eq!(feminine("Kowalski"), "Kowalska");
        assert_eq!(feminine("Czarnecki"), "Czarnecka");
        assert_eq!(feminine("Zawadzki"), "Zawadzka");
        assert_eq!(feminine("Nowak"), "Nowak");
        assert_eq!(misspelt("Wójcik"), "Wojcik");
        assert_eq!(misspelt("Nowak"), "Nwoak");
    }

    #[test]
    fn poland_changes_its_clocks() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).expect("date");
        assert_eq!(at(d(2014, 9, 27), 9 * 3600), "2014-09-27T09:00:00+02:00");
        assert_eq!(at(d(2014, 10, 26), 0), "2014-10-26T00:00:00+01:00");
        assert_eq!(at(d(2014, 10, 25), 0), "2014-10-25T00:00:00+02:00");
        assert_eq!(at(d(2021, 3, 28), 0), "2021-03-28T00:00:00+02:00");
        assert_eq!(at(d(2021, 1, 5), 86_400), "2021-01-05T23:59:59+01:00");
    }

    #[test]
    fn plurals_in_the_summary() {
        let s = Summary {
            out: PathBuf::from("/tmp/x"),
            persons: 2,
            points: 5,
            cards: 22,
            paper_ballots: 21,
            online_ballots: 1,
            double_voters: 1,
            defective: 0,
            amended: 0,
            voided: 1,
            seconds: 0.5,
        };
        let pl = s.lines(Lang::Pl).join("\n");
        assert!(
            pl.contains("2 osoby, 5 punktów (5 paczek w usb/), 1 głos internetowy"),
            "{pl}"
        );
        assert!(pl.contains("22 karty papierowe"), "{pl}");
        assert!(pl.contains("głosujący dwa razy: 1 osoba"), "{pl}");
        let en = s.lines(Lang::En).join("\n");
        assert!(
            en.contains("2 persons, 5 polling points (5 bundles in usb/), 1 internet vote"),
            "{en}"
        );
    }
}
