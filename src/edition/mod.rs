//! An edition of the participatory budget: the voting window, who may vote, how a
//! card is filled, and the lists of projects with their costs and budgets.
//!
//! Editions are TOML files (DESIGN §3). Loading checks everything a card will be
//! checked against, and every error names the file, line and column of the
//! offending value, so the person preparing an edition can fix it before the first
//! polling point opens.

pub mod money;
pub mod pabulib;
pub mod roman;
mod validate;

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;

pub use money::Money;
use validate::RawFile;

use crate::i18n::Lang;
use crate::tr;

/// A loaded and validated edition.
#[derive(Debug, Clone, PartialEq)]
pub struct Edition {
    pub id: String,
    pub name: String,
    pub voting_start: NaiveDate,
    pub voting_end: NaiveDate,
    pub min_age: u32,
    /// Project titles are samples, not an official list.
    pub sample: bool,
    pub ballot: Ballot,
    pub citywide: ProjectList,
    pub districts: Vec<District>,
}

/// How a card is filled, and how projects level on points are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ballot {
    /// Local picks; the top pick gets this many points, the next one less.
    pub local_picks: u32,
    pub citywide_picks: u32,
    pub require_local: bool,
    pub require_citywide: bool,
    pub require_signature: bool,
    /// How projects level on points are ordered, key after key.
    pub tie_break: TieBreak,
}

/// One key of the tie-break: projects level on points are ordered by it,
/// more first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TieKey {
    /// More votes giving the project the list's highest points (3-point
    /// votes where a card gives 3, 2, 1): Kraków's rule.
    TopPoints,
    /// More voters who gave the project any points.
    Voters,
}

impl TieKey {
    pub const ALL: [TieKey; 2] = [TieKey::TopPoints, TieKey::Voters];

    /// The name in an edition file and in every output.
    pub fn name(self) -> &'static str {
        match self {
            TieKey::TopPoints => "top_points",
            TieKey::Voters => "voters",
        }
    }

    pub fn from_name(name: &str) -> Option<TieKey> {
        TieKey::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// The tie-break keys in order (`tie_break = ["top_points", "voters"]`),
/// each at most once. Projects still level after every key are a tie the
/// rule does not settle: the count reports it as undecided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TieBreak {
    keys: [TieKey; TieKey::ALL.len()],
    len: u8,
}

impl TieBreak {
    /// Kraków's practice: more top-points votes, then more voters.
    pub const KRAKOW: TieBreak = TieBreak {
        keys: [TieKey::TopPoints, TieKey::Voters],
        len: 2,
    };
    /// When an edition names none: more voters first.
    pub const VOTERS: TieBreak = TieBreak {
        keys: [TieKey::Voters, TieKey::Voters],
        len: 1,
    };

    /// `None` when a key repeats.
    pub fn new(keys: &[TieKey]) -> Option<TieBreak> {
        let mut out = TieBreak {
            keys: [TieKey::Voters; TieKey::ALL.len()],
            len: 0,
        };
        for k in keys {
            if out.keys().contains(k) {
                return None;
            }
            out.keys[out.len as usize] = *k;
            out.len += 1;
        }
        Some(out)
    }

    pub fn keys(&self) -> &[TieKey] {
        &self.keys[..self.len as usize]
    }
}

impl Default for TieBreak {
    fn default() -> Self {
        TieBreak::VOTERS
    }
}

/// Projects competing for one budget.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectList {
    pub budget: Option<Money>,
    pub projects: Vec<Project>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    /// What the card carries: digits in 2014, codes such as `BO.OM.63/24` later.
    pub id: String,
    pub title: String,
    pub cost: Option<Money>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct District {
    /// Official number, shown in Roman numerals (1 = I).
    pub number: u32,
    pub name: String,
    pub list: ProjectList,
}

/// Why an edition file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EditionError {
    /// The file could not be read (`source` says why, in either language).
    Io {
        path: String,
        source: crate::bundle::VerifyError,
    },
    At {
        path: String,
        line: usize,
        column: usize,
        /// What is wrong there, in every language.
        message: Msg,
    },
}

impl EditionError {
    /// The error in `lang`, with file, line and column.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        match (self, lang) {
            (EditionError::Io { path, source }, lang) => {
                format!("{path}: {}", source.text(lang))
            }
            (
                EditionError::At {
                    path,
                    line,
                    column,
                    message,
                },
                lang,
            ) => format!("{path}:{line}:{column}: {}", message.get(lang)),
        }
    }
}

crate::display_in_english!(EditionError);

/// A message in every language, said from the catalogs when the problem
/// is found (an edition is checked once, its errors are few).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub pl: String,
    pub en: String,
    pub uk: String,
}

