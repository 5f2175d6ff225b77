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

#[test]
fn the_published_page_says_what_the_json_says_and_nothing_about_voters() {
    let o = Office::new();
    let adult = |n| pesel((1970, 1, 1), n);
    let double = adult(9); // at P1 and online: both multiple_votes
    let child = pesel((2010, 1, 1), 5); // 14 on the day: underage
    o.kiosk(
        "P1",
        &[
            row("r1", &adult(1), "I", "1|2", "1|2", 1),
            row("r2", &adult(2), "I", "2|1", "2|3", 1),
            row("r3", &adult(3), "I", "1|3", "1|3", 0),
            row("r4", &double, "I", "3|1", "3|1", 1),
        ],
    );
    o.kiosk(
        "P2",
        &[
            row("r1", &adult(4), "1", "1|3", "1|3", 1),
            row("r2", &child, "I", "1|2", "1|2", 1),
        ],
    );
    urna(&o.tally, Some("en"))
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    let online = o.root.join("online.csv");
    std::fs::write(
        &online,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("w1", &double, "I", "2|3", "2|3", 1),
            row("w2", &adult(6), "I", "3|1", "3|1", 1),
        ),
    )
    .expect("online");
    urna(&o.tally, Some("en"))
        .args(["tally", "import-online"])
        .arg(&online)
        .assert()
        .success();

    let json = o.json();
    let b = &json["ballots"];
    assert_eq!(
        (&b["total"], &b["valid"], &b["invalid"]),
        (&8.into(), &4.into(), &4.into())
    );

    let (path, page) = o.page(Some("en"));
    let t = tables(&path);
    let cells = |id: &str| -> &Vec<Vec<String>> {
        t.get(id)
            .unwrap_or_else(|| panic!("no table {id}: {:?}", t.keys()))
    };

    // Totals and reasons are the JSON's.
    let totals: Vec<u64> = cells("t-ballots").iter().map(|r| digits(&r[1])).collect();
    assert_eq!(
        totals,
        [
            b["total"].as_u64().expect("total"),
            b["valid"].as_u64().expect("valid"),
            b["invalid"].as_u64().expect("invalid")
        ]
    );
    let reasons: BTreeMap<String, u64> = cells("t-reasons")
        .iter()
        .map(|r| (r[0].clone(), digits(&r[2])))
        .collect();
    let expected: BTreeMap<String, u64> =
        serde_json::from_value(b["by_reason"].clone()).expect("by_reason");
    assert_eq!(reasons, expected);
    assert_eq!(
        expected.keys().collect::<Vec<_>>(),
        ["missing_signature", "multiple_votes", "underage"]
    );
    assert!(cells("t-reasons").contains(&vec![
        "multiple_votes".to_string(),
        "person voted more than once".to_string(),
        "2 ballots".to_string()
    ]));

    // Each list's table is the JSON's list, row by row.
    same_list(cells("t-citywide"), &json["citywide"]);
    for d in json["districts"].as_array().expect("districts") {
        same_list(cells(&format!("t-d{}", d["number"])), d);
    }
    // District II had no votes: no bars, and the page says so.
    let d2 = &page[page.find("<section id=\"d2\"").expect("d2")..];
    let d2 = &d2[..d2.find("</section>").expect("end")];
    assert!(d2.contains("District II — Grzegórzki"));
    assert!(d2.contains("Nobody gave points"));
    assert!(!d2.contains("<svg"));

    // Paper at each point and the internet channel.
    let numbers = |id: &str| -> Vec<(String, Vec<u64>)> {
        cells(id)
            .iter()
            .map(|r| (r[0].clone(), r[1..].iter().map(|c| digits(c)).collect()))
            .collect()
    };
    assert_eq!(
        numbers("t-points"),
        [
            ("P1 Szkoła nr 1".to_string(), vec![4, 2, 2]),
            ("P2 Szkoła nr 2".to_string(), vec![2, 1, 1])
        ]
    );
    assert_eq!(
        numbers("t-channels"),
        [
            ("Paper cards at polling points".to_string(), vec![6, 3, 3]),
            ("Internet".to_string(), vec![2, 1, 1]),
            ("Total".to_string(), vec![8, 4, 4])
        ]
    );

    // As of the last import, and every trusted point has reported.
    assert!(
        page.contains("<p class=\"asof\" id=\"as-of\">As of 20"),
        "as of"
    );
    assert!(page.contains("<span id=\"reported\">2 of 2\u{a0}polling points have reported</span>"));

    // On its own: nothing fetched from anywhere.
    for outside in ["http", "src=", "<link", "<script", "@import", "url("] {
        assert!(
            !page.contains(outside),
            "the page refers outside: {outside}"
        );
    }
    // No voter: no PESEL, not even masked or in part, no name, no address.
    for p in [
        adult(1),
        adult(2),
        adult(3),
        adult(4),
        adult(6),
        double,
        child,
    ] {
        for part in [&p[..], &p[..6], &p[6..]] {
            assert!(!page.contains(part), "PESEL digits {part} on the page");
        }
    }
    for personal in [FIRST, LAST, ADDRESS, "Anna"] {
        assert!(!page.contains(personal), "{personal} on the page");
    }
    // Titles are escaped, never markup.
    assert!(page.contains("Park &quot;Zielony&quot; &amp; &lt;plac&gt; zabaw"));
    assert!(!page.contains("<plac>") && !page.contains("<plenerowe>"));

    // Polish by default, with Polish plural forms; the same data gives the
    // same page.
    let (pl_path, pl) = o.page(None);
    std::fs::copy(&pl_path, "/tmp/page-pl.html").ok();
    std::fs::copy(&path, "/tmp/page-en.html").ok();
    tables(&pl_path);
    assert!(pl.contains("<html lang=\"pl\">"));
    assert!(pl.contains("Oddano 8\u{a0}głosów: 4\u{a0}ważne, 4\u{a0}nieważne."));
    assert!(pl.contains("<code>multiple_votes</code></th><td>osoba głosowała więcej niż raz</td><td class=\"n\" data-label=\"Głosy\">2\u{a0}głosy</td>"));
    assert!(pl.contains("<span id=\"reported\">2 z 2\u{a0}punktów przesłały dane</span>"));
    assert!(pl.contains("✓ wybrane"));
    assert_eq!(o.page(None).1, pl);
}

