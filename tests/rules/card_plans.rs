//! Layer 3: random cards built by construction, each rule broken
//! independently: the plans a card is built from (the property test is
//! `properties`).

use super::*;

mod properties;

// ---------------------------------------------------------------------------
// 3. Random cards built by construction
// ---------------------------------------------------------------------------

/// Indices `0..n` in an order given by random keys.
fn permutation(n: usize, keys: &[u16]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (keys[i % keys.len()], i));
    order
}

/// One way of typing an id that still names the same project.
fn typed_id(id: &str, style: u8) -> String {
    let numeric = id.bytes().all(|b| b.is_ascii_digit());
    match style % 4 {
        0 => id.to_string(),
        1 => format!(" {id} "),
        2 if numeric => format!("0{id}"),
        2 => id.to_uppercase(),
        _ if numeric => format!("00{id}\t"),
        _ => format!("{} ", id.to_lowercase()),
    }
}

const BLANKS: [&str; 3] = ["", " ", " \t "];

/// Ids that are in no list of either 2014 edition.
const UNKNOWN_IDS: [&str; 6] = ["99", "0", "X7", "1a", "bo.d99.1", "BO.M.99/14"];

/// Districts that are not in the 2014 edition (or not a district at all).
const UNKNOWN_DISTRICTS: [&str; 8] = ["XIX", "19", "0", "IIII", "XX", "abc", "99", "XI1"];

const NAMES: [&str; 4] = ["Zofia", "Łukasz", "Ewa Maria", "O'Neil"];

/// First ten digits encoding no real date.
const NO_SUCH_DATE: [&str; 7] = [
    "9913010001", // month 13
    "9900010001", // month 00
    "9901000001", // day 00
    "9904310001", // 31 April
    "9933010001", // month 33: no century
    "9902290001", // 1999 is not a leap year
    "0142300001", // 30 February 2101
];

#[derive(Debug, Clone)]
struct EditionPlan {
    code_ids: bool,
    local_picks: u32,
    citywide_picks: u32,
    require_local: bool,
    require_citywide: bool,
    require_signature: bool,
}

impl EditionPlan {
    fn build(&self) -> Edition {
        let mut e = if self.code_ids {
            KRAKOW_2014_CODES.clone()
        } else {
            KRAKOW_2014.clone()
        };
        e.ballot = Ballot {
            local_picks: self.local_picks,
            citywide_picks: self.citywide_picks,
            require_local: self.require_local,
            require_citywide: self.require_citywide,
            require_signature: self.require_signature,
            tie_break: e.ballot.tie_break,
        };
        e
    }
}

#[derive(Debug, Clone, Copy)]
enum PeselKind {
    Adult,
    Underage,
    Blank,
    TooShort,
    TooLong,
    Letter,
    WrongCheckDigit,
    NoSuchDate,
}

#[derive(Debug, Clone)]
struct PeselPlan {
    kind: PeselKind,
    /// Adult: full years on the cast date, at least 16.
    years: u32,
    /// Adult: days further back than `years`.
    extra_days: u64,
    /// Underage: days after the 16th-birthday-on-the-cast-date (may be after
    /// the cast date).
    young_days: u64,
    serial: u16,
    male: bool,
    style: u8,
    pick: usize,
}

impl PeselPlan {
    /// The typed PESEL and the reason it must give.
    fn build(&self, cast: NaiveDate) -> (String, Option<Reason>) {
        let sex = if self.male { Sex::Male } else { Sex::Female };
        let sixteen = cast.checked_sub_months(Months::new(16 * 12)).expect("date");
        let adult_birth = cast
            .checked_sub_months(Months::new(self.years * 12))
            .expect("date")
            - Days::new(self.extra_days);
        let adult = synthesize(adult_birth, self.serial, sex).expect("in range");
        let style = |p: String| -> String {
            match self.style % 4 {
                0 => p,
                1 if p.len() > 6 => format!("{}-{}", &p[..6], &p[6..]),
                2 if p.len() > 9 => {
                    format!(" {} {} {} {} ", &p[..3], &p[3..6], &p[6..9], &p[9..])
                }
                _ => format!("\t{p} "),
            }
        };
        match self.kind {
            PeselKind::Adult => (style(adult), None),
            PeselKind::Underage => {
                let birth = sixteen + Days::new(self.young_days);
                let p = synthesize(birth, self.serial, sex).expect("in range");
                (style(p), Some(Reason::Underage))
            }
            PeselKind::Blank => {
                let blank = ["", " ", " - ", "--", "\t", "- -"][self.pick % 6];
                (blank.to_string(), Some(Reason::MissingPesel))
            }
            PeselKind::TooShort => (
                style(adult[..10 - self.pick % 3].to_string()),
                Some(Reason::PeselInvalid),
            ),
            PeselKind::TooLong => (
                style(format!("{adult}{}", self.pick % 10)),
                Some(Reason::PeselInvalid),
            ),
            PeselKind::Letter => {
                let at = self.pick % 11;
                let letter = ['A', 'x', 'O', '#', 'l'][self.pick % 5];
                let p: String = adult
                    .chars()
                    .enumerate()
                    .map(|(i, c)| if i == at { letter } else { c })
                    .collect();
                (style(p), Some(Reason::PeselInvalid))
            }
            PeselKind::WrongCheckDigit => {
                let mut p = adult;
                let last = p.pop().and_then(|c| c.to_digit(10)).expect("digit");
                let wrong = (last + 1 + (self.pick % 9) as u32) % 10;
                p.push(char::from_digit(wrong, 10).expect("digit"));
                (style(p), Some(Reason::PeselInvalid))
            }
            PeselKind::NoSuchDate => (
                style(with_check_digit(
                    NO_SUCH_DATE[self.pick % NO_SUCH_DATE.len()],
                )),
                Some(Reason::PeselInvalid),
            ),
        }
    }
}