impl Msg {
    /// The message `say` gives in each language.
    pub fn new(say: impl Fn(Lang) -> String) -> Msg {
        Msg {
            pl: say(Lang::Pl),
            en: say(Lang::En),
            uk: say(Lang::Uk),
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Pl => &self.pl,
            Lang::En => &self.en,
            Lang::Uk => &self.uk,
        }
    }
}

impl Edition {
    /// Reads and validates an edition file.
    pub fn load(path: &Path) -> Result<Edition, EditionError> {
        let text = crate::bundle::read::read_regular(path, crate::bundle::read::MAX_EDITION_BYTES)
            .map_err(|source| EditionError::Io {
                path: crate::shown::path(path),
                source,
            })?;
        let text = match String::from_utf8(text) {
            Ok(t) => t,
            Err(e) => {
                let bytes = e.as_bytes();
                let at = e.utf8_error().valid_up_to();
                let (line, column) = line_col(&String::from_utf8_lossy(&bytes[..at]), at);
                return Err(EditionError::At {
                    path: path.display().to_string(),
                    line,
                    column,
                    message: Msg::new(|lang| tr!(lang, "error-edition-not-utf8")),
                });
            }
        };
        Edition::parse(&text, &path.display().to_string())
    }

    /// Parses and validates edition TOML; `origin` names the source in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Edition, EditionError> {
        let at = |span: Option<Range<usize>>, message: Msg| {
            let (line, column) = line_col(text, span.map_or(0, |s| s.start));
            EditionError::At {
                path: origin.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            // The key the error points at: the one before `=`, or (a
            // duplicate key) the key itself.
            let key = e.span().and_then(|s| {
                key_before(text, s.start).or_else(|| {
                    text.get(s.clone()).filter(|k| {
                        !k.is_empty()
                            && k.chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                    })
                })
            });
            at(
                e.span(),
                Msg::new(|lang| crate::foreign::toml::describe(lang, e.message(), key)),
            )
        })?;
        raw.validate().map_err(|(span, msg)| at(Some(span), msg))
    }

    /// The district with this number.
    pub fn district(&self, number: u32) -> Option<&District> {
        self.districts.iter().find(|d| d.number == number)
    }

    /// Reads a district as typed on a card: Roman (`XI`, `xi`) or Arabic (`11`).
    pub fn parse_district(&self, typed: &str) -> Option<&District> {
        roman::parse_district_number(typed).and_then(|n| self.district(n))
    }

    /// Writes the edition as TOML that [`Edition::parse`] reads back unchanged.
    pub fn to_toml(&self) -> String {
        use std::fmt::Write;
        let q = |s: &str| toml::Value::String(s.to_string()).to_string();
        let mut out = String::new();
        let _ = writeln!(out, "[edition]");
        let _ = writeln!(out, "id = {}", q(&self.id));
        let _ = writeln!(out, "name = {}", q(&self.name));
        let _ = writeln!(out, "voting_start = {}", self.voting_start);
        let _ = writeln!(out, "voting_end = {}", self.voting_end);
        let _ = writeln!(out, "min_age = {}", self.min_age);
        let _ = writeln!(out, "sample = {}", self.sample);
        let b = &self.ballot;
        let _ = writeln!(out, "\n[ballot]");
        let _ = writeln!(out, "local_picks = {}", b.local_picks);
        let _ = writeln!(out, "citywide_picks = {}", b.citywide_picks);
        let _ = writeln!(out, "require_local = {}", b.require_local);
        let _ = writeln!(out, "require_citywide = {}", b.require_citywide);
        let _ = writeln!(out, "require_signature = {}", b.require_signature);
        let keys: Vec<String> = b.tie_break.keys().iter().map(|k| q(k.name())).collect();
        let _ = writeln!(out, "tie_break = [{}]", keys.join(", "));
        let amount = |m: Money| {
            if m.cents() == 0 {
                m.plain()
            } else {
                q(&m.plain())
            }
        };
        let write_list = |out: &mut String, list: &ProjectList| {
            if let Some(budget) = list.budget {
                let _ = writeln!(out, "budget = {}", amount(budget));
            }
            let _ = writeln!(out, "projects = [");
            for p in &list.projects {
                let cost = p
                    .cost
                    .map(|c| format!(", cost = {}", amount(c)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {{ id = {}, title = {}{cost} }},",
                    q(&p.id),
                    q(&p.title)
                );
            }
            let _ = writeln!(out, "]");
        };
        let _ = writeln!(out, "\n[citywide]");
        write_list(&mut out, &self.citywide);
        for d in &self.districts {
            let _ = writeln!(out, "\n[[district]]");
            let _ = writeln!(
                out,
                "number = {}  # {}",
                d.number,
                roman::to_roman(d.number)
            );
            let _ = writeln!(out, "name = {}", q(&d.name));
            write_list(&mut out, &d.list);
        }
        out
    }
}

