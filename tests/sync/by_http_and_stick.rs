//! What the office counts from syncs and sticks mixed is what it counts
//! from sticks alone.

use super::*;

/// A stick export of the kiosk into a new folder: the bundle.
fn export(o: &Office, data: &Path, name: &str) -> PathBuf {
    let stick = o.usb.join(name);
    std::fs::create_dir_all(&stick).expect("stick");
    urna(data)
        .args(["export", "--out"])
        .arg(&stick)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
    only_bundle(&stick)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The card id of the last "Zapisano kartę …" on the screen.
fn last_saved(screen: &str) -> Option<String> {
    let at = screen.rfind("Zapisano kartę ")?;
    screen[at + "Zapisano kartę ".len()..]
        .split_whitespace()
        .next()
        .map(str::to_string)
}

/// Types one valid 2014 card (district XI) and waits until it is saved.
fn type_card(kiosk: &mut Kiosk, serial: u16) {
    let before = last_saved(&kiosk.screen_text());
    let pesel = pesel::synthesize(date(1975, 3, 14), serial, Sex::Female).expect("PESEL");
    kiosk.type_text(&format!(
        "Jan\rKowalski\rul. Długa 1\r{pesel}tXI42131529711"
    ));
    kiosk.wait_for("KARTA WAŻNA");
    kiosk.key(ENTER);
    kiosk.wait_until("the card saved", |s| {
        let id = last_saved(&s.contents());
        id.is_some() && id != before
    });
}

/// The screen's first line (the header).
fn header(kiosk: &Kiosk) -> String {
    kiosk
        .screen_text()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn kiosks_syncing_by_http_by_stick_and_both_count_as_all_by_stick() {
    let o = office();
    let k1 = o.init_kiosk("P1");
    let k2 = o.init_kiosk("P2");
    let k3 = o.init_kiosk("P3");
    for (data, point) in [(&k1, "P1"), (&k2, "P2"), (&k3, "P3")] {
        o.trust(data, point);
    }
    // A second office with the same key and trust, nothing imported yet: it
    // will get everything by stick.
    let by_stick = o.root.join("office-by-stick");
    copy_dir(&o.tally, &by_stick);

    let mut server = serve(&o.tally, "en", &[]);
    let url = format!("http://{}", server.addr);
    set_url(&k1, &url, 2, &[]);
    set_url(&k2, &url, 10, &[]);

    // P1: the kiosk itself, sending every 2 cards as they are typed.
    let mut kiosk = Kiosk::start_args(&k1, &[], &[]);
    kiosk.wait_for("Anna");
    kiosk.type_text("1234\r");
    kiosk.wait_for("dzień głosowania");
    kiosk.key(ENTER);
    kiosk.wait_for("Karta do głosowania");
    // At login it sends what there is (no card yet).
    kiosk.wait_for("biuro: wysłano");
    type_card(&mut kiosk, 1);
    type_card(&mut kiosk, 2);
    kiosk.wait_for("· 2 karty");
    assert!(
        header(&kiosk).contains("biuro: wysłano"),
        "{}",
        header(&kiosk)
    );
    let (sent, _) = office_head(&o.tally, "P1");
    assert!(sent > 0);

    // The office goes away: typing goes on, the header says it will send later.
    let addr = server.addr.clone();
    server.kill();
    type_card(&mut kiosk, 3);
    type_card(&mut kiosk, 4);
    kiosk.wait_for("biuro: brak połączenia — wyślę później");
    // …and the command line says so too.
    enter(&k2, &rows("b", 1, 4));
    let (code, said) = sync(&k2);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("the office cannot be reached"), "{said}");

    // Back, on the same address.
    let server = serve_at(&o.tally, "en", &addr, &[]);
    let (code, said) = sync(&k2);
    assert_eq!(code, 0, "{said}");
    assert!(said.starts_with("Sent to the office:"), "{said}");
    // P2 also takes a stick to the office, then syncs again.
    import(&o.tally, &export(&o, &k2, "P2-a"));
    enter(&k2, &rows("c", 20, 3));
    let (code, said) = sync(&k2);
    assert_eq!(code, 0, "{said}");
    let (code, said) = sync(&k2);
    assert_eq!(code, 0, "{said}");
    assert!(
        said.starts_with("The office already holds everything"),
        "{said}"
    );

    // P1's retry (15 s after the failure) sends the two that waited; the
    // office was back long before. Then it sends every 2 cards again.
    kiosk.wait_until("biuro: wysłano … · 4 karty", |s| {
        let top = s.contents().lines().next().unwrap_or_default().to_string();
        top.contains("biuro: wysłano") && top.contains("· 4 karty")
    });
    type_card(&mut kiosk, 5);
    type_card(&mut kiosk, 6);
    kiosk.wait_for("· 6 kart");
    // Logging out sends what is left; then quit.
    kiosk.key(CTRL_Q);
    kiosk.wait_for("Logowanie");
    kiosk.key(CTRL_Q);
    assert!(kiosk.wait_exit().success());
    drop(kiosk);

    // P3: a stick only.
    enter(&k3, &rows("d", 40, 3));
    let p3 = export(&o, &k3, "P3-a");
    import(&o.tally, &p3);

    for (data, point) in [(&k1, "P1"), (&k2, "P2")] {
        assert_eq!(
            office_head(&o.tally, point),
            kiosk_head(data),
            "the office holds all of {point}'s journal"
        );
    }
    let mixed = results_of(&o.tally);
    assert_eq!(mixed["ballots"]["total"], 6 + 4 + 3 + 3);
    drop(server);

    // Everything by stick into the other office: the same count.
    let p1 = export(&o, &k1, "P1-z");
    let p2 = export(&o, &k2, "P2-z");
    for b in [&p1, &p2, &p3] {
        import(&by_stick, b);
    }
    assert_eq!(results_of(&by_stick), mixed);

    // The import log has every sync.
    let files: Vec<String> = Tally::open(&o.tally)
        .expect("tally")
        .imports()
        .expect("imports")
        .into_iter()
        .map(|r| r.file)
        .collect();
    assert!(
        files.iter().any(|f| f.starts_with("http:P1-delta-1-")),
        "{files:?}"
    );
    assert!(
        files.iter().any(|f| f.starts_with("http:P2-delta-")),
        "{files:?}"
    );
}
