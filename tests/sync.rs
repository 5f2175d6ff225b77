//! Kiosks that sync as they go (docs/sync.md), with the real binary: the
//! office's server on 127.0.0.1, kiosks set up with `urna init`, the kiosk
//! in a real pty sending in the background as cards are typed, `urna sync`
//! from the command line, sticks beside them. What the office counts from
//! syncs and sticks mixed is what it counts from sticks alone; a resent
//! delta changes nothing; a gap, a fork, a bad signature and an unknown
//! kiosk are refused; `kill -9` of the server mid-sync stores all or
//! nothing and the retry completes it; TLS with a certificate made here.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use serde_json::Value;
use urna::pesel::{self, Sex};
use urna::store::Store;
use urna::tally::store::Tally;

#[path = "support/office.rs"]
mod office;
#[path = "support/pty.rs"]
mod pty;
#[path = "support/http.rs"]
#[allow(dead_code)]
mod support;

use office::{HEADER, Office, copy_dir, office, only_bundle, pesel, row, said, urna};
use pty::{CTRL_Q, ENTER, Kiosk};
use support::{http, serve, serve_at};

fn rows(prefix: &str, from: u16, n: u16) -> Vec<String> {
    (from..from + n)
        .map(|i| row(&format!("{prefix}{i}"), &pesel(i), "1|2|3|4|5"))
        .collect()
}

/// The office trusts the kiosk in `data` as `point`.
fn trust(o: &Office, data: &Path, point: &str) {
    let key = o.root.join(format!("{point}.pub"));
    let out = urna(data).arg("key").output().expect("key");
    std::fs::write(&key, &out.stdout).expect("key file");
    urna(&o.tally)
        .args(["tally", "trust"])
        .arg(&key)
        .args(["--point", point])
        .assert()
        .success();
}

/// Anna points the kiosk at the office's server.
fn set_url(data: &Path, url: &str, every_cards: u32, extra: &[&str]) {
    urna(data)
        .args(["central", "url", url, "--every-cards"])
        .arg(every_cards.to_string())
        .args(extra)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
}

/// Card rows entered with `import-cards`.
fn enter(data: &Path, rows: &[String]) {
    let csv = data.with_extension(format!("{}.csv", rows.len()));
    std::fs::write(&csv, format!("{HEADER}\n{}\n", rows.join("\n"))).expect("csv");
    urna(data)
        .arg("import-cards")
        .arg(&csv)
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .assert()
        .success();
}

/// `c` run as Anna (her PIN on stdin): its exit code and all it printed.
fn as_anna(c: &mut assert_cmd::Command) -> (i32, String) {
    let out = c
        .args(["--as", "Anna", "--pin-stdin"])
        .write_stdin("1234\n")
        .output()
        .expect("urna");
    (out.status.code().unwrap_or(-1), said(&out))
}

/// `urna sync` as Anna: its exit code and output.
fn sync(data: &Path) -> (i32, String) {
    as_anna(urna(data).arg("sync"))
}

/// The kiosk's journal: entries and head hash, as `urna status` says.
fn kiosk_head(data: &Path) -> (u64, Option<String>) {
    let out = urna(data)
        .args(["status", "--json"])
        .output()
        .expect("status");
    let s: Value = serde_json::from_slice(&out.stdout).expect("status json");
    (
        s["journal_entries"].as_u64().expect("entries"),
        s["head_hash"].as_str().map(str::to_string),
    )
}

fn office_head(tally: &Path, point: &str) -> (u64, Option<String>) {
    Tally::open(tally)
        .expect("tally")
        .point_head(point)
        .expect("head")
        .expect("a trusted point")
}

fn import(tally: &Path, bundle: &Path) {
    urna(tally)
        .args(["tally", "import"])
        .arg(bundle)
        .assert()
        .success();
}