impl ProjectList {
    /// The project a card's id names; ids compare without surrounding spaces,
    /// case, or leading zeros of a numeric id.
    pub fn find(&self, typed: &str) -> Option<&Project> {
        // Without building a key per project: a count looks up every pick
        // of a million cards.
        let typed = typed.trim();
        // Nearly always typed as the edition spells it: that is the one
        // project (an edition never has two ids that compare the same).
        self.projects
            .iter()
            .find(|p| p.id == typed)
            .or_else(|| self.projects.iter().find(|p| same_id(&p.id, typed)))
    }
}

/// The key under which a project id is compared: `" 07 "` and `"7"` are the same
/// project, and so are `bo.om.63/24` and `BO.OM.63/24`.
pub fn normalize_id(id: &str) -> String {
    let t = id.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        let stripped = t.trim_start_matches('0');
        if stripped.is_empty() {
            "0".into()
        } else {
            stripped.into()
        }
    } else {
        t.to_uppercase()
    }
}

/// Why no card could carry `id` as a project id, if so: the card CSV
/// separates ids with `|`, the kiosk's rubric takes no blanks or control
/// characters, and a rubric holds at most [`crate::card::limits::PROJECT_ID`]
/// characters.
pub fn id_problem(id: &str) -> Option<Msg> {
    let max = crate::card::limits::PROJECT_ID;
    let n = id.chars().count();
    Some(if id.is_empty() {
        Msg::new(|lang| tr!(lang, "error-edition-id-empty"))
    } else if id.contains('|') {
        Msg::new(|lang| tr!(lang, "error-edition-id-bar"))
    } else if id.chars().any(char::is_control) {
        Msg::new(|lang| tr!(lang, "error-edition-id-control"))
    } else if id.chars().any(char::is_whitespace) {
        Msg::new(|lang| tr!(lang, "error-edition-id-blank"))
    } else if n > max {
        Msg::new(|lang| tr!(lang, "error-edition-id-too-long", length = n, max = max))
    } else {
        return None;
    })
}

/// `normalize_id(a) == normalize_id(b)`, allocating only for non-ASCII ids.
pub(crate) fn same_id(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a == b {
        return true;
    }
    let numeric = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    match (numeric(a), numeric(b)) {
        (true, true) => a.trim_start_matches('0') == b.trim_start_matches('0'),
        (false, false) if a.is_ascii() && b.is_ascii() => a.eq_ignore_ascii_case(b),
        (false, false) => a.to_uppercase() == b.to_uppercase(),
        _ => false,
    }
}

/// Points of each pick when `picks` are allowed and the list has `available`
/// projects: all of a shorter list, from `picks` points down (5,4,3,2 for four).
pub fn points(picks: u32, available: usize) -> Vec<u32> {
    let n = (picks as usize).min(available) as u32;
    (0..n).map(|i| picks - i).collect()
}

/// The key whose value starts at `offset` (`cost` in `cost = "x"`), if any.
fn key_before(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?.trim_end();
    let before = before.strip_suffix('=')?.trim_end();
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + 1);
    let key = &before[start..];
    (!key.is_empty()).then_some(key)
}

/// 1-based line and column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"[edition]
id = "t"
name = "Test"
voting_start = 2014-09-27
voting_end = 2014-10-05
min_age = 16

[ballot]
local_picks = 5
citywide_picks = 5

[citywide]
budget = 100
projects = [ { id = "1", title = "A", cost = 10 }, { id = "2", title = "B" } ]

