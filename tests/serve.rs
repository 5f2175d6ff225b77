//! `urna tally serve` (docs/sync.md), the real binary on 127.0.0.1 over a
//! real tally store, posted real bundles (kiosks made with `urna init`,
//! `import-cards` and `export`, signed and encrypted as on a stick). Each
//! answer code; a resend changes nothing; a fork is 409 with both hashes;
//! `kill -9` mid-upload stores nothing and the retry stores it all; slow
//! and garbage clients are cut off; TLS with a certificate made here.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use urna::tally::store::Tally;

#[path = "support/office.rs"]
mod office;
#[path = "support/http.rs"]
#[allow(dead_code)]
mod support;

use office::{Office, office, only_bundle, pesel, row};
use support::{http, serve};

fn rows(prefix: &str, from: u16, n: u16) -> Vec<String> {
    (from..from + n)
        .map(|i| row(&format!("{prefix}{i}"), &pesel(i), "1|2|3|4|5"))
        .collect()
}

/// What the office holds from a point, read from its store.
fn held(o: &Office, point: &str) -> (u64, Option<String>) {
    Tally::open(&o.tally)
        .expect("tally")
        .point_head(point)
        .expect("head")
        .expect("a trusted point")
}

/// The import log's outcomes, in order.
fn outcomes(o: &Office) -> Vec<(String, String)> {
    Tally::open(&o.tally)
        .expect("tally")
        .imports()
        .expect("imports")
        .into_iter()
        .map(|r| (r.file, r.outcome))
        .collect()
}

fn manifest_head(bundle: &Path) -> (u64, String) {
    let m = urna::bundle::verify(bundle, None)
        .expect("a sound bundle")
        .manifest;
    (m.journal.entries, m.journal.head_hash)
}

#[test]
fn each_answer_code_and_a_resend_changes_nothing() {
    let o = office();
    let p1 = only_bundle(&o.kiosk("P1", &rows("a", 1, 3), true));
    let stranger = only_bundle(&o.kiosk("P9", &rows("z", 50, 1), false));
    let bytes = std::fs::read(&p1).expect("bundle");
    let limit = bytes.len() as u64 + 100;
    let server = serve(&o.tally, "en", &["--max-body", &limit.to_string()]);

    // Nothing from P1 yet: its head is empty, an unknown point is 404.
    let a = http(&server.addr, "GET", "/v1/points/P1/head", b"");
    assert_eq!((a.code, a.json()["entries"].clone()), (200, Value::from(0)));
    let a = http(&server.addr, "GET", "/v1/points/NOPE/head", b"");
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (404, Some("unknown_point"))
    );

    let a = http(&server.addr, "POST", "/v1/bundles", &bytes);
    assert_eq!(a.code, 201, "{}", a.text());
    assert_eq!(a.json()["status"], "stored");
    assert!(
        a.json()["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("bundle stored (P1)")
    );
    let (entries, head) = manifest_head(&p1);
    assert_eq!(held(&o, "P1"), (entries, Some(head.clone())));
    let a = http(&server.addr, "GET", "/v1/points/P1/head", b"");
    assert_eq!(a.json()["entries"], entries);
    assert_eq!(a.json()["head"], head);
    let results = o.results();
    assert_eq!(results["ballots"]["total"], 3);

    // The same bundle again: 200, and nothing changes.
    let a = http(&server.addr, "POST", "/v1/bundles", &bytes);
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (200, Some("already_known"))
    );
    assert_eq!(o.results(), results);
    assert_eq!(held(&o, "P1"), (entries, Some(head)));

    // A kiosk the office does not trust: 403.
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &std::fs::read(&stranger).expect("bundle"),
    );
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (403, Some("unknown_kiosk"))
    );
    assert_eq!(a.json()["code"], "unknown_kiosk");

    // Garbage, and a bundle cut short: 400, saying why.
    let a = http(&server.addr, "POST", "/v1/bundles", b"not a bundle at all");
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (400, Some("malformed"))
    );
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &bytes[..bytes.len() / 2],
    );
    assert_eq!(a.code, 400, "{}", a.text());
    assert!(
        a.json()["message"]
            .as_str()
            .unwrap_or("")
            .starts_with("bundle refused: ")
    );

    // Larger than --max-body: 413 before the body is read.
    let big = vec![0u8; limit as usize + 1];
    let a = http(&server.addr, "POST", "/v1/bundles", &big);
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (413, Some("too_large"))
    );

    // The same, sent in chunks with no length declared: cut off as it comes.
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("t");
    let mut chunked =
        b"POST /v1/bundles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    chunked.extend_from_slice(format!("{:x}\r\n", big.len()).as_bytes());
    chunked.extend_from_slice(&big);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    s.write_all(&chunked).expect("w");
    let a = support::read_answer(&mut s);
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (413, Some("too_large"))
    );
    // Its whole size is not known, and not claimed: only that it passed.
    assert_eq!(a.json()["code"], "body_too_large", "{}", a.text());
    let said = a.json()["message"].as_str().unwrap_or("").to_string();
    assert!(
        said.ends_with(&format!(
            "larger than the server takes (at most {limit} bytes)"
        )),
        "{said}"
    );

    // Elsewhere: 404, in JSON; a wrong method is 405.
    assert_eq!(http(&server.addr, "GET", "/v2/anything", b"").code, 404);
    assert_eq!(http(&server.addr, "GET", "/v1/bundles", b"").code, 405);

    // Every attempt is in the import log, the one `tally import` writes.
    let log = outcomes(&o);
    let outcomes: Vec<&str> = log.iter().map(|(_, o)| o.as_str()).collect();
    assert_eq!(
        outcomes,
        [
            "accepted",
            "unchanged",
            "rejected",
            "rejected",
            "rejected",
            "rejected",
            "rejected"
        ],
        "{log:?}"
    );
    assert_eq!(
        log[0].0,
        format!(
            "http:{}",
            p1.file_name().and_then(|n| n.to_str()).unwrap_or("")
        )
    );
    assert_eq!(o.results(), results, "no refusal changed anything");

    // The status page: the point, its cards and refusals, nothing personal.
    let page = http(&server.addr, "GET", "/", b"");
    assert_eq!(page.code, 200);
    assert!(
        page.head.to_lowercase().contains("cache-control: no-store"),
        "{}",
        page.head
    );
    let html = page.text();
    assert!(html.contains("<td>P1</td>"), "{html}");
    assert!(html.contains("Points that have reported: 1 of 1"), "{html}");
    assert!(
        !html.contains("Nowak") && !html.contains(&pesel(1)[..6]),
        "{html}"
    );
    drop(server);
    for log in std::fs::read_dir(o.tally.join("logs"))
        .expect("logs")
        .flatten()
    {
        let text = std::fs::read_to_string(log.path()).expect("log");
        assert!(
            text.contains("answered"),
            "the server logs each answer: {text}"
        );
        assert!(
            !text.contains("Nowak") && !text.contains(&pesel(1)),
            "{text}"
        );
    }
}

