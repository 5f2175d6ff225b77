//! Addresses checked when set; network failures, an impostor's answer and
//! a key trusted for another point, said in the kiosk's language.

use super::*;

#[test]
fn an_address_is_checked_when_it_is_set_and_shown_in_words() {
    let o = office();
    let k = o.init_kiosk("P1");
    let show = |data: &Path| {
        let out = urna_pl(data)
            .args(["central", "show"])
            .output()
            .expect("show");
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = show(&k);
    assert!(shown.contains("adres biura: brak"), "{shown}");
    assert!(shown.contains("klucz biura: age1"), "{shown}");
    let before = kiosk_head(&k);
    for bad in [
        "http://10.0.0.5:99999",
        "http://10.0.0.5:0",
        "http://10.0.0.5:",
        "http://10.0.0.5:80/v1",
    ] {
        let (code, said) = set_url_pl(&k, &[bad]);
        assert_eq!(code, 2, "{bad}: {said}");
        assert!(said.contains("port 1–65535"), "{bad}: {said}");
    }
    // A cadence out of range says the range.
    let (code, said) = set_url_pl(&k, &["http://10.0.0.5:8080", "--every-cards", "0"]);
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("(dozwolone: od 1 do 10000)"), "{said}");
    // A certificate to trust only means something for https.
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let pem = o.root.join("office.pem");
    std::fs::write(&pem, made.cert.pem()).expect("pem");
    let (code, said) = set_url_pl(
        &k,
        &[
            "http://localhost:8443",
            "--ca",
            pem.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("tylko dla adresów https://"), "{said}");
    assert_eq!(kiosk_head(&k), before, "nothing journaled");
    // No port: the default one, said.
    let (code, said) = set_url_pl(&k, &["https://biuro.example", "--every-cards", "1"]);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("port 443"), "{said}");
    assert!(said.contains("wysyłka co kartę i co 5 minut"), "{said}");
    let (code, said) = set_url_pl(
        &k,
        &[
            "https://localhost:8443",
            "--ca",
            pem.to_str().expect("utf-8"),
            "--every-cards",
            "12",
            "--every-minutes",
            "2",
        ],
    );
    assert_eq!(code, 0, "{said}");
    let shown = show(&k);
    assert!(
        shown.contains(
            "adres biura: https://localhost:8443 (wysyłka co 12 kart i co 2 minuty; własny certyfikat)"
        ),
        "{shown}"
    );
}

#[test]
fn network_failures_and_refusals_are_said_in_the_kiosks_language() {
    let o = office();
    let k = o.init_kiosk("P1");
    enter(&k, &rows("a", 1, 2));
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let (code, said) = set_url_pl(&k, &[&format!("http://127.0.0.1:{port}")]);
    assert_eq!(code, 0, "{said}");
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("brak połączenia z biurem"), "{said}");
    assert!(said.contains("odmówił połączenia"), "{said}");
    assert!(!said.contains("os error"), "{said}");
    assert!(!said.contains("Connection"), "{said}");

    // The server in Polish on a port already taken: said so.
    let server = serve(&o.tally, "pl", &[]);
    let out = urna_pl(&o.tally)
        .args(["tally", "serve", "--listen", &server.addr])
        .output()
        .expect("second server");
    let busy = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{busy}");
    assert!(busy.contains("są już zajęte"), "{busy}");
    assert!(!busy.contains("nr 98"), "{busy}");

    // A refusal by a Polish office, said by an English kiosk in English:
    // the kiosk is not trusted, and then its delta is forged.
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    let (code, said) = sync(&k);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("does not know this kiosk"), "{said}");
    assert!(!said.contains("biuro"), "{said}");
    o.trust(&k, "P1");
    assert_eq!(sync(&k).0, 0);
    enter(&k, &rows("b", 10, 1));
    let held = office_head(&o.tally, "P1");
    // The manifest says the point is mobile (same length, still JSON).
    let forged = replaced(
        &delta(&k, held.0),
        b"\"mobile\": false",
        b"\"mobile\": true ",
    );
    let a = http(&server.addr, "POST", "/v1/bundles", &forged);
    assert_eq!(a.json()["code"], "bad_signature", "{}", a.text());
    assert!(a.json()["args"].is_array(), "{}", a.text());
    assert!(
        a.json()["message"]
            .as_str()
            .unwrap_or_default()
            .contains("odrzucona")
    );
}

