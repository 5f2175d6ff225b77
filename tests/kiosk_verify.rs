//! Double-entry verification at the point, as operators do it: Anna keys a
//! card with a wrong city-wide project; she may not verify it herself;
//! Bartek takes the paper, types its number and keys the card again blind;
//! the kiosk stops at each field that differs and shows both values, and
//! Bartek says from the paper which is right. The journal holds the
//! amendment ("weryfikacja") and the verified entry naming Anna's error; the
//! store checks; the office imports the real bundle and counts the paper's
//! project. The statistics count the session's keys and errors exactly.
//! Snapshots: tests/snapshots/kiosk_verify__*.snap, Polish and English.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;
use serde_json::Value;
use urna::i18n::Lang;
use urna::store::journal::Event;
use urna::store::{CardQuery, Role, Store};
use urna::tui::App;

#[path = "support/office.rs"]
mod office;
#[path = "support/screen.rs"]
mod screen;

use office::{office, pesel, urna};
use screen::{ctrl, press, screen, type_text};

/// The Polish or the English of what the screen should say (the test runs
/// in both).
fn t<'a>(lang: Lang, pl: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::En => en,
        Lang::Pl | Lang::Uk => pl,
    }
}

/// The paper card: district XI, local 4 2 1 3, city-wide 15 2 9 7 11.
const PAPER_PICKS: &str = "XI42131529711";
/// Anna's slip: city-wide 14 where the paper says 15.
const KEYED_PICKS: &str = "XI42131429711";

fn card(pesel: &str, picks: &str) -> String {
    format!("Jan⏎Kowalski⏎ul. Długa 1⏎{pesel}t{picks}")
}

/// A kiosk of the office's with Anna (coordinator, 1234) and Bartek
/// (volunteer, 5678), entering the urn of 2014-09-28.
fn kiosk(o: &office::Office, point: &str) -> std::path::PathBuf {
    let data = o.init_kiosk(point);
    let mut store = Store::open(&data).expect("store");
    store
        .login("Anna", "1234", chrono::Local::now())
        .expect("login");
    store
        .add_operator("Bartek", Role::Volunteer, "5678", "Anna")
        .expect("operator");
    store
        .set_day(NaiveDate::from_ymd_opt(2014, 9, 28).expect("day"), "Anna")
        .expect("day");
    data
}

fn snap(name: &str, lang: Lang, screen: &str) {
    let tag = if lang == Lang::Pl { "pl" } else { "en" };
    insta::assert_snapshot!(format!("{name}_{tag}"), screen);
}