#[test]
fn a_fork_is_409_with_both_hashes_and_the_office_keeps_its_journal() {
    let o = office();
    let stick = o.kiosk("P1", &rows("a", 1, 1), true);
    let first = only_bundle(&stick);
    let copy = o.root.join("P1-copy");
    let status = std::process::Command::new("cp")
        .arg("-a")
        .arg(o.root.join("P1"))
        .arg(&copy)
        .status()
        .expect("cp");
    assert!(status.success());
    let ours = o.enter_and_export(&o.root.join("P1"), &rows("b", 2, 2), &o.root.join("usb-2"));
    let theirs = o.enter_and_export(&copy, &rows("c", 5, 1), &o.root.join("usb-fork"));
    let server = serve(&o.tally, "en", &[]);
    for b in [&first, &ours] {
        let a = http(
            &server.addr,
            "POST",
            "/v1/bundles",
            &std::fs::read(b).expect("b"),
        );
        assert_eq!(a.code, 201, "{}", a.text());
    }
    let results = o.results();
    let before = held(&o, "P1");
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &std::fs::read(&theirs).expect("b"),
    );
    assert_eq!(a.code, 409, "{}", a.text());
    let j = a.json();
    assert_eq!(j["status"], "fork");
    let fork_at = j["entry"].as_u64().expect("entry");
    let (_, their_head) = manifest_head(&theirs);
    assert_eq!(fork_at, manifest_head(&theirs).0);
    assert_eq!(j["bundle_hash"], their_head);
    assert_ne!(j["office_hash"], j["bundle_hash"]);
    assert_eq!(j["office_head"]["entries"], before.0);
    assert_eq!(j["office_head"]["head"], before.1.clone().expect("a head"));
    assert_eq!(held(&o, "P1"), before);
    assert_eq!(o.results(), results);
}

