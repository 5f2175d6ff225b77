//! The published page (`urna tally results --format html`) end to end with
//! the real binary: two kiosks export bundles, the internet channel sends a
//! CSV, the office counts, and the page it writes says exactly what
//! `--format json` says, counts each point's ballots, stands on its own,
//! names no voter, and is well-formed HTML (checked by python3's
//! `html.parser`, which also reads the tables back for the comparison); and
//! in Debian's headless Chromium it reads at 400 and 1280 px without
//! sideways scrolling or wrapped status words, its rendered figures the
//! JSON's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{Sex, synthesize};

mod chromium;
mod page;

/// Small on purpose: three city-wide projects for a budget that takes two,
/// a district that is voted in and one that is not, titles that need
/// escaping.
const EDITION: &str = r#"[edition]
id = "html-2024"
name = "Budżet <Obywatelski> & \"Próbny\" 2024"
voting_start = 2024-05-01
voting_end = 2024-05-10
min_age = 16

[ballot]
picks = 2
require_local = true
require_citywide = true
require_signature = true

[citywide]
budget = 100000
projects = [
  { id = "1", title = "Park \"Zielony\" & <plac> zabaw", cost = 60000 },
  { id = "2", title = "Ławki", cost = 50000 },
  { id = "3", title = "Drzewa", cost = 40000 },
]

[[district]]
number = 1
name = "Stare Miasto"
budget = 50000
projects = [
  { id = "1", title = "Kino <plenerowe>", cost = 20000 },
  { id = "2", title = "Siłownia", cost = 40000 },
  { id = "3", title = "Budki & karmniki", cost = 30000 },
]

[[district]]
number = 2
name = "Grzegórzki"
budget = 50000
projects = [
  { id = "1", title = "Skwer", cost = 30000 },
  { id = "2", title = "Chodnik", cost = 30000 },
]
"#;

const HEADER: &str =
    "id,pesel,first_name,last_name,address,cast_date,district,local,citywide,signed";

/// Names and an address no page may ever show.
const FIRST: &str = "Zenobia";
const LAST: &str = "Kwiatkowska-Sekretna";
const ADDRESS: &str = "ul. Tajemnicza 7";

/// Well-formedness (every non-void element closed in order, nothing closed
/// that is not open, unique ids, `lang` and `charset` present) and every
/// table's body and foot rows as text, keyed by the table's id, as JSON.
const CHECK_HTML: &str = r#"
import json, sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}

class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ids, self.errors = [], set(), []
        self.lang = self.charset = None
        self.tables, self.table, self.section, self.row, self.cell = {}, None, None, None, None
    def error_at(self, what):
        self.errors.append("line %d: %s" % (self.getpos()[0], what))
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            if a["id"] in self.ids:
                self.error_at("duplicate id " + a["id"])
            self.ids.add(a["id"])
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "meta" and "charset" in a:
            self.charset = a["charset"]
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "table":
            self.table = a.get("id")
            self.tables[self.table] = []
        elif tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr" and self.section != "thead":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""
    def handle_startendtag(self, tag, attrs):
        if tag not in VOID and tag not in ("rect", "path", "circle", "line"):
            self.error_at("self-closed <%s/>" % tag)
    def handle_endtag(self, tag):
        if tag in VOID:
            self.error_at("end tag of void <%s>" % tag)
            return
        if not self.stack or self.stack[-1] != tag:
            self.error_at("</%s> closes <%s>" % (tag, self.stack[-1] if self.stack else "nothing"))
            return
        self.stack.pop()
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables[self.table].append(self.row)
            self.row = None
        elif tag in ("thead", "tbody", "tfoot"):
            self.section = None
    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

c = Check()
c.feed(open(sys.argv[1], encoding="utf-8").read())
c.close()
if c.stack:
    c.error_at("still open at the end: " + " ".join(c.stack))
if c.lang not in ("pl", "en"):
    c.error_at("<html> has lang %r" % c.lang)
if (c.charset or "").lower() != "utf-8":
    c.error_at("no <meta charset=utf-8>")
if c.errors:
    sys.exit("\n".join(c.errors))
print(json.dumps(c.tables))
"#;

fn urna(dir: &Path, lang: Option<&str>) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR");
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    c.arg("--data-dir").arg(dir);
    c
}

fn pesel(born: (i32, u32, u32), n: u16) -> String {
    synthesize(
        NaiveDate::from_ymd_opt(born.0, born.1, born.2).expect("date"),
        n,
        Sex::Male,
    )
    .expect("pesel")
}

/// A card row cast on 2024-05-03.
fn row(id: &str, pesel: &str, district: &str, local: &str, citywide: &str, signed: u8) -> String {
    format!(
        "{id},{pesel},{FIRST},{LAST},{ADDRESS},2024-05-03,{district},{local},{citywide},{signed}"
    )
}

struct Office {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    edition: PathBuf,
    tally: PathBuf,
    usb: PathBuf,
}

impl Office {
    fn new() -> Office {
        Office::with(EDITION)
    }

    fn with(edition_text: &str) -> Office {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().to_path_buf();
        let edition = root.join("edition.toml");
        std::fs::write(&edition, edition_text).expect("edition");
        let tally = root.join("tally");
        let usb = root.join("usb");
        std::fs::create_dir(&usb).expect("usb");
        urna(&tally, Some("en"))
            .args(["tally", "init", "--edition"])
            .arg(&edition)
            .assert()
            .success();
        Office {
            _tmp: tmp,
            root,
            edition,
            tally,
            usb,
        }
    }

