//! Values over the card model's limits: the same at `import-cards`,
//! `import-online` and the kiosk's rubric.

use super::*;

/// One value for each limited column, `extra` characters over (or at, with 0)
/// its limit.
fn limit_rows(extra: usize) -> Vec<(&'static str, String)> {
    let over = |max: usize, c: &str| c.repeat(max + extra);
    let valid = |id: String, col: usize, value: String| {
        let mut f: Vec<String> = office::row(&id, &pesel(1), "1|2|3|4|5")
            .split(',')
            .map(String::from)
            .collect();
        f[col] = value;
        f.join(",")
    };
    let tag = if extra == 0 { "at" } else { "over" };
    let id = |c: &str| format!("{tag}-{c}");
    vec![
        ("id", valid("x".into(), 0, over(limits::ROW_ID, "k"))),
        (
            "pesel",
            valid(
                id("pesel"),
                1,
                format!("{}{}", pesel(2), "-".repeat(limits::PESEL - 11 + extra)),
            ),
        ),
        (
            "first_name",
            valid(id("first"), 2, over(limits::FIRST_NAME, "ż")),
        ),
        (
            "last_name",
            valid(id("last"), 3, over(limits::LAST_NAME, "ź")),
        ),
        (
            "address",
            valid(id("address"), 4, over(limits::ADDRESS, "a")),
        ),
        (
            "district",
            valid(id("district"), 6, over(limits::DISTRICT, "X")),
        ),
        (
            "local",
            valid(
                id("local"),
                7,
                format!("1|{}", over(limits::PROJECT_ID, "2")),
            ),
        ),
        (
            "citywide",
            valid(
                id("citywide"),
                8,
                format!("{}|2", over(limits::PROJECT_ID, "3")),
            ),
        ),
    ]
}

#[test]
fn each_limit_is_the_same_at_import_cards_and_import_online() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = kiosk(tmp.path());
    let at = limit_rows(0);
    let over = limit_rows(1);
    let all: Vec<String> = at.iter().chain(&over).map(|(_, r)| r.clone()).collect();
    let csv = write(
        &tmp.path().join("limits.csv"),
        &format!("{HEADER}\n{}\n", all.join("\n")),
    );
    let out = urna(&dir)
        .args(IMPORT)
        .arg("--json")
        .arg(&csv)
        .write_stdin("1234\n")
        .output()
        .expect("run");
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    for (i, (column, _)) in at.iter().enumerate() {
        assert_ne!(
            lines[i]["status"], "rejected",
            "{column} at its limit: {}",
            lines[i]
        );
    }
    for (i, (column, _)) in over.iter().enumerate() {
        let l = &lines[at.len() + i];
        assert_eq!(l["status"], "rejected", "{column} over its limit");
        let error = l["error"].as_str().expect("error");
        assert!(
            error.starts_with(&format!("{column} ")),
            "{column}: {error}"
        );
        assert!(error.contains("at most"), "{error}");
    }
    assert_eq!(cards(&dir), at.len() as u64);
    // Nothing over a limit was stored.
    let store = Store::open(&dir).expect("store");
    for (seq, _, _) in store.journal().expect("journal") {
        if let Event::CardEntered { card, .. } = store.entry(seq).expect("entry").event {
            assert!(card.check_limits().is_ok());
        }
    }

    // The office: the same rows at the limit are accepted; each row over
    // its limit is named with its line and column, and nothing is stored.
    let o = office();
    let at_rows: Vec<String> = at.iter().map(|(_, r)| r.clone()).collect();
    let ok = write(
        &o.root.join("at.csv"),
        &format!("{HEADER}\n{}\n", at_rows.join("\n")),
    );
    urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&ok)
        .assert()
        .success();
    let before = o.results();
    let bad = write(
        &o.root.join("over.csv"),
        &format!("{HEADER}\n{}\n", all.join("\n")),
    );
    let out = urna(&o.tally)
        .args(["tally", "import-online"])
        .arg(&bad)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for (i, (column, _)) in over.iter().enumerate() {
        let line = at.len() + i + 2;
        assert!(
            text.contains(&format!("line {line}: {column} ")),
            "{column} at line {line}: {text}"
        );
    }
    assert_eq!(o.results(), before);
}

#[test]
fn the_kiosk_rubric_stops_taking_characters_at_the_limit() {
    let tmp = tempfile::tempdir().expect("tmp");
    let store = urna::tui::demo::demo_store(tmp.path()).expect("demo store");
    let mut app = urna::tui::App::new(
        store,
        urna::i18n::Lang::En,
        urna::tui::demo::demo_operators(),
    )
    .expect("app");
    let now = Instant::now();
    let mut key = |code: KeyCode| app.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now);
    for _ in 0..5 {
        key(KeyCode::Up);
    }
    let mut text = "1234\n".to_string();
    text.push_str(&"Ż".repeat(limits::FIRST_NAME + 10));
    text.push('\n');
    text.push_str(&"n".repeat(limits::LAST_NAME + 1));
    text.push('\n');
    text.push_str(&"a".repeat(limits::ADDRESS + 5));
    text.push('\n');
    text.push_str("75031412362tXI42131529711\n");
    for c in text.chars() {
        key(if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        });
    }
    let saved = app.store.journal().expect("journal");
    let card = saved
        .iter()
        .find_map(
            |(seq, _, _)| match app.store.entry(*seq).expect("entry").event {
                Event::CardEntered { card, .. } => Some(card),
                _ => None,
            },
        )
        .expect("the card was saved");
    assert_eq!(card.first_name, "Ż".repeat(limits::FIRST_NAME));
    assert_eq!(card.last_name, "n".repeat(limits::LAST_NAME));
    assert_eq!(card.address, "a".repeat(limits::ADDRESS));
    assert_eq!(card.pesel, "75031412362");
}