/// Kraków-like codes, long titles (one a single long word), grosze, and a
/// tie settled by the edition's key: what makes a page wide.
const WIDE: &str = r#"[edition]
id = "krakow-2099"
name = "Budżet Obywatelski Miasta Krakowa 2099 (próba szerokości strony)"
voting_start = 2024-05-01
voting_end = 2024-05-10
min_age = 16

[ballot]
picks = 3
require_local = false
require_citywide = false
require_signature = true
tie_break = ["top_points", "voters"]

[citywide]
budget = "2700000.50"
projects = [
  { id = "BO.OM.163/24", title = "Rewitalizacja-terenów-zielonych-wzdłuż-bulwarów-wiślanych-i-budowa-ścieżek", cost = "1500000.25" },
  { id = "BO.OM.7/24", title = "Zielone przystanki: drzewa, ławki, poidełka i zadaszenia na przystankach tramwajowych w całym mieście", cost = 1200000 },
  { id = "BO.OM.88/24", title = "Kino plenerowe", cost = "1200000.25" },
  { id = "BO.OM.9/24", title = "Ławki", cost = 100000 },
]

[[district]]
number = 14
name = "Czyżyny"
budget = 400000
projects = [
  { id = "BO.D14.1/24", title = "Więcej głosujących", cost = 300000 },
  { id = "BO.D14.2/24", title = "Więcej głosów za trzy punkty", cost = 300000 },
  { id = "BO.D14.3/24", title = "Skwer", cost = 50000 },
  { id = "BO.D14.4/24", title = "Ławki", cost = 50000 },
]
"#;