[[district]]
number = 11
name = "Podgórze Duchackie"
projects = [ { id = "1", title = "X" } ]
"#;

    fn err(text: &str) -> (usize, String) {
        match Edition::parse(text, "e.toml") {
            Err(EditionError::At { line, message, .. }) => (line, message.en),
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn minimal_edition_loads_and_round_trips() {
        let e = Edition::parse(MINI, "mini").expect("valid");
        assert_eq!(e.ballot.local_picks, 5);
        assert!(e.ballot.require_signature);
        assert_eq!(e.citywide.projects[0].cost, Some(Money::zloty(10)));
        assert_eq!(e.ballot.tie_break, TieBreak::VOTERS);
        assert_eq!(
            e.parse_district("xi").map(|d| d.name.as_str()),
            Some("Podgórze Duchackie")
        );
        assert_eq!(e.parse_district("11").map(|d| d.number), Some(11));
        assert_eq!(e.citywide.find(" 01 ").map(|p| p.title.as_str()), Some("A"));
        for (a, b, same) in [
            ("01", "1", true),
            ("000", "0", true),
            ("bo.om.63/24", " BO.OM.63/24 ", true),
            ("Łąka-1", "ŁĄKA-1", true),
            ("1", "1a", false),
            ("12", "I2", false),
        ] {
            assert_eq!(same_id(a, b), same, "{a} {b}");
            assert_eq!(same_id(a, b), normalize_id(a) == normalize_id(b), "{a} {b}");
        }
        let again = Edition::parse(&e.to_toml(), "again").expect("round trip");
        assert_eq!(again, e);
    }

    #[test]
    fn errors_name_the_line() {
        let (line, msg) = err(&MINI.replace("voting_end = 2014-10-05", "voting_end = 2014-09-01"));
        assert_eq!(line, 5);
        assert!(msg.contains("before voting_start"), "{msg}");

        let (line, msg) = err(&MINI.replace("{ id = \"2\"", "{ id = \"01\""));
        assert_eq!(line, 14);
        assert!(msg.contains("duplicate project id"), "{msg}");

        let (line, msg) = err(&MINI.replace("cost = 10", "cost = \"dużo\""));
        assert_eq!(line, 14);
        assert!(
            msg.starts_with("`cost`: \"dużo\" is not an amount"),
            "{msg}"
        );
        let (line, msg) = err(&MINI.replace("cost = 10", "cost = 10.5"));
        assert_eq!(line, 14);
        assert!(
            msg.contains("write an amount with grosze in quotes"),
            "{msg}"
        );
        let (line, msg) = err(&MINI.replace("cost = 10", "cost = \"10.555\""));
        assert_eq!(line, 14);
        assert!(msg.contains("at most two decimals"), "{msg}");
        let (line, msg) = err(&MINI.replace(
            "citywide_picks = 5",
            "citywide_picks = 5\ntie_break = [\"voters\", \"age\"]",
        ));
        assert_eq!(line, 11);
        assert!(
            msg.contains("unknown tie_break key \"age\": the keys are \"top_points\", \"voters\""),
            "{msg}"
        );
        let (line, msg) = err(&MINI.replace(
            "citywide_picks = 5",
            "citywide_picks = 5\ntie_break = [\"voters\", \"voters\"]",
        ));
        assert_eq!(line, 11);
        assert!(msg.contains("twice"), "{msg}");

        let (line, msg) = err(&MINI.replace("number = 11", "number = 0"));
        assert_eq!(line, 17);
        assert!(msg.contains("unknown district number 0"), "{msg}");

        let (line, msg) = err(&MINI.replace("name = \"Test\"\n", ""));
        assert_eq!(line, 1);
        assert!(msg.contains("missing field `name`"), "{msg}");

        let (line, msg) = err(&MINI.replace("min_age = 16", "min_age = 16\nminage = 3"));
        assert_eq!(line, 7);
        assert!(msg.contains("unknown field `minage`"), "{msg}");

        let (line, _) = err(&MINI.replace("[ballot]", "[ballot"));
        assert_eq!(line, 8);
    }

    #[test]
    fn grosze_and_tie_break_round_trip() {
        let text = MINI
            .replace("budget = 100\n", "budget = \"1546168.66\"\n")
            .replace("cost = 10", "cost = \"10.50\"")
            .replace(
                "citywide_picks = 5",
                "citywide_picks = 5\ntie_break = [\"top_points\", \"voters\"]",
            );
        let e = Edition::parse(&text, "g").expect("valid");
        assert_eq!(e.citywide.budget, Some(Money::from_grosze(154_616_866)));
        assert_eq!(e.citywide.projects[0].cost, Some(Money::from_grosze(1050)));
        assert_eq!(e.ballot.tie_break, TieBreak::KRAKOW);
        assert_eq!(
            e.ballot.tie_break.keys(),
            [TieKey::TopPoints, TieKey::Voters]
        );
        let toml = e.to_toml();
        assert!(toml.contains("budget = \"1546168.66\""), "{toml}");
        assert!(
            toml.contains("tie_break = [\"top_points\", \"voters\"]"),
            "{toml}"
        );
        assert_eq!(Edition::parse(&toml, "again").expect("round trip"), e);
    }

    #[test]
    fn krakow_districts_are_the_official_ones() {
        let krakow = MINI.replace("id = \"t\"", "id = \"krakow-2099\"");
        assert!(Edition::parse(&krakow, "k").is_ok());
        let (line, msg) = err(&krakow.replace("number = 11", "number = 19"));
        assert_eq!(line, 17);
        assert!(msg.contains("unknown district number 19"), "{msg}");
        let (_, msg) = err(&krakow.replace("number = 11", "number = 13"));
        assert!(
            msg.contains("district XIII of Kraków is \"Podgórze\""),
            "{msg}"
        );
        // Other cities number their own districts.
        assert!(Edition::parse(&MINI.replace("number = 11", "number = 19"), "t").is_ok());
    }

    #[test]
    fn points_for_short_lists() {
        assert_eq!(points(5, 10), vec![5, 4, 3, 2, 1]);
        assert_eq!(points(5, 4), vec![5, 4, 3, 2]);
        assert_eq!(points(3, 30), vec![3, 2, 1]);
    }
}