#[test]
fn sticks_and_uploads_mix_and_the_cli_works_beside_the_server() {
    let o = office();
    let by_stick = only_bundle(&o.kiosk("P1", &rows("a", 1, 2), true));
    let by_upload = only_bundle(&o.kiosk("P2", &rows("b", 10, 3), true));
    let server = serve(&o.tally, "en", &[]);
    // P1 by stick while the server runs, then the same bundle uploaded.
    office::urna(&o.tally)
        .args(["tally", "import"])
        .arg(&by_stick)
        .assert()
        .success()
        .stdout(predicates::str::contains("accepted (P1"));
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &std::fs::read(&by_stick).expect("b"),
    );
    assert_eq!(a.code, 200, "{}", a.text());
    // P2 uploaded, then the same bundle from a stick: already known.
    let a = http(
        &server.addr,
        "POST",
        "/v1/bundles",
        &std::fs::read(&by_upload).expect("b"),
    );
    assert_eq!(a.code, 201, "{}", a.text());
    office::urna(&o.tally)
        .args(["tally", "import"])
        .arg(&by_upload)
        .assert()
        .success()
        .stdout(predicates::str::contains("already known — nothing changes"));
    // The count and the audit read the store the server writes.
    assert_eq!(o.results()["ballots"]["total"], 5);
    office::urna(&o.tally)
        .args(["tally", "audit"])
        .assert()
        .success();
    let page = http(&server.addr, "GET", "/", b"").text();
    assert!(page.contains("Points that have reported: 2 of 2"), "{page}");
}

#[test]
fn kill_9_mid_upload_stores_nothing_and_the_retry_stores_it_all() {
    let o = office();
    let bundle = only_bundle(&o.kiosk("P1", &rows("a", 1, 40), true));
    let bytes = std::fs::read(&bundle).expect("bundle");
    let (entries, head) = manifest_head(&bundle);

    // Half the body sent, then the server is killed.
    let mut server = serve(&o.tally, "en", &[]);
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    let req = support::request_bytes("POST", "/v1/bundles", &bytes);
    let cut = req.len() - bytes.len() / 2;
    s.write_all(&req[..cut]).expect("half");
    s.flush().expect("flush");
    std::thread::sleep(Duration::from_millis(300));
    server.kill();
    assert_eq!(held(&o, "P1"), (0, None), "nothing half-stored");

    // The whole body sent and the server killed at once, while it
    // imports: all of the bundle or none of it.
    let mut server = serve(&o.tally, "en", &[]);
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.write_all(&req).expect("all");
    s.flush().expect("flush");
    server.kill();
    let now = held(&o, "P1");
    assert!(
        now == (0, None) || now == (entries, Some(head.clone())),
        "all or nothing: {now:?}"
    );

    // The retry completes it.
    let server = serve(&o.tally, "en", &[]);
    let a = http(&server.addr, "POST", "/v1/bundles", &bytes);
    assert!(matches!(a.code, 201 | 200), "{}", a.text());
    assert_eq!(a.code == 201, now.0 == 0, "{}", a.text());
    assert_eq!(held(&o, "P1"), (entries, Some(head)));
    assert_eq!(o.results()["ballots"]["total"], 40);
}

#[test]
fn slow_and_garbage_clients_are_cut_off_and_others_still_served() {
    let o = office();
    let server = serve(&o.tally, "en", &["--read-timeout", "1"]);

    // Headers that never end: the connection is closed after the timeout.
    let started = Instant::now();
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("t");
    s.write_all(b"POST /v1/bundles HTTP/1.1\r\nHost: x\r\n")
        .expect("w");
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "cut off in time"
    );

    // A body that stops coming: 408.
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("t");
    s.write_all(b"POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc")
        .expect("w");
    let a = support::read_answer(&mut s);
    assert_eq!(
        (a.code, a.json()["status"].as_str()),
        (408, Some("too_slow"))
    );

    // Not HTTP at all: 400.
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("t");
    s.write_all(b"\x16\x03\x01 hello, is this TLS?\r\n\r\n")
        .expect("w");
    let a = support::read_answer(&mut s);
    assert_eq!(a.code, 400, "{a:?}");

    // The server still answers.
    assert_eq!(http(&server.addr, "GET", "/", b"").code, 200);
}