fn results_of(tally: &Path) -> Value {
    let out = urna(tally)
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
        trust(&o, data, point);
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

/// A delta of the kiosk in `data` from entry `from`, made as the sender
/// makes it (Anna's PIN unlocks the journal key).
fn delta(data: &Path, from: u64) -> Vec<u8> {
    let mut store = Store::open(data).expect("store");
    store
        .login("Anna", "1234", chrono::Local::now())
        .expect("login");
    store.delta(from).expect("delta").sealed.tar
}

#[test]
fn a_resent_delta_changes_nothing_and_gaps_forks_and_forgeries_are_refused() {
    let o = office();
    let k = o.init_kiosk("P1");
    trust(&o, &k, "P1");
    enter(&k, &rows("a", 1, 3));
    let server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);

    let first = delta(&k, 0);
    let a = http(&server.addr, "POST", "/v1/bundles", &first);
    assert_eq!((a.code, a.json()["status"].clone()), (201, "stored".into()));
    let held = office_head(&o.tally, "P1");
    assert_eq!(held, kiosk_head(&k));
    let counted = results_of(&o.tally);
    // The same delta again: 200, nothing changes.
    let a = http(&server.addr, "POST", "/v1/bundles", &first);
    assert_eq!(
        (a.code, a.json()["status"].clone()),
        (200, "already_known".into())
    );
    assert_eq!(office_head(&o.tally, "P1"), held);
    assert_eq!(results_of(&o.tally), counted);

    // A copy of the store taken now, which will go its own way.
    let copy = o.root.join("P1-copy");
    copy_dir(&k, &copy);

    enter(&k, &rows("b", 10, 2));
    // A delta that starts after what the office holds: 409 gap.
    let ahead = delta(&k, held.0 + 1);
    let a = http(&server.addr, "POST", "/v1/bundles", &ahead);
    assert_eq!((a.code, a.json()["status"].clone()), (409, "gap".into()));
    assert_eq!(a.json()["office_head"]["entries"], held.0);
    assert_eq!(office_head(&o.tally, "P1"), held);

    // A delta changed after it was signed: 400, nothing stored.
    // The manifest says the point is mobile (same length, still JSON).
    let forged = replaced(
        &delta(&k, held.0),
        b"\"mobile\": false",
        b"\"mobile\": true ",
    );
    let a = http(&server.addr, "POST", "/v1/bundles", &forged);
    assert_eq!(
        (a.code, a.json()["status"].clone()),
        (400, "malformed".into())
    );
    assert_eq!(a.json()["code"], "bad_signature", "{}", a.text());
    assert_eq!(office_head(&o.tally, "P1"), held);

    // The real one.
    let (code, said) = sync(&k);
    assert_eq!(code, 0, "{said}");
    let now = office_head(&o.tally, "P1");
    assert_eq!(now, kiosk_head(&k));

    // The copy enters other cards: the office holds another history.
    enter(&copy, &rows("c", 30, 2));
    let (code, said) = sync(&copy);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("a fork"), "{said}");
    // Posted anyway, from where both agree: 409 fork, with both hashes.
    let other = delta(&copy, held.0);
    let a = http(&server.addr, "POST", "/v1/bundles", &other);
    assert_eq!((a.code, a.json()["status"].clone()), (409, "fork".into()));
    let j = a.json();
    assert_ne!(j["office_hash"], j["bundle_hash"]);
    assert_eq!(j["office_head"]["entries"], now.0);
    assert_eq!(office_head(&o.tally, "P1"), now);

    // A kiosk the office does not know.
    let stranger = o.init_kiosk("P9");
    set_url(&stranger, &format!("http://{}", server.addr), 10, &[]);
    let (code, said) = sync(&stranger);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("does not know this kiosk"), "{said}");
    // No address set: `urna sync` says how to set one.
    let (code, said) = sync(&o.init_kiosk("P8"));
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("urna central url"), "{said}");
}

#[test]
fn kill_9_of_the_server_mid_sync_stores_all_or_nothing_and_the_retry_completes_it() {
    use std::io::Write;
    let o = office();
    let k = o.init_kiosk("P1");
    trust(&o, &k, "P1");
    enter(&k, &rows("a", 1, 2));
    let mut server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    assert_eq!(sync(&k).0, 0);
    let before = office_head(&o.tally, "P1");

    // A big day's worth at once, posted whole, and the server killed as it
    // stores it.
    enter(&k, &rows("b", 100, 800));
    let big = delta(&k, before.0);
    let mut stream = std::net::TcpStream::connect(&server.addr).expect("connect");
    stream
        .write_all(&support::request_bytes("POST", "/v1/bundles", &big))
        .expect("send");
    stream.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(30));
    server.kill();
    let after_kill = office_head(&o.tally, "P1");
    let all = kiosk_head(&k);
    assert!(
        after_kill == before || after_kill == all,
        "half stored: {after_kill:?}, before {before:?}, all {all:?}"
    );
    let accepted = |o: &Office| {
        Tally::open(&o.tally)
            .expect("tally")
            .imports()
            .expect("imports")
            .into_iter()
            .filter(|r| r.outcome == "accepted")
            .count()
    };
    assert_eq!(accepted(&o), if after_kill == before { 1 } else { 2 });

    // The server again (its new address journaled), and the kiosk's retry.
    let server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    let (code, said) = sync(&k);
    assert_eq!(code, 0, "{said}");
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
    assert_eq!(results_of(&o.tally)["ballots"]["total"], 802);
}