/// A web server that is not the office's: every request answered with
/// `status` and `body` (or, with `cut`, headers promising more than it
/// sends, then the connection closed).
fn impostor(status: &'static str, body: &'static str, cut: bool) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 65536];
            // Headers and, for a POST, the body: read what comes for a moment.
            stream
                .set_read_timeout(Some(Duration::from_millis(200)))
                .expect("timeout");
            while matches!(stream.read(&mut buf), Ok(n) if n > 0) {}
            let length = if cut { body.len() + 100 } else { body.len() };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\ncontent-type: text/html\r\ncontent-length: {length}\r\nconnection: close\r\n\r\n{body}"
            );
        }
    });
    format!("http://{addr}")
}

#[test]
fn an_answer_that_is_not_the_offices_is_never_taken_as_sent() {
    let o = office();
    let k = o.init_kiosk("P1");
    enter(&k, &rows("a", 1, 2));
    let page = "<html><body>Witamy w sieci hotelowej</body></html>";
    for (status, cut, expected) in [
        ("200 OK", false, "nie jest serwerem biura urna"),
        ("201 Created", false, "nie jest serwerem biura urna"),
        ("404 Not Found", false, "nie jest serwerem biura urna"),
        ("502 Bad Gateway", false, "nie jest serwerem biura urna"),
        ("200 OK", true, "urwało się przed końcem odpowiedzi"),
    ] {
        let url = impostor(status, page, cut);
        assert_eq!(set_url_pl(&k, &[&url]).0, 0);
        let (code, said) = sync_pl(&k);
        assert_eq!(code, 1, "{status}: {said}");
        assert!(said.contains(expected), "{status}: {said}");
        assert!(!said.contains("nie zna tego kiosku"), "{status}: {said}");
        assert!(!said.contains("Wysłano"), "{status}: {said}");
    }
    // A JSON 200 that is some other program's, not the office's head.
    let url = impostor("200 OK", "{\"status\": \"ok\"}", false);
    assert_eq!(set_url_pl(&k, &[&url]).0, 0);
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("nie jest serwerem biura urna"), "{said}");
    // A name no computer has.
    assert_eq!(
        set_url_pl(&k, &["http://nie-ma-takiego-biura.invalid:8080"]).0,
        0
    );
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("nie ma komputera o takiej nazwie"), "{said}");
    assert!(!said.contains("lookup"), "{said}");
    // And the server told to listen where it cannot.
    for bad in ["localhost", "127.0.0.1:99999"] {
        let out = urna_pl(&o.tally)
            .args(["tally", "serve", "--listen", bad])
            .output()
            .expect("serve");
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {said}");
        assert!(said.contains("HOST:PORT"), "{bad}: {said}");
    }
}

#[test]
fn a_kiosk_key_is_trusted_for_one_point_only() {
    let o = office();
    let k = o.init_kiosk("P1");
    o.trust(&k, "P1");
    let key = o.root.join("P1.pub");
    // Trusting it again for P1 changes nothing; for P4 it is the wrong file.
    urna(&o.tally)
        .args(["tally", "trust"])
        .arg(&key)
        .args(["--point", "P1"])
        .assert()
        .success();
    let out = urna_pl(&o.tally)
        .args(["tally", "trust"])
        .arg(&key)
        .args(["--point", "P4"])
        .output()
        .expect("trust");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("jest już zaufany dla punktu P1"), "{said}");
    let points: Vec<String> = Tally::open(&o.tally)
        .expect("tally")
        .point_roll()
        .expect("roll")
        .into_iter()
        .map(|p| p.point)
        .collect();
    assert_eq!(points, ["P1"]);
}