#[test]
fn slow_large_uploads_holding_every_body_slot_do_not_hold_up_a_small_one() {
    let o = office();
    let bundle = std::fs::read(only_bundle(&o.kiosk("P1", &rows("a", 1, 2), true))).expect("read");
    assert!(
        bundle.len() < 256 * 1024,
        "a small upload: {}",
        bundle.len()
    );
    let server = serve(&o.tally, "en", &[]);
    // Four uploads that declare a megabyte and send a few bytes: they hold
    // the four slots for large bodies (for up to 30 s each).
    let slow: Vec<TcpStream> = (0..4)
        .map(|_| {
            let mut s = TcpStream::connect(&server.addr).expect("connect");
            s.write_all(
                b"POST /v1/bundles HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nurna",
            )
            .expect("w");
            s
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    let a = http(&server.addr, "POST", "/v1/bundles", &bundle);
    assert_eq!(a.code, 201, "{}", a.text());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the small upload waited {:?}",
        started.elapsed()
    );
    drop(slow);
}

#[test]
fn answers_are_polish_by_default() {
    let o = office();
    let server = serve(&o.tally, "pl", &[]);
    let a = http(&server.addr, "POST", "/v1/bundles", b"\x00\x01");
    assert_eq!(a.code, 400);
    let message = a.json()["message"].as_str().unwrap_or("").to_string();
    assert!(message.starts_with("paczka odrzucona: "), "{message}");
    let a = http(&server.addr, "GET", "/v1/points/P1/head", b"");
    assert!(a.text().contains("biuro nie ufa kioskowi"), "{}", a.text());
    let page = http(&server.addr, "GET", "/", b"").text();
    assert!(page.contains("<html lang=\"pl\">") && page.contains("ostatnia synchronizacja"));
}

#[test]
fn a_bundle_posted_over_tls_with_a_certificate_made_here() {
    use tokio_rustls::rustls;
    let o = office();
    let bundle = only_bundle(&o.kiosk("P1", &rows("a", 1, 2), true));
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("cert");
    let cert = o.root.join("server.crt");
    let key = o.root.join("server.key");
    std::fs::write(&cert, made.cert.pem()).expect("cert");
    std::fs::write(&key, made.signing_key.serialize_pem()).expect("key");
    let server = serve(
        &o.tally,
        "en",
        &[
            "--tls-cert",
            cert.to_str().expect("utf-8"),
            "--tls-key",
            key.to_str().expect("utf-8"),
        ],
    );
    let mut roots = rustls::RootCertStore::empty();
    roots.add(made.cert.der().clone()).expect("root");
    let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from("localhost").expect("name");
    let conn = rustls::ClientConnection::new(std::sync::Arc::new(config), name).expect("tls");
    let tcp = TcpStream::connect(&server.addr).expect("connect");
    let a = support::exchange(
        rustls::StreamOwned::new(conn, tcp),
        "POST",
        "/v1/bundles",
        &std::fs::read(&bundle).expect("bundle"),
    );
    assert_eq!(a.code, 201, "{}", a.text());
    assert_eq!(held(&o, "P1"), {
        let (n, h) = manifest_head(&bundle);
        (n, Some(h))
    });
    // Plain HTTP to the TLS port gets no answer in the clear.
    let mut s = TcpStream::connect(&server.addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("t");
    s.write_all(&support::request_bytes("GET", "/", b""))
        .expect("w");
    let mut back = Vec::new();
    let _ = s.read_to_end(&mut back);
    assert!(
        !String::from_utf8_lossy(&back).contains("<html"),
        "no page over plain HTTP"
    );
}

#[test]
fn options_it_cannot_use_are_refused_in_words() {
    let o = office();
    let missing = o.root.join("missing.pem");
    office::urna(&o.tally)
        .args(["tally", "serve", "--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&missing)
        .arg("--tls-key")
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("missing.pem"));
    let not_pem = o.root.join("not.pem");
    std::fs::write(&not_pem, "hello\n").expect("file");
    office::urna(&o.tally)
        .args(["tally", "serve", "--listen", "127.0.0.1:0", "--tls-cert"])
        .arg(&not_pem)
        .arg("--tls-key")
        .arg(&not_pem)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no certificate (BEGIN CERTIFICATE)",
        ));
    office::urna(&o.tally)
        .args(["tally", "serve", "--listen", "nowhere"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--listen nowhere: not an address to listen on: HOST:PORT",
        ));
    // A name that cannot be looked up: said in words, not the resolver's.
    office::urna(&o.tally)
        .args(["tally", "serve", "--listen", "nowhere.invalid:8080"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "cannot listen on nowhere.invalid:8080: no computer has that name",
        ));
    let none = o.root.join("no-office");
    office::urna(&none)
        .args(["tally", "serve", "--listen", "127.0.0.1:0"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("urna tally init"));
    // In Polish by default.
    std::process::Command::new(env!("CARGO_BIN_EXE_urna"))
        .env_remove("URNA_DATA_DIR")
        .arg("--data-dir")
        .arg(&o.tally)
        .args(["tally", "serve", "--listen", "nowhere.invalid:8080"])
        .output()
        .map(|out| {
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(
                err.contains("nie można nasłuchiwać na nowhere.invalid:8080: nie ma komputera o takiej nazwie"),
                "{err}"
            );
        })
        .expect("run");
}