/// The number after "Wpisz na karcie:" on screen.
fn number_on_screen(s: &str, lang: Lang) -> String {
    let label = t(lang, "Wpisz na karcie:", "Write on the card:");
    let at = s
        .find(label)
        .unwrap_or_else(|| panic!("no number shown:\n{s}"));
    s[at + label.len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

/// The whole session in one language; returns the kiosk's data directory
/// and the card's number.
fn session(o: &office::Office, lang: Lang, point: &str) -> (std::path::PathBuf, String) {
    let data = kiosk(o, point);
    let mut app = App::new(Store::open(&data).expect("store"), lang, vec![]).expect("app");
    let p = pesel(7);
    // Anna keys the card, with city-wide 14 for the paper's 15.
    type_text(&mut app, "1234⏎");
    type_text(&mut app, &format!("{}⏎", card(&p, KEYED_PICKS)));
    let s = screen(&app);
    let number = number_on_screen(&s, lang);
    assert_eq!(number.len(), 4, "{s}");
    snap("saved_number", lang, &s);
    // The card is found by that number in the cards list too.
    let found = app
        .store
        .cards(&CardQuery {
            text: number.clone(),
            ..CardQuery::default()
        })
        .expect("cards");
    assert_eq!(found.len(), 1);
    assert!(found[0].card_id.ends_with(&format!("-00{number}")));

    // Her own card she may not verify.
    ctrl(&mut app, 'r');
    snap("verify_number", lang, &screen(&app));
    type_text(&mut app, &format!("{number}⏎"));
    let s = screen(&app);
    assert!(
        s.contains(t(
            lang,
            "własnej karty nie weryfikuje się",
            "nobody verifies their own card"
        )),
        "{s}"
    );
    snap("verify_own_card", lang, &s);
    let before = app.store.journal().expect("journal").len();
    ctrl(&mut app, 'q');

    // Bartek verifies it blind: the kiosk offers it, as Anna's first card.
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "5678⏎");
    ctrl(&mut app, 'r');
    let s = screen(&app);
    assert!(
        s.contains(&format!(
            "{} {number} ({} Anna)",
            t(lang, "Z próby: karta", "From the sample: card"),
            t(lang, "wpisał(a):", "keyed by")
        )),
        "{s}"
    );
    snap("verify_offer", lang, &s);
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(s.contains(&number), "{s}");
    assert!(!s.contains("Kowalski") && !s.contains(&p), "blind:\n{s}");
    // He slips on the first name: the kiosk stops there.
    type_text(&mut app, "Jam⏎");
    let s = screen(&app);
    assert!(s.contains("«Jan»") && s.contains("«Jam»"), "{s}");
    // The paper shows the first keying: he retypes.
    type_text(&mut app, "1");
    type_text(&mut app, "Jan⏎");
    // The paper's picks up to city-wide 15, where Anna typed 14.
    let (upto, rest) = PAPER_PICKS.split_at(8);
    type_text(&mut app, &format!("Kowalski⏎ul. Długa 1⏎{p}t{upto}"));
    let s = screen(&app);
    assert!(s.contains("«14»") && s.contains("«15»"), "{s}");
    snap("verify_mismatch", lang, &s);
    // The paper shows his: Anna's 14 was wrong.
    type_text(&mut app, "2");
    type_text(&mut app, rest);
    snap("verify_review", lang, &screen(&app));
    press(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert!(
        s.contains(t(lang, "Zweryfikowano kartę", "Verified card")),
        "{s}"
    );

    // The journal: an amendment with the paper's 15, then the verification.
    let journal = app.store.journal().expect("journal");
    assert_eq!(journal.len(), before + 2, "the refusal stored nothing");
    let amended = app.store.entry(before as u64 + 1).expect("entry");
    let verified = app.store.entry(before as u64 + 2).expect("entry");
    assert_eq!(amended.operator, "Bartek");
    let Event::CardAmended { card, reason, .. } = &amended.event else {
        panic!("{amended:?}")
    };
    assert_eq!(reason, "weryfikacja");
    assert_eq!(card.citywide, ["15", "2", "9", "7", "11"]);
    assert_eq!(card.local, ["4", "2", "1", "3"]);
    assert_eq!(card.first_name, "Jan");
    assert_eq!(verified.operator, "Bartek");
    let Event::CardVerified {
        card_id,
        keyer,
        fields,
        keyer_errors,
        verifier_errors,
        amended_seq,
        version_seq,
    } = &verified.event
    else {
        panic!("{verified:?}")
    };
    assert!(card_id.ends_with(&number));
    assert_eq!(keyer, "Anna");
    // Six rubrics, district XI's four local picks, five city-wide.
    assert_eq!(*fields, 15);
    assert_eq!(keyer_errors, &["citywide.1"]);
    assert_eq!(verifier_errors, &["first_name"]);
    assert_eq!(*amended_seq, Some(amended.seq));
    assert!(*version_seq < amended.seq);
    (data, number)
}

fn json(out: &std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn a_card_keyed_wrong_is_found_blind_amended_and_counted_as_on_paper() {
    let o = office();
    let (data, _) = session(&o, Lang::Pl, "P01");
    urna(&data).arg("check").assert().success();

    // Statistics: Anna typed every character of the card and Enter to
    // save; the verification found one error of hers in 15 fields and one
    // slip of Bartek's.
    let status = json(
        &urna(&data)
            .args(["status", "--json"])
            .output()
            .expect("run"),
    );
    let stats = status["operator_stats"].as_array().expect("stats");
    let of = |name: &str| {
        stats
            .iter()
            .find(|s| s["operator"] == name)
            .unwrap_or_else(|| panic!("{name} in {stats:?}"))
            .clone()
    };
    let anna = of("Anna");
    let keys = format!("{}⏎", card(&pesel(7), KEYED_PICKS)).chars().count();
    assert_eq!(anna["cards"], 1);
    assert_eq!(anna["keys_per_card"].as_f64(), Some(keys as f64));
    assert_eq!(anna["corrections"], 1);
    assert_eq!(anna["their_cards_verified"], 1);
    assert_eq!(anna["fields_checked"], 15);
    assert_eq!(anna["keyer_errors"], 1);
    assert_eq!(anna["verifier_errors"], 0);
    let rate = anna["errors_per_100_fields"].as_f64().expect("rate");
    assert!((rate - 100.0 / 15.0).abs() < 1e-9, "{rate}");
    let bartek = of("Bartek");
    assert_eq!(bartek["cards"], 0);
    assert_eq!(bartek["verified"], 1);
    assert_eq!(bartek["verifier_errors"], 1);
    assert_eq!(bartek["keyer_errors"], 0);
    assert_eq!(status["verification"]["cards_verified"], 1);
    assert_eq!(status["verification"]["keyer_errors"], 1);

    // The coordinator's setting is journaled too and travels in the bundle.
    urna(&data)
        .args(["verification", "set", "all", "--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success()
        .stdout(predicates::str::contains("every card is verified"));
    urna(&data)
        .args(["verification", "show"])
        .assert()
        .success()
        .stdout(predicates::str::contains("waiting in the sample: 0 cards"));

    // The office: the real bundle imports and the paper's project counts.
    let stick = o.export("P01", &data, true);
    let manifest = std::fs::read_dir(&stick)
        .expect("stick")
        .filter_map(Result::ok)
        .find(|e| e.path().extension().is_some_and(|x| x == "urna"))
        .expect("bundle");
    let verified = urna::bundle::verify(&manifest.path(), None).expect("verifies");
    let v = verified
        .manifest
        .counts
        .verification
        .expect("verification counts");
    assert_eq!(
        (v.cards_verified, v.keyer_errors, v.verifier_errors),
        (1, 1, 1)
    );
    let protocol = std::fs::read_dir(&stick)
        .expect("stick")
        .filter_map(Result::ok)
        .find(|e| e.path().to_string_lossy().ends_with(".protocol.txt"))
        .expect("protocol");
    let text = std::fs::read_to_string(protocol.path()).expect("protocol");
    assert!(
        text.contains("first-keying errors: 1, verifiers' slips: 1"),
        "{text}"
    );
    urna(&o.tally)
        .args(["tally", "import"])
        .arg(&stick)
        .assert()
        .success();
    let r = o.results();
    let project = |id: &str| {
        r["citywide"]["projects"]
            .as_array()
            .expect("projects")
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["points"].as_u64().expect("points"))
            .expect("project")
    };
    assert_eq!(project("15"), 5, "the paper's first pick counts");
    assert_eq!(project("14"), 0, "the mistyped one does not");
}

#[test]
fn the_verification_screens_in_english() {
    let o = office();
    session(&o, Lang::En, "P02");
}

/// The store itself refuses what the kiosk's screen would not offer: a
/// keyer's verification of their own card, and one of a version that has
/// changed since it was taken; neither writes anything.
#[test]
fn the_store_refuses_an_own_or_stale_verification() {
    use urna::store::journal::Source;
    use urna::store::verify::{Verification, VerifyError};
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut store = urna::tui::demo::demo_store(tmp.path()).expect("store");
    let now = chrono::Local::now();
    store.login("Anna", "1234", now).expect("login");
    let edition = store.edition_shared();
    let paper = urna::card::RawCard {
        first_name: "Jan".into(),
        last_name: "Kowalski".into(),
        address: "ul. Długa 1".into(),
        pesel: pesel(3),
        signed: true,
        district: "XI".into(),
        local: ["4", "2", "1", "3"].map(String::from).to_vec(),
        citywide: ["15", "2", "9", "7", "11"].map(String::from).to_vec(),
        cast_date: edition.voting_start,
        marks: vec![],
    };
    let saved = store
        .enter_card(paper.clone(), "Anna", Source::Kiosk)
        .expect("card");
    let number = urna::store::verify::card_number(&saved.card_id);
    let outcome = |version_seq| Verification {
        card_id: saved.card_id.clone(),
        version_seq,
        fields: 15,
        keyer_errors: vec![],
        verifier_errors: vec![],
        corrected: None,
    };
    let entries = store.journal().expect("journal").len();
    assert!(matches!(
        store.to_verify(&number, "Anna"),
        Err(VerifyError::OwnCard { .. })
    ));
    let own = store.record_verification(outcome(saved.seq));
    assert!(matches!(own, Err(VerifyError::OwnCard { .. })), "{own:?}");
    let text = own.err().map(|e| e.describe(Lang::Pl)).unwrap_or_default();
    assert!(text.contains("własnej karty nie weryfikuje się"), "{text}");

    // Bartek takes the card; Anna amends it before he stores his check.
    store.login("Bartek", "5678", now).expect("login");
    let target = store.to_verify(&number, "Bartek").expect("to verify");
    assert_eq!(target.version_seq, saved.seq);
    assert_eq!(target.keyer, "Anna");
    store.login("Anna", "1234", now).expect("login");
    store
        .amend_card(&saved.card_id, paper, "Anna", "literówka")
        .expect("amend");
    let entries_now = store.journal().expect("journal").len();
    assert_eq!(entries_now, entries + 1);
    store.login("Bartek", "5678", now).expect("login");
    let stale = store.record_verification(outcome(saved.seq));
    assert!(matches!(stale, Err(VerifyError::Changed(_))), "{stale:?}");
    assert_eq!(store.journal().expect("journal").len(), entries_now);
    // The number read wrong is said, with what was typed.
    let wrong = store.to_verify("12a", "Bartek").expect_err("refused");
    assert!(wrong.describe(Lang::Pl).contains("to nie numer karty"));
    let none = store.to_verify("9999", "Bartek").expect_err("refused");
    assert_eq!(none.describe(Lang::En), "no card number 9999 at this point");
}