    fn recipient(&self) -> String {
        let text =
            std::fs::read_to_string(self.tally.join("office-identity.txt")).expect("identity");
        let line = text
            .lines()
            .find(|l| l.starts_with("AGE-SECRET-KEY-"))
            .expect("key");
        let id: age::x25519::Identity = line.parse().expect("identity");
        id.to_public().to_string()
    }

    /// A kiosk with these card rows, trusted by the office, exported to the
    /// USB stick.
    fn kiosk(&self, point: &str, rows: &[String]) {
        let data = self.root.join(point);
        urna(&data, Some("en"))
            .arg("init")
            .arg("--edition")
            .arg(&self.edition)
            .args([
                "--point",
                point,
                "--point-name",
                &format!("Szkoła nr {}", &point[1..]),
            ])
            .args(["--coordinator", "Anna", "--central", &self.recipient()])
            .arg("--pin-stdin")
            .write_stdin("1234\n")
            .assert()
            .success();
        let csv = self.root.join(format!("{point}.csv"));
        std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
        // Exit code 1 says some cards are invalid, which is meant here.
        let code = urna(&data, Some("en"))
            .arg("import-cards")
            .arg(&csv)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .stdout(predicates::str::contains("rejected 0 rows"))
            .get_output()
            .status
            .code();
        assert!(matches!(code, Some(0 | 1)), "import-cards: {code:?}");
        let key = self.root.join(format!("{point}.pub"));
        let out = urna(&data, Some("en")).arg("key").output().expect("key");
        std::fs::write(&key, &out.stdout).expect("key file");
        urna(&self.tally, Some("en"))
            .args(["tally", "trust"])
            .arg(&key)
            .args(["--point", point])
            .assert()
            .success();
        let stick = self.usb.join(point);
        std::fs::create_dir_all(&stick).expect("stick");
        urna(&data, Some("en"))
            .args(["export", "--out"])
            .arg(&stick)
            .args(["--as", "Anna", "--pin-stdin"])
            .write_stdin("1234\n")
            .assert()
            .success();
    }

    fn json(&self) -> Value {
        let out = urna(&self.tally, Some("en"))
            .args(["tally", "results", "--format", "json"])
            .output()
            .expect("results");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }

    /// The page in `lang` (the default when `None`), written with `--out`.
    fn page(&self, lang: Option<&str>) -> (PathBuf, String) {
        let path = self
            .root
            .join(format!("page-{}.html", lang.unwrap_or("default")));
        urna(&self.tally, lang)
            .args(["tally", "results", "--format", "html", "--out"])
            .arg(&path)
            .assert()
            .success()
            .stdout("");
        let text = std::fs::read_to_string(&path).expect("page");
        (path, text)
    }
}

type Tables = BTreeMap<String, Vec<Vec<String>>>;

/// Checks the page with python3 and reads its tables back.
fn tables(page: &Path) -> Tables {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(CHECK_HTML)
        .arg(page)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "the page is not well-formed HTML:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("tables as JSON")
}

/// The digits of a cell ("2 700 000 zł" → 2700000).
fn digits(cell: &str) -> u64 {
    cell.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or_else(|_| panic!("no number in {cell:?}"))
}

/// The figure a cell starts with ("1,234 50.0%" → 1234).
fn first(cell: &str) -> u64 {
    digits(cell.split_whitespace().next().unwrap_or(""))
}

/// A project list's table rows checked against its JSON (English page):
/// every figure, the outcome as a symbol and a word, and a reported tie
/// marked on each of its rows with the key that settled it.
fn same_list(table: &[Vec<String>], list: &Value) {
    let projects = list["projects"].as_array().expect("projects");
    let tie_of = |id: &str| -> Option<String> {
        list["ties"].as_array().expect("ties").iter().find_map(|t| {
            t["projects"]
                .as_array()
                .expect("projects")
                .iter()
                .any(|p| p == id)
                .then(|| match t["settled_by"].as_str() {
                    Some(key) => format!("⚠ tie: {key}"),
                    None => "⚠ undecided tie".to_string(),
                })
        })
    };
    let total: u64 = projects
        .iter()
        .map(|p| p["points"].as_u64().expect("points"))
        .sum();
    assert_eq!(table.len(), projects.len());
    for (row, p) in table.iter().zip(projects) {
        let [rank, id, title, cost, points, voters, top, outcome] = row.as_slice() else {
            panic!("a project row has 8 cells: {row:?}");
        };
        assert_eq!(digits(rank), p["rank"].as_u64().expect("rank"), "{row:?}");
        assert_eq!(id, p["id"].as_str().expect("id"));
        assert_eq!(title, p["title"].as_str().expect("title"));
        // "PLN 1,500,000.25" is the JSON's 1500000.25.
        let shown: String = cost
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        assert_eq!(shown, p["cost"].to_string(), "{row:?}");
        let n = p["points"].as_u64().expect("points");
        assert_eq!(first(points), n);
        // The share, to a tenth of a percent.
        if let Some(tenths) = (n * 1000 + total / 2).checked_div(total) {
            assert!(
                points.ends_with(&format!(" {}.{}%", tenths / 10, tenths % 10)),
                "{row:?}"
            );
        }
        assert_eq!(first(voters), p["voters"].as_u64().expect("voters"));
        assert_eq!(digits(top), p["top_points"].as_u64().expect("top"));
        let expected = match p["selected"].as_bool() {
            Some(true) => "✓ selected",
            Some(false) => "✗ not selected",
            None => "—",
        };
        assert!(outcome.starts_with(expected), "{row:?}");
        match tie_of(p["id"].as_str().expect("id")) {
            Some(mark) => assert!(outcome.ends_with(&mark), "{row:?}"),
            None => assert!(!outcome.contains('⚠'), "{row:?}"),
        }
    }
}
