//! Closing the day from the kiosk: a coordinator writes the bundle and the
//! protocol to a folder and sees the protocol with the fingerprint; the
//! bundle verifies; a volunteer cannot export.

use ratatui::crossterm::event::KeyCode;
use urna::i18n::Lang;
use urna::tui::App;
use urna::tui::demo::{demo_operators, demo_store};

#[path = "support/screen.rs"]
mod screen;

use screen::{press, screen, type_text};

#[test]
fn a_coordinator_closes_the_day_and_the_bundle_verifies() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).expect("usb dir");
    let mut app = App::new(
        demo_store(&tmp.path().join("data")).expect("store"),
        Lang::Pl,
        demo_operators(),
    )
    .expect("app");
    type_text(&mut app, "1234⏎");
    type_text(
        &mut app,
        "Jan⏎Kowalski⏎ul. Długa 1⏎75031412362tXI42131529711⏎",
    );
    assert_eq!(app.store.status().expect("status").cards, 1);

    press(&mut app, KeyCode::F(12));
    let s = screen(&app);
    assert!(s.contains("Zamknięcie dnia i eksport"), "{s}");
    // No such folder: said, nothing written.
    type_text(&mut app, "/nonexistent/usb⏎");
    assert!(screen(&app).contains("nie ma takiego katalogu"));
    for _ in 0.."/nonexistent/usb".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &format!("{}⏎", usb.display()));
    let s = screen(&app);
    assert!(s.contains("PROTOKÓŁ DNIA — punkt DEMO"), "{s}");
    assert!(s.contains("Paczka: DEMO-20140927-1.urna (nr 1)"), "{s}");
    assert!(s.contains("Karty z dnia 2014-09-27: 1 karta"), "{s}");

    let bundle = usb.join("DEMO-20140927-1.urna");
    let verified = urna::bundle::verify(&bundle, None).expect("the bundle verifies");
    assert_eq!(verified.manifest.counts.cards, 1);
    assert!(verified.manifest.training);
    let short = urna::bundle::protocol::short(&verified.fingerprint);
    assert!(s.contains(&format!("Odcisk: {short}")), "{s}");
    for f in [
        "DEMO-20140927-1.protocol.txt",
        "DEMO-20140927-1.protocol.html",
    ] {
        let text = std::fs::read_to_string(usb.join(f)).expect(f);
        assert!(text.contains(&verified.fingerprint), "{f}");
    }
    // The export is journaled; Esc goes back to a new card.
    assert_eq!(
        app.store.last_export().expect("export").map(|e| e.0),
        Some(1)
    );
    press(&mut app, KeyCode::Esc);
    assert!(screen(&app).contains("Karta do głosowania"));
}

#[test]
fn a_volunteer_cannot_export() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut app = App::new(
        demo_store(tmp.path()).expect("store"),
        Lang::En,
        demo_operators(),
    )
    .expect("app");
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "5678⏎");
    let before = app.store.journal().expect("journal").len();
    press(&mut app, KeyCode::F(12));
    let s = screen(&app);
    assert!(
        s.contains("Only a coordinator closes the day and exports."),
        "{s}"
    );
    assert_eq!(app.store.journal().expect("journal").len(), before);
}