/// What the page measures of itself in Chromium, added to a copy of it
/// (the published page has no script): the viewport, how wide the document
/// and every element reach, any box that scrolls sideways, any status word
/// or project id on more than one line, and every table's rows as rendered
/// text. Sent as
/// base64 JSON to the frame around it (see [`chromium`]).
const MEASURE: &str = r##"<script>
(() => {
  const de = document.documentElement, vw = de.clientWidth;
  const out = {vw, scrollWidth: de.scrollWidth, beyond: [], scrollers: [], wrapped: [], unlabeled: [], statuses: 0, tables: {}};
  const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.trim().split(/\s+/).join(".") : "");
  for (const e of document.body.querySelectorAll("*")) {
    const head = e.closest("thead");
    if (head && getComputedStyle(head).position === "absolute") continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) out.beyond.push(name(e) + " " + Math.round(r.left) + ".." + Math.round(r.right));
    if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible") out.scrollers.push(name(e) + " " + e.scrollWidth + ">" + e.clientWidth);
  }
  for (const e of document.querySelectorAll(".status, td > code")) {
    if (e.matches(".status")) out.statuses++;
    const lh = parseFloat(getComputedStyle(e).lineHeight);
    if (e.getBoundingClientRect().height > 1.5 * lh) out.wrapped.push(e.textContent);
  }
  // On a phone a table of class "cards" loses its header: a bare number
  // there must name its column itself.
  for (const c of document.querySelectorAll("table.cards td:not([data-label])")) {
    if (/^[\d\s,.%\u00a0\u2212-]+$/.test(c.textContent)) out.unlabeled.push(name(c.closest("table")) + " " + c.textContent);
  }
  for (const t of document.querySelectorAll("table[id]")) {
    out.tables[t.id] = [...t.querySelectorAll("tbody tr, tfoot tr")].map(tr =>
      [...tr.children].map(c => c.textContent.split(/\s+/).filter(Boolean).join(" ")));
  }
  parent.postMessage(btoa(unescape(encodeURIComponent(JSON.stringify(out)))), "*");
})();
</script>"##;

/// The frame the measured page is shown in, `width` px wide: headless
/// Chromium's window is never narrower than 500 px, a frame is exactly as
/// wide as asked. It writes what the page sends into its own DOM.
const FRAME: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}iframe{border:0;display:block}</style></head>
<body><pre id="measured"></pre><script>addEventListener("message", e => { document.getElementById("measured").textContent = e.data; });</script>
<iframe src="measured.html" width="WIDTH" height="900"></iframe></body></html>"#;

/// Debian's Chromium, headless, with a viewport of `width` px: the page's
/// own measurements; a screenshot of the page itself at that width.
fn chromium(page: &Path, width: u32, screenshot: Option<&Path>) -> Value {
    let work = tempfile::tempdir().expect("tempdir");
    let measured = work.path().join("measured.html");
    let text = std::fs::read_to_string(page).expect("page");
    std::fs::write(
        &measured,
        text.replace("</body>", &format!("{MEASURE}\n</body>")),
    )
    .expect("copy");
    let frame = work.path().join("frame.html");
    std::fs::write(&frame, FRAME.replace("WIDTH", &width.to_string())).expect("frame");
    let run = |extra: &[String], file: &Path| {
        let out = std::process::Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
            ])
            .arg(format!(
                "--user-data-dir={}",
                work.path().join("profile").display()
            ))
            .args(extra)
            .arg(file)
            .output()
            .unwrap_or_else(|e| panic!("cannot run chromium ({e}): `bash test.sh` installs it"));
        assert!(
            out.status.success(),
            "chromium failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    };
    if let Some(shot) = screenshot {
        run(
            &[
                format!("--window-size={width},2400"),
                format!("--screenshot={}", shot.display()),
            ],
            page,
        );
    }
    let out = run(
        &[
            format!("--window-size={},900", width.max(500) + 20),
            "--virtual-time-budget=10000".into(),
            "--dump-dom".into(),
        ],
        &frame,
    );
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom
        .find("<pre id=\"measured\">")
        .unwrap_or_else(|| panic!("the page measured nothing:\n{dom}"))
        + "<pre id=\"measured\">".len();
    let b64 = &dom[start..start + dom[start..].find("</pre>").expect("end")];
    use base64::Engine as _;
    let json = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .expect("base64");
    serde_json::from_slice(&json).expect("measurements")
}