/// The office's server over TLS with this certificate and key, and its
/// address as `https://localhost:PORT`.
fn serve_tls(tally: &Path, lang: &str, cert: &Path, key: &Path) -> (support::Server, String) {
    let server = serve(
        tally,
        lang,
        &[
            "--tls-cert",
            cert.to_str().expect("utf-8"),
            "--tls-key",
            key.to_str().expect("utf-8"),
        ],
    );
    let port = server.addr.rsplit(':').next().expect("port").to_string();
    (server, format!("https://localhost:{port}"))
}

#[test]
fn a_sync_over_tls_trusts_the_certificate_it_was_given() {
    let o = office();
    let k = o.init_kiosk("P1");
    trust(&o, &k, "P1");
    enter(&k, &rows("a", 1, 2));
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let cert = o.root.join("server.crt");
    let key = o.root.join("server.key");
    std::fs::write(&cert, made.cert.pem()).expect("cert");
    std::fs::write(&key, made.signing_key.serialize_pem()).expect("key");
    let (_server, url) = serve_tls(&o.tally, "en", &cert, &key);
    // Without the certificate, the public roots do not know it: nothing sent.
    set_url(&k, &url, 10, &[]);
    let (code, said) = sync(&k);
    assert_eq!(code, 1, "{said}");
    assert!(said.contains("the office cannot be reached"), "{said}");
    assert_eq!(office_head(&o.tally, "P1").0, 0);
    // With it.
    set_url(&k, &url, 10, &["--ca", cert.to_str().expect("utf-8")]);
    let (code, said) = sync(&k);
    assert_eq!(code, 0, "{said}");
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
}

/// `urna` in Polish (the helpers above run it in English).
fn urna_pl(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::new(env!("CARGO_BIN_EXE_urna"));
    c.env_remove("URNA_DATA_DIR")
        .args(["--lang", "pl", "--data-dir"])
        .arg(dir);
    c
}

/// `urna central url …` in Polish as Anna.
fn set_url_pl(data: &Path, args: &[&str]) -> (i32, String) {
    as_anna(urna_pl(data).args(["central", "url"]).args(args))
}

fn sync_pl(data: &Path) -> (i32, String) {
    as_anna(urna_pl(data).arg("sync"))
}

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

/// A certificate authority's certificate, as `openssl req -x509` makes by
/// default, for `names`; and its key.
fn ca_certificate(names: &[&str]) -> (rcgen::CertificateParams, rcgen::KeyPair, String) {
    let mut params =
        rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .expect("params");
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let key = rcgen::KeyPair::generate().expect("key");
    let pem = params.self_signed(&key).expect("self-signed").pem();
    (params, key, pem)
}

