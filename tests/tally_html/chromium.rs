//! The page in Debian's headless Chromium at 400 and 1280 px: no sideways
//! scrolling, no wrapped status word, its rendered figures the JSON's.

use super::*;

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