#[test]
fn in_chromium_the_page_fits_a_phone_and_a_desktop_and_shows_the_json_s_figures() {
    let o = Office::with(WIDE);
    let adult = |n| pesel((1970, 1, 1), n);
    // City-wide: BO.OM.163/24 first, then BO.OM.7/24 and BO.OM.88/24 level.
    // Czyżyny: 1/24 and 2/24 level on 6 points; 2/24 has the 3-point votes.
    let cards = [
        (
            "XIV",
            "BO.D14.2/24|BO.D14.3/24|BO.D14.4/24",
            "BO.OM.163/24|BO.OM.7/24|BO.OM.88/24",
        ),
        (
            "XIV",
            "BO.D14.2/24|BO.D14.3/24|BO.D14.4/24",
            "BO.OM.163/24|BO.OM.88/24|BO.OM.7/24",
        ),
        (
            "XIV",
            "BO.D14.3/24|BO.D14.1/24|BO.D14.4/24",
            "BO.OM.163/24|BO.OM.7/24|BO.OM.9/24",
        ),
        (
            "XIV",
            "BO.D14.4/24|BO.D14.1/24|BO.D14.3/24",
            "BO.OM.163/24|BO.OM.88/24|BO.OM.9/24",
        ),
        (
            "XIV",
            "BO.D14.3/24|BO.D14.4/24|BO.D14.1/24",
            "BO.OM.7/24|BO.OM.88/24|BO.OM.9/24",
        ),
        (
            "XIV",
            "BO.D14.4/24|BO.D14.3/24|BO.D14.1/24",
            "BO.OM.88/24|BO.OM.7/24|BO.OM.9/24",
        ),
    ];
    let rows: Vec<String> = cards
        .iter()
        .enumerate()
        .map(|(i, (d, local, city))| row(&format!("r{i}"), &adult(i as u16 + 1), d, local, city, 1))
        .collect();
    o.kiosk("P01", &rows[..3]);
    o.kiosk("P02", &rows[3..]);
    urna(&o.tally, Some("en"))
        .args(["tally", "import"])
        .arg(&o.usb)
        .assert()
        .success();
    let json = o.json();
    let czyzyny = &json["districts"][0];
    assert_eq!(czyzyny["ties"][0]["settled_by"], "top_points", "{czyzyny}");

    let shots = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tally_html");
    std::fs::create_dir_all(&shots).expect("shots");
    for lang in ["en", "pl"] {
        let (path, _) = o.page(Some(lang));
        std::fs::copy(&path, shots.join(format!("page-{lang}.html"))).expect("copy");
        for width in [400, 1280] {
            let shot = shots.join(format!("page-{lang}-{width}.png"));
            let m = chromium(&path, width, Some(&shot));
            let at = format!("{lang} at {width} px");
            let vw = m["vw"].as_u64().expect("vw");
            assert!(
                vw <= u64::from(width) && vw >= u64::from(width) - 20,
                "{at}: viewport {vw}"
            );
            let scroll = m["scrollWidth"].as_u64().expect("scroll width");
            assert!(
                scroll <= vw,
                "{at}: the page is {scroll} px wide in a {vw} px viewport"
            );
            assert_eq!(
                m["beyond"],
                serde_json::json!([]),
                "{at}: boxes past the edge"
            );
            assert_eq!(
                m["scrollers"],
                serde_json::json!([]),
                "{at}: boxes that scroll sideways"
            );
            assert_eq!(
                m["wrapped"],
                serde_json::json!([]),
                "{at}: status words or ids on two lines"
            );
            assert_eq!(
                m["unlabeled"],
                serde_json::json!([]),
                "{at}: numbers in a table that becomes cards, without their column's name"
            );
            assert!(m["statuses"].as_u64().expect("statuses") >= 8, "{at}");
            assert!(shot.is_file(), "{at}: no screenshot");
            if lang == "en" {
                // The figures as Chromium renders them are the JSON's.
                let tables: Tables = serde_json::from_value(m["tables"].clone()).expect("tables");
                same_list(&tables["t-citywide"], &json["citywide"]);
                same_list(&tables["t-d14"], czyzyny);
                let points: Vec<&str> = tables["t-points"].iter().map(|r| r[0].as_str()).collect();
                assert_eq!(points, ["P01 Szkoła nr 01", "P02 Szkoła nr 02"], "{at}");
            }
        }
    }
    eprintln!("screenshots: {}", shots.display());
}