#[test]
fn a_ca_certificate_as_the_servers_own_is_refused_where_it_is_set() {
    let o = office();
    let k = o.init_kiosk("P1");
    trust(&o, &k, "P1");
    enter(&k, &rows("a", 1, 2));
    // The office's certificate made the openssl way: CA:TRUE, for localhost.
    let (_, ca_key, ca_pem) = ca_certificate(&["localhost"]);
    let cert = o.root.join("office.pem");
    let key = o.root.join("office.key");
    std::fs::write(&cert, &ca_pem).expect("cert");
    std::fs::write(&key, ca_key.serialize_pem()).expect("key");
    // The server refuses to serve it, and says how to make one that works.
    let out = urna_pl(&o.tally)
        .args(["tally", "serve", "--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&key)
        .output()
        .expect("serve");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{said}");
    assert!(said.contains("CA:TRUE"), "{said}");
    assert!(
        said.contains("basicConstraints=critical,CA:FALSE"),
        "{said}"
    );
    // The kiosk refuses to pin it for that host, with the same advice.
    let (code, said) = set_url_pl(
        &k,
        &[
            "https://localhost:8443",
            "--ca",
            cert.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("CA:TRUE"), "{said}");
    assert!(!said.contains("CaUsedAsEndEntity"), "{said}");

    // A real authority (no name of the host) signs the server's certificate:
    // the kiosk pins the authority, the server serves its certificate.
    let (ca_params, ca_key, ca_pem) = ca_certificate(&[]);
    let issuer = rcgen::Issuer::new(ca_params, ca_key);
    let leaf_key = rcgen::KeyPair::generate().expect("key");
    let leaf = rcgen::CertificateParams::new(vec!["localhost".to_string()])
        .expect("params")
        .signed_by(&leaf_key, &issuer)
        .expect("signed");
    std::fs::write(&cert, leaf.pem()).expect("cert");
    std::fs::write(&key, leaf_key.serialize_pem()).expect("key");
    let authority = o.root.join("authority.pem");
    std::fs::write(&authority, &ca_pem).expect("ca");
    let (_server, url) = serve_tls(&o.tally, "pl", &cert, &key);
    let (code, said) = set_url_pl(&k, &[&url, "--ca", authority.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{said}");
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 0, "{said}");
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
    // Trusting another authority: the refusal in words, not rustls's.
    let (_, _, stranger) = ca_certificate(&[]);
    std::fs::write(&authority, stranger).expect("ca");
    enter(&k, &rows("b", 10, 1));
    let (code, said) = set_url_pl(&k, &[&url, "--ca", authority.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{said}");
    let (code, said) = sync_pl(&k);
    assert_eq!(code, 1, "{said}");
    assert!(
        said.contains("nie jest podpisany przez certyfikat, któremu ufa ten kiosk"),
        "{said}"
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
    trust(&o, &k, "P1");
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

/// Replaces `from` in `bytes` by `to` (of the same length), once.
fn replaced(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .unwrap_or_else(|| panic!("{} not found", String::from_utf8_lossy(from)));
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}

#[test]
fn a_delta_whose_start_was_changed_after_signing_is_a_bad_signature_not_a_fork() {
    let o = office();
    let k = o.init_kiosk("P1");
    trust(&o, &k, "P1");
    enter(&k, &rows("a", 1, 3));
    let server = serve(&o.tally, "en", &[]);
    set_url(&k, &format!("http://{}", server.addr), 10, &[]);
    assert_eq!(sync(&k).0, 0);
    let held = office_head(&o.tally, "P1");
    enter(&k, &rows("b", 10, 2));
    let honest = delta(&k, held.0);
    let text = String::from_utf8_lossy(&honest).into_owned();
    let from = format!("\"from\": {},", held.0);
    assert!(text.contains(&from), "{text}");
    let hash = held.1.clone().expect("a head");
    // Another start with the old signature: entry held-1 (padded to the
    // same width, still JSON).
    let width = from.len() - "\"from\":,".len();
    let earlier = format!("\"from\":{:>width$},", held.0 - 1);
    for (what, forged) in [
        (
            "from",
            replaced(&honest, from.as_bytes(), earlier.as_bytes()),
        ),
        (
            "from_hash",
            replaced(&honest, hash.as_bytes(), "0".repeat(64).as_bytes()),
        ),
    ] {
        let a = http(&server.addr, "POST", "/v1/bundles", &forged);
        assert_eq!(a.code, 400, "{what}: {}", a.text());
        assert_eq!(a.json()["code"], "bad_signature", "{what}: {}", a.text());
        assert_eq!(office_head(&o.tally, "P1"), held, "{what}");
    }
    // A start past the delta's end: the field is named.
    let past = format!("\"from\":{},", "9".repeat(width));
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &replaced(&honest, from.as_bytes(), past.as_bytes()),
    );
    assert_eq!(a.code, 400, "{}", a.text());
    assert_eq!(a.json()["code"], "delta_start", "{}", a.text());
    assert!(a.text().contains("journal.from"), "{}", a.text());
    // The honest one still goes in.
    let a = http(&server.addr, "POST", "/v1/bundles", &honest);
    assert_eq!(a.code, 201, "{}", a.text());
    assert_eq!(office_head(&o.tally, "P1"), kiosk_head(&k));
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
    trust(&o, &k, "P1");
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