#[derive(Debug, Clone)]
enum DistrictPlan {
    Known { number: u32, style: u8 },
    Blank { style: usize },
    Unknown { pick: usize },
}

impl DistrictPlan {
    fn typed(&self) -> String {
        match self {
            DistrictPlan::Known { number, style } => match style % 4 {
                0 => to_roman(*number),
                1 => to_roman(*number).to_lowercase(),
                2 => number.to_string(),
                _ => format!(" 0{number} "),
            },
            DistrictPlan::Blank { style } => BLANKS[style % BLANKS.len()].to_string(),
            DistrictPlan::Unknown { pick } => {
                UNKNOWN_DISTRICTS[pick % UNKNOWN_DISTRICTS.len()].to_string()
            }
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Incomplete {
    No,
    /// One of the expected slots left blank.
    BlankSlot,
    /// The last expected slot missing altogether.
    DropLast,
}

#[derive(Debug, Clone)]
struct PartPlan {
    /// Anything written in this part at all.
    present: bool,
    incomplete: Incomplete,
    duplicate: bool,
    unknown: bool,
    /// Shuffles the project list.
    order: Vec<u16>,
    /// Shuffles which slots the defects hit.
    positions: Vec<u16>,
    /// How each id is typed.
    styles: Vec<u8>,
    dup_style: u8,
    unknown_pick: usize,
    /// Pad with blank slots up to the number printed on the card.
    pad: bool,
    blank_style: usize,
}

/// The slots of one part and what is wrong with them by construction.
#[derive(Debug)]
struct BuiltPart {
    slots: Vec<String>,
    incomplete: bool,
    duplicate: bool,
    /// An unknown id was written (a reason only when the list is known).
    unknown: bool,
    /// The ids, as the edition spells them, in slot order (when no defect).
    chosen: Vec<String>,
}

impl PartPlan {
    /// `pool`: the ids to choose from; `expected`: how many slots must be
    /// filled; `printed`: how many slots the card has.
    fn build(&self, pool: &[String], expected: usize, printed: usize) -> BuiltPart {
        let blank = BLANKS[self.blank_style % BLANKS.len()].to_string();
        if !self.present {
            let slots = if self.pad {
                vec![blank; printed]
            } else {
                Vec::new()
            };
            return BuiltPart {
                slots,
                incomplete: false,
                duplicate: false,
                unknown: false,
                chosen: Vec::new(),
            };
        }
        assert!(pool.len() >= expected && expected >= 3, "test set-up");
        let ids: Vec<String> = permutation(pool.len(), &self.order)
            .into_iter()
            .take(expected)
            .map(|i| pool[i].clone())
            .collect();
        let mut slots: Vec<String> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| typed_id(id, self.styles[i % self.styles.len()]))
            .collect();
        let mut built = BuiltPart {
            slots: Vec::new(),
            incomplete: false,
            duplicate: false,
            unknown: false,
            chosen: ids.clone(),
        };
        if let Incomplete::DropLast = self.incomplete {
            slots.pop();
            built.incomplete = true;
        }
        // Each defect takes slots of its own, so they never mask one another.
        let mut free = permutation(slots.len(), &self.positions).into_iter();
        if self.duplicate
            && let (Some(source), Some(target)) = (free.next(), free.next())
        {
            slots[target] = typed_id(&ids[source], self.dup_style);
            built.duplicate = true;
        }
        if self.unknown
            && let Some(at) = free.next()
        {
            slots[at] = UNKNOWN_IDS[self.unknown_pick % UNKNOWN_IDS.len()].to_string();
            built.unknown = true;
        }
        if let Incomplete::BlankSlot = self.incomplete
            && let Some(at) = free.next()
        {
            slots[at] = blank.clone();
            built.incomplete = true;
        }
        if self.pad && !matches!(self.incomplete, Incomplete::DropLast) {
            slots.resize(printed.max(slots.len()), blank);
        }
        built.slots = slots;
        built
    }
}

#[derive(Debug, Clone)]
struct CardPlan {
    edition: EditionPlan,
    /// Blank first name, last name, address (with the blank style).
    blank_names: [Option<usize>; 3],
    names: [usize; 3],
    pesel: PeselPlan,
    inside_window: bool,
    after_window: bool,
    date_offset: u64,
    check_window: bool,
    signed: bool,
    district: DistrictPlan,
    local: PartPlan,
    citywide: PartPlan,
    marks: Vec<Reason>,
}

fn edition_plan() -> impl Strategy<Value = EditionPlan> {
    (
        any::<bool>(),
        prop::sample::select(vec![5u32, 3]),
        prop::sample::select(vec![5u32, 3]),
        prop::bool::weighted(0.7),
        prop::bool::weighted(0.7),
        prop::bool::weighted(0.8),
    )
        .prop_map(
            |(code_ids, local_picks, citywide_picks, require_local, require_citywide, sig)| {
                EditionPlan {
                    code_ids,
                    local_picks,
                    citywide_picks,
                    require_local,
                    require_citywide,
                    require_signature: sig,
                }
            },
        )
}

fn pesel_plan() -> impl Strategy<Value = PeselPlan> {
    let kind = prop_oneof![
        40 => Just(PeselKind::Adult),
        2 => Just(PeselKind::Underage),
        1 => Just(PeselKind::Blank),
        1 => Just(PeselKind::TooShort),
        1 => Just(PeselKind::TooLong),
        1 => Just(PeselKind::Letter),
        1 => Just(PeselKind::WrongCheckDigit),
        1 => Just(PeselKind::NoSuchDate),
    ];
    (
        kind,
        16u32..=95,
        0u64..=364,
        1u64..=7000,
        0u16..1000,
        any::<bool>(),
        0u8..4,
        0usize..1000,
    )
        .prop_map(
            |(kind, years, extra_days, young_days, serial, male, style, pick)| PeselPlan {
                kind,
                years,
                extra_days,
                young_days,
                serial,
                male,
                style,
                pick,
            },
        )
}

fn district_plan() -> impl Strategy<Value = DistrictPlan> {
    prop_oneof![
        8 => (1u32..=18, 0u8..4).prop_map(|(number, style)| DistrictPlan::Known { number, style }),
        4 => (0u8..4).prop_map(|style| DistrictPlan::Known { number: 11, style }),
        1 => (0usize..3).prop_map(|style| DistrictPlan::Blank { style }),
        1 => (0usize..8).prop_map(|pick| DistrictPlan::Unknown { pick }),
    ]
}

fn part_plan() -> impl Strategy<Value = PartPlan> {
    let incomplete = prop_oneof![
        16 => Just(Incomplete::No),
        1 => Just(Incomplete::BlankSlot),
        1 => Just(Incomplete::DropLast),
    ];
    (
        (
            // Overwritten by `card_plan`, which decides both parts together.
            Just(true),
            incomplete,
            prop::bool::weighted(0.08),
            prop::bool::weighted(0.08),
        ),
        (
            prop::collection::vec(any::<u16>(), 16),
            prop::collection::vec(any::<u16>(), 8),
            prop::collection::vec(0u8..4, 8),
        ),
        (0u8..4, 0usize..6, any::<bool>(), 0usize..3),
    )
        .prop_map(
            |(
                (present, incomplete, duplicate, unknown),
                (order, positions, styles),
                (dup_style, unknown_pick, pad, blank_style),
            )| PartPlan {
                present,
                incomplete,
                duplicate,
                unknown,
                order,
                positions,
                styles,
                dup_style,
                unknown_pick,
                pad,
                blank_style,
            },
        )
}

fn name_blank() -> impl Strategy<Value = Option<usize>> {
    prop_oneof![20 => Just(None), 1 => (0usize..3).prop_map(Some)]
}

fn card_plan() -> impl Strategy<Value = CardPlan> {
    (
        edition_plan(),
        (
            [name_blank(), name_blank(), name_blank()],
            [0usize..4, 0usize..4, 0usize..4],
        ),
        pesel_plan(),
        (
            prop::bool::weighted(0.9),
            any::<bool>(),
            0u64..400,
            prop::bool::weighted(0.8),
        ),
        prop::bool::weighted(0.93),
        district_plan(),
        // Which parts have anything written: (local, city-wide).
        (
            prop_oneof![
                16 => Just((true, true)),
                2 => Just((true, false)),
                2 => Just((false, true)),
                1 => Just((false, false)),
            ],
            part_plan(),
            part_plan(),
        ),
        prop_oneof![
            8 => Just(Vec::new()),
            1 => prop::collection::vec(
                prop::sample::select(vec![
                    Reason::Illegible,
                    Reason::WrongRubric,
                    Reason::MultipleVotes,
                ]),
                1..4,
            ),
        ],
    )
        .prop_map(
            |(
                edition,
                (blank_names, names),
                pesel,
                (inside_window, after_window, date_offset, check_window),
                signed,
                district,
                ((local_present, citywide_present), local, citywide),
                marks,
            )| CardPlan {
                edition,
                blank_names,
                names,
                pesel,
                inside_window,
                after_window,
                date_offset,
                check_window,
                signed,
                district,
                local: PartPlan {
                    present: local_present,
                    ..local
                },
                citywide: PartPlan {
                    present: citywide_present,
                    ..citywide
                },
                marks,
            },
        )
}
